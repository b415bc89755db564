//! "Plan the rest": for the unplanned months of a running or future trajectory, a sequence
//! of instruments that fills them without breaking any rule: an art. 60§7 employment if
//! none is planned and it can still start in time, then WES and IBO back to back.

use crate::model::calendar::{
    DateRange, add_days, add_months, last_day_within_days, last_day_within_months,
};
use crate::model::{Dossier, Instrument, InstrumentKind, Status};
use crate::rules::params::{ART60_START_MONTHS, IBO_MAX_WEEKS, IBO_MIN_WEEKS, WES_MAX_MONTHS};
use crate::rules::{CheckContext, Severity, check};
use chrono::NaiveDate;

/// How long a proposed art. 60§7 employment lasts: about a year, the usual length.
const ART60_MONTHS: u32 = 12;

/// The proposal: instruments to add to the dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The new instruments, in order.
    pub instruments: Vec<Instrument>,
}

impl Proposal {
    /// The dossier with the proposal accepted.
    pub fn apply_to(&self, d: &Dossier) -> Dossier {
        let mut out = d.clone();
        out.instruments.extend(self.instruments.iter().cloned());
        out
    }
}

fn planned(kind: InstrumentKind, start: NaiveDate, end: NaiveDate) -> Instrument {
    Instrument {
        kind,
        start,
        end,
        status: Status::Planned,
    }
}

/// WES and IBO alternating over `free` (inclusive), each as long as allowed; the last one
/// takes what remains. A remainder too short for an IBO becomes a WES.
fn fill(free: DateRange, start_with_wes: bool) -> Vec<Instrument> {
    let mut out = Vec::new();
    let mut cursor = free.start;
    let mut wes = start_with_wes;
    let ibo_min = (IBO_MIN_WEEKS.value * 7) as i64;
    while cursor <= free.end {
        let left = DateRange::new(cursor, free.end).days();
        let (kind, latest) = if wes || left < ibo_min {
            (
                InstrumentKind::Wes,
                last_day_within_months(cursor, WES_MAX_MONTHS.value),
            )
        } else {
            (
                InstrumentKind::Ibo,
                last_day_within_days(cursor, IBO_MAX_WEEKS.value * 7),
            )
        };
        let mut end = latest.min(free.end);
        // Never leave a tail too short for anything useful: let this one stop earlier so the
        // next gets at least four weeks.
        let rest = DateRange::new(add_days(end, 1), free.end).days();
        if rest > 0 && rest < ibo_min && DateRange::new(cursor, end).days() > 2 * ibo_min {
            end = crate::model::calendar::sub_days(free.end, ibo_min as u64);
        }
        out.push(planned(kind, cursor, end));
        cursor = add_days(end, 1);
        wes = !wes;
    }
    out
}

/// The unplanned stretch of `d`: from the day after its last instrument (or its start) to
/// its regular last day; `None` for a closed trajectory or when nothing is left.
pub fn unplanned(d: &Dossier) -> Option<DateRange> {
    if d.end.is_some() {
        return None;
    }
    let last = d.regular_last_day();
    let after = d
        .instruments
        .iter()
        .filter(|i| i.range().is_valid())
        .map(|i| add_days(i.end, 1))
        .max();
    let from = after.map_or(d.start, |a| a.max(d.start));
    let range = DateRange::new(from, last);
    range.is_valid().then_some(range)
}

/// Proposes instruments for the unplanned months of `d`, or `None` when there is nothing
/// to plan or no proposal that adds no finding. Every proposal returned has been checked:
/// the dossier with it has no error or warning the dossier without it did not have.
pub fn plan_rest(d: &Dossier, ctx: &CheckContext<'_>) -> Option<Proposal> {
    let free = unplanned(d)?;
    let mut instruments = Vec::new();
    let has_art60 = d
        .instruments
        .iter()
        .any(|i| i.kind == InstrumentKind::Art60);
    let deadline = add_months(d.start, ART60_START_MONTHS.value);
    let mut rest = free;
    if !has_art60 && free.start <= deadline {
        let end = last_day_within_months(free.start, ART60_MONTHS).min(free.end);
        instruments.push(planned(InstrumentKind::Art60, free.start, end));
        rest = DateRange::new(add_days(end, 1), free.end);
    }
    if rest.is_valid() {
        instruments.extend(fill(rest, true));
    }
    let proposal = Proposal { instruments };
    introduces_nothing(d, &proposal, ctx).then_some(proposal)
}

/// Whether accepting `p` adds no error or warning to `d`.
pub fn introduces_nothing(d: &Dossier, p: &Proposal, ctx: &CheckContext<'_>) -> bool {
    let key = |f: &crate::rules::Finding| (f.rule.id, f.instruments.clone(), f.from, f.to);
    let before: Vec<_> = check(d, ctx)
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .map(key)
        .collect();
    let after = check(&p.apply_to(d), ctx);
    after
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .all(|f| before.contains(&key(f)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date_serde::parse;
    use proptest::prelude::*;

    fn d(start: NaiveDate, instruments: Vec<Instrument>) -> Dossier {
        Dossier {
            id: "P".into(),
            client: "C".into(),
            ocmw: "Gent".into(),
            guided_by: None,
            plan: Some(crate::model::Plan::Pop),
            start,
            end: None,
            social_rights_acquired: None,
            instruments,
            documents: vec![],
            activities: vec![],
            outcome: None,
        }
    }

    fn ctx() -> CheckContext<'static> {
        CheckContext::new(parse("2017-01-01").unwrap())
    }

    fn has(d: &Dossier, id: &str) -> bool {
        check(d, &ctx()).iter().any(|f| f.rule.id == id)
    }

    #[test]
    fn an_empty_trajectory_gets_art60_then_wes_and_ibo() {
        let x = d(parse("2020-01-01").unwrap(), vec![]);
        let p = plan_rest(&x, &ctx()).unwrap();
        let kinds: Vec<_> = p.instruments.iter().map(|i| i.kind.kind_type()).collect();
        assert_eq!(kinds[0], crate::model::InstrumentType::Art60);
        assert!(
            kinds.contains(&crate::model::InstrumentType::Wes)
                && kinds.contains(&crate::model::InstrumentType::Ibo)
        );
        let after = p.apply_to(&x);
        for rule in [
            "inactive-period",
            "fewer-than-two-per-year",
            "art60-missing",
            "overlap",
            "max-duration",
        ] {
            assert!(!has(&after, rule), "{rule}: {:#?}", check(&after, &ctx()));
        }
        assert_eq!(after.instruments.last().unwrap().end, x.regular_last_day());
    }

    #[test]
    fn nothing_to_plan_for_a_closed_or_full_trajectory() {
        let mut x = d(parse("2020-01-01").unwrap(), vec![]);
        x.end = Some(parse("2021-12-31").unwrap());
        assert!(plan_rest(&x, &ctx()).is_none());
        let full = d(
            parse("2020-01-01").unwrap(),
            vec![planned(
                InstrumentKind::Art60,
                parse("2020-01-01").unwrap(),
                parse("2021-12-31").unwrap(),
            )],
        );
        assert!(plan_rest(&full, &ctx()).is_none());
    }

    proptest! {
        /// After any art. 60§7 employment (or none), the proposal leaves no inactive period
        /// and no year below target in the planned months, and adds no finding.
        #[test]
        fn proposals_pass_every_rule(start_offset in 0u64..3000, art60_days in proptest::option::of(30u64..600), delay in 0u64..62) {
            let start = add_days(parse("2017-01-01").unwrap(), start_offset);
            let instruments = art60_days
                .map(|n| vec![planned(InstrumentKind::Art60, add_days(start, delay), add_days(start, delay + n))])
                .unwrap_or_default();
            let x = d(start, instruments);
            let ctx = CheckContext::new(start);
            if let Some(p) = plan_rest(&x, &ctx) {
                let after = p.apply_to(&x);
                prop_assert!(introduces_nothing(&x, &p, &ctx));
                let bad: Vec<_> = check(&after, &ctx)
                    .into_iter()
                    .filter(|f| f.severity() == Severity::Error || ["inactive-period", "fewer-than-two-per-year"].contains(&f.rule.id))
                    .filter(|f| f.from.is_none_or(|from| from > unplanned(&x).unwrap().start))
                    .map(|f| f.rule.id)
                    .collect();
                prop_assert!(bad.is_empty(), "{:?} for {:?}", bad, x.instruments);
            } else {
                // Only when nothing is left to plan.
                prop_assert!(unplanned(&x).is_none(), "no proposal for {:?}", x.instruments);
            }
        }
    }
}

//! "Plan the rest": for the unplanned months of a running or future trajectory, a sequence
//! of instruments that fills them without breaking any rule: an art. 60§7 employment if
//! none is planned and it can still start in time, then WES and IBO back to back. Only
//! stretches longer than an inactive period are filled, none before the art. 60§7
//! employment starts, and nothing shorter than four weeks is proposed.

use crate::model::calendar::{
    DateRange, add_days, add_months, last_day_within_days, last_day_within_months,
};
use crate::model::{Dossier, Instrument, InstrumentKind, Status};
use crate::rules::params::{
    ART60_START_MONTHS, IBO_MAX_WEEKS, IBO_MIN_WEEKS, INACTIVE_MAX_DAYS, WES_MAX_MONTHS,
};
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
        // Less than four weeks holds nothing a counsellor would plan (a 2-day WES was
        // proposed), and breaks no rule left empty.
        if left < MIN_GAP_DAYS {
            break;
        }
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

/// The shortest stretch between two instruments that is worth planning: four weeks, the
/// shortest IBO; shorter ones break no rule and hold nothing useful.
const MIN_GAP_DAYS: i64 = 28;

/// The stretches inside the trajectory where no instrument runs, in order: between
/// instruments (at least [`MIN_GAP_DAYS`] long) and after the last one (up to the regular
/// last day); none for a closed trajectory.
pub fn gaps(d: &Dossier) -> Vec<DateRange> {
    if d.end.is_some() {
        return Vec::new();
    }
    let last = d.regular_last_day();
    let mut valid: Vec<DateRange> = d
        .instruments
        .iter()
        .map(Instrument::range)
        .filter(DateRange::is_valid)
        .collect();
    valid.sort_by_key(|r| (r.start, r.end));
    let mut out = Vec::new();
    let mut cursor = d.start;
    for r in valid {
        if r.start > cursor && cursor <= last {
            let gap = DateRange::new(
                cursor,
                crate::model::calendar::sub_days(r.start, 1).min(last),
            );
            if gap.days() >= MIN_GAP_DAYS {
                out.push(gap);
            }
        }
        cursor = cursor.max(add_days(r.end, 1));
    }
    if let Some(tail) = unplanned(d) {
        out.push(tail);
    }
    out
}

/// Proposes instruments for the unplanned months of `d` (the stretches between instruments
/// and after the last one), or `None` when there is nothing to plan or no proposal that
/// adds no finding. An art. 60§7 employment comes first if there is none and it can still
/// start in time; the rest is WES and IBO back to back. Every proposal returned has been
/// checked: the dossier with it has no error or warning the dossier without it did not have.
pub fn plan_rest(d: &Dossier, ctx: &CheckContext<'_>) -> Option<Proposal> {
    let has_art60 = d
        .instruments
        .iter()
        .any(|i| i.kind == InstrumentKind::Art60);
    let deadline = add_months(d.start, ART60_START_MONTHS.value);
    let mut art60_placed = has_art60;
    // Each stretch's proposal, kept only if it adds no finding to what is kept so far.
    let mut kept = Proposal {
        instruments: Vec::new(),
    };
    // The first art. 60§7 employment's start: the months before it are the employment's
    // to fill (art60-late-start says move it up), never a WES's or an IBO's.
    let first_art60 = d
        .instruments
        .iter()
        .filter(|i| i.kind == InstrumentKind::Art60 && i.range().is_valid())
        .map(|i| i.start)
        .min();
    for free in gaps(d) {
        // Only a stretch a rule complains about, or will once it is reached: longer than
        // an inactive period (a 28-day gap that broke no rule got a 4-week WES).
        if free.days() <= INACTIVE_MAX_DAYS.value {
            continue;
        }
        if first_art60.is_some_and(|a| free.start < a) {
            continue;
        }
        let mut instruments = Vec::new();
        let mut rest = free;
        if !art60_placed && free.start <= deadline {
            let end = last_day_within_months(free.start, ART60_MONTHS).min(free.end);
            instruments.push(planned(InstrumentKind::Art60, free.start, end));
            rest = DateRange::new(add_days(end, 1), free.end);
        }
        if rest.is_valid() {
            instruments.extend(fill(rest, true));
        }
        let mut candidate = kept.clone();
        candidate.instruments.extend(instruments.iter().cloned());
        if introduces_nothing(d, &candidate, ctx) {
            art60_placed |= instruments.iter().any(|i| i.kind == InstrumentKind::Art60);
            kept = candidate;
        }
    }
    (!kept.instruments.is_empty()).then_some(kept)
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
            counsellor: None,
            plan: Some(crate::model::Plan::Pop),
            start,
            end: None,
            social_rights_acquired: None,
            instruments,
            documents: vec![],
            activities: vec![],
            outcome: None,
            notes: Vec::new(),
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
    fn a_gap_inside_the_trajectory_is_planned_too() {
        // Art. 60§7 for a year, then 62 days of nothing, then a WES to the end.
        let s = parse("2020-01-01").unwrap();
        let x = d(
            s,
            vec![
                planned(
                    InstrumentKind::Art60,
                    parse("2020-01-15").unwrap(),
                    parse("2021-01-14").unwrap(),
                ),
                planned(
                    InstrumentKind::Wes,
                    parse("2021-03-18").unwrap(),
                    parse("2021-09-17").unwrap(),
                ),
                planned(InstrumentKind::Ibo, parse("2021-09-18").unwrap(), x_last(s)),
            ],
        );
        let ctx = CheckContext::new(s);
        assert!(
            check(&x, &ctx)
                .iter()
                .any(|f| f.rule.id == "inactive-period")
        );
        let p = plan_rest(&x, &ctx).expect("the gap is planned");
        assert!(
            p.instruments
                .iter()
                .all(|i| i.start >= parse("2021-01-15").unwrap()
                    && i.end <= parse("2021-03-17").unwrap()),
            "{:?}",
            p.instruments
        );
        let after = p.apply_to(&x);
        assert!(
            !check(&after, &ctx)
                .iter()
                .any(|f| f.rule.id == "inactive-period")
        );
        assert!(introduces_nothing(&x, &p, &ctx));
    }

    /// What a counsellor would not plan: a WES before the art. 60§7 start, anything in a
    /// 28-day gap that breaks no rule, a WES of a few days at the end.
    #[test]
    fn no_wes_before_the_art60_start_in_a_gap_no_rule_minds_or_of_a_few_days() {
        let s = parse("2020-01-01").unwrap();
        let last = x_last(s);
        // The art. 60§7 starts three months in (art60-late-start's to fix, not a WES's);
        // 28 days between it and the IBO; the IBO stops 2 days before the regular end.
        let x = d(
            s,
            vec![
                planned(
                    InstrumentKind::Art60,
                    parse("2020-04-01").unwrap(),
                    parse("2021-03-31").unwrap(),
                ),
                planned(
                    InstrumentKind::Wes,
                    parse("2021-04-29").unwrap(),
                    parse("2021-10-28").unwrap(),
                ),
                planned(
                    InstrumentKind::Ibo,
                    parse("2021-10-29").unwrap(),
                    crate::model::calendar::sub_days(last, 2),
                ),
            ],
        );
        let ctx = CheckContext::new(s);
        assert_eq!(plan_rest(&x, &ctx), None, "nothing a counsellor would plan");
    }

    /// The regular last day of a trajectory from `s`.
    fn x_last(s: NaiveDate) -> NaiveDate {
        d(s, vec![]).regular_last_day()
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
                // Only when no stretch is long enough for a rule to complain about.
                prop_assert!(
                    gaps(&x).iter().all(|g| g.days() <= INACTIVE_MAX_DAYS.value),
                    "no proposal for {:?}", x.instruments
                );
            }
            if let Some(p) = plan_rest(&x, &ctx) {
                let art60 = x.instruments.first().map(|i| i.start);
                for i in &p.instruments {
                    prop_assert!(i.range().days() >= MIN_GAP_DAYS, "{i:?} under four weeks");
                    if i.kind != InstrumentKind::Art60 {
                        let first = art60.or_else(|| p.instruments.first().map(|a| a.start));
                        prop_assert!(first.is_none_or(|a| i.start > a), "{i:?} before the art. 60§7 start");
                    }
                }
            }
        }
    }
}

//! Quick fixes: for findings whose fix is obvious, the dossier as it would be after it.
//! Each rule builds its own (its `fix`, beside its `find` and `describe`); this module holds
//! the type and the helpers they share. Pure, so the window applies one as a single undoable
//! edit and tests can check that it removes the finding.

use super::{CheckContext, Finding, Severity, check};
use crate::lang::{Lang, Text};
use crate::model::Dossier;
use chrono::NaiveDate;

/// One quick fix.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// What the fix does.
    pub label: Text,
    /// The dossier after the fix.
    pub dossier: Dossier,
}

impl Fix {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
}

/// Moves instrument `i` to start on `start`, keeping its length in the unit its rules
/// count it in: an art. 60§7, a WES or a training that lasts whole months keeps its months
/// (6 months from 31 August end on 27 or 28 February, not 183 days later); anything else,
/// and an IBO (weeks) or a BVS (days), keeps its days.
pub(super) fn shift_to(d: &mut Dossier, i: usize, start: NaiveDate) {
    if let Some(inst) = d.instruments.get_mut(i) {
        *inst = inst.moved_to(start);
    }
}

/// A copy of `d` with `f` applied.
pub(super) fn with(d: &Dossier, f: impl FnOnce(&mut Dossier)) -> Dossier {
    let mut out = d.clone();
    f(&mut out);
    out
}

/// A fix whose label names a day: `{}` in each template stands for it, written as the
/// language writes dates.
pub(super) fn dated(nl: &str, en: &str, day: NaiveDate, dossier: Dossier) -> Fix {
    let label = |template: &str, lang| template.replace("{}", &crate::lang::date(day, lang));
    fix(label(nl, Lang::Nl), label(en, Lang::En), dossier)
}

/// A fix with its label in both languages.
pub(super) fn fix(nl: String, en: String, dossier: Dossier) -> Fix {
    Fix {
        label: Text::new(nl, en),
        dossier,
    }
}

/// The quick fixes for `finding` in `dossier`, whose findings in `ctx` are `before` (often
/// none, at most a few): the finding's rule words and builds them ([`super::Rule::fix`]).
/// A fix that changes nothing, or that adds a finding, is never offered: each is checked.
pub fn fixes(
    finding: &Finding,
    d: &Dossier,
    before: &[Finding],
    ctx: &CheckContext<'_>,
) -> Vec<Fix> {
    let mut out = (finding.rule.fix)(finding, d);
    out.retain(|f| &f.dossier != d && adds_no_finding(before, &check(&f.dossier, ctx)));
    out
}

/// Whether `after` has, for no rule, more errors or warnings than `before`: a fix may move
/// a finding's dates, never make one more.
pub fn adds_no_finding(before: &[Finding], after: &[Finding]) -> bool {
    let serious = |fs: &[Finding], rule: &str| {
        fs.iter()
            .filter(|f| f.rule.id == rule && f.severity() > Severity::Info)
            .count()
    };
    after
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .all(|f| serious(after, f.rule.id) <= serious(before, f.rule.id))
}

/// The fix of a rule that has none.
pub fn none(_: &Finding, _: &Dossier) -> Vec<Fix> {
    Vec::new()
}

/// Ends the finding's first instrument on the trajectory's last day, when it starts inside
/// the trajectory (`wes-past-end`, `instrument-outside-trajectory`).
pub fn end_on_last_day(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let Some(i) = finding.instruments.first().copied() else {
        return Vec::new();
    };
    let last = d.last_day();
    let inside = d
        .instruments
        .get(i)
        .is_some_and(|x| x.start <= last && x.start >= d.start);
    if !inside {
        return Vec::new();
    }
    vec![dated(
        "Laten eindigen op de laatste dag van het traject ({})",
        "End it on the trajectory's last day ({})",
        last,
        with(d, |x| x.instruments[i].end = last),
    )]
}

/// One fix [`fix_all`] applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The rule whose finding it fixed.
    pub rule: &'static str,
    /// What it did.
    pub label: Text,
}

impl Applied {
    /// What it did, in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
}

/// Applies the unambiguous quick fixes (one fix offered) to `d`, in the rules' order, and
/// checks again after each, until none applies; `only`, when not empty, names the rules
/// whose findings may be fixed. A fix is applied only if it adds no finding (see
/// [`fixes`]) and lowers its rule's count of errors and warnings, so every step leaves
/// fewer findings and the loop ends.
pub fn fix_all(d: &Dossier, ctx: &CheckContext<'_>, only: &[&str]) -> (Dossier, Vec<Applied>) {
    let serious = |fs: &[Finding], rule: &str| {
        fs.iter()
            .filter(|f| f.rule.id == rule && f.severity() > Severity::Info)
            .count()
    };
    let mut current = d.clone();
    let mut applied = Vec::new();
    loop {
        let findings = check(&current, ctx);
        let next = super::RULES
            .iter()
            .filter(|r| only.is_empty() || only.contains(&r.id))
            .flat_map(|r| findings.iter().filter(move |f| f.rule.id == r.id))
            .find_map(|f| {
                let mut offered = fixes(f, &current, &findings, ctx);
                let fix = (offered.len() == 1).then(|| offered.remove(0))?;
                let after = check(&fix.dossier, ctx);
                (serious(&after, f.rule.id) < serious(&findings, f.rule.id))
                    .then_some((f.rule.id, fix))
            });
        let Some((rule, fix)) = next else {
            return (current, applied);
        };
        applied.push(Applied {
            rule,
            label: fix.label,
        });
        current = fix.dossier;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{CheckContext, check};

    /// Every fix the sample offers removes the finding it was offered for, and adds no error.
    #[test]
    fn every_offered_fix_removes_its_finding() {
        let ctx = CheckContext::new(crate::model::date_serde::parse("2026-06-01").unwrap());
        let mut offered = 0;
        for loaded in crate::sample::load().dossiers {
            let d = &loaded.dossier;
            let before = check(d, &ctx);
            for finding in &before {
                for f in fixes(finding, d, &before, &ctx) {
                    offered += 1;
                    let after = check(&f.dossier, &ctx);
                    let same = |x: &Finding| {
                        x.rule.id == finding.rule.id && x.instruments == finding.instruments
                    };
                    assert!(
                        !after.iter().any(same),
                        "{}: {} still there after «{}»",
                        d.id,
                        finding.rule.id,
                        f.label.en
                    );
                    let errors = |fs: &[Finding]| {
                        fs.iter()
                            .filter(|x| x.severity() == crate::rules::Severity::Error)
                            .count()
                    };
                    assert!(
                        errors(&after) <= errors(&before),
                        "{}: «{}» adds an error",
                        d.id,
                        f.label.en
                    );
                }
            }
        }
        assert!(offered >= 8, "{offered}");
    }
}

#[cfg(test)]
mod generated {
    use super::*;
    use crate::model::InstrumentKind;
    use crate::model::calendar::whole_months;
    use proptest::prelude::*;

    /// What a fix must keep of an instrument it moves: its whole months (art. 60§7, WES,
    /// training) or its days (everything else).
    fn length_kept(before: &crate::model::Instrument, after: &crate::model::Instrument) -> bool {
        let in_months = matches!(
            before.kind,
            InstrumentKind::Art60 | InstrumentKind::Wes | InstrumentKind::Opleiding { .. }
        );
        match whole_months(before.start, before.end).filter(|_| in_months) {
            Some(n) => whole_months(after.start, after.end) == Some(n),
            None => after.end - after.start == before.end - before.start,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Over generated dossiers with injected errors, in both year modes: no offered fix
        /// adds an error or warning of any rule, each moved instrument keeps its length in
        /// its rule's unit, and every fix changes the dossier.
        #[test]
        fn shared_drive_a_quick_fix_adds_no_finding_and_keeps_lengths(seed in 0u64..1_000_000, calendar in any::<bool>()) {
            let opts = crate::generate::Options {
                count: 150,
                seed,
                match_published: false,
                violations: 0.6,
            };
            let mut ctx = CheckContext::new(crate::model::date_serde::parse("2021-06-01").unwrap());
            if calendar {
                ctx.year_mode = crate::rules::YearMode::Calendar;
            }
            let mut offered = 0;
            for (d, _) in crate::generate::generate(&opts) {
                let before = check(&d, &ctx);
                for finding in &before {
                    for fix in fixes(finding, &d, &before, &ctx) {
                        offered += 1;
                        let after = check(&fix.dossier, &ctx);
                        prop_assert!(adds_no_finding(&before, &after), "{}: «{}»", d.id, fix.label.en);
                        prop_assert!(fix.dossier != d);
                        for (a, b) in d.instruments.iter().zip(&fix.dossier.instruments) {
                            if a.start != b.start {
                                prop_assert!(length_kept(a, b), "{}: «{}» {a:?} became {b:?}", d.id, fix.label.en);
                            }
                        }
                    }
                }
            }
            prop_assert!(offered > 10, "{offered} fixes offered");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        /// `fix_all` ends, adds no finding of any rule, and leaves no fixable finding of a
        /// rule it was allowed to fix with a single fix that would lower its count.
        #[test]
        fn shared_drive_fixing_everything_ends_and_adds_nothing(seed in 0u64..1_000_000) {
            let opts = crate::generate::Options { count: 100, seed, match_published: false, violations: 0.8 };
            let ctx = CheckContext::new(crate::model::date_serde::parse("2021-06-01").unwrap());
            for (d, _) in crate::generate::generate(&opts) {
                let before = check(&d, &ctx);
                let (fixed, applied) = fix_all(&d, &ctx, &[]);
                let after = check(&fixed, &ctx);
                prop_assert!(adds_no_finding(&before, &after), "{}", d.id);
                prop_assert_eq!(applied.is_empty(), fixed == d);
                let serious = |fs: &[Finding]| fs.iter().filter(|f| f.severity() > Severity::Info).count();
                prop_assert!(serious(&after) + applied.len() <= serious(&before), "{}", d.id);
            }
        }
    }

    #[test]
    fn shared_drive_moving_a_wes_up_keeps_its_six_months() {
        let ctx = CheckContext::new(crate::model::date_serde::parse("2026-06-01").unwrap());
        let mut d = crate::sample::load()
            .dossiers
            .into_iter()
            .map(|l| l.dossier)
            .find(|d| d.id == "LEUV-2018-0006")
            .unwrap();
        // Leave a 90-day gap before the WES, which lasts six whole months.
        let k = d.instruments.len() - 1;
        let wes_start = d.instruments[k].start;
        d.instruments[k].kind = InstrumentKind::Wes;
        d.instruments[k].end =
            crate::model::calendar::last_day_within_months(wes_start + chrono::Days::new(90), 6);
        d.instruments[k].start = wes_start + chrono::Days::new(90);
        let before = check(&d, &ctx);
        let gap = before
            .iter()
            .find(|f| f.rule.id == "inactive-period")
            .expect("a gap");
        let fix = fixes(gap, &d, &before, &ctx).remove(0);
        let moved = &fix.dossier.instruments[k];
        assert_eq!(whole_months(moved.start, moved.end), Some(6), "{moved:?}");
        assert!(
            !check(&fix.dossier, &ctx)
                .iter()
                .any(|f| f.rule.id == "max-duration")
        );
    }
}

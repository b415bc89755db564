//! Quick fixes: for findings whose fix is obvious, the dossier as it would be after it.
//! Each rule builds its own (its `fix`, beside its `find` and `describe`); this module holds
//! the type and the helpers they share. Pure, so the window applies one as a single undoable
//! edit and tests can check that it removes the finding.

use super::Finding;
use crate::lang::Lang;
use crate::model::Dossier;
use chrono::NaiveDate;

/// One quick fix.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// What the fix does, Dutch and English.
    pub label: (String, String),
    /// The dossier after the fix.
    pub dossier: Dossier,
}

impl Fix {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label.0, &self.label.1)
    }
}

/// Moves instrument `i` to start on `start`, keeping its length.
pub(super) fn shift_to(d: &mut Dossier, i: usize, start: NaiveDate) {
    if let Some(inst) = d.instruments.get_mut(i) {
        let delta = start - inst.start;
        inst.start = start;
        inst.end += delta;
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
        label: (nl, en),
        dossier,
    }
}

/// The quick fixes for `finding` in `dossier` (often none, at most a few): the finding's
/// rule words and builds them ([`super::Rule::fix`]); one that changes nothing is dropped.
pub fn fixes(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let mut out = (finding.rule.fix)(finding, d);
    out.retain(|f| &f.dossier != d);
    out
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
                for f in fixes(finding, d) {
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
                        f.label.1
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
                        f.label.1
                    );
                }
            }
        }
        assert!(offered >= 8, "{offered}");
    }
}

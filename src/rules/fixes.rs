//! Quick fixes: for findings whose fix is obvious, the dossier as it would be after it.
//! Pure, so the window applies one as a single undoable edit and tests can check that it
//! removes the finding.

use super::instruments::latest_end;
use super::params::{ART60_START_MONTHS, IBO_MIN_WEEKS};
use super::{Detail, Finding, TechnicalIssue};
use crate::lang::Lang;
use crate::model::calendar::{add_months, last_day_within_days};
use crate::model::{Dossier, Plan};
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
fn shift_to(d: &mut Dossier, i: usize, start: NaiveDate) {
    if let Some(inst) = d.instruments.get_mut(i) {
        let delta = start - inst.start;
        inst.start = start;
        inst.end += delta;
    }
}

fn with(d: &Dossier, f: impl FnOnce(&mut Dossier)) -> Dossier {
    let mut out = d.clone();
    f(&mut out);
    out
}

/// A fix whose label names a day: `{}` in each template stands for it, written as the
/// language writes dates.
fn dated(nl: &str, en: &str, day: NaiveDate, dossier: Dossier) -> Fix {
    let label = |template: &str, lang| template.replace("{}", &crate::lang::date(day, lang));
    fix(label(nl, Lang::Nl), label(en, Lang::En), dossier)
}

fn fix(nl: String, en: String, dossier: Dossier) -> Fix {
    Fix {
        label: (nl, en),
        dossier,
    }
}

/// The quick fixes for `finding` in `dossier` (often none, at most a few).
pub fn fixes(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let first = finding.instruments.first().copied();
    let mut out = Vec::new();
    match (finding.rule.id, first) {
        ("art60-late-start", Some(i)) => {
            let deadline = add_months(d.start, ART60_START_MONTHS.value);
            out.push(dated(
                "Start art. 60§7 op {}",
                "Start art. 60§7 on {}",
                deadline,
                with(d, |x| shift_to(x, i, deadline)),
            ));
        }
        ("max-duration", Some(i)) => {
            if let Some(latest) = d.instruments.get(i).and_then(latest_end) {
                out.push(dated(
                    "Inkorten tot het maximum ({})",
                    "Shorten to the maximum ({})",
                    latest,
                    with(d, |x| x.instruments[i].end = latest),
                ));
            }
        }
        ("technical-training", Some(i)) => {
            if let Detail::Technical(TechnicalIssue {
                too_long: Some(latest),
                ..
            }) = finding.detail
            {
                out.push(dated(
                    "Inkorten tot 3 maanden ({})",
                    "Shorten to 3 months ({})",
                    latest,
                    with(d, |x| x.instruments[i].end = latest),
                ));
            }
        }
        ("min-duration", Some(i)) => {
            let start = d.instruments.get(i).map(|x| x.start).unwrap_or(d.start);
            let end = last_day_within_days(start, IBO_MIN_WEEKS.value * 7);
            out.push(dated(
                "Verlengen tot 4 weken ({})",
                "Extend to 4 weeks ({})",
                end,
                with(d, |x| x.instruments[i].end = end),
            ));
        }
        ("wes-past-end", Some(i)) | ("instrument-outside-trajectory", Some(i))
            if d.instruments
                .get(i)
                .is_some_and(|x| x.start <= d.last_day() && x.start >= d.start) =>
        {
            let last = d.last_day();
            out.push(dated(
                "Laten eindigen op de laatste dag van het traject ({})",
                "End it on the trajectory's last day ({})",
                last,
                with(d, |x| x.instruments[i].end = last),
            ));
        }
        ("instrument-outside-trajectory", Some(i))
            if d.instruments
                .get(i)
                .is_some_and(|x| x.start < d.start && x.end >= d.start) =>
        {
            // Cut off the days before the start rather than shift: shifting could make it
            // overlap what follows.
            out.push(dated(
                "Laten beginnen bij de start van het traject ({})",
                "Start it when the trajectory starts ({})",
                d.start,
                with(d, |x| x.instruments[i].start = x.start),
            ));
        }
        ("art60-past-social-rights", Some(i)) => {
            if let Some(rights) = d.social_rights_acquired {
                out.push(dated(
                    "Laten eindigen op {}",
                    "End it on {}",
                    rights,
                    with(d, |x| x.instruments[i].end = rights),
                ));
            }
        }
        ("trajectory-too-long", _) => {
            let last = d.regular_last_day();
            out.push(dated(
                "Einde op de laatste gewone dag ({})",
                "End on the regular last day ({})",
                last,
                with(d, |x| x.end = Some(last)),
            ));
        }
        ("inactive-period", _) => {
            // The instrument after the gap is the last one the finding names, if it starts
            // after the gap; move it up to the gap's first day.
            let next = finding.instruments.last().copied().filter(|&n| {
                d.instruments
                    .get(n)
                    .zip(finding.to)
                    .is_some_and(|(x, to)| x.start > to)
            });
            if let (Some(n), Some(from)) = (next, finding.from) {
                out.push(dated(
                    "Volgend instrument laten aansluiten ({})",
                    "Move the next instrument up ({})",
                    from,
                    with(d, |x| shift_to(x, n, from)),
                ));
            }
        }
        ("plan-missing", _) => {
            out.push(fix(
                "POP toevoegen".into(),
                "Add the missing POP".into(),
                with(d, |x| x.plan = Some(Plan::Pop)),
            ));
        }
        _ => {}
    }
    // Never offer a fix that changes nothing.
    out.retain(|f| &f.dossier != d);
    out
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

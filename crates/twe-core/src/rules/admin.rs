//! Rules about the dossier's paperwork and parties: plan, uploads, mediation, the OCMW.

use super::Finding;
use super::agenda::{Deadline, Due, Kind};
use super::fixes::{self, Fix};
use super::params::{DOCUMENTS_STALE_DAYS, OUTCOME_AFTER_MONTHS};
use super::source::{Document, Source};
use super::{Detail, Facts, Hit, InstrumentIds, Rule, Severity};
use crate::lang;
use crate::lang::Text;
use crate::model::Actor;
use crate::model::calendar::{add_days, add_months, sub_days};
use crate::model::{Dossier, Plan};
use chrono::NaiveDate;

pub const PLAN_MISSING: Rule = Rule {
    id: "plan-missing",
    severity: Severity::Warning,
    needs_range: false,
    deadline: None,
    title: Text::fixed("Geen POP of gelijkaardig plan", "No POP or similar plan"),
    source: Source {
        document: Document::Seed,
        passage: "Bij de start van de begeleiding wordt een POP of een gelijkaardig instrument \
                  door het OCMW opgemaakt.",
    },
    find: |f, out| {
        if f.dossier.plan.is_none() {
            out.push(Hit::dossier(Detail::None));
        }
    },
    fix: plan_fix,
    describe: |_, _, lang| {
        lang.pick(
            "Er is geen POP of gelijkaardig instrument (GPMI) vastgelegd; maak het op bij de start en vul 'plan' in.",
            "No POP or similar instrument (GPMI) is recorded; draw it up at the start and fill in 'plan'.",
        )
        .to_string()
    },
};

/// The last day uploads are in time on the reference date, while the trajectory runs (its
/// art. 60§7 extension included, decision 4): 90 days after the later of its start and the
/// last upload on or before the reference date (later ones do not count, decision 6).
fn upload_due(f: &Facts<'_>) -> Option<NaiveDate> {
    let today = f.ctx.today;
    if !f.running().contains(today) {
        return None;
    }
    let last_upload = f
        .dossier
        .documents
        .iter()
        .map(|d| d.uploaded)
        .filter(|&u| u <= today)
        .max();
    let since = last_upload.map_or(f.dossier.start, |u| u.max(f.dossier.start));
    Some(add_days(since, DOCUMENTS_STALE_DAYS.value as u64))
}

/// The day the outflow is measured, for a closed trajectory whose outcome is not measured
/// on or after it: 12 months after the end.
fn followup_due(f: &Facts<'_>) -> Option<NaiveDate> {
    let end = f.dossier.end?;
    let due = add_months(end, OUTCOME_AFTER_MONTHS.value);
    let measured = f
        .dossier
        .outcome
        .as_ref()
        .is_some_and(|o| o.measured >= due);
    (!measured).then_some(due)
}

pub const OUTCOME_MISSING: Rule = Rule {
    id: "outcome-missing",
    severity: Severity::Warning,
    needs_range: true,
    deadline: Some(Deadline {
        kind: Kind::OutcomeFollowup,
        due: |f| followup_due(f).map(Due::on),
        was_due: |finding, _| match finding.detail {
            Detail::Date(due) => Some(due),
            _ => None,
        },
    }),
    title: Text::fixed(
        "Uitkomst 12 maanden na het einde niet gemeten",
        "Outcome 12 months after the end not measured",
    ),
    source: OUTCOME_AFTER_MONTHS.source,
    find: |f, out| {
        let today = f.ctx.today;
        if let Some(due) = followup_due(f)
            && today > due
        {
            out.push(Hit {
                instruments: InstrumentIds::new(),
                from: Some(add_days(due, 1)),
                to: Some(today),
                detail: Detail::Date(due),
            });
        }
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        let due = match finding.detail {
            Detail::Date(x) => lang::date(x, lang),
            _ => String::new(),
        };
        let end = d.end.map(|e| lang::date(e, lang)).unwrap_or_default();
        let earlier = d.outcome.as_ref().map(|o| {
            format!(
                " {} {} {}",
                lang.pick("De meting van", "The measurement of"),
                lang::date(o.measured, lang),
                lang.pick("is daarvoor te vroeg.", "is too early for it.")
            )
        });
        format!(
            "{} {end}; {} ({due}) {}.{} {}",
            lang.pick("Het traject eindigde op", "The trajectory ended on"),
            lang.pick(
                "de uitkomst 12 maanden later",
                "the outcome 12 months later"
            ),
            lang.pick("is niet vastgelegd", "is not recorded"),
            earlier.unwrap_or_default(),
            lang.pick(
                "Ga na of de cliënt aan het werk is en vul 'outcome' in.",
                "Find out whether the client is at work and fill in 'outcome'.",
            )
        )
    },
};

pub const DOCUMENTS_STALE: Rule = Rule {
    id: "documents-stale",
    severity: Severity::Warning,
    needs_range: true,
    deadline: Some(Deadline {
        kind: Kind::DocumentsUpload,
        // Like every kind but the follow-up, for open trajectories only (`end` not set).
        due: |f| {
            if f.dossier.end.is_some() {
                return None;
            }
            let due = upload_due(f)?;
            (due <= f.running_last).then_some(Due::on(due))
        },
        was_due: |finding, _| {
            finding
                .from
                .map(|from| add_days(from, DOCUMENTS_STALE_DAYS.value as u64 - 1))
        },
    }),
    title: Text::fixed(
        "Documenten te lang niet opgeladen",
        "Documents not uploaded for too long",
    ),
    source: DOCUMENTS_STALE_DAYS.source,
    find: |f, out| {
        let today = f.ctx.today;
        let Some(due) = upload_due(f) else { return };
        if today > due {
            let since = sub_days(due, DOCUMENTS_STALE_DAYS.value as u64);
            out.push(Hit {
                instruments: InstrumentIds::new(),
                from: Some(add_days(since, 1)),
                to: Some(today),
                detail: Detail::Days {
                    actual: (today - since).num_days(),
                    limit: DOCUMENTS_STALE_DAYS.value,
                },
            });
        }
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        let days = match finding.detail {
            Detail::Days { actual, .. } => actual,
            _ => 0,
        };
        let since = finding.from.map(|x| x.pred_opt().unwrap_or(x));
        let date = since.map(|x| lang::date(x, lang)).unwrap_or_default();
        // Counted from the start when nothing was uploaded after it by the reference date:
        // uploads before the start or after the reference date do not count (decision 6).
        let what = if since.is_none_or(|x| x <= d.start) {
            lang.pick(
                "de start van het traject, zonder upload sindsdien",
                "the start, with no upload since",
            )
        } else {
            lang.pick("de laatste upload", "the last upload")
        };
        format!(
            "{days} {} {what} ({date}; {} {} {}). {}",
            lang.pick("dagen sinds", "days since"),
            lang.pick("meer dan", "more than"),
            DOCUMENTS_STALE_DAYS.value,
            lang.pick("dagen", "days"),
            lang.pick(
                "Laad de documenten nu op in MLP in plaats van op het einde.",
                "Upload the documents to MLP now rather than at the end.",
            )
        )
    },
};

pub const MEDIATION_BY_VDAB: Rule = Rule {
    id: "mediation-by-vdab",
    severity: Severity::Warning,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "Bemiddeling naar werk door VDAB",
        "Job mediation done by VDAB",
    ),
    source: Source {
        document: Document::Seed,
        passage: "Alle elementen die inherent gelinkt zijn aan het bemiddelen naar werk, zoals \
                  heroriënteren, jobcoaching en jobsearching, opstellen van een CV, \
                  sollicitatietraining,... moeten door OCMW zelf opgenomen worden.",
    },
    find: |f, out| {
        for (a, act) in f.dossier.activities.iter().enumerate() {
            if act.by == Actor::Vdab && act.kind.is_mediation() {
                out.push(Hit {
                    instruments: InstrumentIds::new(),
                    from: Some(act.date),
                    to: Some(act.date),
                    detail: Detail::Activity(a),
                });
            }
        }
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        let act = match finding.detail {
            Detail::Activity(a) => d.activities.get(a),
            _ => None,
        };
        let (what, when) = act.map_or((String::new(), String::new()), |a| {
            (a.kind.label(lang), lang::date(a.date, lang))
        });
        format!(
            "{} {} ({when}) {}",
            lang.pick("Activiteit", "Activity"),
            what,
            lang.pick(
                "staat op naam van VDAB: bemiddeling naar werk moet het OCMW of de organisatie \
                 waaraan het uitbesteedt zelf doen. Zet 'by' op Ocmw of Organisation.",
                "is recorded as done by VDAB: job mediation is for the OCMW or the organisation \
                 it outsources to. Set 'by' to Ocmw or Organisation.",
            )
        )
    },
};

pub const UNKNOWN_OCMW: Rule = Rule {
    id: "unknown-ocmw",
    severity: Severity::Error,
    needs_range: false,
    deadline: None,
    title: Text::fixed("Onbekend OCMW", "Unknown OCMW"),
    source: Source {
        document: Document::Municipalities,
        passage: "Elk dossier noemt zijn OCMW naar een Vlaamse gemeente van 2017 of later.",
    },
    find: |f, out| {
        let name = f.dossier.ocmw.as_str();
        // The suggestion is looked for when the message is worded, not here: checking a
        // workspace must not compare every unknown name with every municipality.
        if f.ctx.municipalities.get(name).is_none() {
            out.push(Hit::dossier(Detail::UnknownName));
        }
    },
    fix: super::fixes::none,
    describe: |_, d, lang| {
        let hint = crate::reference::municipalities()
            .nearest(&d.ocmw)
            .map_or_else(String::new, |s| {
                format!(" {} «{s}»?", lang.pick("Bedoelde u", "Did you mean"))
            });
        format!(
            "{} «{}» {}{hint}",
            lang.pick("OCMW", "OCMW"),
            d.ocmw,
            lang.pick(
                "is geen Vlaamse gemeente van 2017 of later.",
                "is not a Flemish municipality of 2017 or later.",
            )
        )
    },
};

/// `plan-missing`: record the POP.
fn plan_fix(_: &Finding, d: &Dossier) -> Vec<Fix> {
    vec![fixes::fix(
        "POP toevoegen".into(),
        "Add the missing POP".into(),
        fixes::with(d, |x| x.plan = Some(Plan::Pop)),
    )]
}

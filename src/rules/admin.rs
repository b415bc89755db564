//! Rules about the dossier's paperwork and parties: plan, uploads, mediation, the OCMW.

use super::Finding;
use super::fixes::{self, Fix};
use super::params::DOCUMENTS_STALE_DAYS;
use super::source::{Document, Source};
use super::{Detail, Hit, InstrumentIds, Rule, Severity};
use crate::lang;
use crate::model::Actor;
use crate::model::calendar::add_days;
use crate::model::{Dossier, Plan};

pub const PLAN_MISSING: Rule = Rule {
    id: "plan-missing",
    severity: Severity::Warning,
    needs_range: false,
    title: ("Geen POP of gelijkaardig plan", "No POP or similar plan"),
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

pub const DOCUMENTS_STALE: Rule = Rule {
    id: "documents-stale",
    severity: Severity::Warning,
    needs_range: true,
    title: (
        "Documenten te lang niet opgeladen",
        "Documents not uploaded for too long",
    ),
    source: DOCUMENTS_STALE_DAYS.source,
    find: |f, out| {
        let today = f.ctx.today;
        if !f.window().contains(today) {
            return;
        }
        let last_upload = f
            .dossier
            .documents
            .iter()
            .map(|d| d.uploaded)
            .filter(|&u| u <= today)
            .max();
        let since = last_upload.map_or(f.dossier.start, |u| u.max(f.dossier.start));
        let days = (today - since).num_days();
        if days > DOCUMENTS_STALE_DAYS.value {
            out.push(Hit {
                instruments: InstrumentIds::new(),
                from: Some(add_days(since, 1)),
                to: Some(today),
                detail: Detail::Days {
                    actual: days,
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
        let since = finding
            .from
            .map(|x| lang::date(x.pred_opt().unwrap_or(x), lang))
            .unwrap_or_default();
        let what = if d.documents.is_empty() {
            lang.pick(
                "de start van het traject, zonder enige upload",
                "the trajectory's start, with no upload at all",
            )
        } else {
            lang.pick("de laatste upload", "the last upload")
        };
        format!(
            "{days} {} {what} ({since}; {} {} {}). {}",
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
    title: (
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
    title: ("Onbekend OCMW", "Unknown OCMW"),
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

//! Rules about the art. 60§7 employment: its timely start, its presence, its end.

use super::Finding;
use super::agenda::{Deadline, Due, Kind};
use super::fixes::{self, Fix};
use super::params::ART60_START_MONTHS;
use super::source::{Document, Source};
use super::wording;
use super::{Detail, Facts, Hit, Rule, Severity};
use crate::lang;
use crate::lang::Text;
use crate::model::Dossier;
use crate::model::InstrumentKind;
use crate::model::calendar::{add_days, add_months};

/// `art60-start`: an open trajectory where no art. 60§7 employment (with valid dates) starts
/// within two months of the start must start one by then.
fn art60_start_due(f: &Facts<'_>) -> Option<Due> {
    if f.dossier.end.is_some() {
        return None;
    }
    let start = f.dossier.start;
    let deadline = add_months(start, ART60_START_MONTHS.value);
    let art60 = || {
        f.instruments()
            .filter(|(_, inst)| inst.kind == InstrumentKind::Art60)
    };
    if art60().any(|(_, inst)| inst.start >= start && inst.start <= deadline) {
        return None;
    }
    let first = art60().next().map(|(i, _)| i);
    Some(Due {
        day: deadline,
        instrument: first,
        year: None,
    })
}

pub const ART60_LATE_START: Rule = Rule {
    id: "art60-late-start",
    severity: Severity::Error,
    needs_range: false,
    deadline: Some(Deadline {
        kind: Kind::Art60Start,
        due: art60_start_due,
        was_due: |finding, _| match finding.detail {
            Detail::Date(deadline) => Some(deadline),
            _ => None,
        },
    }),
    title: Text::fixed(
        "De art. 60§7-tewerkstelling start meer dan 2 maanden na het traject",
        "The art. 60§7 employment starts more than 2 months after the trajectory",
    ),
    source: ART60_START_MONTHS.source,
    // Only the first employment: the timely start that funding depends on is the
    // trajectory's; a later one (after one stopped early) is not "late".
    find: |f, out| {
        let deadline = add_months(f.dossier.start, ART60_START_MONTHS.value);
        let first = f
            .instruments()
            .find(|(_, inst)| inst.kind == InstrumentKind::Art60);
        if let Some((i, inst)) = first
            && inst.start > deadline
        {
            out.push(Hit::new(
                &[i],
                add_days(deadline, 1),
                inst.start,
                Detail::Date(deadline),
            ));
        }
    },
    fix: late_start_fix,
    describe: |finding, d, lang| {
        let deadline = match finding.detail {
            Detail::Date(x) => lang::date(x, lang),
            _ => String::new(),
        };
        format!(
            "{}: {} {deadline} ({} {}). {}",
            wording::first(finding, d, lang),
            lang.pick(
                "start na de uiterste startdatum",
                "starts after the deadline"
            ),
            lang.pick("trajectstart +", "trajectory start +"),
            lang.pick(
                &format!("{} maanden", ART60_START_MONTHS.value),
                &format!("{} months", ART60_START_MONTHS.value)
            ),
            lang.pick(
                "De financiering hangt af van een tijdige start: vervroeg de start.",
                "Funding depends on a timely start: move the start earlier.",
            )
        )
    },
};

pub const ART60_MISSING: Rule = Rule {
    id: "art60-missing",
    severity: Severity::Warning,
    needs_range: false,
    // The item comes from `art60-late-start`: one item per kind and dossier.
    deadline: Some(Deadline {
        kind: Kind::Art60Start,
        due: |_| None,
        was_due: |_, d| Some(add_months(d.start, ART60_START_MONTHS.value)),
    }),
    title: Text::fixed("Geen art. 60§7-tewerkstelling", "No art. 60§7 employment"),
    source: Source {
        document: Document::Seed,
        passage: "Bij de OCMW's wordt artikel 60§7 gebruikt vanuit het wettelijk kader van de \
                  maatschappelijke integratie.",
    },
    find: |f, out| {
        // An employment whose dates are swapped counts for nothing (decision 2):
        // `invalid-range` reports it, and the trajectory still lacks one.
        let any = f
            .instruments()
            .any(|(_, i)| i.kind == InstrumentKind::Art60);
        if !any {
            out.push(Hit::dossier(Detail::None));
        }
    },
    fix: super::fixes::none,
    describe: |_, _, lang| {
        lang.pick(
            "Het traject heeft geen art. 60§7-tewerkstelling; plan er een binnen 2 maanden na de start.",
            "The trajectory has no art. 60§7 employment; plan one within 2 months of the start.",
        )
        .to_string()
    },
};

pub const ART60_PAST_SOCIAL_RIGHTS: Rule = Rule {
    id: "art60-past-social-rights",
    severity: Severity::Warning,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "Art. 60§7 loopt door na het verwerven van de sociale rechten",
        "Art. 60§7 runs on after social rights were acquired",
    ),
    source: Source {
        document: Document::Seed,
        passage: "Het traject kan enkel de 24 maanden overschrijden als de art. 60, § 7 \
                  tewerkstelling nog niet is afgerond en de sociale rechten van de cliënt nog \
                  niet is opgebouwd.",
    },
    find: |f, out| {
        let Some(rights) = f.dossier.social_rights_acquired else {
            return;
        };
        // Every employment that ends after the rights were acquired (decision 1), also one
        // that starts after them: that one is not needed for the rights at all.
        for (i, inst) in f.instruments() {
            if inst.kind == InstrumentKind::Art60 && inst.end > rights {
                out.push(Hit::new(
                    &[i],
                    inst.start.max(add_days(rights, 1)),
                    inst.end,
                    Detail::Date(rights),
                ));
            }
        }
    },
    fix: past_social_rights_fix,
    describe: |finding, d, lang| {
        let (rights, date) = match finding.detail {
            Detail::Date(x) => (lang::date(x, lang), Some(x)),
            _ => (String::new(), None),
        };
        let starts_after = finding
            .instruments
            .first()
            .and_then(|&i| d.instruments.get(i))
            .zip(date)
            .is_some_and(|(inst, rights)| inst.start > rights);
        if starts_after {
            return format!(
                "{}: {} {rights}; {}",
                wording::first(finding, d, lang),
                lang.pick(
                    "begint na de dag waarop de sociale rechten verworven zijn,",
                    "starts after the day social rights were acquired,",
                ),
                lang.pick(
                    "ze is er dus niet voor nodig. Verwijder ze of kies een ander instrument.",
                    "so it is not needed for them. Remove it or choose another instrument.",
                )
            );
        }
        format!(
            "{}: {} {rights}; {}",
            wording::first(finding, d, lang),
            lang.pick(
                "loopt door na de dag waarop de sociale rechten verworven zijn,",
                "runs on after the day social rights were acquired,",
            ),
            lang.pick(
                "de wet staat dat alleen toe zolang het nodig is. Laat ze dan eindigen.",
                "the law allows it only as long as needed for them. End it then.",
            )
        )
    },
};

/// `art60-late-start`: start the employment on the deadline, keeping its length.
fn late_start_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let Some(i) = finding.instruments.first().copied() else {
        return Vec::new();
    };
    let deadline = add_months(d.start, ART60_START_MONTHS.value);
    vec![fixes::dated(
        "Start art. 60§7 op {}",
        "Start art. 60§7 on {}",
        deadline,
        fixes::with(d, |x| fixes::shift_to(x, i, deadline)),
    )]
}

/// `art60-past-social-rights`: end the employment on the day the rights were acquired.
fn past_social_rights_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let (Some(i), Some(rights)) = (
        finding.instruments.first().copied(),
        d.social_rights_acquired,
    ) else {
        return Vec::new();
    };
    // One that starts after the rights cannot end on them; removing it is the counsellor's
    // choice (it may leave the trajectory without an art. 60§7).
    if d.instruments.get(i).is_none_or(|x| x.start > rights) {
        return Vec::new();
    }
    vec![fixes::dated(
        "Laten eindigen op {}",
        "End it on {}",
        rights,
        fixes::with(d, |x| x.instruments[i].end = rights),
    )]
}

//! Rules about the trajectory's bounds: valid ranges, 24 months, the art. 60§7 exception.

use super::fixes::{self, Fix};
use super::params::TRAJECTORY_MONTHS;
use super::source::{Document, Source};
use super::wording;
use super::{Detail, Facts, Finding, Hit, Rule, Severity};
use crate::lang::{self, Lang};
use crate::model::calendar::{add_days, sub_days};
use crate::model::{Dossier, InstrumentKind};

pub const INVALID_RANGE: Rule = Rule {
    id: "invalid-range",
    severity: Severity::Error,
    needs_range: false,
    title: (
        "Een einddatum ligt vóór de begindatum",
        "An end date lies before its start date",
    ),
    source: Source {
        document: Document::Practice,
        passage: "Alle periodes zijn kalenderdagen, begin- en einddag inbegrepen.",
    },
    find: |f, out| {
        let d = f.dossier;
        if d.end.is_some_and(|e| e < d.start) {
            out.push(Hit::dossier(Detail::None));
        }
        for (i, inst) in d.instruments.iter().enumerate() {
            if !inst.range().is_valid() {
                out.push(Hit::new(&[i], inst.end, inst.start, Detail::None));
            }
        }
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| match finding.instruments.first() {
        Some(&i) => format!(
            "{}: {}",
            wording::instrument(d, i, lang),
            lang.pick(
                "de einddatum ligt vóór de begindatum; verwissel of corrigeer ze.",
                "the end date lies before the start date; swap or correct them."
            )
        ),
        None => format!(
            "{} ({})",
            lang.pick(
                "Het traject eindigt vóór het begint; corrigeer de einddatum",
                "The trajectory ends before it starts; correct its end date"
            ),
            wording::span(d.start, d.last_day(), lang)
        ),
    },
};

/// The last day the art. 60§7 exception allows: the employment's end, and no later than
/// the day social rights were acquired.
fn extension_limit(f: &Facts<'_>) -> Option<chrono::NaiveDate> {
    let art60 = &f.dossier.instruments[f.excepted_art60?];
    Some(match f.dossier.social_rights_acquired {
        Some(rights) => art60.end.min(rights),
        None => art60.end,
    })
}

pub const TRAJECTORY_TOO_LONG: Rule = Rule {
    id: "trajectory-too-long",
    severity: Severity::Error,
    needs_range: true,
    title: (
        "Het traject duurt langer dan 24 maanden",
        "The trajectory lasts longer than 24 months",
    ),
    source: Source {
        document: Document::Seed,
        passage: "Er is geen verlenging mogelijk van het traject omwille van het actief bezig zijn \
                  van een werkplek instrument, zoals de WES of de IBO. De enige uitzondering \
                  hierop is de art. 60, § 7 tewerkstelling.",
    },
    find: |f, out| {
        let Some(end) = f.dossier.end else { return };
        if end <= f.regular_last || end < f.dossier.start {
            return;
        }
        if extension_limit(f).is_some_and(|limit| end <= limit) {
            return;
        }
        out.push(Hit::new(
            f.excepted_art60.as_slice(),
            add_days(f.regular_last, 1),
            end,
            Detail::Date(f.regular_last),
        ));
    },
    fix: too_long_fix,
    describe: |finding, d, lang| {
        let last = match finding.detail {
            Detail::Date(last) => last,
            _ => d.regular_last_day(),
        };
        let end = d.end.unwrap_or(last);
        match lang {
            Lang::Nl => format!(
                "Het traject eindigt op {} en duurt dus langer dan {} maanden (laatste gewone dag {}). \
                 Alleen een lopende art. 60§7-tewerkstelling zonder opgebouwde sociale rechten mag \
                 het traject verlengen; zet de einddatum terug.",
                lang::date(end, lang),
                TRAJECTORY_MONTHS.value,
                lang::date(last, lang)
            ),
            Lang::En => format!(
                "The trajectory ends on {} and so lasts longer than {} months (regular last day {}). \
                 Only a running art. 60§7 employment without acquired social rights may extend it; \
                 move the end date back.",
                lang::date(end, lang),
                TRAJECTORY_MONTHS.value,
                lang::date(last, lang)
            ),
        }
    },
};

pub const ART60_EXTENDS_TRAJECTORY: Rule = Rule {
    id: "art60-extends-trajectory",
    severity: Severity::Info,
    needs_range: true,
    title: (
        "Art. 60§7 verlengt het traject voorbij 24 maanden",
        "Art. 60§7 extends the trajectory past 24 months",
    ),
    source: Source {
        document: Document::Vvsg2019,
        passage: "Het traject kan enkel de 24 maanden overschrijden als de art. 60, § 7 \
                  tewerkstelling nog niet is afgerond en de sociale rechten van de cliënt nog \
                  niet is opgebouwd (financiering als compensatievergoeding deel 3).",
    },
    find: |f, out| {
        let Some(i) = f.excepted_art60 else { return };
        let Some(limit) = extension_limit(f) else {
            return;
        };
        let to = f.dossier.end.map_or(limit, |e| e.min(limit));
        out.push(Hit::new(
            &[i],
            add_days(f.regular_last, 1),
            to,
            Detail::Date(f.regular_last),
        ));
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        format!(
            "{}: {} {}; {}",
            wording::first(finding, d, lang),
            lang.pick(
                "loopt door na de 24 maanden, tot",
                "runs on past the 24 months, until"
            ),
            finding.to.map(|t| lang::date(t, lang)).unwrap_or_default(),
            lang.pick(
                "toegelaten zolang de sociale rechten niet zijn opgebouwd (financiering als \
                 compensatievergoeding deel 3).",
                "allowed while social rights are not yet acquired (funded as \
                 \"compensatievergoeding deel 3\").",
            )
        )
    },
};

pub const INSTRUMENT_OUTSIDE_TRAJECTORY: Rule = Rule {
    id: "instrument-outside-trajectory",
    severity: Severity::Error,
    needs_range: true,
    title: (
        "Een instrument valt buiten het traject",
        "An instrument falls outside the trajectory",
    ),
    source: TRAJECTORY_MONTHS.source,
    find: |f, out| {
        let start = f.dossier.start;
        for (i, inst) in f.instruments() {
            if inst.start < start {
                out.push(Hit::new(
                    &[i],
                    inst.start,
                    sub_days(start, 1).min(inst.end),
                    Detail::Date(start),
                ));
            } else if inst.start > f.last_day {
                out.push(Hit::new(
                    &[i],
                    inst.start,
                    inst.end,
                    Detail::Date(f.last_day),
                ));
            } else if inst.end > f.last_day
                && !matches!(inst.kind, InstrumentKind::Wes | InstrumentKind::Ibo)
                && f.excepted_art60 != Some(i)
            {
                out.push(Hit::new(
                    &[i],
                    add_days(f.last_day, 1),
                    inst.end,
                    Detail::Date(f.last_day),
                ));
            }
        }
    },
    fix: outside_fix,
    describe: |finding, d, lang| describe_outside(finding, d, lang),
};

fn describe_outside(finding: &Finding, d: &Dossier, lang: Lang) -> String {
    let who = wording::first(finding, d, lang);
    let Some(inst) = finding
        .instruments
        .first()
        .and_then(|&i| d.instruments.get(i))
    else {
        return who;
    };
    if inst.start < d.start {
        format!(
            "{who} {} {}; {}",
            lang.pick(
                "begint vóór de start van het traject op",
                "starts before the trajectory starts on"
            ),
            lang::date(d.start, lang),
            lang.pick("laat het later beginnen.", "start it later.")
        )
    } else {
        format!(
            "{who} {} {}; {}",
            lang.pick("loopt voorbij de laatste dag van het traject,", "runs past the trajectory's last day,"),
            lang::date(d.last_day(), lang),
            lang.pick(
                "alleen een WES, een IBO of een art. 60§7 zonder opgebouwde sociale rechten mag dat. \
                 Laat het vroeger eindigen.",
                "only a WES, an IBO or an art. 60§7 without acquired social rights may. End it sooner.",
            )
        )
    }
}

/// `trajectory-too-long`: end the trajectory on its regular last day.
fn too_long_fix(_: &Finding, d: &Dossier) -> Vec<Fix> {
    let last = d.regular_last_day();
    vec![fixes::dated(
        "Einde op de laatste gewone dag ({})",
        "End on the regular last day ({})",
        last,
        fixes::with(d, |x| x.end = Some(last)),
    )]
}

/// `instrument-outside-trajectory`: one that starts inside ends on the trajectory's last
/// day; one that starts before it starts with the trajectory.
fn outside_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let inside = fixes::end_on_last_day(finding, d);
    if !inside.is_empty() {
        return inside;
    }
    let Some(i) = finding.instruments.first().copied() else {
        return Vec::new();
    };
    if !d
        .instruments
        .get(i)
        .is_some_and(|x| x.start < d.start && x.end >= d.start)
    {
        return Vec::new();
    }
    // Cut off the days before the start rather than shift: shifting could make it overlap
    // what follows.
    vec![fixes::dated(
        "Laten beginnen bij de start van het traject ({})",
        "Start it when the trajectory starts ({})",
        d.start,
        fixes::with(d, |x| x.instruments[i].start = x.start),
    )]
}

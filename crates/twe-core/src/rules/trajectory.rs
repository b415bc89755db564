//! Rules about the trajectory's bounds: valid ranges, 24 months, the art. 60§7 exception.

use super::agenda::{Deadline, Due, Kind};
use super::fixes::{self, Fix};
use super::params::TRAJECTORY_MONTHS;
use super::source::{Document, Source};
use super::wording;
use super::{Detail, Facts, Finding, Hit, Rule, Severity};
use crate::lang::{self, Lang, Text};
use crate::model::calendar::{add_days, sub_days};
use crate::model::{Dossier, InstrumentKind};

pub const INVALID_RANGE: Rule = Rule {
    id: "invalid-range",
    severity: Severity::Error,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
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
    f.dossier.extension_limit(f.excepted_art60?)
}

pub const TRAJECTORY_TOO_LONG: Rule = Rule {
    id: "trajectory-too-long",
    severity: Severity::Error,
    needs_range: true,
    deadline: None,
    title: Text::fixed(
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
        // Past an allowed extension, the excess starts the day after it and the message
        // names that limit (a message requirement of DOMAIN.md).
        let limit = match extension_limit(f) {
            Some(limit) if end <= limit => return,
            Some(limit) => Limit::Extension(limit),
            None => Limit::Regular(f.regular_last),
        };
        let (Limit::Extension(day) | Limit::Regular(day)) = limit;
        out.push(Hit::new(
            f.excepted_art60.as_slice(),
            add_days(day, 1),
            end,
            match limit {
                Limit::Regular(day) => Detail::Date(day),
                Limit::Extension(day) => Detail::Extension(day),
            },
        ));
    },
    fix: too_long_fix,
    describe: |finding, d, lang| {
        let last = d.regular_last_day();
        let end = d.end.unwrap_or(last);
        let fix = lang.pick("zet de einddatum terug.", "move the end date back.");
        if let Detail::Extension(limit) = finding.detail {
            return match lang {
                Lang::Nl => format!(
                    "Het traject eindigt op {}, voorbij wat de art. 60§7-uitzondering toelaat: \
                     tot {} (het einde van de tewerkstelling of de opbouw van de sociale \
                     rechten, wat eerst komt); {fix}",
                    lang::date(end, lang),
                    lang::date(limit, lang),
                ),
                Lang::En => format!(
                    "The trajectory ends on {}, past what the art. 60§7 exception allows: \
                     until {} (the employment's end or the day social rights were acquired, \
                     whichever comes first); {fix}",
                    lang::date(end, lang),
                    lang::date(limit, lang),
                ),
            };
        }
        match lang {
            Lang::Nl => format!(
                "Het traject eindigt op {} en duurt dus langer dan {} maanden (laatste gewone dag {}). \
                 Alleen een lopende art. 60§7-tewerkstelling zonder opgebouwde sociale rechten mag \
                 het traject verlengen; {fix}",
                lang::date(end, lang),
                TRAJECTORY_MONTHS.value,
                lang::date(last, lang)
            ),
            Lang::En => format!(
                "The trajectory ends on {} and so lasts longer than {} months (regular last day {}). \
                 Only a running art. 60§7 employment without acquired social rights may extend it; \
                 {fix}",
                lang::date(end, lang),
                TRAJECTORY_MONTHS.value,
                lang::date(last, lang)
            ),
        }
    },
};

/// What a too-long trajectory is measured against.
#[derive(Clone, Copy)]
enum Limit {
    /// The regular last day: no extension holds.
    Regular(chrono::NaiveDate),
    /// The last day the art. 60§7 exception allows.
    Extension(chrono::NaiveDate),
}

pub const ART60_EXTENDS_TRAJECTORY: Rule = Rule {
    id: "art60-extends-trajectory",
    severity: Severity::Info,
    needs_range: true,
    deadline: None,
    title: Text::fixed(
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
    deadline: None,
    title: Text::fixed(
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
    let last = d.last_day();
    let regular_last = d.regular_last_day();
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
    } else if inst.start > last && d.running_last_day() > last {
        // An open trajectory running on its art. 60§7 extension has not ended: only the
        // excepted employment may go on past the regular last day (decision 4).
        format!(
            "{who} {} ({}); {} {}: {}",
            lang.pick(
                "begint na de gewone laatste dag van het traject",
                "starts after the trajectory's regular last day"
            ),
            lang::date(last, lang),
            lang.pick(
                "alleen de art. 60§7-tewerkstelling loopt daarna verder, tot",
                "only the art. 60§7 employment goes on past it, until"
            ),
            lang::date(d.running_last_day(), lang),
            lang.pick(
                "verplaats het binnen de 24 maanden of verwijder het.",
                "move it inside the 24 months or remove it."
            )
        )
    } else if inst.start > last {
        format!(
            "{who} {} ({}); {}",
            lang.pick(
                "begint nadat het traject eindigde",
                "starts after the trajectory ended"
            ),
            lang::date(last, lang),
            lang.pick(
                "verplaats het binnen het traject of verwijder het.",
                "move it inside or remove it."
            )
        )
    } else if inst.kind == InstrumentKind::Art60 && d.end.is_some_and(|e| e <= regular_last) {
        format!(
            "{who} {} {}, {} {}); {}",
            lang.pick(
                "loopt voorbij de laatste dag van het traject,",
                "runs past the trajectory's last day,"
            ),
            lang::date(last, lang),
            lang.pick(
                "maar het traject werd vóór de 24 maanden afgesloten: de uitzondering voor \
                 art. 60§7 geldt alleen voorbij de gewone 24 maanden (laatste gewone dag",
                "but the trajectory was closed within its 24 months: the art. 60§7 exception \
                 applies only past the regular 24 months (regular last day",
            ),
            lang::date(regular_last, lang),
            lang.pick(
                "laat het eindigen op de laatste dag of schuif het einde van het traject op.",
                "end it on the last day or move the trajectory's end later."
            )
        )
    } else {
        format!(
            "{who} {} {}; {}",
            lang.pick("loopt voorbij de laatste dag van het traject,", "runs past the trajectory's last day,"),
            lang::date(last, lang),
            lang.pick(
                "alleen een WES, een IBO of een art. 60§7 zonder opgebouwde sociale rechten mag dat. \
                 Laat het vroeger eindigen.",
                "only a WES, an IBO or an art. 60§7 without acquired social rights may. End it sooner.",
            )
        )
    }
}

/// The day an open trajectory must be closed: its last day, the art. 60§7 extension
/// included (decision 4).
fn close_due(f: &Facts<'_>) -> Option<chrono::NaiveDate> {
    f.dossier.end.is_none().then_some(f.running_last)
}

pub const TRAJECTORY_NOT_CLOSED: Rule = Rule {
    id: "trajectory-not-closed",
    severity: Severity::Warning,
    needs_range: true,
    deadline: Some(Deadline {
        kind: Kind::TrajectoryEnd,
        due: |f| close_due(f).map(Due::on),
        was_due: |finding, _| match finding.detail {
            Detail::Date(last) => Some(last),
            _ => None,
        },
    }),
    title: Text::fixed(
        "Het traject is voorbij maar niet afgesloten",
        "The trajectory is over but not closed",
    ),
    source: Source {
        document: Document::Decisions2026,
        passage: "Een traject zonder einddatum waarvan de laatste dag voorbij is, wordt \
                  afgesloten en de uitkomst vastgelegd.",
    },
    find: |f, out| {
        let today = f.ctx.today;
        if let Some(last) = close_due(f)
            && today > last
        {
            out.push(Hit::new(&[], add_days(last, 1), today, Detail::Date(last)));
        }
    },
    fix: close_fix,
    describe: |finding, d, lang| {
        let last = match finding.detail {
            Detail::Date(x) => x,
            _ => d.last_day(),
        };
        let extended = last > d.regular_last_day();
        format!(
            "{} {}{} {}",
            lang.pick(
                "De laatste dag van het traject was",
                "The trajectory's last day was"
            ),
            lang::date(last, lang),
            if extended {
                lang.pick(
                    " (einde van de art. 60§7-uitzondering)",
                    " (end of the art. 60§7 exception)",
                )
            } else {
                ""
            },
            lang.pick(
                "en het is niet afgesloten: vul de einddatum in en leg de uitkomst vast.",
                "and it is not closed: set its end date and record the outcome.",
            )
        )
    },
};

/// `trajectory-not-closed`: close it on its last day.
fn close_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let Detail::Date(last) = finding.detail else {
        return Vec::new();
    };
    vec![fixes::dated(
        "Afsluiten op de laatste dag ({})",
        "Close on the last day ({})",
        last,
        fixes::with(d, |x| x.end = Some(last)),
    )]
}

/// `trajectory-too-long`: end the trajectory on its regular last day.
fn too_long_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    if let Detail::Extension(limit) = finding.detail {
        return vec![fixes::dated(
            "Einde op de laatste dag van de art. 60§7-uitzondering ({})",
            "End on the last day of the art. 60§7 exception ({})",
            limit,
            fixes::with(d, |x| x.end = Some(limit)),
        )];
    }
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

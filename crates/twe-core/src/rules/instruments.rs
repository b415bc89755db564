//! Rules about single instruments and pairs of them: overlap, durations, kinds.

use super::Finding;
use super::fixes::{self, Fix};
use super::params::{
    BVS_ABOLISHED_ON, BVS_MAX_DAYS, IBO_MAX_WEEKS, IBO_MIN_WEEKS, TECHNICAL_TRAINING_MAX_MONTHS,
    TECHNICAL_TRAININGS_PER_TRAJECTORY, WES_MAX_MONTHS, bvs_abolished_on,
};
use super::source::{Document, Source};
use super::wording;
use super::{Detail, Facts, Hit, Hits, InstrumentIds, Rule, Severity, TechnicalIssue};
use crate::lang::{self, Lang, Text};
use crate::model::Dossier;
use crate::model::calendar::{add_days, last_day_within_days, last_day_within_months};
use crate::model::{Focus, Instrument, InstrumentKind, Provider};
use chrono::NaiveDate;
use smallvec::SmallVec;

/// A part-time training: it may run beside an art. 60§7 employment.
fn part_time(k: &InstrumentKind) -> bool {
    matches!(
        k,
        InstrumentKind::Opleiding {
            full_time: false,
            ..
        }
    )
}

/// The latest end so far, position by position, of the instruments (in start order) that
/// `counts` keeps: monotone, so the first position whose value reaches a day is the
/// earliest instrument running on that day or later.
fn latest_ends(
    f: &Facts<'_>,
    counts: impl Fn(&InstrumentKind) -> bool,
) -> SmallVec<[NaiveDate; 8]> {
    let mut latest = NaiveDate::MIN;
    f.valid
        .iter()
        .map(|&i| {
            let inst = &f.dossier.instruments[i];
            if counts(&inst.kind) {
                latest = latest.max(inst.end);
            }
            latest
        })
        .collect()
}

pub const OVERLAP: Rule = Rule {
    id: "overlap",
    severity: Severity::Error,
    needs_range: false,
    deadline: None,
    title: Text::fixed("Twee instrumenten tegelijk", "Two instruments at once"),
    source: Source {
        document: Document::Seed,
        passage: "Men kan geen twee instrumenten gelijktijdig doen. (Draaiboek: een deeltijdse \
                  opleiding tijdens art. 60§7 kan wel.)",
    },
    // Each instrument is reported at most once, against the earliest instrument it
    // overlaps (DOMAIN.md): the findings grow linearly with the dossier, and finding them
    // takes n·log n (a binary search in the running latest end, per instrument).
    find: |f, out| {
        if f.valid.len() < 2 {
            return;
        }
        let any = latest_ends(f, |_| true);
        // A part-time training may share days with art. 60§7, and the other way round.
        let not_art60 = latest_ends(f, |k| *k != InstrumentKind::Art60);
        let not_part_time = latest_ends(f, |k| !part_time(k));
        for (n, &j) in f.valid.iter().enumerate().skip(1) {
            let b = &f.dossier.instruments[j];
            let ends = if part_time(&b.kind) {
                &not_art60
            } else if b.kind == InstrumentKind::Art60 {
                &not_part_time
            } else {
                &any
            };
            let p = ends[..n].partition_point(|&end| end < b.start);
            let Some(&i) = f.valid.get(p).filter(|_| p < n) else {
                continue;
            };
            let a = &f.dossier.instruments[i];
            if let Some(both) = a.range().intersect(&b.range()) {
                out.push(Hit::new(&[i, j], both.start, both.end, Detail::None));
            }
        }
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        let a = finding
            .instruments
            .first()
            .map(|&i| wording::instrument(d, i, lang));
        let b = finding
            .instruments
            .get(1)
            .map(|&i| wording::instrument(d, i, lang));
        format!(
            "{} {} {} {} {}. {}",
            a.unwrap_or_default(),
            lang.pick("en", "and"),
            b.unwrap_or_default(),
            lang.pick("lopen tegelijk van", "run at the same time from"),
            wording::finding_span(finding, lang),
            lang.pick(
                "Schuif een van beide op; alleen een deeltijdse opleiding mag naast art. 60§7.",
                "Move one of them; only a part-time training may run beside art. 60§7.",
            )
        )
    },
};

/// The last day `inst` may end on by its kind's maximum, if its kind has one.
pub fn latest_end(inst: &Instrument) -> Option<NaiveDate> {
    match inst.kind {
        InstrumentKind::Bvs => Some(last_day_within_days(inst.start, BVS_MAX_DAYS.value)),
        InstrumentKind::Wes => Some(last_day_within_months(inst.start, WES_MAX_MONTHS.value)),
        InstrumentKind::Ibo => Some(last_day_within_days(inst.start, IBO_MAX_WEEKS.value * 7)),
        InstrumentKind::Art60 | InstrumentKind::Opleiding { .. } => None,
    }
}

fn max_text(kind: &InstrumentKind, lang: Lang) -> String {
    match kind {
        InstrumentKind::Bvs => format!(
            "{} {}",
            BVS_MAX_DAYS.value,
            lang.pick("kalenderdagen", "calendar days")
        ),
        InstrumentKind::Wes => format!(
            "{} {}",
            WES_MAX_MONTHS.value,
            lang.pick("maanden", "months")
        ),
        InstrumentKind::Ibo => format!("{} {}", IBO_MAX_WEEKS.value, lang.pick("weken", "weeks")),
        _ => String::new(),
    }
}

pub const MAX_DURATION: Rule = Rule {
    id: "max-duration",
    severity: Severity::Error,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "Een instrument duurt te lang",
        "An instrument lasts too long",
    ),
    source: Source {
        document: Document::WesRules,
        passage: "BVS maximaal 30 kalenderdagen; WES maximaal 6 maanden; IBO maximaal 26 weken \
                  (regelgeving IBO). Alle instrumenten hebben hun eigen maximale duurtijd die \
                  niet mag overschreden worden (seed).",
    },
    find: |f, out| {
        for (i, inst) in f.instruments() {
            if let Some(latest) = latest_end(inst)
                && inst.end > latest
            {
                out.push(Hit::new(
                    &[i],
                    add_days(latest, 1),
                    inst.end,
                    Detail::Date(latest),
                ));
            }
        }
    },
    fix: max_duration_fix,
    describe: |finding, d, lang| {
        let Some(inst) = finding
            .instruments
            .first()
            .and_then(|&i| d.instruments.get(i))
        else {
            return String::new();
        };
        let latest = match finding.detail {
            Detail::Date(x) => lang::date(x, lang),
            _ => String::new(),
        };
        format!(
            "{}: {} {} {} ({} {}); {} {latest}.",
            wording::first(finding, d, lang),
            lang.pick("duurt", "lasts"),
            inst.range().days(),
            lang.pick("dagen", "days"),
            lang.pick("maximum", "the maximum is"),
            max_text(&inst.kind, lang),
            lang.pick("laat het uiterlijk eindigen op", "end it on"),
        )
    },
};

pub const MIN_DURATION: Rule = Rule {
    id: "min-duration",
    severity: Severity::Warning,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "Een IBO duurt korter dan 4 weken",
        "An IBO lasts less than 4 weeks",
    ),
    source: IBO_MIN_WEEKS.source,
    find: |f, out| {
        let limit = (IBO_MIN_WEEKS.value * 7) as i64;
        for (i, inst) in f.instruments() {
            let days = inst.range().days();
            if inst.kind == InstrumentKind::Ibo && days < limit {
                out.push(Hit::new(
                    &[i],
                    inst.start,
                    inst.end,
                    Detail::Days {
                        actual: days,
                        limit,
                    },
                ));
            }
        }
    },
    fix: min_duration_fix,
    describe: |finding, d, lang| {
        let (actual, limit) = match finding.detail {
            Detail::Days { actual, limit } => (actual, limit),
            _ => (0, 0),
        };
        format!(
            "{}: {} {actual} {} {limit} {} ({} {}).",
            wording::first(finding, d, lang),
            lang.pick("duurt", "lasts"),
            lang.pick("dagen, minder dan", "days, less than"),
            lang.pick("dagen", "days"),
            IBO_MIN_WEEKS.value,
            lang.pick(
                "weken; verleng de IBO of kies een ander instrument",
                "weeks; extend it or choose another instrument"
            ),
        )
    },
};

pub const BVS_ABOLISHED: Rule = Rule {
    id: "bvs-abolished",
    severity: Severity::Error,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "BVS bestaat niet meer sinds 2023",
        "BVS no longer exists since 2023",
    ),
    source: BVS_ABOLISHED_ON.source,
    find: |f, out| {
        let abolished = bvs_abolished_on();
        for (i, inst) in f.instruments() {
            if inst.kind == InstrumentKind::Bvs && inst.start >= abolished {
                out.push(Hit::new(
                    &[i],
                    inst.start,
                    inst.end,
                    Detail::Date(abolished),
                ));
            }
        }
    },
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        format!(
            "{}: {} {}; {}",
            wording::first(finding, d, lang),
            lang.pick("start op of na", "starts on or after"),
            lang::date(bvs_abolished_on(), lang),
            lang.pick(
                "de BVS is toen opgegaan in de WES. Plan een WES.",
                "the BVS was folded into the WES then. Plan a WES instead.",
            )
        )
    },
};

/// `planned-after-start`: an instrument still "planned" after its start day — the
/// counsellor forgot to mark it running (or it did not start, which the file should say).
pub const PLANNED_AFTER_START: Rule = Rule {
    id: "planned-after-start",
    severity: Severity::Info,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "Een instrument staat na zijn start nog op gepland",
        "An instrument is still planned after its start",
    ),
    source: Source {
        document: Document::Practice,
        passage: "Een instrument waarvan de startdag voorbij is, loopt of liep: de status \
                  volgt de dag (werkafspraak van twe-planner, 7 december 2026).",
    },
    find: |f, out| {
        let today = f.ctx.today;
        for (i, inst) in f.instruments() {
            if inst.status == crate::model::Status::Planned && inst.start < today {
                out.push(Hit::new(
                    &[i],
                    inst.start,
                    inst.end,
                    Detail::Date(inst.start),
                ));
            }
        }
    },
    fix: planned_after_start_fix,
    describe: |finding, d, lang| {
        format!(
            "{}: {} {}, {}",
            wording::first(finding, d, lang),
            lang.pick("begon op", "started on"),
            finding
                .from
                .map(|x| lang::date(x, lang))
                .unwrap_or_default(),
            lang.pick(
                "maar staat nog op gepland. Zet het op lopend (of afgerond), of verschuif het.",
                "but is still planned. Mark it running (or completed), or move it.",
            )
        )
    },
};

/// `planned-after-start`: mark it running (completed if it has ended).
fn planned_after_start_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let Some(&i) = finding.instruments.first() else {
        return Vec::new();
    };
    vec![fixes::fix(
        "Als lopend markeren".into(),
        "Mark as running".into(),
        fixes::with(d, |x| {
            if let Some(inst) = x.instruments.get_mut(i) {
                inst.status = crate::model::Status::Running;
            }
        }),
    )]
}

fn technical_issues(f: &Facts<'_>) -> Vec<(usize, TechnicalIssue)> {
    let mut seen = Vec::new();
    let mut found = Vec::new();
    for (i, inst) in f.instruments() {
        let InstrumentKind::Opleiding {
            provider,
            focus: Focus::Technical,
            ..
        } = &inst.kind
        else {
            continue;
        };
        let latest = last_day_within_months(inst.start, TECHNICAL_TRAINING_MAX_MONTHS.value);
        let issue = TechnicalIssue {
            not_recognised: matches!(provider, Provider::Other(_)),
            too_long: (inst.end > latest).then_some(latest),
            after: (seen.len() >= TECHNICAL_TRAININGS_PER_TRAJECTORY.value)
                .then(|| seen.first().copied())
                .flatten(),
        };
        seen.push(i);
        if issue != TechnicalIssue::default() {
            found.push((i, issue));
        }
    }
    found
}

pub const TECHNICAL_TRAINING: Rule = Rule {
    id: "technical-training",
    severity: Severity::Error,
    needs_range: false,
    deadline: None,
    title: Text::fixed(
        "Technische opleiding buiten de voorwaarden",
        "Technical training outside the conditions",
    ),
    source: TECHNICAL_TRAINING_MAX_MONTHS.source,
    find: |f, out| {
        for (i, issue) in technical_issues(f) {
            let inst = &f.dossier.instruments[i];
            out.push(Hit::new(
                &[Some(i), issue.after]
                    .into_iter()
                    .flatten()
                    .collect::<InstrumentIds>(),
                inst.start,
                inst.end,
                Detail::Technical(issue),
            ));
        }
    },
    fix: technical_training_fix,
    describe: |finding, d, lang| {
        let Detail::Technical(issue) = &finding.detail else {
            return String::new();
        };
        let mut reasons = Vec::new();
        if issue.not_recognised {
            reasons.push(
                lang.pick(
                    "ze is niet door VDAB georganiseerd of erkend",
                    "it is neither organised nor recognised by VDAB",
                )
                .to_string(),
            );
        }
        if let Some(latest) = issue.too_long {
            reasons.push(format!(
                "{} {} {} {}",
                lang.pick("ze duurt langer dan", "it lasts longer than"),
                TECHNICAL_TRAINING_MAX_MONTHS.value,
                lang.pick(
                    "maanden en moet uiterlijk eindigen op",
                    "months and must end by"
                ),
                lang::date(latest, lang)
            ));
        }
        if let Some(first) = issue.after {
            reasons.push(format!(
                "{} {}",
                lang.pick(
                    "er was al een technische opleiding:",
                    "there already was a technical training:"
                ),
                wording::instrument(d, first, lang)
            ));
        }
        format!(
            "{}: {}.",
            wording::first(finding, d, lang),
            reasons.join("; ")
        )
    },
};

/// "WES (…): runs past the trajectory's last day, 31/12/2020; " and what follows from it.
fn past_last_day(
    finding: &super::Finding,
    d: &crate::model::Dossier,
    lang: Lang,
    then: &str,
) -> String {
    format!(
        "{}: {} {}; {then}",
        wording::first(finding, d, lang),
        lang.pick(
            "loopt voorbij de laatste dag van het traject,",
            "runs past the trajectory's last day,"
        ),
        lang::date(d.last_day(), lang),
    )
}

fn past_end(f: &Facts<'_>, kind: &InstrumentKind, out: &mut Hits<'_>) {
    for (i, inst) in f.instruments() {
        if inst.kind == *kind && inst.end > f.last_day && inst.start <= f.last_day {
            out.push(Hit::new(
                &[i],
                add_days(f.last_day, 1),
                inst.end,
                Detail::Date(f.last_day),
            ));
        }
    }
}

pub const WES_PAST_END: Rule = Rule {
    id: "wes-past-end",
    severity: Severity::Warning,
    needs_range: true,
    deadline: None,
    title: Text::fixed(
        "WES loopt voorbij het einde van het traject",
        "WES runs past the end of the trajectory",
    ),
    source: Source {
        document: Document::Seed,
        passage: "Een WES kan niet worden overgedragen. Het einde van het TWE-OCMW-traject \
                  betekent ook de vervroegde stopzetting van de WES, indien deze langer was gepland.",
    },
    find: |f, out| past_end(f, &InstrumentKind::Wes, out),
    fix: super::fixes::end_on_last_day,
    describe: |finding, d, lang| {
        past_last_day(finding, d, lang, lang.pick(
                "een WES kan niet worden overgedragen en stopt dan vroegtijdig. Laat ze eindigen op de laatste dag.",
                "a WES cannot be transferred and stops early then. End it on the last day.",
            ))
    },
};

pub const IBO_PAST_END: Rule = Rule {
    id: "ibo-past-end",
    severity: Severity::Info,
    needs_range: true,
    deadline: None,
    title: Text::fixed(
        "IBO loopt voorbij het einde: VDAB neemt over",
        "IBO runs past the end: VDAB takes over",
    ),
    source: Source {
        document: Document::Seed,
        passage: "Een IBO die de maximale termijn van een traject overschrijdt zal worden \
                  overgenomen door VDAB.",
    },
    find: |f, out| past_end(f, &InstrumentKind::Ibo, out),
    fix: super::fixes::none,
    describe: |finding, d, lang| {
        past_last_day(
            finding,
            d,
            lang,
            lang.pick(
                "VDAB neemt de IBO vanaf dan over.",
                "VDAB takes the IBO over from then on.",
            ),
        )
    },
};

/// `max-duration`: shorten the instrument to the longest its kind allows.
fn max_duration_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let Some(i) = finding.instruments.first().copied() else {
        return Vec::new();
    };
    let Some(latest) = d.instruments.get(i).and_then(latest_end) else {
        return Vec::new();
    };
    vec![fixes::dated(
        "Inkorten tot het maximum ({})",
        "Shorten to the maximum ({})",
        latest,
        fixes::with(d, |x| x.instruments[i].end = latest),
    )]
}

/// `min-duration`: extend the IBO to the shortest length allowed.
fn min_duration_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let Some(i) = finding.instruments.first().copied() else {
        return Vec::new();
    };
    let start = d.instruments.get(i).map_or(d.start, |x| x.start);
    let end = last_day_within_days(start, IBO_MIN_WEEKS.value * 7);
    vec![fixes::dated(
        "Verlengen tot 4 weken ({})",
        "Extend to 4 weeks ({})",
        end,
        fixes::with(d, |x| x.instruments[i].end = end),
    )]
}

/// `technical-training`: a training that is too long is shortened to the limit; the other
/// problems (recognition, a second one) have no obvious fix.
fn technical_training_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let (
        Some(i),
        Detail::Technical(TechnicalIssue {
            too_long: Some(latest),
            ..
        }),
    ) = (finding.instruments.first().copied(), &finding.detail)
    else {
        return Vec::new();
    };
    let latest = *latest;
    vec![fixes::dated(
        "Inkorten tot 3 maanden ({})",
        "Shorten to 3 months ({})",
        latest,
        fixes::with(d, |x| x.instruments[i].end = latest),
    )]
}

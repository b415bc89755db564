//! Rules about how filled the trajectory is: two instruments a year, no long idle stretches.

use super::agenda::{Deadline, Due, Kind};
use super::fixes::{self, Fix};
use super::params::{
    INACTIVE_MAX_DAYS, INSTRUMENTS_PER_YEAR, PARTIAL_YEAR_MIN_DAYS, TRAJECTORY_MONTHS,
};
use super::wording;
use super::{
    Detail, Exemption, Facts, Finding, Hit, Hits, InstrumentIds, Rule, Severity, YearMode,
};
use crate::lang::{Lang, Text};
use crate::model::calendar::{DateRange, add_days, last_day_within_months, sub_days};
use crate::model::{Dossier, InstrumentKind};
use chrono::{Datelike, NaiveDate};
use smallvec::SmallVec;

/// The years of one trajectory: two trajectory years, or up to four calendar years (the
/// 24 months touch three; a longer stored range four).
pub(super) type Years = SmallVec<[YearEval; 4]>;

/// One year of the two-a-year target and how it fares.
pub(super) struct YearEval {
    number: i32,
    calendar: bool,
    /// The year's days inside the trajectory.
    days: DateRange,
    active: InstrumentIds,
    exemption: Option<Exemption>,
}

fn years(f: &Facts<'_>) -> Years {
    let start = f.dossier.start;
    // The extension an art. 60§7 employment may give is not a year of its own.
    let window = DateRange::new(start, f.last_day.min(f.regular_last));
    let mut years = Years::new();
    if !window.is_valid() {
        return years;
    }
    match f.ctx.year_mode {
        YearMode::Trajectory => {
            // A year begins the day after the previous one ends, and the 24th month ends on
            // the regular last day: one month sum for two years instead of five.
            let mut from = start;
            for k in 1..=TRAJECTORY_MONTHS.value / 12 {
                let to = if 12 * k == TRAJECTORY_MONTHS.value {
                    f.regular_last
                } else {
                    last_day_within_months(start, 12 * k)
                };
                let full = DateRange::new(from, to);
                if let Some(year) = evaluate(f, window, k as i32, full, false) {
                    years.push(year);
                }
                from = add_days(to, 1);
            }
        }
        YearMode::Calendar => {
            for y in window.start.year()..=window.end.year() {
                if let (Some(from), Some(to)) = (
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    NaiveDate::from_ymd_opt(y, 12, 31),
                ) {
                    let full = DateRange::new(from, to);
                    if let Some(year) = evaluate(f, window, y, full, true) {
                        years.push(year);
                    }
                }
            }
        }
    }
    years
}

/// How the year `full` fares, if the trajectory has days in it.
fn evaluate(
    f: &Facts<'_>,
    window: DateRange,
    number: i32,
    full: DateRange,
    calendar: bool,
) -> Option<YearEval> {
    let days = full.intersect(&window)?;
    let mut active = InstrumentIds::new();
    let mut art60_days = 0;
    for (i, inst) in f.instruments() {
        let Some(shared) = inst.range().intersect(&days) else {
            continue;
        };
        active.push(i);
        if inst.kind == InstrumentKind::Art60 {
            art60_days += shared.days();
        }
    }
    // Decision 5: a trajectory year is "ended inside" only when the trajectory ends before
    // the year's last day; a calendar year is when the trajectory ends in it at all.
    let ended_inside = f.dossier.end.is_some_and(|e| {
        if calendar {
            e <= full.end
        } else {
            e < full.end
        }
    });
    let edge_year = days.start == window.start || days.end == window.end;
    let exemption = if art60_days * 2 > days.days() {
        Some(Exemption::Art60FillsYear)
    } else if ended_inside {
        Some(Exemption::EndedInside)
    } else if calendar && edge_year && days.days() < PARTIAL_YEAR_MIN_DAYS.value {
        Some(Exemption::PartialYear)
    } else {
        None
    };
    Some(YearEval {
        number,
        calendar,
        days,
        active,
        exemption,
    })
}

fn year_hits(f: &Facts<'_>, exempt: bool, out: &mut Hits<'_>) {
    for y in f.years.get_or_init(|| years(f)) {
        if y.active.len() >= INSTRUMENTS_PER_YEAR.value || y.exemption.is_some() != exempt {
            continue;
        }
        let detail = Detail::Year {
            number: y.number,
            days: (y.days.start, y.days.end),
            active: y.active.len(),
            exemption: y.exemption,
            calendar: y.calendar,
        };
        out.push(Hit::new(&y.active, y.days.start, y.days.end, detail));
    }
}

fn year_name(finding: &Finding, lang: Lang) -> String {
    match finding.detail {
        Detail::Year {
            number,
            days,
            calendar: false,
            ..
        } => format!(
            "{} {number} ({})",
            lang.pick("Trajectjaar", "Trajectory year"),
            wording::span(days.0, days.1, lang)
        ),
        Detail::Year {
            number,
            days,
            calendar: true,
            ..
        } => format!(
            "{} {number} ({})",
            lang.pick("Kalenderjaar", "Calendar year"),
            wording::span(days.0, days.1, lang)
        ),
        _ => String::new(),
    }
}

fn active_count(finding: &Finding) -> usize {
    match finding.detail {
        Detail::Year { active, .. } => active,
        _ => 0,
    }
}

/// "1 instrument", "0 instrumenten": the year's active instruments, counted in words.
fn active_words(f: &Finding, lang: Lang) -> String {
    crate::lang::count(
        i64::try_from(active_count(f)).unwrap_or(i64::MAX),
        lang,
        ("instrument", "instrumenten"),
        ("instrument", "instruments"),
    )
}

/// `second-instrument`: in an open trajectory, the year that holds the reference date and
/// has the finding of `fewer-than-two-per-year` is due by its last day (cut to the
/// trajectory's).
fn second_instrument_due(f: &Facts<'_>) -> Option<Due> {
    if f.dossier.end.is_some() {
        return None;
    }
    let today = f.ctx.today;
    f.years
        .get_or_init(|| years(f))
        .iter()
        .find(|y| {
            y.days.contains(today)
                && y.active.len() < INSTRUMENTS_PER_YEAR.value
                && y.exemption.is_none()
        })
        .map(|y| Due {
            day: y.days.end,
            instrument: None,
            year: Some(y.days.start),
        })
}

/// `next-instrument`: in an open trajectory, the next instrument must start within 60 days
/// of the latest end E of an instrument (the day before the start if none ends later), so
/// by E + 61 days, if that is still inside the trajectory: else `inactive-period` fires for
/// the days from E + 1 to the trajectory's last day.
fn next_instrument_due(f: &Facts<'_>) -> Option<Due> {
    if f.dossier.end.is_some() {
        return None;
    }
    // The instruments `inactive-period` walks: those with days in the running trajectory.
    let running = f.running();
    let (instrument, latest) = f
        .instruments()
        .filter(|(_, inst)| inst.range().intersect(&running).is_some())
        .map(|(i, inst)| (Some(i), inst.end))
        .max_by_key(|&(_, end)| end)
        .unwrap_or((None, sub_days(f.dossier.start, 1)));
    let day = add_days(latest, INACTIVE_MAX_DAYS.value as u64 + 1);
    (day <= f.running_last).then_some(Due {
        day,
        instrument,
        year: None,
    })
}

pub const FEWER_THAN_TWO_PER_YEAR: Rule = Rule {
    id: "fewer-than-two-per-year",
    severity: Severity::Warning,
    needs_range: true,
    deadline: Some(Deadline {
        kind: Kind::SecondInstrument,
        due: second_instrument_due,
        was_due: |finding, _| finding.to,
    }),
    title: Text::fixed(
        "Minder dan twee instrumenten in een jaar",
        "Fewer than two instruments in a year",
    ),
    source: INSTRUMENTS_PER_YEAR.source,
    find: |f, out| year_hits(f, false, out),
    fix: super::fixes::none,
    describe: |finding, _, lang| {
        format!(
            "{}: {} {} {}",
            year_name(finding, lang),
            active_words(finding, lang),
            lang.pick("actief, het doel is", "active, the target is"),
            lang.pick(
                &format!(
                    "{} per jaar. Plan er nog een (bv. een WES of IBO).",
                    INSTRUMENTS_PER_YEAR.value
                ),
                &format!(
                    "{} a year. Plan another one (a WES or an IBO, say).",
                    INSTRUMENTS_PER_YEAR.value
                ),
            )
        )
    },
};

pub const TWO_PER_YEAR_EXEMPT: Rule = Rule {
    id: "two-per-year-exempt",
    severity: Severity::Info,
    needs_range: true,
    deadline: None,
    title: Text::fixed(
        "Jaar vrijgesteld van het doel van twee",
        "Year exempt from the target of two",
    ),
    source: super::source::Source {
        document: super::source::Document::Seed,
        passage: "Daarvan kan afgeweken worden wegens de duur van de art. 60§7-tewerkstelling.",
    },
    find: |f, out| year_hits(f, true, out),
    fix: super::fixes::none,
    describe: |finding, _, lang| {
        let why = match finding.detail {
            Detail::Year {
                exemption: Some(Exemption::Art60FillsYear),
                ..
            } => lang
                .pick(
                    "art. 60§7-tewerkstelling vult meer dan de helft van het jaar",
                    "art. 60§7 employment fills more than half of the year",
                )
                .to_string(),
            Detail::Year {
                exemption: Some(Exemption::PartialYear),
                ..
            } => format!(
                "{} {} {}",
                lang.pick("onvolledig jaar: minder dan", "partial year: fewer than"),
                PARTIAL_YEAR_MIN_DAYS.value,
                lang.pick("dagen van het traject", "days of the trajectory"),
            ),
            _ => lang
                .pick(
                    "het traject eindigde in dit jaar",
                    "the trajectory ended in this year",
                )
                .to_string(),
        };
        format!(
            "{}: {} {}; {why}.",
            year_name(finding, lang),
            active_words(finding, lang),
            lang.pick("actief, vrijgesteld", "active, exempt"),
        )
    },
};

pub const INACTIVE_PERIOD: Rule = Rule {
    id: "inactive-period",
    severity: Severity::Warning,
    needs_range: true,
    deadline: Some(Deadline {
        kind: Kind::NextInstrument,
        due: next_instrument_due,
        was_due: |finding, _| {
            finding
                .from
                .map(|from| add_days(from, INACTIVE_MAX_DAYS.value as u64))
        },
    }),
    title: Text::fixed("Periode zonder instrument", "Period without any instrument"),
    source: INACTIVE_MAX_DAYS.source,
    find: |f, out| {
        let window = f.running();
        if !window.is_valid() {
            return;
        }
        let mut cursor = window.start;
        let mut previous: Option<usize> = None;
        // The instruments around a gap, before and after it: a list only once it is a hit.
        let gap =
            |from: NaiveDate, to: NaiveDate, around: [Option<usize>; 2], out: &mut Hits<'_>| {
                let days = DateRange::new(from, to).days();
                if days > INACTIVE_MAX_DAYS.value {
                    let around: InstrumentIds = around.into_iter().flatten().collect();
                    out.push(Hit::new(
                        &around,
                        from,
                        to,
                        Detail::Days {
                            actual: days,
                            limit: INACTIVE_MAX_DAYS.value,
                        },
                    ));
                }
            };
        for (i, inst) in f.instruments() {
            let Some(inside) = inst.range().intersect(&window) else {
                continue;
            };
            if inside.start > cursor {
                gap(cursor, sub_days(inside.start, 1), [previous, Some(i)], out);
            }
            if inside.end >= cursor {
                cursor = add_days(inside.end, 1);
                previous = Some(i);
            }
        }
        if cursor <= window.end {
            gap(cursor, window.end, [previous, None], out);
        }
    },
    fix: gap_fix,
    describe: |finding, d: &Dossier, lang| {
        let days = match finding.detail {
            Detail::Days { actual, .. } => actual,
            _ => 0,
        };
        format!(
            "{} {days} {} ({}), {} {} {}. {}",
            lang.pick("Geen enkel instrument gedurende", "No instrument for"),
            lang.pick("dagen", "days"),
            wording::finding_span(finding, lang),
            lang.pick("meer dan", "more than"),
            INACTIVE_MAX_DAYS.value,
            lang.pick("dagen", "days"),
            if finding.instruments.len() > 1 || d.instruments.is_empty() {
                lang.pick(
                    "Schuif het volgende instrument op of plan er een tussen.",
                    "Move the next instrument up or plan one in between.",
                )
            } else {
                lang.pick(
                    "Plan een instrument in deze periode.",
                    "Plan an instrument in this period.",
                )
            }
        )
    },
};

/// `inactive-period`: the instrument after the gap is the last one the finding names, if it
/// starts after the gap; it moves up to the gap's first day.
fn gap_fix(finding: &Finding, d: &Dossier) -> Vec<Fix> {
    let next = finding.instruments.last().copied().filter(|&n| {
        d.instruments
            .get(n)
            .zip(finding.to)
            .is_some_and(|(x, to)| x.start > to)
    });
    let (Some(n), Some(from)) = (next, finding.from) else {
        return Vec::new();
    };
    vec![fixes::dated(
        "Volgend instrument laten aansluiten ({})",
        "Move the next instrument up ({})",
        from,
        fixes::with(d, |x| fixes::shift_to(x, n, from)),
    )]
}

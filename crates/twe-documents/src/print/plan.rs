//! The trajectory plan (the POP both sign) laid out on A4: who and when, the timeline as
//! the window draws it, the instruments, the open findings (the counsellor's copy only), what
//! is due next, and room for both signatures.

use super::layout::{BODY, Block, Flow, INK, Item, Kind, MARGIN, MUTED, Metrics, Page, Rgb};
use chrono::{Datelike, NaiveDate};
use twe_core::lang::{self, Lang};
use twe_core::model::calendar::{add_months, days_between};
use twe_core::model::timeline;
use twe_core::model::{Dossier, Focus, InstrumentKind, Provider};
use twe_core::rules::params::{ART60_START_MONTHS, TRAJECTORY_MONTHS};
use twe_core::rules::{CheckContext, review};

/// Which copy, in which language, on which day.
#[derive(Clone, Copy, Debug)]
pub struct PlanOptions {
    /// The language of the document.
    pub lang: Lang,
    /// The reference date: findings and agenda as of this day.
    pub today: NaiveDate,
    /// The day it is printed ("made on"): the real date, whatever the reference date.
    pub printed: NaiveDate,
    /// The client's copy: the plan, the dates and what is expected, without findings.
    pub client_copy: bool,
    /// Trajectory or calendar years for the two-a-year target, as the window checks.
    pub year_mode: twe_core::rules::YearMode,
}

/// The plan's pages.
pub fn plan_pages(d: &Dossier, opts: &PlanOptions) -> Option<Vec<Page>> {
    let lang = opts.lang;
    let metrics = Metrics::new()?;
    let mut flow = Flow::new(metrics);
    let title = lang.pick("Trajectplan TWE-OCMW", "TWE-OCMW trajectory plan");
    flow.heading(title, 1);
    flow.paragraph(
        &format!(
            "{} · {} {}",
            if opts.client_copy {
                lang.pick("Exemplaar van de cliënt", "The client's copy")
            } else {
                lang.pick("Exemplaar van de begeleider", "The counsellor's copy")
            },
            lang.pick("opgemaakt op", "made on"),
            // The reference date is said where it is not the day it was made: the findings
            // are as of it.
            if opts.printed == opts.today {
                lang::long_date(opts.printed, lang)
            } else {
                format!(
                    "{}, {} {}",
                    lang::long_date(opts.printed, lang),
                    lang.pick("stand op", "as of"),
                    lang::long_date(opts.today, lang)
                )
            }
        ),
        BODY,
        MUTED,
        0.0,
    );
    flow.gap(6.0);
    facts(&mut flow, d, lang);
    flow.heading(lang.pick("Tijdlijn", "Timeline"), 2);
    timeline(&mut flow, d, lang);
    flow.heading(lang.pick("Instrumenten", "Instruments"), 2);
    instruments(&mut flow, d, lang);
    let mut ctx = CheckContext::new(opts.today);
    ctx.year_mode = opts.year_mode;
    let checked = review(d, &ctx);
    if !opts.client_copy {
        open_findings(&mut flow, &checked.findings, d, lang);
    }
    due(&mut flow, &checked.agenda, d, *opts);
    signatures(&mut flow, lang);
    let header = format!("{title} · {} · {}", d.id, d.client);
    flow.furnish(&header, |k, n| {
        format!(
            "{} · {} {k} {} {n}",
            d.id,
            lang.pick("pagina", "page"),
            lang.pick("van", "of")
        )
    });
    Some(flow.pages)
}

/// Findings in plain words, each followed by the document its rule comes from (the
/// window quotes the passage) and its id (to find it in the program and the documentation).
fn findings_list(flow: &mut Flow, findings: &[&twe_core::rules::Finding], d: &Dossier, lang: Lang) {
    for f in findings {
        flow.paragraph(
            &format!(
                "{}: {} [{}; {}]",
                f.severity().label(lang),
                f.message(d, lang),
                f.rule.source.document.title(lang),
                f.rule.id
            ),
            BODY,
            INK,
            0.0,
        );
        flow.gap(2.0);
    }
}

/// The plan's facts, a line each.
fn facts(flow: &mut Flow, d: &Dossier, lang: Lang) {
    let regular_last = d.regular_last_day();
    let mut lines = vec![
        (lang.pick("Cliënt", "Client"), d.client.clone()),
        (lang.pick("Dossier", "Dossier"), d.id.clone()),
        ("OCMW", d.ocmw.clone()),
        (
            lang.pick("Begeleiding", "Guidance"),
            d.guided_by
                .clone()
                .unwrap_or_else(|| lang.pick("het OCMW zelf", "the OCMW itself").to_string()),
        ),
    ];
    if let Some(c) = &d.counsellor {
        lines.push((lang.pick("Begeleider", "Counsellor"), c.clone()));
    }
    lines.push((
        lang.pick("Traject", "Trajectory"),
        format!(
            "{} {} {} ({} {} {})",
            lang::date(d.start, lang),
            lang.pick("tot", "to"),
            lang::date(d.last_day(), lang),
            TRAJECTORY_MONTHS.value,
            lang.pick("maanden tot", "months to"),
            lang::date(regular_last, lang)
        ),
    ));
    if let Some(end) = d.end {
        lines.push((
            lang.pick("Afgesloten op", "Closed on"),
            lang::date(end, lang),
        ));
    }
    if let Some(r) = d.social_rights_acquired {
        lines.push((
            lang.pick("Sociale rechten verworven", "Social rights acquired"),
            lang::date(r, lang),
        ));
    }
    // In two columns: who on the left, when on the right (a plan should fit one page);
    // a column that would not fit the page (a name of a thousand letters) flows instead.
    let size = BODY + 0.5;
    let lead = size * 1.35;
    let half = (Flow::width() - 16.0) / 2.0;
    let texts: Vec<String> = lines.iter().map(|(l, v)| format!("{l}: {v}")).collect();
    let split = 4.min(texts.len());
    let wrapped: Vec<Vec<String>> = texts
        .iter()
        .map(|t| flow.metrics.wrap(t, size, half))
        .collect();
    let column_height = |range: std::ops::Range<usize>| -> f32 {
        wrapped[range].iter().map(Vec::len).sum::<usize>() as f32 * lead
    };
    let height = column_height(0..split).max(column_height(split..texts.len()));
    if flow.y + height > Flow::bottom() {
        for text in &texts {
            flow.paragraph(text, size, INK, 0.0);
        }
        return;
    }
    let top = flow.y;
    for (column, range) in [(0.0, 0..split), (half + 16.0, split..texts.len())] {
        let mut y = top;
        for fact in &wrapped[range] {
            let items = fact
                .iter()
                .map(|line| {
                    y += lead;
                    Item::Text {
                        x: MARGIN + column,
                        y: y - size * 0.3,
                        size,
                        text: line.clone(),
                        color: INK,
                    }
                })
                .collect();
            flow.push(Block {
                kind: Kind::Paragraph,
                cells: vec![items],
            });
        }
    }
    flow.y = top + height;
}

/// Black or white, whichever reads better on `fill` (WCAG contrast).
fn label_on(fill: Rgb) -> Rgb {
    let white = [0xFF, 0xFF, 0xFF];
    if twe_core::colour::contrast(fill, [0, 0, 0]) >= twe_core::colour::contrast(fill, white) {
        INK
    } else {
        white
    }
}

/// The counsellor's copy's findings: what is wrong first, what an exception allows apart,
/// as information.
fn open_findings(flow: &mut Flow, findings: &[twe_core::rules::Finding], d: &Dossier, lang: Lang) {
    // What is wrong first; what is allowed by an exception apart, as information.
    let (info, open): (Vec<_>, Vec<_>) = findings
        .iter()
        .partition(|f| f.severity() == twe_core::rules::Severity::Info);
    flow.heading(lang.pick("Open bevindingen", "Open findings"), 2);
    if open.is_empty() {
        flow.paragraph(
            lang.pick("Geen open bevindingen.", "No open findings."),
            BODY,
            INK,
            0.0,
        );
    }
    findings_list(flow, &open, d, lang);
    if !info.is_empty() {
        flow.heading(lang.pick("Ter informatie", "For information"), 2);
        findings_list(flow, &info, d, lang);
    }
}

/// What is due (on the client's copy: what is expected of the client), kept on one page
/// with the signatures.
fn due(flow: &mut Flow, agenda: &[twe_core::rules::agenda::Item], d: &Dossier, opts: PlanOptions) {
    let lang = opts.lang;
    // The client's copy lists what the client takes part in: the instruments to start; the
    // counsellor's uploads, closing and follow-up stay on the counsellor's copy.
    let due: Vec<_> = agenda
        .iter()
        .filter(|item| {
            !opts.client_copy
                || matches!(
                    item.kind,
                    twe_core::rules::agenda::Kind::Art60Start
                        | twe_core::rules::agenda::Kind::SecondInstrument
                        | twe_core::rules::agenda::Kind::NextInstrument
                )
        })
        .collect();
    // The client reads the action and its day; the counsellor why it is that day too.
    let lines: Vec<String> = due
        .iter()
        .map(|item| {
            let what = if opts.client_copy {
                item.kind.action(lang).to_string()
            } else {
                item.message(d, lang)
            };
            format!("{} — {what}", lang::date(item.due.day, lang))
        })
        .collect();
    // What is due goes with the signatures, so that they never stand alone on a page: the
    // heading, its lines as wrapped, and the signatures' block with its heading.
    let wrapped: usize = lines
        .iter()
        .map(|l| flow.metrics.wrap(l, BODY, Flow::width()).len())
        .sum::<usize>()
        .max(1);
    flow.ensure(32.0 + BODY * 1.35 * wrapped as f32 + SIGNATURES + 30.0);
    flow.heading(
        if opts.client_copy {
            lang.pick("Wat er verwacht wordt", "What is expected")
        } else {
            lang.pick("Wat er te doen staat", "What is due")
        },
        2,
    );
    if due.is_empty() {
        flow.paragraph(lang.pick("Niets gepland.", "Nothing due."), BODY, INK, 0.0);
    }
    for line in &lines {
        flow.paragraph(line, BODY, INK, 0.0);
    }
}

/// The timeline as the window draws it: the 24-month window shaded, month ticks, the start
/// of year 2, the end of the 24 months, the art. 60§7 deadline, the end; a lane per
/// instrument in its kind's colour, the part past the trajectory's last day lighter with a
/// dashed edge.
fn timeline(flow: &mut Flow, d: &Dossier, lang: Lang) {
    let axis = 16.0;
    let n = d.instruments.len().max(1);
    // Lanes of 15 points, thinner when there are many, so the drawing never takes more
    // than a third of a page (the table lists every instrument in full).
    let lane = (270.0 / n as f32).min(15.0);
    let height = HEAD + lane * n as f32 + axis;
    flow.ensure(height + 8.0);
    let top = flow.y + 4.0;
    let left = MARGIN;
    let width = Flow::width();
    let regular_last = d.regular_last_day();
    let last = d.last_day();
    let from = d
        .instruments
        .iter()
        .map(|i| i.start)
        .chain([d.start])
        .min()
        .unwrap_or(d.start);
    let to = d
        .instruments
        .iter()
        .map(|i| i.end)
        .chain([regular_last, last])
        .max()
        .unwrap_or(regular_last);
    let span = (days_between(from, to) + 1).max(1) as f32;
    let x_of = |day: NaiveDate| left + width * days_between(from, day) as f32 / span;
    let mut items = Vec::new();
    let body_bottom = top + HEAD + lane * n as f32;
    // The 24 months.
    items.push(Item::Rect {
        rect: [
            x_of(d.start),
            top,
            x_of(regular_last.succ_opt().unwrap_or(regular_last)) - x_of(d.start),
            body_bottom - top,
        ],
        fill: Some([0xF2, 0xF2, 0xF2]),
        stroke: None,
        dashed: false,
    });
    let frame = Frame {
        top,
        bottom: body_bottom,
        left,
        width,
    };
    month_ticks(
        &mut items,
        &frame,
        (from, to),
        span,
        &x_of,
        &flow.metrics,
        lang,
    );
    markers(&mut items, d, lang, &flow.metrics, &x_of, &frame);
    let scale = Scale {
        from,
        span,
        left,
        width,
        top,
        lane,
        last,
    };
    bars(&mut items, &scale, d, lang, &flow.metrics);
    let alt = format!(
        "{} {} {} {}: {}",
        lang.pick("Tijdlijn van", "Timeline from"),
        lang::date(from, lang),
        lang.pick("tot", "to"),
        lang::date(to, lang),
        d.instruments
            .iter()
            .map(|i| format!(
                "{} {}–{}",
                i.label(lang),
                lang::date(i.start, lang),
                lang::date(i.end, lang)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    flow.push(Block {
        kind: Kind::Figure(alt),
        cells: vec![items],
    });
    flow.y = body_bottom + axis;
}

/// The room above the lanes for the markers' names: two rows.
const HEAD: f32 = 20.0;

/// The box the timeline is drawn in.
#[derive(Clone, Copy)]
struct Frame {
    top: f32,
    bottom: f32,
    left: f32,
    width: f32,
}

/// The month ticks under the lanes, labelled as the window labels them (the core's step
/// and months), as far apart as their labels need (40 points).
fn month_ticks(
    items: &mut Vec<Item>,
    frame: &Frame,
    (from, to): (NaiveDate, NaiveDate),
    span: f32,
    x_of: &dyn Fn(NaiveDate) -> f32,
    metrics: &Metrics,
    lang: Lang,
) {
    let Frame {
        top,
        bottom: body_bottom,
        left,
        width,
    } = *frame;
    // A line per labelled month only once months get too dense: a typo year 2205 draws a few dozen
    // lines, not thousands.
    let mut month = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    let months = (span / 30.4).max(1.0);
    // Labels 40 points apart; never a label every month on paper.
    let every = timeline::label_step(f64::from(months), f64::from(width / 40.0), 3);
    // Past five years, one line a labelled step (from a January), not one a month.
    let every_line = if months > 60.0 { every.max(12) } else { 1 };
    if every_line > 1 {
        month = NaiveDate::from_ymd_opt(from.year(), 1, 1).unwrap_or(from);
    }
    let mut last_label_end = f32::NEG_INFINITY;
    while month <= to {
        let x = x_of(month);
        if x >= left {
            items.push(Item::Line {
                from: [x, top],
                to: [x, body_bottom],
                color: [0xDD, 0xDD, 0xDD],
                width: 0.3,
                dashed: false,
            });
            if timeline::labelled(month, every) {
                let text = timeline::month_label(month, lang);
                // Inside the drawing: the last label ends at its right edge, or is left
                // out where that would touch the one before.
                let w = metrics.width(&text, 7.0);
                let x0 = (x + 1.5).min(left + width - w);
                if x0 < last_label_end + 3.0 {
                    month = add_months(month, every_line);
                    continue;
                }
                last_label_end = x0 + w;
                items.push(Item::Text {
                    x: x0,
                    y: body_bottom + 10.0,
                    size: 7.0,
                    text,
                    color: MUTED,
                });
            }
        }
        month = add_months(month, every_line);
    }
}

/// The lines of the timeline: start, year 2, the end of the 24 months, the art. 60§7
/// deadline and the end, each named above the lanes, in two rows: a name goes right of its
/// line, else left of it, in the first row where it touches no other name and stays in the
/// drawing (a long span brings the lines close together).
fn markers(
    items: &mut Vec<Item>,
    d: &Dossier,
    lang: Lang,
    metrics: &Metrics,
    x_of: &dyn Fn(NaiveDate) -> f32,
    frame: &Frame,
) {
    let (top, body_bottom, left, width) = (frame.top, frame.bottom, frame.left, frame.width);
    let regular_last = d.regular_last_day();
    let year_line: Rgb = [0x55, 0x55, 0x55];
    let after = |day: NaiveDate| day.succ_opt().unwrap_or(day);
    let mut lines: Vec<(NaiveDate, Rgb, f32, bool, &str)> = vec![
        (d.start, year_line, 0.8, false, lang.pick("start", "start")),
        (
            add_months(d.start, 12),
            year_line,
            0.6,
            true,
            lang.pick("jaar 2", "year 2"),
        ),
        (
            after(regular_last),
            year_line,
            0.8,
            false,
            lang.pick("24 maanden", "24 months"),
        ),
        (
            add_months(d.start, ART60_START_MONTHS.value),
            [0xB0, 0x4A, 0x00],
            0.8,
            true,
            lang.pick("uiterste start art. 60§7", "art. 60§7 deadline"),
        ),
    ];
    if let Some(end) = d.end {
        lines.push((after(end), INK, 1.6, false, lang.pick("einde", "end")));
    }
    lines.sort_by_key(|l| l.0);
    let mut placed: Vec<(usize, f32, f32)> = Vec::new();
    for (day, color, stroke, dashed, label) in lines {
        let x = x_of(day);
        items.push(Item::Line {
            from: [x, top],
            to: [x, body_bottom],
            color,
            width: stroke,
            dashed,
        });
        let w = metrics.width(label, 6.5);
        let fits = |row: usize, x0: f32| {
            x0 >= left
                && x0 + w <= left + width
                && placed
                    .iter()
                    .all(|&(r, a, b)| r != row || x0 + w + 3.0 <= a || x0 >= b + 3.0)
        };
        let candidates = [
            (0, x + 2.0),
            (0, x - 2.0 - w),
            (1, x + 2.0),
            (1, x - 2.0 - w),
        ];
        // Where no place is free (a span of a century), the line goes unnamed rather than
        // printed over another name; the figure's alternative text lists the dates.
        let Some((row, x0)) = candidates.into_iter().find(|&(row, x0)| fits(row, x0)) else {
            continue;
        };
        placed.push((row, x0, x0 + w));
        items.push(Item::Text {
            x: x0,
            y: top + 7.0 + 8.0 * row as f32,
            size: 6.5,
            text: label.to_string(),
            color,
        });
    }
}

/// Where days and lanes fall in the drawing.
struct Scale {
    from: NaiveDate,
    span: f32,
    left: f32,
    width: f32,
    top: f32,
    lane: f32,
    last: NaiveDate,
}

impl Scale {
    fn x(&self, day: NaiveDate) -> f32 {
        self.left + self.width * days_between(self.from, day) as f32 / self.span
    }
}

/// A lane per instrument, in start order: its kind's colour inside the trajectory, lighter
/// with a dashed edge past its last day, labelled inside or beside.
fn bars(items: &mut Vec<Item>, scale: &Scale, d: &Dossier, lang: Lang, metrics: &Metrics) {
    let (top, lane, last, left, width) =
        (scale.top, scale.lane, scale.last, scale.left, scale.width);
    // The window's lane order.
    let order = timeline::lanes(d);
    for (row, &i) in order.iter().enumerate() {
        let inst = &d.instruments[i];
        if inst.end < inst.start {
            continue;
        }
        let y = top + HEAD - 2.0 + lane * row as f32;
        let color = inst.kind.kind_type().rgb();
        let x0 = scale.x(inst.start);
        let inside_end = inst.end.min(last);
        let x1 = scale.x(inside_end.succ_opt().unwrap_or(inside_end));
        if inst.start <= last {
            items.push(Item::Rect {
                rect: [x0, y, (x1 - x0).max(1.0), lane * 0.8],
                fill: Some(color),
                stroke: Some((color.map(|v| v.saturating_sub(60)), 0.6)),
                dashed: false,
            });
        }
        if inst.end > last {
            let p0 = scale.x(inst.start.max(last.succ_opt().unwrap_or(last)));
            let p1 = scale.x(inst.end.succ_opt().unwrap_or(inst.end));
            items.push(Item::Rect {
                rect: [p0, y, (p1 - p0).max(1.0), lane * 0.8],
                fill: Some(twe_core::colour::lighten(color, 0.65)),
                stroke: Some((color.map(|v| v.saturating_sub(60)), 0.6)),
                dashed: true,
            });
        }
        let label = inst.kind.kind_type().label(lang);
        let size = 6.5;
        let fill = if inst.start <= last {
            color
        } else {
            twe_core::colour::lighten(color, 0.65)
        };
        if lane < 9.0 {
            // Too thin for a label: the table names it.
        } else if metrics.width(label, size) + 4.0 < (scale.x(inst.end) - x0).max(0.0) {
            items.push(Item::Text {
                x: x0 + 2.0,
                y: y + lane - 6.5,
                size,
                text: label.to_string(),
                color: label_on(fill),
            });
        } else {
            // Beside the bar: after it, or before it where the drawing ends.
            let after = scale.x(inst.end.succ_opt().unwrap_or(inst.end)) + 2.0;
            let w = metrics.width(label, size);
            items.push(Item::Text {
                x: if after + w > left + width {
                    x0 - 2.0 - w
                } else {
                    after
                },
                y: y + lane - 6.5,
                size,
                text: label.to_string(),
                color: INK,
            });
        }
    }
}

/// The instruments as a table: kind, dates, length in the rule's unit, status, details.
fn instruments(flow: &mut Flow, d: &Dossier, lang: Lang) {
    if d.instruments.is_empty() {
        flow.paragraph(
            lang.pick(
                "Nog geen instrumenten gepland.",
                "No instruments planned yet.",
            ),
            BODY,
            INK,
            0.0,
        );
        return;
    }
    let header = [
        lang.pick("Instrument", "Instrument"),
        lang.pick("Van", "From"),
        lang.pick("Tot", "To"),
        lang.pick("Duur", "Length"),
        lang.pick("Status", "Status"),
        lang.pick("Details", "Details"),
    ]
    .map(str::to_string);
    // The window's lane order.
    let rows: Vec<Vec<String>> = timeline::lanes(d)
        .iter()
        .map(|&i| {
            let inst = &d.instruments[i];
            let details = match &inst.kind {
                InstrumentKind::Opleiding {
                    name,
                    provider,
                    focus,
                    full_time,
                } => format!(
                    "{name}; {}; {}; {}",
                    match provider {
                        Provider::Vdab => "VDAB".to_string(),
                        Provider::Recognised => lang.pick("erkend", "recognised").to_string(),
                        Provider::Other(o) => o.clone(),
                    },
                    match focus {
                        Focus::Generic => lang.pick("generiek", "generic"),
                        Focus::Technical => lang.pick("technisch", "technical"),
                    },
                    if *full_time {
                        lang.pick("voltijds", "full-time")
                    } else {
                        lang.pick("deeltijds", "part-time")
                    }
                ),
                _ => String::new(),
            };
            vec![
                inst.kind.kind_type().label(lang).to_string(),
                lang::date(inst.start, lang),
                lang::date(inst.end, lang),
                inst.length_label(lang),
                inst.status.label(lang).to_string(),
                details,
            ]
        })
        .collect();
    // The length's column holds "37 weeks 4 days" on one line.
    flow.table(0, &header, &[105.0, 60.0, 60.0, 92.0, 62.0, 0.0], &rows);
    flow.gap(4.0);
}

/// Room for both signatures and the date.
/// The signature block's height.
const SIGNATURES: f32 = 70.0;

fn signatures(flow: &mut Flow, lang: Lang) {
    let height = SIGNATURES;
    flow.ensure(height + 30.0);
    flow.heading(lang.pick("Handtekeningen", "Signatures"), 2);
    let top = flow.y + 4.0;
    let w = (Flow::width() - 20.0) / 2.0;
    for (k, who) in [
        lang.pick("De cliënt", "The client"),
        lang.pick("De begeleider", "The counsellor"),
    ]
    .into_iter()
    .enumerate()
    {
        let x = MARGIN + k as f32 * (w + 20.0);
        let items = vec![
            Item::Text {
                x,
                y: top + 10.0,
                size: BODY,
                text: who.to_string(),
                color: INK,
            },
            Item::Line {
                from: [x, top + 44.0],
                to: [x + w, top + 44.0],
                color: MUTED,
                width: 0.6,
                dashed: false,
            },
            Item::Text {
                x,
                y: top + 62.0,
                size: BODY,
                text: format!("{} ____ / ____ / ________", lang.pick("Datum:", "Date:")),
                color: INK,
            },
        ];
        flow.push(Block {
            kind: Kind::Paragraph,
            cells: vec![items],
        });
    }
    flow.y = top + height;
}

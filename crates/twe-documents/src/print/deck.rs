//! The yearly figures as a deck: one 16:9 page per chart slide, drawn from the same slides
//! as the window presents (`twe_core::stats::charts::Slide`: the chart as data, its title,
//! key number and sentence, as computed or as the presenter wrote them), in a light theme
//! for a lit room: the chart with its values written on the bars and the lines named at
//! their ends, what is hidden marked where it would stand, the legend beside the plot, the
//! note on hidden figures, the source line and the page number. Every text is at least
//! 14 points (19 pixels on a 1280-pixel-wide projector) and no two texts overlap.

use super::layout::{Block, INK, Item, Kind, MUTED, Metrics, Page, Rgb};
use twe_core::lang::Lang;
use twe_core::reference::Province;
use twe_core::stats::charts::{ChartData, Series, Shape, Slide};
use twe_core::stats::disclosure::{self, Shown};

/// 16:9 in points (a 1280×720 slide).
pub const SLIDE: (f32, f32) = (960.0, 540.0);
const PAD: f32 = 40.0;
/// The smallest text on a slide: 14 points, 18.7 pixels at 1280×720.
pub const MIN_TEXT: f32 = 14.0;
/// The colour of what is hidden.
const HIDDEN: Rgb = [0xBB, 0xBB, 0xBB];

/// What the deck shows: the slides as presented, where their figures come from, the
/// province in full colour (the others faded), the language.
pub struct Deck<'a> {
    /// The chart slides.
    pub slides: &'a [Slide],
    /// The source line under each chart.
    pub source: &'a str,
    /// The highlighted province, if any.
    pub highlight: Option<Province>,
    /// The language of the published slides' words.
    pub lang: Lang,
}

/// A series' colour (Okabe–Ito, as the window's charts), faded where another province is
/// highlighted.
fn series_rgb(s: &Series, k: usize, highlight: Option<Province>) -> Rgb {
    const OTHER: [Rgb; 4] = [
        [0x00, 0x72, 0xB2],
        [0xD5, 0x5E, 0x00],
        [0x00, 0x9E, 0x73],
        [0x56, 0xB4, 0xE9],
    ];
    let base = match (s.province(), s.row) {
        (Some(p), _) => p.rgb(),
        (None, Some(_)) => [0x77, 0x77, 0x77],
        (None, None) => s
            .instrument
            .map_or(OTHER[k % OTHER.len()], twe_core::model::InstrumentType::rgb),
    };
    match (highlight, s.province()) {
        (Some(h), Some(p)) if h != p => twe_core::colour::lighten(base, 0.7),
        (Some(_), None) if s.row.is_some() => twe_core::colour::lighten(base, 0.7),
        _ => base,
    }
}

/// One slide per chart, then the trainings and the outflow (published figures).
pub fn deck_pages(deck: &Deck<'_>) -> Option<Vec<Page>> {
    let metrics = Metrics::new()?;
    let n = deck.slides.len() + 2;
    let mut pages: Vec<Page> = deck
        .slides
        .iter()
        .enumerate()
        .map(|(k, s)| slide(s, deck, &metrics, (k + 1, n)))
        .collect();
    let published_source = twe_core::stats::charts::source_line(false, deck.lang);
    pages.push(trainings_slide(
        deck.lang,
        &published_source,
        (n - 1, n),
        &metrics,
    ));
    pages.push(outflow_slide(
        deck.lang,
        &published_source,
        (n, n),
        &metrics,
    ));
    Some(pages)
}

/// The footer's first line: the source (in two lines where one does not hold it, 17
/// points) and the page number; returns its block and the top of the first line.
fn footer(source: &str, (page, of): (usize, usize), metrics: &Metrics) -> (Block, f32) {
    let number = format!("{page} / {of}");
    let room = SLIDE.0 - 2.0 * PAD - metrics.width(&number, 17.0) - 24.0;
    let lines = metrics.wrap(source, 17.0, room);
    let bottom = SLIDE.1 - PAD + 10.0;
    let shown = lines.len().clamp(1, 2);
    let first = bottom - 20.0 * (shown as f32 - 1.0);
    let mut cells: Vec<Item> = lines
        .into_iter()
        .take(2)
        .enumerate()
        .map(|(k, line)| {
            text(
                PAD,
                first + 20.0 * k as f32,
                17.0,
                metrics.fit(&line, 17.0, room),
                MUTED,
            )
        })
        .collect();
    cells.push(text(
        SLIDE.0 - PAD - metrics.width(&number, 17.0),
        bottom,
        17.0,
        number,
        MUTED,
    ));
    (
        Block {
            kind: Kind::Artifact,
            cells: vec![cells],
        },
        first - 17.0,
    )
}

/// The note on hidden figures in lines above `top`; returns its block and its own top.
fn note_block(lang: Lang, top: f32, metrics: &Metrics) -> (Block, f32) {
    let lines = metrics.wrap(disclosure::note(lang), MIN_TEXT, SLIDE.0 - 2.0 * PAD);
    let step = MIN_TEXT + 3.0;
    let first = top - 6.0 - step * (lines.len() as f32 - 1.0);
    let items = lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| text(PAD, first + step * k as f32, MIN_TEXT, line, MUTED))
        .collect();
    (para(items), first - MIN_TEXT)
}

fn title_block(title: &str, metrics: &Metrics) -> Block {
    let room = SLIDE.0 - 2.0 * PAD;
    let size = (room / metrics.width(title, 1.0).max(1e-3)).clamp(20.0, 28.0);
    Block {
        kind: Kind::Heading(1),
        cells: vec![vec![text(
            PAD,
            PAD + 24.0,
            size,
            metrics.fit(title, size, room),
            INK,
        )]],
    }
}

/// Clients with trainings per start year, their average duration and the most followed one,
/// as a table (the seed's figures), each cell whole: a long one in two lines.
fn trainings_slide(lang: Lang, source: &str, at: (usize, usize), metrics: &Metrics) -> Page {
    let p = twe_core::reference::published();
    let mut page = Page::default();
    page.blocks.push(title_block(
        lang.pick(
            "Cliënten met één of meer opleidingen, per startjaar van de opleiding",
            "Clients with one or more trainings, by the training's start year",
        ),
        metrics,
    ));
    let (number, sentence) = p.trainings_headline(lang);
    headline(&mut page, &number, &sentence, metrics);
    let columns = [PAD, PAD + 130.0, PAD + 240.0, PAD + 420.0];
    let header = [
        lang.pick("Startjaar", "Start year").to_string(),
        lang.pick("Cliënten", "Clients").to_string(),
        lang.pick("Gem. duur (maanden)", "Avg. duration (months)")
            .to_string(),
        lang.pick("Meest gevolgd", "Most followed").to_string(),
    ];
    let mut rows = vec![(true, header)];
    for t in &p.trainings {
        rows.push((
            false,
            [
                t.year.to_string(),
                twe_core::lang::number(t.clients.into(), lang),
                t.average_months.to_string(),
                p.most_followed_in(t.year, lang),
            ],
        ));
    }
    let (foot, foot_top) = footer(source, at, metrics);
    let size = 17.0;
    let mut y = PAD + 145.0;
    for (header, cells) in rows {
        // Each cell in up to two lines within its column.
        let laid: Vec<Vec<String>> = cells
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let room = columns.get(k + 1).copied().unwrap_or(SLIDE.0 - PAD) - columns[k] - 10.0;
                let mut lines = metrics.wrap(c, size, room);
                if lines.len() > 2 {
                    let rest = lines.split_off(1).join(" ");
                    lines.push(metrics.fit(&rest, size, room));
                }
                lines
            })
            .collect();
        let height = laid.iter().map(Vec::len).max().unwrap_or(1) as f32;
        page.blocks.push(Block {
            kind: Kind::Row { table: 0, header },
            cells: laid
                .into_iter()
                .enumerate()
                .map(|(k, lines)| {
                    lines
                        .into_iter()
                        .enumerate()
                        .map(|(n, line)| text(columns[k], y + 20.0 * n as f32, size, line, INK))
                        .collect()
                })
                .collect(),
        });
        y += 20.0 * height + 12.0;
    }
    let note = lang.pick(
        "Een cliënt die in twee jaren een opleiding startte, telt in beide jaren. VDAB heeft \
         geen gegevens over het al dan niet succesvol afronden van opleidingen.",
        "A client who started a training in two years counts in both. VDAB has no data on \
         whether trainings were completed successfully.",
    );
    let lines = metrics.wrap(note, 15.0, SLIDE.0 - 2.0 * PAD);
    let first = (foot_top - 8.0 - 18.0 * (lines.len() as f32 - 1.0)).max(y + 15.0);
    page.blocks.push(para(
        lines
            .into_iter()
            .enumerate()
            .map(|(k, line)| text(PAD, first + 18.0 * k as f32, 15.0, line, MUTED))
            .collect(),
    ));
    page.blocks.push(foot);
    page
}

/// The outflow to work: the two published shares, large, each with what it counts.
fn outflow_slide(lang: Lang, source: &str, at: (usize, usize), metrics: &Metrics) -> Page {
    let o = &twe_core::reference::published().outflow;
    let mut page = Page::default();
    page.blocks.push(title_block(
        lang.pick("Uitstroom naar werk", "Outflow to work"),
        metrics,
    ));
    let approx = if o.at_measurement_is_approximate {
        lang.pick("bijna ", "almost ")
    } else {
        ""
    };
    let figures = [
        (
            format!("{approx}{}%", o.at_work_at_measurement_percent),
            lang.pick(
                "van de cliënten met een afgesloten traject is aan het werk bij de resultaatsmeting",
                "of the clients whose trajectory was closed are at work at the outflow measurement",
            ),
        ),
        (
            format!("{}%", o.at_work_within_12_months_percent),
            lang.pick(
                "is aan het werk in en na de periode van 12 maanden na het stopzetten van het traject",
                "are at work during or after the 12 months after the trajectory stopped",
            ),
        ),
    ];
    for (k, (figure, caption)) in figures.into_iter().enumerate() {
        let y = PAD + 150.0 + 150.0 * k as f32;
        let caption_lines = metrics.wrap(caption, 20.0, SLIDE.0 - 2.0 * PAD);
        let mut items = vec![text(PAD, y, 64.0, figure, [0x00, 0x5A, 0x8C])];
        items.extend(
            caption_lines
                .into_iter()
                .take(2)
                .enumerate()
                .map(|(n, line)| text(PAD, y + 40.0 + 24.0 * n as f32, 20.0, line, INK)),
        );
        page.blocks.push(para(items));
    }
    page.blocks.push(footer(source, at, metrics).0);
    page
}

fn text(x: f32, y: f32, size: f32, text: impl Into<String>, color: Rgb) -> Item {
    Item::Text {
        x,
        y,
        size,
        text: text.into(),
        color,
    }
}

fn para(items: Vec<Item>) -> Block {
    Block {
        kind: Kind::Paragraph,
        cells: vec![items],
    }
}

/// A value axis with round steps (1, 2, 2.5 or 5 times a power of ten; whole steps for
/// counts) from `min` to `max`: its low end, high end and step.
fn axis(min: f64, max: f64, whole: bool) -> (f64, f64, f64) {
    let span = (max - min).max(if whole { 4.0 } else { 1e-9 });
    let raw = span / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw * (1.0 - 1e-9) && (!whole || s.fract() == 0.0))
        .unwrap_or(10.0 * magnitude);
    // A stacked 100% that sums to 100.000001 stays at 100.
    let lo = (min / step + 1e-9).floor() * step;
    let hi = (max / step - 1e-9).ceil() * step;
    (lo, hi.max(lo + step), step)
}

/// A category's name in one or two lines of at least 16 points where it can be broken
/// after a hyphen or a space ("Oost-" "Vlaanderen"), else in one line as large as fits
/// (never under the smallest text).
fn category_lines(name: &str, band: f32, metrics: &Metrics) -> (Vec<String>, f32) {
    let room = band * 0.94;
    let one = (room / metrics.width(name, 1.0).max(1e-3)).min(18.0);
    if one >= 16.0 {
        return (vec![name.to_string()], one);
    }
    let split = name
        .char_indices()
        .filter(|&(_, c)| c == '-' || c == ' ')
        .map(|(i, c)| i + c.len_utf8())
        .min_by_key(|&i| (2 * i).abs_diff(name.len()));
    let fallback = || {
        let size = one.max(MIN_TEXT);
        (vec![metrics.fit(name, size, room)], size)
    };
    match split {
        Some(i) => {
            let (a, b) = name.split_at(i);
            let lines = vec![a.trim_end().to_string(), b.to_string()];
            let widest = lines
                .iter()
                .map(|l| metrics.width(l, 1.0))
                .fold(0.0_f32, f32::max)
                .max(1e-3);
            let two = (room / widest).min(18.0);
            if two > one && two >= MIN_TEXT {
                (lines, two)
            } else {
                fallback()
            }
        }
        None => fallback(),
    }
}

/// One chart being drawn: its data, where, on what value scale, in which language.
struct Chart<'a> {
    data: &'a ChartData,
    metrics: &'a Metrics,
    lang: Lang,
    highlight: Option<Province>,
    /// Left, top, width, height.
    plot: [f32; 4],
    y: YScale,
}

impl Chart<'_> {
    /// Where value `v` falls on the page.
    fn y_of(&self, v: f64) -> f32 {
        self.y.of(v, self.plot)
    }

    /// The year the figures cover in part is drawn lighter (the source line says so).
    fn lighter(&self, c: usize, color: Rgb) -> Rgb {
        if self.data.is_partial(c) {
            twe_core::colour::lighten(color, 0.5)
        } else {
            color
        }
    }

    fn color(&self, k: usize) -> Rgb {
        series_rgb(&self.data.series[k], k, self.highlight)
    }
}

/// The value axis's range and step.
struct YScale {
    lo: f64,
    hi: f64,
    step: f64,
}

impl YScale {
    fn of(&self, v: f64, plot: [f32; 4]) -> f32 {
        plot[1] + plot[3] - plot[3] * ((v - self.lo) / (self.hi - self.lo)) as f32
    }
}

/// The value axis with its round ticks and grid lines, labelled at 16 points (shares in
/// whole percents: "100%", not "100.0%").
fn axis_items(chart: &Chart<'_>) -> Vec<Item> {
    let Chart {
        data,
        metrics,
        lang,
        plot,
        ref y,
        ..
    } = *chart;
    let mut items = Vec::new();
    let decimals = if data.percent || y.step.fract() == 0.0 {
        0
    } else {
        data.decimals
    };
    let mut v = y.lo;
    while v <= y.hi + y.step * 1e-6 {
        let at = y.of(v, plot);
        items.push(Item::Line {
            from: [plot[0], at],
            to: [plot[0] + plot[2], at],
            color: [0xDD, 0xDD, 0xDD],
            width: 0.6,
            dashed: false,
        });
        let label = Shown::Value(v).text(lang, decimals, data.percent);
        let w = metrics.width(&label, 16.0);
        items.push(text(plot[0] - 6.0 - w, at + 5.0, 16.0, label, MUTED));
        v += y.step;
    }
    items
}

/// The chart inside `plot` (left, top, width, height): the value axis, the categories, the
/// bars or lines with their values written on them, the reference line; or, where every
/// figure is hidden or zero, a sentence that says so.
fn chart_items(
    data: &ChartData,
    metrics: &Metrics,
    lang: Lang,
    highlight: Option<Province>,
    plot: [f32; 4],
) -> Vec<Item> {
    if let Some(why) = data.nothing_to_show(lang) {
        let lines = metrics.wrap(why, 24.0, plot[2]);
        return lines
            .into_iter()
            .enumerate()
            .map(|(k, line)| {
                let w = metrics.width(&line, 24.0);
                text(
                    plot[0] + (plot[2] - w) / 2.0,
                    plot[1] + plot[3] / 2.0 + 32.0 * k as f32,
                    24.0,
                    line,
                    MUTED,
                )
            })
            .collect();
    }
    // The categories' names under the plot, in the room the caller left for them.
    let cats = data.categories.len().max(1);
    let band = plot[2] / cats as f32;
    let mut items = Vec::new();
    for (c, cat) in data.categories.iter().enumerate() {
        let (lines, size) = category_lines(cat, band, metrics);
        for (k, line) in lines.into_iter().enumerate() {
            let w = metrics.width(&line, size);
            items.push(text(
                plot[0] + band * (c as f32 + 0.5) - w / 2.0,
                plot[1] + plot[3] + 22.0 + (size + 2.0) * k as f32,
                size,
                line,
                MUTED,
            ));
        }
    }
    let extent = data.extent();
    let whole = data.decimals == 0 && !data.percent;
    let (mut lo, mut hi, mut step) = axis(extent.min.min(0.0), extent.max, whole);
    // Room above the bars for the values written over them.
    if data.shape == Shape::GroupedBars {
        let need = headroom(data, metrics, lang, plot, band, hi);
        if need > hi {
            (lo, hi, step) = axis(extent.min.min(0.0), need, whole);
        }
    }
    let chart = Chart {
        data,
        metrics,
        lang,
        highlight,
        plot,
        y: YScale { lo, hi, step },
    };
    items.extend(axis_items(&chart));
    match data.shape {
        Shape::GroupedBars => grouped_bars(&chart, &mut items),
        Shape::StackedBars => stacked_bars(&chart, &mut items),
        Shape::Lines => lines(&chart, &mut items),
    }
    if let Some((v, label)) = &data.reference {
        let at = chart.y_of(*v);
        items.push(Item::Line {
            from: [plot[0], at],
            to: [plot[0] + plot[2], at],
            color: [0x28, 0x28, 0x28],
            width: 1.5,
            dashed: true,
        });
        items.push(text(plot[0] + 4.0, at - 6.0, 16.0, label.clone(), INK));
    }
    items
}

/// The width of a grouped bar.
fn bar_width(data: &ChartData, band: f32) -> f32 {
    band * 0.84 / data.series.len().max(1) as f32
}

/// How a value is written on a grouped bar: lying above it where it fits the bar's width
/// at the smallest size or more, else upright.
fn value_size(label: &str, bar_w: f32, metrics: &Metrics) -> (f32, bool) {
    let lying = (bar_w * 0.95 / metrics.width(label, 1.0).max(1e-3)).min(16.0);
    if lying >= MIN_TEXT {
        (lying, false)
    } else {
        (MIN_TEXT, true)
    }
}

/// The top of the value axis that leaves room above every bar for its value written
/// upright: never a value over the headline.
fn headroom(
    data: &ChartData,
    metrics: &Metrics,
    lang: Lang,
    plot: [f32; 4],
    band: f32,
    hi: f64,
) -> f64 {
    let bar_w = bar_width(data, band);
    let mut need = hi;
    for s in &data.series {
        for v in &s.values {
            let Some(x) = v.value().filter(|&x| x > 0.0) else {
                continue;
            };
            let label = data.text(*v, lang);
            let (size, upright) = value_size(&label, bar_w, metrics);
            let room = if upright {
                metrics.width(&label, size) + 8.0
            } else {
                size + 6.0
            };
            let free = 1.0 - f64::from(room / plot[3]);
            if free > 0.1 {
                need = need.max(x / free);
            }
        }
    }
    need
}

/// The bars side by side, each with its value above it (lying where it fits, else
/// upright); a hidden figure writes «<5» or «–» where its bar would stand.
fn grouped_bars(chart: &Chart<'_>, items: &mut Vec<Item>) {
    let Chart {
        data,
        metrics,
        lang,
        plot,
        ..
    } = *chart;
    let band = plot[2] / data.categories.len().max(1) as f32;
    let bar_w = bar_width(data, band);
    let base = chart.y_of(0.0);
    for c in 0..data.categories.len() {
        for (k, s) in data.series.iter().enumerate() {
            let x = plot[0] + band * c as f32 + band * 0.08 + bar_w * k as f32;
            let figure = s.values.get(c).copied().unwrap_or(Shown::Undefined);
            let label = data.text(figure, lang);
            if label.is_empty() {
                continue;
            }
            let (size, upright) = value_size(&label, bar_w, metrics);
            let Some(v) = figure.value() else {
                // Hidden: said where the bar would stand, in grey.
                items.push(place(
                    x,
                    bar_w,
                    base - 4.0,
                    size,
                    upright,
                    &label,
                    MUTED,
                    metrics,
                ));
                continue;
            };
            let (y0, y1) = (chart.y_of(v.max(0.0)), chart.y_of(v.min(0.0)));
            let fill = chart.lighter(c, chart.color(k));
            items.push(Item::Rect {
                rect: [x, y0, bar_w, (y1 - y0).max(0.5)],
                fill: Some(fill),
                stroke: None,
                dashed: false,
            });
            items.push(place(
                x,
                bar_w,
                y0 - 4.0,
                size,
                upright,
                &label,
                INK,
                metrics,
            ));
        }
    }
}

/// A value placed over a bar from `x`, `width` wide, its foot at `bottom`: lying, centred,
/// or upright.
#[allow(
    clippy::too_many_arguments,
    reason = "a position, a size, a text and its colour: splitting them would only rename them"
)]
fn place(
    x: f32,
    width: f32,
    bottom: f32,
    size: f32,
    upright: bool,
    label: &str,
    color: Rgb,
    metrics: &Metrics,
) -> Item {
    if upright {
        Item::Upright {
            x: x + width / 2.0 + size / 3.0,
            y: bottom,
            size,
            text: label.to_string(),
            color,
        }
    } else {
        let w = metrics.width(label, size);
        text(
            x + (width - w) / 2.0,
            bottom,
            size,
            label.to_string(),
            color,
        )
    }
}

/// The bars stacked, each part with its value inside where it fits; the hidden parts as
/// one grey part on top where the stack's height is shown, else marked above the stack.
fn stacked_bars(chart: &Chart<'_>, items: &mut Vec<Item>) {
    let Chart {
        data,
        metrics,
        lang,
        plot,
        ..
    } = *chart;
    let band = plot[2] / data.categories.len().max(1) as f32;
    let bar_w = band * 0.6;
    for c in 0..data.categories.len() {
        let x = plot[0] + band * c as f32 + band * 0.2;
        let mut base = 0.0;
        for (k, s) in data.series.iter().enumerate() {
            let Some(v) = s.values.get(c).and_then(|v| v.value()) else {
                continue;
            };
            let (y0, y1) = (chart.y_of(base + v), chart.y_of(base));
            base += v;
            let fill = chart.lighter(c, chart.color(k));
            items.push(Item::Rect {
                rect: [x, y0, bar_w, (y1 - y0).max(0.5)],
                fill: Some(fill),
                stroke: None,
                dashed: false,
            });
            let label = data.cell(k, c, lang);
            let size = (bar_w * 0.95 / metrics.width(&label, 1.0).max(1e-3)).min(16.0);
            if size >= MIN_TEXT && y1 - y0 > size + 2.0 {
                let w = metrics.width(&label, size);
                items.push(text(
                    x + (bar_w - w) / 2.0,
                    f32::midpoint(y0, y1) + size / 3.0,
                    size,
                    label,
                    on(fill),
                ));
            }
        }
        let hidden_here = data
            .series
            .iter()
            .any(|s| s.values.get(c).is_some_and(|v| v.is_hidden()));
        if !hidden_here {
            continue;
        }
        let word = chart.lang.pick("verborgen", "hidden");
        match data.hidden_part(c) {
            Some(h) if h > 0.0 => {
                let (y0, y1) = (chart.y_of(base + h), chart.y_of(base));
                items.push(Item::Rect {
                    rect: [x, y0, bar_w, (y1 - y0).max(0.5)],
                    fill: Some(HIDDEN),
                    stroke: Some((MUTED, 0.8)),
                    dashed: true,
                });
                let size = (bar_w * 0.95 / metrics.width(word, 1.0).max(1e-3)).min(16.0);
                if size >= MIN_TEXT && y1 - y0 > size + 2.0 {
                    let w = metrics.width(word, size);
                    items.push(text(
                        x + (bar_w - w) / 2.0,
                        f32::midpoint(y0, y1) + size / 3.0,
                        size,
                        word,
                        INK,
                    ));
                }
            }
            // The stack's height is itself hidden: a mark over what is drawn says that
            // more is hidden.
            _ => {
                let label = "+ –";
                let w = metrics.width(label, 16.0);
                items.push(text(
                    x + (bar_w - w) / 2.0,
                    chart.y_of(base) - 5.0,
                    16.0,
                    label,
                    MUTED,
                ));
            }
        }
    }
}

/// The ink for a value written inside a bar of `fill`.
fn on(fill: Rgb) -> Rgb {
    const WHITE: Rgb = [0xFF, 0xFF, 0xFF];
    if twe_core::colour::contrast(WHITE, fill) > twe_core::colour::contrast(INK, fill) {
        WHITE
    } else {
        INK
    }
}

/// The lines, broken where a year is hidden, each named at its end with its last value,
/// in its colour: the names kept apart and inside the plot's column.
fn lines(chart: &Chart<'_>, items: &mut Vec<Item>) {
    const LINE: f32 = 19.0;
    const SIZE: f32 = 16.0;
    let Chart {
        data,
        metrics,
        lang,
        plot,
        ..
    } = *chart;
    let band = plot[2] / data.categories.len().max(1) as f32;
    let mut ends: Vec<(f32, String, Rgb)> = Vec::new();
    for (k, s) in data.series.iter().enumerate() {
        let color = chart.color(k);
        let points: Vec<(usize, f32, f32)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(c, v)| {
                v.value()
                    .map(|v| (c, plot[0] + band * (c as f32 + 0.5), chart.y_of(v)))
            })
            .collect();
        for w in points.windows(2) {
            // Not across a hidden year: the line would claim a value there.
            if w[1].0 != w[0].0 + 1 {
                continue;
            }
            // Into the partial year, dashed and lighter.
            let partial_end = data.is_partial(w[1].0);
            items.push(Item::Line {
                from: [w[0].1, w[0].2],
                to: [w[1].1, w[1].2],
                color: chart.lighter(w[1].0, color),
                width: 3.0,
                dashed: partial_end,
            });
        }
        // A point alone (its neighbours hidden) is still shown.
        for (i, &(c, x, y)) in points.iter().enumerate() {
            let joined = (i > 0 && points[i - 1].0 + 1 == c)
                || points.get(i + 1).is_some_and(|n| n.0 == c + 1);
            if !joined {
                items.push(Item::Rect {
                    rect: [x - 3.0, y - 3.0, 6.0, 6.0],
                    fill: Some(chart.lighter(c, color)),
                    stroke: None,
                    dashed: false,
                });
            }
        }
        if let Some(&(c, _, y)) = points.last() {
            ends.push((y, format!("{} {}", s.name, data.cell(k, c, lang)), color));
        }
    }
    // Top to bottom, each at least a line below the one before, and none below the plot:
    // pushed down, then back up from the bottom.
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut at: Vec<f32> = Vec::with_capacity(ends.len());
    for (y, ..) in &ends {
        let y = (y + 6.0).max(at.last().map_or(f32::NEG_INFINITY, |l| l + LINE));
        at.push(y);
    }
    let mut floor = plot[1] + plot[3];
    for y in at.iter_mut().rev() {
        *y = y.min(floor);
        floor = *y - LINE;
    }
    // In the column right of the plot, where the legend would stand.
    let x = plot[0] + plot[2] + 12.0;
    let room = SLIDE.0 - PAD - x;
    for ((_, label, color), y) in ends.into_iter().zip(at) {
        items.push(text(x, y, SIZE, metrics.fit(&label, SIZE, room), color));
    }
}

/// The key number, large, and beside it the sentence that says what the page shows, in two
/// lines where one does not hold it: smaller type (16 points at least) before a third line;
/// a third is cut with "…".
fn headline(page: &mut Page, number: &str, sentence: &str, metrics: &Metrics) {
    let number_room = 140.0;
    let number_size = (number_room / metrics.width(number, 1.0).max(1e-3)).clamp(20.0, 34.0);
    page.blocks.push(para(vec![text(
        PAD,
        PAD + 70.0,
        number_size,
        metrics.fit(number, number_size, number_room),
        [0x00, 0x5A, 0x8C],
    )]));
    let room = SLIDE.0 - 2.0 * PAD - 150.0;
    let (size, mut said) = [18.0, 17.0, 16.0]
        .into_iter()
        .map(|size| (size, metrics.wrap(sentence, size, room)))
        .find(|(_, lines)| lines.len() <= 2)
        .unwrap_or_else(|| (16.0, metrics.wrap(sentence, 16.0, room)));
    if said.len() > 2 {
        let rest = said.split_off(1).join(" ");
        said.push(metrics.fit(&rest, size, room));
    }
    let first_y = if said.len() > 1 {
        PAD + 56.0
    } else {
        PAD + 64.0
    };
    page.blocks.push(para(
        said.into_iter()
            .enumerate()
            .map(|(k, line)| text(PAD + 150.0, first_y + 22.0 * k as f32, size, line, INK))
            .collect(),
    ));
}

/// The legend's names at the largest size from 18 down to the smallest text at which the
/// longest holds on one line in `room`; a name longer still is broken at its spaces only.
fn legend_size(data: &ChartData, metrics: &Metrics, room: f32) -> f32 {
    let widest = data
        .series
        .iter()
        .map(|s| metrics.width(&s.name, 1.0))
        .fold(0.0_f32, f32::max)
        .max(1e-3);
    (room / widest).clamp(MIN_TEXT, 18.0)
}

fn slide(s: &Slide, deck: &Deck<'_>, metrics: &Metrics, at: (usize, usize)) -> Page {
    let (data, lang) = (&s.chart, deck.lang);
    let mut page = Page::default();
    page.blocks.push(title_block(&s.title, metrics));
    headline(&mut page, &s.number, &s.sentence, metrics);
    // From the bottom up: the footer, the note on hidden figures, the categories' names.
    let (foot, mut bottom) = footer(deck.source, at, metrics);
    if data.hides_any() {
        let (note, top) = note_block(lang, bottom, metrics);
        page.blocks.push(note);
        bottom = top;
    }
    let category_room = 22.0 + 2.0 * 20.0;
    // The legend (or the lines' names) to the right of the plot, as wide as its longest
    // name needs.
    let widest = data
        .series
        .iter()
        .map(|x| metrics.width(&x.name, 16.0))
        .fold(0.0_f32, f32::max);
    let side = if data.shape == Shape::Lines {
        (widest + metrics.width(" 00.000", 16.0) + 16.0).clamp(150.0, 260.0)
    } else {
        (widest + 40.0).clamp(140.0, 250.0)
    };
    let plot_top = PAD + 110.0;
    let plot = [
        PAD + 60.0,
        plot_top,
        SLIDE.0 - 2.0 * PAD - 60.0 - side,
        (bottom - 8.0 - category_room - plot_top).max(120.0),
    ];
    let items = chart_items(data, metrics, lang, deck.highlight, plot);
    let alt = format!("{}: {}", s.title, data.to_csv(lang).replace('\n', "; "));
    page.blocks.push(Block {
        kind: Kind::Figure(alt),
        cells: vec![items],
    });
    // The legend, outside the plot (the lines are named at their ends instead).
    let drawn = data.nothing_to_show(lang).is_none();
    if drawn && data.shape != Shape::Lines {
        let mut legend = Vec::new();
        let left = SLIDE.0 - PAD - side + 10.0;
        let room = side - 32.0;
        let size = legend_size(data, metrics, room);
        let mut y = plot[1] + 10.0;
        let mut entries: Vec<(String, Rgb)> = data
            .series
            .iter()
            .enumerate()
            .map(|(k, x)| (x.name.clone(), series_rgb(x, k, deck.highlight)))
            .collect();
        if data.shape == Shape::StackedBars && data.hides_any() {
            entries.push((lang.pick("verborgen", "hidden").to_string(), HIDDEN));
        }
        for (name, color) in entries {
            legend.push(Item::Rect {
                rect: [left, y - 14.0, 16.0, 16.0],
                fill: Some(color),
                stroke: None,
                dashed: false,
            });
            let name_lines = metrics.wrap(&name, size, room);
            let shown = name_lines.len().min(2);
            for (n, line) in name_lines.into_iter().take(2).enumerate() {
                legend.push(text(
                    left + 22.0,
                    y + (size + 2.0) * n as f32,
                    size,
                    metrics.fit(&line, size, room),
                    INK,
                ));
            }
            y += 28.0 + (size + 2.0) * (shown as f32 - 1.0);
        }
        page.blocks.push(para(legend));
    }
    page.blocks.push(foot);
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use twe_core::stats::charts::{ChartKind, ChartOptions, all};
    use twe_core::stats::{Figures, Measure, YearBasis};

    /// A text's box on the page: left, top, right, bottom.
    fn boxes(page: &Page, metrics: &Metrics) -> Vec<(String, [f32; 4], f32)> {
        page.blocks
            .iter()
            .flat_map(|b| b.cells.iter().flatten())
            .filter_map(|i| match i {
                Item::Text {
                    x, y, size, text, ..
                } if !text.is_empty() => Some((
                    text.clone(),
                    [
                        *x,
                        y - size * 0.78,
                        x + metrics.width(text, *size),
                        y + size * 0.22,
                    ],
                    *size,
                )),
                Item::Upright {
                    x, y, size, text, ..
                } if !text.is_empty() => Some((
                    text.clone(),
                    [
                        x - size * 0.78,
                        y - metrics.width(text, *size),
                        x + size * 0.22,
                        *y,
                    ],
                    *size,
                )),
                _ => None,
            })
            .collect()
    }

    fn overlap(a: [f32; 4], b: [f32; 4]) -> bool {
        // A point of slack: glyph boxes are wider than their ink.
        a[0] < b[2] - 1.0 && b[0] < a[2] - 1.0 && a[1] < b[3] - 1.0 && b[1] < a[3] - 1.0
    }

    /// Every text of every page: on the page, at least the smallest size, and over no
    /// other text.
    fn readable(pages: &[Page], what: &str) {
        let metrics = Metrics::new().unwrap();
        for (n, page) in pages.iter().enumerate() {
            let texts = boxes(page, &metrics);
            for (k, (t, b, size)) in texts.iter().enumerate() {
                assert!(
                    *size >= MIN_TEXT - 1e-3,
                    "{what} p{}: «{t}» at {size} pt",
                    n + 1
                );
                assert!(
                    b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= SLIDE.0 && b[3] <= SLIDE.1,
                    "{what} p{}: «{t}» off the page {b:?}",
                    n + 1
                );
                for (u, c, _) in &texts[k + 1..] {
                    assert!(
                        !overlap(*b, *c),
                        "{what} p{}: «{t}» {b:?} over «{u}» {c:?}",
                        n + 1
                    );
                }
            }
        }
    }

    fn deck_of(figures: &Figures, basis: YearBasis, opts: &ChartOptions, lang: Lang) -> Vec<Page> {
        let table = figures.table_or_start(basis);
        let slides: Vec<Slide> = all(table, opts, lang)
            .into_iter()
            .map(|c| Slide::of(c, lang))
            .collect();
        let source = twe_core::stats::charts::source_line(figures.from_dossiers(), lang);
        deck_pages(&Deck {
            slides: &slides,
            source: &source,
            highlight: None,
            lang,
        })
        .unwrap()
    }

    /// No text overlaps or is cut, none is under 14 points, on any page: published and
    /// dossier decks, in Dutch and English, counts and shares, both ways of counting.
    #[test]
    fn no_text_overlaps_on_any_page() {
        let published = Figures::published(twe_core::reference::published());
        let dossiers: Vec<twe_core::model::Dossier> =
            twe_core::generate::generate(&twe_core::generate::Options {
                count: 300,
                seed: 7,
                match_published: false,
                violations: 0.0,
            })
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let refs: Vec<&twe_core::model::Dossier> = dossiers.iter().collect();
        let from_dossiers = Figures::of(
            &refs,
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            false,
        );
        assert!(from_dossiers.hides_any(), "300 dossiers hide some counts");
        for lang in [Lang::Nl, Lang::En] {
            for relative in [false, true] {
                for measure in [
                    Measure::Trajectories,
                    Measure::Instrument(twe_core::model::InstrumentType::Ibo),
                ] {
                    let opts = ChartOptions {
                        measure,
                        up_to: i32::MAX,
                        relative,
                    };
                    for (what, f, basis) in [
                        ("published", &published, YearBasis::TrajectoryStart),
                        ("dossiers", &from_dossiers, YearBasis::TrajectoryStart),
                        (
                            "dossiers by calendar year",
                            &from_dossiers,
                            YearBasis::CalendarYear,
                        ),
                    ] {
                        let pages = deck_of(f, basis, &opts, lang);
                        assert_eq!(pages.len(), ChartKind::ALL.len() + 2);
                        readable(
                            &pages,
                            &format!("{what} {lang:?} {measure:?} relative={relative}"),
                        );
                    }
                }
            }
        }
    }

    /// The check itself bites: two texts over each other, or one too small, fail it.
    #[test]
    fn the_overlap_check_bites() {
        let page = |items: Vec<Item>| {
            vec![Page {
                blocks: vec![para(items)],
            }]
        };
        let over = page(vec![
            text(100.0, 100.0, 16.0, "Vlaanderen", INK),
            text(110.0, 104.0, 16.0, "Bron: VDAB", INK),
        ]);
        assert!(std::panic::catch_unwind(|| readable(&over, "over")).is_err());
        let small = page(vec![text(100.0, 100.0, 7.0, "Stukadoor", INK)]);
        assert!(std::panic::catch_unwind(|| readable(&small, "small")).is_err());
        let apart = page(vec![
            text(100.0, 100.0, 16.0, "Vlaanderen", INK),
            text(100.0, 130.0, 16.0, "Bron: VDAB", INK),
        ]);
        readable(&apart, "apart");
    }

    /// The trainings page keeps every cell whole ("Stukadoor" is not cut) and its note
    /// apart from the source line.
    #[test]
    fn the_trainings_page_cuts_no_cell() {
        for lang in [Lang::Nl, Lang::En] {
            let published = Figures::published(twe_core::reference::published());
            let opts = ChartOptions {
                measure: Measure::Trajectories,
                up_to: i32::MAX,
                relative: false,
            };
            let pages = deck_of(&published, YearBasis::TrajectoryStart, &opts, lang);
            let trainings = &pages[pages.len() - 2];
            let all: String = trainings.texts().collect::<Vec<_>>().join(" ");
            assert!(all.contains("Stukadoor"), "{all}");
            assert!(!all.contains('…'), "{all}");
        }
    }
}

//! The yearly figures as a deck: one 16:9 page per chart slide, drawn from the same chart
//! data as the window's charts (`twe_core::stats::charts`), in a light theme for a lit room:
//! the title, the key number and a sentence computed from the data, the chart with its
//! values written on the bars and at the lines' ends, the legend beside the plot, the source
//! line and the page number. No dossier data but counts, suppressed under 5.

use super::layout::{Block, INK, Item, Kind, MUTED, Metrics, Page, Rgb};
use twe_core::lang::Lang;
use twe_core::reference::Province;
use twe_core::stats::charts::{ChartData, Shape};

/// 16:9 in points (a 1280×720 slide).
pub const SLIDE: (f32, f32) = (960.0, 540.0);
const PAD: f32 = 40.0;

/// A province's colour (Okabe–Ito, as the window's charts).
fn series_rgb(s: &twe_core::stats::charts::Series, k: usize) -> Rgb {
    const OTHER: [Rgb; 4] = [
        [0x00, 0x72, 0xB2],
        [0xD5, 0x5E, 0x00],
        [0x00, 0x9E, 0x73],
        [0x56, 0xB4, 0xE9],
    ];
    s.province
        .map(Province::rgb)
        .or_else(|| s.instrument.map(twe_core::model::InstrumentType::rgb))
        .unwrap_or(OTHER[k % OTHER.len()])
}

/// One slide per chart, then the trainings and the outflow (published figures).
pub fn deck_pages(
    charts: &[ChartData],
    lang: Lang,
    suppressed: bool,
    source: &str,
) -> Option<Vec<Page>> {
    let metrics = Metrics::new()?;
    let n = charts.len() + 2;
    let mut pages: Vec<Page> = charts
        .iter()
        .enumerate()
        .map(|(k, data)| slide(data, &metrics, lang, suppressed, source, (k + 1, n)))
        .collect();
    let published_source = twe_core::reference::published()
        .source
        .get(lang)
        .to_string();
    pages.push(trainings_slide(
        lang,
        &published_source,
        (n - 1, n),
        &metrics,
    ));
    pages.push(outflow_slide(lang, &published_source, (n, n), &metrics));
    Some(pages)
}

/// The source line (in two lines where one does not hold it, never smaller than 17 points:
/// 24 pixels on a 1366-pixel-wide projector) and the page number.
fn footer(source: &str, (page, of): (usize, usize), metrics: &Metrics) -> Block {
    let number = format!("{page} / {of}");
    let room = SLIDE.0 - 2.0 * PAD - metrics.width(&number, 17.0) - 24.0;
    let lines = metrics.wrap(source, 17.0, room);
    let bottom = SLIDE.1 - PAD + 10.0;
    let first = bottom - 20.0 * (lines.len().min(2) as f32 - 1.0);
    let mut cells: Vec<Item> = lines
        .into_iter()
        .take(2)
        .enumerate()
        .map(|(k, line)| text(PAD, first + 20.0 * k as f32, 17.0, line, MUTED))
        .collect();
    cells.push(text(
        SLIDE.0 - PAD - metrics.width(&number, 17.0),
        bottom,
        17.0,
        number,
        MUTED,
    ));
    Block {
        kind: Kind::Artifact,
        cells: vec![cells],
    }
}

fn title_block(title: &str) -> Block {
    Block {
        kind: Kind::Heading(1),
        cells: vec![vec![text(PAD, PAD + 24.0, 28.0, title.to_string(), INK)]],
    }
}

/// Clients with trainings per start year, their average duration and the most followed one,
/// as a table (the seed's figures).
fn trainings_slide(lang: Lang, source: &str, at: (usize, usize), metrics: &Metrics) -> Page {
    let p = twe_core::reference::published();
    let mut page = Page::default();
    page.blocks.push(title_block(lang.pick(
        "Cliënten met één of meer opleidingen, per startjaar",
        "Clients with one or more trainings, by start year",
    )));
    let (number, sentence) = p.trainings_headline(lang);
    headline(&mut page, number, &sentence, metrics);
    let columns = [PAD, PAD + 150.0, PAD + 290.0, PAD + 500.0];
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
    for (r, (header, cells)) in rows.into_iter().enumerate() {
        let y = PAD + 130.0 + 40.0 * r as f32;
        page.blocks.push(Block {
            kind: Kind::Row { table: 0, header },
            cells: cells
                .into_iter()
                .enumerate()
                .map(|(k, c)| {
                    // Up to the next column (the last to the margin), smaller type where a
                    // cell is long: nothing runs off the slide.
                    let x = columns[k];
                    let room = columns.get(k + 1).copied().unwrap_or(SLIDE.0 - PAD) - x - 8.0;
                    let size = (room / metrics.width(&c, 1.0).max(1e-3)).clamp(9.0, 20.0);
                    let c = metrics.fit(&c, size, room);
                    vec![text(x, y, size, c, INK)]
                })
                .collect(),
        });
    }
    page.blocks.push(Block {
        kind: Kind::Paragraph,
        cells: vec![vec![text(
            PAD,
            SLIDE.1 - PAD - 24.0,
            16.0,
            lang.pick(
                "VDAB heeft geen gegevens over het al dan niet succesvol afronden van opleidingen.",
                "VDAB has no data on whether trainings were completed successfully.",
            ),
            MUTED,
        )]],
    });
    page.blocks.push(footer(source, at, metrics));
    page
}

/// The outflow to work: the two published shares, large, each with what it counts.
fn outflow_slide(lang: Lang, source: &str, at: (usize, usize), metrics: &Metrics) -> Page {
    let o = &twe_core::reference::published().outflow;
    let mut page = Page::default();
    page.blocks.push(title_block(
        lang.pick("Uitstroom naar werk", "Outflow to work"),
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
        page.blocks.push(Block {
            kind: Kind::Paragraph,
            cells: vec![vec![
                text(PAD, y, 64.0, figure, [0x00, 0x5A, 0x8C]),
                text(PAD, y + 40.0, 20.0, caption, INK),
            ]],
        });
    }
    page.blocks.push(footer(source, at, metrics));
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

/// A category's name in one or two lines of at least 17 points where it can be broken
/// after a hyphen or a space ("Oost-" "Vlaanderen"), else in one line as large as fits.
fn category_lines(name: &str, band: f32, metrics: &Metrics) -> (Vec<String>, f32) {
    let room = band * 0.92;
    let one = (room / metrics.width(name, 1.0).max(1e-3)).min(18.0);
    if one >= 17.0 {
        return (vec![name.to_string()], one);
    }
    let split = name
        .char_indices()
        .filter(|&(_, c)| c == '-' || c == ' ')
        .map(|(i, c)| i + c.len_utf8())
        .min_by_key(|&i| (2 * i).abs_diff(name.len()));
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
            if two > one {
                (lines, two)
            } else {
                (vec![name.to_string()], one)
            }
        }
        None => (vec![name.to_string()], one),
    }
}

/// The value axis with its round ticks and grid lines, labelled at 18 points.
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
        let label = data.format(Some(v), lang);
        let w = metrics.width(&label, 18.0);
        items.push(text(plot[0] - 6.0 - w, at + 6.0, 18.0, label, MUTED));
        v += y.step;
    }
    items
}

/// One chart being drawn: its data, where, on what value scale, in which language.
struct Chart<'a> {
    data: &'a ChartData,
    metrics: &'a Metrics,
    lang: Lang,
    suppressed: bool,
    /// Left, top, width, height.
    plot: [f32; 4],
    y: YScale,
}

impl Chart<'_> {
    /// Where value `v` falls on the page.
    fn y_of(&self, v: f64) -> f32 {
        self.y.of(v, self.plot)
    }

    /// The year the monitoring covers in part is drawn lighter (the source line says so).
    fn lighter(&self, c: usize, color: Rgb) -> Rgb {
        if self.data.is_partial(c) {
            twe_core::colour::lighten(color, 0.5)
        } else {
            color
        }
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

/// The chart inside `plot` (left, top, width, height): the value axis, the categories, the
/// bars or lines with their values written on them, the reference line; or, where every
/// count is hidden or zero, a sentence that says so.
fn chart_items(
    data: &ChartData,
    metrics: &Metrics,
    lang: Lang,
    suppressed: bool,
    plot: [f32; 4],
) -> Vec<Item> {
    if let Some(why) = data.nothing_to_show(lang, suppressed) {
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
    let extent = data.extent();
    let (lo, hi, step) = axis(extent.min.min(0.0), extent.max, data.decimals == 0);
    let chart = Chart {
        data,
        metrics,
        lang,
        suppressed,
        plot,
        y: YScale { lo, hi, step },
    };
    let mut items = axis_items(&chart);
    let cats = data.categories.len().max(1);
    let band = plot[2] / cats as f32;
    for (c, cat) in data.categories.iter().enumerate() {
        let (lines, size) = category_lines(cat, band, metrics);
        for (k, line) in lines.into_iter().enumerate() {
            let w = metrics.width(&line, size);
            items.push(text(
                plot[0] + band * (c as f32 + 0.5) - w / 2.0,
                plot[1] + plot[3] + 24.0 + (size + 2.0) * k as f32,
                size,
                line,
                MUTED,
            ));
        }
    }
    match data.shape {
        Shape::GroupedBars | Shape::StackedBars => bars(&chart, &mut items),
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

/// The bars, grouped or stacked, each with its value: lying on or above it where 9 points
/// fit, else upright (inside a bar tall enough, above it otherwise).
fn bars(chart: &Chart<'_>, items: &mut Vec<Item>) {
    let Chart {
        data,
        metrics,
        lang,
        suppressed,
        plot,
        ..
    } = *chart;
    let (y_of, lighter) = (|v| chart.y_of(v), |c, color| chart.lighter(c, color));
    let cats = data.categories.len().max(1);
    let band = plot[2] / cats as f32;
    let series = data.series.len().max(1);
    let stacked = data.shape == Shape::StackedBars;
    let bar_w = if stacked {
        band * 0.6
    } else {
        band * 0.84 / series as f32
    };
    for c in 0..cats {
        let mut base = 0.0;
        for (k, s) in data.series.iter().enumerate() {
            let x = if stacked {
                plot[0] + band * c as f32 + band * 0.2
            } else {
                plot[0] + band * c as f32 + band * 0.08 + bar_w * k as f32
            };
            let Some(v) = s.values.get(c).copied().flatten() else {
                // A hidden count says so where its bar would stand.
                if suppressed && data.decimals == 0 && !stacked {
                    let size = (bar_w * 0.95 / metrics.width("<5", 1.0).max(1e-3)).min(14.0);
                    let upright_size = 12.0_f32.min(bar_w * 0.9);
                    if size >= 9.0 {
                        let w = metrics.width("<5", size);
                        items.push(text(
                            x + (bar_w - w) / 2.0,
                            y_of(0.0) - 3.0,
                            size,
                            "<5",
                            MUTED,
                        ));
                    } else if upright_size >= 7.0 {
                        items.push(upright(
                            x,
                            bar_w,
                            y_of(0.0) - 3.0,
                            upright_size,
                            "<5",
                            MUTED,
                        ));
                    }
                }
                continue;
            };
            let (lo, hi) = if stacked { (base, base + v) } else { (0.0, v) };
            base += if stacked { v } else { 0.0 };
            let (y0, y1) = (y_of(hi), y_of(lo));
            let fill = lighter(c, series_rgb(s, k));
            items.push(Item::Rect {
                rect: [x, y0, bar_w, (y1 - y0).max(0.5)],
                fill: Some(fill),
                stroke: None,
                dashed: false,
            });
            let label = data.cell(k, c, lang, suppressed);
            let size = (bar_w * 0.95 / metrics.width(&label, 1.0).max(1e-3)).min(14.0);
            let lw = metrics.width(&label, size);
            if size >= 9.0 {
                if !stacked || y1 - y0 > size {
                    let at = if stacked {
                        f32::midpoint(y0, y1) + size / 3.0
                    } else {
                        y0 - 3.0
                    };
                    items.push(text(
                        x + (bar_w - lw) / 2.0,
                        at,
                        size,
                        label,
                        on(fill, stacked),
                    ));
                }
                continue;
            }
            // Upright: as large as the bar is wide, 12 points at most.
            let size = 12.0_f32.min(bar_w * 0.9);
            let long = metrics.width(&label, size);
            if size < 7.0 {
                continue;
            }
            if y1 - y0 > long + 6.0 {
                items.push(upright(x, bar_w, y1 - 3.0, size, label, on(fill, true)));
            } else if !stacked {
                items.push(upright(x, bar_w, y0 - 3.0, size, label, INK));
            }
        }
    }
}

/// A value written upright in a bar from `x`, `width` wide, starting at `bottom`.
fn upright(
    x: f32,
    width: f32,
    bottom: f32,
    size: f32,
    label: impl Into<String>,
    color: Rgb,
) -> Item {
    Item::Upright {
        x: x + width / 2.0 + size / 3.0,
        y: bottom,
        size,
        text: label.into(),
        color,
    }
}

/// The ink for a value written on a bar of `fill` (inside), or above it (ink).
fn on(fill: Rgb, inside: bool) -> Rgb {
    const WHITE: Rgb = [0xFF, 0xFF, 0xFF];
    if inside && twe_core::colour::contrast(WHITE, fill) > twe_core::colour::contrast(INK, fill) {
        WHITE
    } else {
        INK
    }
}

/// The lines, broken where a year is hidden, with each line's last value at its end; the
/// values kept apart and inside the plot.
fn lines(chart: &Chart<'_>, items: &mut Vec<Item>) {
    const LINE: f32 = 17.0;
    let Chart {
        data,
        metrics,
        lang,
        suppressed,
        plot,
        ..
    } = *chart;
    let (y_of, lighter) = (|v| chart.y_of(v), |c, color| chart.lighter(c, color));
    let cats = data.categories.len().max(1);
    let band = plot[2] / cats as f32;
    let mut ends: Vec<(f32, f32, String, Rgb)> = Vec::new();
    for (k, s) in data.series.iter().enumerate() {
        let color = series_rgb(s, k);
        let points: Vec<(usize, f32, f32)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(c, v)| v.map(|v| (c, plot[0] + band * (c as f32 + 0.5), y_of(v))))
            .collect();
        for w in points.windows(2) {
            // Not across a hidden year: the line would claim a value there.
            if w[1].0 != w[0].0 + 1 {
                continue;
            }
            // Into the partial year, dashed and lighter.
            let partial_end = lighter(w[1].0, color) != color;
            items.push(Item::Line {
                from: [w[0].1, w[0].2],
                to: [w[1].1, w[1].2],
                color: lighter(w[1].0, color),
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
                    fill: Some(lighter(c, color)),
                    stroke: None,
                    dashed: false,
                });
            }
        }
        if let Some(&(c, x, y)) = points.last() {
            ends.push((y, x, data.cell(k, c, lang, suppressed), color));
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
    // Right of the line's end, but never into the legend beside the plot.
    let limit = plot[0] + plot[2] + 6.0;
    for ((_, x, label, color), y) in ends.into_iter().zip(at) {
        let w = metrics.width(&label, 16.0);
        items.push(text((x + 8.0).min(limit - w), y, 16.0, label, color));
    }
}

/// The key number, large, and beside it the sentence that says what the page shows, in two
/// lines where one does not hold it: smaller type (16 points at least) before a third line;
/// a third is never needed for the sentences the charts make, and would be cut with "…".
fn headline(page: &mut Page, number: String, sentence: &str, metrics: &Metrics) {
    page.blocks.push(para(vec![text(
        PAD,
        PAD + 70.0,
        34.0,
        number,
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

fn slide(
    data: &ChartData,
    metrics: &Metrics,
    lang: Lang,
    suppressed: bool,
    source: &str,
    (page, of): (usize, usize),
) -> Page {
    let mut page_out = Page::default();
    page_out.blocks.push(title_block(&data.title));
    // A chart with nothing to show says so in its place, once (no "—" above it).
    let (number, sentence) = if data.nothing_to_show(lang, suppressed).is_some() {
        (String::new(), String::new())
    } else {
        data.headline(lang, suppressed)
    };
    headline(&mut page_out, number, &sentence, metrics);
    // The plot, the legend to its right.
    let legend_w = 180.0;
    let plot = [
        PAD + 50.0,
        PAD + 100.0,
        SLIDE.0 - 2.0 * PAD - 50.0 - legend_w,
        SLIDE.1 - 2.0 * PAD - 165.0,
    ];
    let items = chart_items(data, metrics, lang, suppressed, plot);
    let alt = format!(
        "{}: {}",
        data.title,
        data.to_csv(suppressed).replace('\n', "; ")
    );
    page_out.blocks.push(Block {
        kind: Kind::Figure(alt),
        cells: vec![items],
    });
    // The legend, outside the plot.
    // Names at 16 points or more, in two lines where one does not hold them.
    let mut legend = Vec::new();
    let mut y = plot[1] + 10.0;
    let drawn = data.nothing_to_show(lang, suppressed).is_none();
    for (k, s) in data.series.iter().enumerate().filter(|_| drawn) {
        legend.push(Item::Rect {
            rect: [SLIDE.0 - PAD - legend_w + 10.0, y - 14.0, 16.0, 16.0],
            fill: Some(series_rgb(s, k)),
            stroke: None,
            dashed: false,
        });
        let room = legend_w - 32.0;
        let size = (room / metrics.width(&s.name, 1.0).max(1e-3)).clamp(16.0, 18.0);
        let name_lines = metrics.wrap(&s.name, size, room);
        let shown = name_lines.len().min(2);
        for (n, line) in name_lines.into_iter().take(2).enumerate() {
            legend.push(text(
                SLIDE.0 - PAD - legend_w + 32.0,
                y + (size + 2.0) * n as f32,
                size,
                metrics.fit(&line, size, room),
                INK,
            ));
        }
        y += 28.0 + (size + 2.0) * (shown as f32 - 1.0);
    }
    page_out.blocks.push(para(legend));
    page_out.blocks.push(footer(source, (page, of), metrics));
    page_out
}

//! The yearly figures as a deck: one 16:9 page per chart slide, drawn from the same chart
//! data as the window's charts (`crate::stats::charts`), in a light theme for a lit room:
//! the title, the key number and a sentence computed from the data, the chart with its
//! values written on the bars and at the lines' ends, the legend beside the plot, the source
//! line and the page number. No dossier data but counts, suppressed under 5.

use super::layout::{Block, INK, Item, Kind, MUTED, Metrics, Page, Rgb};
use crate::lang::Lang;
use crate::reference::Province;
use crate::stats::charts::{ChartData, Shape};

/// 16:9 in points (a 1280×720 slide).
pub const SLIDE: (f32, f32) = (960.0, 540.0);
const PAD: f32 = 40.0;

/// A province's colour (Okabe–Ito, as the window's charts).
fn series_rgb(s: &crate::stats::charts::Series, k: usize) -> Rgb {
    const OTHER: [Rgb; 4] = [
        [0x00, 0x72, 0xB2],
        [0xD5, 0x5E, 0x00],
        [0x00, 0x9E, 0x73],
        [0x56, 0xB4, 0xE9],
    ];
    s.province
        .map(Province::rgb)
        .or_else(|| s.instrument.map(crate::model::InstrumentType::rgb))
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
    let published_source = crate::reference::published().source.get(lang).to_string();
    pages.push(trainings_slide(
        lang,
        &published_source,
        (n - 1, n),
        &metrics,
    ));
    pages.push(outflow_slide(lang, &published_source, (n, n)));
    Some(pages)
}

fn footer(source: &str, (page, of): (usize, usize)) -> Block {
    Block {
        kind: Kind::Artifact,
        cells: vec![vec![
            // 17 points: 24 pixels on a 1366-pixel-wide projector.
            text(PAD, SLIDE.1 - PAD + 10.0, 17.0, source.to_string(), MUTED),
            text(
                SLIDE.0 - PAD - 60.0,
                SLIDE.1 - PAD + 10.0,
                17.0,
                format!("{page} / {of}"),
                MUTED,
            ),
        ]],
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
    let p = crate::reference::published();
    let mut page = Page::default();
    page.blocks.push(title_block(lang.pick(
        "Cliënten met één of meer opleidingen, per startjaar",
        "Clients with one or more trainings, by start year",
    )));
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
                crate::lang::number(t.clients.into(), lang),
                t.average_months.to_string(),
                p.most_followed_in(t.year, lang),
            ],
        ));
    }
    for (r, (header, cells)) in rows.into_iter().enumerate() {
        let y = PAD + 90.0 + 40.0 * r as f32;
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
    page.blocks.push(footer(source, at));
    page
}

/// The outflow to work: the two published shares, large, each with what it counts.
fn outflow_slide(lang: Lang, source: &str, at: (usize, usize)) -> Page {
    let o = &crate::reference::published().outflow;
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
    page.blocks.push(footer(source, at));
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

/// The chart inside `plot` (left, top, width, height): the value axis, the categories, the
/// bars or lines with their values written on them, the reference line.
fn chart_items(
    data: &ChartData,
    metrics: &Metrics,
    lang: Lang,
    suppressed: bool,
    plot: [f32; 4],
) -> Vec<Item> {
    let mut items = Vec::new();
    let extent = data.extent();
    let max = extent.max.max(1e-9);
    let min = extent.min.min(0.0);
    let y_of = |v: f64| plot[1] + plot[3] - plot[3] * ((v - min) / (max - min)) as f32;
    // Axis with four ticks, labelled at 24 px and more.
    for t in 0..=4 {
        let v = min + (max - min) * f64::from(t) / 4.0;
        let y = y_of(v);
        items.push(Item::Line {
            from: [plot[0], y],
            to: [plot[0] + plot[2], y],
            color: [0xDD, 0xDD, 0xDD],
            width: 0.6,
            dashed: false,
        });
        let label = data.format(Some(v), lang);
        let w = metrics.width(&label, 18.0);
        items.push(text(plot[0] - 6.0 - w, y + 6.0, 18.0, label, MUTED));
    }
    let cats = data.categories.len().max(1);
    // The year the monitoring covers in part is drawn lighter (the source line says so).
    let partial = crate::reference::published().partial_year.to_string();
    let lighter = |c: usize, color: Rgb| -> Rgb {
        if data.categories.get(c) == Some(&partial) {
            crate::colour::lighten(color, 0.5)
        } else {
            color
        }
    };
    let band = plot[2] / cats as f32;
    let series = data.series.len().max(1);
    // Category names as large as their band allows (18 points at most), so none overlap.
    let widest = data
        .categories
        .iter()
        .map(|c| metrics.width(c, 1.0))
        .fold(0.0_f32, f32::max)
        .max(1e-3);
    let cat_size = (band * 0.92 / widest).min(18.0);
    for (c, cat) in data.categories.iter().enumerate() {
        let w = metrics.width(cat, cat_size);
        items.push(text(
            plot[0] + band * (c as f32 + 0.5) - w / 2.0,
            plot[1] + plot[3] + 24.0,
            cat_size,
            cat.clone(),
            MUTED,
        ));
    }
    match data.shape {
        Shape::GroupedBars | Shape::StackedBars => {
            let stacked = data.shape == Shape::StackedBars;
            let bar_w = if stacked {
                band * 0.6
            } else {
                band * 0.8 / series as f32
            };
            for c in 0..cats {
                let mut base = 0.0;
                for (k, s) in data.series.iter().enumerate() {
                    let Some(v) = s.values.get(c).copied().flatten() else {
                        // A hidden count says so where its bar would stand.
                        if suppressed && data.decimals == 0 && !stacked {
                            let x = plot[0] + band * c as f32 + band * 0.1 + bar_w * k as f32;
                            let size =
                                (bar_w * 0.95 / metrics.width("<5", 1.0).max(1e-3)).min(14.0);
                            if size >= 7.0 {
                                items.push(text(x, y_of(0.0) - 3.0, size, "<5", MUTED));
                            }
                        }
                        continue;
                    };
                    let x = if stacked {
                        plot[0] + band * c as f32 + band * 0.2
                    } else {
                        plot[0] + band * c as f32 + band * 0.1 + bar_w * k as f32
                    };
                    let (lo, hi) = if stacked { (base, base + v) } else { (0.0, v) };
                    base += if stacked { v } else { 0.0 };
                    let (y0, y1) = (y_of(hi), y_of(lo));
                    items.push(Item::Rect {
                        rect: [x, y0, bar_w, (y1 - y0).max(0.5)],
                        fill: Some(lighter(c, series_rgb(s, k))),
                        stroke: None,
                        dashed: false,
                    });
                    // Values written on the bars where they fit.
                    // Values written on the bars (stacked) or just above them (grouped),
                    // as large as the bar's width allows; none where even 9 points do not fit.
                    let label = data.cell(k, c, lang, suppressed);
                    let size = (bar_w * 0.95 / metrics.width(&label, 1.0).max(1e-3)).min(14.0);
                    let lw = metrics.width(&label, size);
                    if size >= 9.0 && (!stacked || y1 - y0 > size) {
                        let y = if stacked {
                            f32::midpoint(y0, y1) + size / 3.0
                        } else {
                            y0 - 3.0
                        };
                        items.push(text(x + (bar_w - lw) / 2.0, y, size, label, INK));
                    }
                }
            }
        }
        Shape::Lines => {
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
                let points: Vec<(f32, f32)> = points.iter().map(|&(_, x, y)| (x, y)).collect();
                // The value at the line's end, in its colour; placed after every line is
                // drawn, apart from the others'.
                if let Some(&(x, y)) = points.last() {
                    let c = s.values.iter().rposition(Option::is_some).unwrap_or(0);
                    ends.push((y, x, data.cell(k, c, lang, suppressed), color));
                }
            }
            // Top to bottom, each at least a line below the one before.
            ends.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut last = f32::NEG_INFINITY;
            for (y, x, label, color) in ends {
                let y = (y + 6.0).max(last + 17.0);
                last = y;
                items.push(text(x + 6.0, y, 16.0, label, color));
            }
        }
    }
    if let Some((v, label)) = &data.reference {
        let y = y_of(*v);
        items.push(Item::Line {
            from: [plot[0], y],
            to: [plot[0] + plot[2], y],
            color: [0x28, 0x28, 0x28],
            width: 1.5,
            dashed: true,
        });
        items.push(text(plot[0] + 4.0, y - 6.0, 16.0, label.clone(), INK));
    }
    items
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
    page_out.blocks.push(Block {
        kind: Kind::Heading(1),
        cells: vec![vec![text(PAD, PAD + 24.0, 28.0, data.title.clone(), INK)]],
    });
    let (number, sentence) = data.headline(lang, suppressed);
    page_out.blocks.push(para(vec![text(
        PAD,
        PAD + 70.0,
        34.0,
        number,
        [0x00, 0x5A, 0x8C],
    )]));
    page_out.blocks.push(para(vec![text(
        PAD + 150.0,
        PAD + 64.0,
        18.0,
        sentence,
        INK,
    )]));
    // The plot, the legend to its right.
    let legend_w = 180.0;
    let plot = [
        PAD + 50.0,
        PAD + 100.0,
        SLIDE.0 - 2.0 * PAD - 50.0 - legend_w,
        SLIDE.1 - 2.0 * PAD - 150.0,
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
    let mut legend = Vec::new();
    for (k, s) in data.series.iter().enumerate() {
        let y = plot[1] + 10.0 + 28.0 * k as f32;
        legend.push(Item::Rect {
            rect: [SLIDE.0 - PAD - legend_w + 10.0, y - 14.0, 16.0, 16.0],
            fill: Some(series_rgb(s, k)),
            stroke: None,
            dashed: false,
        });
        let room = legend_w - 32.0;
        let size = (room / metrics.width(&s.name, 1.0).max(1e-3)).clamp(10.0, 18.0);
        legend.push(text(
            SLIDE.0 - PAD - legend_w + 32.0,
            y,
            size,
            metrics.fit(&s.name, size, room),
            INK,
        ));
    }
    page_out.blocks.push(para(legend));
    page_out.blocks.push(footer(source, (page, of)));
    page_out
}

//! Drawing a chart given as data ([`ChartData`]) with `egui_plot`, and its numbers as a table:
//! the statistics view and the slides draw the same charts the exports write.

use super::palette;
use egui::Color32;
use egui_plot::{Bar, BarChart, HLine, Line, Plot, PlotPoints, PlotUi, Points};
use twe_core::lang::Lang;
use twe_core::reference::Province;
use twe_core::stats::charts::{ChartData, Extent, Shape};
use twe_core::stats::disclosure::Shown;

/// The colour of series `s`: its province's or instrument's, faded when another province
/// is highlighted.
/// Lines and bar outlines keep 3:1 against the theme's background.
fn series_color(data: &ChartData, s: usize, highlight: Option<Province>, dark: bool) -> Color32 {
    let series = &data.series[s];
    let base = palette::graphic(
        match (series.province(), series.instrument) {
            (Some(p), _) => palette::province(p),
            (_, Some(t)) => palette::instrument(t),
            _ => Color32::GRAY,
        },
        dark,
    );
    // Another province highlighted fades this one, and the unknown OCMWs' row too.
    match (highlight, series.province(), series.row) {
        (Some(h), Some(p), _) if h != p => base.gamma_multiply(0.25),
        (Some(_), None, Some(_)) => base.gamma_multiply(0.25),
        _ => base,
    }
}

/// The size of a line's end name on a slide.
const END_LABEL_SIZE: f32 = 20.0;

/// How wide `text` is on one line in `font`: what the charts and tables measure to fit
/// their labels to the room they have.
pub fn text_width(ui: &egui::Ui, text: &str, font: &egui::FontId) -> f32 {
    ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
    })
}

/// [`text_width`] in the body font.
fn body_width(ui: &egui::Ui, text: &str) -> f32 {
    text_width(ui, text, &egui::TextStyle::Body.resolve(ui.style()))
}

/// One bar of a chart, filled a little lighter than its outline.
fn bar(x: f64, v: f64, width: f64, color: Color32) -> Bar {
    Bar::new(x, v).width(width).fill(color.gamma_multiply(0.85))
}

/// The value axis's low end: zero, or a little under the lowest value below it (a change
/// of −56% drawn to −50% ran out of the plot).
fn axis_low(extent: Extent) -> f64 {
    if extent.min < 0.0 {
        extent.min * 1.1
    } else {
        0.0
    }
}

/// The value axis's lines: at round steps (1, 2 or 5 times a power of ten) at least
/// `apart` points apart (three lines of text: 40 points in the window, more on a slide),
/// every line labelled. The plot's own spacer drew a line every 100 at
/// 1920×1080, 32 labels up the axis.
fn value_steps(input: &egui_plot::GridInput, apart: f32) -> Vec<egui_plot::GridMark> {
    // The input's step is what 8 points are worth.
    let least = input.base_step_size * f64::from(apart) / 8.0;
    if !(least.is_finite() && least > 0.0) {
        return Vec::new();
    }
    let power = 10f64.powf(least.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&s| s >= least)
        .unwrap_or(10.0 * power);
    let (lo, hi) = input.bounds;
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .take(1000)
        .map(|k| egui_plot::GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The plot a chart is drawn in: categories on the x axis, the values' axis from zero (or
/// the lowest value below it) to a little over the highest, written as the language writes
/// numbers (1.000), no panning or zooming, no legend or hover labels of its own (both are
/// drawn outside the data, see [`chart_ui`]).
/// What the plot's axes say and how much room they leave, measured in the ui that draws it.
struct Axes {
    /// The categories' labels (broken after a hyphen where they do not fit).
    categories: Vec<String>,
    /// The value axis's title, or nothing where it would be longer than the axis.
    y_label: String,
    /// Room right of the last category, in categories (the lines' end names).
    right_room: f64,
    /// The least distance between two lines of the value axis, in points.
    apart: f32,
}

fn plot(data: &ChartData, height: f32, extent: Extent, lang: Lang, axes: Axes) -> Plot<'static> {
    let Axes {
        categories,
        y_label,
        right_room,
        apart,
    } = axes;
    let (decimals, percent) = (data.decimals, data.percent);
    let low = axis_low(extent);
    let high = (extent.max * 1.1)
        .max(low + 1e-9)
        .max(if data.counts() { 1.0 } else { 0.0 });
    let mut plot = Plot::new(("chart", data.kind))
        .height(height)
        .y_axis_label(y_label)
        .y_axis_min_width(56.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .default_y_bounds(low, high)
        .y_axis_formatter(move |mark, _| {
            // A tick between whole numbers gets the chart's decimals; a share's ticks are
            // whole percents.
            let whole = (mark.value - mark.value.round()).abs() < 1e-9;
            let d = if whole || percent { 0 } else { decimals.max(1) };
            Shown::Value(mark.value).text(lang, d, percent)
        })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                categories.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |input| value_steps(&input, apart))
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil().max(0.0) as i64..=hi.floor() as i64)
                .map(|v| egui_plot::GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        });
    // Every category in view, with half a step either side (one year alone would otherwise
    // sit in an axis a thousand wide).
    plot = plot
        .include_x(-0.5)
        .include_x(extent.categories.max(data.categories.len()) as f64 - 0.5 + right_room);
    plot
}

/// Draws a chart: its legend above the data, the plot, the x axis's title below it, and
/// the value under the pointer as a tooltip (kept on screen, unlike a label inside the
/// plot). `height` in points, all of it; `hold` keeps the axes to an extent (while the
/// year slider plays). Returns the bounds it showed.
pub fn chart_ui(
    ui: &mut egui::Ui,
    data: &ChartData,
    highlight: Option<Province>,
    lang: Lang,
    height: f32,
    hold: Option<Extent>,
    labels: bool,
) -> egui_plot::PlotBounds {
    let dark = ui.visuals().dark_mode;
    let top = ui.cursor().top();
    legend_ui(ui, data, highlight, dark, lang);
    let title_height =
        ui.text_style_height(&egui::TextStyle::Body) * 1.2 + ui.spacing().item_spacing.y;
    let plot_height = (height - (ui.cursor().top() - top) - title_height).max(120.0);
    // While the years play, the axes are those of every year: they hold still. On a
    // slide, room above the tallest bar for the value written on it.
    let mut extent = hold.unwrap_or_else(|| data.extent());
    if labels {
        extent.max *= 1.1;
    }
    let painter = Painter {
        data,
        highlight,
        dark,
        labels: labels.then_some(lang),
        // The plot's height (less its axis) over the values it shows, with the headroom
        // below.
        value_per_px: (extent.max * 1.1 - axis_low(extent)).max(1e-9)
            / f64::from((plot_height - 30.0).max(60.0)),
    };
    let categories = category_labels(ui, data, extent);
    // The value axis's title runs along the axis: one longer than the plot is high would
    // run into the legend above it (a slide at 1024×600); the chart's title says it then.
    let y_label_width = body_width(ui, &data.y_label);
    let y_label = if y_label_width + 40.0 < plot_height {
        data.y_label.clone()
    } else {
        String::new()
    };
    let right_room = if labels && data.shape == Shape::Lines {
        end_label_room(ui, data, extent, lang)
    } else {
        0.0
    };
    let axes = Axes {
        categories,
        y_label,
        right_room,
        apart: ui.text_style_height(&egui::TextStyle::Body) * 3.0,
    };
    let mut drawn = plot(data, plot_height, extent, lang, axes);
    // The plot keeps its bounds in memory under its id, and its default bounds apply only
    // to a plot it has not seen: a chart whose extent changed (another source, measure or
    // year) is reset, or the dossiers' 230 would sit in the published figures' 3,000.
    let key = egui::Id::unique(("chart-extent", data.kind));
    let now = (
        extent.categories,
        extent.min.to_bits(),
        extent.max.to_bits(),
    );
    if ui.data(|d| d.get_temp::<(usize, u64, u64)>(key)) != Some(now) {
        ui.data_mut(|d| d.insert_temp(key, now));
        drawn = drawn.reset();
    }
    let shown = drawn.show(ui, |plot_ui| {
        match data.shape {
            Shape::GroupedBars => painter.grouped_bars(plot_ui),
            Shape::StackedBars => painter.stacked_bars(plot_ui),
            Shape::Lines => painter.lines(plot_ui),
        }
        if let Some((y, label)) = &data.reference {
            plot_ui.hline(
                HLine::new(label.clone(), *y)
                    .color(palette::target(dark))
                    .width(2.0)
                    .style(egui_plot::LineStyle::dashed_loose())
                    .allow_hover(false),
            );
        }
    });
    // A screen reader hears what the chart is; its numbers are in the table.
    shown.response.widget_info(|| {
        let name = format!("{}: {}", lang.pick("Grafiek", "Chart"), data.title);
        egui::WidgetInfo::labeled(egui::Role::Image, true, name)
    });
    if let Some(pos) = shown.response.hover_pos() {
        let at = shown.transform.value_from_position(pos);
        if let Some(text) = hover_text(data, at.x, at.y, lang) {
            shown.response.on_hover_text_at_pointer(text);
        }
    }
    // A little air between the year labels and the axis's title (at a slide's size they
    // touched).
    ui.add_space(ui.text_style_height(&egui::TextStyle::Body) * 0.2);
    ui.vertical_centered(|ui| ui.label(&data.x_label));
    *shown.transform.bounds()
}

/// The x axis's labels. The plot leaves out a label wider than its category (at 1024×600
/// every second province went missing), so a name that does not fit is broken after its
/// hyphen ("Oost-" over "Vlaanderen") where it has one.
pub fn category_labels(ui: &egui::Ui, data: &ChartData, extent: Extent) -> Vec<String> {
    let width_of = |text: &str| body_width(ui, text);
    // The plot's width less its value axis, over the categories, the half step either side
    // and the plot's own margin (a category more, to be safe).
    let per_category =
        (ui.available_width() - 64.0) / (extent.categories.max(data.categories.len()) + 1) as f32;
    data.categories
        .iter()
        .map(|c| match c.split_once('-') {
            Some((head, tail)) if width_of(c) + 4.0 > per_category => format!("{head}-\n{tail}"),
            _ => c.clone(),
        })
        .collect()
}

/// The legend, above the plot so that it never covers data: a swatch and a name per
/// series, and the reference line's.
fn legend_ui(
    ui: &mut egui::Ui,
    data: &ChartData,
    highlight: Option<Province>,
    dark: bool,
    lang: Lang,
) {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    ui.horizontal_wrapped(|ui| {
        for s in 0..data.series.len() {
            let color = series_color(data, s, highlight, dark);
            legend_entry(ui, &data.series[s].name, size, |painter, rect| {
                painter.rect_filled(rect.shrink(size * 0.15), 2.0, color);
            });
        }
        // The grey part on top of a stack, named as the deck names it.
        if data.shape == Shape::StackedBars && data.hides_any() {
            legend_entry(
                ui,
                lang.pick("verborgen", "hidden"),
                size,
                |painter, rect| {
                    painter.rect_filled(rect.shrink(size * 0.15), 2.0, Color32::from_gray(170));
                },
            );
        }
        if let Some((_, label)) = &data.reference {
            let stroke = egui::Stroke::new(2.0, palette::target(dark));
            legend_entry(ui, label, size, |painter, rect| {
                let y = rect.center().y;
                for k in 0..3 {
                    let x = rect.left() + k as f32 * size * 0.3;
                    painter.line_segment([egui::pos2(x, y), egui::pos2(x + size * 0.2, y)], stroke);
                }
            });
        }
    });
}

/// Room right of the last category, in categories, for the lines' end names on a slide
/// ("art. 60§7-tewerkstelling 81,8" was cut at the plot's edge).
fn end_label_room(ui: &egui::Ui, data: &ChartData, extent: Extent, lang: Lang) -> f64 {
    let font = egui::FontId::proportional(END_LABEL_SIZE);
    let widest = (0..data.series.len())
        .filter_map(|s| {
            let last = (0..data.categories.len()).rev().find(|&c| {
                data.series[s]
                    .values
                    .get(c)
                    .is_some_and(|v| v.value().is_some())
            })?;
            Some(format!(
                "{} {}",
                data.series[s].name,
                data.cell(s, last, lang)
            ))
        })
        .map(|text| text_width(ui, &text, &font))
        .fold(0.0_f32, f32::max);
    if widest <= 0.0 {
        return 0.0;
    }
    let n = extent.categories.max(data.categories.len()).max(1) as f32;
    // The plot's width less its value axis; the categories share what the names leave.
    let width = (ui.available_width() - 64.0).max(200.0);
    let per_category = ((width - widest - 16.0) / n).max(40.0);
    f64::from((widest + 16.0) / per_category)
}

/// One entry of the legend, its mark and its name as one widget: a row that wraps moves the
/// whole entry to the next line and never breaks the name (a mark and a name placed apart
/// left the name past the screen's edge at 1024×600).
fn legend_entry(
    ui: &mut egui::Ui,
    name: &str,
    size: f32,
    mark: impl FnOnce(&egui::Painter, egui::Rect),
) {
    let color = ui.visuals().text_color();
    let galley = ui.painter().layout_no_wrap(
        name.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        color,
    );
    let gap = size * 0.25;
    let width = size + gap + galley.size().x;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(width, size.max(galley.size().y)),
        egui::Sense::hover(),
    );
    let swatch = egui::Rect::from_min_size(
        egui::pos2(rect.left(), rect.center().y - size / 2.0),
        egui::vec2(size, size),
    );
    mark(ui.painter(), swatch);
    let text_at = egui::pos2(
        swatch.right() + gap,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter().galley(text_at, galley, color);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
    ui.add_space(size * 0.5);
}

/// What the pointer at plot coordinates `(x, y)` points at, as the tooltip says it: the bar
/// under it, or, for lines and between bars, every series' value in the category, highest
/// first.
fn hover_text(data: &ChartData, x: f64, y: f64, lang: Lang) -> Option<String> {
    use std::fmt::Write as _;
    let c = x.round();
    if !(0.0..data.categories.len() as f64).contains(&c) || (x - c).abs() > 0.45 {
        return None;
    }
    let c = c as usize;
    let figure = |s: usize| {
        data.series[s]
            .values
            .get(c)
            .copied()
            .unwrap_or(Shown::Undefined)
    };
    let tip = |s: usize| {
        format!(
            "{} {}: {}",
            data.series[s].name,
            data.categories[c],
            data.text(figure(s), lang)
        )
    };
    let n = data.series.len();
    match data.shape {
        Shape::GroupedBars if n > 0 => {
            let width = 0.8 / n as f64;
            let offset = x - (c as f64 - 0.4);
            let s = (offset / width).floor();
            if (0.0..n as f64).contains(&s) {
                let s = s as usize;
                if figure(s) != Shown::Undefined {
                    return Some(tip(s));
                }
            }
        }
        Shape::StackedBars => {
            let mut below = 0.0;
            for s in 0..n {
                let v = figure(s).value().unwrap_or(0.0);
                if (below..below + v).contains(&y) {
                    return Some(tip(s));
                }
                below += v;
            }
            if let Some(h) = data.hidden_part(c)
                && (below..below + h).contains(&y)
            {
                return Some(format!(
                    "{} {}: {}",
                    data.categories[c],
                    lang.pick("verborgen", "hidden"),
                    twe_core::stats::disclosure::note(lang)
                ));
            }
        }
        Shape::GroupedBars | Shape::Lines => {}
    }
    let mut rows: Vec<(f64, usize)> = (0..n)
        .filter(|&s| figure(s) != Shown::Undefined)
        .map(|s| (figure(s).value().unwrap_or(f64::NEG_INFINITY), s))
        .collect();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut text = data.categories[c].clone();
    for (_, s) in rows {
        let _ = write!(
            text,
            "\n{}: {}",
            data.series[s].name,
            data.text(figure(s), lang)
        );
    }
    Some(text)
}

/// Draws one chart's series in its shape.
struct Painter<'a> {
    data: &'a ChartData,
    highlight: Option<Province>,
    dark: bool,
    /// On a slide: the values written on the bars and at the lines' ends, in this language
    /// (Datawrapper and Our World in Data label data directly).
    labels: Option<Lang>,
    /// How much value a point of the plot's height holds, about (to keep labels apart).
    value_per_px: f64,
}

impl Painter<'_> {
    /// The fill of category `c` in `color`: lighter in the partial year.
    fn fill(&self, c: usize, color: Color32) -> Color32 {
        if self.data.is_partial(c) {
            color.gamma_multiply(0.45)
        } else {
            color
        }
    }

    fn grouped_bars(&self, plot_ui: &mut PlotUi<'_>) {
        let data = self.data;
        let width = 0.8 / data.series.len().max(1) as f64;
        for (s, series) in data.series.iter().enumerate() {
            let color = series_color(data, s, self.highlight, self.dark);
            let bars: Vec<Bar> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(c, v)| v.value().map(|v| (c, v)))
                .map(|(c, v)| {
                    let x = c as f64 - 0.4 + width * (s as f64 + 0.5);
                    bar(x, v, width * 0.95, self.fill(c, color))
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new(series.name.clone(), bars)
                    .color(color)
                    .allow_hover(false),
            );
            if let Some(lang) = self.labels {
                // As wide as its bar at most (neighbours' values would print over each
                // other on a narrow window), never under 18 pixels for the back of the
                // room: else left to the table. A hidden figure says «<5» or «–» where its
                // bar would stand.
                let bar_px = (width * plot_ui.transform().dpos_dvalue_x()).abs() as f32;
                for (c, v) in series.values.iter().enumerate() {
                    let text = data.text(*v, lang);
                    if text.is_empty() {
                        continue;
                    }
                    let x = c as f64 - 0.4 + width * (s as f64 + 0.5);
                    // Ubuntu's digits are about 0.55 of the size wide.
                    let size = (bar_px / (0.55 * text.chars().count().max(1) as f32)).min(24.0);
                    if size >= 18.0 {
                        self.value_label_sized(
                            plot_ui,
                            [x, v.value().unwrap_or(0.0).max(0.0)],
                            text,
                            egui::Align2::CENTER_BOTTOM,
                            size,
                            None,
                        );
                    }
                }
            }
        }
    }

    /// A value written at `at` on the plot, at `size` points, in the theme's ink or in
    /// `color`.
    fn value_label_sized(
        &self,
        plot_ui: &mut PlotUi<'_>,
        at: [f64; 2],
        text: String,
        anchor: egui::Align2,
        size: f32,
        color: Option<Color32>,
    ) {
        let color = color.unwrap_or(if self.dark {
            egui::Color32::WHITE
        } else {
            egui::Color32::from_gray(20)
        });
        plot_ui.text(
            egui_plot::Text::new(
                "",
                egui_plot::PlotPoint::new(at[0], at[1]),
                egui::RichText::new(text).size(size).color(color),
            )
            .anchor(anchor)
            .allow_hover(false),
        );
    }

    fn stacked_bars(&self, plot_ui: &mut PlotUi<'_>) {
        let data = self.data;
        let mut below: Vec<BarChart> = Vec::new();
        for (s, series) in data.series.iter().enumerate() {
            let color = series_color(data, s, self.highlight, self.dark);
            let bars: Vec<Bar> = series
                .values
                .iter()
                .enumerate()
                .map(|(c, v)| bar(c as f64, v.value().unwrap_or(0.0), 0.7, self.fill(c, color)))
                .collect();
            let refs: Vec<&BarChart> = below.iter().collect();
            let chart = BarChart::new(series.name.clone(), bars)
                .color(color)
                .allow_hover(false)
                .stack_on(&refs);
            below.push(chart);
        }
        // What is hidden is drawn as one grey part on top, where the stack's height is
        // shown: the bar stands as tall as it is, and says that part of it is hidden.
        let hidden: Vec<Bar> = (0..data.categories.len())
            .map(|c| {
                bar(
                    c as f64,
                    data.hidden_part(c).unwrap_or(0.0),
                    0.7,
                    Color32::from_gray(170),
                )
            })
            .collect();
        let refs: Vec<&BarChart> = below.iter().collect();
        let hidden = BarChart::new("hidden", hidden)
            .color(Color32::from_gray(110))
            .allow_hover(false)
            .stack_on(&refs);
        for chart in below {
            plot_ui.bar_chart(chart);
        }
        plot_ui.bar_chart(hidden);
        // On a slide, each count stack's total above it (a share stack is 100%, said once
        // by the axis).
        if let Some(lang) = self.labels
            && data.counts()
        {
            for c in 0..data.categories.len() {
                let Some(total) = data.stacks.get(c).and_then(|v| v.value()) else {
                    continue;
                };
                if total > 0.0 {
                    self.value_label_sized(
                        plot_ui,
                        [c as f64, total],
                        data.format(total, lang),
                        egui::Align2::CENTER_BOTTOM,
                        24.0,
                        None,
                    );
                }
            }
        }
    }

    fn lines(&self, plot_ui: &mut PlotUi<'_>) {
        let data = self.data;
        let mut ends: Vec<(f64, f64, String, Color32)> = Vec::new();
        for (s, series) in data.series.iter().enumerate() {
            let color = series_color(data, s, self.highlight, self.dark);
            let points: Vec<[f64; 2]> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(c, v)| v.value().map(|v| [c as f64, v]))
                .collect();
            let width = if self.highlight.is_some() && self.highlight == series.province() {
                3.5
            } else {
                2.0
            };
            // One line per run of years in a row (none across a hidden year: it would
            // claim a value there); the step into the partial year lighter and dashed.
            let solid = |plot_ui: &mut PlotUi<'_>, run: Vec<[f64; 2]>| {
                if run.len() > 1 {
                    plot_ui.line(
                        Line::new(series.name.clone(), PlotPoints::from(run))
                            .color(color)
                            .width(width)
                            .allow_hover(false),
                    );
                }
            };
            let mut run: Vec<[f64; 2]> = Vec::new();
            for (i, &p) in points.iter().enumerate() {
                // Categories are whole numbers: the next one is 1 on.
                let joined = i > 0 && (p[0] - points[i - 1][0] - 1.0).abs() < 0.5;
                let into_partial = joined && data.is_partial(p[0] as usize);
                if !joined || into_partial {
                    solid(plot_ui, std::mem::take(&mut run));
                }
                if into_partial {
                    plot_ui.line(
                        Line::new(
                            series.name.clone(),
                            PlotPoints::from(vec![points[i - 1], p]),
                        )
                        .color(color.gamma_multiply(0.45))
                        .width(width)
                        .style(egui_plot::LineStyle::dashed_loose())
                        .allow_hover(false),
                    );
                }
                run.push(p);
            }
            solid(plot_ui, run);
            // On a slide, the line named at its end with its last value, in its colour
            // (placed below, apart).
            if let (Some(lang), Some(&[x, y])) = (self.labels, points.last()) {
                let text = format!("{} {}", series.name, data.cell(s, x as usize, lang));
                ends.push((x, y, text, color));
            }
            plot_ui.points(
                Points::new(series.name.clone(), PlotPoints::from(points))
                    .color(color)
                    .radius(3.5)
                    .allow_hover(false),
            );
        }
        self.end_labels(plot_ui, ends);
    }

    /// The lines' end names, a line of type apart (two provinces ending near each other
    /// would print over each other): pushed down, then back up from the axis's low end.
    /// Placed in values, not by the plot's transform: labels count in the plot's bounds,
    /// and placing them by the bounds they change would feed back frame after frame.
    fn end_labels(&self, plot_ui: &mut PlotUi<'_>, mut ends: Vec<(f64, f64, String, Color32)>) {
        let extent = self.data.extent();
        let low = extent.min.min(0.0);
        let gap = 26.0 * self.value_per_px;
        ends.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut at: Vec<f64> = Vec::with_capacity(ends.len());
        for (_, y, ..) in &ends {
            at.push(y.min(at.last().map_or(f64::INFINITY, |l| l - gap)));
        }
        let mut floor = low + gap / 2.0;
        for y in at.iter_mut().rev() {
            *y = y.max(floor);
            floor = *y + gap;
        }
        for ((x, _, text, color), y) in ends.into_iter().zip(at) {
            self.value_label_sized(
                plot_ui,
                [x + 0.08, y],
                text,
                egui::Align2::LEFT_CENTER,
                END_LABEL_SIZE,
                Some(color),
            );
        }
    }
}

/// How wide [`table_ui`] draws `data` in `ui`'s body font: each column as wide as its
/// widest text, with the grid's spacing between them.
pub fn table_width(ui: &egui::Ui, data: &ChartData, lang: Lang) -> f32 {
    let width_of = |text: &str| body_width(ui, text);
    let total = lang.pick("Totaal", "Total");
    let mut columns = vec![
        data.series
            .iter()
            .map(|s| width_of(&s.name))
            .fold(width_of(total), f32::max),
    ];
    for c in 0..data.categories.len() {
        let widest = (0..data.series.len())
            .map(|s| width_of(&data.cell(s, c, lang)))
            .fold(width_of(&data.categories[c]), f32::max);
        columns.push(widest);
    }
    if let Some(t) = &data.totals {
        columns.push(width_of(&data.text(t.grand, lang)).max(width_of(total)));
    }
    let gap = ui.spacing().item_spacing.x;
    columns.iter().sum::<f32>() + gap * columns.len() as f32
}

/// The chart's numbers as a grid, formatted as the UI language writes them (2.772), hidden
/// figures as «<5» or «–», with the totals where the chart counts and the note where
/// anything is hidden.
pub fn table_ui(ui: &mut egui::Ui, data: &ChartData, lang: Lang) {
    egui::ScrollArea::horizontal()
        .id_salt("chart-table")
        .show(ui, |ui| {
            egui::Grid::new(("chart-grid", data.kind))
                .striped(true)
                .show(ui, |ui| {
                    let total = lang.pick("Totaal", "Total");
                    ui.strong("");
                    for c in &data.categories {
                        ui.strong(c);
                    }
                    if data.totals.is_some() {
                        ui.strong(total);
                    }
                    ui.end_row();
                    for (s, series) in data.series.iter().enumerate() {
                        ui.label(&series.name);
                        for c in 0..data.categories.len() {
                            ui.label(data.cell(s, c, lang));
                        }
                        if let Some(t) = &data.totals {
                            let v = t.per_series.get(s).copied().unwrap_or(Shown::Undefined);
                            ui.strong(data.text(v, lang));
                        }
                        ui.end_row();
                    }
                    if let Some(t) = &data.totals {
                        ui.strong(total);
                        for v in &t.per_category {
                            ui.strong(data.text(*v, lang));
                        }
                        ui.strong(data.text(t.grand, lang));
                        ui.end_row();
                    }
                });
        });
    if data.hides_any() {
        ui.weak(twe_core::stats::disclosure::note(lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use twe_core::reference::published;

    /// The value axis's lines are round, at least 40 points apart, and cover the bounds:
    /// 0 to 3,100 over 700 points is a line every 200, not every 100.
    #[test]
    fn value_lines_are_round_and_apart() {
        for (lo, hi, points) in [
            (0.0, 3100.0, 700.0),
            (0.0, 3100.0, 150.0),
            (-0.6, 0.35, 500.0),
            (0.0, 2.4, 300.0),
            (0.0, 1.0, 90.0),
        ] {
            let per_point = (hi - lo) / points;
            let marks = value_steps(
                &egui_plot::GridInput {
                    bounds: (lo, hi),
                    base_step_size: per_point * 8.0,
                },
                40.0,
            );
            assert!(marks.len() >= 2, "{lo}..{hi}: {marks:?}");
            let step = marks[1].value - marks[0].value;
            assert!(step / per_point >= 40.0 - 1e-9, "{lo}..{hi}: {step}");
            let mantissa = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9),
                "{step} is round"
            );
            assert!(marks.iter().all(|m| (lo..=hi).contains(&m.value)));
        }
        let every = value_steps(
            &egui_plot::GridInput {
                bounds: (0.0, 3100.0),
                base_step_size: 3100.0 / 700.0 * 8.0,
            },
            40.0,
        )[1]
        .value;
        assert!((every - 200.0).abs() < 1e-9, "{every}");
    }
    use twe_core::stats::charts::{ChartKind, ChartOptions, chart};
    use twe_core::stats::{Figures, Measure};

    fn data(kind: ChartKind) -> ChartData {
        let opts = ChartOptions {
            measure: Measure::Trajectories,
            up_to: 2021,
            relative: false,
        };
        let f = Figures::published(published());
        chart(
            kind,
            f.table(twe_core::stats::YearBasis::TrajectoryStart)
                .unwrap(),
            &opts,
            Lang::En,
        )
    }

    /// The pointer over a grouped bar names that bar; between categories, nothing.
    #[test]
    fn hovering_a_grouped_bar_names_it() {
        let d = data(ChartKind::PerProvince);
        assert_eq!(d.shape, Shape::GroupedBars);
        // Category 0 (2017), first of five bars: x in -0.4 .. -0.24.
        let text = hover_text(&d, -0.35, 10.0, Lang::En).unwrap();
        assert_eq!(text, "Antwerpen 2017: 2,772");
        let last = hover_text(&d, 0.35, 10.0, Lang::En).unwrap();
        assert!(last.starts_with("West-Vlaanderen 2017"), "{last}");
        assert_eq!(hover_text(&d, 0.5, 10.0, Lang::En), None);
        assert_eq!(hover_text(&d, -3.0, 10.0, Lang::En), None);
        assert_eq!(hover_text(&d, 99.0, 10.0, Lang::En), None);
    }

    /// Over a line chart, every province's value in the year, highest first.
    #[test]
    fn hovering_a_line_chart_lists_the_year() {
        let d = data(ChartKind::OverYears);
        assert_eq!(d.shape, Shape::Lines);
        let text = hover_text(&d, 1.1, 0.0, Lang::En).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "2018");
        assert_eq!(lines.len(), 6, "{text}");
        assert!(lines[1].starts_with("Antwerpen: "), "{text}");
    }

    /// In a stacked bar, the part under the pointer.
    #[test]
    fn hovering_a_stack_names_the_part() {
        let d = data(ChartKind::ProvinceShare);
        assert_eq!(d.shape, Shape::StackedBars);
        let first = d.series[0].values[0].value().unwrap();
        let text = hover_text(&d, 0.0, first + 0.5, Lang::En).unwrap();
        assert!(text.starts_with(&d.series[1].name), "{text}");
    }
}

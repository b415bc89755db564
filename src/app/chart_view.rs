//! Drawing a chart given as data ([`ChartData`]) with `egui_plot`, and its numbers as a table:
//! the statistics view and the slides draw the same charts the exports write.

use super::palette;
use crate::lang::Lang;
use crate::reference::Province;
use crate::stats::charts::{ChartData, Shape};
use egui::Color32;
use egui_plot::{Bar, BarChart, HLine, Legend, Line, Plot, PlotPoints, PlotUi, Points};

/// The colour of series `s`: its province's or instrument's, faded when another province
/// is highlighted.
fn series_color(data: &ChartData, s: usize, highlight: Option<Province>) -> Color32 {
    let series = &data.series[s];
    let base = match (series.province, series.instrument) {
        (Some(p), _) => palette::province(p),
        (_, Some(t)) => palette::instrument(t),
        _ => Color32::GRAY,
    };
    match (highlight, series.province) {
        (Some(h), Some(p)) if h != p => base.gamma_multiply(0.25),
        _ => base,
    }
}

/// One bar of a chart, filled a little lighter than its outline, named by its tooltip.
fn bar(x: f64, v: f64, width: f64, color: Color32, tip: &str) -> Bar {
    Bar::new(x, v)
        .width(width)
        .fill(color.gamma_multiply(0.85))
        .name(tip)
}

/// The plot a chart is drawn in: categories on the x axis, no panning or zooming.
fn plot(data: &ChartData, height: f32) -> Plot<'static> {
    let categories = data.categories.clone();
    Plot::new(("chart", data.kind))
        .height(height)
        .legend(Legend::default())
        .x_axis_label(data.x_label.clone())
        .y_axis_label(data.y_label.clone())
        .y_axis_min_width(56.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                categories.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil().max(0.0) as i64..=hi.floor() as i64)
                .map(|v| egui_plot::GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
}

/// Draws a chart with its legend and hover values; `height` in points.
pub fn chart_ui(
    ui: &mut egui::Ui,
    data: &ChartData,
    highlight: Option<Province>,
    lang: Lang,
    height: f32,
) {
    let painter = Painter {
        data,
        highlight,
        lang,
    };
    plot(data, height).show(ui, |plot_ui| {
        match data.shape {
            Shape::GroupedBars => painter.grouped_bars(plot_ui),
            Shape::StackedBars => painter.stacked_bars(plot_ui),
            Shape::Lines => painter.lines(plot_ui),
        }
        if let Some((y, label)) = &data.reference {
            plot_ui.hline(
                HLine::new(label.clone(), *y)
                    .color(palette::TARGET)
                    .width(2.0)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        }
    });
}

/// Draws one chart's series in its shape.
struct Painter<'a> {
    data: &'a ChartData,
    highlight: Option<Province>,
    lang: Lang,
}

impl Painter<'_> {
    /// A bar's tooltip: series, category, value.
    fn tip(&self, s: usize, c: usize, v: f64) -> String {
        format!(
            "{} {}: {}",
            self.data.series[s].name,
            self.data.categories[c],
            self.data.format(Some(v), self.lang)
        )
    }

    fn grouped_bars(&self, plot_ui: &mut PlotUi<'_>) {
        let data = self.data;
        let width = 0.8 / data.series.len().max(1) as f64;
        for (s, series) in data.series.iter().enumerate() {
            let color = series_color(data, s, self.highlight);
            let bars: Vec<Bar> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(c, v)| v.map(|v| (c, v)))
                .map(|(c, v)| {
                    let x = c as f64 - 0.4 + width * (s as f64 + 0.5);
                    bar(x, v, width * 0.95, color, &self.tip(s, c, v))
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new(series.name.clone(), bars)
                    .color(color)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
        }
    }

    fn stacked_bars(&self, plot_ui: &mut PlotUi<'_>) {
        let data = self.data;
        let mut below: Vec<BarChart> = Vec::new();
        for (s, series) in data.series.iter().enumerate() {
            let color = series_color(data, s, self.highlight);
            let bars: Vec<Bar> = series
                .values
                .iter()
                .enumerate()
                .map(|(c, v)| {
                    let v = v.unwrap_or(0.0);
                    bar(c as f64, v, 0.7, color, &self.tip(s, c, v))
                })
                .collect();
            let refs: Vec<&BarChart> = below.iter().collect();
            let chart = BarChart::new(series.name.clone(), bars)
                .color(color)
                .element_formatter(Box::new(|bar, _| bar.name.clone()))
                .stack_on(&refs);
            below.push(chart);
        }
        for chart in below {
            plot_ui.bar_chart(chart);
        }
    }

    fn lines(&self, plot_ui: &mut PlotUi<'_>) {
        let data = self.data;
        for (s, series) in data.series.iter().enumerate() {
            let color = series_color(data, s, self.highlight);
            let points: Vec<[f64; 2]> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(c, v)| v.map(|v| [c as f64, v]))
                .collect();
            let width = if self.highlight.is_some() && self.highlight == series.province {
                3.5
            } else {
                2.0
            };
            plot_ui.line(
                Line::new(series.name.clone(), PlotPoints::from(points.clone()))
                    .color(color)
                    .width(width),
            );
            plot_ui.points(
                Points::new(series.name.clone(), PlotPoints::from(points))
                    .color(color)
                    .radius(3.5),
            );
        }
    }
}

/// The chart's numbers as a grid, formatted as the UI language writes them (2.772).
pub fn table_ui(ui: &mut egui::Ui, data: &ChartData, lang: Lang, suppressed: bool) {
    egui::ScrollArea::horizontal()
        .id_salt("chart-table")
        .show(ui, |ui| {
            egui::Grid::new(("chart-grid", data.kind))
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("");
                    for c in &data.categories {
                        ui.strong(c);
                    }
                    ui.end_row();
                    for (s, series) in data.series.iter().enumerate() {
                        ui.label(&series.name);
                        for c in 0..data.categories.len() {
                            ui.label(data.cell(s, c, lang, suppressed));
                        }
                        ui.end_row();
                    }
                });
        });
}

//! The caseload view: every dossier of the list as a row on one shared timeline.

use super::action::Action;
use super::cx::ViewCx;
use super::palette;
use super::rows::ListCache;
use super::timeline::{axis_label, month_grid, x_of};
use crate::lang::{self, Lang};
use crate::rules::Severity;
use crate::workspace::Entry;
use egui_plot::{Bar, BarChart, Plot, PlotPoint, PlotUi, Text, VLine};

/// Rows drawn at most; zoomed out further, every k-th row is drawn.
const MAX_ROWS: usize = 300;
/// Rows shown when the view opens.
const INITIAL_ROWS: f64 = 30.0;

/// The caseload view: it keeps no state of its own; the rows are the dossier list's.
#[derive(Default)]
pub struct Caseload;

impl Caseload {
    /// Draws the caseload of `list`'s rows; clicking a row opens its dossier.
    pub fn ui(
        &mut self,
        cx: &ViewCx<'_>,
        list: &ListCache,
        ui: &mut egui::Ui,
        out: &mut Vec<Action>,
    ) {
        let lang = cx.lang;
        let (from, to) = list.span(cx.ws);
        let rows = &list.rows;
        ui.horizontal(|ui| {
            ui.heading("Caseload");
            ui.label(format!(
                "{} {}",
                lang::number(rows.len() as i64, lang),
                lang.pick(
                    "dossiers (de filters van de lijst gelden)",
                    "dossiers (the list's filters apply)"
                )
            ));
        });
        if rows.is_empty() {
            ui.label(lang.pick("Geen dossiers.", "No dossiers."));
            return;
        }
        let today = cx.ws.today();
        let entries = cx.ws.entries();
        let response = Plot::new("caseload")
            .show_axes([true, false])
            .show_grid([true, false])
            .x_grid_spacer(month_grid)
            .x_axis_formatter(move |mark, _| axis_label(mark, lang))
            // Room on the left for the row labels.
            .include_x(x_of(from) - (x_of(to) - x_of(from)) * 0.1 - 30.0)
            .include_x(x_of(to) + 30.0)
            .include_y(0.6)
            .include_y(-INITIAL_ROWS)
            .allow_boxed_zoom(false)
            .label_formatter(|_| None)
            .show(ui, |plot_ui| {
                plot_ui.vline(
                    VLine::new(lang.pick("Vandaag", "Today"), x_of(today) + 0.5)
                        .color(palette::TODAY),
                );
                rows_ui(plot_ui, cx, rows, entries);
                plot_ui.pointer_coordinate()
            });
        let hovered_row = response
            .inner
            .map(|p| (-p.y).round())
            .filter(|r| *r >= 0.0)
            .map(|r| r as usize)
            .filter(|&r| r < rows.len());
        if let Some(r) = hovered_row
            && let Some(e) = entries.get(rows[r])
        {
            response
                .response
                .clone()
                .on_hover_text_at_pointer(row_tooltip(e, lang));
        }
        if response.response.clicked()
            && let Some(r) = hovered_row
        {
            out.push(Action::OpenEntry(rows[r]));
        }
    }
}

/// The visible rows: the trajectories' bands, the instruments as one bar chart per kind
/// (a handful of plot items whatever the number of rows), and each row's label.
fn rows_ui(plot_ui: &mut PlotUi<'_>, cx: &ViewCx<'_>, rows: &[usize], entries: &[Entry]) {
    let lang = cx.lang;
    let b = plot_ui.plot_bounds();
    let (x_lo, x_hi) = (b.min()[0], b.max()[0]);
    let first = (-b.max()[1]).floor().max(0.0) as usize;
    let last = ((-b.min()[1]).ceil().max(0.0) as usize).min(rows.len().saturating_sub(1));
    let stride = ((last.saturating_sub(first) + 1) / MAX_ROWS).max(1);
    let mut bands: Vec<Bar> = Vec::new();
    let mut bars: [Vec<Bar>; 5] = Default::default();
    for r in (first..=last).step_by(stride) {
        let Some(e) = rows.get(r).and_then(|&i| entries.get(i)) else {
            continue;
        };
        let d = e.dossier();
        let y = -(r as f64);
        let (t0, t1) = (x_of(d.start), x_of(d.last_day()) + 1.0);
        if t1 >= x_lo && t0 <= x_hi {
            bands.push(Bar::new(y, t1 - t0).base_offset(t0).width(0.8));
        }
        for inst in &d.instruments {
            let (x0, x1) = (x_of(inst.start), x_of(inst.end) + 1.0);
            if x1 < x_lo || x0 > x_hi || x1 <= x0 {
                continue;
            }
            let t = inst.kind.kind_type();
            bars[t as usize].push(
                Bar::new(y, x1 - x0)
                    .base_offset(x0)
                    .width(0.6)
                    .fill(palette::instrument(t)),
            );
        }
        let counts = e.counts();
        let worst = if counts.errors > 0 {
            Some(Severity::Error)
        } else if counts.warnings > 0 {
            Some(Severity::Warning)
        } else {
            None
        };
        let marker = worst.map_or(String::new(), |s| format!("{} ", palette::severity_icon(s)));
        let color = worst.map_or(ui_text_color(cx.dark()), palette::severity);
        plot_ui.text(
            Text::new(
                "labels",
                PlotPoint::new(x_lo, y),
                egui::RichText::new(format!("{marker}{}", d.id)).color(color),
            )
            .anchor(egui::Align2::LEFT_CENTER)
            .allow_hover(false),
        );
    }
    plot_ui.bar_chart(
        BarChart::new(lang.pick("traject", "trajectory"), bands)
            .horizontal()
            .color(palette::window_fill(cx.dark()))
            .allow_hover(false),
    );
    for t in crate::model::InstrumentType::ALL {
        let list = std::mem::take(&mut bars[t as usize]);
        plot_ui.bar_chart(
            BarChart::new(t.label(lang), list)
                .horizontal()
                .color(palette::instrument(t))
                .allow_hover(false),
        );
    }
}

/// What hovering a row tells: id, OCMW, dates and counts (no client name).
fn row_tooltip(e: &Entry, lang: Lang) -> String {
    let (d, c) = (e.dossier(), e.counts());
    format!(
        "{} · OCMW {}\n{} – {}\n{} {} · {} {}",
        d.id,
        d.ocmw,
        lang::date(d.start, lang),
        lang::date(d.last_day(), lang),
        c.errors,
        lang.pick("fouten", "errors"),
        c.warnings,
        lang.pick("waarschuwingen", "warnings"),
    )
}

fn ui_text_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::LIGHT_GRAY
    } else {
        egui::Color32::DARK_GRAY
    }
}

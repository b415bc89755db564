//! The dossier timeline: one lane per instrument over the 24-month window, edited in place.

use super::palette;
use super::state::State;
use super::timeline::{axis_label, month_grid, x_of};
use crate::lang::{self, Lang};
use crate::model::calendar::add_months;
use crate::model::{Dossier, Instrument, InstrumentKind};
use crate::rules::params::ART60_START_MONTHS;
use crate::rules::{Finding, Severity};
use crate::workspace::EditKey;
use egui::{Color32, Stroke};
use egui_plot::{LineStyle, Plot, PlotPoint, PlotPoints, Polygon, Span, Text, VLine};

/// Half the height of a bar, in lanes.
const HALF: f64 = 0.32;
/// How close to a bar's end, in pixels, a drag resizes instead of moving.
const EDGE_PX: f64 = 6.0;

/// What a drag does to its bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragMode {
    /// Moves the whole bar.
    Move,
    /// Moves the start.
    Start,
    /// Moves the end.
    End,
}

/// A drag gesture on a bar, with its live preview; the checks run when it ends.
#[derive(Clone, Debug)]
pub struct Drag {
    /// The instrument being dragged.
    pub instrument: usize,
    /// Move or resize.
    pub mode: DragMode,
    /// The plot x where the gesture began.
    grab_x: f64,
    /// The dossier when the gesture began.
    original: Dossier,
    /// The dossier as the gesture would leave it.
    pub preview: Dossier,
}

impl Drag {
    /// Starts a drag of `instrument` in `dossier` at plot x `grab_x`.
    pub fn new(dossier: &Dossier, instrument: usize, mode: DragMode, grab_x: f64) -> Self {
        Self {
            instrument,
            mode,
            grab_x,
            original: dossier.clone(),
            preview: dossier.clone(),
        }
    }

    /// Follows the pointer to plot x `x`, snapping to whole days.
    pub fn follow(&mut self, x: f64) {
        let days = (x - self.grab_x).round() as i64;
        let Some(orig) = self.original.instruments.get(self.instrument) else {
            return;
        };
        let shift = chrono::Duration::days(days);
        let mut inst = orig.clone();
        match self.mode {
            DragMode::Move => {
                inst.start = orig.start + shift;
                inst.end = orig.end + shift;
            }
            DragMode::Start => inst.start = (orig.start + shift).min(orig.end),
            DragMode::End => inst.end = (orig.end + shift).max(orig.start),
        }
        if let Some(slot) = self.preview.instruments.get_mut(self.instrument) {
            *slot = inst;
        }
    }
}

/// Lanes top to bottom: instruments in start order (index breaks ties).
pub fn lanes(d: &Dossier) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.instruments.len()).collect();
    order.sort_by_key(|&i| (d.instruments[i].start, i));
    order
}

fn lane_y(lane: usize) -> f64 {
    -(lane as f64)
}

fn rect(x0: f64, x1: f64, y: f64, half: f64) -> PlotPoints<'static> {
    PlotPoints::from(vec![
        [x0, y - half],
        [x1, y - half],
        [x1, y + half],
        [x0, y + half],
    ])
}

/// A bar under the pointer, and which part of it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Hit {
    instrument: usize,
    mode: DragMode,
}

fn hit_test(d: &Dossier, lanes: &[usize], p: PlotPoint, px_per_day: f64) -> Option<Hit> {
    let lane = (-p.y).round();
    if lane < 0.0 || (-p.y - lane).abs() > HALF {
        return None;
    }
    let &i = lanes.get(lane as usize)?;
    let inst = d.instruments.get(i)?;
    let (x0, x1) = (x_of(inst.start), x_of(inst.end) + 1.0);
    let tolerance = EDGE_PX / px_per_day.max(1e-9);
    if p.x < x0 - tolerance || p.x > x1 + tolerance {
        return None;
    }
    let mode = if (p.x - x0).abs() <= tolerance {
        DragMode::Start
    } else if (p.x - x1).abs() <= tolerance {
        DragMode::End
    } else {
        DragMode::Move
    };
    Some(Hit {
        instrument: i,
        mode,
    })
}

fn tooltip(ui: &mut egui::Ui, inst: &Instrument, lang: Lang) {
    ui.strong(inst.label(lang));
    ui.label(format!(
        "{} – {}",
        lang::date(inst.start, lang),
        lang::date(inst.end, lang)
    ));
    ui.label(lang::length(inst.range().days(), lang));
    ui.label(format!("Status: {}", inst.status.label(lang)));
}

/// The worst severity of the findings that name instrument `i`, and whether the selected
/// finding does.
fn marks(findings: &[Finding], selected: Option<usize>, i: usize) -> (Option<Severity>, bool) {
    let worst = findings
        .iter()
        .filter(|f| f.severity() > Severity::Info && f.instruments.contains(&i))
        .map(Finding::severity)
        .max();
    let in_selected = selected
        .and_then(|k| findings.get(k))
        .is_some_and(|f| f.instruments.contains(&i));
    (worst, in_selected)
}

fn legend_ui(ui: &mut egui::Ui, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        for t in crate::model::InstrumentType::ALL {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, palette::instrument(t));
            ui.label(t.label(lang));
        }
    });
}

/// The "plan the rest" button, or the proposal's accept and dismiss buttons.
fn plan_rest_ui(state: &mut State, ui: &mut egui::Ui, d: &Dossier, entry: usize) {
    let lang = state.lang;
    ui.horizontal(|ui| match &state.proposal {
        Some((e, p)) if *e == entry => {
            ui.label(format!(
                "{} {} {}",
                lang.pick("Voorstel:", "Proposal:"),
                p.instruments.len(),
                lang.pick("instrumenten (gestreept)", "instruments (dashed)")
            ));
            if ui.button(lang.pick("✔ Aanvaarden", "✔ Accept")).clicked() {
                let after = p.apply_to(d);
                state.apply(after, EditKey::Single);
                state.proposal = None;
            }
            if ui.button(lang.pick("✖ Verwerpen", "✖ Dismiss")).clicked() {
                state.proposal = None;
            }
        }
        _ => {
            let hint = lang.pick(
                "Stelt voor de niet-geplande maanden instrumenten voor die elke regel volgen",
                "Proposes instruments for the unplanned months that follow every rule",
            );
            if ui.button(lang.pick("Rest plannen", "Plan the rest")).on_hover_text(hint).clicked() {
                match crate::planner::plan_rest(d, &state.ws.ctx()) {
                    Some(p) => state.proposal = Some((entry, p)),
                    None => {
                        state.status = Some(
                            lang.pick(
                                "Niets te plannen: het traject is afgesloten of al volledig gepland.",
                                "Nothing to plan: the trajectory is closed or fully planned.",
                            )
                            .to_string(),
                        );
                    }
                }
            }
        }
    });
}

/// Draws the timeline of the open dossier and handles its gestures.
pub fn gantt_ui(state: &mut State, ui: &mut egui::Ui) {
    let lang = state.lang;
    let Some(d) = state.shown_dossier().cloned() else {
        ui.centered_and_justified(|ui| {
            ui.label(lang.pick("Geen dossier geopend.", "No dossier open."))
        });
        return;
    };
    let Some(entry_index) = state.sel.entry else {
        return;
    };
    let dirty = state
        .ws
        .entries
        .get(entry_index)
        .is_some_and(|e| e.is_dirty());
    ui.horizontal(|ui| {
        ui.heading(format!("{} — OCMW {}", d.id, d.ocmw));
        if dirty {
            ui.colored_label(
                palette::severity(Severity::Warning),
                lang.pick("• niet bewaard", "• unsaved"),
            );
        }
    });
    ui.label(format!(
        "{} {} – {}{}",
        lang.pick("Traject", "Trajectory"),
        lang::date(d.start, lang),
        lang::date(d.last_day(), lang),
        if d.end.is_some() {
            lang.pick(" (afgesloten)", " (closed)")
        } else {
            ""
        }
    ));
    legend_ui(ui, lang);
    plan_rest_ui(state, ui, &d, entry_index);
    let ghosts: Vec<Instrument> = match &state.proposal {
        Some((e, p)) if *e == entry_index => p.instruments.clone(),
        _ => Vec::new(),
    };

    let dark = state.dark;
    let order = lanes(&d);
    let today = state.ws.today();
    let regular_last = d.regular_last_day();
    let last_day = d.last_day();
    let deadline = add_months(d.start, ART60_START_MONTHS.value);
    let n = (order.len() + ghosts.len()).max(1);
    let view_end = d
        .instruments
        .iter()
        .chain(ghosts.iter())
        .map(|i| i.end)
        .chain([regular_last, last_day])
        .max()
        .unwrap_or(regular_last);
    let selected_inst = state.sel.instrument;
    let selected_finding = state.sel.finding;
    let dragging = state.drag.is_some();

    let plot = Plot::new(("gantt", entry_index))
        .show_axes([true, false])
        .show_grid([true, false])
        .x_grid_spacer(month_grid)
        .x_axis_formatter(move |mark, _| axis_label(mark, lang))
        .allow_drag(state.hovered_bar.is_none() && !dragging)
        .allow_boxed_zoom(false)
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        // The view opens on the trajectory (and whatever runs past it), not on every line.
        .default_x_bounds(x_of(d.start) - 20.0, x_of(view_end) + 60.0)
        .default_y_bounds(-(n as f64) + 0.4, 0.8)
        .label_formatter(|_| None)
        .show_crosshair(false);

    let findings: &[Finding] = state
        .ws
        .entries
        .get(entry_index)
        .map_or(&[], |e| &e.findings);
    let findings_owned: Vec<(Option<Severity>, bool)> = (0..d.instruments.len())
        .map(|i| marks(findings, selected_finding, i))
        .collect();
    let response = plot.show(ui, |plot_ui| {
        let bounds = plot_ui.plot_bounds();
        let (x_lo, x_hi) = (bounds.min()[0], bounds.max()[0]);
        let (y_lo, y_hi) = (bounds.min()[1], bounds.max()[1]);
        plot_ui.span(
            Span::new(
                lang.pick("24 maanden", "24 months"),
                x_of(d.start)..=x_of(regular_last) + 1.0,
            )
            .fill(palette::window_fill(dark))
            .border_width(0.0),
        );
        let year_line = palette::year_line(dark);
        plot_ui.vline(VLine::new(lang.pick("Start", "Start"), x_of(d.start)).color(year_line));
        let year2 = add_months(d.start, 12);
        plot_ui.vline(
            VLine::new(lang.pick("Trajectjaar 2", "Trajectory year 2"), x_of(year2))
                .color(year_line)
                .style(LineStyle::dashed_dense()),
        );
        plot_ui.vline(
            VLine::new(
                lang.pick("Einde 24 maanden", "End of 24 months"),
                x_of(regular_last) + 1.0,
            )
            .color(year_line),
        );
        plot_ui.vline(
            VLine::new(
                lang.pick("Uiterste start art. 60§7", "Art. 60§7 start deadline"),
                x_of(deadline) + 1.0,
            )
            .color(palette::DEADLINE)
            .style(LineStyle::dashed_loose()),
        );
        if let Some(end) = d.end {
            plot_ui.vline(
                VLine::new(
                    lang.pick("Einde traject", "Trajectory end"),
                    x_of(end) + 1.0,
                )
                .color(year_line)
                .width(2.0),
            );
        }
        plot_ui.vline(
            VLine::new(lang.pick("Vandaag", "Today"), x_of(today) + 0.5)
                .color(palette::TODAY)
                .width(1.5),
        );
        let text_y = 0.55;
        plot_ui.text(
            Text::new(
                "y1",
                PlotPoint::new(x_of(d.start) + 3.0, text_y),
                lang.pick("Jaar 1", "Year 1"),
            )
            .anchor(egui::Align2::LEFT_CENTER),
        );
        plot_ui.text(
            Text::new(
                "y2",
                PlotPoint::new(x_of(year2) + 3.0, text_y),
                lang.pick("Jaar 2", "Year 2"),
            )
            .anchor(egui::Align2::LEFT_CENTER),
        );

        for (lane, &i) in order.iter().enumerate() {
            let y = lane_y(lane);
            // Only the lanes and bars inside the view are built.
            if y + HALF < y_lo || y - HALF > y_hi {
                continue;
            }
            let inst = &d.instruments[i];
            let t = inst.kind.kind_type();
            let fill = palette::instrument(t);
            let (x0, x1) = (x_of(inst.start), x_of(inst.end) + 1.0);
            if x1 < x_lo || x0 > x_hi {
                continue;
            }
            let (worst, in_finding) = findings_owned[i];
            let selected = selected_inst == Some(i);
            let outline = if selected {
                Stroke::new(3.0, palette::selection(dark))
            } else if in_finding {
                Stroke::new(3.0, palette::FINDING)
            } else if let Some(s) = worst {
                Stroke::new(2.0, palette::severity(s))
            } else {
                Stroke::new(1.0, fill.gamma_multiply(0.6))
            };
            if inst.end < inst.start {
                // Dates swapped: a red marker where it starts.
                plot_ui.polygon(
                    Polygon::new(format!("bar{i}"), rect(x0 - 2.0, x0 + 2.0, y, HALF))
                        .fill_color(palette::severity(Severity::Error))
                        .stroke(outline),
                );
                continue;
            }
            let cut = x_of(last_day) + 1.0;
            let inside_end = x1.min(cut);
            if inside_end > x0 {
                plot_ui.polygon(
                    Polygon::new(format!("bar{i}"), rect(x0, inside_end, y, HALF))
                        .fill_color(fill)
                        .stroke(outline),
                );
            }
            if x1 > cut {
                // Past the trajectory's end: faded and dashed; IBO continues with VDAB, WES stops.
                let past_from = x0.max(cut);
                plot_ui.polygon(
                    Polygon::new(format!("past{i}"), rect(past_from, x1, y, HALF * 0.7))
                        .fill_color(fill.gamma_multiply(0.3))
                        .stroke(Stroke::new(1.5, fill))
                        .style(LineStyle::dashed_dense()),
                );
                let note = match inst.kind {
                    InstrumentKind::Ibo => lang.pick("VDAB neemt over", "VDAB takes over"),
                    InstrumentKind::Wes => lang.pick(
                        "stopt: WES niet overdraagbaar",
                        "stops: WES not transferable",
                    ),
                    _ => lang.pick("buiten traject", "outside trajectory"),
                };
                plot_ui.text(
                    Text::new(
                        format!("note{i}"),
                        PlotPoint::new(past_from + 2.0, y - HALF - 0.12),
                        note,
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
            let label = format!(
                "{} · {}–{}",
                inst.label(lang),
                lang::date(inst.start, lang),
                lang::date(inst.end, lang)
            );
            let text_color = if dark { Color32::WHITE } else { Color32::BLACK };
            plot_ui.text(
                Text::new(
                    format!("label{i}"),
                    PlotPoint::new(x0 + 2.0, y),
                    egui::RichText::new(label).color(text_color).strong(),
                )
                .anchor(egui::Align2::LEFT_CENTER),
            );
        }
        for (k, inst) in ghosts.iter().enumerate() {
            let y = lane_y(order.len() + k);
            let fill = palette::instrument(inst.kind.kind_type());
            let (x0, x1) = (x_of(inst.start), x_of(inst.end) + 1.0);
            plot_ui.polygon(
                Polygon::new(format!("ghost{k}"), rect(x0, x1, y, HALF))
                    .fill_color(fill.gamma_multiply(0.25))
                    .stroke(Stroke::new(1.5, fill))
                    .style(LineStyle::dashed_loose()),
            );
            let label = format!(
                "{}: {} · {}–{}",
                lang.pick("voorstel", "proposal"),
                inst.label(lang),
                lang::date(inst.start, lang),
                lang::date(inst.end, lang)
            );
            plot_ui.text(
                Text::new(
                    format!("ghost-label{k}"),
                    PlotPoint::new(x0 + 2.0, y),
                    label,
                )
                .anchor(egui::Align2::LEFT_CENTER),
            );
        }
        let transform = plot_ui.transform();
        let px_per_day =
            f64::from(transform.frame().width()) / transform.bounds().width().max(1e-9);
        (plot_ui.pointer_coordinate(), px_per_day)
    });

    let (pointer, px_per_day) = response.inner;
    state.gantt_transform = Some(response.transform);
    let plot_response = response.response;
    let hit = pointer.and_then(|p| hit_test(&d, &order, p, px_per_day));
    if !dragging {
        state.hovered_bar = hit.map(|h| h.instrument);
    }

    if let Some(h) = hit {
        let icon = match h.mode {
            DragMode::Move => egui::CursorIcon::Grab,
            DragMode::Start | DragMode::End => egui::CursorIcon::ResizeHorizontal,
        };
        ui.ctx().set_cursor_icon(icon);
    }
    // The gesture starts where the button went down, not where egui recognised the drag.
    let origin = ui
        .input(|i| i.pointer.press_origin())
        .map(|pos| response.transform.value_from_position(pos));
    let grab = origin.or(pointer);
    let hit_at_grab = grab.and_then(|p| hit_test(&d, &order, p, px_per_day));
    if plot_response.drag_started()
        && let (Some(h), Some(p)) = (hit_at_grab, grab)
        && let Some(entry) = state.ws.entries.get(entry_index)
    {
        state.drag = Some(Drag::new(&entry.dossier, h.instrument, h.mode, p.x));
        state.sel.instrument = Some(h.instrument);
    }
    if let Some(drag) = &mut state.drag {
        if let Some(p) = pointer {
            drag.follow(p.x);
        }
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        if let Some(inst) = drag.preview.instruments.get(drag.instrument) {
            plot_response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip(ui, inst, lang));
        }
    } else if let Some(h) = hit
        && let Some(inst) = d.instruments.get(h.instrument)
    {
        plot_response
            .clone()
            .on_hover_ui_at_pointer(|ui| tooltip(ui, inst, lang));
    }
    if plot_response.drag_stopped()
        && let Some(drag) = state.drag.take()
    {
        // The checks run once, when the gesture ends.
        state.apply(drag.preview, EditKey::Single);
        state.sel.instrument = Some(drag.instrument);
        state.hovered_bar = None;
    }
    if plot_response.clicked() {
        state.sel.instrument = hit.map(|h| h.instrument);
        state.sel.finding = None;
    }
}

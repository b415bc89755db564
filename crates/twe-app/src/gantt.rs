//! The dossier timeline: one lane per instrument over the 24-month window, edited in place.
//! [`Timeline`] owns what its gestures need between frames (the drag, the bar under the
//! pointer, the plot's mapping to the screen, a "plan the rest" proposal) and emits edits
//! as actions; the dossier itself is only read.

use super::action::{Action, Edit, Select, Setting};
use super::command::Command;
use super::cx::ViewCx;
use super::palette;
use super::panel::Panel;
use super::timeline::{axis_label, month_grid, x_of};
use egui::{Color32, Stroke};
use egui_plot::{
    LineStyle, Plot, PlotPoint, PlotPoints, PlotTransform, PlotUi, Polygon, Span, Text, VLine,
};
use twe_core::lang::{self, Lang};
use twe_core::model::calendar::add_months;
use twe_core::model::timeline;
use twe_core::model::{Dossier, Instrument, InstrumentKind, Part, Step};
use twe_core::planner::Proposal;
use twe_core::rules::params::ART60_START_MONTHS;
use twe_core::rules::{Finding, Severity};
use twe_core::workspace::EditKey;

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
        let part = match self.mode {
            DragMode::Move => Part::Whole,
            DragMode::Start => Part::Start,
            DragMode::End => Part::End,
        };
        let inst = orig.nudged(part, Step::Days(days));
        if let Some(slot) = self.preview.instruments.get_mut(self.instrument) {
            *slot = inst;
        }
    }
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

/// A press of the primary button on the timeline.
#[derive(Clone, Copy, Debug)]
struct Press {
    /// Where, on screen.
    origin: egui::Pos2,
    /// Where, on the plot.
    at: PlotPoint,
    /// The bar and its part under it, as shown then.
    hit: Option<Hit>,
}

/// The pointer must travel this far (points) before a press becomes a drag.
const DRAG_SLOP: f32 = 3.0;

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
    ui.label(super::timeline::length_words(inst, lang));
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
        for t in twe_core::model::InstrumentType::ALL {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, palette::instrument(t));
            ui.label(t.label(lang));
        }
    });
}

/// The timeline panel.
#[derive(Default)]
pub struct Timeline {
    /// A bar being dragged, with its live preview.
    drag: Option<Drag>,
    /// Where the button went down on the timeline and what was there, until it comes up:
    /// the gesture is decided at the press, whatever happens in the frames between.
    press: Option<Press>,
    /// The bar under the pointer in the last frame: the plot must not pan when a drag
    /// starts there.
    hovered_bar: Option<usize>,
    /// The plot-to-screen mapping of the last frame, to find a bar on screen.
    transform: Option<PlotTransform>,
    /// A "plan the rest" proposal shown as ghost bars: the entry and the instruments.
    proposal: Option<(usize, Proposal)>,
    /// The dossier, its number of bars and the lanes shown when the view was last fitted:
    /// a new bar (an added instrument, a proposal) refits it, so it is seen at once.
    fitted: Option<(usize, usize, usize)>,
    /// What the arrow keys change on the focused bar.
    part: Part,
    /// A bar to give the keyboard focus to when next drawn (it was clicked, added, or
    /// reached with Up/Down): the entry and the instrument.
    focus_bar: Option<(usize, usize)>,
}

/// What one frame of the plot reports back.
struct PlotOutput {
    /// The pointer in plot coordinates, if over the plot.
    pointer: Option<PlotPoint>,
    /// Screen pixels per day.
    px_per_day: f64,
}

impl Timeline {
    /// The dossier as a drag would leave it, while a bar is being dragged.
    pub fn preview(&self) -> Option<&Dossier> {
        self.drag.as_ref().map(|d| &d.preview)
    }

    /// The proposal shown as ghost bars, with its entry.
    pub fn proposal(&self) -> Option<&(usize, Proposal)> {
        self.proposal.as_ref()
    }

    /// Drops the proposal (the dossier was edited).
    pub fn forget_proposal(&mut self) {
        self.proposal = None;
    }

    /// Drops the drag, the proposal and a pending focus (another dossier or workspace was
    /// opened).
    pub fn reset(&mut self) {
        self.drag = None;
        self.proposal = None;
        self.focus_bar = None;
    }

    /// The screen area of the plot in the last frame.
    pub fn plot_frame(&self) -> Option<egui::Rect> {
        self.transform.map(|t| *t.frame())
    }

    /// Where instrument `i`'s bar of `d` was drawn in the last frame.
    pub fn bar_rect(&self, d: &Dossier, i: usize) -> Option<egui::Rect> {
        let t = self.transform?;
        let lane = timeline::lanes(d).iter().position(|&k| k == i)?;
        let inst = d.instruments.get(i)?;
        let y = lane_y(lane);
        let a = PlotPoint::new(x_of(inst.start), y - 0.3);
        let b = PlotPoint::new(x_of(inst.end) + 1.0, y + 0.3);
        Some(t.rect_from_values(&a, &b))
    }

    /// The bars as widgets for the keyboard and screen readers: each takes the focus (Tab,
    /// a click, Up/Down), says what it is, and answers the keys of [`Self::bar_keys`].
    fn bars_ui(
        &mut self,
        k: &KeyedBars<'_>,
        cx: &ViewCx<'_>,
        ui: &mut egui::Ui,
        out: &mut Vec<Action>,
    ) {
        let frame = *k.transform.frame();
        let mut focused = None;
        for (lane, &i) in k.order.iter().enumerate() {
            let Some(inst) = k.d.instruments.get(i) else {
                continue;
            };
            let y = lane_y(lane);
            let drawn = k.transform.rect_from_values(
                &PlotPoint::new(x_of(inst.start), y - HALF),
                &PlotPoint::new(x_of(inst.end) + 1.0, y + HALF),
            );
            let visible = drawn.intersect(frame);
            // A bar scrolled out of view still takes the focus, from a point at the edge.
            let rect = if visible.is_positive() {
                visible
            } else {
                egui::Rect::from_min_size(frame.left_top(), egui::Vec2::ZERO)
            };
            let id = bar_id(k.entry_index, i);
            let r = ui.interact(rect, id, egui::Sense::FOCUSABLE);
            // Worded only when a screen reader (or a test) asks: the closure runs lazily.
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    bar_name(k.d, i, k.findings, cx.lang),
                )
            });
            if self.focus_bar == Some((k.entry_index, i)) {
                r.request_focus();
                self.focus_bar = None;
            }
            if r.gained_focus() {
                out.push(Action::Select(Select::SelectInstrument(Some(i))));
                if !visible.is_positive() {
                    self.fitted = None;
                }
            }
            if r.has_focus() {
                focused = Some((lane, i, rect));
            }
        }
        let Some((lane, i, rect)) = focused else {
            self.part = Part::Whole;
            hint_ui(ui, &bar_hint(ui.ctx(), cx.lang));
            return;
        };
        let id = bar_id(k.entry_index, i);
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: true,
                },
            );
        });
        // The focus ring, and the edge the arrows move.
        let stroke = Stroke::new(2.0, palette::selection(cx.dark()));
        ui.painter()
            .rect_stroke(rect.expand(3.0), 3.0, stroke, egui::StrokeKind::Outside);
        let edge = match self.part {
            Part::Whole => None,
            Part::Start => Some(rect.left()),
            Part::End => Some(rect.right()),
        };
        if let Some(x) = edge {
            ui.painter().line_segment(
                [
                    egui::pos2(x, rect.top() - 6.0),
                    egui::pos2(x, rect.bottom() + 6.0),
                ],
                Stroke::new(4.0, palette::selection(cx.dark())),
            );
        }
        let hint = keys_hint(self.part, ui.ctx(), cx.lang);
        hint_ui(ui, &hint);
        self.bar_keys(k, lane, i, ui, out);
    }

    /// The keys on a focused bar: arrows move its part (a day; Shift a week; Ctrl a month),
    /// Home and End choose the start or the end, Esc the whole bar again (or leaves it),
    /// Up and Down go to the bar above or below, Delete removes it and Insert adds one.
    fn bar_keys(
        &mut self,
        k: &KeyedBars<'_>,
        lane: usize,
        i: usize,
        ui: &mut egui::Ui,
        out: &mut Vec<Action>,
    ) {
        // A drag owns the bar until it ends: its last frame sets the dossier.
        if self.drag.is_some() {
            return;
        }
        let pressed = ui.input_mut(|input| {
            // Shift and Ctrl first: egui matches a plain key even while Shift is held. Every
            // press counts (a slow frame can hold several, or a held key's repeats).
            let moves = [
                (Command::BarWeekEarlier, Step::Days(-7)),
                (Command::BarWeekLater, Step::Days(7)),
                (Command::BarMonthEarlier, Step::Months(-1)),
                (Command::BarMonthLater, Step::Months(1)),
                (Command::BarDayEarlier, Step::Days(-1)),
                (Command::BarDayLater, Step::Days(1)),
            ];
            for (command, step) in moves {
                let n = i32::try_from(command.count(input)).unwrap_or(i32::MAX);
                if n != 0 {
                    return Some(BarKey::Nudge(step.times(n)));
                }
            }
            [
                (Command::BarStart, BarKey::Part(Part::Start)),
                (Command::BarEnd, BarKey::Part(Part::End)),
                (Command::BarWhole, BarKey::Escape),
                (Command::BarAbove, BarKey::Lane(-1)),
                (Command::BarBelow, BarKey::Lane(1)),
                (Command::BarDelete, BarKey::Delete),
                (Command::BarAdd, BarKey::Add),
            ]
            .into_iter()
            .find(|(command, _)| command.consume(input))
            .map(|(_, what)| what)
        });
        let Some(pressed) = pressed else {
            return;
        };
        let edit = |dossier: Dossier, key: EditKey| {
            Action::Edit(Edit::Replace {
                entry: k.entry_index,
                dossier,
                key,
            })
        };
        match pressed {
            BarKey::Nudge(step) => {
                let mut d = k.d.clone();
                if let Some(inst) = d.instruments.get_mut(i) {
                    *inst = inst.nudged(self.part, step);
                }
                // Steps on one bar are one undo step, as typing in one field is.
                out.push(edit(d, EditKey::Field(format!("bar-{i}"))));
                self.focus_bar = Some((k.entry_index, i));
            }
            BarKey::Part(part) => self.part = part,
            BarKey::Escape if self.part != Part::Whole => self.part = Part::Whole,
            BarKey::Escape => ui.memory_mut(|m| m.surrender_focus(bar_id(k.entry_index, i))),
            BarKey::Lane(step) => {
                let to = lane.checked_add_signed(step).and_then(|l| k.order.get(l));
                if let Some(&to) = to {
                    self.focus_bar = Some((k.entry_index, to));
                    self.part = Part::Whole;
                }
            }
            BarKey::Delete => {
                let mut d = k.d.clone();
                if i < d.instruments.len() {
                    let gone = d.instruments.remove(i);
                    out.push(Action::Setting(Setting::Status(
                        super::command::deleted_status(ui.ctx(), move |lang| gone.label(lang)),
                    )));
                    out.push(edit(d, EditKey::Single));
                    // The bar below, or above when it was the last (indices after it shift).
                    let next = k
                        .order
                        .get(lane + 1)
                        .or_else(|| lane.checked_sub(1).and_then(|l| k.order.get(l)));
                    let next = next.map(|&n| if n > i { n - 1 } else { n });
                    self.focus_bar = next.map(|n| (k.entry_index, n));
                    out.push(Action::Select(Select::SelectInstrument(next)));
                }
            }
            BarKey::Add => {
                let mut d = k.d.clone();
                d.instruments.push(d.next_instrument());
                let added = d.instruments.len() - 1;
                self.focus_bar = Some((k.entry_index, added));
                out.push(edit(d, EditKey::Single));
                out.push(Action::Select(Select::SelectInstrument(Some(added))));
            }
        }
    }
}

/// A key pressed on a focused bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BarKey {
    /// Move the chosen part by a step.
    Nudge(Step),
    /// Choose what the arrows move.
    Part(Part),
    /// Back to the whole bar, or out of the timeline.
    Escape,
    /// The bar above (−1) or below (1).
    Lane(isize),
    /// Remove the instrument.
    Delete,
    /// Add one after the last.
    Add,
}

/// What the keyboard handling of the bars reads from the frame.
struct KeyedBars<'a> {
    d: &'a Dossier,
    entry_index: usize,
    order: &'a [usize],
    findings: &'a [Finding],
    transform: &'a PlotTransform,
}

/// The widget id of instrument `i`'s bar in entry `entry`'s timeline.
fn bar_id(entry: usize, i: usize) -> egui::Id {
    egui::Id::NULL.with(("timeline-bar", entry, i))
}

/// What a screen reader says of a bar: "WES, 1 Sep 2020 to 28 Feb 2021, 6 months, runs past
/// the end, 1 error".
pub fn bar_name(d: &Dossier, i: usize, findings: &[Finding], lang: Lang) -> String {
    use std::fmt::Write as _;
    let Some(inst) = d.instruments.get(i) else {
        return String::new();
    };
    let mut name = format!(
        "{}, {} {} {}, {}",
        inst.label(lang),
        lang::date(inst.start, lang),
        lang.pick("tot", "to"),
        lang::date(inst.end, lang),
        inst.length_label(lang)
    );
    if inst.end > d.last_day() {
        name.push_str(lang.pick(", loopt voorbij het einde", ", runs past the end"));
    }
    for s in [Severity::Error, Severity::Warning] {
        let n = findings
            .iter()
            .filter(|f| f.severity() == s && f.instruments.contains(&i))
            .count();
        if n > 0 {
            let _ = write!(name, ", {n} {}", s.label(lang));
        }
    }
    name
}

/// The hint under the timeline while no bar has the focus.
fn bar_hint(ctx: &egui::Context, lang: Lang) -> String {
    let help = Command::Help.shortcut_text(ctx, lang).unwrap_or_default();
    format!(
        "{} ({help}: {})",
        lang.pick(
            "Klik op een balk of ga er met Tab naartoe om hem met de pijltjes te verschuiven",
            "Click a bar or Tab to it to move it with the arrow keys",
        ),
        lang.pick("alle toetsen", "every key"),
    )
}

/// The height the hint under the timeline takes at the width it has: the longer of its
/// two forms, wrapped, so the plot leaves it room and it never runs under what follows.
fn hint_height(ui: &egui::Ui, part: Part, lang: Lang) -> f32 {
    let width = ui.available_width().max(1.0);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let texts = [bar_hint(ui.ctx(), lang), keys_hint(part, ui.ctx(), lang)];
    let tallest = texts
        .into_iter()
        .map(|t| {
            ui.ctx()
                .fonts_mut(|f| f.layout(t, font.clone(), Color32::WHITE, width).size().y)
        })
        .fold(0.0_f32, f32::max);
    tallest + ui.spacing().item_spacing.y
}

/// The hint under the timeline: wrapped where the timeline is narrow, never cut (at
/// 1024×600 the keys it names ran out of the window).
fn hint_ui(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
}

/// The line under the timeline while a bar has the focus: which keys do what, written from
/// the registry.
fn keys_hint(part: Part, ctx: &egui::Context, lang: Lang) -> String {
    let k = |c: Command| c.shortcut_text(ctx, lang).unwrap_or_default();
    // "Shift+Left/Right": two keys with the same modifiers written once.
    let pair = |a: Command, b: Command| {
        let (a, b) = (k(a), k(b));
        let common = a
            .rfind('+')
            .filter(|&i| b.get(..=i) == a.get(..=i))
            .map_or(0, |i| i + 1);
        format!("{a}/{}", &b[common..])
    };
    let moves = format!(
        "{}: {} · {}: {} · {}: {}",
        pair(Command::BarDayEarlier, Command::BarDayLater),
        match part {
            Part::Whole => lang.pick("de balk een dag", "the bar a day"),
            Part::Start => lang.pick("het begin een dag", "the start a day"),
            Part::End => lang.pick("het einde een dag", "the end a day"),
        },
        pair(Command::BarWeekEarlier, Command::BarWeekLater),
        lang.pick("een week", "a week"),
        pair(Command::BarMonthEarlier, Command::BarMonthLater),
        lang.pick("een maand", "a month"),
    );
    match part {
        Part::Whole => format!(
            "{moves} · {}: {} · {}: {} · {}: {} · {}: {}",
            pair(Command::BarStart, Command::BarEnd),
            lang.pick("begin/einde", "start/end"),
            pair(Command::BarAbove, Command::BarBelow),
            lang.pick("andere balk", "other bar"),
            k(Command::BarDelete),
            lang.pick("verwijderen", "delete"),
            k(Command::BarAdd),
            lang.pick("toevoegen", "add"),
        ),
        Part::Start | Part::End => format!(
            "{moves} · {}: {} · {}: {}",
            k(if part == Part::Start {
                Command::BarEnd
            } else {
                Command::BarStart
            }),
            if part == Part::Start {
                lang.pick("het einde", "the end")
            } else {
                lang.pick("het begin", "the start")
            },
            k(Command::BarWhole),
            lang.pick("de hele balk", "the whole bar"),
        ),
    }
}

/// The dossier's id and OCMW, whether it is unsaved, and its trajectory's dates.
fn header_ui(ui: &mut egui::Ui, d: &Dossier, dirty: bool, lang: Lang) {
    // Wrapped: on one line, "• unsaved" beside a long OCMW's name made the row wider than
    // the panel at 1024×600, and the legend and the hint below were then cut at its edge.
    ui.horizontal_wrapped(|ui| {
        // An empty OCMW says so, rather than "OCMW" and nothing.
        let ocmw = if d.ocmw.trim().is_empty() {
            lang.pick("geen OCMW ingevuld", "no OCMW filled in")
                .to_string()
        } else {
            format!("OCMW {}", d.ocmw)
        };
        ui.heading(format!("{} — {ocmw}", d.id));
        if dirty {
            ui.colored_label(
                palette::severity(Severity::Warning, ui.visuals().dark_mode),
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
}

/// The "plan the rest" button, or the proposal's accept and dismiss buttons.
fn plan_rest_ui(
    proposal: &mut Option<(usize, Proposal)>,
    cx: &ViewCx<'_>,
    ui: &mut egui::Ui,
    d: &Dossier,
    entry: usize,
    out: &mut Vec<Action>,
) {
    let lang = cx.lang;
    // Wrapped: at 1024×600 the row ran under the editor and "Dismiss" could not be reached.
    ui.horizontal_wrapped(|ui| match proposal {
        Some((e, p)) if *e == entry => {
            ui.label(format!(
                "{} {} {}",
                lang.pick("Voorstel:", "Proposal:"),
                p.instruments.len(),
                lang.pick("instrumenten (gestreept)", "instruments (dashed)")
            ));
            let mut done = false;
            if ui.button(lang.pick("✔ Aanvaarden", "✔ Accept")).clicked() {
                out.push(Action::Edit(Edit::Replace {
                    entry,
                    dossier: p.apply_to(d),
                    key: EditKey::Single,
                }));
                done = true;
            }
            if ui.button(lang.pick("✖ Verwerpen", "✖ Dismiss")).clicked() {
                done = true;
            }
            if done {
                *proposal = None;
            }
        }
        _ => {
            let hint = lang.pick(
                "Stelt voor de niet-geplande maanden instrumenten voor die elke regel volgen",
                "Proposes instruments for the unplanned months that follow every rule",
            );
            if ui
                .button(lang.pick("Rest plannen", "Plan the rest"))
                .on_hover_text(hint)
                .clicked()
            {
                if let Some(p) = twe_core::planner::plan_rest(d, &cx.ws.ctx()) {
                    *proposal = Some((entry, p));
                } else {
                    let days = twe_core::rules::params::INACTIVE_MAX_DAYS.value;
                    out.push(Action::Setting(Setting::Status(twe_core::lang::Text::new(
                        format!(
                            "Niets te plannen: het traject is afgesloten, of heeft na de \
                             start van de art. 60§7-tewerkstelling geen periode van meer \
                             dan {days} dagen zonder instrument."
                        ),
                        format!(
                            "Nothing to plan: the trajectory is closed, or has no period \
                             of more than {days} days without an instrument after the \
                             art. 60§7 employment starts."
                        ),
                    ))));
                }
            }
        }
    });
}

/// What one frame of the timeline draws.
struct Scene<'a> {
    /// The dossier as shown.
    d: &'a Dossier,
    /// Its instruments' lanes, top to bottom.
    order: &'a [usize],
    /// Proposed instruments, drawn dashed below the others.
    ghosts: &'a [Instrument],
    /// The open dossier's findings, whose instruments are outlined.
    findings: &'a [Finding],
    /// What a quick fix under the pointer would make of the dossier.
    preview: Option<&'a Dossier>,
    cx: &'a ViewCx<'a>,
}

impl Scene<'_> {
    /// The plot, its view opened on the trajectory (and whatever runs past it).
    fn plot(&self, entry_index: usize, lanes: usize, allow_drag: bool) -> Plot<'static> {
        let (d, lang) = (self.d, self.cx.lang);
        let regular_last = d.regular_last_day();
        let n = lanes.max(1);
        let view_end = d
            .instruments
            .iter()
            .chain(self.ghosts)
            .map(|i| i.end)
            .chain([regular_last, d.last_day()])
            .max()
            .unwrap_or(regular_last);
        Plot::new(("gantt", entry_index))
            .show_axes([true, false])
            .show_grid([true, false])
            .x_grid_spacer(month_grid)
            .x_axis_formatter(move |mark, _| axis_label(mark, lang))
            .allow_drag(allow_drag)
            .allow_boxed_zoom(false)
            .allow_zoom([true, false])
            .allow_scroll([true, false])
            .default_x_bounds(x_of(d.start) - 20.0, x_of(view_end) + 60.0)
            .default_y_bounds(-(n as f64) + 0.4, 0.8)
            .label_formatter(|_| None)
            .show_crosshair(false)
    }

    /// Draws everything inside the plot; reports the pointer and the scale.
    fn draw(&self, plot_ui: &mut PlotUi<'_>) -> PlotOutput {
        self.markers(plot_ui);
        let bounds = plot_ui.plot_bounds();
        let selected_finding = self.cx.sel.finding;
        for (lane, &i) in self.order.iter().enumerate() {
            let y = lane_y(lane);
            // Only the lanes and bars inside the view are built.
            if y + HALF < bounds.min()[1] || y - HALF > bounds.max()[1] {
                continue;
            }
            let marks = marks(self.findings, selected_finding, i);
            self.bar(plot_ui, i, y, marks, (bounds.min()[0], bounds.max()[0]));
        }
        self.ghosts_ui(plot_ui);
        self.preview_ui(plot_ui);
        let transform = plot_ui.transform();
        let px_per_day =
            f64::from(transform.frame().width()) / transform.bounds().width().max(1e-9);
        PlotOutput {
            pointer: plot_ui.pointer_coordinate(),
            px_per_day,
        }
    }

    /// The open dossier's coming due dates (its agenda), as diamonds above the lanes whose
    /// hover names the action and the day.
    fn due_markers(&self, plot_ui: &mut PlotUi<'_>) {
        let (lang, dark) = (self.cx.lang, self.cx.dark());
        let Some((_, entry)) = self.cx.open_entry() else {
            return;
        };
        for item in entry.agenda() {
            let name = due_name(item, lang);
            plot_ui.points(
                egui_plot::Points::new(name, vec![[x_of(item.due.day) + 0.5, 0.3]])
                    .shape(egui_plot::MarkerShape::Diamond)
                    .filled(true)
                    .radius(6.0)
                    .color(palette::deadline(dark)),
            );
        }
    }

    /// The notes as small ticks on the top edge, each named by its day and kind (never its
    /// text: the timeline may be on a shared screen).
    fn note_ticks(&self, plot_ui: &mut PlotUi<'_>) {
        let (lang, dark) = (self.cx.lang, self.cx.dark());
        for note in &self.d.notes {
            let name = note_name(note, lang);
            plot_ui.points(
                egui_plot::Points::new(name, vec![[x_of(note.date) + 0.5, 0.42]])
                    .shape(egui_plot::MarkerShape::Down)
                    .filled(true)
                    .radius(4.0)
                    .color(palette::year_line(dark)),
            );
        }
    }

    /// The 24-month window, the year boundary, the end, the art. 60§7 deadline and today.
    fn markers(&self, plot_ui: &mut PlotUi<'_>) {
        let (d, lang, dark) = (self.d, self.cx.lang, self.cx.dark());
        let regular_last = d.regular_last_day();
        // The span's own name sits in its middle, on "Year 2": the window is named at its
        // end instead, below.
        plot_ui.span(
            Span::new("", x_of(d.start)..=x_of(regular_last) + 1.0)
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
        let deadline = add_months(d.start, ART60_START_MONTHS.value);
        plot_ui.vline(
            VLine::new(
                lang.pick("Uiterste start art. 60§7", "Art. 60§7 start deadline"),
                x_of(deadline) + 1.0,
            )
            .color(palette::deadline(dark))
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
            VLine::new(
                lang.pick("Vandaag", "Today"),
                x_of(self.cx.ws.today()) + 0.5,
            )
            .color(palette::today(dark))
            .width(1.5),
        );
        self.due_markers(plot_ui);
        self.note_ticks(plot_ui);
        let text_y = 0.55;
        for (name, x, text) in [
            ("y1", d.start, lang.pick("Jaar 1", "Year 1")),
            ("y2", year2, lang.pick("Jaar 2", "Year 2")),
        ] {
            plot_ui.text(
                Text::new(name, PlotPoint::new(x_of(x) + 3.0, text_y), text)
                    .anchor(egui::Align2::LEFT_CENTER),
            );
        }
        plot_ui.text(
            Text::new(
                "24m",
                PlotPoint::new(x_of(regular_last) - 2.0, text_y),
                lang.pick("24 maanden", "24 months"),
            )
            .anchor(egui::Align2::RIGHT_CENTER),
        );
    }

    /// Instrument `i`'s bar in lane `y`: outlined by selection or findings, the part past
    /// the trajectory's end faded and dashed, and labelled.
    fn bar(
        &self,
        plot_ui: &mut PlotUi<'_>,
        i: usize,
        y: f64,
        (worst, in_finding): (Option<Severity>, bool),
        (x_lo, x_hi): (f64, f64),
    ) {
        let (d, lang, dark) = (self.d, self.cx.lang, self.cx.dark());
        let inst = &d.instruments[i];
        let fill = palette::instrument(inst.kind.kind_type());
        let (x0, x1) = (x_of(inst.start), x_of(inst.end) + 1.0);
        if x1 < x_lo || x0 > x_hi {
            return;
        }
        let outline = if self.cx.sel.instrument == Some(i) {
            Stroke::new(3.0, palette::selection(dark))
        } else if in_finding {
            Stroke::new(3.0, palette::finding(dark))
        } else if let Some(s) = worst {
            Stroke::new(2.0, palette::severity(s, dark))
        } else {
            Stroke::new(1.5, palette::instrument_edge(inst.kind.kind_type(), dark))
        };
        if inst.end < inst.start {
            // Dates swapped: a red marker where it starts.
            plot_ui.polygon(
                Polygon::new(format!("bar{i}"), rect(x0 - 2.0, x0 + 2.0, y, HALF))
                    .fill_color(palette::severity(Severity::Error, dark))
                    .stroke(outline),
            );
            return;
        }
        let cut = x_of(d.last_day()) + 1.0;
        let inside_end = x1.min(cut);
        if inside_end > x0 {
            plot_ui.polygon(
                Polygon::new(format!("bar{i}"), rect(x0, inside_end, y, HALF))
                    .fill_color(fill)
                    .stroke(outline),
            );
        }
        if x1 > cut {
            past_end_ui(plot_ui, inst, i, (x0.max(cut), x1), x_hi, y, lang);
        }
        let full = format!(
            "{} · {}–{}",
            inst.label(lang),
            lang::date(inst.start, lang),
            lang::date(inst.end, lang)
        );
        let short = inst.label(lang);
        // Inside the bar when it fits (black or white, whichever reads on the fill), else
        // beside it in the theme's text colour, after or before, whichever side has room
        // in the plot; where the dates do not fit, the name alone (the hover, the editor
        // and a screen reader give the dates): never text over two backgrounds, never cut
        // at the plot's edge (at 1024×600 every label ran out of it).
        let (px_per_day, full_w) = label_room(plot_ui, &full);
        let (_, short_w) = label_room(plot_ui, &short);
        let px = |x: f64| (x - x_lo) * px_per_day;
        let bar = (px(x0.max(x_lo)), px(inside_end.min(x_hi)));
        let right = px(x1.min(x_hi));
        let (use_full, place) = place_label(bar, right, px(x_hi), full_w, short_w);
        let label = if use_full { full } else { short };
        let strong = plot_ui.ctx().global_style().visuals.strong_text_color();
        let (at, color, anchor) = match place {
            Place::Inside => (
                x0.max(x_lo) + 3.0 / px_per_day,
                palette::text_on(fill),
                egui::Align2::LEFT_CENTER,
            ),
            Place::After => (x1 + 4.0 / px_per_day, strong, egui::Align2::LEFT_CENTER),
            Place::Before => (
                x0.max(x_lo) - 4.0 / px_per_day,
                strong,
                egui::Align2::RIGHT_CENTER,
            ),
        };
        plot_ui.text(
            Text::new(
                format!("label{i}"),
                PlotPoint::new(at, y),
                egui::RichText::new(label).color(color).strong(),
            )
            .anchor(anchor),
        );
    }

    /// What a quick fix would change, drawn over the dossier: each instrument it moves or
    /// resizes as a dashed outline in its own lane, and a new end of the trajectory.
    fn preview_ui(&self, plot_ui: &mut PlotUi<'_>) {
        let Some(after) = self.preview else {
            return;
        };
        let lang = self.cx.lang;
        let color = palette::selection(self.cx.dark());
        for (lane, &i) in self.order.iter().enumerate() {
            let (Some(was), Some(now)) = (self.d.instruments.get(i), after.instruments.get(i))
            else {
                continue;
            };
            if was == now {
                continue;
            }
            let y = lane_y(lane);
            let (x0, x1) = (x_of(now.start), x_of(now.end) + 1.0);
            plot_ui.polygon(
                Polygon::new(format!("fix{i}"), rect(x0, x1, y, HALF + 0.06))
                    .fill_color(Color32::TRANSPARENT)
                    .stroke(Stroke::new(2.5, color))
                    .style(LineStyle::dashed_dense()),
            );
            plot_ui.text(
                Text::new(
                    format!("fix-label{i}"),
                    // Under the outline: never over the bar or its own label.
                    PlotPoint::new(x0, y - HALF - 0.14),
                    egui::RichText::new(format!(
                        "{}: {}–{}",
                        lang.pick("na de correctie", "after the fix"),
                        lang::date(now.start, lang),
                        lang::date(now.end, lang)
                    ))
                    .color(color)
                    .strong(),
                )
                .anchor(egui::Align2::LEFT_CENTER),
            );
        }
        if after.end != self.d.end
            && let Some(end) = after.end
        {
            plot_ui.vline(
                VLine::new(
                    lang.pick("Einde na de correctie", "End after the fix"),
                    x_of(end) + 1.0,
                )
                .color(color)
                .width(2.5)
                .style(LineStyle::dashed_dense()),
            );
        }
    }

    /// The proposal's instruments, dashed, in lanes below the dossier's.
    fn ghosts_ui(&self, plot_ui: &mut PlotUi<'_>) {
        let lang = self.cx.lang;
        for (k, inst) in self.ghosts.iter().enumerate() {
            let y = lane_y(self.order.len() + k);
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
    }
}

/// Where a bar's label goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// In the bar.
    Inside,
    /// Right of the bar.
    After,
    /// Left of the bar.
    Before,
}

/// Where a bar's label fits, in points from the plot's left edge: `bar` the bar's part in
/// the trajectory as seen, `right` the bar's right end as seen (past the end included),
/// `width` the plot's; the label with its dates (`full_w` wide) first — inside, after,
/// before — then the name alone (`short_w`) the same way, else the name after the bar.
/// Answers whether the full label is used, and where.
fn place_label(
    bar: (f64, f64),
    right: f64,
    width: f64,
    full_w: f64,
    short_w: f64,
) -> (bool, Place) {
    const GAP: f64 = 4.0;
    for (full, w) in [(true, full_w), (false, short_w)] {
        if w + 2.0 * GAP <= bar.1 - bar.0 {
            return (full, Place::Inside);
        }
        if right + GAP + w <= width {
            return (full, Place::After);
        }
        if bar.0 - GAP - w >= 0.0 {
            return (full, Place::Before);
        }
    }
    (false, Place::After)
}

/// The plot's scale (points per day) and the width of a bar label in points, as
/// `egui_plot` lays it out (small, strong).
fn label_room(plot_ui: &PlotUi<'_>, label: &str) -> (f64, f64) {
    let transform = plot_ui.transform();
    let px_per_day = f64::from(transform.frame().width()) / transform.bounds().width().max(1e-9);
    let ctx = plot_ui.ctx();
    let font = egui::TextStyle::Small.resolve(&ctx.global_style());
    let width = ctx.fonts_mut(|f| {
        f.layout_no_wrap(label.to_owned(), font, Color32::WHITE)
            .size()
            .x
    });
    (px_per_day.max(1e-9), f64::from(width) * 1.05)
}

/// The part of a bar past the trajectory's end: faded and dashed, with what happens to it
/// (an IBO continues with VDAB, a WES stops).
fn past_end_ui(
    plot_ui: &mut PlotUi<'_>,
    inst: &Instrument,
    i: usize,
    (from, to): (f64, f64),
    x_hi: f64,
    y: f64,
    lang: Lang,
) {
    let fill = palette::instrument(inst.kind.kind_type());
    plot_ui.polygon(
        Polygon::new(format!("past{i}"), rect(from, to, y, HALF * 0.7))
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
    // From the trajectory's end on, or ending at the plot's right edge where it would run
    // out of the plot.
    let (px_per_day, width) = label_room(plot_ui, note);
    let (at, anchor) = if (x_hi - from - 2.0) * px_per_day >= width {
        (from + 2.0, egui::Align2::LEFT_CENTER)
    } else {
        (x_hi - 2.0 / px_per_day, egui::Align2::RIGHT_CENTER)
    };
    plot_ui.text(
        Text::new(
            format!("note{i}"),
            PlotPoint::new(at, y - HALF - 0.12),
            note,
        )
        .anchor(anchor),
    );
}

/// A due marker's name: the action and the day.
fn due_name(item: &twe_core::rules::agenda::Item, lang: twe_core::lang::Lang) -> String {
    format!(
        "{}: {} ({})",
        lang.pick("Te doen", "Due"),
        item.kind.action(lang),
        twe_core::lang::date(item.due.day, lang)
    )
}

/// A note's tick as its hover and a screen reader name it: its day and kind, never its text.
fn note_name(note: &twe_core::model::Note, lang: Lang) -> String {
    format!(
        "{} {} ({})",
        lang.pick("Notitie", "Note"),
        twe_core::lang::date(note.date, lang),
        note.kind.label(lang)
    )
}

/// The notes' ticks for screen readers, as [`due_nodes`] does for the due markers.
fn note_nodes(
    entry: usize,
    notes: &[twe_core::model::Note],
    transform: &egui_plot::PlotTransform,
    lang: Lang,
    ui: &mut egui::Ui,
) {
    let frame = *transform.frame();
    for (k, note) in notes.iter().enumerate() {
        let at = transform.position_from_point(&PlotPoint::new(x_of(note.date) + 0.5, 0.42));
        let rect = egui::Rect::from_center_size(at, egui::Vec2::splat(8.0));
        if !frame.intersects(rect) {
            continue;
        }
        let id = egui::Id::NULL.with(("timeline-note", entry, k));
        let r = ui.interact(rect, id, egui::Sense::hover());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, note_name(note, lang)));
    }
}

/// The due markers for screen readers: a plot's points have no node of their own, so each
/// diamond gets one where it is drawn, named like its hover.
fn due_nodes(
    entry: usize,
    items: &[twe_core::rules::agenda::Item],
    transform: &egui_plot::PlotTransform,
    lang: twe_core::lang::Lang,
    ui: &mut egui::Ui,
) {
    let frame = *transform.frame();
    for item in items {
        let at = transform.position_from_point(&PlotPoint::new(x_of(item.due.day) + 0.5, 0.3));
        let rect = egui::Rect::from_center_size(at, egui::Vec2::splat(12.0));
        if !frame.intersects(rect) {
            continue;
        }
        let id = egui::Id::NULL.with(("timeline-due", entry, item.kind));
        let r = ui.interact(rect, id, egui::Sense::hover());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, due_name(item, lang)));
    }
}

impl Timeline {
    /// The pointer on the timeline: hover, the cursor, a bar dragged or clicked.
    fn gestures(&mut self, at: &Gesture<'_>, ui: &egui::Ui, lang: Lang, out: &mut Vec<Action>) {
        let Gesture {
            stored,
            entry_index,
            hit,
            hovered,
            response: plot_response,
            ..
        } = *at;
        if self.drag.is_none() {
            self.hovered_bar = hit.map(|h| h.instrument);
        }
        if let Some(h) = hit {
            let icon = match h.mode {
                DragMode::Move => egui::CursorIcon::Grab,
                DragMode::Start | DragMode::End => egui::CursorIcon::ResizeHorizontal,
            };
            ui.ctx().set_cursor_icon(icon);
        }
        // The pointer's events in the order they came: a quick drag can press, move and
        // release within one frame, and what was pressed decides the gesture (egui's own
        // drag lost such a drag, or judged it where the pointer had gone).
        let events: Vec<egui::Event> = ui.input(|i| {
            i.events
                .iter()
                .filter(|e| {
                    matches!(
                        e,
                        egui::Event::PointerMoved(_)
                            | egui::Event::PointerButton {
                                button: egui::PointerButton::Primary,
                                ..
                            }
                    )
                })
                .cloned()
                .collect()
        });
        for event in events {
            match event {
                egui::Event::PointerButton {
                    pos, pressed: true, ..
                } => {
                    // On the plot, not on a menu or window over it.
                    let on_plot = plot_response.rect.contains(pos)
                        && ui.ctx().layer_id_at(pos) == Some(plot_response.layer_id);
                    self.press = on_plot.then(|| {
                        let p = at.transform.value_from_position(pos);
                        Press {
                            origin: pos,
                            at: p,
                            // No drag is under way at a press: the bars are as stored.
                            hit: hit_test(stored, at.order, p, at.px_per_day),
                        }
                    });
                }
                egui::Event::PointerMoved(pos) => self.follow(at, stored, pos, out),
                egui::Event::PointerButton {
                    pos,
                    pressed: false,
                    ..
                } => {
                    self.follow(at, stored, pos, out);
                    self.press = None;
                    if let Some(drag) = self.drag.take() {
                        self.focus_bar = Some((entry_index, drag.instrument));
                        // The checks run once, when the gesture ends.
                        out.push(Action::Edit(Edit::Replace {
                            entry: entry_index,
                            dossier: drag.preview,
                            key: EditKey::Single,
                        }));
                        out.push(Action::Select(Select::SelectInstrument(Some(
                            drag.instrument,
                        ))));
                        self.hovered_bar = None;
                    }
                }
                _ => {}
            }
        }
        if let Some(drag) = &self.drag {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            if let Some(inst) = drag.preview.instruments.get(drag.instrument) {
                plot_response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| tooltip(ui, inst, lang));
            }
        } else if let Some(inst) = hovered {
            plot_response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip(ui, inst, lang));
        }
        if plot_response.clicked() {
            out.push(Action::Select(Select::SelectBar(hit.map(|h| h.instrument))));
            // A clicked bar takes the keyboard: the arrows move it next.
            self.focus_bar = hit.map(|h| (entry_index, h.instrument));
        }
    }
}

impl Timeline {
    /// The pointer at `pos` while the button is down: a press on a bar becomes a drag of
    /// the part pressed once the pointer has left the press's spot, and the drag follows.
    fn follow(
        &mut self,
        at: &Gesture<'_>,
        stored: &Dossier,
        pos: egui::Pos2,
        out: &mut Vec<Action>,
    ) {
        let Some(press) = self.press else {
            return;
        };
        if self.drag.is_none() {
            let Some(h) = press.hit else {
                return;
            };
            if (pos - press.origin).length() < DRAG_SLOP {
                return;
            }
            self.drag = Some(Drag::new(stored, h.instrument, h.mode, press.at.x));
            out.push(Action::Select(Select::SelectInstrument(Some(h.instrument))));
        }
        if let Some(drag) = &mut self.drag {
            drag.follow(at.transform.value_from_position(pos).x);
        }
    }
}

/// Where the pointer is on the drawn timeline, and what it is over.
#[derive(Clone, Copy)]
struct Gesture<'a> {
    /// The dossier as stored, which a drag starts from.
    stored: &'a Dossier,
    entry_index: usize,
    /// The bar under the pointer, and which part of it.
    hit: Option<Hit>,
    /// The dossier's lanes, to find the bar under a press.
    order: &'a [usize],
    /// The plot's mapping this frame, and its scale.
    transform: &'a PlotTransform,
    px_per_day: f64,
    /// The instrument under the pointer, as shown.
    hovered: Option<&'a Instrument>,
    response: &'a egui::Response,
}

impl Panel for Timeline {
    /// Draws the timeline of the open dossier and turns its gestures into actions.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        let Some((entry_index, entry)) = cx.open_entry() else {
            ui.centered_and_justified(|ui| {
                ui.label(lang.pick("Geen dossier geopend.", "No dossier open."))
            });
            return;
        };
        // The dossier as shown: the drag's preview while a bar is being dragged.
        let d = self.drag.as_ref().map_or(entry.dossier(), |g| &g.preview);
        header_ui(ui, d, entry.is_dirty(), lang);
        legend_ui(ui, lang);
        plan_rest_ui(&mut self.proposal, cx, ui, d, entry_index, out);
        let ghosts: &[Instrument] = match &self.proposal {
            Some((e, p)) if *e == entry_index => &p.instruments,
            _ => &[],
        };
        let order = timeline::lanes(d);
        let scene = Scene {
            d,
            order: &order,
            ghosts,
            findings: entry.findings(),
            preview: cx.preview.filter(|p| p.id == d.id),
            cx,
        };
        let dragging = self.drag.is_some();
        // Lanes of at most 64 points: on a tall screen the bars stay bars, not slabs, and
        // the view is fitted again when the room changes that much.
        let room = ((ui.available_height() - 40.0) / 64.0).floor().max(1.0) as usize;
        let lanes_shown = (order.len() + ghosts.len()).max(room);
        let mut plot = scene.plot(
            entry_index,
            lanes_shown,
            self.hovered_bar.is_none() && !dragging,
        );
        let lanes_now = (entry_index, order.len() + ghosts.len(), lanes_shown);
        if self.fitted != Some(lanes_now) {
            self.fitted = Some(lanes_now);
            plot = plot.reset();
        }
        // Room stays free under the plot for what the keys do, as many lines as it wraps to.
        let hint = hint_height(ui, self.part, cx.lang);
        plot = plot.height((ui.available_height() - hint).max(80.0));
        let response = plot.show(ui, |plot_ui| scene.draw(plot_ui));
        self.transform = Some(response.transform);
        let PlotOutput {
            pointer,
            px_per_day,
        } = response.inner;
        let hit = pointer.and_then(|p| hit_test(d, &order, p, px_per_day));
        let hovered = hit.and_then(|h| d.instruments.get(h.instrument)).cloned();
        let at = Gesture {
            stored: entry.dossier(),
            entry_index,
            hit,
            order: &order,
            transform: &response.transform,
            px_per_day,
            hovered: hovered.as_ref(),
            response: &response.response,
        };
        self.gestures(&at, ui, lang, out);
        // The keys edit the dossier as stored (a drag's preview ended above).
        let stored = entry.dossier();
        let stored_order = timeline::lanes(stored);
        let keyed = KeyedBars {
            d: stored,
            entry_index,
            order: &stored_order,
            findings: entry.findings(),
            transform: &response.transform,
        };
        self.bars_ui(&keyed, cx, ui, out);
        due_nodes(
            entry_index,
            entry.agenda(),
            &response.transform,
            cx.lang,
            ui,
        );
        note_nodes(entry_index, &stored.notes, &response.transform, cx.lang, ui);
    }
}

#[cfg(test)]
mod tests {
    use super::{Place, place_label};

    /// A label goes inside when it fits, then beside the bar on the side with room, then
    /// the name alone; never past the plot's edge while a place is left.
    #[test]
    fn a_bar_label_is_never_cut_while_there_is_room() {
        // A wide bar: the full label inside.
        assert_eq!(
            place_label((0.0, 300.0), 300.0, 400.0, 200.0, 40.0),
            (true, Place::Inside)
        );
        // A short bar with room after it.
        assert_eq!(
            place_label((10.0, 60.0), 60.0, 400.0, 200.0, 40.0),
            (true, Place::After)
        );
        // A bar near the right edge: before it.
        assert_eq!(
            place_label((250.0, 330.0), 330.0, 400.0, 200.0, 40.0),
            (true, Place::Before)
        );
        // Room for the name only: inside, else beside.
        assert_eq!(
            place_label((150.0, 250.0), 250.0, 300.0, 200.0, 40.0),
            (false, Place::Inside)
        );
        assert_eq!(
            place_label((100.0, 120.0), 120.0, 250.0, 200.0, 40.0),
            (false, Place::After)
        );
        assert_eq!(
            place_label((100.0, 120.0), 230.0, 250.0, 200.0, 40.0),
            (false, Place::Before)
        );
        // The part past the end counts: no label over it.
        assert_eq!(
            place_label((10.0, 60.0), 390.0, 400.0, 200.0, 40.0),
            (false, Place::Inside)
        );
        // No room anywhere: the name after the bar.
        assert_eq!(
            place_label((0.0, 10.0), 95.0, 100.0, 200.0, 40.0),
            (false, Place::After)
        );
    }
}

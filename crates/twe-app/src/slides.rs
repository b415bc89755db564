//! The presentation: one statistics page per slide, large type, no personal data. The
//! arrows, Page Up/Down (a clicker) and Space/Backspace step through the slides, up/down
//! through the years, B and W black or white the screen out, F1 lists the keys, Esc
//! leaves. The slides share the statistics view's choices, so a presentation starts where
//! the view stands; the source line stands under every slide, always on screen.

use super::action::{Action, Setting};
use super::command::{Command, Scope};
use super::cx::ViewCx;
use super::stats_pages::{Page, StatsChoices, page_ui, source_note, source_years};
use twe_core::stats::charts::ChartKind;

/// How much larger than the window's the slides' type is.
const SLIDE_SCALE: f32 = 1.4;

/// A screen blacked or whitened out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// Black (B).
    Black,
    /// White (W).
    White,
}

/// The presentation panel; what it shows is in the statistics view's choices.
#[derive(Default)]
pub struct Slides {
    /// The screen blacked or whitened out, if so.
    pub blank: Option<Blank>,
    /// Whether the keys are listed over the slide (F1).
    pub keys_shown: bool,
    /// The mouse's button clicked in the frame before, taken as its key.
    clicked: Option<Command>,
}

impl Slides {
    /// The slides: each chart (and its numbers on a slide of their own when the table is
    /// on), the trainings and the outflow; not the organisations' list nor the dossiers'
    /// own figures.
    pub fn pages(choices: &StatsChoices) -> Vec<Page> {
        let mut pages = Vec::new();
        for k in ChartKind::ALL {
            pages.push(Page::Chart(k));
            if choices.show_table {
                pages.push(Page::Table(k));
            }
        }
        pages.extend([Page::Trainings, Page::Outflow]);
        pages
    }

    /// Draws the current slide over the whole window and follows the keys.
    pub fn ui(
        &mut self,
        cx: &ViewCx<'_>,
        choices: &mut StatsChoices,
        ui: &mut egui::Ui,
        out: &mut Vec<Action>,
    ) {
        let slides = Self::pages(choices);
        let years = source_years(cx.ws, choices);
        let mut pressed = Command::pressed(ui.ctx(), Scope::Presentation);
        // The mouse's buttons of the frame before (drawn under the slide, after the keys).
        pressed.extend(self.clicked.take());
        let has = |c: Command| pressed.contains(&c);
        // F1 is the window's Help: in the presentation it lists the presentation's keys.
        if ui.input_mut(|i| Command::Help.consume(i)) {
            self.keys_shown = !self.keys_shown;
        }
        let at = slides.iter().position(|p| *p == choices.page).unwrap_or(0);
        let step = has(Command::SlideNext) || has(Command::SlidePrevious);
        if has(Command::SlideNext) {
            choices.page = slides[(at + 1) % slides.len()];
        }
        if has(Command::SlidePrevious) {
            choices.page = slides[(at + slides.len() - 1) % slides.len()];
        }
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            if has(Command::YearUp) {
                choices.up_to = (choices.up_to + 1).min(last);
            }
            if has(Command::YearDown) {
                choices.up_to = (choices.up_to - 1).max(first);
            }
        }
        for (command, blank) in [
            (Command::BlackScreen, Blank::Black),
            (Command::WhiteScreen, Blank::White),
        ] {
            if has(command) {
                self.blank = (self.blank != Some(blank)).then_some(blank);
            }
        }
        if step {
            self.blank = None;
        }
        if has(Command::LeavePresentation) {
            if self.blank.is_some() || self.keys_shown {
                // Esc first brings the slide back, as PowerPoint does.
                self.blank = None;
                self.keys_shown = false;
            } else {
                out.push(Action::Setting(Setting::Present(false)));
            }
        }
        if !slides.contains(&choices.page) {
            choices.page = slides[0];
        }
        if let Some(blank) = self.blank {
            let fill = match blank {
                Blank::Black => egui::Color32::BLACK,
                Blank::White => egui::Color32::WHITE,
            };
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(fill))
                .show(ui, |_| {});
            return;
        }
        let lang = cx.lang;
        let at = slides.iter().position(|p| *p == choices.page).unwrap_or(0);
        let scale = |ui: &mut egui::Ui| {
            // Large type for a room, drawn here rather than by zooming the whole window:
            // eframe keeps the zoom between starts, the slides' scale must not come back.
            // At least 24 points (tick labels, the source line) for the back of the room.
            for font in ui.style_mut().text_styles.values_mut() {
                font.size = (font.size * SLIDE_SCALE).max(24.0);
            }
        };
        // The source line and where the slide stands, under the slide: always on screen.
        egui::Panel::bottom("slide-source")
            .frame(
                egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::symmetric(16, 8)),
            )
            .show(ui, |ui| {
                scale(ui);
                ui.weak(source_note(cx.ws, choices, lang));
                ui.horizontal_wrapped(|ui| {
                    ui.weak(format!(
                        "{} {} / {}",
                        lang.pick("Dia", "Slide"),
                        at + 1,
                        slides.len()
                    ));
                    ui.weak(format!("· F1: {}", lang.pick("toetsen", "keys")));
                    self.mouse_ui(ui, lang);
                });
            });
        if self.clicked.is_some() {
            ui.ctx().request_repaint();
        }
        egui::CentralPanel::default().show(ui, |ui| {
            scale(ui);
            ui.add_space(12.0);
            page_ui(cx, choices, ui, true);
        });
        if self.keys_shown {
            keys_ui(ui.ctx(), lang);
        }
    }
}

impl Slides {
    /// Buttons for a mouse (a presenter without a clicker could neither go on nor leave):
    /// shown while the pointer moves or rests on them, out of the room's sight otherwise, as
    /// presentation programs do. Their labels and keys are the registry's.
    fn mouse_ui(&mut self, ui: &mut egui::Ui, lang: twe_core::lang::Lang) {
        let moved = ui.input(|i| i.pointer.time_since_last_movement());
        let over = ui.rect_contains_pointer(ui.max_rect());
        if moved > MOUSE_SHOWN && !over {
            return;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f32(MOUSE_SHOWN));
        ui.separator();
        for (command, icon) in [
            (Command::SlidePrevious, "◀"),
            (Command::SlideNext, "▶"),
            (Command::LeavePresentation, "✖"),
        ] {
            let keys = command.all_shortcuts_text(ui.ctx(), lang);
            if ui
                .button(format!("{icon} {}", command.label(lang)))
                .on_hover_text(keys)
                .clicked()
            {
                self.clicked = Some(command);
            }
        }
    }
}

/// How long the mouse's buttons stay after the pointer last moved, in seconds.
const MOUSE_SHOWN: f32 = 3.0;

/// The presentation's keys over the slide, from the registry.
fn keys_ui(ctx: &egui::Context, lang: twe_core::lang::Lang) {
    egui::Window::new(lang.pick("Toetsen van de presentatie", "Keys of the presentation"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            for font in ui.style_mut().text_styles.values_mut() {
                font.size = font.size.max(22.0);
            }
            egui::Grid::new("presentation-keys").show(ui, |ui| {
                for c in Command::ALL
                    .iter()
                    .filter(|c| c.scope() == Scope::Presentation)
                {
                    ui.strong(c.all_shortcuts_text(ctx, lang));
                    ui.label(c.label(lang));
                    ui.end_row();
                }
                ui.strong("F1");
                ui.label(lang.pick("Deze lijst", "This list"));
                ui.end_row();
            });
        });
}

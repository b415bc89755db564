//! The presentation: one statistics page per slide, large type, no personal data; arrow
//! left/right step through the slides, up/down through the years, Esc leaves. The slides
//! share the statistics view's choices, so a presentation starts where the view stands.

use super::action::{Action, Setting};
use super::command::{Command, Scope};
use super::cx::ViewCx;
use super::stats_pages::{Page, StatsChoices, page_ui, source_table};

/// How much larger than the window's the slides' type is.
const SLIDE_SCALE: f32 = 1.4;

/// The presentation panel; what it shows is in the statistics view's choices.
#[derive(Default)]
pub struct Slides;

impl Slides {
    /// The pages that are slides: every page but the organisations' list and the dossiers'
    /// own figures.
    pub fn pages() -> Vec<Page> {
        Page::all()
            .into_iter()
            .filter(|p| *p != Page::Dossiers && *p != Page::Organisations)
            .collect()
    }

    /// Draws the current slide over the whole window and follows the arrow keys.
    pub fn ui(
        &mut self,
        cx: &ViewCx<'_>,
        choices: &mut StatsChoices,
        ui: &mut egui::Ui,
        out: &mut Vec<Action>,
    ) {
        let slides = Self::pages();
        let years = source_table(cx.ws, choices).years();
        let pressed = Command::pressed(ui.ctx(), Scope::Presentation);
        let [left, right, up, down, esc] = [
            Command::SlidePrevious,
            Command::SlideNext,
            Command::YearUp,
            Command::YearDown,
            Command::LeavePresentation,
        ]
        .map(|c| pressed.contains(&c));
        let at = slides.iter().position(|p| *p == choices.page).unwrap_or(0);
        if right {
            choices.page = slides[(at + 1) % slides.len()];
        }
        if left {
            choices.page = slides[(at + slides.len() - 1) % slides.len()];
        }
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            if up {
                choices.up_to = (choices.up_to + 1).min(last);
            }
            if down {
                choices.up_to = (choices.up_to - 1).max(first);
            }
        }
        if esc {
            out.push(Action::Setting(Setting::Present(false)));
        }
        if !slides.contains(&choices.page) {
            choices.page = slides[0];
        }
        let lang = cx.lang;
        egui::CentralPanel::default().show(ui, |ui| {
            // Large type for a room, drawn here rather than by zooming the whole window:
            // eframe keeps the zoom between starts, the slides' scale must not come back.
            // At least 24 points (tick labels, the source line) for the back of the room.
            for font in ui.style_mut().text_styles.values_mut() {
                font.size = (font.size * SLIDE_SCALE).max(24.0);
            }
            ui.add_space(12.0);
            page_ui(cx, choices, ui, true);
            let at = slides.iter().position(|p| *p == choices.page).unwrap_or(0);
            ui.weak(format!(
                "{} {} / {} · {} · {} · {}",
                lang.pick("Dia", "Slide"),
                at + 1,
                slides.len(),
                lang.pick("pijl links/rechts: dia's", "arrow left/right: slides"),
                lang.pick("pijl omhoog/omlaag: jaren", "arrow up/down: years"),
                Command::LeavePresentation
                    .shortcut_text(ui.ctx(), lang)
                    .unwrap_or_default(),
            ));
        });
    }
}

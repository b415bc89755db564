//! The status bar: counts of the workspace, files that did not load, the last message.

use super::cx::ViewCx;
use super::palette;
use crate::lang;
use crate::rules::Severity;

/// The status bar; it reads everything from the context.
#[derive(Default)]
pub struct StatusBar;

impl StatusBar {
    /// Draws it.
    pub fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui) {
        let lang = cx.lang;
        let ws = cx.ws;
        ui.horizontal(|ui| {
            let t = ws.totals();
            ui.label(format!(
                "{} dossiers · {} {} · {} {} · {} {}",
                lang::number(ws.live_count() as i64, lang),
                lang::number(t.errors.into(), lang),
                lang.pick("fouten", "errors"),
                lang::number(t.warnings.into(), lang),
                lang.pick("waarschuwingen", "warnings"),
                ws.dirty_count(),
                lang.pick("niet bewaard", "unsaved"),
            ));
            if !ws.load_errors().is_empty() {
                ui.separator();
                let n = ws.load_errors().len();
                ui.colored_label(
                    palette::severity(Severity::Error, ui.visuals().dark_mode),
                    format!(
                        "{n} {}",
                        lang.pick("bestanden niet geladen", "files not loaded")
                    ),
                )
                .on_hover_text(
                    ws.load_errors()
                        .iter()
                        .map(|e| e.display(lang))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            if let Some(s) = cx.status {
                ui.separator();
                ui.label(s);
            }
        });
    }
}

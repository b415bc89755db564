//! The help window: every shortcut and mouse gesture.

use crate::lang::Lang;

/// Shortcuts and gestures, Dutch and English.
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("Ctrl+S", "Open dossier bewaren", "Save the open dossier"),
    (
        "Ctrl+Shift+S",
        "Alle gewijzigde dossiers bewaren",
        "Save every changed dossier",
    ),
    ("Ctrl+Z", "Ongedaan maken", "Undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Opnieuw", "Redo"),
    (
        "F8 / Shift+F8",
        "Volgende / vorige bevinding",
        "Next / previous finding",
    ),
    (
        "Up / Down",
        "Vorig / volgend dossier in de lijst",
        "Previous / next dossier in the list",
    ),
    ("F1", "Deze hulp", "This help"),
    ("F11", "Presentatie aan / uit", "Presentation on / off"),
    (
        "Links / Rechts (presentatie)",
        "Vorige / volgende dia",
        "Previous / next slide",
    ),
    (
        "Omhoog / Omlaag (presentatie)",
        "Volgend / vorig jaar",
        "Next / previous year",
    ),
    (
        "Esc (presentatie)",
        "Presentatie verlaten",
        "Leave the presentation",
    ),
];

/// Mouse gestures in the timeline.
pub const GESTURES: &[(&str, &str, &str)] = &[
    (
        "Klik / click",
        "Balk selecteren en bewerken",
        "Select a bar and edit it",
    ),
    (
        "Sleep balk / drag bar",
        "Instrument verschuiven (per dag)",
        "Move the instrument (by whole days)",
    ),
    (
        "Sleep rand / drag edge",
        "Begin of einde wijzigen",
        "Change its start or end",
    ),
    (
        "Sleep leeg vlak / drag empty space",
        "Tijdlijn verschuiven",
        "Pan the timeline",
    ),
    ("Ctrl+scroll", "In- en uitzoomen", "Zoom in and out"),
    ("Dubbelklik / double-click", "Alles tonen", "Fit everything"),
];

/// The help window; F1 or the menu opens and closes it.
#[derive(Default)]
pub struct Help {
    /// Whether it is open.
    open: bool,
}

impl Help {
    /// Opens or closes it.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Whether it is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws it when it is open.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let ctx = ui.ctx().clone();
        egui::Window::new(lang.pick("Hulp", "Help"))
            .open(&mut self.open)
            .resizable(false)
            .show(&ctx, |ui| {
                ui.heading(lang.pick("Sneltoetsen", "Shortcuts"));
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, nl, en) in SHORTCUTS {
                        ui.monospace(*keys);
                        ui.label(lang.pick(nl, en));
                        ui.end_row();
                    }
                });
                ui.add_space(8.0);
                ui.heading(lang.pick("Muis in de tijdlijn", "Mouse in the timeline"));
                egui::Grid::new("gestures").striped(true).show(ui, |ui| {
                    for (what, nl, en) in GESTURES {
                        ui.label(*what);
                        ui.label(lang.pick(nl, en));
                        ui.end_row();
                    }
                });
            });
    }
}

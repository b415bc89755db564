//! The help window: every shortcut and mouse gesture.

use crate::lang::Lang;

/// One row of the help: the keys or gesture and what it does, each in Dutch and English.
pub struct HelpRow {
    /// The keys or the gesture, Dutch and English.
    pub keys: (&'static str, &'static str),
    /// What it does, Dutch and English.
    pub what: (&'static str, &'static str),
}

const fn row(keys: (&'static str, &'static str), what: (&'static str, &'static str)) -> HelpRow {
    HelpRow { keys, what }
}

/// Every keyboard shortcut.
pub const SHORTCUTS: &[HelpRow] = &[
    row(
        ("Ctrl+S", "Ctrl+S"),
        ("Open dossier bewaren", "Save the open dossier"),
    ),
    row(
        ("Ctrl+Shift+S", "Ctrl+Shift+S"),
        (
            "Alle gewijzigde dossiers bewaren",
            "Save every changed dossier",
        ),
    ),
    row(("Ctrl+Z", "Ctrl+Z"), ("Ongedaan maken", "Undo")),
    row(
        ("Ctrl+Shift+Z / Ctrl+Y", "Ctrl+Shift+Z / Ctrl+Y"),
        ("Opnieuw", "Redo"),
    ),
    row(
        ("F8 / Shift+F8", "F8 / Shift+F8"),
        ("Volgende / vorige bevinding", "Next / previous finding"),
    ),
    row(
        ("Omhoog / Omlaag", "Up / Down"),
        (
            "Vorig / volgend dossier in de lijst",
            "Previous / next dossier in the list",
        ),
    ),
    row(("Esc", "Esc"), ("Open menu sluiten", "Close an open menu")),
    row(("F1", "F1"), ("Deze hulp", "This help")),
    row(
        ("F11", "F11"),
        ("Presentatie aan / uit", "Presentation on / off"),
    ),
    row(
        (
            "Links / Rechts (presentatie)",
            "Left / Right (presentation)",
        ),
        ("Vorige / volgende dia", "Previous / next slide"),
    ),
    row(
        ("Omhoog / Omlaag (presentatie)", "Up / Down (presentation)"),
        ("Volgend / vorig jaar", "Next / previous year"),
    ),
    row(
        ("Esc (presentatie)", "Esc (presentation)"),
        ("Presentatie verlaten", "Leave the presentation"),
    ),
];

/// Mouse gestures in the timeline.
pub const GESTURES: &[HelpRow] = &[
    row(
        ("Klik", "Click"),
        ("Balk selecteren en bewerken", "Select a bar and edit it"),
    ),
    row(
        ("Sleep een balk", "Drag a bar"),
        (
            "Instrument verschuiven (per dag)",
            "Move the instrument (by whole days)",
        ),
    ),
    row(
        ("Sleep een rand", "Drag an edge"),
        ("Begin of einde wijzigen", "Change its start or end"),
    ),
    row(
        ("Sleep een leeg vlak", "Drag empty space"),
        ("Tijdlijn verschuiven", "Pan the timeline"),
    ),
    row(
        ("Ctrl+scroll", "Ctrl+scroll"),
        ("In- en uitzoomen", "Zoom in and out"),
    ),
    row(
        ("Dubbelklik", "Double-click"),
        ("Alles tonen", "Fit everything"),
    ),
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
                    for r in SHORTCUTS {
                        ui.monospace(lang.pick(r.keys.0, r.keys.1));
                        ui.label(lang.pick(r.what.0, r.what.1));
                        ui.end_row();
                    }
                });
                ui.add_space(8.0);
                ui.heading(lang.pick("Muis in de tijdlijn", "Mouse in the timeline"));
                egui::Grid::new("gestures").striped(true).show(ui, |ui| {
                    for r in GESTURES {
                        ui.label(lang.pick(r.keys.0, r.keys.1));
                        ui.label(lang.pick(r.what.0, r.what.1));
                        ui.end_row();
                    }
                });
            });
    }
}

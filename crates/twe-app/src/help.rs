//! The help window: every shortcut and mouse gesture.

use twe_core::lang::Lang;

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
    row(
        ("Ctrl+.", "Ctrl+."),
        (
            "Eerste correctie van de gekozen bevinding toepassen",
            "Apply the selected finding's first quick fix",
        ),
    ),
    row(
        ("Ctrl+1 / 2 / 3 / 4", "Ctrl+1 / 2 / 3 / 4"),
        (
            "Dossier / caseload / statistiek / agenda",
            "Dossier / caseload / statistics / agenda",
        ),
    ),
    row(
        ("Tab / Shift+Tab", "Tab / Shift+Tab"),
        (
            "Naar het volgende / vorige veld, knop of balk",
            "To the next / previous field, button or bar",
        ),
    ),
    row(
        ("Links / Rechts (balk)", "Left / Right (bar)"),
        (
            "Balk een dag verschuiven; met Shift een week, met Ctrl een maand",
            "Move the bar a day; with Shift a week, with Ctrl a month",
        ),
    ),
    row(
        ("Home / End (balk)", "Home / End (bar)"),
        (
            "De pijlen verschuiven het begin / het einde (Esc: weer de hele balk)",
            "The arrows move the start / the end (Esc: the whole bar again)",
        ),
    ),
    row(
        ("Omhoog / Omlaag (balk)", "Up / Down (bar)"),
        ("Balk erboven / eronder", "The bar above / below"),
    ),
    row(
        ("Del / Ins (balk)", "Del / Ins (bar)"),
        (
            "Instrument verwijderen / toevoegen",
            "Delete / add an instrument",
        ),
    ),
    row(
        (
            "Pijlen / PgUp / PgDn (kalender)",
            "Arrows / PgUp / PgDn (calendar)",
        ),
        (
            "Dag of week / maand (met Shift: jaar); Enter kiest",
            "Day or week / month (with Shift: year); Enter picks",
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
                // On a small screen (1024×600) the list scrolls inside the window.
                let max = (ctx.content_rect().height() - 90.0).max(150.0);
                egui::ScrollArea::vertical()
                    .max_height(max)
                    .show(ui, |ui| Self::rows_ui(ui, lang));
            });
    }

    /// The shortcuts and the gestures, as two tables.
    fn rows_ui(ui: &mut egui::Ui, lang: Lang) {
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
    }
}

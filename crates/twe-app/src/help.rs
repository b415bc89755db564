//! The help window (F1): every command's keys, from the registry ([`super::command`]),
//! grouped by where they work, and the mouse gestures of the timeline.

use super::action::Action;
use super::command::{Command, Scope};
use super::cx::ViewCx;
use super::panel::Panel;
use twe_core::lang::{Lang, Text};

/// One mouse gesture of the timeline: what to do and what it does.
pub struct Gesture {
    /// The gesture ("Drag an edge").
    pub gesture: Text,
    /// What it does.
    pub what: Text,
}

const fn gesture(gesture: Text, what: Text) -> Gesture {
    Gesture { gesture, what }
}

/// Mouse gestures in the timeline (no key does these; the registry holds keys).
pub const GESTURES: &[Gesture] = &[
    gesture(
        Text::fixed("Klik", "Click"),
        Text::fixed("Balk selecteren en bewerken", "Select a bar and edit it"),
    ),
    gesture(
        Text::fixed("Sleep een balk", "Drag a bar"),
        Text::fixed(
            "Instrument verschuiven (per dag)",
            "Move the instrument (by whole days)",
        ),
    ),
    gesture(
        Text::fixed("Sleep een rand", "Drag an edge"),
        Text::fixed("Begin of einde wijzigen", "Change its start or end"),
    ),
    gesture(
        Text::fixed("Sleep een leeg vlak", "Drag empty space"),
        Text::fixed("Tijdlijn verschuiven", "Pan the timeline"),
    ),
    gesture(
        Text::fixed("Ctrl+scroll", "Ctrl+scroll"),
        Text::fixed("In- en uitzoomen", "Zoom in and out"),
    ),
    gesture(
        Text::fixed("Dubbelklik", "Double-click"),
        Text::fixed("Alles tonen", "Fit everything"),
    ),
];

/// The commands F1 lists under `scope`: those with keys, in the registry's order.
pub fn listed(scope: Scope) -> impl Iterator<Item = Command> {
    Command::ALL.iter().copied().filter(move |c| {
        let s = c.spec();
        s.scope == scope && !s.keys.is_empty()
    })
}

/// The help window; F1 or the menu opens and closes it.
#[derive(Default)]
pub struct Help {
    /// Whether it is open.
    open: bool,
    /// The build it names under «About» (the binary sets it).
    pub build: Option<twe_core::about::Build>,
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

    /// The keys, a table per place they work, then the gestures.
    fn rows_ui(ui: &mut egui::Ui, lang: Lang) {
        ui.heading(lang.pick("Sneltoetsen", "Shortcuts"));
        for scope in Scope::ALL {
            ui.add_space(4.0);
            ui.strong(scope.title().get(lang));
            egui::Grid::new(("shortcuts", scope))
                .striped(true)
                .show(ui, |ui| {
                    for c in listed(scope) {
                        ui.monospace(c.all_shortcuts_text(ui.ctx(), lang));
                        ui.label(c.help(lang));
                        ui.end_row();
                    }
                });
        }
        ui.add_space(8.0);
        ui.heading(lang.pick("Muis in de tijdlijn", "Mouse in the timeline"));
        egui::Grid::new("gestures").striped(true).show(ui, |ui| {
            for g in GESTURES {
                ui.label(g.gesture.get(lang));
                ui.label(g.what.get(lang));
                ui.end_row();
            }
        });
    }
}

/// «About twe-planner»: the build, the licence and the data with its attribution
/// (`twe_core::about`, as `--version` prints them).
fn about_ui(ui: &mut egui::Ui, build: Option<twe_core::about::Build>, lang: Lang) {
    use twe_core::about;
    let build = build.unwrap_or(about::Build::of_version(env!("CARGO_PKG_VERSION")));
    ui.heading(lang.pick("Over twe-planner", "About twe-planner"));
    egui::Grid::new("about").striped(true).show(ui, |ui| {
        ui.label(lang.pick("Versie", "Version"));
        ui.label(build.line());
        ui.end_row();
        ui.label(lang.pick("Licentie", "Licence"));
        ui.label(about::licence_name(lang));
        ui.end_row();
        for (what, whence) in about::data_sources(lang) {
            ui.label(what);
            ui.label(whence);
            ui.end_row();
        }
    });
}

impl Panel for Help {
    /// Draws it when it is open.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, _out: &mut Vec<Action>) {
        let lang = cx.lang;
        let ctx = ui.ctx().clone();
        // Esc closes the help, as it closes a list or a dialog.
        if self.open
            && !egui::Popup::is_any_open(&ctx)
            && ctx.memory(egui::Memory::top_modal_layer).is_none()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.open = false;
            return;
        }
        egui::Window::new(lang.pick("Hulp", "Help"))
            .open(&mut self.open)
            .resizable(false)
            .show(&ctx, |ui| {
                // On a small screen (1024×600) the list scrolls inside the window.
                let max = (ctx.content_rect().height() - 90.0).max(150.0);
                egui::ScrollArea::vertical().max_height(max).show(ui, |ui| {
                    Self::rows_ui(ui, lang);
                    ui.add_space(8.0);
                    about_ui(ui, self.build, lang);
                });
            });
    }
}

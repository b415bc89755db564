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
    /// Where its list is scrolled to, and how much of it shows and there is (from the last
    /// frame), for the keys that scroll it.
    scroll: HelpScroll,
}

/// The help's scroll position as the keys move it.
#[derive(Clone, Copy, Debug, Default)]
struct HelpScroll {
    /// The offset from the top, in points.
    offset: f32,
    /// The height shown.
    shown: f32,
    /// The height of all of it.
    all: f32,
    /// Whether a key moved it this frame (else the wheel and the bar move it).
    moved: bool,
}

impl Help {
    /// While it is open, takes the keys that scroll a page, before the list and the
    /// timeline (which step through dossiers and bars with them) see them: Page Up/Down, the
    /// up and down arrows, Home and End. Called before anything else is drawn.
    pub fn take_keys(&mut self, ctx: &egui::Context) {
        self.scroll.moved = false;
        if !self.open
            || egui::Popup::is_any_open(ctx)
            || ctx.memory(egui::Memory::top_modal_layer).is_some()
            // A field being typed in keeps its keys.
            || ctx.memory(egui::Memory::focused).is_some_and(|id| {
                egui::TextEdit::load_state(ctx, id).is_some()
            })
        {
            return;
        }
        let HelpScroll { shown, all, .. } = self.scroll;
        let line = 24.0;
        let page = (shown - line).max(line);
        let end = (all - shown).max(0.0);
        let mut offset = self.scroll.offset;
        ctx.input_mut(|i| {
            use egui::{Key, Modifiers};
            for (key, to) in [
                (Key::PageDown, offset + page),
                (Key::PageUp, offset - page),
                (Key::ArrowDown, offset + line),
                (Key::ArrowUp, offset - line),
                (Key::Home, 0.0),
                (Key::End, end),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    offset = to.clamp(0.0, end);
                    self.scroll.moved = true;
                }
            }
        });
        self.scroll.offset = offset;
    }

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
                let mut area = egui::ScrollArea::vertical().max_height(max);
                if self.scroll.moved {
                    area = area.vertical_scroll_offset(self.scroll.offset);
                }
                let shown = area.show(ui, |ui| {
                    Self::rows_ui(ui, lang);
                    ui.add_space(8.0);
                    about_ui(ui, self.build, lang);
                });
                self.scroll.offset = shown.state.clamped_offset().y;
                self.scroll.shown = shown.inner_rect.height();
                self.scroll.all = shown.content_size.y;
            });
    }
}

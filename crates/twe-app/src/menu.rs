//! The menu bar: files, edit, view, language, reference date, help.

use super::action::{Action, Pending, Request};
use super::cx::{View, ViewCx};
use twe_core::lang::Lang;

/// The menu bar: it keeps no state of its own; every choice is an action.
#[derive(Default)]
pub struct MenuBar;

impl MenuBar {
    /// Draws the menu bar.
    pub fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            file_menu_ui(cx, ui, out);
            edit_menu_ui(cx, ui, out);
            view_menu_ui(cx, ui, out);
            ui.separator();
            views_ui(cx, ui, out);
            ui.separator();
            let lang = cx.lang;
            for (l, text, hover) in [(Lang::Nl, "NL", "Nederlands"), (Lang::En, "EN", "English")] {
                if ui
                    .selectable_label(lang == l, text)
                    .on_hover_text(hover)
                    .clicked()
                    && lang != l
                {
                    out.push(Action::SetLang(l));
                }
            }
            ui.separator();
            if let Some(d) = super::dates::date_edit(
                ui,
                "today",
                lang.pick("Referentiedatum", "Reference date"),
                cx.ws.today(),
                lang,
            ) {
                out.push(Action::SetToday(d));
            }
            ui.separator();
            if ui.button(lang.pick("Help (F1)", "Help (F1)")).clicked() {
                out.push(Action::ToggleHelp);
            }
        });
    }
}

/// A menu entry: a button that closes its menu when clicked.
fn item(ui: &mut egui::Ui, button: egui::Button<'_>, enabled: bool) -> bool {
    let clicked = ui.add_enabled(enabled, button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

fn file_menu_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    ui.menu_button(lang.pick("Bestand", "File"), |ui| {
        let button = |nl, en| egui::Button::new(lang.pick(nl, en));
        if item(ui, button("Map openen…", "Open folder…"), true) {
            out.push(Action::Guard(Pending::Dialog(Request::OpenFolder)));
        }
        if item(ui, button("Bestand openen…", "Open file…"), true) {
            out.push(Action::Guard(Pending::Dialog(Request::OpenFile)));
        }
        ui.menu_button(lang.pick("Recente werkmappen", "Recent workspaces"), |ui| {
            if cx.recent.is_empty() {
                ui.weak(lang.pick("(geen)", "(none)"));
            }
            for path in cx.recent {
                if item(ui, egui::Button::new(path.display().to_string()), true) {
                    out.push(Action::Guard(Pending::Open(path.clone())));
                }
            }
        });
        ui.separator();
        if item(ui, button("Nieuw dossier", "New dossier"), true) {
            out.push(Action::NewDossier);
        }
        if item(ui, button("Bewaren", "Save").shortcut_text("Ctrl+S"), true) {
            out.push(Action::Save);
        }
        let save_all = button("Alles bewaren", "Save all").shortcut_text("Ctrl+Shift+S");
        if item(ui, save_all, true) {
            out.push(Action::SaveAll);
        }
        if item(ui, button("Bewaren als…", "Save as…"), true)
            && let Some(i) = cx.sel.entry
        {
            out.push(Action::Dialog(Request::SaveAs(i)));
        }
        ui.separator();
        if item(
            ui,
            button("Spreadsheet importeren…", "Import spreadsheet…"),
            true,
        ) {
            out.push(Action::Guard(Pending::Dialog(Request::ImportSpreadsheet)));
        }
        if item(
            ui,
            button("Caseload exporteren (Excel)…", "Export caseload (Excel)…"),
            !cx.ws.is_empty(),
        ) {
            out.push(Action::ExportCaseload);
        }
        let open = cx.sel.entry;
        if item(
            ui,
            button("Trajectplan afdrukken…", "Print plan…"),
            open.is_some(),
        ) && let Some(entry) = open
        {
            out.push(Action::PrintPlan {
                entry,
                client: false,
            });
        }
        let client = button("Plan voor de cliënt afdrukken…", "Print the client's plan…");
        if item(ui, client, open.is_some())
            && let Some(entry) = open
        {
            out.push(Action::PrintPlan {
                entry,
                client: true,
            });
        }
        ui.separator();
        if item(ui, button("Afsluiten", "Quit"), true) {
            out.push(Action::Guard(Pending::Quit));
        }
    });
}

fn edit_menu_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    ui.menu_button(lang.pick("Bewerken", "Edit"), |ui| {
        let undo = egui::Button::new(lang.pick("Ongedaan maken", "Undo")).shortcut_text("Ctrl+Z");
        if item(ui, undo, cx.ws.can_undo()) {
            out.push(Action::Undo);
        }
        let redo = egui::Button::new(lang.pick("Opnieuw", "Redo")).shortcut_text("Ctrl+Y");
        if item(ui, redo, cx.ws.can_redo()) {
            out.push(Action::Redo);
        }
        ui.separator();
        let delete = egui::Button::new(lang.pick("Dossier verwijderen…", "Delete dossier…"));
        if item(ui, delete, cx.sel.entry.is_some())
            && let Some(i) = cx.sel.entry
        {
            out.push(Action::AskDelete(i));
        }
    });
}

fn view_menu_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let layout = cx.layout;
    ui.menu_button(lang.pick("Beeld", "View"), |ui| {
        let mut list = layout.show_list;
        if ui
            .checkbox(&mut list, lang.pick("Dossierlijst", "Dossier list"))
            .changed()
        {
            out.push(Action::ShowList(list));
        }
        let mut editor = layout.show_editor;
        if ui
            .checkbox(&mut editor, lang.pick("Bewerkpaneel", "Editor panel"))
            .changed()
        {
            out.push(Action::ShowEditor(editor));
        }
        let mut dark = layout.dark;
        if ui
            .checkbox(&mut dark, lang.pick("Donker thema", "Dark theme"))
            .changed()
        {
            out.push(Action::SetDark(dark));
        }
    });
}

/// The central views and the presentation.
fn views_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    for (view, text) in [
        (View::Dossier, lang.pick("Dossier", "Dossier")),
        (View::Caseload, lang.pick("Caseload", "Caseload")),
        (View::Statistics, lang.pick("Statistiek", "Statistics")),
        (View::Agenda, lang.pick("Agenda", "Agenda")),
    ] {
        if ui.selectable_label(cx.layout.view == view, text).clicked() && cx.layout.view != view {
            out.push(Action::SetView(view));
        }
    }
    if ui
        .button(lang.pick("Presenteren", "Present"))
        .on_hover_text("F11")
        .clicked()
    {
        out.push(Action::Present(true));
    }
}

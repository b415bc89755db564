//! The menu bar: files, edit, view, language, reference date, help.

use super::state::{Pending, Request, State, View};
use crate::lang::Lang;
use crate::model::{Dossier, Plan};

/// A new, empty dossier starting on the reference date.
fn new_dossier(state: &State) -> Dossier {
    let today = state.ws.today();
    let n = state.ws.entries.len() + 1;
    Dossier {
        id: format!("NIEUW-{}-{n:04}", chrono::Datelike::year(&today)),
        client: String::new(),
        ocmw: String::new(),
        guided_by: None,
        plan: Some(Plan::Pop),
        start: today,
        end: None,
        social_rights_acquired: None,
        instruments: Vec::new(),
        documents: Vec::new(),
        activities: Vec::new(),
        outcome: None,
    }
}

/// Draws the menu bar.
pub fn menu_ui(state: &mut State, ui: &mut egui::Ui) {
    let lang = state.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("Bestand", "File"), |ui| {
            if ui
                .button(lang.pick("Map openen…", "Open folder…"))
                .clicked()
            {
                state.guard(Pending::Dialog(Request::OpenFolder));
                ui.close();
            }
            if ui
                .button(lang.pick("Bestand openen…", "Open file…"))
                .clicked()
            {
                state.guard(Pending::Dialog(Request::OpenFile));
                ui.close();
            }
            ui.menu_button(lang.pick("Recente werkmappen", "Recent workspaces"), |ui| {
                if state.recent.is_empty() {
                    ui.weak(lang.pick("(geen)", "(none)"));
                }
                for path in state.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        state.guard(Pending::Open(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            if ui
                .button(lang.pick("Nieuw dossier", "New dossier"))
                .clicked()
            {
                let d = new_dossier(state);
                let i = state.ws.add(d);
                state.open_entry(i);
                ui.close();
            }
            if ui
                .add(egui::Button::new(lang.pick("Bewaren", "Save")).shortcut_text("Ctrl+S"))
                .clicked()
            {
                state.save_current();
                ui.close();
            }
            if ui
                .add(
                    egui::Button::new(lang.pick("Alles bewaren", "Save all"))
                        .shortcut_text("Ctrl+Shift+S"),
                )
                .clicked()
            {
                state.save_all();
                ui.close();
            }
            if ui.button(lang.pick("Bewaren als…", "Save as…")).clicked() {
                if let Some(i) = state.sel.entry {
                    state.request = Some(Request::SaveAs(i));
                }
                ui.close();
            }
            ui.separator();
            if ui.button(lang.pick("Afsluiten", "Quit")).clicked() {
                state.guard(Pending::Quit);
                ui.close();
            }
        });
        ui.menu_button(lang.pick("Bewerken", "Edit"), |ui| {
            if ui
                .add_enabled(
                    state.ws.can_undo(),
                    egui::Button::new(lang.pick("Ongedaan maken", "Undo")).shortcut_text("Ctrl+Z"),
                )
                .clicked()
            {
                state.undo();
                ui.close();
            }
            if ui
                .add_enabled(
                    state.ws.can_redo(),
                    egui::Button::new(lang.pick("Opnieuw", "Redo")).shortcut_text("Ctrl+Y"),
                )
                .clicked()
            {
                state.redo();
                ui.close();
            }
        });
        ui.menu_button(lang.pick("Beeld", "View"), |ui| {
            ui.checkbox(
                &mut state.show_list,
                lang.pick("Dossierlijst", "Dossier list"),
            );
            ui.checkbox(
                &mut state.show_editor,
                lang.pick("Bewerkpaneel", "Editor panel"),
            );
            ui.checkbox(&mut state.dark, lang.pick("Donker thema", "Dark theme"));
        });
        ui.separator();
        ui.selectable_value(
            &mut state.view,
            View::Dossier,
            lang.pick("Dossier", "Dossier"),
        );
        ui.selectable_value(
            &mut state.view,
            View::Caseload,
            lang.pick("Caseload", "Caseload"),
        );
        ui.selectable_value(
            &mut state.view,
            View::Statistics,
            lang.pick("Statistiek", "Statistics"),
        );
        if ui
            .button(lang.pick("Presenteren", "Present"))
            .on_hover_text("F11")
            .clicked()
        {
            state.presenting = true;
        }
        ui.separator();
        ui.selectable_value(&mut state.lang, Lang::Nl, "NL")
            .on_hover_text("Nederlands");
        ui.selectable_value(&mut state.lang, Lang::En, "EN")
            .on_hover_text("English");
        ui.separator();
        let today = state.ws.today();
        if let Some(d) = super::dates::date_edit(
            ui,
            "today",
            lang.pick("Referentiedatum", "Reference date"),
            today,
            lang,
        ) {
            state.set_today(d);
        }
        ui.separator();
        if ui.button(lang.pick("Help (F1)", "Help (F1)")).clicked() {
            state.show_help = !state.show_help;
        }
    });
}

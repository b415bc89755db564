//! The menu bar: files, edit, view, language, reference date, help.

use super::action::{Action, Edit, File, Pending, Setting};
use super::command::Command;
use super::cx::{View, ViewCx};
use super::panel::Panel;
use twe_core::lang::Lang;

/// The menu bar: it keeps no state of its own; every choice is an action.
#[derive(Default)]
pub struct MenuBar;

impl MenuBar {}

fn file_menu_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    ui.menu_button(lang.pick("Bestand", "File"), |ui| {
        super::palette::focus_ring(ui);
        Command::OpenFolder.menu_item(cx, ui, out);
        Command::OpenFile.menu_item(cx, ui, out);
        ui.menu_button(lang.pick("Recente werkmappen", "Recent workspaces"), |ui| {
            super::palette::focus_ring(ui);
            if cx.recent.is_empty() {
                ui.weak(lang.pick("(geen)", "(none)"));
            }
            for path in cx.recent {
                if ui.button(path.display().to_string()).clicked() {
                    ui.close();
                    out.push(Action::File(File::Guard(Pending::Open(path.clone()))));
                }
            }
        });
        ui.separator();
        for command in [
            Command::NewDossier,
            Command::Save,
            Command::SaveAll,
            Command::SaveAs,
        ] {
            command.menu_item(cx, ui, out);
        }
        ui.separator();
        for command in [
            Command::ImportSpreadsheet,
            Command::ExportCaseload,
            Command::PrintPlan,
            Command::PrintClientPlan,
        ] {
            command.menu_item(cx, ui, out);
        }
        ui.separator();
        Command::Quit.menu_item(cx, ui, out);
    });
}

fn edit_menu_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    ui.menu_button(cx.lang.pick("Bewerken", "Edit"), |ui| {
        super::palette::focus_ring(ui);
        Command::Undo.menu_item(cx, ui, out);
        Command::Redo.menu_item(cx, ui, out);
        ui.separator();
        Command::DeleteDossier.menu_item(cx, ui, out);
    });
}

fn view_menu_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let layout = cx.layout;
    ui.menu_button(lang.pick("Beeld", "View"), |ui| {
        super::palette::focus_ring(ui);
        let mut list = layout.show_list;
        if ui
            .checkbox(&mut list, lang.pick("Dossierlijst", "Dossier list"))
            .changed()
        {
            out.push(Action::Setting(Setting::ShowList(list)));
        }
        let mut editor = layout.show_editor;
        if ui
            .checkbox(&mut editor, lang.pick("Bewerkpaneel", "Editor panel"))
            .changed()
        {
            out.push(Action::Setting(Setting::ShowEditor(editor)));
        }
        let mut dark = layout.dark;
        if ui
            .checkbox(&mut dark, lang.pick("Donker thema", "Dark theme"))
            .changed()
        {
            out.push(Action::Setting(Setting::SetDark(dark)));
        }
    });
}

/// The central views and the presentation.
fn views_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    for (view, command) in [
        (View::Dossier, Command::ShowDossier),
        (View::Caseload, Command::ShowCaseload),
        (View::Statistics, Command::ShowStatistics),
        (View::Agenda, Command::ShowAgenda),
    ] {
        if ui
            .selectable_label(cx.layout.view == view, command.label(lang))
            .on_hover_ui(|ui| {
                ui.label(command_hover(command, ui.ctx(), lang));
            })
            .clicked()
            && cx.layout.view != view
        {
            out.extend(command.action(cx));
        }
    }
    if ui
        .button(Command::Present.label(lang))
        .on_hover_ui(|ui| {
            ui.label(command_hover(Command::Present, ui.ctx(), lang));
        })
        .clicked()
    {
        out.extend(Command::Present.action(cx));
    }
}

/// A command's help with its key: "The open dossier: … (Ctrl+1)".
/// The bar under the menu while the window shows the built-in sample: it says so, and
/// offers to open the user's own folder (a new user took the sample for their caseload).
pub fn sample_bar_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.strong(lang.pick("Voorbeeldwerkmap", "Sample workspace"));
        ui.label(lang.pick(
            "Deze dossiers zijn een voorbeeld; om te bewaren kiest u eerst een map. Open uw eigen map via Bestand, Map openen.",
            "These dossiers are an example; saving asks for a folder first. Open your own folder with File, Open folder.",
        ));
        if ui.button(Command::OpenFolder.label(lang)).clicked() {
            out.extend(Command::OpenFolder.action(cx));
        }
    });
}

fn command_hover(command: Command, ctx: &egui::Context, lang: Lang) -> String {
    match command.shortcut_text(ctx, lang) {
        Some(k) => format!("{} ({k})", command.help(lang)),
        None => command.help(lang).to_string(),
    }
}

impl Panel for MenuBar {
    /// Draws the menu bar.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            super::palette::focus_ring(ui);
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
                    out.push(Action::Setting(Setting::SetLang(l)));
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
                out.push(Action::Edit(Edit::SetToday(d)));
            }
            ui.separator();
            if ui
                .button(Command::Help.label_with_key(ui.ctx(), lang))
                .on_hover_ui(|ui| {
                    ui.label(Command::Help.help(lang));
                })
                .clicked()
            {
                out.extend(Command::Help.action(cx));
            }
        });
    }
}

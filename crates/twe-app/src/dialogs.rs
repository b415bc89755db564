//! The questions the window asks in a modal dialog: unsaved changes, a file changed on disk,
//! unsaved work from a previous session. The panel owns the question; an answer closes it
//! and becomes an action.

use super::action::{Action, Edit, File, Question, Request, Shell};
use super::command::Command;
use super::cx::ViewCx;
use super::panel::Panel;
use std::fmt::Write as _;
use std::path::PathBuf;
use twe_core::lang::Lang;

/// A path typed by the user where the system's file dialog cannot open.
struct PathPrompt {
    /// What the path is for.
    request: Request,
    /// The path as typed so far.
    text: String,
    /// Why the system's dialog did not open.
    why: String,
    /// Whether the field has had the keyboard focus given: it gets it once, when the
    /// prompt opens, so the user types the path at once.
    focused: bool,
}

/// The modal question, if one is asked, and the path prompt.
#[derive(Default)]
pub struct Dialogs {
    question: Option<Question>,
    prompt: Option<PathPrompt>,
}

impl Dialogs {
    /// Asks `q` (replacing any question asked before).
    pub fn ask(&mut self, q: Question) {
        self.question = Some(q);
    }

    /// The question being asked.
    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// Asks for a path in the window, starting from `default`, saying `why` the system's
    /// dialog did not open.
    pub fn ask_path(&mut self, request: Request, default: &std::path::Path, why: String) {
        self.prompt = Some(PathPrompt {
            request,
            text: default.display().to_string(),
            why,
            focused: false,
        });
    }

    /// Whether a path is being asked for.
    pub fn asks_path(&self) -> bool {
        self.prompt.is_some()
    }

    /// The path prompt: a text field with OK and Cancel; a path to be written that exists
    /// is said so, and replaced only by the «Replace» button.
    fn prompt_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let lang = cx.lang;
        let ctx = ui.ctx().clone();
        let mut done = false;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(&ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(prompt_title(&prompt.request, lang));
            ui.colored_label(
                super::palette::severity(
                    twe_core::rules::Severity::Warning,
                    ui.visuals().dark_mode,
                ),
                &prompt.why,
            );
            let label = ui.label(lang.pick("Pad", "Path"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if !prompt.focused {
                prompt.focused = true;
                field.request_focus();
            }
            let path = PathBuf::from(prompt.text.trim());
            let exists = prompt.request.writes() && path.exists();
            if exists {
                ui.label(lang.pick(
                    "Dit bestand bestaat al: «Vervangen» schrijft erover.",
                    "This file exists already: «Replace» writes over it.",
                ));
            }
            // Enter confirms a new path; replacing a file takes the button.
            let enter =
                !exists && field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let text = if exists {
                    lang.pick("Vervangen", "Replace")
                } else {
                    "OK"
                };
                let ok = ui.button(text).clicked() || enter;
                if ok && !prompt.text.trim().is_empty() {
                    out.push(Action::File(File::PathChosen(prompt.request.clone(), path)));
                    done = true;
                }
                if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                    done = true;
                }
            });
        });
        if done {
            self.prompt = None;
        }
    }
}

/// The name of entry `i` in a question.
fn entry_name(cx: &ViewCx<'_>, i: usize) -> String {
    cx.ws
        .entry(i)
        .map(|e| e.name().to_string())
        .unwrap_or_default()
}

/// Unsaved work of a previous session: restore or discard.
fn recover_ui(
    ui: &mut egui::Ui,
    n: usize,
    lang: Lang,
    answer: &mut impl FnMut(&mut egui::Ui, &str, Option<Action>),
) {
    ui.heading(lang.pick("Niet-bewaard werk gevonden", "Unsaved work found"));
    ui.label(format!(
        "{n} {}",
        lang.pick(
            "dossier(s) hadden wijzigingen die niet bewaard waren toen twe-planner stopte.",
            "dossier(s) had changes that were not saved when twe-planner stopped."
        )
    ));
    ui.horizontal(|ui| {
        answer(
            ui,
            lang.pick("Herstellen", "Restore"),
            Some(Action::File(File::RestoreJournal)),
        );
        answer(
            ui,
            lang.pick("Weggooien", "Discard"),
            Some(Action::File(File::DiscardJournal)),
        );
    });
}

/// The heading of the path prompt.
fn prompt_title(request: &Request, lang: Lang) -> &'static str {
    match request {
        Request::OpenFolder => lang.pick("Werkmap openen", "Open workspace"),
        Request::OpenFile => lang.pick("Dossierbestand openen", "Open dossier file"),
        Request::SaveAs(_) => lang.pick("Bewaren als", "Save as"),
        Request::SaveUnfiled => lang.pick(
            "Map voor de nieuwe dossierbestanden",
            "Folder for the new dossier files",
        ),
        Request::ImportSpreadsheet => lang.pick(
            "Spreadsheet importeren (.xlsx of .csv)",
            "Import spreadsheet (.xlsx or .csv)",
        ),
        Request::ImportInto => lang.pick(
            "Nieuwe of lege map voor de dossiers",
            "New or empty folder for the dossiers",
        ),
        Request::ExportCsv(_) => lang.pick("CSV bewaren als", "Save CSV as"),
        Request::ExportPng(_) => lang.pick("PNG bewaren als", "Save PNG as"),
        Request::ExportIcs(_) => lang.pick("Agenda bewaren als", "Save calendar as"),
        Request::ExportXlsx { .. } => lang.pick("Werkboek bewaren als", "Save workbook as"),
        Request::ExportPdf { .. } => lang.pick("PDF bewaren als", "Save PDF as"),
    }
}

/// The unsaved dossiers by id, the first eight, then how many more.
fn unsaved_names(cx: &ViewCx<'_>, lang: Lang) -> String {
    const SHOWN: usize = 8;
    let dirty: Vec<&str> = cx
        .ws
        .entries()
        .iter()
        .filter(|e| e.is_dirty())
        .map(|e| e.dossier().id.as_str())
        .collect();
    let mut text = dirty
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if dirty.len() > SHOWN {
        let _ = write!(
            text,
            " {} {} {}",
            lang.pick("en", "and"),
            dirty.len() - SHOWN,
            lang.pick("meer", "more")
        );
    }
    text
}

impl Panel for Dialogs {
    /// Draws the question or the path prompt, if any; an answer closes it and is pushed as
    /// an action.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        self.prompt_ui(cx, ui, out);
        let Some(q) = self.question.clone() else {
            return;
        };
        let lang = cx.lang;
        let ctx = ui.ctx().clone();
        let mut answered = false;
        egui::Modal::new(egui::Id::unique("question")).show(&ctx, |ui| {
            ui.set_max_width(460.0);
            let mut answer = |ui: &mut egui::Ui, text: &str, then: Option<Action>| {
                if ui.button(text).clicked() {
                    answered = true;
                    out.extend(then);
                }
            };
            match q {
                Question::Unsaved(pending) => {
                    ui.heading(lang.pick("Niet-bewaarde wijzigingen", "Unsaved changes"));
                    ui.label(format!(
                        "{} {}",
                        cx.ws.dirty_count(),
                        lang.pick(
                            "dossier(s) hebben wijzigingen die nog niet bewaard zijn:",
                            "dossier(s) have changes that are not saved yet:"
                        )
                    ));
                    ui.label(unsaved_names(cx, lang));
                    ui.horizontal(|ui| {
                        let save = Action::File(File::SaveAllThen(pending.clone()));
                        answer(ui, lang.pick("Alles bewaren", "Save all"), Some(save));
                        let discard = Action::File(File::DiscardThen(pending));
                        answer(ui, lang.pick("Niet bewaren", "Discard"), Some(discard));
                        answer(ui, lang.pick("Annuleren", "Cancel"), None);
                    });
                }
                Question::Conflict(i) => {
                    ui.heading(lang.pick(
                        "Bestand buiten twe-planner gewijzigd",
                        "File changed outside twe-planner",
                    ));
                    ui.label(format!(
                        "{}: {}",
                        entry_name(cx, i),
                        lang.pick(
                            "u hebt dit dossier hier gewijzigd en het bestand is intussen ook gewijzigd.",
                            "you changed this dossier here and its file changed meanwhile."
                        )
                    ));
                    ui.horizontal(|ui| {
                        let mine = Some(Action::File(File::KeepMine(i)));
                        answer(ui, lang.pick("Mijn versie houden", "Keep mine"), mine);
                        let theirs = Some(Action::File(File::TakeTheirs(i)));
                        answer(ui, lang.pick("Hun versie nemen", "Take theirs"), theirs);
                        let elsewhere = Some(Action::Shell(Shell::Dialog(Request::SaveAs(i))));
                        answer(
                            ui,
                            lang.pick("Mijn versie elders bewaren…", "Save mine elsewhere…"),
                            elsewhere,
                        );
                    });
                }
                Question::Recover(n) => recover_ui(ui, n, lang, &mut answer),
                Question::Delete(entry) => {
                    ui.heading(lang.pick("Dossier verwijderen?", "Delete the dossier?"));
                    let undo = Command::Undo.label_with_key(ui.ctx(), lang);
                    ui.label(format!(
                        "{}: {} {undo} {}",
                        entry_name(cx, entry),
                        lang.pick(
                            "het bestand, de reservekopie en het herstelbestand verdwijnen: niets van de cliënt blijft achter.",
                            "its file, its backup and its recovery copy go: nothing of the client stays behind."
                        ),
                        lang.pick(
                            "kan het terugzetten zolang dit venster open is.",
                            "brings it back while this window is open."
                        )
                    ));
                    ui.horizontal(|ui| {
                        let delete = Some(Action::Edit(Edit::DeleteDossier(entry)));
                        answer(ui, lang.pick("Verwijderen", "Delete"), delete);
                        answer(ui, lang.pick("Annuleren", "Cancel"), None);
                    });
                }
                Question::TakeOver { entry, who } => {
                    ui.heading(lang.pick("Slot overnemen?", "Take over the lock?"));
                    ui.label(format!(
                        "{}: {who}. {}",
                        entry_name(cx, entry),
                        lang.pick(
                            "Dat venster lijkt weg (het proces bestaat niet meer, of het slot is ouder dan 12 uur). Wie het overneemt, kan wijzigingen van dat venster overschrijven.",
                            "That window seems gone (its process no longer runs, or the lock is older than 12 hours). Taking it over may overwrite that window's changes."
                        )
                    ));
                    ui.horizontal(|ui| {
                        let take = Some(Action::Edit(Edit::TakeOverLock(entry)));
                        answer(ui, lang.pick("Overnemen", "Take over"), take);
                        let copy = Some(Action::Edit(Edit::CopyDossier(entry)));
                        answer(ui, lang.pick("Kopie openen", "Open a copy"), copy);
                        answer(ui, lang.pick("Annuleren", "Cancel"), None);
                    });
                }
                Question::SaveElsewhere { entry, why } => {
                    ui.heading(lang.pick("Niet bewaard", "Not saved"));
                    ui.label(why);
                    ui.horizontal(|ui| {
                        let elsewhere = Some(Action::Shell(Shell::Dialog(Request::SaveAs(entry))));
                        answer(
                            ui,
                            lang.pick("Elders bewaren…", "Save elsewhere…"),
                            elsewhere,
                        );
                        answer(ui, lang.pick("Annuleren", "Cancel"), None);
                    });
                }
                Question::ChangedOnDisk(i) => {
                    ui.heading(lang.pick("Bestand gewijzigd", "File changed"));
                    ui.label(format!(
                        "{}: {}",
                        entry_name(cx, i),
                        lang.pick(
                            "het bestand is buiten twe-planner gewijzigd sinds het geladen werd.",
                            "the file changed outside twe-planner since it was loaded."
                        )
                    ));
                    ui.horizontal(|ui| {
                        let over = Some(Action::File(File::SaveOver(i)));
                        answer(ui, lang.pick("Overschrijven", "Overwrite"), over);
                        let elsewhere = Some(Action::Shell(Shell::Dialog(Request::SaveAs(i))));
                        answer(
                            ui,
                            lang.pick("Elders bewaren…", "Save elsewhere…"),
                            elsewhere,
                        );
                        answer(ui, lang.pick("Annuleren", "Cancel"), None);
                    });
                }
            }
        });
        if answered {
            self.question = None;
        }
    }
}

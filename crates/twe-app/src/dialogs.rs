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
        let modal = egui::Modal::new(egui::Id::unique("path-prompt")).show(&ctx, |ui| {
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
            // A document is never written at a dossier's name, whatever the answer.
            let dossier = prompt.request.is_document() && twe_core::files::has_ron_extension(&path);
            let exists = prompt.request.writes() && path.exists();
            if dossier {
                ui.label(twe_core::files::DocumentError::Dossier.reason(lang));
            } else if exists {
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
                let ok = ui.add_enabled(!dossier, egui::Button::new(text)).clicked() || enter;
                if ok && !dossier && !prompt.text.trim().is_empty() {
                    out.push(Action::File(File::PathChosen(prompt.request.clone(), path)));
                    done = true;
                }
                if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                    done = true;
                }
            });
        });
        // Esc cancels, as the Cancel button does.
        if escape_pressed(&ctx, modal.is_top_modal) {
            done = true;
        }
        if done {
            self.prompt = None;
        }
    }
}

/// Whether Esc was pressed for the modal on top, with no list open in it (Esc closes the
/// list first); takes the key.
fn escape_pressed(ctx: &egui::Context, top: bool) -> bool {
    top && !egui::Popup::is_any_open(ctx)
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// The name of entry `i` in a question.
fn entry_name(cx: &ViewCx<'_>, i: usize) -> String {
    cx.ws
        .entry(i)
        .map(|e| e.name().to_string())
        .unwrap_or_default()
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
        Request::SaveInto(_) => lang.pick("Map voor dit dossier", "Folder for this dossier"),
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

/// A question as it is asked: a heading, what it is about, and its answers, each with what
/// it does (none: the question closes and nothing happens).
struct Asked {
    heading: &'static str,
    text: Vec<String>,
    answers: Vec<(&'static str, Option<Action>)>,
}

/// The words and answers of question `q`.
#[expect(
    clippy::too_many_lines,
    reason = "a table of messages: one arm per question, each in both languages"
)]
fn asked(q: Question, cx: &ViewCx<'_>, ctx: &egui::Context) -> Asked {
    let lang = cx.lang;
    let cancel = (lang.pick("Annuleren", "Cancel"), None);
    let elsewhere = |i, text| (text, Some(Action::Shell(Shell::Dialog(Request::SaveAs(i)))));
    match q {
        Question::Unsaved(pending) => Asked {
            heading: lang.pick("Niet-bewaarde wijzigingen", "Unsaved changes"),
            text: vec![
                {
                    let n = cx.ws.dirty_count();
                    format!(
                        "{} {}",
                        twe_core::lang::dossiers(n as i64, lang),
                        match (lang, n == 1) {
                            (Lang::Nl, true) => "heeft wijzigingen die nog niet bewaard zijn:",
                            (Lang::Nl, false) => "hebben wijzigingen die nog niet bewaard zijn:",
                            (Lang::En, true) => "has changes that are not saved yet:",
                            (Lang::En, false) => "have changes that are not saved yet:",
                        }
                    )
                },
                unsaved_names(cx, lang),
                crate::dates::unfinished(ctx)
                    .map(|why| why.get(lang).to_string())
                    .unwrap_or_default(),
            ],
            answers: vec![
                (
                    lang.pick("Alles bewaren", "Save all"),
                    Some(Action::File(File::SaveAllThen(pending.clone()))),
                ),
                (
                    lang.pick("Niet bewaren", "Discard"),
                    Some(Action::File(File::DiscardThen(pending))),
                ),
                cancel,
            ],
        },
        Question::Conflict(i) => Asked {
            heading: lang.pick(
                "Bestand buiten twe-planner gewijzigd",
                "File changed outside twe-planner",
            ),
            text: vec![format!(
                "{}: {}",
                entry_name(cx, i),
                lang.pick(
                    "u hebt dit dossier hier gewijzigd en het bestand is intussen ook gewijzigd.",
                    "you changed this dossier here and its file changed meanwhile."
                )
            )],
            answers: vec![
                (
                    lang.pick("Mijn versie houden", "Keep mine"),
                    Some(Action::File(File::KeepMine(i))),
                ),
                (
                    lang.pick("De versie van het bestand nemen", "Take theirs"),
                    Some(Action::File(File::TakeTheirs(i))),
                ),
                elsewhere(
                    i,
                    lang.pick("Mijn versie elders bewaren…", "Save mine elsewhere…"),
                ),
            ],
        },
        Question::Recover(n) => Asked {
            heading: lang.pick("Niet-bewaard werk gevonden", "Unsaved work found"),
            text: vec![format!(
                "{} {}",
                twe_core::lang::dossiers(n as i64, lang),
                match (lang, n == 1) {
                    (Lang::Nl, true) => {
                        "had wijzigingen die niet bewaard waren toen twe-planner stopte."
                    }
                    (Lang::Nl, false) => {
                        "hadden wijzigingen die niet bewaard waren toen twe-planner stopte."
                    }
                    (Lang::En, _) => "had changes that were not saved when twe-planner stopped.",
                }
            )],
            answers: vec![
                (
                    lang.pick("Herstellen", "Restore"),
                    Some(Action::File(File::RestoreJournal)),
                ),
                (
                    lang.pick("Weggooien", "Discard"),
                    Some(Action::File(File::DiscardJournal)),
                ),
            ],
        },
        Question::Delete(entry) => Asked {
            heading: lang.pick("Dossier verwijderen?", "Delete the dossier?"),
            text: vec![format!(
                "{}: {} {} {}",
                entry_name(cx, entry),
                lang.pick(
                    "het bestand, de reservekopie en het herstelbestand verdwijnen: niets van de cliënt blijft achter.",
                    "its file, its backup and its recovery copy go: nothing of the client stays behind."
                ),
                Command::Undo.label_with_key(ctx, lang),
                lang.pick(
                    "kan het terugzetten zolang dit venster open is.",
                    "brings it back while this window is open."
                )
            )],
            answers: vec![
                (
                    lang.pick("Verwijderen", "Delete"),
                    Some(Action::Edit(Edit::DeleteDossier(entry))),
                ),
                cancel,
            ],
        },
        Question::TakeOver { entry, who } => Asked {
            heading: lang.pick("Dossier overnemen van het andere venster?", "Take over the lock?"),
            text: vec![format!(
                "{}: {who}. {}",
                entry_name(cx, entry),
                lang.pick(
                    "Dat venster lijkt weg (het proces bestaat niet meer, of het slot is ouder dan 12 uur). Wie het overneemt, kan wijzigingen van dat venster overschrijven.",
                    "That window seems gone (its process no longer runs, or the lock is older than 12 hours). Taking it over may overwrite that window's changes."
                )
            )],
            answers: vec![
                (
                    lang.pick("Overnemen", "Take over"),
                    Some(Action::Edit(Edit::TakeOverLock(entry))),
                ),
                (
                    lang.pick("Kopie openen", "Open a copy"),
                    Some(Action::Edit(Edit::CopyDossier(entry))),
                ),
                cancel,
            ],
        },
        Question::SaveElsewhere { entry, why } => Asked {
            heading: lang.pick("Niet bewaard", "Not saved"),
            text: vec![why],
            answers: vec![
                elsewhere(entry, lang.pick("Elders bewaren…", "Save elsewhere…")),
                cancel,
            ],
        },
        Question::ChangedOnDisk(i) => Asked {
            heading: lang.pick("Bestand gewijzigd", "File changed"),
            text: vec![format!(
                "{}: {}",
                entry_name(cx, i),
                lang.pick(
                    "het bestand is buiten twe-planner gewijzigd sinds het geladen werd.",
                    "the file changed outside twe-planner since it was loaded."
                )
            )],
            answers: vec![
                (
                    lang.pick("Overschrijven", "Overwrite"),
                    Some(Action::File(File::SaveOver(i))),
                ),
                elsewhere(i, lang.pick("Elders bewaren…", "Save elsewhere…")),
                cancel,
            ],
        },
    }
}

impl Panel for Dialogs {
    /// Draws the question or the path prompt, if any; an answer closes it and is pushed as
    /// an action.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        self.prompt_ui(cx, ui, out);
        let Some(q) = self.question.clone() else {
            return;
        };
        let ctx = ui.ctx().clone();
        let asked = asked(q, cx, &ctx);
        let mut answered = false;
        // Esc answers "Cancel" where the question has it (it changes nothing).
        let can_cancel = asked.answers.iter().any(|(_, then)| then.is_none());
        let modal = egui::Modal::new(egui::Id::unique("question")).show(&ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(asked.heading);
            for line in asked.text.iter().filter(|l| !l.is_empty()) {
                ui.label(line);
            }
            ui.horizontal(|ui| {
                for (text, then) in asked.answers {
                    if ui.button(text).clicked() {
                        answered = true;
                        out.extend(then);
                    }
                }
            });
        });
        if can_cancel && escape_pressed(&ctx, modal.is_top_modal) {
            answered = true;
        }
        if answered {
            self.question = None;
        }
    }
}

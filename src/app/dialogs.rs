//! The questions the window asks in a modal dialog: unsaved changes, a file changed on disk,
//! unsaved work from a previous session. The panel owns the question; an answer closes it
//! and becomes an action.

use super::action::{Action, Question, Request};
use super::cx::ViewCx;
use crate::lang::Lang;

/// The modal question, if one is asked.
#[derive(Default)]
pub struct Dialogs {
    question: Option<Question>,
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

    /// Draws the question, if any; an answer closes it and is pushed as an action.
    pub fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
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
                            "dossier(s) hebben wijzigingen die nog niet bewaard zijn.",
                            "dossier(s) have changes that are not saved yet."
                        )
                    ));
                    ui.horizontal(|ui| {
                        let save = Action::SaveAllThen(pending.clone());
                        answer(ui, lang.pick("Alles bewaren", "Save all"), Some(save));
                        let discard = Action::DiscardThen(pending);
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
                        let mine = Some(Action::KeepMine(i));
                        answer(ui, lang.pick("Mijn versie houden", "Keep mine"), mine);
                        let theirs = Some(Action::TakeTheirs(i));
                        answer(ui, lang.pick("Hun versie nemen", "Take theirs"), theirs);
                        let elsewhere = Some(Action::Dialog(Request::SaveAs(i)));
                        answer(
                            ui,
                            lang.pick("Mijn versie elders bewaren…", "Save mine elsewhere…"),
                            elsewhere,
                        );
                    });
                }
                Question::Recover(n) => recover_ui(ui, n, lang, &mut answer),
                Question::SaveElsewhere { entry, why } => {
                    ui.heading(lang.pick("Niet bewaard", "Not saved"));
                    ui.label(why);
                    ui.horizontal(|ui| {
                        let elsewhere = Some(Action::Dialog(Request::SaveAs(entry)));
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
                        let over = Some(Action::SaveOver(i));
                        answer(ui, lang.pick("Overschrijven", "Overwrite"), over);
                        let elsewhere = Some(Action::Dialog(Request::SaveAs(i)));
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
            Some(Action::RestoreJournal),
        );
        answer(
            ui,
            lang.pick("Weggooien", "Discard"),
            Some(Action::DiscardJournal),
        );
    });
}

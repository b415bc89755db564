//! Edits: a dossier changed in a panel, undo and redo, new dossiers and copies, deletion,
//! another window's lock taken over, the reference date.

use super::super::action::{Edit, Question};
use super::super::command::Command;
use super::super::cx::Selection;
use super::Window;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_core::workspace::{EditKey, EditRefused, Workspace};

impl Window {
    /// Changes to the workspace's dossiers.
    pub(super) fn edit_action(&mut self, action: Edit) {
        match action {
            Edit::Replace {
                entry,
                dossier,
                key,
            } => self.edit(entry, dossier, key),
            Edit::Undo => self.undo(),
            Edit::Redo => self.redo(),
            Edit::NewDossier => {
                let me = self.list.counsellor().map(str::to_string);
                let i = self
                    .shared
                    .ws
                    .add(new_dossier(&self.shared.ws, me.as_deref()));
                self.reveal(i);
                self.open_entry(i);
                // The first thing to write is who the client is.
                self.shared.layout.view = super::View::Dossier;
                if let Some(ctx) = &self.ctx {
                    super::super::focus::request(ctx, super::super::focus::Field::Client);
                }
            }
            Edit::CopyDossier(i) => {
                if let Some(copy) = copy_of(&self.shared.ws, i) {
                    let k = self.shared.ws.add(copy);
                    self.reveal(k);
                    self.open_entry(k);
                }
            }
            Edit::AskDelete(i) => self.dialogs.ask(Question::Delete(i)),
            Edit::DeleteDossier(i) => self.delete(i),
            Edit::AskTakeOver(i) => {
                let lang = self.shared.lang;
                if let Some(who) = self
                    .shared
                    .ws
                    .entry(i)
                    .and_then(|e| e.locked_by())
                    .map(|l| l.describe(lang))
                {
                    self.dialogs.ask(Question::TakeOver { entry: i, who });
                }
            }
            Edit::TakeOverLock(i) => {
                if let Err(e) = self.shared.ws.take_over_lock(i) {
                    self.refused(i, &e);
                }
            }
            Edit::SetToday(today) => {
                let mode = self.shared.ws.year_mode();
                self.shared.ws.set_context(today, mode);
            }
        }
    }

    /// Deletes entry `i` (the user was asked), and writes the journal at once so that it
    /// no longer holds the dossier either.
    /// Lists entry `i`, a dossier just made: a search or filter that leaves it out is
    /// cleared, and said (it was made and then nowhere to be seen).
    fn reveal(&mut self, i: usize) {
        if self.list.reveal(&self.shared.ws, i) {
            self.say(|lang| {
                lang.pick(
                    "Zoekopdracht en filters gewist, zodat het nieuwe dossier in de lijst staat",
                    "Search and filters cleared, so that the new dossier is in the list",
                )
                .to_string()
            });
        }
    }

    pub(super) fn delete(&mut self, i: usize) {
        let name = self
            .shared
            .ws
            .entry(i)
            .map(|e| e.name().to_string())
            .unwrap_or_default();
        match self.shared.ws.delete(i) {
            Ok(()) => {
                if self.shared.sel.entry == Some(i) {
                    self.shared.sel = Selection::default();
                    self.timeline.reset();
                }
                self.recovery.write_now(&self.shared.ws);
                let undo = |lang| self.key_of(Command::Undo, lang);
                let (nl, en) = (undo(Lang::Nl), undo(Lang::En));
                self.say(|lang| {
                    format!(
                        "{} {name} ({} {})",
                        lang.pick("Verwijderd:", "Deleted:"),
                        lang.pick(&nl, &en),
                        lang.pick("brengt het terug", "brings it back")
                    )
                });
            }
            Err(e) => self.say(|lang| e.message(&name, lang)),
        }
    }

    /// Applies an edit to entry `i` as one undoable step.
    pub(super) fn edit(&mut self, i: usize, dossier: Dossier, key: EditKey) {
        match self.shared.ws.apply(i, dossier, key) {
            Ok(true) => {
                self.shared.sel.finding = None;
                self.timeline.forget_proposal();
                self.clamp_selection();
            }
            Ok(false) => {}
            Err(e) => self.refused(i, &e),
        }
    }

    /// Says why an edit of entry `i` was refused (another window edits it).
    pub(super) fn refused(&mut self, i: usize, e: &EditRefused) {
        let name = self
            .shared
            .ws
            .entry(i)
            .map(|e| e.name().to_string())
            .unwrap_or_default();
        self.say(|lang| e.message(&name, lang));
    }

    pub(super) fn clamp_selection(&mut self) {
        let n = self
            .shared
            .sel
            .entry
            .and_then(|i| self.shared.ws.entry(i))
            .map_or(0, |e| e.dossier().instruments.len());
        if self.shared.sel.instrument.is_some_and(|k| k >= n) {
            self.shared.sel.instrument = None;
        }
    }

    /// Undo, and follow the edit to its dossier.
    pub(super) fn undo(&mut self) {
        match self.shared.ws.undo() {
            Some(Ok(i)) => self.follow(i, |lang| lang.pick("Ongedaan gemaakt", "Undone")),
            Some(Err((i, e))) => self.refused(i, &e),
            None => {}
        }
    }

    /// Redo, and follow the edit to its dossier.
    pub(super) fn redo(&mut self) {
        match self.shared.ws.redo() {
            Some(Ok(i)) => self.follow(i, |lang| lang.pick("Opnieuw gedaan", "Redone")),
            Some(Err((i, e))) => self.refused(i, &e),
            None => {}
        }
    }

    /// Shows entry `i` after an undo or redo touched it.
    pub(super) fn follow(&mut self, i: usize, said: fn(Lang) -> &'static str) {
        let deleted = self
            .shared
            .ws
            .entry(i)
            .is_none_or(twe_core::workspace::Entry::is_deleted);
        self.shared.sel.entry = (!deleted).then_some(i);
        self.shared.sel.finding = None;
        self.clamp_selection();
        self.say(|lang| said(lang).to_string());
    }
}

/// A new, empty dossier starting on the reference date.
fn new_dossier(ws: &Workspace, me: Option<&str>) -> Dossier {
    let today = ws.today();
    let n = ws.len() + 1;
    let id = format!("NIEUW-{}-{n:04}", chrono::Datelike::year(&today));
    // The plan starts empty (the rule asks for one; POP was a guess), and with "my
    // clients" on the dossier is the counsellor's, so it stays in the list it was made in.
    let mut d = Dossier::new(&id, "", "", today);
    d.counsellor = me.map(str::to_string);
    d
}

/// A copy of entry `i`'s dossier to work on while another window edits it: id
/// `ID-kopie-N` with the first N no dossier of the workspace has.
fn copy_of(ws: &Workspace, i: usize) -> Option<Dossier> {
    let mut copy = ws.entry(i)?.dossier().clone();
    copy.id = ws.copy_id(&copy.id);
    Some(copy)
}

//! Undo and redo: every edit as the whole dossier before and after, so undoing never has to
//! know what kind of edit it was; a deletion with its file's bytes, so undoing puts the file
//! back.

use crate::model::Dossier;

/// How many edits can be undone; older ones are forgotten (each holds two dossiers).
pub const MAX_UNDO: usize = 1000;

/// What an edit is, so that a run of keystrokes in one field becomes one undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditKey {
    /// An edit that never merges with the one before.
    Single,
    /// Typing in a text field, merged while the same field keeps changing.
    Field(String),
}

/// What a deleted dossier's file held, to put it back on undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deletion {
    /// The file it lived in.
    pub path: Option<std::path::PathBuf>,
    /// The file's bytes.
    pub bytes: Option<Vec<u8>>,
    /// The file's permission bits and group, given back with it (set on the new file
    /// before it takes the name, never afterwards by path).
    pub mode: Option<(u32, Option<u32>)>,
}

/// One undoable step.
#[derive(Clone, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a thousand steps at most; boxing the two dossiers of an edit would buy nothing"
)]
enum Step {
    /// An edit: the whole dossier before and after.
    Edit {
        entry: usize,
        key: EditKey,
        before: Dossier,
        after: Dossier,
    },
    /// A dossier deleted, with its file.
    Delete { entry: usize, deletion: Deletion },
}

impl Step {
    fn entry(&self) -> usize {
        match self {
            Step::Edit { entry, .. } | Step::Delete { entry, .. } => *entry,
        }
    }
}

/// What undoing or redoing a step does to its entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The entry's dossier becomes this.
    Dossier(Dossier),
    /// The entry is deleted again (redo of a deletion).
    Delete,
    /// The deleted entry comes back, with its file (undo of a deletion).
    Restore(Deletion),
}

/// The steps that can be undone and redone.
#[derive(Debug, Default)]
pub struct History {
    /// Steps that can be undone, oldest first.
    undo: Vec<Step>,
    /// Steps that were undone and can be redone, most recently undone last.
    redo: Vec<Step>,
}

impl History {
    /// Records that entry `entry` went from `before` to `after`. An edit with the same
    /// [`EditKey::Field`] on the same entry as the last one merges into it; any new step
    /// forgets what could be redone.
    pub fn record(&mut self, entry: usize, key: EditKey, before: Dossier, after: Dossier) {
        let merge = matches!(key, EditKey::Field(_))
            && self.redo.is_empty()
            && matches!(self.undo.last(), Some(Step::Edit { entry: e, key: k, .. }) if *e == entry && *k == key);
        match self.undo.last_mut() {
            Some(Step::Edit { after: last, .. }) if merge => *last = after,
            _ => self.push(Step::Edit {
                entry,
                key,
                before,
                after,
            }),
        }
        self.redo.clear();
    }

    /// Records that entry `entry` was deleted, with what its file held.
    pub fn record_delete(&mut self, entry: usize, deletion: Deletion) {
        self.push(Step::Delete { entry, deletion });
        self.redo.clear();
    }

    fn push(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > MAX_UNDO {
            // Oldest first: dropping the front keeps the most recent steps.
            self.undo.drain(..self.undo.len() - MAX_UNDO);
        }
    }

    /// The entry the next undo touches, and whether it edits its dossier (else it brings a
    /// deleted dossier back).
    pub fn next_undo(&self) -> Option<(usize, bool)> {
        self.undo
            .last()
            .map(|s| (s.entry(), matches!(s, Step::Edit { .. })))
    }

    /// The entry the next redo touches, and whether it edits its dossier.
    pub fn next_redo(&self) -> Option<(usize, bool)> {
        self.redo
            .last()
            .map(|s| (s.entry(), matches!(s, Step::Edit { .. })))
    }

    /// Takes back the last step: the entry it touched and what to do to it.
    pub fn undo(&mut self) -> Option<(usize, Change)> {
        let step = self.undo.pop()?;
        let back = match &step {
            Step::Edit { entry, before, .. } => (*entry, Change::Dossier(before.clone())),
            Step::Delete { entry, deletion } => (*entry, Change::Restore(deletion.clone())),
        };
        self.redo.push(step);
        Some(back)
    }

    /// Does the last undone step again: the entry it touches and what to do to it.
    pub fn redo(&mut self) -> Option<(usize, Change)> {
        let step = self.redo.pop()?;
        let again = match &step {
            Step::Edit { entry, after, .. } => (*entry, Change::Dossier(after.clone())),
            Step::Delete { entry, .. } => (*entry, Change::Delete),
        };
        self.undo.push(step);
        Some(again)
    }

    /// Puts the step just redone back to be redone (it could not be carried out).
    pub fn unredo(&mut self) {
        if let Some(step) = self.undo.pop() {
            self.redo.push(step);
        }
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dossier(client: &str) -> Dossier {
        let mut d = crate::sample::load().dossiers.remove(0).dossier;
        d.client = client.into();
        d
    }

    #[test]
    fn typing_in_one_field_merges_and_a_new_edit_forgets_the_redo() {
        let mut h = History::default();
        let field = || EditKey::Field("client".into());
        h.record(0, field(), dossier("a"), dossier("ab"));
        h.record(0, field(), dossier("ab"), dossier("abc"));
        h.record(1, field(), dossier("x"), dossier("xy"));
        let client = |c: Option<(usize, Change)>| match c {
            Some((i, Change::Dossier(d))) => Some((i, d.client)),
            _ => None,
        };
        assert_eq!(client(h.undo()), Some((1, "x".into())));
        assert_eq!(client(h.undo()), Some((0, "a".into())));
        assert!(!h.can_undo());
        assert_eq!(client(h.redo()), Some((0, "abc".into())));
        h.record(0, EditKey::Single, dossier("abc"), dossier("z"));
        assert!(!h.can_redo());
    }

    #[test]
    fn only_the_last_thousand_edits_are_kept() {
        let mut h = History::default();
        let d = dossier("a");
        for k in 0..MAX_UNDO + 5 {
            h.record(k, EditKey::Single, d.clone(), d.clone());
        }
        let mut n = 0;
        let mut last = None;
        while let Some((i, _)) = h.undo() {
            n += 1;
            last = Some(i);
        }
        assert_eq!(n, MAX_UNDO);
        assert_eq!(last, Some(5), "the oldest five were dropped");
    }
}

//! Undo and redo: every edit as the whole dossier before and after, so undoing never has to
//! know what kind of edit it was.

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

/// One undoable edit: the whole dossier before and after.
#[derive(Clone, Debug)]
struct Edit {
    entry: usize,
    key: EditKey,
    before: Dossier,
    after: Dossier,
}

/// The edits that can be undone and redone.
#[derive(Debug, Default)]
pub struct History {
    /// Edits that can be undone, oldest first.
    undo: Vec<Edit>,
    /// Edits that were undone and can be redone, most recently undone last.
    redo: Vec<Edit>,
}

impl History {
    /// Records that entry `entry` went from `before` to `after`. An edit with the same
    /// [`EditKey::Field`] on the same entry as the last one merges into it; any new edit
    /// forgets what could be redone.
    pub fn record(&mut self, entry: usize, key: EditKey, before: Dossier, after: Dossier) {
        let merge = matches!(key, EditKey::Field(_))
            && self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|last| last.entry == entry && last.key == key);
        match self.undo.last_mut() {
            Some(last) if merge => last.after = after,
            _ => self.undo.push(Edit {
                entry,
                key,
                before,
                after,
            }),
        }
        if self.undo.len() > MAX_UNDO {
            // Oldest first: dropping the front keeps the most recent steps.
            self.undo.drain(..self.undo.len() - MAX_UNDO);
        }
        self.redo.clear();
    }

    /// Takes back the last edit: the entry it touched and the dossier to put back.
    pub fn undo(&mut self) -> Option<(usize, Dossier)> {
        let edit = self.undo.pop()?;
        let back = (edit.entry, edit.before.clone());
        self.redo.push(edit);
        Some(back)
    }

    /// Does the last undone edit again: the entry it touched and the dossier to put back.
    pub fn redo(&mut self) -> Option<(usize, Dossier)> {
        let edit = self.redo.pop()?;
        let again = (edit.entry, edit.after.clone());
        self.undo.push(edit);
        Some(again)
    }

    /// The entry the next undo touches.
    pub fn next_undo(&self) -> Option<usize> {
        self.undo.last().map(|e| e.entry)
    }

    /// The entry the next redo touches.
    pub fn next_redo(&self) -> Option<usize> {
        self.redo.last().map(|e| e.entry)
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
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
        assert_eq!(h.undo().map(|(i, d)| (i, d.client)), Some((1, "x".into())));
        assert_eq!(h.undo().map(|(i, d)| (i, d.client)), Some((0, "a".into())));
        assert!(!h.can_undo());
        assert_eq!(h.redo().map(|(_, d)| d.client), Some("abc".into()));
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

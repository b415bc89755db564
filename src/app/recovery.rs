//! The window's side of the recovery journal: unsaved edits are written every few seconds,
//! and a previous session's journal is offered back once.

use crate::workspace::{JournalEntry, Workspace};
use std::time::Duration;

/// How often unsaved edits are written to the recovery journal, in seconds.
const JOURNAL_SECONDS: f64 = 5.0;

/// When the journal is written, and what a previous session left.
#[derive(Default)]
pub struct Recovery {
    /// Whether unsaved edits are journalled (the window: yes; tests: where they test it, so
    /// no test writes outside its temporary folders).
    enabled: bool,
    /// Unsaved work a previous session left, waiting for the user's answer; nothing is
    /// written meanwhile, so it is not overwritten before the user decides.
    offered: Option<Vec<JournalEntry>>,
    /// The workspace generation and the time (egui seconds) of the last write.
    written: (u64, f64),
}

/// What a tick of the journal did.
pub enum Tick {
    /// Nothing is due.
    Idle,
    /// A write is due in this long: ask for a frame then.
    Due(Duration),
    /// Writing failed: say so.
    Failed(String),
}

impl Recovery {
    /// Turns journalling on.
    pub fn enable(&mut self) {
        self.enabled = true;
    }

    /// Reads a previous session's journal of `ws`, if journalling is on and there is one;
    /// returns how many dossiers it holds (the question to ask).
    pub fn offer(&mut self, ws: &Workspace) -> Option<usize> {
        if !self.enabled {
            return None;
        }
        self.written = (ws.generation(), 0.0);
        let entries = ws.read_journal()?;
        let n = entries.len();
        self.offered = Some(entries);
        Some(n)
    }

    /// The offered journal, for restoring it.
    pub fn take_offered(&mut self) -> Option<Vec<JournalEntry>> {
        self.offered.take()
    }

    /// Writes unsaved edits to the journal when they changed and the last write is
    /// [`JOURNAL_SECONDS`] old; `now` in egui seconds.
    pub fn tick(&mut self, ws: &Workspace, now: f64) -> Tick {
        let (generation, at) = self.written;
        if !self.enabled || self.offered.is_some() || generation == ws.generation() {
            return Tick::Idle;
        }
        if now - at < JOURNAL_SECONDS {
            return Tick::Due(Duration::from_secs_f64(JOURNAL_SECONDS - (now - at)));
        }
        self.written = (ws.generation(), now);
        match ws.write_journal() {
            Ok(()) => Tick::Idle,
            Err(e) => Tick::Failed(format!("{}: {e}", ws.journal_path().display())),
        }
    }
}

//! The window's side of the recovery journal: its own journal of the open workspace,
//! written every few seconds while edits are unsaved, and the journals of windows that are
//! gone, offered back once.

use std::path::PathBuf;
use std::time::Duration;
use twe_core::workspace::{Journal, Orphan, Workspace};

/// How often unsaved edits are written to the recovery journal, in seconds.
const JOURNAL_SECONDS: f64 = 5.0;

/// The journal as it would be written now, kept current per change for the panic hook: a
/// panic writes it at once, so not even the last seconds are lost.
static LATEST: std::sync::Mutex<Option<(PathBuf, Option<String>)>> = std::sync::Mutex::new(None);

/// Installs the panic hook of the window: it writes the journal as it stood, and a report
/// (the message, where, the backtrace) beside the journals, then says where both are,
/// before the process ends as it would have.
pub fn install_panic_hook(dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let mut said = Vec::new();
        if let Ok(mut latest) = LATEST.try_lock()
            && let Some((path, Some(text))) = latest.take()
            && twe_core::files::write_private(&path, text.as_bytes()).is_ok()
        {
            said.push(format!("journal: {}", path.display()));
        }
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let report = dir.join(format!("crash-{stamp}-{}.txt", std::process::id()));
        let text = format!(
            "twe-planner {} crashed\n{info}\n\n{}\n",
            env!("CARGO_PKG_VERSION"),
            std::backtrace::Backtrace::force_capture()
        );
        if twe_core::files::write_private(&report, text.as_bytes()).is_ok() {
            said.push(format!("report: {}", report.display()));
        }
        eprintln!(
            "twe-planner stopte door een fout / stopped on an error; niet-bewaard werk en een verslag / unsaved work and a report: {}",
            said.join("; ")
        );
        previous(info);
    }));
}

/// When the journal is written, and what earlier windows left.
#[derive(Default)]
pub struct Recovery {
    /// The folder of the journals, once journalling is on (the window: the user's data
    /// folder; tests: a temporary one, where they test it).
    dir: Option<PathBuf>,
    /// This window's journal of the open workspace.
    journal: Option<Journal>,
    /// Unsaved work of windows that are gone, waiting for the user's answer; nothing is
    /// written meanwhile, so the question is answered before this window's edits count.
    offered: Vec<Orphan>,
    /// The workspace generation and the time (egui seconds) of the last write.
    written: (u64, f64),
    /// Why the journal could not be opened, to say once.
    failed: Option<String>,
    /// The workspace generation the panic hook's copy of the journal is of, and when (egui
    /// seconds) it was made.
    latest: (u64, f64),
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
    /// Turns journalling on, with the journals in `dir`.
    pub fn enable(&mut self, dir: PathBuf) {
        self.dir = Some(dir);
        self.latest = (u64::MAX, f64::NEG_INFINITY);
    }

    /// Opens this window's journal of `ws` (closing the one of a workspace opened before)
    /// and reads what windows that are gone left of it; returns how many dossiers that is
    /// (the question to ask).
    pub fn open(&mut self, ws: &Workspace) -> Option<usize> {
        let dir = self.dir.as_ref()?;
        self.written = (ws.generation(), 0.0);
        self.journal = match Journal::open_in(dir, ws.root()) {
            Ok(j) => Some(j),
            Err(e) => {
                self.failed = Some(format!("{}: {e}", dir.display()));
                None
            }
        };
        self.offered = self.journal.as_ref().map(Journal::orphans)?;
        let n: usize = self.offered.iter().map(|o| o.entries.len()).sum();
        (n > 0).then_some(n)
    }

    /// The offered work, for restoring it; the journals it came from are removed.
    pub fn take_offered(&mut self) -> Vec<twe_core::workspace::JournalEntry> {
        let mut out = Vec::new();
        for mut orphan in std::mem::take(&mut self.offered) {
            out.append(&mut orphan.entries);
            orphan.remove();
        }
        out
    }

    /// Removes this window's journal: its edits were saved or discarded.
    pub fn clear(&self) {
        if let Some(j) = &self.journal {
            let _ = j.clear();
        }
    }

    /// Writes the journal now (a dossier was deleted: the journal must not keep it).
    pub fn write_now(&mut self, ws: &Workspace) {
        if let Some(j) = &self.journal
            && self.offered.is_empty()
        {
            let _ = j.write(ws.journal_entries());
            self.written.0 = ws.generation();
        }
    }

    /// This window's journal file, if it has one.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.journal.as_ref().map(Journal::path)
    }

    /// Writes unsaved edits to the journal when they changed and the last write is
    /// [`JOURNAL_SECONDS`] old; `now` in egui seconds.
    pub fn tick(&mut self, ws: &Workspace, now: f64) -> Tick {
        if let Some(why) = self.failed.take() {
            return Tick::Failed(why);
        }
        let (generation, at) = self.written;
        let Some(journal) = &self.journal else {
            return Tick::Idle;
        };
        if !self.offered.is_empty() || generation == ws.generation() {
            return Tick::Idle;
        }
        // The panic hook's copy, at most once a second: with many unsaved dossiers, a copy
        // per keystroke would cost.
        if self.latest.0 != ws.generation() && now - self.latest.1 >= 1.0 {
            self.latest = (ws.generation(), now);
            if let (Ok(text), Ok(mut latest)) =
                (journal.render(ws.journal_entries()), LATEST.lock())
            {
                *latest = Some((journal.path().to_path_buf(), text));
            }
        }
        if now - at < JOURNAL_SECONDS {
            return Tick::Due(Duration::from_secs_f64(JOURNAL_SECONDS - (now - at)));
        }
        self.written = (ws.generation(), now);
        match journal.write(ws.journal_entries()) {
            Ok(()) => Tick::Idle,
            Err(e) => Tick::Failed(format!("{}: {e}", journal.path().display())),
        }
    }
}

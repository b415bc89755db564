//! A folder being opened while the window keeps drawing: the [`Loader`] reads it on its own
//! thread, the window takes its batches each frame (the list fills as they arrive), shows
//! how far it is, and can cancel it, going back to the workspace it had.

use std::path::{Path, PathBuf};
use twe_core::workspace::Workspace;
use twe_core::workspace::loading::{Loader, Status, Update};

/// A folder being opened.
pub struct Opening {
    /// The load.
    loader: Loader,
    /// The workspace before, to go back to when the load is cancelled.
    previous: Workspace,
    /// A dossier to open as soon as it arrives (the one open at the last start).
    pub select: Option<String>,
    /// Files the watcher reported changed while the folder was still being read: they are
    /// looked at once it is.
    pub queued: Vec<PathBuf>,
    /// What to add to the status once the folder is read (an import's summary): it goes
    /// with this opening, and with it when another replaces it.
    pub note: Option<twe_core::lang::Text>,
    /// Whether room for every file found was made.
    reserved: bool,
}

/// What one poll brought.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Polled {
    /// The index of the first dossier that arrived, if any did.
    pub first_new: Option<usize>,
    /// Whether the load is complete.
    pub done: bool,
    /// Whether it stopped before its end.
    pub cut_short: bool,
}

impl Opening {
    /// Starts opening the folder or file at `path`: `ws` becomes an empty workspace for it,
    /// which the batches fill; the one it was is kept to go back to.
    pub fn start(path: &Path, ws: &mut Workspace) -> Self {
        // Absolute, so that a relative path has a folder (its journal, its sweeps, its new
        // files), as `Workspace::open` does.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        // Told from the name, not from the disk: on an unreachable share a look at the path
        // could hold the window for as long as the network takes to give up.
        let root = if twe_core::files::has_ron_extension(&path) {
            path.parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        } else {
            path.clone()
        };
        let (today, year_mode) = (ws.today(), ws.year_mode());
        let mut opening = Workspace::opening(root, today);
        opening.set_context(today, year_mode);
        let previous = std::mem::replace(ws, opening);
        Self {
            loader: Loader::start(path, today, year_mode),
            previous,
            select: None,
            queued: Vec::new(),
            note: None,
            reserved: false,
        }
    }

    /// What is being opened.
    pub fn path(&self) -> &Path {
        self.loader.path()
    }

    /// How far the load is.
    pub fn status(&self) -> Status {
        self.loader.status()
    }

    /// Takes what the loader has ready into `ws`, batch after batch for up to `budget` (at
    /// least one batch).
    pub fn poll(&mut self, ws: &mut Workspace, budget: std::time::Duration) -> Polled {
        let mut polled = Polled::default();
        let status = self.loader.status();
        if status.listed && !self.reserved {
            // Every file is found: room for them all at once.
            ws.reserve(status.total);
            self.reserved = true;
        }
        // What is ready, for as long as `budget` allows: a batch count per frame left a
        // slow frame (a software renderer draws one in a quarter second) with the list
        // arriving long after the files were read. At least one batch a frame.
        let started = std::time::Instant::now();
        loop {
            let updates = self.loader.poll(1);
            if updates.is_empty() {
                break;
            }
            for update in updates {
                match update {
                    Update::Batch(batch) => {
                        if !batch.is_empty() {
                            polled.first_new.get_or_insert(ws.len());
                        }
                        ws.append(batch);
                    }
                    Update::Done(done) => {
                        polled.cut_short = done.cut_short;
                        ws.finish_loading(done);
                        polled.done = true;
                    }
                }
            }
            if polled.done || started.elapsed() >= budget {
                break;
            }
        }
        polled
    }

    /// Stops the load and puts the workspace from before back in `ws`.
    pub fn cancel(mut self, ws: &mut Workspace) {
        self.loader.cancel();
        *ws = self.previous;
    }

    /// The workspace from before (another folder is being opened instead).
    pub fn into_previous(mut self) -> Workspace {
        self.loader.cancel();
        self.previous
    }
}

#[cfg(test)]
mod tests {
    use super::Opening;
    use twe_core::workspace::Workspace;

    /// What is ready is handed over as long as the budget allows: a folder of five batches,
    /// read before the window looks, arrives in one frame with a frame's budget, and one
    /// batch at a time with none (it took a fixed two batches a frame).
    #[test]
    fn the_hand_over_is_bounded_by_time_not_by_batches() {
        let dir = tempfile::tempdir().unwrap();
        let opts = twe_core::generate::Options {
            count: 9_000,
            seed: 4,
            match_published: false,
            violations: 0.0,
        };
        let dossiers = twe_core::generate::generate(&opts);
        twe_core::generate::write(&dossiers, dir.path()).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let ready = |opening: &Opening| {
            let s = opening.status();
            s.listed && s.read == s.total
        };
        let wait = |opening: &Opening| {
            for _ in 0..600 {
                if ready(opening) {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            // The last batch is sent just after it is counted.
            std::thread::sleep(std::time::Duration::from_millis(200));
        };
        let mut ws = Workspace::sample(today);
        let mut opening = Opening::start(dir.path(), &mut ws);
        wait(&opening);
        let polled = opening.poll(&mut ws, std::time::Duration::from_secs(5));
        assert!(polled.done, "everything in one frame");
        assert_eq!(ws.len(), 9_000);
        let mut ws = Workspace::sample(today);
        let mut opening = Opening::start(dir.path(), &mut ws);
        wait(&opening);
        let polled = opening.poll(&mut ws, std::time::Duration::ZERO);
        assert!(!polled.done);
        assert!(ws.len() <= 2_048, "one batch: {}", ws.len());
    }
}

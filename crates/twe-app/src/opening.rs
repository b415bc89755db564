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

    /// Takes what the loader has ready into `ws`.
    pub fn poll(&mut self, ws: &mut Workspace) -> Polled {
        let mut polled = Polled::default();
        let status = self.loader.status();
        if status.listed && !self.reserved {
            // Every file is found: room for them all at once.
            ws.reserve(status.total);
            self.reserved = true;
        }
        // Two batches a frame: each is a few thousand entries moved in and counted.
        for update in self.loader.poll(2) {
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

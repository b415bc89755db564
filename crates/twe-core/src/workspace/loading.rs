//! Opening a folder off the caller's thread: a [`Loader`] lists the dossier files, reads
//! and checks them in batches on every core, and hands each batch over as it is ready, so a
//! window draws from its first frame, shows how far the load is and fills its list as the
//! dossiers arrive. It can be cancelled between batches. No GUI here: the window polls it.

use crate::files::{LoadError, list_paths, read_files};
use crate::rules::{CheckContext, YearMode, review_all};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel, sync_channel};

/// Files read and checked per batch: small enough that the first dossiers show within a
/// frame or two, large enough that both cores stay busy.
const BATCH: usize = 2_048;

/// Batches read ahead of the window at most: then the reading waits for the window to take
/// them. Unbounded, a window drawn slowly (a software renderer) let the reading run the
/// whole folder ahead, every entry waiting in the channel before it was moved into the
/// workspace (which has already made room for all). A window left alone looks once a
/// second, so the bound is what the reading does in about a second: fewer would make the
/// reading wait for the window.
const READ_AHEAD: usize = 32;

/// How a load is paced: files a batch, batches read ahead at most.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pace {
    /// Files read and checked per batch.
    pub batch: usize,
    /// Batches read ahead of the window at most.
    pub read_ahead: usize,
}

impl Pace {
    /// The pace of every load but a test's.
    const USUAL: Pace = Pace {
        batch: BATCH,
        read_ahead: READ_AHEAD,
    };
}

/// Dossiers read and checked, made into entries on the loader's thread, ready to join a
/// workspace (the window's thread only moves them in).
#[derive(Debug)]
pub struct Batch {
    /// The entries of the dossiers that loaded.
    pub(super) entries: Vec<super::Entry>,
    /// The files that did not load.
    pub(super) errors: Vec<LoadError>,
    /// The reference date and year mode they were checked for.
    pub(super) checked_for: (NaiveDate, YearMode),
}

impl Batch {
    /// How many dossiers it brings.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it brings no dossier (only problems).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What a loader has to say.
#[derive(Debug)]
pub enum Update {
    /// Another batch.
    Batch(Batch),
    /// Every file was read.
    Done(Done),
}

/// The end of a load: what was found besides the dossiers.
#[derive(Debug, Default)]
pub struct Done {
    /// The errors found besides the files' own (the listing's). Repeated ids are found by
    /// the workspace when the load is done ([`super::Workspace::finish_loading`]), among
    /// the dossiers it then holds: the loader keeps no ids of its own (13 MB at a quarter of
    /// a million files, while memory is fullest).
    pub errors: Vec<LoadError>,
    /// The files other windows hold, from their lock files.
    pub locks: Vec<(PathBuf, crate::workspace::LockInfo)>,
    /// Whether the load stopped before its end (its thread failed): the workspace may
    /// miss dossiers, and the window says so.
    pub cut_short: bool,
}

/// How old a temporary file of ours must be before it counts as the leftover of a killed
/// save: another machine's save in flight is younger.
pub const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_mins(10);

/// How far a load is, shared with its thread.
#[derive(Debug, Default)]
struct Progress {
    /// Files found so far (while listing) or in all (once listed).
    total: AtomicUsize,
    /// Whether the listing is complete.
    listed: AtomicBool,
    /// Files read and checked.
    read: AtomicUsize,
    /// Asked to stop.
    cancel: AtomicBool,
}

/// A load running on its own thread.
#[derive(Debug)]
pub struct Loader {
    path: PathBuf,
    progress: Arc<Progress>,
    updates: Receiver<Update>,
    finished: bool,
}

/// How far a load is: files read of the files found, and whether the listing is complete
/// (before, `total` still grows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// Files read and checked.
    pub read: usize,
    /// Files found.
    pub total: usize,
    /// Whether every file has been found.
    pub listed: bool,
}

impl Loader {
    /// Starts loading the folder or file at `path`, checking for `today` and `year_mode`.
    pub fn start(path: PathBuf, today: NaiveDate, year_mode: YearMode) -> Self {
        Self::start_paced(path, today, year_mode, Pace::USUAL)
    }

    /// [`Loader::start`] at another pace (tests: a few files, one a batch).
    pub(crate) fn start_paced(
        path: PathBuf,
        today: NaiveDate,
        year_mode: YearMode,
        pace: Pace,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (tx, updates) = sync_channel(pace.read_ahead);
        let shared = Arc::clone(&progress);
        let from = path.clone();
        // A thread of its own: the listing blocks on the disk; the reading uses rayon's
        // pool, which the window's thread never waits on.
        let spawned = std::thread::Builder::new()
            .name("twe-loader".into())
            .spawn(move || {
                run(&from, (today, year_mode), pace.batch, &shared, &|u| {
                    tx.send(u).is_ok()
                });
            });
        let mut loader = Loader {
            path,
            progress,
            updates,
            finished: false,
        };
        if spawned.is_err() {
            // No thread: the folder is read here, at once (slower to show, nothing lost),
            // into a channel without bound (nobody takes from it until it is read).
            let (tx, updates) = channel();
            run(
                &loader.path,
                (today, year_mode),
                pace.batch,
                &loader.progress,
                &|u| tx.send(u).is_ok(),
            );
            loader.updates = updates;
        }
        loader
    }

    /// What it is loading.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// How far it is.
    pub fn status(&self) -> Status {
        let listed = self.progress.listed.load(Ordering::Acquire);
        Status {
            read: self.progress.read.load(Ordering::Relaxed),
            total: self.progress.total.load(Ordering::Relaxed),
            listed,
        }
    }

    /// Asks it to stop after the batch it is reading; no more updates come.
    pub fn cancel(&mut self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
        self.finished = true;
        // A reading that waits for room in the channel stops now, not when this is dropped.
        drop(std::mem::replace(&mut self.updates, channel().1));
    }

    /// Whether its thread has ended (it shares the progress with this alone).
    #[cfg(test)]
    pub(crate) fn thread_gone(&self) -> bool {
        Arc::strong_count(&self.progress) == 1
    }

    /// Whether the last update was taken (or it was cancelled).
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The updates ready now, at most `most`, without waiting (a window takes a few per
    /// frame, so that each frame stays short).
    pub fn poll(&mut self, most: usize) -> Vec<Update> {
        let mut out = Vec::new();
        if self.finished {
            return out;
        }
        while out.len() < most {
            match self.updates.try_recv() {
                Ok(u) => {
                    let done = matches!(u, Update::Done(_));
                    out.push(u);
                    if done {
                        self.finished = true;
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    // The thread ended without saying so (it panicked): what came is kept,
                    // and the load is over, cut short.
                    self.finished = true;
                    out.push(Update::Done(Done {
                        cut_short: true,
                        ..Done::default()
                    }));
                    break;
                }
            }
        }
        out
    }

    /// Waits for every update (for tools and tests that want the whole workspace).
    pub fn wait(mut self) -> Vec<Update> {
        let mut out = Vec::new();
        while let Ok(u) = self.updates.recv() {
            let done = matches!(u, Update::Done(_));
            out.push(u);
            if done {
                break;
            }
        }
        self.finished = true;
        out
    }
}

impl Drop for Loader {
    /// A loader dropped (another folder opened, the window closed) stops its thread.
    fn drop(&mut self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

/// Hands an update on; `false` when nobody listens any more.
type Hand<'a> = &'a (dyn Fn(Update) -> bool + Sync);

/// The loader's thread: lists, then reads and checks batch by batch, stopping between
/// batches when cancelled or when nobody listens any more.
fn run(
    path: &std::path::Path,
    checked_for: (NaiveDate, YearMode),
    batch: usize,
    progress: &Progress,
    tx: Hand<'_>,
) {
    // One core stays the window's: with every core reading, its frames waited up to 40 ms
    // for the processor (on two cores); with one left, they stay under 10 ms and the load
    // takes a fifth longer.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    match rayon::ThreadPoolBuilder::new()
        .num_threads(cores.saturating_sub(1).max(1))
        .thread_name(|i| format!("twe-loader-{i}"))
        .build()
    {
        Ok(pool) => pool.install(|| load(path, checked_for, batch, progress, tx)),
        Err(_) => load(path, checked_for, batch, progress, tx),
    }
}

/// [`run`]'s work, on whichever pool it runs in.
fn load(
    path: &std::path::Path,
    (today, year_mode): (NaiveDate, YearMode),
    batch: usize,
    progress: &Progress,
    tx: Hand<'_>,
) {
    let (files, errors) = list_paths(std::slice::from_ref(&path.to_path_buf()));
    // The total before the flag that says it is final (Release, read with Acquire).
    progress.total.store(files.len(), Ordering::Relaxed);
    progress.listed.store(true, Ordering::Release);
    let mut ctx = CheckContext::new(today);
    ctx.year_mode = year_mode;
    for which in files.parts(batch) {
        if progress.cancel.load(Ordering::Relaxed) {
            return;
        }
        let count = which.len();
        let mut report = read_files(&files, which);
        let findings = review_all(report.dossiers.iter().map(|d| &d.dossier), &ctx);
        progress.read.fetch_add(count, Ordering::Relaxed);
        report.errors.sort_by(|a, b| a.path.cmp(&b.path));
        // Into a list of their own size: collected in place, the entries kept the room of
        // the dossiers read (twice theirs) while waiting in the channel, 10 MB at a time.
        let mut entries = Vec::with_capacity(report.dossiers.len());
        entries.extend(
            report
                .dossiers
                .into_iter()
                .zip(findings)
                .map(|(d, f)| super::Entry::loaded(d, f, true)),
        );
        let batch = Batch {
            entries,
            errors: report.errors,
            checked_for: (today, year_mode),
        };
        if !tx(Update::Batch(batch)) {
            return;
        }
    }
    // The folder's own chores, here rather than on the window's thread: the locks read and
    // the leftovers of killed saves removed, both from what the listing met (few files).
    // A file opened alone: its folder was not listed, so it is looked through.
    let locks = if path.is_dir() {
        let locks = super::locks::of_listing(&files);
        crate::files::remove_stale_temps(&files.beside().temps, LEFTOVER_AGE);
        locks
    } else {
        let locks = super::locks::scan(files.paths());
        if let Some(root) = path.parent() {
            crate::files::clean_stale_temps(root, LEFTOVER_AGE);
        }
        locks
    };
    drop(files);
    tx(Update::Done(Done {
        errors,
        locks,
        cut_short: false,
    }));
}

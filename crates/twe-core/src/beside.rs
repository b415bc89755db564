//! Work done beside the caller: on a thread of its own, its result taken once ready (a
//! window's frame looks each time it is drawn: a watch that walks a folder, a spreadsheet
//! read, its rows read again). One home for where no thread can be made: the work is then
//! done at once, the caller waiting for it, and its result waits in the channel as if a
//! thread had made it. No GUI here.

use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

/// Runs `work` on a thread named `name`; its result comes through the receiver (none if
/// the work panicked: the sender is then dropped, and the receiver says so).
pub fn beside<T, F>(name: &str, work: F) -> Receiver<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = channel();
    // Shared, so that the work is still here when the thread could not be made.
    let job = Arc::new(Mutex::new(Some(work)));
    let run = {
        let (job, tx) = (Arc::clone(&job), tx.clone());
        move || {
            if let Some(work) = job.lock().ok().and_then(|mut j| j.take()) {
                // Fails only when nobody waits any more (the window moved on).
                let _ = tx.send(work());
            }
        }
    };
    if std::thread::Builder::new()
        .name(name.into())
        .spawn(run)
        .is_err()
        && let Some(work) = job.lock().ok().and_then(|mut j| j.take())
    {
        let _ = tx.send(work());
    }
    rx
}

#[cfg(test)]
mod tests {
    use super::beside;

    /// The result arrives, made on a thread of the name given.
    #[test]
    fn the_work_is_done_on_its_own_thread() {
        let done = beside("twe-test-beside", || {
            std::thread::current().name().map(str::to_string)
        });
        assert_eq!(done.recv().unwrap().as_deref(), Some("twe-test-beside"));
    }
}

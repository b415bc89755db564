//! Issue 20: nobody else's file, ever. Each test fails on the code before the one way to
//! write (`files/write.rs`).

use super::*;
use crate::model::date_serde::parse;
use crate::workspace::locks::lock_path;

fn today() -> NaiveDate {
    parse("2026-06-01").unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::sample::write_to(dir.path()).unwrap();
    dir
}

fn index_of(ws: &Workspace, id: &str) -> usize {
    ws.entries.iter().position(|e| e.dossier.id == id).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, bits: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).unwrap();
}

/// The critical defect: undoing a deletion wrote the file back, then set its mode and group
/// by path; a colleague who swapped a link in at that path in between made the victim's own
/// private file take the dossier's mode (group-readable and writable). A thread swaps the
/// link as fast as it can while the deletion is undone and redone, round after round.
#[cfg(unix)]
#[test]
fn undoing_a_deletion_never_changes_the_file_a_swapped_in_link_points_to() {
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    let text = std::fs::read(&file).unwrap();
    let private = dir.path().join("private.txt");
    std::fs::write(&private, "the victim's own").unwrap();
    set_mode(&private, 0o600);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (stop, file, private) = (stop.clone(), file.clone(), private.clone());
        let spare = file.with_file_name("link-to-swap-in");
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // A link to the victim's file, renamed over whatever stands at the dossier's
                // name (the file just put back, in one atomic step), then taken away again.
                let _ = std::os::unix::fs::symlink(&private, &spare);
                if std::fs::rename(&spare, &file).is_ok() {
                    std::thread::yield_now();
                    let _ = std::fs::remove_file(&file);
                }
            }
        })
    };
    for _ in 0..3_000 {
        // The dossier as it was, group-writable; deleted and put back by undo.
        let _ = std::fs::remove_file(&file);
        // Its mode set on the open file: the test must not chmod through the link itself.
        let group_writable = crate::files::Mode::Exactly {
            bits: 0o664,
            gid: None,
        };
        let name = "leuven-2018-0006.ron";
        if crate::files::write::write_new_with(dir.path(), name, &text, &group_writable).is_err() {
            continue;
        }
        let mut ws = Workspace::new(
            Some(dir.path().to_path_buf()),
            crate::files::load_paths(std::slice::from_ref(&file)),
            today(),
        );
        if ws.delete(0).is_ok() {
            let _ = ws.undo();
        }
        assert_eq!(mode(&private), 0o600, "the victim's file keeps its mode");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().unwrap();
    assert_eq!(
        std::fs::read_to_string(&private).unwrap(),
        "the victim's own"
    );
}

/// Set-user-id, set-group-id and sticky bits are never carried over to a save or its
/// backup.
#[cfg(unix)]
#[test]
fn special_bits_are_never_carried_over() {
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    set_mode(&file, 0o7664);
    let mut ws = Workspace::open(dir.path(), today());
    let i = index_of(&ws, "LEUV-2018-0006");
    ws.edit(i, |d| d.client = "Iemand".into()).unwrap();
    ws.save(i).unwrap();
    assert_eq!(mode(&file), 0o664);
    assert_eq!(mode(&crate::files::backup_path(&file)), 0o664);
}

/// A lock gets the dossier's read bits and group, whatever the umask: the team reads who
/// edits. Under umask 022 a dossier of 0640 got a lock of 0644, under 077 one of 0600 that
/// the team could not read.
#[cfg(unix)]
#[test]
fn a_lock_is_readable_by_whoever_may_read_the_dossier() {
    use std::os::unix::fs::MetadataExt;
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    for dossier in [0o640, 0o604, 0o600, 0o664] {
        set_mode(&file, dossier);
        locks::acquire(&file).unwrap();
        let lock = lock_path(&file);
        assert_eq!(mode(&lock) & 0o444, dossier & 0o444, "{dossier:o}");
        assert_eq!(mode(&lock) & 0o200, 0o200, "the owner writes it");
        assert_eq!(
            std::fs::metadata(&lock).unwrap().gid(),
            std::fs::metadata(&file).unwrap().gid()
        );
        locks::release(&file);
    }
}

/// A dossier past the loader's bounds is never made by an edit, never saved, never put back
/// from a journal: its file would never open again and the dossier would vanish from the
/// list (a client name of 1,010 characters was saved; so were 3,000 instruments from a
/// journal).
#[test]
fn nothing_past_the_bounds_is_ever_written() {
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    let before = std::fs::read(&file).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let i = index_of(&ws, "LEUV-2018-0006");
    let long = "x".repeat(1_010);
    let refused = ws.edit(i, |d| d.client.clone_from(&long)).unwrap_err();
    assert!(
        matches!(&refused, EditRefused::Bounds(e) if e.field() == "client"),
        "{refused:?}"
    );
    assert!(
        refused
            .message("leuven-2018-0006.ron", crate::lang::Lang::En)
            .contains("`client`: 1,010 characters, at most 1,000")
    );
    assert!(!ws.entries[i].is_dirty());
    // At the bound itself it is taken.
    ws.edit(i, |d| d.client = "x".repeat(1_000)).unwrap();
    ws.save(i).unwrap();
    assert!(crate::files::load_file(&file).is_ok());
    // The save itself refuses, whatever the caller.
    let mut big = crate::files::load_file(&file).unwrap();
    big.client = long;
    let e = crate::files::save_dossier(&file, &big).unwrap_err();
    assert!(matches!(e, crate::files::SaveFailure::Bounds(..)), "{e:?}");
    assert!(crate::files::load_file(&file).is_ok());
    // A journal with 3,000 instruments: named, not put back.
    let mut many = crate::files::load_file(&file).unwrap();
    let one = many.instruments[0].clone();
    many.instruments = vec![one; 3_000];
    let restored = ws.restore(vec![JournalEntry {
        path: Some(JournalPath::of(&file)),
        name: "leuven-2018-0006.ron".into(),
        dossier: many,
    }]);
    assert_eq!(restored.restored, 0);
    assert_eq!(restored.refused.len(), 1);
    assert!(
        restored
            .message(crate::lang::Lang::En)
            .contains("not restored, too large: `instruments`: 3,000 items, at most 1,000")
    );
    assert_eq!(ws.entries[i].dossier.instruments.len(), 4);
    let _ = before;
}

/// A file this user may not write is opened read-only: every edit is refused with the fix
/// (open a copy, save it elsewhere), nothing replaces it and no lock is taken. As root only
/// a file without any write bit shows it; `tests/cli/users.rs` runs other users.
#[cfg(unix)]
#[test]
fn a_file_this_user_may_not_write_is_opened_read_only() {
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    set_mode(&file, 0o444);
    let before = std::fs::read(&file).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let i = index_of(&ws, "LEUV-2018-0006");
    ws.check_writable(i);
    assert!(ws.entries[i].is_read_only());
    let e = ws.edit(i, |d| d.client = "Iemand".into()).unwrap_err();
    assert!(matches!(e, EditRefused::ReadOnly(_)), "{e:?}");
    assert!(
        e.message("x", crate::lang::Lang::En)
            .contains("read-only for you: you may not write this file. Open a copy")
    );
    assert!(!lock_path(&file).exists());
    assert!(matches!(ws.delete(i), Err(DeleteError::ReadOnly(_))));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Made writable again, it is no longer read-only when looked at.
    set_mode(&file, 0o644);
    ws.check_writable(i);
    assert!(!ws.entries[i].is_read_only());
}

/// A folder at the backup's name blocked every save and made a deletion remove the file,
/// fail on the backup and record no undo. Now the backup takes the next name, the deletion
/// removes every backup of ours and is undoable, and the folder stays.
#[test]
fn a_folder_at_the_backups_name_blocks_neither_a_save_nor_a_deletion() {
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    let squatter = dir.path().join(".leuven-2018-0006.ron.bak");
    std::fs::create_dir(&squatter).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let i = index_of(&ws, "LEUV-2018-0006");
    ws.edit(i, |d| d.client = "Iemand".into()).unwrap();
    ws.save(i).unwrap();
    let backup = crate::files::backup_path(&file);
    assert_ne!(backup, squatter);
    assert!(
        backup.is_file(),
        "the previous version is kept under the next name"
    );
    ws.delete(i).unwrap();
    assert!(!file.exists() && !backup.exists());
    assert!(squatter.is_dir(), "not ours: left alone");
    ws.undo().unwrap().unwrap();
    assert!(file.exists());
    assert_eq!(
        crate::files::load_file(&file).unwrap().client,
        "Iemand",
        "undo brings it back"
    );
}

/// A journal that names one file twice (a link and its target) puts the first back into
/// the file's dossier and the second beside it as a copy: the later no longer silently
/// replaces the earlier.
#[cfg(unix)]
#[test]
fn a_file_named_twice_in_a_journal_comes_back_once_and_a_copy() {
    let dir = folder();
    let file = dir.path().join("leuven-2018-0006.ron");
    let link = dir.path().join("ook-leuven.ron");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let before = ws.len();
    let dossier = |client: &str| {
        let mut d = crate::files::load_file(&file).unwrap();
        d.client = client.into();
        d
    };
    let restored = ws.restore(vec![
        JournalEntry {
            path: Some(JournalPath::of(&file)),
            name: "leuven-2018-0006.ron".into(),
            dossier: dossier("Eerst"),
        },
        JournalEntry {
            path: Some(JournalPath::of(&link)),
            name: "ook-leuven.ron".into(),
            dossier: dossier("Daarna"),
        },
    ]);
    assert_eq!(restored.restored, 2);
    let i = ws
        .entries
        .iter()
        .position(|e| e.path.as_deref() == Some(file.as_path()))
        .unwrap();
    assert_eq!(ws.entries[i].dossier.client, "Eerst");
    assert_eq!(ws.len(), before + 1);
    let copy = ws.entries.last().unwrap();
    assert_eq!(copy.dossier.client, "Daarna");
    assert_eq!(copy.dossier.id, "LEUV-2018-0006-kopie-1");
    assert!(copy.path.is_none());
}

/// A pipe at a journal lock's name in the user's data folder made the window wait forever
/// (black, deaf to SIGTERM): it is not a window's lock, and is left alone at once.
#[cfg(unix)]
#[test]
fn a_pipe_at_a_journal_locks_name_is_never_waited_on() {
    let data = tempfile::tempdir().unwrap();
    let dir = folder();
    let journal = Journal::open_in(data.path(), Some(dir.path())).unwrap();
    let key = journal
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .split('.')
        .next()
        .unwrap()
        .to_string();
    let fifo = data.path().join(format!("{key}.1-ff.lock"));
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::write(data.path().join(format!("{key}.1-ff.journal.ron")), "x").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(journal.orphans().len());
    });
    let found = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the journals are looked at without waiting on the pipe");
    assert_eq!(found, 0);
    assert!(fifo.exists(), "left alone");
}

mod lock_property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever stands at a lock's name (a lock of someone else's of any age, dated in
        /// the future, garbage, nothing readable), taking the lock never removes or changes
        /// it: only a take-over, which the window asks for and only for a stale lock, does.
        #[test]
        fn a_lock_is_never_removed_by_taking_one(
            content in prop_oneof![
                (0u32..5_000_000, -30i64..30).prop_map(|(pid, hours)| {
                    let since = chrono::Local::now().naive_local() + chrono::Duration::hours(hours);
                    format!("sofie,ocmw-pc-7,{pid},{}\n", since.format("%Y-%m-%dT%H:%M"))
                }),
                ".{0,60}",
                proptest::collection::vec(any::<u8>(), 0..80)
                    .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            ],
        ) {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("d.ron");
            std::fs::write(&file, "Dossier()").unwrap();
            let lock = lock_path(&file);
            std::fs::write(&lock, &content).unwrap();
            let held = locks::acquire(&file);
            prop_assert!(matches!(held, Err(locks::LockError::Held(_))), "{held:?}");
            prop_assert_eq!(std::fs::read_to_string(&lock).unwrap(), content.clone());
            locks::release(&file);
            prop_assert_eq!(std::fs::read_to_string(&lock).unwrap(), content.clone());
            // Taken over only when stale by the rule.
            let info = locks::read(&file).unwrap();
            if info.is_stale(chrono::Local::now().naive_local()) {
                prop_assert!(locks::take_over(&file, &info).is_ok());
                prop_assert!(locks::read(&file).unwrap().is_mine());
            }
        }
    }
}

//! Saving on a shared drive and against hostile folders: permissions kept, temporary files
//! exclusive and cleaned, read-only files and links refused, nothing written elsewhere.

use super::*;
use std::path::Path;

fn sample_dossier() -> crate::model::Dossier {
    crate::sample::load().dossiers.remove(0).dossier
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

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

mod shared_drive {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_mode_and_the_backup_gets_it_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        let d = sample_dossier();
        save_dossier(&path, &d).unwrap();
        for bits in [0o600, 0o640, 0o664] {
            set_mode(&path, bits);
            save_dossier(&path, &d).unwrap();
            assert_eq!(mode(&path), bits, "the dossier keeps {bits:o}");
            assert_eq!(mode(&backup_path(&path)), bits, "its backup gets {bits:o}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_group() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        save_dossier(&path, &sample_dossier()).unwrap();
        // The groups this process may give a file: its own, and (as root) any.
        let wanted = if std::fs::metadata(&path).unwrap().uid() == 0 {
            1
        } else {
            std::fs::metadata(&path).unwrap().gid()
        };
        if std::os::unix::fs::chown(&path, None, Some(wanted)).is_ok() {
            save_dossier(&path, &sample_dossier()).unwrap();
            assert_eq!(std::fs::metadata(&path).unwrap().gid(), wanted);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_what_any_new_file_gets_and_private_files_stay_private() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let new = dir.path().join("new.ron");
        save_dossier(&new, &sample_dossier()).unwrap();
        assert_eq!(
            mode(&new),
            mode(&plain),
            "the umask's mode, like any new file"
        );
        let journal = dir.path().join("journal.ron");
        write_private(&journal, b"secret").unwrap();
        assert_eq!(mode(&journal), 0o600);
        // Written again over a file someone made readable: owner-only again.
        set_mode(&journal, 0o644);
        write_private(&journal, b"secret").unwrap();
        assert_eq!(mode(&journal), 0o600);
    }

    #[test]
    fn leftovers_of_killed_saves_are_cleaned_once_old_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
        let make = |rel: &str, age: Option<std::time::SystemTime>| {
            let p = dir.path().join(rel);
            let f = std::fs::File::create(&p).unwrap();
            if let Some(t) = age {
                f.set_modified(t).unwrap();
            }
        };
        make(".~twe-a.ron.X1y2Z3.tmp", Some(old));
        make("sub/.~twe-b.ron.Q9w8E7.tmp", Some(old));
        make(".~twe-c.ron.fresh1.tmp", None); // another machine's save in flight
        make("a.ron", Some(old));
        make("notes.tmp", Some(old));
        make(".a.ron.bak", Some(old));
        let removed = clean_stale_temps(dir.path(), std::time::Duration::from_mins(10));
        assert_eq!(removed, 2);
        assert_eq!(
            names(dir.path()),
            [
                ".a.ron.bak",
                ".~twe-c.ron.fresh1.tmp",
                "a.ron",
                "notes.tmp",
                "sub"
            ]
        );
        assert!(names(&dir.path().join("sub")).is_empty());
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.ron"), "mine").unwrap();
        let e = write_new(dir.path(), "x.ron", b"theirs").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("x.ron")).unwrap(),
            "mine"
        );
        write_new(dir.path(), "y.ron", b"new").unwrap();
        assert_eq!(
            names(dir.path()),
            ["x.ron", "y.ron"],
            "no temporary file stays"
        );
    }
}

mod hostile {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_read_only_dossier_is_never_written_over_even_by_root() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        let d = sample_dossier();
        save_dossier(&path, &d).unwrap();
        let before = std::fs::read(&path).unwrap();
        set_mode(&path, 0o444);
        let mut changed = d.clone();
        changed.client = "Changed".into();
        let e = save_dossier(&path, &changed).unwrap_err();
        assert!(matches!(e, SaveFailure::ReadOnly(_)), "{e:?}");
        assert!(e.needs_elsewhere());
        assert!(e.message(crate::lang::Lang::Nl).contains("alleen-lezen"));
        assert!(
            e.message(crate::lang::Lang::En)
                .contains("save the dossier elsewhere")
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(mode(&path), 0o444);
        assert!(matches!(
            write_atomic(&path, b"x"),
            Err(SaveFailure::ReadOnly(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_dossier_that_is_a_link_is_read_through_it_but_never_replaced() {
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("real.ron");
        let d = sample_dossier();
        save_dossier(&target, &d).unwrap();
        let before = std::fs::read(&target).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("d.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(load_file(&link).unwrap(), d, "read through the link");
        let e = save_dossier(&link, &d).unwrap_err();
        assert!(matches!(e, SaveFailure::Symlink(_)), "{e:?}");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), before);
        assert_eq!(names(dir.path()), ["d.ron"], "nothing else written");
    }

    #[cfg(unix)]
    #[test]
    fn links_planted_at_temporary_or_backup_names_are_never_followed() {
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim.txt");
        std::fs::write(&victim, "untouched").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        save_dossier(&path, &sample_dossier()).unwrap();
        // The old predictable temporary name, our prefix with guessed suffixes, and the
        // backup's name: all links to a file outside the workspace.
        let pid = std::process::id();
        for name in [
            format!(".d.ron.{pid}.tmp"),
            format!("{TEMP_PREFIX}d.ron.AAAAAA{TEMP_SUFFIX}"),
            ".d.ron.bak".to_string(),
        ] {
            let _ = std::fs::remove_file(dir.path().join(&name));
            std::os::unix::fs::symlink(&victim, dir.path().join(&name)).unwrap();
        }
        for k in 0..20 {
            let mut d = sample_dossier();
            d.client = format!("Versie {k}");
            save_dossier(&path, &d).unwrap();
            assert_eq!(load_file(&path).unwrap().client, format!("Versie {k}"));
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert_eq!(names(outside.path()), ["victim.txt"]);
        // The backup's name now holds the backup itself, not the link.
        let backup = backup_path(&path);
        assert!(
            !std::fs::symlink_metadata(&backup)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_folder_at_the_files_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::create_dir(&path).unwrap();
        assert!(matches!(
            save_dossier(&path, &sample_dossier()),
            Err(SaveFailure::NotAFile(_))
        ));
    }
}

mod adding {
    use super::*;

    /// A workspace holding the sample's first dossier as `dir/ID.ron`, and that dossier
    /// changed as an import would bring it (another client name).
    fn clash() -> (tempfile::TempDir, PathBuf, crate::model::Dossier) {
        let dir = tempfile::tempdir().unwrap();
        let mine = sample_dossier();
        let file = dir.path().join(format!("{}.ron", mine.id));
        save_dossier(&file, &mine).unwrap();
        let mut theirs = mine.clone();
        theirs.client = "Uit het bestand".into();
        (dir, file, theirs)
    }

    fn client_in(file: &Path) -> String {
        load_file(file).unwrap().client
    }

    use std::path::PathBuf;

    /// Added a part at a time, as in one: an id of an earlier part or of the workspace is
    /// kept both, with the next free copy number; no file name is given twice; a version
    /// taken from a later part is saved over the workspace's file at the end.
    #[test]
    fn parts_add_as_one() {
        let (dir, file, theirs) = clash();
        let mut other = theirs.clone();
        other.id = "NIEUW-1".into();
        let mut adding = Adding::open(dir.path()).unwrap();
        let mut files = adding
            .add(&[theirs.clone(), other.clone()], &|_| OnClash::KeepBoth)
            .unwrap();
        files.extend(
            adding
                .add(&[theirs.clone(), other.clone()], &|_| OnClash::KeepBoth)
                .unwrap(),
        );
        let mut taken = theirs.clone();
        taken.client = "Later genomen".into();
        assert!(
            adding
                .add(&[taken], &|_| OnClash::TakeTheirs)
                .unwrap()
                .is_empty()
        );
        let added = adding.finish().unwrap();
        assert!(added.files.is_empty(), "what finish wrote: nothing");
        let id = &theirs.id;
        assert_eq!(
            added.clashes,
            vec![
                (id.clone(), format!("{id}-kopie-1")),
                (id.clone(), format!("{id}-kopie-2")),
                ("NIEUW-1".into(), "NIEUW-1-kopie-1".into()),
            ]
        );
        assert_eq!(files.len(), 4);
        let mut names: Vec<_> = files
            .iter()
            .chain([&file])
            .map(|f| f.file_name().unwrap())
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 5, "no name given twice");
        assert_eq!(added.replaced, vec![file.clone()]);
        assert_eq!(client_in(&file), "Later genomen");
    }

    #[test]
    fn keep_both_adds_the_import_as_a_copy() {
        let (dir, file, theirs) = clash();
        let before = client_in(&file);
        let added = add_to_workspace(dir.path(), std::slice::from_ref(&theirs), &|_| {
            OnClash::KeepBoth
        })
        .unwrap();
        assert_eq!(
            added.clashes,
            vec![(theirs.id.clone(), format!("{}-kopie-1", theirs.id))]
        );
        assert_eq!(added.files.len(), 1);
        assert_eq!(client_in(&file), before, "mine untouched");
        assert_eq!(client_in(&added.files[0]), "Uit het bestand");
    }

    #[test]
    fn keep_mine_writes_nothing() {
        let (dir, file, theirs) = clash();
        let listed = names(dir.path());
        let before = std::fs::read(&file).unwrap();
        let added = add_to_workspace(dir.path(), std::slice::from_ref(&theirs), &|_| {
            OnClash::KeepMine
        })
        .unwrap();
        assert_eq!(added.kept_mine, vec![theirs.id.clone()]);
        assert!(added.files.is_empty() && added.clashes.is_empty());
        assert_eq!(names(dir.path()), listed, "no file added");
        assert_eq!(std::fs::read(&file).unwrap(), before);
    }

    #[test]
    fn take_theirs_saves_over_mine_and_keeps_mine_as_the_backup() {
        let (dir, file, theirs) = clash();
        let before = std::fs::read(&file).unwrap();
        let added = add_to_workspace(dir.path(), &[theirs], &|_| OnClash::TakeTheirs).unwrap();
        assert_eq!(added.replaced, vec![file.clone()]);
        assert!(added.files.is_empty() && added.clashes.is_empty());
        assert_eq!(client_in(&file), "Uit het bestand");
        assert_eq!(std::fs::read(backup_path(&file)).unwrap(), before);
        assert!(
            !crate::workspace::locks::lock_path(&file).exists(),
            "the lock taken for the save is released"
        );
    }

    #[test]
    fn take_theirs_of_a_dossier_a_colleague_edits_keeps_both_and_says_why() {
        let (dir, file, theirs) = clash();
        let lock = crate::workspace::locks::lock_path(&file);
        std::fs::write(&lock, "sofie,pc-12,4242,2026-12-07T09:00\n").unwrap();
        let before = std::fs::read(&file).unwrap();
        let added = add_to_workspace(dir.path(), std::slice::from_ref(&theirs), &|_| {
            OnClash::TakeTheirs
        })
        .unwrap();
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "the colleague's file is left"
        );
        assert_eq!(added.refused.len(), 1);
        assert!(
            added.refused[0].1.en.contains("sofie"),
            "{:?}",
            added.refused
        );
        assert_eq!(added.clashes.len(), 1, "the import is kept as a copy");
        assert_eq!(client_in(&added.files[0]), "Uit het bestand");
        assert!(lock.exists(), "the colleague's lock stays");
    }

    #[test]
    fn each_id_gets_its_own_choice() {
        let (dir, file, theirs) = clash();
        // A second dossier of the workspace, which the import brings too.
        let mut second = theirs.clone();
        second.id = "TWEE-2020-0002".into();
        second.client = "Tweede".into();
        let second_file = dir.path().join("TWEE-2020-0002.ron");
        save_dossier(&second_file, &second).unwrap();
        let mut second_theirs = second.clone();
        second_theirs.client = "Tweede uit het bestand".into();
        let mut new = theirs.clone();
        new.id = "NIEUW-2026-0001".into();
        let first_id = theirs.id.clone();
        let added = add_to_workspace(dir.path(), &[theirs.clone(), second_theirs, new], &|id| {
            if id == first_id {
                OnClash::KeepMine
            } else {
                OnClash::TakeTheirs
            }
        })
        .unwrap();
        assert_eq!(added.kept_mine, vec![theirs.id.clone()]);
        assert_eq!(added.replaced, vec![second_file.clone()]);
        assert_eq!(
            added.files.len(),
            1,
            "a new id is added whatever the choice"
        );
        assert!(client_in(&file) != "Uit het bestand");
        assert_eq!(client_in(&second_file), "Tweede uit het bestand");
    }

    /// Taking the file's version keeps what a sheet does not carry: the notes (an export
    /// leaves them out), and documents, activities and outcome where the file has none.
    #[test]
    fn take_theirs_keeps_the_notes_and_what_the_sheet_lacks() {
        let (dir, file, mut theirs) = clash();
        let mut mine = load_file(&file).unwrap();
        mine.notes.push(crate::model::Note {
            date: mine.start,
            kind: crate::model::NoteKind::Phone,
            author: "Sofie".into(),
            text: "Belde over de WES".into(),
        });
        save_dossier(&file, &mine).unwrap();
        assert!(
            !mine.documents.is_empty(),
            "the sample dossier has documents"
        );
        theirs.notes.clear();
        theirs.documents.clear();
        add_to_workspace(dir.path(), std::slice::from_ref(&theirs), &|_| {
            OnClash::TakeTheirs
        })
        .unwrap();
        let now = load_file(&file).unwrap();
        assert_eq!(now.client, "Uit het bestand");
        assert_eq!(now.notes, mine.notes);
        assert_eq!(now.documents, mine.documents);
    }

    /// A lock this process held before (a window editing the dossier) stays after the
    /// import saved over the file.
    #[test]
    fn take_theirs_leaves_a_lock_this_process_held() {
        let (dir, file, theirs) = clash();
        crate::workspace::locks::acquire(&file).unwrap();
        add_to_workspace(dir.path(), std::slice::from_ref(&theirs), &|_| {
            OnClash::TakeTheirs
        })
        .unwrap();
        assert!(crate::workspace::locks::lock_path(&file).exists());
        crate::workspace::locks::release(&file);
    }
}

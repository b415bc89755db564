//! The workspace: edits, tallies, undo, changes on disk, the journal and saving.
use super::*;
use crate::model::date_serde::parse;
use crate::reference::municipalities;
use crate::rules::SeverityCounts;
use std::path::Path;

fn today() -> NaiveDate {
    parse("2026-06-01").unwrap()
}

fn index_of(ws: &Workspace, id: &str) -> usize {
    ws.entries.iter().position(|e| e.dossier.id == id).unwrap()
}

#[test]
fn an_edit_rechecks_its_dossier_and_undo_restores_it() {
    let mut ws = Workspace::sample(today());
    let i = index_of(&ws, "LEUV-2018-0006");
    let before = ws.totals();
    assert_eq!(ws.entries[i].counts.errors, 0);
    // Let the training run into the WES.
    assert!(
        ws.edit(i, |d| d.instruments[1].end = parse("2019-03-20").unwrap())
            .unwrap()
    );
    assert!(
        ws.entries[i]
            .findings
            .iter()
            .any(|f| f.rule.id == "overlap")
    );
    assert_eq!(ws.totals().errors, before.errors + 1);
    assert!(ws.entries[i].is_dirty());
    assert_eq!(ws.undo().map(Result::unwrap), Some(i));
    assert!(
        !ws.entries[i]
            .findings
            .iter()
            .any(|f| f.rule.id == "overlap")
    );
    assert_eq!(ws.totals(), before);
    assert_eq!(ws.redo().map(Result::unwrap), Some(i));
    assert_eq!(ws.totals().errors, before.errors + 1);
}

#[test]
fn a_new_reference_date_rechecks_every_dossier() {
    let mut ws = Workspace::sample(today());
    let stale = |ws: &Workspace| -> Vec<String> {
        ws.entries
            .iter()
            .filter(|e| e.findings.iter().any(|f| f.rule.id == "documents-stale"))
            .map(|e| e.dossier.id.clone())
            .collect()
    };
    assert_eq!(stale(&ws), vec!["TEHA-2025-0026"]);
    // The day TEHA-2025-0026's POP was uploaded: it is fresh, HERE-2024-0028's is old.
    ws.set_context(parse("2025-04-10").unwrap(), YearMode::Trajectory);
    assert_eq!(stale(&ws), vec!["HERE-2024-0028"]);
    let mut recounted = SeverityCounts::default();
    for e in &ws.entries {
        recounted.add(SeverityCounts::of(&e.findings));
    }
    assert_eq!(ws.totals(), recounted);
}

/// The agenda and its count for the status bar follow every edit and a new reference date,
/// and agree with a fresh computation.
#[test]
fn the_agenda_follows_edits_and_the_reference_date() {
    use crate::rules::agenda::{self, Kind};
    let recount = |ws: &Workspace| {
        let ctx = ws.ctx();
        let week_end = tallies::week_end(ws.today());
        let mut due = 0;
        for e in ws.entries.iter().filter(|e| !e.deleted) {
            let fresh = agenda::dossier(&e.dossier, &ctx);
            assert_eq!(&e.agenda[..], fresh.as_slice(), "{}", e.dossier.id);
            due += fresh.iter().filter(|i| i.due.day <= week_end).count();
        }
        assert_eq!(ws.due_this_week(), due);
    };
    // Monday 2 March 2026, the day before HERE-2024-0028 closes.
    let mut ws = Workspace::sample(parse("2026-03-02").unwrap());
    recount(&ws);
    let all = ws.agenda(|_| true);
    assert!(!all.is_empty());
    assert!(all.windows(2).all(|w| w[0].1.due.day <= w[1].1.due.day));
    // HERE-2024-0028 closed on 3 March 2026: its follow-up is due 3 March 2027.
    let here = index_of(&ws, "HERE-2024-0028");
    assert!(
        ws.agenda(|e| e.dossier.id == "HERE-2024-0028")
            .iter()
            .any(|(i, item)| *i == here
                && item.kind == Kind::OutcomeFollowup
                && item.due.day == parse("2027-03-03").unwrap())
    );
    // An edit moves its items: reopened, it has to be closed instead.
    let mut d = (*ws.entries[here].dossier).clone();
    d.end = None;
    ws.apply(here, d, EditKey::Single).unwrap();
    recount(&ws);
    let kinds: Vec<Kind> = ws.entries[here].agenda.iter().map(|i| i.kind).collect();
    assert!(kinds.contains(&Kind::TrajectoryEnd), "{kinds:?}");
    assert!(!kinds.contains(&Kind::OutcomeFollowup));
    ws.set_context(parse("2026-11-27").unwrap(), YearMode::Calendar);
    recount(&ws);
    ws.undo().unwrap().unwrap();
    recount(&ws);
}

/// Counsellors are listed once however their name is typed, and leave the list with their
/// last dossier.
#[test]
fn counsellors_are_listed_once_however_typed() {
    let mut ws = Workspace::sample(today());
    let names: Vec<String> = ws.counsellors().map(str::to_string).collect();
    assert!(names.contains(&"Sofie Peeters".to_string()), "{names:?}");
    let mut d = (*ws.entries[0].dossier).clone();
    d.id = "NEW-1".into();
    d.counsellor = Some("  sofie   PEETERS ".into());
    let i = ws.add(d);
    assert_eq!(
        ws.counsellors().map(str::to_string).collect::<Vec<_>>(),
        names
    );
    let mut d = (*ws.entries[i].dossier).clone();
    d.counsellor = Some("Nieuwe Collega".into());
    ws.apply(i, d, EditKey::Single).unwrap();
    assert!(ws.counsellors().any(|n| n == "Nieuwe Collega"));
    ws.undo().unwrap().unwrap();
    assert!(!ws.counsellors().any(|n| n == "Nieuwe Collega"));
}

#[test]
fn keystrokes_in_one_field_are_one_undo_step() {
    let mut ws = Workspace::sample(today());
    let original = ws.entries[0].dossier.client.clone();
    for name in ["A", "An", "Ann"] {
        let mut d = (*ws.entries[0].dossier).clone();
        d.client = name.into();
        ws.apply(0, d, EditKey::Field("client".into())).unwrap();
    }
    assert_eq!(ws.entries[0].dossier.client, "Ann");
    ws.undo().unwrap().unwrap();
    assert_eq!(ws.entries[0].dossier.client, original);
    assert!(!ws.can_undo());
}

#[test]
fn statistics_follow_edits_without_recounting() {
    use crate::stats::YearBasis;
    let mut ws = Workspace::sample(today());
    // Both tables, by the trajectories' start year and by the instruments' own year.
    let agree = |ws: &Workspace| {
        for basis in YearBasis::ALL {
            let recount = ProvinceYearTable::from_dossiers(
                ws.entries.iter().map(|e| &*e.dossier),
                municipalities(),
                basis,
            );
            assert_eq!(ws.table(basis), &recount, "{basis:?}");
        }
        assert_eq!(ws.stats(), ws.table(YearBasis::TrajectoryStart));
    };
    agree(&ws);
    let i = index_of(&ws, "GENT-2017-0004");
    ws.edit(i, |d| {
        d.ocmw = "Hasselt".into();
        d.instruments.pop();
        // An instrument of a later year: the two tables count it in different years.
        if let Some(first) = d.instruments.first_mut() {
            first.start = chrono::NaiveDate::from_ymd_opt(2019, 3, 1).unwrap_or(first.start);
        }
    })
    .unwrap();
    agree(&ws);
    assert_ne!(
        ws.table(YearBasis::TrajectoryStart),
        ws.table(YearBasis::CalendarYear)
    );
    ws.undo().unwrap().unwrap();
    agree(&ws);
    let mut recounted = DossierStats::default();
    for e in &ws.entries {
        recounted.apply(&e.dossier, &e.findings, 1);
    }
    assert_eq!(ws.dossier_stats(), &recounted);
}

#[test]
fn changes_on_disk_reload_clean_dossiers_and_never_overwrite_edited_ones() {
    let dir = tempfile::tempdir().unwrap();
    crate::sample::write_to(dir.path()).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let n = ws.entries.len();
    let i = index_of(&ws, "LEUV-2018-0006");
    let path = ws.entries[i].path.clone().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();

    // Our own save is no change.
    ws.edit(i, |d| d.client = "Mijn".into()).unwrap();
    ws.save(i).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::None);

    // Changed outside, no local edits: reloaded.
    std::fs::write(&path, text.replace("Jonas Claes", "Van Buiten")).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::Reloaded(i));
    assert_eq!(ws.entries[i].dossier.client, "Van Buiten");
    assert!(!ws.entries[i].is_dirty());

    // Changed outside with local edits: a conflict, the edit stays.
    ws.edit(i, |d| d.client = "Lokaal".into()).unwrap();
    std::fs::write(&path, text.replace("Jonas Claes", "Weer Anders")).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::Conflict(i));
    assert_eq!(ws.entries[i].dossier.client, "Lokaal");
    assert_eq!(ws.take_theirs(i), DiskChange::Reloaded(i));
    assert_eq!(ws.entries[i].dossier.client, "Weer Anders");

    // Keep mine: the next save overwrites without asking.
    ws.edit(i, |d| d.client = "Toch Lokaal".into()).unwrap();
    std::fs::write(&path, text.replace("Jonas Claes", "Derde")).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::Conflict(i));
    ws.keep_mine(i);
    ws.save(i).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Toch Lokaal")
    );

    // A new file is added; a broken one is reported; a deleted one stays as unsaved work.
    let new = dir.path().join("nieuw.ron");
    std::fs::write(&new, text.replace("LEUV-2018-0006", "NIEUW-1")).unwrap();
    assert_eq!(ws.reconcile(&new), DiskChange::Added(n));
    std::fs::write(&new, "Dossier(").unwrap();
    assert_eq!(ws.reconcile(&new), DiskChange::LoadError(new.clone()));
    assert_eq!(ws.load_errors.len(), 1);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::Deleted(i));
    assert!(ws.entries[i].is_dirty());
    assert_eq!(
        ws.reconcile(&dir.path().join(".hidden.ron")),
        DiskChange::None
    );
}

#[test]
fn unsaved_edits_survive_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let journals = tempfile::tempdir().unwrap();
    crate::sample::write_to(dir.path()).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let journal = Journal::open_in(journals.path(), ws.root()).unwrap();
    journal.write(ws.journal_entries()).unwrap();
    assert!(!journal.path().exists(), "nothing unsaved, no journal");
    let i = index_of(&ws, "LEUV-2018-0006");
    ws.edit(i, |d| d.client = "Niet bewaard".into()).unwrap();
    journal.write(ws.journal_entries()).unwrap();
    // The session dies here (its lock goes with it); the next one finds the journal.
    drop(journal);
    let mut next = Workspace::open(dir.path(), today());
    assert_eq!(
        next.entries.len(),
        ws.entries.len(),
        "the journal is not a dossier"
    );
    let next_journal = Journal::open_in(journals.path(), next.root()).unwrap();
    let orphans = next_journal.orphans();
    assert_eq!(orphans.len(), 1);
    let entries = orphans.into_iter().flat_map(|o| {
        let e = o.entries.clone();
        o.remove();
        e
    });
    assert_eq!(next.restore(entries.collect()).restored, 1);
    let j = index_of(&next, "LEUV-2018-0006");
    assert_eq!(next.entries[j].dossier.client, "Niet bewaard");
    assert!(next.entries[j].is_dirty());
    next.save_all();
    next_journal.write(next.journal_entries()).unwrap();
    assert!(!next_journal.path().exists());
    drop(next_journal);
    assert_eq!(
        std::fs::read_dir(journals.path()).unwrap().count(),
        0,
        "nothing of the clients stays behind"
    );
}

mod shared_drive {
    use super::*;

    /// A window's journal of `dir` with one unsaved edit of LEUV-2018-0006's client.
    fn window_with_edit(dir: &Path, journals: &Path, client: &str) -> (Workspace, Journal) {
        let mut ws = Workspace::open(dir, today());
        let journal = Journal::open_in(journals, ws.root()).unwrap();
        let i = index_of(&ws, "LEUV-2018-0006");
        ws.edit(i, |d| d.client = client.into()).unwrap();
        journal.write(ws.journal_entries()).unwrap();
        (ws, journal)
    }

    #[test]
    fn a_live_windows_journal_is_never_offered_to_another_window() {
        let dir = tempfile::tempdir().unwrap();
        let journals = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let (_ws, first) = window_with_edit(dir.path(), journals.path(), "Eerste venster");
        let second = Journal::open_in(journals.path(), Some(dir.path())).unwrap();
        assert!(second.orphans().is_empty(), "the first window still runs");
        assert!(first.path().exists(), "and its journal is untouched");
        // The first window dies: now its journal is offered.
        drop(first);
        let third = Journal::open_in(journals.path(), Some(dir.path())).unwrap();
        let orphans = third.orphans();
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].entries[0].dossier.client, "Eerste venster");
    }

    #[test]
    fn two_dirty_windows_killed_both_keep_their_edits() {
        let dir = tempfile::tempdir().unwrap();
        let journals = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let (_a, ja) = window_with_edit(dir.path(), journals.path(), "Venster A");
        let (_b, jb) = window_with_edit(dir.path(), journals.path(), "Venster B");
        drop((ja, jb));
        let next = Journal::open_in(journals.path(), Some(dir.path())).unwrap();
        let mut clients: Vec<String> = next
            .orphans()
            .iter()
            .flat_map(|o| o.entries.iter().map(|e| e.dossier.client.clone()))
            .collect();
        clients.sort();
        assert_eq!(clients, ["Venster A", "Venster B"]);
        // Another workspace's windows see none of them.
        let other = tempfile::tempdir().unwrap();
        let elsewhere = Journal::open_in(journals.path(), Some(other.path())).unwrap();
        assert!(elsewhere.orphans().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn journals_are_readable_by_their_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let journals = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let data = journals.path().join("journals");
        let (_ws, j) = window_with_edit(dir.path(), &data, "Privé");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(j.path()), 0o600);
        assert_eq!(mode(&data), 0o700);
        assert!(!j.path().starts_with(dir.path()), "not on the share");
    }

    #[cfg(unix)]
    #[test]
    fn a_dossier_whose_file_name_is_not_utf8_is_journalled_and_restored() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let journals = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.ron");
        let d = crate::sample::load().dossiers.remove(0).dossier;
        crate::files::save_dossier(&dir.path().join(name), &d).unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        assert_eq!(ws.len(), 1);
        ws.edit(0, |d| d.client = "Gewijzigd".into()).unwrap();
        let journal = Journal::open_in(journals.path(), ws.root()).unwrap();
        journal.write(ws.journal_entries()).unwrap();
        drop(journal);
        let mut next = Workspace::open(dir.path(), today());
        let j = Journal::open_in(journals.path(), next.root()).unwrap();
        let entries: Vec<_> = j.orphans().into_iter().flat_map(|o| o.entries).collect();
        assert_eq!(next.restore(entries).restored, 1);
        assert_eq!(next.len(), 1, "back into its own file's dossier");
        assert_eq!(next.entries[0].dossier.client, "Gewijzigd");
    }
}

mod hostile {
    use super::*;

    /// A journal that names files outside the workspace (an absolute path, a `..` path, a
    /// link inside that points out) puts their dossiers back only as new dossiers without a
    /// file: saving then writes nothing outside, and creates nothing the journal names.
    #[test]
    fn a_crafted_journal_never_makes_a_save_write_outside_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let journals = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let victim = outside.path().join("victim.ron");
        std::fs::write(&victim, "precious").unwrap();
        let mut paths = vec![
            victim.clone(),
            dir.path()
                .join("..")
                .join(outside.path().file_name().unwrap())
                .join("victim.ron"),
            outside.path().join("created.ron"),
        ];
        #[cfg(unix)]
        {
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&victim, &link).unwrap();
            paths.push(link);
        }
        let d = crate::sample::load().dossiers.remove(0).dossier;
        let entries: Vec<JournalEntry> = paths
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let mut d = d.clone();
                d.id = format!("EVIL-{k}");
                JournalEntry {
                    path: Some(JournalPath::of(p)),
                    name: "evil.ron".into(),
                    dossier: d,
                }
            })
            .collect();
        let mut ws = Workspace::open(dir.path(), today());
        let before = ws.len();
        // Written as a gone window's journal, then offered and restored.
        let crafted = Journal::open_in(journals.path(), ws.root()).unwrap();
        crafted.write(entries).unwrap();
        drop(crafted);
        locks_settle(journals.path());
        let j = Journal::open_in(journals.path(), ws.root()).unwrap();
        let restored: Vec<_> = j.orphans().into_iter().flat_map(|o| o.entries).collect();
        assert_eq!(ws.restore(restored).restored, paths.len());
        assert_eq!(
            ws.len(),
            before + paths.len(),
            "each came back as a new dossier"
        );
        for e in &ws.entries[before..] {
            assert!(e.path.is_none(), "{:?} has a file", e.dossier.id);
        }
        let problems = ws.save_all();
        assert!(
            problems
                .iter()
                .all(|(_, e)| matches!(e, SaveError::NeedsPath))
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!outside.path().join("created.ron").exists());
    }

    #[test]
    fn is_inside_resolves_dots_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ron"), "").unwrap();
        assert!(journal::is_inside(dir.path(), &dir.path().join("a.ron")));
        assert!(journal::is_inside(dir.path(), &dir.path().join("new.ron")));
        assert!(!journal::is_inside(dir.path(), dir.path()));
        assert!(!journal::is_inside(
            dir.path(),
            &dir.path().join("..").join("x.ron")
        ));
        assert!(!journal::is_inside(
            dir.path(),
            &outside.path().join("x.ron")
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
            assert!(!journal::is_inside(
                dir.path(),
                &dir.path().join("out/x.ron")
            ));
        }
    }

    #[test]
    fn journals_that_are_not_journals_are_left_alone() {
        for bytes in [
            &b""[..],
            b"Journal(",
            b"\xff\xfe",
            b"[(path: None, name: \"x\", dossier: 1)]",
            "(".repeat(10_000).as_bytes(),
        ] {
            assert!(journal::parse(bytes).is_none());
        }
    }
}
#[test]
fn saving_refuses_to_overwrite_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::sample(today());
    assert_eq!(ws.dirty_count(), 0, "an unedited sample is not unsaved");
    ws.edit(0, |d| d.client = "Edited".into()).unwrap();
    assert_eq!(ws.dirty_count(), 1);
    assert!(matches!(ws.save(0), Err(SaveError::NeedsPath)));
    assert!(ws.save_unfiled_into(dir.path()).is_empty());
    assert_eq!(ws.dirty_count(), 0);
    let reopened = Workspace::open(dir.path(), today());
    assert_eq!(reopened.entries.len(), ws.entries.len());
    assert!(reopened.load_errors.is_empty());

    let mut ws = reopened;
    let path = ws.entries[0].path.clone().unwrap();
    ws.edit(0, |d| d.client = "Changed Here".into()).unwrap();
    std::fs::write(
        &path,
        std::fs::read_to_string(&path)
            .unwrap()
            .replace("Edited", "Changed Outside"),
    )
    .unwrap();
    assert!(matches!(ws.save(0), Err(SaveError::ChangedOnDisk(_))));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Changed Outside"),
        "not overwritten"
    );
    ws.save_over(0).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Changed Here")
    );
    assert!(!ws.entries[0].is_dirty());
}

mod locks_between_windows {
    use super::*;
    use crate::workspace::locks::{LockInfo, lock_path};

    /// Another machine's window editing `file` since a minute.
    fn foreign_lock(file: &Path) -> LockInfo {
        let info = LockInfo {
            user: "sofie".into(),
            host: "ocmw-pc-7".into(),
            pid: 4242,
            since: chrono::Local::now().naive_local() - chrono::Duration::minutes(1),
            readable: true,
        };
        std::fs::write(
            lock_path(file),
            format!(
                "{},{},{},{}\n",
                info.user,
                info.host,
                info.pid,
                info.since.format("%Y-%m-%dT%H:%M")
            ),
        )
        .unwrap();
        // The file keeps the minute only.
        LockInfo {
            since: chrono::NaiveDateTime::parse_from_str(
                &info.since.format("%Y-%m-%dT%H:%M").to_string(),
                "%Y-%m-%dT%H:%M",
            )
            .unwrap(),
            ..info
        }
    }

    #[test]
    fn shared_drive_the_first_edit_takes_the_lock_and_saving_gives_it_back() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        let file = ws.entries[i].path.clone().unwrap();
        assert!(!lock_path(&file).exists());
        ws.edit(i, |d| d.client = "A".into()).unwrap();
        assert!(lock_path(&file).exists(), "taken before the edit");
        ws.save(i).unwrap();
        assert!(!lock_path(&file).exists(), "given back on save");
        ws.edit(i, |d| d.client = "B".into()).unwrap();
        assert!(lock_path(&file).exists());
        ws.undo().unwrap().unwrap();
        assert!(
            !lock_path(&file).exists(),
            "back to the saved version: nothing to lock"
        );
        ws.redo().unwrap().unwrap();
        assert!(lock_path(&file).exists(), "unsaved again: locked again");
        drop(ws);
        assert!(!lock_path(&file).exists(), "closing gives every lock back");
    }

    #[test]
    fn shared_drive_a_dossier_another_window_edits_is_read_only_here() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let probe = Workspace::open(dir.path(), today());
        let i = index_of(&probe, "LEUV-2018-0006");
        let file = probe.entries[i].path.clone().unwrap();
        drop(probe);
        let theirs = foreign_lock(&file);
        let mut ws = Workspace::open(dir.path(), today());
        assert_eq!(
            ws.entries[i].locked_by(),
            Some(&theirs),
            "seen when opening"
        );
        let before = ws.entries[i].dossier.clone();
        let e = ws.edit(i, |d| d.client = "Mine".into()).unwrap_err();
        assert!(matches!(&e, EditRefused::Locked(l) if *l == theirs));
        assert!(
            e.message("leuven.ron", crate::lang::Lang::En)
                .contains("being edited by sofie on ocmw-pc-7")
        );
        assert_eq!(ws.entries[i].dossier, before);
        assert!(!ws.can_undo());
        assert_eq!(
            std::fs::read_to_string(lock_path(&file))
                .unwrap()
                .split(',')
                .next(),
            Some("sofie")
        );
        // They save and give the lock back: the change shows without a restart.
        std::fs::remove_file(lock_path(&file)).unwrap();
        assert_eq!(ws.reconcile(&lock_path(&file)), DiskChange::Lock(i));
        assert_eq!(ws.entries[i].locked_by(), None);
        ws.edit(i, |d| d.client = "Mine".into()).unwrap();
        // A journal's version of a dossier someone else edits comes back beside it.
        let theirs = foreign_lock(&dir.path().join("gent-2017-0004.ron"));
        let _ = theirs;
        let g = index_of(&ws, "GENT-2017-0004");
        assert_eq!(
            ws.reconcile(&lock_path(&dir.path().join("gent-2017-0004.ron"))),
            DiskChange::Lock(g)
        );
        let mut journalled = (*ws.entries[g].dossier).clone();
        journalled.client = "Uit het journaal".into();
        let n = ws.len();
        let restored = ws.restore(vec![JournalEntry {
            path: Some(JournalPath::of(&dir.path().join("gent-2017-0004.ron"))),
            name: "gent-2017-0004.ron".into(),
            dossier: journalled,
        }]);
        assert_eq!(restored.restored, 1);
        assert_eq!(ws.len(), n + 1, "beside it, not over it");
        assert_ne!(ws.entries[g].dossier.client, "Uit het journaal");
    }

    #[test]
    fn shared_drive_a_stale_lock_is_taken_over_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let file = dir.path().join("leuven-2018-0006.ron");
        let mut stale = foreign_lock(&file);
        stale.since -= chrono::Duration::hours(13);
        std::fs::write(
            lock_path(&file),
            format!(
                "sofie,ocmw-pc-7,4242,{}\n",
                stale.since.format("%Y-%m-%dT%H:%M")
            ),
        )
        .unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        assert!(
            ws.edit(i, |d| d.client = "X".into()).is_err(),
            "not taken silently"
        );
        let now = chrono::Local::now().naive_local();
        assert!(ws.entries[i].locked_by().unwrap().is_stale(now));
        ws.take_over_lock(i).unwrap();
        ws.edit(i, |d| d.client = "X".into()).unwrap();
        assert!(crate::workspace::locks::read(&file).unwrap().is_mine());
    }
}

#[test]
fn shared_drive_deleting_leaves_nothing_of_the_client_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let journals = tempfile::tempdir().unwrap();
    crate::sample::write_to(dir.path()).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    let journal = Journal::open_in(journals.path(), ws.root()).unwrap();
    let i = index_of(&ws, "LEUV-2018-0006");
    let file = ws.entries[i].path.clone().unwrap();
    let original = std::fs::read(&file).unwrap();
    // Saved once (a backup), then edited (a lock, a journal entry).
    ws.edit(i, |d| d.client = "Eerst".into()).unwrap();
    ws.save(i).unwrap();
    ws.edit(i, |d| d.client = "Niet bewaard".into()).unwrap();
    journal.write(ws.journal_entries()).unwrap();
    let backup = crate::files::backup_path(&file);
    let lock = locks::lock_path(&file);
    assert!(backup.exists() && lock.exists() && journal.path().exists());
    let (n, totals) = (ws.live_count(), ws.totals());
    ws.delete(i).unwrap();
    journal.write(ws.journal_entries()).unwrap();
    assert!(!file.exists() && !backup.exists() && !lock.exists());
    assert!(
        !journal.path().exists(),
        "the journal held only this dossier"
    );
    assert_eq!(ws.live_count(), n - 1);
    assert!(ws.entries[i].is_deleted());
    assert!(ws.totals().errors <= totals.errors);
    assert_eq!(ws.dirty_count(), 0);
    let recount = ProvinceYearTable::from_dossiers(
        ws.entries
            .iter()
            .filter(|e| !e.deleted)
            .map(|e| &*e.dossier),
        municipalities(),
        crate::stats::YearBasis::TrajectoryStart,
    );
    assert_eq!(ws.stats(), &recount);
    assert!(ws.save_all().is_empty(), "nothing to save, nothing written");
    assert!(!file.exists());
    // Undo: the dossier and its file come back as they were saved.
    assert_eq!(ws.undo().map(Result::unwrap), Some(i));
    assert!(!ws.entries[i].is_deleted());
    assert_eq!(ws.live_count(), n);
    assert_ne!(std::fs::read(&file).unwrap(), original);
    assert_eq!(
        crate::files::load_file(&file).unwrap().client,
        "Eerst",
        "as saved"
    );
    assert_eq!(
        ws.entries[i].dossier.client, "Niet bewaard",
        "the edit is back"
    );
    assert!(ws.entries[i].is_dirty() && lock.exists());
    // Redo deletes it again.
    assert_eq!(ws.redo().map(Result::unwrap), Some(i));
    assert!(!file.exists());
}

#[test]
fn shared_drive_a_folder_that_goes_away_is_unreachable_not_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let share = dir.path().join("share");
    std::fs::create_dir(&share).unwrap();
    crate::sample::write_to(&share).unwrap();
    let mut ws = Workspace::open(&share, today());
    let n = ws.live_count();
    // The share unmounts: its mount point is there, empty.
    for e in std::fs::read_dir(&share).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    let first = ws.entries[0].path.clone().unwrap();
    assert_eq!(ws.reconcile(&first), DiskChange::Unreachable);
    assert!(!ws.entries[0].is_dirty(), "not read as deleted");
    // The folder itself goes (the network is down).
    std::fs::remove_dir(&share).unwrap();
    assert!(!ws.folder_reachable());
    assert_eq!(ws.reconcile(&first), DiskChange::Unreachable);
    assert_eq!(ws.live_count(), n);
    assert_eq!(ws.dirty_count(), 0);
}

/// Hostile input through every loader path of a workspace: files in its folder, a journal
/// of a gone window, and changes on disk. No panic, no hang (each case has a time limit),
/// and nothing is ever written outside the workspace folder.
mod hostile_inputs {
    use super::*;
    use proptest::prelude::*;

    /// A saved sample dossier, cut, spliced and grown at random places.
    fn damaged() -> impl Strategy<Value = Vec<u8>> {
        let text = crate::files::to_ron(&crate::sample::load().dossiers.remove(0).dossier).unwrap();
        let len = text.len();
        (
            0..len,
            0..len,
            proptest::collection::vec(any::<u8>(), 0..64),
            0usize..4,
        )
            .prop_map(move |(a, b, noise, copies)| {
                let bytes = text.as_bytes();
                let (lo, hi) = (a.min(b), a.max(b));
                let mut out = bytes[..lo].to_vec();
                out.extend_from_slice(&noise);
                for _ in 0..copies {
                    out.extend_from_slice(&bytes[lo..hi]);
                }
                out.extend_from_slice(&bytes[hi..]);
                out
            })
    }

    /// Where a hostile journal may say a dossier lives.
    fn journal_path(root: &Path, outside: &Path, k: u8) -> JournalPath {
        let p = match k % 6 {
            0 => outside.join("victim.ron"),
            1 => root.join("..").join("victim.ron"),
            2 => root.join("a.ron"),
            3 => root.join("link.ron"),
            4 => root.join("sub").join("..").join("..").join("created.ron"),
            _ => PathBuf::from("relative.ron"),
        };
        JournalPath::of(&p)
    }

    /// A number from the environment, or `default`.
    fn env_or(name: &str, default: u32) -> u32 {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// Every file below `dir`, with its bytes.
    fn files_below(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
        let mut out = std::collections::BTreeMap::new();
        for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            if e.file_type().unwrap().is_file() {
                out.insert(e.path(), std::fs::read(e.path()).unwrap());
            }
        }
        out
    }

    proptest! {
        // 48 cases, each in a child process stopped after 20 s; PROPTEST_CASES and
        // PROPTEST_TIMEOUT (0: in this process) change them for a long run.
        #![proptest_config(ProptestConfig {
            cases: env_or("PROPTEST_CASES", 48),
            timeout: env_or("PROPTEST_TIMEOUT", 20_000),
            ..ProptestConfig::default()
        })]

        #[test]
        fn hostile_files_and_journals_never_panic_hang_or_write_outside(
            files in proptest::collection::vec(damaged(), 1..4),
            journal in proptest::collection::vec((any::<u8>(), damaged()), 0..5),
            raw_journal in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            let root_dir = tempfile::tempdir().unwrap();
            let outside = tempfile::tempdir().unwrap();
            let journals = tempfile::tempdir().unwrap();
            let root = root_dir.path();
            std::fs::write(outside.path().join("victim.ron"), "precious").unwrap();
            let untouched = files_below(outside.path());
            for (k, bytes) in files.iter().enumerate() {
                std::fs::write(root.join(format!("{}.ron", (b'a' + k as u8) as char)), bytes).unwrap();
            }
            #[cfg(unix)]
            std::os::unix::fs::symlink(outside.path().join("victim.ron"), root.join("link.ron")).unwrap();
            let mut ws = Workspace::open(root, today());
            // A gone window's journal, of dossiers parsed from damaged text where they parse.
            let entries: Vec<JournalEntry> = journal
                .iter()
                .filter_map(|(k, bytes)| {
                    let d = crate::files::parse_file_bytes(bytes, Path::new("j.ron")).ok()?;
                    Some(JournalEntry { path: Some(journal_path(root, outside.path(), *k)), name: "j.ron".into(), dossier: d })
                })
                .collect();
            let crafted = Journal::open_in(journals.path(), ws.root()).unwrap();
            crafted.write(entries).unwrap();
            drop(crafted);
            locks_settle(journals.path());
            // And one whose bytes are anything at all.
            std::fs::write(journals.path().join(format!("{}.0-0.journal.ron", "x")), &raw_journal).unwrap();
            let _ = journal::parse(&raw_journal);
            let mine = Journal::open_in(journals.path(), ws.root()).unwrap();
            let restored: Vec<JournalEntry> = mine.orphans().into_iter().flat_map(|o| o.entries).collect();
            ws.restore(restored);
            // Every dossier edited and saved, every change on disk reconciled.
            for i in 0..ws.len() {
                let _ = ws.edit(i, |d| d.client.push('!'));
            }
            let _ = ws.save_all();
            for p in files_below(root).keys() {
                let _ = ws.reconcile(p);
            }
            prop_assert_eq!(files_below(outside.path()), untouched);
            prop_assert!(!root_dir.path().parent().unwrap().join("created.ron").exists());
        }

        #[test]
        fn hostile_journal_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = journal::parse(&bytes);
        }
    }
}

/// The cases a fresh review found, each with the scenario that showed it.
mod review {
    use super::*;
    use crate::workspace::locks::lock_path;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        dir
    }

    /// A lock written as another process of this machine, `pid`, would write it.
    fn lock_of_pid(file: &Path, pid: u32, minutes_ago: i64) {
        let since = chrono::Local::now().naive_local() - chrono::Duration::minutes(minutes_ago);
        std::fs::write(
            lock_path(file),
            format!(
                "{},{},{pid},{}\n",
                locks::user_name(),
                locks::host_name(),
                since.format("%Y-%m-%dT%H:%M")
            ),
        )
        .unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn shared_drive_a_crashed_windows_lock_does_not_keep_its_journal_out_of_its_file() {
        let dir = folder();
        let file = dir.path().join("leuven-2018-0006.ron");
        // The crashed window's lock (its process is gone) and its journal.
        lock_of_pid(&file, u32::MAX - 7, 3);
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        let mut journalled = (*ws.entries[i].dossier).clone();
        journalled.client = "Uit het journaal".into();
        let n = ws.len();
        ws.restore(vec![JournalEntry {
            path: Some(JournalPath::of(&file)),
            name: "leuven-2018-0006.ron".into(),
            dossier: journalled,
        }]);
        assert_eq!(ws.len(), n, "back into its own dossier, not beside it");
        assert_eq!(ws.entries[i].dossier.client, "Uit het journaal");
        assert!(
            locks::read(&file).unwrap().is_mine(),
            "the stale lock taken over"
        );
    }

    #[test]
    fn shared_drive_a_journal_entry_of_a_dossier_a_live_window_edits_comes_back_as_a_copy() {
        let dir = folder();
        let file = dir.path().join("leuven-2018-0006.ron");
        std::fs::write(
            lock_path(&file),
            format!(
                "sofie,ocmw-pc-7,4242,{}\n",
                chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M")
            ),
        )
        .unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        let mut journalled = (*ws.entries[i].dossier).clone();
        journalled.client = "Uit het journaal".into();
        ws.restore(vec![JournalEntry {
            path: Some(JournalPath::of(&file)),
            name: "x".into(),
            dossier: journalled,
        }]);
        let copy = &ws.entries.last().unwrap().dossier;
        assert_eq!(copy.id, "LEUV-2018-0006-kopie-1");
        assert_eq!(copy.client, "Uit het journaal");
        assert_ne!(ws.entries[i].dossier.client, "Uit het journaal");
    }

    #[test]
    fn hostile_a_change_seen_through_a_folder_link_or_in_a_hidden_folder_is_ignored() {
        let dir = folder();
        let outside = tempfile::tempdir().unwrap();
        let mut d = crate::sample::load().dossiers.remove(0).dossier;
        d.id = "ELDERS".into();
        crate::files::save_dossier(&outside.path().join("x.ron"), &d).unwrap();
        std::fs::create_dir(dir.path().join(".verborgen")).unwrap();
        crate::files::save_dossier(&dir.path().join(".verborgen/y.ron"), &d).unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let n = ws.len();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path(), dir.path().join("archief")).unwrap();
            assert_eq!(
                ws.reconcile(&dir.path().join("archief/x.ron")),
                DiskChange::None
            );
        }
        assert_eq!(
            ws.reconcile(&dir.path().join(".verborgen/y.ron")),
            DiskChange::None
        );
        assert_eq!(
            ws.reconcile(&outside.path().join("x.ron")),
            DiskChange::None
        );
        assert_eq!(ws.len(), n);
    }

    #[cfg(unix)]
    #[test]
    fn hostile_a_pipe_at_a_locks_name_or_a_device_at_a_files_name_never_blocks() {
        let dir = folder();
        let file = dir.path().join("leuven-2018-0006.ron");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(lock_path(&file))
                .status()
                .unwrap()
                .success()
        );
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let mut ws = Workspace::open(&root, today());
            let i = index_of(&ws, "LEUV-2018-0006");
            let edited = ws.edit(i, |d| d.client = "X".into()).is_ok();
            let _ = ws.reconcile(&lock_path(&root.join("leuven-2018-0006.ron")));
            // The dossier's file becomes a link to a device: saving neither hangs nor
            // reads it.
            let g = index_of(&ws, "GENT-2017-0004");
            let gent = root.join("gent-2017-0004.ron");
            std::fs::remove_file(&gent).unwrap();
            std::os::unix::fs::symlink("/dev/zero", &gent).unwrap();
            ws.edit(g, |d| d.client = "Y".into()).unwrap();
            let saved = ws.save(g);
            tx.send((edited, saved.is_err())).unwrap();
        });
        let (edited, refused) = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("nothing blocks");
        assert!(
            !edited,
            "a pipe at the lock's name is no lock of ours: not taken"
        );
        assert!(refused, "a link to a device is not saved over");
    }

    #[test]
    fn shared_drive_deleting_takes_the_lock_first() {
        let dir = folder();
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        let file = ws.entries[i].path.clone().unwrap();
        // Another window started editing a second ago: no sweep has seen it yet.
        std::fs::write(
            lock_path(&file),
            format!(
                "sofie,ocmw-pc-7,4242,{}\n",
                chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M")
            ),
        )
        .unwrap();
        assert!(ws.entries[i].locked_by().is_none());
        assert!(matches!(ws.delete(i), Err(DeleteError::Locked(_))));
        assert!(file.exists());
    }

    #[test]
    fn shared_drive_save_as_never_takes_another_dossiers_file_or_a_locked_one() {
        let dir = folder();
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        let gent = dir.path().join("gent-2017-0004.ron");
        let before = std::fs::read(&gent).unwrap();
        assert!(matches!(
            ws.save_as(i, gent.clone()),
            Err(SaveError::OthersFile(_))
        ));
        assert_eq!(std::fs::read(&gent).unwrap(), before);
        let other = dir.path().join("nieuw.ron");
        std::fs::write(lock_path(&other), "sofie,ocmw-pc-7,4242,2026-11-27T09:15\n").unwrap();
        assert!(matches!(
            ws.save_as(i, other.clone()),
            Err(SaveError::Locked(..))
        ));
        assert!(!other.exists());
        // A name that is no dossier file's is refused (issue 22): the workspace would not
        // find it again.
        let txt = dir.path().join("leuven.txt");
        let refused = ws.save_as(i, txt.clone());
        assert!(matches!(refused, Err(SaveError::NotRon(_))));
        assert!(
            refused
                .unwrap_err()
                .message(crate::lang::Lang::En)
                .contains(".ron")
        );
        assert!(!txt.exists());
    }

    /// A lock that is not one of ours (empty, garbled) is held by someone, however old:
    /// never removed as rubbish; after 12 hours it is stale and can be taken over, when
    /// asked to (issue 20).
    #[test]
    fn shared_drive_a_lock_that_cannot_be_read_is_held_until_twelve_hours() {
        let dir = folder();
        let file = dir.path().join("leuven-2018-0006.ron");
        let lock = lock_path(&file);
        std::fs::write(&lock, "").unwrap();
        let Err(locks::LockError::Held(held)) = locks::acquire(&file) else {
            panic!("held by someone");
        };
        assert!(!held.readable);
        let now = chrono::Local::now().naive_local();
        assert!(!held.is_stale(now));
        assert!(
            held.describe(crate::lang::Lang::En)
                .starts_with("being edited by someone (the lock file cannot be read)")
        );
        // An hour later (the old rule took it after ten minutes): still held.
        let old = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
        std::fs::File::options()
            .write(true)
            .open(&lock)
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert!(matches!(
            locks::acquire(&file),
            Err(locks::LockError::Held(_))
        ));
        assert!(lock.exists());
        // Thirteen hours: stale, and taken over when asked.
        let older = std::time::SystemTime::now() - std::time::Duration::from_hours(13);
        std::fs::File::options()
            .write(true)
            .open(&lock)
            .unwrap()
            .set_modified(older)
            .unwrap();
        let stale = locks::read(&file).unwrap();
        assert!(stale.is_stale(now));
        locks::take_over(&file, &stale).unwrap();
        assert!(locks::read(&file).unwrap().is_mine());
    }

    #[cfg(unix)]
    #[test]
    fn shared_drive_undoing_a_delete_gives_the_file_its_mode_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = folder();
        let file = dir.path().join("leuven-2018-0006.ron");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        ws.delete(i).unwrap();
        ws.undo().unwrap().unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    /// Undoing a delete when another file took the name meanwhile brings the dossier back
    /// as unsaved work, still called by its file's name (not by nothing).
    #[test]
    fn a_dossier_brought_back_without_its_file_keeps_its_name() {
        let dir = folder();
        let file = dir.path().join("leuven-2018-0006.ron");
        let mut ws = Workspace::open(dir.path(), today());
        let i = index_of(&ws, "LEUV-2018-0006");
        assert_eq!(ws.entries[i].name(), "leuven-2018-0006.ron");
        ws.delete(i).unwrap();
        assert_eq!(ws.entries[i].name(), "leuven-2018-0006.ron");
        std::fs::write(&file, "someone else's").unwrap();
        ws.undo().unwrap().unwrap();
        let e = &ws.entries[i];
        assert!(e.path().is_none() && e.is_dirty());
        assert_eq!(e.name(), "leuven-2018-0006.ron");
        assert_eq!(ws.journal_entries()[0].name, "leuven-2018-0006.ron");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "someone else's");
    }

    #[test]
    fn shared_drive_a_file_opened_by_a_relative_name_has_its_folder() {
        let dir = folder();
        let here = std::env::current_dir().unwrap();
        let relative = pathdiff(&dir.path().join("leuven-2018-0006.ron"), &here);
        let ws = Workspace::open(&relative, today());
        assert!(ws.root().unwrap().is_absolute());
        assert_eq!(
            std::fs::canonicalize(ws.root().unwrap()).unwrap(),
            std::fs::canonicalize(dir.path()).unwrap()
        );
    }

    /// `path` relative to `base` (both absolute), with `..` as needed.
    fn pathdiff(path: &Path, base: &Path) -> PathBuf {
        let p: Vec<_> = path.components().collect();
        let b: Vec<_> = base.components().collect();
        let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let mut out = PathBuf::new();
        for _ in common..b.len() {
            out.push("..");
        }
        for c in &p[common..] {
            out.push(c);
        }
        out
    }

    #[test]
    fn shared_drive_a_long_id_can_be_saved_and_saved_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path(), today());
        let mut d = crate::sample::load().dossiers.remove(0).dossier;
        d.id = "é".repeat(300);
        let i = ws.add(d);
        ws.save(i).unwrap();
        ws.edit(i, |d| d.client = "Opnieuw".into()).unwrap();
        ws.save(i).unwrap();
        assert!(crate::files::backup_path(ws.entries[i].path.as_deref().unwrap()).exists());
    }
}

/// A repeated id is reported for the files as they are, not only as a load read them: an
/// id mended and saved stops being reported, one typed again and saved is reported again,
/// the first file's deletion moves the report and its undo brings it back.
#[test]
fn repeated_ids_follow_saves_deletions_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = crate::sample::load().dossiers.remove(0).dossier;
    d.id = "GENT-1".into();
    for name in ["a.ron", "b.ron"] {
        crate::files::save_dossier(&dir.path().join(name), &d).unwrap();
    }
    let mut ws = Workspace::open(dir.path(), today());
    let repeated = |ws: &Workspace| -> Vec<(String, String)> {
        ws.load_errors()
            .iter()
            .filter_map(|e| match &e.kind {
                crate::files::LoadErrorKind::DuplicateId { first, .. } => Some((
                    e.path.file_name()?.to_string_lossy().into_owned(),
                    first.file_name()?.to_string_lossy().into_owned(),
                )),
                _ => None,
            })
            .collect()
    };
    let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
    assert_eq!(repeated(&ws), pair("b.ron", "a.ron"));
    let b = (0..ws.len())
        .find(|&i| ws.entries()[i].path().is_some_and(|p| p.ends_with("b.ron")))
        .unwrap();
    let a = 1 - b;
    ws.edit(b, |d| d.id = "GENT-2".into()).unwrap();
    assert_eq!(
        repeated(&ws),
        pair("b.ron", "a.ron"),
        "not saved yet: the file repeats"
    );
    ws.save(b).unwrap();
    assert_eq!(repeated(&ws), vec![], "mended and saved");
    ws.edit(b, |d| d.id = "GENT-1".into()).unwrap();
    ws.save(b).unwrap();
    assert_eq!(
        repeated(&ws),
        pair("b.ron", "a.ron"),
        "typed again and saved"
    );
    ws.delete(a).unwrap();
    assert_eq!(repeated(&ws), vec![], "the first file went");
    ws.undo();
    assert_eq!(repeated(&ws), pair("b.ron", "a.ron"), "and came back");
}

mod loading_tests {
    use super::*;
    use crate::workspace::loading::{Loader, Update};

    /// A workspace filled batch by batch by a [`Loader`].
    fn load_in_batches(path: &Path, today: NaiveDate) -> Workspace {
        let mut ws = Workspace::opening(path.to_path_buf(), today);
        let loader = Loader::start(path.to_path_buf(), today, YearMode::Trajectory);
        for u in loader.wait() {
            match u {
                Update::Batch(b) => ws.append(b),
                Update::Done(done) => ws.finish_loading(done),
            }
        }
        ws
    }

    /// A load takes the lock files and the leftovers of killed saves from its own listing
    /// (it listed the folder three times): another window's lock, in a subfolder too, marks
    /// its dossier as opening the folder in one go does; a lock without its dossier counts
    /// for nothing; an old leftover goes, a save in flight stays.
    #[test]
    fn a_load_reads_locks_and_clears_leftovers_from_its_own_listing() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let sub = dir.path().join("2026");
        std::fs::create_dir(&sub).unwrap();
        std::fs::rename(
            dir.path().join("gent-2017-0004.ron"),
            sub.join("gent-2017-0004.ron"),
        )
        .unwrap();
        let since = chrono::Local::now().naive_local() - chrono::Duration::minutes(5);
        let lock = format!("sofie,ocmw-pc-7,4242,{}\n", since.format("%Y-%m-%dT%H:%M"));
        std::fs::write(dir.path().join(".~lock.leuven-2018-0006.ron#"), &lock).unwrap();
        std::fs::write(sub.join(".~lock.gent-2017-0004.ron#"), &lock).unwrap();
        std::fs::write(dir.path().join(".~lock.weg.ron#"), &lock).unwrap();
        let leftover = sub.join(format!(
            "{}x.ron.1{}",
            crate::files::TEMP_PREFIX,
            crate::files::TEMP_SUFFIX
        ));
        let in_flight = dir.path().join(format!(
            "{}y.ron.2{}",
            crate::files::TEMP_PREFIX,
            crate::files::TEMP_SUFFIX
        ));
        for temp in [&leftover, &in_flight] {
            std::fs::write(temp, "Dossier(").unwrap();
        }
        std::fs::File::options()
            .write(true)
            .open(&leftover)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - std::time::Duration::from_hours(1))
            .unwrap();
        let today = parse("2026-06-01").unwrap();
        let batched = load_in_batches(dir.path(), today);
        let locked = |ws: &Workspace| -> Vec<(String, String)> {
            ws.entries()
                .iter()
                .filter_map(|e| {
                    let by = e.locked_by()?;
                    Some((e.dossier().id.clone(), by.describe(crate::lang::Lang::En)))
                })
                .collect()
        };
        let mut got = locked(&batched);
        got.sort();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "GENT-2017-0004");
        assert_eq!(got[1].0, "LEUV-2018-0006");
        assert!(got[0].1.contains("sofie"), "{got:?}");
        let whole = Workspace::open(dir.path(), today);
        let mut expected = locked(&whole);
        expected.sort();
        assert_eq!(got, expected, "as a folder opened in one go");
        assert!(!leftover.exists(), "the old leftover is removed");
        assert!(in_flight.exists(), "a save in flight is left alone");
    }

    /// The ids a load repeats are found among the dossiers the workspace holds when it is
    /// done: one deleted before the other batches joined names no later file, and the next
    /// file with its id is then the first; the id counted is the file's, not an edit's.
    #[test]
    fn a_repeated_id_is_found_among_the_dossiers_held_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = crate::sample::load().dossiers.remove(0).dossier;
        d.id = "GENT-1".into();
        for name in ["a.ron", "b.ron", "c.ron"] {
            crate::files::save_dossier(&dir.path().join(name), &d).unwrap();
        }
        let today = parse("2026-06-01").unwrap();
        let pace = super::super::loading::Pace {
            batch: 1,
            read_ahead: 8,
        };
        let loader =
            Loader::start_paced(dir.path().to_path_buf(), today, YearMode::Trajectory, pace);
        let mut ws = Workspace::opening(dir.path().to_path_buf(), today);
        let repeated = |ws: &Workspace| -> Vec<(PathBuf, PathBuf)> {
            ws.load_errors()
                .iter()
                .filter_map(|e| match &e.kind {
                    crate::files::LoadErrorKind::DuplicateId { first, .. } => {
                        Some((e.path.clone(), first.clone()))
                    }
                    _ => None,
                })
                .collect()
        };
        for u in loader.wait() {
            match u {
                Update::Batch(b) => {
                    ws.append(b);
                    if ws.len() == 1 {
                        // a.ron, deleted before b.ron and c.ron join.
                        ws.delete(0).unwrap();
                    }
                    if ws.len() == 2 {
                        // b.ron's id edited, not saved: its file still has GENT-1.
                        ws.edit(1, |d| d.id = "GENT-2".into()).unwrap();
                    }
                }
                Update::Done(done) => ws.finish_loading(done),
            }
        }
        let (b, c) = (dir.path().join("b.ron"), dir.path().join("c.ron"));
        assert_eq!(repeated(&ws), [(c, b)]);
    }

    /// Loading in batches gives the workspace a load in one go gives: the same dossiers in
    /// the same order, the same findings and the same problems, a repeated id across
    /// batches included.
    #[test]
    fn batches_make_the_same_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let opts = crate::generate::Options {
            count: 4_500,
            seed: 7,
            match_published: false,
            violations: 0.2,
        };
        let generated = crate::generate::generate(&opts);
        crate::generate::write(&generated, dir.path()).unwrap();
        // The last file in path order repeats the first file's id: the two are in
        // different batches.
        let mut names: Vec<_> = generated.iter().map(|(d, _)| d.id.clone()).collect();
        names.sort();
        let mut last = generated
            .iter()
            .find(|(d, _)| d.id == names[names.len() - 1])
            .unwrap()
            .0
            .clone();
        last.id.clone_from(&names[0]);
        let text = crate::files::to_ron(&last).unwrap();
        std::fs::write(
            dir.path().join(format!("{}.ron", names[names.len() - 1])),
            text,
        )
        .unwrap();
        std::fs::write(dir.path().join("broken.ron"), "Dossier(").unwrap();
        let today = parse("2026-06-01").unwrap();
        let whole = Workspace::open(dir.path(), today);
        let batched = load_in_batches(dir.path(), today);
        assert_eq!(batched.len(), whole.len());
        assert!(batched.len() > 4_000);
        for (a, b) in whole.entries().iter().zip(batched.entries()) {
            assert_eq!(a.path(), b.path());
            assert_eq!(a.dossier(), b.dossier());
            assert_eq!(a.findings(), b.findings());
        }
        let problems = |ws: &Workspace| -> Vec<String> {
            ws.load_errors()
                .iter()
                .map(|e| format!("{}: {}", e.path.display(), e.message(crate::lang::Lang::En)))
                .collect()
        };
        assert_eq!(problems(&batched), problems(&whole));
        assert!(
            batched
                .load_errors()
                .iter()
                .any(|e| e.path.ends_with("broken.ron"))
        );
        assert!(
            batched
                .load_errors()
                .iter()
                .any(|e| matches!(e.kind, crate::files::LoadErrorKind::DuplicateId { .. }))
        );
        assert_eq!(batched.totals(), whole.totals());
    }

    /// A batch checked for another reference date (the date changed while it loaded) is
    /// checked again when it joins.
    #[test]
    fn a_batch_checked_for_another_date_is_checked_again() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let (then, now) = (parse("2019-01-01").unwrap(), parse("2026-06-01").unwrap());
        let mut ws = Workspace::opening(dir.path().to_path_buf(), now);
        for u in Loader::start(dir.path().to_path_buf(), then, YearMode::Trajectory).wait() {
            match u {
                Update::Batch(b) => ws.append(b),
                Update::Done(done) => ws.finish_loading(done),
            }
        }
        let whole = Workspace::open(dir.path(), now);
        for (a, b) in whole.entries().iter().zip(ws.entries()) {
            assert_eq!(a.findings(), b.findings());
        }
    }

    /// A cancelled load stops: no update comes after, and the thread ends.
    #[test]
    fn a_cancelled_load_says_nothing_more() {
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let today = parse("2026-06-01").unwrap();
        let mut loader = Loader::start(dir.path().to_path_buf(), today, YearMode::Trajectory);
        loader.cancel();
        assert!(loader.is_finished());
        assert!(loader.poll(usize::MAX).is_empty());
    }

    /// The reading waits for the window: with room for two batches in the channel it reads
    /// no further until the window takes one; cancelled while it waits, its thread ends
    /// (it held the channel and the batch it was handing over).
    #[test]
    fn the_reading_waits_for_the_window_and_stops_when_cancelled() {
        use crate::workspace::loading::Pace;
        let dir = tempfile::tempdir().unwrap();
        crate::sample::write_to(dir.path()).unwrap();
        let files = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "ron")
            })
            .count();
        assert!(files > 6, "{files}");
        let today = parse("2026-06-01").unwrap();
        let pace = Pace {
            batch: 1,
            read_ahead: 2,
        };
        let wait_for = |what: &dyn Fn() -> bool| {
            let t = std::time::Instant::now();
            while !what() && t.elapsed() < std::time::Duration::from_secs(10) {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        };
        let mut loader =
            Loader::start_paced(dir.path().to_path_buf(), today, YearMode::Trajectory, pace);
        // Two batches wait in the channel and a third is being handed over: no more is read.
        wait_for(&|| loader.status().read >= 3);
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert_eq!(loader.status().read, 3, "read on without the window");
        assert_eq!(loader.poll(1).len(), 1);
        wait_for(&|| loader.status().read >= 4);
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert_eq!(loader.status().read, 4, "one taken, one more read");
        loader.cancel();
        wait_for(&|| loader.thread_gone());
        assert!(loader.thread_gone(), "the thread still waits");
        // Taken to its end, the same load brings every file.
        let all: usize =
            Loader::start_paced(dir.path().to_path_buf(), today, YearMode::Trajectory, pace)
                .wait()
                .iter()
                .map(|u| match u {
                    Update::Batch(b) => b.len() + b.errors.len(),
                    Update::Done(_) => 0,
                })
                .sum();
        assert_eq!(all, files);
    }

    /// A folder that is not there: one problem, no dossiers, and the load ends.
    #[test]
    fn a_missing_folder_ends_with_its_problem() {
        let today = parse("2026-06-01").unwrap();
        let ws = load_in_batches(Path::new("/does/not/exist"), today);
        assert!(ws.is_empty());
        assert_eq!(ws.load_errors().len(), 1);
    }
}

/// Waits (up to 2 s) until no journal lock in `dir` is held. A test that closes a journal
/// races with any test of the same process that spawns a child: between fork and exec the
/// child holds a copy of every descriptor, and with it the lock, for a moment.
fn locks_settle(dir: &Path) {
    for _ in 0..200 {
        let held = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "lock"))
            .any(|p| !super::journal::lock_is_free(&p));
        if !held {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

//! The workspace: edits, tallies, undo, changes on disk, the journal and saving.
use super::*;
use crate::model::date_serde::parse;
use crate::reference::municipalities;
use crate::rules::SeverityCounts;

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
    assert!(ws.edit(i, |d| d.instruments[1].end = parse("2019-03-20").unwrap()));
    assert!(
        ws.entries[i]
            .findings
            .iter()
            .any(|f| f.rule.id == "overlap")
    );
    assert_eq!(ws.totals().errors, before.errors + 1);
    assert!(ws.entries[i].is_dirty());
    assert_eq!(ws.undo(), Some(i));
    assert!(
        !ws.entries[i]
            .findings
            .iter()
            .any(|f| f.rule.id == "overlap")
    );
    assert_eq!(ws.totals(), before);
    assert_eq!(ws.redo(), Some(i));
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

#[test]
fn keystrokes_in_one_field_are_one_undo_step() {
    let mut ws = Workspace::sample(today());
    let original = ws.entries[0].dossier.client.clone();
    for name in ["A", "An", "Ann"] {
        let mut d = ws.entries[0].dossier.clone();
        d.client = name.into();
        ws.apply(0, d, EditKey::Field("client".into()));
    }
    assert_eq!(ws.entries[0].dossier.client, "Ann");
    ws.undo();
    assert_eq!(ws.entries[0].dossier.client, original);
    assert!(!ws.can_undo());
}

#[test]
fn statistics_follow_edits_without_recounting() {
    let mut ws = Workspace::sample(today());
    let recount = |ws: &Workspace| {
        ProvinceYearTable::from_dossiers(ws.entries.iter().map(|e| &e.dossier), municipalities())
    };
    assert_eq!(ws.stats(), &recount(&ws));
    let i = index_of(&ws, "GENT-2017-0004");
    ws.edit(i, |d| {
        d.ocmw = "Hasselt".into();
        d.instruments.pop();
    });
    assert_eq!(ws.stats(), &recount(&ws));
    ws.undo();
    assert_eq!(ws.stats(), &recount(&ws));
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
    ws.edit(i, |d| d.client = "Mijn".into());
    ws.save(i).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::None);

    // Changed outside, no local edits: reloaded.
    std::fs::write(&path, text.replace("Jonas Claes", "Van Buiten")).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::Reloaded(i));
    assert_eq!(ws.entries[i].dossier.client, "Van Buiten");
    assert!(!ws.entries[i].is_dirty());

    // Changed outside with local edits: a conflict, the edit stays.
    ws.edit(i, |d| d.client = "Lokaal".into());
    std::fs::write(&path, text.replace("Jonas Claes", "Weer Anders")).unwrap();
    assert_eq!(ws.reconcile(&path), DiskChange::Conflict(i));
    assert_eq!(ws.entries[i].dossier.client, "Lokaal");
    assert_eq!(ws.take_theirs(i), DiskChange::Reloaded(i));
    assert_eq!(ws.entries[i].dossier.client, "Weer Anders");

    // Keep mine: the next save overwrites without asking.
    ws.edit(i, |d| d.client = "Toch Lokaal".into());
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
    crate::sample::write_to(dir.path()).unwrap();
    let mut ws = Workspace::open(dir.path(), today());
    ws.write_journal().unwrap();
    assert!(!ws.journal_path().exists(), "nothing unsaved, no journal");
    let i = index_of(&ws, "LEUV-2018-0006");
    ws.edit(i, |d| d.client = "Niet bewaard".into());
    ws.write_journal().unwrap();
    // The session dies here; the next one finds the journal.
    let mut next = Workspace::open(dir.path(), today());
    assert_eq!(
        next.entries.len(),
        ws.entries.len(),
        "the journal is not a dossier"
    );
    let journal = next.read_journal().unwrap();
    assert_eq!(next.restore(journal), 1);
    let j = index_of(&next, "LEUV-2018-0006");
    assert_eq!(next.entries[j].dossier.client, "Niet bewaard");
    assert!(next.entries[j].is_dirty());
    next.save_all();
    next.write_journal().unwrap();
    assert!(!next.journal_path().exists());
}

#[test]
fn saving_refuses_to_overwrite_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::sample(today());
    assert_eq!(ws.dirty_count(), 0, "an unedited sample is not unsaved");
    ws.edit(0, |d| d.client = "Edited".into());
    assert_eq!(ws.dirty_count(), 1);
    assert!(matches!(ws.save(0), Err(SaveError::NeedsPath)));
    assert!(ws.save_unfiled_into(dir.path()).is_empty());
    assert_eq!(ws.dirty_count(), 0);
    let reopened = Workspace::open(dir.path(), today());
    assert_eq!(reopened.entries.len(), ws.entries.len());
    assert!(reopened.load_errors.is_empty());

    let mut ws = reopened;
    let path = ws.entries[0].path.clone().unwrap();
    ws.edit(0, |d| d.client = "Changed Here".into());
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

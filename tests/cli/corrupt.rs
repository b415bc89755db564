//! A Flanders-size folder with 1% corrupt files: every other file loads and is checked,
//! every corrupt one is reported with its line and column, and none is ever written.

use twe_core::files::{LoadErrorKind, load_paths};
use twe_core::workspace::Workspace;

#[test]
fn one_percent_corrupt_files_out_of_25000() {
    let opts = twe_core::generate::Options {
        count: 25_000,
        seed: 3,
        match_published: false,
        violations: 0.0,
    };
    let dossiers = twe_core::generate::generate(&opts);
    let dir = tempfile::tempdir().unwrap();
    twe_core::generate::write(&dossiers, dir.path()).unwrap();
    let mut corrupt = Vec::new();
    for (k, (d, _)) in dossiers.iter().enumerate().filter(|(k, _)| k % 100 == 0) {
        let path = dir.path().join(format!("{}.ron", d.id));
        let text = std::fs::read_to_string(&path).unwrap();
        let broken = match k / 100 % 4 {
            0 => text[..text.len() / 2].to_string(),   // cut off
            1 => text.replacen("start:", "strat:", 1), // a typo in a field name
            2 => {
                // An impossible day in the first date: "YYYY-MM-32".
                let i = text.find("start: \"").unwrap() + 8;
                format!("{}{}32{}", &text[..i], &text[i..i + 8], &text[i + 10..])
            }
            _ => text.replacen('(', "((", 3), // syntax
        };
        std::fs::write(&path, &broken).unwrap();
        corrupt.push((path, broken));
    }
    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.dossiers.len(), 25_000 - corrupt.len());
    assert_eq!(report.errors.len(), corrupt.len());
    for e in &report.errors {
        assert!(e.line.is_some() && e.column.is_some(), "{e}");
        assert!(!matches!(e.kind, LoadErrorKind::Io(..)), "{e}");
    }
    // Opening the workspace checks the rest; saving everything writes none of the corrupt files.
    let mut ws = Workspace::open(
        dir.path(),
        twe_core::model::date_serde::parse("2026-06-01").unwrap(),
    );
    assert_eq!(ws.len(), 25_000 - corrupt.len());
    assert!(
        ws.entries().iter().all(|e| e.counts().errors == 0),
        "generated without injected errors"
    );
    assert!(ws.save_all().is_empty());
    for (path, text) in &corrupt {
        assert_eq!(
            &std::fs::read_to_string(path).unwrap(),
            text,
            "{} was written",
            path.display()
        );
    }
}

//! A save killed at any moment (kill -9 of the saving process) leaves the file whole: either
//! the old version or the new one, never a mix, and its backup likewise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]

use std::process::Command;
use std::time::Duration;
use twe_planner::files::{backup_path, load_file};

#[test]
fn a_killed_save_leaves_whole_old_or_whole_new() {
    let (a, b) = twe_planner::cli::save_loop_versions().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.ron");
    twe_planner::files::save_dossier(&file, &a).unwrap();
    let mut seen = std::collections::HashSet::new();
    for round in 0..25u64 {
        let _ = std::fs::remove_file(backup_path(&file));
        let mut child = Command::new(env!("CARGO_BIN_EXE_twe-planner"))
            .arg("save-loop")
            .arg(&file)
            .spawn()
            .unwrap();
        // Wait until the loop is saving (its first save leaves a backup), then kill at a
        // different moment each round: the loop saves every few hundred µs.
        let started = std::time::Instant::now();
        while !backup_path(&file).exists() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_micros(500 + round * 1_373 % 9_000));
        child.kill().unwrap(); // SIGKILL on Unix: no chance to clean up
        child.wait().unwrap();
        for path in [file.clone(), backup_path(&file)] {
            let d = load_file(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert!(
                d == a || d == b,
                "round {round}: {} is neither version",
                path.display()
            );
            seen.insert(d == a);
        }
    }
    assert_eq!(seen.len(), 2, "both versions were caught on disk");
}

//! A save killed at any moment (kill -9 of the saving process) leaves the file whole: either
//! the old version or the new one, never a mix, and its backup likewise. The saving process
//! is this test binary itself, started again with `SAVE_LOOP` set (no helper ships in the
//! program's own command line).

use std::process::Command;
use std::time::Duration;
use twe_core::files::{backup_path, is_temp_name, load_file, save_dossier};
use twe_core::model::Dossier;

/// The name the test harness knows test `f` of this module by (its path without the test
/// binary's name), to run it alone in a child process.
fn test_name(f: &str) -> String {
    let module = module_path!();
    let inside = module.split_once("::").map_or(module, |(_, rest)| rest);
    format!("{inside}::{f}")
}

/// The variable that makes this binary the saving child, naming the file to save.
const SAVE_LOOP: &str = "TWE_PLANNER_TEST_SAVE_LOOP";

/// The two versions the child alternates between: the first sample dossier with a short
/// and with a long client name, so the files differ in length too.
fn versions() -> (Dossier, Dossier) {
    let base = twe_core::sample::load().dossiers.remove(0).dossier;
    let mut a = base.clone();
    a.client = "Versie A".into();
    let mut b = base;
    b.client = "Versie B, met een veel langere naam zodat het bestand groeit".repeat(15);
    (a, b)
}

/// The child's work: save the two versions in turn until killed. Run by the parent below
/// (with `SAVE_LOOP` set); on its own, without the variable, there is nothing to do.
#[test]
fn save_loop_child() {
    let Some(file) = std::env::var_os(SAVE_LOOP) else {
        return;
    };
    let (a, b) = versions();
    loop {
        save_dossier(file.as_ref(), &a).unwrap();
        save_dossier(file.as_ref(), &b).unwrap();
    }
}

#[test]
fn a_killed_save_leaves_whole_old_or_whole_new() {
    let (a, b) = versions();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.ron");
    save_dossier(&file, &a).unwrap();
    let mut seen = std::collections::HashSet::new();
    for round in 0..25u64 {
        let _ = std::fs::remove_file(backup_path(&file));
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                &test_name("save_loop_child"),
                "--exact",
                "--test-threads=1",
                "--quiet",
            ])
            .env(SAVE_LOOP, &file)
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
    // What the kills left behind are our own temporary files, hidden, and nothing else.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "d.ron" || name == ".d.ron.bak" || is_temp_name(&name),
            "{name}"
        );
    }
}

/// The variable that makes this binary the panicking window, naming its folder.
const PANIC_IN: &str = "TWE_PLANNER_TEST_PANIC_IN";

/// The child's work: a window with an unsaved edit, the window's panic hook, and a panic
/// before the journal's five seconds have passed. Run by the parent below.
#[test]
fn panicking_window_child() {
    let Some(dir) = std::env::var_os(PANIC_IN) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let (folder, journals) = (dir.join("ws"), dir.join("journals"));
    twe_core::sample::write_to(&folder).unwrap();
    let ws = twe_core::workspace::Workspace::open(&folder, chrono::NaiveDate::MIN);
    let mut window = twe_app::Window::new(ws, twe_core::lang::Lang::En);
    window.enable_recovery_in(journals.clone());
    twe_app::install_panic_hook(journals);
    let mut h = egui_kittest::Harness::builder()
        .build_ui_state(|ui, w: &mut twe_app::Window| w.ui(ui), window);
    h.run();
    h.state_mut()
        .workspace_mut()
        .edit(0, |d| d.client = "Gered na een crash".into())
        .unwrap();
    h.run();
    panic!("a bug in the window");
}

#[test]
fn a_panic_writes_the_journal_and_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            &test_name("panicking_window_child"),
            "--exact",
            "--test-threads=1",
            "--quiet",
        ])
        .env(PANIC_IN, dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "the child panicked");
    // The test harness shows what the child wrote to stderr on its stdout.
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("unsaved work and a report"), "{said}");
    let journals: Vec<String> = std::fs::read_dir(dir.path().join("journals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let journal = journals
        .iter()
        .find(|n| n.ends_with(".journal.ron"))
        .unwrap_or_else(|| panic!("no journal in {journals:?}"));
    let text = std::fs::read_to_string(dir.path().join("journals").join(journal)).unwrap();
    assert!(text.contains("Gered na een crash"));
    let report = journals.iter().find(|n| n.starts_with("crash-")).unwrap();
    let report = std::fs::read_to_string(dir.path().join("journals").join(report)).unwrap();
    assert!(report.contains("a bug in the window"), "{report}");
}

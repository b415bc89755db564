//! The command line on real files: exit codes, the JSON shape, load errors with lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_twe-planner"));
    c.env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample")
}

fn sample_file(name: &str) -> String {
    sample().join(name).display().to_string()
}

/// `twe-planner generate` of `count` dossiers into `out`.
fn generate(out: &Path, count: u32, seed: u32, violations: &str) -> Output {
    run(&[
        "generate",
        "--count",
        &count.to_string(),
        "--seed",
        &seed.to_string(),
        "--violations",
        violations,
        "--out",
        &out.display().to_string(),
    ])
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Why something could not be read or written: standard error.
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_compliant_dossier_exits_0() {
    let o = run(&[
        "check",
        &sample_file("leuven-2018-0006.ron"),
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("LEUV-2018-0006"));
}

#[test]
fn an_error_finding_exits_1_and_a_warning_does_not() {
    let o = run(&[
        "check",
        &sample_file("kortrijk-2018-0008.ron"),
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("overlap"));
    let o = run(&[
        "check",
        &sample_file("deinze-2021-0021.ron"),
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "a warning is not an error");
}

/// The text report counts in words, singular for one, in both languages: "1 fout",
/// "1 dossier", "1 instrument actief" (it said "1 fouten", "1 dossiers", "instrument(en)").
#[test]
fn the_text_report_says_one_in_the_singular() {
    let said = |lang: &str| {
        stdout(&run(&[
            "check",
            &sample_file("kortrijk-2018-0008.ron"),
            "--today",
            "2026-06-01",
            "--lang",
            lang,
        ]))
    };
    let nl = said("nl");
    assert!(nl.contains("): 1 fout, 0 waarschuwingen\n"), "{nl}");
    assert!(nl.contains("1 instrument actief, vrijgesteld"), "{nl}");
    assert!(
        nl.ends_with("1 dossier: 1 fout, 0 waarschuwingen, 1 info; 0 laadproblemen\n"),
        "{nl}"
    );
    let en = said("en");
    assert!(en.contains("1 instrument active, exempt"), "{en}");
    assert!(
        en.ends_with("1 dossier: 1 error, 0 warnings, 1 info; 0 load problems\n"),
        "{en}"
    );
    let many = stdout(&run(&[
        "check",
        &sample().display().to_string(),
        "--lang",
        "en",
    ]));
    assert!(many.contains("30 dossiers: "), "{many}");
}

#[test]
fn json_has_the_documented_shape() {
    let o = run(&[
        "check",
        &sample().display().to_string(),
        "--today",
        "2026-06-01",
        "--format",
        "json",
        "--lang",
        "nl",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dossiers = v["dossiers"].as_array().unwrap();
    assert_eq!(dossiers.len(), 30);
    assert_eq!(v["load_errors"].as_array().unwrap().len(), 0);
    let kort = dossiers
        .iter()
        .find(|d| d["id"] == "KORT-2018-0008")
        .unwrap();
    assert!(
        kort["path"]
            .as_str()
            .unwrap()
            .ends_with("kortrijk-2018-0008.ron")
    );
    let f = &kort["findings"][0];
    assert_eq!(f["rule"], "overlap");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["instruments"], serde_json::json!([1, 2]));
    assert_eq!(f["from"], "2019-12-09");
    assert_eq!(f["to"], "2019-12-16");
    assert!(
        f["message"].as_str().unwrap().contains("lopen tegelijk"),
        "{f}"
    );
}

#[test]
fn a_broken_file_exits_2_with_its_line_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample().join("leuven-2018-0006.ron"),
        dir.path().join("good.ron"),
    )
    .unwrap();
    let text = std::fs::read_to_string(sample().join("leuven-2018-0006.ron")).unwrap();
    let broken = text.replace("start: \"2018-01-08\"", "start: \"2018-02-30\"");
    std::fs::write(dir.path().join("bad.ron"), &broken).unwrap();
    let o = run(&[
        "check",
        &dir.path().display().to_string(),
        "--format",
        "json",
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["dossiers"].as_array().unwrap().len(),
        1,
        "the good file is still reported"
    );
    let e = &v["load_errors"][0];
    assert!(e["path"].as_str().unwrap().ends_with("bad.ron"));
    assert_eq!(e["line"], 8);
    assert_eq!(e["column"], 13);
    assert_eq!(e["field"], "start");
    assert!(e["message"].as_str().unwrap().contains("2018-02-30"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.ron")).unwrap(),
        broken,
        "never rewritten"
    );

    let o = run(&[
        "check",
        &dir.path().display().to_string(),
        "--lang",
        "nl",
        "--today",
        "2026-06-01",
    ]);
    let err = stderr(&o);
    assert!(
        err.contains("bad.ron:8:13: veld `start`: «2018-02-30» is geen bestaande datum"),
        "{err}"
    );
    assert!(
        !stdout(&o).contains("bad.ron"),
        "the report holds the dossiers"
    );
}

#[test]
fn wrong_arguments_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", ".", "--today", "2019-02-30"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", ".", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn an_empty_folder_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["check", &dir.path().display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("holds no dossier files"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stats_csv_is_the_published_table() {
    let o = run(&["stats", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    let csv = stdout(&o);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "province,year,trajectories,bvs,art60,opleiding,wes,ibo"
    );
    assert!(lines.contains(&"West-Vlaanderen,2019,975,664,905,89,7,5"));
    assert!(lines.contains(&"Totaal,2021,2102,402,1710,5,3,1"));
    assert_eq!(lines.last(), Some(&"Totaal,,23186,3589,21235,2000,344,363"));
}

#[test]
fn stats_from_dossiers_counts_the_sample() {
    let o = run(&[
        "stats",
        "--dossiers",
        &sample().display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let grand = rows.as_array().unwrap().last().unwrap();
    assert_eq!(grand["province"], "Totaal");
    assert_eq!(grand["year"], serde_json::Value::Null);
    assert_eq!(grand["trajectories"], 30);
    let table = stdout(&run(&["stats", "--lang", "nl"]));
    assert!(table.contains("2.772"));
}

#[test]
fn audit_lists_the_sources_defects() {
    let o = run(&["audit", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("O9CMW Grobbendonk"));
    assert!(out.contains("Nieuwpoort is listed under more than one organisation"));
    // The six defects of the source, thirteen figures that do not agree with each other,
    // the years still running, and what was checked.
    assert_eq!(out.lines().count(), 6 + 13 + 1 + 1, "{out}");
    assert!(out.ends_with("36 totals recomputed, all equal to the printed ones\n"));
}

#[test]
fn generated_dossiers_check_clean_unless_errors_are_injected() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean");
    let o = generate(&clean, 300, 5, "0");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read_dir(&clean).unwrap().count(), 300);
    let o = run(&[
        "check",
        &clean.display().to_string(),
        "--today",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "no errors without injection");

    let dirty = dir.path().join("dirty");
    generate(&dirty, 300, 5, "0.5");
    let o = run(&[
        "check",
        &dirty.display().to_string(),
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(1));

    // Deterministic for a seed.
    let again = dir.path().join("again");
    generate(&again, 300, 5, "0");
    for entry in std::fs::read_dir(&clean).unwrap() {
        let path = entry.unwrap().path();
        let twin = again.join(path.file_name().unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&twin).unwrap());
    }
}

#[test]
fn a_reader_that_stops_early_gets_no_error_message() {
    let dir = tempfile::tempdir().unwrap();
    let g = generate(dir.path(), 3000, 7, "0.1");
    let out = dir.path().display().to_string();
    assert_eq!(g.status.code(), Some(0), "{}", stdout(&g));
    // Far more than a pipe holds, so the writer meets the closed pipe.
    let mut child = bin()
        .args(["check", &out, "--today", "2026-06-01"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    assert!(first.contains("dossiers") || first.contains('('), "{first}");
    let o = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn hostile_generate_refuses_a_folder_with_files_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // The user's own file, with the name a generated dossier would have.
    let first = dir.path().join("mine.ron");
    std::fs::write(&first, "my notes").unwrap();
    let o = generate(dir.path(), 5, 1, "0");
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("not empty") && err.contains("niet leeg"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "my notes");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn hostile_generate_refuses_a_count_that_would_not_fit_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new");
    let o = run(&[
        "generate",
        "--count",
        "10000000",
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2000000"), "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn hostile_the_command_line_has_no_hidden_file_writer() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.ron");
    std::fs::write(&victim, "precious").unwrap();
    let o = run(&["save-loop", &victim.display().to_string()]);
    assert_eq!(o.status.code(), Some(2), "an unknown command");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn hostile_control_characters_from_a_file_are_escaped_in_text_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample().join("leuven-2018-0006.ron")).unwrap();
    let evil = text.replace(
        "id: \"LEUV-2018-0006\"",
        "id: \"X\\u{1b}[2J\\nOK 0 fouten\"",
    );
    std::fs::write(dir.path().join("evil.ron"), evil).unwrap();
    for lang in ["nl", "en"] {
        let o = run(&[
            "check",
            &dir.path().display().to_string(),
            "--today",
            "2026-06-01",
            "--lang",
            lang,
        ]);
        let out = stdout(&o);
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("X\\u{1b}[2J\\u{a}OK 0 fouten"), "{out}");
        // Each dossier's report is one line: the forged line is not a line of its own.
        assert!(!out.lines().any(|l| l.starts_with("OK 0 fouten")), "{out}");
    }
}

/// A copy of the sample workspace in a new folder.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(sample()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

/// The bytes of every file in `dir`, by name.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn shared_drive_fix_applies_unambiguous_fixes_and_a_second_run_finds_nothing() {
    let dir = sample_copy();
    let folder = dir.path().display().to_string();
    let before = snapshot(dir.path());
    let dry = run(&[
        "fix",
        &folder,
        "--today",
        "2026-06-01",
        "--dry-run",
        "--lang",
        "en",
    ]);
    assert_eq!(dry.status.code(), Some(0), "{}", stdout(&dry));
    assert!(stdout(&dry).contains("(dry run: nothing saved)"));
    assert_eq!(snapshot(dir.path()), before, "a dry run writes nothing");
    let checked = |d: &Path| {
        run(&[
            "check",
            &d.display().to_string(),
            "--today",
            "2026-06-01",
            "--format",
            "json",
        ])
    };
    let errors_before = stdout(&checked(dir.path()))
        .matches("\"severity\": \"error\"")
        .count();
    let o = run(&["fix", &folder, "--today", "2026-06-01", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    let changes: Vec<&str> = out.lines().filter(|l| l.contains(".ron: ")).collect();
    assert!(changes.len() >= 5, "{out}");
    assert_eq!(
        changes,
        stdout(&dry)
            .lines()
            .filter(|l| l.contains(".ron: "))
            .collect::<Vec<_>>()
    );
    assert!(
        out.contains("gent-2017-0004.ron: art60-late-start: Start art. 60§7 on 1 May 2017"),
        "{out}"
    );
    let errors_after = stdout(&checked(dir.path()))
        .matches("\"severity\": \"error\"")
        .count();
    assert!(
        errors_after < errors_before,
        "{errors_before} -> {errors_after}"
    );
    // Saved as the window saves: a backup beside each changed file, no lock left.
    assert!(dir.path().join(".gent-2017-0004.ron.bak").exists());
    assert!(!snapshot(dir.path()).keys().any(|n| n.starts_with(".~lock")));
    let again = run(&["fix", &folder, "--today", "2026-06-01", "--lang", "en"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).starts_with("0 changes in 0 dossiers"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn shared_drive_fix_keeps_to_the_rules_asked_for() {
    let dir = sample_copy();
    let o = run(&[
        "fix",
        &dir.path().display().to_string(),
        "--rule",
        "plan-missing",
        "--today",
        "2026-06-01",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(".ron: ")).collect();
    assert!(!lines.is_empty());
    assert!(
        lines.iter().all(|l| l.contains(": plan-missing: ")),
        "{out}"
    );
    let wrong = run(&[
        "fix",
        &dir.path().display().to_string(),
        "--rule",
        "no-such-rule",
    ]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("plan-missing"));
}

#[test]
fn shared_drive_fix_skips_a_dossier_another_window_edits_and_keeps_modes() {
    let dir = sample_copy();
    let locked = dir.path().join("gent-2017-0004.ron");
    let bytes = std::fs::read(&locked).unwrap();
    std::fs::write(
        dir.path().join(".~lock.gent-2017-0004.ron#"),
        "sofie,ocmw-pc-7,4242,2026-11-27T09:15\n",
    )
    .unwrap();
    #[cfg(unix)]
    let private = {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.path().join("aalst-2019-0011.ron");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        p
    };
    let o = run(&[
        "fix",
        &dir.path().display().to_string(),
        "--today",
        "2026-06-01",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2), "a skipped dossier is not saved");
    let out = stdout(&o);
    let err = stderr(&o);
    assert!(
        err.contains("gent-2017-0004.ron: skipped (being edited by sofie on ocmw-pc-7"),
        "{err}"
    );
    assert_eq!(std::fs::read(&locked).unwrap(), bytes);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert!(out.contains("aalst-2019-0011.ron: "), "{out}");
        let mode = std::fs::metadata(&private).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the mode is kept");
    }
}

/// A `fix` killed with its lock in place: the next `fix` of the same user on the same
/// machine takes the lock over and says so (it skipped the dossier forever); what could not
/// be saved is counted apart from what was (issue 20).
#[cfg(target_os = "linux")]
#[test]
fn shared_drive_fix_takes_over_its_own_killed_lock_and_counts_what_it_did_not_save() {
    let dir = sample_copy();
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "?".into());
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let now = chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M");
    // Its own lock, left by a process that is gone (no pid is that high).
    std::fs::write(
        dir.path().join(".~lock.gent-2017-0004.ron#"),
        format!("{user},{},4194304999,{now}\n", host.trim()),
    )
    .unwrap();
    // Another window's lock on a dossier with a fix: skipped, not saved.
    std::fs::write(
        dir.path().join(".~lock.aalst-2019-0011.ron#"),
        format!("sofie,ocmw-pc-7,4242,{now}\n"),
    )
    .unwrap();
    let o = run(&[
        "fix",
        &dir.path().display().to_string(),
        "--today",
        "2026-06-01",
        "--lang",
        "en",
    ]);
    let (out, err) = (stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(2), "{out}{err}");
    assert!(
        err.contains(
            "gent-2017-0004.ron: lock taken over from a twe-planner process of yours that stopped"
        ),
        "{err}"
    );
    assert!(
        out.contains("gent-2017-0004.ron: art60-late-start"),
        "{out}"
    );
    assert!(err.contains("aalst-2019-0011.ron: skipped"), "{err}");
    let summary = out.lines().last().unwrap();
    assert!(
        summary.contains("dossiers saved; 1 changes in 1 dossiers not saved"),
        "{summary}"
    );
    assert!(
        !dir.path().join(".~lock.gent-2017-0004.ron#").exists(),
        "given back"
    );
}

#[cfg(unix)]
#[test]
fn hostile_check_reports_a_pipe_named_ron_and_does_not_hang() {
    let dir = sample_copy();
    let fifo = dir.path().join("x.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut child = bin()
        .args([
            "check",
            &dir.path().display().to_string(),
            "--today",
            "2026-06-01",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("check hangs on a pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(2), "a load problem");
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("x.ron") && err.contains("not a regular file"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("30 dossiers"),
        "the others are checked: {text}"
    );
}

/// `agenda --format json` on the sample: the documented shape, sorted by due date then id,
/// every item on or after `--today`, and `--until` as the last day kept.
#[test]
fn agenda_json_is_sorted_and_bounded() {
    let o = run(&[
        "agenda",
        &sample().display().to_string(),
        "--today",
        "2026-03-02",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["today"], "2026-03-02");
    assert_eq!(v["load_errors"], serde_json::json!([]));
    let items = v["items"].as_array().unwrap();
    assert!(items.len() >= 5, "{items:?}");
    let keys: Vec<(String, String)> = items
        .iter()
        .map(|i| {
            assert!(
                Path::new(i["path"].as_str().unwrap())
                    .extension()
                    .is_some_and(|x| x == "ron")
            );
            assert!(!i["message"].as_str().unwrap().is_empty());
            assert!(i.get("client").is_none(), "no names unless asked");
            (
                i["due"].as_str().unwrap().to_string(),
                i["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.iter().all(|(due, _)| due.as_str() >= "2026-03-02"));
    // HERE-2024-0028 closed on 3 March 2026: its follow-up is due a year later.
    assert!(items.iter().any(|i| i["id"] == "HERE-2024-0028"
        && i["kind"] == "outcome-followup"
        && i["due"] == "2027-03-03"));
    // --until keeps what is due on or before it.
    let o = run(&[
        "agenda",
        &sample().display().to_string(),
        "--today",
        "2026-03-02",
        "--until",
        "2026-04-26",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kept = v["items"].as_array().unwrap();
    assert!(!kept.is_empty() && kept.len() < items.len());
    assert!(
        kept.iter()
            .all(|i| i["due"].as_str().unwrap() <= "2026-04-26")
    );
    assert!(kept.iter().any(|i| i["due"] == "2026-04-26"), "{kept:?}");
}

#[test]
fn agenda_exits_2_when_a_file_does_not_load_and_lists_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample().join("pajottegem-2025-0025.ron"),
        dir.path().join("good.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.ron"), "Dossier(id: \"x\"").unwrap();
    let o = run(&[
        "agenda",
        &dir.path().display().to_string(),
        "--today",
        "2026-03-02",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["load_errors"].as_array().unwrap().len(), 1);
    assert!(!v["items"].as_array().unwrap().is_empty());
    // Text: grouped, each line with its date and days left.
    let o = run(&[
        "agenda",
        &dir.path().display().to_string(),
        "--today",
        "2026-03-02",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let text = stdout(&o);
    assert!(stderr(&o).contains("bad.ron"), "{}", stderr(&o));
    assert!(text.contains("PAJO-2025-0025: "), "{text}");
    assert!(
        text.ends_with("2 agenda items from 2 Mar 2026; 1 load problem\n"),
        "{text}"
    );
}

/// `--format ics` is an RFC 5545 calendar a real parser reads back with the same dates,
/// what is overdue included (marked, on the reference date) unless `--without-overdue`;
/// `--names` adds the client to each summary.
#[test]
fn agenda_as_a_calendar_round_trips_its_dates() {
    use icalendar::Component;
    let args = |extra: &[&str]| -> Output {
        let mut a = vec![
            "agenda".to_string(),
            sample().display().to_string(),
            "--today".into(),
            "2026-03-02".into(),
        ];
        a.extend(extra.iter().map(|s| (*s).to_string()));
        bin()
            .args(&a)
            .env("SOURCE_DATE_EPOCH", "1772440200")
            .output()
            .unwrap()
    };
    let json: serde_json::Value =
        serde_json::from_slice(&args(&["--format", "json"]).stdout).unwrap();
    // What is overdue comes first, each an event on the reference date marked as such.
    let with_late = stdout(&args(&["--format", "ics"]));
    let cal: icalendar::Calendar = with_late.parse().unwrap();
    let late: Vec<_> = cal
        .events()
        .filter(|e| e.get_summary().is_some_and(|s| s.contains("OVERDUE since")))
        .collect();
    assert!(!late.is_empty(), "{with_late}");
    for e in &late {
        let start: chrono::NaiveDate = e.get_start().unwrap().into();
        assert_eq!(start.to_string(), "2026-03-02");
        assert!(e.get_uid().unwrap().contains("-late-"));
    }
    let o = args(&["--format", "ics", "--without-overdue"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let cal: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<_> = cal.events().collect();
    let items = json["items"].as_array().unwrap();
    assert_eq!(events.len(), items.len());
    assert_eq!(
        with_late
            .parse::<icalendar::Calendar>()
            .unwrap()
            .events()
            .count(),
        items.len() + late.len()
    );
    for (e, i) in events.iter().zip(items) {
        let start: chrono::NaiveDate = e.get_start().unwrap().into();
        assert_eq!(start.to_string(), i["due"].as_str().unwrap());
        assert_eq!(
            e.get_uid().unwrap(),
            format!(
                "{}-{}@twe-planner",
                i["id"].as_str().unwrap(),
                i["kind"].as_str().unwrap()
            )
        );
        assert_eq!(e.property_value("TRANSP"), Some("TRANSPARENT"));
    }
    assert!(
        text.contains("DTSTAMP:20260302T083000Z"),
        "SOURCE_DATE_EPOCH is the export time"
    );
    assert!(!text.contains("Youssef Amrani"));
    assert!(!with_late.contains("Youssef Amrani"));
    let named = stdout(&args(&["--format", "ics", "--names"]));
    assert!(named.contains("Youssef Amrani"), "{named}");
    // Nothing due: no calendar (RFC 5545 wants an event), and standard error says so.
    let o = args(&[
        "--format",
        "ics",
        "--until",
        "2026-03-03",
        "--without-overdue",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no agenda items"));
}

/// `--counsellor` keeps one counsellor's dossiers, for `check` and `agenda`.
#[test]
fn counsellor_keeps_their_dossiers() {
    let ids = |cmd: &str, who: &str| -> Vec<String> {
        let o = run(&[
            cmd,
            &sample().display().to_string(),
            "--today",
            "2026-03-02",
            "--format",
            "json",
            "--counsellor",
            who,
        ]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let list = if cmd == "check" {
            &v["dossiers"]
        } else {
            &v["items"]
        };
        list.as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect()
    };
    let all = ids("check", "sofie  PEETERS");
    let expected: Vec<String> = std::fs::read_dir(sample())
        .unwrap()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            text.contains("counsellor: Some(\"Sofie Peeters\")")
                .then(|| text.split('"').nth(1).unwrap().to_string())
        })
        .collect();
    assert!(!expected.is_empty());
    let mut got = all.clone();
    got.sort();
    let mut want = expected.clone();
    want.sort();
    assert_eq!(got, want);
    let agenda = ids("agenda", "Sofie Peeters");
    assert!(!agenda.is_empty());
    assert!(agenda.iter().all(|id| expected.contains(id)), "{agenda:?}");
    let o = run(&[
        "agenda",
        &sample().display().to_string(),
        "--today",
        "2026-03-02",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["items"].as_array().unwrap().len() > agenda.len());
    assert!(ids("check", "Nobody").is_empty());
}

/// `fix` says each dossier's changes as it saves them, not at its end: killed half way, all
/// it said it changed was saved (issue 20). 3,000 generated dossiers, each with an error to
/// fix.
#[cfg(unix)]
#[test]
fn shared_drive_fix_said_before_a_kill_was_saved() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ws");
    let g = run(&[
        "generate",
        "--count",
        "3000",
        "--violations",
        "1",
        "--out",
        &folder.display().to_string(),
    ]);
    assert_eq!(g.status.code(), Some(0), "{}", stdout(&g));
    let before: std::collections::HashMap<std::path::PathBuf, Vec<u8>> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    let mut child = bin()
        .args([
            "fix",
            &folder.display().to_string(),
            "--today",
            "2026-06-01",
            "--lang",
            "en",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut said = Vec::new();
    for _ in 0..20 {
        said.push(lines.next().unwrap().unwrap());
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the first lines come while it still saves, not at its end"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let changed: Vec<&str> = said.iter().filter_map(|l| l.split(": ").next()).collect();
    for path in changed {
        let path = std::path::PathBuf::from(path);
        assert_ne!(
            std::fs::read(&path).unwrap(),
            before[&path],
            "{} was said to be fixed, so it was saved",
            path.display()
        );
    }
}

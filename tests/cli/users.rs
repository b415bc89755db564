//! The command line run as other users on one shared folder (issue 20), as a team's
//! counsellors share a network drive: user A owns the dossiers, user B shares A's group.
//! Run as root with `setpriv` (util-linux); elsewhere each test says why it is skipped.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const ALICE: u32 = 42_001;
const BOB: u32 = 42_002;
const TEAM: u32 = 42_000;

/// Whether other users can be run here: root, with `setpriv`, and the program where other
/// users may run it (a checkout in a private home folder is not).
fn can_switch_users() -> bool {
    let root = process_uid() == 0;
    let setpriv = Command::new("setpriv")
        .args([
            "--reuid",
            &BOB.to_string(),
            "--regid",
            &TEAM.to_string(),
            "--clear-groups",
            "true",
        ])
        .status()
        .is_ok_and(|s| s.success());
    let reachable = setpriv
        && Command::new("setpriv")
            .args([
                "--reuid",
                &BOB.to_string(),
                "--regid",
                &TEAM.to_string(),
                "--clear-groups",
            ])
            .args([env!("CARGO_BIN_EXE_twe-planner"), "--version"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !(root && setpriv && reachable) {
        eprintln!(
            "skipped: running the command line as other users needs root, setpriv (util-linux) and a program other users may run; root: {root}, setpriv: {setpriv}, reachable: {reachable}"
        );
    }
    root && setpriv && reachable
}

/// This process's user: the owner of its `/proc` entry.
fn process_uid() -> u32 {
    std::fs::metadata("/proc/self").map_or(u32::MAX, |m| m.uid())
}

/// `twe-planner ARGS` as user `uid` in group `TEAM`.
fn as_user(uid: u32, name: &str, args: &[&str]) -> Output {
    Command::new("setpriv")
        .args([
            "--reuid",
            &uid.to_string(),
            "--regid",
            &TEAM.to_string(),
            "--groups",
            &TEAM.to_string(),
        ])
        .arg(env!("CARGO_BIN_EXE_twe-planner"))
        .args(args)
        .env("USER", name)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

/// A team folder: the sample, every file Alice's in the team's group with `mode`, the
/// folder writable by the team.
fn team_folder(mode: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o775)).unwrap();
    std::os::unix::fs::chown(dir.path(), Some(ALICE), Some(TEAM)).unwrap();
    twe_core::sample::write_to(dir.path()).unwrap();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        std::os::unix::fs::chown(&path, Some(ALICE), Some(TEAM)).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    dir
}

fn owner_mode(path: &Path) -> (u32, u32, u32) {
    let m = std::fs::metadata(path).unwrap();
    (m.uid(), m.gid(), m.mode() & 0o7777)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    )
}

/// Alice's dossier of 0640 in the team's group: Bob may read it, not write it. `fix` as Bob
/// replaced it, and the file became Bob's; now it is left alone, and Bob is told why.
#[test]
fn a_dossier_another_user_may_only_read_is_never_replaced() {
    if !can_switch_users() {
        return;
    }
    let dir = team_folder(0o640);
    let file = dir.path().join("gent-2017-0004.ron");
    let before = (std::fs::read(&file).unwrap(), owner_mode(&file));
    let folder = dir.path().display().to_string();
    let o = as_user(
        BOB,
        "bob",
        &["fix", &folder, "--today", "2026-06-01", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("gent-2017-0004.ron: read-only for you"),
        "{}",
        text(&o)
    );
    assert_eq!((std::fs::read(&file).unwrap(), owner_mode(&file)), before);
    // Alice may write it: her fix saves it, and it stays hers, in the team's group.
    let o = as_user(
        ALICE,
        "alice",
        &["fix", &folder, "--today", "2026-06-01", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_ne!(std::fs::read(&file).unwrap(), before.0);
    assert_eq!(owner_mode(&file), (ALICE, TEAM, 0o640));
}

/// A lock Bob cannot read (Alice's window made it under umask 077) is held by someone: Bob's
/// `fix` skips the dossier and leaves the lock, an hour old or not (after ten minutes it was
/// deleted as rubbish and the dossier saved over Alice's work).
#[test]
fn a_lock_another_user_cannot_read_is_held() {
    if !can_switch_users() {
        return;
    }
    let dir = team_folder(0o660);
    let file = dir.path().join("gent-2017-0004.ron");
    let before = std::fs::read(&file).unwrap();
    let lock = dir.path().join(".~lock.gent-2017-0004.ron#");
    let since = chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M");
    std::fs::write(&lock, format!("alice,ocmw-pc-1,4242,{since}\n")).unwrap();
    std::os::unix::fs::chown(&lock, Some(ALICE), Some(TEAM)).unwrap();
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o600)).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let folder = dir.path().display().to_string();
    let o = as_user(
        BOB,
        "bob",
        &["fix", &folder, "--today", "2026-06-01", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains(
            "gent-2017-0004.ron: skipped (being edited by someone (the lock file cannot be read)"
        ),
        "{}",
        text(&o)
    );
    assert!(lock.exists(), "never removed as rubbish");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // A dossier Bob may write (group-writable) is fixed: the saved file is a new one, Bob's,
    // with the dossier's group and mode, so the team still reads and writes it.
    let other = dir.path().join("aalst-2019-0011.ron");
    assert_eq!(owner_mode(&other), (BOB, TEAM, 0o660));
}

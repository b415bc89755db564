//! Names the build for `--version` and the About: the commit the binary is built from and
//! its day (the commit's, or `SOURCE_DATE_EPOCH`'s for a reproducible package), read with
//! `git` when the source is a checkout; "unknown" otherwise (a source archive).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn main() {
    // Only the root package has this script: a new commit rebuilds the binary, never the
    // library crates below it.
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // The files that move with a commit, where git keeps them (a worktree keeps its refs in
    // the common folder; `git gc` packs them): only those that exist, or cargo would run
    // this script, and relink the binary, on every build.
    let mut watched = vec![git(&["rev-parse", "--git-path", "HEAD"])];
    if let Some(head) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(git(&["rev-parse", "--git-path", &head]));
    }
    watched.push(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watched.into_iter().flatten() {
        if std::path::Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into());
    let date = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .map(day_of)
        .or_else(|| git(&["log", "-1", "--format=%cs"]))
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=TWE_COMMIT={commit}");
    println!("cargo:rustc-env=TWE_BUILD_DATE={date}");
}

/// The UTC day of a Unix time, YYYY-MM-DD.
fn day_of(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map_or_else(|| "unknown".into(), |d| d.format("%Y-%m-%d").to_string())
}

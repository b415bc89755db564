//! Embeds the sample workspace (assets/sample/*.ron) in the binary, so that
//! `cargo run --release` opens it from anywhere and the binary needs no files beside it.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=../../assets/sample");
    // The folder cargo runs this script for, read when it runs: `env!` would bake in where
    // the script was first compiled, and a script shared by two checkouts then embedded the
    // other one's sample, or none.
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    // The sample is the project's data, kept at the workspace's root beside the other assets.
    let dir = Path::new(&root).join("../../assets/sample");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => panic!("cannot read the sample workspace {}: {e}", dir.display()),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let ron = std::path::Path::new(n)
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("ron"));
            ron && !n.starts_with('.')
        })
        .collect();
    assert!(
        !names.is_empty(),
        "the sample workspace {} holds no .ron file",
        dir.display()
    );
    names.sort();
    let mut code = String::from(
        "/// The sample workspace: file name and content.\npub static SAMPLE_FILES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("sample_files.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

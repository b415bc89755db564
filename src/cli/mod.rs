//! The command line, in ripgrep's shape: each command's arguments are a `clap::Args` struct
//! beside the code that runs it and the tests of its flags; this file only parses and
//! dispatches. Every command calls the same core functions as the window.
//!
//! What a command makes goes to standard output (the report, the table, the calendar, the
//! line naming what was written); why something could not be read or written goes to
//! standard error ([`Io`]). Documents are written by one policy ([`document`]).

mod agenda;
mod args;
mod audit;
mod check;
mod document;
mod export;
mod fix;
mod generate;
mod import;
mod present;
mod print;
mod stats;

pub use args::Io;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use twe_core::lang;

/// Plans and checks TWE-OCMW trajectories; shows the published figures.
#[derive(Parser, Debug)]
#[command(name = "twe-planner", version, long_version = LONG_VERSION.as_str(), about)]
pub struct Cli {
    /// What to do; without a command the window opens on the sample workspace.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Print where the settings, the recovery journals and the crash reports are kept.
    #[arg(long, exclusive = true)]
    pub paths: bool,
    /// Write the man page or a shell's completions to standard output (for packagers).
    #[arg(long, value_enum, value_name = "WHAT", hide = true, exclusive = true)]
    pub generate: Option<Generate>,
    /// Write the man pages, the program's and one per command, into a folder (for packagers).
    #[arg(long, value_name = "DIR", hide = true, exclusive = true)]
    pub generate_man_to: Option<PathBuf>,
}

/// What `--generate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Generate {
    /// The man page (roff), twe-planner.1.
    Man,
    /// Completions for bash.
    Bash,
    /// Completions for zsh.
    Zsh,
    /// Completions for fish.
    Fish,
    /// Completions for PowerShell.
    Powershell,
}

/// This build: its version, and the commit and day the build script found.
pub const BUILD: twe_core::about::Build = twe_core::about::Build {
    version: env!("CARGO_PKG_VERSION"),
    commit: env!("TWE_COMMIT"),
    date: env!("TWE_BUILD_DATE"),
};

/// `--version`: the build, the licence and the data sources, in the language of `LANG`.
static LONG_VERSION: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| BUILD.long_version(args::LangArg::or_env(None)));

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check dossier files or folders against every rule.
    Check(check::Args),
    /// What must be done, and by when: the agenda of dossier files or folders.
    Agenda(agenda::Args),
    /// The trajectory plan of one dossier as an A4 PDF to print and sign.
    Print(print::Args),
    /// A caseload as a spreadsheet: the four sheets as .xlsx, or the instruments as .csv.
    Export(export::Args),
    /// A caseload from a spreadsheet (.xlsx or .csv) into a new workspace folder.
    Import(import::Args),
    /// The province × year table: published, or computed from dossiers.
    Stats(stats::Args),
    /// The data audit of the published figures, one line per defect.
    Audit(audit::Args),
    /// Open the window on a workspace folder or dossier file.
    Open(OpenArgs),
    /// Write realistic dossiers that follow the published distributions.
    Generate(generate::Args),
    /// Apply the quick fixes that are unambiguous to dossier files, saving each as the
    /// window does (atomic, with a backup, permissions kept, locks respected).
    Fix(fix::Args),
    /// Start straight in the presentation of the yearly figures (full screen).
    Present(present::Args),
}

/// `open`.
#[derive(clap::Args, Debug)]
pub struct OpenArgs {
    /// The folder or file.
    path: PathBuf,
}

/// Exit code: every file loaded and no finding is an error.
pub const EXIT_OK: u8 = 0;
/// Exit code: a finding is an error.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: a file could not be loaded or written, or the arguments are wrong.
pub const EXIT_LOAD: u8 = 2;

/// The exit code of a report: [`EXIT_LOAD`] when a file did not load, else
/// [`EXIT_FINDINGS`] when a finding is an error, else [`EXIT_OK`].
pub fn exit_status(load_problems: bool, error_findings: bool) -> u8 {
    if load_problems {
        EXIT_LOAD
    } else if error_findings {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Parses the process arguments and runs.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.paths {
        return paths();
    }
    if let Some(what) = cli.generate {
        return generate_for_packagers(what);
    }
    if let Some(dir) = cli.generate_man_to {
        return match man_pages_into(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                report_io_error(&e);
                ExitCode::from(EXIT_LOAD)
            }
        };
    }
    match cli.command {
        None => run_window(None, false),
        Some(Command::Open(OpenArgs { path })) => run_window(Some(path), false),
        Some(Command::Present(args)) if args.export.is_none() => run_window(args.path, true),
        Some(command) => {
            // Buffered: stdout alone writes line by line, and a workspace's JSON report has
            // half a million lines (a write call each took most of `check`'s time). Standard
            // error is not: what went wrong is said at once.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let mut err = std::io::stderr().lock();
            let code = run(command, &mut Io::new(&mut out, &mut err));
            match std::io::Write::flush(&mut out) {
                Ok(()) => ExitCode::from(code),
                Err(e) => {
                    report_io_error(&e);
                    ExitCode::from(EXIT_LOAD)
                }
            }
        }
    }
}

/// `--generate`: the man page or a shell's completions, made from the same definitions as
/// `--help`, so they never fall behind the program.
fn generate_for_packagers(what: Generate) -> ExitCode {
    use clap::CommandFactory as _;
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    let shell = match what {
        Generate::Man => {
            return match clap_mangen::Man::new(cmd).render(&mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    report_io_error(&e);
                    ExitCode::from(EXIT_LOAD)
                }
            };
        }
        Generate::Bash => clap_complete::Shell::Bash,
        Generate::Zsh => clap_complete::Shell::Zsh,
        Generate::Fish => clap_complete::Shell::Fish,
        Generate::Powershell => clap_complete::Shell::PowerShell,
    };
    // Made in memory first: clap_complete panics when its writer fails (`| head`).
    let mut text = Vec::new();
    clap_complete::generate(shell, &mut cmd, "twe-planner", &mut text);
    match std::io::Write::write_all(&mut out, &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_io_error(&e);
            ExitCode::from(EXIT_LOAD)
        }
    }
}

/// `--generate-man-to DIR`: the program's man page and one per command (`twe-planner.1`,
/// `twe-planner-check.1`, …), each rendered in memory and written as a new file through the
/// one write module (never over a file).
fn man_pages_into(dir: &std::path::Path) -> std::io::Result<()> {
    use clap::CommandFactory as _;
    let mut cmd = Cli::command();
    // Built, a command's subcommands carry their page's name ("twe-planner-check").
    cmd.build();
    let mut pages = vec![("twe-planner".to_string(), cmd.clone())];
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let name = sub.get_display_name().unwrap_or(sub.get_name()).to_string();
        pages.push((name, sub.clone()));
    }
    twe_core::files::create_dir(dir)?;
    for (name, page) in pages {
        let mut roff = Vec::new();
        clap_mangen::Man::new(page).render(&mut roff)?;
        twe_core::files::write_new(dir, &format!("{name}.1"), &roff)?;
    }
    Ok(())
}

/// `--paths`: each per-user place the program keeps something, a line each.
fn paths() -> ExitCode {
    let lang = args::LangArg::or_env(None);
    let mut out = std::io::stdout().lock();
    for (what, path) in twe_app::kept_paths(lang) {
        let line = format!("{what}: {}", path.display());
        if std::io::Write::write_all(
            &mut out,
            format!("{}\n", lang::terminal_safe(&line)).as_bytes(),
        )
        .is_err()
        {
            return ExitCode::from(EXIT_LOAD);
        }
    }
    ExitCode::SUCCESS
}

fn run_window(path: Option<PathBuf>, present: bool) -> ExitCode {
    match twe_app::run_with(path, present, BUILD) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("twe-planner: het venster kan niet openen / the window cannot open: {e}");
            ExitCode::from(EXIT_LOAD)
        }
    }
}

/// Runs a command that writes to `io`; returns the exit code.
pub fn run(command: Command, io: &mut Io<'_>) -> u8 {
    let result = match command {
        Command::Check(args) => check::run(&args, io),
        Command::Agenda(args) => agenda::run(&args, io),
        Command::Print(args) => print::run(&args, io),
        Command::Export(args) => export::run(&args, io),
        Command::Import(args) => import::run(&args, io),
        Command::Stats(args) => stats::run(&args, io),
        Command::Audit(args) => audit::run(&args, io),
        Command::Generate(args) => generate::run(&args, io),
        Command::Fix(args) => fix::run(&args, io),
        Command::Present(args) => present::run(&args, io),
        // The window's commands never come here (`main` opens the window for them).
        Command::Open(_) => Ok(EXIT_OK),
    };
    result.unwrap_or_else(|e| {
        report_io_error(&e);
        EXIT_LOAD
    })
}

/// Says what went wrong writing or reading, except for a reader that stopped reading
/// (`twe-planner check … | head`): that is no news to whoever closed the pipe.
fn report_io_error(e: &std::io::Error) {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        eprintln!("twe-planner: {}", lang::terminal_safe(&e.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_command_opens_the_window() {
        let cli = Cli::try_parse_from(["twe-planner"]).unwrap();
        assert!(cli.command.is_none());
        let open = Cli::try_parse_from(["twe-planner", "open", "map"]).unwrap();
        assert!(
            matches!(open.command, Some(Command::Open(OpenArgs { path })) if path == std::path::Path::new("map"))
        );
    }

    #[test]
    fn an_unknown_command_is_refused() {
        assert!(Cli::try_parse_from(["twe-planner", "frobnicate"]).is_err());
    }
}

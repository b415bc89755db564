//! What the commands share: `--lang`, dates, the check's context, loading with a counsellor
//! kept, the JSON shape of a load error, and where lines go ([`Io`]).

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write;
use twe_core::files::LoadError;
use twe_core::lang::{self, Lang};
use twe_core::rules::{CheckContext, YearMode};

/// Where a command's lines go: what it makes to `out`, why something could not be read or
/// written to `err`. Each line is made safe for a terminal first, since ids, names, paths
/// and messages that quote them come from files (a control character could clear the screen
/// or forge a line).
pub struct Io<'a> {
    /// Standard output: the report, table, calendar or the line naming what was written.
    pub out: &'a mut dyn Write,
    /// Standard error: load problems, refused arguments, documents that were not written.
    pub err: &'a mut dyn Write,
}

impl<'a> Io<'a> {
    /// Lines to `out` and `err`.
    pub fn new(out: &'a mut dyn Write, err: &'a mut dyn Write) -> Self {
        Self { out, err }
    }

    /// One line of what the command makes.
    pub fn say(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.out, "{}", lang::terminal_safe(text))
    }

    /// One line of why something could not be done.
    pub fn warn(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.err, "{}", lang::terminal_safe(text))
    }

    /// Each load problem, on standard error.
    pub fn load_errors(&mut self, errors: &[LoadError], lang: Lang) -> std::io::Result<()> {
        for e in errors {
            self.warn(&e.display(lang))?;
        }
        Ok(())
    }
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl LangArg {
    /// The language asked for, else the system's.
    pub fn or_env(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::Nl) => Lang::Nl,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

/// A date on the command line: YYYY-MM-DD.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    twe_core::model::date_serde::parse(s)
        .ok_or_else(|| format!("«{s}» is geen datum / is not a date: write YYYY-MM-DD"))
}

/// The reference date given, else today.
pub fn today_or_now(today: Option<NaiveDate>) -> NaiveDate {
    today.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The context of `--today` (default: today) and `--calendar-years`.
pub fn context(today: Option<NaiveDate>, calendar_years: bool) -> CheckContext<'static> {
    let mut ctx = CheckContext::new(today_or_now(today));
    if calendar_years {
        ctx.year_mode = YearMode::Calendar;
    }
    ctx
}

/// The dossiers of a part read that `counsellor` guides (all when none is named): the one
/// filter every report read a part at a time applies.
pub fn of_counsellor<'a>(
    part: &'a [twe_core::files::LoadedDossier],
    counsellor: Option<&str>,
) -> Vec<&'a twe_core::files::LoadedDossier> {
    part.iter()
        .filter(|d| counsellor.is_none_or(|n| d.dossier.has_counsellor(n)))
        .collect()
}

/// The sample written into a new folder, with a copy of its first file beside it (a
/// repeated id): the folder the reports' tests read whole and in parts.
#[cfg(test)]
pub fn sample_with_a_repeated_id() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    twe_core::sample::write_to(dir.path()).unwrap();
    let first = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .min()
        .unwrap();
    twe_core::files::write_new(dir.path(), "zz-copy.ron", &std::fs::read(&first).unwrap()).unwrap();
    dir
}

/// Loads `paths` whole, keeping only `counsellor`'s dossiers when one is named: what the
/// reports read a part at a time are held to.
#[cfg(test)]
pub fn load_for(
    paths: &[std::path::PathBuf],
    counsellor: Option<&str>,
) -> twe_core::files::LoadReport {
    let mut report = twe_core::files::load_paths(paths);
    if let Some(name) = counsellor {
        report.dossiers.retain(|d| d.dossier.has_counsellor(name));
    }
    report
}

/// A load problem in a JSON report.
#[derive(Serialize)]
pub struct JsonLoadError {
    path: String,
    line: Option<u32>,
    column: Option<u32>,
    field: Option<String>,
    message: String,
}

impl JsonLoadError {
    /// Problem `e`, worded in `lang`.
    pub fn of(e: &LoadError, lang: Lang) -> Self {
        Self {
            path: e.path.display().to_string(),
            line: e.line,
            column: e.column,
            field: e.field.clone(),
            message: e.message(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_a_wrong_one_says_how_to_write_it() {
        assert_eq!(
            parse_date("2026-12-07"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
        );
        let wrong = parse_date("7/12/2026").unwrap_err();
        assert!(wrong.contains("YYYY-MM-DD"), "{wrong}");
        assert!(parse_date("2026-02-30").is_err());
    }

    #[test]
    fn calendar_years_switch_the_year_mode() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1);
        assert_eq!(context(day, true).year_mode, YearMode::Calendar);
        assert_eq!(context(day, false).year_mode, YearMode::Trajectory);
        assert_eq!(context(day, false).today, day.unwrap());
    }

    #[test]
    fn lines_from_files_reach_the_terminal_escaped() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut io = Io::new(&mut out, &mut err);
        io.say("id\u{1b}[2J").unwrap();
        io.warn("bad\rline").unwrap();
        assert!(!out.contains(&0x1b) && !err.contains(&b'\r'));
        assert!(String::from_utf8(out).unwrap().starts_with("id"));
    }
}

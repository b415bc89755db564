//! `check`: every rule on dossier files or folders, as text or JSON.

use super::args::{Io, JsonLoadError, LangArg, context, load_for, parse_date};
use super::{EXIT_FINDINGS, EXIT_LOAD, EXIT_OK};
use chrono::NaiveDate;
use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use twe_core::files::{LoadReport, LoadedDossier};
use twe_core::lang::{self, Lang};
use twe_core::rules::{CheckContext, Finding, Findings, Severity, SeverityCounts, check_all};

/// `check`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Dossier files, or folders (every .ron file below them).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The reference date (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    today: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the messages.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Count the two-a-year target per calendar year instead of per trajectory year.
    #[arg(long)]
    calendar_years: bool,
    /// Keep only the dossiers of this counsellor (case and spacing aside).
    #[arg(long, value_name = "NAME")]
    counsellor: Option<String>,
}

/// Formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Serialize)]
struct JsonCheck {
    dossiers: Vec<JsonDossier>,
    load_errors: Vec<JsonLoadError>,
}

#[derive(Serialize)]
struct JsonDossier {
    path: String,
    id: String,
    findings: Vec<JsonFinding>,
}

#[derive(Serialize)]
struct JsonFinding {
    rule: &'static str,
    severity: &'static str,
    message: String,
    instruments: Vec<usize>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

/// Checks; exit 2 when a file did not load, else 1 when a finding is an error, else 0.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let ctx = context(args.today, args.calendar_years);
    let report = load_for(&args.paths, args.counsellor.as_deref());
    report_on(report, &ctx, args.format, LangArg::or_env(args.lang), io)
}

fn report_on(
    report: LoadReport,
    ctx: &CheckContext<'_>,
    format: Format,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<u8> {
    let LoadReport { dossiers, errors } = report;
    let checked: Vec<_> = dossiers
        .iter()
        .zip(check_all(dossiers.iter().map(|d| &d.dossier), ctx))
        .collect();
    match format {
        Format::Json => {
            let report = JsonCheck {
                // Wording 40,000 messages is most of a big report: on every core.
                dossiers: checked
                    .par_iter()
                    .map(|(d, findings)| json_dossier(d, findings, lang))
                    .collect(),
                load_errors: errors.iter().map(|e| JsonLoadError::of(e, lang)).collect(),
            };
            serde_json::to_writer_pretty(&mut *io.out, &report)?;
            writeln!(io.out)?;
        }
        Format::Text => {
            io.load_errors(&errors, lang)?;
            text(&checked, errors.len(), lang, io)?;
        }
    }
    Ok(if !errors.is_empty() {
        EXIT_LOAD
    } else if checked
        .iter()
        .any(|(_, f)| f.iter().any(|f| f.severity() == Severity::Error))
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn json_dossier(d: &LoadedDossier, findings: &[Finding], lang: Lang) -> JsonDossier {
    JsonDossier {
        path: d.path.display().to_string(),
        id: d.dossier.id.clone(),
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                rule: f.rule.id,
                severity: f.severity().id(),
                message: f.message(&d.dossier, lang),
                instruments: f.instruments.to_vec(),
                from: f.from,
                to: f.to,
            })
            .collect(),
    }
}

/// The text report: each dossier with its findings, then the totals.
fn text(
    checked: &[(&LoadedDossier, Findings)],
    load_problems: usize,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<()> {
    // Wording millions of messages is most of a big report: a batch of dossiers at a time
    // is worded on every core, then written in order (memory stays bounded).
    for batch in checked.chunks(4096) {
        let texts: Vec<String> = batch
            .par_iter()
            .map(|(d, findings)| dossier_text(d, findings, lang))
            .collect();
        for text in texts {
            io.out.write_all(text.as_bytes())?;
        }
    }
    let mut total = SeverityCounts::default();
    for (_, findings) in checked {
        total.add(SeverityCounts::of(findings));
    }
    // Counted words as the window says them: "1 fout", "4 warnings", "1 laadprobleem".
    writeln!(
        io.out,
        "{}: {}, {}, {}; {}",
        lang::dossiers(checked.len() as i64, lang),
        Severity::Error.count(total.errors.into(), lang),
        Severity::Warning.count(total.warnings.into(), lang),
        Severity::Info.count(total.infos.into(), lang),
        lang::load_problems(load_problems as i64, lang),
    )
}

/// One dossier's lines of the text report: its counts, then each finding, each line made
/// safe for a terminal.
fn dossier_text(d: &LoadedDossier, findings: &[Finding], lang: Lang) -> String {
    use std::fmt::Write as _;
    let c = SeverityCounts::of(findings);
    let mut text = String::with_capacity(96 * (findings.len() + 1));
    let head = format!(
        "{} ({}, {}): {}, {}",
        d.dossier.id,
        d.dossier.ocmw,
        d.path.display(),
        Severity::Error.count(c.errors.into(), lang),
        Severity::Warning.count(c.warnings.into(), lang),
    );
    let _ = writeln!(text, "{}", lang::terminal_safe(&head));
    for f in findings {
        let row = format!(
            "  {:<12} {:<30} {}",
            f.severity().label(lang),
            f.rule.id,
            f.message(&d.dossier, lang)
        );
        let _ = writeln!(text, "{}", lang::terminal_safe(&row));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "check"].iter().chain(args))?;
        match cli.command {
            Some(Command::Check(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn paths_are_required() {
        assert!(parse(&[]).is_err());
        let a = parse(&["a.ron", "map"]).unwrap();
        assert_eq!(a.paths, [PathBuf::from("a.ron"), PathBuf::from("map")]);
        assert_eq!(a.format, Format::Text);
        assert!(!a.calendar_years && a.today.is_none() && a.lang.is_none());
    }

    #[test]
    fn flags() {
        let a = parse(&[
            "d",
            "--format",
            "json",
            "--today",
            "2026-01-31",
            "--lang",
            "nl",
            "--calendar-years",
            "--counsellor",
            "Sofie Peeters",
        ])
        .unwrap();
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.today, NaiveDate::from_ymd_opt(2026, 1, 31));
        assert_eq!(a.lang, Some(LangArg::Nl));
        assert!(a.calendar_years);
        assert_eq!(a.counsellor.as_deref(), Some("Sofie Peeters"));
        assert!(parse(&["d", "--format", "xml"]).is_err());
        assert!(parse(&["d", "--today", "31/01/2026"]).is_err());
    }

    #[test]
    fn a_load_problem_goes_to_standard_error_and_exits_2() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("kapot.ron"), "Dossier(").unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = parse(&[dir.path().to_str().unwrap(), "--lang", "en"]).unwrap();
        let code = run(&args, &mut Io::new(&mut out, &mut err)).unwrap();
        assert_eq!(code, EXIT_LOAD);
        let (out, err) = (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        );
        assert!(err.contains("kapot.ron"), "{err}");
        assert!(
            !out.contains("kapot.ron") && out.contains("1 load problem\n"),
            "{out}"
        );
    }
}

//! `check`: every rule on dossier files or folders, as text or JSON.

use super::args::{Io, JsonLoadError, LangArg, context, of_counsellor, parse_date};
use super::exit_status;
use chrono::NaiveDate;
use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use twe_core::files::LoadedDossier;
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

/// The JSON report as one object: how [`json_in_parts`] is held to it.
#[cfg(test)]
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
    let lang = LangArg::or_env(args.lang);
    match args.format {
        Format::Text => text_in_parts(args, &ctx, lang, twe_core::files::PART, io),
        Format::Json => json_in_parts(args, &ctx, lang, twe_core::files::PART, io),
    }
}

/// The dossiers of a part read that `--counsellor` keeps, each with its findings.
fn checked<'a>(
    part: &'a [LoadedDossier],
    args: &Args,
    ctx: &CheckContext<'_>,
) -> Vec<(&'a LoadedDossier, Findings)> {
    let kept = of_counsellor(part, args.counsellor.as_deref());
    let findings = check_all(kept.iter().map(|d| &d.dossier), ctx);
    kept.into_iter().zip(findings).collect()
}

/// The text report, the folder read a part at a time: each part's dossiers checked,
/// worded on every core and written, then let go (memory holds a part, never the
/// caseload); the load problems, found by then, on standard error, then the totals.
fn text_in_parts(
    args: &Args,
    ctx: &CheckContext<'_>,
    lang: Lang,
    part: usize,
    io: &mut Io<'_>,
) -> std::io::Result<u8> {
    let mut total = SeverityCounts::default();
    let mut dossiers = 0usize;
    let mut written = Ok(());
    let errors = twe_core::files::load_paths_in_parts(&args.paths, part, |part| {
        if written.is_err() {
            return;
        }
        let checked = checked(part, args, ctx);
        dossiers += checked.len();
        for (_, findings) in &checked {
            total.add(SeverityCounts::of(findings));
        }
        written = dossier_texts(&checked, lang, io);
    });
    written?;
    io.load_errors(&errors, lang)?;
    totals(dossiers, total, errors.len(), lang, io)?;
    Ok(exit_status(!errors.is_empty(), total.errors > 0))
}

/// The JSON report: one object, the dossiers and the load problems, written as the folder
/// is read a part at a time (memory holds a part, never the caseload: 250,000 dossiers
/// took 417 MB); the same bytes as the object serialised whole.
fn json_in_parts(
    args: &Args,
    ctx: &CheckContext<'_>,
    lang: Lang,
    part: usize,
    io: &mut Io<'_>,
) -> std::io::Result<u8> {
    let report = JsonInParts {
        dossiers: DossiersInParts {
            args,
            ctx,
            lang,
            part,
            errors: std::cell::RefCell::new(Vec::new()),
            any_error: std::cell::Cell::new(false),
        },
    };
    serde_json::to_writer_pretty(&mut *io.out, &report)?;
    writeln!(io.out)?;
    let errors = report.dossiers.errors.borrow();
    Ok(exit_status(
        !errors.is_empty(),
        report.dossiers.any_error.get(),
    ))
}

/// [`JsonCheck`] as it is written a part at a time: the dossiers first, then the load
/// problems (known once every part is read).
struct JsonInParts<'a> {
    dossiers: DossiersInParts<'a>,
}

impl Serialize for JsonInParts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut report = s.serialize_struct("JsonCheck", 2)?;
        report.serialize_field("dossiers", &self.dossiers)?;
        let load_errors: Vec<JsonLoadError> = self
            .dossiers
            .errors
            .borrow()
            .iter()
            .map(|e| JsonLoadError::of(e, self.dossiers.lang))
            .collect();
        report.serialize_field("load_errors", &load_errors)?;
        report.end()
    }
}

/// The dossiers of a JSON report, read, checked and worded a part at a time as they are
/// written; what the exit status needs is kept aside.
struct DossiersInParts<'a> {
    args: &'a Args,
    ctx: &'a CheckContext<'a>,
    lang: Lang,
    part: usize,
    /// The load problems, once every part is read.
    errors: std::cell::RefCell<Vec<twe_core::files::LoadError>>,
    /// Whether a finding is an error.
    any_error: std::cell::Cell<bool>,
}

impl Serialize for DossiersInParts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        let mut failed = None;
        let errors = twe_core::files::load_paths_in_parts(&self.args.paths, self.part, |part| {
            if failed.is_some() {
                return;
            }
            let checked = checked(part, self.args, self.ctx);
            if checked
                .iter()
                .any(|(_, f)| f.iter().any(|f| f.severity() == Severity::Error))
            {
                self.any_error.set(true);
            }
            // Wording 40,000 messages is most of a big report: on every core.
            let lang = self.lang;
            let worded: Vec<JsonDossier> = checked
                .par_iter()
                .map(|(d, findings)| json_dossier(d, findings, lang))
                .collect();
            for d in &worded {
                if let Err(e) = seq.serialize_element(d) {
                    failed = Some(e);
                    return;
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        *self.errors.borrow_mut() = errors;
        seq.end()
    }
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

/// Each dossier's lines, in order. Wording millions of messages is most of a big report: a
/// batch of dossiers at a time is worded on every core, then written in order (memory
/// stays bounded).
fn dossier_texts(
    checked: &[(&LoadedDossier, Findings)],
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<()> {
    for batch in checked.chunks(4096) {
        let texts: Vec<String> = batch
            .par_iter()
            .map(|(d, findings)| dossier_text(d, findings, lang))
            .collect();
        for text in texts {
            io.out.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

/// The last line: the dossiers, the findings by severity, the load problems, counted in
/// words as the window says them ("1 fout", "4 warnings", "1 laadprobleem").
fn totals(
    dossiers: usize,
    total: SeverityCounts,
    load_problems: usize,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<()> {
    writeln!(
        io.out,
        "{}: {}, {}, {}; {}",
        lang::dossiers(dossiers as i64, lang),
        Severity::Error.count(total.errors.into(), lang),
        Severity::Warning.count(total.warnings.into(), lang),
        Severity::Info.count(total.infos.into(), lang),
        lang::load_problems(load_problems as i64, lang),
    )
}

/// One dossier's lines of the text report: its counts, then each finding, each line made
/// safe for a terminal.
fn dossier_text(d: &LoadedDossier, findings: &[Finding], lang: Lang) -> String {
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
    text.push_str(&lang::terminal_safe(&head));
    text.push('\n');
    for f in findings {
        let row = format!(
            "  {:<12} {:<30} {}",
            f.severity().label(lang),
            f.rule.id,
            f.message(&d.dossier, lang)
        );
        text.push_str(&lang::terminal_safe(&row));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command, EXIT_LOAD};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "check"].iter().chain(args))?;
        match cli.command {
            Some(Command::Check(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    /// The report read a part at a time is the report read whole: parts of one file, of
    /// seven, of all; a repeated id and a missing path among them.
    #[test]
    fn a_report_in_parts_is_the_report_whole() {
        let dir = super::super::args::sample_with_a_repeated_id();
        let folder = dir.path().to_str().unwrap();
        let args = parse(&[
            folder,
            "nergens.ron",
            "--today",
            "2026-06-01",
            "--lang",
            "en",
        ])
        .unwrap();
        let ctx = context(args.today, false);
        let run = |part: usize| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let code = text_in_parts(
                &args,
                &ctx,
                Lang::En,
                part,
                &mut Io::new(&mut out, &mut err),
            )
            .unwrap();
            (
                code,
                String::from_utf8(out).unwrap(),
                String::from_utf8(err).unwrap(),
            )
        };
        let whole = run(usize::MAX);
        assert!(whole.1.contains("31 dossiers"), "{}", whole.1);
        assert!(
            whole.2.contains("nergens.ron") && whole.2.contains("zz-copy.ron"),
            "{}",
            whole.2
        );
        assert_eq!(whole.0, EXIT_LOAD);
        for part in [1, 7] {
            assert_eq!(run(part), whole, "parts of {part}");
        }
    }

    /// The JSON report written a part at a time is, byte for byte, the report made whole
    /// (one object serialised at once), with the same exit status: parts of one file, of
    /// seven, of all; a repeated id, a missing path and a counsellor among them.
    #[test]
    fn the_json_report_in_parts_is_the_object_whole() {
        let dir = super::super::args::sample_with_a_repeated_id();
        let folder = dir.path().to_str().unwrap();
        for extra in [
            &["nergens.ron"][..],
            &["--counsellor", "sofie peeters"][..],
            &[][..],
        ] {
            let mut words = vec![folder, "--format", "json", "--today", "2026-06-01"];
            words.extend_from_slice(extra);
            let args = parse(&words).unwrap();
            let ctx = context(args.today, false);
            // The whole object, as the report was made before it was written in parts.
            let report = super::super::args::load_for(&args.paths, args.counsellor.as_deref());
            let findings = check_all(report.dossiers.iter().map(|d| &d.dossier), &ctx);
            let whole = JsonCheck {
                dossiers: report
                    .dossiers
                    .iter()
                    .zip(&findings)
                    .map(|(d, f)| json_dossier(d, f, Lang::Nl))
                    .collect(),
                load_errors: report
                    .errors
                    .iter()
                    .map(|e| JsonLoadError::of(e, Lang::Nl))
                    .collect(),
            };
            let mut expected = serde_json::to_string_pretty(&whole).unwrap();
            expected.push('\n');
            let status = exit_status(
                !report.errors.is_empty(),
                findings
                    .iter()
                    .any(|f| f.iter().any(|f| f.severity() == Severity::Error)),
            );
            assert!(whole.dossiers.len() > 1, "{extra:?}");
            for part in [1, 7, usize::MAX] {
                let (mut out, mut err) = (Vec::new(), Vec::new());
                let code = json_in_parts(
                    &args,
                    &ctx,
                    Lang::Nl,
                    part,
                    &mut Io::new(&mut out, &mut err),
                )
                .unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    expected,
                    "{extra:?}, parts of {part}"
                );
                assert_eq!(code, status, "{extra:?}, parts of {part}");
            }
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
        twe_core::files::write_new(dir.path(), "kapot.ron", b"Dossier(").unwrap();
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

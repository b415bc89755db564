//! `print`: the trajectory plan of one dossier as an A4 PDF to print and sign.

use super::args::{Io, LangArg, context, parse_date, today_or_now};
use super::{EXIT_LOAD, EXIT_OK, document};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use twe_core::files::{LoadReport, load_paths};
use twe_core::lang;
use twe_documents::print::{Plan, PlanOptions};

/// `print`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The dossier file.
    dossier: PathBuf,
    /// The PDF to write; an existing file is replaced only with --force.
    #[arg(long)]
    out: PathBuf,
    /// Language of the document.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The reference date for findings and what is due (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    today: Option<NaiveDate>,
    /// The client's copy: the plan, the dates and what is expected, without findings.
    #[arg(long)]
    client: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
    /// Count the two-a-year target per calendar year instead of per trajectory year.
    #[arg(long)]
    calendar_years: bool,
}

/// The plan at `--out`, never over an existing file unless `--force`, never over the
/// dossier itself. Exit 0 when written, 2 when the dossier does not load or the file cannot
/// be written.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let opts = PlanOptions {
        lang: LangArg::or_env(args.lang),
        today: today_or_now(args.today),
        printed: chrono::Local::now().date_naive(),
        client_copy: args.client,
        year_mode: context(None, args.calendar_years).year_mode,
    };
    let lang = opts.lang;
    let (dossier, pdf) = (args.dossier.as_path(), args.out.as_path());
    if same_file(dossier, pdf) {
        let why = lang.pick(
            "is het dossier zelf; kies een andere naam voor de PDF",
            "is the dossier itself; choose another name for the PDF",
        );
        document::refused(pdf, why, io)?;
        return Ok(EXIT_LOAD);
    }
    let LoadReport { dossiers, errors } = load_paths(&[dossier.to_path_buf()]);
    if !errors.is_empty() {
        io.load_errors(&errors[..1], lang)?;
        return Ok(EXIT_LOAD);
    }
    let [loaded] = dossiers.as_slice() else {
        let why = lang.pick(
            "geef één dossierbestand, geen map",
            "give one dossier file, not a folder",
        );
        document::refused(dossier, why, io)?;
        return Ok(EXIT_LOAD);
    };
    let Plan { bytes, missing } = match twe_documents::print::plan(&loaded.dossier, &opts) {
        Ok(p) => p,
        Err(e) => {
            let why = format!(
                "{} ({})",
                lang.pick(
                    "de PDF kon niet gemaakt worden",
                    "the PDF could not be made"
                ),
                e.message(lang)
            );
            document::refused(dossier, &why, io)?;
            return Ok(EXIT_LOAD);
        }
    };
    if !document::write(pdf, &bytes, args.force, lang, io)? {
        return Ok(EXIT_LOAD);
    }
    io.say(&format!(
        "{} → {} ({} KB)",
        loaded.dossier.id,
        pdf.display(),
        lang::number(bytes.len() as i64 / 1024, lang)
    ))?;
    if let Some(letters) = missing {
        io.warn(&twe_documents::print::missing_letters_warning(
            &letters, lang,
        ))?;
    }
    Ok(EXIT_OK)
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    a.canonicalize()
        .ok()
        .zip(b.canonicalize().ok())
        .is_some_and(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "print"].iter().chain(args))?;
        match cli.command {
            Some(Command::Print(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_dossier_and_out_are_required() {
        assert!(parse(&["d.ron"]).is_err());
        assert!(parse(&["--out", "p.pdf"]).is_err());
        let a = parse(&["d.ron", "--out", "p.pdf"]).unwrap();
        assert!(!a.client && !a.force && !a.calendar_years);
    }

    #[test]
    fn flags() {
        let a = parse(&[
            "d.ron",
            "--out",
            "p.pdf",
            "--client",
            "--force",
            "--today",
            "2026-03-01",
        ])
        .unwrap();
        assert!(a.client && a.force);
        assert_eq!(a.today, NaiveDate::from_ymd_opt(2026, 3, 1));
    }

    #[test]
    fn the_plan_never_replaces_its_dossier() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d.ron");
        std::fs::write(&d, "x").unwrap();
        let path = d.to_str().unwrap();
        let args = parse(&[path, "--out", path, "--force", "--lang", "en"]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            run(&args, &mut Io::new(&mut out, &mut err)).unwrap(),
            EXIT_LOAD
        );
        assert!(
            String::from_utf8(err)
                .unwrap()
                .contains("is the dossier itself")
        );
        assert!(out.is_empty());
        assert_eq!(std::fs::read(&d).unwrap(), b"x");
    }
}

//! `export`: a caseload as a spreadsheet, the four sheets as `.xlsx` or the instruments as
//! `.csv`.

use super::args::{Io, LangArg};
use super::{EXIT_LOAD, EXIT_OK, document};
use std::path::PathBuf;
use twe_core::lang;
use twe_documents::spreadsheet::{CaseloadWriter, Format, WriteError};

/// `export`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Dossier files, or folders (every .ron file below them); none with --template.
    paths: Vec<PathBuf>,
    /// The workbook (.xlsx) or CSV file (.csv) to write.
    #[arg(long)]
    out: PathBuf,
    /// Language of the headers and words.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The empty workbook with its headers.
    #[arg(long)]
    template: bool,
    /// Add the counsellors' notes as a fifth sheet, «Notities» (confidential: left out
    /// unless asked; a workbook only).
    #[arg(long)]
    notes: bool,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

/// Exit 0 when every file loaded and the file was written, 2 otherwise (what loaded is
/// still written).
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let lang = LangArg::or_env(args.lang);
    let file = args.out.as_path();
    let why = lang.pick(
        "geef een naam op .xlsx (de werkmap) of .csv (de instrumenten)",
        "give a name ending in .xlsx (the workbook) or .csv (the instruments)",
    );
    if !document::extension_is(file, &["xlsx", "csv"], why, io)? {
        return Ok(EXIT_LOAD);
    }
    let csv = file
        .extension()
        .is_some_and(|x| x.to_string_lossy().eq_ignore_ascii_case("csv"));
    if csv && args.notes {
        let why = lang.pick(
            "notities gaan alleen in een werkmap (.xlsx), als vijfde blad",
            "notes go only in a workbook (.xlsx), as a fifth sheet",
        );
        document::refused(file, why, io)?;
        return Ok(EXIT_LOAD);
    }
    let format = if csv {
        Format::Csv
    } else {
        Format::Xlsx { notes: args.notes }
    };
    // Read a part of the folder at a time and written as read: memory holds a part and a
    // row, never the caseload. What could not be made (a sheet past Excel's rows) stops
    // the writing, and nothing appears at the file's name.
    let mut n = 0usize;
    let mut errors = Vec::new();
    let mut failed: Option<WriteError> = None;
    // A workbook's sheets wait in unnamed files on the user's own disk until it is written
    // (never in the folder of the document, which may be a share).
    let temp_dir = twe_core::workspace::journal::scratch_dir();
    let written =
        twe_core::files::write_document_with(file, document::replace(args.force), &mut |to| {
            let made = (|| {
                let mut book = CaseloadWriter::new(&mut *to, format, lang, temp_dir.as_deref())?;
                if !args.template {
                    let mut result = Ok(());
                    errors = twe_core::files::load_paths_in_parts(&args.paths, PART, |part| {
                        for d in part {
                            if result.is_ok() {
                                result = book.add(&d.dossier);
                                n += 1;
                            }
                        }
                    });
                    result?;
                }
                book.finish()
            })();
            made.map_err(|e| {
                failed = Some(e);
                std::io::Error::other("not made")
            })
        });
    io.load_errors(&errors, lang)?;
    if let Some(e) = failed {
        document::refused(file, &e.message(lang), io)?;
        return Ok(EXIT_LOAD);
    }
    if !document::written(file, written, lang, io)? {
        return Ok(EXIT_LOAD);
    }
    io.say(&format!(
        "{} dossiers → {}",
        lang::number(n as i64, lang),
        file.display()
    ))?;
    Ok(if errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_LOAD
    })
}

/// Dossier files read at a time: both cores busy, a few MB held.
const PART: usize = 8_192;

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "export"].iter().chain(args))?;
        match cli.command {
            Some(Command::Export(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn out_is_required_and_paths_are_not() {
        assert!(parse(&["map"]).is_err());
        let t = parse(&["--template", "--out", "leeg.xlsx"]).unwrap();
        assert!(t.template && t.paths.is_empty() && !t.force);
    }

    #[test]
    fn a_name_that_is_neither_workbook_nor_csv_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("caseload.txt");
        let args = parse(&["nergens", "--out", out.to_str().unwrap(), "--lang", "en"]).unwrap();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        assert_eq!(
            run(&args, &mut Io::new(&mut stdout, &mut stderr)).unwrap(),
            EXIT_LOAD
        );
        let err = String::from_utf8(stderr).unwrap();
        assert!(
            err.contains("caseload.txt: give a name ending in .xlsx"),
            "{err}"
        );
        assert!(!err.contains("nergens"), "nothing was read: {err}");
        assert!(stdout.is_empty() && !out.exists());
    }
}

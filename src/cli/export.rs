//! `export`: a caseload as a spreadsheet, the four sheets as `.xlsx` or the instruments as
//! `.csv`.

use super::args::{Io, LangArg};
use super::{EXIT_LOAD, document, exit_status};
use std::io::Seek as _;
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
    // Said before the work: a name that is taken (without --force), a folder, no folder.
    let replace = document::replace(args.force);
    if !document::written(
        file,
        twe_core::files::document_target(file, replace),
        lang,
        io,
    )? {
        return Ok(EXIT_LOAD);
    }
    // Made first in an unnamed file on the user's own disk, the folder read a part at a
    // time and each dossier written as read (memory holds a part and a row, never the
    // caseload); then copied to its name through the write module, so that nothing stands
    // at the name while it is made, nor after an interrupted export. What cannot be made (a
    // sheet past Excel's rows, a workbook the import would not read) leaves nothing.
    let scratch_dir =
        twe_core::workspace::journal::scratch_dir().unwrap_or_else(std::env::temp_dir);
    let mut scratch = match twe_core::files::scratch_file(&scratch_dir) {
        Ok(f) => f,
        Err(e) => {
            document::refused(file, &twe_core::files::io_message(&e, lang), io)?;
            return Ok(EXIT_LOAD);
        }
    };
    let mut n = 0usize;
    let mut errors = Vec::new();
    let made = (|| {
        let mut book = CaseloadWriter::new(&mut scratch, format, lang, Some(&scratch_dir))?;
        if !args.template {
            let mut result = Ok(());
            errors =
                twe_core::files::load_paths_in_parts(&args.paths, twe_core::files::PART, |part| {
                    for d in part {
                        if result.is_ok() {
                            result = book.add(&d.dossier);
                            n += 1;
                        }
                    }
                });
            result?;
        }
        book.finish()?;
        Ok::<(), WriteError>(())
    })();
    io.load_errors(&errors, lang)?;
    if let Err(e) = made {
        document::refused(file, &e.message(lang), io)?;
        return Ok(EXIT_LOAD);
    }
    let written = twe_core::files::write_document_with(file, replace, &mut |to| {
        scratch.rewind()?;
        std::io::copy(&mut scratch, to).map(drop)
    });
    if !document::written(file, written, lang, io)? {
        return Ok(EXIT_LOAD);
    }
    io.say(&format!(
        "{} dossiers → {}",
        lang::number(n as i64, lang),
        file.display()
    ))?;
    Ok(exit_status(!errors.is_empty(), false))
}

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

    /// Runs `export nergens --out OUT --lang en`: the exit code and standard error, and
    /// that nothing was read (the missing path is never named) nor said on standard output.
    fn refused(out: &std::path::Path) -> (u8, String) {
        let args = parse(&["nergens", "--out", out.to_str().unwrap(), "--lang", "en"]).unwrap();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let code = run(&args, &mut Io::new(&mut stdout, &mut stderr)).unwrap();
        let err = String::from_utf8(stderr).unwrap();
        assert!(!err.contains("nergens"), "nothing was read: {err}");
        assert!(stdout.is_empty());
        (code, err)
    }

    #[test]
    fn a_name_that_is_neither_workbook_nor_csv_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("caseload.txt");
        let (code, err) = refused(&out);
        assert_eq!(code, EXIT_LOAD);
        assert!(
            err.contains("caseload.txt: give a name ending in .xlsx"),
            "{err}"
        );
        assert!(!out.exists());
    }

    /// A name that is taken (without --force) is said before anything is read or made, and
    /// no temporary file is left beside it.
    #[test]
    fn a_taken_name_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let out = twe_core::files::write_new(dir.path(), "caseload.xlsx", b"mine").unwrap();
        let (code, err) = refused(&out);
        assert_eq!(code, EXIT_LOAD);
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&out).unwrap(), b"mine");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

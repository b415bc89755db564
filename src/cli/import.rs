//! `import`: a caseload from a spreadsheet (`.xlsx` or `.csv`) into a new workspace folder.

use super::args::{Io, LangArg, context, parse_date};
use super::{EXIT_LOAD, EXIT_OK};
use chrono::NaiveDate;
use std::path::PathBuf;
use twe_core::lang;
use twe_core::rules::Severity;
use twe_documents::spreadsheet::{Preview, import_each, read_path};

/// `import`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The workbook (.xlsx) or CSV file (.csv) to read.
    file: PathBuf,
    /// The new or empty folder to write the dossier files into.
    #[arg(long, required_unless_present = "into", conflicts_with = "into")]
    out: Option<PathBuf>,
    /// An existing workspace folder to add the dossiers to: an id it already has is kept
    /// too, as ID-kopie-N, and said; nothing in the folder is overwritten.
    #[arg(long)]
    into: Option<PathBuf>,
    /// Read and report, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Language of the report.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Reference date for the rule check in the summary (YYYY-MM-DD; default: today).
    #[arg(long, value_parser = parse_date)]
    today: Option<NaiveDate>,
}

/// Each row that cannot be read on standard error as `SHEET!ROW: column: problem` (and
/// each note), then a summary on standard output. Exit 0 when every row was imported, 2
/// otherwise (what could be imported is still written).
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let lang = LangArg::or_env(args.lang);
    let file = args.file.as_path();
    let Some(dir) = args.out.as_deref().or(args.into.as_deref()) else {
        // clap requires one of them.
        return Ok(EXIT_LOAD);
    };
    let source = match read_path(file) {
        Ok(s) => s,
        Err(e) => {
            io.warn(&format!("{}: {}", file.display(), e.message(lang)))?;
            return Ok(EXIT_LOAD);
        }
    };
    let day = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let plan = Preview::of(source).remarks_by(day, None);
    let ctx = context(args.today, false);
    // Read, checked and written a part at a time: memory holds a part, never the caseload.
    // Nothing readable: no folder is made (an empty one would only be in the way).
    let mut sink = Sink {
        dir,
        write: !args.dry_run,
        into: args.into.is_some(),
        ctx: &ctx,
        part: Vec::new(),
        new: None,
        adding: None,
        failed: None,
        count: 0,
        with: [0, 0],
    };
    let imported = import_each(&plan, &mut |d| sink.take(d));
    sink.flush();
    for n in &imported.notes {
        io.warn(&n.message(lang))?;
    }
    for p in &imported.problems {
        io.warn(&p.message(lang))?;
    }
    if let Some(new) = sink.new.take() {
        new.finish();
    }
    let added = sink.adding.take().map(twe_core::files::Adding::finish);
    if let Some(mut e) = sink.failed.take() {
        // Written a part at a time: the files there were to write are all the dossiers
        // read, known only now.
        if let twe_core::files::NewWorkspaceError::Partial { total, .. } = &mut e {
            *total = (*total).max(sink.count);
        }
        io.warn(&e.message(lang))?;
        return Ok(EXIT_LOAD);
    }
    match added {
        Some(Ok(added)) => {
            for (id, kept_as) in &added.clashes {
                io.warn(&format!(
                    "{}: {}: {} {}",
                    lang.pick("let op", "note"),
                    lang::terminal_safe(id),
                    lang.pick(
                        "staat al in de werkmap; beide gehouden, het ingelezene als",
                        "is in the workspace already; both kept, the imported one as"
                    ),
                    lang::terminal_safe(kept_as)
                ))?;
            }
        }
        Some(Err(e)) => {
            io.warn(&e.message(lang))?;
            return Ok(EXIT_LOAD);
        }
        None => {}
    }
    let [errors, warnings] = sink.with;
    let what = if args.dry_run {
        lang.pick(
            "dossiers leesbaar (proef: niets geschreven) uit",
            "dossiers readable (dry run: nothing written) from",
        )
    } else {
        lang.pick("dossiers ingelezen uit", "dossiers imported from")
    };
    let whence = if args.dry_run {
        file.display().to_string()
    } else {
        format!("{} → {}", file.display(), dir.display())
    };
    io.say(&format!(
        "{} {what} {whence}; {}; {} {}, {} {}",
        lang::number(sink.count as i64, lang),
        imported.unread(lang),
        lang::number(errors as i64, lang),
        lang.pick("dossiers met fouten", "dossiers with errors"),
        lang::number(warnings as i64, lang),
        lang.pick("met waarschuwingen", "with warnings"),
    ))?;
    Ok(if imported.problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_LOAD
    })
}

/// Where the imported dossiers go as they come: checked and counted, and written into the
/// new folder, or added to the workspace, a part at a time.
struct Sink<'a> {
    dir: &'a std::path::Path,
    write: bool,
    into: bool,
    ctx: &'a twe_core::rules::CheckContext<'a>,
    part: Vec<twe_core::model::Dossier>,
    new: Option<twe_core::files::NewWorkspace>,
    adding: Option<twe_core::files::Adding>,
    failed: Option<twe_core::files::NewWorkspaceError>,
    count: usize,
    /// Dossiers with an error, with a warning.
    with: [usize; 2],
}

impl Sink<'_> {
    fn take(&mut self, d: twe_core::model::Dossier) {
        self.part.push(d);
        if self.part.len() >= twe_core::files::PART {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let part = std::mem::take(&mut self.part);
        if part.is_empty() {
            return;
        }
        self.count += part.len();
        for findings in twe_core::rules::check_all(part.iter(), self.ctx) {
            for (k, severity) in [Severity::Error, Severity::Warning].into_iter().enumerate() {
                if findings.iter().any(|f| f.severity() == severity) {
                    self.with[k] += 1;
                }
            }
        }
        if !self.write || self.failed.is_some() {
            return;
        }
        if self.into {
            let adding = match self.adding.take() {
                Some(adding) => Ok(adding),
                None => twe_core::files::Adding::open(self.dir),
            };
            match adding {
                Ok(mut adding) => {
                    // The command line keeps both of an id the workspace has.
                    if let Err(e) = adding.add(&part, &|_| twe_core::files::OnClash::KeepBoth) {
                        self.failed = Some(e);
                    }
                    self.adding = Some(adding);
                }
                Err(e) => self.failed = Some(e),
            }
            return;
        }
        let new = match self.new.take() {
            Some(new) => Ok(new),
            None => twe_core::files::NewWorkspace::create(self.dir),
        };
        match new {
            Ok(mut new) => {
                if let Err(e) = new.write(&part) {
                    self.failed = Some(e);
                }
                self.new = Some(new);
            }
            Err(e) => self.failed = Some(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "import"].iter().chain(args))?;
        match cli.command {
            Some(Command::Import(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_file_and_the_folder_are_required() {
        assert!(parse(&["c.xlsx"]).is_err());
        assert!(parse(&["--out", "map"]).is_err());
        let a = parse(&[
            "c.xlsx",
            "--out",
            "map",
            "--dry-run",
            "--today",
            "2026-01-01",
        ])
        .unwrap();
        assert!(a.dry_run);
        assert_eq!(a.today, NaiveDate::from_ymd_opt(2026, 1, 1));
    }

    #[test]
    fn a_file_that_cannot_be_read_is_said_on_standard_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("weg.csv");
        let out = dir.path().join("map");
        let args = parse(&[
            missing.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "en",
        ])
        .unwrap();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        assert_eq!(
            run(&args, &mut Io::new(&mut stdout, &mut stderr)).unwrap(),
            EXIT_LOAD
        );
        assert!(String::from_utf8(stderr).unwrap().contains("weg.csv"));
        assert!(stdout.is_empty() && !out.exists());
    }
}

//! `stats`: the province × year table, published or computed from dossiers, as a table,
//! CSV, JSON or a workbook. Every figure from dossiers passes the one disclosure gate
//! (`twe_core::stats::Figures`): counts from 1 to 4 read «<5», a figure one could be worked
//! back from «–», unless `--show-small-counts` asks for them.

use super::args::{Io, LangArg, parse_date, today_or_now};
use super::{EXIT_LOAD, EXIT_OK, document};
use chrono::NaiveDate;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use twe_core::lang::Lang;
use twe_core::reference::published;
use twe_core::stats::charts::{self, ChartOptions};
use twe_core::stats::{Figures, YearBasis, disclosure};

/// `stats`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Compute the table from these dossiers instead of showing the published one.
    #[arg(long)]
    dossiers: Option<PathBuf>,
    /// Which year an instrument counts in: its trajectory's start year, as the published
    /// table (the default), or the calendar year it started (dossiers only).
    #[arg(long, value_enum, default_value_t = By::TrajectoryStart)]
    by: By,
    /// Show counts from 1 to 4 of dossiers instead of «<5» (and what they would give away
    /// instead of «–»). Never the default: the figures then identify clients.
    #[arg(long)]
    show_small_counts: bool,
    /// The reference date of the dossiers' figures (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    today: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of headings and number formatting (table and xlsx formats).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The workbook to write (xlsx format).
    #[arg(long, required_if_eq("format", "xlsx"))]
    out: Option<PathBuf>,
    /// Replace the workbook if it exists.
    #[arg(long)]
    force: bool,
}

/// `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// Every instrument in its trajectory's start year, as the published table.
    TrajectoryStart,
    /// Every instrument in the calendar year it started.
    CalendarYear,
}

impl By {
    fn basis(self) -> YearBasis {
        match self {
            By::TrajectoryStart => YearBasis::TrajectoryStart,
            By::CalendarYear => YearBasis::CalendarYear,
        }
    }
}

/// Formats of `stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table as the answer prints it.
    Table,
    /// CSV with the header province,year,trajectories,bvs,art60,opleiding,wes,ibo.
    Csv,
    /// JSON rows.
    Json,
    /// An .xlsx workbook (with --out): the data, the definitions, one sheet per chart, the
    /// trainings and the outflow, and from dossiers the annex per municipality.
    Xlsx,
}

/// The table in the format asked; exit 2 when a dossier did not load, the arguments do not
/// go together, or the workbook was not written, else 0.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let lang = LangArg::or_env(args.lang);
    let basis = args.by.basis();
    if args.dossiers.is_none() && basis != YearBasis::TrajectoryStart {
        io.warn(lang.pick(
            "de gepubliceerde tabel telt elk instrument in het startjaar van zijn traject; \
             --by calendar-year kan alleen met --dossiers",
            "the published table counts every instrument in its trajectory's start year; \
             --by calendar-year needs --dossiers",
        ))?;
        return Ok(EXIT_LOAD);
    }
    match (&args.out, args.format) {
        (Some(file), Format::Xlsx) => {
            let why = lang.pick("geef een naam op .xlsx", "give a name ending in .xlsx");
            if !document::extension_is(file, &["xlsx"], why, io)? {
                return Ok(EXIT_LOAD);
            }
        }
        (Some(_), _) => {
            io.warn(lang.pick(
                "--out is voor --format xlsx; de andere vormen gaan naar de standaarduitvoer",
                "--out is for --format xlsx; the other formats go to standard output",
            ))?;
            return Ok(EXIT_LOAD);
        }
        (None, _) => {}
    }
    let mut code = EXIT_OK;
    let figures = match &args.dossiers {
        None => Figures::published(published()),
        Some(path) => {
            let (counts, errors, _) = twe_core::stats::FigureCounts::of_folder(
                std::slice::from_ref(path),
                today_or_now(args.today),
            );
            io.load_errors(&errors, lang)?;
            if !errors.is_empty() {
                code = EXIT_LOAD;
            }
            counts.figures(args.show_small_counts)
        }
    };
    let Some(table) = figures.table(basis) else {
        return Ok(EXIT_LOAD);
    };
    match args.format {
        Format::Csv => io.out.write_all(table.to_csv().as_bytes())?,
        Format::Table => io.out.write_all(table.to_text(lang).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &table.to_json())?;
            writeln!(io.out)?;
        }
        Format::Xlsx => {
            // clap requires --out with xlsx.
            let Some(file) = &args.out else {
                io.warn(lang.pick("geef --out BESTAND.xlsx", "give --out FILE.xlsx"))?;
                return Ok(EXIT_LOAD);
            };
            if !workbook(&figures, basis, file, args.force, lang, io)? {
                code = EXIT_LOAD;
            }
        }
    }
    // The files for programs carry no note in them: it is said beside them.
    if figures.hides_any() && matches!(args.format, Format::Csv | Format::Json) {
        io.warn(disclosure::note(lang))?;
    }
    Ok(code)
}

/// The figures as a workbook at `file`; whether it was written.
fn workbook(
    figures: &Figures,
    basis: YearBasis,
    file: &Path,
    force: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let Some(table) = figures.table(basis) else {
        return Ok(false);
    };
    let opts = ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to: i32::MAX,
        relative: false,
    };
    let charts = charts::all(table, &opts, lang);
    let book = twe_documents::spreadsheet::StatsBook {
        figures,
        basis,
        charts: &charts,
        lang,
    };
    let bytes = match twe_documents::spreadsheet::stats_workbook(&book) {
        Ok(bytes) => bytes,
        Err(e) => {
            document::refused(file, &e.message(lang), io)?;
            return Ok(false);
        }
    };
    if !document::write(file, &bytes, force, lang, io)? {
        return Ok(false);
    }
    io.say(&format!(
        "{} {} → {}",
        charts.len(),
        lang.pick("grafieken", "charts"),
        file.display()
    ))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "stats"].iter().chain(args))?;
        match cli.command {
            Some(Command::Stats(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_published_table_by_default() {
        let a = parse(&[]).unwrap();
        assert!(a.dossiers.is_none() && a.format == Format::Table && a.out.is_none());
    }

    #[test]
    fn a_workbook_needs_out() {
        assert!(parse(&["--format", "xlsx"]).is_err());
        let a = parse(&["--format", "xlsx", "--out", "c.xlsx", "--force"]).unwrap();
        assert_eq!(a.out, Some(PathBuf::from("c.xlsx")));
        assert!(a.force);
    }

    #[test]
    fn the_year_and_the_small_counts_are_asked_for() {
        let a = parse(&[]).unwrap();
        assert_eq!(a.by, By::TrajectoryStart);
        assert!(!a.show_small_counts);
        let a = parse(&[
            "--dossiers",
            "m",
            "--by",
            "calendar-year",
            "--show-small-counts",
        ])
        .unwrap();
        assert_eq!(a.by, By::CalendarYear);
        assert!(a.show_small_counts);
        assert!(parse(&["--by", "instrument"]).is_err());
    }

    #[test]
    fn a_workbook_by_another_name_or_a_calendar_view_of_the_published_table_is_refused() {
        for (args, says) in [
            (
                &["--format", "xlsx", "--out", "x.csv"][..],
                "x.csv: give a name ending in .xlsx",
            ),
            (
                &["--format", "csv", "--out", "x.csv"][..],
                "--out is for --format xlsx",
            ),
            (
                &["--by", "calendar-year"][..],
                "--by calendar-year needs --dossiers",
            ),
        ] {
            let mut all = args.to_vec();
            all.extend(["--lang", "en"]);
            let a = parse(&all).unwrap();
            let (mut out, mut err) = (Vec::new(), Vec::new());
            assert_eq!(
                run(&a, &mut Io::new(&mut out, &mut err)).unwrap(),
                EXIT_LOAD
            );
            let err = String::from_utf8(err).unwrap();
            assert!(err.contains(says), "{err}");
            assert!(out.is_empty());
        }
        assert!(!std::path::Path::new("x.csv").exists());
    }

    #[test]
    fn the_published_csv_has_its_header() {
        let args = parse(&["--format", "csv"]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            run(&args, &mut Io::new(&mut out, &mut err)).unwrap(),
            EXIT_OK
        );
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("province,year,trajectories"), "{out}");
        assert!(err.is_empty());
    }
}

//! `stats`: the province × year table, published or computed from dossiers, as a table,
//! CSV, JSON or a workbook of the charts.

use super::args::{Io, LangArg};
use super::{EXIT_LOAD, EXIT_OK, document};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use twe_core::files::load_paths;
use twe_core::lang::Lang;
use twe_core::reference::{municipalities, published};
use twe_core::stats::ProvinceYearTable;
use twe_core::stats::charts::{self, ChartOptions};

/// `stats`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Compute the table from these dossiers instead of showing the published one.
    #[arg(long)]
    dossiers: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of headings and number formatting (table and xlsx formats).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The workbook to write (xlsx format: one sheet per chart, every year).
    #[arg(long, required_if_eq("format", "xlsx"))]
    out: Option<PathBuf>,
    /// Replace the workbook if it exists.
    #[arg(long)]
    force: bool,
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
    /// An .xlsx workbook (with --out): one sheet per chart with its numbers, totals and
    /// source; counts from 1 to 4 of dossiers hidden.
    Xlsx,
}

/// The table in the format asked; exit 2 when a dossier did not load or the workbook was
/// not written, else 0.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let lang = LangArg::or_env(args.lang);
    let mut code = EXIT_OK;
    let from_dossiers = args.dossiers.is_some();
    let table = match &args.dossiers {
        None => ProvinceYearTable::from_published(published()),
        Some(path) => {
            let report = load_paths(std::slice::from_ref(path));
            io.load_errors(&report.errors, lang)?;
            if !report.errors.is_empty() {
                code = EXIT_LOAD;
            }
            ProvinceYearTable::from_dossiers(
                report.dossiers.iter().map(|d| &d.dossier),
                municipalities(),
                twe_core::stats::YearBasis::TrajectoryStart,
            )
        }
    };
    match args.format {
        Format::Csv => io.out.write_all(table.to_csv().as_bytes())?,
        Format::Table => io.out.write_all(table.to_text(lang).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &table.rows())?;
            writeln!(io.out)?;
        }
        Format::Xlsx => {
            // clap requires --out with xlsx.
            let Some(file) = &args.out else {
                io.warn(lang.pick("geef --out BESTAND.xlsx", "give --out FILE.xlsx"))?;
                return Ok(EXIT_LOAD);
            };
            if !workbook(&table, from_dossiers, file, args.force, lang, io)? {
                code = EXIT_LOAD;
            }
        }
    }
    Ok(code)
}

/// The charts as a workbook at `file`; whether it was written.
fn workbook(
    table: &ProvinceYearTable,
    from_dossiers: bool,
    file: &Path,
    force: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let opts = ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to: i32::MAX,
        relative: false,
        suppress_small: from_dossiers,
    };
    let charts = charts::all(table, &opts, lang);
    let source = charts::source_line(from_dossiers, lang);
    let bytes =
        match twe_documents::spreadsheet::charts_workbook(&charts, &source, from_dossiers, lang) {
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

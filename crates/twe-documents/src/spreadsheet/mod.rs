//! Caseloads as spreadsheets (DOMAIN.md, «Spreadsheets»): the four sheets, their Dutch or
//! English headers, the words for kinds and statuses, formula-safe text. This part writes
//! them and reads them back (issue 14).
//!
//! Written with `rust_xlsxwriter` (real dates, frozen header, widths, autofilter, no
//! hand-written XML) and the csv crate (quoting, BOM, CRLF).

mod charts;
mod columns;
mod import;
mod limits;
mod read;
mod words;
mod write;

pub use charts::{StatsBook, stats_workbook};
pub use columns::{Column, ColumnChoice, Layout, SheetKind};
pub use import::{
    Imported, Note, Preview, Problem, SheetRows, What, import, import_each, parse_date,
};
pub use limits::{
    Bound, Cost, MAX_FILE_BYTES, MAX_SHEET_ROWS, MAX_STORED_CELLS, MAX_TEXT_BYTES,
    MAX_UNPACKED_BYTES,
};
pub use read::{
    GLANCE_ROWS, Glance, MAX_CELL_CHARS, MAX_COLUMNS, ReadError, Row, Source, Table, Value, choose,
    read_csv, read_path, read_workbook, read_xlsx,
};
pub use write::{CaseloadWriter, Format, caseload_bytes};

use chrono::NaiveDate;
use twe_core::lang::Lang;
use twe_core::model::Dossier;

/// Why a workbook or CSV could not be made in memory (writing it to a file is the files'
/// policy, apart). Neither is the user's doing: both are reported, never a crash.
#[derive(Debug)]
pub enum WriteError {
    /// `rust_xlsxwriter` refused the workbook.
    Xlsx(rust_xlsxwriter::XlsxError),
    /// The csv crate refused a record.
    Csv(csv::Error),
    /// The file being made could not be written or read back.
    Io(std::io::Error),
    /// The caseload would pass a bound the import reads within (`limits`; on the sheet
    /// named, if one): said before anything appears at the file's name.
    TooBig(Option<String>, Bound),
}

impl WriteError {
    /// What went wrong, in `lang`, with the library's own words for the report.
    pub fn message(&self, lang: Lang) -> String {
        let why = match self {
            WriteError::Xlsx(e) => e.to_string(),
            WriteError::Csv(e) => e.to_string(),
            WriteError::Io(e) => e.to_string(),
            WriteError::TooBig(sheet, bound) => {
                let what = format!(
                    "{} {}; {}",
                    lang.pick(
                        "groter dan twe-planner inleest:",
                        "larger than twe-planner imports:"
                    ),
                    bound.said(lang),
                    Bound::advice(lang)
                );
                return match sheet {
                    Some(s) => format!("«{}»: {what}", twe_core::lang::terminal_safe(s)),
                    None => what,
                };
            }
        };
        format!(
            "{} ({}); {}",
            lang.pick(
                "het bestand kon niet gemaakt worden",
                "the file could not be made"
            ),
            twe_core::lang::terminal_safe(&why),
            lang.pick(
                "meld dit aan wie twe-planner onderhoudt",
                "please report this to whoever maintains twe-planner"
            )
        )
    }
}

impl From<rust_xlsxwriter::XlsxError> for WriteError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        WriteError::Xlsx(e)
    }
}

impl From<csv::Error> for WriteError {
    fn from(e: csv::Error) -> Self {
        WriteError::Csv(e)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (written formula-safe).
    Text(String),
    /// A date (a real spreadsheet date in a workbook).
    Date(NaiveDate),
}

/// One sheet: its name, its header and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's name in the language.
    pub name: &'static str,
    /// The header row.
    pub header: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

fn opt_date(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

/// The four sheets of `dossiers` in `lang`, held: what tests and benchmarks make
/// workbooks of. A caseload's file is written by [`CaseloadWriter`] (and
/// [`caseload_bytes`]); both take a dossier's rows from one place.
pub fn sheets(dossiers: &[&Dossier], lang: Lang) -> [Sheet; 4] {
    let mut rows: [Vec<Vec<Cell>>; 4] = Default::default();
    for d in dossiers {
        // Rows are only collected here: nothing can fail.
        let _ = write::rows_of(d, lang, false, &mut |kind, row| {
            if let Some(i) = SheetKind::ALL[..4].iter().position(|k| *k == kind) {
                rows[i].push(row);
            }
            Ok(())
        });
    }
    let [i, d, a, o, _] = SheetKind::ALL;
    let [ri, rd, ra, ro] = rows;
    let sheet = |kind: SheetKind, rows| Sheet {
        name: kind.name(lang),
        header: kind.header(lang),
        rows,
    };
    [sheet(i, ri), sheet(d, rd), sheet(a, ra), sheet(o, ro)]
}

/// The notes of `dossiers` as the fifth sheet, «Notities» / «Notes»: a row per note. Notes
/// are confidential: only `export --notes` writes this sheet.
pub fn notes_sheet(dossiers: &[&Dossier], lang: Lang) -> Sheet {
    let mut rows = Vec::new();
    for d in dossiers {
        let _ = write::rows_of(d, lang, true, &mut |kind, row| {
            if kind == SheetKind::Notes {
                rows.push(row);
            }
            Ok(())
        });
    }
    Sheet {
        name: SheetKind::Notes.name(lang),
        header: SheetKind::Notes.header(lang),
        rows,
    }
}

/// The instruments sheet's header.
pub fn instrument_header(lang: Lang) -> Vec<&'static str> {
    SheetKind::Instruments.header(lang)
}

/// Text as a spreadsheet must get it: one starting with `=`, `+`, `-` or `@` gets a leading
/// `'`, so that no spreadsheet runs it as a formula; so does one starting with `'`, so that
/// the import, which takes one `'` off before those, gives back exactly what was written.
///
/// Text between `<r>` and `</r>` gets one too: `rust_xlsxwriter` takes such a string for its
/// own rich-text markup and writes it unescaped, so a client called `<r>&</r>` made the
/// workbook unreadable and `<r>…</r></si><si>…` shifted every text cell after it.
pub fn formula_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if guarded(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Undoes [`formula_safe`]: one leading `'` before what it guards.
pub(crate) fn unguard(t: &str) -> &str {
    match t.strip_prefix('\'') {
        Some(rest) if guarded(rest) => rest,
        _ => t,
    }
}

/// What [`formula_safe`] guards: text a spreadsheet would run (`=`, `+`, `-`, `@`), text
/// that starts like a guard (`'`), and text `rust_xlsxwriter` would take for rich-text
/// markup (`<r>…</r>`).
fn guarded(t: &str) -> bool {
    t.starts_with(['=', '+', '-', '@', '\'']) || (t.starts_with("<r>") && t.ends_with("</r>"))
}

/// The sheets as an `.xlsx` workbook: real dates, a frozen header row, column widths and an
/// autofilter on each sheet (written as [`CaseloadWriter`] writes, into memory).
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, WriteError> {
    let mut book = write::BookWriter::new(None)?;
    for sheet in sheets {
        let i = book.add_sheet(sheet.name, &sheet.header)?;
        for row in &sheet.rows {
            book.row(i, row)?;
        }
    }
    let mut bytes = Vec::new();
    book.finish(&mut bytes)?;
    Ok(bytes)
}

/// The instruments sheet as CSV: `;`, UTF-8 with a byte order mark (Excel then reads the
/// accents), CRLF, dates as dd/mm/yyyy, text formula-safe (written as [`CaseloadWriter`]
/// writes, into memory).
pub fn csv(sheet: &Sheet) -> Result<Vec<u8>, WriteError> {
    let mut out = write::CsvWriter::new(Vec::new(), sheet.name, &sheet.header)?;
    for row in &sheet.rows {
        out.row(row)?;
    }
    out.finish()
}

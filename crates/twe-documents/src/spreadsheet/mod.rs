//! Caseloads as spreadsheets (DOMAIN.md, «Spreadsheets»): the four sheets, their Dutch or
//! English headers, the words for kinds and statuses, formula-safe text. This part writes
//! them and reads them back (issue 14).
//!
//! Written with `rust_xlsxwriter` (real dates, frozen header, widths, autofilter, no
//! hand-written XML) and the csv crate (quoting, BOM, CRLF).

mod charts;
mod columns;
mod import;
mod read;
mod words;

pub use charts::{StatsBook, stats_workbook};
pub use columns::{Column, ColumnChoice, Layout, SheetKind};
pub use import::{Imported, Note, Preview, Problem, What, import, parse_date};
pub use read::{
    MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_TEXT_BYTES,
    MAX_UNPACKED_BYTES, ReadError, Row, Source, Table, Value, choose, read_csv, read_path,
    read_workbook, read_xlsx,
};

use chrono::NaiveDate;
use twe_core::lang::Lang;
use twe_core::model::{Dossier, InstrumentKind};

/// Why a workbook or CSV could not be made in memory (writing it to a file is the files'
/// policy, apart). Neither is the user's doing: both are reported, never a crash.
#[derive(Debug)]
pub enum WriteError {
    /// `rust_xlsxwriter` refused the workbook.
    Xlsx(rust_xlsxwriter::XlsxError),
    /// The csv crate refused a record.
    Csv(csv::Error),
}

impl WriteError {
    /// What went wrong, in `lang`, with the library's own words for the report.
    pub fn message(&self, lang: Lang) -> String {
        let why = match self {
            WriteError::Xlsx(e) => e.to_string(),
            WriteError::Csv(e) => e.to_string(),
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

/// The four sheets of `dossiers` in `lang`.
pub fn sheets(dossiers: &[&Dossier], lang: Lang) -> [Sheet; 4] {
    let mut instruments = Vec::new();
    let mut documents = Vec::new();
    let mut activities = Vec::new();
    let mut outcomes = Vec::new();
    for d in dossiers {
        let head = [
            text(d.id.clone()),
            text(d.client.clone()),
            text(d.ocmw.clone()),
            opt_text(d.guided_by.as_deref()),
            opt_text(d.counsellor.as_deref()),
            d.plan
                .as_ref()
                .map_or(Cell::Empty, |p| text(words::plan(p))),
            Cell::Date(d.start),
            opt_date(d.end),
            opt_date(d.social_rights_acquired),
        ];
        if d.instruments.is_empty() {
            let mut row = head.to_vec();
            row.extend(std::iter::repeat_n(Cell::Empty, 8));
            instruments.push(row);
        }
        for inst in &d.instruments {
            let mut row = head.to_vec();
            row.push(text(words::kind(&inst.kind, lang)));
            row.push(Cell::Date(inst.start));
            row.push(Cell::Date(inst.end));
            row.push(text(words::status(inst.status, lang)));
            match &inst.kind {
                InstrumentKind::Opleiding {
                    name,
                    provider,
                    focus,
                    full_time,
                } => {
                    row.push(text(name.clone()));
                    row.push(text(words::provider(provider, lang)));
                    row.push(text(words::focus(*focus, lang)));
                    row.push(text(words::yes_no(*full_time, lang)));
                }
                _ => row.extend(std::iter::repeat_n(Cell::Empty, 4)),
            }
            instruments.push(row);
        }
        for doc in &d.documents {
            documents.push(vec![
                text(d.id.clone()),
                text(words::document(&doc.kind, lang)),
                Cell::Date(doc.uploaded),
            ]);
        }
        for a in &d.activities {
            activities.push(vec![
                text(d.id.clone()),
                text(words::activity(&a.kind, lang)),
                Cell::Date(a.date),
                text(words::actor(a.by, lang)),
            ]);
        }
        if let Some(o) = &d.outcome {
            outcomes.push(vec![
                text(d.id.clone()),
                o.at_work
                    .map_or(Cell::Empty, |b| text(words::yes_no(b, lang))),
                Cell::Date(o.measured),
            ]);
        }
    }
    let [i, d, a, o, _] = SheetKind::ALL;
    let sheet = |kind: SheetKind, rows| Sheet {
        name: kind.name(lang),
        header: kind.header(lang),
        rows,
    };
    [
        sheet(i, instruments),
        sheet(d, documents),
        sheet(a, activities),
        sheet(o, outcomes),
    ]
}

/// The notes of `dossiers` as the fifth sheet, «Notities» / «Notes»: a row per note. Notes
/// are confidential: only `export --notes` writes this sheet.
pub fn notes_sheet(dossiers: &[&Dossier], lang: Lang) -> Sheet {
    let rows = dossiers
        .iter()
        .flat_map(|d| {
            d.notes.iter().map(|n| {
                vec![
                    text(d.id.clone()),
                    Cell::Date(n.date),
                    text(words::note_kind(&n.kind, lang)),
                    text(n.author.clone()),
                    text(n.text.clone()),
                ]
            })
        })
        .collect();
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
/// autofilter on each sheet.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, WriteError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, col(c), *h, &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write_string(r, col(c), formula_safe(t).as_ref())?;
                        if let Some(w) = widths.get_mut(c) {
                            *w = (*w).max(t.chars().count().min(60));
                        }
                    }
                    Cell::Date(d) if !excel_date(*d) => {
                        ws.write_string(r, col(c), d.format("%d/%m/%Y").to_string())?;
                    }
                    Cell::Date(d) => {
                        ws.write_date_with_format(r, col(c), *d, &date)?;
                        if let Some(w) = widths.get_mut(c) {
                            *w = (*w).max(10);
                        }
                    }
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col(c), (*w as f64 + 2.0).min(62.0))?;
        }
        ws.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
        ws.autofilter(0, 0, last_row, col(sheet.header.len().saturating_sub(1)))?;
    }
    Ok(book.save_to_buffer()?)
}

/// Whether Excel can hold `d` as a date: from 1 March 1900 (before it, Excel counts a 29
/// February 1900 that never was) to 9999. Other dates are written as dd/mm/yyyy text,
/// which the import reads back.
fn excel_date(d: NaiveDate) -> bool {
    use chrono::Datelike;
    d >= NaiveDate::from_ymd_opt(1900, 3, 1).unwrap_or(NaiveDate::MIN) && d.year() <= 9999
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// The instruments sheet as CSV: `;`, UTF-8 with a byte order mark (Excel then reads the
/// accents), CRLF, dates as dd/mm/yyyy, text formula-safe.
pub fn csv(sheet: &Sheet) -> Result<Vec<u8>, WriteError> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(&sheet.header)?;
        for row in &sheet.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Empty => String::new(),
                    Cell::Text(t) => formula_safe(t).into_owned(),
                    Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
                })
                .collect();
            w.write_record(&fields)?;
        }
        w.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}

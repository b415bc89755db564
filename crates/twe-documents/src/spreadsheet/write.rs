//! Writing spreadsheets a row at a time: one way to write a cell (formula-safe text, real
//! dates, widths), one bound on a sheet's rows shared with the import, and memory that does
//! not grow with the rows. A workbook's sheets are `rust_xlsxwriter`'s constant-memory
//! sheets (each sheet's rows go to an unnamed temporary file until the workbook is saved;
//! text is written in the cell, which every reader reads); a CSV file goes to its writer as
//! it is made.

use super::columns::SheetKind;
use super::limits::{Bound, Cost, MAX_FILE_BYTES, MAX_SHEET_ROWS};
use super::{Cell, WriteError, formula_safe};
use chrono::NaiveDate;
use std::io::{Read, Seek, Write};
use std::path::Path;
use twe_core::lang::Lang;
use twe_core::model::Dossier;

/// A workbook being written, a row at a time.
pub(crate) struct BookWriter {
    book: rust_xlsxwriter::Workbook,
    sheets: Vec<SheetOut>,
    date: rust_xlsxwriter::Format,
    cost: Cost,
}

/// What a sheet being written needs at the end: its rows so far (the header's included) and
/// its columns' widths.
struct SheetOut {
    name: String,
    rows: u32,
    widths: Vec<usize>,
}

impl BookWriter {
    /// A workbook whose sheets' rows wait in unnamed temporary files in `temp_dir` (the
    /// system's when none).
    pub(crate) fn new(temp_dir: Option<&Path>) -> Result<Self, WriteError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        if let Some(dir) = temp_dir {
            book.set_tempdir(dir)?;
        }
        Ok(BookWriter {
            book,
            sheets: Vec::new(),
            date: rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy"),
            cost: Cost::default(),
        })
    }

    /// Adds a sheet called `name` with its bold `header` row; its index.
    pub(crate) fn add_sheet(&mut self, name: &str, header: &[&str]) -> Result<usize, WriteError> {
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let text = header.iter().map(|h| h.len()).sum();
        self.cost
            .add(header.len(), text)
            .map_err(|b| WriteError::TooBig(Some(name.to_string()), b))?;
        let ws = self.book.add_worksheet_with_constant_memory()?;
        ws.set_name(name)?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, col(c), *h, &bold)?;
        }
        self.sheets.push(SheetOut {
            name: name.to_string(),
            rows: 1,
            widths: header.iter().map(|h| h.chars().count()).collect(),
        });
        Ok(self.sheets.len() - 1)
    }

    /// Writes `cells` as the next row of sheet `sheet`; refused past [`MAX_SHEET_ROWS`].
    pub(crate) fn row(&mut self, sheet: usize, cells: &[Cell]) -> Result<(), WriteError> {
        let Some(out) = self.sheets.get_mut(sheet) else {
            return Ok(());
        };
        let too_big = |bound| WriteError::TooBig(Some(out.name.clone()), bound);
        if out.rows >= MAX_SHEET_ROWS {
            return Err(too_big(Bound::Rows));
        }
        // Counted as the import counts what it keeps: from column A to the last cell with
        // something in it, and the text of each (a date Excel cannot hold is text).
        let kept = cells
            .iter()
            .rposition(|c| !is_blank(c))
            .map_or(0, |i| i + 1);
        let text: usize = cells.iter().map(|c| text_len(c, true)).sum();
        self.cost.add(kept, text).map_err(too_big)?;
        let r = out.rows;
        out.rows += 1;
        let ws = self.book.worksheet_from_index(sheet)?;
        for (c, cell) in cells.iter().enumerate() {
            let width = match cell {
                Cell::Empty => 0,
                Cell::Text(t) => {
                    ws.write_string(r, col(c), formula_safe(t).as_ref())?;
                    t.chars().count().min(60)
                }
                Cell::Date(d) if !excel_date(*d) => {
                    ws.write_string(r, col(c), d.format("%d/%m/%Y").to_string())?;
                    0
                }
                Cell::Date(d) => {
                    ws.write_date_with_format(r, col(c), *d, &self.date)?;
                    10
                }
            };
            if let Some(w) = out.widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
        Ok(())
    }

    /// Gives each sheet its widths, a frozen header and an autofilter, and writes the
    /// workbook to `to`.
    pub(crate) fn finish<W: Write + Send>(mut self, to: W) -> Result<(), WriteError> {
        let mut to = Counted::new(to);
        for (i, out) in self.sheets.iter().enumerate() {
            let ws = self.book.worksheet_from_index(i)?;
            for (c, w) in out.widths.iter().enumerate() {
                ws.set_column_width(col(c), (*w as f64 + 2.0).min(62.0))?;
            }
            ws.set_freeze_panes(1, 0)?;
            ws.autofilter(
                0,
                0,
                out.rows.saturating_sub(1),
                col(out.widths.len().saturating_sub(1)),
            )?;
        }
        self.book.save_to_writer(&mut to)?;
        to.within()
    }
}

/// Whether the import reads `cell` as empty: nothing, or only spaces.
fn is_blank(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        Cell::Date(_) => false,
    }
}

/// The bytes of text the import keeps of `cell` (a workbook's dates are numbers, a CSV
/// file's text; `in_book` says which).
fn text_len(cell: &Cell, in_book: bool) -> usize {
    match cell {
        Cell::Text(t) if !t.trim().is_empty() => formula_safe(t).len(),
        Cell::Date(d) if !in_book || !excel_date(*d) => "dd/mm/yyyy".len(),
        _ => 0,
    }
}

/// A writer that counts the bytes through it: the file's size, checked against
/// [`MAX_FILE_BYTES`] once written (the temporary file then never takes the name).
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W> Counted<W> {
    fn new(inner: W) -> Self {
        Counted { inner, bytes: 0 }
    }

    /// Ok while the file is within the import's bound.
    fn within(&self) -> Result<(), WriteError> {
        if self.bytes > MAX_FILE_BYTES {
            Err(WriteError::TooBig(None, Bound::File))
        } else {
            Ok(())
        }
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Whether Excel can hold `d` as a date: from 1 March 1900 (before it, Excel counts a 29
/// February 1900 that never was) to 9999. Other dates are written as dd/mm/yyyy text,
/// which the import reads back.
fn excel_date(d: NaiveDate) -> bool {
    use chrono::Datelike;
    d >= NaiveDate::from_ymd_opt(1900, 3, 1).unwrap_or(NaiveDate::MIN) && d.year() <= 9999
}

pub(crate) fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A CSV file being written, a row at a time: `;`, UTF-8 with a byte order mark (Excel then
/// reads the accents), CRLF, dates as dd/mm/yyyy, text formula-safe.
pub(crate) struct CsvWriter<W: Write> {
    csv: csv::Writer<Counted<W>>,
    rows: u32,
    name: String,
    cost: Cost,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the file on `to` with its byte order mark and `header`; `name` is the sheet it
    /// holds, for a message.
    pub(crate) fn new(to: W, name: &str, header: &[&str]) -> Result<Self, WriteError> {
        let mut to = Counted::new(to);
        to.write_all("\u{feff}".as_bytes())
            .map_err(csv::Error::from)?;
        let mut csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(to);
        csv.write_record(header)?;
        let mut cost = Cost::default();
        cost.add(header.len(), header.iter().map(|h| h.len()).sum())
            .map_err(|b| WriteError::TooBig(None, b))?;
        Ok(CsvWriter {
            csv,
            rows: 1,
            name: name.to_string(),
            cost,
        })
    }

    /// Writes `cells` as the next row; refused past [`MAX_SHEET_ROWS`] (Excel opens no more
    /// of a CSV file, and the import reads no more).
    pub(crate) fn row(&mut self, cells: &[Cell]) -> Result<(), WriteError> {
        if self.rows >= MAX_SHEET_ROWS {
            return Err(WriteError::TooBig(Some(self.name.clone()), Bound::Rows));
        }
        self.rows += 1;
        // The import keeps a CSV row whole, when anything is in it.
        if cells.iter().any(|c| !is_blank(c)) {
            let text = cells.iter().map(|c| text_len(c, false)).sum();
            self.cost
                .add(cells.len(), text)
                .map_err(|b| WriteError::TooBig(None, b))?;
        }
        for c in cells {
            match c {
                Cell::Empty => self.csv.write_field("")?,
                Cell::Text(t) => self.csv.write_field(formula_safe(t).as_bytes())?,
                Cell::Date(d) => self.csv.write_field(d.format("%d/%m/%Y").to_string())?,
            }
        }
        self.csv.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flushes what is left; the writer it wrote to.
    pub(crate) fn finish(self) -> Result<W, WriteError> {
        let to = self
            .csv
            .into_inner()
            .map_err(|e| WriteError::Csv(csv::Error::from(e.into_error())))?;
        to.within()?;
        Ok(to.inner)
    }
}

/// Whether a workbook written (`file`, read from its start) unpacks within the import's
/// bound: its parts' sizes as its own zip states them (the export wrote it; the import
/// measures a file it did not write by unpacking it).
fn unpacked_within<R: std::io::Read + std::io::Seek>(file: R) -> Result<(), WriteError> {
    let failed = |e| WriteError::Io(std::io::Error::other(e));
    let mut zip = zip::ZipArchive::new(file).map_err(failed)?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(failed)?;
        total = total.saturating_add(part.size());
    }
    if total > super::limits::MAX_UNPACKED_BYTES {
        return Err(WriteError::TooBig(None, Bound::Unpacked));
    }
    Ok(())
}

/// What a caseload is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The four sheets as a workbook, with the notes as a fifth when `notes` (confidential:
    /// only when asked).
    Xlsx {
        /// Whether the notes sheet is written.
        notes: bool,
    },
    /// The instruments sheet as a CSV file.
    Csv,
}

#[expect(
    clippy::large_enum_variant,
    reason = "one a file written: boxing the workbook would buy nothing"
)]
enum Out<W: Write + Read + Seek + Send> {
    Book { book: BookWriter, to: W },
    Csv(CsvWriter<W>),
}

/// A caseload written to a spreadsheet a dossier at a time: memory holds a row, never the
/// caseload (a quarter of a million dossiers hold the same as ten). The output holds the
/// spreadsheet alone, from its start: a workbook is read back there to hold it to the
/// import's bound on what it unpacks to.
pub struct CaseloadWriter<W: Write + Read + Seek + Send> {
    out: Out<W>,
    lang: Lang,
    notes: bool,
}

impl<W: Write + Read + Seek + Send> CaseloadWriter<W> {
    /// Starts a caseload in `format` and `lang` on `to`; a workbook's sheets wait in unnamed
    /// temporary files in `temp_dir` (the system's when none) until [`Self::finish`].
    pub fn new(
        to: W,
        format: Format,
        lang: Lang,
        temp_dir: Option<&Path>,
    ) -> Result<Self, WriteError> {
        let (out, notes) = match format {
            Format::Csv => {
                let kind = SheetKind::Instruments;
                let csv = CsvWriter::new(to, kind.name(lang), &kind.header(lang))?;
                (Out::Csv(csv), false)
            }
            Format::Xlsx { notes } => {
                let mut book = BookWriter::new(temp_dir)?;
                for kind in SheetKind::ALL {
                    if kind != SheetKind::Notes || notes {
                        book.add_sheet(kind.name(lang), &kind.header(lang))?;
                    }
                }
                (Out::Book { book, to }, notes)
            }
        };
        Ok(CaseloadWriter { out, lang, notes })
    }

    /// Writes the rows of `d`.
    pub fn add(&mut self, d: &Dossier) -> Result<(), WriteError> {
        let notes = self.notes;
        match &mut self.out {
            Out::Csv(csv) => rows_of(d, self.lang, false, &mut |kind, row| {
                if kind == SheetKind::Instruments {
                    csv.row(&row)?;
                }
                Ok(())
            }),
            Out::Book { book, .. } => rows_of(d, self.lang, notes, &mut |kind, row| {
                let sheet = SheetKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                book.row(sheet, &row)
            }),
        }
    }

    /// Finishes the file.
    pub fn finish(self) -> Result<(), WriteError> {
        match self.out {
            Out::Csv(csv) => csv.finish().map(drop),
            Out::Book { book, mut to } => {
                book.finish(&mut to)?;
                // XML escaping can grow a workbook past the estimate its rows were held to:
                // measured from its own zip, so that nothing the import refuses is written.
                to.rewind().map_err(WriteError::Io)?;
                unpacked_within(&mut to)
            }
        }
    }
}

/// A caseload of `dossiers` held whole (the window's export of the dossiers its list
/// shows), written as [`CaseloadWriter`] writes: the one road to a caseload's file.
pub fn caseload_bytes(
    dossiers: &[&Dossier],
    format: Format,
    lang: Lang,
    temp_dir: Option<&Path>,
) -> Result<Vec<u8>, WriteError> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut book = CaseloadWriter::new(&mut bytes, format, lang, temp_dir)?;
    for d in dossiers {
        book.add(d)?;
    }
    book.finish()?;
    Ok(bytes.into_inner())
}

/// The rows of `d` on each sheet, in the sheets' column order: a row per instrument (one
/// with the dossier alone when it has none), document, activity, outcome, and note when
/// `notes`. The one place a dossier becomes rows: the streamed writer and [`super::sheets`]
/// both take them from here.
pub(crate) fn rows_of(
    d: &Dossier,
    lang: Lang,
    notes: bool,
    emit: &mut dyn FnMut(SheetKind, Vec<Cell>) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    use super::words;
    use super::{opt_date, opt_text, text};
    use twe_core::model::InstrumentKind;
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
        emit(SheetKind::Instruments, row)?;
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
        emit(SheetKind::Instruments, row)?;
    }
    for doc in &d.documents {
        emit(
            SheetKind::Documents,
            vec![
                text(d.id.clone()),
                text(words::document(&doc.kind, lang)),
                Cell::Date(doc.uploaded),
            ],
        )?;
    }
    for a in &d.activities {
        emit(
            SheetKind::Activities,
            vec![
                text(d.id.clone()),
                text(words::activity(&a.kind, lang)),
                Cell::Date(a.date),
                text(words::actor(a.by, lang)),
            ],
        )?;
    }
    if let Some(o) = &d.outcome {
        emit(
            SheetKind::Outcome,
            vec![
                text(d.id.clone()),
                o.at_work
                    .map_or(Cell::Empty, |b| text(words::yes_no(b, lang))),
                Cell::Date(o.measured),
            ],
        )?;
    }
    if notes {
        for n in &d.notes {
            emit(
                SheetKind::Notes,
                vec![
                    text(d.id.clone()),
                    Cell::Date(n.date),
                    text(words::note_kind(&n.kind, lang)),
                    text(n.author.clone()),
                    text(n.text.clone()),
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CSV file takes rows up to Excel's limit, its header included, and refuses the next
    /// one, naming the sheet and the number.
    #[test]
    fn a_sheet_takes_excels_rows_and_not_one_more() {
        let mut csv = CsvWriter::new(std::io::sink(), "Instrumenten", &["Id"]).unwrap();
        let row = [Cell::Text("x".into())];
        for _ in 1..MAX_SHEET_ROWS {
            csv.row(&row).unwrap();
        }
        let e = csv.row(&row).unwrap_err();
        assert!(matches!(e, WriteError::TooBig(Some(ref s), Bound::Rows) if s == "Instrumenten"));
        let said = e.message(Lang::En);
        assert!(
            said.starts_with(
                "«Instrumenten»: larger than twe-planner imports: more than 1,048,576 rows in a sheet"
            ),
            "{said}"
        );
        assert!(e.message(Lang::Nl).contains("meer dan 1.048.576 rijen"));
    }

    /// A workbook's sheet counts its rows as a CSV file does: the same bound.
    #[test]
    fn a_workbook_sheet_counts_its_rows_from_the_header() {
        let mut book = BookWriter::new(None).unwrap();
        let i = book.add_sheet("Documenten", &["Id"]).unwrap();
        book.sheets[i].rows = MAX_SHEET_ROWS - 1;
        book.row(i, &[Cell::Text("x".into())]).unwrap();
        let e = book.row(i, &[Cell::Text("y".into())]).unwrap_err();
        assert!(matches!(e, WriteError::TooBig(Some(ref s), Bound::Rows) if s == "Documenten"));
    }
}

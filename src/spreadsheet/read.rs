//! A spreadsheet file as plain tables of cells, bounded in time and memory whatever the
//! file holds: an `.xlsx` workbook through `calamine` (its cells streamed, never a range
//! sized by what the sheet claims), a `.csv` file through the csv crate.
//!
//! The bounds: the file at most [`MAX_FILE_BYTES`]; a workbook's parts at most
//! [`MAX_UNPACKED_BYTES`] unpacked, measured by unpacking them before calamine does (a zip
//! states its sizes, and a hostile one lies); at most [`MAX_ROWS`] rows a sheet and
//! [`MAX_CELLS`] cells a workbook; columns past [`MAX_COLUMNS`] are left aside.

use chrono::NaiveDate;
use std::io::{Cursor, Read};

/// The largest spreadsheet file read: 23,186 dossiers make a workbook of about 2 MB.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// The most a workbook's parts may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 512 << 20;
/// The most rows a sheet may have (Flanders' caseload is some 70,000 instrument rows).
pub const MAX_ROWS: u32 = 500_000;
/// Columns past this one are left aside (a sheet has 17).
pub const MAX_COLUMNS: usize = 64;
/// The most cells a workbook may hold.
pub const MAX_CELLS: usize = 10_000_000;

/// A cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing (or only spaces).
    Empty,
    /// Text.
    Text(String),
    /// A number that is not a date.
    Number(f64),
    /// A truth value.
    Bool(bool),
    /// A spreadsheet date (its time of day left aside).
    Date(NaiveDate),
    /// A spreadsheet error such as `#REF!`.
    Error(String),
}

impl Value {
    /// Text as written: only a cell of nothing but spaces is empty. Spaces are kept, so that
    /// a name exported with one comes back with it; words and dates are read without them.
    fn text(s: &str) -> Value {
        if s.trim().is_empty() {
            Value::Empty
        } else {
            Value::Text(s.to_string())
        }
    }

    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        *self == Value::Empty
    }

    /// The cell as the spreadsheet shows it, for messages and the preview.
    pub fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) => number_text(*n),
            Value::Bool(b) => b.to_string().to_uppercase(),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A number as text: whole numbers without a fraction ("42", not "42.0").
pub(super) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// A row: its number as the spreadsheet shows it (from 1) and its cells from column A.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The row's number.
    pub number: u32,
    /// Its cells.
    pub cells: Vec<Value>,
}

/// A sheet's non-empty rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The sheet's name (a CSV file's name).
    pub name: String,
    /// The rows that hold something, in order.
    pub rows: Vec<Row>,
}

/// Why a file could not be read at all.
#[derive(Debug)]
pub enum ReadError {
    /// Reading failed.
    Io(std::io::Error),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// A workbook unpacks to more than [`MAX_UNPACKED_BYTES`].
    Unpacks,
    /// A sheet has more rows than [`MAX_ROWS`], or the workbook more cells than [`MAX_CELLS`].
    TooManyCells(String),
    /// The file is not an `.xlsx` workbook or a CSV file (the reader's words).
    NotASpreadsheet(String),
    /// The name ends in neither `.xlsx` nor `.csv`.
    Extension,
}

impl ReadError {
    /// The reason in `lang`, to follow the file's name.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match self {
            ReadError::Io(e) => crate::files::io_message(e, lang),
            ReadError::TooLarge(n) => format!(
                "{} ({} MB > {} MB)",
                lang.pick(
                    "is te groot voor een caseload; splits het bestand",
                    "is too large for a caseload; split the file"
                ),
                n >> 20,
                MAX_FILE_BYTES >> 20
            ),
            ReadError::Unpacks => lang
                .pick(
                    "pakt uit tot meer dan 512 MB: geen gewone werkmap; sla hem opnieuw op in Excel",
                    "unpacks to more than 512 MB: not an ordinary workbook; save it again in Excel",
                )
                .to_string(),
            ReadError::TooManyCells(sheet) => format!(
                "{}: {}",
                sheet,
                lang.pick(
                    "te veel rijen of cellen (meer dan 500.000 rijen of 10 miljoen cellen); splits het bestand",
                    "too many rows or cells (over 500,000 rows or 10 million cells); split the file"
                )
            ),
            ReadError::NotASpreadsheet(why) => format!(
                "{} ({why})",
                lang.pick(
                    "is geen .xlsx-werkmap; sla hem in Excel op als .xlsx of .csv",
                    "is not an .xlsx workbook; save it in Excel as .xlsx or .csv"
                )
            ),
            ReadError::Extension => lang
                .pick(
                    "is geen .xlsx- of .csv-bestand; sla het in Excel op als een van beide",
                    "is not an .xlsx or .csv file; save it in Excel as either",
                )
                .to_string(),
        }
    }
}

/// What was read: the tables and whether it was a CSV file (instruments only).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The sheets, in the workbook's order.
    pub tables: Vec<Table>,
    /// Read from a CSV file: the first table is the instruments sheet, and the only one.
    pub csv: bool,
}

/// Reads `path`, an `.xlsx` or `.csv` file (by its extension, any case).
pub fn read_path(path: &std::path::Path) -> Result<Source, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext != "xlsx" && ext != "csv" {
        return Err(ReadError::Extension);
    }
    // The shared loader opens without waiting on a pipe and refuses what is not a file.
    let file = crate::files::open_no_wait(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(
            std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len()),
        ));
    }
    if ext == "csv" {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Source {
            tables: vec![read_csv(&bytes, &name)?],
            csv: true,
        })
    } else {
        Ok(Source {
            tables: read_xlsx(&bytes)?,
            csv: false,
        })
    }
}

/// Unpacks every part of the workbook once, counting, so that a zip bomb is refused before
/// calamine unpacks anything into memory.
fn check_unpacked(bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::NotASpreadsheet(e.to_string()))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| ReadError::NotASpreadsheet(e.to_string()))?;
        let left = MAX_UNPACKED_BYTES - total;
        total += std::io::copy(&mut entry.take(left + 1), &mut std::io::sink())
            .map_err(|e| ReadError::NotASpreadsheet(e.to_string()))?;
        if total > MAX_UNPACKED_BYTES {
            return Err(ReadError::Unpacks);
        }
    }
    Ok(())
}

/// The sheets of an `.xlsx` workbook.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    use calamine::Reader;
    check_unpacked(bytes)?;
    let mut book = calamine::Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ReadError::NotASpreadsheet(e.to_string()))?;
    let mut cells = 0usize;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let too_many = || ReadError::TooManyCells(name.clone());
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| ReadError::NotASpreadsheet(e.to_string()))?;
        let mut rows: Vec<Row> = Vec::new();
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| ReadError::NotASpreadsheet(e.to_string()))?
        {
            cells += 1;
            if cells > MAX_CELLS {
                return Err(too_many());
            }
            let (r, c) = cell.get_position();
            let (c, number) = (c as usize, r.saturating_add(1));
            if c >= MAX_COLUMNS {
                continue;
            }
            if number > MAX_ROWS {
                return Err(too_many());
            }
            let value = value_of(cell.get_value());
            if value.is_empty() {
                continue;
            }
            // Cells come row by row; a row begins when its first non-empty cell comes.
            if rows.last().is_none_or(|row| row.number != number) {
                rows.push(Row {
                    number,
                    cells: Vec::new(),
                });
            }
            if let Some(row) = rows.last_mut() {
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, Value::Empty);
                }
                row.cells[c] = value;
            }
        }
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

fn value_of(v: &calamine::DataRef<'_>) -> Value {
    use calamine::{DataRef, DataType};
    match v {
        DataRef::Empty => Value::Empty,
        DataRef::String(s) | DataRef::DurationIso(s) => Value::text(s),
        DataRef::SharedString(s) => Value::text(s),
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => {
            v.as_date().map_or(Value::Number(d.as_f64()), Value::Date)
        }
        DataRef::DateTime(d) => Value::Number(d.as_f64()),
        DataRef::DateTimeIso(s) => v.as_date().map_or_else(|| Value::text(s), Value::Date),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

/// The rows of a CSV file: UTF-8 with or without a byte order mark, else Windows-1252 (what
/// Excel writes on a Western Windows); `;` or `,`, whichever the first line holds more of
/// outside quotes (Excel writes `;` where the decimal comma is Flemish).
pub fn read_csv(bytes: &[u8], name: &str) -> Result<Table, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The csv crate skips blank lines, which a spreadsheet shows as rows, and its record
    // positions start at the previous line's end: the row is the line a record's first
    // cell is on, less the line breaks inside quoted cells before it (they stay in a row).
    let bytes = text.as_bytes();
    let (mut scanned, mut line, mut inside) = (0usize, 1usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(ReadError::NotASpreadsheet(e.to_string())),
        }
        let mut start = record
            .position()
            .map_or(scanned, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .clamp(scanned, bytes.len());
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        line += text
            .get(scanned..start)
            .map_or(0, |t| t.matches('\n').count());
        scanned = start;
        let number = u32::try_from(line - inside).unwrap_or(u32::MAX);
        inside += record
            .iter()
            .map(|f| f.matches('\n').count())
            .sum::<usize>();
        if number > MAX_ROWS {
            return Err(ReadError::TooManyCells(name.to_string()));
        }
        let cells: Vec<Value> = record.iter().take(MAX_COLUMNS).map(Value::text).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(Row { number, cells });
        }
    }
    Ok(Table {
        name: name.to_string(),
        rows,
    })
}

/// `;` or `,`: whichever the first non-empty line holds more of outside quotes (`;` on a tie).
fn delimiter(text: &str) -> u8 {
    let mut quoted = false;
    let (mut semi, mut comma) = (0usize, 0usize);
    let mut seen = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            '\n' | '\r' if !quoted && seen => break,
            _ => {}
        }
        seen |= !c.is_whitespace();
    }
    if comma > semi { b',' } else { b';' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_delimiter_encoding_and_row_numbers() {
        let t = read_csv(
            b"\xEF\xBB\xBFid;naam\r\n\r\nA;\"x;y\"\r\nB;\"twee\r\nregels\"\r\n;\r\nC;z\r\n",
            "f.csv",
        )
        .unwrap();
        let numbers: Vec<u32> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4, 6]);
        assert_eq!(t.rows[1].cells[1], Value::Text("x;y".into()));
        let t = read_csv(b"id,naam\nA,\"Lo\xefc; de Smet\"\n", "f.csv").unwrap();
        assert_eq!(t.rows[1].cells[1], Value::Text("Lo\u{ef}c; de Smet".into()));
        assert_eq!(delimiter("\n\n a;b,c;d\n,,,,"), b';');
        assert_eq!(delimiter("\"a;b\",c"), b',');
    }

    #[test]
    fn a_workbook_that_is_not_one_is_refused() {
        assert!(matches!(
            read_xlsx(b"PK\x03\x04 nothing"),
            Err(ReadError::NotASpreadsheet(_))
        ));
        assert!(matches!(read_xlsx(b""), Err(ReadError::NotASpreadsheet(_))));
    }

    /// A small real workbook, to damage.
    fn sample_workbook() -> Vec<u8> {
        let dossiers: Vec<crate::model::Dossier> = crate::sample::load()
            .dossiers
            .into_iter()
            .take(4)
            .map(|d| d.dossier)
            .collect();
        let refs: Vec<&crate::model::Dossier> = dossiers.iter().collect();
        super::super::workbook(&super::super::sheets(&refs, crate::lang::Lang::Nl)).unwrap()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Whatever a CSV file holds, it is read or refused, and the import answers: no
        /// panic, no hang.
        #[test]
        fn any_bytes_as_csv_are_read_or_refused(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            if let Ok(t) = read_csv(&bytes, "x.csv") {
                let got = super::super::import(&super::super::Preview::of(Source { tables: vec![t], csv: true }));
                proptest::prop_assert!(got.dossiers.len() <= bytes.len());
            }
        }

        /// A damaged workbook (bytes changed anywhere, or cut short) is read or refused.
        #[test]
        fn a_damaged_workbook_is_read_or_refused(
            changes in proptest::collection::vec((0.0f64..1.0, proptest::prelude::any::<u8>()), 1..8),
            cut in 0.5f64..1.0,
        ) {
            let mut bytes = sample_workbook();
            for (at, b) in changes {
                let i = ((bytes.len() as f64) * at) as usize % bytes.len();
                bytes[i] = b;
            }
            bytes.truncate(((bytes.len() as f64) * cut) as usize + 1);
            if let Ok(tables) = read_xlsx(&bytes) {
                let _ = super::super::import(&super::super::Preview::of(Source { tables, csv: false }));
            }
        }
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_unpacked() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", options).unwrap();
        let block = vec![b'a'; 1 << 20];
        for _ in 0..=(MAX_UNPACKED_BYTES >> 20) {
            zip.write_all(&block).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 2 << 20, "{}", bytes.len());
        assert!(matches!(read_xlsx(&bytes), Err(ReadError::Unpacks)));
    }
}

//! A spreadsheet file as plain tables of cells, bounded in time and memory whatever the
//! file holds: an `.xlsx` workbook through `calamine` (its cells streamed, never a range
//! sized by what the sheet claims), a `.csv` file through the csv crate.
//!
//! The bounds, the export's too (`limits`): the file at most [`MAX_FILE_BYTES`], a regular
//! file (never a pipe or a device); a workbook's parts at most [`MAX_UNPACKED_BYTES`]
//! unpacked, measured by unpacking them before calamine does (a zip states its sizes, and a
//! hostile one lies), and no shared-string table claiming more strings than its bytes can
//! hold (calamine reserves room for what it claims); only the four sheets of a caseload read,
//! each once; at most [`MAX_SHEET_ROWS`] rows a sheet, [`MAX_STORED_CELLS`] cells streamed and
//! kept, [`MAX_CELL_CHARS`] characters a cell and `MAX_TEXT_BYTES` of text kept in all;
//! columns past [`MAX_COLUMNS`] are left aside. A panic in the reader is a refused file,
//! never a crashed window.

use super::columns::SheetKind;
use super::limits::{
    Bound, Cost, MAX_FILE_BYTES, MAX_SHEET_ROWS, MAX_STORED_CELLS, MAX_UNPACKED_BYTES,
};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::io::{Cursor, Read};

/// Columns past this one are left aside (a sheet has 17).
pub const MAX_COLUMNS: usize = 64;
/// A cell's text is cut here: no field of a dossier may hold more than 1,000 characters,
/// so a longer one is refused anyway, and saying so needs no more.
pub const MAX_CELL_CHARS: usize = 4_096;
/// The most strings a workbook's shared-string table may hold: calamine keeps them all, and
/// 23,186 dossiers need some 100,000 (29 million empty ones took 13 s and 1 GB).
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;
/// The most a workbook's shared-string table may unpack to: calamine holds it whole each
/// time the workbook is opened (a reading opens it once a pass), so it is bounded apart
/// from the other parts, which are streamed. A caseload Excel saved with 250,000 dossiers
/// has a table of some 25 MB; the program's own workbooks have none.
pub const MAX_SHARED_STRING_BYTES: u64 = 64 << 20;

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
    /// A spreadsheet date (its time of day left aside), from 1 March 1900 to 9999.
    Date(NaiveDate),
    /// A cell formatted as a date whose number is no day Excel can show (Excel shows
    /// `#####`): its number as text.
    BadDate(String),
    /// A spreadsheet error such as `#REF!`.
    Error(String),
    /// A formula whose value was never computed (the file was written by a program that
    /// does not compute, and nobody opened it in Excel since): never read as an empty cell.
    Uncalculated,
    /// Text longer than [`MAX_CELL_CHARS`]: its beginning.
    TooLong(String),
}

impl Value {
    /// Text as written: only a cell of nothing but spaces is empty. Spaces are kept, so that
    /// a name exported with one comes back with it; words and dates are read without them.
    fn text(s: &str, budget: &mut Budget) -> Result<Value, ReadError> {
        if s.trim().is_empty() {
            return Ok(Value::Empty);
        }
        let (cut, whole) = match s.char_indices().nth(MAX_CELL_CHARS) {
            Some((at, _)) => (&s[..at], false),
            None => (s, true),
        };
        budget
            .cost
            .add(0, cut.len())
            .map_err(|b| ReadError::TooBig(None, b))?;
        Ok(if whole {
            Value::Text(cut.to_string())
        } else {
            Value::TooLong(cut.to_string())
        })
    }

    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        *self == Value::Empty
    }

    /// The cell as the spreadsheet shows it, for messages and the preview.
    pub fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) | Value::BadDate(t) | Value::Error(t) => t.clone(),
            Value::Uncalculated => "=…".to_string(),
            Value::TooLong(t) => format!("{t}…"),
            Value::Number(n) => number_text(*n),
            Value::Bool(b) => b.to_string().to_uppercase(),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
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

/// What a file may still cost: cells streamed, and cells and text kept (as the export
/// counts them: [`Cost`]).
#[derive(Default)]
struct Budget {
    cells: usize,
    cost: Cost,
}

impl Budget {
    /// Counts `n` more cells kept; the bound passed, if one is.
    fn store(&mut self, n: usize) -> Result<(), Bound> {
        self.cost.add(n, 0)
    }

    /// Counts what another sheet cost too; the bound passed, if one is.
    fn merge(&mut self, other: &Budget) -> Result<(), Bound> {
        self.cells += other.cells;
        if self.cells > MAX_STORED_CELLS {
            return Err(Bound::Cells);
        }
        self.cost.add(other.cost.stored, other.cost.text)
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
    /// Not a regular file: a folder, a pipe or a device, never read.
    NotAFile,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// A workbook unpacks to more than [`MAX_UNPACKED_BYTES`].
    Unpacks,
    /// A workbook's shared-string table unpacks to more than [`MAX_SHARED_STRING_BYTES`].
    Strings,
    /// Past a bound on rows, cells or text (the sheet, for a workbook).
    TooBig(Option<String>, Bound),
    /// The file is not an `.xlsx` workbook (the reader's words, and the sheet if known).
    NotASpreadsheet(String),
    /// The name ends in neither `.xlsx` nor `.csv`.
    Extension,
}

impl ReadError {
    fn not_xlsx(why: impl std::fmt::Display) -> ReadError {
        let why: String = why.to_string().chars().take(200).collect();
        ReadError::NotASpreadsheet(why)
    }

    /// The reason in `lang`, to follow the file's name.
    pub fn message(&self, lang: twe_core::lang::Lang) -> String {
        match self {
            ReadError::Io(e) => twe_core::files::io_message(e, lang),
            ReadError::NotAFile => lang
                .pick(
                    "is geen gewoon bestand (een map, pijp of apparaat); kies het .xlsx- of .csv-bestand zelf",
                    "is not a regular file (a folder, pipe or device); choose the .xlsx or .csv file itself",
                )
                .to_string(),
            ReadError::TooLarge(n) => format!(
                "{} ({} MB): {}",
                Bound::File.said(lang),
                n.div_ceil(1 << 20),
                Bound::advice(lang)
            ),
            ReadError::Unpacks => format!(
                "{}: {}",
                Bound::Unpacked.said(lang),
                Bound::advice(lang)
            ),
            ReadError::Strings => format!(
                "{} {} MB): {}",
                lang.pick(
                    "heeft een tabel van gedeelde tekst die te groot is (meer dan",
                    "has a table of shared text that is too large (more than"
                ),
                MAX_SHARED_STRING_BYTES >> 20,
                lang.pick(
                    "sla hem in Excel op als .csv, of splits de caseload",
                    "save it in Excel as .csv, or split the caseload"
                )
            ),
            ReadError::TooBig(sheet, bound) => {
                let what = format!("{}; {}", bound.said(lang), Bound::advice(lang));
                match sheet {
                    Some(sheet) => format!("{}: {what}", twe_core::lang::terminal_safe(sheet)),
                    None => what,
                }
            }
            ReadError::NotASpreadsheet(why) => format!(
                "{} ({})",
                lang.pick(
                    "is geen leesbare .xlsx-werkmap (of een oud .xls-bestand, of beveiligd met een wachtwoord); sla hem in Excel op als .xlsx of .csv",
                    "is not a readable .xlsx workbook (or an old .xls file, or protected by a password); save it in Excel as .xlsx or .csv"
                ),
                twe_core::lang::terminal_safe(why)
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

/// What the preview needs of a sheet, gathered while the file is read once: its first rows
/// (the header is among them), how many rows hold something, how wide they are, and the
/// rows at its end that are a line of text alone (a footer).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Glance {
    /// The first [`GLANCE_ROWS`] rows that hold something.
    pub head: Vec<Row>,
    /// How many rows hold something.
    pub rows: usize,
    /// The most cells a row past the first [`GLANCE_ROWS`] has, the rows at the end that are
    /// one text cell alone left out (a footer does not widen the table).
    pub width_after_head: usize,
    /// The numbers of the rows at the end that are one text cell alone, in order.
    pub text_tail: Vec<u32>,
    /// The widths of those of them past the first rows.
    tail_widths: Vec<usize>,
}

/// How many rows a sheet's [`Glance`] keeps: its header is looked for among them.
pub const GLANCE_ROWS: usize = 20;

impl Glance {
    fn see(&mut self, row: &Row) {
        self.rows += 1;
        let in_head = self.head.len() < GLANCE_ROWS;
        if in_head {
            self.head.push(row.clone());
        }
        let mut filled = row.cells.iter().filter(|v| !v.is_empty());
        if matches!((filled.next(), filled.next()), (Some(Value::Text(_)), None)) {
            self.text_tail.push(row.number);
            if !in_head {
                self.tail_widths.push(row.cells.len());
            }
            return;
        }
        // The lines of text before this row were no footer: they count as rows.
        self.text_tail.clear();
        let run = self.tail_widths.drain(..).max().unwrap_or(0);
        let width = if in_head { 0 } else { row.cells.len() };
        self.width_after_head = self.width_after_head.max(run).max(width);
    }
}

/// Where a source's rows are read from, again at each pass: tables held (tests, a sheet
/// made in memory), or the file's bytes, streamed a row at a time so that no pass holds a
/// sheet.
#[derive(Clone)]
enum Data {
    Tables(std::sync::Arc<Vec<Table>>),
    Xlsx(std::sync::Arc<[u8]>),
    Csv(std::sync::Arc<[u8]>),
}

impl std::fmt::Debug for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Data::Tables(t) => write!(f, "Tables({})", t.len()),
            Data::Xlsx(b) => write!(f, "Xlsx({} bytes)", b.len()),
            Data::Csv(b) => write!(f, "Csv({} bytes)", b.len()),
        }
    }
}

/// What was read: the sheets found (the instruments first, then documents, activities,
/// outcome, notes, as found), whether it was a CSV file (instruments only), and the file's
/// rows to read again, a sheet at a time.
#[derive(Clone, Debug)]
pub struct Source {
    /// Read from a CSV file: the first sheet is the instruments sheet, and the only one.
    pub csv: bool,
    /// The worksheets left unread: no caseload sheet's name, or a second sheet of a kind.
    pub skipped: Vec<String>,
    /// Each sheet read: its name and what the preview needs of it.
    sheets: Vec<(String, Glance)>,
    data: Data,
}

impl Source {
    /// A source of tables held in memory (a sheet made by a test, or read whole).
    pub fn of_tables(tables: Vec<Table>, csv: bool) -> Source {
        let sheets = tables
            .iter()
            .map(|t| {
                let mut glance = Glance::default();
                for r in &t.rows {
                    glance.see(r);
                }
                (t.name.clone(), glance)
            })
            .collect();
        Source {
            csv,
            skipped: Vec::new(),
            sheets,
            data: Data::Tables(std::sync::Arc::new(tables)),
        }
    }

    /// The names of the sheets read, in order.
    pub fn names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    /// What the preview needs of sheet `i`.
    pub fn glance(&self, i: usize) -> Option<&Glance> {
        self.sheets.get(i).map(|(_, g)| g)
    }

    /// Hands each row of sheet `i` that holds something to `each`, in order, reading the
    /// file again (bounded as the first reading was, which it repeats).
    pub fn rows(&self, i: usize, each: &mut dyn FnMut(&Row)) -> Result<(), ReadError> {
        let Some((name, _)) = self.sheets.get(i) else {
            return Ok(());
        };
        match &self.data {
            Data::Tables(tables) => {
                for r in tables.get(i).map_or(&[][..], |t| &t.rows[..]) {
                    each(r);
                }
                Ok(())
            }
            Data::Csv(bytes) => beside(each, &|send| stream_csv(bytes, send)),
            Data::Xlsx(bytes) => beside(each, &|send| {
                guarded(|| stream_sheets(bytes, std::slice::from_ref(name), &mut |_, r| send(r)))
            }),
        }
    }
}

/// What is handed each row read, and says whether to go on.
type Hand<'a> = &'a mut dyn FnMut(Row) -> Result<(), ReadError>;

/// A reading of rows, handing each on.
type Reading<'a> = &'a (dyn Fn(Hand<'_>) -> Result<(), ReadError> + Sync);

/// Rows handed from the reading thread to the one using them at a time.
const ROWS_AT_A_TIME: usize = 1_024;

/// Reads rows with `read` on a thread of its own and hands them to `each` on this one: the
/// file is parsed on one core while what the rows become is made on the other (an import's
/// last pass took the time of both, one after the other). At most a few batches wait.
fn beside(each: &mut dyn FnMut(&Row), read: Reading<'_>) -> Result<(), ReadError> {
    std::thread::scope(|scope| {
        let (to, from) = std::sync::mpsc::sync_channel::<Vec<Row>>(4);
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(ROWS_AT_A_TIME);
            let read = read(&mut |r| {
                batch.push(r);
                if batch.len() >= ROWS_AT_A_TIME {
                    // The user of the rows stopped: so does the reading.
                    to.send(std::mem::take(&mut batch))
                        .map_err(|_| ReadError::not_xlsx("stopped"))?;
                }
                Ok(())
            });
            if !batch.is_empty() {
                let _ = to.send(batch);
            }
            read
        });
        for batch in from {
            for r in &batch {
                each(r);
            }
        }
        reader.join().unwrap_or_else(|_| {
            Err(ReadError::not_xlsx(
                "the reader stopped on a part it could not read",
            ))
        })
    })
}

/// Which of `names` the import reads for each sheet, in [`SheetKind::ALL`]'s order: the
/// first sheet called so in either language; for the instruments, else the first sheet
/// called like none of the four.
pub fn choose(names: &[String]) -> [Option<usize>; 5] {
    let mut chosen = [None; 5];
    for (k, kind) in SheetKind::ALL.iter().enumerate() {
        chosen[k] = names.iter().position(|n| kind.is_named(n));
    }
    if chosen[0].is_none() {
        chosen[0] = names
            .iter()
            .position(|n| !SheetKind::ALL.iter().any(|k| k.is_named(n)));
    }
    chosen
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
    // Opened without waiting on a pipe; what is not a regular file is never read.
    let file = twe_core::files::open_no_wait(path).map_err(ReadError::Io)?;
    if !file.metadata().map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::NotAFile);
    }
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
        csv_source(bytes, &name)
    } else {
        read_workbook(&bytes)
    }
}

/// A CSV file's source: read once, for its glance and its bounds.
fn csv_source(bytes: Vec<u8>, name: &str) -> Result<Source, ReadError> {
    let mut glance = Glance::default();
    stream_csv(&bytes, &mut |r| {
        glance.see(&r);
        Ok(())
    })?;
    Ok(Source {
        csv: true,
        skipped: Vec::new(),
        sheets: vec![(name.to_string(), glance)],
        data: Data::Csv(bytes.into()),
    })
}

/// Unpacks every part of the workbook once, counting, so that a zip bomb is refused before
/// calamine unpacks anything into memory; a part that says how many shared strings it
/// holds may not claim more than its bytes can hold.
fn check_unpacked(bytes: &[u8], limit: u64, table_limit: u64) -> Result<u64, ReadError> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(ReadError::not_xlsx)?;
    // The parts on every core, their sizes added up together as they unpack.
    let total = AtomicU64::new(0);
    let table_bytes = AtomicU64::new(0);
    (0..zip.len()).into_par_iter().try_for_each(|i| {
        let mut zip = zip.clone();
        let entry = zip.by_index(i).map_err(ReadError::not_xlsx)?;
        // Only a part calamine may read as the shared-string table (its name, as calamine
        // finds it, ends so; one whose name cannot be read is counted too) is looked into.
        let table = entry.name().map_or(true, |n| {
            n.replace('\\', "/")
                .to_ascii_lowercase()
                .ends_with("sharedstrings.xml")
        });
        let mut sink = Unpacked {
            total: &total,
            limit,
            size: 0,
            strings: table.then(StringCounter::default),
        };
        match std::io::copy(&mut entry.take(limit + 1), &mut sink) {
            Ok(_) => {}
            Err(_) if total.load(Ordering::Relaxed) > limit => return Err(ReadError::Unpacks),
            Err(e) => return Err(ReadError::not_xlsx(e)),
        }
        if let Some(strings) = sink.strings {
            let (claimed, size) = (strings.claimed, sink.size);
            if claimed > size / 5 || claimed.max(strings.n) > MAX_SHARED_STRINGS {
                return Err(ReadError::not_xlsx(format!(
                    "{} shared strings claimed, {} held in {size} bytes",
                    claimed, strings.n
                )));
            }
            if table_bytes.fetch_add(size, Ordering::Relaxed) + size > table_limit {
                return Err(ReadError::Strings);
            }
        }
        Ok(())
    })?;
    Ok(table_bytes.into_inner())
}

/// Where a part unpacks to: counted into the workbook's total, refused past `limit`, and
/// its shared strings counted when it may be the table.
struct Unpacked<'a> {
    total: &'a std::sync::atomic::AtomicU64,
    limit: u64,
    size: u64,
    strings: Option<StringCounter>,
}

impl std::io::Write for Unpacked<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = buf.len() as u64;
        self.size += n;
        let total = self
            .total
            .fetch_add(n, std::sync::atomic::Ordering::Relaxed)
            + n;
        if total > self.limit {
            return Err(std::io::Error::other("unpacks past the bound"));
        }
        if let Some(strings) = &mut self.strings {
            strings.count(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Counts the shared strings (`<si>` elements, with or without a namespace prefix, their
/// closing tags not counted) of the bytes written to it, a chunk at a time.
#[derive(Default)]
struct StringCounter {
    /// How many were seen.
    n: u64,
    /// The most strings an `sst` start tag claimed (`uniqueCount`), wherever it stands.
    claimed: u64,
    /// The `sst` start tag being read, from after its name to its `>`.
    tag: Option<Vec<u8>>,
    /// The last bytes of the previous chunk: an element may start in one and end in the
    /// next, and a prefix is looked back on.
    tail: Vec<u8>,
}

/// How far back a namespace prefix's `<` is looked for.
const PREFIX: usize = 16;

impl StringCounter {
    fn count(&mut self, chunk: &[u8]) {
        let mut joined = std::mem::take(&mut self.tail);
        let skip = joined.len().saturating_sub(3);
        joined.extend_from_slice(chunk);
        let opens = |i: usize| -> bool {
            let w = &joined[i..i + 4];
            if w[1] != b's' || w[2] != b'i' || !b">/ \t\r\n".contains(&w[3]) {
                return false;
            }
            match w[0] {
                b'<' => true,
                // `<x:si>` opens; `</x:si>` closes.
                b':' => joined[i.saturating_sub(PREFIX)..i]
                    .iter()
                    .rposition(|&b| b == b'<')
                    .is_some_and(|p| joined.get(i.saturating_sub(PREFIX) + p + 1) != Some(&b'/')),
                _ => false,
            }
        };
        // Windows that start in the kept tail's last three bytes were not counted before.
        self.n += (skip..joined.len().saturating_sub(3))
            .filter(|&i| opens(i))
            .count() as u64;
        // A tag being read goes on with the new bytes; a new one may start a byte before
        // the windows not yet looked at (its name needs the byte after it).
        let from = if self.tag.is_some() {
            joined.len() - chunk.len()
        } else {
            skip.saturating_sub(1)
        };
        self.sst_tags(&joined, from);
        let keep = joined.len().min(PREFIX + 3);
        self.tail = joined[joined.len() - keep..].to_vec();
    }

    /// Reads the `sst` start tags (`<sst`, `<x:sst`) in `joined` from `from` on, keeping
    /// the largest `uniqueCount` claimed: calamine reserves room for that many strings
    /// before reading one, so a claim is checked wherever the tag stands in the part.
    fn sst_tags(&mut self, joined: &[u8], from: usize) {
        let mut i = from;
        while i < joined.len() {
            if let Some(tag) = &mut self.tag {
                let end = joined[i..].iter().position(|&b| b == b'>');
                let upto = end.map_or(joined.len(), |e| i + e);
                // A start tag longer than 64 KB is no table's: its claim is what was read.
                if tag.len() < 64 << 10 {
                    tag.extend_from_slice(&joined[i..upto.min(i + (64 << 10))]);
                }
                if end.is_none() {
                    return;
                }
                let claim = unique_count(tag).unwrap_or(0);
                self.claimed = self.claimed.max(claim);
                self.tag = None;
                i = upto + 1;
                continue;
            }
            let w = &joined[i..(i + 4).min(joined.len())];
            if w.len() == 4
                && matches!(w[0], b'<' | b':')
                && &w[1..] == b"sst"
                && joined
                    .get(i + 4)
                    .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>')
            {
                self.tag = Some(Vec::new());
                i += 4;
                continue;
            }
            i += 1;
        }
    }
}

impl std::io::Write for StringCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.count(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The `uniqueCount` attribute of a start tag's text (`sst uniqueCount="12" …`), read as
/// quick-xml reads it for calamine: the attribute of exactly that name.
fn unique_count(tag: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(tag);
    let mut rest = text.as_ref();
    while let Some(at) = rest.find("uniqueCount") {
        let before = rest[..at].chars().next_back();
        let after = rest[at + "uniqueCount".len()..].trim_start();
        if before.is_some_and(char::is_whitespace)
            && let Some(value) = after.strip_prefix('=')
        {
            let value = value.trim_start();
            let value = value.strip_prefix(['"', '\'']).unwrap_or(value);
            let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
            // A number too long to parse claims more than any table holds.
            return Some(digits.parse().unwrap_or(u64::MAX));
        }
        rest = &rest[at + 1..];
    }
    None
}

/// The sheets of an `.xlsx` workbook the import reads (see [`read_workbook`]), held whole.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    check_unpacked(bytes, MAX_UNPACKED_BYTES, MAX_SHARED_STRING_BYTES)?;
    let names = guarded(|| chosen_sheets(bytes).map(|(names, _)| names))?;
    let mut tables: Vec<Table> = names
        .iter()
        .map(|n| Table {
            name: n.clone(),
            rows: Vec::new(),
        })
        .collect();
    guarded(|| {
        stream_sheets(bytes, &names, &mut |i, r| {
            tables[i].rows.push(r);
            Ok(())
        })
    })?;
    Ok(tables)
}

/// Reads an `.xlsx` workbook: the four sheets of a caseload as [`choose`] finds them, each
/// once, for their glance and their bounds; the other worksheets' names, unread; chart
/// sheets passed over. The bytes are kept to read the rows again, a sheet at a time.
pub fn read_workbook(bytes: &[u8]) -> Result<Source, ReadError> {
    use rayon::prelude::*;
    let table = check_unpacked(bytes, MAX_UNPACKED_BYTES, MAX_SHARED_STRING_BYTES)?;
    let (names, skipped) = guarded(|| chosen_sheets(bytes))?;
    // The sheets on every core, each bounded alone while it is read, then together; one at
    // a time when the workbook has a shared-string table, which each opening holds whole.
    let cores = if table > 0 { 1 } else { names.len().max(1) };
    let read: Vec<(Glance, Budget)> = names
        .par_iter()
        .with_min_len(names.len().div_ceil(cores).max(1))
        .map(|name| {
            guarded(|| {
                let mut book = open_book(bytes)?;
                let (mut glance, mut budget) = (Glance::default(), Budget::default());
                stream_sheet(&mut book, name, &mut budget, &mut |r| {
                    glance.see(&r);
                    Ok(())
                })?;
                Ok((glance, budget))
            })
        })
        .collect::<Result<_, _>>()?;
    let mut total = Budget::default();
    let mut glances = Vec::with_capacity(read.len());
    for (glance, budget) in read {
        total
            .merge(&budget)
            .map_err(|b| ReadError::TooBig(None, b))?;
        glances.push(glance);
    }
    Ok(Source {
        csv: false,
        skipped,
        sheets: names.into_iter().zip(glances).collect(),
        data: Data::Xlsx(bytes.into()),
    })
}

/// A panic in the reader is a refused file, never a crashed window.
fn guarded<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ReadError::not_xlsx(
            "the reader stopped on a part it could not read",
        ))
    })
}

fn open_book(bytes: &[u8]) -> Result<calamine::Xlsx<Cursor<&[u8]>>, ReadError> {
    use calamine::Reader;
    calamine::Xlsx::new(Cursor::new(bytes)).map_err(ReadError::not_xlsx)
}

/// The worksheets the import reads, in [`SheetKind::ALL`]'s order, and the others' names.
fn chosen_sheets(bytes: &[u8]) -> Result<(Vec<String>, Vec<String>), ReadError> {
    use calamine::{Reader, SheetType};
    let book = open_book(bytes)?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let chosen = choose(&names);
    let read = chosen.iter().flatten().map(|i| names[*i].clone()).collect();
    let skipped = names
        .iter()
        .enumerate()
        .filter(|(i, _)| !chosen.contains(&Some(*i)))
        .map(|(_, n)| n.clone())
        .collect();
    Ok((read, skipped))
}

/// Hands each row of the sheets `names` to `each` (the sheet's index in `names`, the row),
/// a row at a time, within the bounds, all the sheets counted together.
fn stream_sheets(
    bytes: &[u8],
    names: &[String],
    each: &mut dyn FnMut(usize, Row) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let mut book = open_book(bytes)?;
    let mut budget = Budget::default();
    for (i, name) in names.iter().enumerate() {
        stream_sheet(&mut book, name, &mut budget, &mut |r| each(i, r))?;
    }
    Ok(())
}

fn stream_sheet(
    book: &mut calamine::Xlsx<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget,
    each: &mut dyn FnMut(Row) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let too_big = |bound| ReadError::TooBig(Some(name.to_string()), bound);
    let failed = |e: calamine::XlsxError| ReadError::not_xlsx(format!("{name}: {e}"));
    let mut reader = book.worksheet_cells_reader(name).map_err(failed)?;
    let mut row: Option<Row> = None;
    // With the formula's metadata (never expanded text): a formula cell is read by its
    // cached value, and one without any is a problem of its row, not an empty cell.
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(failed)? {
        // Cells streamed are bounded as cells kept are: the export counts what it writes
        // against the one number, and a file of ours keeps at least the cells it holds.
        budget.cells += 1;
        if budget.cells > MAX_STORED_CELLS {
            return Err(too_big(Bound::Cells));
        }
        let (r, c) = cell.pos;
        let (c, number) = (c as usize, r.saturating_add(1));
        if c >= MAX_COLUMNS {
            continue;
        }
        let value = match (&cell.value, &cell.formula) {
            (calamine::DataRef::Empty, Some(_)) => Value::Uncalculated,
            (v, _) => value_of(v, budget).map_err(|e| match e {
                ReadError::TooBig(_, bound) => too_big(bound),
                e => e,
            })?,
        };
        if value.is_empty() {
            continue;
        }
        if number > MAX_SHEET_ROWS {
            return Err(too_big(Bound::Rows));
        }
        // Cells come row by row; a row begins when its first non-empty cell comes, and is
        // handed on when the next one begins.
        if row.as_ref().is_none_or(|r| r.number != number) {
            if let Some(done) = row.take() {
                each(done)?;
            }
            row = Some(Row {
                number,
                cells: Vec::new(),
            });
        }
        if let Some(row) = row.as_mut() {
            if row.cells.len() <= c {
                // Cells out of order (row 1, row 2, row 1…) start a row each: what is kept
                // is counted, not only what is streamed.
                budget.store(c + 1 - row.cells.len()).map_err(too_big)?;
                row.cells.resize(c + 1, Value::Empty);
            }
            row.cells[c] = value;
        }
    }
    if let Some(done) = row {
        each(done)?;
    }
    Ok(())
}

/// Excel's serial days that are days it can show: 1 March 1900 (61; before it Excel counts
/// a 29 February 1900 that never was) to 31 December 9999.
const EXCEL_DAYS: std::ops::Range<f64> = 61.0..2_958_466.0;

fn value_of(v: &calamine::DataRef<'_>, budget: &mut Budget) -> Result<Value, ReadError> {
    use calamine::{DataRef, DataType};
    Ok(match v {
        DataRef::Empty => Value::Empty,
        DataRef::String(s) | DataRef::DurationIso(s) => Value::text(s, budget)?,
        DataRef::SharedString(s) => Value::text(s, budget)?,
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => {
            let serial = d.as_f64();
            match v.as_date() {
                Some(date) if EXCEL_DAYS.contains(&serial) => Value::Date(date),
                _ => Value::BadDate(number_text(serial)),
            }
        }
        DataRef::DateTime(d) => Value::Number(d.as_f64()),
        DataRef::DateTimeIso(s) => match v.as_date() {
            Some(d) if (1900..=9999).contains(&d.year()) => Value::Date(d),
            Some(_) => Value::BadDate(s.clone()),
            None => Value::text(s, budget)?,
        },
        DataRef::Error(e) => Value::Error(e.to_string()),
    })
}

/// The rows of a CSV file, held whole (see [`stream_csv`]).
pub fn read_csv(bytes: &[u8], name: &str) -> Result<Table, ReadError> {
    let mut rows = Vec::new();
    stream_csv(bytes, &mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok(Table {
        name: name.to_string(),
        rows,
    })
}

/// The rows of a CSV file: `;`, `,` or tab, whichever the first line holds most of outside
/// quotes (Excel writes `;` where the decimal comma is Flemish). Each cell is UTF-8 when it
/// is valid UTF-8 and Windows-1252 otherwise (what Excel writes on a Western Windows), so a
/// file pasted together from both reads right; a file in UTF-16 (Excel's "Unicode text")
/// is read as such.
fn stream_csv(
    bytes: &[u8],
    each: &mut dyn FnMut(Row) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let utf16 = [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ]
    .into_iter()
    .find(|(bom, _)| bytes.starts_with(bom));
    let decoded: Vec<u8>;
    let data: &[u8] = if let Some((bom, encoding)) = utf16 {
        decoded = encoding
            .decode_without_bom_handling(&bytes[bom.len()..])
            .0
            .into_owned()
            .into_bytes();
        &decoded
    } else {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    };
    // DOMAIN.md: each cell, the header's included, is UTF-8 where it is valid UTF-8 and
    // Windows-1252 where it is not, byte order mark or not: a file pasted together from
    // both reads right (a whole file read as Windows-1252 made "Zoë" of UTF-8 "ZoÃ«", and
    // left a sheet out whose header "cliënt" was UTF-8).
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(data))
        .from_reader(data);
    let mut record = csv::ByteRecord::new();
    let mut budget = Budget::default();
    // The csv crate skips blank lines, which a spreadsheet shows as rows, and its record
    // positions start at the previous line's end: the row is the line a record's first
    // cell is on, less the line breaks inside quoted cells before it (they stay in a row).
    // A line break is CR LF, LF or CR alone (Excel for Mac).
    let (mut scanned, mut line, mut inside) = (0usize, 1usize, 0usize);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(ReadError::not_xlsx(e)),
        }
        let mut start = record
            .position()
            .map_or(scanned, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .clamp(scanned, data.len());
        while data.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        line += line_breaks(&data[scanned..start]);
        scanned = start;
        let number = u32::try_from(line - inside).unwrap_or(u32::MAX);
        inside += record.iter().map(line_breaks).sum::<usize>();
        if number > MAX_SHEET_ROWS {
            return Err(ReadError::TooBig(None, Bound::Rows));
        }
        let cells = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|field| {
                let text = match std::str::from_utf8(field) {
                    Ok(t) => Cow::Borrowed(t),
                    Err(_) => {
                        encoding_rs::WINDOWS_1252
                            .decode_without_bom_handling(field)
                            .0
                    }
                };
                Value::text(&text, &mut budget)
            })
            .collect::<Result<Vec<Value>, ReadError>>()?;
        if cells.iter().any(|c| !c.is_empty()) {
            budget
                .store(cells.len())
                .map_err(|b| ReadError::TooBig(None, b))?;
            each(Row { number, cells })?;
        }
    }
    Ok(())
}

/// The line breaks in `bytes`: CR LF, LF, or CR alone, each one.
fn line_breaks(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                n += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}

/// `;`, `,` or tab: whichever the first non-empty line holds most of outside quotes (`;`
/// on a tie).
fn delimiter(data: &[u8]) -> u8 {
    let mut quoted = false;
    let mut counts = [0usize; 3];
    let mut seen = false;
    for &b in data {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b',' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            b'\n' | b'\r' if !quoted && seen => break,
            _ => {}
        }
        seen |= !b.is_ascii_whitespace();
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b';', b',', b'\t'][best]
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
        assert_eq!(delimiter(b"\n\n a;b,c;d\n,,,,"), b';');
        assert_eq!(delimiter(b"\"a;b\",c"), b',');
        assert_eq!(delimiter(b"id\tnaam;x\tocmw"), b'\t');
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
        let dossiers: Vec<twe_core::model::Dossier> = twe_core::sample::load()
            .dossiers
            .into_iter()
            .take(4)
            .map(|d| d.dossier)
            .collect();
        let refs: Vec<&twe_core::model::Dossier> = dossiers.iter().collect();
        super::super::workbook(&super::super::sheets(&refs, twe_core::lang::Lang::Nl)).unwrap()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Whatever a CSV file holds, it is read or refused, and the import answers: no
        /// panic, no hang.
        #[test]
        fn any_bytes_as_csv_are_read_or_refused(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            if let Ok(t) = read_csv(&bytes, "x.csv") {
                let got = super::super::import(&super::super::Preview::of(Source::of_tables(vec![t], true)));
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
                // The property is that the import answers at all: what it answers about a
                // damaged file is the business of the tests that make one on purpose.
                let imported = super::super::import(&super::super::Preview::of(Source::of_tables(tables, false)));
                drop(imported);
            }
        }
    }

    #[test]
    fn a_shared_string_table_claiming_more_than_it_holds_is_refused() {
        use std::io::Write;
        // calamine reserves room for what the table claims before reading it: u64::MAX
        // panicked, 3e17 aborted the process.
        for claim in ["18446744073709551615", "300000000000000000", "1000000000"] {
            // A workbook as Excel saves it, with a shared-string table (ours write the text
            // in the cells).
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            for (r, t) in ["Id", "GENT-2017-0001", "An Peeters"].iter().enumerate() {
                sheet.write_string(r as u32, 0, *t).unwrap();
            }
            let mut bytes = book.save_to_buffer().unwrap();
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
            let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i).unwrap();
                let name = entry.name().unwrap().to_string();
                let mut content = Vec::new();
                entry.read_to_end(&mut content).unwrap();
                if name == "xl/sharedStrings.xml" {
                    let text = String::from_utf8(content).unwrap();
                    let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                    let end = at + text[at..].find('"').unwrap();
                    content = format!("{}{claim}{}", &text[..at], &text[end..]).into_bytes();
                }
                out.start_file(name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                out.write_all(&content).unwrap();
            }
            bytes = out.finish().unwrap().into_inner();
            assert!(
                matches!(read_xlsx(&bytes), Err(ReadError::NotASpreadsheet(ref why)) if why.contains("shared strings")),
                "{claim}"
            );
        }
    }

    #[test]
    fn an_sst_claim_is_read_wherever_the_tag_stands_and_across_chunks() {
        let pad = " ".repeat(9000);
        let xml = format!(
            "<?xml?><!--{pad}--><x:sst xuniqueCount=\"1\" count=\"3\"\n uniqueCount=\"300000000000000000\"><x:si/></x:sst>"
        );
        for split in (0..xml.len()).step_by(97).chain([9010, 9020, 9030]) {
            let mut c = StringCounter::default();
            c.count(&xml.as_bytes()[..split]);
            c.count(&xml.as_bytes()[split..]);
            assert_eq!(c.claimed, 300_000_000_000_000_000, "split at {split}");
            assert_eq!(c.n, 1);
        }
        assert_eq!(unique_count(b" uniqueCount='7'"), Some(7));
        assert_eq!(unique_count(b" xuniqueCount=\"7\""), None);
    }

    #[test]
    fn shared_strings_are_counted_across_chunks() {
        let xml = b"<sst><si><t>a</t></si><x:si>b</x:si><si/><sig>c</sig><si\n></si></sst>";
        for split in 0..xml.len() {
            let mut c = StringCounter::default();
            c.count(&xml[..split]);
            c.count(&xml[split..]);
            assert_eq!(c.n, 4, "split at {split}");
        }
    }

    #[test]
    fn cells_kept_are_counted_not_only_cells_streamed() {
        // One cell in the 64th column on each line keeps 64 cells a line: a quarter of a
        // million lines, a few million cells streamed, pass the bound on cells kept.
        let mut csv = String::from("id\n");
        for _ in 0..=MAX_STORED_CELLS / 64 {
            csv.push_str(&";".repeat(63));
            csv.push_str("x\n");
        }
        assert!(matches!(
            read_csv(csv.as_bytes(), "x.csv"),
            Err(ReadError::TooBig(None, _))
        ));
    }

    #[test]
    fn a_cell_is_cut_and_the_text_kept_is_bounded() {
        let mut budget = Budget::default();
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let Value::TooLong(t) = Value::text(&long, &mut budget).unwrap() else {
            panic!("cut text")
        };
        assert_eq!(t.chars().count(), MAX_CELL_CHARS);
        budget.cost.text = super::super::limits::MAX_TEXT_BYTES;
        assert!(matches!(
            Value::text("x", &mut budget),
            Err(ReadError::TooBig(None, _))
        ));
    }

    #[test]
    fn only_the_caseload_sheets_are_read_and_a_date_that_is_no_day_is_said() {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let ws = book.add_worksheet();
        ws.set_name("Overzicht").unwrap();
        ws.write_string(0, 0, "vrij").unwrap();
        let ws = book.add_worksheet();
        ws.set_name("instruments").unwrap();
        ws.write_number_with_format(0, 0, 20_210_201.0, &date)
            .unwrap();
        ws.write_number_with_format(0, 1, 44_000.0, &date).unwrap();
        ws.write_number_with_format(0, 2, 60.0, &date).unwrap();
        let ws = book.add_worksheet();
        ws.set_name("Instrumenten").unwrap();
        // A stray cell far down another sheet does not make this one too large.
        ws.write_string(0, 0, "x").unwrap();
        let source = read_workbook(&book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(source.names(), ["instruments"]);
        assert_eq!(source.skipped, ["Overzicht", "Instrumenten"]);
        let cells = &source.glance(0).unwrap().head[0].cells;
        assert_eq!(cells[0], Value::BadDate("20210201".into()));
        assert_eq!(
            cells[1],
            Value::Date(NaiveDate::from_ymd_opt(2020, 6, 18).unwrap())
        );
        assert_eq!(
            cells[2],
            Value::BadDate("60".into()),
            "29 February 1900 never was"
        );
    }

    #[test]
    fn empty_cells_far_down_do_not_count_as_rows() {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.write_string(0, 0, "dossier").unwrap();
        ws.write_blank(1_048_575, 0, &Format::new().set_bold())
            .unwrap();
        let tables = read_xlsx(&book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(tables[0].rows.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("lijst.csv");
        // std makes no pipes: the mkfifo command (coreutils) does.
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert!(matches!(read_path(&fifo), Err(ReadError::NotAFile)));
        let device = dir.path().join("nul.csv");
        std::os::unix::fs::symlink("/dev/zero", &device).unwrap();
        assert!(matches!(read_path(&device), Err(ReadError::NotAFile)));
    }

    /// A shared-string table the reader would hold whole is bounded apart from the other
    /// parts, wherever it stands and however its name is written; one just within passes.
    #[test]
    fn a_shared_string_table_is_bounded_apart() {
        use std::io::Write;
        let table = |strings: usize, name: &str| {
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file(name, options).unwrap();
            write!(zip, "<sst uniqueCount=\"{strings}\">").unwrap();
            let si = "<si><t>abcdefghijklmnopqrstuvwxyz</t></si>";
            for _ in 0..strings {
                zip.write_all(si.as_bytes()).unwrap();
            }
            zip.write_all(b"</sst>").unwrap();
            zip.finish().unwrap().into_inner()
        };
        // 40 bytes a string; the check with a bound of 1 MB (the real one, 64 MB, takes
        // seconds to pass): 30,000 strings are 1.2 MB, 20,000 are 0.8 MB.
        let limit = 1 << 20;
        for name in [
            "xl/sharedStrings.xml",
            "XL\\SHAREDSTRINGS.XML",
            "x/sharedstrings.xml",
        ] {
            assert!(
                matches!(
                    check_unpacked(&table(30_000, name), MAX_UNPACKED_BYTES, limit),
                    Err(ReadError::Strings)
                ),
                "{name}"
            );
        }
        let within = table(20_000, "xl/sharedStrings.xml");
        assert!(check_unpacked(&within, MAX_UNPACKED_BYTES, limit).is_ok());
        let elsewhere = table(30_000, "xl/worksheets/sheet1.xml");
        assert!(
            check_unpacked(&elsewhere, MAX_UNPACKED_BYTES, limit).is_ok(),
            "not the table"
        );
        assert!(
            ReadError::Strings
                .message(twe_core::lang::Lang::En)
                .contains("more than 64 MB")
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_unpacked() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let block = vec![b'a'; 1 << 20];
        // The check with a bound of 64 MB: the real one (1 GB) takes seconds to pass.
        let limit = 64 << 20;
        for _ in 0..=(limit >> 20) {
            zip.write_all(&block).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 2 << 20, "{}", bytes.len());
        assert!(matches!(
            check_unpacked(&bytes, limit, MAX_SHARED_STRING_BYTES),
            Err(ReadError::Unpacks)
        ));
        assert!(check_unpacked(&bytes, 2 * limit, MAX_SHARED_STRING_BYTES).is_ok());
    }
}

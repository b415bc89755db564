//! From read tables to dossiers (DOMAIN.md, «Spreadsheets»): the header found and
//! recognised per sheet, one dossier per id, every row that cannot be read reported as
//! `SHEET!ROW: column: problem` with its whole dossier left out. Rule findings are no
//! import errors: a dossier that breaks rules imports.

use super::columns::{Column, Layout, SheetKind};
use super::read::{ReadError, Row, Source, Value, number_text};
use super::words::{self, Accepted, KindWord};
use chrono::NaiveDate;
use std::collections::HashMap;
use twe_core::lang::Lang;
use twe_core::model::{
    Activity, Document, Dossier, Instrument, InstrumentKind, Outcome, Status, bounds,
};

/// What is wrong with a cell or a row.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A required cell is empty.
    Empty,
    /// Not a date.
    NotADate(String),
    /// A number where a date belongs (a date cell formatted as a number, or a year alone).
    NumberNotDate(String),
    /// Not one of the accepted words (which it lists).
    Unknown {
        /// The cell.
        value: String,
        /// The accepted spellings.
        accepted: String,
    },
    /// A dossier-level cell that differs from the dossier's first row.
    Disagrees {
        /// The cell.
        value: String,
        /// The first row's number and cell.
        first_row: u32,
        /// What the first row says.
        first: String,
    },
    /// A second outcome for a dossier.
    SecondOutcome(u32),
    /// A dossier the instruments sheet does not have (or left out), and one it has whose
    /// id differs only in case or spaces.
    NoDossier(String, Option<String>),
    /// A required column the sheet lacks: the sheet is left out.
    MissingColumn,
    /// A spreadsheet error value such as `#REF!`.
    CellError(String),
    /// A formula whose value was never computed.
    Uncalculated,
    /// The dossier goes past a bound of the file contract (too many items, a text too long).
    Bound(bounds::Exceeded),
    /// The instruments sheet was not found or has no header.
    NoInstruments,
    /// A cell of more than 4,096 characters.
    TooLong,
    /// The sheet could not be read again (in Dutch, in English): what it holds is left out.
    Unread(String, String),
}

/// A row the import could not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The sheet's name in the file.
    pub sheet: String,
    /// The row's number as the spreadsheet shows it.
    pub row: u32,
    /// The column's header in the file.
    pub column: String,
    /// What is wrong.
    pub what: What,
}

impl Problem {
    /// `SHEET!ROW: column: problem`, the problem in `lang`. Cell text is shown quoted and
    /// cut short, never raw: a cell may hold anything.
    #[expect(
        clippy::too_many_lines,
        reason = "a table of messages: one arm per problem, each in both languages"
    )]
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.what {
            What::Empty => lang.pick("leeg", "empty").to_string(),
            What::NotADate(v) => format!(
                "{} {}",
                shown(v),
                lang.pick(
                    "is geen datum (dd/mm/jjjj of jjjj-mm-dd)",
                    "is not a date (dd/mm/yyyy or yyyy-mm-dd)"
                )
            ),
            What::NumberNotDate(v) => format!(
                "{} {}",
                shown(v),
                lang.pick(
                    "is een getal, geen datum: maak van de cel een datum of schrijf dd/mm/jjjj",
                    "is a number, not a date: format the cell as a date or write dd/mm/yyyy"
                )
            ),
            What::Unknown { value, accepted } => format!(
                "{} {} {accepted}",
                shown(value),
                lang.pick("is onbekend; mogelijk:", "is unknown; accepted:")
            ),
            What::Disagrees {
                value,
                first_row,
                first,
            } => format!(
                "{} {} {first_row} ({})",
                shown(value),
                lang.pick("verschilt van rij", "differs from row"),
                shown(first)
            ),
            What::SecondOutcome(first) => format!(
                "{} {first}",
                lang.pick(
                    "een tweede resultaat voor dit dossier; het eerste staat op rij",
                    "a second outcome for this dossier; the first is on row"
                )
            ),
            What::NoDossier(id, near) => {
                let not = format!(
                    "{} {}",
                    shown(id),
                    lang.pick(
                        "staat niet (foutloos) op het instrumentenblad",
                        "is not (without errors) on the instruments sheet"
                    )
                );
                match near {
                    Some(n) => format!(
                        "{not}; {} {} {}",
                        lang.pick("bedoeld:", "meant:"),
                        shown(n),
                        lang.pick(
                            "(let op hoofdletters en spaties)?",
                            "(mind case and spaces)?"
                        )
                    ),
                    None => not,
                }
            }
            What::MissingColumn => lang
                .pick(
                    "kolom ontbreekt; het blad wordt overgeslagen",
                    "column missing; the sheet is left out",
                )
                .to_string(),
            What::Uncalculated => lang
                .pick(
                    "een formule zonder berekende waarde; open het bestand in Excel of LibreOffice en bewaar het opnieuw, dan staan de waarden erin",
                    "a formula without a computed value; open the file in Excel or LibreOffice and save it again, then the values are in it",
                )
                .to_string(),
            What::CellError(e) => {
                format!("{} {}", lang.pick("foutwaarde", "error value"), shown(e))
            }
            What::Bound(b) => match b {
                bounds::Exceeded::Items { count, .. } => format!(
                    "{count} {} {}",
                    lang.pick("items; het maximum is", "items; the most allowed is"),
                    bounds::MAX_ITEMS
                ),
                // The count is not given: a cell is read only to a few thousand characters.
                bounds::Exceeded::Text { .. } => format!(
                    "{} {} {}",
                    lang.pick("te lang: meer dan", "too long: over"),
                    bounds::MAX_TEXT_CHARS,
                    lang.pick("tekens", "characters")
                ),
            },
            What::TooLong => format!(
                "{} {} {}",
                lang.pick("te lang: meer dan", "too long: over"),
                super::read::MAX_CELL_CHARS,
                lang.pick("tekens", "characters")
            ),
            What::Unread(nl, en) => format!(
                "{} {}",
                lang.pick("kon niet opnieuw gelezen worden:", "could not be read again:"),
                lang.pick(nl, en)
            ),
            What::NoInstruments => lang
                .pick(
                    "geen instrumentenblad met een kopregel (dossier, cliënt, ocmw, start traject)",
                    "no instruments sheet with a header (id, client, ocmw, trajectory start)",
                )
                .to_string(),
        };
        format!(
            "{}!{}: {}: {what}",
            twe_core::lang::terminal_safe(&self.sheet),
            self.row,
            twe_core::lang::terminal_safe(&self.column)
        )
    }
}

/// A cell's text for a message: quoted, control characters made visible, cut at 60
/// characters.
fn shown(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().nth(60).is_some() {
        s.push('…');
    }
    format!("«{}»", twe_core::lang::terminal_safe(&s))
}

/// How a source's sheets were understood: the layout of each sheet found, and where its
/// rows are.
#[derive(Clone, Debug)]
pub struct Preview {
    /// The sheets found, with their layout and data rows (the header row not among them).
    pub sheets: Vec<(Layout, SheetRows)>,
    /// Whether the source is a CSV file (instruments only).
    pub csv: bool,
    /// The worksheets left unread (no caseload sheet's name, or a second of a kind).
    pub skipped: Vec<String>,
    /// The first sheet's name (a CSV file's name), for a problem with no sheet found.
    first_name: String,
    /// What finding the sheets left aside (rows above a header).
    pub notes: Vec<Note>,
    /// The day and the author a remarks column's notes get: the import's.
    pub remarks: (chrono::NaiveDate, String),
    /// The rows, read again at each pass of the import.
    source: Source,
}

/// Where a sheet's data rows are among the rows of its source's sheet: after the header,
/// before a footer, read again when the import needs them (never held).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SheetRows {
    /// The sheet's index in the source.
    table: usize,
    /// Rows before the first data row (the header and what stands above it).
    skip: usize,
    /// Data rows.
    count: usize,
}

impl SheetRows {
    /// How many data rows the sheet has.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

impl Preview {
    /// Finds the four sheets of `source` by name (else the first sheet is the instruments)
    /// and recognises each one's header: its first non-empty row.
    pub fn of(source: Source) -> Preview {
        let csv = source.csv;
        let mut skipped = source.skipped.clone();
        let names = source.names();
        let first_name = names.first().cloned().unwrap_or_default();
        let chosen = super::read::choose(&names);
        let mut taken = vec![false; names.len()];
        let mut sheets = Vec::new();
        let mut notes = Vec::new();
        for (kind, found) in SheetKind::ALL.into_iter().zip(chosen) {
            let Some((i, glance)) = found.and_then(|i| source.glance(i).map(|g| (i, g))) else {
                continue;
            };
            taken[i] = true;
            let name = &names[i];
            // The header is the first row that reads as one (an OCMW's sheet often has a
            // title and a blank row above its table); failing that, the first row, whose
            // missing columns the preview then names.
            let at = glance
                .head
                .iter()
                .position(|r| {
                    let cells: Vec<String> = r.cells.iter().map(Value::shown).collect();
                    Layout::is_header(kind, &cells)
                })
                .unwrap_or(0);
            let Some(header) = glance.head.get(at) else {
                continue;
            };
            if at > 0 {
                notes.push(Note::AboveHeader(
                    name.clone(),
                    glance.head[0].number,
                    glance.head[at - 1].number,
                ));
            }
            // Lines of text under the table ("Totaal: 5 cliënten") are a footer, not a
            // dossier and not an error: one text cell alone can be no row of any sheet.
            let data = glance.rows - at - 1;
            let footers = glance.text_tail.len().min(data);
            for number in glance.text_tail[glance.text_tail.len() - footers..]
                .iter()
                .rev()
            {
                notes.push(Note::Footer(name.clone(), *number));
            }
            // A column with data but no header cell is still a column: the preview lets
            // the user say what it holds.
            // The footer's lines left out: they do not widen the table.
            let end = (glance.rows - footers).min(glance.head.len()).max(at + 1);
            let width = glance.head[at..end]
                .iter()
                .map(|r| r.cells.len())
                .chain([glance.width_after_head])
                .max()
                .unwrap_or(0);
            let mut headers: Vec<String> = header.cells.iter().map(Value::shown).collect();
            headers.resize(width, String::new());
            let layout = Layout::recognise(kind, name, header.number, headers);
            sheets.push((
                layout,
                SheetRows {
                    table: i,
                    skip: at + 1,
                    count: data - footers,
                },
            ));
        }
        skipped.extend(
            names
                .iter()
                .zip(&taken)
                .filter(|(_, t)| !**t)
                .map(|(n, _)| n.clone()),
        );
        Preview {
            sheets,
            csv,
            skipped,
            first_name,
            notes,
            remarks: (
                chrono::Local::now().date_naive(),
                std::env::var("USER")
                    .or_else(|_| std::env::var("USERNAME"))
                    .unwrap_or_default(),
            ),
            source,
        }
    }

    /// Hands each data row of `sheet` to `each`, reading the file again.
    fn rows(&self, sheet: SheetRows, each: &mut dyn FnMut(&Row)) -> Result<(), ReadError> {
        let mut seen = 0;
        self.source.rows(sheet.table, &mut |r| {
            if seen >= sheet.skip && seen < sheet.skip + sheet.count {
                each(r);
            }
            seen += 1;
        })
    }

    /// The day and author notes from a remarks column get (the command line's `--today`,
    /// the window's "me"); by default today and the user logged in.
    #[must_use]
    pub fn remarks_by(mut self, day: chrono::NaiveDate, author: Option<&str>) -> Self {
        self.remarks.0 = day;
        if let Some(a) = author {
            self.remarks.1 = a.to_string();
        }
        self
    }

    /// The layout of `kind`'s sheet, if found.
    pub fn layout_mut(&mut self, kind: SheetKind) -> Option<&mut Layout> {
        self.sheets
            .iter_mut()
            .find(|(l, _)| l.sheet == kind)
            .map(|(l, _)| l)
    }
}

/// The result of an import.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The dossiers read without a problem, in the order of the instruments sheet.
    pub dossiers: Vec<Dossier>,
    /// The rows that could not be read, sheet by sheet, row by row.
    pub problems: Vec<Problem>,
    /// How many dossiers were left out for a problem.
    pub left_out: usize,
    /// What was read but may not be what the user meant (a header or sheet left aside, ids
    /// that differ only in case or spaces): no problem, but never silent.
    pub notes: Vec<Note>,
}

impl Imported {
    /// How many rows could not be read (a row with two problems is one row; a missing
    /// column is no row).
    pub fn rows_failed(&self) -> usize {
        let mut rows: Vec<(&str, u32)> = self
            .problems
            .iter()
            .filter(|p| !matches!(p.what, What::MissingColumn | What::NoInstruments))
            .map(|p| (p.sheet.as_str(), p.row))
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    }

    /// "N rows could not be read, M dossiers left out", as the command line and the window
    /// say it after an import.
    pub fn unread(&self, lang: Lang) -> String {
        let rows = self.rows_failed() as i64;
        format!(
            "{} {}, {} {}",
            twe_core::lang::count(rows, lang, ("rij", "rijen"), ("row", "rows")),
            lang.pick("niet leesbaar", "could not be read"),
            twe_core::lang::dossiers(self.left_out as i64, lang),
            lang.pick("weggelaten", "left out"),
        )
    }
}

/// Something the import read that may not be what the user meant.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// A header no column is called (sheet, row, header): its cells are not imported.
    Header(String, u32, String),
    /// A worksheet left unread.
    Sheet(String),
    /// Ids that differ only in case, spaces or how their letters are encoded (Unicode
    /// normalisation): imported as separate dossiers.
    SimilarIds(Vec<String>),
    /// Rows above a sheet's header (sheet, first and last row): a title, not data.
    AboveHeader(String, u32, u32),
    /// A line of text under a sheet's table (sheet, row): a footer, not data.
    Footer(String, u32),
}

impl Note {
    /// The note in `lang`, terminal-safe.
    pub fn message(&self, lang: Lang) -> String {
        let head = lang.pick("let op", "note");
        match self {
            Note::Header(sheet, row, header) => format!(
                "{head}: {}!{row}: {} {}",
                twe_core::lang::terminal_safe(sheet),
                shown(header),
                lang.pick(
                    "is geen gekende kolom; de cellen eronder worden niet ingelezen",
                    "is no known column; the cells under it are not imported"
                )
            ),
            Note::Sheet(sheet) => format!(
                "{head}: {} {}",
                shown(sheet),
                lang.pick(
                    "is geen blad van een caseload (Instrumenten, Documenten, Activiteiten, Resultaat) of een tweede van een soort; niet ingelezen",
                    "is no caseload sheet (Instruments, Documents, Activities, Outcome) or a second of a kind; not read"
                )
            ),
            Note::AboveHeader(sheet, first, last) => {
                let (rows, said) = if first == last {
                    (
                        format!("{}{first}", lang.pick("rij ", "row ")),
                        lang.pick(
                            "staat boven de kopregel (een titel) en wordt niet ingelezen",
                            "stands above the header (a title) and is not imported",
                        ),
                    )
                } else {
                    (
                        format!("{}{first}–{last}", lang.pick("rijen ", "rows ")),
                        lang.pick(
                            "staan boven de kopregel (een titel) en worden niet ingelezen",
                            "stand above the header (a title) and are not imported",
                        ),
                    )
                };
                format!("{head}: {}!{rows} {said}", twe_core::lang::terminal_safe(sheet))
            }
            Note::Footer(sheet, row) => format!(
                "{head}: {}!{row} {}",
                twe_core::lang::terminal_safe(sheet),
                lang.pick(
                    "is een regel tekst onder de tabel (een voetregel) en wordt niet ingelezen",
                    "is a line of text under the table (a footer) and is not imported"
                )
            ),
            Note::SimilarIds(ids) => format!(
                "{head}: {} {}",
                ids.iter().map(|i| shown(i)).collect::<Vec<_>>().join(", "),
                lang.pick(
                    "verschillen alleen in hoofdletters, spaties of de codering van hun letters: ingelezen als aparte dossiers",
                    "differ only in case, spaces or how their letters are encoded: imported as separate dossiers"
                )
            ),
        }
    }
}

/// A dossier being assembled: its first row's dossier-level cells, to compare later rows to.
struct Building {
    dossier: Dossier,
    first_row: u32,
    first: Vec<Value>,
    failed: bool,
}

/// What the other sheets say of a dossier, read before its instruments are.
#[derive(Default)]
struct Details {
    documents: Vec<Document>,
    activities: Vec<Activity>,
    outcome: Option<Outcome>,
    outcome_row: Option<u32>,
    notes: Vec<twe_core::model::Note>,
    failed: bool,
    /// Whether a row named it (not only a sheet without its columns): if the instruments
    /// sheet lacks it, those rows are said. Read beside the instruments' ids, so not known
    /// yet.
    named: bool,
    /// What its rows could not be read for: said only if the id is a dossier's.
    problems: Vec<Problem>,
}

/// Each id of the instruments sheet: its place in the sheet's order, and how many of its
/// rows are still to be read.
type Index = HashMap<String, (usize, u32)>;

/// Reads the dossiers of `plan`, held together (the window's preview).
pub fn import(plan: &Preview) -> Imported {
    let mut dossiers = Vec::new();
    let mut out = import_each(plan, &mut |d| dossiers.push(d));
    out.dossiers = dossiers;
    out
}

/// Reads the dossiers of `plan` and hands each to `each` once whole, in the order of the
/// instruments sheet; [`Imported::dossiers`] stays empty. The file is read again at each
/// pass, a row at a time: first the ids of the instruments sheet (how many rows each has),
/// then what the other sheets say of each dossier, then the instruments, a dossier handed
/// on at its last row. Memory holds the ids, the other sheets' items and the dossiers whose
/// rows are not all read yet (one, for a sheet that keeps a dossier's rows together, as the
/// export writes them), never the caseload.
pub fn import_each(plan: &Preview, each: &mut dyn FnMut(Dossier)) -> Imported {
    let mut out = Imported::default();
    let Some(&(ref layout, rows)) = plan
        .sheets
        .iter()
        .find(|(l, _)| l.sheet == SheetKind::Instruments)
    else {
        out.problems.push(Problem {
            sheet: plan.first_name.clone(),
            row: 1,
            column: String::new(),
            what: What::NoInstruments,
        });
        return out;
    };
    // The ids on one core, the other sheets on the other.
    let (counted, (mut details, all_failed, problems)) =
        rayon::join(|| count_ids(plan, layout, rows), || read_details(plan));
    let (order, mut index) = match counted {
        Ok(counted) => counted,
        Err(e) => {
            out.problems.push(unread(layout, &e));
            return out;
        }
    };
    out.problems.extend(problems);
    if missing_columns(layout, &mut out.problems) {
        // Nothing can be read: every dossier the sheet names is left out, and every row of
        // the other sheets names no dossier read.
        out.left_out = order.len();
        said_of_details(plan, &[], &Index::new(), &mut details, &mut out.problems);
        out.notes = notes(plan, &[]);
        sort_problems(plan, &mut out.problems);
        return out;
    }
    said_of_details(plan, &order, &index, &mut details, &mut out.problems);
    // The instruments, each dossier handed on at its last row, in the sheet's order (one
    // whose rows end before an earlier one's waits for it).
    let mut building: HashMap<String, Building> = HashMap::new();
    let mut ready = std::collections::BTreeMap::<usize, Option<Dossier>>::new();
    let (mut next, mut finished, mut left_out) = (0, 0, 0);
    let built = plan.rows(rows, &mut |row| {
        let Some(id) = instrument_row(layout, row, &plan.remarks, &mut building, &mut out.problems)
        else {
            return;
        };
        let Some((place, left)) = index.get_mut(&id) else {
            return;
        };
        *left = left.saturating_sub(1);
        if *left > 0 {
            return;
        }
        let place = *place;
        let Some(b) = building.remove(&id) else {
            return;
        };
        let d = details.remove(&id).unwrap_or_default();
        let whole = finish(b, d, all_failed, layout, &mut out.problems);
        finished += 1;
        if whole.is_none() {
            left_out += 1;
        }
        ready.insert(place, whole);
        while let Some(whole) = ready.remove(&next) {
            if let Some(dossier) = whole {
                each(dossier);
            }
            next += 1;
        }
    });
    if let Err(e) = built {
        out.problems.push(unread(layout, &e));
    }
    // What a failed reading left unfinished is left out; what waited is handed on.
    for whole in ready.into_values().flatten() {
        each(whole);
    }
    out.left_out = left_out + order.len().saturating_sub(finished);
    out.notes = notes(plan, &order);
    sort_problems(plan, &mut out.problems);
    out
}

/// The problems sheet by sheet, row by row.
fn sort_problems(plan: &Preview, problems: &mut [Problem]) {
    problems.sort_by_key(|p| {
        let sheet = plan.sheets.iter().position(|(l, _)| l.name == p.sheet);
        (sheet, p.row)
    });
}

/// The ids of the instruments sheet, in its order, and how many rows each has.
fn count_ids(
    plan: &Preview,
    layout: &Layout,
    rows: SheetRows,
) -> Result<(Vec<String>, Index), ReadError> {
    let mut order: Vec<String> = Vec::new();
    let mut index = Index::new();
    plan.rows(rows, &mut |row| {
        if let Some(Ok(id)) = cell(layout, row, Column::Id).map(text_of) {
            let next = order.len();
            let entry = index.entry(id).or_insert_with_key(|id| {
                order.push(id.clone());
                (next, 0)
            });
            entry.1 += 1;
        }
    })?;
    Ok((order, index))
}

/// What the other sheets say of each id they name, whether every dossier is left out (a
/// sheet without its id column, or one that could not be read again), and the problems of
/// the sheets and of rows without an id.
fn read_details(plan: &Preview) -> (HashMap<String, Details>, bool, Vec<Problem>) {
    let mut details: HashMap<String, Details> = HashMap::new();
    let mut all_failed = false;
    let mut problems = Vec::new();
    for &(ref detail, detail_rows) in &plan.sheets {
        if detail.sheet == SheetKind::Instruments {
            continue;
        }
        let read = if missing_columns(detail, &mut problems) {
            // Each dossier the sheet names is left out: its documents, activities or
            // outcome cannot be read. Without the id column the sheet names none that can
            // be told apart: every dossier is left out rather than written without them.
            if detail.index(Column::Id).is_none() && !detail_rows.is_empty() {
                all_failed = true;
            }
            plan.rows(detail_rows, &mut |row| {
                if let Some(id) = cell(detail, row, Column::Id).and_then(|v| text_of(v).ok()) {
                    details.entry(id).or_default().failed = true;
                }
            })
        } else {
            plan.rows(detail_rows, &mut |row| {
                detail_row(detail, row, &mut details, &mut problems);
            })
        };
        if let Err(e) = read {
            problems.push(unread(detail, &e));
            all_failed = true;
        }
    }
    (details, all_failed, problems)
}

/// Says what the other sheets' rows could not be read for, once the instruments' ids are
/// known: the problems of the rows of the dossiers, and each row naming an id the
/// instruments sheet lacks (pointed to one differing only in case or spaces), found by
/// reading those sheets again, only when there is one.
fn said_of_details(
    plan: &Preview,
    order: &[String],
    index: &Index,
    details: &mut HashMap<String, Details>,
    problems: &mut Vec<Problem>,
) {
    let mut unknown = std::collections::HashSet::new();
    details.retain(|id, d| {
        if index.contains_key(id) {
            problems.append(&mut d.problems);
            return true;
        }
        if d.named {
            unknown.insert(id.clone());
        }
        false
    });
    if unknown.is_empty() {
        return;
    }
    let folded: HashMap<String, &str> = order.iter().map(|id| (fold_id(id), id.as_str())).collect();
    for &(ref detail, detail_rows) in &plan.sheets {
        if detail.sheet == SheetKind::Instruments || !detail.missing().is_empty() {
            continue;
        }
        let read = plan.rows(detail_rows, &mut |row| {
            let Ok(id) = required(detail, row, Column::Id, text_of) else {
                return;
            };
            if unknown.contains(&id) {
                let near = folded.get(&fold_id(&id)).map(|n| (*n).to_string());
                problems.push(Problem {
                    sheet: detail.name.clone(),
                    row: row.number,
                    column: header_of(detail, Column::Id),
                    what: What::NoDossier(id, near),
                });
            }
        });
        if let Err(e) = read {
            problems.push(unread(detail, &e));
        }
    }
}

/// The problem of a sheet that could not be read again.
fn unread(layout: &Layout, e: &ReadError) -> Problem {
    Problem {
        sheet: layout.name.clone(),
        row: layout.header_row,
        column: String::new(),
        what: What::Unread(e.message(Lang::Nl), e.message(Lang::En)),
    }
}

/// A dossier whose rows are all read, with what the other sheets say of it: whole, or left
/// out (a row could not be read, or it goes past a bound of the file contract: said).
fn finish(
    mut b: Building,
    d: Details,
    all_failed: bool,
    layout: &Layout,
    problems: &mut Vec<Problem>,
) -> Option<Dossier> {
    if b.failed || d.failed || all_failed {
        return None;
    }
    b.dossier.documents = d.documents;
    b.dossier.activities = d.activities;
    b.dossier.outcome = d.outcome;
    b.dossier.notes.extend(d.notes);
    if let Err(e) = bounds::check(&b.dossier) {
        problems.push(Problem {
            sheet: layout.name.clone(),
            row: b.first_row,
            column: bound_column(layout, e.field()),
            what: What::Bound(e),
        });
        return None;
    }
    Some(b.dossier)
}

/// An id as compared for "differs only in case, spaces or encoding": without blanks, in
/// Unicode normal form C, without case (the file names made from such ids clash too).
fn fold_id(id: &str) -> String {
    twe_core::files::names::clash_key(&id.split_whitespace().collect::<String>())
}

/// The notes of an import: headers and sheets left aside, ids nearly alike.
fn notes(plan: &Preview, order: &[String]) -> Vec<Note> {
    let mut notes = plan.notes.clone();
    for (layout, _) in &plan.sheets {
        for (_, header) in layout.unrecognised() {
            notes.push(Note::Header(
                layout.name.clone(),
                layout.header_row,
                header.to_string(),
            ));
        }
    }
    notes.extend(plan.skipped.iter().cloned().map(Note::Sheet));
    let mut by_fold: HashMap<String, Vec<String>> = HashMap::new();
    for id in order {
        by_fold.entry(fold_id(id)).or_default().push(id.clone());
    }
    let mut alike: Vec<Vec<String>> = by_fold.into_values().filter(|v| v.len() > 1).collect();
    alike.sort();
    notes.extend(alike.into_iter().map(Note::SimilarIds));
    notes
}

/// The sheet's header for a bound's field: the dossier's own fields by their column,
/// lists and their parts by their sheet's word.
fn bound_column(layout: &Layout, field: &str) -> String {
    let top = field.split(['[', '.']).next().unwrap_or(field);
    let column = match top {
        "id" => Column::Id,
        "client" => Column::Client,
        "ocmw" => Column::Ocmw,
        "guided_by" => Column::GuidedBy,
        "counsellor" => Column::Counsellor,
        "plan" => Column::Plan,
        "instruments" if field.contains("name") => Column::Training,
        "instruments" if field.contains("provider") => Column::Provider,
        "instruments" => Column::Instrument,
        _ => return field.to_string(),
    };
    header_of(layout, column)
}

/// Reports each required column `layout` lacks; true when one lacks.
fn missing_columns(layout: &Layout, problems: &mut Vec<Problem>) -> bool {
    let missing = layout.missing();
    for c in &missing {
        problems.push(Problem {
            sheet: layout.name.clone(),
            row: layout.header_row,
            column: both_headers(*c),
            what: What::MissingColumn,
        });
    }
    !missing.is_empty()
}

/// A column's header in both languages ("cliënt/client"), for a column the sheet lacks.
fn both_headers(c: Column) -> String {
    let (nl, en) = (c.header(Lang::Nl), c.header(Lang::En));
    if nl == en {
        nl.to_string()
    } else {
        format!("{nl}/{en}")
    }
}

fn cell<'a>(layout: &Layout, row: &'a Row, column: Column) -> Option<&'a Value> {
    layout
        .index(column)
        .and_then(|i| row.cells.get(i))
        .filter(|v| !v.is_empty())
}

/// A text cell's text: numbers as the spreadsheet shows them, the formula guard undone.
fn text_of(v: &Value) -> Result<String, What> {
    match v {
        Value::Error(e) => Err(What::CellError(e.clone())),
        Value::Uncalculated => Err(What::Uncalculated),
        Value::Text(t) => Ok(super::unguard(t).to_string()),
        Value::TooLong(_) => Err(What::TooLong),
        Value::Empty => Err(What::Empty),
        other => Ok(other.shown()),
    }
}

/// A date cell: a spreadsheet date or text as dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd.
fn date_of(v: &Value) -> Result<NaiveDate, What> {
    match v {
        Value::Date(d) => Ok(*d),
        Value::Number(n) => Err(What::NumberNotDate(number_text(*n))),
        Value::BadDate(n) => Err(What::NotADate(n.clone())),
        Value::Error(e) => Err(What::CellError(e.clone())),
        Value::Uncalculated => Err(What::Uncalculated),
        other => {
            let t = other.shown();
            parse_date(&t).ok_or(What::NotADate(t))
        }
    }
}

/// A date written as text: dd/mm/yyyy, d/m/yyyy (also with `-` or `.`) or yyyy-mm-dd.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = if a.len() == 4 && t.contains('-') {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        (num(c)?, num(b)?, num(a)?)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The columns of the instruments sheet that belong to the dossier, not the instrument:
/// they repeat on every row of a dossier and must agree.
const DOSSIER_COLUMNS: [Column; 9] = [
    Column::Id,
    Column::Client,
    Column::Ocmw,
    Column::GuidedBy,
    Column::Counsellor,
    Column::Plan,
    Column::TrajectoryStart,
    Column::TrajectoryEnd,
    Column::SocialRights,
];

const INSTRUMENT_COLUMNS: [Column; 8] = [
    Column::Instrument,
    Column::Start,
    Column::End,
    Column::Status,
    Column::Training,
    Column::Provider,
    Column::Focus,
    Column::FullTime,
];

/// Reads one row of the instruments sheet into its dossier; the row's id, if it has one.
fn instrument_row(
    layout: &Layout,
    row: &Row,
    remarks: &(chrono::NaiveDate, String),
    building: &mut HashMap<String, Building>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let problem = |column: Column, what: What| Problem {
        sheet: layout.name.clone(),
        row: row.number,
        column: header_of(layout, column),
        what,
    };
    let id = match cell(layout, row, Column::Id).map(text_of) {
        None => {
            problems.push(problem(Column::Id, What::Empty));
            return None;
        }
        Some(Err(what)) => {
            problems.push(problem(Column::Id, what));
            return None;
        }
        Some(Ok(id)) => id,
    };
    let values: Vec<Value> = DOSSIER_COLUMNS
        .iter()
        .map(|c| cell(layout, row, *c).cloned().unwrap_or(Value::Empty))
        .collect();
    let head = if let Some(b) = building.get_mut(&id) {
        // Compare what the cells say (a date cell and the same date as text agree).
        for (i, c) in DOSSIER_COLUMNS.iter().enumerate() {
            if !same_meaning(*c, &values[i], &b.first[i]) {
                problems.push(problem(
                    *c,
                    What::Disagrees {
                        value: values[i].shown(),
                        first_row: b.first_row,
                        first: b.first[i].shown(),
                    },
                ));
                b.failed = true;
            }
        }
        b
    } else {
        let (dossier, failed) = match dossier_of(&id, layout, row) {
            Ok(d) => (d, false),
            Err((c, what)) => {
                problems.push(problem(c, what));
                (placeholder(&id), true)
            }
        };
        building.entry(id.clone()).or_insert(Building {
            dossier,
            first_row: row.number,
            first: values,
            failed,
        })
    };
    // A remarks column's text becomes a note of the import's day and author, once per
    // dossier however many of its rows repeat it.
    if let Some(Ok(text)) = cell(layout, row, Column::Remarks).map(text_of)
        && !text.trim().is_empty()
        && !head.dossier.notes.iter().any(|n| n.text == text)
    {
        head.dossier.notes.push(twe_core::model::Note {
            date: remarks.0,
            kind: twe_core::model::NoteKind::Other("spreadsheet".into()),
            author: remarks.1.clone(),
            text,
        });
    }
    if INSTRUMENT_COLUMNS
        .iter()
        .all(|c| cell(layout, row, *c).is_none())
    {
        return Some(id);
    }
    match instrument_of(layout, row) {
        Ok(i) => head.dossier.instruments.push(i),
        Err((c, what)) => {
            problems.push(problem(c, what));
            head.failed = true;
        }
    }
    Some(id)
}

/// The header a column has in the file (its Dutch name when the sheet lacks it).
fn header_of(layout: &Layout, column: Column) -> String {
    layout
        .index(column)
        .and_then(|i| layout.headers.get(i))
        .cloned()
        .unwrap_or_else(|| both_headers(column))
}

/// Whether two dossier-level cells say the same.
fn same_meaning(column: Column, a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    match column {
        Column::TrajectoryStart | Column::TrajectoryEnd | Column::SocialRights => {
            matches!((date_of(a), date_of(b)), (Ok(x), Ok(y)) if x == y)
        }
        // "POP" and "pop" are one plan.
        Column::Plan => matches!(
            (text_of(a), text_of(b)),
            (Ok(x), Ok(y)) if words::read_plan(&x) == words::read_plan(&y)
        ),
        _ => matches!((text_of(a), text_of(b)), (Ok(x), Ok(y)) if x == y),
    }
}

type Failed = (Column, What);

fn required<T>(
    layout: &Layout,
    row: &Row,
    column: Column,
    read: impl Fn(&Value) -> Result<T, What>,
) -> Result<T, Failed> {
    let v = cell(layout, row, column).ok_or((column, What::Empty))?;
    read(v).map_err(|w| (column, w))
}

fn optional<T>(
    layout: &Layout,
    row: &Row,
    column: Column,
    read: impl Fn(&Value) -> Result<T, What>,
) -> Result<Option<T>, Failed> {
    cell(layout, row, column)
        .map(|v| read(v).map_err(|w| (column, w)))
        .transpose()
}

/// A closed-set word read with `read`, which answers the accepted spellings on failure.
fn word<T>(read: impl Fn(&str) -> Result<T, Accepted>) -> impl Fn(&Value) -> Result<T, What> {
    move |v| {
        let t = text_of(v)?;
        read(&t).map_err(|Accepted(accepted)| What::Unknown { value: t, accepted })
    }
}

/// The dossier-level fields of a dossier's first row.
fn dossier_of(id: &str, layout: &Layout, row: &Row) -> Result<Dossier, Failed> {
    Ok(Dossier {
        id: id.to_string(),
        // The model allows an empty client or OCMW (a new dossier has them): the columns
        // must be there, their cells may be empty.
        client: optional(layout, row, Column::Client, text_of)?.unwrap_or_default(),
        ocmw: optional(layout, row, Column::Ocmw, text_of)?.unwrap_or_default(),
        guided_by: optional(layout, row, Column::GuidedBy, text_of)?,
        counsellor: optional(layout, row, Column::Counsellor, text_of)?,
        plan: optional(layout, row, Column::Plan, |v| {
            text_of(v).map(|t| words::read_plan(&t))
        })?,
        start: required(layout, row, Column::TrajectoryStart, date_of)?,
        end: optional(layout, row, Column::TrajectoryEnd, date_of)?,
        social_rights_acquired: optional(layout, row, Column::SocialRights, date_of)?,
        instruments: Vec::new(),
        documents: Vec::new(),
        activities: Vec::new(),
        outcome: None,
        notes: Vec::new(),
    })
}

/// Stands for a dossier whose first row could not be read, so that its later rows are
/// recognised as its own and left out with it.
fn placeholder(id: &str) -> Dossier {
    Dossier::new(id, "", "", NaiveDate::MIN)
}

/// The instrument of a row that has one.
fn instrument_of(layout: &Layout, row: &Row) -> Result<Instrument, Failed> {
    let kind = required(layout, row, Column::Instrument, word(words::read_kind))?;
    let start = required(layout, row, Column::Start, date_of)?;
    let end = required(layout, row, Column::End, date_of)?;
    // An empty status is the model's default: planned.
    let status: Status =
        optional(layout, row, Column::Status, word(words::read_status))?.unwrap_or_default();
    let kind = match kind {
        KindWord::Bvs => InstrumentKind::Bvs,
        KindWord::Art60 => InstrumentKind::Art60,
        KindWord::Wes => InstrumentKind::Wes,
        KindWord::Ibo => InstrumentKind::Ibo,
        KindWord::Training => InstrumentKind::Opleiding {
            name: optional(layout, row, Column::Training, text_of)?.unwrap_or_default(),
            provider: optional(layout, row, Column::Provider, |v| {
                text_of(v).map(|t| words::read_provider(&t))
            })?
            .unwrap_or_else(|| twe_core::model::Provider::Other(String::new())),
            focus: required(layout, row, Column::Focus, word(words::read_focus))?,
            full_time: required(layout, row, Column::FullTime, |v| match v {
                Value::Bool(b) => Ok(*b),
                other => word(words::read_yes_no)(other),
            })?,
        },
    };
    Ok(Instrument {
        kind,
        start,
        end,
        status,
    })
}

/// Reads a row of the documents, activities or outcome sheet into its dossier.
fn detail_row(
    layout: &Layout,
    row: &Row,
    details: &mut HashMap<String, Details>,
    problems: &mut Vec<Problem>,
) {
    let problem = |(column, what): Failed| Problem {
        sheet: layout.name.clone(),
        row: row.number,
        column: header_of(layout, column),
        what,
    };
    let id = match required(layout, row, Column::Id, text_of) {
        Ok(id) => id,
        Err(f) => {
            problems.push(problem(f));
            return;
        }
    };
    let b = details.entry(id).or_default();
    b.named = true;
    let read = match layout.sheet {
        SheetKind::Documents => (|| {
            b.documents.push(Document {
                kind: optional(layout, row, Column::Kind, |v| {
                    text_of(v).map(|t| words::read_document(&t))
                })?
                .unwrap_or_else(|| twe_core::model::DocumentKind::Other(String::new())),
                uploaded: required(layout, row, Column::Uploaded, date_of)?,
            });
            Ok(())
        })(),
        SheetKind::Activities => (|| {
            b.activities.push(Activity {
                kind: required(layout, row, Column::Kind, word(words::read_activity))?,
                date: required(layout, row, Column::Date, date_of)?,
                by: required(layout, row, Column::By, word(words::read_actor))?,
            });
            Ok(())
        })(),
        SheetKind::Outcome => (|| {
            if let Some(first) = b.outcome_row {
                return Err((Column::Id, What::SecondOutcome(first)));
            }
            b.outcome = Some(Outcome {
                at_work: optional(layout, row, Column::AtWork, |v| match v {
                    Value::Bool(b) => Ok(*b),
                    other => word(words::read_yes_no)(other),
                })?,
                measured: required(layout, row, Column::Measured, date_of)?,
            });
            b.outcome_row = Some(row.number);
            Ok(())
        })(),
        SheetKind::Notes => (|| {
            b.notes.push(twe_core::model::Note {
                date: required(layout, row, Column::Date, date_of)?,
                kind: optional(layout, row, Column::Kind, |v| {
                    text_of(v).map(|t| words::read_note_kind(&t))
                })?
                .unwrap_or(twe_core::model::NoteKind::Conversation),
                author: optional(layout, row, Column::Author, text_of)?.unwrap_or_default(),
                text: required(layout, row, Column::Text, text_of)?,
            });
            Ok(())
        })(),
        SheetKind::Instruments => Ok(()),
    };
    if let Err(f) = read {
        b.problems.push(problem(f));
        b.failed = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_write_them() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("03/02/2021"), d(2021, 2, 3));
        assert_eq!(parse_date("3/2/2021"), d(2021, 2, 3));
        assert_eq!(parse_date("2021-02-03"), d(2021, 2, 3));
        assert_eq!(parse_date(" 3-2-2021 "), d(2021, 2, 3));
        assert_eq!(parse_date("3.2.2021"), d(2021, 2, 3));
        assert_eq!(parse_date("31/02/2021"), None);
        assert_eq!(parse_date("2021/02/03"), None);
        assert_eq!(parse_date("3/2/21"), None);
        assert_eq!(parse_date("morgen"), None);
        assert_eq!(parse_date("+3/2/2021"), None);
    }

    #[test]
    fn dossier_cells_agree_by_meaning() {
        let t = |s: &str| Value::Text(s.into());
        let d = Value::Date(NaiveDate::from_ymd_opt(2021, 2, 3).unwrap());
        assert!(same_meaning(Column::Plan, &t("POP"), &t("pop")));
        assert!(!same_meaning(Column::Plan, &t("POP"), &t("GPMI")));
        assert!(same_meaning(Column::TrajectoryStart, &d, &t("3/2/2021")));
        assert!(!same_meaning(Column::Ocmw, &t("Gent"), &t("Aalst")));
    }

    #[test]
    fn the_formula_guard_is_undone_once() {
        use super::super::unguard;
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("''x"), "'x");
        assert_eq!(unguard("'x"), "'x");
        assert_eq!(unguard("x'"), "x'");
        assert_eq!(unguard("'<r>&</r>"), "<r>&</r>");
        for t in ["<r>&</r>", "'<r>x</r>", "=1", "''", "'", "<r>", "a<r>b</r>"] {
            assert_eq!(unguard(&super::super::formula_safe(t)), t);
        }
    }

    #[test]
    fn a_problem_reads_sheet_row_column_and_never_prints_raw() {
        let p = Problem {
            sheet: "Blad\u{1b}[2J".into(),
            row: 7,
            column: "begin".into(),
            what: What::NotADate("\u{7}gisteren".into()),
        };
        assert_eq!(
            p.message(Lang::En),
            "Blad\\u{1b}[2J!7: begin: «\\u{7}gisteren» is not a date (dd/mm/yyyy or yyyy-mm-dd)"
        );
    }

    /// An instruments sheet without a column it needs reads nothing; the other sheets are
    /// still read for what they lack, and each of their rows names no dossier read.
    #[test]
    fn a_sheet_without_its_columns_still_lets_the_others_say_theirs() {
        let t = |s: &str| Value::Text(s.to_string());
        let rows = |cells: Vec<Vec<Value>>| -> Vec<Row> {
            cells
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i as u32 + 1,
                    cells,
                })
                .collect()
        };
        let table = |name: &str, cells| super::super::read::Table {
            name: name.into(),
            rows: rows(cells),
        };
        let instruments = table(
            "Instrumenten",
            vec![
                vec![t("dossier"), t("cliënt"), t("start traject")],
                vec![t("GENT-1"), t("Els"), t("01/02/2020")],
                vec![t("GENT-1"), t("Els"), t("01/02/2020")],
                vec![t("GENT-2"), t("Jan"), t("01/02/2020")],
            ],
        );
        let documents = table(
            "Documenten",
            vec![
                vec![t("dossier"), t("soort"), t("opgeladen")],
                vec![t("GENT-1"), t("POP"), t("01/03/2020")],
            ],
        );
        let activities = table(
            "Activiteiten",
            vec![vec![t("dossier"), t("soort")], vec![t("GENT-2"), t("cv")]],
        );
        let plan = Preview::of(Source::of_tables(
            vec![instruments, documents, activities],
            false,
        ));
        let got = import(&plan);
        assert!(got.dossiers.is_empty());
        assert_eq!(got.left_out, 2);
        let said: Vec<(&str, u32, &What)> = got
            .problems
            .iter()
            .map(|p| (p.sheet.as_str(), p.row, &p.what))
            .collect();
        assert!(
            said.contains(&("Instrumenten", 1, &What::MissingColumn)),
            "{said:?}"
        );
        assert!(
            said.contains(&("Activiteiten", 1, &What::MissingColumn)),
            "{said:?}"
        );
        assert!(
            said.contains(&("Documenten", 2, &What::NoDossier("GENT-1".into(), None))),
            "{said:?}"
        );
        assert!(got.notes.iter().all(|n| !matches!(n, Note::SimilarIds(_))));
    }

    /// A footer line standing right of the table does not widen it (no extra column to
    /// assign), in a short table and past the first rows; a line of text within the table
    /// still does.
    #[test]
    fn a_footer_does_not_widen_the_table() {
        let t = |s: &str| Value::Text(s.to_string());
        let header: Vec<Value> = SheetKind::Instruments
            .header(Lang::Nl)
            .into_iter()
            .map(t)
            .collect();
        let width = header.len();
        let row = || {
            vec![
                t("GENT-1"),
                t("Els"),
                t("Gent"),
                Value::Empty,
                Value::Empty,
                Value::Empty,
                t("01/02/2020"),
            ]
        };
        let mut far = vec![Value::Empty; width + 2];
        far[width + 1] = t("Totaal: 1 cliënt");
        for data in [3, 30] {
            let mut cells = vec![header.clone()];
            cells.extend((0..data).map(|_| row()));
            cells.push(far.clone());
            let rows: Vec<Row> = cells
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i as u32 + 1,
                    cells,
                })
                .collect();
            let source = Source::of_tables(
                vec![super::super::read::Table {
                    name: "Instrumenten".into(),
                    rows: rows.clone(),
                }],
                false,
            );
            let plan = Preview::of(source);
            let (layout, sheet) = &plan.sheets[0];
            assert_eq!(layout.headers.len(), width, "{data} rows");
            assert_eq!(sheet.len(), data);
            // The same line with a row after it is a row: the table is as wide as it.
            let mut more = rows;
            more.push(Row {
                number: more.len() as u32 + 1,
                cells: row(),
            });
            let plan = Preview::of(Source::of_tables(
                vec![super::super::read::Table {
                    name: "Instrumenten".into(),
                    rows: more,
                }],
                false,
            ));
            assert_eq!(plan.sheets[0].0.headers.len(), width + 2, "{data} rows");
        }
    }
}

//! The one table of figures (DOMAIN decisions 9 and 10 of 7 December 2026): every number
//! any output shows of a source — the window's charts, tables and tooltips, the slides, the
//! deck, the workbook, the command line — is read here, after the disclosure gate. One
//! source gives one set of figures: the same yearly and grand totals everywhere, the
//! dossiers of an unknown OCMW a row of their own and part of every total, and one pattern
//! of hidden counts, decided once for every output together (a count hidden in one table
//! and given back by another is still given back).

use super::disclosure::{Disclosed, Gate, Id, Shown};
use super::{Counts, DossierStats, Measure, ProvinceYearTable, YearBasis};
use crate::lang::Lang;
use crate::model::InstrumentType;
use crate::reference::{Municipalities, Province, Published};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// Where the numbers come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataSource {
    /// VDAB's published figures.
    Published,
    /// Computed from the open workspace's dossiers.
    Dossiers,
    /// Dossiers minus published.
    Difference,
}

impl DataSource {
    /// A short name.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            DataSource::Published => lang.pick("Gepubliceerd (VDAB)", "Published (VDAB)"),
            DataSource::Dossiers => lang.pick("Uit de dossiers", "From the dossiers"),
            DataSource::Difference => lang.pick(
                "Verschil dossiers − gepubliceerd",
                "Difference dossiers − published",
            ),
        }
    }
}

/// A row of the province table: a province, or the dossiers whose OCMW is not a known
/// municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Row {
    /// A province.
    Province(Province),
    /// Dossiers of an OCMW that is not a known municipality.
    Unknown,
}

impl Row {
    /// The five provinces, then the unknown OCMWs.
    pub const ALL: [Row; 6] = [
        Row::Province(Province::ALL[0]),
        Row::Province(Province::ALL[1]),
        Row::Province(Province::ALL[2]),
        Row::Province(Province::ALL[3]),
        Row::Province(Province::ALL[4]),
        Row::Unknown,
    ];

    /// Its name: the province's, or «Onbekend» / «Unknown».
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Row::Province(p) => p.name(),
            Row::Unknown => lang.pick(super::UNPLACED, "Unknown"),
        }
    }

    /// The province, if it is one.
    pub fn province(self) -> Option<Province> {
        match self {
            Row::Province(p) => Some(p),
            Row::Unknown => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Row::Province(p) => Province::ALL.iter().position(|&q| q == p).unwrap_or(0),
            Row::Unknown => 5,
        }
    }
}

const MEASURES: usize = 7;
const ROWS: usize = 6;

/// The province × year table of one source and one way of counting the year, with its
/// yearly totals (Flanders), its provinces' totals and its grand total, each figure as it
/// may be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureTable {
    /// Which year an instrument counts in.
    pub basis: YearBasis,
    /// The day the figures are as of: the monitoring's for the published ones, the
    /// workspace's reference date for dossiers (how long a year's trajectories have run).
    pub as_of: NaiveDate,
    /// The year the figures cover only in part (the published monitoring's May 2021).
    pub partial_year: Option<i32>,
    years: Vec<i32>,
    rows: Vec<Row>,
    /// Measure × row × year.
    cells: Vec<Shown>,
    /// Measure × year.
    year_totals: Vec<Shown>,
    /// Measure × row.
    row_totals: Vec<Shown>,
    /// Per measure.
    grand: Vec<Shown>,
}

impl FigureTable {
    fn empty(basis: YearBasis, years: Vec<i32>, rows: Vec<Row>) -> Self {
        let y = years.len();
        Self {
            basis,
            as_of: NaiveDate::default(),
            partial_year: None,
            cells: vec![Shown::count(0); MEASURES * ROWS * y],
            year_totals: vec![Shown::count(0); MEASURES * y],
            row_totals: vec![Shown::count(0); MEASURES * ROWS],
            grand: vec![Shown::count(0); MEASURES],
            years,
            rows,
        }
    }

    fn year_index(&self, year: i32) -> Option<usize> {
        self.years.binary_search(&year).ok()
    }

    fn cell_index(&self, m: Measure, row: Row, y: usize) -> usize {
        (m.index() * ROWS + row.index()) * self.years.len() + y
    }

    /// The years with a figure, ascending.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// The rows listed: the five provinces, and the unknown OCMWs where there are any.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The figure of one row, year and measure (zero for a year without figures).
    pub fn cell(&self, m: Measure, row: Row, year: i32) -> Shown {
        self.year_index(year)
            .map_or(Shown::count(0), |y| self.cells[self.cell_index(m, row, y)])
    }

    /// Flanders' total of a year: every row, the unknown OCMWs included.
    pub fn year_total(&self, m: Measure, year: i32) -> Shown {
        self.year_index(year).map_or(Shown::count(0), |y| {
            self.year_totals[m.index() * self.years.len() + y]
        })
    }

    /// A row's total over every year.
    pub fn row_total(&self, m: Measure, row: Row) -> Shown {
        self.row_totals[m.index() * ROWS + row.index()]
    }

    /// The grand total over every row and year.
    pub fn grand(&self, m: Measure) -> Shown {
        self.grand[m.index()]
    }

    /// A row's sum over `years`: its total where they are every year, else the sum of the
    /// years' figures where all are shown (withheld otherwise: the gate protected the
    /// totals it knows, not every partial sum).
    pub fn row_sum(&self, m: Measure, row: Row, years: &[i32]) -> Shown {
        if self.is_every_year(years) {
            return self.row_total(m, row);
        }
        Shown::sum(years.iter().map(|&y| self.cell(m, row, y)))
    }

    /// Flanders' sum over `years`, as [`FigureTable::row_sum`].
    pub fn flanders_sum(&self, m: Measure, years: &[i32]) -> Shown {
        if self.is_every_year(years) {
            return self.grand(m);
        }
        Shown::sum(years.iter().map(|&y| self.year_total(m, y)))
    }

    fn is_every_year(&self, years: &[i32]) -> bool {
        years.len() == self.years.len() && years.iter().zip(&self.years).all(|(a, b)| a == b)
    }

    /// The year a presentation starts at: the last year a trajectory started in (a later
    /// year may hold only planned instruments, and would show nothing).
    pub fn presentation_year(&self) -> i32 {
        self.years
            .iter()
            .rev()
            .find(|&&y| self.year_total(Measure::Trajectories, y) != Shown::count(0))
            .or(self.years.last())
            .copied()
            .or(self.partial_year)
            .unwrap_or(0)
    }

    /// Whether any figure is hidden.
    pub fn hides_any(&self) -> bool {
        self.cells
            .iter()
            .chain(&self.year_totals)
            .chain(&self.row_totals)
            .chain(&self.grand)
            .any(|s| s.is_hidden())
    }

    /// Every figure with nothing hidden: the published table.
    fn plain(table: &ProvinceYearTable) -> Self {
        let rows = rows_of(table);
        let mut t = Self::empty(table.basis, table.years(), rows);
        for m in Measure::WITH_ALL_INSTRUMENTS {
            let mut grand = 0;
            for row in Row::ALL {
                let mut total = 0;
                for y in 0..t.years.len() {
                    let v = counts_at(table, row, t.years[y]).get(m);
                    total += v;
                    let k = t.cell_index(m, row, y);
                    t.cells[k] = Shown::count(v);
                }
                t.row_totals[m.index() * ROWS + row.index()] = Shown::count(total);
                grand += total;
            }
            for y in 0..t.years.len() {
                t.year_totals[m.index() * t.years.len() + y] =
                    Shown::count(table.year_total(t.years[y]).get(m));
            }
            t.grand[m.index()] = Shown::count(grand);
        }
        t
    }
}

/// One line of the table as the command line and the workbook's data sheet list it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The row, or `None` for Flanders' totals.
    pub row: Option<Row>,
    /// The year, or `None` for a total over every year.
    pub year: Option<i32>,
    /// The six columns, as shown.
    pub figures: [Shown; 6],
}

impl Line {
    /// The row's name as the table prints it: the province, «Onbekend»/«Unknown», or
    /// «Totaal»/«Total».
    pub fn name(&self, lang: Lang) -> &'static str {
        self.row
            .map_or(lang.pick(super::TOTAL, "Total"), |r| r.name(lang))
    }
}

impl FigureTable {
    /// The table's lines: each row's years and then its total, Flanders' yearly totals, and
    /// the grand total.
    pub fn lines(&self) -> Vec<Line> {
        let six = |f: &dyn Fn(Measure) -> Shown| Measure::ALL.map(f);
        let mut lines = Vec::new();
        for &row in &self.rows {
            for &y in &self.years {
                lines.push(Line {
                    row: Some(row),
                    year: Some(y),
                    figures: six(&|m| self.cell(m, row, y)),
                });
            }
            lines.push(Line {
                row: Some(row),
                year: None,
                figures: six(&|m| self.row_total(m, row)),
            });
        }
        for &y in &self.years {
            lines.push(Line {
                row: None,
                year: Some(y),
                figures: six(&|m| self.year_total(m, y)),
            });
        }
        lines.push(Line {
            row: None,
            year: None,
            figures: six(&|m| self.grand(m)),
        });
        lines
    }

    /// The table as CSV: the header `province,year,trajectories,bvs,art60,opleiding,wes,ibo`,
    /// each row's years and its total (an empty year), then Flanders' totals (province
    /// `Totaal`), a hidden figure as «<5» or «–».
    pub fn to_csv(&self) -> String {
        let mut header = vec!["province".to_string(), "year".to_string()];
        header.extend(Measure::ALL.iter().map(|m| m.csv_name().to_string()));
        let rows = self.lines().into_iter().map(|line| {
            let mut record = vec![
                line.name(Lang::Nl).to_string(),
                line.year.map(|y| y.to_string()).unwrap_or_default(),
            ];
            record.extend(line.figures.iter().map(|f| f.plain(0)));
            record
        });
        super::csv_text(std::iter::once(header).chain(rows))
    }

    /// The table as aligned text with the numbers as the answer prints them (2.772), what
    /// the year is under it, and the note where a figure is hidden.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut heads = vec![
            lang.pick("Provincie", "Province").to_string(),
            lang.pick("Jaar", "Year").to_string(),
        ];
        heads.extend(Measure::ALL.iter().map(|m| m.heading(lang).to_string()));
        let mut lines: Vec<Vec<String>> = vec![heads];
        for line in self.lines() {
            let mut cells = vec![
                line.name(lang).to_string(),
                line.year
                    .map_or_else(|| lang.pick("alle", "all").to_string(), |y| y.to_string()),
            ];
            cells.extend(line.figures.iter().map(|f| f.text(lang, 0, false)));
            lines.push(cells);
        }
        let widths: Vec<usize> = (0..lines[0].len())
            .map(|c| {
                lines
                    .iter()
                    .map(|l| l[c].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for line in &lines {
            for (c, cell) in line.iter().enumerate() {
                let pad = widths[c] - cell.chars().count();
                if c < 2 {
                    out.push_str(cell);
                    out.push_str(&" ".repeat(pad + 2));
                } else {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                    out.push_str("  ");
                }
            }
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push('\n');
        }
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("Jaar", "Year"),
            self.basis.year_label(lang)
        );
        if self.hides_any() {
            out.push_str(super::disclosure::note(lang));
            out.push('\n');
        }
        out
    }

    /// The table's lines as JSON objects: `province` (or `Totaal`), `year` (null for a total
    /// over every year), and each column as a number or, hidden, the string «<5» or «–».
    pub fn to_json(&self) -> serde_json::Value {
        let lines = self.lines().into_iter().map(|line| {
            let mut o = serde_json::Map::new();
            o.insert("province".into(), line.name(Lang::Nl).into());
            o.insert(
                "year".into(),
                line.year.map_or(serde_json::Value::Null, Into::into),
            );
            for (m, f) in Measure::ALL.iter().zip(line.figures) {
                let v = match f {
                    Shown::Value(v) => serde_json::Value::from(v.round() as i64),
                    other => other.plain(0).into(),
                };
                o.insert(m.csv_name().into(), v);
            }
            serde_json::Value::Object(o)
        });
        serde_json::Value::Array(lines.collect())
    }
}

/// The rows a table lists: the provinces, and the unknown OCMWs where any dossier has one.
fn rows_of(table: &ProvinceYearTable) -> Vec<Row> {
    let mut rows: Vec<Row> = Province::ALL.iter().map(|&p| Row::Province(p)).collect();
    if table.unplaced.values().any(|c| !c.is_zero()) {
        rows.push(Row::Unknown);
    }
    rows
}

fn counts_at(table: &ProvinceYearTable, row: Row, year: i32) -> Counts {
    match row {
        Row::Province(p) => table.get(p, year),
        Row::Unknown => table.unplaced.get(&year).copied().unwrap_or_default(),
    }
}

/// One row of a drill-down: an OCMW or an organisation, its figures per start year and its
/// total.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillRow {
    /// The OCMW's municipality, or the organisation ("" for the OCMW itself).
    pub name: String,
    /// The province row it belongs to (an OCMW's); `None` for an organisation.
    pub row: Option<Row>,
    /// Measure × year, the years of [`Drill::years`].
    cells: Vec<Shown>,
    /// Per measure, over every year.
    totals: Vec<Shown>,
}

impl DrillRow {
    /// The figure of a measure in the `y`-th year of the drill-down.
    pub fn cell(&self, m: Measure, y: usize) -> Shown {
        let years = self.cells.len() / MEASURES;
        self.cells
            .get(m.index() * years + y)
            .copied()
            .unwrap_or(Shown::Undefined)
    }

    /// The total of a measure over every year.
    pub fn total(&self, m: Measure) -> Shown {
        self.totals[m.index()]
    }
}

/// The figures per OCMW and per organisation (the annex the seed refers to), by the
/// trajectory's start year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drill {
    /// The years, ascending (those of the province table).
    pub years: Vec<i32>,
    /// Per OCMW of a known municipality, by name.
    pub ocmws: Vec<DrillRow>,
    /// Per organisation guidance is outsourced to.
    pub organisations: Vec<DrillRow>,
}

/// What only the dossiers tell, as it may be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    /// Instruments per kind: planned, running, completed, stopped early.
    pub status: Vec<(InstrumentType, [Shown; 4])>,
    /// Average length in days per kind (of at least five instruments).
    pub average_days: Vec<(InstrumentType, Shown)>,
    /// Closed trajectories.
    pub closed: Shown,
    /// Of them: at work, not at work, unknown, not measured yet.
    pub outcomes: [Shown; 4],
    /// Trajectory years checked against the target of two instruments.
    pub years: Shown,
    /// Of them: meeting it, exempt, falling short.
    pub years_split: [Shown; 3],
}

/// Every figure of one source, after the gate.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// Where they come from.
    pub source: DataSource,
    /// By the trajectory's start year: every source has it.
    start: FigureTable,
    /// By the calendar year of the instruments: the dossiers' figures only.
    calendar: Option<FigureTable>,
    /// Per OCMW and organisation (dossiers only).
    pub drill: Option<Drill>,
    /// What only the dossiers tell (dossiers only).
    pub detail: Option<Detail>,
    /// Whether the gate hid anything.
    hides: bool,
}

impl Figures {
    /// The published figures: public, nothing hidden, by the trajectory's start year.
    pub fn published(published: &Published) -> Self {
        let mut table = FigureTable::plain(&ProvinceYearTable::from_published(published));
        table.as_of = published.as_of();
        table.partial_year = Some(published.partial_year);
        Self {
            source: DataSource::Published,
            start: table,
            calendar: None,
            drill: None,
            detail: None,
            hides: false,
        }
    }

    /// The figures of a workspace's dossiers: its two tables (by the trajectory's start year
    /// and by the instruments' calendar year), the drill-down and the detail of `stats`, all
    /// through one gate, as of `today`. `show_small` shows counts from 1 to 4 (the command
    /// line's `--show-small-counts`; never the default).
    pub fn dossiers(
        by_start: &ProvinceYearTable,
        by_calendar: &ProvinceYearTable,
        stats: &DossierStats,
        m: &Municipalities,
        today: NaiveDate,
        show_small: bool,
    ) -> Self {
        let mut b = Builder::default();
        let start = b.table(by_start);
        let calendar = b.table(by_calendar);
        let drill = b.drill(stats, m, &start);
        let detail = b.detail(stats);
        let disclosed = b.gate.close(show_small);
        let [start, calendar] = [start.read(&disclosed), calendar.read(&disclosed)].map(|mut t| {
            t.as_of = today;
            t
        });
        Self {
            source: DataSource::Dossiers,
            start,
            calendar: Some(calendar),
            drill: Some(drill.read(&disclosed)),
            detail: Some(detail.read(&disclosed)),
            hides: disclosed.hides_any(),
        }
    }

    /// The figures of `dossiers` as of `today`: their tables, drill-down and detail counted
    /// and checked here, then through the gate (what the command line does; the window's
    /// workspace keeps the same counts per edit, [`crate::workspace::Workspace::figures`]).
    pub fn of(dossiers: &[&crate::model::Dossier], today: NaiveDate, show_small: bool) -> Self {
        let mut counts = FigureCounts::new(today);
        counts.add(dossiers);
        counts.figures(show_small)
    }

    /// The dossiers' figures minus the published ones, by the trajectory's start year (the
    /// only year they share, decision 8). A difference of a hidden count is withheld.
    pub fn difference(dossiers: &Figures, published: &Figures) -> Self {
        let (d, p) = (&dossiers.start, &published.start);
        let mut years: Vec<i32> = d.years.iter().chain(&p.years).copied().collect();
        years.sort_unstable();
        years.dedup();
        let rows = if d.rows.len() >= p.rows.len() {
            d.rows.clone()
        } else {
            p.rows.clone()
        };
        let mut t = FigureTable::empty(YearBasis::TrajectoryStart, years, rows);
        t.as_of = d.as_of;
        t.partial_year = p.partial_year;
        for m in Measure::WITH_ALL_INSTRUMENTS {
            for row in Row::ALL {
                for y in 0..t.years.len() {
                    let year = t.years[y];
                    let k = t.cell_index(m, row, y);
                    t.cells[k] = d.cell(m, row, year).minus(p.cell(m, row, year));
                }
                t.row_totals[m.index() * ROWS + row.index()] =
                    d.row_total(m, row).minus(p.row_total(m, row));
            }
            for y in 0..t.years.len() {
                let year = t.years[y];
                t.year_totals[m.index() * t.years.len() + y] =
                    d.year_total(m, year).minus(p.year_total(m, year));
            }
            t.grand[m.index()] = d.grand(m).minus(p.grand(m));
        }
        let hides = t.hides_any();
        Self {
            source: DataSource::Difference,
            start: t,
            calendar: None,
            drill: None,
            detail: None,
            hides: hides || dossiers.hides,
        }
    }

    /// The table counting the year by `basis`, if this source has one (the published
    /// figures and the difference count only by the trajectory's start year).
    pub fn table(&self, basis: YearBasis) -> Option<&FigureTable> {
        match basis {
            YearBasis::TrajectoryStart => Some(&self.start),
            YearBasis::CalendarYear => self.calendar.as_ref(),
        }
    }

    /// The table by `basis`, or else by the trajectory's start year (every source has it).
    pub fn table_or_start(&self, basis: YearBasis) -> &FigureTable {
        self.table(basis).unwrap_or(&self.start)
    }

    /// Whether the gate hid any figure of this source: its outputs then carry the note.
    pub fn hides_any(&self) -> bool {
        self.hides
    }

    /// Whether these figures come from dossiers (and passed the gate).
    pub fn from_dossiers(&self) -> bool {
        self.source != DataSource::Published
    }
}

/// The gate's ids of one table, before the gate.
struct TableIds {
    basis: YearBasis,
    years: Vec<i32>,
    rows: Vec<Row>,
    cells: Vec<Id>,
    year_totals: Vec<Id>,
    row_totals: Vec<Id>,
    grand: Vec<Id>,
}

impl TableIds {
    fn cell(&self, m: Measure, row: Row, y: usize) -> Id {
        self.cells[(m.index() * ROWS + row.index()) * self.years.len() + y]
    }

    fn read(&self, d: &Disclosed) -> FigureTable {
        FigureTable {
            basis: self.basis,
            as_of: NaiveDate::default(),
            partial_year: None,
            years: self.years.clone(),
            rows: self.rows.clone(),
            cells: self.cells.iter().map(|&id| d.get(id)).collect(),
            year_totals: self.year_totals.iter().map(|&id| d.get(id)).collect(),
            row_totals: self.row_totals.iter().map(|&id| d.get(id)).collect(),
            grand: self.grand.iter().map(|&id| d.get(id)).collect(),
        }
    }
}

/// A drill-down row's name, province row and the gate's ids of its cells and totals.
struct DrillIdRow {
    name: String,
    row: Option<Row>,
    cells: Vec<Id>,
    totals: Vec<Id>,
}

struct DrillIds {
    years: Vec<i32>,
    ocmws: Vec<DrillIdRow>,
    organisations: Vec<DrillIdRow>,
}

impl DrillIds {
    fn read(&self, d: &Disclosed) -> Drill {
        let rows = |list: &[DrillIdRow]| {
            list.iter()
                .map(|r| DrillRow {
                    name: r.name.clone(),
                    row: r.row,
                    cells: r.cells.iter().map(|&id| d.get(id)).collect(),
                    totals: r.totals.iter().map(|&id| d.get(id)).collect(),
                })
                .collect()
        };
        Drill {
            years: self.years.clone(),
            ocmws: rows(&self.ocmws),
            organisations: rows(&self.organisations),
        }
    }
}

struct DetailIds {
    status: Vec<(InstrumentType, [Id; 4])>,
    average_days: Vec<(InstrumentType, Shown)>,
    closed: Id,
    outcomes: [Id; 4],
    years: Id,
    years_split: [Id; 3],
}

impl DetailIds {
    fn read(&self, d: &Disclosed) -> Detail {
        Detail {
            status: self
                .status
                .iter()
                .map(|(t, ids)| (*t, ids.map(|id| d.get(id))))
                .collect(),
            average_days: self.average_days.clone(),
            closed: d.get(self.closed),
            outcomes: self.outcomes.map(|id| d.get(id)),
            years: d.get(self.years),
            years_split: self.years_split.map(|id| d.get(id)),
        }
    }
}

/// Registers every count of a source and the sums among them in one gate. Figures that are
/// the same number in two tables (a trajectory count, a province's total over every year,
/// a grand total) are one figure of the gate, so they are hidden in both or in neither.
#[derive(Default)]
struct Builder {
    gate: Gate,
    /// The figures both ways of counting the year share, by what they are.
    shared: HashMap<Same, Id>,
}

/// A figure that is the same number however the year is counted.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Same {
    /// Trajectories of a row and year.
    Trajectories(Row, i32),
    /// Flanders' trajectories of a year.
    TrajectoriesOfYear(i32),
    /// A measure's total of a row over every year.
    RowTotal(usize, Row),
    /// A measure's grand total.
    Grand(usize),
}

impl Builder {
    /// The figure `same` is, made with value `v` the first time.
    fn shared(&mut self, same: Option<Same>, v: i64) -> Id {
        let Some(key) = same else {
            return self.gate.count(v);
        };
        if let Some(&id) = self.shared.get(&key) {
            return id;
        }
        let id = self.gate.count(v);
        self.shared.insert(key, id);
        id
    }

    /// The table's counts and its sums: rows to yearly totals, years to row totals, both to
    /// the grand total, and the kinds of instrument to every instrument together.
    fn table(&mut self, table: &ProvinceYearTable) -> TableIds {
        let years = table.years();
        let ny = years.len();
        let mut cells = Vec::with_capacity(MEASURES * ROWS * ny);
        for m in Measure::WITH_ALL_INSTRUMENTS {
            for row in Row::ALL {
                for &year in &years {
                    let v = counts_at(table, row, year).get(m);
                    let same =
                        (m == Measure::Trajectories).then_some(Same::Trajectories(row, year));
                    cells.push(self.shared(same, v));
                }
            }
        }
        let at = |m: Measure, row: Row, y: usize| cells[(m.index() * ROWS + row.index()) * ny + y];
        let mut year_totals = Vec::with_capacity(MEASURES * ny);
        let mut row_totals = Vec::with_capacity(MEASURES * ROWS);
        let mut grand = Vec::with_capacity(MEASURES);
        for m in Measure::WITH_ALL_INSTRUMENTS {
            let mut yt = Vec::with_capacity(ny);
            for (y, &year) in years.iter().enumerate() {
                let same = (m == Measure::Trajectories).then_some(Same::TrajectoriesOfYear(year));
                let id = self.shared(same, table.year_total(year).get(m));
                self.gate
                    .sum(id, Row::ALL.iter().map(|&r| at(m, r, y)).collect());
                yt.push(id);
            }
            let mut rt = Vec::with_capacity(ROWS);
            for row in Row::ALL {
                let parts: Vec<Id> = (0..ny).map(|y| at(m, row, y)).collect();
                let v: i64 = parts.iter().map(|&p| self.gate.value(p)).sum();
                let id = self.shared(Some(Same::RowTotal(m.index(), row)), v);
                self.gate.sum(id, parts);
                rt.push(id);
            }
            let v = rt.iter().map(|&p| self.gate.value(p)).sum();
            let g = self.shared(Some(Same::Grand(m.index())), v);
            self.gate.sum(g, yt.clone());
            self.gate.sum(g, rt.clone());
            year_totals.extend(yt);
            row_totals.extend(rt);
            grand.push(g);
        }
        // Every instrument together is the sum of the kinds, cell by cell and total by
        // total: a rate per trajectory shows it.
        let kinds: Vec<Measure> = InstrumentType::ALL
            .iter()
            .map(|&t| Measure::Instrument(t))
            .collect();
        let all = Measure::Instruments;
        for row in Row::ALL {
            for y in 0..ny {
                let parts = kinds.iter().map(|&k| at(k, row, y)).collect();
                self.gate.sum(at(all, row, y), parts);
            }
            let parts = kinds
                .iter()
                .map(|k| row_totals[k.index() * ROWS + row.index()])
                .collect();
            self.gate
                .sum(row_totals[all.index() * ROWS + row.index()], parts);
        }
        for y in 0..ny {
            let parts = kinds
                .iter()
                .map(|k| year_totals[k.index() * ny + y])
                .collect();
            self.gate.sum(year_totals[all.index() * ny + y], parts);
        }
        let parts = kinds.iter().map(|k| grand[k.index()]).collect();
        self.gate.sum(grand[all.index()], parts);
        TableIds {
            basis: table.basis,
            rows: rows_of(table),
            years,
            cells,
            year_totals,
            row_totals,
            grand,
        }
    }

    /// Per OCMW and per organisation by the trajectory's start year, summing to the
    /// province table's cells, rows and years.
    fn drill(&mut self, stats: &DossierStats, m: &Municipalities, ids: &TableIds) -> DrillIds {
        let years = ids.years.clone();
        let ny = years.len();
        // Name → counts per year (a year outside the table cannot occur: the drill-down
        // counts the same dossiers by the same year).
        let group = |map: &rustc_hash::FxHashMap<String, BTreeMap<i32, Counts>>,
                     keep: &dyn Fn(&str) -> bool| {
            let mut by: BTreeMap<String, Vec<Counts>> = BTreeMap::new();
            for (name, per_year) in map {
                if !keep(name) {
                    continue;
                }
                let row = by
                    .entry(name.clone())
                    .or_insert_with(|| vec![Counts::default(); ny]);
                for (year, c) in per_year {
                    if let Ok(y) = years.binary_search(year) {
                        row[y] += *c;
                    }
                }
            }
            by
        };
        let ocmws = group(&stats.by_municipality, &|n| m.province_of(n).is_some());
        let organisations = group(&stats.by_organisation, &|_| true);
        let mut register = |by: BTreeMap<String, Vec<Counts>>,
                            province: &dyn Fn(&str) -> Option<Row>| {
            let mut out = Vec::new();
            for (name, per_year) in by {
                let mut cells = Vec::with_capacity(MEASURES * ny);
                let mut totals = Vec::with_capacity(MEASURES);
                for meas in Measure::WITH_ALL_INSTRUMENTS {
                    let parts: Vec<Id> = per_year
                        .iter()
                        .map(|c| self.gate.count(c.get(meas)))
                        .collect();
                    let total = self.gate.count(per_year.iter().map(|c| c.get(meas)).sum());
                    self.gate.sum(total, parts.clone());
                    cells.extend(parts);
                    totals.push(total);
                }
                let at = |meas: Measure, y: usize| cells[meas.index() * ny + y];
                for y in 0..ny {
                    let parts = InstrumentType::ALL
                        .iter()
                        .map(|&t| at(Measure::Instrument(t), y))
                        .collect();
                    self.gate.sum(at(Measure::Instruments, y), parts);
                }
                let parts = InstrumentType::ALL
                    .iter()
                    .map(|&t| totals[Measure::Instrument(t).index()])
                    .collect();
                self.gate.sum(totals[Measure::Instruments.index()], parts);
                out.push(DrillIdRow {
                    row: province(&name),
                    name,
                    cells,
                    totals,
                });
            }
            out
        };
        let ocmws = register(ocmws, &|n| m.province_of(n).map(Row::Province));
        let organisations = register(organisations, &|_| None);
        // The OCMWs of a province add up to its cells and its total; the organisations to
        // Flanders' years and grand total.
        for meas in Measure::WITH_ALL_INSTRUMENTS {
            for row in Row::ALL.iter().filter(|r| r.province().is_some()) {
                let mine: Vec<&DrillIdRow> = ocmws.iter().filter(|o| o.row == Some(*row)).collect();
                if mine.is_empty() {
                    continue;
                }
                for y in 0..ny {
                    let parts = mine
                        .iter()
                        .map(|o| o.cells[meas.index() * ny + y])
                        .collect();
                    self.gate.sum(ids.cell(meas, *row, y), parts);
                }
                let parts = mine.iter().map(|o| o.totals[meas.index()]).collect();
                self.gate
                    .sum(ids.row_totals[meas.index() * ROWS + row.index()], parts);
            }
            if !organisations.is_empty() {
                for y in 0..ny {
                    let parts = organisations
                        .iter()
                        .map(|o| o.cells[meas.index() * ny + y])
                        .collect();
                    self.gate.sum(ids.year_totals[meas.index() * ny + y], parts);
                }
                let parts = organisations
                    .iter()
                    .map(|o| o.totals[meas.index()])
                    .collect();
                self.gate.sum(ids.grand[meas.index()], parts);
            }
        }
        DrillIds {
            years,
            ocmws,
            organisations,
        }
    }

    /// The instruments' status per kind (adding up to the kind's grand total), the
    /// outflow (adding up to the closed trajectories) and the trajectory years.
    fn detail(&mut self, stats: &DossierStats) -> DetailIds {
        let status = InstrumentType::ALL
            .iter()
            .map(|&t| {
                let c = stats.status.get(&t).copied().unwrap_or_default();
                let ids = [c.planned, c.running, c.completed, c.stopped_early]
                    .map(|v| self.gate.count(v));
                if let Some(&g) = self
                    .shared
                    .get(&Same::Grand(Measure::Instrument(t).index()))
                {
                    self.gate.sum(g, ids.to_vec());
                }
                (t, ids)
            })
            .collect();
        // An average of fewer than five instruments would tell of one or two clients.
        let average_days = InstrumentType::ALL
            .iter()
            .map(|&t| {
                let n = stats.days.get(&t).map_or(0, |d| d.1);
                let shown = match (n, stats.average_days(t)) {
                    (0, _) | (_, None) => Shown::Undefined,
                    (n, Some(_)) if n < 5 => Shown::Withheld,
                    (_, Some(avg)) => Shown::Value(avg),
                };
                (t, shown)
            })
            .collect();
        let closed = self.gate.count(stats.closed);
        let [yes, no, unknown] = stats.outcomes;
        let outcomes = [yes, no, unknown, stats.not_measured()].map(|v| self.gate.count(v));
        self.gate.sum(closed, outcomes.to_vec());
        let years = self.gate.count(stats.years);
        let years_split = [stats.years_meeting(), stats.years_exempt, stats.years_below]
            .map(|v| self.gate.count(v));
        self.gate.sum(years, years_split.to_vec());
        DetailIds {
            status,
            average_days,
            closed,
            outcomes,
            years,
            years_split,
        }
    }
}

/// The counts the figures of a workspace are made from, kept as dossiers are added a part
/// at a time: what `present --export` holds of a quarter of a million dossiers is these
/// counts, never all the dossiers at once.
pub struct FigureCounts {
    /// The two tables, by the trajectory's start year and by calendar year.
    tables: [ProvinceYearTable; 2],
    /// Outcomes, documents, trainings and the rest of the dossiers' own figures.
    stats: DossierStats,
    /// The reference date they are counted on.
    today: NaiveDate,
}

impl FigureCounts {
    /// Nothing counted yet, for `today`.
    pub fn new(today: NaiveDate) -> Self {
        FigureCounts {
            tables: YearBasis::ALL.map(ProvinceYearTable::new),
            stats: DossierStats::default(),
            today,
        }
    }

    /// The counts of every dossier file below `paths`, read, checked and counted a part of
    /// [`Self::PART`] files at a time (memory holds a part and the counts, never the
    /// workspace); with the files that could not be read (and repeated ids) and how many
    /// dossiers were counted. The one way figures are made from a folder (`stats --dossiers`,
    /// `present --export`).
    pub fn of_folder(
        paths: &[std::path::PathBuf],
        today: NaiveDate,
    ) -> (Self, Vec<crate::files::LoadError>, usize) {
        let mut counts = FigureCounts::new(today);
        let mut n = 0;
        let errors = crate::files::load_paths_in_parts(paths, Self::PART, |part| {
            let refs: Vec<&crate::model::Dossier> = part.iter().map(|d| &d.dossier).collect();
            n += refs.len();
            counts.add(&refs);
        });
        (counts, errors, n)
    }

    /// Dossier files read, checked and counted at a time ([`crate::files::PART`]).
    pub const PART: usize = crate::files::PART;

    /// Counts `dossiers` in.
    pub fn add(&mut self, dossiers: &[&crate::model::Dossier]) {
        let m = crate::reference::municipalities();
        let ctx = crate::rules::CheckContext::new(self.today);
        // The checks on every core while this thread counts the two tables: the checks are
        // two thirds of the work (Flanders: 18 ms on one core).
        let (tables, findings) = rayon::join(
            || {
                YearBasis::ALL.map(|basis| {
                    ProvinceYearTable::from_dossiers(dossiers.iter().copied(), m, basis)
                })
            },
            || crate::rules::check_all(dossiers.iter().copied(), &ctx),
        );
        for (kept, part) in self.tables.iter_mut().zip(tables) {
            kept.merge(part);
        }
        for (d, f) in dossiers.iter().zip(&findings) {
            self.stats.apply(d, f, 1);
        }
    }

    /// The figures, through the gate (1 to 4 shown only with `show_small`).
    pub fn figures(&self, show_small: bool) -> Figures {
        let m = crate::reference::municipalities();
        Figures::dossiers(
            &self.tables[0],
            &self.tables[1],
            &self.stats,
            m,
            self.today,
            show_small,
        )
    }
}

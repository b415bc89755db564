//! The statistics' figures on every path (issue 21): the year counted by the trajectory's
//! start, the unknown OCMWs as a row of every total, one disclosure gate whose hidden counts
//! no output gives back, and one total in every output of one source.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_core::stats::charts::{self, ChartOptions};
use twe_core::stats::disclosure::Shown;
use twe_core::stats::{Figures, Measure, YearBasis};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_twe-planner"));
    c.env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

/// `count` generated dossiers (seed `seed`), and `unknown` more of an OCMW no map knows.
fn dossiers(count: usize, seed: u64, unknown: usize) -> Vec<Dossier> {
    let opts = twe_core::generate::Options {
        count,
        seed,
        match_published: false,
        violations: 0.0,
    };
    let mut all: Vec<Dossier> = twe_core::generate::generate(&opts)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    for k in 0..unknown {
        let mut d = all[k].clone();
        d.id = format!("ATL-{k}");
        d.ocmw = "Atlantis".into();
        all.push(d);
    }
    all
}

fn write(dir: &Path, all: &[Dossier]) {
    let pairs: Vec<(Dossier, Option<twe_core::generate::Injected>)> =
        all.iter().cloned().map(|d| (d, None)).collect();
    twe_core::generate::write(&pairs, dir).unwrap();
}

/// A figure as an output writes it.
fn parse(cell: &str) -> Shown {
    match cell.trim() {
        "<5" => Shown::Small,
        "–" => Shown::Withheld,
        "" => Shown::Undefined,
        n => Shown::Value(n.parse().unwrap_or_else(|_| panic!("«{n}» is no figure"))),
    }
}

fn from_data(d: &Data) -> Shown {
    match d {
        Data::Float(f) => Shown::Value(*f),
        Data::Int(i) => Shown::Value(*i as f64),
        Data::String(s) => parse(s),
        Data::Empty => Shown::Undefined,
        other => panic!("{other:?} is no figure"),
    }
}

/// A table of one measure: rows × columns with their totals, as an output shows it.
#[derive(Default)]
struct Grid {
    cells: BTreeMap<(String, String), Shown>,
    row_totals: BTreeMap<String, Shown>,
    col_totals: BTreeMap<String, Shown>,
    grand: Option<Shown>,
}

impl Grid {
    /// No row, column or total lets a hidden count be worked back: never exactly one
    /// hidden part beside a shown total, never a hidden total of shown parts; and no count
    /// from 1 to 4 shown.
    fn check(&self, what: &str) -> Result<(), TestCaseError> {
        let lines = |key: &dyn Fn(&(String, String)) -> &String,
                     totals: &BTreeMap<String, Shown>| {
            totals
                .iter()
                .map(|(k, t)| {
                    let parts: Vec<Shown> = self
                        .cells
                        .iter()
                        .filter(|(c, _)| key(c) == k)
                        .map(|(_, v)| *v)
                        .collect();
                    (k.clone(), *t, parts)
                })
                .collect::<Vec<_>>()
        };
        let mut all = lines(&|c| &c.0, &self.row_totals);
        all.extend(lines(&|c| &c.1, &self.col_totals));
        if let Some(g) = self.grand {
            all.push((
                "grand/rows".into(),
                g,
                self.row_totals.values().copied().collect(),
            ));
            all.push((
                "grand/columns".into(),
                g,
                self.col_totals.values().copied().collect(),
            ));
        }
        for (name, total, parts) in all {
            let hidden = parts.iter().filter(|p| p.is_hidden()).count();
            prop_assert!(
                total.is_hidden() || hidden != 1,
                "{what} {name}: one hidden part beside {total:?}"
            );
            prop_assert!(
                !total.is_hidden() || hidden != 0 || parts.is_empty(),
                "{what} {name}: a hidden total of shown parts"
            );
        }
        for (k, v) in self.cells.iter().map(|(k, v)| (format!("{k:?}"), v)).chain(
            self.row_totals
                .iter()
                .chain(&self.col_totals)
                .map(|(k, v)| (k.clone(), v)),
        ) {
            if let Shown::Value(x) = v {
                prop_assert!(
                    !(0.5..4.5).contains(x),
                    "{what} {k}: a count of {x} is shown"
                );
            }
        }
        Ok(())
    }
}

/// The province × year table of `csv` (the command line's contract), one grid per column.
fn grids_of_csv(csv: &str) -> Vec<Grid> {
    let mut grids: Vec<Grid> = (0..6).map(|_| Grid::default()).collect();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let (row, year) = (cells[0].to_string(), cells[1].to_string());
        for (m, grid) in grids.iter_mut().enumerate() {
            let v = parse(cells[m + 2]);
            match (row.as_str(), year.is_empty()) {
                ("Totaal", true) => grid.grand = Some(v),
                ("Totaal", false) => {
                    grid.col_totals.insert(year.clone(), v);
                }
                (_, true) => {
                    grid.row_totals.insert(row.clone(), v);
                }
                _ => {
                    grid.cells.insert((row.clone(), year.clone()), v);
                }
            }
        }
    }
    grids
}

/// The same of the JSON lines.
fn grids_of_json(json: &serde_json::Value) -> Vec<Grid> {
    let mut grids: Vec<Grid> = (0..6).map(|_| Grid::default()).collect();
    for line in json.as_array().unwrap() {
        let row = line["province"].as_str().unwrap().to_string();
        let year = line["year"]
            .as_i64()
            .map(|y| y.to_string())
            .unwrap_or_default();
        for (m, grid) in grids.iter_mut().enumerate() {
            let v = match &line[Measure::ALL[m].csv_name()] {
                serde_json::Value::Number(n) => Shown::Value(n.as_f64().unwrap()),
                serde_json::Value::String(s) => parse(s),
                other => panic!("{other}"),
            };
            match (row.as_str(), year.is_empty()) {
                ("Totaal", true) => grid.grand = Some(v),
                ("Totaal", false) => {
                    grid.col_totals.insert(year.clone(), v);
                }
                (_, true) => {
                    grid.row_totals.insert(row.clone(), v);
                }
                _ => {
                    grid.cells.insert((row.clone(), year.clone()), v);
                }
            }
        }
    }
    grids
}

/// Every sheet of counts of the workbook as grids: the data sheet (each of its seven
/// counts), each chart sheet of counts (series × categories with their totals) and the
/// drill-down sheets (each OCMW's years against its total).
fn grids_of_workbook(bytes: &[u8]) -> Vec<(String, Grid)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        let head = 2;
        if rows.len() <= head {
            continue;
        }
        let header: Vec<String> = rows[head].iter().map(ToString::to_string).collect();
        if name == "Data" {
            for m in 0..7 {
                let mut g = Grid::default();
                for r in &rows[head + 1..] {
                    let (row, year) = (r[0].to_string(), r[1].to_string());
                    if row.is_empty() || row.starts_with("Source") || row.starts_with('«') {
                        continue;
                    }
                    let v = from_data(&r[m + 2]);
                    match (row == "Flanders", year.is_empty()) {
                        (true, true) => g.grand = Some(v),
                        (true, false) => {
                            g.col_totals.insert(year, v);
                        }
                        (false, true) => {
                            g.row_totals.insert(row, v);
                        }
                        (false, false) => {
                            g.cells.insert((row, year), v);
                        }
                    }
                }
                out.push((format!("Data/{}", header[m + 2]), g));
            }
        } else if name.starts_with("Per municipality") || name.starts_with("Per organisation") {
            for m in 0..6 {
                let mut g = Grid::default();
                for r in &rows[head + 1..] {
                    if r.len() < 9 || r[2].to_string().is_empty() {
                        continue;
                    }
                    let (row, year) = (r[0].to_string(), r[2].to_string());
                    let v = from_data(&r[m + 3]);
                    if year == "every year" {
                        g.row_totals.insert(row, v);
                    } else {
                        g.cells.insert((row, year), v);
                    }
                }
                out.push((format!("{name}/{}", header[m + 3]), g));
            }
        } else if header.last().map(String::as_str) == Some("Total") {
            // A chart of counts: its cells are whole numbers.
            let mut g = Grid::default();
            let cats = &header[1..header.len() - 1];
            for r in &rows[head + 1..] {
                let row = r[0].to_string();
                if row.is_empty() || row.starts_with("Source") || row.starts_with('«') {
                    continue;
                }
                for (c, cat) in cats.iter().enumerate() {
                    let v = from_data(&r[c + 1]);
                    if row == "Total" {
                        g.col_totals.insert(cat.clone(), v);
                    } else {
                        g.cells.insert((row.clone(), cat.clone()), v);
                    }
                }
                let t = from_data(&r[cats.len() + 1]);
                if row == "Total" {
                    g.grand = Some(t);
                } else {
                    g.row_totals.insert(row, t);
                }
            }
            out.push((name.clone(), g));
        }
    }
    out
}

/// The deck's charts of counts as grids, as their pages draw them: the bars' values, their
/// totals, and a stack's hidden part (a part of the stack's height, which must hold two
/// hidden figures at least).
fn grids_of_slides(f: &Figures, basis: YearBasis) -> Vec<(String, Grid)> {
    let table = f.table_or_start(basis);
    let mut out = Vec::new();
    for measure in Measure::ALL {
        let opts = ChartOptions {
            measure,
            up_to: i32::MAX,
            relative: false,
        };
        for data in charts::all(table, &opts, Lang::En) {
            let Some(t) = &data.totals else { continue };
            let mut g = Grid::default();
            for (k, s) in data.series.iter().enumerate() {
                for (c, cat) in data.categories.iter().enumerate() {
                    g.cells.insert((s.name.clone(), cat.clone()), s.values[c]);
                }
                g.row_totals.insert(s.name.clone(), t.per_series[k]);
            }
            for (c, cat) in data.categories.iter().enumerate() {
                g.col_totals.insert(cat.clone(), t.per_category[c]);
            }
            g.grand = Some(t.grand);
            out.push((format!("{} {measure:?}", data.title), g));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]
    /// Decision 9 on whole workspaces of 50 to 2,000 dossiers (a few of an unknown OCMW):
    /// no output — the command line's CSV and JSON, every counting sheet of the workbook,
    /// the deck's charts — lets a count from 1 to 4 be worked back from what it shows.
    #[test]
    fn no_output_gives_a_hidden_count_back(count in 50usize..2000, seed in 0u64..10_000, unknown in 0usize..6) {
        let all = dossiers(count, seed, unknown);
        let refs: Vec<&Dossier> = all.iter().collect();
        let f = Figures::of(&refs, today(), false);
        for basis in YearBasis::ALL {
            let t = f.table_or_start(basis);
            for (m, g) in grids_of_csv(&t.to_csv()).iter().enumerate() {
                g.check(&format!("CSV {basis:?} {m}"))?;
            }
            for (m, g) in grids_of_json(&t.to_json()).iter().enumerate() {
                g.check(&format!("JSON {basis:?} {m}"))?;
            }
            let charts = charts::all(t, &ChartOptions { measure: Measure::Trajectories, up_to: i32::MAX, relative: false }, Lang::En);
            let book = twe_documents::spreadsheet::stats_workbook(&twe_documents::spreadsheet::StatsBook {
                figures: &f,
                basis,
                charts: &charts,
                lang: Lang::En,
            }).unwrap();
            for (name, g) in grids_of_workbook(&book) {
                g.check(&format!("XLSX {basis:?} {name}"))?;
            }
            for (name, g) in grids_of_slides(&f, basis) {
                g.check(&format!("deck {basis:?} {name}"))?;
            }
        }
    }
}

/// The grids must see something: the checker is not vacuous.
#[test]
fn the_output_checker_reads_every_output_and_bites() {
    let all = dossiers(300, 3, 3);
    let refs: Vec<&Dossier> = all.iter().collect();
    let f = Figures::of(&refs, today(), false);
    let t = f.table_or_start(YearBasis::TrajectoryStart);
    let csv = grids_of_csv(&t.to_csv());
    assert!(csv[0].cells.len() >= 25 && csv[0].grand.is_some());
    let charts = charts::all(
        t,
        &ChartOptions {
            measure: Measure::Trajectories,
            up_to: i32::MAX,
            relative: false,
        },
        Lang::En,
    );
    let book = twe_documents::spreadsheet::stats_workbook(&twe_documents::spreadsheet::StatsBook {
        figures: &f,
        basis: YearBasis::TrajectoryStart,
        charts: &charts,
        lang: Lang::En,
    })
    .unwrap();
    let sheets = grids_of_workbook(&book);
    assert!(sheets.iter().any(|(n, _)| n.starts_with("Data/")));
    assert!(
        sheets
            .iter()
            .any(|(n, _)| n.starts_with("Per municipality/"))
    );
    assert!(sheets.iter().any(|(n, _)| n == "Per province"));
    // The same figures with the small counts shown fail the check.
    let open = Figures::of(&refs, today(), true);
    let csv = grids_of_csv(&open.table_or_start(YearBasis::TrajectoryStart).to_csv());
    assert!(csv.iter().any(|g| g.check("shown").is_err()));
}

/// Decision 10: one workspace, one total — the command line's table, CSV and JSON, the
/// workbook's data and chart sheets and the deck's words give the same yearly and grand
/// totals, the unknown OCMWs' dossiers counted in.
#[test]
fn every_output_gives_the_same_totals() {
    let dir = tempfile::tempdir().unwrap();
    let all = dossiers(2000, 11, 4);
    write(dir.path(), &all);
    let ws = dir.path().display().to_string();
    let truth = twe_core::stats::ProvinceYearTable::from_dossiers(
        all.iter(),
        twe_core::reference::municipalities(),
        YearBasis::TrajectoryStart,
    );
    let grand = truth.grand_total().trajectories;
    assert_eq!(grand, 2004);
    let years = truth.years();
    // CSV and JSON.
    let csv = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--format",
        "csv",
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(csv.status.code(), Some(0), "{}", text(&csv.stderr));
    let grids = grids_of_csv(&text(&csv.stdout));
    assert!(text(&csv.stdout).contains("\nOnbekend,"));
    let json = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--format",
        "json",
        "--today",
        "2026-06-01",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let jgrids = grids_of_json(&json);
    for g in [&grids[0], &jgrids[0]] {
        assert_eq!(g.grand, Some(Shown::Value(grand as f64)));
        for &y in &years {
            assert_eq!(
                g.col_totals.get(&y.to_string()),
                Some(&Shown::Value(truth.year_total(y).trajectories as f64)),
                "{y}"
            );
        }
    }
    // The table names the unknown OCMWs and its grand total.
    let table = text(
        &run(&[
            "stats",
            "--dossiers",
            &ws,
            "--lang",
            "en",
            "--today",
            "2026-06-01",
        ])
        .stdout,
    );
    assert!(table.contains("Unknown"), "{table}");
    assert!(table.contains("2,004"), "{table}");
    // The workbook: the data sheet's Flanders and the chart sheet's totals.
    let book = dir.path().join("figures.xlsx");
    let o = bin()
        .args([
            "stats",
            "--dossiers",
            &ws,
            "--format",
            "xlsx",
            "--lang",
            "en",
            "--today",
            "2026-06-01",
            "--out",
        ])
        .arg(&book)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let sheets = grids_of_workbook(&std::fs::read(&book).unwrap());
    let data = &sheets
        .iter()
        .find(|(n, _)| n == "Data/Trajectories")
        .unwrap()
        .1;
    let chart = &sheets.iter().find(|(n, _)| n == "Per province").unwrap().1;
    for g in [data, chart] {
        assert_eq!(g.grand, Some(Shown::Value(grand as f64)));
        for &y in &years {
            assert_eq!(
                g.col_totals.get(&y.to_string()),
                Some(&Shown::Value(truth.year_total(y).trajectories as f64))
            );
        }
    }
    assert!(chart.cells.keys().any(|(r, _)| r == "Unknown"));
    // The deck's words: the last year's total in the bars' sentence, the trend's totals.
    let deck = dir.path().join("deck.pdf");
    let o = bin()
        .args(["present", &ws, "--lang", "en", "--export"])
        .arg(&deck)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let words =
        pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(&deck).unwrap()).unwrap();
    let last = *years.last().unwrap();
    let n = |v: i64| twe_core::lang::number(v, Lang::En);
    assert!(
        words[0].contains(&format!("of {}", n(truth.year_total(last).trajectories))),
        "{}",
        words[0]
    );
    let first = years[0];
    assert!(
        words[1].contains(&format!(
            "Flanders fell from {}",
            n(truth.year_total(first).trajectories)
        )) || words[1].contains(&format!(
            "Flanders rose from {}",
            n(truth.year_total(first).trajectories)
        )),
        "{}",
        words[1]
    );
}

/// The command line asks for the small counts and for the second way of counting, and
/// says what the hidden figures mean beside a file for programs.
#[test]
fn stats_from_dossiers_hides_small_counts_unless_asked_and_counts_the_year_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let all = dossiers(200, 5, 2);
    write(dir.path(), &all);
    let ws = dir.path().display().to_string();
    let o = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--format",
        "csv",
        "--lang",
        "en",
        "--today",
        "2026-06-01",
    ]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert!(out.contains("<5"), "{out}");
    assert!(err.contains("«<5»: a count from 1 to 4"), "{err}");
    // The two unknown dossiers are a row, hidden.
    assert!(
        out.lines()
            .any(|l| l.starts_with("Onbekend,") && l.contains("<5")),
        "{out}"
    );
    let o = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--format",
        "csv",
        "--show-small-counts",
    ]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert!(!out.contains("<5") && !out.contains('–'), "{out}");
    assert!(err.is_empty(), "{err}");
    assert!(out.lines().any(|l| l.starts_with("Onbekend,,2,")), "{out}");
    // The second way of counting is labelled; the trajectories stay, the instruments move.
    let o = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--by",
        "calendar-year",
        "--lang",
        "en",
        "--today",
        "2026-06-01",
    ]);
    assert!(text(&o.stdout).contains("Year: calendar year (instruments: the year they start)"));
    let by_start = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--format",
        "csv",
        "--show-small-counts",
    ]);
    let by_year = run(&[
        "stats",
        "--dossiers",
        &ws,
        "--format",
        "csv",
        "--show-small-counts",
        "--by",
        "calendar-year",
    ]);
    let grand = |o: &Output| text(&o.stdout).lines().last().unwrap().to_string();
    assert_eq!(
        grand(&by_start),
        grand(&by_year),
        "every instrument counted once either way"
    );
}

//! `twe-planner export` on real files, read back with calamine: the four sheets, their
//! headers in the language, real dates, a row per instrument; CSV with `;`, a BOM and CRLF;
//! text that starts like a formula made harmless; never over a file without `--force`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_twe-planner"));
    c.env("LANG", "en_GB.UTF-8").env_remove("LC_ALL");
    c
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample")
}

#[test]
fn export_writes_four_sheets_with_real_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("caseload.xlsx");
    let o = bin()
        .arg("export")
        .arg(sample())
        .arg("--out")
        .arg(&out)
        .args(["--lang", "nl"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let bytes = std::fs::read(&out).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Instrumenten", "Documenten", "Activiteiten", "Resultaat"]
    );
    let range = book.worksheet_range("Instrumenten").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(header[0], "dossier");
    assert_eq!(header[6], "start traject");
    let dossiers = twe_planner::sample::load().dossiers;
    let expected_rows: usize = dossiers
        .iter()
        .map(|d| d.dossier.instruments.len().max(1))
        .sum();
    assert_eq!(range.rows().count() - 1, expected_rows);
    // The trajectory's start is a real date, and the sample's first dossier's.
    let first = range.rows().nth(1).unwrap();
    assert!(first[6].is_datetime(), "{:?}", first[6]);
    let ids: Vec<String> = range.rows().skip(1).map(|r| r[0].to_string()).collect();
    for d in &dossiers {
        assert!(ids.contains(&d.dossier.id), "{}", d.dossier.id);
    }
    let row = range
        .rows()
        .find(|r| r[0] == Data::String("HERE-2024-0028".into()))
        .unwrap();
    let start = row[6].as_datetime().unwrap().date();
    assert_eq!(start.to_string(), "2024-03-04");
    // Never over a file without --force.
    let o = bin()
        .arg("export")
        .arg(sample())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("already exists"));
}

#[test]
fn csv_is_the_instruments_sheet_with_bom_semicolons_and_crlf_and_no_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.ron");
    let text = std::fs::read_to_string(sample().join("leuven-2018-0006.ron"))
        .unwrap()
        .replace(
            "client: \"Jonas Claes\"",
            "client: \"=HYPERLINK(\\\"x\\\")\"",
        );
    std::fs::write(&dossier, text).unwrap();
    let out = dir.path().join("caseload.csv");
    let o = bin()
        .arg("export")
        .arg(&dossier)
        .arg("--out")
        .arg(&out)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte order mark"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\n"));
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id;client;ocmw;guided by;counsellor;plan")
    );
    let row = lines.next().unwrap();
    assert!(row.contains("'=HYPERLINK"), "{row}");
}

#[test]
fn the_template_is_the_empty_workbook_with_its_headers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("template.xlsx");
    let o = bin()
        .args(["export", "--template", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let bytes = std::fs::read(&out).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Instruments", "Documents", "Activities", "Outcome"]
    );
    let range = book.worksheet_range("Instruments").unwrap();
    assert_eq!(range.rows().count(), 1, "the header alone");
}

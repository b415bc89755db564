//! `twe-planner export` on real files, read back with calamine: the four sheets, their
//! headers in the language, real dates, a row per instrument; CSV with `;`, a BOM and CRLF;
//! text that starts like a formula made harmless; never over a file without `--force`.

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_twe-planner"));
    c.env("LANG", "en_GB.UTF-8").env_remove("LC_ALL");
    c
}

/// `twe-planner export PATH --out FILE ARGS...`.
fn export_cli(
    path: impl AsRef<std::ffi::OsStr>,
    out: impl AsRef<std::ffi::OsStr>,
    args: &[&str],
) -> std::process::Output {
    bin()
        .arg("export")
        .arg(path)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap()
}

/// `twe-planner import FILE --out DIR ARGS...`.
fn import_cli(
    file: impl AsRef<std::ffi::OsStr>,
    out: impl AsRef<std::ffi::OsStr>,
    args: &[&str],
) -> std::process::Output {
    bin()
        .arg("import")
        .arg(file)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap()
}

/// What a command said: standard error (rows it could not read, notes, what it refused),
/// then standard output (its summary), as a user reads them in a terminal.
fn said(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    )
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample")
}

#[test]
fn export_writes_four_sheets_with_real_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("caseload.xlsx");
    let o = export_cli(sample(), &out, &["--lang", "nl"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
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
    let dossiers = twe_core::sample::load().dossiers;
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
    let o = export_cli(sample(), &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("already exists"));
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
    let o = export_cli(&dossier, &out, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
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

// Import.

use chrono::NaiveDate;
use proptest::prelude::*;
use twe_core::lang::Lang;
use twe_core::model::{
    ActivityKind, Actor, DocumentKind, Dossier, Focus, InstrumentKind, Provider, Status,
};
use twe_documents::spreadsheet::{Preview, Source, import, read_csv, read_xlsx, sheets, workbook};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Exports `dossiers` as a workbook in `lang` and imports it again.
fn round_trip(dossiers: &[Dossier], lang: Lang) -> twe_documents::spreadsheet::Imported {
    let refs: Vec<&Dossier> = dossiers.iter().collect();
    let mut all = sheets(&refs, lang).to_vec();
    // As `export --notes` writes it: the notes as a fifth sheet.
    all.push(twe_documents::spreadsheet::notes_sheet(&refs, lang));
    let bytes = workbook(&all).unwrap();
    let tables = read_xlsx(&bytes).unwrap();
    import(&Preview::of(Source::of_tables(tables, false)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_generated_workspace_survives_export_then_import(
        seed in any::<u64>(),
        count in 1usize..80,
        violations in 0.0f64..0.6,
        english in any::<bool>(),
    ) {
        let kinds = [
            twe_core::model::NoteKind::Conversation,
            twe_core::model::NoteKind::Phone,
            twe_core::model::NoteKind::HomeVisit,
            twe_core::model::NoteKind::Email,
            twe_core::model::NoteKind::Meeting,
            twe_core::model::NoteKind::Other("bemiddeling".into()),
        ];
        let dossiers: Vec<Dossier> = twe_core::generate::generate(&twe_core::generate::Options {
            count,
            seed,
            match_published: false,
            violations,
        })
        .into_iter()
        .enumerate()
        .map(|(k, (mut d, _))| {
            // Some dossiers with notes, of every kind, with line breaks and quotes.
            for n in 0..(k % 3) {
                d.notes.push(twe_core::model::Note {
                    date: d.start,
                    kind: kinds[(k + n) % kinds.len()].clone(),
                    author: if n == 0 { String::new() } else { "Sofie Peeters".into() },
                    text: format!("Gesprek {n}:\n«afspraak» om 10u; \"dringend\""),
                });
            }
            d
        })
        .collect();
        let lang = if english { Lang::En } else { Lang::Nl };
        let got = round_trip(&dossiers, lang);
        prop_assert!(got.problems.is_empty(), "{:?}", got.problems);
        prop_assert_eq!(got.dossiers, dossiers);
    }
}

/// Text no generator makes: named plans, providers, documents and services, formulas,
/// apostrophes, spaces at the ends, control characters, path-like ids, dates Excel cannot
/// hold, a dossier without instruments and one with every field empty that may be.
fn odd_dossiers() -> Vec<Dossier> {
    let mut a = twe_core::sample::load().dossiers[0].dossier.clone();
    a.id = "../../etc/passwd".into();
    a.client = "=HYPERLINK(\"http://x\";\"klik\")".into();
    a.ocmw = " Gent ".into();
    // rust_xlsxwriter's rich-text markup, and text that would close its element.
    a.counsellor = Some("<r>&</r>".into());
    a.client = format!("'Vzw De Link {}", a.client);
    a.guided_by = Some("<r><t>a</t></r></si><si><r><t>b</t></r>".into());
    a.plan = Some(twe_core::model::Plan::Other("-trajectplan".into()));
    a.social_rights_acquired = Some(ymd(1899, 12, 31));
    a.instruments.push(twe_core::model::Instrument {
        kind: InstrumentKind::Opleiding {
            name: "+Lassen\u{1}".into(),
            provider: Provider::Other("Syntra West".into()),
            focus: Focus::Technical,
            full_time: true,
        },
        start: ymd(2021, 2, 1),
        end: ymd(2021, 4, 30),
        status: Status::StoppedEarly,
    });
    a.documents.push(twe_core::model::Document {
        kind: DocumentKind::Other("''attest".into()),
        uploaded: ymd(2021, 5, 1),
    });
    a.activities.push(twe_core::model::Activity {
        kind: ActivityKind::VdabService("Werkplekleren".into()),
        date: ymd(2021, 5, 2),
        by: Actor::Organisation,
    });
    a.outcome = Some(twe_core::model::Outcome {
        at_work: None,
        measured: ymd(2024, 1, 1),
    });
    let b = Dossier::new("CON", "Zoë Çelik", "Sint-Niklaas", ymd(2023, 1, 1));
    vec![a, b]
}

#[test]
fn odd_text_survives_export_then_import_in_both_languages() {
    let dossiers = odd_dossiers();
    for lang in [Lang::Nl, Lang::En] {
        let got = round_trip(&dossiers, lang);
        assert!(got.problems.is_empty(), "{:?}", got.problems);
        assert_eq!(got.dossiers, dossiers);
    }
}

#[test]
fn a_csv_export_imports_its_instruments() {
    let dossiers = odd_dossiers();
    let refs: Vec<&Dossier> = dossiers.iter().collect();
    let bytes = twe_documents::spreadsheet::csv(&sheets(&refs, Lang::Nl)[0]).unwrap();
    let table = read_csv(&bytes, "x.csv").unwrap();
    let got = import(&Preview::of(Source::of_tables(vec![table], true)));
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    let without_details: Vec<Dossier> = dossiers
        .into_iter()
        .map(|mut d| {
            d.documents.clear();
            d.activities.clear();
            d.outcome = None;
            d
        })
        .collect();
    assert_eq!(got.dossiers, without_details);
}

enum C<'a> {
    T(&'a str),
    D(NaiveDate),
    N(f64),
    E,
}
use C::{D, E, N, T};

/// The messy instruments sheet's rows, from row 4 (a row per line).
#[rustfmt::skip]
fn messy_rows() -> Vec<Vec<C<'static>>> {
    vec![
        // Row 4: a good dossier's first instrument.
        vec![T("An Peeters"), T("GENT-1"), D(ymd(2020, 9, 1)), T("Gent"), T("Art60"), D(ymd(2020, 9, 1)), T("28/02/2021"), T("LOPEND"), E, E, E, E, T("eerste rij"), T("Sofie")],
        // Row 5: its second, the start as text that agrees.
        vec![T("An Peeters"), T("GENT-1"), T("2020-09-01"), T("Gent"), T("opleiding"), T("1/3/2021"), D(ymd(2021, 5, 31)), T("Afgerond"), T("Lassen"), T("erkend"), T("Technisch"), T("JA"), E, T("Sofie")],
        // Row 6: a dossier without instruments.
        vec![T("Bart Maes"), T("GENT-2"), T("01/01/2022"), T("Gent"), E, E, E, E, E, E, E, E, E, E],
        // Row 7: a date that does not exist; row 8 of the same dossier is fine but goes too.
        vec![T("Cas"), T("GENT-3"), T("01/01/2022"), T("Gent"), T("WES"), T("31/02/2022"), T("30/04/2022"), T("gepland"), E, E, E, E, E, E],
        vec![T("Cas"), T("GENT-3"), T("01/01/2022"), T("Gent"), T("IBO"), T("01/05/2022"), T("30/06/2022"), T("gepland"), E, E, E, E, E, E],
        // Row 9: an unknown kind.
        vec![T("Dirk"), T("GENT-4"), T("01/01/2022"), T("Gent"), T("stage"), T("01/02/2022"), T("30/04/2022"), T("gepland"), E, E, E, E, E, E],
        // Rows 10-11: dossier cells that disagree.
        vec![T("Els"), T("GENT-5"), T("01/01/2022"), T("Gent"), T("WES"), T("01/02/2022"), T("30/04/2022"), T("gepland"), E, E, E, E, E, E],
        vec![T("Els"), T("GENT-5"), T("01/01/2022"), T("Aalst"), T("IBO"), T("01/05/2022"), T("30/06/2022"), T("gepland"), E, E, E, E, E, E],
        // Row 12: dates without an instrument.
        vec![T("Fien"), T("GENT-6"), T("01/01/2022"), T("Gent"), E, T("01/02/2022"), T("30/04/2022"), T("gepland"), E, E, E, E, E, E],
        // Row 13: a year where a date belongs.
        vec![T("Gert"), T("GENT-7"), N(2021.0), T("Gent"), E, E, E, E, E, E, E, E, E, E],
        // Row 14: a yes/no that is neither.
        vec![T("Hilde"), T("GENT-8"), T("01/01/2022"), T("Gent"), T("opleiding"), T("01/02/2022"), T("30/04/2022"), T("gepland"), T("Koken"), T("VDAB"), T("generiek"), T("misschien"), E, E],
        // Row 15: fine here, its document is not.
        vec![T("Ilse"), T("GENT-9"), T("01/01/2022"), T("Gent"), E, E, E, E, E, E, E, E, E, E],
        // Row 16: fine here, two outcomes.
        vec![T("Jan"), T("GENT-10"), T("01/01/2022"), T("Gent"), E, E, E, E, E, E, E, E, E, E],
        // Row 17: fine everywhere.
        vec![T("Karim"), T("GENT-11"), T("15/3/2022"), T("Gent"), T("bvs"), D(ymd(2022, 4, 1)), D(ymd(2022, 4, 30)), T("vroegtijdig gestopt"), E, E, E, E, E, E],
    ]
}

/// The workbook a counsellor's own sheet might be: empty rows above, headers in another order,
/// case and spacing, an extra column, Excel dates and text dates mixed, Dutch words in any
/// case, and a bad row of each kind.
fn messy_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("d mmm yyyy");
    let ws = book.add_worksheet();
    ws.set_name("INSTRUMENTEN").unwrap();
    let header = [
        "Cliënt",
        "  DOSSIER ",
        "Start  Traject",
        "OCMW",
        "Instrument",
        "Begin",
        "Einde",
        "Status",
        "Opleiding",
        "Aanbieder",
        "Focus",
        "Voltijds",
        "Opmerking",
        "Begeleider",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let rows = messy_rows();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 3;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                T(t) => {
                    ws.write_string(r, c, *t).unwrap();
                }
                D(d) => {
                    ws.write_date_with_format(r, c, d, &date).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                E => {}
            }
        }
    }
    let ws = book.add_worksheet();
    ws.set_name("Documents").unwrap();
    for (c, h) in ["Kind", "ID", "Uploaded"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "pop").unwrap();
    ws.write_string(1, 1, "GENT-1").unwrap();
    ws.write_date_with_format(1, 2, ymd(2020, 9, 15), &date)
        .unwrap();
    ws.write_string(2, 0, "evaluatie").unwrap();
    ws.write_string(2, 1, "GENT-9").unwrap();
    ws.write_string(2, 2, "gisteren").unwrap();
    ws.write_string(3, 0, "POP").unwrap();
    ws.write_string(3, 1, "GENT-99").unwrap();
    ws.write_string(3, 2, "01/01/2022").unwrap();
    let ws = book.add_worksheet();
    ws.set_name("activiteiten").unwrap();
    for (c, h) in ["dossier", "soort", "datum", "door"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, kind, by)) in [
        ("GENT-1", "Job coaching", "ocmw"),
        ("GENT-2", "koken", "OCMW"),
    ]
    .iter()
    .enumerate()
    {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, *kind).unwrap();
        ws.write_date_with_format(r, 2, ymd(2021, 1, 10), &date)
            .unwrap();
        ws.write_string(r, 3, *by).unwrap();
    }
    let ws = book.add_worksheet();
    ws.set_name("Resultaat").unwrap();
    for (c, h) in ["dossier", "aan het werk", "gemeten"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, at_work)) in [("GENT-1", "Ja"), ("GENT-10", "nee"), ("GENT-10", "ja")]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, *at_work).unwrap();
        ws.write_string(r, 2, "2023-03-01").unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn import_a_messy_workbook_reports_each_bad_row_and_writes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("caseload.xlsx");
    std::fs::write(&file, messy_workbook()).unwrap();
    let ws = dir.path().join("werkmap");
    let o = import_cli(&file, &ws, &["--lang", "en", "--today", "2023-06-01"]);
    let stdout = said(&o);
    assert_eq!(o.status.code(), Some(2), "{stdout}");
    // The rows it could not read on standard error, the summary alone on standard output.
    let summary = String::from_utf8_lossy(&o.stdout);
    assert_eq!(summary.lines().count(), 1, "{summary}");
    assert!(summary.contains("dossiers imported"), "{summary}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[..lines.len() - 1],
        [
            "INSTRUMENTEN!7: Begin: «31/02/2022» is not a date (dd/mm/yyyy or yyyy-mm-dd)",
            "INSTRUMENTEN!9: Instrument: «stage» is unknown; accepted: art. 60§7, BVS, opleiding/training, WES, IBO",
            "INSTRUMENTEN!11: OCMW: «Aalst» differs from row 10 («Gent»)",
            "INSTRUMENTEN!12: Instrument: empty",
            "INSTRUMENTEN!13: Start  Traject: «2021» is a number, not a date: format the cell as a date or write dd/mm/yyyy",
            "INSTRUMENTEN!14: Voltijds: «misschien» is unknown; accepted: ja/yes, nee/no",
            "Documents!3: Uploaded: «gisteren» is not a date (dd/mm/yyyy or yyyy-mm-dd)",
            "Documents!4: ID: «GENT-99» is not (without errors) on the instruments sheet",
            "activiteiten!3: soort: «koken» is unknown; accepted: cv, sollicitatietraining/application training, jobcoaching/job coaching, jobsearching/job search, heroriëntering/reorientation, VDAB: …",
            "Resultaat!4: dossier: a second outcome for this dossier; the first is on row 3",
        ],
        "{stdout}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with(&format!("2 dossiers imported from {}", file.display()))
            && lines
                .last()
                .unwrap()
                .contains("10 rows could not be read, 9 dossiers left out"),
        "{stdout}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&ws)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["GENT-1.ron", "GENT-11.ron"]);
    let one = twe_core::files::load_file(&ws.join("GENT-1.ron")).unwrap();
    assert_eq!(one.client, "An Peeters");
    assert_eq!(one.start, ymd(2020, 9, 1));
    assert_eq!(one.counsellor.as_deref(), Some("Sofie"));
    assert_eq!(one.instruments.len(), 2);
    assert_eq!(one.instruments[0].kind, InstrumentKind::Art60);
    assert_eq!(one.instruments[0].end, ymd(2021, 2, 28));
    assert_eq!(one.instruments[0].status, Status::Running);
    assert_eq!(
        one.instruments[1].kind,
        InstrumentKind::Opleiding {
            name: "Lassen".into(),
            provider: Provider::Recognised,
            focus: Focus::Technical,
            full_time: true
        }
    );
    assert_eq!(
        (one.instruments[1].start, one.instruments[1].status),
        (ymd(2021, 3, 1), Status::Completed)
    );
    assert_eq!(one.documents[0].kind, DocumentKind::Pop);
    assert_eq!(one.activities[0].kind, ActivityKind::JobCoaching);
    assert_eq!(one.activities[0].by, Actor::Ocmw);
    // The sheet's «Opmerking» column: a note of the import's day.
    assert_eq!(one.notes.len(), 1);
    assert_eq!(one.notes[0].text, "eerste rij");
    assert_eq!(one.notes[0].date, ymd(2023, 6, 1));
    assert_eq!(one.outcome.unwrap().at_work, Some(true));
    let eleven = twe_core::files::load_file(&ws.join("GENT-11.ron")).unwrap();
    assert_eq!(eleven.start, ymd(2022, 3, 15));
    assert_eq!(eleven.instruments[0].status, Status::StoppedEarly);

    // Never into a folder that holds files, never over one: the folder is as it was.
    let before = std::fs::read(ws.join("GENT-1.ron")).unwrap();
    let o = import_cli(&file, &ws, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("the folder is not empty; choose a new or empty folder"));
    assert_eq!(std::fs::read(ws.join("GENT-1.ron")).unwrap(), before);
    assert_eq!(std::fs::read_dir(&ws).unwrap().count(), 2);

    // A dry run reads and reports, and writes nothing.
    let dry = dir.path().join("proef");
    let o = import_cli(&file, &dry, &["--dry-run", "--lang", "nl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("2 dossiers leesbaar (proef: niets geschreven)"));
    assert!(!dry.exists());
}

#[test]
fn import_csv_in_either_delimiter_and_encoding_names_the_file_as_sheet() {
    let dir = tempfile::tempdir().unwrap();
    // Excel on a Western Windows: Windows-1252, commas, CRLF, a date that is wrong.
    let file = dir.path().join("lijst.csv");
    std::fs::write(
        &file,
        b"ID,Cli\xebnt,OCMW,Trajectory start,Instrument,Start,End,Status\r\nA-1,Lo\xefc Dubois,Gent,01/09/2020,WES,1/10/2020,31/12/2020,completed\r\nA-2,No\xebl,Gent,2020-13-01,,,,\r\n",
    )
    .unwrap();
    let ws = dir.path().join("a");
    let o = import_cli(&file, &ws, &["--lang", "en"]);
    let stdout = said(&o);
    assert_eq!(o.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.starts_with("lijst.csv!3: Trajectory start: «2020-13-01» is not a date"),
        "{stdout}"
    );
    let a1 = twe_core::files::load_file(&ws.join("A-1.ron")).unwrap();
    assert_eq!(a1.client, "Loïc Dubois");
    assert_eq!(a1.instruments[0].end, ymd(2020, 12, 31));
    // UTF-8 with a byte order mark and semicolons, as the export writes it: all imported.
    let file = dir.path().join("export.csv");
    std::fs::write(
        &file,
        "\u{feff}dossier;cliënt;ocmw;start traject\r\nB-1;Zoë;Gent;01/09/2020\r\n",
    )
    .unwrap();
    let o = import_cli(&file, dir.path().join("b"), &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    assert_eq!(
        twe_core::files::load_file(&dir.path().join("b/B-1.ron"))
            .unwrap()
            .client,
        "Zoë"
    );
}

#[test]
fn import_refuses_what_is_no_spreadsheet_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("caseload.xlsx");
    std::fs::write(&file, b"dit is geen werkmap").unwrap();
    let o = import_cli(&file, dir.path().join("w"), &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o)
            .contains("is not a readable .xlsx workbook (or an old .xls file, or protected by a password); save it in Excel as .xlsx or .csv")
    );
    let ods = dir.path().join("caseload.ods");
    std::fs::write(&ods, b"x").unwrap();
    let o = import_cli(&ods, dir.path().join("w"), &["--lang", "nl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("is geen .xlsx- of .csv-bestand"));
    assert!(!dir.path().join("w").exists());
}

#[test]
fn an_exported_workspace_imports_to_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("sample.xlsx");
    let o = export_cli(sample(), &book, &[]);
    assert_eq!(o.status.code(), Some(0));
    let ws = dir.path().join("ws");
    let o = import_cli(&book, &ws, &["--lang", "en", "--today", "2026-06-01"]);
    let stdout = said(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("30 dossiers imported") && stdout.contains("0 rows could not be read"),
        "{stdout}"
    );
    let mut original: Vec<Dossier> = twe_core::sample::load()
        .dossiers
        .into_iter()
        .map(|d| d.dossier)
        .collect();
    let mut imported: Vec<Dossier> = twe_core::files::load_paths(&[ws])
        .dossiers
        .into_iter()
        .map(|d| d.dossier)
        .collect();
    original.sort_by(|a, b| a.id.cmp(&b.id));
    imported.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(imported, original);
}

/// What the program exports it imports, field for field: a generated workspace (errors
/// injected, trainings, documents, activities, outcomes) as a workbook with its notes and as
/// a CSV file, each imported back by the command line. The CSV file holds the instruments
/// sheet: what it brings back is the dossiers without their documents, activities, outcome
/// and notes. At 250,000 dossiers: `examples/large.rs round-trip` (BENCHMARKS.md).
#[test]
fn a_generated_workspace_exports_and_imports_back_field_for_field() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let o = bin()
        .args(["generate", "--count", "400", "--seed", "7", "--out"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", said(&o));
    let load = |dir: &Path| {
        let mut all: Vec<Dossier> = twe_core::files::load_paths(&[dir.to_path_buf()])
            .dossiers
            .into_iter()
            .map(|d| d.dossier)
            .collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    };
    let mut original = load(&ws);
    // Notes too, to come back from the fifth sheet.
    for (i, d) in original.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        d.notes.push(twe_core::model::Note {
            date: ymd(2024, 3, 1 + (i % 28) as u32),
            kind: twe_core::model::NoteKind::Phone,
            author: "Sofie".into(),
            text: format!("Gebeld; «{i}»\nvolgende week terug"),
        });
        twe_core::files::save_dossier(&ws.join(format!("{}.ron", d.id)), d).unwrap();
    }
    assert_eq!(load(&ws), original);
    for (name, args, keep_all) in [
        ("all.xlsx", &["--notes"][..], true),
        ("all.csv", &[][..], false),
    ] {
        let file = dir.path().join(name);
        let o = export_cli(&ws, &file, args);
        assert_eq!(o.status.code(), Some(0), "{}", said(&o));
        let back = dir.path().join(format!("back-{name}"));
        let o = import_cli(&file, &back, &["--lang", "en"]);
        let report = said(&o);
        assert_eq!(o.status.code(), Some(0), "{report}");
        assert!(
            report.contains("400 dossiers imported") && report.contains("0 rows could not be read"),
            "{report}"
        );
        let expected: Vec<Dossier> = original
            .iter()
            .cloned()
            .map(|mut d| {
                if !keep_all {
                    d.documents.clear();
                    d.activities.clear();
                    d.outcome = None;
                    d.notes.clear();
                }
                d
            })
            .collect();
        let imported = load(&back);
        assert_eq!(imported.len(), expected.len(), "{name}");
        for (got, want) in imported.iter().zip(&expected) {
            assert_eq!(got, want, "{name}: {}", want.id);
        }
    }
}

#[test]
fn stats_as_a_workbook_from_the_command_line() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cijfers.xlsx");
    let o = bin()
        .args(["stats", "--format", "xlsx", "--lang", "nl", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let bytes = std::fs::read(&file).unwrap();
    // The numbers carry a thousands-separator format.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("formatCode=\"#,##0\""), "{styles}");
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    // The data, its definitions, a sheet per chart, the trainings and the outflow.
    assert_eq!(
        book.sheet_names(),
        [
            "Gegevens",
            "Definities",
            "Per provincie",
            "Over de jaren",
            "Instrumentenmix",
            "Instrumenten per traject",
            "Aandeel in Vlaanderen",
            "Gebruik van BVS",
            "Per 100 trajecten",
            "Tegenover het jaar ervoor",
            "Opleidingen",
            "Uitstroom"
        ]
    );
    // The tidy data: a row per province and year, then each province over every year,
    // then Flanders; the grand total is the published one; the share a fraction.
    let data = book.worksheet_range("Gegevens").unwrap();
    let rows: Vec<&[Data]> = data.rows().collect();
    assert_eq!(rows[2][0], "Provincie");
    assert_eq!(rows[3][0], "Antwerpen");
    assert_eq!(rows[3][1], Data::Float(2017.0));
    assert_eq!(rows[3][2], Data::Float(2772.0));
    let flanders = rows
        .iter()
        .find(|r| r[0] == "Vlaanderen" && r[1] == Data::Empty)
        .unwrap();
    assert_eq!(flanders[2], Data::Float(23186.0));
    let share = rows[3][11].as_f64().unwrap();
    assert!((share - 2772.0 / 5466.0).abs() < 1e-9, "{share}");
    assert!(
        rows.iter()
            .any(|r| r[0].to_string().starts_with("Bron: VDAB")),
        "the source line starts with Bron:"
    );
    let sheet = book.worksheet_range("Per provincie").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let header: Vec<String> = rows[2].iter().map(ToString::to_string).collect();
    assert_eq!(header.last().unwrap(), "Totaal");
    let totaal = rows.iter().find(|r| r[0] == "Totaal").unwrap();
    assert!(totaal.iter().skip(1).all(|c| matches!(c, Data::Float(_))));
    // Never over a file without --force.
    let o = bin()
        .args(["stats", "--format", "xlsx", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = bin()
        .args(["stats", "--format", "xlsx", "--force", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    // From dossiers: small counts hidden.
    let file = dir.path().join("dossiers.xlsx");
    let o = bin()
        .args(["stats", "--format", "xlsx", "--dossiers"])
        .arg(sample())
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&file).unwrap())).unwrap();
    let sheet = book.worksheet_range("Per province").unwrap();
    assert!(sheet.rows().flatten().any(|c| *c == "<5"));
    // Without --out there is nothing to write to.
    let o = bin().args(["stats", "--format", "xlsx"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// What the hostile-input pass found, each held: sheets left aside are named, a date cell
/// whose number is no day is refused, a row id that differs only in spaces is pointed to
/// the dossier, ids alike are noted; UTF-16 with tabs, CR line ends and mixed encodings.
#[test]
fn import_names_what_it_leaves_aside_and_reads_what_excel_writes() {
    use rust_xlsxwriter::{Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = book.add_worksheet();
    ws.set_name("Instrumenten").unwrap();
    for (c, h) in [
        "dossier",
        "cliënt",
        "ocmw",
        "start traject",
        "einde trajekt",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, id) in ["A1", "a1 ", "B2"].iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, "X").unwrap();
        ws.write_string(r, 2, "Gent").unwrap();
        ws.write_date_with_format(r, 3, ymd(2022, 1, 1), &date)
            .unwrap();
    }
    // 20210201 typed in a date column: Excel shows #####.
    ws.write_number_with_format(3, 3, 20_210_201.0, &date)
        .unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Documenten 2024").unwrap();
    ws.write_string(0, 0, "dossier").unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Documenten").unwrap();
    for (c, h) in ["dossier", "soort", "opgeladen"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "B2 ").unwrap();
    ws.write_string(1, 1, "POP").unwrap();
    ws.write_date_with_format(1, 2, ymd(2022, 2, 1), &date)
        .unwrap();
    let file = dir.path().join("c.xlsx");
    std::fs::write(&file, book.save_to_buffer().unwrap()).unwrap();
    let o = import_cli(&file, dir.path().join("w"), &["--lang", "en"]);
    let stdout = said(&o);
    assert_eq!(o.status.code(), Some(2), "{stdout}");
    for want in [
        "note: Instrumenten!1: «einde trajekt» is no known column",
        "note: «Documenten 2024» is no caseload sheet",
        "note: «A1», «a1 » differ only in case, spaces or how their letters are encoded: imported as separate dossiers",
        "Instrumenten!4: start traject: «20210201» is not a date",
        "Documenten!2: dossier: «B2 » is not (without errors) on the instruments sheet",
    ] {
        assert!(stdout.contains(want), "{want}\n{stdout}");
    }
    assert!(
        stdout.contains("2 dossiers imported") && stdout.contains("2 rows could not be read"),
        "{stdout}"
    );

    // Excel's "Unicode text": UTF-16 with tabs; Excel for Mac: CR alone ends a line.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "dossier\tcliënt\tocmw\tstart traject\r\nU-1\tZoë\tGent\t01/02/2022\r\n".encode_utf16()
    {
        utf16.extend(u.to_le_bytes());
    }
    let file = dir.path().join("unicode.csv");
    std::fs::write(&file, utf16).unwrap();
    let o = import_cli(&file, dir.path().join("u"), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    assert_eq!(
        twe_core::files::load_file(&dir.path().join("u/U-1.ron"))
            .unwrap()
            .client,
        "Zoë"
    );
    let file = dir.path().join("mac.csv");
    std::fs::write(
        &file,
        "dossier;cliënt;ocmw;start traject\rM-1;X;Gent;01/02/2022\r\rM-2;Y;Gent;later\r",
    )
    .unwrap();
    let o = import_cli(&file, dir.path().join("m"), &["--lang", "en"]);
    assert!(
        said(&o).starts_with("mac.csv!4: start traject: «later»"),
        "{}",
        said(&o)
    );
    // A BOM, then a UTF-8 row and a Windows-1252 row: each cell read in its own.
    let file = dir.path().join("mixed.csv");
    let mut bytes = "\u{feff}dossier;cliënt;ocmw;start traject\r\nX-1;Loïc;Gent;01/02/2022\r\n"
        .as_bytes()
        .to_vec();
    bytes.extend(b"X-2;Dupr\xe9;Gent;01/02/2022\r\n");
    std::fs::write(&file, bytes).unwrap();
    let o = import_cli(&file, dir.path().join("x"), &[]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        twe_core::files::load_file(&dir.path().join("x/X-1.ron"))
            .unwrap()
            .client,
        "Loïc"
    );
    assert_eq!(
        twe_core::files::load_file(&dir.path().join("x/X-2.ron"))
            .unwrap()
            .client,
        "Dupré"
    );
}

#[test]
fn import_refuses_a_pipe_a_file_for_a_folder_and_export_an_unknown_extension() {
    let dir = tempfile::tempdir().unwrap();
    // A folder named like a spreadsheet is not read.
    let fake = dir.path().join("map.csv");
    std::fs::create_dir(&fake).unwrap();
    let o = import_cli(&fake, dir.path().join("a"), &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("is not a regular file"));
    // Nothing readable: no folder made.
    let none = dir.path().join("geen.csv");
    std::fs::write(&none, "naam;adres\nAn;Gent\n").unwrap();
    let o = import_cli(&none, dir.path().join("leeg-niet"), &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("leeg-niet").exists());
    // --out naming a file: said so, and the file is untouched.
    let csv = dir.path().join("ok.csv");
    std::fs::write(
        &csv,
        "dossier;cliënt;ocmw;start traject\nA;B;Gent;01/01/2022\n",
    )
    .unwrap();
    let file = dir.path().join("bestand");
    std::fs::write(&file, "van iemand").unwrap();
    let o = import_cli(&csv, &file, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("is a file, not a folder"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "van iemand");
    // A folder holding only what a file browser leaves is as good as empty.
    let litter = dir.path().join("leeg");
    std::fs::create_dir(&litter).unwrap();
    std::fs::write(litter.join("Thumbs.db"), "").unwrap();
    std::fs::write(litter.join(".DS_Store"), "").unwrap();
    let o = import_cli(&csv, &litter, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    assert!(litter.join("A.ron").exists());
    // The export writes .xlsx or .csv, nothing a spreadsheet would then refuse.
    let o = export_cli(sample(), dir.path().join("lijst.xls"), &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("give a name ending in .xlsx"));
    assert!(!dir.path().join("lijst.xls").exists());
}

/// A CSV pasted together from a UTF-8 file and a Windows-1252 one, without a byte order
/// mark: each cell, the header's included, is read in its own encoding (the whole file was
/// read as Windows-1252: `ZoÃ«` with exit 0, and the sheet left out when the header
/// "cliënt" was the UTF-8 part). Ids that differ only in how their letters are encoded get
/// a note and two files (issue 20).
#[test]
fn import_csv_mixing_utf8_and_windows_1252_without_a_bom_reads_each_cell_right() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gemengd.csv");
    let mut bytes =
        "dossier;cliënt;ocmw;start traject\r\nZ-1;Zoë Vandenbroucke;Gent;01/02/2022\r\n"
            .as_bytes()
            .to_vec();
    bytes.extend(b"Z-2;Dupr\xe9;Gent;01/02/2022\r\n");
    bytes.extend(
        "\u{00C5}-3;Åsa;Gent;01/02/2022\r\nA\u{030A}-3;Åsa bis;Gent;01/02/2022\r\n".as_bytes(),
    );
    std::fs::write(&file, bytes).unwrap();
    let ws = dir.path().join("ws");
    let o = import_cli(&file, &ws, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let client = |name: &str| twe_core::files::load_file(&ws.join(name)).unwrap().client;
    assert_eq!(client("Z-1.ron"), "Zoë Vandenbroucke");
    assert_eq!(client("Z-2.ron"), "Dupré");
    assert!(
        said(&o).contains("differ only in case, spaces or how their letters are encoded"),
        "{}",
        said(&o)
    );
    assert_eq!(client("\u{00C5}-3.ron"), "Åsa");
    assert_eq!(client("\u{00C5}-3-2.ron"), "Åsa bis");
}

/// A workbook written by a program that does not compute holds formulas without a value:
/// such a cell is a problem of its row, named, never an empty client (issue 20).
#[test]
fn import_a_formula_without_a_computed_value_is_a_problem_of_its_row() {
    use std::io::{Read, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Instrumenten").unwrap();
    for (c, h) in ["dossier", "cliënt", "ocmw", "start traject"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, id) in ["F-1", "F-2"].iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 2, "Gent").unwrap();
        ws.write_string(r, 3, "01/02/2022").unwrap();
    }
    ws.write_string(1, 1, "An").unwrap();
    ws.write_formula(2, 1, "=CONCAT(\"Be\",\"rt\")").unwrap();
    let written = book.save_to_buffer().unwrap();
    // Take the cached value out, as a program that does not compute leaves it.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(written)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..zip.len() {
        let mut part = zip.by_index(k).unwrap();
        let name = part.name().unwrap().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name.ends_with("sheet1.xml") {
            let text = String::from_utf8(data).unwrap();
            let stripped = text.replace("</f><v>0</v>", "</f>");
            assert_ne!(stripped, text, "the formula's cached value was there");
            data = stripped.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zonder-waarden.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let ws = dir.path().join("ws");
    let o = import_cli(&file, &ws, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));
    assert!(
        said(&o).contains("Instrumenten!3: cliënt: a formula without a computed value"),
        "{}",
        said(&o)
    );
    assert!(ws.join("F-1.ron").exists() && !ws.join("F-2.ron").exists());
}

/// Serious 2 of issue 22: the OCMW's own workbook — a title and a blank row above the
/// table, its own headers (Naam, Gemeente, Startdatum, Trajectbegeleider, Van, Tot) — is
/// read: the header found, the title said, every dossier imported.
#[test]
fn import_an_ocmws_own_workbook_with_a_title_and_its_own_headers() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Blad1").unwrap();
    ws.write_string(0, 0, "TWE-trajecten OCMW Gent — stand 1 december")
        .unwrap();
    let header = [
        "Dossiernr.",
        "Naam",
        "Gemeente",
        "Trajectbegeleider",
        "Startdatum",
        "Maatregel",
        "Van",
        "Tot",
        "Stand",
        "Opmerkingen",
        "Rijksregisternummer",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    #[rustfmt::skip]
    let rows = [
        ["GENT-1", "An Peeters", "Gent", "Sofie", "01/09/2020", "art. 60§7", "01/09/2020", "28/02/2021", "lopend", "Rijbewijs in orde", "85.07.30-033.61"],
        ["GENT-1", "An Peeters", "Gent", "Sofie", "01/09/2020", "WES", "01/03/2021", "31/05/2021", "gepland", "Rijbewijs in orde", "85.07.30-033.61"],
        ["GENT-2", "Bart Maes", "Gent", "Karim", "15/01/2022", "", "", "", "", "", "90.01.01-001.01"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    ws.write_string(7, 0, "Totaal: 2 cliënten").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ocmw.xlsx");
    std::fs::write(&file, book.save_to_buffer().unwrap()).unwrap();
    let out = dir.path().join("in");
    let o = import_cli(&file, &out, &["--lang", "nl", "--today", "2026-12-07"]);
    let text = said(&o);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("«Rijksregisternummer» is geen gekende kolom"),
        "the register number is left aside and said: {text}"
    );
    assert!(
        text.contains("Blad1!rij 1 staat boven de kopregel (een titel)"),
        "the title is said: {text}"
    );
    assert!(
        text.contains("Blad1!8 is een regel tekst onder de tabel (een voetregel)"),
        "the footer is said, and is no problem: {text}"
    );
    let report = twe_core::files::load_paths(&[out]);
    assert_eq!(report.dossiers.len(), 2, "{text}");
    let an = report
        .dossiers
        .iter()
        .find(|d| d.dossier.id == "GENT-1")
        .unwrap();
    assert_eq!(an.dossier.client, "An Peeters");
    assert_eq!(an.dossier.ocmw, "Gent");
    assert_eq!(an.dossier.counsellor.as_deref(), Some("Sofie"));
    assert_eq!(an.dossier.start.to_string(), "2020-09-01");
    assert_eq!(an.dossier.instruments.len(), 2);
    assert_eq!(an.dossier.instruments[1].end.to_string(), "2021-05-31");
    // The remarks: one note (not one per row), of the import's day.
    assert_eq!(an.dossier.notes.len(), 1);
    assert_eq!(an.dossier.notes[0].text, "Rijbewijs in orde");
    assert_eq!(an.dossier.notes[0].date.to_string(), "2026-12-07");
    // The register number is written nowhere.
    for entry in std::fs::read_dir(dir.path().join("in")).unwrap() {
        let body = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        assert!(
            !body.contains("85.07.30"),
            "a national register number on disk"
        );
    }
}

/// Every header the import accepts is in the README's table of headers, and the table
/// names no header the import does not accept.
#[test]
fn the_readmes_table_of_headers_is_the_imports() {
    use twe_documents::spreadsheet::{Column, SheetKind};
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("<!-- headers: start -->")
        .expect("the README's table of headers");
    let end = readme.find("<!-- headers: end -->").unwrap();
    let table = &readme[start..end];
    let mut columns: Vec<Column> = Vec::new();
    for c in SheetKind::ALL
        .iter()
        .flat_map(|s| s.columns().iter().chain(s.extra_columns()).copied())
    {
        if !columns.contains(&c) {
            columns.push(c);
        }
    }
    for c in columns {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("| `{}`", c.header(Lang::Nl))))
            .unwrap_or_else(|| panic!("{c:?}'s row in the README"));
        for w in c.synonyms() {
            assert!(line.contains(&format!("`{w}`")), "{c:?}: `{w}` in {line}");
        }
        let listed = line.matches('`').count() / 2;
        let mut words: Vec<&str> = vec![c.header(Lang::Nl), c.header(Lang::En)];
        words.extend(c.synonyms());
        words.sort_unstable();
        words.dedup();
        assert_eq!(
            listed,
            words.len(),
            "{c:?}: the README lists exactly the export's two words and the synonyms: {line}"
        );
    }
}

/// `export --notes` writes the notes as a fifth sheet «Notities» that `import` reads back;
/// without `--notes` the workbook has no notes; a CSV cannot carry them.
#[test]
fn notes_go_out_only_when_asked_and_come_back_in() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir(&ws).unwrap();
    let mut d = twe_core::sample::load().dossiers[0].dossier.clone();
    d.notes.push(twe_core::model::Note {
        date: ymd(2021, 3, 1),
        kind: twe_core::model::NoteKind::HomeVisit,
        author: "Sofie Peeters".into(),
        text: "Vertrouwelijk: thuissituatie besproken.".into(),
    });
    std::fs::write(ws.join("a.ron"), twe_core::files::to_ron(&d).unwrap()).unwrap();
    let plain = dir.path().join("plain.xlsx");
    let o = export_cli(&ws, &plain, &["--lang", "nl"]);
    assert!(o.status.success(), "{}", said(&o));
    let bytes = std::fs::read(&plain).unwrap();
    let tables = read_xlsx(&bytes).unwrap();
    assert!(
        tables.iter().all(|t| t.name != "Notities"),
        "no notes unless asked"
    );
    let with = dir.path().join("with.xlsx");
    let o = export_cli(&ws, &with, &["--lang", "nl", "--notes"]);
    assert!(o.status.success(), "{}", said(&o));
    let tables = read_xlsx(&std::fs::read(&with).unwrap()).unwrap();
    assert!(tables.iter().any(|t| t.name == "Notities"));
    let back = dir.path().join("back");
    let o = import_cli(&with, &back, &["--lang", "nl"]);
    assert!(o.status.success(), "{}", said(&o));
    let report = twe_core::files::load_paths(&[back]);
    assert_eq!(report.dossiers[0].dossier.notes, d.notes);
    let csv = dir.path().join("x.csv");
    let o = export_cli(&ws, &csv, &["--notes"]);
    assert!(!o.status.success());
    assert!(!csv.exists(), "refused, nothing written");
}

/// `import FILE --into DIR` adds a spreadsheet's dossiers to an existing workspace: new ids
/// as new files, an id the workspace has kept too as ID-kopie-N and said; no file of the
/// workspace changes.
#[test]
fn import_into_a_workspace_adds_and_keeps_both_on_a_clash() {
    use twe_documents::spreadsheet::{sheets, workbook};
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    twe_core::sample::write_to(&ws).unwrap();
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = std::fs::read_dir(&ws)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    let sample = twe_core::sample::load();
    let mut clash = sample.dossiers[0].dossier.clone();
    clash.client = "Iemand Anders".into();
    let mut new = sample.dossiers[1].dossier.clone();
    new.id = "NIEUW-2026-0001".into();
    let refs = vec![&clash, &new];
    let book = dir.path().join("erbij.xlsx");
    std::fs::write(&book, workbook(&sheets(&refs, Lang::Nl)).unwrap()).unwrap();
    let o = bin()
        .args(["import"])
        .arg(&book)
        .arg("--into")
        .arg(&ws)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let text = said(&o);
    assert!(o.status.success(), "{text}");
    let kept_as = format!("{}-kopie-1", clash.id);
    assert!(
        text.contains(&format!(
            "is in the workspace already; both kept, the imported one as {kept_as}"
        )),
        "{text}"
    );
    for (p, b) in &before {
        assert_eq!(&std::fs::read(p).unwrap(), b, "{} unchanged", p.display());
    }
    let report = twe_core::files::load_paths(&[ws]);
    assert_eq!(report.dossiers.len(), before.len() + 2);
    let copy = report
        .dossiers
        .iter()
        .find(|d| d.dossier.id == kept_as)
        .expect("the clash kept as a copy");
    assert_eq!(copy.dossier.client, "Iemand Anders");
    assert!(
        report
            .dossiers
            .iter()
            .any(|d| d.dossier.id == "NIEUW-2026-0001")
    );
    // --out and --into together are refused.
    let o = bin()
        .args(["import"])
        .arg(&book)
        .args(["--into", "a", "--out", "b"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

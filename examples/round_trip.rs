//! What the program exports it imports, at scale: every dossier of a folder exported as a
//! workbook and as a CSV file (as `export` writes them, a part at a time), each read back
//! (as `import` reads them) and compared with the folder field for field (the CSV file holds
//! the instruments sheet: its dossiers without documents, activities, outcome and notes).
//! Says the time of each step and fails on the first dossier that differs.
//! `cargo run --release --example round_trip -- /tmp/ws250k`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark code: a failed unwrap is a failed run, with its location"
)]
use std::time::Instant;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_documents::spreadsheet::{CaseloadWriter, Format, Preview, import, read_path};

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a folder"));
    let out = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let mut original: Vec<Dossier> = twe_core::files::load_paths(std::slice::from_ref(&dir))
        .dossiers
        .into_iter()
        .map(|d| d.dossier)
        .collect();
    original.sort_by(|a, b| a.id.cmp(&b.id));
    println!("{} dossiers read in {:.2?}", original.len(), t.elapsed());
    for (name, format) in [
        ("all.xlsx", Format::Xlsx { notes: true }),
        ("all.csv", Format::Csv),
    ] {
        let path = out.path().join(name);
        let t = Instant::now();
        let mut file = std::fs::File::create(&path).unwrap();
        let mut book = CaseloadWriter::new(&mut file, format, Lang::Nl, Some(out.path())).unwrap();
        twe_core::files::load_paths_in_parts(
            std::slice::from_ref(&dir),
            twe_core::files::PART,
            |part| {
                for d in part {
                    book.add(&d.dossier).unwrap();
                }
            },
        );
        book.finish().unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        println!(
            "{name}: written in {:.2?}, {:.1} MB",
            t.elapsed(),
            size as f64 / 1e6
        );
        let t = Instant::now();
        let imported = import(&Preview::of(read_path(&path).unwrap()));
        assert!(
            imported.problems.is_empty(),
            "{name}: {}",
            imported.problems[0].message(Lang::En)
        );
        let mut back = imported.dossiers;
        back.sort_by(|a, b| a.id.cmp(&b.id));
        println!("{name}: read back in {:.2?}", t.elapsed());
        assert_eq!(back.len(), original.len(), "{name}");
        for (got, want) in back.iter().zip(&original) {
            let mut want = want.clone();
            if format == Format::Csv {
                want.documents.clear();
                want.activities.clear();
                want.outcome = None;
                want.notes.clear();
            }
            assert_eq!(*got, want, "{name}: {}", want.id);
        }
        println!("{name}: {} dossiers alike, field for field", back.len());
    }
}

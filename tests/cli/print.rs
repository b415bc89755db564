//! The trajectory plan as PDF, read back: the text a reader finds in it (pdf-extract), the
//! pages as an image (hayro, a PDF renderer in Rust) against a snapshot, and the command's
//! refusal to write over a file.

use std::path::{Path, PathBuf};
use std::process::Command;
use twe_core::lang::{self, Lang};
use twe_core::model::{Dossier, Instrument, InstrumentKind, Status};
use twe_core::rules::{CheckContext, check};
use twe_documents::print::{PlanOptions, plan_pdf};

fn today() -> chrono::NaiveDate {
    twe_core::model::date_serde::parse("2026-11-27").unwrap()
}

fn sample() -> Vec<Dossier> {
    twe_core::sample::load()
        .dossiers
        .into_iter()
        .map(|l| l.dossier)
        .collect()
}

fn options(lang: Lang, client_copy: bool) -> PlanOptions {
    PlanOptions {
        lang,
        today: today(),
        printed: today(),
        client_copy,
        year_mode: twe_core::rules::YearMode::Trajectory,
    }
}

/// The PDF's text without any whitespace: lines break where the page does, not where the
/// sentence does.
fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text");
    squeeze(&text)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every sample dossier, in both languages: the client, every instrument's dates as the
/// language writes them, and every finding's rule and words are real text in the
/// counsellor's copy; the client's copy has the dates and no finding.
#[test]
fn the_plan_holds_the_client_every_date_and_every_finding() {
    let ctx = CheckContext::new(today());
    for d in sample() {
        for lang in [Lang::Nl, Lang::En] {
            let pdf = plan_pdf(&d, &options(lang, false)).unwrap();
            assert!(pdf.starts_with(b"%PDF-"));
            // A usual dossier fits one page.
            let pages = twe_documents::print::plan_pages(&d, &options(lang, false)).unwrap();
            assert_eq!(pages.len(), 1, "{} in {lang:?}", d.id);
            let text = text_of(&pdf);
            assert!(text.contains(&squeeze(&d.client)), "{}: client", d.id);
            for inst in &d.instruments {
                for day in [inst.start, inst.end] {
                    assert!(
                        text.contains(&squeeze(&lang::date(day, lang))),
                        "{}: {day} in {lang:?}",
                        d.id
                    );
                }
            }
            for f in check(&d, &ctx) {
                assert!(text.contains(f.rule.id), "{}: {}", d.id, f.rule.id);
                assert!(
                    text.contains(&squeeze(&f.message(&d, lang))),
                    "{}: the words of {}",
                    d.id,
                    f.rule.id
                );
            }
            let client = text_of(&plan_pdf(&d, &options(lang, true)).unwrap());
            for f in check(&d, &ctx) {
                assert!(
                    !client.contains(f.rule.id),
                    "{}: {} in the client's copy",
                    d.id,
                    f.rule.id
                );
            }
            for inst in &d.instruments {
                assert!(client.contains(&squeeze(&lang::date(inst.start, lang))));
            }
        }
    }
}

/// A long plan continues on further pages: the instruments' header row on each page the
/// table reaches, every instrument there, and "page k of n" on each page.
#[test]
fn a_long_plan_continues_with_its_header_repeated() {
    let mut d = sample().into_iter().next().unwrap();
    let start = d.start;
    d.instruments = (0..70u64)
        .map(|k| Instrument {
            kind: InstrumentKind::Ibo,
            start: start + chrono::Days::new(10 * k),
            end: start + chrono::Days::new(10 * k + 8),
            status: Status::Planned,
        })
        .collect();
    let pages = twe_documents::print::plan_pages(&d, &options(Lang::En, false)).unwrap();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let pdf = plan_pdf(&d, &options(Lang::En, false)).unwrap();
    let text = text_of(&pdf);
    for inst in &d.instruments {
        assert!(text.contains(&squeeze(&lang::date(inst.end, Lang::En))));
    }
    let n = pages.len();
    let mut with_table = 0;
    for (k, page) in pages.iter().enumerate() {
        let texts: Vec<&str> = page.texts().collect();
        assert!(
            texts.contains(&format!("{} · page {} of {n}", d.id, k + 1).as_str()),
            "{texts:?}"
        );
        if texts.contains(&"Length") {
            with_table += 1;
        }
        // Nothing below the footer's rule or past the right margin.
        for item in page.blocks.iter().flat_map(|b| b.cells.iter().flatten()) {
            if let twe_documents::print::layout::Item::Text { x, y, .. } = item {
                assert!(
                    *x >= 0.0 && *x < 595.0 && *y > 30.0 && *y < 842.0 - 30.0,
                    "page {}: ({x}, {y})",
                    k + 1
                );
            }
        }
    }
    assert!(with_table >= 2, "the header row is repeated: {with_table}");
    // The signatures on the last page, with what is due.
    let last: Vec<&str> = pages[n - 1].texts().collect();
    assert!(
        last.contains(&"Signatures") && last.contains(&"What is due"),
        "{last:?}"
    );
}

/// Over a long span the timeline's lines come close together: their names never touch
/// and every label stays inside the drawing.
#[test]
fn the_timeline_names_never_overlap() {
    use twe_documents::print::layout::{Item, Kind, Metrics};
    let metrics = Metrics::new().unwrap();
    let mut d = sample()
        .into_iter()
        .find(|d| d.id == "HERE-2024-0028")
        .unwrap();
    // An IBO typed to end in 2034 stretches the drawing over ten years; a start typed as
    // 1900 and an end in 2099 over two centuries.
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut century = d.clone();
    century.start = day(1900, 3, 1);
    century.instruments.last_mut().unwrap().end = day(2099, 12, 31);
    d.instruments.last_mut().unwrap().end = day(2034, 1, 31);
    for (d, lang) in [(&d, Lang::Nl), (&d, Lang::En), (&century, Lang::En)] {
        let pages = twe_documents::print::plan_pages(d, &options(lang, false)).unwrap();
        let figure = pages[0]
            .blocks
            .iter()
            .find(|b| matches!(b.kind, Kind::Figure(_)))
            .unwrap();
        let labels: Vec<(f32, f32, f32, &str)> = figure
            .cells
            .iter()
            .flatten()
            .filter_map(|i| match i {
                Item::Text {
                    x, y, size, text, ..
                } => Some((*x, *y, *x + metrics.width(text, *size), text.as_str())),
                _ => None,
            })
            .collect();
        assert!(labels.len() >= 5, "{labels:?}");
        for (k, a) in labels.iter().enumerate() {
            assert!(
                a.0 >= 40.0 && a.2 <= 595.0 - 40.0,
                "{a:?} outside the drawing"
            );
            for b in &labels[k + 1..] {
                let apart = (a.1 - b.1).abs() >= 6.0 || a.2 <= b.0 || b.2 <= a.0;
                assert!(apart, "{lang:?}: {a:?} touches {b:?}");
            }
        }
    }
}

/// The signatures never stand alone on a page: what is due goes with them; and the
/// samples fit one page on other days too.
#[test]
fn the_signatures_go_with_what_is_due() {
    let day = |s: &str| twe_core::model::date_serde::parse(s).unwrap();
    for d in sample() {
        for today in ["2025-01-15", "2026-03-02", "2027-06-01"] {
            for client in [false, true] {
                let opts = PlanOptions {
                    today: day(today),
                    printed: day(today),
                    ..options(Lang::Nl, client)
                };
                let pages = twe_documents::print::plan_pages(&d, &opts).unwrap();
                assert_eq!(pages.len(), 1, "{} on {today}", d.id);
                let signing = pages
                    .iter()
                    .find(|p| p.texts().any(|t| t == "Handtekeningen"))
                    .unwrap();
                assert!(
                    signing
                        .texts()
                        .any(|t| t == "Wat er te doen staat" || t == "Wat er verwacht wordt"),
                    "{} on {today}",
                    d.id
                );
            }
        }
    }
}

/// Letters the font cannot draw are printed as "?", and whoever prints is told which: a
/// name on a signed plan must not change unseen. Accented Latin letters are drawn.
#[test]
fn letters_the_font_lacks_are_told() {
    let mut d = sample().into_iter().next().unwrap();
    let opts = options(Lang::En, false);
    d.client = "Zoë Ñúñez-Çelik\u{200b}".into();
    assert_eq!(twe_documents::print::missing_letters(&d, &opts), None);
    // Printed as its base letter, a name changes too: it is told.
    d.client = "Nguyễn".into();
    assert_eq!(
        twe_documents::print::missing_letters(&d, &opts).as_deref(),
        Some("ễ")
    );
    d.client = "محمد Haddad 😀".into();
    let missing = twe_documents::print::missing_letters(&d, &opts).unwrap();
    assert_eq!(missing, "محد😀", "each letter once, in order");
    // The command line says so after writing, terminal-safe.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.ron");
    std::fs::write(&file, twe_core::files::to_ron(&d).unwrap()).unwrap();
    let o = bin()
        .arg("print")
        .arg(&file)
        .arg("--out")
        .arg(dir.path().join("p.pdf"))
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(String::from_utf8_lossy(&o.stdout).contains(" → "));
    assert!(
        said.contains("note: the PDF's font has no letters for محد😀 (printed as their base"),
        "{said}"
    );
}

/// The PDF is tagged for screen readers and declares PDF/A-2a; the font is embedded.
#[test]
fn the_plan_is_tagged_archival_and_carries_its_font() {
    let d = &sample()[0];
    let pdf = plan_pdf(d, &options(Lang::Nl, false)).unwrap();
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/StructTreeRoot"), "tagged");
    assert!(raw.contains("/MarkInfo"), "marked");
    assert!(raw.contains("/Lang"), "language");
    assert!(raw.contains("FontFile2"), "the TrueType font is embedded");
    // The XMP packet is compressed or not; the identification is in it either way when
    // written plainly, else the /Metadata stream exists.
    assert!(raw.contains("/Metadata"), "XMP metadata for PDF/A");
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_twe-planner"));
    c.env("LANG", "en_GB.UTF-8").env_remove("LC_ALL");
    c
}

fn sample_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/sample")
        .join(name)
}

/// `print` writes the plan, never over an existing file unless `--force`.
#[test]
fn print_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.pdf");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "print".to_string(),
            sample_file("antwerpen-2025-0027.ron").display().to_string(),
            "--out".into(),
            out.display().to_string(),
            "--today".into(),
            "2026-11-27".into(),
        ];
        a.extend(extra.iter().map(|s| (*s).to_string()));
        bin().args(&a).output().unwrap()
    };
    let o = args(&[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let first = std::fs::read(&out).unwrap();
    assert!(text_of(&first).contains("YoussefAmrani"));
    std::fs::write(&out, b"somebody's file").unwrap();
    let o = args(&["--client"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&out).unwrap(), b"somebody's file");
    let o = args(&["--client", "--force", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let text = text_of(&std::fs::read(&out).unwrap());
    assert!(text.contains("Theclient'scopy"), "{text}");
    // A folder is not a dossier; a broken file says where.
    let o = bin()
        .args(["print", &dir.path().display().to_string(), "--out"])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("x.pdf").exists());
    // Where the document cannot go, the message says why in its own words: no temporary
    // file's name, no "dossier" for a PDF, the path once.
    let write_to = |out: &Path, force: bool| {
        let mut c = bin();
        c.arg("print")
            .arg(sample_file("antwerpen-2025-0027.ron"))
            .arg("--out")
            .arg(out)
            .args(["--lang", "en"]);
        if force {
            c.arg("--force");
        }
        let o = c.output().unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty(), "failures go to standard error");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let said = write_to(&dir.path().join("nowhere").join("x.pdf"), false);
    assert!(said.contains("the folder"), "{said}");
    assert!(said.contains("does not exist; create it first"), "{said}");
    assert!(
        !said.contains(".~twe") && !said.contains("at path"),
        "{said}"
    );
    let said = write_to(dir.path(), false);
    assert!(
        said.contains("is a folder; give a file name in it, e.g. document.pdf"),
        "{said}"
    );
    let said = write_to(&out.join("x.pdf"), false);
    assert!(said.contains("is a file, not a folder"), "{said}");
    #[cfg(unix)]
    {
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&out, &link).unwrap();
        let said = write_to(&link, true);
        assert!(said.contains("is a symbolic link"), "{said}");
        assert!(!said.contains("dossier"), "{said}");
        assert_eq!(said.matches("link.pdf").count(), 1, "{said}");
    }
}

/// The first page as a reader shows it, against its snapshot.
#[test]
fn snapshot_of_the_first_plan_page() {
    let d = sample()
        .into_iter()
        .find(|d| d.id == "HERE-2024-0028")
        .unwrap();
    let pdf = plan_pdf(&d, &options(Lang::Nl, false)).unwrap();
    let image = render_page(pdf, 0, 1.5);
    egui_kittest::image_snapshot(&image, "plan_page_1");
}

fn render_page(pdf: Vec<u8>, index: usize, scale: f32) -> image::RgbaImage {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings, render};
    let pdf = Pdf::new(pdf).expect("hayro reads the PDF");
    let pages = pdf.pages();
    let page = pages.get(index).expect("the page");
    let pixmap = render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    let png = pixmap.into_png().expect("a PNG");
    image::load_from_memory(&png).expect("the PNG").to_rgba8()
}

/// `present --export`: one 16:9 page per chart slide, each with its title and source line,
/// real text; from a workspace, counts under 5 written "<5" and no client's name.
#[test]
fn the_deck_has_a_page_per_slide_and_no_personal_data() {
    use twe_core::stats::charts::{ChartKind, ChartOptions, chart};
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("deck.pdf");
    let o = bin()
        .args(["present", "--export"])
        .arg(&deck)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let pdf = std::fs::read(&deck).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    // The chart slides, then the trainings and the outflow.
    assert_eq!(pages.len(), ChartKind::ALL.len() + 2);
    assert!(squeeze(&pages[pages.len() - 2]).contains("Mostfollowed"));
    assert!(squeeze(&pages[pages.len() - 1]).contains("Outflowtowork"));
    let figures = twe_core::stats::Figures::published(twe_core::reference::published());
    let table = figures.table_or_start(twe_core::stats::YearBasis::TrajectoryStart);
    let opts = ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to: twe_core::reference::published().partial_year,
        relative: false,
    };
    for (k, (page, kind)) in pages.iter().zip(ChartKind::ALL).enumerate() {
        let title = chart(kind, table, &opts, Lang::En).title;
        let text = squeeze(page);
        assert!(text.contains(&squeeze(&title)), "page {}: {title}", k + 1);
        assert!(text.contains("VDAB"), "page {}: the source line", k + 1);
        assert!(
            text.contains(&format!("{}/{}", k + 1, pages.len())),
            "page number"
        );
    }
    // Every chart title is its own: two pages cannot pass for each other.
    let titles: std::collections::HashSet<String> = ChartKind::ALL
        .iter()
        .map(|&k| chart(k, table, &opts, Lang::En).title)
        .collect();
    assert_eq!(titles.len(), ChartKind::ALL.len());
    // Again over the sample workspace, written over with --force: its 30 dossiers give
    // mostly counts under 5, so each chart's page says there are too few to show, or shows
    // what the gate lets through (a province's total over the years) with the note.
    let o = bin()
        .arg("present")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample"))
        .arg("--export")
        .arg(&deck)
        .args(["--lang", "en", "--force"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let pages =
        pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(&deck).unwrap()).unwrap();
    for page in &pages[..ChartKind::ALL.len()] {
        let page = squeeze(page);
        assert!(
            page.contains("Toofewdossierstoshow") || page.contains("«<5»:acountfrom1to4"),
            "{page}"
        );
    }
    let text = squeeze(&pages.concat());
    for d in sample() {
        assert!(
            !text.contains(&squeeze(&d.client)),
            "{} in the deck",
            d.client
        );
    }
    // 600 generated dossiers: figures, with "<5" where a count is 1 to 4, and no name.
    let many = dir.path().join("many");
    let o = bin()
        .args(["generate", "--count", "600", "--out"])
        .arg(&many)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let o = bin()
        .arg("present")
        .arg(&many)
        .arg("--export")
        .arg(&deck)
        .args(["--lang", "en", "--force"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text =
        squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(&deck).unwrap()).unwrap());
    assert!(text.contains("<5"), "small counts suppressed");
    assert!(text.contains("hasthemost"), "a headline from the figures");
    for entry in std::fs::read_dir(&many).unwrap() {
        let d = twe_core::files::load_file(&entry.unwrap().path()).unwrap();
        assert!(
            !text.contains(&squeeze(&d.client)),
            "{} in the deck",
            d.client
        );
    }
    // Without --force an existing deck stays.
    let o = bin()
        .args(["present", "--export"])
        .arg(&deck)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// Two pages of the deck as a projector shows them, against their snapshots.
#[test]
fn snapshots_of_two_deck_pages() {
    use twe_core::stats::charts::{ChartOptions, Slide, all, source_line};
    let figures = twe_core::stats::Figures::published(twe_core::reference::published());
    let table = figures.table_or_start(twe_core::stats::YearBasis::TrajectoryStart);
    let opts = ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to: table.presentation_year(),
        relative: false,
    };
    let slides: Vec<Slide> = all(table, &opts, Lang::En)
        .into_iter()
        .map(|c| Slide::of(c, Lang::En))
        .collect();
    let source = source_line(false, Lang::En);
    let pdf = twe_documents::print::deck_pdf(&twe_documents::print::deck::Deck {
        slides: &slides,
        source: &source,
        highlight: None,
        lang: Lang::En,
    })
    .unwrap();
    let mut results = egui_kittest::SnapshotResults::new();
    for (k, name) in [(0, "deck_page_1"), (2, "deck_page_3")] {
        let image = render_page(pdf.clone(), k, 1.0);
        results.add(egui_kittest::try_image_snapshot(&image, name));
    }
}

/// Hostile dossiers still make a plan: letters the font lacks (Vietnamese, Amharic, emoji),
/// control characters, a training name of 1,500 characters without a space, 150
/// instruments and one over two centuries; every text stays on its page.
#[test]
fn hostile_dossiers_still_make_a_plan_that_stays_on_the_page() {
    let mut d = sample().into_iter().next().unwrap();
    d.client = "Nguyễn Văn An ሰላም 😀\u{1b}[2J\u{7}".into();
    d.counsellor = Some("Sofie\u{0}Peeters".into());
    let start = d.start;
    let mut instruments: Vec<Instrument> = (0..150u64)
        .map(|k| Instrument {
            kind: InstrumentKind::Ibo,
            start: start + chrono::Days::new(30 * k),
            end: start + chrono::Days::new(30 * k + 20),
            status: Status::Planned,
        })
        .collect();
    instruments.push(Instrument {
        kind: InstrumentKind::Opleiding {
            name: "x".repeat(1500),
            provider: twe_core::model::Provider::Other("y".repeat(300)),
            focus: twe_core::model::Focus::Technical,
            full_time: false,
        },
        start: twe_core::model::date_serde::parse("1990-01-01").unwrap(),
        end: twe_core::model::date_serde::parse("2205-12-31").unwrap(),
        status: Status::Planned,
    });
    d.instruments = instruments;
    for lang in [Lang::Nl, Lang::En] {
        let pdf = plan_pdf(&d, &options(lang, false)).expect("a PDF, whatever the text");
        let text = text_of(&pdf);
        assert!(text.contains("Nguy"), "the name, as far as the font goes");
        assert!(!text.contains('\u{1b}'));
        let pages = twe_documents::print::plan_pages(&d, &options(lang, false)).unwrap();
        for (k, page) in pages.iter().enumerate() {
            for item in page.blocks.iter().flat_map(|b| b.cells.iter().flatten()) {
                if let twe_documents::print::layout::Item::Text { x, y, .. } = item {
                    assert!(
                        x.is_finite() && *x >= 0.0 && *x < 595.0 && *y > 30.0 && *y < 812.0,
                        "page {}: ({x}, {y})",
                        k + 1
                    );
                }
            }
        }
    }
}

/// The plan never replaces its own dossier, and a folder is not a file name.
#[test]
fn print_refuses_its_own_dossier_and_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.ron");
    std::fs::copy(sample_file("antwerpen-2025-0027.ron"), &dossier).unwrap();
    let before = std::fs::read(&dossier).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let o = bin()
            .arg("print")
            .arg(&dossier)
            .arg("--out")
            .arg(&dossier)
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("the dossier itself"));
        assert_eq!(std::fs::read(&dossier).unwrap(), before);
    }
    let o = bin()
        .arg("print")
        .arg(&dossier)
        .arg("--out")
        .arg(dir.path())
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is a folder"));
    // A deck from a folder that does not load is not written.
    let o = bin()
        .args(["present"])
        .arg(dir.path().join("missing"))
        .arg("--export")
        .arg(dir.path().join("deck.pdf"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("deck.pdf").exists());
}

/// The plan says the day it was made; where the reference date is another day, it says
/// the findings are as of that one (issue 22: "made on" said the reference date).
#[test]
fn the_plan_says_when_it_was_made_and_as_of_when() {
    let d = &sample()[0];
    let words = |opts: &PlanOptions| -> String {
        twe_documents::print::plan_pages(d, opts)
            .unwrap()
            .iter()
            .flat_map(twe_documents::print::layout::Page::texts)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let same = words(&options(Lang::En, false));
    assert!(same.contains("made on Friday 27 November 2026"), "{same}");
    assert!(!same.contains("as of"));
    let later = PlanOptions {
        printed: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        ..options(Lang::En, false)
    };
    let text = words(&later);
    assert!(
        text.contains("made on Monday 7 December 2026, as of Friday 27 November 2026"),
        "{text}"
    );
}

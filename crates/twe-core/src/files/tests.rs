//! Loader and saver: round trips, stable bytes, and every kind of bad input.

use super::*;
use crate::model::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = r#"Dossier(
    id: "GENT-2019-0042",
    client: "An Peeters",              // hidden in presentation mode
    ocmw: "Gent",
    guided_by: None,
    plan: Some(Pop),
    start: "2019-03-01",
    end: None,
    social_rights_acquired: None,
    instruments: [
        Instrument(kind: Art60, start: "2019-04-15", end: "2020-04-14", status: Completed),
        Instrument(
            kind: Opleiding(name: "Metaalbad", provider: Vdab, focus: Technical, full_time: true),
            start: "2020-05-04", end: "2020-07-03", status: Planned,
        ),
        Instrument(kind: Wes, start: "2020-08-01", end: "2021-01-31", status: Planned),
    ],
    documents: [Document(kind: Pop, uploaded: "2019-03-05")],
    activities: [Activity(kind: Cv, date: "2019-06-01", by: Ocmw)],
    outcome: None,
    notes: [                           // optional (added 7 December 2026): confidential
        Note(date: "2019-03-05", kind: Conversation, author: "Sofie Peeters", text: "POP besproken."),
    ],
)
"#;

fn parse(text: &str) -> Result<Dossier, LoadError> {
    parse_dossier(text, Path::new("test.ron"))
}

#[test]
fn the_contract_example_loads() {
    let d = parse(EXAMPLE).unwrap();
    assert_eq!(d.id, "GENT-2019-0042");
    assert_eq!(d.instruments.len(), 3);
    assert_eq!(d.notes.len(), 1);
    assert_eq!(d.notes[0].kind, NoteKind::Conversation);
    assert_eq!(d.notes[0].text, "POP besproken.");
    // Without notes, no field: an older version (which refuses unknown fields) opens it.
    let mut plain = d.clone();
    plain.notes.clear();
    assert!(!to_ron(&plain).unwrap().contains("notes"));
    assert!(to_ron(&d).unwrap().contains("notes"));
    assert!(matches!(
        &d.instruments[1].kind,
        InstrumentKind::Opleiding {
            provider: Provider::Vdab,
            focus: Focus::Technical,
            full_time: true,
            ..
        }
    ));
    assert_eq!(d.activities[0].by, Actor::Ocmw);
}

#[test]
fn save_load_save_gives_the_same_bytes() {
    let d = parse(EXAMPLE).unwrap();
    let once = to_ron(&d).unwrap();
    let again = parse(&once).unwrap();
    assert_eq!(again, d);
    assert_eq!(to_ron(&again).unwrap(), once);
    assert!(
        once.starts_with("Dossier(\n    id: \"GENT-2019-0042\",\n"),
        "{once}"
    );
}

/// The sample files are stored exactly as the program saves them, so that saving an
/// unchanged sample dossier rewrites the same bytes. `UPDATE_SAMPLE=1 cargo test` rewrites
/// them in that form after a hand edit.
#[test]
fn sample_files_are_in_saved_form() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let saved = to_ron(&parse(&text).unwrap()).unwrap();
        if std::env::var_os("UPDATE_SAMPLE").is_some() {
            std::fs::write(&path, &saved).unwrap();
        } else {
            assert_eq!(
                text,
                saved,
                "{} is not in saved form; run UPDATE_SAMPLE=1 cargo test",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 25);
}

fn error_of(text: &str) -> LoadError {
    parse(text).unwrap_err()
}

#[test]
fn an_unknown_field_is_an_error_naming_it() {
    let e = error_of(&EXAMPLE.replace("guided_by:", "guidedby:"));
    assert!(matches!(&e.kind, LoadErrorKind::UnknownField { found, .. } if found == "guidedby"));
    assert_eq!((e.line, e.column), (Some(5), Some(5)));
    let m = e.message(crate::lang::Lang::En);
    assert!(
        m.contains("unknown field `guidedby`") && m.contains("Did you mean `guided_by`?"),
        "{m}"
    );
    let nl = e.message(crate::lang::Lang::Nl);
    assert!(nl.contains("onbekend veld `guidedby`"), "{nl}");

    let e = error_of(&EXAMPLE.replace("status: Completed", "status: Completed, note: \"x\""));
    assert!(matches!(&e.kind, LoadErrorKind::UnknownField { found, .. } if found == "note"));
    assert_eq!(e.field.as_deref(), Some("instruments[0]"));
}

#[test]
fn an_impossible_date_names_the_field() {
    let e = error_of(&EXAMPLE.replace("start: \"2020-08-01\"", "start: \"2020-02-30\""));
    assert_eq!(e.kind, LoadErrorKind::InvalidDate("2020-02-30".into()));
    assert_eq!(e.field.as_deref(), Some("instruments[2].start"));
    assert_eq!(e.line, Some(16));
    let m = e.display(crate::lang::Lang::En);
    assert!(m.starts_with("test.ron:16:"), "{m}");
    assert!(
        m.contains("field `instruments[2].start`: «2020-02-30» is not a date that exists"),
        "{m}"
    );

    let e = error_of(&EXAMPLE.replace("start: \"2019-03-01\"", "start: \"1/3/2019\""));
    assert_eq!(e.kind, LoadErrorKind::InvalidDate("1/3/2019".into()));
    assert_eq!(e.field.as_deref(), Some("start"));
}

#[test]
fn unknown_variants_missing_fields_and_syntax() {
    let e = error_of(&EXAMPLE.replace("kind: Wes", "kind: Wess"));
    assert!(matches!(&e.kind, LoadErrorKind::UnknownVariant { found, .. } if found == "Wess"));
    assert!(
        e.message(crate::lang::Lang::En)
            .contains("Did you mean `Wes`?")
    );

    let e = error_of(&EXAMPLE.replace("    ocmw: \"Gent\",\n", ""));
    assert_eq!(e.kind, LoadErrorKind::MissingField("ocmw".into()));

    let e = error_of(&EXAMPLE.replace("end: None,\n", "end: None\n"));
    assert!(matches!(e.kind, LoadErrorKind::Syntax(_)), "{e:?}");
    assert_eq!(e.line, Some(9));

    let e = error_of(&EXAMPLE[..EXAMPLE.len() / 2]);
    assert!(matches!(e.kind, LoadErrorKind::Syntax(_)));
    assert!(e.line.is_some());

    assert_eq!(error_of("").kind, LoadErrorKind::Empty);
    assert_eq!(error_of("  \n\t\n").kind, LoadErrorKind::Empty);
    let deep = format!("Dossier(id: {}\"x\"{})", "[".repeat(200), "]".repeat(200));
    assert!(matches!(
        error_of(&deep).kind,
        LoadErrorKind::TooDeep | LoadErrorKind::Syntax(_)
    ));
}

#[test]
fn optional_fields_may_be_left_out() {
    let d =
        parse("Dossier(id: \"X\", client: \"Y\", ocmw: \"Gent\", start: \"2020-01-01\")").unwrap();
    assert!(d.instruments.is_empty() && d.end.is_none() && d.plan.is_none());
}

#[test]
fn folders_load_in_parallel_and_report_every_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = parse(EXAMPLE).unwrap();
    for i in 0..20 {
        let mut d = good.clone();
        d.id = format!("D-{i:02}");
        save_dossier(&dir.path().join(format!("d{i:02}.ron")), &d).unwrap();
    }
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("broken.ron"), "Dossier(id: \"B\",").unwrap();
    std::fs::write(
        sub.join("dup.ron"),
        to_ron(&good.clone())
            .unwrap()
            .replace("GENT-2019-0042", "D-03"),
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.ron"), "").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a dossier").unwrap();
    std::fs::write(dir.path().join(".hidden.ron"), "garbage").unwrap();
    std::fs::write(dir.path().join("latin1.ron"), b"Dossier(id: \"\xe9\")").unwrap();
    let big = vec![b' '; (MAX_FILE_BYTES + 1) as usize];
    std::fs::write(dir.path().join("big.ron"), big).unwrap();

    let report = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.dossiers.len(), 21, "20 good ones and the duplicate");
    let kinds: Vec<(String, &LoadErrorKind)> = report
        .errors
        .iter()
        .map(|e| {
            (
                e.path.file_name().unwrap().to_string_lossy().into_owned(),
                &e.kind,
            )
        })
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:#?}");
    assert!(
        kinds
            .iter()
            .any(|(n, k)| n == "big.ron" && matches!(k, LoadErrorKind::TooLarge { .. }))
    );
    assert!(
        kinds
            .iter()
            .any(|(n, k)| n == "empty.ron" && **k == LoadErrorKind::Empty)
    );
    assert!(
        kinds
            .iter()
            .any(|(n, k)| n == "latin1.ron" && **k == LoadErrorKind::NotUtf8)
    );
    assert!(
        kinds
            .iter()
            .any(|(n, k)| n == "broken.ron" && matches!(k, LoadErrorKind::Syntax(_)))
    );
    assert!(kinds.iter().any(|(n, k)| n == "dup.ron"
        && matches!(k, LoadErrorKind::DuplicateId { id, .. } if id == "D-03")));
    // A bad file is never written to.
    assert_eq!(
        std::fs::read_to_string(sub.join("broken.ron")).unwrap(),
        "Dossier(id: \"B\","
    );

    let empty = tempfile::tempdir().unwrap();
    let report = load_paths(&[empty.path().to_path_buf()]);
    assert_eq!(
        report.errors[0].kind,
        LoadErrorKind::NoDossiers {
            hidden: 0,
            links: 0
        }
    );
    let report = load_paths(&[PathBuf::from("/nonexistent/x.ron")]);
    assert!(matches!(report.errors[0].kind, LoadErrorKind::Io(..)));
}

#[test]
fn atomic_save_replaces_keeps_one_backup_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ron");
    let mut d = parse(EXAMPLE).unwrap();
    save_dossier(&path, &d).unwrap();
    let first = d.clone();
    d.client = "Someone Else".into();
    save_dossier(&path, &d).unwrap();
    assert_eq!(load_file(&path).unwrap(), d);
    assert_eq!(
        load_file(&backup_path(&path)).unwrap(),
        first,
        "the previous version is the backup"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec![".a.ron.bak", "a.ron"]);
    // The backup is not a dossier of the workspace.
    assert_eq!(load_paths(&[dir.path().to_path_buf()]).dossiers.len(), 1);
}

// --- property tests ---------------------------------------------------------------------

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000)
        .prop_map(|n| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(n as u64))
}

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, non-ASCII and RON syntax inside strings must survive.
    proptest::string::string_regex("[a-zA-Z0-9 \"\\\\\n()\\[\\],:éëçØ€-]{0,20}").unwrap()
}

fn kind() -> impl Strategy<Value = InstrumentKind> {
    prop_oneof![
        Just(InstrumentKind::Bvs),
        Just(InstrumentKind::Art60),
        Just(InstrumentKind::Wes),
        Just(InstrumentKind::Ibo),
        (
            text(),
            prop_oneof![
                Just(Provider::Vdab),
                Just(Provider::Recognised),
                text().prop_map(Provider::Other)
            ],
            prop_oneof![Just(Focus::Generic), Just(Focus::Technical)],
            any::<bool>()
        )
            .prop_map(
                |(name, provider, focus, full_time)| InstrumentKind::Opleiding {
                    name,
                    provider,
                    focus,
                    full_time
                }
            ),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Planned),
        Just(Status::Running),
        Just(Status::Completed),
        Just(Status::StoppedEarly)
    ]
}

/// Any note: every kind, any text (escapes and all, which the fast path leaves to `ron`).
fn note() -> impl Strategy<Value = Note> {
    (
        date(),
        prop_oneof![
            Just(NoteKind::Conversation),
            Just(NoteKind::Phone),
            Just(NoteKind::HomeVisit),
            Just(NoteKind::Email),
            Just(NoteKind::Meeting),
            text().prop_map(NoteKind::Other)
        ],
        text(),
        text(),
    )
        .prop_map(|(date, kind, author, text)| Note {
            date,
            kind,
            author,
            text,
        })
}

fn dossier() -> impl Strategy<Value = Dossier> {
    let instrument =
        (kind(), date(), date(), status()).prop_map(|(kind, start, end, status)| Instrument {
            kind,
            start,
            end,
            status,
        });
    let document = (
        prop_oneof![
            Just(DocumentKind::Pop),
            Just(DocumentKind::Gpmi),
            Just(DocumentKind::Evaluation),
            Just(DocumentKind::Contract),
            text().prop_map(DocumentKind::Other)
        ],
        date(),
    )
        .prop_map(|(kind, uploaded)| Document { kind, uploaded });
    let activity = (
        prop_oneof![
            Just(ActivityKind::Cv),
            Just(ActivityKind::ApplicationTraining),
            Just(ActivityKind::JobCoaching),
            Just(ActivityKind::JobSearch),
            Just(ActivityKind::Reorientation),
            text().prop_map(ActivityKind::VdabService)
        ],
        date(),
        prop_oneof![
            Just(Actor::Ocmw),
            Just(Actor::Organisation),
            Just(Actor::Vdab)
        ],
    )
        .prop_map(|(kind, date, by)| Activity { kind, date, by });
    let plan = proptest::option::of(prop_oneof![
        Just(Plan::Pop),
        Just(Plan::Gpmi),
        text().prop_map(Plan::Other)
    ]);
    let outcome = proptest::option::of(
        (proptest::option::of(any::<bool>()), date())
            .prop_map(|(at_work, measured)| Outcome { at_work, measured }),
    );
    let note = note();
    (
        (
            text(),
            text(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            plan,
        ),
        (
            date(),
            proptest::option::of(date()),
            proptest::option::of(date()),
        ),
        (
            proptest::collection::vec(instrument, 0..6),
            proptest::collection::vec(document, 0..4),
            proptest::collection::vec(activity, 0..4),
            outcome,
            proptest::collection::vec(note, 0..3),
        ),
    )
        .prop_map(
            |(
                (id, client, ocmw, guided_by, counsellor, plan),
                (start, end, social_rights_acquired),
                (instruments, documents, activities, outcome, notes),
            )| Dossier {
                id,
                client,
                ocmw,
                guided_by,
                counsellor,
                plan,
                start,
                end,
                social_rights_acquired,
                instruments,
                documents,
                activities,
                outcome,
                notes,
            },
        )
}

proptest! {
    #[test]
    fn round_trip(d in dossier()) {
        let text = to_ron(&d).unwrap();
        let back = parse(&text).unwrap();
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(to_ron(&back).unwrap(), text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = parse(text);
        }
    }

    #[test]
    fn mutated_dossiers_never_panic_and_errors_have_positions(cut in 0usize..EXAMPLE.len(), insert in "[\\[\\](){}\",:a-z0-9 ]{0,4}") {
        let mut text = EXAMPLE.to_string();
        let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.insert_str(cut, &insert);
        if let Err(e) = parse(&text)
            && e.kind != LoadErrorKind::Empty
        {
            prop_assert!(e.line.is_some() && e.column.is_some(), "{e:?}");
        }
    }
}

// --- the fast path ------------------------------------------------------------------------

/// What ron itself makes of a text: the reference the fast path is held to.
fn by_ron(text: &str) -> Option<Dossier> {
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str(text)
        .ok()
}

fn fast(text: &str) -> Option<Dossier> {
    super::fast_ron::parse(text)
}

/// Ways the same dossier may be written: as saved, compact, without struct names, without
/// trailing commas, with spaces around the colons.
fn written_forms(d: &Dossier) -> Vec<String> {
    let saved = to_ron(d).unwrap();
    vec![
        ron::to_string(d).unwrap(),
        ron::ser::to_string_pretty(d, ron::ser::PrettyConfig::new()).unwrap(),
        without_trailing_commas(&saved),
        saved.replace(": ", " :\t").replace("(\n", "( \r\n"),
        saved.replace('\n', " // a note, \"quoted\" (and bracketed]\n"),
        saved,
    ]
}

/// `text` with the comma after each last element removed.
fn without_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(",\n") {
        let after = rest[i + 1..].trim_start();
        out.push_str(&rest[..i]);
        if !(after.starts_with(')') || after.starts_with(']')) {
            out.push(',');
        }
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn comments_are_found_outside_strings_only() {
    assert!(has_comments(EXAMPLE.as_bytes()));
    assert!(has_comments(b"(id: \"x\", /* note */ ocmw: \"Gent\")"));
    assert!(!has_comments(b"(id: \"x\", ocmw: \"Gent\")"));
    assert!(!has_comments(b"(id: \"http://x/*y*/\")"));
    assert!(!has_comments(b"(id: \"a \\\"//\\\" b\", ocmw: \"x / y\")"));
    assert!(has_comments(
        b"(id: \"a \\\"\" // after an escaped quote\n)"
    ));
    let saved = to_ron(&parse(EXAMPLE).unwrap()).unwrap();
    assert!(!has_comments(saved.as_bytes()));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let saved = to_ron(&parse(EXAMPLE).unwrap()).unwrap();
    assert_eq!(parse(&format!("\u{feff}{saved}")).ok(), parse(&saved).ok());
    assert_eq!(
        parse("\u{feff}  \n").unwrap_err().kind,
        LoadErrorKind::Empty
    );
    // Positions are those an editor shows, which does not show the mark.
    let e = parse(&format!("\u{feff}{}", saved.replace("ocmw", "ocwm"))).unwrap_err();
    assert_eq!((e.line, e.column), (Some(4), Some(5)), "{e:?}");
}

#[test]
fn the_fast_path_takes_saved_files_and_declines_what_it_does_not_know() {
    let d = parse(EXAMPLE).unwrap();
    let saved = to_ron(&d).unwrap();
    assert_eq!(fast(&saved), Some(d.clone()));
    // The contract's example, line comments and all.
    assert_eq!(fast(EXAMPLE), by_ron(EXAMPLE));
    assert!(fast(EXAMPLE).is_some());
    // Block comments, extensions, escapes, raw strings, a wrong struct name, a space before
    // a parenthesis: declined here, and ron decides.
    for declined in [
        saved.replace("ocmw:", "/* OCMW */ ocmw:"),
        format!("#![enable(implicit_some)]\n{saved}"),
        saved.replace("\"Gent\"", "\"Ge\\u{6e}t\""),
        saved.replace("\"Gent\"", "r\"Gent\""),
        saved.replace("Dossier(", "Dosier("),
        saved.replace("Some(Pop)", "Some (Pop)"),
        saved.replace("kind: Wes", "kind: Wes()"),
        format!("{saved} x"),
    ] {
        assert_eq!(fast(&declined), None, "{declined}");
        // The loader still reads what ron reads.
        assert_eq!(parse(&declined).ok(), by_ron(&declined), "{declined}");
    }
    // Left-out optional fields and any field order are fine.
    let short = "(ocmw: \"Gent\", client: \"An\", start: \"2019-03-01\", id: \"X\",)";
    assert_eq!(fast(short), by_ron(short));
    assert!(fast(short).is_some());
}

proptest! {
    #[test]
    fn the_fast_path_reads_every_written_form_as_ron_does(d in dossier()) {
        for text in written_forms(&d) {
            let fast = fast(&text);
            if fast.is_some() {
                prop_assert_eq!(&fast, &by_ron(&text), "{}", text);
            }
            // It declines only strings with escapes or control characters (a tab put in by
            // the spacing above).
            prop_assert!(
                fast.is_some() || text.contains('\\') || text.contains('\t'),
                "declined: {}",
                text
            );
        }
        let saved = to_ron(&d).unwrap();
        prop_assert_eq!(parse(&saved).ok(), Some(d));
    }

    #[test]
    fn the_fast_path_never_reads_a_damaged_file_differently(
        cut in 0usize..1000,
        remove in 0usize..4,
        insert in "[\\[\\](){}\",:a-zA-Z0-9 _/#\\\\\n-]{0,4}",
        commented in any::<bool>(),
    ) {
        // The saved form, or the contract's example with its comments.
        let mut text = if commented {
            EXAMPLE.to_string()
        } else {
            to_ron(&parse(EXAMPLE).unwrap()).unwrap()
        };
        let at = cut % text.len();
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let end = (at..=text.len().min(at + remove)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(at);
        text.replace_range(at..end, &insert);
        if let Some(f) = fast(&text) {
            prop_assert_eq!(Some(f), by_ron(&text), "{}", text);
        }
        prop_assert_eq!(parse(&text).ok(), by_ron(&text), "{}", text);
    }
}

mod hostile {
    use super::*;

    fn saved_sample(dir: &Path, name: &str) -> Dossier {
        let d = crate::sample::load().dossiers.remove(0).dossier;
        save_dossier(&dir.join(name), &d).unwrap();
        d
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "mkfifo");
    }

    /// A pipe named like a dossier would block a plain open forever: it is reported,
    /// in a folder and given by name, and never opened for a read that waits.
    #[cfg(unix)]
    #[test]
    fn a_pipe_named_ron_is_reported_and_never_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        saved_sample(dir.path(), "a.ron");
        let fifo = dir.path().join("x.ron");
        mkfifo(&fifo);
        let (tx, rx) = std::sync::mpsc::channel();
        let paths = vec![dir.path().to_path_buf(), fifo.clone()];
        std::thread::spawn(move || tx.send(load_paths(&paths)).unwrap());
        let report = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("loading does not hang on a pipe");
        assert_eq!(report.dossiers.len(), 1);
        assert!(!report.errors.is_empty());
        assert!(
            report
                .errors
                .iter()
                .all(|e| e.path == fifo && e.kind == LoadErrorKind::NotAFile)
        );
        assert!(
            report.errors[0]
                .message(crate::lang::Lang::Nl)
                .contains("geen gewoon bestand")
        );
    }

    #[cfg(unix)]
    #[test]
    fn folder_links_are_not_followed_and_file_links_are() {
        let dir = tempfile::tempdir().unwrap();
        saved_sample(dir.path(), "a.ron");
        std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
        let other = tempfile::tempdir().unwrap();
        let mut d = crate::sample::load().dossiers.remove(1).dossier;
        d.id = "ELDERS-1".into();
        save_dossier(&other.path().join("b.ron"), &d).unwrap();
        std::os::unix::fs::symlink(other.path().join("b.ron"), dir.path().join("b.ron")).unwrap();
        std::os::unix::fs::symlink(other.path(), dir.path().join("elders")).unwrap();
        let report = load_paths(&[dir.path().to_path_buf()]);
        let mut ids: Vec<&str> = report
            .dossiers
            .iter()
            .map(|d| d.dossier.id.as_str())
            .collect();
        ids.sort_unstable();
        assert_eq!(ids.len(), 2, "each file once: {ids:?}");
        assert!(ids.contains(&"ELDERS-1"), "a link to a file is read");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
    }

    #[test]
    fn the_extension_in_any_case_is_read_and_hidden_files_are_counted_when_nothing_else_is() {
        let dir = tempfile::tempdir().unwrap();
        saved_sample(dir.path(), "UPPER.RON");
        saved_sample(dir.path(), ".hidden.ron");
        let report = load_paths(&[dir.path().to_path_buf()]);
        assert_eq!(report.dossiers.len(), 1);
        assert!(report.dossiers[0].path.ends_with("UPPER.RON"));
        assert!(report.errors.is_empty());
        std::fs::remove_file(dir.path().join("UPPER.RON")).unwrap();
        let report = load_paths(&[dir.path().to_path_buf()]);
        assert_eq!(
            report.errors[0].kind,
            LoadErrorKind::NoDossiers {
                hidden: 1,
                links: 0
            }
        );
        let en = report.errors[0].message(crate::lang::Lang::En);
        assert!(en.contains("1 hidden .ron files"), "{en}");
        assert!(!en.contains("holds no dossier files (.ron)"), "{en}");
    }

    #[test]
    fn a_dossier_past_the_bounds_is_refused_naming_the_field_and_the_limit() {
        let d = crate::sample::load().dossiers.remove(0).dossier;
        let mut many = d.clone();
        many.instruments = vec![d.instruments[0].clone(); 1_001];
        let text = to_ron(&many).unwrap();
        let e = parse_dossier(&text, Path::new("many.ron")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("instruments"));
        assert_eq!(
            e.kind,
            LoadErrorKind::TooMany {
                count: 1_001,
                limit: 1_000
            }
        );
        assert!(e.message(crate::lang::Lang::En).contains("at most 1,000"));
        assert!(e.message(crate::lang::Lang::Nl).contains("hoogstens 1.000"));
        let mut long = d.clone();
        long.ocmw = "Gent".repeat(262_000);
        let text = to_ron(&long).unwrap();
        assert!(text.len() > 1_000_000);
        let e = parse_dossier(&text, Path::new("long.ron")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("ocmw"));
        assert!(matches!(
            e.kind,
            LoadErrorKind::TooLong { limit: 1_000, .. }
        ));
        // At the bounds themselves, a dossier loads.
        let mut edge = d;
        edge.instruments = vec![edge.instruments[0].clone(); 1_000];
        edge.client = "é".repeat(1_000);
        assert!(parse_dossier(&to_ron(&edge).unwrap(), Path::new("edge.ron")).is_ok());
    }
}

mod hostile_messages {
    use super::*;
    use crate::lang::Lang;

    /// A file cut off anywhere says what is wrong without a `?` for the field, and in
    /// Dutch without the parser's English.
    #[test]
    fn hostile_truncated_files_name_known_fields_and_speak_dutch() {
        let text = to_ron(&crate::sample::load().dossiers.remove(0).dossier).unwrap();
        let mut cuts = 0;
        for cut in (1..text.len()).filter(|&c| text.is_char_boundary(c)) {
            let Err(e) = parse(&text[..cut]) else {
                continue;
            };
            cuts += 1;
            assert!(
                e.field.as_deref().is_none_or(|f| !f.contains('?')),
                "cut at {cut}: field {:?}",
                e.field
            );
            let nl = e.message(Lang::Nl);
            for english in ["Expected", "expected", "Unexpected", "unexpected end"] {
                assert!(!nl.contains(english), "cut at {cut}: {nl}");
            }
            assert!(!e.message(Lang::En).is_empty());
        }
        assert!(cuts > 100, "{cuts}");
    }

    #[test]
    fn an_option_written_without_some_is_told_how_to_write_it() {
        let text = EXAMPLE.replace("plan: Some(Pop)", "plan: Pop");
        let e = parse(&text).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("plan"));
        assert!(
            e.message(Lang::En).contains("Some(Pop)"),
            "{}",
            e.message(Lang::En)
        );
        assert!(
            e.message(Lang::Nl)
                .contains("schrijf Some(…) of None, bv. Some(Pop)")
        );
    }

    #[test]
    fn a_file_of_only_comments_is_empty_not_a_syntax_error() {
        let e = parse("// TODO: dossier van An\n/* later */\n").unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::Empty);
    }

    #[test]
    fn system_errors_are_worded_in_dutch_too() {
        let e = read_file(Path::new("/does/not/exist.ron")).unwrap_err();
        let nl = e.message(Lang::Nl);
        assert!(nl.contains("bestaat niet"), "{nl}");
        assert!(e.message(Lang::En).contains("does not exist"));
    }
}

proptest! {
    /// The ids seen, kept in one buffer, answer as a map from each id to the first file
    /// that had it: the earlier file for a repeated id (empty and look-alike ids too), none
    /// for a new one.
    #[test]
    fn ids_seen_answer_as_a_map_of_first_files(
        ids in proptest::collection::vec(
            proptest::sample::select(vec!["", "A", "AA", "A A", "a", "Ä", "ANTW-1", "ANTW-10", "ANTW-1 "]),
            0..40,
        )
    ) {
        let mut seen = IdsSeen::default();
        let mut oracle: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (file, id) in ids.iter().enumerate() {
            let expected = oracle.get(id).copied();
            oracle.entry(id).or_insert(file);
            prop_assert_eq!(seen.first(id, file), expected, "{:?} at {}", id, file);
        }
    }

    /// The repeated ids of files looked at where they are (the window's load, among the
    /// dossiers it holds) are those a map from each id to its first file finds: each later
    /// file with an earlier one's id, naming that first file; files passed over count for
    /// nothing.
    #[test]
    fn repeated_ids_answer_as_a_map_of_first_files(
        files in proptest::collection::vec(
            proptest::option::weighted(
                0.9,
                proptest::sample::select(vec!["", "A", "AA", "A A", "a", "Ä", "ANTW-1", "ANTW-10"]),
            ),
            0..40,
        )
    ) {
        let paths: Vec<PathBuf> =
            (0..files.len()).map(|n| PathBuf::from(format!("/w/{n:02}.ron"))).collect();
        let got = repeated_ids(files.len(), |n| Some((paths[n].as_path(), (*files.get(n)?)?)));
        let mut oracle: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut expected = Vec::new();
        for (n, id) in files.iter().enumerate() {
            let Some(id) = id else { continue };
            match oracle.get(id) {
                Some(&first) => expected.push((paths[n].clone(), (*id).to_owned(), paths[first].clone())),
                None => {
                    oracle.insert(id, n);
                }
            }
        }
        let got: Vec<(PathBuf, String, PathBuf)> = got
            .into_iter()
            .map(|e| match e.kind {
                LoadErrorKind::DuplicateId { id, first } => (e.path, id, first),
                other => panic!("{other:?}"),
            })
            .collect();
        prop_assert_eq!(got, expected);
    }
}

/// A repeated id names the file that had it first, whether the folder is read in one go or
/// a file at a time (the first then long gone from memory): the earlier file by path, in
/// a subfolder too, never the later one or a third.
#[test]
fn a_repeated_id_names_the_first_file_that_had_it() {
    let dir = tempfile::tempdir().unwrap();
    let good = parse(EXAMPLE).unwrap();
    let sub = dir.path().join("a.sub");
    std::fs::create_dir(&sub).unwrap();
    let write = |path: &Path, id: &str| {
        let mut d = good.clone();
        d.id = id.into();
        save_dossier(path, &d).unwrap();
    };
    write(&dir.path().join("a.ron"), "X");
    write(&sub.join("b.ron"), "Y");
    write(&dir.path().join("c.ron"), "Y");
    write(&dir.path().join("d.ron"), "X");
    let expected = |errors: &[LoadError]| {
        let mut got: Vec<(PathBuf, PathBuf)> = errors
            .iter()
            .filter_map(|e| match &e.kind {
                LoadErrorKind::DuplicateId { first, .. } => Some((e.path.clone(), first.clone())),
                _ => None,
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                (dir.path().join("c.ron"), sub.join("b.ron")),
                (dir.path().join("d.ron"), dir.path().join("a.ron")),
            ]
        );
    };
    expected(&load_paths(&[dir.path().to_path_buf()]).errors);
    for part in [1, 2, 3] {
        expected(&load_paths_in_parts(
            &[dir.path().to_path_buf()],
            part,
            |_| {},
        ));
    }
}

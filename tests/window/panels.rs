//! Each panel alone, in its own harness: it draws from a read-only context and answers
//! clicks, typing and keys with actions, which the tests read (nothing is applied for them).

use crate::common::{click_at, retype, today};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twe_app::action::{Edit, File, Output, Select, Setting, Shell};
use twe_app::{
    Action, AgendaView, Caseload, Dialogs, DossierList, Editor, FindingsPanel, Help, Layout,
    MenuBar, Panel, Pending, Question, Request, Selection, Slides, StatsView, StatusBar, Timeline,
    View, ViewCx,
};
use twe_core::lang::Lang;
use twe_core::workspace::{EditKey, Workspace};

/// One panel with what it reads and the actions it emitted.
struct Bench<P> {
    panel: P,
    ws: Workspace,
    sel: Selection,
    lang: Lang,
    layout: Layout,
    out: Vec<Action>,
    loading: Option<twe_core::workspace::loading::Status>,
}

/// How a panel is drawn from its bench.
type Draw<P> = fn(&mut P, &ViewCx<'_>, &mut egui::Ui, &mut Vec<Action>);

/// A harness on `panel` over the sample workspace, dossier `open` opened.
fn bench<P: 'static>(panel: P, open: Option<&str>, draw: Draw<P>) -> Harness<'static, Bench<P>> {
    let ws = Workspace::sample(today());
    let entry = open.and_then(|id| ws.entries().iter().position(|e| e.dossier().id == id));
    let state = Bench {
        panel,
        ws,
        sel: Selection {
            entry,
            ..Default::default()
        },
        lang: Lang::En,
        layout: Layout::default(),
        out: Vec::new(),
        loading: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .build_ui_state(
            move |ui, b: &mut Bench<P>| {
                let cx = ViewCx {
                    ws: &b.ws,
                    sel: b.sel,
                    lang: b.lang,
                    layout: b.layout,
                    recent: &[],
                    status: Some("a status message"),
                    preview: None,
                    loading: b.loading,
                    me: None,
                    due_listed: None,
                    listed: None,
                };
                draw(&mut b.panel, &cx, ui, &mut b.out);
            },
            state,
        );
    h.run();
    h
}

fn index(ws: &Workspace, id: &str) -> usize {
    ws.entries()
        .iter()
        .position(|e| e.dossier().id == id)
        .unwrap()
}

#[test]
fn dossier_list_filters_and_opens_by_click_and_arrow_keys() {
    let mut h = bench(DossierList::default(), None, |p, cx, ui, out| {
        p.ui(cx, ui, out);
    });
    assert!(h.query_by_label_contains("30 of 30").is_some());
    retype(&mut h, "Search", "gent");
    assert!(h.query_by_label_contains("LEUV-2018-0006  ").is_none());
    let gent = index(&h.state().ws, "GENT-2017-0004");
    h.get_by_label_contains("GENT-2017-0004  ").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Select(Select::OpenEntry(gent)))
    );
    // With the search field left, the arrow keys walk the rows.
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().out.clear();
    h.key_press(Key::ArrowDown);
    h.run();
    assert!(matches!(
        h.state().out.first(),
        Some(Action::Select(Select::OpenEntry(_)))
    ));
    // A filter by findings keeps the dossiers with errors.
    h.get_by_role_and_label(Role::ComboBox, "Show").click();
    h.run();
    h.get_by_label("With errors").click();
    h.run();
    let with_errors = h
        .state()
        .ws
        .entries()
        .iter()
        .filter(|e| e.counts().errors > 0 && e.dossier().ocmw.to_lowercase().contains("gent"))
        .count();
    assert!(
        h.query_by_label_contains(&format!("{with_errors} of 30"))
            .is_some()
    );
}

#[test]
fn timeline_selects_a_bar_and_plans_the_rest() {
    let mut h = bench(
        Timeline::default(),
        Some("GENK-2018-0009"),
        |p, cx, ui, out| {
            p.ui(cx, ui, out);
        },
    );
    assert!(
        h.query_by_label_contains("GENK-2018-0009 — OCMW Genk")
            .is_some()
    );
    let i = index(&h.state().ws, "GENK-2018-0009");
    let d = h.state().ws.entries()[i].dossier().clone();
    let rect = h
        .state()
        .panel
        .bar_rect(&d, 0)
        .expect("the first bar is drawn");
    click_at(&mut h, rect.center());
    h.run();
    assert!(
        h.state()
            .out
            .contains(&Action::Select(Select::SelectBar(Some(0))))
    );
    h.get_by_label("Plan the rest").click();
    h.run();
    assert!(h.state().panel.proposal().is_some());
    h.get_by_label("✔ Accept").click();
    h.run();
    let Some(Action::Edit(Edit::Replace {
        entry,
        dossier,
        key,
    })) = h.state().out.last()
    else {
        panic!("accepting is an edit: {:?}", h.state().out)
    };
    assert_eq!(*entry, i);
    assert_eq!(*key, EditKey::Single);
    assert!(dossier.instruments.len() > d.instruments.len());
    assert!(h.state().panel.proposal().is_none());
}

#[test]
fn editor_turns_typing_and_buttons_into_edits() {
    let mut h = bench(
        Editor::default(),
        Some("LEUV-2018-0006"),
        |p, cx, ui, out| {
            p.ui(cx, ui, out);
        },
    );
    retype(&mut h, "Client", "Jo Tester");
    let edit = h.state().out.iter().rev().find_map(|a| match a {
        Action::Edit(Edit::Replace { dossier, key, .. }) => {
            Some((dossier.client.clone(), key.clone()))
        }
        _ => None,
    });
    assert_eq!(
        edit,
        Some(("Jo Tester".to_string(), EditKey::Field("client".into())))
    );
    h.state_mut().out.clear();
    let n = h.state().ws.entries()[index(&h.state().ws, "LEUV-2018-0006")]
        .dossier()
        .instruments
        .len();
    h.get_by_label("+ Add").click();
    h.run();
    let out = &h.state().out;
    assert!(
        matches!(out.first(), Some(Action::Edit(Edit::Replace { dossier, .. })) if dossier.instruments.len() == n + 1)
    );
    assert_eq!(
        out.get(1),
        Some(&Action::Select(Select::SelectInstrument(Some(n))))
    );
}

#[test]
fn findings_select_step_and_fix() {
    let mut h = bench(
        FindingsPanel::default(),
        Some("GENT-2017-0004"),
        <twe_app::FindingsPanel as Panel>::ui,
    );
    assert!(h.query_by_label("art60-late-start").is_some());
    h.get_by_label("Next ▶").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Select(Select::StepFinding(1)))
    );
    h.get_by_label_contains("starts after the deadline").click();
    h.run();
    assert!(matches!(
        h.state().out.last(),
        Some(Action::Select(Select::SelectFinding(_)))
    ));
    h.get_by_label_contains("Start art. 60§7 on 1 May 2017")
        .click();
    h.run();
    let out = &h.state().out;
    assert!(
        matches!(&out[out.len() - 2], Action::Setting(Setting::Status(s)) if s.en.contains("1 May 2017") && s.nl.contains("01/05/2017"))
    );
    assert!(
        matches!(out.last(), Some(Action::Edit(Edit::Replace { dossier, .. }))
        if dossier.instruments[1].start.to_string() == "2017-05-01")
    );
}

#[test]
fn caseload_opens_the_dossier_of_a_clicked_row() {
    let mut list = DossierList::default();
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .build_ui_state(
            move |ui, b: &mut Bench<Caseload>| {
                let cx = ViewCx {
                    ws: &b.ws,
                    sel: b.sel,
                    lang: b.lang,
                    layout: b.layout,
                    recent: &[],
                    status: None,
                    preview: None,
                    loading: None,
                    me: None,
                    due_listed: None,
                    listed: Some(list.rows(&b.ws)),
                };
                b.panel.ui(&cx, ui, &mut b.out);
            },
            Bench {
                panel: Caseload::default(),
                ws: Workspace::sample(today()),
                sel: Selection::default(),
                lang: Lang::En,
                layout: Layout::default(),
                out: Vec::new(),
                loading: None,
            },
        );
    h.run();
    assert!(h.query_by_label_contains("30 dossiers").is_some());
    let gent = index(&h.state().ws, "GENT-2017-0004");
    h.get_by_label_contains("GENT-2017-0004").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Select(Select::OpenEntry(gent)))
    );
    // Grouped by findings: three headings, the errors first.
    h.get_by_role_and_label(Role::ComboBox, "Group").click();
    h.run();
    h.get_by_label("findings").click();
    h.run();
    let errors = h.get_by_label("with errors (9)").rect();
    let warnings = h.get_by_label_contains("with warnings (").rect();
    assert!(errors.top() < warnings.top(), "errors first");
}

#[test]
fn statistics_controls_choose_and_export() {
    let mut h = bench(StatsView::default(), None, |p, cx, ui, out| {
        egui::Panel::left("controls").show(ui, |ui| p.controls_ui(cx, ui, out));
        egui::CentralPanel::default().show(ui, |ui| p.ui(cx, ui, out));
    });
    assert!(
        h.query_by_label("Started trajectories per province and start year")
            .is_some()
    );
    h.get_by_role_and_label(Role::ComboBox, "Measure").click();
    h.run();
    h.get_by_label("IBO").click();
    h.run();
    assert!(
        h.query_by_label("Started IBO per province and start year")
            .is_some()
    );
    h.get_by_label("CSV of this chart…").click();
    h.run();
    assert!(matches!(
        h.state().out.last(),
        Some(Action::Shell(Shell::Dialog(Request::ExportCsv(csv)))) if csv.contains("Antwerpen")
    ));
    h.get_by_label("Present (F11)").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Setting(Setting::Present(true)))
    );
}

#[test]
fn slides_follow_the_arrows_a_clicker_b_w_f1_and_escape_leaves() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_ui_state(
            |ui, b: &mut Bench<(Slides, StatsView)>| {
                let cx = ViewCx {
                    ws: &b.ws,
                    sel: b.sel,
                    lang: b.lang,
                    layout: b.layout,
                    recent: &[],
                    status: None,
                    preview: None,
                    loading: None,
                    me: None,
                    due_listed: None,
                    listed: None,
                };
                let (slides, stats) = &mut b.panel;
                slides.ui(&cx, &mut stats.choices, ui, &mut b.out);
            },
            Bench {
                panel: (Slides::default(), StatsView::default()),
                ws: Workspace::sample(today()),
                sel: Selection::default(),
                lang: Lang::En,
                layout: Layout::default(),
                out: Vec::new(),
                loading: None,
            },
        );
    h.run();
    assert!(h.query_by_label_contains("Slide 1 / 10").is_some());
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(h.query_by_label_contains("Slide 2 / 10").is_some());
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert!(h.query_by_label_contains("Slide 10 / 10").is_some());
    // A clicker's Page Down and Page Up, and Space and Backspace, step too.
    for (key, at) in [
        (Key::PageDown, 1),
        (Key::Space, 2),
        (Key::Backspace, 1),
        (Key::PageUp, 10),
    ] {
        h.key_press(key);
        h.run();
        assert!(
            h.query_by_label_contains(&format!("Slide {at} / 10"))
                .is_some(),
            "{key:?}"
        );
    }
    // B blacks the screen out (no slide, no source line), B again brings it back; W
    // whitens it and a slide key brings it back too.
    h.key_press(Key::B);
    h.run();
    assert!(h.query_by_label_contains("Slide").is_none());
    h.key_press(Key::B);
    h.run();
    assert!(h.query_by_label_contains("Slide 10 / 10").is_some());
    h.key_press(Key::W);
    h.run();
    assert!(h.query_by_label_contains("Slide").is_none());
    h.key_press(Key::PageDown);
    h.run();
    assert!(h.query_by_label_contains("Slide 1 / 10").is_some());
    // F1 lists the presentation's keys from the registry; Esc first closes the list.
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Keys of the presentation").is_some());
    assert!(h.query_by_label("Black screen (again: back)").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Keys of the presentation").is_none());
    assert!(
        !h.state()
            .out
            .contains(&Action::Setting(Setting::Present(false))),
        "the first Esc closed the list, the presentation stays"
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Setting(Setting::Present(false)))
    );
}

#[test]
fn menu_bar_items_are_actions() {
    let mut h = bench(MenuBar, None, twe_app::MenuBar::ui);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New dossier").click();
    h.run();
    assert_eq!(h.state().out.last(), Some(&Action::Edit(Edit::NewDossier)));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Quit").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::File(File::Guard(Pending::Quit)))
    );
    h.get_by_label("Statistics").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Select(Select::SetView(View::Statistics)))
    );
    h.get_by_label("NL").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Setting(Setting::SetLang(Lang::Nl)))
    );
    h.get_by_label("Edit").click();
    h.run();
    assert!(
        h.get_by_label_contains("Undo")
            .accesskit_node()
            .is_disabled(),
        "nothing to undo in a fresh workspace"
    );
}

#[test]
fn status_bar_counts_and_says_the_last_message() {
    let mut h = bench(StatusBar, None, StatusBar::ui);
    assert!(h.query_by_label_contains("30 dossiers").is_some());
    assert!(h.query_by_label("a status message").is_some());
    assert!(h.query_by_label("Cancel").is_none());
    // While a folder is being opened: how far, and Cancel.
    h.state_mut().loading = Some(twe_core::workspace::loading::Status {
        read: 12_288,
        total: 250_000,
        listed: true,
    });
    h.run();
    assert!(
        h.query_by_label_contains("Reading: 12,288 of 250,000")
            .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(matches!(
        h.state().out.last(),
        Some(Action::File(File::CancelOpening))
    ));
}

#[test]
fn help_lists_every_shortcut_when_open() {
    let mut h = bench(Help::default(), None, <Help as Panel>::ui);
    assert!(h.query_by_label("Shortcuts").is_none(), "closed at first");
    h.state_mut().panel.toggle();
    h.run();
    assert!(h.query_by_label("Shortcuts").is_some());
    // Every command with a key, from the registry, with every key it has.
    let ctx = h.ctx.clone();
    let mut listed = 0;
    for scope in twe_app::Scope::ALL {
        assert!(
            h.query_by_label(scope.title().en.as_ref()).is_some(),
            "{scope:?}"
        );
        for c in twe_app::help::listed(scope) {
            let keys = c.all_shortcuts_text(&ctx, Lang::En);
            // Esc, the arrows: the same key in several places.
            assert!(
                h.query_all_by_label(&keys).next().is_some(),
                "{c:?}: {keys}"
            );
            assert!(
                h.query_all_by_label(c.help(Lang::En)).next().is_some(),
                "{c:?}"
            );
            listed += 1;
        }
    }
    let with_keys = twe_app::Command::ALL
        .iter()
        .filter(|c| !c.spec().keys.is_empty())
        .count();
    assert_eq!(listed, with_keys, "every command with a key is listed");
    assert!(h.query_by_label("Ctrl+S").is_some() && h.query_by_label("Shift+F8").is_some());
    for g in twe_app::GESTURES {
        assert!(h.query_by_label(g.gesture.en.as_ref()).is_some());
        assert!(h.query_by_label(g.what.en.as_ref()).is_some());
    }
    // English rows only: none of the Dutch words.
    assert!(h.query_by_label("Omhoog").is_none() && h.query_by_label("Overal").is_none());
    for g in twe_app::GESTURES
        .iter()
        .filter(|g| g.gesture.nl != g.gesture.en)
    {
        assert!(h.query_by_label(g.gesture.nl.as_ref()).is_none());
    }
}

#[test]
fn dialogs_answer_with_an_action_and_close() {
    let mut h = bench(Dialogs::default(), None, |p, cx, ui, out| {
        p.ui(cx, ui, out);
    });
    assert!(h.query_by_label("Unsaved changes").is_none());
    h.state_mut().panel.ask(Question::Unsaved(Pending::Quit));
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::File(File::DiscardThen(Pending::Quit)))
    );
    assert!(h.state().panel.question().is_none());
    assert!(h.query_by_label("Unsaved changes").is_none());
    h.state_mut().panel.ask(Question::Conflict(0));
    h.run();
    h.get_by_label("Take theirs").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::File(File::TakeTheirs(0)))
    );
}

#[test]
fn shared_drive_the_path_prompt_asks_before_replacing_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("cijfers.csv");
    std::fs::write(&existing, "old").unwrap();
    let mut h = bench(Dialogs::default(), None, twe_app::Dialogs::ui);
    let request = Request::ExportCsv("a;b".into());
    h.state_mut().panel.ask_path(
        request.clone(),
        &dir.path().join("twe-cijfers.csv"),
        "No file dialog here.".into(),
    );
    h.run();
    assert!(h.query_by_label("Save CSV as").is_some());
    assert!(h.query_by_label("No file dialog here.").is_some());
    // Typed, then Enter: not enough to write over a file.
    retype(&mut h, "Path", &existing.display().to_string());
    assert!(
        h.query_by_label_contains("exists already").is_some(),
        "said first"
    );
    assert!(h.state().out.is_empty());
    h.get_by_label("Replace").click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::File(File::PathChosen(request, existing)))
    );
    assert!(!h.state().panel.asks_path());
}

#[test]
fn walkthrough_the_list_names_clients_sorts_and_filters_by_rule() {
    let mut h = bench(DossierList::default(), None, |p, cx, ui, out| {
        p.ui(cx, ui, out);
    });
    assert!(
        h.query_by_label_contains("LEUV-2018-0006  Jonas Claes · Leuven")
            .is_some()
    );
    h.get_by_role_and_label(Role::ComboBox, "Rule").click();
    h.run();
    h.get_by_label("overlap").click();
    h.run();
    let with_overlap = h
        .state()
        .ws
        .entries()
        .iter()
        .filter(|e| e.findings().iter().any(|f| f.rule.id == "overlap"))
        .count();
    assert!(with_overlap > 0);
    assert!(
        h.query_by_label_contains(&format!("{with_overlap} of 30"))
            .is_some()
    );
    h.get_by_role_and_label(Role::ComboBox, "Rule").click();
    h.run();
    h.get_by_label("All rules").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Sort").click();
    h.run();
    h.get_by_label("by client").click();
    h.run();
    // The first row is the client whose family name comes first (issue 22: by family
    // name, particles and all, as Flanders files them).
    let first = h
        .state()
        .ws
        .entries()
        .iter()
        .map(|e| {
            let name = e.dossier().client.to_lowercase();
            let family = name
                .split_once(' ')
                .map_or(name.clone(), |(_, f)| f.to_string());
            (family, name)
        })
        .min()
        .unwrap()
        .1;
    let rows: Vec<String> = h
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" · "))
        .collect();
    assert!(
        rows[0].to_lowercase().contains(&first),
        "{first} first: {rows:?}"
    );
}

/// The date field alone: what it shows and the date it returned last.
struct DateField {
    value: chrono::NaiveDate,
    lang: Lang,
    returned: Option<chrono::NaiveDate>,
}

fn date_field(lang: Lang) -> Harness<'static, DateField> {
    let state = DateField {
        value: chrono::NaiveDate::from_ymd_opt(2019, 4, 15).unwrap(),
        lang,
        returned: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(500.0, 420.0))
        .build_ui_state(
            |ui, s: &mut DateField| {
                let label = s.lang.pick("Start", "Start");
                if let Some(d) = twe_app::dates::date_edit(ui, "f", label, s.value, s.lang) {
                    s.returned = Some(d);
                    s.value = d;
                }
            },
            state,
        );
    h.run();
    h
}

/// The calendar speaks Dutch in the Dutch window: month, weekdays, and each day's whole
/// date for a screen reader; a click on a day picks it and closes the calendar.
#[test]
fn walkthrough_the_date_picker_is_dutch_and_picks_by_click() {
    let mut h = date_field(Lang::Nl);
    h.get_by_label("Kalender openen: maandag 15 april 2019")
        .click();
    h.run();
    assert!(h.query_by_label("april 2019").is_some());
    assert!(h.query_by_label("ma").is_some() && h.query_by_label("zo").is_some());
    assert!(h.query_by_label("Mon").is_none());
    assert!(h.query_by_label("maandag 15 april 2019, gekozen").is_some());
    h.get_by_label("Volgende maand").click();
    h.run();
    assert!(h.query_by_label("mei 2019").is_some());
    h.get_by_label("vrijdag 3 mei 2019").click();
    h.run();
    assert_eq!(
        h.state().returned,
        chrono::NaiveDate::from_ymd_opt(2019, 5, 3)
    );
    assert!(
        h.query_by_label("mei 2019").is_none(),
        "the calendar closed"
    );
}

/// By keyboard: arrows move a day or a week, Page Down a month, Enter picks; Esc closes
/// without picking. In English, the English names.
#[test]
fn walkthrough_the_date_picker_works_by_keyboard() {
    let mut h = date_field(Lang::En);
    h.get_by_label("Open the calendar: Monday 15 April 2019")
        .click();
    h.run();
    assert!(h.query_by_label("April 2019").is_some());
    h.key_press(Key::ArrowRight);
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::PageDown);
    h.run();
    assert!(h.query_by_label("May 2019").is_some());
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::PageDown);
    h.run();
    assert!(h.query_by_label("May 2020").is_some(), "Shift: a year");
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::PageUp);
    h.key_press(Key::Enter);
    h.run();
    // 15 April + 1 day + 1 week + 1 month.
    assert_eq!(
        h.state().returned,
        chrono::NaiveDate::from_ymd_opt(2019, 5, 23)
    );
    h.state_mut().returned = None;
    h.get_by_label("Open the calendar: Thursday 23 May 2019")
        .click();
    h.run();
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("May 2019").is_none(), "Esc closed it");
    assert_eq!(h.state().returned, None);
}

/// The calendar opened from the keyboard keeps the keyboard until it closes: the arrows
/// move its day, not the focus to the button beside it, and Enter picks the day rather than
/// pressing that button (it duplicated an instrument).
#[test]
fn the_date_picker_opened_by_keyboard_keeps_the_keyboard() {
    struct Beside {
        field: DateField,
        pressed: usize,
    }
    let state = Beside {
        field: DateField {
            value: chrono::NaiveDate::from_ymd_opt(2019, 4, 15).unwrap(),
            lang: Lang::En,
            returned: None,
        },
        pressed: 0,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(700.0, 420.0))
        .build_ui_state(
            |ui, s: &mut Beside| {
                ui.horizontal(|ui| {
                    if let Some(d) =
                        twe_app::dates::date_edit(ui, "f", "Start", s.field.value, s.field.lang)
                    {
                        s.field.returned = Some(d);
                        s.field.value = d;
                    }
                    if ui.button("Duplicate").clicked() {
                        s.pressed += 1;
                    }
                });
            },
            state,
        );
    h.run();
    h.get_by_label("Open the calendar: Monday 15 April 2019")
        .focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert!(h.query_by_label("April 2019").is_some(), "open");
    let focused = h.ctx.memory(egui::Memory::focused);
    assert!(focused.is_some());
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.ctx.memory(egui::Memory::focused),
        focused,
        "the arrows moved the day, not the focus"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().pressed, 0, "the button beside was not pressed");
    assert_eq!(
        h.state().field.returned,
        chrono::NaiveDate::from_ymd_opt(2019, 4, 17)
    );
    assert!(h.query_by_label("April 2019").is_none(), "closed");
    // Tab does not leave it either; Esc closes it and the keyboard goes on from its button.
    h.get_by_label("Open the calendar: Wednesday 17 April 2019")
        .focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    let focused = h.ctx.memory(egui::Memory::focused);
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.ctx.memory(egui::Memory::focused), focused, "Tab stays");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().pressed, 0, "Tab stayed in the calendar");
    assert_eq!(
        h.state().field.value,
        chrono::NaiveDate::from_ymd_opt(2019, 4, 17).unwrap()
    );
    h.get_by_label("Open the calendar: Wednesday 17 April 2019")
        .focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("April 2019").is_none(), "Esc closed it");
    assert_eq!(h.state().pressed, 0);
}

/// Buttons that show only an icon still say what they do to a screen reader: the play
/// button of the year slider (and its pause), the bin of a document row, the calendar.
#[test]
fn walkthrough_icon_buttons_say_what_they_do() {
    let mut h = bench(StatsView::default(), None, |p, cx, ui, out| {
        egui::Panel::left("controls").show(ui, |ui| p.controls_ui(cx, ui, out));
    });
    h.get_by_role_and_label(Role::Button, "Play the years")
        .click();
    h.run();
    assert!(h.query_by_role_and_label(Role::Button, "Pause").is_some());
    let mut h = bench(
        Editor::default(),
        Some("LEUV-2018-0006"),
        |p, cx, ui, out| {
            p.ui(cx, ui, out);
        },
    );
    h.get_by_label_contains("Documents").click();
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Button, "Delete document 1")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Open the calendar: Monday 8 January 2018")
            .is_some()
    );
}

/// Two new dossiers with things due this week and next week of Monday 2 March 2026.
fn agenda_workspace() -> Workspace {
    use twe_core::model::{Instrument, InstrumentKind, Status};
    let day = |s: &str| twe_core::model::date_serde::parse(s).unwrap();
    let mut ws = Workspace::sample(day("2026-03-02"));
    let mut a = ws.entries()[0].dossier().clone();
    a.id = "TEST-A".into();
    a.client = "Alice Test".into();
    a.start = day("2026-01-06");
    a.end = None;
    a.outcome = None;
    a.instruments.clear();
    a.documents.clear();
    a.counsellor = Some("Sofie Peeters".into());
    // The art. 60§7 by Friday 6 March, the next instrument by Saturday 7 March.
    ws.add(a.clone());
    let mut b = a;
    b.id = "TEST-B".into();
    b.client = "Bob Test".into();
    b.start = day("2025-12-10");
    b.counsellor = Some("Karim El Idrissi".into());
    b.instruments.push(Instrument {
        kind: InstrumentKind::Art60,
        start: day("2025-12-15"),
        end: day("2026-12-14"),
        status: Status::Running,
    });
    // No upload since the start: due Tuesday 10 March.
    ws.add(b);
    ws
}

fn agenda_bench(ws: Workspace, list: DossierList) -> Harness<'static, Bench<AgendaView>> {
    let mut list = list;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_ui_state(
            move |ui, b: &mut Bench<AgendaView>| {
                let cx = ViewCx {
                    ws: &b.ws,
                    sel: b.sel,
                    lang: b.lang,
                    layout: b.layout,
                    recent: &[],
                    status: None,
                    preview: None,
                    loading: None,
                    me: None,
                    due_listed: None,
                    listed: Some(list.rows(&b.ws)),
                };
                b.panel.ui(&cx, ui, &mut b.out);
            },
            Bench {
                panel: AgendaView::default(),
                ws,
                sel: Selection::default(),
                lang: Lang::En,
                layout: Layout::default(),
                out: Vec::new(),
                loading: None,
            },
        );
    h.run();
    h
}

/// The agenda view groups the listed dossiers' items (overdue findings first, then this
/// week, next week, later), a click opens the dossier on the item, and the calendar export
/// holds what is listed.
#[test]
fn agenda_groups_items_and_opens_the_dossier_of_a_clicked_row() {
    let mut h = agenda_bench(agenda_workspace(), DossierList::default());
    for heading in ["Overdue (", "This week (2)", "Next week (1)", "Later ("] {
        assert!(
            h.query_by_label_contains(heading).is_some(),
            "{heading} is shown"
        );
    }
    // Headings in order, overdue first.
    let y = |label: &str| h.get_by_label_contains(label).rect().min.y;
    assert!(y("Overdue (") < y("This week (2)"));
    assert!(y("This week (2)") < y("Next week (1)"));
    assert!(y("Next week (1)") < y("Later ("));
    let a = index(&h.state().ws, "TEST-A");
    let row = "6 Mar 2026 · in 4 days · TEST-A · Alice Test — Start the art. 60§7 employment";
    assert!(h.query_by_label_contains(row).is_some());
    assert!(
        h.query_by_label_contains("10 Mar 2026 · in 8 days · TEST-B · Bob Test — Upload")
            .is_some()
    );
    h.get_by_label_contains(row).click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Select(Select::OpenItem {
            entry: a,
            instrument: None,
            finding: None
        }))
    );
    // An overdue finding opens its dossier with the finding selected.
    h.get_by_label_contains("MOL-2023-0029 · Bram Wouters — The trajectory's last day was")
        .click();
    h.run();
    let mol = index(&h.state().ws, "MOL-2023-0029");
    assert!(matches!(
        h.state().out.last(),
        Some(Action::Select(Select::OpenItem { entry, finding: Some(_), .. })) if *entry == mol
    ));
    // The export: one event per listed item, no names unless ticked.
    h.get_by_label("📅 Export to calendar…").click();
    h.run();
    let Some(Action::Shell(Shell::Dialog(Request::ExportIcs(ics)))) = h.state().out.last().cloned()
    else {
        panic!("the export asks for a file: {:?}", h.state().out.last());
    };
    assert!(ics.contains("UID:TEST-A-art60-start@twe-planner"));
    assert!(ics.contains("UID:TEST-B-documents-upload@twe-planner"));
    assert!(!ics.contains("Alice Test"));
    h.get_by_label("with client names").click();
    h.run();
    h.get_by_label("📅 Export to calendar…").click();
    h.run();
    let Some(Action::Shell(Shell::Dialog(Request::ExportIcs(ics)))) = h.state().out.last().cloned()
    else {
        panic!("the export asks for a file");
    };
    assert!(ics.contains("Alice Test"));
    // What is overdue goes in by default, marked as overdue (issue 22); unticked, not.
    assert!(ics.contains("UID:MOL-2023-0029-late-trajectory-not-closed@twe-planner"));
    assert!(ics.contains("OVERDUE since"));
    h.get_by_label("with what is overdue").click();
    h.run();
    h.get_by_label("📅 Export to calendar…").click();
    h.run();
    let Some(Action::Shell(Shell::Dialog(Request::ExportIcs(ics)))) = h.state().out.last().cloned()
    else {
        panic!("the export asks for a file");
    };
    assert!(!ics.contains("OVERDUE since"));
    assert!(ics.contains("UID:TEST-A-art60-start@twe-planner"));
}

/// The list's counsellor filter narrows the agenda to that counsellor's dossiers.
#[test]
fn agenda_follows_the_list_filter_on_a_counsellor() {
    let ws = agenda_workspace();
    // The list of the same bench, filtered by its counsellor drop-down.
    let mut list_h = bench_list(ws);
    list_h
        .get_by_role_and_label(Role::ComboBox, "Counsellor")
        .click();
    list_h.run();
    list_h.get_by_label("Karim El Idrissi").click();
    list_h.run();
    assert!(list_h.query_by_label_contains("TEST-B  ").is_some());
    assert!(list_h.query_by_label_contains("TEST-A  ").is_none());
    // The agenda of that same list: Bob's upload, none of Alice's items.
    let list = std::mem::take(&mut list_h.state_mut().panel);
    let h = agenda_bench(agenda_workspace(), list);
    assert!(
        h.query_by_label_contains("10 Mar 2026 · in 8 days · TEST-B · Bob Test — Upload")
            .is_some()
    );
    assert!(h.query_by_label_contains("TEST-A").is_none());
    assert!(h.query_by_label_contains("This week (").is_none());
    assert!(h.query_by_label_contains("Next week (1)").is_some());
    // Without the filter both are listed.
    let h = agenda_bench(agenda_workspace(), DossierList::default());
    assert!(h.query_all_by_label_contains("TEST-A").next().is_some());
}

/// A click on an item that follows an instrument opens the dossier on that instrument; one
/// about a year with too few instruments opens it on that year's finding.
#[test]
fn agenda_click_selects_the_instrument_or_the_year() {
    // Sofie's dossiers only ("My clients"), so the rows of TEST-A are on screen.
    let mut list_h = bench_list(agenda_workspace());
    list_h.get_by_label("👤 My clients (Sofie Peeters)").click();
    list_h.run();
    let list = std::mem::take(&mut list_h.state_mut().panel);
    let mut ws = agenda_workspace();
    // TEST-A gets a WES to 31 Mar 2026: the next instrument follows it.
    let a = index(&ws, "TEST-A");
    ws.edit(a, |x| {
        x.instruments.push(twe_core::model::Instrument {
            kind: twe_core::model::InstrumentKind::Wes,
            start: twe_core::model::date_serde::parse("2026-02-01").unwrap(),
            end: twe_core::model::date_serde::parse("2026-03-31").unwrap(),
            status: twe_core::model::Status::Running,
        });
    })
    .unwrap();
    let mut h = agenda_bench(ws, list);
    let next = "31 May 2026 · in 90 days · TEST-A · Alice Test — Start the next instrument";
    h.get_by_label_contains(next).click();
    h.run();
    assert_eq!(
        h.state().out.last(),
        Some(&Action::Select(Select::OpenItem {
            entry: a,
            instrument: Some(0),
            finding: None
        }))
    );
    // Year 1 (6 Jan 2026 – 5 Jan 2027) has one instrument: the click selects its finding.
    h.get_by_label_contains("5 Jan 2027 · in 309 days · TEST-A · Alice Test — Plan a second")
        .click();
    h.run();
    let Some(Action::Select(Select::OpenItem {
        entry,
        instrument: None,
        finding: Some(f),
    })) = h.state().out.last().cloned()
    else {
        panic!("the year's finding: {:?}", h.state().out.last());
    };
    assert_eq!(entry, a);
    let finding = &h.state().ws.entries()[a].findings()[f];
    assert_eq!(finding.rule.id, "fewer-than-two-per-year");
    assert_eq!(
        finding.from,
        twe_core::model::date_serde::parse("2026-01-06")
    );
}

fn bench_list(ws: Workspace) -> Harness<'static, Bench<DossierList>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(500.0, 900.0))
        .build_ui_state(
            move |ui, b: &mut Bench<DossierList>| {
                let cx = ViewCx {
                    ws: &b.ws,
                    sel: b.sel,
                    lang: b.lang,
                    layout: b.layout,
                    recent: &[],
                    status: None,
                    preview: None,
                    loading: None,
                    me: Some("Sofie Peeters"),
                    due_listed: None,
                    listed: None,
                };
                b.panel.ui(&cx, ui, &mut b.out);
            },
            Bench {
                panel: DossierList::default(),
                ws,
                sel: Selection::default(),
                lang: Lang::En,
                layout: Layout::default(),
                out: Vec::new(),
                loading: None,
            },
        );
    h.run();
    h
}

/// "My clients" filters on "me" in one click, and a second click shows everyone again.
#[test]
fn my_clients_in_one_click() {
    let mut h = bench_list(agenda_workspace());
    let all = h.state().ws.live_count();
    assert!(
        h.query_by_label_contains(&format!("{all} of {all}"))
            .is_some()
    );
    h.get_by_label("👤 My clients (Sofie Peeters)").click();
    h.run();
    let mine = h
        .state()
        .ws
        .entries()
        .iter()
        .filter(|e| e.dossier().has_counsellor("Sofie Peeters"))
        .count();
    assert!(mine > 0 && mine < all);
    assert!(
        h.query_by_label_contains(&format!("{mine} of {all}"))
            .is_some()
    );
    assert!(h.query_by_label_contains("TEST-A  ").is_some());
    h.get_by_label("👤 My clients (Sofie Peeters)").click();
    h.run();
    assert!(
        h.query_by_label_contains(&format!("{all} of {all}"))
            .is_some()
    );
}

/// The import preview alone: a CSV whose client column is called "persoon".
fn import_panel(
    dir: &std::path::Path,
) -> Harness<'static, (twe_app::ImportPanel, Vec<Action>, Workspace)> {
    let file = dir.join("lijst.csv");
    std::fs::write(
        &file,
        "dossier;persoon;ocmw;start traject;instrument;begin;einde;status\n\
         GENT-1;An;Gent;01/09/2020;WES;01/10/2020;31/12/2020;afgerond\n\
         GENT-2;Bart;Gent;gisteren;;;;\n",
    )
    .unwrap();
    let source = twe_documents::spreadsheet::read_path(&file).unwrap();
    let panel = twe_app::ImportPanel::new(file, source, &[]);
    let mut h = Harness::builder()
        .with_size(crate::common::SIZE)
        .build_ui_state(
            |ui, (p, out, ws): &mut (twe_app::ImportPanel, Vec<Action>, Workspace)| {
                let cx = ViewCx {
                    ws,
                    sel: Selection::default(),
                    lang: Lang::En,
                    layout: Layout::default(),
                    recent: &[],
                    status: None,
                    preview: None,
                    loading: None,
                    me: None,
                    due_listed: None,
                    listed: None,
                };
                p.ui(&cx, ui, out);
            },
            (panel, Vec::new(), Workspace::sample(today())),
        );
    // The preview asks for a few frames to settle at its size: step through them.
    h.run_steps(6);
    h
}

#[test]
fn import_preview_assigns_an_unrecognised_header_and_lists_failing_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = import_panel(dir.path());
    // "persoon" was not recognised: the client is missing and nothing can be imported.
    assert!(h.query_by_label_contains("Missing: client").is_some());
    assert!(
        h.query_by_label_contains("0 dossiers ready to import")
            .is_some()
    );
    assert!(
        h.get_by_label_contains("Import 0 dossiers")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        h.query_by_label_contains("lijst.csv!1: cliënt/client: column missing")
            .is_some()
    );
    // The user says "persoon" is the client.
    h.get_by_role_and_label(Role::ComboBox, "persoon").click();
    h.run();
    h.get_by_label("client").click();
    h.run();
    assert!(h.query_by_label_contains("Missing: client").is_none());
    assert!(
        h.query_by_label_contains("1 dossier ready to import; 1 row cannot be read")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("lijst.csv!3: start traject: «gisteren» is not a date")
            .is_some()
    );
    // What it looks like: the columns, the failing row, the summary, the folder (a fixed
    // one, so the picture does not depend on where the test runs).
    let proposed = h.state().0.folder.clone();
    h.state_mut().0.folder = "S:\\Team\\lijst".into();
    h.remove_cursor();
    h.run();
    h.snapshot("import_preview");
    // The folder proposed is beside the file, named after it; typed over, it is the one.
    let folder = dir.path().join("lijst");
    assert_eq!(proposed, folder.display().to_string());
    let elsewhere = dir.path().join("nieuw");
    retype(
        &mut h,
        "New or empty folder",
        &elsewhere.display().to_string(),
    );
    h.get_by_label("Import 1 dossier and open it").click();
    h.run();
    assert_eq!(
        h.state().1.last(),
        Some(&Action::Output(Output::ImportInto(elsewhere)))
    );
    // A click beside the preview keeps it (and the columns assigned).
    let before = h.state().1.len();
    click_at(&mut h, egui::pos2(5.0, 5.0));
    h.run();
    assert_eq!(h.state().1.len(), before, "{:?}", h.state().1.last());
    // "Choose…" asks the system for a folder; Esc closes without importing.
    h.get_by_label("Choose…").click();
    h.run();
    assert_eq!(
        h.state().1.last(),
        Some(&Action::Shell(Shell::Dialog(Request::ImportInto)))
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().1.last(),
        Some(&Action::Output(Output::CloseImport))
    );
}

/// A column assigned reads the rows again on a thread of its own (at a quarter of a million
/// rows the window stood still for seconds): the panel says it is reading at once, keeps
/// the last complete reading until the new one is in, and an import asked for meanwhile
/// waits for it and takes the new one.
#[test]
fn a_column_assigned_reads_the_rows_again_beside_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = import_panel(dir.path());
    assert!(!h.state().0.is_reading(), "the first reading is in");
    assert_eq!(h.state().0.imported().dossiers.len(), 0);
    h.state_mut().0.assign(
        twe_documents::spreadsheet::SheetKind::Instruments,
        1,
        Some(twe_documents::spreadsheet::Column::Client),
    );
    assert!(h.state().0.is_reading(), "read on the window's thread");
    assert_eq!(h.state().0.imported().dossiers.len(), 0, "the last reading");
    h.state_mut().0.finish_reading(Lang::En);
    assert!(!h.state().0.is_reading());
    assert_eq!(h.state().0.imported().dossiers.len(), 1);
    h.run();
    assert!(
        h.query_by_label_contains("1 dossier ready to import; 1 row cannot be read")
            .is_some()
    );
    // Changed twice while read: what is imported follows the last columns.
    let (instruments, client) = (
        twe_documents::spreadsheet::SheetKind::Instruments,
        Some(twe_documents::spreadsheet::Column::Client),
    );
    h.state_mut().0.assign(instruments, 1, None);
    h.state_mut().0.assign(instruments, 1, client);
    h.state_mut().0.assign(instruments, 1, None);
    h.state_mut().0.finish_reading(Lang::En);
    assert_eq!(h.state().0.imported().dossiers.len(), 0);
    h.state_mut().0.assign(instruments, 1, client);
    h.state_mut().0.finish_reading(Lang::En);
    assert_eq!(h.state().0.imported().dossiers.len(), 1);
}

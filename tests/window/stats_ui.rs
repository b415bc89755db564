//! The statistics view and the presentation, driven like a user would.

use crate::common::{harness, today};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotResults};
use twe_app::action::{Select, Setting, Shell};
use twe_app::stats_pages::{Page, current_chart};
use twe_app::{Action, Request, View, Window};
use twe_core::lang::Lang;
use twe_core::stats::charts::{ChartKind, DataSource};
use twe_core::stats::disclosure::Shown;
use twe_core::workspace::Workspace;

fn stats(lang: Lang) -> Harness<'static, Window> {
    let mut window = Window::new(Workspace::sample(today()), lang);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    harness(window)
}

#[test]
fn switching_the_measure_changes_the_title() {
    let mut h = stats(Lang::En);
    assert!(
        h.query_by_label("Started trajectories per province and start year")
            .is_some()
    );
    h.get_by_role_and_label(Role::ComboBox, "Measure").click();
    h.run();
    h.get_by_label("WES").click();
    h.run();
    assert!(
        h.query_by_label("Started WES per province and start year")
            .is_some()
    );
}

#[test]
fn the_table_shows_dutch_numbers() {
    let mut h = stats(Lang::Nl);
    assert!(h.query_by_label("2.772").is_none());
    h.get_by_label("Tabel met de cijfers").click();
    h.run();
    assert!(h.query_by_label("2.772").is_some(), "Antwerpen 2017");
    assert!(h.query_by_label("1.004").is_some(), "Antwerpen 2021");
    // From the dossiers, the published table stands beside theirs.
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.run();
    assert!(h.query_by_label("Gepubliceerd (VDAB)").is_some());
    assert!(h.query_by_label("2.772").is_some());
}

#[test]
fn the_csv_export_is_the_published_table() {
    let mut h = stats(Lang::En);
    h.get_by_label("CSV of this chart…").click();
    h.run();
    let Some(Shell::Dialog(Request::ExportCsv(csv))) = h.state().shell_actions().last().cloned()
    else {
        panic!("no export asked")
    };
    let published = twe_core::reference::published();
    for row in &published.started {
        let line = csv
            .lines()
            .find(|l| l.starts_with(row.province.name()))
            .unwrap();
        let cells: Vec<&str> = line.split(',').collect();
        let col = published
            .years()
            .iter()
            .position(|&y| y == row.year)
            .unwrap()
            + 1;
        assert_eq!(
            cells[col],
            row.counts.trajectories.to_string(),
            "{} {}",
            row.province.name(),
            row.year
        );
    }
}

/// The dossiers' chart counts the workspace's trajectories, through the gate: a shown figure
/// is the count, «<5» a count from 1 to 4.
#[test]
fn the_dossier_table_counts_through_the_gate() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().up_to = 2025;
    h.run();
    let w = h.state();
    let data = current_chart(w.workspace(), w.stats(), w.lang(), ChartKind::PerProvince);
    let m = twe_core::reference::municipalities();
    for (s, series) in data.series.iter().enumerate() {
        for (c, year) in data.categories.iter().enumerate() {
            let counted = w
                .workspace()
                .entries()
                .iter()
                .filter(|e| m.province_of(&e.dossier().ocmw) == series.province())
                .filter(|e| chrono::Datelike::year(&e.dossier().start).to_string() == *year)
                .count();
            match data.series[s].values[c] {
                Shown::Value(v) => assert_eq!(v as usize, counted, "{} {year}", series.name),
                Shown::Small => assert!((1..=4).contains(&counted), "{} {year}", series.name),
                Shown::Withheld => assert!(counted > 4 || counted == 0),
                Shown::Undefined => panic!("a count is never undefined"),
            }
        }
    }
}

#[test]
fn the_presentation_shows_no_client_name() {
    let mut h = stats(Lang::Nl);
    let names: Vec<String> = h
        .state()
        .workspace()
        .entries()
        .iter()
        .map(|e| e.dossier().client.clone())
        .collect();
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting());
    for _ in 0..8 {
        for name in &names {
            assert!(
                h.query_by_label_contains(name).is_none(),
                "{name} on a slide"
            );
        }
        h.key_press(Key::ArrowRight);
        h.run();
    }
    let before = h.state().stats().up_to;
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().stats().up_to, before - 1);
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting());
}

#[test]
fn small_counts_from_dossiers_are_hidden_in_the_view_and_when_presenting() {
    // Enough dossiers for counts of 5 and more beside small ones.
    let dir = crate::common::generated_folder(400, 9, 0);
    let mut window = Window::new(Workspace::open(dir.path(), today()), Lang::Nl);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    let mut h = harness(window);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().show_table = true;
    h.state_mut().stats_mut().up_to = 2025;
    h.run();
    // Decision 9: hidden in every output, the window's own view too.
    assert!(
        h.query_all_by_label("<5").next().is_some(),
        "in the normal view"
    );
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    h.run();
    // With the table on, the numbers have a slide of their own after the chart's (a
    // clicker's Page Down steps there): the chart keeps its height, the source stays.
    assert!(
        h.query_by_label_contains("Bron: berekend uit de dossiers")
            .is_some()
    );
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(h.state().stats().page, Page::Table(ChartKind::PerProvince));
    assert!(
        h.query_all_by_label("<5").next().is_some(),
        "counts of 1 to 4 read <5 on a slide"
    );
    assert!(
        h.query_by_label_contains("Bron: berekend uit de dossiers")
            .is_some()
    );
}

#[test]
fn walkthrough_a_slide_whose_counts_are_all_hidden_says_so() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().show_table = true;
    h.state_mut().stats_mut().up_to = 2025;
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    h.run();
    // The sample's counts are all below 5: no empty chart, no table of "<5".
    assert!(
        h.query_by_label_contains("Too few dossiers to show")
            .is_some()
    );
    assert!(h.query_all_by_label("<5").next().is_none());
}

#[test]
fn walkthrough_leaving_a_presentation_started_from_the_command_line_shows_the_statistics() {
    let mut window = Window::new(Workspace::sample(today()), Lang::En);
    window.start_presenting();
    let mut h = harness(window);
    assert!(h.state().presenting());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting());
    assert_eq!(h.state().layout().view, View::Statistics);
    for e in h.state().workspace().entries() {
        assert!(h.query_by_label_contains(&e.dossier().client).is_none());
    }
}

#[test]
fn snapshots_of_charts_and_slides() {
    let mut results = SnapshotResults::new();
    let mut h = stats(Lang::Nl);
    let name = |p: Page| match p {
        Page::Chart(k) => format!("{k:?}").to_lowercase(),
        other => format!("{other:?}").to_lowercase(),
    };
    for page in Page::all() {
        h.state_mut().stats_mut().page = page;
        h.run();
        results.add(h.try_snapshot(format!("stats_{}", name(page))));
    }
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    for page in [
        Page::Chart(ChartKind::PerTrajectory),
        Page::Chart(ChartKind::BvsUse),
        Page::Outflow,
        Page::Trainings,
    ] {
        h.state_mut().stats_mut().page = page;
        h.state_mut().stats_mut().relative = page == Page::Chart(ChartKind::BvsUse);
        h.run();
        results.add(h.try_snapshot(format!("slide_{}", name(page))));
    }
}

#[test]
fn the_menu_bar_leads_to_the_statistics_and_the_presentation() {
    let mut h = harness(Window::new(Workspace::sample(today()), Lang::En));
    h.get_by_label("Statistics").click();
    h.run();
    assert!(
        h.query_by_label("Started trajectories per province and start year")
            .is_some()
    );
    h.get_by_label("Present").click();
    h.run();
    assert!(h.state().presenting());
}

#[test]
fn walkthrough_the_difference_says_so_in_its_title() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().source = DataSource::Difference;
    h.run();
    assert!(
        h.query_by_label_contains("Chart: Difference dossiers − published: Started trajectories")
            .is_some()
    );
}

#[test]
fn walkthrough_bvs_per_100_trajectories_is_named_as_such() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::BvsUse);
    h.run();
    h.get_by_label("Per 100 started trajectories").click();
    h.run();
    assert!(
        h.query_by_label("BVS per 100 started trajectories")
            .is_some()
    );
}

#[test]
fn walkthrough_the_outflow_parts_add_up_to_the_closed_trajectories() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().page = Page::Dossiers;
    h.run();
    assert!(h.query_by_label_contains("not measured yet").is_some());
}

/// The legend sits above the data and the x axis's title below the year labels: neither
/// covers a bar, a line or a category.
#[test]
fn walkthrough_legend_and_axis_title_stay_outside_the_data() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::OverYears);
    h.run();
    let plot = h
        .get_by_role_and_label(
            Role::Image,
            "Chart: Started trajectories per province over the years",
        )
        .rect();
    for province in ["Antwerpen", "Limburg", "West-Vlaanderen"] {
        let legend = h.get_by_label(province).rect();
        assert!(
            legend.bottom() <= plot.top(),
            "{province} {legend:?} in {plot:?}"
        );
    }
    let title = h.get_by_label("trajectory start year").rect();
    assert!(title.top() >= plot.bottom(), "{title:?} over {plot:?}");
}

/// Hovering the last year, at the right edge, shows every province's value in a tooltip
/// that stays inside the window.
#[test]
fn walkthrough_hover_values_stay_on_screen() {
    let mut h = stats(Lang::En);
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::OverYears);
    h.run();
    let plot = h
        .get_by_role_and_label(
            Role::Image,
            "Chart: Started trajectories per province over the years",
        )
        .rect();
    // 2021, the last year, drawn a few points from the right edge.
    h.hover_at(egui::pos2(plot.right() - 60.0, plot.center().y));
    // Tooltips wait for the pointer to rest (egui's delay is half a second).
    h.run_steps(60);
    let tip = h.get_by_label_contains("Antwerpen: ").rect();
    assert!(tip.right() <= crate::common::SIZE.x, "{tip:?}");
    assert!(h.query_by_label_contains("Limburg: ").is_some());
}

/// While the years play, the axes hold still: the chart up to 2017 is drawn on the axes of
/// every year; without holding, they fit 2017 alone.
#[test]
fn walkthrough_playing_keeps_the_axes() {
    use twe_app::chart_view::chart_ui;
    use twe_core::stats::charts::Extent;
    let ws = Workspace::sample(today());
    let mut choices = twe_app::stats_pages::StatsChoices {
        page: Page::Chart(ChartKind::OverYears),
        ..Default::default()
    };
    let all = current_chart(&ws, &choices, Lang::En, ChartKind::OverYears);
    choices.up_to = 2017;
    let first = current_chart(&ws, &choices, Lang::En, ChartKind::OverYears);
    assert_eq!(first.categories.len(), 1);
    let shown = |hold: Option<Extent>| {
        let mut h = Harness::builder()
            .with_size(egui::vec2(900.0, 500.0))
            .build_ui_state(
                |ui, bounds: &mut Option<egui_plot::PlotBounds>| {
                    *bounds = Some(chart_ui(ui, &first, None, Lang::En, 400.0, hold, false));
                },
                None,
            );
        h.run();
        h.state().unwrap()
    };
    let held = shown(Some(all.extent()));
    assert!(held.max()[0] >= 4.5, "all five years in view: {held:?}");
    assert!(held.max()[1] >= all.extent().max, "{held:?}");
    let fitted = shown(None);
    assert!(fitted.max()[0] < 2.0, "2017 alone: {fitted:?}");
}

/// "Slides as PDF…" makes the deck (the same code as `present --export`) and asks where to
/// save it.
#[test]
fn the_slides_as_a_pdf_deck_from_the_statistics_view() {
    let mut h = stats(Lang::En);
    h.get_by_label("Slides as PDF…").click();
    h.run();
    let Some(Shell::Dialog(Request::ExportPdf { bytes, name, .. })) =
        h.state().shell_actions().last().cloned()
    else {
        panic!("no deck asked")
    };
    assert_eq!(name, "twe-slides.pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert_eq!(
        pages.len(),
        twe_core::stats::charts::ChartKind::ALL.len() + 2,
        "a page per slide: the charts, the trainings, the outflow"
    );
}

/// A slide for a projector: light whatever the window's theme, the key number and one
/// sentence computed from the chart's data, the values written on the bars.
#[test]
fn a_slide_is_light_and_says_what_its_chart_shows() {
    let mut h = stats(Lang::En);
    h.state_mut().act(Action::Setting(Setting::SetDark(true)));
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::PerProvince);
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    h.run();
    assert_eq!(
        h.ctx.theme(),
        egui::Theme::Light,
        "the projector theme is light"
    );
    // 2021, the presentation's default year: Antwerpen started the most, 1,004.
    assert!(h.query_by_label("1,004").is_some());
    assert!(
        h.query_by_label(
            "In 2021 (part of the year): Antwerpen has the most, 1,004 of 2,102 (48%)."
        )
        .is_some()
    );
    // The values on the bars are painted in the plot (no AccessKit node): the slide
    // snapshots show them; the table under a chart carries them for screen readers.
    h.state_mut().act(Action::Setting(Setting::Present(false)));
    h.run();
    assert_eq!(
        h.ctx.theme(),
        egui::Theme::Dark,
        "the window's theme comes back"
    );
}

/// The table under a chart carries the seed's totals row and column: the grand total of
/// started trajectories is the published 23,186.
#[test]
fn the_table_has_the_seeds_totals() {
    let mut h = stats(Lang::Nl);
    h.get_by_label("Tabel met de cijfers").click();
    h.run();
    assert_eq!(
        h.query_all_by_label("Totaal").count(),
        2,
        "a totals column and row"
    );
    let grand = twe_core::reference::published().grand_total.trajectories;
    assert!(
        h.query_by_label(&twe_core::lang::number(grand, Lang::Nl))
            .is_some(),
        "the grand total"
    );
}

/// The header row (the third) of `sheet` in `book`.
fn header_row(mut book: calamine::Xlsx<std::io::Cursor<Vec<u8>>>, sheet: &str) -> Vec<String> {
    use calamine::Reader;
    book.worksheet_range(sheet)
        .unwrap()
        .rows()
        .nth(2)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The statistics view's "Charts as Excel…": a sheet per chart with the chart's numbers as
/// numbers, the totals and the source line; from the dossiers, small counts read "<5".
#[test]
fn the_charts_as_a_workbook_from_the_statistics_view() {
    use calamine::{Data, DataType, Reader};
    let mut h = stats(Lang::En);
    let book_of = |h: &mut Harness<'static, Window>, label: &str| {
        h.get_by_label(label).click();
        h.run();
        let Some(Shell::Dialog(Request::ExportXlsx { bytes, name })) =
            h.state_mut().take_shell_actions().last().cloned()
        else {
            panic!("a file dialog for the workbook")
        };
        assert_eq!(name, "twe-figures.xlsx");
        let book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        book
    };
    let mut book = book_of(&mut h, "Charts as Excel…");
    let mut names: Vec<String> = vec!["Data".into(), "Definitions".into()];
    names.extend(ChartKind::ALL.iter().map(|k| k.name(Lang::En).to_string()));
    names.extend(["Trainings".into(), "Outflow".into()]);
    assert_eq!(book.sheet_names(), names);
    let sheet = book.worksheet_range("Per province").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(
        rows[0][0].to_string(),
        "Started trajectories per province and start year"
    );
    let header: Vec<String> = rows[2].iter().map(ToString::to_string).collect();
    assert_eq!(header.last().unwrap(), "Total");
    let antwerp = rows.iter().find(|r| r[0] == "Antwerpen").unwrap();
    assert_eq!(antwerp[1], Data::Float(2772.0), "a number, not text");
    let total = rows.iter().find(|r| r[0] == "Total").unwrap();
    let column_sum: f64 = rows[3..rows.len()]
        .iter()
        .take_while(|r| r[0] != "Total")
        .map(|r| r[1].get_float().unwrap())
        .sum();
    assert_eq!(total[1].get_float(), Some(column_sum));
    assert!(
        rows.iter()
            .any(|r| r[0].to_string().starts_with("Source") || r[0].to_string().contains("VDAB")),
        "the source line"
    );
    // All years reach the partial year; the slider's years stop where it stands.
    h.state_mut().stats_mut().up_to = 2018;
    h.run();
    let header = header_row(book_of(&mut h, "Charts as Excel…"), "Over the years");
    assert_eq!(
        header.iter().filter(|c| c.starts_with("20")).count(),
        2,
        "{header:?}"
    );
    let header = header_row(book_of(&mut h, "Excel, all years…"), "Over the years");
    assert!(
        header.iter().filter(|c| c.starts_with("20")).count() > 2,
        "{header:?}"
    );
    // From the dossiers (30 in the sample), counts from 1 to 4 are hidden.
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.run();
    let mut book = book_of(&mut h, "Excel, all years…");
    let sheet = book.worksheet_range("Per province").unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(ToString::to_string).collect();
    assert!(cells.iter().any(|c| c == "<5"));
    assert!(
        cells
            .iter()
            .any(|c| c.starts_with("«<5»: a count from 1 to 4"))
    );
    // The drill-down per municipality is in the dossiers' workbook, through the same gate.
    assert!(book.sheet_names().contains(&"Per municipality".to_string()));
    assert!(
        sheet
            .rows()
            .flatten()
            .all(|c| !matches!(c, Data::Float(f) if (1.0..5.0).contains(f)))
    );
}

/// A presentation started from the dossier view (F11) and left with Esc comes back to the
/// statistics, never to the dossier: no client's name on the projector.
#[test]
fn leaving_a_presentation_started_from_a_dossier_shows_no_client() {
    for view in [View::Dossier, View::Caseload, View::Agenda] {
        let mut h = crate::common::sample(Lang::En);
        h.state_mut().act(Action::Select(Select::SetView(view)));
        h.run();
        let names: Vec<String> = h
            .state()
            .workspace()
            .entries()
            .iter()
            .map(|e| e.dossier().client.clone())
            .collect();
        h.key_press(Key::F11);
        h.run();
        assert!(h.state().presenting());
        h.key_press(Key::Escape);
        h.run();
        assert!(!h.state().presenting());
        assert_eq!(h.state().layout().view, View::Statistics, "from {view:?}");
        for name in &names {
            assert!(
                h.query_by_label_contains(name).is_none(),
                "{name} after leaving the presentation started from {view:?}"
            );
        }
    }
}

/// The presenter writes a slide's own title and sentence; the slide, the deck and the
/// PNG show them; one click brings the computed one back.
#[test]
fn the_presenter_writes_the_slides_words_and_gets_the_computed_ones_back() {
    let mut h = stats(Lang::En);
    press(&mut h, "Words on the slide");
    h.get_by_role_and_label(Role::TextInput, "Title")
        .scroll_to_me();
    h.run();
    crate::common::retype(&mut h, "Title", "Our trajectories");
    crate::common::retype(&mut h, "Sentence", "Antwerpen leads again.");
    h.run();
    let own = &h.state().stats().slide_text[&ChartKind::PerProvince];
    assert_eq!(own.title.as_deref(), Some("Our trajectories"));
    // The deck is what is presented: the measure, the years, the own words.
    h.state_mut().stats_mut().up_to = 2019;
    press(&mut h, "Slides as PDF…");
    let Some(Shell::Dialog(Request::ExportPdf { bytes, .. })) =
        h.state_mut().take_shell_actions().last().cloned()
    else {
        panic!("the deck")
    };
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert!(pages[0].contains("Our trajectories"), "{}", pages[0]);
    assert!(pages[0].contains("Antwerpen leads again."), "{}", pages[0]);
    assert!(
        pages[0].contains("2019") && !pages[0].contains("2020"),
        "the years presented: up to 2019"
    );
    h.key_press(Key::F11);
    h.run();
    assert!(h.query_by_label("Our trajectories").is_some());
    h.key_press(Key::Escape);
    h.run();
    press(&mut h, "Computed title back");
    assert_eq!(
        h.state().stats().slide_text[&ChartKind::PerProvince].title,
        None
    );
    press(&mut h, "Computed sentence back");
    assert!(
        !h.state()
            .stats()
            .slide_text
            .contains_key(&ChartKind::PerProvince)
    );
}

/// Every export of the statistics view at a laptop's and a full-HD size, with the table
/// on and off, from the published figures and the dossiers': each asks where to save
/// what it made (the PNG a 1920×1080 image of the slide), and none takes the window down
/// (the PNG of a page taller than the window crashed it).
#[test]
fn every_export_of_the_statistics_view_at_two_sizes_with_the_table_on_and_off() {
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1920.0, 1080.0)] {
        for show_table in [false, true] {
            for source in [DataSource::Published, DataSource::Dossiers] {
                let mut window = Window::new(Workspace::sample(today()), Lang::En);
                window.act(Action::Select(Select::SetView(View::Statistics)));
                let mut h = Harness::builder()
                    .with_size(size)
                    .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
                h.state_mut().stats_mut().show_table = show_table;
                h.state_mut().stats_mut().source = source;
                h.run();
                for (button, made) in [
                    ("PNG of this chart…", "png"),
                    ("CSV of this chart…", "csv"),
                    ("CSV, all years…", "csv"),
                    ("Charts as Excel…", "xlsx"),
                    ("Excel, all years…", "xlsx"),
                    ("Slides as PDF…", "pdf"),
                ] {
                    press(&mut h, button);
                    let asked = h.state_mut().take_shell_actions();
                    let what = format!("{button} at {size:?}, table {show_table}, {source:?}");
                    match (asked.last(), made) {
                        (Some(Shell::Dialog(Request::ExportPng(png))), "png") => {
                            let image = image::load_from_memory(png).unwrap();
                            assert_eq!((image.width(), image.height()), (1920, 1080), "{what}");
                        }
                        (Some(Shell::Dialog(Request::ExportCsv(csv))), "csv") => {
                            assert!(csv.contains("Antwerpen"), "{what}");
                        }
                        (Some(Shell::Dialog(Request::ExportXlsx { bytes, .. })), "xlsx") => {
                            assert!(bytes.starts_with(b"PK"), "{what}");
                        }
                        (Some(Shell::Dialog(Request::ExportPdf { bytes, .. })), "pdf") => {
                            assert!(bytes.starts_with(b"%PDF"), "{what}");
                        }
                        (other, _) => panic!("{what}: {other:?}"),
                    }
                }
            }
        }
    }
}

/// Decision 10 in the window: the dossiers' table gives the yearly and grand totals the
/// command line gives, the unknown OCMWs a row of it.
#[test]
fn the_windows_table_gives_the_totals_of_every_other_output() {
    let dir = crate::common::generated_folder(600, 4, 3);
    let mut window = Window::new(Workspace::open(dir.path(), today()), Lang::En);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    let mut h = harness(window);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().show_table = true;
    h.state_mut().stats_mut().up_to = i32::MAX;
    h.run();
    let csv = std::process::Command::new(env!("CARGO_BIN_EXE_twe-planner"))
        .args(["stats", "--dossiers"])
        .arg(dir.path())
        .args(["--format", "csv", "--today", "2026-06-01"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        h.query_all_by_label("Unknown").count() >= 2,
        "the unknown OCMWs' series and row"
    );
    for line in csv.lines().filter(|l| l.starts_with("Totaal,")) {
        let total: i64 = line.split(',').nth(2).unwrap().parse().unwrap();
        let shown = twe_core::lang::number(total, Lang::En);
        assert!(
            h.query_all_by_label(&shown).next().is_some(),
            "{line}: {shown} in the window's table"
        );
    }
    assert!(
        h.query_by_label("603").is_some(),
        "600 generated and 3 unknown"
    );
}

/// Scrolls the control labelled `label` into view and clicks it, as a user on a small
/// screen does.
fn press(h: &mut Harness<'static, Window>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// The same chart drawn again from another source fits the new figures: the plot kept the
/// published figures' axis (3,000) for the dossiers' 230 (a walk at 1024×600 found it).
#[test]
fn walkthrough_another_source_gets_its_own_axes() {
    use twe_app::chart_view::chart_ui;
    let ws = Workspace::sample(today());
    let published = twe_app::stats_pages::StatsChoices {
        page: Page::Chart(ChartKind::PerProvince),
        ..Default::default()
    };
    let dossiers = twe_app::stats_pages::StatsChoices {
        source: DataSource::Dossiers,
        ..published.clone()
    };
    let big = current_chart(&ws, &published, Lang::En, ChartKind::PerProvince);
    let small = current_chart(&ws, &dossiers, Lang::En, ChartKind::PerProvince);
    assert!(big.extent().max > 2_000.0 && small.extent().max < 50.0);
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 500.0))
        .build_ui_state(
            |ui,
             (data, bounds): &mut (
                twe_core::stats::charts::ChartData,
                Vec<egui_plot::PlotBounds>,
            )| {
                bounds.push(chart_ui(ui, data, None, Lang::En, 400.0, None, false));
            },
            (big, Vec::new()),
        );
    h.run();
    h.state_mut().0 = small.clone();
    h.run();
    let shown = *h.state().1.last().unwrap();
    assert!(
        shown.max()[1] < 2.0 * small.extent().max.max(1.0),
        "the dossiers' axis, not the published one: {shown:?}"
    );
    assert!(shown.max()[1] >= small.extent().max, "{shown:?}");
}

/// A province's name that does not fit its category is broken after its hyphen, never
/// left out; where it fits it stays whole.
#[test]
fn walkthrough_narrow_charts_break_the_names_they_cannot_fit() {
    use twe_app::chart_view::category_labels;
    let ws = Workspace::sample(today());
    let choices = twe_app::stats_pages::StatsChoices {
        page: Page::Chart(ChartKind::InstrumentMix),
        ..Default::default()
    };
    let data = current_chart(&ws, &choices, Lang::Nl, ChartKind::InstrumentMix);
    assert!(data.categories.iter().any(|c| c == "Oost-Vlaanderen"));
    let labels_at = |width: f32| {
        let data = data.clone();
        let mut h = Harness::builder()
            .with_size(egui::vec2(width, 300.0))
            .build_ui_state(
                move |ui, labels: &mut Vec<String>| {
                    *labels = category_labels(ui, &data, data.extent());
                },
                Vec::new(),
            );
        h.run();
        h.state().clone()
    };
    let narrow = labels_at(640.0);
    assert!(
        narrow.contains(&"Oost-\nVlaanderen".to_string()),
        "{narrow:?}"
    );
    assert!(narrow.contains(&"Antwerpen".to_string()), "{narrow:?}");
    let wide = labels_at(1800.0);
    assert_eq!(wide, data.categories, "whole names where they fit");
}

/// A stack whose hidden parts are drawn grey names grey in its legend, as the deck does.
#[test]
fn walkthrough_the_grey_part_of_a_stack_is_named() {
    let dir = crate::common::generated_folder(400, 9, 0);
    let mut window = Window::new(Workspace::open(dir.path(), today()), Lang::En);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    let mut h = harness(window);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::InstrumentMix);
    h.run();
    let data = current_chart(
        h.state().workspace(),
        h.state().stats(),
        Lang::En,
        ChartKind::InstrumentMix,
    );
    assert!((0..data.categories.len()).any(|c| data.hidden_part(c).is_some()));
    assert!(h.query_by_label("hidden").is_some(), "the grey part's name");
    h.state_mut().stats_mut().source = DataSource::Published;
    h.run();
    assert!(
        h.query_by_label("hidden").is_none(),
        "nothing hidden, nothing named"
    );
}

/// A change below zero is drawn inside the plot: the value axis goes a little under the
/// lowest bar (−52% ran out of a plot that stopped at it).
#[test]
fn walkthrough_the_lowest_change_is_inside_the_plot() {
    use twe_app::chart_view::chart_ui;
    let ws = Workspace::sample(today());
    let choices = twe_app::stats_pages::StatsChoices {
        page: Page::Chart(ChartKind::YearOnYear),
        ..Default::default()
    };
    let data = current_chart(&ws, &choices, Lang::En, ChartKind::YearOnYear);
    let lowest = data.extent().min;
    assert!(lowest < -0.3, "the partial year falls: {lowest}");
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 500.0))
        .build_ui_state(
            |ui, bounds: &mut Option<egui_plot::PlotBounds>| {
                *bounds = Some(chart_ui(ui, &data, None, Lang::En, 400.0, None, false));
            },
            None,
        );
    h.run();
    let shown = h.state().unwrap();
    assert!(shown.min()[1] < lowest, "{shown:?} below {lowest}");
}

/// At 1024×600 the numbers' slide of the instrument mix (six columns and the totals) fits
/// the screen: every column's heading is on it, none cut at the right.
#[test]
fn walkthrough_a_table_slide_fits_a_small_projector() {
    let dir = crate::common::generated_folder(2000, 5, 1);
    let mut window = Window::new(Workspace::open(dir.path(), today()), Lang::Nl);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().show_table = true;
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::InstrumentMix);
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    h.run();
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(
        h.state().stats().page,
        Page::Table(ChartKind::InstrumentMix)
    );
    for heading in ["Antwerpen", "West-Vlaanderen", "Onbekend", "Totaal"] {
        let right = h
            .query_all_by_label(heading)
            .map(|n| n.rect().max.x)
            .fold(0.0_f32, f32::max);
        assert!(right > 0.0, "{heading} on the slide");
        assert!(
            right <= 1024.0,
            "{heading} ends at {right}, past the screen"
        );
    }
}

/// At 1024×600 a slide's legend that needs two rows wraps inside the screen, and the plot
/// stays on it (the unknown OCMWs' entry went off the right edge and the plot with it).
#[test]
fn walkthrough_a_slides_legend_wraps_inside_a_small_projector() {
    let dir = crate::common::generated_folder(2000, 5, 8);
    let mut window = Window::new(Workspace::open(dir.path(), today()), Lang::Nl);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.state_mut().stats_mut().source = DataSource::Dossiers;
    h.state_mut().stats_mut().page = Page::Chart(ChartKind::PerTrajectory);
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    h.run();
    for label in ["Antwerpen", "West-Vlaanderen", "Onbekend"] {
        let rect = h.get_by_label(label).rect();
        assert!(rect.max.x <= 1024.0, "{label} at {rect:?}");
    }
    let chart = h.get_by_label_contains("Grafiek: ").rect();
    assert!(chart.max.x <= 1024.0, "the plot at {chart:?}");
    assert!(chart.height() >= 180.0, "a readable plot: {chart:?}");
}

/// On a slide the lines' end names have room right of the last year: the plot reaches
/// further right than in the window, as far as the longest name needs.
#[test]
fn walkthrough_the_lines_end_names_are_not_cut() {
    use twe_app::chart_view::chart_ui;
    let ws = Workspace::sample(today());
    let choices = twe_app::stats_pages::StatsChoices {
        page: Page::Chart(ChartKind::RatesPer100),
        ..Default::default()
    };
    let data = current_chart(&ws, &choices, Lang::Nl, ChartKind::RatesPer100);
    let shown = |labels: bool| {
        let data = data.clone();
        let mut h = Harness::builder()
            .with_size(egui::vec2(960.0, 400.0))
            .build_ui_state(
                move |ui, bounds: &mut Option<egui_plot::PlotBounds>| {
                    *bounds = Some(chart_ui(ui, &data, None, Lang::Nl, 380.0, None, labels));
                },
                None,
            );
        h.run();
        h.state().unwrap()
    };
    let (window, slide) = (shown(false), shown(true));
    let last = data.categories.len() as f64 - 0.5;
    assert!(window.max()[0] < last + 0.3, "{window:?}");
    // "art. 60§7-tewerkstelling 81,8" at 20 points is over 250 px: more than a year's width.
    assert!(slide.max()[0] > last + 1.0, "{slide:?}");
}

/// At 1024×600 the trainings' slide wraps the most followed trainings inside the screen.
#[test]
fn walkthrough_the_trainings_slide_wraps_its_names() {
    let mut window = Window::new(Workspace::sample(today()), Lang::Nl);
    window.act(Action::Select(Select::SetView(View::Statistics)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.state_mut().stats_mut().page = Page::Trainings;
    h.state_mut().act(Action::Setting(Setting::Present(true)));
    h.run();
    let names = h.get_by_label_contains("Stukadoor").rect();
    assert!(names.max.x <= 1024.0, "{names:?}");
}

/// A presenter with a mouse and no clicker goes on and leaves with buttons that show while
/// the pointer moves (clicks did nothing, and nothing on the slide said how to leave).
#[test]
fn a_presentation_goes_on_and_ends_by_mouse() {
    let mut window = Window::new(Workspace::sample(today()), Lang::En);
    window.start_presenting();
    let mut h = harness(window);
    assert!(h.query_by_label_contains("Slide 1 /").is_some());
    h.hover_at(egui::pos2(600.0, 300.0));
    h.run();
    h.get_by_label("▶ Next slide").click();
    h.run();
    assert!(h.query_by_label_contains("Slide 2 /").is_some());
    // A clicker's key after a click goes on by one slide, not by the button as well.
    h.key_press(Key::Space);
    h.run();
    assert!(
        h.query_by_label_contains("Slide 3 /").is_some(),
        "one slide on"
    );
    h.get_by_label("◀ Previous slide").click();
    h.run();
    h.get_by_label("◀ Previous slide").click();
    h.run();
    assert!(h.query_by_label_contains("Slide 1 /").is_some());
    h.get_by_label("✖ Leave the presentation").click();
    h.run();
    assert!(!h.state().presenting());
}

//! What the UI tests share: the reference date, harnesses on the window and on single
//! panels, and the gestures a user makes.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use twe_app::Window;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_core::workspace::Workspace;

/// The reference date of every UI test, so that findings do not change as time passes.
pub fn today() -> NaiveDate {
    twe_core::model::date_serde::parse("2026-06-01").unwrap()
}

/// The size of the window in the tests: a 1366×768 laptop.
pub const SIZE: egui::Vec2 = egui::vec2(1366.0, 768.0);

/// A harness on the whole window, run until it settles.
pub fn harness(window: Window) -> Harness<'static, Window> {
    let mut h = Harness::builder()
        .with_size(SIZE)
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.run();
    h
}

/// A harness on the whole window at the smallest screen the window is made for (a
/// 1024×600 netbook), run until it settles.
pub fn small(window: Window) -> Harness<'static, Window> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 600.0))
        .build_ui_state(|ui, w: &mut Window| w.ui(ui), window);
    h.run();
    h
}

/// The whole window on the built-in sample.
pub fn sample(lang: Lang) -> Harness<'static, Window> {
    harness(Window::new(Workspace::sample(today()), lang))
}

/// Steps the window until the folder it is opening is read (it repaints as batches come,
/// so a run, which expects it to settle, may not), then lets it settle.
pub fn until_opened(h: &mut Harness<'static, Window>) {
    for _ in 0..400 {
        h.step();
        if !h.state().is_opening() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
}

/// Clicks dossier `id` in the list and checks that it opened.
pub fn open(h: &mut Harness<'static, Window>, id: &str) {
    h.get_by_label_contains(&format!("{id}  ")).click();
    h.run();
    assert_eq!(h.state().shown_dossier().map(|d| d.id.as_str()), Some(id));
}

/// The index of dossier `id` in the window's workspace.
pub fn index_of(h: &Harness<'static, Window>, id: &str) -> usize {
    h.state()
        .workspace()
        .entries()
        .iter()
        .position(|e| e.dossier().id == id)
        .unwrap()
}

/// Entry `i`'s dossier as the workspace holds it.
pub fn dossier<'a>(h: &'a Harness<'static, Window>, i: usize) -> &'a Dossier {
    h.state().workspace().entries()[i].dossier()
}

/// Replaces the text of the field labelled `label` and presses Enter.
pub fn retype<S>(h: &mut Harness<'_, S>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

/// A sample workspace written to a temporary folder, and the folder.
pub fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    twe_core::sample::write_to(dir.path()).unwrap();
    dir
}

/// A click at `pos`: the pointer moves there, presses and releases without moving.
pub fn click_at<S>(h: &mut Harness<'_, S>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.drop_at(pos);
    h.run();
}

/// A folder of `count` generated dossiers (seed `seed`, no injected errors), and `unknown`
/// more whose OCMW is no Flemish municipality ("Atlantis", ids `ATL-0`…): the statistics'
/// «Onbekend» row.
pub fn generated_folder(count: usize, seed: u64, unknown: usize) -> tempfile::TempDir {
    let opts = twe_core::generate::Options {
        count,
        seed,
        match_published: false,
        violations: 0.0,
    };
    let mut all = twe_core::generate::generate(&opts);
    for k in 0..unknown {
        let mut d = all[k].0.clone();
        d.id = format!("ATL-{k}");
        d.ocmw = "Atlantis".into();
        all.push((d, None));
    }
    let dir = tempfile::tempdir().unwrap();
    twe_core::generate::write(&all, dir.path()).unwrap();
    dir
}

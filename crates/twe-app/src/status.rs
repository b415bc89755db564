//! The status bar: counts of the workspace, files that did not load, the last message.

use super::action::{Action, File};
use super::command::Command;
use super::cx::ViewCx;
use super::palette;
use super::panel::Panel;
use twe_core::lang;
use twe_core::rules::Severity;

/// The status bar; it reads everything from the context.
#[derive(Default)]
pub struct StatusBar;

impl StatusBar {}

/// How many load problems the status bar's tooltip lists; the rest are counted.
const LISTED_PROBLEMS: usize = 30;

/// The first load problems, and how many more there are (a hostile folder can hold
/// thousands).
fn load_errors_ui(ui: &mut egui::Ui, ws: &twe_core::workspace::Workspace, lang: lang::Lang) {
    let errors = ws.load_errors();
    for e in errors.iter().take(LISTED_PROBLEMS) {
        ui.label(e.display(lang));
    }
    if errors.len() > LISTED_PROBLEMS {
        ui.weak(format!(
            "{} {}",
            lang::number((errors.len() - LISTED_PROBLEMS) as i64, lang),
            lang.pick(
                "meer: `twe-planner check` somt ze alle op",
                "more: `twe-planner check` lists them all"
            ),
        ));
    }
}

/// The progress of the folder being opened: files read of files found, and Cancel.
fn loading_ui(
    ui: &mut egui::Ui,
    s: twe_core::workspace::loading::Status,
    lang: lang::Lang,
    out: &mut Vec<Action>,
) {
    let text = if s.listed {
        format!(
            "{} {} {} {}",
            lang.pick("Lezen:", "Reading:"),
            lang::number(s.read as i64, lang),
            lang.pick("van", "of"),
            lang::number(s.total as i64, lang),
        )
    } else {
        lang.pick("Bestanden zoeken…", "Finding the files…")
            .to_string()
    };
    let fraction = if s.listed && s.total > 0 {
        s.read as f32 / s.total as f32
    } else {
        0.0
    };
    let mut bar = egui::ProgressBar::new(fraction)
        .desired_width(220.0)
        .text(text);
    if !s.listed {
        bar = bar.animate(true);
    }
    ui.add(bar);
    if ui
        .button(lang.pick("Annuleren", "Cancel"))
        .on_hover_text(lang.pick(
            "Stopt het openen; de vorige werkmap blijft open",
            "Stops opening; the previous workspace stays open",
        ))
        .clicked()
    {
        out.push(Action::File(File::CancelOpening));
    }
}

impl Panel for StatusBar {
    /// Draws it; while a folder is being opened, how far it is and a button to cancel.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        let ws = cx.ws;
        ui.horizontal(|ui| {
            if let Some(s) = cx.loading {
                loading_ui(ui, s, lang, out);
                ui.separator();
            }
            let t = ws.totals();
            ui.label(format!(
                "{} · {} · {} · {} {}",
                lang::dossiers(ws.live_count() as i64, lang),
                Severity::Error.count(t.errors.into(), lang),
                Severity::Warning.count(t.warnings.into(), lang),
                lang::number(ws.dirty_count() as i64, lang),
                lang.pick("niet bewaard", "unsaved"),
            ));
            ui.separator();
            // A filtered list ("my clients") counts its own, as the agenda lists them.
            let due = cx.due_listed.unwrap_or_else(|| ws.due_this_week());
            let text = format!(
                "📅 {} {}{}",
                lang::number(due as i64, lang),
                lang.pick("te doen deze week", "due this week"),
                if cx.due_listed.is_some() {
                    lang.pick(" (in de lijst)", " (listed)")
                } else {
                    ""
                }
            );
            let hover = |ui: &mut egui::Ui| {
                let key = Command::ShowAgenda
                    .shortcut_text(ui.ctx(), lang)
                    .unwrap_or_default();
                ui.label(format!(
                    "{} ({key})",
                    lang.pick("Agenda tonen", "Show the agenda")
                ));
            };
            if ui.link(text).on_hover_ui(hover).clicked() {
                out.extend(Command::ShowAgenda.action(cx));
            }
            if !ws.load_errors().is_empty() {
                ui.separator();
                // Counted as the command line counts them ("1 laadprobleem"): a repeated id
                // is a problem of a file that did load, so not "files not loaded".
                let n = i64::try_from(ws.load_errors().len()).unwrap_or(i64::MAX);
                // A button (it did nothing when clicked): the list stays open to be read,
                // by mouse or keyboard, where hovering showed it only while the pointer
                // rested on it.
                let text = egui::RichText::new(lang::load_problems(n, lang))
                    .color(palette::severity(Severity::Error, ui.visuals().dark_mode));
                let button = ui
                    .add(egui::Button::new(text).frame(false))
                    .on_hover_text(lang.pick(
                        "Klik: welke bestanden, en wat er mis is",
                        "Click: which files, and what is wrong",
                    ));
                egui::Popup::from_toggle_button_response(&button)
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                    .show(|ui| {
                        ui.set_max_width(720.0);
                        egui::ScrollArea::vertical()
                            .max_height(360.0)
                            .show(ui, |ui| load_errors_ui(ui, ws, lang));
                    });
            }
            if let Some(s) = cx.status {
                ui.separator();
                // On one line, cut with "…" where the window is narrow (1024 px cut the end
                // of a long message off unseen): the whole message shows on hover.
                ui.add(egui::Label::new(s).truncate());
            }
        });
    }
}

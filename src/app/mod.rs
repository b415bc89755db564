//! The eframe window. For now a read-only overview of the workspace and its findings; the
//! planner (Gantt, editing) is issue 3.

use crate::files::{LoadReport, load_paths};
use crate::lang::{self, Lang};
use crate::rules::{CheckContext, Finding, SeverityCounts, check};
use std::path::PathBuf;

/// Opens the window on `path`, or on the built-in sample workspace.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title("twe-planner"),
        ..Default::default()
    };
    eframe::run_native(
        "twe-planner",
        options,
        Box::new(move |_cc| Ok(Box::new(OverviewApp::new(path)))),
    )
}

/// One dossier as the overview shows it, checked once when loaded.
struct Row {
    /// The dossier and its file.
    loaded: crate::files::LoadedDossier,
    /// Its findings against today.
    findings: Vec<Finding>,
    /// Their tally, for the list.
    counts: SeverityCounts,
}

/// The overview window's state.
pub struct OverviewApp {
    /// Where the workspace came from, for the title bar.
    source: String,
    /// Every dossier, checked.
    rows: Vec<Row>,
    /// Files that did not load.
    report_errors: Vec<crate::files::LoadError>,
    /// The selected row.
    selected: Option<usize>,
    /// The UI language.
    lang: Lang,
}

impl OverviewApp {
    /// Loads and checks the workspace at `path`, or the sample workspace.
    pub fn new(path: Option<PathBuf>) -> Self {
        let (source, LoadReport { dossiers, errors }) = match path {
            Some(p) => (p.display().to_string(), load_paths(&[p])),
            None => ("sample".to_string(), crate::sample::load()),
        };
        let ctx = CheckContext::new(chrono::Local::now().date_naive());
        let rows = dossiers
            .into_iter()
            .map(|loaded| {
                let findings = check(&loaded.dossier, &ctx);
                let counts = SeverityCounts::of(&findings);
                Row {
                    loaded,
                    findings,
                    counts,
                }
            })
            .collect();
        Self {
            source,
            rows,
            report_errors: errors,
            selected: Some(0),
            lang: Lang::from_env(),
        }
    }

    /// Draws the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("twe-planner");
                ui.label(format!(
                    "{}: {}",
                    lang.pick("Werkmap", "Workspace"),
                    self.source
                ));
                ui.separator();
                ui.selectable_value(&mut self.lang, Lang::Nl, "NL");
                ui.selectable_value(&mut self.lang, Lang::En, "EN");
            });
        });
        egui::Panel::left("dossiers")
            .default_size(320.0)
            .show(ui, |ui| {
                ui.heading(lang.pick("Dossiers", "Dossiers"));
                ui.weak(lang.pick(
                    "id, OCMW (fouten / waarschuwingen)",
                    "id, OCMW (errors / warnings)",
                ));
                let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
                egui::ScrollArea::vertical().show_rows(
                    ui,
                    row_height,
                    self.rows.len(),
                    |ui, range| {
                        for i in range {
                            let row = &self.rows[i];
                            let text = format!(
                                "{}  {}  ({} / {})",
                                row.loaded.dossier.id,
                                row.loaded.dossier.ocmw,
                                row.counts.errors,
                                row.counts.warnings
                            );
                            if ui
                                .selectable_label(self.selected == Some(i), text)
                                .clicked()
                            {
                                self.selected = Some(i);
                            }
                        }
                    },
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            for e in &self.report_errors {
                ui.colored_label(ui.visuals().error_fg_color, e.display(lang));
            }
            let Some(row) = self.selected.and_then(|i| self.rows.get(i)) else {
                return;
            };
            let d = &row.loaded.dossier;
            ui.heading(format!("{} — {}", d.id, d.ocmw));
            ui.label(format!(
                "{} {}",
                lang.pick("Traject", "Trajectory"),
                format_args!(
                    "{}–{}",
                    lang::date(d.start, lang),
                    lang::date(d.last_day(), lang)
                )
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for f in &row.findings {
                    ui.label(format!(
                        "{} · {} · {}",
                        f.severity().label(lang),
                        f.rule.id,
                        f.message(d, lang)
                    ));
                }
            });
        });
    }
}

impl eframe::App for OverviewApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        OverviewApp::ui(self, ui);
    }
}

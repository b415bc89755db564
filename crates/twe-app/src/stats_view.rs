//! The statistics view: the page list, the choices (data source, measure, province, years,
//! shares, table, privacy) and the exports on the left; the chosen page in the centre.

use super::action::{Action, Output, Request, Shell};
use super::command::Command;
use super::cx::ViewCx;
use super::panel::Panel;
use super::stats_pages::{Page, StatsChoices, current_chart, page_ui, source_table};
use twe_core::lang::Lang;
use twe_core::reference::Province;
use twe_core::stats::Measure;
use twe_core::stats::charts::DataSource;

/// The statistics view: its choices (shared with the slides) and where its page was last
/// drawn (for the PNG export).
#[derive(Default)]
pub struct StatsView {
    /// What the user chose.
    pub choices: StatsChoices,
    /// The screen area of the page last drawn.
    page_rect: Option<egui::Rect>,
}

impl StatsView {
    /// The left panel: pages, choices, year slider and exports.
    pub fn controls_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            let lang = cx.lang;
            let years = source_table(cx.ws, &self.choices).years();
            let s = &mut self.choices;
            ui.heading(lang.pick("Statistiek", "Statistics"));
            for page in Page::all() {
                if ui
                    .selectable_label(s.page == page, page.name(lang))
                    .clicked()
                {
                    s.page = page;
                }
            }
            ui.separator();
            egui::Grid::new("stats-controls")
                .num_columns(2)
                .show(ui, |ui| {
                    choices_ui(ui, s, lang);
                    if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
                        years_ui(ui, s, (first, last), lang);
                    }
                });
            toggles_ui(ui, s, lang);
            ui.separator();
            self.exports_ui(cx, ui, out);
        });
    }

    /// The buttons that present and export the current chart.
    fn exports_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        if ui
            .button(Command::Present.label_with_key(ui.ctx(), lang))
            .clicked()
        {
            out.extend(Command::Present.action(cx));
        }
        if ui
            .button(lang.pick("Dia's als PDF…", "Slides as PDF…"))
            .on_hover_text(lang.pick(
                "Elke grafiek als een 16:9-pagina, om na de vergadering te versturen",
                "Every chart as a 16:9 page, to send after the meeting",
            ))
            .clicked()
        {
            out.push(Action::Output(Output::ExportDeck {
                dossiers: self.choices.source != twe_core::stats::charts::DataSource::Published,
            }));
        }
        for (all_years, label, hover) in [
            (
                false,
                lang.pick("Grafieken als Excel…", "Charts as Excel…"),
                lang.pick(
                    "Elke grafiek als een blad met haar cijfers, totalen en bron (de getoonde jaren)",
                    "Every chart as a sheet with its numbers, totals and source (the years shown)",
                ),
            ),
            (
                true,
                lang.pick("Excel, alle jaren…", "Excel, all years…"),
                lang.pick(
                    "Elke grafiek als een blad, met alle jaren",
                    "Every chart as a sheet, with every year",
                ),
            ),
        ] {
            if ui.button(label).on_hover_text(hover).clicked() {
                out.push(Action::Output(Output::ExportCharts { all_years }));
            }
        }
        let Page::Chart(kind) = self.choices.page else {
            return;
        };
        let suppressed = self.choices.suppresses();
        if ui
            .button(lang.pick("CSV van deze grafiek…", "CSV of this chart…"))
            .clicked()
        {
            let data = current_chart(cx.ws, &self.choices, lang, kind, true);
            out.push(Action::Shell(Shell::Dialog(Request::ExportCsv(
                data.to_csv(suppressed),
            ))));
        }
        if ui
            .button(lang.pick("CSV, alle jaren…", "CSV, all years…"))
            .clicked()
        {
            let all_years = StatsChoices {
                up_to: i32::MAX,
                ..self.choices.clone()
            };
            let data = current_chart(cx.ws, &all_years, lang, kind, true);
            out.push(Action::Shell(Shell::Dialog(Request::ExportCsv(
                data.to_csv(suppressed),
            ))));
        }
        if ui
            .button(lang.pick("PNG van deze grafiek…", "PNG of this chart…"))
            .clicked()
            && let Some(rect) = self.page_rect
        {
            out.push(Action::Shell(Shell::ExportPng(rect)));
        }
    }
}

/// The data source, measure and highlighted province, as rows of the controls grid.
fn choices_ui(ui: &mut egui::Ui, s: &mut StatsChoices, lang: Lang) {
    let l = ui.label(lang.pick("Gegevens", "Data"));
    egui::ComboBox::from_id_salt("source")
        .selected_text(s.source.name(lang))
        .show_ui(ui, |ui| {
            for x in [
                DataSource::Published,
                DataSource::Dossiers,
                DataSource::Difference,
            ] {
                ui.selectable_value(&mut s.source, x, x.name(lang));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    let l = ui.label(lang.pick("Maat", "Measure"));
    egui::ComboBox::from_id_salt("measure")
        .selected_text(
            Measure::ALL
                .iter()
                .find(|m| **m == s.measure)
                .map_or("", |m| m.heading(lang)),
        )
        .show_ui(ui, |ui| {
            for m in Measure::ALL {
                ui.selectable_value(&mut s.measure, m, m.heading(lang));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    let l = ui.label(lang.pick("Provincie", "Province"));
    egui::ComboBox::from_id_salt("highlight")
        .selected_text(
            s.highlight
                .map_or(lang.pick("geen nadruk", "no highlight"), Province::name),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut s.highlight,
                None,
                lang.pick("geen nadruk", "no highlight"),
            );
            for p in Province::ALL {
                ui.selectable_value(&mut s.highlight, Some(p), p.name());
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// The year slider with play and pause, as a row of the controls grid; while playing it
/// steps a year a second.
fn years_ui(ui: &mut egui::Ui, s: &mut StatsChoices, (first, last): (i32, i32), lang: Lang) {
    let l = ui.label(lang.pick("Tot en met", "Up to"));
    ui.horizontal(|ui| {
        s.up_to = s.up_to.clamp(first, last);
        ui.add(egui::Slider::new(&mut s.up_to, first..=last))
            .labelled_by(l.id);
        let (icon, name) = if s.playing {
            ("⏸", lang.pick("Pauzeren", "Pause"))
        } else {
            ("▶", lang.pick("De jaren afspelen", "Play the years"))
        };
        let button = ui.button(icon).on_hover_text(name);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
        if button.clicked() {
            s.playing = !s.playing;
            if s.playing && s.up_to == last {
                s.up_to = first;
            }
        }
    });
    ui.end_row();
    if s.playing {
        let now = ui.input(|i| i.time);
        if now - s.last_step > 1.0 {
            s.last_step = now;
            if s.up_to < last {
                s.up_to += 1;
            } else {
                s.playing = false;
            }
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(200));
    }
}

/// Shares (for the use of BVS: per 100 trajectories), the table and the privacy setting.
fn toggles_ui(ui: &mut egui::Ui, s: &mut StatsChoices, lang: Lang) {
    let relative = if s.page == Page::Chart(twe_core::stats::charts::ChartKind::BvsUse) {
        lang.pick(
            "Per 100 opgestarte trajecten",
            "Per 100 started trajectories",
        )
    } else {
        lang.pick(
            "Aandelen in plaats van aantallen",
            "Shares instead of counts",
        )
    };
    ui.checkbox(&mut s.relative, relative);
    ui.checkbox(
        &mut s.show_table,
        lang.pick("Tabel met de cijfers", "Table with the numbers"),
    );
    ui.checkbox(
        &mut s.privacy,
        lang.pick(
            "Aantallen 1–4 als «<5» bij presenteren en exporteren",
            "Counts 1–4 as «<5» when presenting and exporting",
        ),
    );
}

impl Panel for StatsView {
    /// The central panel: the current page.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, _out: &mut Vec<Action>) {
        self.page_rect = Some(page_ui(cx, &mut self.choices, ui, false));
    }
}

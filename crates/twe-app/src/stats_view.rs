//! The statistics view: the page list, the choices (data source, how the year is counted,
//! measure, province, years, shares, table), the slide's own words and the exports on the
//! left; the chosen page in the centre. Counts from 1 to 4 of dossiers are hidden
//! everywhere (decision 9): the window has no switch for them.

use super::action::{Action, Output, Request, Shell};
use super::command::Command;
use super::cx::ViewCx;
use super::panel::Panel;
use super::stats_pages::{Page, StatsChoices, current_chart, current_slide, page_ui, source_years};
use crate::combo::Keys as _;
use twe_core::lang::Lang;
use twe_core::reference::Province;
use twe_core::stats::Measure;
use twe_core::stats::YearBasis;
use twe_core::stats::charts::{ChartKind, DataSource};

/// The statistics view: its choices (shared with the slides).
#[derive(Default)]
pub struct StatsView {
    /// What the user chose.
    pub choices: StatsChoices,
}

impl StatsView {
    /// The left panel: pages, choices, year slider, the slide's words and exports.
    pub fn controls_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            let lang = cx.lang;
            let years = source_years(cx.ws, &self.choices);
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
            ui.weak(lang.pick(
                "Aantallen van 1 tot 4 uit dossiers staan overal als «<5».",
                "Counts from 1 to 4 from dossiers read «<5» everywhere.",
            ));
            ui.separator();
            self.exports_ui(cx, ui, out);
            if let Page::Chart(kind) = self.choices.page {
                ui.separator();
                egui::CollapsingHeader::new(lang.pick("Woorden op de dia", "Words on the slide"))
                    .id_salt("slide-words")
                    .show(ui, |ui| slide_text_ui(cx, ui, &mut self.choices, kind));
            }
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
                "De dia's zoals ze gepresenteerd worden (gegevens, maat, jaren, nadruk, eigen \
                 titels), elk als een 16:9-pagina",
                "The slides as they are presented (data, measure, years, highlight, own \
                 titles), each as a 16:9 page",
            ))
            .clicked()
        {
            out.push(Action::Output(Output::ExportDeck));
        }
        for (all_years, label, hover) in [
            (
                false,
                lang.pick("Grafieken als Excel…", "Charts as Excel…"),
                lang.pick(
                    "De gegevens, hun definities en elke grafiek als een blad (de getoonde jaren)",
                    "The data, its definitions and every chart as a sheet (the years shown)",
                ),
            ),
            (
                true,
                lang.pick("Excel, alle jaren…", "Excel, all years…"),
                lang.pick(
                    "De gegevens, hun definities en elke grafiek, met alle jaren",
                    "The data, its definitions and every chart, with every year",
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
        if ui
            .button(lang.pick("CSV van deze grafiek…", "CSV of this chart…"))
            .clicked()
        {
            let data = current_chart(cx.ws, &self.choices, lang, kind);
            out.push(Action::Shell(Shell::Dialog(Request::ExportCsv(
                data.to_csv(lang),
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
            let data = current_chart(cx.ws, &all_years, lang, kind);
            out.push(Action::Shell(Shell::Dialog(Request::ExportCsv(
                data.to_csv(lang),
            ))));
        }
        if ui
            .button(lang.pick("PNG van deze grafiek…", "PNG of this chart…"))
            .on_hover_text(lang.pick(
                "De dia van deze grafiek als afbeelding van 1920×1080, licht, voor een verslag",
                "This chart's slide as a 1920×1080 image, light, for a report",
            ))
            .clicked()
        {
            out.push(Action::Output(Output::ExportPng(kind)));
        }
    }
}

/// The data source, how the year is counted, the measure and the highlighted province, as
/// rows of the controls grid.
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
                // The difference compares like with like: only by the trajectory's start
                // year, the published table's.
                let fits = x != DataSource::Difference || s.basis == YearBasis::TrajectoryStart;
                ui.add_enabled_ui(fits, |ui| {
                    ui.selectable_value(&mut s.source, x, x.name(lang))
                        .on_disabled_hover_text(lang.pick(
                            "Alleen per startjaar van het traject: zo telt de gepubliceerde tabel",
                            "Only by the trajectory's start year: the published table counts so",
                        ));
                });
            }
        })
        .keys(ui)
        .labelled_by(l.id);
    ui.end_row();
    let l = ui.label(lang.pick("Jaar", "Year"));
    let dossiers = s.source == DataSource::Dossiers;
    ui.add_enabled_ui(dossiers, |ui| {
        egui::ComboBox::from_id_salt("basis")
            .selected_text(s.basis().name(lang))
            .width(220.0)
            .show_ui(ui, |ui| {
                for b in YearBasis::ALL {
                    ui.selectable_value(&mut s.basis, b, b.name(lang));
                }
            })
            .keys(ui)
            .labelled_by(l.id)
            .on_disabled_hover_text(lang.pick(
                "De gepubliceerde cijfers tellen per startjaar van het traject",
                "The published figures count by the trajectory's start year",
            ));
    });
    ui.end_row();
    let l = ui.label(lang.pick("Maat", "Measure"));
    egui::ComboBox::from_id_salt("measure")
        .selected_text(s.measure.heading(lang))
        .show_ui(ui, |ui| {
            for m in Measure::WITH_ALL_INSTRUMENTS {
                ui.selectable_value(&mut s.measure, m, m.heading(lang));
            }
        })
        .keys(ui)
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
        .keys(ui)
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

/// Shares (for the use of BVS: per 100 trajectories) and the table.
fn toggles_ui(ui: &mut egui::Ui, s: &mut StatsChoices, lang: Lang) {
    let relative = if s.page == Page::Chart(ChartKind::BvsUse) {
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
    )
    .on_hover_text(lang.pick(
        "Bij presenteren staat de tabel op een eigen dia na haar grafiek",
        "When presenting, the table has a slide of its own after its chart",
    ));
}

/// The slide's title and sentence: the computed ones unless the presenter writes their
/// own; one click brings the computed one back.
fn slide_text_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, s: &mut StatsChoices, kind: ChartKind) {
    let lang = cx.lang;
    let computed = {
        let plain = StatsChoices {
            slide_text: std::collections::HashMap::new(),
            ..s.clone()
        };
        current_slide(cx.ws, &plain, lang, kind)
    };
    let own = s.slide_text.entry(kind).or_default();
    for (label, field, computed_text, reset) in [
        (
            lang.pick("Titel", "Title"),
            &mut own.title,
            computed.title.as_str(),
            lang.pick("Berekende titel terug", "Computed title back"),
        ),
        (
            lang.pick("Zin", "Sentence"),
            &mut own.sentence,
            computed.sentence.as_str(),
            lang.pick("Berekende zin terug", "Computed sentence back"),
        ),
    ] {
        let l = ui.label(label);
        let mut text = field.clone().unwrap_or_else(|| computed_text.to_string());
        let edit = ui.add(
            egui::TextEdit::singleline(&mut text)
                .char_limit(300)
                .desired_width(f32::INFINITY),
        );
        let edit = edit.labelled_by(l.id);
        if edit.changed() {
            *field = (text != computed_text).then_some(text);
        }
        if ui
            .add_enabled(field.is_some(), egui::Button::new(reset))
            .clicked()
        {
            *field = None;
        }
    }
    if s.slide_text
        .get(&kind)
        .is_some_and(|t| *t == super::stats_pages::SlideText::default())
    {
        s.slide_text.remove(&kind);
    }
}

impl Panel for StatsView {
    /// The central panel: the current page.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, _out: &mut Vec<Action>) {
        page_ui(cx, &mut self.choices, ui, false);
    }
}

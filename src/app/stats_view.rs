//! The statistics view and the presentation slides: the published figures and the same
//! table from the dossiers, as charts with their numbers one toggle away.

use super::palette;
use super::state::State;
use crate::lang::{self, Lang};
use crate::model::InstrumentType;
use crate::reference::{Province, published};
use crate::stats::charts::{ChartData, ChartKind, ChartOptions, DataSource, Shape, chart};
use crate::stats::{Measure, ProvinceYearTable, published_defects};
use egui::Color32;
use egui_plot::{Bar, BarChart, HLine, Legend, Line, Plot, PlotPoints, Points};

/// A page of the statistics view (and a slide of the presentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// One of the charts.
    Chart(ChartKind),
    /// Trainings per year with the most followed one.
    Trainings,
    /// The outflow figures.
    Outflow,
    /// The organisations and their OCMWs, with the audit's defects.
    Organisations,
    /// What only the dossiers can tell.
    Dossiers,
}

impl Page {
    /// The pages in order; the presentation steps through the first eight.
    pub fn all() -> Vec<Page> {
        let mut pages: Vec<Page> = ChartKind::ALL.iter().map(|&k| Page::Chart(k)).collect();
        pages.extend([
            Page::Trainings,
            Page::Outflow,
            Page::Organisations,
            Page::Dossiers,
        ]);
        pages
    }

    /// The name in the page list.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Page::Chart(k) => k.name(lang),
            Page::Trainings => lang.pick("Opleidingen", "Trainings"),
            Page::Outflow => lang.pick("Uitstroom", "Outflow"),
            Page::Organisations => lang.pick("Organisaties", "Organisations"),
            Page::Dossiers => lang.pick("Wat de dossiers tonen", "What the dossiers show"),
        }
    }
}

/// The statistics view's choices.
#[derive(Clone, Debug)]
pub struct StatsUi {
    /// The page shown.
    pub page: Page,
    /// Published, from the dossiers, or their difference.
    pub source: DataSource,
    /// The column shown by the charts that show one.
    pub measure: Measure,
    /// The last year shown.
    pub up_to: i32,
    /// Whether the year slider is playing.
    pub playing: bool,
    /// When the slider last stepped (seconds, egui time).
    pub last_step: f64,
    /// The province drawn in full colour; the others are faded.
    pub highlight: Option<Province>,
    /// Shares instead of counts.
    pub relative: bool,
    /// The chart's numbers as a table under it.
    pub show_table: bool,
    /// Search in the organisation list.
    pub org_query: String,
    /// Show counts from 1 to 4 computed from dossiers as "<5" in presentations and exports.
    pub privacy: bool,
}

impl Default for StatsUi {
    fn default() -> Self {
        Self {
            page: Page::Chart(ChartKind::PerProvince),
            source: DataSource::Published,
            measure: Measure::Trajectories,
            up_to: published().partial_year,
            playing: false,
            last_step: 0.0,
            highlight: None,
            relative: false,
            show_table: false,
            org_query: String::new(),
            privacy: true,
        }
    }
}

/// The published table, built once.
fn published_table() -> &'static ProvinceYearTable {
    static TABLE: std::sync::OnceLock<ProvinceYearTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| ProvinceYearTable::from_published(published()))
}

/// The table a chart is drawn from: borrowed where it exists (the published one, the
/// workspace's, kept per edit); only the difference is computed, over the table's cells.
pub fn source_table(state: &State) -> std::borrow::Cow<'_, ProvinceYearTable> {
    use std::borrow::Cow;
    match state.stats.source {
        DataSource::Published => Cow::Borrowed(published_table()),
        DataSource::Dossiers => Cow::Borrowed(state.ws.stats()),
        DataSource::Difference => Cow::Owned(state.ws.stats().difference(published_table())),
    }
}

/// The chart currently chosen, as data (for the view, the slides and the exports).
pub fn current_chart(state: &State, kind: ChartKind, presenting: bool) -> ChartData {
    let s = &state.stats;
    let opts = ChartOptions {
        measure: s.measure,
        up_to: s.up_to,
        relative: s.relative,
        suppress_small: presenting && s.privacy && s.source != DataSource::Published,
    };
    chart(kind, &source_table(state), &opts, state.lang)
}

/// The note under every chart: where the numbers come from. The answer's other figures are
/// always the published ones; the dossier page always the workspace's.
pub fn source_note(state: &State) -> String {
    let lang = state.lang;
    let source = match state.stats.page {
        Page::Chart(_) => state.stats.source,
        Page::Dossiers => DataSource::Dossiers,
        Page::Trainings | Page::Outflow | Page::Organisations => DataSource::Published,
    };
    match source {
        DataSource::Published => format!(
            "{}: {}",
            lang.pick("Bron", "Source"),
            published().source.get(lang)
        ),
        DataSource::Dossiers => format!(
            "{}: {} {} ({} {})",
            lang.pick("Bron", "Source"),
            lang::number(state.ws.entries.len() as i64, lang),
            lang.pick(
                "dossiers van de open werkmap",
                "dossiers of the open workspace"
            ),
            lang.pick("referentiedatum", "reference date"),
            lang::date(state.ws.today(), lang)
        ),
        DataSource::Difference => format!(
            "{}; {}",
            lang.pick(
                "Dossiers min gepubliceerde cijfers",
                "Dossiers minus published figures"
            ),
            published().source.get(lang)
        ),
    }
}

fn series_color(data: &ChartData, s: usize, highlight: Option<Province>) -> Color32 {
    let series = &data.series[s];
    let base = match (series.province, series.instrument) {
        (Some(p), _) => palette::province(p),
        (_, Some(t)) => palette::instrument(t),
        _ => Color32::GRAY,
    };
    match (highlight, series.province) {
        (Some(h), Some(p)) if h != p => base.gamma_multiply(0.25),
        _ => base,
    }
}

/// Draws a chart with its legend and hover values; `height` in points.
/// One bar of a chart, filled a little lighter than its outline, named by its tooltip.
fn bar(x: f64, v: f64, width: f64, color: Color32, tip: &str) -> Bar {
    Bar::new(x, v)
        .width(width)
        .fill(color.gamma_multiply(0.85))
        .name(tip)
}

pub fn chart_ui(
    ui: &mut egui::Ui,
    data: &ChartData,
    highlight: Option<Province>,
    lang: Lang,
    height: f32,
) {
    let categories = data.categories.clone();
    let n = data.series.len().max(1) as f64;
    let plot = Plot::new(("chart", data.kind))
        .height(height)
        .legend(Legend::default())
        .x_axis_label(data.x_label.clone())
        .y_axis_label(data.y_label.clone())
        .y_axis_min_width(56.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                categories.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil().max(0.0) as i64..=hi.floor() as i64)
                .map(|v| egui_plot::GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        });
    let format = |v: f64| data.format(Some(v), lang);
    // A bar's tooltip: series, category, value.
    let tip = |s: usize, c: usize, v: f64| {
        format!(
            "{} {}: {}",
            data.series[s].name,
            data.categories[c],
            format(v)
        )
    };
    plot.show(ui, |plot_ui| {
        match data.shape {
            Shape::GroupedBars => {
                let width = 0.8 / n;
                for (s, series) in data.series.iter().enumerate() {
                    let color = series_color(data, s, highlight);
                    let bars: Vec<Bar> = series
                        .values
                        .iter()
                        .enumerate()
                        .filter_map(|(c, v)| v.map(|v| (c, v)))
                        .map(|(c, v)| {
                            let x = c as f64 - 0.4 + width * (s as f64 + 0.5);
                            bar(x, v, width * 0.95, color, &tip(s, c, v))
                        })
                        .collect();
                    plot_ui.bar_chart(
                        BarChart::new(series.name.clone(), bars)
                            .color(color)
                            .element_formatter(Box::new(|bar, _| bar.name.clone())),
                    );
                }
            }
            Shape::StackedBars => {
                let mut below: Vec<BarChart> = Vec::new();
                for (s, series) in data.series.iter().enumerate() {
                    let color = series_color(data, s, highlight);
                    let bars: Vec<Bar> = series
                        .values
                        .iter()
                        .enumerate()
                        .map(|(c, v)| {
                            let v = v.unwrap_or(0.0);
                            bar(c as f64, v, 0.7, color, &tip(s, c, v))
                        })
                        .collect();
                    let refs: Vec<&BarChart> = below.iter().collect();
                    let chart = BarChart::new(series.name.clone(), bars)
                        .color(color)
                        .element_formatter(Box::new(|bar, _| bar.name.clone()))
                        .stack_on(&refs);
                    below.push(chart);
                }
                for chart in below {
                    plot_ui.bar_chart(chart);
                }
            }
            Shape::Lines => {
                for (s, series) in data.series.iter().enumerate() {
                    let color = series_color(data, s, highlight);
                    let points: Vec<[f64; 2]> = series
                        .values
                        .iter()
                        .enumerate()
                        .filter_map(|(c, v)| v.map(|v| [c as f64, v]))
                        .collect();
                    let width = if highlight.is_some() && highlight == series.province {
                        3.5
                    } else {
                        2.0
                    };
                    plot_ui.line(
                        Line::new(series.name.clone(), PlotPoints::from(points.clone()))
                            .color(color)
                            .width(width),
                    );
                    plot_ui.points(
                        Points::new(series.name.clone(), PlotPoints::from(points))
                            .color(color)
                            .radius(3.5),
                    );
                }
            }
        }
        if let Some((y, label)) = &data.reference {
            plot_ui.hline(
                HLine::new(label.clone(), *y)
                    .color(palette::TARGET)
                    .width(2.0)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        }
    });
}

/// The chart's numbers as a grid, formatted as the UI language writes them (2.772).
pub fn table_ui(ui: &mut egui::Ui, data: &ChartData, lang: Lang, suppressed: bool) {
    egui::ScrollArea::horizontal()
        .id_salt("chart-table")
        .show(ui, |ui| {
            egui::Grid::new(("chart-grid", data.kind))
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("");
                    for c in &data.categories {
                        ui.strong(c);
                    }
                    ui.end_row();
                    for (s, series) in data.series.iter().enumerate() {
                        ui.label(&series.name);
                        for c in 0..data.categories.len() {
                            ui.label(data.cell(s, c, lang, suppressed));
                        }
                        ui.end_row();
                    }
                });
        });
}

fn controls_ui(state: &mut State, ui: &mut egui::Ui) {
    let lang = state.lang;
    let years = source_table(state).years();
    let s = &mut state.stats;
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
            if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
                let l = ui.label(lang.pick("Tot en met", "Up to"));
                ui.horizontal(|ui| {
                    s.up_to = s.up_to.clamp(first, last);
                    ui.add(egui::Slider::new(&mut s.up_to, first..=last))
                        .labelled_by(l.id);
                    let icon = if s.playing { "⏸" } else { "▶" };
                    if ui
                        .button(icon)
                        .on_hover_text(lang.pick("Afspelen / pauzeren", "Play / pause"))
                        .clicked()
                    {
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
        });
    ui.checkbox(
        &mut s.relative,
        lang.pick(
            "Aandelen in plaats van aantallen",
            "Shares instead of counts",
        ),
    );
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
    ui.separator();
    if ui
        .button(lang.pick("Presenteren (F11)", "Present (F11)"))
        .clicked()
    {
        state.presenting = true;
    }
    if let Page::Chart(kind) = state.stats.page {
        if ui
            .button(lang.pick("CSV van deze grafiek…", "CSV of this chart…"))
            .clicked()
        {
            let data = current_chart(state, kind, true);
            let suppressed = state.stats.privacy && state.stats.source != DataSource::Published;
            state.request = Some(super::state::Request::ExportCsv(data.to_csv(suppressed)));
        }
        if ui
            .button(lang.pick("CSV, alle jaren…", "CSV, all years…"))
            .clicked()
        {
            let shown = state.stats.up_to;
            state.stats.up_to = i32::MAX;
            let data = current_chart(state, kind, true);
            state.stats.up_to = shown;
            let suppressed = state.stats.privacy && state.stats.source != DataSource::Published;
            state.request = Some(super::state::Request::ExportCsv(data.to_csv(suppressed)));
        }
        if ui
            .button(lang.pick("PNG van deze grafiek…", "PNG of this chart…"))
            .clicked()
        {
            state.request = Some(super::state::Request::ExportPng);
        }
    }
}

/// The left panel of the statistics view.
pub fn stats_controls_ui(state: &mut State, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| controls_ui(state, ui));
}

/// The central panel of the statistics view.
pub fn stats_ui(state: &mut State, ui: &mut egui::Ui) {
    let rect = page_ui(state, ui, false);
    state.export_rect = Some(rect);
}

/// Draws the current page; returns the screen area it used (for the PNG export).
pub fn page_ui(state: &mut State, ui: &mut egui::Ui, presenting: bool) -> egui::Rect {
    let lang = state.lang;
    let top = ui.cursor().min;
    match state.stats.page {
        Page::Chart(kind) => {
            let data = current_chart(state, kind, presenting);
            if presenting {
                ui.label(egui::RichText::new(&data.title).size(34.0).strong());
            } else {
                ui.heading(&data.title);
            }
            let suppressed = data
                .series
                .iter()
                .any(|s| s.values.iter().any(Option::is_none))
                && presenting
                && state.stats.privacy
                && state.stats.source != DataSource::Published;
            // With the dossiers' figures, the published table stands beside them.
            let beside = (state.stats.show_table && state.stats.source == DataSource::Dossiers)
                .then(|| {
                    let opts = ChartOptions {
                        measure: state.stats.measure,
                        up_to: state.stats.up_to,
                        relative: state.stats.relative,
                        suppress_small: false,
                    };
                    chart(kind, published_table(), &opts, lang)
                });
            let tables = if beside.is_some() { 2.0 } else { 1.0 };
            let table_height = if state.stats.show_table {
                tables * (40.0 + 22.0 * data.series.len() as f32)
            } else {
                0.0
            };
            let height = (ui.available_height() - 40.0 - table_height).max(200.0);
            chart_ui(ui, &data, state.stats.highlight, lang, height);
            if state.stats.show_table {
                if beside.is_some() {
                    ui.strong(DataSource::Dossiers.name(lang));
                }
                table_ui(
                    ui,
                    &data,
                    lang,
                    suppressed || (state.stats.privacy && presenting),
                );
            }
            if let Some(published_data) = &beside {
                ui.strong(DataSource::Published.name(lang));
                ui.push_id("published-table", |ui| {
                    table_ui(ui, published_data, lang, false)
                });
            }
        }
        Page::Trainings => trainings_ui(ui, lang, presenting),
        Page::Outflow => outflow_ui(ui, lang, presenting),
        Page::Organisations => organisations_ui(state, ui, presenting),
        Page::Dossiers => dossiers_ui(state, ui),
    }
    let note = source_note(state);
    if presenting {
        ui.label(egui::RichText::new(note).size(16.0).weak());
    } else {
        ui.weak(note);
    }
    egui::Rect::from_min_max(
        top,
        ui.cursor()
            .min
            .max(top + egui::vec2(ui.available_width(), 0.0)),
    )
}

fn big(text: impl Into<String>, presenting: bool) -> egui::RichText {
    let t = egui::RichText::new(text.into()).strong();
    if presenting {
        t.size(34.0)
    } else {
        t.size(20.0)
    }
}

fn trainings_ui(ui: &mut egui::Ui, lang: Lang, presenting: bool) {
    let p = published();
    ui.label(big(
        lang.pick(
            "Cliënten met één of meer opleidingen, per startjaar",
            "Clients with one or more trainings, by start year",
        ),
        presenting,
    ));
    egui::Grid::new("trainings").striped(true).show(ui, |ui| {
        ui.strong(lang.pick("Startjaar", "Start year"));
        ui.strong(lang.pick("Cliënten", "Clients"));
        ui.strong(lang.pick("Gem. duur (maanden)", "Avg. duration (months)"));
        ui.strong(lang.pick("Meest gevolgd", "Most followed"));
        ui.end_row();
        for t in &p.trainings {
            ui.label(t.year.to_string());
            ui.label(lang::number(t.clients.into(), lang));
            ui.label(t.average_months.to_string());
            let most: Vec<String> = p
                .most_followed
                .iter()
                .filter(|m| m.year == t.year)
                .map(|m| format!("{} ({})", m.training, m.clients))
                .collect();
            ui.label(most.join(lang.pick(" en ", " and ")));
            ui.end_row();
        }
    });
    ui.weak(lang.pick(
        "VDAB heeft geen gegevens over het al dan niet succesvol afronden van opleidingen.",
        "VDAB has no data on whether trainings were completed successfully.",
    ));
}

fn outflow_ui(ui: &mut egui::Ui, lang: Lang, presenting: bool) {
    let o = &published().outflow;
    ui.label(big(
        lang.pick("Uitstroom naar werk", "Outflow to work"),
        presenting,
    ));
    let approx = if o.at_measurement_is_approximate {
        lang.pick("bijna ", "almost ")
    } else {
        ""
    };
    let figures = [
        (
            format!("{approx}{}%", o.at_work_at_measurement_percent),
            InstrumentType::Art60,
            lang.pick(
                "van de cliënten met een afgesloten traject is aan het werk bij de resultaatsmeting",
                "of the clients whose trajectory was closed are at work at the outflow measurement",
            ),
        ),
        (
            format!("{}%", o.at_work_within_12_months_percent),
            InstrumentType::Opleiding,
            lang.pick(
                "is aan het werk in en na de periode van 12 maanden na het stopzetten van het traject",
                "are at work during or after the 12 months after the trajectory stopped",
            ),
        ),
    ];
    for (figure, colour, caption) in figures {
        ui.add_space(12.0);
        ui.label(big(figure, presenting).color(palette::instrument(colour)));
        ui.label(caption);
    }
}

fn organisations_ui(state: &mut State, ui: &mut egui::Ui, presenting: bool) {
    let lang = state.lang;
    ui.label(big(
        lang.pick(
            "Organisaties die de begeleiding opnemen (maart 2021)",
            "Organisations that take on the guidance (March 2021)",
        ),
        presenting,
    ));
    if !presenting {
        ui.horizontal(|ui| {
            let l = ui.label(lang.pick("Zoeken", "Search"));
            ui.text_edit_singleline(&mut state.stats.org_query)
                .labelled_by(l.id);
        });
    }
    let defects = published_defects();
    let query = state.stats.org_query.to_lowercase();
    egui::ScrollArea::vertical().id_salt("orgs").show(ui, |ui| {
        for org in &published().organisations {
            let matches = query.is_empty()
                || org.name.to_lowercase().contains(&query)
                || org.ocmws.iter().any(|e| e.to_lowercase().contains(&query));
            if !matches {
                continue;
            }
            ui.strong(match &org.former_name {
                Some(f) => format!("{} ({} {f})", org.name, lang.pick("vroeger", "formerly")),
                None => org.name.clone(),
            });
            ui.horizontal_wrapped(|ui| {
                for entry in &org.ocmws {
                    let defect = defects.iter().find(|d| match d {
                        crate::stats::Defect::MalformedEntry {
                            organisation,
                            entry: e,
                            ..
                        } => organisation == &org.name && e == entry,
                        crate::stats::Defect::NotAMunicipality {
                            organisation, name, ..
                        } => organisation == &org.name && entry.ends_with(name.as_str()),
                        crate::stats::Defect::ListedTwice { ocmw, .. } => {
                            entry.ends_with(ocmw.as_str())
                        }
                        _ => false,
                    });
                    match defect {
                        Some(d) => {
                            ui.colored_label(
                                palette::severity(crate::rules::Severity::Warning),
                                format!("⚠ {entry}"),
                            )
                            .on_hover_text(d.message(lang));
                        }
                        None => {
                            ui.label(entry);
                        }
                    }
                }
            });
            ui.add_space(4.0);
        }
    });
}

fn dossiers_ui(state: &State, ui: &mut egui::Ui) {
    let lang = state.lang;
    let s = state.ws.dossier_stats();
    ui.heading(lang.pick(
        "Wat de dossiers tonen (en VDAB niet kon rapporteren)",
        "What the dossiers show (and VDAB could not report)",
    ));
    egui::Grid::new("instrument-outcomes")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                lang.pick("Instrument", "Instrument"),
                lang.pick("Gepland", "Planned"),
                lang.pick("Lopend", "Running"),
                lang.pick("Afgerond", "Completed"),
                lang.pick("Vroegtijdig gestopt", "Stopped early"),
                lang.pick("Gem. duur (dagen)", "Avg. length (days)"),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for t in InstrumentType::ALL {
                let c = s.status.get(&t).copied().unwrap_or_default();
                ui.label(t.label(lang));
                for v in [c.planned, c.running, c.completed, c.stopped_early] {
                    ui.label(lang::number(v, lang));
                }
                ui.label(
                    s.average_days(t)
                        .map_or("–".into(), |d| lang::number(d.round() as i64, lang)),
                );
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    let [yes, no, unknown] = s.outcomes;
    ui.label(format!(
        "{}: {} {} · {} {} · {} {} ({} {})",
        lang.pick("Resultaatsmeting", "Outflow measurement"),
        lang::number(yes, lang),
        lang.pick("aan het werk", "at work"),
        lang::number(no, lang),
        lang.pick("niet aan het werk", "not at work"),
        lang::number(unknown, lang),
        lang.pick("onbekend", "unknown"),
        lang::number(s.closed, lang),
        lang.pick("afgesloten trajecten", "closed trajectories"),
    ));
    ui.label(format!(
        "{}: {} {} · {} {} · {} {}",
        lang.pick("Trajectjaren", "Trajectory years"),
        lang::number(s.years_meeting(), lang),
        lang.pick("halen het doel van twee", "meet the target of two"),
        lang::number(s.years_exempt, lang),
        lang.pick("vrijgesteld", "exempt"),
        lang::number(s.years_below, lang),
        lang.pick("halen het niet", "fall short"),
    ));
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        cols[0].strong(lang.pick(
            "Per gemeente (de ontbrekende bijlage)",
            "Per municipality (the missing annex)",
        ));
        egui::ScrollArea::vertical()
            .id_salt("per-muni")
            .max_height(260.0)
            .show(&mut cols[0], |ui| {
                egui::Grid::new("per-municipality")
                    .striped(true)
                    .show(ui, |ui| {
                        for (name, c) in &s.by_municipality {
                            ui.label(name);
                            ui.label(format!(
                                "{} {}",
                                lang::number(c.trajectories, lang),
                                lang.pick("trajecten", "trajectories")
                            ));
                            ui.end_row();
                        }
                    });
            });
        cols[1].strong(lang.pick("Per organisatie", "Per organisation"));
        egui::Grid::new("per-organisation")
            .striped(true)
            .show(&mut cols[1], |ui| {
                for (name, c) in &s.by_organisation {
                    ui.label(if name.is_empty() {
                        lang.pick("het OCMW zelf", "the OCMW itself")
                    } else {
                        name
                    });
                    ui.label(format!(
                        "{} {}",
                        lang::number(c.trajectories, lang),
                        lang.pick("trajecten", "trajectories")
                    ));
                    ui.end_row();
                }
            });
    });
}

/// The presentation: one page per slide, large type, no personal data; arrow left/right
/// step through the slides, up/down through the years, Esc leaves.
pub fn presentation_ui(state: &mut State, ui: &mut egui::Ui) {
    let pages = Page::all();
    let slides: Vec<Page> = pages
        .into_iter()
        .filter(|p| *p != Page::Dossiers && *p != Page::Organisations)
        .collect();
    let years = source_table(state).years();
    let (left, right, up, down, esc) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowLeft),
            i.key_pressed(egui::Key::ArrowRight),
            i.key_pressed(egui::Key::ArrowUp),
            i.key_pressed(egui::Key::ArrowDown),
            i.key_pressed(egui::Key::Escape),
        )
    });
    let at = slides
        .iter()
        .position(|p| *p == state.stats.page)
        .unwrap_or(0);
    if right {
        state.stats.page = slides[(at + 1) % slides.len()];
    }
    if left {
        state.stats.page = slides[(at + slides.len() - 1) % slides.len()];
    }
    if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
        if up {
            state.stats.up_to = (state.stats.up_to + 1).min(last);
        }
        if down {
            state.stats.up_to = (state.stats.up_to - 1).max(first);
        }
    }
    if esc {
        state.presenting = false;
    }
    if !slides.contains(&state.stats.page) {
        state.stats.page = slides[0];
    }
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(12.0);
        let rect = page_ui(state, ui, true);
        state.export_rect = Some(rect);
        let at = slides
            .iter()
            .position(|p| *p == state.stats.page)
            .unwrap_or(0);
        ui.weak(format!(
            "{} {} / {} · {} · {} · Esc",
            state.lang.pick("Dia", "Slide"),
            at + 1,
            slides.len(),
            state
                .lang
                .pick("pijl links/rechts: dia's", "arrow left/right: slides"),
            state
                .lang
                .pick("pijl omhoog/omlaag: jaren", "arrow up/down: years"),
        ));
    });
}

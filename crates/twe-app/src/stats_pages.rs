//! The pages of the statistics view, which are also the presentation's slides: the
//! published figures and the same table from the dossiers as charts with their numbers, the
//! trainings, the outflow, the organisations and what the dossiers show. The choices that
//! select a page and its chart are shared by both panels.

use super::chart_view::{chart_ui, table_ui};
use super::cx::ViewCx;
use super::palette;
use twe_core::lang::{self, Lang};
use twe_core::model::InstrumentType;
use twe_core::reference::{Province, published};
use twe_core::stats::charts::{ChartData, ChartKind, ChartOptions, DataSource, chart};
use twe_core::stats::{DossierStats, Measure, ProvinceYearTable, published_defects};
use twe_core::workspace::Workspace;

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

/// The statistics view's choices, shared with the presentation.
#[derive(Clone, Debug)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent toggles of the view, not the states of one machine"
)]
pub struct StatsChoices {
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

impl Default for StatsChoices {
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

impl StatsChoices {
    /// Whether counts from 1 to 4 are hidden when presenting or exporting.
    pub fn suppresses(&self) -> bool {
        self.privacy && self.source != DataSource::Published
    }
}

/// The published table, built once.
fn published_table() -> &'static ProvinceYearTable {
    static TABLE: std::sync::OnceLock<ProvinceYearTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| ProvinceYearTable::from_published(published()))
}

/// The table a chart is drawn from: borrowed where it exists (the published one, the
/// workspace's, kept per edit); only the difference is computed, over the table's cells.
pub fn source_table<'a>(
    ws: &'a Workspace,
    choices: &StatsChoices,
) -> std::borrow::Cow<'a, ProvinceYearTable> {
    use std::borrow::Cow;
    match choices.source {
        DataSource::Published => Cow::Borrowed(published_table()),
        DataSource::Dossiers => Cow::Borrowed(ws.stats()),
        DataSource::Difference => Cow::Owned(ws.stats().difference(published_table())),
    }
}

/// The chart currently chosen, as data (for the view, the slides and the exports).
pub fn current_chart(
    ws: &Workspace,
    choices: &StatsChoices,
    lang: Lang,
    kind: ChartKind,
    presenting: bool,
) -> ChartData {
    let opts = ChartOptions {
        measure: choices.measure,
        up_to: choices.up_to,
        relative: choices.relative,
        suppress_small: presenting && choices.suppresses(),
    };
    let mut data = chart(kind, &source_table(ws, choices), &opts, lang);
    if choices.source == DataSource::Published {
        data = data.published();
    }
    // A difference is not the published figure: its title says so.
    if choices.source == DataSource::Difference {
        data.title = format!("{}: {}", DataSource::Difference.name(lang), data.title);
    }
    data
}

/// The note under every chart: where the numbers come from. The answer's other figures are
/// always the published ones; the dossier page always the workspace's.
pub fn source_note(ws: &Workspace, choices: &StatsChoices, lang: Lang) -> String {
    let source = match choices.page {
        Page::Chart(_) => choices.source,
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
            lang::number(ws.live_count() as i64, lang),
            lang.pick(
                "dossiers van de open werkmap",
                "dossiers of the open workspace"
            ),
            lang.pick("referentiedatum", "reference date"),
            lang::date(ws.today(), lang)
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

/// Draws the current page; returns the screen area it used (for the PNG export).
pub fn page_ui(
    cx: &ViewCx<'_>,
    choices: &mut StatsChoices,
    ui: &mut egui::Ui,
    presenting: bool,
) -> egui::Rect {
    let lang = cx.lang;
    let top = ui.cursor().min;
    match choices.page {
        Page::Chart(kind) => chart_page_ui(cx, choices, kind, ui, presenting),
        Page::Trainings => trainings_ui(ui, lang, presenting),
        Page::Outflow => outflow_ui(ui, lang, presenting),
        Page::Organisations => organisations_ui(&mut choices.org_query, ui, lang, presenting),
        Page::Dossiers => dossiers_ui(cx.ws, ui, lang),
    }
    let note = source_note(cx.ws, choices, lang);
    if presenting {
        ui.label(egui::RichText::new(note).size(24.0).weak());
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

/// A chart page: title, chart, and the table of its numbers when asked for (with the
/// published table beside the dossiers').
fn chart_page_ui(
    cx: &ViewCx<'_>,
    choices: &StatsChoices,
    kind: ChartKind,
    ui: &mut egui::Ui,
    presenting: bool,
) {
    let lang = cx.lang;
    let data = current_chart(cx.ws, choices, lang, kind, presenting);
    // Every count hidden: an empty chart would say nothing true, so the slide says why.
    let nothing_left = presenting
        .then(|| data.nothing_to_show(lang, choices.suppresses()))
        .flatten();
    if presenting {
        ui.label(egui::RichText::new(&data.title).size(34.0).strong());
        // The key number and one sentence that says what the chart shows, from its data
        // (the deck's pages say the same).
        // A difference has no "most" to tell: it is a check of the dossiers, not a figure.
        if nothing_left.is_none() && choices.source != DataSource::Difference {
            let (number, sentence) = data.headline(lang, choices.suppresses());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(number).size(40.0).strong());
                ui.label(egui::RichText::new(sentence).size(24.0));
            });
        }
    } else {
        ui.heading(&data.title);
    }
    let suppressed = data
        .series
        .iter()
        .any(|s| s.values.iter().any(Option::is_none))
        && presenting
        && choices.suppresses();
    if let Some(why) = nothing_left {
        ui.add_space(40.0);
        ui.label(egui::RichText::new(why).size(28.0));
        return;
    }
    // With the dossiers' figures, the published table stands beside them.
    let beside = (choices.show_table && choices.source == DataSource::Dossiers).then(|| {
        let opts = ChartOptions {
            measure: choices.measure,
            up_to: choices.up_to,
            relative: choices.relative,
            suppress_small: false,
        };
        chart(kind, published_table(), &opts, lang).published()
    });
    let tables = if beside.is_some() { 2.0 } else { 1.0 };
    let table_height = if choices.show_table {
        tables * (40.0 + 22.0 * data.series.len() as f32)
    } else {
        0.0
    };
    // Room under the chart for the x title, the source line and (on a slide) the slide's
    // own line, all at slide size when presenting.
    let below = if presenting { 120.0 } else { 40.0 };
    let height = (ui.available_height() - below - table_height).max(200.0);
    // While the years play, the axes are those of every year: they hold still.
    let hold = choices.playing.then(|| {
        let all_years = StatsChoices {
            up_to: i32::MAX,
            ..choices.clone()
        };
        current_chart(cx.ws, &all_years, lang, kind, presenting).extent()
    });
    chart_ui(ui, &data, choices.highlight, lang, height, hold, presenting);
    if choices.show_table {
        if beside.is_some() {
            ui.strong(DataSource::Dossiers.name(lang));
        }
        table_ui(
            ui,
            &data,
            lang,
            suppressed || (choices.privacy && presenting),
        );
    }
    if let Some(published_data) = &beside {
        ui.strong(DataSource::Published.name(lang));
        ui.push_id("published-table", |ui| {
            table_ui(ui, published_data, lang, false);
        });
    }
}

/// A page's heading, larger on a slide.
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
    if presenting {
        // The key number and its sentence, as on the deck's page.
        let (number, sentence) = p.trainings_headline(lang);
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(number).size(40.0).strong());
            ui.label(egui::RichText::new(sentence).size(24.0));
        });
    }
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
            ui.label(p.most_followed_in(t.year, lang));
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

fn organisations_ui(query: &mut String, ui: &mut egui::Ui, lang: Lang, presenting: bool) {
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
            ui.text_edit_singleline(query).labelled_by(l.id);
        });
    }
    let defects = published_defects();
    let query = query.to_lowercase();
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
                        twe_core::stats::Defect::MalformedEntry {
                            organisation,
                            entry: e,
                            ..
                        } => organisation == &org.name && e == entry,
                        twe_core::stats::Defect::NotAMunicipality {
                            organisation, name, ..
                        } => organisation == &org.name && entry.ends_with(name.as_str()),
                        twe_core::stats::Defect::ListedTwice { ocmw, .. } => {
                            entry.ends_with(ocmw.as_str())
                        }
                        _ => false,
                    });
                    match defect {
                        Some(d) => {
                            ui.colored_label(
                                palette::severity(
                                    twe_core::rules::Severity::Warning,
                                    ui.visuals().dark_mode,
                                ),
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

fn dossiers_ui(ws: &Workspace, ui: &mut egui::Ui, lang: Lang) {
    let s = ws.dossier_stats();
    ui.heading(lang.pick(
        "Wat de dossiers tonen (en VDAB niet kon rapporteren)",
        "What the dossiers show (and VDAB could not report)",
    ));
    instrument_outcomes_ui(s, ui, lang);
    ui.add_space(8.0);
    let [yes, no, unknown] = s.outcomes;
    // The parts add up to the closed trajectories: those not measured yet are named too.
    ui.label(format!(
        "{}: {} {} · {} {} · {} {} · {} {} ({} {})",
        lang.pick("Resultaatsmeting", "Outflow measurement"),
        lang::number(yes, lang),
        lang.pick("aan het werk", "at work"),
        lang::number(no, lang),
        lang.pick("niet aan het werk", "not at work"),
        lang::number(unknown, lang),
        lang.pick("onbekend", "unknown"),
        lang::number(s.not_measured(), lang),
        lang.pick("nog niet gemeten", "not measured yet"),
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

/// How the dossiers' instruments went, per kind: planned, running, completed, stopped
/// early, and their average length.
fn instrument_outcomes_ui(s: &DossierStats, ui: &mut egui::Ui, lang: Lang) {
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
}

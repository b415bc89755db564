//! The pages of the statistics view, which are also the presentation's slides: the
//! published figures and the same table from the dossiers as charts with their numbers, the
//! trainings, the outflow, the organisations and what the dossiers show. The choices that
//! select a page and its chart are shared by both panels. Every figure is read from the one
//! table of figures (`twe_core::stats::Figures`), after the disclosure gate.

use super::chart_view::{chart_ui, table_ui, table_width};
use super::cx::ViewCx;
use super::palette;
use std::collections::HashMap;
use std::sync::Arc;
use twe_core::lang::{self, Lang};
use twe_core::model::InstrumentType;
use twe_core::reference::{Province, published};
use twe_core::stats::charts::{ChartData, ChartKind, ChartOptions, DataSource, Slide, chart};
use twe_core::stats::disclosure::Shown;
use twe_core::stats::{FigureTable, Figures, Measure, YearBasis, published_defects};
use twe_core::workspace::Workspace;

/// A page of the statistics view (and a slide of the presentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// One of the charts.
    Chart(ChartKind),
    /// A chart's numbers on a slide of their own (the presentation, with the table on).
    Table(ChartKind),
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
    /// The pages of the view's list, in order.
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
            Page::Chart(k) | Page::Table(k) => k.name(lang),
            Page::Trainings => lang.pick("Opleidingen", "Trainings"),
            Page::Outflow => lang.pick("Uitstroom", "Outflow"),
            Page::Organisations => lang.pick("Organisaties", "Organisations"),
            Page::Dossiers => lang.pick("Wat de dossiers tonen", "What the dossiers show"),
        }
    }
}

/// A slide's own words, where the presenter wrote them; `None` keeps the computed ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SlideText {
    /// The title.
    pub title: Option<String>,
    /// The sentence beside the key number.
    pub sentence: Option<String>,
}

/// The statistics view's choices, shared with the presentation.
#[derive(Clone, Debug)]
pub struct StatsChoices {
    /// The page shown.
    pub page: Page,
    /// Published, from the dossiers, or their difference.
    pub source: DataSource,
    /// Which year an instrument counts in (the dossiers' figures only).
    pub basis: YearBasis,
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
    /// The chart's numbers as a table under it (on a slide of its own when presenting).
    pub show_table: bool,
    /// Search in the organisation list and the drill-down.
    pub org_query: String,
    /// The presenter's own titles and sentences, per chart.
    pub slide_text: HashMap<ChartKind, SlideText>,
}

impl Default for StatsChoices {
    fn default() -> Self {
        Self {
            page: Page::Chart(ChartKind::PerProvince),
            source: DataSource::Published,
            basis: YearBasis::TrajectoryStart,
            measure: Measure::Trajectories,
            up_to: published().partial_year,
            playing: false,
            last_step: 0.0,
            highlight: None,
            relative: false,
            show_table: false,
            org_query: String::new(),
            slide_text: HashMap::new(),
        }
    }
}

impl StatsChoices {
    /// The way the year is counted for the chosen source: the published figures and their
    /// difference know only the trajectory's start year (decision 8).
    pub fn basis(&self) -> YearBasis {
        match self.source {
            DataSource::Dossiers => self.basis,
            DataSource::Published | DataSource::Difference => YearBasis::TrajectoryStart,
        }
    }

    /// The chart options chosen.
    pub fn options(&self) -> ChartOptions {
        ChartOptions {
            measure: self.measure,
            up_to: self.up_to,
            relative: self.relative,
        }
    }
}

/// The published figures, made once.
pub fn published_figures() -> Arc<Figures> {
    static FIGURES: std::sync::OnceLock<Arc<Figures>> = std::sync::OnceLock::new();
    FIGURES
        .get_or_init(|| Arc::new(Figures::published(published())))
        .clone()
}

/// The figures of the chosen source: the published ones, the workspace's (kept by the
/// workspace, made once per change), or their difference.
pub fn source_figures(ws: &Workspace, choices: &StatsChoices) -> Arc<Figures> {
    match choices.source {
        DataSource::Published => published_figures(),
        DataSource::Dossiers => ws.figures(),
        DataSource::Difference => {
            Arc::new(Figures::difference(&ws.figures(), &published_figures()))
        }
    }
}

/// The table of the chosen source and year.
pub fn source_table<'a>(figures: &'a Figures, choices: &StatsChoices) -> &'a FigureTable {
    figures.table_or_start(choices.basis())
}

/// The years of the chosen source, ascending.
pub fn source_years(ws: &Workspace, choices: &StatsChoices) -> Vec<i32> {
    source_table(&source_figures(ws, choices), choices)
        .years()
        .to_vec()
}

/// The chart currently chosen, as data (for the view, the slides and the exports).
pub fn current_chart(
    ws: &Workspace,
    choices: &StatsChoices,
    lang: Lang,
    kind: ChartKind,
) -> ChartData {
    chart_of(&source_figures(ws, choices), choices, lang, kind)
}

/// The chart `kind` of `figures` with `choices`.
pub fn chart_of(
    figures: &Figures,
    choices: &StatsChoices,
    lang: Lang,
    kind: ChartKind,
) -> ChartData {
    let mut data = chart(
        kind,
        source_table(figures, choices),
        &choices.options(),
        lang,
    );
    // A difference is not the published figure: its title says so.
    if choices.source == DataSource::Difference {
        data.title = format!("{}: {}", DataSource::Difference.name(lang), data.title);
    }
    data
}

/// The slide of chart `kind` as presented: the chart, and the presenter's title and
/// sentence where written, else the computed ones.
pub fn current_slide(ws: &Workspace, choices: &StatsChoices, lang: Lang, kind: ChartKind) -> Slide {
    slide_of(current_chart(ws, choices, lang, kind), choices, lang)
}

/// [`current_slide`] of a chart already made.
pub fn slide_of(data: ChartData, choices: &StatsChoices, lang: Lang) -> Slide {
    let kind = data.kind;
    let mut slide = Slide::of(data, lang);
    // A difference has no "most" to tell: it is a check of the dossiers, not a figure.
    if choices.source == DataSource::Difference {
        slide.number = String::new();
        slide.sentence = String::new();
    }
    if let Some(own) = choices.slide_text.get(&kind) {
        if let Some(t) = &own.title {
            slide.title.clone_from(t);
        }
        if let Some(s) = &own.sentence {
            slide.sentence.clone_from(s);
        }
    }
    slide
}

/// The note under every chart: where the numbers come from (starting "Bron:" /
/// "Source:"), and for dossiers how the year is counted and as of when. The answer's other
/// figures are always the published ones; the dossier page always the workspace's.
pub fn source_note(ws: &Workspace, choices: &StatsChoices, lang: Lang) -> String {
    let source = match choices.page {
        Page::Chart(_) | Page::Table(_) => choices.source,
        Page::Dossiers => DataSource::Dossiers,
        Page::Trainings | Page::Outflow | Page::Organisations => DataSource::Published,
    };
    let published_line = twe_core::stats::charts::source_line(false, lang);
    match source {
        DataSource::Published => published_line,
        DataSource::Dossiers => format!(
            "{}; {}: {}; {} {}",
            twe_core::stats::charts::source_line(true, lang),
            lang.pick("jaar", "year"),
            choices.basis().year_label(lang),
            lang.pick("referentiedatum", "reference date"),
            lang::date(ws.today(), lang)
        ),
        DataSource::Difference => format!(
            "{} {}; {published_line}",
            lang.pick(
                "Bron: dossiers van de werkmap (aantallen van 1 tot 4 verborgen) min",
                "Source: the workspace's dossiers (counts from 1 to 4 hidden) minus"
            ),
            lang.pick("de gepubliceerde cijfers", "the published figures"),
        ),
    }
}

/// Draws the current page; returns the screen area it used. On a slide the source line is
/// the presentation's to draw (always on screen, under the page).
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
        Page::Table(kind) => table_page_ui(cx, choices, kind, ui),
        Page::Trainings => trainings_ui(ui, lang, presenting),
        Page::Outflow => outflow_ui(ui, lang, presenting),
        Page::Organisations => organisations_ui(&mut choices.org_query, ui, lang, presenting),
        Page::Dossiers => dossiers_ui(cx.ws, choices, ui, lang),
    }
    if !presenting {
        ui.weak(source_note(cx.ws, choices, lang));
    }
    egui::Rect::from_min_max(
        top,
        ui.cursor()
            .min
            .max(top + egui::vec2(ui.available_width(), 0.0)),
    )
}

/// A chart page: title, chart, and the table of its numbers when asked for (with the
/// published table beside the dossiers'); on a slide the title and the headline as
/// presented, the table on a slide of its own.
fn chart_page_ui(
    cx: &ViewCx<'_>,
    choices: &StatsChoices,
    kind: ChartKind,
    ui: &mut egui::Ui,
    presenting: bool,
) {
    let lang = cx.lang;
    let data = current_chart(cx.ws, choices, lang, kind);
    // Every count hidden: an empty chart would say nothing true, so the page says why.
    let nothing_left = data.nothing_to_show(lang);
    if presenting {
        let slide = slide_of(data.clone(), choices, lang);
        ui.label(egui::RichText::new(&slide.title).size(34.0).strong());
        if nothing_left.is_none() && !(slide.number.is_empty() && slide.sentence.is_empty()) {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&slide.number).size(40.0).strong());
                ui.label(egui::RichText::new(&slide.sentence).size(24.0));
            });
        }
    } else {
        ui.heading(&data.title);
    }
    if let Some(why) = nothing_left {
        ui.add_space(40.0);
        ui.label(egui::RichText::new(why).size(if presenting { 28.0 } else { 18.0 }));
        if presenting {
            return;
        }
    }
    let table = choices.show_table && !presenting;
    // With the dossiers' figures, the published table stands beside them.
    let beside = (table
        && choices.source == DataSource::Dossiers
        && choices.basis() == YearBasis::TrajectoryStart)
        .then(|| {
            let published = StatsChoices {
                source: DataSource::Published,
                ..choices.clone()
            };
            chart_of(&published_figures(), &published, lang, kind)
        });
    let tables = if beside.is_some() { 2.0 } else { 1.0 };
    let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 4.0;
    let table_height = if table {
        tables * (row * (data.series.len() as f32 + 3.0) + 24.0)
    } else {
        0.0
    };
    // Room under the chart for the x axis's title and the source line; the chart never
    // shrinks below a readable height (the page scrolls instead).
    let below = if presenting { 20.0 } else { 40.0 };
    let height = (ui.available_height() - below - table_height).max(260.0);
    // While the years play, the axes are those of every year: they hold still.
    let hold = choices.playing.then(|| {
        let all_years = StatsChoices {
            up_to: i32::MAX,
            ..choices.clone()
        };
        current_chart(cx.ws, &all_years, lang, kind).extent()
    });
    if nothing_left.is_none() {
        chart_ui(ui, &data, choices.highlight, lang, height, hold, presenting);
    }
    if table {
        if beside.is_some() {
            ui.strong(DataSource::Dossiers.name(lang));
        }
        table_ui(ui, &data, lang);
    }
    if let Some(published_data) = &beside {
        ui.strong(DataSource::Published.name(lang));
        ui.push_id("published-table", |ui| {
            table_ui(ui, published_data, lang);
        });
    }
}

/// A chart's numbers as a slide of their own.
fn table_page_ui(cx: &ViewCx<'_>, choices: &StatsChoices, kind: ChartKind, ui: &mut egui::Ui) {
    let lang = cx.lang;
    let slide = current_slide(cx.ws, choices, lang, kind);
    ui.label(
        egui::RichText::new(format!(
            "{} — {}",
            slide.title,
            lang.pick("de cijfers", "the figures")
        ))
        .size(34.0)
        .strong(),
    );
    ui.add_space(12.0);
    // A table wider than the screen is drawn smaller, never cut off at the right (at
    // 1024×600 the last two provinces and the totals were off the slide); no smaller than
    // the deck's smallest text.
    let needed = table_width(ui, &slide.chart, lang);
    let room = ui.available_width();
    if needed > room {
        let scale = room / needed;
        for font in ui.style_mut().text_styles.values_mut() {
            font.size = (font.size * scale).max(14.0);
        }
        ui.spacing_mut().item_spacing.x *= scale;
    }
    egui::ScrollArea::both()
        .id_salt("table-slide")
        .show(ui, |ui| {
            table_ui(ui, &slide.chart, lang);
        });
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
    let right = ui.max_rect().right();
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
            // The most followed on one line where it fits, else one training a line: a
            // slide at 1024×600 cut "Stukadoor (4)" off at the screen's edge.
            let names = p.most_followed_in(t.year, lang);
            let whole = super::chart_view::text_width(
                ui,
                &names,
                &egui::TextStyle::Body.resolve(ui.style()),
            );
            if whole <= right - ui.cursor().left() {
                ui.label(names);
            } else {
                ui.label(p.most_followed_list(t.year).join("\n"));
            }
            ui.end_row();
        }
    });
    ui.weak(lang.pick(
        "Een cliënt die in twee jaren een opleiding startte, telt in beide jaren: de jaren \
         tellen niet op tot een aantal cliënten. VDAB heeft geen gegevens over het al dan \
         niet succesvol afronden van opleidingen.",
        "A client who started trainings in two years counts in both: the years do not add \
         up to a number of clients. VDAB has no data on whether trainings were completed \
         successfully.",
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

fn dossiers_ui(ws: &Workspace, choices: &mut StatsChoices, ui: &mut egui::Ui, lang: Lang) {
    let figures = ws.figures();
    ui.heading(lang.pick(
        "Wat de dossiers tonen (en VDAB niet kon rapporteren)",
        "What the dossiers show (and VDAB could not report)",
    ));
    let (Some(detail), Some(drill)) = (&figures.detail, &figures.drill) else {
        return;
    };
    let t = |v: Shown| v.text(lang, 0, false);
    egui::ScrollArea::vertical()
        .id_salt("dossier-page")
        .show(ui, |ui| {
            instrument_outcomes_ui(detail, ui, lang);
            ui.add_space(8.0);
            let [yes, no, unknown, not_measured] = detail.outcomes;
            // The parts add up to the closed trajectories: those not measured yet are named too.
            ui.label(format!(
                "{}: {} {} · {} {} · {} {} · {} {} ({} {})",
                lang.pick("Resultaatsmeting", "Outflow measurement"),
                t(yes),
                lang.pick("aan het werk", "at work"),
                t(no),
                lang.pick("niet aan het werk", "not at work"),
                t(unknown),
                lang.pick("onbekend", "unknown"),
                t(not_measured),
                lang.pick("nog niet gemeten", "not measured yet"),
                t(detail.closed),
                lang.pick("afgesloten trajecten", "closed trajectories"),
            ));
            let [meeting, exempt, below] = detail.years_split;
            ui.label(format!(
                "{}: {} {} · {} {} · {} {}",
                lang.pick("Trajectjaren", "Trajectory years"),
                t(meeting),
                lang.pick("halen het doel van twee", "meet the target of two"),
                t(exempt),
                lang.pick("vrijgesteld", "exempt"),
                t(below),
                lang.pick("halen het niet", "fall short"),
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let l = ui.label(lang.pick("Zoeken", "Search"));
                ui.text_edit_singleline(&mut choices.org_query)
                    .labelled_by(l.id);
                ui.weak(format!(
                    "{}: {}",
                    lang.pick("maat", "measure"),
                    choices.measure.heading(lang)
                ));
            });
            let query = choices.org_query.to_lowercase();
            for (rows, heading, id) in [
                (
                    &drill.ocmws,
                    lang.pick(
                        "Per gemeente (de bijlage waarnaar het antwoord verwijst)",
                        "Per municipality (the annex the answer refers to)",
                    ),
                    "per-municipality",
                ),
                (
                    &drill.organisations,
                    lang.pick("Per organisatie", "Per organisation"),
                    "per-organisation",
                ),
            ] {
                ui.add_space(8.0);
                ui.strong(heading);
                drill_ui(ui, drill, rows, choices.measure, &query, id, lang);
            }
            if figures.hides_any() {
                ui.weak(twe_core::stats::disclosure::note(lang));
            }
        });
}

/// A drill-down as a table (a row per OCMW or organisation, a column per start year and
/// the total) with a bar per row's total: the chart and the table in one, hidden figures as
/// «<5» and «–».
fn drill_ui(
    ui: &mut egui::Ui,
    drill: &twe_core::stats::figures::Drill,
    rows: &[twe_core::stats::figures::DrillRow],
    m: Measure,
    query: &str,
    id: &str,
    lang: Lang,
) {
    let t = |v: Shown| v.text(lang, 0, false);
    let most = rows
        .iter()
        .filter_map(|r| r.total(m).value())
        .fold(1.0_f64, f64::max);
    let own = lang.pick("het OCMW zelf", "the OCMW itself");
    egui::ScrollArea::both()
        .id_salt(id)
        .max_height(320.0)
        .show(ui, |ui| {
            egui::Grid::new(id).striped(true).show(ui, |ui| {
                ui.strong(lang.pick("Naam", "Name"));
                for y in &drill.years {
                    ui.strong(y.to_string());
                }
                ui.strong(lang.pick("Totaal", "Total"));
                ui.strong("");
                ui.end_row();
                for r in rows {
                    let name = if r.name.is_empty() {
                        own
                    } else {
                        r.name.as_str()
                    };
                    if !query.is_empty() && !name.to_lowercase().contains(query) {
                        continue;
                    }
                    ui.label(name);
                    for y in 0..drill.years.len() {
                        ui.label(t(r.cell(m, y)));
                    }
                    ui.strong(t(r.total(m)));
                    let width = 160.0;
                    let (rect, _) = ui.allocate_exact_size(
                        egui::vec2(width, ui.text_style_height(&egui::TextStyle::Body) * 0.8),
                        egui::Sense::hover(),
                    );
                    if let Some(v) = r.total(m).value() {
                        let mut bar = rect;
                        bar.set_width((width * (v / most) as f32).max(1.0));
                        ui.painter().rect_filled(
                            bar,
                            1.0,
                            r.row
                                .and_then(twe_core::stats::Row::province)
                                .map_or(egui::Color32::GRAY, palette::province),
                        );
                    }
                    ui.end_row();
                }
            });
        });
}

/// How the dossiers' instruments went, per kind: planned, running, completed, stopped
/// early, and their average length.
fn instrument_outcomes_ui(s: &twe_core::stats::figures::Detail, ui: &mut egui::Ui, lang: Lang) {
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
            for (t, status) in &s.status {
                ui.label(t.label(lang));
                for v in status {
                    ui.label(v.text(lang, 0, false));
                }
                let avg = s
                    .average_days
                    .iter()
                    .find(|(k, _)| k == t)
                    .map_or(Shown::Undefined, |(_, v)| *v);
                ui.label(match avg {
                    Shown::Undefined => "–".to_string(),
                    v => v.text(lang, 0, false),
                });
                ui.end_row();
            }
        });
}

//! The charts of the statistics view and the slides, as data: what a chart shows, in which
//! order, with which title, so that the window, the exports and the tests share it.

mod headline;

pub use headline::{Concentration, Headline, Leading, MostInstruments, Target, Told, Trend};

pub use super::figures::DataSource;

use super::disclosure::Shown;
use super::figures::{FigureTable, Row};
use super::{Measure, YearBasis};
use crate::lang::Lang;
use crate::model::InstrumentType;
use crate::reference::Province;

/// The charts, in slide order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// A measure per province and year, as grouped bars.
    PerProvince,
    /// The same over the years, as lines.
    OverYears,
    /// The instrument mix per province, stacked.
    InstrumentMix,
    /// Instruments per started trajectory against the target of two a year.
    PerTrajectory,
    /// Each province's share of Flanders.
    ProvinceShare,
    /// BVS per 100 started trajectories per province.
    BvsUse,
    /// Every instrument per 100 started trajectories, Flanders over the years.
    RatesPer100,
    /// The change of the chosen measure against the year before, per province.
    YearOnYear,
}

impl ChartKind {
    /// Every chart, in slide order.
    pub const ALL: [ChartKind; 8] = [
        ChartKind::PerProvince,
        ChartKind::OverYears,
        ChartKind::InstrumentMix,
        ChartKind::PerTrajectory,
        ChartKind::ProvinceShare,
        ChartKind::BvsUse,
        ChartKind::RatesPer100,
        ChartKind::YearOnYear,
    ];

    /// A short name for menus.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::PerProvince => lang.pick("Per provincie", "Per province"),
            ChartKind::OverYears => lang.pick("Over de jaren", "Over the years"),
            ChartKind::InstrumentMix => lang.pick("Instrumentenmix", "Instrument mix"),
            ChartKind::PerTrajectory => {
                lang.pick("Instrumenten per traject", "Instruments per trajectory")
            }
            ChartKind::ProvinceShare => lang.pick("Aandeel in Vlaanderen", "Share of Flanders"),
            ChartKind::BvsUse => lang.pick("Gebruik van BVS", "Use of BVS"),
            ChartKind::RatesPer100 => lang.pick("Per 100 trajecten", "Per 100 trajectories"),
            ChartKind::YearOnYear => {
                lang.pick("Tegenover het jaar ervoor", "Against the year before")
            }
        }
    }
}

/// How a chart is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Bars side by side per category.
    GroupedBars,
    /// One line per series.
    Lines,
    /// Bars stacked per category.
    StackedBars,
}

/// What the user chose for the charts.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// The column shown where a chart shows one.
    pub measure: Measure,
    /// The last year shown (the year slider).
    pub up_to: i32,
    /// Shares instead of counts, where a chart offers both.
    pub relative: bool,
}

/// One series of a chart, aligned with the chart's categories.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// The province row it is, if it is one (for its colour and highlighting).
    pub row: Option<Row>,
    /// The instrument it is, if it is one (for its colour).
    pub instrument: Option<InstrumentType>,
    /// One figure per category, as it may be shown.
    pub values: Vec<Shown>,
}

impl Series {
    /// The province it is, if it is one.
    pub fn province(&self) -> Option<Province> {
        self.row.and_then(Row::province)
    }
}

/// A chart as data: every number it shows, after the gate.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// Which chart.
    pub kind: ChartKind,
    /// The title.
    pub title: String,
    /// The x axis's label.
    pub x_label: String,
    /// The y axis's label.
    pub y_label: String,
    /// The x axis's categories (years or provinces).
    pub categories: Vec<String>,
    /// The series.
    pub series: Vec<Series>,
    /// How to draw it.
    pub shape: Shape,
    /// A reference line and its label (the two-a-year target).
    pub reference: Option<(f64, String)>,
    /// Whether the values are percentages.
    pub percent: bool,
    /// Decimals to show.
    pub decimals: usize,
    /// For charts over the years: Flanders' figure per category in the chart's unit (its
    /// total of a count, its rate of a rate), every row counted, the unknown OCMWs too.
    /// Empty where Flanders is the whole (shares).
    pub flanders: Vec<Shown>,
    /// The totals of a chart that counts: per category, per series and overall.
    pub totals: Option<Totals>,
    /// For stacked bars: the full height of each stack (its total, or 100%), so that a
    /// hidden part is drawn as hidden rather than left off.
    pub stacks: Vec<Shown>,
    /// The category the figures cover only in part (the published monitoring's May 2021):
    /// drawn lighter and told as partial.
    pub partial: Option<usize>,
    /// For a chart with a yearly target: the last category whose trajectories have all run a
    /// full year by the figures' date, the last one the target may judge.
    pub judged: Option<usize>,
}

/// A chart table's totals row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    /// Per category (the totals row).
    pub per_category: Vec<Shown>,
    /// Per series (the totals column).
    pub per_series: Vec<Shown>,
    /// Everything.
    pub grand: Shown,
}

fn measure_name(m: Measure, lang: Lang) -> String {
    match m {
        Measure::Trajectories => lang
            .pick("Opgestarte trajecten", "Started trajectories")
            .to_string(),
        Measure::Instrument(t) => format!("{} {}", lang.pick("Gestarte", "Started"), t.label(lang)),
        Measure::Instruments => lang
            .pick("Gestarte instrumenten", "Started instruments")
            .to_string(),
    }
}

/// The colour-free name of a row series.
fn row_series(row: Row, lang: Lang, values: Vec<Shown>) -> Series {
    Series {
        name: row.name(lang).to_string(),
        row: Some(row),
        instrument: None,
        values,
    }
}

/// What every chart of one table, options and language starts from.
struct Basis<'a> {
    kind: ChartKind,
    fig: &'a FigureTable,
    opts: &'a ChartOptions,
    lang: Lang,
    /// The years shown (up to the slider's year).
    years: Vec<i32>,
    /// The measure's name, for titles.
    measure: String,
}

impl Basis<'_> {
    /// The shown years as category labels.
    fn year_labels(&self) -> Vec<String> {
        self.years.iter().map(i32::to_string).collect()
    }

    /// One series per row of the table, valued by `f` for each shown year.
    fn per_row(&self, f: impl Fn(Row, i32) -> Shown) -> Vec<Series> {
        self.fig
            .rows()
            .iter()
            .map(|&r| row_series(r, self.lang, self.years.iter().map(|&y| f(r, y)).collect()))
            .collect()
    }

    /// Flanders per shown year, valued by `f`.
    fn flanders(&self, f: impl Fn(i32) -> Shown) -> Vec<Shown> {
        self.years.iter().map(|&y| f(y)).collect()
    }

    /// The totals of a count per row and year: the yearly totals, each row's sum over the
    /// shown years, and Flanders' sum.
    fn count_totals(&self, m: Measure) -> Totals {
        Totals {
            per_category: self.flanders(|y| self.fig.year_total(m, y)),
            per_series: self
                .fig
                .rows()
                .iter()
                .map(|&r| self.fig.row_sum(m, r, &self.years))
                .collect(),
            grand: self.fig.flanders_sum(m, &self.years),
        }
    }

    /// The partial year among the shown ones.
    fn partial(&self) -> Option<usize> {
        let p = self.fig.partial_year?;
        self.years.iter().position(|&y| y == p)
    }

    /// A chart over the years with these series; the rest is filled in by the caller.
    fn over_years(&self, title: String, y_label: String, series: Vec<Series>) -> ChartData {
        ChartData {
            kind: self.kind,
            title,
            x_label: self.fig.basis.year_label(self.lang).to_string(),
            y_label,
            categories: self.year_labels(),
            series,
            shape: Shape::GroupedBars,
            reference: None,
            percent: false,
            decimals: 0,
            flanders: Vec::new(),
            totals: None,
            stacks: Vec::new(),
            partial: self.partial(),
            judged: None,
        }
    }
}

/// What a chart says when its counts are too few to show: one wording for the headline,
/// the window's slide and the deck's page.
fn too_few(lang: Lang) -> &'static str {
    lang.pick(
        "Te weinig dossiers om te tonen: aantallen van 1 tot 4 blijven verborgen om niemand \
         herkenbaar te maken.",
        "Too few dossiers to show: counts from 1 to 4 stay hidden so that no one can be \
         recognised.",
    )
}

/// The source line under charts drawn from the published figures, or from a workspace's
/// dossiers with their counts from 1 to 4 hidden: the window, the slides, the deck and the
/// workbook print it. It starts with "Bron:" / "Source:".
pub fn source_line(from_dossiers: bool, lang: Lang) -> String {
    if from_dossiers {
        lang.pick(
            "Bron: berekend uit de dossiers van de werkmap (aantallen van 1 tot 4 verborgen)",
            "Source: computed from the workspace's dossiers (counts from 1 to 4 hidden)",
        )
        .to_string()
    } else {
        format!(
            "{} {}",
            lang.pick("Bron:", "Source:"),
            crate::reference::published().source.get(lang)
        )
    }
}

/// The six charts of `fig` with `opts`, in slide order.
pub fn all(fig: &FigureTable, opts: &ChartOptions, lang: Lang) -> Vec<ChartData> {
    ChartKind::ALL
        .iter()
        .map(|&k| chart(k, fig, opts, lang))
        .collect()
}

/// The chart `kind` of `fig` with `opts`, titled in `lang`.
pub fn chart(kind: ChartKind, fig: &FigureTable, opts: &ChartOptions, lang: Lang) -> ChartData {
    let basis = Basis {
        kind,
        fig,
        opts,
        lang,
        years: fig
            .years()
            .iter()
            .copied()
            .filter(|&y| y <= opts.up_to)
            .collect(),
        measure: measure_name(opts.measure, lang),
    };
    let mut data = match kind {
        ChartKind::PerProvince | ChartKind::OverYears => per_province_chart(&basis),
        ChartKind::InstrumentMix => instrument_mix_chart(&basis),
        ChartKind::PerTrajectory => per_trajectory_chart(&basis),
        ChartKind::ProvinceShare => province_share_chart(&basis),
        ChartKind::BvsUse => bvs_use_chart(&basis),
        ChartKind::RatesPer100 => rates_chart(&basis),
        ChartKind::YearOnYear => year_on_year_chart(&basis),
    };
    // The second way of counting is always labelled (decision 8).
    if fig.basis == YearBasis::CalendarYear && kind != ChartKind::PerProvince {
        data.title = format!(
            "{} ({})",
            data.title,
            lang.pick(
                "instrumenten per kalenderjaar van hun start",
                "instruments by the calendar year they start"
            )
        );
    }
    data
}

/// A measure per province and year, as counts or shares of Flanders; bars or lines.
fn per_province_chart(b: &Basis<'_>) -> ChartData {
    let (lang, relative, m) = (b.lang, b.opts.relative, b.opts.measure);
    let fig = b.fig;
    let series = b.per_row(|r, y| {
        if relative {
            Shown::ratio(fig.cell(m, r, y), fig.year_total(m, y), 100.0)
        } else {
            fig.cell(m, r, y)
        }
    });
    let y_label = if relative {
        lang.pick("% van Vlaanderen", "% of Flanders")
    } else {
        lang.pick("aantal", "number")
    };
    // The bars compare the provinces in each year; the lines follow each over the years.
    let title = format!(
        "{} {}",
        b.measure,
        if b.kind == ChartKind::PerProvince {
            match fig.basis {
                YearBasis::TrajectoryStart => {
                    lang.pick("per provincie en startjaar", "per province and start year")
                }
                YearBasis::CalendarYear => lang.pick(
                    "per provincie en kalenderjaar (instrumenten: jaar van hun start)",
                    "per province and calendar year (instruments: the year they start)",
                ),
            }
        } else {
            lang.pick(
                "per provincie doorheen de jaren",
                "per province over the years",
            )
        }
    );
    ChartData {
        shape: if b.kind == ChartKind::PerProvince {
            Shape::GroupedBars
        } else {
            Shape::Lines
        },
        percent: relative,
        decimals: usize::from(relative),
        flanders: if relative {
            Vec::new()
        } else {
            b.flanders(|y| fig.year_total(m, y))
        },
        totals: (!relative).then(|| b.count_totals(m)),
        ..b.over_years(title, y_label.to_string(), series)
    }
}

/// The instruments started per province over the shown years, stacked per kind.
fn instrument_mix_chart(b: &Basis<'_>) -> ChartData {
    let (lang, opts, fig) = (b.lang, b.opts, b.fig);
    let all = Measure::Instruments;
    let rows = fig.rows();
    let series = InstrumentType::ALL
        .iter()
        .map(|&t| Series {
            name: t.label(lang).to_string(),
            row: None,
            instrument: Some(t),
            values: rows
                .iter()
                .map(|&r| {
                    let v = fig.row_sum(Measure::Instrument(t), r, &b.years);
                    if opts.relative {
                        Shown::ratio(v, fig.row_sum(all, r, &b.years), 100.0)
                    } else {
                        v
                    }
                })
                .collect(),
        })
        .collect();
    let stacks = rows
        .iter()
        .map(|&r| {
            let whole = fig.row_sum(all, r, &b.years);
            if opts.relative {
                Shown::ratio(whole, whole, 100.0)
            } else {
                whole
            }
        })
        .collect();
    let span = match (b.years.first(), b.years.last()) {
        (Some(a), Some(z)) if a != z => format!("{a}–{z}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let totals = (!opts.relative).then(|| Totals {
        per_category: rows
            .iter()
            .map(|&r| fig.row_sum(all, r, &b.years))
            .collect(),
        per_series: InstrumentType::ALL
            .iter()
            .map(|&t| fig.flanders_sum(Measure::Instrument(t), &b.years))
            .collect(),
        grand: fig.flanders_sum(all, &b.years),
    });
    ChartData {
        kind: b.kind,
        x_label: lang.pick("provincie", "province").to_string(),
        title: format!(
            "{} {span}",
            lang.pick(
                "Instrumentenmix per provincie,",
                "Instrument mix per province,"
            )
        ),
        y_label: if opts.relative {
            "%".into()
        } else {
            lang.pick("gestarte instrumenten", "instruments started")
                .into()
        },
        categories: rows.iter().map(|r| r.name(lang).to_string()).collect(),
        series,
        shape: Shape::StackedBars,
        reference: None,
        percent: opts.relative,
        decimals: usize::from(opts.relative),
        flanders: Vec::new(),
        totals,
        stacks,
        partial: None,
        judged: None,
    }
}

/// The whole months from the end of `year` to `as_of`: how long a trajectory that started
/// on the year's last day has run, the least any of the year's trajectories has.
fn months_since_end_of(year: i32, as_of: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(as_of.year() - year - 1) * 12 + i64::from(as_of.month0())
}

/// Instruments started per started trajectory, against the target of two a year; judged
/// only for the years whose trajectories have all run a full year.
fn per_trajectory_chart(b: &Basis<'_>) -> ChartData {
    let (lang, fig) = (b.lang, b.fig);
    let series = b.per_row(|r, y| {
        Shown::ratio(
            fig.cell(Measure::Instruments, r, y),
            fig.cell(Measure::Trajectories, r, y),
            1.0,
        )
    });
    let flanders = b.flanders(|y| {
        Shown::ratio(
            fig.year_total(Measure::Instruments, y),
            fig.year_total(Measure::Trajectories, y),
            1.0,
        )
    });
    // A year's trajectories have all run a full year when its last day is 12 months or
    // more before the figures' date.
    let judged = b
        .years
        .iter()
        .rposition(|&y| months_since_end_of(y, fig.as_of) >= 12);
    ChartData {
        reference: Some((
            2.0,
            lang.pick("doel: minstens 2 per jaar", "target: at least 2 a year")
                .into(),
        )),
        decimals: 2,
        flanders,
        judged,
        ..b.over_years(
            lang.pick(
                "Gestarte instrumenten per opgestart traject",
                "Instruments started per started trajectory",
            )
            .to_string(),
            lang.pick("instrumenten per traject", "instruments per trajectory")
                .into(),
            series,
        )
    }
}

/// Each province's share of Flanders in the chosen measure, stacked to 100%.
fn province_share_chart(b: &Basis<'_>) -> ChartData {
    let (lang, m, fig) = (b.lang, b.opts.measure, b.fig);
    let series = b.per_row(|r, y| Shown::ratio(fig.cell(m, r, y), fig.year_total(m, y), 100.0));
    let stacks = b.flanders(|y| {
        let total = fig.year_total(m, y);
        Shown::ratio(total, total, 100.0)
    });
    ChartData {
        shape: Shape::StackedBars,
        percent: true,
        decimals: 1,
        stacks,
        ..b.over_years(
            format!(
                "{}: {}",
                b.measure,
                lang.pick("aandeel van elke provincie", "each province's share")
            ),
            lang.pick("% van Vlaanderen", "% of Flanders").into(),
            series,
        )
    }
}

/// BVS started per province, as counts or per 100 started trajectories.
fn bvs_use_chart(b: &Basis<'_>) -> ChartData {
    let (lang, relative, fig) = (b.lang, b.opts.relative, b.fig);
    let bvs = Measure::Instrument(InstrumentType::Bvs);
    let series = b.per_row(|r, y| {
        if relative {
            Shown::ratio(
                fig.cell(bvs, r, y),
                fig.cell(Measure::Trajectories, r, y),
                100.0,
            )
        } else {
            fig.cell(bvs, r, y)
        }
    });
    let flanders = b.flanders(|y| {
        if relative {
            Shown::ratio(
                fig.year_total(bvs, y),
                fig.year_total(Measure::Trajectories, y),
                100.0,
            )
        } else {
            fig.year_total(bvs, y)
        }
    });
    let (title, y_label) = if relative {
        (
            lang.pick(
                "BVS per 100 opgestarte trajecten",
                "BVS per 100 started trajectories",
            ),
            lang.pick("per 100 trajecten", "per 100 trajectories"),
        )
    } else {
        (
            lang.pick("Gestarte BVS per provincie", "BVS started per province"),
            lang.pick("aantal", "number"),
        )
    };
    ChartData {
        shape: Shape::Lines,
        decimals: usize::from(relative),
        flanders,
        totals: (!relative).then(|| b.count_totals(bvs)),
        ..b.over_years(title.into(), y_label.into(), series)
    }
}

/// A chart slide as it is presented and exported: its chart and the words over it. The
/// title and the sentence are the computed ones unless the presenter wrote their own.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The chart.
    pub chart: ChartData,
    /// The title over it.
    pub title: String,
    /// The key number ("" where the chart has nothing to show).
    pub number: String,
    /// The sentence beside the number.
    pub sentence: String,
}

impl Slide {
    /// The slide of `chart` with its computed title and headline; a chart with nothing to
    /// show says why in its place, once (no number or sentence above it).
    pub fn of(chart: ChartData, lang: Lang) -> Self {
        let (number, sentence) = if chart.nothing_to_show(lang).is_some() {
            (String::new(), String::new())
        } else {
            chart.headline(lang)
        };
        Self {
            title: chart.title.clone(),
            chart,
            number,
            sentence,
        }
    }
}

/// Every kind of instrument per 100 started trajectories in Flanders, over the years: what
/// the trajectories' mix of instruments became.
fn rates_chart(b: &Basis<'_>) -> ChartData {
    let (lang, fig) = (b.lang, b.fig);
    let series = InstrumentType::ALL
        .iter()
        .map(|&t| Series {
            name: t.label(lang).to_string(),
            row: None,
            instrument: Some(t),
            values: b.flanders(|y| {
                Shown::ratio(
                    fig.year_total(Measure::Instrument(t), y),
                    fig.year_total(Measure::Trajectories, y),
                    100.0,
                )
            }),
        })
        .collect();
    ChartData {
        shape: Shape::Lines,
        decimals: 1,
        ..b.over_years(
            lang.pick(
                "Instrumenten per 100 opgestarte trajecten, Vlaanderen",
                "Instruments per 100 started trajectories, Flanders",
            )
            .to_string(),
            lang.pick("per 100 trajecten", "per 100 trajectories")
                .into(),
            series,
        )
    }
}

/// The chosen measure's change against the year before, in percent, per province and for
/// Flanders: from the second year shown.
fn year_on_year_chart(b: &Basis<'_>) -> ChartData {
    let (lang, m, fig) = (b.lang, b.opts.measure, b.fig);
    let change = |now: Shown, before: Shown| Shown::ratio(now.minus(before), before, 100.0);
    let pairs: Vec<(i32, i32)> = b.years.windows(2).map(|w| (w[0], w[1])).collect();
    let series = fig
        .rows()
        .iter()
        .map(|&r| {
            row_series(
                r,
                lang,
                pairs
                    .iter()
                    .map(|&(a, z)| change(fig.cell(m, r, z), fig.cell(m, r, a)))
                    .collect(),
            )
        })
        .collect();
    let flanders = pairs
        .iter()
        .map(|&(a, z)| change(fig.year_total(m, z), fig.year_total(m, a)))
        .collect();
    let partial = fig
        .partial_year
        .and_then(|p| pairs.iter().position(|&(_, z)| z == p));
    ChartData {
        categories: pairs.iter().map(|(_, z)| z.to_string()).collect(),
        percent: true,
        decimals: 0,
        flanders,
        partial,
        ..b.over_years(
            format!(
                "{}: {}",
                b.measure,
                lang.pick(
                    "verandering tegenover het jaar ervoor",
                    "change against the year before"
                )
            ),
            lang.pick("% tegenover het jaar ervoor", "% against the year before")
                .into(),
            series,
        )
    }
}

/// The room a chart's data takes: its categories and the range of its values (stacked
/// where the shape stacks, the reference line included, zero always in).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    /// How many categories.
    pub categories: usize,
    /// The lowest value drawn (≤ 0).
    pub min: f64,
    /// The highest value drawn (≥ 0).
    pub max: f64,
}

impl ChartData {
    /// Whether category `c` is the partial year.
    pub fn is_partial(&self, c: usize) -> bool {
        self.partial == Some(c)
    }

    /// Whether the chart counts (whole numbers, not shares or rates).
    pub fn counts(&self) -> bool {
        !self.percent && self.decimals == 0
    }

    /// Whether any figure of the chart is hidden: it then carries the note.
    pub fn hides_any(&self) -> bool {
        let totals = self.totals.iter().flat_map(|t| {
            t.per_category
                .iter()
                .chain(&t.per_series)
                .chain(std::iter::once(&t.grand))
        });
        self.series
            .iter()
            .flat_map(|s| s.values.iter())
            .chain(totals)
            .chain(&self.flanders)
            .chain(&self.stacks)
            .any(|v| v.is_hidden())
    }

    /// The part of stack `c` that is hidden, where the stack's height is shown: drawn as
    /// one hidden part (it adds up several hidden figures, never one alone: the gate saw
    /// to that).
    pub fn hidden_part(&self, c: usize) -> Option<f64> {
        let whole = self.stacks.get(c)?.value()?;
        let any_hidden = self
            .series
            .iter()
            .any(|s| s.values.get(c).is_some_and(|v| v.is_hidden()));
        if !any_hidden {
            return None;
        }
        let shown: f64 = self
            .series
            .iter()
            .filter_map(|s| s.values.get(c).and_then(|v| v.value()))
            .sum();
        Some((whole - shown).max(0.0))
    }

    /// The room this chart's data takes; an animation holds its axes to the extent of the
    /// last frame so that they do not jump at each step.
    pub fn extent(&self) -> Extent {
        let (mut min, mut max) = (0.0_f64, 0.0_f64);
        match self.shape {
            Shape::StackedBars => {
                // Bars stack upward from zero, a hidden part on top where its stack's
                // height is known.
                for c in 0..self.categories.len() {
                    let total: f64 = self
                        .series
                        .iter()
                        .filter_map(|s| s.values.get(c).and_then(|v| v.value()))
                        .sum::<f64>()
                        + self.hidden_part(c).unwrap_or(0.0);
                    min = min.min(total);
                    max = max.max(total);
                }
            }
            Shape::GroupedBars | Shape::Lines => {
                for v in self
                    .series
                    .iter()
                    .flat_map(|s| s.values.iter().filter_map(|v| v.value()))
                {
                    min = min.min(v);
                    max = max.max(v);
                }
            }
        }
        if let Some((y, _)) = self.reference {
            min = min.min(y);
            max = max.max(y);
        }
        Extent {
            categories: self.categories.len(),
            min,
            max,
        }
    }

    /// Why the chart has nothing to show, if so: no value but zeros, and a figure hidden
    /// (with nothing hidden, zeros are figures and are drawn). The window's slide and the
    /// deck's page then say this instead of drawing an empty chart.
    pub fn nothing_to_show(&self, lang: Lang) -> Option<&'static str> {
        let values = || self.series.iter().flat_map(|s| s.values.iter());
        let any = values().any(|v| v.value().is_some_and(|v| v != 0.0));
        let any_hidden = values().any(|v| v.is_hidden());
        (!any && any_hidden).then(|| too_few(lang))
    }

    /// A number in the chart's unit as the axes, tables and tooltips show it.
    pub fn format(&self, value: f64, lang: Lang) -> String {
        Shown::Value(value).text(lang, self.decimals, self.percent)
    }

    /// A figure in the chart's unit: digits, «<5», «–» or nothing.
    pub fn text(&self, value: Shown, lang: Lang) -> String {
        value.text(lang, self.decimals, self.percent)
    }

    /// The text of the table's cell for series `s` and category `c`.
    pub fn cell(&self, s: usize, c: usize, lang: Lang) -> String {
        self.series
            .get(s)
            .and_then(|x| x.values.get(c))
            .map_or_else(String::new, |v| self.text(*v, lang))
    }

    /// The chart's numbers as CSV: a row per series, a column per category, the totals
    /// row and column where the chart counts, and the note where a figure is hidden.
    /// Plain digits (no thousands separators) so that spreadsheets read them.
    pub fn to_csv(&self, lang: Lang) -> String {
        let total_word = lang.pick("Totaal", "Total").to_string();
        let mut header = vec![self.x_label.clone()];
        header.extend(self.categories.iter().cloned());
        if self.totals.is_some() {
            header.push(total_word.clone());
        }
        let plain = |v: &Shown| v.plain(self.decimals);
        let mut records = vec![header];
        for (k, s) in self.series.iter().enumerate() {
            let mut record = vec![s.name.clone()];
            record.extend(s.values.iter().map(plain));
            if let Some(t) = &self.totals {
                record.push(t.per_series.get(k).map(plain).unwrap_or_default());
            }
            records.push(record);
        }
        if let Some(t) = &self.totals {
            let mut record = vec![total_word];
            record.extend(t.per_category.iter().map(plain));
            record.push(plain(&t.grand));
            records.push(record);
        }
        if self.hides_any() {
            records.push(vec![super::disclosure::note(lang).to_string()]);
        }
        super::csv_text(records)
    }
}

#[cfg(test)]
mod tests;

//! The charts of the statistics view and the slides, as data: what a chart shows, in which
//! order, with which title, so that the window, the exports and the tests share it.

mod headline;

pub use headline::{Headline, Leading, MostInstruments, Target, Told};

use super::{Counts, Measure, ProvinceYearTable};
use crate::lang::{self, Lang};
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
}

impl ChartKind {
    /// Every chart, in slide order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::PerProvince,
        ChartKind::OverYears,
        ChartKind::InstrumentMix,
        ChartKind::PerTrajectory,
        ChartKind::ProvinceShare,
        ChartKind::BvsUse,
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
    /// Counts from 1 to 4 become "<5" (dossier data in presentations and exports).
    pub suppress_small: bool,
}

/// One series of a chart, aligned with the chart's categories.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// The province it is, if it is one (for highlighting).
    pub province: Option<Province>,
    /// The instrument it is, if it is one (for its colour).
    pub instrument: Option<InstrumentType>,
    /// One value per category; `None` where the value is suppressed or undefined.
    pub values: Vec<Option<f64>>,
}

/// A chart as data.
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
    /// For charts of counts per province: Flanders' total per category, the dossiers of an
    /// unknown OCMW included (what the shares of Flanders divide by); `None` for a year
    /// where a hidden count is part of it. Empty for other charts.
    pub flanders: Vec<Option<f64>>,
    /// The category the published monitoring covers only in part (May 2021): drawn
    /// lighter and told in the headline. `None` for figures from dossiers, whose years are
    /// as whole as the dossiers; see [`ChartData::published`].
    pub partial: Option<usize>,
}

/// A chart table's totals row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    /// Per category (the totals row).
    pub per_category: Vec<Option<f64>>,
    /// Per series (the totals column).
    pub per_series: Vec<Option<f64>>,
    /// Everything.
    pub grand: Option<f64>,
}

/// Where the numbers come from, for titles and the note under a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// VDAB's published figures.
    Published,
    /// Computed from the open workspace's dossiers.
    Dossiers,
    /// Dossiers minus published.
    Difference,
}

impl DataSource {
    /// A short name.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            DataSource::Published => lang.pick("Gepubliceerd (VDAB)", "Published (VDAB)"),
            DataSource::Dossiers => lang.pick("Uit de dossiers", "From the dossiers"),
            DataSource::Difference => lang.pick(
                "Verschil dossiers − gepubliceerd",
                "Difference dossiers − published",
            ),
        }
    }
}

fn x_label(kind: ChartKind, lang: Lang) -> String {
    match kind {
        ChartKind::InstrumentMix => lang.pick("provincie", "province"),
        _ => lang.pick("startjaar van het traject", "trajectory start year"),
    }
    .to_string()
}

fn measure_name(m: Measure, lang: Lang) -> String {
    match m {
        Measure::Trajectories => lang
            .pick("Opgestarte trajecten", "Started trajectories")
            .to_string(),
        Measure::Instrument(t) => format!("{} {}", lang.pick("Gestarte", "Started"), t.label(lang)),
    }
}

fn instruments(c: &Counts) -> i64 {
    InstrumentType::ALL
        .iter()
        .map(|&t| c.get(Measure::Instrument(t)))
        .sum()
}

fn small(v: i64, opts: &ChartOptions) -> bool {
    opts.suppress_small && (1..=4).contains(&v)
}

/// What every chart of one table, options and language starts from.
struct Basis<'a> {
    kind: ChartKind,
    table: &'a ProvinceYearTable,
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

    /// The chosen measure's count for a province and year.
    fn count(&self, p: Province, y: i32) -> i64 {
        self.table.get(p, y).get(self.opts.measure)
    }

    /// A count as a value, `None` where it is suppressed.
    fn count_value(&self, v: i64) -> Option<f64> {
        (!small(v, self.opts)).then_some(v as f64)
    }

    /// A ratio of two counts, `None` where the denominator is zero or either count is
    /// suppressed: a share or an average of a hidden count would give it away.
    fn ratio(&self, numerator: i64, denominator: i64, scale: f64) -> Option<f64> {
        (denominator > 0 && !small(numerator, self.opts) && !small(denominator, self.opts))
            .then(|| scale * numerator as f64 / denominator as f64)
    }

    /// Flanders' total of `get` per shown year, unplaced dossiers included; `None` where a
    /// province's or the unplaced count is hidden (the total would give it back).
    fn flanders(&self, get: impl Fn(&Counts) -> i64) -> Vec<Option<f64>> {
        self.years
            .iter()
            .map(|&y| {
                let unplaced = self.table.unplaced.get(&y).map_or(0, &get);
                let any_small = Province::ALL
                    .iter()
                    .map(|&p| get(&self.table.get(p, y)))
                    .chain([unplaced])
                    .any(|v| small(v, self.opts));
                (!any_small).then(|| get(&self.table.year_total(y)) as f64)
            })
            .collect()
    }

    /// One series per province, valued by `f` for each shown year.
    fn per_province(&self, f: impl Fn(Province, i32) -> Option<f64>) -> Vec<Series> {
        Province::ALL
            .iter()
            .map(|&p| Series {
                name: p.name().to_string(),
                province: Some(p),
                instrument: None,
                values: self.years.iter().map(|&y| f(p, y)).collect(),
            })
            .collect()
    }

    /// A chart over the years with these series; the rest is filled in by the caller.
    fn over_years(&self, title: String, y_label: String, series: Vec<Series>) -> ChartData {
        ChartData {
            kind: self.kind,
            title,
            x_label: x_label(self.kind, self.lang),
            y_label,
            categories: self.year_labels(),
            series,
            shape: Shape::GroupedBars,
            reference: None,
            percent: false,
            decimals: 0,
            flanders: Vec::new(),
            partial: None,
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
/// dossiers with their counts from 1 to 4 hidden: the slides and the workbook print it.
pub fn source_line(from_dossiers: bool, lang: Lang) -> String {
    if from_dossiers {
        lang.pick(
            "Bron: berekend uit de dossiers van de werkmap (aantallen van 1 tot 4 verborgen)",
            "Source: computed from the workspace's dossiers (counts from 1 to 4 hidden)",
        )
        .to_string()
    } else {
        crate::reference::published().source.get(lang).to_string()
    }
}

/// The six charts of `table` with `opts`, in slide order.
pub fn all(table: &ProvinceYearTable, opts: &ChartOptions, lang: Lang) -> Vec<ChartData> {
    ChartKind::ALL
        .iter()
        .map(|&k| chart(k, table, opts, lang))
        .collect()
}

/// The chart `kind` of `table` with `opts`, titled in `lang`.
pub fn chart(
    kind: ChartKind,
    table: &ProvinceYearTable,
    opts: &ChartOptions,
    lang: Lang,
) -> ChartData {
    let basis = Basis {
        kind,
        table,
        opts,
        lang,
        years: table
            .years()
            .into_iter()
            .filter(|&y| y <= opts.up_to)
            .collect(),
        measure: measure_name(opts.measure, lang),
    };
    match kind {
        ChartKind::PerProvince | ChartKind::OverYears => per_province_chart(&basis),
        ChartKind::InstrumentMix => instrument_mix_chart(&basis),
        ChartKind::PerTrajectory => per_trajectory_chart(&basis),
        ChartKind::ProvinceShare => province_share_chart(&basis),
        ChartKind::BvsUse => bvs_use_chart(&basis),
    }
}

/// A measure per province and year, as counts or shares of Flanders; bars or lines.
fn per_province_chart(b: &Basis<'_>) -> ChartData {
    let (lang, relative) = (b.lang, b.opts.relative);
    let series = b.per_province(|p, y| {
        let v = b.count(p, y);
        if relative {
            // A share of a hidden count would give it back, and so would the year's other
            // shares (they and it make 100%): one hidden count hides the year's shares.
            let any_hidden = Province::ALL.iter().any(|&q| small(b.count(q, y), b.opts));
            let total = b.table.year_total(y).get(b.opts.measure);
            (!any_hidden && total != 0).then(|| 100.0 * v as f64 / total as f64)
        } else {
            b.count_value(v)
        }
    });
    let flanders = if relative {
        Vec::new()
    } else {
        b.flanders(|c| c.get(b.opts.measure))
    };
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
            lang.pick("per provincie en startjaar", "per province and start year")
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
        flanders,
        ..b.over_years(title, y_label.to_string(), series)
    }
}

/// The instruments started per province over the shown years, stacked per kind.
fn instrument_mix_chart(b: &Basis<'_>) -> ChartData {
    let (lang, opts) = (b.lang, b.opts);
    let sums: Vec<Counts> = Province::ALL
        .iter()
        .map(|&p| b.years.iter().map(|&y| b.table.get(p, y)).sum::<Counts>())
        .collect();
    // A sum over the years with a hidden year in it would give that year back (the other
    // charts show the other years): it is hidden too, and so is a share built on it.
    let hides_a_year = |p: Province, t: InstrumentType| {
        b.years
            .iter()
            .any(|&y| small(b.table.get(p, y).get(Measure::Instrument(t)), opts))
    };
    let series = InstrumentType::ALL
        .iter()
        .map(|&t| Series {
            name: t.label(lang).to_string(),
            province: None,
            instrument: Some(t),
            values: sums
                .iter()
                .zip(Province::ALL)
                .map(|(c, p)| {
                    let v = c.get(Measure::Instrument(t));
                    let any_hidden = InstrumentType::ALL.iter().any(|&u| hides_a_year(p, u));
                    if opts.relative {
                        let all = instruments(c);
                        (!any_hidden && all != 0).then(|| 100.0 * v as f64 / all as f64)
                    } else if hides_a_year(p, t) {
                        None
                    } else {
                        b.count_value(v)
                    }
                })
                .collect(),
        })
        .collect();
    let span = match (b.years.first(), b.years.last()) {
        (Some(a), Some(z)) if a != z => format!("{a}–{z}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    ChartData {
        kind: b.kind,
        x_label: x_label(b.kind, lang),
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
        categories: Province::ALL.iter().map(|p| p.name().to_string()).collect(),
        series,
        shape: Shape::StackedBars,
        reference: None,
        percent: opts.relative,
        decimals: usize::from(opts.relative),
        flanders: Vec::new(),
        partial: None,
    }
}

/// Instruments started per started trajectory, against the target of two a year.
fn per_trajectory_chart(b: &Basis<'_>) -> ChartData {
    let lang = b.lang;
    let series = b.per_province(|p, y| {
        let c = b.table.get(p, y);
        b.ratio(instruments(&c), c.trajectories, 1.0)
    });
    ChartData {
        reference: Some((
            2.0,
            lang.pick("doel: minstens 2 per jaar", "target: at least 2 a year")
                .into(),
        )),
        decimals: 2,
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
    let lang = b.lang;
    let series = b.per_province(|p, y| {
        let total = b.table.year_total(y).get(b.opts.measure);
        // One hidden count hides the year's shares: the others' shares and counts would
        // give back the total, and with it the hidden count.
        let any_hidden = Province::ALL.iter().any(|&q| small(b.count(q, y), b.opts));
        if any_hidden {
            return None;
        }
        b.ratio(b.count(p, y), total, 100.0)
    });
    ChartData {
        shape: Shape::StackedBars,
        percent: true,
        decimals: 1,
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
    let (lang, relative) = (b.lang, b.opts.relative);
    let series = b.per_province(|p, y| {
        let c = b.table.get(p, y);
        if relative {
            b.ratio(c.bvs, c.trajectories, 100.0)
        } else {
            b.count_value(c.bvs)
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
        flanders: if relative {
            Vec::new()
        } else {
            b.flanders(|c| c.bvs)
        },
        ..b.over_years(title.into(), y_label.into(), series)
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
    /// These are the published figures: their partial year is marked (the one place that
    /// decides it, for the window, the slides and the deck).
    #[must_use]
    pub fn published(mut self) -> Self {
        let year = crate::reference::published().partial_year.to_string();
        self.partial = self.categories.iter().position(|c| *c == year);
        self
    }

    /// Whether category `c` is the published monitoring's partial year.
    pub fn is_partial(&self, c: usize) -> bool {
        self.partial == Some(c)
    }

    /// The room this chart's data takes; an animation holds its axes to the extent of the
    /// last frame so that they do not jump at each step.
    pub fn extent(&self) -> Extent {
        let (mut min, mut max) = (0.0_f64, 0.0_f64);
        match self.shape {
            Shape::StackedBars => {
                // Bars stack upward from zero; undefined parts count as nothing.
                for c in 0..self.categories.len() {
                    let total: f64 = self
                        .series
                        .iter()
                        .filter_map(|s| s.values.get(c).copied().flatten())
                        .sum();
                    min = min.min(total);
                    max = max.max(total);
                }
            }
            Shape::GroupedBars | Shape::Lines => {
                for v in self.series.iter().flat_map(|s| s.values.iter().flatten()) {
                    min = min.min(*v);
                    max = max.max(*v);
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

    /// Why the chart has nothing to show, if so: no value but zeros, and a count hidden
    /// (with nothing hidden, zeros are figures and are drawn). The window's slide and the
    /// deck's page then say this instead of drawing an empty chart.
    pub fn nothing_to_show(&self, lang: Lang, suppressed: bool) -> Option<&'static str> {
        let values = || self.series.iter().flat_map(|s| s.values.iter());
        let any = values().flatten().any(|&v| v != 0.0);
        let any_hidden = suppressed && values().any(Option::is_none);
        (!any && any_hidden).then(|| too_few(lang))
    }

    /// A value as the table and tooltips show it: Dutch or English digits, "<5" where
    /// suppressed, "–" where undefined.
    pub fn format(&self, value: Option<f64>, lang: Lang) -> String {
        match value {
            None => "–".to_string(),
            Some(v) if self.decimals == 0 => lang::number(v.round() as i64, lang),
            Some(v) => {
                let text = format!("{v:.*}", self.decimals);
                let text = if lang == Lang::Nl {
                    text.replace('.', ",")
                } else {
                    text
                };
                if self.percent {
                    format!("{text}%")
                } else {
                    text
                }
            }
        }
    }

    /// The text of the table's cell for series `s` and category `c`. A suppressed small count
    /// shows "<5".
    pub fn cell(&self, s: usize, c: usize, lang: Lang, suppressed_small: bool) -> String {
        match self.series.get(s).and_then(|x| x.values.get(c)) {
            Some(None) if suppressed_small && self.decimals == 0 => "<5".to_string(),
            Some(v) => self.format(*v, lang),
            None => String::new(),
        }
    }

    /// The totals row and column of the chart's table, as the seed prints them ("Totaal per
    /// jaar", "Totaal"): per category, per series and overall. Only for charts that count
    /// (no shares, no ratios); a total with a hidden part is not given (`None`), so that no
    /// hidden count can be worked out from it.
    pub fn totals(&self) -> Option<Totals> {
        fn sum(mut values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
            values.try_fold(0.0, |acc, v| v.map(|v| acc + v))
        }
        if self.percent || self.decimals > 0 {
            return None;
        }
        let per_category: Vec<Option<f64>> = (0..self.categories.len())
            .map(|c| {
                sum(self
                    .series
                    .iter()
                    .map(|s| s.values.get(c).copied().flatten()))
            })
            .collect();
        let per_series: Vec<Option<f64>> = self
            .series
            .iter()
            .map(|s| sum(s.values.iter().copied()))
            .collect();
        let grand = sum(per_category.iter().copied());
        Some(Totals {
            per_category,
            per_series,
            grand,
        })
    }

    /// The chart's numbers as CSV: a row per series, a column per category. Plain digits
    /// (no thousands separators) so that spreadsheets read them.
    pub fn to_csv(&self, suppressed_small: bool) -> String {
        let mut header = vec!["series".to_string()];
        header.extend(self.categories.iter().cloned());
        let rows = self.series.iter().map(|s| {
            let mut record = vec![s.name.clone()];
            record.extend(s.values.iter().map(|v| match v {
                Some(v) if self.decimals == 0 => format!("{}", v.round() as i64),
                Some(v) => format!("{v:.*}", self.decimals),
                None if suppressed_small => "<5".to_string(),
                None => String::new(),
            }));
            record
        });
        super::csv_text(std::iter::once(header).chain(rows))
    }
}

#[cfg(test)]
mod tests;

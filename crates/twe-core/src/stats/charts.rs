//! The charts of the statistics view and the slides, as data: what a chart shows, in which
//! order, with which title, so that the window, the exports and the tests share it.

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

    /// The key number of a chart and the sentence that says what it shows, from its data.
    ///
    /// Over the years: the last year with figures, the province with the largest value (ties
    /// named together), for counts its part of the year's total, for a target how many
    /// provinces reach it. The instrument mix: the province with the most and the largest
    /// part. Never a claim a hidden count could make false: with counts under 5 hidden, a
    /// largest shown count of 5 or more is the largest; anything else is said of the
    /// provinces shown, or not at all.
    pub fn headline(&self, lang: Lang, suppressed: bool) -> (String, String) {
        if self.kind == ChartKind::InstrumentMix {
            return self.mix_headline(lang, suppressed);
        }
        let counts = !self.percent && self.decimals == 0;
        let value = |k: usize, c: usize| self.series[k].values.get(c).copied().flatten();
        let hidden = |c: usize| {
            suppressed
                && self
                    .series
                    .iter()
                    .any(|s| s.values.get(c).is_some_and(Option::is_none))
        };
        // What a year can tell: its shown values, with the largest, unless a hidden count
        // may be larger (a shown 0 beside a hidden one) or there is nothing but zeros.
        let tell = |c: usize| -> Option<(Vec<(usize, f64)>, f64)> {
            let visible: Vec<(usize, f64)> = (0..self.series.len())
                .filter_map(|k| value(k, c).map(|v| (k, v)))
                .collect();
            let max = visible
                .iter()
                .map(|&(_, v)| v)
                .fold(f64::NEG_INFINITY, f64::max);
            let told = !visible.is_empty()
                && visible.iter().any(|&(_, v)| v != 0.0)
                && !(hidden(c) && counts && max < 5.0);
            told.then_some((visible, max))
        };
        // The last year that can be told.
        let Some((c, (visible, max))) = (0..self.categories.len())
            .rev()
            .find_map(|c| tell(c).map(|t| (c, t)))
        else {
            return ("—".into(), self.nothing_said(lang, suppressed));
        };
        let number = self.format(Some(max), lang);
        // Equal as printed: the same figure twice is a tie.
        let leaders: Vec<&str> = visible
            .iter()
            .filter(|&&(_, v)| self.format(Some(v), lang) == number)
            .map(|&(k, _)| self.series[k].name.as_str())
            .collect();
        let names = lang::list(&leaders, lang);
        let many = leaders.len() > 1;
        let when = format!(
            "{} {}{}",
            lang.pick("In", "In"),
            self.categories[c],
            if self.is_partial(c) {
                lang.pick(" (deel van het jaar)", " (part of the year)")
            } else {
                ""
            }
        );
        let each = if many { lang.pick(" elk", " each") } else { "" };
        let sentence = if counts {
            // Of Flanders' total (the dossiers of an unknown OCMW included), where no hidden
            // count is part of it.
            let share = self
                .flanders
                .get(c)
                .copied()
                .flatten()
                .filter(|&t| t > 0.0)
                .map_or_else(String::new, |t| {
                    format!(
                        "{} {} {} ({}%)",
                        if many { "," } else { "" },
                        lang.pick("van", "of"),
                        self.format(Some(t), lang),
                        (100.0 * max / t).round()
                    )
                });
            let verb = if many {
                lang.pick("hebben het meest", "have the most")
            } else {
                lang.pick("heeft het meest", "has the most")
            };
            format!("{when}: {names} {verb}, {number}{each}{share}.")
        } else {
            let verb = if many {
                lang.pick("staan het hoogst", "are highest")
            } else {
                lang.pick("staat het hoogst", "is highest")
            };
            // With a province hidden, the highest of those shown is all that can be said.
            let shown = if hidden(c) {
                lang.pick(" van de getoonde provincies", " of the provinces shown")
            } else {
                ""
            };
            let unit = if self.percent {
                String::new()
            } else {
                format!(" ({})", self.y_label)
            };
            let target = self
                .reference
                .as_ref()
                .map_or_else(String::new, |&(goal, _)| {
                    let reach = visible.iter().filter(|&&(_, v)| v >= goal).count();
                    let (nl, en) = if reach == 1 {
                        ("provincies haalt het doel", "provinces reaches the target")
                    } else {
                        ("provincies halen het doel", "provinces reach the target")
                    };
                    format!(
                        "; {reach} {} {} {} ({})",
                        lang.pick("van de", "of"),
                        visible.len(),
                        lang.pick(nl, en),
                        self.format(Some(goal), lang)
                    )
                });
            format!(
                "{when}: {names} {verb}{shown}, {} {number}{each}{unit}{target}.",
                lang.pick("met", "at")
            )
        };
        (number, sentence)
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

    /// What the headline says when no year can be told: too few dossiers where counts are
    /// hidden, else that there are no figures.
    fn nothing_said(&self, lang: Lang, suppressed: bool) -> String {
        let any_hidden = suppressed
            && self
                .series
                .iter()
                .any(|s| s.values.iter().any(Option::is_none));
        if any_hidden {
            too_few(lang).to_string()
        } else {
            lang.pick(
                "Geen cijfers voor deze jaren.",
                "No figures for these years.",
            )
            .to_string()
        }
    }

    /// The instrument mix's headline: the province with the most instruments and the kind
    /// that is the largest part of all (counts), or the largest part anywhere (shares).
    fn mix_headline(&self, lang: Lang, suppressed: bool) -> (String, String) {
        use std::fmt::Write as _;
        if self.percent {
            let best = self
                .series
                .iter()
                .enumerate()
                .flat_map(|(k, s)| {
                    s.values
                        .iter()
                        .enumerate()
                        .filter_map(move |(c, v)| v.map(|v| (k, c, v)))
                })
                .max_by(|a, b| a.2.total_cmp(&b.2));
            let Some((k, c, v)) = best else {
                return ("—".into(), self.nothing_said(lang, suppressed));
            };
            let number = self.format(Some(v), lang);
            return (
                number.clone(),
                format!(
                    "{} {}: {} {} {number}.",
                    lang.pick("In", "In"),
                    self.categories[c],
                    self.series[k].name,
                    lang.pick("is het grootste deel, met", "is the largest part, at"),
                ),
            );
        }
        let Some(totals) = self.totals() else {
            return ("—".into(), self.nothing_said(lang, suppressed));
        };
        let best = totals
            .per_category
            .iter()
            .enumerate()
            .filter_map(|(c, t)| t.filter(|&t| t > 0.0).map(|t| (c, t)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((_, most)) = best else {
            return ("—".into(), self.nothing_said(lang, suppressed));
        };
        // A hidden province may hide any number: the most is then said of those shown.
        let some_hidden = totals.per_category.iter().any(Option::is_none);
        let number = self.format(Some(most), lang);
        // Equal as printed: the same figure twice is a tie.
        let leaders: Vec<&str> = totals
            .per_category
            .iter()
            .enumerate()
            .filter(|&(_, t)| t.is_some_and(|t| self.format(Some(t), lang) == number))
            .filter_map(|(c, _)| self.categories.get(c).map(String::as_str))
            .collect();
        let names = lang::list(&leaders, lang);
        let many = leaders.len() > 1;
        let each = if many { lang.pick(" elk", " each") } else { "" };
        let mut sentence = match (lang, some_hidden) {
            (Lang::Nl, true) => format!(
                "Van de getoonde provincies {} {names} het meest: {number}{each}",
                if many { "hebben" } else { "heeft" }
            ),
            (Lang::Nl, false) => format!(
                "{names} {} het meest: {number}{each}",
                if many { "hebben" } else { "heeft" }
            ),
            (Lang::En, true) => format!(
                "Of the provinces shown, {names} {} the most: {number}{each}",
                if many { "have" } else { "has" }
            ),
            (Lang::En, false) => format!(
                "{names} {} the most: {number}{each}",
                if many { "have" } else { "has" }
            ),
        };
        if let Some(grand) = totals.grand.filter(|&g| g > 0.0) {
            let part = totals
                .per_series
                .iter()
                .enumerate()
                .filter_map(|(k, t)| t.map(|t| (k, t)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            // Writing to a String cannot fail.
            let _ = write!(
                sentence,
                "{} {} {} ({}%)",
                if many { "," } else { "" },
                lang.pick("van", "of"),
                self.format(Some(grand), lang),
                (100.0 * most / grand).round()
            );
            if let Some((k, t)) = part {
                let _ = write!(
                    sentence,
                    "; {} {} {}%",
                    self.series[k].name,
                    lang.pick("is het grootste deel,", "is the largest part,"),
                    (100.0 * t / grand).round()
                );
            }
        }
        sentence.push('.');
        (number, sentence)
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
mod tests {
    use super::*;
    use crate::reference::published;

    fn opts() -> ChartOptions {
        ChartOptions {
            measure: Measure::Trajectories,
            up_to: 2021,
            relative: false,
            suppress_small: false,
        }
    }

    #[test]
    #[expect(
        clippy::float_cmp,
        reason = "the extent copies values; it computes none"
    )]
    fn extent_covers_every_value_stack_and_reference() {
        let t = ProvinceYearTable::from_published(published());
        let per = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl);
        let e = per.extent();
        assert_eq!(e.categories, per.categories.len());
        assert_eq!(e.min, 0.0);
        // Antwerpen 2018 is the highest published count.
        let highest = per
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .fold(0.0_f64, |a, &b| a.max(b));
        assert_eq!(e.max, highest);
        // Stacked shares reach 100 per year, not the largest part.
        let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
        assert_eq!(share.shape, Shape::StackedBars);
        assert!((share.extent().max - 100.0).abs() < 1e-9);
        // The target line of two instruments a trajectory is inside even where no value is.
        let mut per_traj = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::Nl);
        for s in &mut per_traj.series {
            s.values.iter_mut().for_each(|v| *v = Some(1.0));
        }
        assert_eq!(per_traj.extent().max, 2.0);
        // A difference can be negative.
        per_traj.series[0].values[0] = Some(-3.0);
        assert_eq!(per_traj.extent().min, -3.0);
        // Earlier years fit inside the extent of all years: the animation's axes hold.
        let early = chart(
            ChartKind::PerProvince,
            &t,
            &ChartOptions {
                up_to: 2018,
                ..opts()
            },
            Lang::Nl,
        );
        assert!(early.extent().max <= e.max && early.extent().categories <= e.categories);
    }

    #[test]
    fn the_title_follows_the_measure() {
        let t = ProvinceYearTable::from_published(published());
        let a = chart(ChartKind::PerProvince, &t, &opts(), Lang::En);
        let b = chart(
            ChartKind::PerProvince,
            &t,
            &ChartOptions {
                measure: Measure::Instrument(InstrumentType::Wes),
                ..opts()
            },
            Lang::En,
        );
        assert_eq!(a.title, "Started trajectories per province and start year");
        assert_eq!(b.title, "Started WES per province and start year");
        assert_eq!(a.cell(0, 0, Lang::Nl, false), "2.772");
    }

    #[test]
    fn per_trajectory_has_the_target_line_and_shares_sum_to_100() {
        let t = ProvinceYearTable::from_published(published());
        let per = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::Nl);
        assert_eq!(per.reference.as_ref().map(|r| r.0), Some(2.0));
        // Antwerpen 2017: (87 + 2570 + 473 + 54 + 63) / 2772.
        let v = per.series[0].values[0].unwrap();
        assert!((v - 3247.0 / 2772.0).abs() < 1e-9);
        let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
        for c in 0..share.categories.len() {
            let sum: f64 = share.series.iter().filter_map(|s| s.values[c]).sum();
            assert!((sum - 100.0).abs() < 1e-9);
        }
    }

    #[test]
    fn the_year_slider_limits_the_years_and_csv_matches_the_table() {
        let t = ProvinceYearTable::from_published(published());
        let c = chart(
            ChartKind::PerProvince,
            &t,
            &ChartOptions {
                up_to: 2019,
                ..opts()
            },
            Lang::Nl,
        );
        assert_eq!(c.categories, vec!["2017", "2018", "2019"]);
        let csv = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl).to_csv(false);
        assert_eq!(csv.lines().next(), Some("series,2017,2018,2019,2020,2021"));
        assert_eq!(
            csv.lines().nth(1),
            Some("Antwerpen,2772,2853,2789,2108,1004")
        );
    }

    #[test]
    fn small_counts_are_suppressed_when_asked() {
        let t = ProvinceYearTable::from_published(published());
        let o = ChartOptions {
            measure: Measure::Instrument(InstrumentType::Wes),
            suppress_small: true,
            ..opts()
        };
        let c = chart(ChartKind::PerProvince, &t, &o, Lang::Nl);
        // Limburg 2018: 5 WES stays; Limburg 2020: 3 WES becomes <5.
        assert_eq!(c.cell(1, 1, Lang::Nl, true), "5");
        assert_eq!(c.cell(1, 3, Lang::Nl, true), "<5");
        assert!(c.to_csv(true).contains("Limburg,17,5,6,<5,<5"));
    }

    /// The key number and the sentence come from the data: the largest value of the last
    /// year shown, its series named; with every value hidden, the slide says why.
    #[test]
    fn the_headline_is_computed_from_the_data() {
        let t = ProvinceYearTable::from_published(published());
        let c = chart(ChartKind::PerProvince, &t, &opts(), Lang::En).published();
        let (number, sentence) = c.headline(Lang::En, false);
        assert_eq!(number, "1,004");
        // The issue's own example: Antwerpen started 48% of the year's trajectories.
        assert_eq!(
            sentence,
            "In 2021 (part of the year): Antwerpen has the most, 1,004 of 2,102 (48%)."
        );
        let earlier = ChartOptions {
            up_to: 2018,
            ..opts()
        };
        let c = chart(ChartKind::PerProvince, &t, &earlier, Lang::Nl);
        let (number, sentence) = c.headline(Lang::Nl, false);
        assert!(sentence.starts_with("In 2018: Antwerpen"), "{sentence}");
        assert_eq!(number, lang::number(2853, Lang::Nl));
        let mut hidden = c.clone();
        for s in &mut hidden.series {
            s.values.iter_mut().for_each(|v| *v = None);
        }
        assert_eq!(hidden.headline(Lang::En, true).0, "—");
        assert!(
            hidden
                .headline(Lang::En, true)
                .1
                .starts_with("Too few dossiers")
        );
    }

    /// A chart of `values` per province (rows) over 2025 and 2026 (columns).
    fn over_two_years(values: [[Option<f64>; 2]; 5], kind: ChartKind) -> ChartData {
        let t = ProvinceYearTable::from_published(published());
        let mut c = chart(kind, &t, &opts(), Lang::En);
        c.categories = vec!["2025".into(), "2026".into()];
        for (s, v) in c.series.iter_mut().zip(values) {
            s.values = v.to_vec();
        }
        // Flanders' totals as the chart's own: the provinces' sums, none with a hidden part.
        c.flanders = (0..2)
            .map(|y| values.iter().map(|v| v[y]).sum::<Option<f64>>())
            .collect();
        if c.percent || c.decimals > 0 {
            c.flanders.clear();
        }
        c
    }

    /// What the headline never claims: the most when a hidden count may be larger, a
    /// province as the most when it ties, a year that is all zeros.
    #[test]
    fn the_headline_claims_nothing_a_hidden_count_could_make_false() {
        let (z, h) = (Some(0.0), None);
        // One Antwerpen dossier in 2026, hidden; the others 0: nobody "has the most, 0".
        let c = over_two_years(
            [[z, h], [z, z], [z, z], [z, z], [z, z]],
            ChartKind::PerProvince,
        );
        let (number, sentence) = c.headline(Lang::En, true);
        assert_eq!(number, "—");
        assert!(sentence.starts_with("Too few dossiers"), "{sentence}");
        // A shown 7 is the most even with a hidden count beside it (that one is under 5).
        let c = over_two_years(
            [[z, h], [z, Some(7.0)], [z, z], [z, z], [z, z]],
            ChartKind::PerProvince,
        );
        let (number, sentence) = c.headline(Lang::En, true);
        assert_eq!(number, "7");
        assert_eq!(sentence, "In 2026: Limburg has the most, 7.");
        // A year of zeros says nothing: the year before is told.
        let c = over_two_years(
            [
                [Some(9.0), z],
                [Some(9.0), z],
                [z, z],
                [Some(3.0), z],
                [z, z],
            ],
            ChartKind::PerProvince,
        );
        let (_, sentence) = c.headline(Lang::Nl, false);
        assert_eq!(
            sentence,
            "In 2025: Antwerpen en Limburg hebben het meest, 9 elk, van 21 (43%)."
        );
        // A last year too small to tell: the year before is told, under its chart.
        let c = over_two_years(
            [[Some(7.0), h], [Some(7.0), z], [z, z], [z, z], [z, z]],
            ChartKind::PerProvince,
        );
        let (number, sentence) = c.headline(Lang::En, true);
        assert_eq!(number, "7");
        assert_eq!(
            sentence,
            "In 2025: Antwerpen and Limburg have the most, 7 each, of 14 (50%)."
        );
        assert_eq!(c.nothing_to_show(Lang::En, true), None);
        // Dossiers of an unknown OCMW count in Flanders' total, as in the shares' chart.
        let mut c = over_two_years(
            [[z, Some(10.0)], [z, z], [z, z], [z, z], [z, z]],
            ChartKind::PerProvince,
        );
        c.flanders[1] = Some(100.0);
        assert_eq!(
            c.headline(Lang::En, false).1,
            "In 2026: Antwerpen has the most, 10 of 100 (10%)."
        );
        // Zeros with nothing hidden are figures (drawn), not "too few dossiers".
        let c = over_two_years([[z, z]; 5], ChartKind::PerProvince);
        assert_eq!(c.nothing_to_show(Lang::En, true), None);
        let c = over_two_years([[z, h]; 5], ChartKind::PerProvince);
        assert!(c.nothing_to_show(Lang::En, true).is_some());
        assert_eq!(c.nothing_to_show(Lang::En, false), None);
        // Nothing at all.
        let c = over_two_years([[z, z]; 5], ChartKind::PerProvince);
        assert_eq!(
            c.headline(Lang::En, false),
            ("—".into(), "No figures for these years.".into())
        );
        // A ratio with a hidden province is said of the provinces shown, with the target.
        let c = over_two_years(
            [
                [z, Some(2.5)],
                [z, h],
                [z, Some(1.5)],
                [z, Some(2.0)],
                [z, Some(0.5)],
            ],
            ChartKind::PerTrajectory,
        );
        let (number, sentence) = c.headline(Lang::En, true);
        assert_eq!(number, "2.50");
        assert_eq!(
            sentence,
            "In 2026: Antwerpen is highest of the provinces shown, at 2.50 (instruments per \
             trajectory); 2 of 4 provinces reach the target (2.00)."
        );
    }

    /// The instrument mix tells the province with the most and the largest part, not the
    /// last province's largest kind.
    #[test]
    fn the_mix_headline_names_the_province_with_the_most() {
        let t = ProvinceYearTable::from_published(published());
        let c = chart(ChartKind::InstrumentMix, &t, &opts(), Lang::En);
        let totals = c.totals().unwrap();
        let most = totals.per_category[0].unwrap();
        assert!(totals.per_category.iter().all(|t| t.unwrap() <= most));
        let (number, sentence) = c.headline(Lang::En, false);
        assert_eq!(number, lang::number(most as i64, Lang::En));
        assert!(
            sentence.starts_with(&format!("Antwerpen has the most: {number} of ")),
            "{sentence}"
        );
        assert!(
            sentence.contains("; art. 60§7 employment is the largest part,"),
            "{sentence}"
        );
        // Ties are named together; with a province hidden, the most is of those shown.
        let mut tie = c.clone();
        for (k, s) in tie.series.iter_mut().enumerate() {
            let v = if k == 1 { 5.0 } else { 0.0 };
            s.values = vec![Some(v), Some(v), Some(0.0), Some(0.0), Some(0.0)];
        }
        assert_eq!(
            tie.headline(Lang::En, false).1,
            "Antwerpen and Limburg have the most: 5 each, of 10 (50%); art. 60§7 employment \
             is the largest part, 100%."
        );
        tie.series[0].values[4] = None;
        assert_eq!(
            tie.headline(Lang::Nl, true).1,
            "Van de getoonde provincies hebben Antwerpen en Limburg het meest: 5 elk."
        );
        // Shares: the largest part anywhere.
        let shares = chart(
            ChartKind::InstrumentMix,
            &t,
            &ChartOptions {
                relative: true,
                ..opts()
            },
            Lang::En,
        );
        let (_, sentence) = shares.headline(Lang::En, false);
        assert!(
            sentence.contains(": art. 60§7 employment is the largest part, at "),
            "{sentence}"
        );
    }

    /// The totals row is the seed's "Totaal per jaar" and the grand total its "Totaal";
    /// no totals for shares; a hidden count hides the totals it is part of.
    #[test]
    fn the_totals_are_the_seeds() {
        let p = published();
        let t = ProvinceYearTable::from_published(p);
        let c = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl);
        let totals = c.totals().unwrap();
        for (k, year) in c.categories.iter().enumerate() {
            let printed = p
                .year_totals
                .iter()
                .find(|y| y.year.to_string() == *year)
                .unwrap();
            assert_eq!(
                totals.per_category[k],
                Some(printed.counts.trajectories as f64)
            );
        }
        assert_eq!(totals.grand, Some(p.grand_total.trajectories as f64));
        let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
        assert!(share.totals().is_none());
        let mut hidden = c.clone();
        hidden.series[1].values[3] = None;
        let h = hidden.totals().unwrap();
        assert_eq!(h.per_category[3], None);
        assert_eq!(h.per_series[1], None);
        assert_eq!(h.grand, None);
        assert_eq!(h.per_category[2], totals.per_category[2]);
    }

    /// A share or a ratio of a small count is hidden like the count, so it cannot be worked
    /// back from (3 of 13 trajectories, shown as 23.1%, is 3).
    #[test]
    fn shares_and_ratios_of_small_counts_are_hidden() {
        let mut t = ProvinceYearTable::default();
        for (p, n, art60) in [(Province::Antwerpen, 3, 9), (Province::Limburg, 10, 12)] {
            t.cells.insert(
                (p, 2020),
                Counts {
                    trajectories: n,
                    art60,
                    ..Counts::default()
                },
            );
        }
        let o = ChartOptions {
            up_to: 2020,
            suppress_small: true,
            ..opts()
        };
        let share = chart(ChartKind::ProvinceShare, &t, &o, Lang::En);
        let at = share.categories.iter().position(|c| c == "2020").unwrap();
        assert_eq!(share.series[0].values[at], None, "Antwerpen's share of 3");
        assert_eq!(
            share.series[1].values[at], None,
            "Limburg's 10 of 13 would give the 3 back"
        );
        let per = chart(ChartKind::PerTrajectory, &t, &o, Lang::En);
        let at = per.categories.iter().position(|c| c == "2020").unwrap();
        assert_eq!(
            per.series[0].values[at], None,
            "9 instruments over 3 trajectories"
        );
        assert!(per.series[1].values[at].is_some());
    }

    /// The instrument mix sums the years: a sum with a hidden year in it is hidden too, so
    /// the year cannot be worked back from the other charts.
    #[test]
    fn the_mix_hides_a_sum_with_a_hidden_year() {
        let mut t = ProvinceYearTable::default();
        for (y, wes) in [(2019, 10), (2020, 3), (2021, 6)] {
            t.cells.insert(
                (Province::Limburg, y),
                Counts {
                    trajectories: 20,
                    wes,
                    art60: 20,
                    ..Counts::default()
                },
            );
        }
        let o = ChartOptions {
            up_to: 2021,
            suppress_small: true,
            ..opts()
        };
        let mix = chart(ChartKind::InstrumentMix, &t, &o, Lang::En);
        let wes = mix
            .series
            .iter()
            .find(|s| s.instrument == Some(InstrumentType::Wes))
            .unwrap();
        let limburg = mix.categories.iter().position(|c| c == "Limburg").unwrap();
        assert_eq!(
            wes.values[limburg], None,
            "19 = 10 + 3 + 6 would give the 3 back"
        );
        let art60 = mix
            .series
            .iter()
            .find(|s| s.instrument == Some(InstrumentType::Art60))
            .unwrap();
        assert_eq!(art60.values[limburg], Some(60.0));
    }
}

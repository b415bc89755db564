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

/// The chart `kind` of `table` with `opts`, titled in `lang`.
pub fn chart(
    kind: ChartKind,
    table: &ProvinceYearTable,
    opts: &ChartOptions,
    lang: Lang,
) -> ChartData {
    let years: Vec<i32> = table
        .years()
        .into_iter()
        .filter(|&y| y <= opts.up_to)
        .collect();
    let year_labels: Vec<String> = years.iter().map(i32::to_string).collect();
    let measure = measure_name(opts.measure, lang);
    let count = |p: Province, y: i32| table.get(p, y).get(opts.measure);
    let count_value = |v: i64| (!small(v, opts)).then_some(v as f64);
    let per_province = |f: &dyn Fn(Province, i32) -> Option<f64>| -> Vec<Series> {
        Province::ALL
            .iter()
            .map(|&p| Series {
                name: p.name().to_string(),
                province: Some(p),
                instrument: None,
                values: years.iter().map(|&y| f(p, y)).collect(),
            })
            .collect()
    };
    match kind {
        ChartKind::PerProvince | ChartKind::OverYears => {
            let relative = opts.relative;
            let series = per_province(&|p, y| {
                let v = count(p, y);
                if relative {
                    let total = table.year_total(y).get(opts.measure);
                    (total != 0).then(|| 100.0 * v as f64 / total as f64)
                } else {
                    count_value(v)
                }
            });
            ChartData {
                kind,
                x_label: x_label(kind, lang),
                title: format!(
                    "{measure} {}",
                    lang.pick("per provincie en startjaar", "per province and start year")
                ),
                y_label: if relative {
                    lang.pick("% van Vlaanderen", "% of Flanders").to_string()
                } else {
                    lang.pick("aantal", "number").to_string()
                },
                categories: year_labels,
                series,
                shape: if kind == ChartKind::PerProvince {
                    Shape::GroupedBars
                } else {
                    Shape::Lines
                },
                reference: None,
                percent: relative,
                decimals: if relative { 1 } else { 0 },
            }
        }
        ChartKind::InstrumentMix => {
            let sums: Vec<Counts> = Province::ALL
                .iter()
                .map(|&p| years.iter().map(|&y| table.get(p, y)).sum::<Counts>())
                .collect();
            let series = InstrumentType::ALL
                .iter()
                .map(|&t| Series {
                    name: t.label(lang).to_string(),
                    province: None,
                    instrument: Some(t),
                    values: sums
                        .iter()
                        .map(|c| {
                            let v = c.get(Measure::Instrument(t));
                            if opts.relative {
                                let all = instruments(c);
                                (all != 0).then(|| 100.0 * v as f64 / all as f64)
                            } else {
                                count_value(v)
                            }
                        })
                        .collect(),
                })
                .collect();
            let span = match (years.first(), years.last()) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            };
            ChartData {
                kind,
                x_label: x_label(kind, lang),
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
                decimals: if opts.relative { 1 } else { 0 },
            }
        }
        ChartKind::PerTrajectory => {
            let series = per_province(&|p, y| {
                let c = table.get(p, y);
                (c.trajectories > 0).then(|| instruments(&c) as f64 / c.trajectories as f64)
            });
            ChartData {
                kind,
                x_label: x_label(kind, lang),
                title: lang
                    .pick(
                        "Gestarte instrumenten per opgestart traject",
                        "Instruments started per started trajectory",
                    )
                    .to_string(),
                y_label: lang
                    .pick("instrumenten per traject", "instruments per trajectory")
                    .into(),
                categories: year_labels,
                series,
                shape: Shape::GroupedBars,
                reference: Some((
                    2.0,
                    lang.pick("doel: minstens 2 per jaar", "target: at least 2 a year")
                        .into(),
                )),
                percent: false,
                decimals: 2,
            }
        }
        ChartKind::ProvinceShare => {
            let series = per_province(&|p, y| {
                let total = table.year_total(y).get(opts.measure);
                (total != 0).then(|| 100.0 * count(p, y) as f64 / total as f64)
            });
            ChartData {
                kind,
                x_label: x_label(kind, lang),
                title: format!(
                    "{measure}: {}",
                    lang.pick("aandeel van elke provincie", "each province's share")
                ),
                y_label: lang.pick("% van Vlaanderen", "% of Flanders").into(),
                categories: year_labels,
                series,
                shape: Shape::StackedBars,
                reference: None,
                percent: true,
                decimals: 1,
            }
        }
        ChartKind::BvsUse => {
            let relative = opts.relative;
            let series = per_province(&|p, y| {
                let c = table.get(p, y);
                if relative {
                    (c.trajectories > 0).then(|| 100.0 * c.bvs as f64 / c.trajectories as f64)
                } else {
                    count_value(c.bvs)
                }
            });
            ChartData {
                kind,
                x_label: x_label(kind, lang),
                title: if relative {
                    lang.pick(
                        "BVS per 100 opgestarte trajecten",
                        "BVS per 100 started trajectories",
                    )
                    .into()
                } else {
                    lang.pick("Gestarte BVS per provincie", "BVS started per province")
                        .into()
                },
                y_label: if relative {
                    lang.pick("per 100 trajecten", "per 100 trajectories")
                        .into()
                } else {
                    lang.pick("aantal", "number").into()
                },
                categories: year_labels,
                series,
                shape: Shape::Lines,
                reference: None,
                percent: false,
                decimals: if relative { 1 } else { 0 },
            }
        }
    }
}

impl ChartData {
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

    /// The chart's numbers as CSV: a row per series, a column per category. Plain digits
    /// (no thousands separators) so that spreadsheets read them.
    pub fn to_csv(&self, suppressed_small: bool) -> String {
        let mut out = String::from("series");
        for c in &self.categories {
            out.push(',');
            out.push_str(&csv_field(c));
        }
        out.push('\n');
        for s in &self.series {
            out.push_str(&csv_field(&s.name));
            for v in &s.values {
                out.push(',');
                match v {
                    Some(v) if self.decimals == 0 => out.push_str(&format!("{}", v.round() as i64)),
                    Some(v) => out.push_str(&format!("{v:.*}", self.decimals)),
                    None if suppressed_small => out.push_str("<5"),
                    None => {}
                }
            }
            out.push('\n');
        }
        out
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
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
}

//! A chart's headline: its key number and the sentence that says what the chart shows. The
//! facts come first, from the data alone ([`ChartData::headline_facts`]): what can be told
//! and what a hidden count could never make false. Their wording in a language is apart
//! ([`Headline::words`]), so that the slides, the deck and the tests read the same facts.

use super::{ChartData, ChartKind, too_few};
use crate::lang::{self, Lang};
use std::fmt::Write as _;

/// What a chart's data bears out, in no language.
#[derive(Clone, Debug, PartialEq)]
pub enum Headline {
    /// No year can be told: `too_few` where counts from 1 to 4 are hidden, else there are
    /// no figures.
    Nothing {
        /// Whether hidden counts are why.
        too_few: bool,
    },
    /// Over the years: the series with the largest value in the last year that can be told.
    Leading(Leading),
    /// The instrument mix as shares: the largest part anywhere.
    LargestPart {
        /// The category (province) it is in.
        category: usize,
        /// The series (instrument) it is.
        series: usize,
        /// The share.
        value: f64,
    },
    /// The instrument mix as counts: the province(s) with the most instruments.
    MostInstruments(MostInstruments),
}

/// The leaders of the last year that can be told.
#[derive(Clone, Debug, PartialEq)]
pub struct Leading {
    /// The year (category).
    pub category: usize,
    /// The series with the largest value, equal as printed (a tie names several).
    pub leaders: Vec<usize>,
    /// That value.
    pub value: f64,
    /// What more can be told of it.
    pub told: Told,
}

/// What more the leaders' value tells.
#[derive(Clone, Debug, PartialEq)]
pub enum Told {
    /// A count: its part of Flanders' total, where no hidden count is part of that.
    Count {
        /// Flanders' total that year.
        total: Option<f64>,
    },
    /// A ratio or share: whether only the provinces shown are compared (one is hidden),
    /// and how many reach the chart's target, if it has one.
    Value {
        /// Whether a province is hidden that year.
        of_shown: bool,
        /// The target reached, if the chart has one.
        target: Option<Target>,
    },
}

/// How many provinces shown reach a target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// How many reach it.
    pub reach: usize,
    /// Of how many shown.
    pub shown: usize,
    /// The target.
    pub goal: f64,
}

/// The province(s) with the most instruments, and what part they are.
#[derive(Clone, Debug, PartialEq)]
pub struct MostInstruments {
    /// The categories (provinces) with the most, equal as printed.
    pub leaders: Vec<usize>,
    /// That many instruments.
    pub most: f64,
    /// Whether a province is hidden: the most is then the most of those shown.
    pub of_shown: bool,
    /// All instruments, where none is hidden.
    pub grand: Option<f64>,
    /// The kind that is the largest part of all, and how many.
    pub largest_part: Option<(usize, f64)>,
}

impl ChartData {
    /// The facts of the headline: over the years, the last year with figures, the province
    /// with the largest value (ties together), for counts its part of the year's total, for
    /// a target how many provinces reach it; the instrument mix, the province with the most
    /// and the largest part. Never a claim a hidden count could make false: with counts
    /// under 5 hidden, a largest shown count of 5 or more is the largest; anything else is
    /// said of the provinces shown, or not at all.
    pub fn headline_facts(&self, suppressed: bool) -> Headline {
        if self.kind == ChartKind::InstrumentMix {
            return self.mix_facts(suppressed);
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
            return self.nothing(suppressed);
        };
        let leaders = visible
            .iter()
            .filter(|&&(_, v)| self.same_as_printed(v, max))
            .map(|&(k, _)| k)
            .collect();
        let told = if counts {
            Told::Count {
                total: self.flanders.get(c).copied().flatten().filter(|&t| t > 0.0),
            }
        } else {
            Told::Value {
                of_shown: hidden(c),
                target: self.reference.as_ref().map(|&(goal, _)| Target {
                    reach: visible.iter().filter(|&&(_, v)| v >= goal).count(),
                    shown: visible.len(),
                    goal,
                }),
            }
        };
        Headline::Leading(Leading {
            category: c,
            leaders,
            value: max,
            told,
        })
    }

    /// The instrument mix's facts: the province with the most instruments and the kind that
    /// is the largest part of all (counts), or the largest part anywhere (shares).
    fn mix_facts(&self, suppressed: bool) -> Headline {
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
            return match best {
                Some((series, category, value)) => Headline::LargestPart {
                    category,
                    series,
                    value,
                },
                None => self.nothing(suppressed),
            };
        }
        let Some(totals) = self.totals() else {
            return self.nothing(suppressed);
        };
        let best = totals
            .per_category
            .iter()
            .filter_map(|t| t.filter(|&t| t > 0.0))
            .max_by(f64::total_cmp);
        let Some(most) = best else {
            return self.nothing(suppressed);
        };
        let leaders = totals
            .per_category
            .iter()
            .enumerate()
            .filter(|&(c, t)| {
                c < self.categories.len() && t.is_some_and(|t| self.same_as_printed(t, most))
            })
            .map(|(c, _)| c)
            .collect();
        let largest_part = totals
            .per_series
            .iter()
            .enumerate()
            .filter_map(|(k, t)| t.map(|t| (k, t)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        Headline::MostInstruments(MostInstruments {
            leaders,
            most,
            // A hidden province may hide any number: the most is then said of those shown.
            of_shown: totals.per_category.iter().any(Option::is_none),
            grand: totals.grand.filter(|&g| g > 0.0),
            largest_part,
        })
    }

    /// No year can be told, and why.
    fn nothing(&self, suppressed: bool) -> Headline {
        Headline::Nothing {
            too_few: suppressed
                && self
                    .series
                    .iter()
                    .any(|s| s.values.iter().any(Option::is_none)),
        }
    }

    /// Whether two values print the same: a tie is what a reader sees as one.
    fn same_as_printed(&self, a: f64, b: f64) -> bool {
        self.format(Some(a), Lang::En) == self.format(Some(b), Lang::En)
    }

    /// The key number of a chart and the sentence that says what it shows: its facts
    /// ([`ChartData::headline_facts`]) worded in `lang`.
    pub fn headline(&self, lang: Lang, suppressed: bool) -> (String, String) {
        self.headline_facts(suppressed).words(self, lang)
    }
}

impl Headline {
    /// The key number and the sentence, in `lang`, of `chart`'s facts.
    pub fn words(&self, chart: &ChartData, lang: Lang) -> (String, String) {
        match self {
            Headline::Nothing { too_few: true } => ("—".into(), too_few(lang).to_string()),
            Headline::Nothing { too_few: false } => (
                "—".into(),
                lang.pick(
                    "Geen cijfers voor deze jaren.",
                    "No figures for these years.",
                )
                .to_string(),
            ),
            Headline::Leading(l) => l.words(chart, lang),
            Headline::LargestPart {
                category,
                series,
                value,
            } => {
                let number = chart.format(Some(*value), lang);
                let sentence = format!(
                    "{} {}: {} {} {number}.",
                    lang.pick("In", "In"),
                    chart.categories[*category],
                    chart.series[*series].name,
                    lang.pick("is het grootste deel, met", "is the largest part, at"),
                );
                (number, sentence)
            }
            Headline::MostInstruments(m) => m.words(chart, lang),
        }
    }
}

impl Leading {
    fn words(&self, chart: &ChartData, lang: Lang) -> (String, String) {
        let c = self.category;
        let number = chart.format(Some(self.value), lang);
        let leaders: Vec<&str> = self
            .leaders
            .iter()
            .map(|&k| chart.series[k].name.as_str())
            .collect();
        let names = lang::list(&leaders, lang);
        let many = leaders.len() > 1;
        let when = format!(
            "{} {}{}",
            lang.pick("In", "In"),
            chart.categories[c],
            if chart.is_partial(c) {
                lang.pick(" (deel van het jaar)", " (part of the year)")
            } else {
                ""
            }
        );
        let each = if many { lang.pick(" elk", " each") } else { "" };
        let sentence = match &self.told {
            Told::Count { total } => {
                let share = total.map_or_else(String::new, |t| {
                    format!(
                        "{} {} {} ({}%)",
                        if many { "," } else { "" },
                        lang.pick("van", "of"),
                        chart.format(Some(t), lang),
                        (100.0 * self.value / t).round()
                    )
                });
                let verb = if many {
                    lang.pick("hebben het meest", "have the most")
                } else {
                    lang.pick("heeft het meest", "has the most")
                };
                format!("{when}: {names} {verb}, {number}{each}{share}.")
            }
            Told::Value { of_shown, target } => {
                let verb = if many {
                    lang.pick("staan het hoogst", "are highest")
                } else {
                    lang.pick("staat het hoogst", "is highest")
                };
                // With a province hidden, the highest of those shown is all that can be said.
                let shown = if *of_shown {
                    lang.pick(" van de getoonde provincies", " of the provinces shown")
                } else {
                    ""
                };
                let unit = if chart.percent {
                    String::new()
                } else {
                    format!(" ({})", chart.y_label)
                };
                let target = target.map_or_else(String::new, |t| {
                    let (nl, en) = if t.reach == 1 {
                        ("provincies haalt het doel", "provinces reaches the target")
                    } else {
                        ("provincies halen het doel", "provinces reach the target")
                    };
                    format!(
                        "; {} {} {} {} ({})",
                        t.reach,
                        lang.pick("van de", "of"),
                        t.shown,
                        lang.pick(nl, en),
                        chart.format(Some(t.goal), lang)
                    )
                });
                format!(
                    "{when}: {names} {verb}{shown}, {} {number}{each}{unit}{target}.",
                    lang.pick("met", "at")
                )
            }
        };
        (number, sentence)
    }
}

impl MostInstruments {
    fn words(&self, chart: &ChartData, lang: Lang) -> (String, String) {
        let number = chart.format(Some(self.most), lang);
        let leaders: Vec<&str> = self
            .leaders
            .iter()
            .filter_map(|&c| chart.categories.get(c).map(String::as_str))
            .collect();
        let names = lang::list(&leaders, lang);
        let many = leaders.len() > 1;
        let each = if many { lang.pick(" elk", " each") } else { "" };
        let mut sentence = match (lang, self.of_shown) {
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
        if let Some(grand) = self.grand {
            // Writing to a String cannot fail.
            let _ = write!(
                sentence,
                "{} {} {} ({}%)",
                if many { "," } else { "" },
                lang.pick("van", "of"),
                chart.format(Some(grand), lang),
                (100.0 * self.most / grand).round()
            );
            if let Some((k, t)) = self.largest_part {
                let _ = write!(
                    sentence,
                    "; {} {} {}%",
                    chart.series[k].name,
                    lang.pick("is het grootste deel,", "is the largest part,"),
                    (100.0 * t / grand).round()
                );
            }
        }
        sentence.push('.');
        (number, sentence)
    }
}

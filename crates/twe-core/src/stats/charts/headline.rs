//! A chart's headline: its key number and the sentence that says what the chart shows. The
//! facts come first, from the data alone ([`ChartData::headline_facts`]): what can be told
//! and what no hidden figure could make false. Their wording in a language is apart
//! ([`Headline::words`]), so that the slides, the deck and the tests read the same facts.
//! Each chart tells its own kind of fact: the bars who has the most in a year, the lines how
//! the years went, the share stacks how much the largest provinces make up, the mix the
//! province with the most and the largest kind, the rate per trajectory the target.

use super::{ChartData, ChartKind, Shape, too_few};
use crate::lang::{self, Lang};
use crate::stats::disclosure::Shown;
use std::fmt::Write as _;

/// What a chart's data bears out, in no language.
#[derive(Clone, Debug, PartialEq)]
pub enum Headline {
    /// No year can be told: `too_few` where figures are hidden, else there are none.
    Nothing {
        /// Whether hidden figures are why.
        too_few: bool,
    },
    /// The series with the largest value in the last year that can be told.
    Leading(Leading),
    /// How the years went, from the first to the last whole year that can be told.
    Trend(Trend),
    /// What the largest shares make up together in the last year that can be told.
    Concentration(Concentration),
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
    /// Whether a hidden figure that year may be larger: the most is then of those shown.
    pub of_shown: bool,
    /// What more can be told of it.
    pub told: Told,
}

/// What more the leaders' value tells.
#[derive(Clone, Debug, PartialEq)]
pub enum Told {
    /// A count: its part of Flanders' total, where that is shown.
    Count {
        /// Flanders' total that year.
        total: Option<f64>,
    },
    /// A ratio or share, and how many provinces reach the chart's target if it has one and
    /// the year may be judged.
    Value {
        /// The target reached, if the chart has one.
        target: Option<Target>,
        /// For a chart with a target: the later years shown that are not judged yet, their
        /// trajectories not all a full year old (first and last category).
        young: Option<(usize, usize)>,
        /// Whether no year may be judged yet: the value is "so far".
        so_far: bool,
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

/// How the years went.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// The first and last category compared.
    pub from: usize,
    /// The last whole year that can be told.
    pub to: usize,
    /// Flanders' figure in both, where shown.
    pub flanders: Option<(f64, f64)>,
    /// The series that changed most (relatively), with its two values.
    pub largest: Option<(usize, f64, f64)>,
    /// Whether a series is hidden in one of the two: the largest change is of those shown.
    pub of_shown: bool,
}

/// The largest shares of a year.
#[derive(Clone, Debug, PartialEq)]
pub struct Concentration {
    /// The year (category).
    pub category: usize,
    /// The one or two largest series with their shares.
    pub top: Vec<(usize, f64)>,
    /// Whether a share that year is hidden (and may be larger).
    pub of_shown: bool,
}

/// The province(s) with the most instruments, and what part they are.
#[derive(Clone, Debug, PartialEq)]
pub struct MostInstruments {
    /// The categories (provinces) with the most, equal as printed.
    pub leaders: Vec<usize>,
    /// That many instruments.
    pub most: f64,
    /// Whether a province's total is hidden: the most is then the most of those shown.
    pub of_shown: bool,
    /// All instruments, where shown.
    pub grand: Option<f64>,
    /// The kind that is the largest part of all, and how many.
    pub largest_part: Option<(usize, f64)>,
}

/// What one year of a chart can tell: its shown values, the largest, and whether a hidden
/// figure may be larger.
struct YearTold {
    visible: Vec<(usize, f64)>,
    max: f64,
    of_shown: bool,
}

impl ChartData {
    fn value(&self, k: usize, c: usize) -> Option<f64> {
        self.series[k].values.get(c).and_then(|v| v.value())
    }

    fn hidden_in(&self, c: usize) -> (bool, bool) {
        let at = |f: fn(&Shown) -> bool| self.series.iter().any(|s| s.values.get(c).is_some_and(f));
        (at(|v| *v == Shown::Small), at(|v| *v == Shown::Withheld))
    }

    /// What year `c` can tell: its shown values with the largest, and whether a hidden one
    /// may be larger. Nothing where every shown value is zero, or where a small hidden count
    /// may be the largest (all shown below 5).
    fn tell(&self, c: usize) -> Option<YearTold> {
        let visible: Vec<(usize, f64)> = (0..self.series.len())
            .filter_map(|k| self.value(k, c).map(|v| (k, v)))
            .collect();
        let max = visible
            .iter()
            .map(|&(_, v)| v)
            .fold(f64::NEG_INFINITY, f64::max);
        let (small, withheld) = self.hidden_in(c);
        let told = !visible.is_empty()
            && visible.iter().any(|&(_, v)| v != 0.0)
            && !(small && self.counts() && max < 5.0);
        // A withheld figure may be anything; a small one is under 5, so below a shown count
        // of 5 or more, but not below a shown share or rate.
        let of_shown = withheld || (small && !self.counts());
        told.then_some(YearTold {
            visible,
            max,
            of_shown,
        })
    }

    /// The facts of the headline, by the chart's kind. Never a claim a hidden figure could
    /// make false: with figures hidden, the most is said of those shown, or not at all.
    pub fn headline_facts(&self) -> Headline {
        match self.kind {
            ChartKind::InstrumentMix => self.mix_facts(),
            ChartKind::ProvinceShare => self.concentration_facts(),
            _ if self.shape == Shape::Lines => self.trend_facts(),
            _ => self.leading_facts(),
        }
    }

    /// The last year that can be told (for a target, the last that may be judged) and its
    /// leaders.
    fn leading_facts(&self) -> Headline {
        // A change into the partial year compares part of a year with a whole one: the
        // last whole year is told.
        let last = if self.kind == ChartKind::YearOnYear {
            match self.partial {
                Some(p) if p + 1 == self.categories.len() => p,
                _ => self.categories.len(),
            }
        } else {
            self.categories.len()
        };
        let judged_until = match (&self.reference, self.judged) {
            (Some(_), Some(j)) => j + 1,
            _ => last,
        };
        // With a target and no year old enough, the last year is told "so far".
        let so_far = self.reference.is_some() && self.judged.is_none();
        let until = if so_far { last } else { judged_until };
        let Some((
            c,
            YearTold {
                visible,
                max,
                of_shown,
            },
        )) = (0..until).rev().find_map(|c| self.tell(c).map(|t| (c, t)))
        else {
            return self.nothing();
        };
        let leaders = visible
            .iter()
            .filter(|&&(_, v)| self.same_as_printed(v, max))
            .map(|&(k, _)| k)
            .collect();
        let told = if self.counts() {
            Told::Count {
                total: self
                    .flanders
                    .get(c)
                    .and_then(|v| v.value())
                    .filter(|&t| t > 0.0),
            }
        } else {
            let young = (self.reference.is_some() && judged_until < last && !so_far)
                .then_some((judged_until, last - 1));
            Told::Value {
                target: self
                    .reference
                    .as_ref()
                    .filter(|_| !so_far)
                    .map(|&(goal, _)| Target {
                        reach: visible.iter().filter(|&&(_, v)| v >= goal).count(),
                        shown: visible.len(),
                        goal,
                    }),
                young,
                so_far,
            }
        };
        Headline::Leading(Leading {
            category: c,
            leaders,
            value: max,
            of_shown,
            told,
        })
    }

    /// From the first to the last whole year that can be told: Flanders' change and the
    /// largest change of a series.
    fn trend_facts(&self) -> Headline {
        let told = |c: usize| self.tell(c).is_some();
        let whole = |c: usize| !self.is_partial(c);
        let from = (0..self.categories.len()).find(|&c| told(c));
        let to = (0..self.categories.len())
            .rev()
            .find(|&c| told(c) && whole(c));
        let (Some(from), Some(to)) = (from, to) else {
            return self.nothing();
        };
        if from >= to {
            return self.leading_facts();
        }
        let flanders = match (
            self.flanders.get(from).and_then(|v| v.value()),
            self.flanders.get(to).and_then(|v| v.value()),
        ) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        let largest = (0..self.series.len())
            .filter_map(|k| {
                let (a, b) = (self.value(k, from)?, self.value(k, to)?);
                (a > 0.0).then_some((k, a, b))
            })
            .max_by(|x, y| {
                ((x.2 - x.1) / x.1)
                    .abs()
                    .total_cmp(&((y.2 - y.1) / y.1).abs())
            });
        // Neither Flanders nor any one province is shown in both years (a small workspace,
        // through the gate): there is no change to tell, and "From 2017 to 2020." alone
        // says nothing; the last year that can be told is.
        if flanders.is_none() && largest.is_none() {
            return self.leading_facts();
        }
        let hidden = |c: usize| {
            let (small, withheld) = self.hidden_in(c);
            small || withheld
        };
        Headline::Trend(Trend {
            from,
            to,
            flanders,
            largest,
            of_shown: hidden(from) || hidden(to),
        })
    }

    /// The largest one or two shares of the last year that can be told.
    fn concentration_facts(&self) -> Headline {
        let Some((
            c,
            YearTold {
                mut visible,
                of_shown,
                ..
            },
        )) = (0..self.categories.len())
            .rev()
            .find_map(|c| self.tell(c).map(|t| (c, t)))
        else {
            return self.nothing();
        };
        visible.sort_by(|a, b| b.1.total_cmp(&a.1));
        visible.retain(|&(_, v)| v > 0.0);
        visible.truncate(2);
        Headline::Concentration(Concentration {
            category: c,
            top: visible,
            of_shown,
        })
    }

    /// The instrument mix's facts: the province with the most instruments and the kind that
    /// is the largest part of all (counts), or the largest part anywhere (shares).
    fn mix_facts(&self) -> Headline {
        if self.percent {
            let best = self
                .series
                .iter()
                .enumerate()
                .flat_map(|(k, s)| {
                    s.values
                        .iter()
                        .enumerate()
                        .filter_map(move |(c, v)| v.value().map(|v| (k, c, v)))
                })
                .max_by(|a, b| a.2.total_cmp(&b.2));
            return match best {
                Some((series, category, value)) => Headline::LargestPart {
                    category,
                    series,
                    value,
                },
                None => self.nothing(),
            };
        }
        let Some(totals) = &self.totals else {
            return self.nothing();
        };
        let shown = |v: &Shown| v.value().filter(|&t| t > 0.0);
        let Some(most) = totals
            .per_category
            .iter()
            .filter_map(shown)
            .max_by(f64::total_cmp)
        else {
            return self.nothing();
        };
        let leaders = totals
            .per_category
            .iter()
            .enumerate()
            .filter(|&(c, t)| {
                c < self.categories.len() && shown(t).is_some_and(|t| self.same_as_printed(t, most))
            })
            .map(|(c, _)| c)
            .collect();
        let largest_part = totals
            .per_series
            .iter()
            .enumerate()
            .filter_map(|(k, t)| t.value().map(|t| (k, t)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let any_hidden_part = totals.per_series.iter().any(|t| t.is_hidden());
        Headline::MostInstruments(MostInstruments {
            leaders,
            most,
            // A hidden province may hide any number: the most is then said of those shown.
            of_shown: totals.per_category.iter().any(|t| t.is_hidden()),
            grand: shown(&totals.grand),
            // With a kind's total hidden, the largest shown may not be the largest.
            largest_part: largest_part.filter(|_| !any_hidden_part),
        })
    }

    /// No year can be told, and why.
    fn nothing(&self) -> Headline {
        Headline::Nothing {
            too_few: self
                .series
                .iter()
                .any(|s| s.values.iter().any(|v| v.is_hidden())),
        }
    }

    /// Whether two values print the same: a tie is what a reader sees as one.
    fn same_as_printed(&self, a: f64, b: f64) -> bool {
        self.format(a, Lang::En) == self.format(b, Lang::En)
    }

    /// The key number of a chart and the sentence that says what it shows: its facts
    /// ([`ChartData::headline_facts`]) worded in `lang`.
    pub fn headline(&self, lang: Lang) -> (String, String) {
        self.headline_facts().words(self, lang)
    }

    /// "In 2021 (part of the year)": a year as a sentence starts with it.
    fn when(&self, c: usize, lang: Lang) -> String {
        format!(
            "{} {}{}",
            lang.pick("In", "In"),
            self.categories[c],
            if self.is_partial(c) {
                lang.pick(" (deel van het jaar)", " (part of the year)")
            } else {
                ""
            }
        )
    }
}

fn percent_change(a: f64, b: f64) -> String {
    let p = (100.0 * (b - a) / a).round();
    if p > 0.0 {
        format!("+{p}%")
    } else if p < 0.0 {
        format!("−{}%", -p)
    } else {
        "±0%".to_string()
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
            Headline::Trend(t) => t.words(chart, lang),
            Headline::Concentration(c) => c.words(chart, lang),
            Headline::LargestPart {
                category,
                series,
                value,
            } => {
                let number = chart.format(*value, lang);
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
        let number = chart.format(self.value, lang);
        let leaders: Vec<&str> = self
            .leaders
            .iter()
            .map(|&k| chart.series[k].name.as_str())
            .collect();
        let names = lang::list(&leaders, lang);
        let many = leaders.len() > 1;
        let when = chart.when(c, lang);
        let each = if many { lang.pick(" elk", " each") } else { "" };
        // With a figure hidden that may be larger, the most of those shown is all that can
        // be said.
        let shown = if self.of_shown {
            lang.pick(" van de getoonde provincies", " of the provinces shown")
        } else {
            ""
        };
        let sentence = match &self.told {
            Told::Count { total } => {
                let share = total.map_or_else(String::new, |t| {
                    format!(
                        "{} {} {} ({}%)",
                        if many { "," } else { "" },
                        lang.pick("van", "of"),
                        chart.format(t, lang),
                        (100.0 * self.value / t).round()
                    )
                });
                let verb = if many {
                    lang.pick("hebben het meest", "have the most")
                } else {
                    lang.pick("heeft het meest", "has the most")
                };
                format!("{when}: {names} {verb}{shown}, {number}{each}{share}.")
            }
            Told::Value {
                target,
                young,
                so_far,
            } => self.value_sentence(
                chart,
                lang,
                (&when, &names, shown, each),
                (*target, *young, *so_far),
            ),
        };
        (number, sentence)
    }
}

impl Leading {
    /// The sentence of a ratio or share: the highest, with the target where one is judged.
    fn value_sentence(
        &self,
        chart: &ChartData,
        lang: Lang,
        (when, names, shown, each): (&str, &str, &str, &str),
        (target, young, so_far): (Option<Target>, Option<(usize, usize)>, bool),
    ) -> String {
        let c = self.category;
        let many = self.leaders.len() > 1;
        let number = chart.format(self.value, lang);
        let verb = match (chart.kind == ChartKind::YearOnYear, self.value >= 0.0, many) {
            (true, true, false) => lang.pick("steeg het meest", "rose most"),
            (true, true, true) => lang.pick("stegen het meest", "rose most"),
            (true, false, false) => lang.pick("daalde het minst", "fell least"),
            (true, false, true) => lang.pick("daalden het minst", "fell least"),
            (false, _, false) => lang.pick("staat het hoogst", "is highest"),
            (false, _, true) => lang.pick("staan het hoogst", "are highest"),
        };
        // A change is told beside Flanders' own.
        let flanders = chart
            .flanders
            .get(c)
            .and_then(|v| v.value())
            .filter(|_| chart.kind == ChartKind::YearOnYear)
            .map_or_else(String::new, |f| {
                format!(
                    " ({}: {})",
                    lang.pick("Vlaanderen", "Flanders"),
                    chart.format(f, lang)
                )
            });
        let unit = if chart.percent {
            String::new()
        } else {
            format!(" ({})", chart.y_label)
        };
        let when = if so_far {
            format!(
                "{when} {}",
                lang.pick(
                    "tot nu toe (trajecten van minder dan een jaar)",
                    "so far (trajectories of less than a year)"
                )
            )
        } else {
            when.to_string()
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
                chart.format(t.goal, lang)
            )
        });
        let young = young.map_or_else(String::new, |(a, b)| {
            let years = if a == b {
                chart.categories[a].clone()
            } else {
                format!("{}–{}", chart.categories[a], chart.categories[b])
            };
            format!(
                "; {years} {}",
                lang.pick(
                    "nog niet beoordeeld (trajecten nog geen jaar oud)",
                    "not judged yet (trajectories not yet a year old)"
                )
            )
        });
        format!(
            "{when}: {names} {verb}{shown}, {} {number}{each}{unit}{flanders}{target}{young}.",
            lang.pick("met", "at")
        )
    }
}

impl Trend {
    fn words(&self, chart: &ChartData, lang: Lang) -> (String, String) {
        let (a, b) = (&chart.categories[self.from], &chart.categories[self.to]);
        let went = |x: f64, y: f64| {
            let verb = if y > x {
                lang.pick("steeg van", "rose from")
            } else if y < x {
                lang.pick("daalde van", "fell from")
            } else {
                lang.pick("bleef op", "stayed at")
            };
            if (y - x).abs() < f64::EPSILON {
                format!("{verb} {}", chart.format(x, lang))
            } else {
                format!(
                    "{verb} {} {} {} ({})",
                    chart.format(x, lang),
                    lang.pick("naar", "to"),
                    chart.format(y, lang),
                    percent_change(x, y)
                )
            }
        };
        let mut sentence = format!(
            "{} {a} {} {b}",
            lang.pick("Van", "From"),
            lang.pick("tot", "to")
        );
        let number;
        if let Some((x, y)) = self.flanders {
            number = percent_change(x, y);
            // Writing to a String cannot fail.
            let _ = write!(
                sentence,
                ": {} {}",
                lang.pick("Vlaanderen", "Flanders"),
                went(x, y)
            );
        } else {
            number = self
                .largest
                .map_or_else(|| "—".to_string(), |(_, x, y)| percent_change(x, y));
        }
        if let Some((k, x, y)) = self.largest {
            let label = match (self.flanders.is_some(), self.of_shown) {
                (true, false) => lang.pick("; de grootste verandering: ", "; the largest change: "),
                (true, true) => lang.pick(
                    "; de grootste verandering van de getoonde provincies: ",
                    "; the largest change of the provinces shown: ",
                ),
                (false, false) => {
                    lang.pick(": de grootste verandering: ", ": the largest change: ")
                }
                (false, true) => lang.pick(
                    ": de grootste verandering van de getoonde provincies: ",
                    ": the largest change of the provinces shown: ",
                ),
            };
            let _ = write!(sentence, "{label}{} {}", chart.series[k].name, went(x, y));
        }
        sentence.push('.');
        (number, sentence)
    }
}

impl Concentration {
    fn words(&self, chart: &ChartData, lang: Lang) -> (String, String) {
        let when = chart.when(self.category, lang);
        let sum: f64 = self.top.iter().map(|&(_, v)| v).sum();
        let number = chart.format(sum, lang);
        let named: Vec<String> = self
            .top
            .iter()
            .map(|&(k, v)| format!("{} ({})", chart.series[k].name, chart.format(v, lang)))
            .collect();
        let shown = if self.of_shown {
            lang.pick(" van de getoonde provincies", " of the provinces shown")
        } else {
            ""
        };
        let sentence = match named.len() {
            0 => return ("—".into(), too_few(lang).to_string()),
            1 => format!(
                "{when}: {} {} {number} {}.",
                named[0],
                lang.pick("is", "is"),
                lang.pick("van Vlaanderen", "of Flanders")
            ),
            _ => format!(
                "{when}: {}{shown}, {} {number} {}.",
                lang::list(&[named[0].as_str(), named[1].as_str()], lang),
                lang.pick("de twee grootste, zijn samen", "the two largest, make up"),
                lang.pick("van Vlaanderen", "of Flanders")
            ),
        };
        (number, sentence)
    }
}

impl MostInstruments {
    fn words(&self, chart: &ChartData, lang: Lang) -> (String, String) {
        let number = chart.format(self.most, lang);
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
                chart.format(grand, lang),
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

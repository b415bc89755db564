//! The one disclosure gate (DOMAIN decision 9 of 7 December 2026): every figure computed
//! from dossiers passes here before any output shows it. A count from 1 to 4 is shown as
//! «<5»; a figure from which a hidden count could be worked back is shown as «–» with the
//! note. The gate knows the figures as counts and the sums among them (a year's total is the
//! sum of its provinces, a province's total the sum of its years, …): where a shown total has
//! exactly one hidden part, the part could be subtracted out, so a second part is hidden too,
//! the smallest, until no sum gives a hidden count back. Published figures are public and
//! never pass here.

use crate::lang::{self, Lang};

/// A figure as every output shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    /// A number that may be shown.
    Value(f64),
    /// A count from 1 to 4: «<5».
    Small,
    /// A figure from which a hidden count could be worked back: «–», with the note.
    Withheld,
    /// No figure: a share of nothing, a rate without trajectories. Shown empty.
    Undefined,
}

impl Shown {
    /// A count as shown, with nothing hidden (published figures, or what the gate let
    /// through).
    pub fn count(v: i64) -> Self {
        Shown::Value(v as f64)
    }

    /// The number, if it may be shown.
    pub fn value(self) -> Option<f64> {
        match self {
            Shown::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the gate hid it (small or withheld).
    pub fn is_hidden(self) -> bool {
        matches!(self, Shown::Small | Shown::Withheld)
    }

    /// `self − other`, where both are shown; a hidden side is withheld (a difference with a
    /// hidden count gives the count back).
    #[must_use]
    pub fn minus(self, other: Shown) -> Shown {
        match (self, other) {
            (Shown::Value(a), Shown::Value(b)) => Shown::Value(a - b),
            (Shown::Undefined, _) | (_, Shown::Undefined) => Shown::Undefined,
            _ => Shown::Withheld,
        }
    }

    /// The sum of figures where all are shown; any hidden part withholds it (a sum the gate
    /// did not protect could give a hidden part back).
    pub fn sum(parts: impl IntoIterator<Item = Shown>) -> Shown {
        let mut total = 0.0;
        let mut any = false;
        for p in parts {
            match p {
                Shown::Value(v) => total += v,
                Shown::Undefined => {}
                Shown::Small | Shown::Withheld => return Shown::Withheld,
            }
            any = true;
        }
        if any {
            Shown::Value(total)
        } else {
            Shown::Undefined
        }
    }

    /// `scale × part / whole`: a share, a rate or an average. Withheld where either side is
    /// hidden (a share of a hidden count gives it back), undefined where the whole is zero.
    pub fn ratio(part: Shown, whole: Shown, scale: f64) -> Shown {
        match (part, whole) {
            (Shown::Value(p), Shown::Value(w)) => {
                if w == 0.0 {
                    Shown::Undefined
                } else {
                    Shown::Value(scale * p / w)
                }
            }
            (Shown::Undefined, _) | (_, Shown::Undefined) => Shown::Undefined,
            _ => Shown::Withheld,
        }
    }

    /// The text of the figure in `lang`: digits with the language's separators and
    /// `decimals`, a percent sign for shares; «<5», «–», or nothing.
    pub fn text(self, lang: Lang, decimals: usize, percent: bool) -> String {
        match self {
            Shown::Value(v) if decimals == 0 && !percent => lang::number(v.round() as i64, lang),
            Shown::Value(v) => {
                let text = lang::decimal(v, decimals, lang);
                if percent { format!("{text}%") } else { text }
            }
            Shown::Small => SMALL_TEXT.to_string(),
            Shown::Withheld => WITHHELD_TEXT.to_string(),
            Shown::Undefined => String::new(),
        }
    }

    /// The text for a file read by programs (CSV, JSON): plain digits with a point, no
    /// separators; «<5», «–», or nothing.
    pub fn plain(self, decimals: usize) -> String {
        match self {
            Shown::Value(v) if decimals == 0 => format!("{}", v.round() as i64),
            Shown::Value(v) => format!("{v:.decimals$}"),
            Shown::Small => SMALL_TEXT.to_string(),
            Shown::Withheld => WITHHELD_TEXT.to_string(),
            Shown::Undefined => String::new(),
        }
    }
}

/// How a small count reads.
pub const SMALL_TEXT: &str = "<5";
/// How a withheld figure reads.
pub const WITHHELD_TEXT: &str = "–";

/// Whether a count is small: from 1 to 4.
pub fn is_small(v: i64) -> bool {
    (1..=4).contains(&v)
}

/// The note every output with a hidden figure carries: what «<5» and «–» mean.
pub fn note(lang: Lang) -> &'static str {
    lang.pick(
        "«<5»: een aantal van 1 tot 4, verborgen om cliënten niet herkenbaar te maken; \
         «–»: verborgen omdat er een verborgen aantal uit af te leiden zou zijn.",
        "«<5»: a count from 1 to 4, hidden so that no client can be recognised; \
         «–»: hidden because a hidden count could be worked out from it.",
    )
}

/// One figure in a [`Gate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(u32);

/// Why a figure is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hide {
    Shown,
    Small,
    Withheld,
}

/// The counts of one source and the sums among them, before the gate.
#[derive(Clone, Debug, Default)]
pub struct Gate {
    values: Vec<i64>,
    /// Each sum: its total and its parts.
    sums: Vec<(Id, Vec<Id>)>,
}

impl Gate {
    /// A new count; its id names it in sums and in the result.
    pub fn count(&mut self, v: i64) -> Id {
        let id = Id(u32::try_from(self.values.len()).unwrap_or(u32::MAX));
        self.values.push(v);
        id
    }

    /// The value a count was given.
    pub fn value(&self, id: Id) -> i64 {
        self.values.get(id.0 as usize).copied().unwrap_or(0)
    }

    /// Says that `total` is the sum of `parts` (as shown side by side in some output).
    pub fn sum(&mut self, total: Id, parts: Vec<Id>) {
        debug_assert_eq!(
            self.value(total),
            parts.iter().map(|&p| self.value(p)).sum::<i64>(),
            "a sum must add up"
        );
        if !parts.is_empty() {
            self.sums.push((total, parts));
        }
    }

    /// The figures as they may be shown: counts from 1 to 4 hidden, and, in every sum whose
    /// total is shown, never exactly one hidden part (a second is hidden, the smallest
    /// positive shown one; where none is left, the total); a hidden total is never the sum of
    /// parts that are all shown. With `show_small` (asked for on the command line only),
    /// nothing is hidden.
    pub fn close(self, show_small: bool) -> Disclosed {
        let n = self.values.len();
        let mut hide = vec![Hide::Shown; n];
        if !show_small {
            for (h, &v) in hide.iter_mut().zip(&self.values) {
                if is_small(v) {
                    *h = Hide::Small;
                }
            }
            self.complete(&mut hide);
        }
        Disclosed {
            values: self.values,
            hide,
        }
    }

    /// Hides second parts until no sum gives a hidden figure back.
    fn complete(&self, hide: &mut [Hide]) {
        let hidden = |hide: &[Hide], id: Id| hide[id.0 as usize] != Hide::Shown;
        loop {
            let mut changed = false;
            for (total, parts) in &self.sums {
                let hidden_parts = parts.iter().filter(|&&p| hidden(hide, p)).count();
                let total_hidden = hidden(hide, *total);
                // A shown total with one hidden part, or a hidden total whose parts are all
                // shown: one subtraction or one addition gives a hidden figure back.
                let exposed =
                    (!total_hidden && hidden_parts == 1) || (total_hidden && hidden_parts == 0);
                if !exposed {
                    continue;
                }
                let second = parts
                    .iter()
                    .copied()
                    .filter(|&p| !hidden(hide, p))
                    .min_by_key(|&p| {
                        let v = self.value(p);
                        // The smallest positive part first: hiding a zero protects little
                        // where zeros are known (a province without dossiers).
                        (v <= 0, v.unsigned_abs())
                    });
                match second {
                    Some(p) => hide[p.0 as usize] = Hide::Withheld,
                    None => hide[total.0 as usize] = Hide::Withheld,
                }
                changed = true;
            }
            if !changed {
                break;
            }
        }
    }
}

/// The figures after the gate.
#[derive(Clone, Debug, Default)]
pub struct Disclosed {
    values: Vec<i64>,
    hide: Vec<Hide>,
}

impl Disclosed {
    /// The figure `id` as it may be shown.
    pub fn get(&self, id: Id) -> Shown {
        let i = id.0 as usize;
        match self.hide.get(i) {
            Some(Hide::Shown) => Shown::count(self.values[i]),
            Some(Hide::Small) => Shown::Small,
            Some(Hide::Withheld) => Shown::Withheld,
            None => Shown::Undefined,
        }
    }

    /// Whether any figure is hidden.
    pub fn hides_any(&self) -> bool {
        self.hide.iter().any(|h| *h != Hide::Shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_counts_read_less_than_five_and_a_lone_hidden_part_gets_a_second() {
        let mut g = Gate::default();
        let parts: Vec<Id> = [524, 3, 40, 0].iter().map(|&v| g.count(v)).collect();
        let total = g.count(567);
        g.sum(total, parts.clone());
        let d = g.close(false);
        assert_eq!(d.get(parts[1]), Shown::Small);
        // The smallest positive shown part is the second hidden one, not the zero.
        assert_eq!(d.get(parts[2]), Shown::Withheld);
        assert_eq!(d.get(parts[0]), Shown::count(524));
        assert_eq!(d.get(parts[3]), Shown::count(0));
        assert_eq!(d.get(total), Shown::count(567));
        assert!(d.hides_any());
    }

    #[test]
    fn a_sum_of_one_hidden_part_is_withheld_and_nothing_is_hidden_when_asked() {
        let mut g = Gate::default();
        let part = g.count(2);
        let total = g.count(2);
        g.sum(total, vec![part]);
        let shown_total = g.count(103);
        let (a, b) = (g.count(100), g.count(3));
        g.sum(shown_total, vec![a, b]);
        let all = g.clone().close(true);
        assert_eq!(all.get(part), Shown::count(2));
        assert!(!all.hides_any());
        let d = g.close(false);
        assert_eq!(d.get(total), Shown::Small);
        // 103 is no small count: it stays, and both its parts are hidden.
        assert_eq!(d.get(shown_total), Shown::count(103));
        assert_eq!((d.get(a), d.get(b)), (Shown::Withheld, Shown::Small));
    }

    #[test]
    fn a_hidden_total_of_shown_parts_hides_a_part() {
        // The total is hidden as the second part of another sum; its own parts would add
        // up to it.
        let mut g = Gate::default();
        let (x, y) = (g.count(20), g.count(30));
        let t = g.count(50);
        g.sum(t, vec![x, y]);
        let small = g.count(2);
        let outer = g.count(52);
        g.sum(outer, vec![t, small]);
        let d = g.close(false);
        assert_eq!(d.get(t), Shown::Withheld);
        assert!(d.get(x).is_hidden() || d.get(y).is_hidden());
        assert_eq!(d.get(outer), Shown::count(52));
    }

    #[test]
    fn shown_figures_combine_and_hidden_ones_withhold_what_they_touch() {
        let v = Shown::count;
        assert_eq!(Shown::sum([v(1), v(2)]), v(3));
        assert_eq!(Shown::sum([v(1), Shown::Small]), Shown::Withheld);
        assert_eq!(Shown::sum([]), Shown::Undefined);
        assert_eq!(Shown::ratio(v(1), v(4), 100.0), v(25));
        assert_eq!(Shown::ratio(v(1), v(0), 100.0), Shown::Undefined);
        assert_eq!(Shown::ratio(Shown::Small, v(40), 1.0), Shown::Withheld);
        assert_eq!(v(-523).minus(v(1)), v(-524));
        assert_eq!(Shown::Small.minus(v(524)), Shown::Withheld);
        assert_eq!(v(2772).text(Lang::Nl, 0, false), "2.772");
        assert_eq!(Shown::Value(12.5).text(Lang::Nl, 1, true), "12,5%");
        assert_eq!(Shown::Small.text(Lang::En, 0, false), "<5");
        assert_eq!(Shown::Withheld.plain(0), "–");
        assert_eq!(Shown::Value(2772.0).plain(0), "2772");
    }

    /// A table of counts with its totals row, totals column and grand total, as outputs
    /// show it; random cells, many of them small.
    fn table_gate(cells: &[Vec<i64>]) -> (Gate, Vec<Vec<Id>>, Vec<Id>, Vec<Id>, Id) {
        let mut g = Gate::default();
        let ids: Vec<Vec<Id>> = cells
            .iter()
            .map(|row| row.iter().map(|&v| g.count(v)).collect())
            .collect();
        let cols = cells.first().map_or(0, Vec::len);
        let row_totals: Vec<Id> = cells
            .iter()
            .zip(&ids)
            .map(|(row, rid)| {
                let t = g.count(row.iter().sum());
                g.sum(t, rid.clone());
                t
            })
            .collect();
        let col_totals: Vec<Id> = (0..cols)
            .map(|c| {
                let t = g.count(cells.iter().map(|r| r[c]).sum());
                g.sum(t, ids.iter().map(|r| r[c]).collect());
                t
            })
            .collect();
        let grand = g.count(cells.iter().flatten().sum());
        g.sum(grand, row_totals.clone());
        g.sum(grand, col_totals.clone());
        (g, ids, row_totals, col_totals, grand)
    }

    proptest! {
        /// No row, column or total of a table lets a hidden count be worked back, every
        /// «<5» is a count from 1 to 4, and every count from 1 to 4 is hidden.
        #[test]
        fn no_line_of_a_table_has_exactly_one_hidden_part(
            cells in proptest::collection::vec(
                proptest::collection::vec(prop_oneof![0i64..6, 0i64..60, 0i64..3000], 5),
                1..8,
            )
        ) {
            let (g, ids, rows, cols, grand) = table_gate(&cells);
            let d = g.close(false);
            let lines: Vec<(Id, Vec<Id>)> = rows
                .iter()
                .zip(&ids)
                .map(|(&t, r)| (t, r.clone()))
                .chain(cols.iter().enumerate().map(|(c, &t)| (t, ids.iter().map(|r| r[c]).collect())))
                .chain([(grand, rows.clone()), (grand, cols.clone())])
                .collect();
            for (total, parts) in &lines {
                let hidden = parts.iter().filter(|&&p| d.get(p).is_hidden()).count();
                prop_assert!(d.get(*total).is_hidden() || hidden != 1);
                prop_assert!(!d.get(*total).is_hidden() || hidden != 0);
            }
            for (row, rid) in cells.iter().zip(&ids) {
                for (&v, &id) in row.iter().zip(rid) {
                    prop_assert_eq!(d.get(id) == Shown::Small, is_small(v));
                    if let Shown::Value(x) = d.get(id) {
                        // Counts are whole numbers, carried exactly by f64.
                        prop_assert!((x - v as f64).abs() < 0.5);
                    }
                }
            }
        }
    }
}

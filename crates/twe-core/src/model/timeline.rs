//! What every drawn timeline shares, on screen and on paper: the order of the lanes, which
//! months carry a label, and how a month's label is written. One table, so the window and
//! the printed plan label the same months in the same words.

use super::Dossier;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

/// The instruments of `d` as lanes, top to bottom: in start order, then as listed.
pub fn lanes(d: &Dossier) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.instruments.len()).collect();
    order.sort_by_key(|&i| (d.instruments[i].start, i));
    order
}

/// The steps, in months, between labelled month ticks: months, quarters, half years, years,
/// then as far apart as a typo's two centuries need.
pub const MONTH_STEPS: [u32; 11] = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400];

/// The step between labelled months when `months` months are shown and `fit` labels fit
/// side by side: the smallest of [`MONTH_STEPS`] no smaller than `min_step` that puts at
/// most `fit` labels on the timeline.
pub fn label_step(months: f64, fit: f64, min_step: u32) -> u32 {
    MONTH_STEPS
        .into_iter()
        .filter(|&m| m >= min_step)
        .find(|&m| months / f64::from(m) <= fit)
        .unwrap_or(MONTH_STEPS[MONTH_STEPS.len() - 1])
}

/// Whether the month starting on `first` carries a label at step `every`: counted from the
/// first month of year 0, so that a step of 3 labels January, April, July and October, one
/// of 12 every January, one of 24 the Januaries of even years, wherever the timeline starts.
pub fn labelled(first: NaiveDate, every: u32) -> bool {
    let index = i64::from(first.year()) * 12 + i64::from(first.month0());
    index.rem_euclid(i64::from(every.max(1))) == 0
}

/// A month's label: "mrt 2019", "Mar 2019".
pub fn month_label(first: NaiveDate, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let names = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    format!("{} {}", names[first.month0() as usize], first.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Instrument, InstrumentKind, Status};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lanes_go_by_start_then_as_listed() {
        let mut d = Dossier::new("X", "", "Gent", day(2020, 1, 1));
        for (m, kind) in [
            (5, InstrumentKind::Wes),
            (2, InstrumentKind::Art60),
            (5, InstrumentKind::Ibo),
        ] {
            d.instruments.push(Instrument {
                kind,
                start: day(2020, m, 1),
                end: day(2020, m, 28),
                status: Status::Planned,
            });
        }
        assert_eq!(lanes(&d), [1, 0, 2]);
    }

    #[test]
    fn the_step_is_the_smallest_whose_labels_fit() {
        assert_eq!(label_step(24.0, 30.0, 1), 1);
        assert_eq!(label_step(24.0, 10.0, 1), 3);
        assert_eq!(
            label_step(24.0, 30.0, 3),
            3,
            "paper never labels every month"
        );
        assert_eq!(label_step(24.0, 3.0, 1), 12);
        assert_eq!(label_step(2400.0, 10.0, 1), 240);
        assert_eq!(label_step(1e9, 1.0, 1), 2400);
    }

    #[test]
    fn the_same_months_are_labelled_wherever_the_timeline_starts() {
        let quarters: Vec<u32> = (1..=12).filter(|&m| labelled(day(2019, m, 1), 3)).collect();
        assert_eq!(quarters, [1, 4, 7, 10]);
        assert!(labelled(day(2020, 1, 1), 24) && !labelled(day(2019, 1, 1), 24));
        assert!(labelled(day(-1, 1, 1), 12), "before year 0 too");
        assert_eq!(month_label(day(2019, 3, 1), Lang::Nl), "mrt 2019");
        assert_eq!(month_label(day(2019, 3, 1), Lang::En), "Mar 2019");
    }
}

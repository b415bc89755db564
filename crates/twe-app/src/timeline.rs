//! What the dossier and caseload timelines share: day numbers as plot x, month grid, date
//! labels in the UI language. Which months are labelled, and how, is the core's
//! (`twe_core::model::timeline`), which the printed plan's timeline reads too.

use chrono::{Datelike, NaiveDate};
use egui_plot::{GridInput, GridMark};
use twe_core::lang::Lang;
use twe_core::model::timeline;

/// A date as a plot x value (days since the common era).
pub fn x_of(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The date a plot x value falls on.
pub fn date_at(x: f64) -> Option<NaiveDate> {
    let days = x.floor();
    if !days.is_finite() || days.abs() > 3.0e6 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// The x axis label of a grid mark: the month at a month start, else the date.
pub fn axis_label(mark: GridMark, lang: Lang) -> String {
    match date_at(mark.value + 0.5) {
        Some(d) if d.day() == 1 => timeline::month_label(d, lang),
        Some(d) => twe_core::lang::date(d, lang),
        None => String::new(),
    }
}

/// Grid marks at month starts, every 1, 3, 6 or 12 months depending on the zoom, with the
/// months in between as faint lines.
#[allow(
    clippy::needless_pass_by_value,
    reason = "egui_plot's grid spacer takes its input by value"
)]
pub fn month_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(from), Some(to)) = (date_at(lo), date_at(hi)) else {
        return Vec::new();
    };
    let span = hi - lo;
    // Labelled months far enough apart to read: a label takes some 64 points, and
    // `base_step_size` is the days in 8 (a narrow timeline labels quarters or years where a
    // wide one labels months).
    let days_per_label = (input.base_step_size * 8.0).max(span / 12.0);
    let step = timeline::label_step(span / 30.0, span / days_per_label, 1);
    let mut marks = Vec::new();
    let Some(mut d) = NaiveDate::from_ymd_opt(from.year(), 1, 1) else {
        return marks;
    };
    // At most a few hundred marks even zoomed far out.
    let coarse = if span > 365.0 * 40.0 { 120 } else { 1 };
    while d <= to && marks.len() < 1000 {
        if d >= from {
            // A label is centred on its mark: one close to the plot's edge would be cut off,
            // so such a mark stays a line without a label.
            let x = x_of(d);
            let near_edge = x - lo < span * 0.04 || hi - x < span * 0.04;
            let major = timeline::labelled(d, step) && !(near_edge && step > 1);
            let size = if major { 30.0 * f64::from(step) } else { 30.0 };
            if major || span < 2400.0 {
                marks.push(GridMark {
                    value: x,
                    step_size: size,
                });
            }
        }
        d = d
            .checked_add_months(chrono::Months::new(coarse))
            .unwrap_or(NaiveDate::MAX);
    }
    marks
}

/// An instrument's length as the window and the printed plan say it: in the unit its rule
/// counts ("6 maanden", "12 weken 3 dagen"), then the days ("6 maanden · 184 dagen"); the
/// window said "5,9 maanden" for what the plan called 6 months.
pub fn length_words(inst: &twe_core::model::Instrument, lang: Lang) -> String {
    let days = inst.range().days();
    let unit = inst.length_label(lang);
    let in_days = twe_core::lang::count(days, lang, ("dag", "dagen"), ("day", "days"));
    if days <= 0 || unit == in_days {
        unit
    } else {
        format!("{unit} · {in_days}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        x_of(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn a_month_mark_at_the_plots_edge_keeps_its_line_but_not_its_label() {
        // Two years from 22 Dec 2016: quarterly labels, 1 Jan 2017 ten days in.
        let (lo, hi) = (day(2016, 12, 22), day(2018, 12, 22));
        let marks = month_grid(GridInput {
            bounds: (lo, hi),
            base_step_size: 1.0,
        });
        #[allow(clippy::float_cmp, reason = "both sides are the same whole day number")]
        let at = |x: f64| marks.iter().find(|m| m.value == x).map(|m| m.step_size);
        assert_eq!(
            at(day(2017, 1, 1)),
            Some(30.0),
            "a line, too close for a label"
        );
        assert_eq!(at(day(2017, 4, 1)), Some(90.0), "a labelled quarter");
        assert_eq!(at(day(2017, 2, 1)), Some(30.0), "a month in between");
        assert_eq!(at(day(2018, 10, 1)), Some(90.0));
    }

    /// A narrow timeline (1024 points wide, a third of it for the plot) labels half years,
    /// not quarters whose labels would overlap and all be hidden.
    #[test]
    fn a_narrow_timeline_labels_fewer_months() {
        let (lo, hi) = (day(2016, 12, 22), day(2018, 12, 22));
        // 730 days over 300 points: 2.4 days a point, 19.5 days in egui_plot's 8 points.
        let marks = month_grid(GridInput {
            bounds: (lo, hi),
            base_step_size: 19.5,
        });
        #[allow(clippy::float_cmp, reason = "both sides are the same whole day number")]
        let at = |x: f64| marks.iter().find(|m| m.value == x).map(|m| m.step_size);
        assert_eq!(at(day(2017, 7, 1)), Some(180.0), "a labelled half year");
        assert_eq!(at(day(2017, 4, 1)), Some(30.0), "a quarter is only a line");
    }

    /// The window's labelled months are the ones the printed plan labels at the same step:
    /// both ask the core.
    #[test]
    fn labelled_months_are_the_cores() {
        let (lo, hi) = (day(2016, 12, 22), day(2026, 12, 22));
        let marks = month_grid(GridInput {
            bounds: (lo, hi),
            base_step_size: 60.0,
        });
        let labelled: Vec<f64> = marks
            .iter()
            .filter(|m| m.step_size > 30.0)
            .map(|m| m.value)
            .collect();
        assert!(!labelled.is_empty());
        let step = timeline::label_step((hi - lo) / 30.0, (hi - lo) / 480.0, 1);
        for x in labelled {
            let d = date_at(x).unwrap();
            assert!(timeline::labelled(d, step), "{d}");
        }
    }

    /// A WES of six whole months reads "6 months · 184 days", as the printed plan counts
    /// it, not "5.9 months".
    #[test]
    fn a_length_reads_in_its_rules_unit() {
        let d = |s: &str| twe_core::model::date_serde::parse(s).unwrap();
        let wes = twe_core::model::Instrument {
            kind: twe_core::model::InstrumentKind::Wes,
            start: d("2020-09-01"),
            end: d("2021-02-28"),
            status: twe_core::model::Status::Planned,
        };
        assert_eq!(super::length_words(&wes, Lang::En), "6 months · 181 days");
        assert_eq!(super::length_words(&wes, Lang::Nl), "6 maanden · 181 dagen");
    }
}

//! Calendar arithmetic with the conventions of DOMAIN.md: every range is inclusive, "N months
//! from D" ends on D + N months − 1 day, month ends clamp (31 August + 6 months is 28 or 29
//! February), N weeks is 7N days and N days counts the first and the last day.

use chrono::{Datelike, Days, NaiveDate};

/// `d` plus `n` calendar months, clamped to the month's end; saturates at the calendar's edge.
///
/// By hand rather than chrono's `checked_add_months`, which was a third of a whole check;
/// a property test holds the two to the same answers.
pub fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    // Months counted from year 0, so the year and month fall out of one division.
    let months = i64::from(d.year()) * 12 + i64::from(d.month0()) + i64::from(n);
    let Ok(year) = i32::try_from(months.div_euclid(12)) else {
        return NaiveDate::MAX;
    };
    let month = months.rem_euclid(12) as u32 + 1;
    let day = d.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MAX)
}

/// `d` moved by `delta` calendar months, either way, clamped to the month's end (a date
/// picker's previous and next month); saturates at the calendar's edge.
pub fn shift_months(d: NaiveDate, delta: i32) -> NaiveDate {
    let months = i64::from(d.year()) * 12 + i64::from(d.month0()) + i64::from(delta);
    let Ok(year) = i32::try_from(months.div_euclid(12)) else {
        return if delta < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        };
    };
    let month = months.rem_euclid(12) as u32 + 1;
    let day = d.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if delta < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// The six weeks, Monday to Sunday (ISO 8601, as in Belgium), that a month's calendar page
/// shows: from the Monday on or before its first day, 42 days.
pub fn month_page(year: i32, month: u32) -> [NaiveDate; 42] {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN);
    let back = u64::from(first.weekday().num_days_from_monday());
    let monday = first.checked_sub_days(Days::new(back)).unwrap_or(first);
    std::array::from_fn(|k| {
        monday
            .checked_add_days(Days::new(k as u64))
            .unwrap_or(NaiveDate::MAX)
    })
}

/// The number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The days from `a` to `b` (negative when `b` is earlier), without chrono's duration types.
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.num_days_from_ce()) - i64::from(a.num_days_from_ce())
}

/// `d` plus `n` days; saturates at the calendar's edge.
pub fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    // The next day is most of the calls (the day after a range) and much cheaper.
    if n == 1 {
        return d.succ_opt().unwrap_or(NaiveDate::MAX);
    }
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// `d` minus `n` days; saturates at the calendar's edge.
pub fn sub_days(d: NaiveDate, n: u64) -> NaiveDate {
    // The day before is most of the calls (the last day of N months) and much cheaper.
    if n == 1 {
        return d.pred_opt().unwrap_or(NaiveDate::MIN);
    }
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// The last day of something that may last `n` months from `start`.
pub fn last_day_within_months(start: NaiveDate, n: u32) -> NaiveDate {
    sub_days(add_months(start, n), 1)
}

/// The last day of something that may last `n` days from `start` (both ends counted).
pub fn last_day_within_days(start: NaiveDate, n: u64) -> NaiveDate {
    add_days(start, n.saturating_sub(1))
}

/// How many whole months run from `start` to `end` (inclusive), if `end` is the last day
/// of a whole number of months from `start` (at least one).
pub fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let m = index(end) - index(start);
    [m, m + 1]
        .into_iter()
        .filter_map(|n| u32::try_from(n).ok())
        .find(|&n| n >= 1 && last_day_within_months(start, n) == end)
}

/// The whole months from `start` to `end` (inclusive) that are not all of it, and the days
/// after them: 1 Sep 2020 to 3 Mar 2021 is 6 months and 3 days. `None` under a month or
/// when it is whole months ([`whole_months`]).
pub fn months_and_days(start: NaiveDate, end: NaiveDate) -> Option<(u32, i64)> {
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let guess = index(end) - index(start);
    let months = (guess - 1..=guess)
        .rev()
        .filter_map(|n| u32::try_from(n).ok())
        .find(|&n| n >= 1 && last_day_within_months(start, n) < end)?;
    let rest = days_between(last_day_within_months(start, months), end);
    (rest > 0 && whole_months(start, end).is_none()).then_some((months, rest))
}

/// An inclusive range of days. `end < start` is representable, because files may hold it;
/// such a range is empty and [`DateRange::is_valid`] says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// The first day.
    pub start: NaiveDate,
    /// The last day, inclusive.
    pub end: NaiveDate,
}

impl DateRange {
    /// The range from `start` to `end`, both inclusive.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Self { start, end }
    }

    /// Whether the range holds at least one day.
    pub fn is_valid(&self) -> bool {
        self.end >= self.start
    }

    /// The number of days, counting both ends; 0 for an invalid range.
    pub fn days(&self) -> i64 {
        if self.is_valid() {
            days_between(self.start, self.end) + 1
        } else {
            0
        }
    }

    /// Whether `d` lies in the range.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// The days both ranges share, if any.
    pub fn intersect(&self, other: &DateRange) -> Option<DateRange> {
        let r = DateRange::new(self.start.max(other.start), self.end.min(other.end));
        r.is_valid().then_some(r)
    }

    /// Whether the ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.intersect(other).is_some()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_month_page_starts_on_monday_and_holds_the_month() {
        use chrono::Weekday;
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // 1 April 2019 is a Monday: the page starts on it.
        let april = month_page(2019, 4);
        assert_eq!(april[0], ymd(2019, 4, 1));
        // 1 September 2019 is a Sunday: six days of August come first.
        let sept = month_page(2019, 9);
        assert_eq!(sept[0], ymd(2019, 8, 26));
        assert_eq!(sept[6], ymd(2019, 9, 1));
        assert_eq!(sept[41], ymd(2019, 10, 6));
        for page in [april, sept, month_page(2020, 2), month_page(2026, 11)] {
            assert_eq!(page[0].weekday(), Weekday::Mon);
            for w in page.windows(2) {
                assert_eq!(days_between(w[0], w[1]), 1);
            }
        }
        // Every day of February 2020 (leap) is on its page.
        let feb = month_page(2020, 2);
        assert!((1..=29).all(|d| feb.contains(&ymd(2020, 2, d))));
    }

    #[test]
    fn shifting_months_either_way_clamps_to_the_month_end() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(shift_months(ymd(2019, 3, 31), -1), ymd(2019, 2, 28));
        assert_eq!(shift_months(ymd(2019, 1, 15), -1), ymd(2018, 12, 15));
        assert_eq!(shift_months(ymd(2019, 12, 31), 2), ymd(2020, 2, 29));
        assert_eq!(shift_months(ymd(2019, 5, 10), -12), ymd(2018, 5, 10));
        assert_eq!(shift_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(shift_months(NaiveDate::MIN, -1), NaiveDate::MIN);
    }

    use super::*;

    #[test]
    fn shared_drive_whole_months_at_month_ends_and_leap_days() {
        let d = |s: &str| crate::model::date_serde::parse(s).unwrap();
        assert_eq!(whole_months(d("2019-03-01"), d("2019-03-31")), Some(1));
        assert_eq!(whole_months(d("2019-03-15"), d("2019-04-14")), Some(1));
        assert_eq!(whole_months(d("2020-08-31"), d("2021-02-27")), Some(6));
        assert_eq!(whole_months(d("2020-08-31"), d("2021-02-28")), None);
        assert_eq!(whole_months(d("2019-08-31"), d("2020-02-28")), Some(6));
        assert_eq!(whole_months(d("2019-04-15"), d("2020-04-14")), Some(12));
        assert_eq!(whole_months(d("2019-04-15"), d("2020-04-15")), None);
        assert_eq!(whole_months(d("2019-04-15"), d("2019-04-14")), None);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_clamp_at_month_ends() {
        assert_eq!(add_months(d(2019, 8, 31), 6), d(2020, 2, 29));
        assert_eq!(add_months(d(2018, 8, 31), 6), d(2019, 2, 28));
        assert_eq!(add_months(d(2017, 8, 31), 24), d(2019, 8, 31));
        assert_eq!(last_day_within_months(d(2019, 3, 1), 24), d(2021, 2, 28));
        assert_eq!(last_day_within_months(d(2019, 8, 31), 6), d(2020, 2, 28));
        assert_eq!(last_day_within_months(d(2020, 1, 31), 1), d(2020, 2, 28));
    }

    proptest::proptest! {
        #[test]
        fn add_months_agrees_with_chrono(days in 0u64..80_000, n in 0u32..1_200) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(days);
            let expected = d.checked_add_months(chrono::Months::new(n)).unwrap_or(NaiveDate::MAX);
            proptest::prop_assert_eq!(add_months(d, n), expected);
        }

        #[test]
        fn days_between_agrees_with_chrono(a in 0u64..80_000, b in 0u64..80_000) {
            let base = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            let (a, b) = (base + Days::new(a), base + Days::new(b));
            proptest::prop_assert_eq!(days_between(a, b), (b - a).num_days());
        }
    }

    proptest::proptest! {
        #[test]
        fn day_steps_agree_with_chrono(days in 0u64..80_000, n in 0u64..800) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(days);
            proptest::prop_assert_eq!(add_days(d, n), d + Days::new(n));
            proptest::prop_assert_eq!(sub_days(d, n), d - Days::new(n));
        }
    }

    #[test]
    fn day_steps_saturate_at_the_calendars_edge() {
        assert_eq!(add_days(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(sub_days(NaiveDate::MIN, 1), NaiveDate::MIN);
        assert_eq!(add_days(d(2020, 12, 31), 1), d(2021, 1, 1));
        assert_eq!(sub_days(d(2021, 3, 1), 1), d(2021, 2, 28));
    }

    #[test]
    fn add_months_at_the_calendars_edge() {
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_months(d(2020, 2, 29), 12), d(2021, 2, 28));
        assert_eq!(add_months(d(2019, 12, 31), 2), d(2020, 2, 29));
        assert_eq!(add_months(d(2019, 1, 31), 0), d(2019, 1, 31));
    }

    #[test]
    fn ranges_are_inclusive() {
        let r = DateRange::new(d(2020, 2, 1), d(2020, 3, 1));
        assert_eq!(r.days(), 30);
        assert!(r.contains(d(2020, 3, 1)));
        assert!(r.overlaps(&DateRange::new(d(2020, 3, 1), d(2020, 3, 5))));
        assert!(!r.overlaps(&DateRange::new(d(2020, 3, 2), d(2020, 3, 5))));
        assert_eq!(DateRange::new(d(2020, 3, 2), d(2020, 3, 1)).days(), 0);
        assert_eq!(last_day_within_days(d(2020, 1, 1), 30), d(2020, 1, 30));
    }
}

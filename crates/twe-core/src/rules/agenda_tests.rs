//! The agenda at every boundary of every kind, and properties that tie each kind to the
//! rule it becomes once overdue.

use super::agenda::{self, Group, Item, Kind};
use super::tests::{base, d, inst};
use super::*;
use crate::model::calendar::{add_days, add_months};
use crate::model::{Document, DocumentKind, InstrumentKind, Outcome};
use chrono::{Datelike, NaiveDate};

fn on(day: NaiveDate) -> CheckContext<'static> {
    CheckContext::new(day)
}

fn items(x: &Dossier, day: &str) -> Vec<Item> {
    agenda::dossier(x, &on(d(day))).into_vec()
}

fn due(x: &Dossier, day: &str, kind: Kind) -> Option<NaiveDate> {
    items(x, day)
        .into_iter()
        .find(|i| i.kind == kind)
        .map(|i| i.due.day)
}

fn fires(x: &Dossier, day: NaiveDate, id: &str) -> bool {
    check(x, &on(day)).iter().any(|f| f.rule.id == id)
}

/// Every kind has the rule of DOMAIN.md it becomes once overdue, and exactly one rule
/// gives its due dates.
#[test]
fn each_kind_belongs_to_its_rules() {
    let owners = |k: Kind| -> Vec<&str> { k.rules().map(|r| r.id).collect() };
    assert_eq!(
        owners(Kind::Art60Start),
        ["art60-late-start", "art60-missing"]
    );
    assert_eq!(owners(Kind::DocumentsUpload), ["documents-stale"]);
    assert_eq!(owners(Kind::SecondInstrument), ["fewer-than-two-per-year"]);
    assert_eq!(owners(Kind::NextInstrument), ["inactive-period"]);
    assert_eq!(owners(Kind::TrajectoryEnd), ["trajectory-not-closed"]);
    assert_eq!(owners(Kind::OutcomeFollowup), ["outcome-missing"]);
    for k in Kind::ALL {
        assert_eq!(Kind::from_id(k.id()), Some(k));
    }
}

#[test]
fn art60_start_two_months_after_the_start() {
    let mut x = base();
    x.instruments.remove(0);
    // 1 March + 2 months = 1 May 2019, itself still in time.
    assert_eq!(
        due(&x, "2019-04-30", Kind::Art60Start),
        Some(d("2019-05-01"))
    );
    assert_eq!(
        due(&x, "2019-05-01", Kind::Art60Start),
        Some(d("2019-05-01"))
    );
    assert_eq!(due(&x, "2019-05-02", Kind::Art60Start), None);
    assert!(fires(&x, d("2019-05-02"), "art60-missing"));
    // One starting on the deadline: nothing to do.
    x.instruments
        .push(inst(InstrumentKind::Art60, "2019-05-01", "2020-03-14"));
    assert_eq!(due(&x, "2019-04-01", Kind::Art60Start), None);
    // One starting a day later is late: the item stays until the deadline.
    x.instruments[2].start = d("2019-05-02");
    assert_eq!(
        due(&x, "2019-04-01", Kind::Art60Start),
        Some(d("2019-05-01"))
    );
    // From 31 December: 28 February (month end clamped).
    let mut y = base();
    y.instruments.clear();
    y.start = d("2018-12-31");
    assert_eq!(
        due(&y, "2019-01-15", Kind::Art60Start),
        Some(d("2019-02-28"))
    );
    // Closed trajectories have no item of the first five kinds.
    y.end = Some(d("2019-12-31"));
    assert_eq!(due(&y, "2019-01-15", Kind::Art60Start), None);
}

/// An art. 60§7 that starts before the trajectory is no timely start (DOMAIN.md: none
/// starts within [S, S + 2 months]): the item stays and says why, and once overdue the
/// finding that tells it is `instrument-outside-trajectory` on that employment, there all
/// along, since neither `art60-missing` nor `art60-late-start` applies.
#[test]
fn art60_starting_before_the_trajectory_is_no_timely_start() {
    let mut x = base();
    x.instruments[0].start = d("2019-02-15");
    let item = items(&x, "2019-04-01")
        .into_iter()
        .find(|i| i.kind == Kind::Art60Start)
        .unwrap();
    assert_eq!(item.due.day, d("2019-05-01"));
    assert_eq!(item.due.instrument, Some(0));
    let en = item.message(&x, crate::lang::Lang::En);
    assert!(
        en.contains("starts before the trajectory and is no timely start"),
        "{en}"
    );
    assert!(en.contains("by 1 May 2019"), "{en}");
    let nl = item.message(&x, crate::lang::Lang::Nl);
    assert!(nl.contains("begint vóór het traject"), "{nl}");
    let found = check(&x, &on(d("2019-05-02")));
    assert!(
        found
            .iter()
            .any(|f| f.rule.id == "instrument-outside-trajectory" && f.instruments[..] == [0])
    );
    assert!(!fires(&x, d("2019-05-02"), "art60-late-start"));
    // Moved to the trajectory's start, nothing is due.
    x.instruments[0].start = d("2019-03-01");
    assert_eq!(due(&x, "2019-04-01", Kind::Art60Start), None);
}

#[test]
fn documents_upload_90_days_after_the_last() {
    let x = base();
    // Upload on 5 March 2019: due 3 June.
    assert_eq!(
        due(&x, "2019-06-02", Kind::DocumentsUpload),
        Some(d("2019-06-03"))
    );
    assert_eq!(
        due(&x, "2019-06-03", Kind::DocumentsUpload),
        Some(d("2019-06-03"))
    );
    assert_eq!(due(&x, "2019-06-04", Kind::DocumentsUpload), None);
    assert!(fires(&x, d("2019-06-04"), "documents-stale"));
    // An upload after the reference date does not count (decision 6).
    let mut y = base();
    y.documents.push(Document {
        kind: DocumentKind::Evaluation,
        uploaded: d("2019-05-01"),
    });
    assert_eq!(
        due(&y, "2019-04-15", Kind::DocumentsUpload),
        Some(d("2019-06-03"))
    );
    assert_eq!(
        due(&y, "2019-05-01", Kind::DocumentsUpload),
        Some(d("2019-07-30"))
    );
    // Not past the trajectory's last day (28 Feb 2021): 90 days after 1 Dec 2020 is
    // 1 Mar 2021.
    y.documents.push(Document {
        kind: DocumentKind::Evaluation,
        uploaded: d("2020-12-01"),
    });
    assert_eq!(due(&y, "2020-12-02", Kind::DocumentsUpload), None);
    y.documents.last_mut().unwrap().uploaded = d("2020-11-30");
    assert_eq!(
        due(&y, "2020-12-02", Kind::DocumentsUpload),
        Some(d("2021-02-28"))
    );
}

#[test]
fn documents_upload_runs_into_the_art60_extension() {
    let mut x = base();
    x.instruments[2] = inst(InstrumentKind::Art60, "2020-09-15", "2021-08-31");
    x.documents.push(Document {
        kind: DocumentKind::Evaluation,
        uploaded: d("2021-02-01"),
    });
    assert_eq!(
        due(&x, "2021-02-10", Kind::DocumentsUpload),
        Some(d("2021-05-02"))
    );
    assert_eq!(
        due(&x, "2021-02-10", Kind::TrajectoryEnd),
        Some(d("2021-08-31"))
    );
}

#[test]
fn second_instrument_by_the_end_of_the_year() {
    let mut x = base();
    // Year 2 (1 Mar 2020 – 28 Feb 2021) with only the IBO.
    x.instruments.truncate(1);
    x.instruments[0].end = d("2020-02-29");
    x.instruments
        .push(inst(InstrumentKind::Ibo, "2020-09-15", "2021-02-28"));
    assert_eq!(
        due(&x, "2020-03-01", Kind::SecondInstrument),
        Some(d("2021-02-28"))
    );
    assert_eq!(
        due(&x, "2021-02-27", Kind::SecondInstrument),
        Some(d("2021-02-28"))
    );
    assert_eq!(
        due(&x, "2021-02-28", Kind::SecondInstrument),
        Some(d("2021-02-28"))
    );
    assert_eq!(due(&x, "2021-03-01", Kind::SecondInstrument), None);
    let year_2 = |day: &str| {
        check(&x, &on(d(day))).into_iter().any(|f| {
            f.rule.id == "fewer-than-two-per-year"
                && f.from == Some(d("2020-03-01"))
                && agenda::overdue(&f, &x, d(day)).is_some()
        })
    };
    assert!(!year_2("2021-02-28"), "due that day: not overdue yet");
    assert!(year_2("2021-03-01"), "the day after: the overdue finding");
    // Year 1 is filled by art. 60§7 (exempt): no item while it runs.
    assert_eq!(due(&x, "2020-02-29", Kind::SecondInstrument), None);
    let item = items(&x, "2020-03-01")
        .into_iter()
        .find(|i| i.kind == Kind::SecondInstrument)
        .unwrap();
    assert_eq!(item.due.year, Some(d("2020-03-01")));
}

#[test]
fn next_instrument_61_days_after_the_last_ends() {
    let mut x = base();
    x.instruments.truncate(2);
    // The WES ends 14 Sep 2020: the next must start by 14 Nov 2020.
    let next = |x: &Dossier, day| due(x, day, Kind::NextInstrument);
    assert_eq!(next(&x, "2020-11-13"), Some(d("2020-11-14")));
    assert_eq!(next(&x, "2020-11-14"), Some(d("2020-11-14")));
    assert_eq!(next(&x, "2020-11-15"), None);
    let item = items(&x, "2020-10-01")
        .into_iter()
        .find(|i| i.kind == Kind::NextInstrument)
        .unwrap();
    assert_eq!(item.due.instrument, Some(1));
    // With no instrument, 61 days after the day before the start: 30 April 2019.
    let mut y = base();
    y.instruments.clear();
    assert_eq!(next(&y, "2019-03-01"), Some(d("2019-04-30")));
    // Not past the last day: a WES to 30 Dec 2020 leaves 60 days, so nothing is due.
    x.instruments[1].end = d("2020-12-30");
    assert_eq!(next(&x, "2020-12-01"), None);
    x.instruments[1].end = d("2020-12-29");
    assert_eq!(next(&x, "2020-12-01"), Some(d("2021-02-28")));
}

#[test]
fn trajectory_end_on_the_last_day() {
    let x = base();
    assert_eq!(
        due(&x, "2021-02-27", Kind::TrajectoryEnd),
        Some(d("2021-02-28"))
    );
    assert_eq!(
        due(&x, "2021-02-28", Kind::TrajectoryEnd),
        Some(d("2021-02-28"))
    );
    assert_eq!(due(&x, "2021-03-01", Kind::TrajectoryEnd), None);
    assert!(fires(&x, d("2021-03-01"), "trajectory-not-closed"));
}

#[test]
fn outcome_followup_twelve_months_after_the_end() {
    let mut x = base();
    x.end = Some(d("2021-01-31"));
    assert_eq!(
        due(&x, "2021-06-01", Kind::OutcomeFollowup),
        Some(d("2022-01-31"))
    );
    assert_eq!(
        due(&x, "2022-01-30", Kind::OutcomeFollowup),
        Some(d("2022-01-31"))
    );
    assert_eq!(
        due(&x, "2022-01-31", Kind::OutcomeFollowup),
        Some(d("2022-01-31"))
    );
    assert!(!fires(&x, d("2022-01-31"), "outcome-missing"));
    assert_eq!(due(&x, "2022-02-01", Kind::OutcomeFollowup), None);
    assert!(fires(&x, d("2022-02-01"), "outcome-missing"));
    // Month ends clamp: closed on 29 Feb 2020, measured by 28 Feb 2021.
    let mut y = base();
    y.end = Some(d("2020-02-29"));
    assert_eq!(
        due(&y, "2021-02-27", Kind::OutcomeFollowup),
        Some(d("2021-02-28"))
    );
    assert_eq!(due(&y, "2021-03-01", Kind::OutcomeFollowup), None);
    assert!(fires(&y, d("2021-03-01"), "outcome-missing"));
    // An outcome measured before end + 12 months does not count; one on the day does.
    y.outcome = Some(Outcome {
        at_work: Some(true),
        measured: d("2021-02-27"),
    });
    assert_eq!(
        due(&y, "2021-02-27", Kind::OutcomeFollowup),
        Some(d("2021-02-28"))
    );
    y.outcome = Some(Outcome {
        at_work: Some(true),
        measured: d("2021-02-28"),
    });
    assert_eq!(due(&y, "2021-02-27", Kind::OutcomeFollowup), None);
    // Closed: no item of the other kinds.
    assert_eq!(items(&x, "2021-02-01").len(), 1);
    x.outcome = Some(Outcome {
        at_work: Some(false),
        measured: d("2022-01-31"),
    });
    assert!(items(&x, "2021-06-01").is_empty());
}

/// A file may hold dates up to 9999; what would fall due after it is left out, so every
/// calendar and JSON date keeps four digits.
#[test]
fn nothing_falls_due_after_9999() {
    let mut x = base();
    x.instruments.clear();
    x.start = d("9999-06-01");
    let all = items(&x, "9999-06-01");
    assert!(all.iter().all(|i| i.due.day.year() <= 9999), "{all:?}");
    // Art. 60§7 by 1 Aug 9999, the next instrument by 31 Jul 9999: still there.
    assert_eq!(
        due(&x, "9999-06-01", Kind::Art60Start),
        Some(d("9999-08-01"))
    );
    // The trajectory's last day, 31 May 10001, is not.
    assert_eq!(due(&x, "9999-06-01", Kind::TrajectoryEnd), None);
}

#[test]
fn an_invalid_trajectory_has_no_agenda() {
    let mut x = base();
    x.end = Some(d("2019-01-01"));
    assert!(items(&x, "2018-06-01").is_empty());
}

#[test]
fn items_are_sorted_and_grouped_by_iso_week() {
    let mut x = base();
    x.instruments.clear();
    let all = items(&x, "2019-03-01");
    let days: Vec<NaiveDate> = all.iter().map(Item::day).collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted);
    // Friday 27 November 2026: this week runs to Sunday 29, next week to 6 December, and
    // nothing of November is left after it.
    let today = d("2026-11-27");
    assert_eq!(Group::of(d("2026-11-27"), today), Group::ThisWeek);
    assert_eq!(Group::of(d("2026-11-29"), today), Group::ThisWeek);
    assert_eq!(Group::of(d("2026-11-30"), today), Group::NextWeek);
    assert_eq!(Group::of(d("2026-12-06"), today), Group::NextWeek);
    assert_eq!(Group::of(d("2026-12-07"), today), Group::Later);
    // Tuesday 1 December: next week ends on the 13th, the month on the 31st.
    let today = d("2026-12-01");
    assert_eq!(Group::of(d("2026-12-13"), today), Group::NextWeek);
    assert_eq!(Group::of(d("2026-12-14"), today), Group::ThisMonth);
    assert_eq!(Group::of(d("2026-12-31"), today), Group::ThisMonth);
    assert_eq!(Group::of(d("2027-01-01"), today), Group::Later);
    let today = d("2026-11-27");
    // Next week may reach into the next month; it is still next week.
    assert_eq!(Group::of(d("2026-12-01"), today), Group::NextWeek);
    assert_eq!(Group::of(d("2027-01-04"), d("2026-12-28")), Group::NextWeek);
}

#[test]
fn overdue_findings_are_those_of_the_owning_rules_past_their_day() {
    let x = base();
    let today = d("2021-03-05");
    let found = check(&x, &on(today));
    let over: Vec<&str> = found
        .iter()
        .filter(|f| agenda::overdue(f, &x, today).is_some())
        .map(|f| f.rule.id)
        .collect();
    assert!(over.contains(&"trajectory-not-closed"), "{over:?}");
    // A closed trajectory's old gaps are not overdue actions.
    let mut y = base();
    y.instruments.truncate(1);
    y.end = Some(d("2021-02-28"));
    let found = check(&y, &on(today));
    assert!(found.iter().any(|f| f.rule.id == "inactive-period"));
    assert!(
        found
            .iter()
            .all(|f| f.rule.id == "outcome-missing" || agenda::overdue(f, &y, today).is_none())
    );
}

#[test]
fn every_item_words_itself_in_both_languages() {
    let mut x = base();
    x.instruments.clear();
    for lang in [crate::lang::Lang::Nl, crate::lang::Lang::En] {
        for item in items(&x, "2019-03-01") {
            let m = item.message(&x, lang);
            assert!(m.contains(&crate::lang::date(item.due.day, lang)), "{m}");
        }
    }
    x.end = Some(d("2020-01-31"));
    let m = items(&x, "2020-06-01")[0].message(&x, crate::lang::Lang::En);
    assert_eq!(
        m,
        "Measure the outcome 12 months after the end on or after 31 Jan 2021"
    );
}

mod property {
    use super::*;
    use crate::model::{Instrument, Status};
    use proptest::prelude::*;

    fn day(from: NaiveDate, offset: i64) -> NaiveDate {
        if offset >= 0 {
            add_days(from, offset as u64)
        } else {
            crate::model::calendar::sub_days(from, offset.unsigned_abs())
        }
    }

    /// Open trajectories (and some closed ones) with instruments, uploads and rights
    /// around their days, and a reference date inside or after them.
    fn case() -> impl Strategy<Value = (Dossier, NaiveDate)> {
        let kind = prop_oneof![
            Just(InstrumentKind::Art60),
            Just(InstrumentKind::Wes),
            Just(InstrumentKind::Ibo),
            Just(InstrumentKind::Bvs),
        ];
        let instrument = (kind, -40i64..800, 1i64..420);
        (
            0i64..2000,
            proptest::option::of(200i64..800),
            proptest::option::of(500i64..1000),
            proptest::collection::vec(instrument, 0..5),
            proptest::collection::vec(0i64..900, 0..4),
            proptest::option::of(0i64..800),
            0i64..1300,
        )
            .prop_map(|(s, end, rights, insts, uploads, outcome, t)| {
                let start = day(d("2019-01-01"), s);
                let mut x = base();
                x.start = start;
                x.end = end.filter(|e| e % 3 == 0).map(|e| day(start, e));
                x.social_rights_acquired = rights.map(|r| day(start, r));
                x.instruments = insts
                    .into_iter()
                    .map(|(kind, from, len)| Instrument {
                        kind,
                        start: day(start, from),
                        end: day(start, from + len),
                        status: Status::Planned,
                    })
                    .collect();
                x.documents = uploads
                    .into_iter()
                    .map(|u| Document {
                        kind: DocumentKind::Evaluation,
                        uploaded: day(start, u),
                    })
                    .collect();
                x.outcome = outcome.map(|o| Outcome {
                    at_work: None,
                    measured: day(start, o),
                });
                (x, day(start, t))
            })
    }

    fn rule_on(x: &Dossier, day: NaiveDate, id: &str) -> Vec<Finding> {
        check(x, &on(day))
            .into_iter()
            .filter(|f| f.rule.id == id)
            .collect()
    }

    fn with(x: &Dossier, kind: InstrumentKind, from: NaiveDate, to: NaiveDate) -> Dossier {
        let mut y = x.clone();
        y.instruments.push(Instrument {
            kind,
            start: from,
            end: to,
            status: Status::Planned,
        });
        y
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn each_item_is_its_rule_the_day_after((x, today) in case()) {
            let agenda = agenda::dossier(&x, &on(today));
            let last = x.running_last_day();
            let mut kinds: Vec<Kind> = agenda.iter().map(|i| i.kind).collect();
            kinds.dedup();
            prop_assert_eq!(kinds.len(), agenda.len(), "one item per kind");
            for item in &agenda {
                let due = item.due.day;
                prop_assert!(due >= today);
                prop_assert_eq!(item.kind.for_open(), x.end.is_none());
                let next = add_days(due, 1);
                match item.kind {
                    Kind::DocumentsUpload => {
                        if due < last && x.documents.iter().all(|u| u.uploaded <= today) {
                            prop_assert!(rule_on(&x, due, "documents-stale").is_empty());
                            prop_assert!(!rule_on(&x, next, "documents-stale").is_empty());
                        }
                    }
                    Kind::TrajectoryEnd => {
                        prop_assert_eq!(due, last);
                        prop_assert!(rule_on(&x, due, "trajectory-not-closed").is_empty());
                        prop_assert!(!rule_on(&x, next, "trajectory-not-closed").is_empty());
                    }
                    Kind::OutcomeFollowup => {
                        prop_assert!(rule_on(&x, due, "outcome-missing").is_empty());
                        prop_assert!(!rule_on(&x, next, "outcome-missing").is_empty());
                    }
                    Kind::NextInstrument => {
                        // The gap after the latest end E runs from E + 1.
                        let gap_from = crate::model::calendar::sub_days(due, 60);
                        let trailing = |y: &Dossier| {
                            rule_on(y, today, "inactive-period")
                                .into_iter()
                                .any(|f| f.from == Some(gap_from))
                        };
                        prop_assert!(trailing(&x), "nothing added: the gap passes 60 days");
                        let at = with(&x, InstrumentKind::Ibo, due, last);
                        prop_assert!(!trailing(&at), "one from D closes it");
                        let late = with(&x, InstrumentKind::Ibo, next, last);
                        prop_assert!(trailing(&late), "one from D + 1 does not");
                    }
                    Kind::SecondInstrument => {
                        let year = item.due.year.unwrap();
                        let of_year = |y: &Dossier| {
                            rule_on(y, today, "fewer-than-two-per-year")
                                .into_iter()
                                .find(|f| f.from == Some(year))
                        };
                        let Some(found) = of_year(&x) else {
                            return Err(TestCaseError::fail("the year has the finding"));
                        };
                        prop_assert_eq!(found.to, Some(due));
                        prop_assert_eq!(agenda::overdue(&found, &x, due), None);
                        prop_assert_eq!(agenda::overdue(&found, &x, next), Some(due));
                        // Two one-day instruments on the due day fill it.
                        let y = with(&x, InstrumentKind::Bvs, due, due);
                        let y = with(&y, InstrumentKind::Bvs, due, due);
                        prop_assert!(of_year(&y).is_none());
                    }
                    Kind::Art60Start => {
                        prop_assert_eq!(due, add_months(x.start, 2));
                        // One starting on D is in time, whatever else there is.
                        let at = with(&x, InstrumentKind::Art60, due, add_days(due, 100));
                        prop_assert!(rule_on(&at, today, "art60-late-start").is_empty());
                        prop_assert!(rule_on(&at, today, "art60-missing").is_empty());
                        let none = x.instruments.iter().all(|i| i.kind != InstrumentKind::Art60);
                        if none {
                            let late = with(&x, InstrumentKind::Art60, next, add_days(due, 100));
                            prop_assert!(!rule_on(&late, today, "art60-late-start").is_empty());
                        }
                    }
                }
            }
            // And the other way round: an owning rule that fires on the reference date was
            // due before it, or is not about a due date that came yet.
            for f in &check(&x, &on(today)) {
                if let Some(was) = agenda::overdue(f, &x, today) {
                    prop_assert!(was < today);
                }
            }
        }

        #[test]
        fn a_kind_with_a_rule_leaves_the_agenda_as_its_finding((x, today) in case()) {
            // On the day after an item is due, with nothing changed, the item is gone and
            // an overdue finding of its rule is there.
            for item in agenda::dossier(&x, &on(today)) {
                let due = item.due.day;
                let next = add_days(due, 1);
                let later = agenda::dossier(&x, &on(next));
                prop_assert!(later.iter().all(|i| i.kind != item.kind || i.due.day > due));
                // Exempt by DOMAIN.md: an upload due on the trajectory's last day (the day
                // after, the trajectory no longer runs: `trajectory-not-closed` says it),
                // and one an upload dated after the reference date moves.
                if item.kind == Kind::DocumentsUpload
                    && (due >= x.running_last_day()
                        || x.documents.iter().any(|u| u.uploaded > today))
                {
                    continue;
                }
                let found = check(&x, &on(next));
                let overdue = found.iter().any(|f| {
                    f.rule.deadline.as_ref().is_some_and(|dl| dl.kind == item.kind)
                        && agenda::overdue(f, &x, next).is_some()
                });
                // An art. 60§7 starting before the trajectory is told by the rule about
                // instruments outside it (see `art60_starting_before_the_trajectory_...`).
                let early_art60 = item.kind == Kind::Art60Start
                    && found.iter().any(|f| {
                        f.rule.id == "instrument-outside-trajectory"
                            && f.instruments.iter().any(|&i| {
                                x.instruments[i].kind == InstrumentKind::Art60
                                    && x.instruments[i].start < x.start
                            })
                    });
                prop_assert!(
                    overdue || early_art60,
                    "{:?} due {} has no overdue finding on {}", item.kind, due, next
                );
            }
        }
    }
}

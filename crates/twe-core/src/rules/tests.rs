//! Each rule at its boundaries: one case that fires and one that does not, with inclusive
//! dates, month ends and leap years.

use super::*;
use crate::model::{
    Activity, ActivityKind, Actor, Document, DocumentKind, Focus, Instrument, InstrumentKind, Plan,
    Provider, Status,
};
use chrono::NaiveDate;

pub(super) fn d(s: &str) -> NaiveDate {
    crate::model::date_serde::parse(s).unwrap()
}

pub(super) fn inst(kind: InstrumentKind, start: &str, end: &str) -> Instrument {
    Instrument {
        kind,
        start: d(start),
        end: d(end),
        status: Status::Planned,
    }
}

fn training(provider: Provider, focus: Focus, full_time: bool) -> InstrumentKind {
    InstrumentKind::Opleiding {
        name: "Metaalbad".into(),
        provider,
        focus,
        full_time,
    }
}

/// A compliant trajectory from 2019-03-01 (regular last day 2021-02-28): art. 60§7, WES, IBO.
pub(super) fn base() -> Dossier {
    Dossier {
        id: "T-1".into(),
        client: "Test Client".into(),
        ocmw: "Gent".into(),
        guided_by: None,
        counsellor: None,
        plan: Some(Plan::Pop),
        start: d("2019-03-01"),
        end: None,
        social_rights_acquired: None,
        instruments: vec![
            inst(InstrumentKind::Art60, "2019-03-15", "2020-03-14"),
            inst(InstrumentKind::Wes, "2020-03-15", "2020-09-14"),
            inst(InstrumentKind::Ibo, "2020-09-15", "2021-02-28"),
        ],
        documents: vec![Document {
            kind: DocumentKind::Pop,
            uploaded: d("2019-03-05"),
        }],
        activities: vec![],
        outcome: None,
        notes: Vec::new(),
    }
}

/// A reference date early in the base trajectory, 27 days after its upload, so the rules of
/// the reference date (`documents-stale`, `trajectory-not-closed`, `outcome-missing`) stay
/// quiet unless a test sets another.
fn ctx() -> CheckContext<'static> {
    CheckContext::new(d("2019-04-01"))
}

fn findings(dossier: &Dossier) -> Findings {
    check(dossier, &ctx())
}

fn fired(dossier: &Dossier, id: &str) -> Vec<Finding> {
    findings(dossier)
        .into_iter()
        .filter(|f| f.rule.id == id)
        .collect()
}

fn fires(dossier: &Dossier, id: &str) -> bool {
    !fired(dossier, id).is_empty()
}

#[test]
fn the_base_dossier_is_compliant() {
    let f = findings(&base());
    let ids: Vec<&str> = f.iter().map(|f| f.rule.id).collect();
    // Information only: the art. 60§7 began on 15 March and is still "planned" on 1 April.
    assert_eq!(
        ids,
        vec!["two-per-year-exempt", "planned-after-start"],
        "{f:#?}"
    );
}

/// `planned-after-start` (issue 22): an instrument still planned after its start day is
/// said (information), not on its start day, not once running; its fix marks it running
/// and adds no finding.
#[test]
fn planned_after_start_boundaries_and_fix() {
    let at = |day: &str, status: Status| {
        let mut x = base();
        for i in &mut x.instruments {
            i.status = Status::Running;
        }
        x.instruments[0].status = status;
        check(&x, &CheckContext::new(d(day)))
            .into_iter()
            .filter(|f| f.rule.id == "planned-after-start")
            .collect::<Vec<_>>()
    };
    assert!(
        at("2019-03-15", Status::Planned).is_empty(),
        "on its start day"
    );
    let found = at("2019-03-16", Status::Planned);
    assert_eq!(found.len(), 1, "the day after");
    assert_eq!(found[0].instruments.as_slice(), [0]);
    assert_eq!(found[0].severity(), Severity::Info);
    assert!(at("2019-03-16", Status::Running).is_empty());
    assert!(at("2019-03-16", Status::Completed).is_empty());
    let mut x = base();
    for i in &mut x.instruments {
        i.status = Status::Running;
    }
    x.instruments[0].status = Status::Planned;
    let ctx = CheckContext::new(d("2019-03-16"));
    let before = check(&x, &ctx);
    let f = before
        .iter()
        .find(|f| f.rule.id == "planned-after-start")
        .unwrap();
    let fixes = crate::rules::fixes::fixes(f, &x, &before, &ctx);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].dossier.instruments[0].status, Status::Running);
    assert_eq!(fixes[0].label(crate::lang::Lang::En), "Mark as running");
}

#[test]
fn every_rule_has_a_unique_id_a_title_and_a_source() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
    for r in &RULES {
        assert!(!r.title.nl.is_empty() && !r.title.en.is_empty(), "{}", r.id);
        assert!(!r.source.passage.is_empty(), "{}", r.id);
        assert_eq!(rule(r.id).map(|x| x.id), Some(r.id));
    }
}

#[test]
fn invalid_range() {
    let mut x = base();
    x.instruments[1].end = d("2020-03-15");
    assert!(!fires(&x, "invalid-range"), "a one-day instrument is valid");
    x.instruments[1].end = d("2020-03-14");
    let f = fired(&x, "invalid-range");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].instruments.as_slice(), [1]);
    assert!(
        !fires(&x, "overlap"),
        "an invalid instrument is left to invalid-range"
    );

    let mut y = base();
    y.end = Some(d("2019-02-28"));
    assert!(fires(&y, "invalid-range"));
    y.end = Some(d("2019-03-01"));
    assert!(!fires(&y, "invalid-range"));
}

#[test]
fn trajectory_too_long_at_the_month_end() {
    // 31 August + 24 months = 31 August; the regular last day is 30 August.
    let mut x = base();
    x.start = d("2017-08-31");
    x.instruments = vec![inst(InstrumentKind::Art60, "2017-09-01", "2018-08-31")];
    assert_eq!(x.regular_last_day(), d("2019-08-30"));
    x.end = Some(d("2019-08-30"));
    assert!(!fires(&x, "trajectory-too-long"));
    x.end = Some(d("2019-08-31"));
    let f = fired(&x, "trajectory-too-long");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].from, f[0].to),
        (Some(d("2019-08-31")), Some(d("2019-08-31")))
    );
}

#[test]
fn trajectory_from_a_leap_day() {
    let mut x = base();
    x.start = d("2020-02-29");
    // 29 February 2020 + 24 months clamps to 28 February 2022; minus one day.
    assert_eq!(x.regular_last_day(), d("2022-02-27"));
    x.end = Some(d("2022-02-28"));
    x.instruments = vec![inst(InstrumentKind::Art60, "2020-03-01", "2021-02-28")];
    assert!(fires(&x, "trajectory-too-long"));
}

#[test]
fn art60_may_extend_the_trajectory_while_rights_are_open() {
    let mut x = base();
    x.instruments = vec![
        inst(InstrumentKind::Wes, "2019-03-01", "2019-08-31"),
        inst(InstrumentKind::Art60, "2019-09-01", "2021-06-30"),
    ];
    x.end = Some(d("2021-06-30"));
    assert!(!fires(&x, "trajectory-too-long"));
    assert!(!fires(&x, "instrument-outside-trajectory"));
    let f = fired(&x, "art60-extends-trajectory");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].from, f[0].to),
        (Some(d("2021-03-01")), Some(d("2021-06-30")))
    );
    assert_eq!(f[0].severity(), Severity::Info);

    // Past the employment's end, the exception no longer covers the trajectory.
    x.end = Some(d("2021-07-01"));
    assert!(fires(&x, "trajectory-too-long"));

    // Rights acquired on the regular last day: no exception at all.
    x.end = Some(d("2021-06-30"));
    x.social_rights_acquired = Some(d("2021-02-28"));
    assert!(fires(&x, "trajectory-too-long"));
    assert!(!fires(&x, "art60-extends-trajectory"));
    // Rights acquired later: the trajectory may run to that day, not beyond.
    x.social_rights_acquired = Some(d("2021-05-31"));
    assert!(fires(&x, "trajectory-too-long"));
    x.end = Some(d("2021-05-31"));
    assert!(!fires(&x, "trajectory-too-long"));
    assert!(fires(&x, "art60-extends-trajectory"));
}

#[test]
fn an_open_trajectory_with_art60_past_24_months() {
    let mut x = base();
    x.instruments = vec![
        inst(InstrumentKind::Wes, "2019-03-01", "2019-08-31"),
        inst(InstrumentKind::Art60, "2019-09-01", "2021-06-30"),
    ];
    assert!(fires(&x, "art60-extends-trajectory"));
    assert!(!fires(&x, "instrument-outside-trajectory"));
    x.social_rights_acquired = Some(d("2020-12-31"));
    assert!(!fires(&x, "art60-extends-trajectory"));
    assert!(fires(&x, "instrument-outside-trajectory"));
    assert!(fires(&x, "art60-past-social-rights"));
}

#[test]
fn art60_late_start_on_the_deadline_is_in_time() {
    let mut x = base();
    x.instruments = vec![inst(InstrumentKind::Art60, "2019-05-01", "2020-04-30")];
    assert!(
        !fires(&x, "art60-late-start"),
        "start + 2 months is still in time"
    );
    x.instruments[0].start = d("2019-05-02");
    let f = fired(&x, "art60-late-start");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].detail, Detail::Date(d("2019-05-01")));
}

#[test]
fn art60_late_start_at_a_month_end() {
    let mut x = base();
    x.start = d("2018-12-31");
    x.instruments = vec![inst(InstrumentKind::Art60, "2019-02-28", "2020-02-27")];
    assert!(
        !fires(&x, "art60-late-start"),
        "31 December + 2 months is 28 February"
    );
    x.instruments[0].start = d("2019-03-01");
    assert!(fires(&x, "art60-late-start"));
}

#[test]
fn only_the_first_art60_must_start_in_time() {
    let mut x = base();
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2019-03-15", "2019-06-30"),
        inst(InstrumentKind::Art60, "2019-09-01", "2020-08-31"),
    ];
    assert!(!fires(&x, "art60-late-start"));
}

/// Decision 2: an instrument with swapped dates counts for nothing elsewhere: the only
/// art. 60§7, swapped, leaves the trajectory without one.
#[test]
fn a_swapped_art60_counts_for_nothing() {
    let mut x = base();
    x.instruments[0] = inst(InstrumentKind::Art60, "2020-03-14", "2019-03-15");
    assert!(fires(&x, "invalid-range"));
    assert!(fires(&x, "art60-missing"));
    assert!(!fires(&x, "art60-late-start"));
    // One day long is valid: it counts.
    x.instruments[0] = inst(InstrumentKind::Art60, "2019-03-15", "2019-03-15");
    assert!(!fires(&x, "art60-missing"));
}

/// Decision 3: a trajectory that ends before it starts gets `invalid-range`, and none of
/// the rules that need its days; on its first day (a one-day trajectory) they run again.
#[test]
fn a_trajectory_ending_before_it_starts_skips_the_rules_of_its_days() {
    let mut x = base();
    x.end = Some(d("2019-02-28"));
    let ids: Vec<&str> = findings(&x).iter().map(|f| f.rule.id).collect();
    assert!(ids.contains(&"invalid-range"), "{ids:?}");
    for skipped in RULES.iter().filter(|r| r.needs_range) {
        assert!(
            !ids.contains(&skipped.id),
            "{} on a reversed trajectory",
            skipped.id
        );
    }
    for id in [
        "instrument-outside-trajectory",
        "wes-past-end",
        "ibo-past-end",
        "inactive-period",
        "documents-stale",
        "fewer-than-two-per-year",
        "two-per-year-exempt",
        "trajectory-too-long",
        "art60-extends-trajectory",
    ] {
        assert!(
            rule(id).is_some_and(|r| r.needs_range),
            "{id} needs the range"
        );
    }
    x.end = Some(d("2019-03-01"));
    assert!(!fires(&x, "invalid-range"));
    assert!(fires(&x, "instrument-outside-trajectory"));
}

#[test]
fn art60_missing() {
    let mut x = base();
    assert!(!fires(&x, "art60-missing"));
    x.instruments.remove(0);
    assert!(fires(&x, "art60-missing"));
}

#[test]
fn art60_past_social_rights() {
    let mut x = base();
    x.social_rights_acquired = Some(d("2020-03-14"));
    assert!(!fires(&x, "art60-past-social-rights"));
    x.social_rights_acquired = Some(d("2020-03-13"));
    let f = fired(&x, "art60-past-social-rights");
    assert_eq!(
        (f[0].from, f[0].to),
        (Some(d("2020-03-14")), Some(d("2020-03-14")))
    );
}

/// Decision 1: an employment that starts after the rights were acquired is reported too,
/// from its start, said as such, and with no fix that would give it an end before its start.
#[test]
fn art60_starting_after_social_rights_is_reported() {
    let mut x = base();
    // The day before the art. 60§7 starts (2019-03-15).
    x.social_rights_acquired = Some(d("2019-03-14"));
    let f = fired(&x, "art60-past-social-rights");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].from, f[0].to),
        (Some(d("2019-03-15")), Some(d("2020-03-14")))
    );
    let en = (f[0].rule.describe)(&f[0], &x, crate::lang::Lang::En);
    assert!(
        en.contains("starts after the day social rights were acquired"),
        "{en}"
    );
    assert!((f[0].rule.fix)(&f[0], &x).is_empty());
    // On its first day: it started while the rights were open, and runs on after them.
    x.social_rights_acquired = Some(d("2019-03-15"));
    let f = fired(&x, "art60-past-social-rights");
    assert_eq!(f[0].from, Some(d("2019-03-16")));
    let en = (f[0].rule.describe)(&f[0], &x, crate::lang::Lang::En);
    assert!(en.contains("runs on after"), "{en}");
    assert_eq!((f[0].rule.fix)(&f[0], &x).len(), 1);
}

#[test]
fn instrument_outside_trajectory() {
    let mut x = base();
    x.instruments[0].start = d("2019-03-01");
    assert!(!fires(&x, "instrument-outside-trajectory"));
    x.instruments[0].start = d("2019-02-28");
    assert!(fires(&x, "instrument-outside-trajectory"));

    // A closed trajectory: a training may end on the last day, not after.
    let mut y = base();
    y.end = Some(d("2020-12-31"));
    y.instruments[2] = inst(
        training(Provider::Vdab, Focus::Generic, true),
        "2020-10-01",
        "2020-12-31",
    );
    assert!(!fires(&y, "instrument-outside-trajectory"));
    y.instruments[2].end = d("2021-01-01");
    assert!(fires(&y, "instrument-outside-trajectory"));
    // A WES or an IBO past the end is not "outside": their own rules speak.
    y.instruments[2].kind = InstrumentKind::Ibo;
    assert!(!fires(&y, "instrument-outside-trajectory"));
    // Starting after the last day is outside for every kind.
    y.instruments[2].start = d("2021-01-01");
    assert!(fires(&y, "instrument-outside-trajectory"));
}

#[test]
fn overlap_counts_inclusive_days() {
    let mut x = base();
    x.instruments[1].start = d("2020-03-14");
    let f = fired(&x, "overlap");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].instruments.as_slice(), [0, 1]);
    assert_eq!(
        (f[0].from, f[0].to),
        (Some(d("2020-03-14")), Some(d("2020-03-14")))
    );
    x.instruments[1].start = d("2020-03-15");
    assert!(!fires(&x, "overlap"));
}

#[test]
fn hostile_overlap_names_each_instrument_once_against_the_earliest_it_overlaps() {
    let mut x = base();
    // Three WES on top of each other and of the art. 60§7: three findings, not six.
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2019-03-15", "2020-03-14"),
        inst(InstrumentKind::Wes, "2019-04-01", "2019-09-30"),
        inst(InstrumentKind::Wes, "2019-05-01", "2019-10-31"),
        inst(InstrumentKind::Wes, "2020-03-14", "2020-08-31"),
    ];
    let f = fired(&x, "overlap");
    let pairs: Vec<&[usize]> = f.iter().map(|f| f.instruments.as_slice()).collect();
    assert_eq!(pairs, [&[0, 1][..], &[0, 2], &[0, 3]]);
    // The earliest it overlaps, not the first of the trajectory: the third WES starts after
    // the art. 60§7 ended, and meets the second.
    x.instruments[3] = inst(InstrumentKind::Wes, "2020-03-15", "2020-08-31");
    x.instruments[2] = inst(InstrumentKind::Wes, "2020-03-01", "2020-03-20");
    let f = fired(&x, "overlap");
    let pairs: Vec<&[usize]> = f.iter().map(|f| f.instruments.as_slice()).collect();
    assert_eq!(pairs, [&[0, 1][..], &[0, 2], &[2, 3]]);
    // A part-time training beside art. 60§7 is skipped over: its earliest real overlap is
    // the WES it also meets.
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2019-03-15", "2020-03-14"),
        inst(InstrumentKind::Wes, "2019-03-20", "2019-04-30"),
        inst(
            training(Provider::Vdab, Focus::Generic, false),
            "2019-04-01",
            "2019-05-31",
        ),
    ];
    let f = fired(&x, "overlap");
    let pairs: Vec<&[usize]> = f.iter().map(|f| f.instruments.as_slice()).collect();
    assert_eq!(pairs, [&[0, 1][..], &[1, 2]]);
    assert_eq!(
        (f[1].from, f[1].to),
        (Some(d("2019-04-01")), Some(d("2019-04-30")))
    );
}

#[test]
fn hostile_a_thousand_instruments_on_one_day_give_a_thousand_findings_at_most() {
    let mut x = base();
    x.instruments = vec![inst(InstrumentKind::Wes, "2019-04-01", "2019-09-30"); 1_000];
    let f = fired(&x, "overlap");
    assert_eq!(f.len(), 999);
    assert!(f.iter().all(|f| f.instruments[0] == 0));
    let all = check(&x, &ctx());
    assert!(all.len() < 5 * 1_000, "{} findings", all.len());
}

#[test]
fn part_time_training_may_run_beside_art60_only() {
    let mut x = base();
    x.instruments.push(inst(
        training(Provider::Vdab, Focus::Generic, false),
        "2019-06-01",
        "2019-07-31",
    ));
    assert!(!fires(&x, "overlap"));
    x.instruments[3].kind = training(Provider::Vdab, Focus::Generic, true);
    assert!(fires(&x, "overlap"), "full-time training during art. 60§7");
    x.instruments[3] = inst(
        training(Provider::Vdab, Focus::Generic, false),
        "2020-04-01",
        "2020-04-30",
    );
    assert!(fires(&x, "overlap"), "part-time training during a WES");
}

#[test]
fn bvs_lasts_30_calendar_days() {
    let mut x = base();
    x.instruments
        .push(inst(InstrumentKind::Bvs, "2019-02-01", "2019-03-02"));
    x.start = d("2019-02-01");
    assert!(
        !fires(&x, "max-duration"),
        "1 February – 2 March 2019 is 30 days"
    );
    x.instruments[3].end = d("2019-03-03");
    assert!(fires(&x, "max-duration"), "31 days");
}

#[test]
fn wes_lasts_6_months_with_month_ends_clamped() {
    let mut x = base();
    // Leap year: 31 August 2019 + 6 months = 29 February 2020, so the last day is the 28th.
    x.instruments = vec![inst(InstrumentKind::Wes, "2019-08-31", "2020-02-28")];
    assert!(!fires(&x, "max-duration"));
    x.instruments[0].end = d("2020-02-29");
    let f = fired(&x, "max-duration");
    assert_eq!(f[0].detail, Detail::Date(d("2020-02-28")));
    // Not a leap year: 31 August 2018 + 6 months = 28 February 2019, last day the 27th.
    x.start = d("2018-08-01");
    x.instruments = vec![inst(InstrumentKind::Wes, "2018-08-31", "2019-02-27")];
    assert!(!fires(&x, "max-duration"));
    x.instruments[0].end = d("2019-02-28");
    assert!(fires(&x, "max-duration"));
}

#[test]
fn ibo_lasts_4_to_26_weeks() {
    let mut x = base();
    // 15 September 2020 + 181 days = 15 March 2021: 182 days.
    x.end = None;
    x.instruments[2].end = d("2021-03-15");
    assert!(!fires(&x, "max-duration"));
    x.instruments[2].end = d("2021-03-16");
    assert!(fires(&x, "max-duration"), "183 days");

    x.instruments[2].end = d("2020-10-12");
    assert!(!fires(&x, "min-duration"), "28 days");
    x.instruments[2].end = d("2020-10-11");
    let f = fired(&x, "min-duration");
    assert_eq!(
        f[0].detail,
        Detail::Days {
            actual: 27,
            limit: 28
        }
    );
}

#[test]
fn bvs_abolished_on_1_january_2023() {
    let mut x = base();
    x.start = d("2022-11-01");
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2022-11-01", "2022-12-30"),
        inst(InstrumentKind::Bvs, "2022-12-31", "2023-01-20"),
    ];
    assert!(!fires(&x, "bvs-abolished"));
    x.instruments[1].start = d("2023-01-01");
    assert!(fires(&x, "bvs-abolished"));
}

#[test]
fn technical_training_three_months_to_the_day() {
    let mut x = base();
    x.instruments[2] = inst(
        training(Provider::Vdab, Focus::Technical, true),
        "2020-09-15",
        "2020-12-14",
    );
    assert!(!fires(&x, "technical-training"));
    x.instruments[2].end = d("2020-12-15");
    let f = fired(&x, "technical-training");
    assert_eq!(
        f[0].detail,
        Detail::Technical(TechnicalIssue {
            too_long: Some(d("2020-12-14")),
            ..Default::default()
        })
    );
}

#[test]
fn technical_training_must_be_vdab_or_recognised_and_once() {
    let mut x = base();
    x.instruments[2] = inst(
        training(Provider::Recognised, Focus::Technical, false),
        "2020-09-15",
        "2020-10-14",
    );
    assert!(!fires(&x, "technical-training"));
    x.instruments[2].kind = training(
        Provider::Other("Privéschool".into()),
        Focus::Technical,
        false,
    );
    assert!(fires(&x, "technical-training"));
    x.instruments[2].kind = training(Provider::Other("Privéschool".into()), Focus::Generic, false);
    assert!(
        !fires(&x, "technical-training"),
        "generic training has no such condition"
    );

    let mut y = base();
    y.instruments[2] = inst(
        training(Provider::Vdab, Focus::Technical, true),
        "2020-09-15",
        "2020-10-14",
    );
    y.instruments.push(inst(
        training(Provider::Vdab, Focus::Technical, true),
        "2020-11-01",
        "2020-12-31",
    ));
    let f = fired(&y, "technical-training");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].instruments.as_slice(),
        [3, 2],
        "the second one, and the first it repeats"
    );
}

#[test]
fn two_per_year_in_trajectory_years() {
    let mut x = base();
    // Year 2 (1 March 2020 – 28 February 2021) has the tail of art. 60§7, the WES and the IBO.
    x.instruments.truncate(2);
    x.instruments[0].end = d("2020-02-29");
    x.instruments[1] = inst(InstrumentKind::Wes, "2020-03-01", "2020-08-31");
    let f = fired(&x, "fewer-than-two-per-year");
    assert_eq!(f.len(), 1);
    assert!(matches!(
        f[0].detail,
        Detail::Year {
            number: 2,
            active: 1,
            exemption: None,
            ..
        }
    ));
    x.instruments
        .push(inst(InstrumentKind::Ibo, "2020-09-01", "2021-02-28"));
    assert!(!fires(&x, "fewer-than-two-per-year"));
}

#[test]
fn art60_must_fill_more_than_half_of_a_year_to_exempt_it() {
    // Year 1 of a 2019-03-01 trajectory has 366 days (it holds 29 February 2020).
    let mut x = base();
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2019-03-01", "2019-08-31"), // 184 days: more than half
        inst(InstrumentKind::Wes, "2020-03-01", "2020-08-31"),
        inst(InstrumentKind::Ibo, "2020-09-01", "2021-02-28"),
    ];
    let exempt = fired(&x, "two-per-year-exempt");
    assert!(matches!(
        exempt[0].detail,
        Detail::Year {
            number: 1,
            exemption: Some(Exemption::Art60FillsYear),
            ..
        }
    ));
    x.instruments[0].end = d("2019-08-30"); // 183 days: exactly half
    assert!(!fires(&x, "two-per-year-exempt"));
    assert!(fires(&x, "fewer-than-two-per-year"));
}

#[test]
fn a_year_the_trajectory_ended_in_is_exempt() {
    let mut x = base();
    x.end = Some(d("2020-06-30"));
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2019-03-15", "2020-03-14"),
        inst(InstrumentKind::Wes, "2020-03-15", "2020-06-30"),
    ];
    assert!(
        !fires(&x, "fewer-than-two-per-year"),
        "year 2 has two anyway"
    );
    x.instruments[0].end = d("2020-02-29");
    x.instruments[1].start = d("2020-03-01");
    let f = fired(&x, "two-per-year-exempt");
    assert!(f.iter().any(|f| matches!(
        f.detail,
        Detail::Year {
            number: 2,
            exemption: Some(Exemption::EndedInside),
            ..
        }
    )));
    assert!(!fires(&x, "fewer-than-two-per-year"));
}

#[test]
fn two_per_year_in_calendar_years() {
    let mut x = base();
    let mut calendar = ctx();
    calendar.year_mode = YearMode::Calendar;
    let ids = |x: &Dossier| -> Vec<(String, i32)> {
        check(x, &calendar)
            .into_iter()
            .filter_map(|f| match f.detail {
                Detail::Year {
                    number,
                    calendar: true,
                    ..
                } => Some((f.rule.id.to_string(), number)),
                _ => None,
            })
            .collect()
    };
    // 2019: art. 60§7 only (292 of 306 days: exempt); 2020: all three; 2021: IBO only, but
    // only 59 days of the trajectory: a partial year (decision 5).
    let found = ids(&x);
    assert!(
        found.contains(&("two-per-year-exempt".to_string(), 2019)),
        "{found:?}"
    );
    assert!(
        found.contains(&("two-per-year-exempt".to_string(), 2021)),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, y)| *y == 2020));
    x.end = Some(d("2021-02-28"));
    assert!(ids(&x).contains(&("two-per-year-exempt".to_string(), 2021)));
}

/// Decision 5: a first or last calendar year with fewer than 183 days of the trajectory is
/// exempt as a partial year; one with 183 is not.
#[test]
fn calendar_years_of_182_and_183_days() {
    let mut calendar = ctx();
    calendar.year_mode = YearMode::Calendar;
    let year = |x: &Dossier, y: i32| -> Option<(&'static str, Option<Exemption>)> {
        check(x, &calendar)
            .into_iter()
            .find_map(|f| match f.detail {
                Detail::Year {
                    number, exemption, ..
                } if number == y => Some((f.rule.id, exemption)),
                _ => None,
            })
    };
    let mut x = base();
    // One instrument in the middle year only, so both edge years have none.
    x.instruments = vec![inst(InstrumentKind::Wes, "2020-03-01", "2020-08-31")];
    // From 2 July 2019: 2019 holds 183 days, 2021 (to 1 July) 182.
    x.start = d("2019-07-02");
    assert_eq!(year(&x, 2019), Some(("fewer-than-two-per-year", None)));
    assert_eq!(
        year(&x, 2021),
        Some(("two-per-year-exempt", Some(Exemption::PartialYear)))
    );
    // From 3 July 2019: 2019 holds 182 days, 2021 (to 2 July) 183.
    x.start = d("2019-07-03");
    assert_eq!(
        year(&x, 2019),
        Some(("two-per-year-exempt", Some(Exemption::PartialYear)))
    );
    assert_eq!(year(&x, 2021), Some(("fewer-than-two-per-year", None)));
    let en = check(&x, &calendar)
        .iter()
        .find(|f| f.rule.id == "two-per-year-exempt")
        .map(|f| f.message(&x, crate::lang::Lang::En))
        .unwrap();
    assert!(en.contains("partial year: fewer than 183 days"), "{en}");
    // The calendar year a closed trajectory ended in is exempt, also when it ends on 31
    // December; a trajectory year only when the end lies before the year's last day.
    x.end = Some(d("2020-12-31"));
    assert_eq!(
        year(&x, 2020),
        Some(("two-per-year-exempt", Some(Exemption::EndedInside)))
    );
    let mut y = base();
    y.instruments = vec![inst(InstrumentKind::Wes, "2019-04-01", "2019-09-30")];
    y.end = Some(d("2020-02-29"));
    assert!(
        fires(&y, "fewer-than-two-per-year"),
        "ends on year 1's last day: not inside"
    );
    y.end = Some(d("2020-02-28"));
    assert!(!fires(&y, "fewer-than-two-per-year"));
    assert!(fires(&y, "two-per-year-exempt"));
}

#[test]
fn inactive_period_of_60_and_61_days() {
    let mut x = base();
    // Art. 60§7 ends 14 March 2020; a WES from 14 May leaves 15 March – 13 May: 60 days.
    x.instruments[1].start = d("2020-05-14");
    assert!(!fires(&x, "inactive-period"));
    x.instruments[1].start = d("2020-05-15");
    let f = fired(&x, "inactive-period");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].instruments.as_slice(), [0, 1]);
    assert_eq!(
        (f[0].from, f[0].to),
        (Some(d("2020-03-15")), Some(d("2020-05-14")))
    );
    assert_eq!(
        f[0].detail,
        Detail::Days {
            actual: 61,
            limit: 60
        }
    );
}

#[test]
fn inactive_period_at_the_start_and_the_end() {
    let mut x = base();
    x.instruments[0].start = d("2019-05-01"); // 1 March – 30 April: 61 days
    assert!(fires(&x, "inactive-period"));
    x.instruments[0].start = d("2019-04-30"); // 60 days
    assert!(!fires(&x, "inactive-period"));
    x.instruments[2].end = d("2020-12-29"); // 30 December – 28 February: 61 days
    let f = fired(&x, "inactive-period");
    assert_eq!(f[0].instruments.as_slice(), [2]);
    assert_eq!(f[0].to, Some(d("2021-02-28")));
}

#[test]
fn plan_missing() {
    let mut x = base();
    x.plan = Some(Plan::Other("Trajectplan".into()));
    assert!(!fires(&x, "plan-missing"));
    x.plan = None;
    assert!(fires(&x, "plan-missing"));
}

#[test]
fn documents_stale_after_90_days() {
    let x = base();
    let on = |today: &str| {
        check(&x, &CheckContext::new(d(today)))
            .into_iter()
            .any(|f| f.rule.id == "documents-stale")
    };
    // Last upload 5 March 2019: 90 days later is 3 June.
    assert!(!on("2019-06-03"));
    assert!(on("2019-06-04"));
    // Not running on the reference date: before the start or after the last day.
    assert!(!on("2021-03-01"));
    let mut y = base();
    y.documents.clear();
    let f = check(&y, &CheckContext::new(d("2019-05-30")));
    assert!(
        !f.iter().any(|f| f.rule.id == "documents-stale"),
        "90 days after the start"
    );
    let f = check(&y, &CheckContext::new(d("2019-05-31")));
    assert!(
        f.iter().any(|f| f.rule.id == "documents-stale"),
        "91 days after the start"
    );
}

#[test]
fn mediation_by_vdab() {
    let mut x = base();
    x.activities = vec![
        Activity {
            kind: ActivityKind::Cv,
            date: d("2019-06-01"),
            by: Actor::Ocmw,
        },
        Activity {
            kind: ActivityKind::VdabService("Screening".into()),
            date: d("2019-06-02"),
            by: Actor::Vdab,
        },
    ];
    assert!(!fires(&x, "mediation-by-vdab"));
    x.activities.push(Activity {
        kind: ActivityKind::JobCoaching,
        date: d("2019-07-01"),
        by: Actor::Vdab,
    });
    let f = fired(&x, "mediation-by-vdab");
    assert_eq!(f[0].detail, Detail::Activity(2));
}

#[test]
fn unknown_ocmw_knows_all_three_maps() {
    let mut x = base();
    for name in [
        "Gent",
        "Nazareth",
        "Nevele",
        "Pajottegem",
        "Kruisem",
        "Merelbeke-Melle",
    ] {
        x.ocmw = name.into();
        assert!(!fires(&x, "unknown-ocmw"), "{name}");
    }
    x.ocmw = "Brussel".into();
    assert!(fires(&x, "unknown-ocmw"), "not Flemish");
    x.ocmw = "Gnet".into();
    let f = fired(&x, "unknown-ocmw");
    assert_eq!(f[0].detail, Detail::UnknownName);
    assert!(f[0].message(&x, Lang::En).contains("Did you mean «Gent»?"));
}

#[test]
fn messages_name_the_instrument_and_dates_in_both_languages() {
    let mut x = base();
    x.instruments[1].start = d("2020-03-14");
    let f = fired(&x, "overlap");
    let nl = f[0].message(&x, Lang::Nl);
    let en = f[0].message(&x, Lang::En);
    assert!(nl.contains("WES (14/03/2020–14/09/2020)"), "{nl}");
    assert!(nl.contains("art. 60§7-tewerkstelling"), "{nl}");
    assert!(en.contains("WES (14 Mar 2020–14 Sep 2020)"), "{en}");
    assert!(en.contains("run at the same time"), "{en}");
}

#[test]
fn every_rule_words_every_finding_in_both_languages() {
    // A dossier that breaks as much as possible at once.
    let mut x = base();
    x.ocmw = "Gnet".into();
    x.plan = None;
    x.end = Some(d("2021-06-30"));
    x.instruments = vec![
        inst(InstrumentKind::Art60, "2019-06-01", "2019-05-01"),
        inst(InstrumentKind::Art60, "2019-06-01", "2019-09-30"),
        inst(InstrumentKind::Bvs, "2019-09-15", "2019-11-30"),
        inst(
            training(Provider::Other("X".into()), Focus::Technical, true),
            "2020-01-01",
            "2020-06-30",
        ),
        inst(InstrumentKind::Ibo, "2020-07-01", "2020-07-10"),
        inst(InstrumentKind::Wes, "2021-01-01", "2021-08-31"),
    ];
    x.activities = vec![Activity {
        kind: ActivityKind::Cv,
        date: d("2019-06-01"),
        by: Actor::Vdab,
    }];
    let f = check(&x, &CheckContext::new(d("2021-01-15")));
    assert!(f.len() > 8, "{f:#?}");
    for finding in &f {
        for lang in [Lang::Nl, Lang::En] {
            let m = finding.message(&x, lang);
            assert!(m.len() > 20, "{}: {m}", finding.rule.id);
        }
        assert_ne!(
            finding.message(&x, Lang::Nl),
            finding.message(&x, Lang::En),
            "{}",
            finding.rule.id
        );
    }
    // Errors come first.
    assert!(f.windows(2).all(|w| w[0].severity() >= w[1].severity()));
}

mod overlap_property {
    use super::*;
    use proptest::prelude::*;

    /// The reading of DOMAIN.md, pair by pair: instrument `j` is reported against the
    /// earliest instrument (in start order, then end, then index) that shares a day with
    /// it and may not (a part-time training beside art. 60§7 may).
    fn by_pairs(x: &Dossier) -> Vec<[usize; 2]> {
        let mut order: Vec<usize> = (0..x.instruments.len())
            .filter(|&i| x.instruments[i].start <= x.instruments[i].end)
            .collect();
        order.sort_by_key(|&i| (x.instruments[i].start, x.instruments[i].end, i));
        let part_time = |k: &InstrumentKind| {
            matches!(
                k,
                InstrumentKind::Opleiding {
                    full_time: false,
                    ..
                }
            )
        };
        let mut out = Vec::new();
        for (n, &j) in order.iter().enumerate() {
            let b = &x.instruments[j];
            let first = order[..n].iter().copied().find(|&i| {
                let a = &x.instruments[i];
                let shared = (a.kind == InstrumentKind::Art60 && part_time(&b.kind))
                    || (b.kind == InstrumentKind::Art60 && part_time(&a.kind));
                a.end >= b.start && !shared
            });
            if let Some(i) = first {
                out.push([i, j]);
            }
        }
        out.sort_unstable();
        out
    }

    fn instrument() -> impl Strategy<Value = Instrument> {
        (0u8..5, 0i64..700, 0i64..200, any::<bool>()).prop_map(|(k, s, len, full)| {
            let kind = match k {
                0 => InstrumentKind::Art60,
                1 => InstrumentKind::Wes,
                2 => InstrumentKind::Ibo,
                3 => InstrumentKind::Bvs,
                _ => training(Provider::Vdab, Focus::Generic, full),
            };
            let start = d("2019-03-01") + chrono::Duration::days(s);
            Instrument {
                kind,
                start,
                end: start + chrono::Duration::days(len),
                status: Status::Planned,
            }
        })
    }

    proptest! {
        #[test]
        fn hostile_overlap_agrees_with_the_pairwise_reading(
            instruments in proptest::collection::vec(instrument(), 0..24)
        ) {
            let mut x = base();
            x.instruments = instruments;
            let mut found: Vec<[usize; 2]> = fired(&x, "overlap")
                .iter()
                .map(|f| [f.instruments[0], f.instruments[1]])
                .collect();
            found.sort_unstable();
            prop_assert_eq!(found, by_pairs(&x));
        }
    }
}

/// A reference date for a test.
fn on(day: &str) -> CheckContext<'static> {
    CheckContext::new(d(day))
}

fn fires_on(x: &Dossier, id: &str, day: &str) -> bool {
    check(x, &on(day)).iter().any(|f| f.rule.id == id)
}

fn message_on(x: &Dossier, id: &str, day: &str, lang: crate::lang::Lang) -> String {
    check(x, &on(day))
        .iter()
        .find(|f| f.rule.id == id)
        .map_or_else(
            || panic!("{id} does not fire on {day}"),
            |f| f.message(x, lang),
        )
}

/// The base dossier with its last instrument an art. 60§7 that runs past the regular last
/// day (28 Feb 2021) to 31 Aug 2021: the exception holds while rights are open.
fn extended() -> Dossier {
    let mut x = base();
    x.instruments[2] = inst(InstrumentKind::Art60, "2020-09-15", "2021-08-31");
    x
}

/// Decision 4: an open trajectory under the art. 60§7 exception runs until the employment's
/// last day, or the social-rights date if that comes first; uploads, gaps, the running phase
/// and closing count to that day.
#[test]
fn an_open_trajectory_runs_until_the_excepted_employment_ends() {
    let mut x = extended();
    x.documents.push(Document {
        kind: DocumentKind::Evaluation,
        uploaded: d("2021-04-01"),
    });
    assert_eq!(x.running_last_day(), d("2021-08-31"));
    assert!(x.is_running_on(d("2021-08-31")));
    assert!(!x.is_running_on(d("2021-09-01")));
    // 90 and 91 days after the upload of 1 April, both past the regular last day.
    assert!(!fires_on(&x, "documents-stale", "2021-06-30"));
    assert!(fires_on(&x, "documents-stale", "2021-07-01"));
    assert!(!fires_on(&x, "trajectory-not-closed", "2021-08-31"));
    assert!(fires_on(&x, "trajectory-not-closed", "2021-09-01"));
    // Rights acquired on 31 May 2021 end it then.
    x.social_rights_acquired = Some(d("2021-05-31"));
    assert_eq!(x.running_last_day(), d("2021-05-31"));
    assert!(!fires_on(&x, "trajectory-not-closed", "2021-05-31"));
    assert!(fires_on(&x, "trajectory-not-closed", "2021-06-01"));
    assert!(!fires_on(&x, "documents-stale", "2021-06-01"));
    // An employment ending a month past the regular last day carries it to then.
    let mut y = extended();
    y.instruments[2].end = d("2021-03-31");
    y.social_rights_acquired = None;
    assert_eq!(y.running_last_day(), d("2021-03-31"));
    assert!(!fires(&y, "inactive-period"));
    // Without the exception, the regular last day.
    y.instruments[2].end = d("2021-02-28");
    assert_eq!(y.running_last_day(), d("2021-02-28"));
    // The earliest-starting art. 60§7 over the regular last day is the excepted one.
    let mut z = extended();
    z.instruments
        .push(inst(InstrumentKind::Art60, "2020-10-01", "2021-12-31"));
    assert_eq!(z.running_last_day(), d("2021-08-31"));
    // The extension is not a third trajectory year.
    assert!(
        check(&x, &on("2021-04-01"))
            .iter()
            .all(|f| !matches!(f.detail, Detail::Year { number: 3, .. }))
    );
}

/// Decision 4 with the gap rule: the days of the extension after a gap count.
#[test]
fn inactive_period_counts_into_the_extension() {
    let mut x = extended();
    // The art. 60§7 of the extension starts 1 Jan 2021: 15 Sep – 31 Dec 2020 is idle.
    x.instruments[2].start = d("2021-01-01");
    let f = fired(&x, "inactive-period");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].from, Some(d("2020-09-15")));
    assert_eq!(f[0].to, Some(d("2020-12-31")));
}

/// Decision 6: an upload dated after the reference date does not count.
#[test]
fn uploads_after_the_reference_date_are_ignored() {
    let mut x = base();
    x.documents.push(Document {
        kind: DocumentKind::Evaluation,
        uploaded: d("2019-07-01"),
    });
    // 5 March + 90 days is 3 June.
    assert!(!fires_on(&x, "documents-stale", "2019-06-03"));
    assert!(fires_on(&x, "documents-stale", "2019-06-04"));
    let en = message_on(&x, "documents-stale", "2019-06-04", crate::lang::Lang::En);
    assert!(en.contains("since the last upload (5 Mar 2019"), "{en}");
    // Only a future upload: counted from the start, and said so.
    x.documents.remove(0);
    assert!(fires_on(&x, "documents-stale", "2019-05-31"));
    let en = message_on(&x, "documents-stale", "2019-05-31", crate::lang::Lang::En);
    assert!(
        en.starts_with("91 days since the start, with no upload since (1 Mar 2019"),
        "{en}"
    );
    let nl = message_on(&x, "documents-stale", "2019-05-31", crate::lang::Lang::Nl);
    assert!(nl.contains("de start van het traject"), "{nl}");
}

/// Decision 7: a part-time technical training also lasts at most 3 calendar months.
#[test]
fn part_time_technical_training_lasts_three_months_too() {
    let mut x = base();
    x.instruments[2] = inst(
        training(Provider::Vdab, Focus::Technical, false),
        "2020-11-30",
        "2021-02-27",
    );
    // 30 November + 3 months is 28 February (clamped), less a day: 27 February.
    assert!(!fires(&x, "technical-training"));
    x.instruments[2].end = d("2021-02-28");
    assert!(fires(&x, "technical-training"));
}

/// Message requirement: an instrument that starts after the trajectory ended is told so.
#[test]
fn an_instrument_starting_after_the_end_is_told_so() {
    let mut x = base();
    x.end = Some(d("2020-12-31"));
    x.instruments[2] = inst(InstrumentKind::Wes, "2021-01-10", "2021-02-28");
    let en = fired(&x, "instrument-outside-trajectory")[0].message(&x, crate::lang::Lang::En);
    assert!(en.contains("starts after the trajectory ended"), "{en}");
    assert!(en.contains("move it inside or remove it"), "{en}");
    assert!(!en.contains("may") && !en.contains("sooner"), "{en}");
    assert!(!fires(&x, "wes-past-end"));
    let nl = fired(&x, "instrument-outside-trajectory")[0].message(&x, crate::lang::Lang::Nl);
    assert!(nl.contains("begint nadat het traject eindigde"), "{nl}");
    // The boundary: starting on the last day it runs past it; the day after, it starts after.
    x.instruments[2] = inst(InstrumentKind::Art60, "2020-12-31", "2021-01-31");
    let en = fired(&x, "instrument-outside-trajectory")[0].message(&x, crate::lang::Lang::En);
    assert!(en.contains("runs past the trajectory's last day"), "{en}");
    x.instruments[2] = inst(InstrumentKind::Art60, "2021-01-01", "2021-01-31");
    let en = fired(&x, "instrument-outside-trajectory")[0].message(&x, crate::lang::Lang::En);
    assert!(en.contains("starts after the trajectory ended"), "{en}");
}

/// Message requirement, with decision 4: an open trajectory running on its art. 60§7
/// extension has not ended, so an instrument starting in the extension is told it starts
/// after the regular last day, and until when the employment goes on.
#[test]
fn an_instrument_starting_in_the_extension_is_not_told_the_trajectory_ended() {
    let mut x = extended();
    x.instruments
        .push(inst(InstrumentKind::Ibo, "2021-03-01", "2021-03-31"));
    let f = fired(&x, "instrument-outside-trajectory");
    let en = f[0].message(&x, crate::lang::Lang::En);
    assert!(!en.contains("ended"), "{en}");
    assert!(
        en.contains("starts after the trajectory's regular last day (28 Feb 2021)"),
        "{en}"
    );
    assert!(en.contains("until 31 Aug 2021"), "{en}");
    let nl = f[0].message(&x, crate::lang::Lang::Nl);
    assert!(nl.contains("gewone laatste dag"), "{nl}");
    // Closed, it has ended.
    x.end = Some(d("2021-02-28"));
    let en = fired(&x, "instrument-outside-trajectory")
        .iter()
        .map(|f| f.message(&x, crate::lang::Lang::En))
        .find(|m| m.starts_with("IBO"))
        .unwrap();
    assert!(en.contains("starts after the trajectory ended"), "{en}");
}

/// Message requirement: an art. 60§7 past a trajectory closed within its 24 months is told
/// that the exception applies only past them.
#[test]
fn art60_past_an_early_close_is_told_the_exception_is_for_24_months() {
    let mut x = base();
    x.end = Some(d("2020-01-31"));
    x.instruments.truncate(1);
    let f = fired(&x, "instrument-outside-trajectory");
    let en = f[0].message(&x, crate::lang::Lang::En);
    assert!(
        en.contains("applies only past the regular 24 months"),
        "{en}"
    );
    assert!(en.contains("28 Feb 2021"), "{en}");
    // Closed on the regular last day itself, it is still within the 24 months.
    let mut y = extended();
    y.end = Some(d("2021-02-28"));
    let en = fired(&y, "instrument-outside-trajectory")[0].message(&y, crate::lang::Lang::En);
    assert!(
        en.contains("applies only past the regular 24 months"),
        "{en}"
    );
}

/// Message requirement: past an allowed extension, `trajectory-too-long` starts the day
/// after it and names that limit; its fix ends the trajectory there.
#[test]
fn too_long_past_the_extension_names_its_limit() {
    let mut x = extended();
    x.end = Some(d("2021-08-31"));
    assert!(!fires(&x, "trajectory-too-long"));
    x.end = Some(d("2021-09-01"));
    let f = fired(&x, "trajectory-too-long");
    assert_eq!(f[0].from, Some(d("2021-09-01")));
    assert_eq!(f[0].detail, Detail::Extension(d("2021-08-31")));
    let en = f[0].message(&x, crate::lang::Lang::En);
    assert!(en.contains("until 31 Aug 2021"), "{en}");
    let fixes = fixes::fixes(&f[0], &x, &findings(&x), &ctx());
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].dossier.end, Some(d("2021-08-31")));
    // Without the exception, from the day after the regular last day.
    let mut y = base();
    y.end = Some(d("2021-03-01"));
    let f = fired(&y, "trajectory-too-long");
    assert_eq!(f[0].from, Some(d("2021-03-01")));
    assert_eq!(f[0].detail, Detail::Date(d("2021-02-28")));
}

#[test]
fn trajectory_not_closed_the_day_after_its_last_day() {
    let x = base();
    assert!(!fires_on(&x, "trajectory-not-closed", "2021-02-28"));
    assert!(fires_on(&x, "trajectory-not-closed", "2021-03-01"));
    let en = message_on(
        &x,
        "trajectory-not-closed",
        "2021-03-01",
        crate::lang::Lang::En,
    );
    assert!(
        en.contains("28 Feb 2021") && en.contains("record the outcome"),
        "{en}"
    );
    // Closed, it is quiet whatever the date.
    let mut y = base();
    y.end = Some(d("2021-02-28"));
    assert!(!fires_on(&y, "trajectory-not-closed", "2025-01-01"));
    // Its fix closes it on the last day.
    let today = on("2021-03-01");
    let before = check(&x, &today);
    let f = before
        .iter()
        .find(|f| f.rule.id == "trajectory-not-closed")
        .unwrap();
    let fixes = fixes::fixes(f, &x, &before, &today);
    assert_eq!(fixes[0].dossier.end, Some(d("2021-02-28")));
    // A trajectory that ends before it starts gets invalid-range only.
    let mut z = base();
    z.end = Some(d("2019-01-01"));
    assert!(!fires_on(&z, "outcome-missing", "2030-01-01"));
}

#[test]
fn outcome_missing_twelve_months_after_the_end() {
    let mut x = base();
    x.end = Some(d("2021-01-31"));
    assert!(!fires_on(&x, "outcome-missing", "2022-01-31"));
    assert!(fires_on(&x, "outcome-missing", "2022-02-01"));
    // From a leap day: 29 February 2020 + 12 months is 28 February 2021.
    x.end = Some(d("2020-02-29"));
    assert!(!fires_on(&x, "outcome-missing", "2021-02-28"));
    assert!(fires_on(&x, "outcome-missing", "2021-03-01"));
    // A measurement on the day counts; one the day before does not, and is said to be early.
    x.outcome = Some(crate::model::Outcome {
        at_work: Some(true),
        measured: d("2021-02-28"),
    });
    assert!(!fires_on(&x, "outcome-missing", "2022-01-01"));
    x.outcome = Some(crate::model::Outcome {
        at_work: Some(true),
        measured: d("2021-02-27"),
    });
    let en = message_on(&x, "outcome-missing", "2022-01-01", crate::lang::Lang::En);
    assert!(en.contains("27 Feb 2021 is too early"), "{en}");
    assert!(en.contains("28 Feb 2021"), "{en}");
}

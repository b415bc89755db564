//! The province × year table and the audit.

use super::*;
use crate::model::{Dossier, Instrument, InstrumentKind, Status};
use crate::reference::{Province, municipalities, published};
use chrono::NaiveDate;

#[test]
fn the_published_table_sums_to_its_printed_totals() {
    let p = published();
    let table = ProvinceYearTable::from_published(p);
    for yt in &p.year_totals {
        assert_eq!(table.year_total(yt.year), yt.counts, "{}", yt.year);
    }
    assert_eq!(table.grand_total(), p.grand_total);
    assert!(
        audit(p, municipalities())
            .iter()
            .all(|d| !matches!(d, Defect::TotalMismatch { .. }))
    );
}

#[test]
fn a_changed_figure_is_caught_by_the_audit() {
    let mut p = published().clone();
    p.started[0].counts.bvs += 1;
    let defects = audit(&p, municipalities());
    assert!(defects.contains(&Defect::TotalMismatch {
        total: audit::Total::Year(2017),
        column: "bvs",
        printed: 581,
        computed: 582
    }));
    assert!(defects.iter().any(|d| matches!(
        d,
        Defect::TotalMismatch {
            total: audit::Total::Grand,
            ..
        }
    )));
}

#[test]
fn the_audit_shows_the_sources_defects() {
    let defects = audit(published(), municipalities());
    let lines: Vec<String> = defects
        .iter()
        .map(|d| d.message(crate::lang::Lang::En))
        .collect();
    let has = |s: &str| lines.iter().any(|l| l.contains(s));
    assert!(
        has(
            "«O9CMW Grobbendonk» is not an entry of the form «OCMW <municipality>» (meant: Grobbendonk)"
        ),
        "{lines:#?}"
    );
    assert!(
        has(
            "OCMW Nieuwpoort is listed under more than one organisation: DVV Westhoek, Welzijnsband Meetjesland"
        ),
        "{lines:#?}"
    );
    assert!(has(
        "«Sint-Martens Latem» is not a municipality of 2021 as written (meant: Sint-Martens-Latem)"
    ));
    assert!(has("«Scherpenheuvel-zichem»"));
    assert!(has("«Beveren-Waas»"));
    assert!(has(
        "Welzijnsband Meetjesland: its OCMWs lie in Oost-Vlaanderen, except Nieuwpoort (West-Vlaanderen)"
    ));
    assert_eq!(defects.len(), 6, "{lines:#?}");
}

fn d(s: &str) -> NaiveDate {
    crate::model::date_serde::parse(s).unwrap()
}

fn dossier(ocmw: &str, start: &str, kinds: &[(InstrumentKind, &str)]) -> Dossier {
    Dossier {
        id: format!("{ocmw}-{start}"),
        client: "X".into(),
        ocmw: ocmw.into(),
        guided_by: None,
        counsellor: None,
        plan: None,
        start: d(start),
        end: None,
        social_rights_acquired: None,
        instruments: kinds
            .iter()
            .map(|(k, s)| Instrument {
                kind: k.clone(),
                start: d(s),
                end: d(s),
                status: Status::Planned,
            })
            .collect(),
        documents: vec![],
        activities: vec![],
        outcome: None,
    }
}

#[test]
fn dossiers_count_by_the_trajectorys_start_year_and_province() {
    let m = municipalities();
    let a = dossier(
        "Gent",
        "2019-11-01",
        &[
            (InstrumentKind::Art60, "2019-12-01"),
            (InstrumentKind::Wes, "2020-12-01"),
        ],
    );
    let b = dossier(
        "Nazareth",
        "2020-01-01",
        &[(InstrumentKind::Ibo, "2020-02-01")],
    );
    let c = dossier("Atlantis", "2020-01-01", &[]);
    // Decision 8: the WES of a trajectory of 2019 counts in 2019, where it started in 2020.
    let table = ProvinceYearTable::from_dossiers([&a, &b, &c], m, YearBasis::TrajectoryStart);
    let ov19 = table.get(Province::OostVlaanderen, 2019);
    assert_eq!((ov19.trajectories, ov19.art60, ov19.wes), (1, 1, 1));
    let ov20 = table.get(Province::OostVlaanderen, 2020);
    assert_eq!((ov20.trajectories, ov20.wes, ov20.ibo), (1, 0, 1));
    assert_eq!(table.unplaced.get(&2020).map(|c| c.trajectories), Some(1));
    assert_eq!(table.grand_total().trajectories, 3);
    // The second view: instruments in the calendar year they start.
    let calendar = ProvinceYearTable::from_dossiers([&a, &b, &c], m, YearBasis::CalendarYear);
    let ov19 = calendar.get(Province::OostVlaanderen, 2019);
    assert_eq!((ov19.trajectories, ov19.art60, ov19.wes), (1, 1, 0));
    let ov20 = calendar.get(Province::OostVlaanderen, 2020);
    assert_eq!((ov20.trajectories, ov20.wes, ov20.ibo), (1, 1, 1));
    // Over all years both count the same.
    assert_eq!(calendar.grand_total(), table.grand_total());

    // Removing a dossier undoes exactly its contribution.
    for t in [table, calendar] {
        let mut u = t.clone();
        u.remove(&a, m);
        u.add(&a, m);
        assert_eq!(u, t);
        u.remove(&c, m);
        assert!(u.unplaced.is_empty());
    }
}

#[test]
fn csv_has_the_contract_header_and_totals_last() {
    let csv = ProvinceYearTable::from_published(published()).to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "province,year,trajectories,bvs,art60,opleiding,wes,ibo"
    );
    assert_eq!(lines[1], "Antwerpen,2017,2772,87,2570,473,54,63");
    assert_eq!(lines.last(), Some(&"Totaal,,23186,3589,21235,2000,344,363"));
    assert_eq!(lines.len(), 1 + 25 + 5 + 1);
}

#[test]
fn the_text_table_uses_dutch_thousands() {
    let text = ProvinceYearTable::from_published(published()).to_text(crate::lang::Lang::Nl);
    assert!(text.lines().nth(1).unwrap().contains("2.772"), "{text}");
    assert!(text.lines().last().unwrap().contains("23.186"));
}

#[test]
fn counting_from_scratch_equals_adding_one_by_one_even_for_odd_years() {
    let m = municipalities();
    let odd = dossier(
        "Gent",
        "1985-06-01",
        &[
            (InstrumentKind::Wes, "1985-07-01"),
            (InstrumentKind::Ibo, "2019-01-01"),
        ],
    );
    let late = dossier(
        "Atlantis",
        "2019-06-01",
        &[(InstrumentKind::Art60, "2150-01-01")],
    );
    let normal = dossier(
        "Hasselt",
        "2020-03-01",
        &[(InstrumentKind::Art60, "2020-03-15")],
    );
    let all = [&odd, &late, &normal];
    for basis in YearBasis::ALL {
        let mut one_by_one = ProvinceYearTable::new(basis);
        for d in all {
            one_by_one.add(d, m);
        }
        assert_eq!(ProvinceYearTable::from_dossiers(all, m, basis), one_by_one);
        assert_eq!(one_by_one.get(Province::OostVlaanderen, 1985).wes, 1);
    }
    let calendar = ProvinceYearTable::from_dossiers(all, m, YearBasis::CalendarYear);
    assert_eq!(calendar.unplaced.get(&2150).map(|c| c.art60), Some(1));
    assert_eq!(calendar.get(Province::OostVlaanderen, 2019).ibo, 1);
    let by_start = ProvinceYearTable::from_dossiers(all, m, YearBasis::TrajectoryStart);
    assert_eq!(by_start.unplaced.get(&2019).map(|c| c.art60), Some(1));
    assert_eq!(by_start.get(Province::OostVlaanderen, 1985).ibo, 1);
}

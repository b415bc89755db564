//! The province × year table and the audit.

use super::disclosure::Shown;
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
    // The figures against each other: four years of trainings, nine provinces and years
    // with more art. 60§7 than trajectories, 2019 and 2020 still running in May 2021.
    assert!(has(
        "2017: the table counts 781 trainings started, the trainings table 22 clients"
    ));
    assert!(has(
        "Oost-Vlaanderen 2018: 1,082 art. 60§7 employments for 1,079 started trajectories"
    ));
    assert!(has(
        "2019, 2020: the trajectories of these years were still running at the monitoring of May 2021"
    ));
    assert!(
        !has("2018: the table counts"),
        "752 trainings for 247 clients can both hold"
    );
    assert_eq!(defects.len(), 6 + 4 + 9 + 1, "{lines:#?}");
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
        notes: Vec::new(),
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
fn csv_has_the_contract_header_each_province_total_and_flanders_last() {
    let f = Figures::published(published());
    let csv = f.table(YearBasis::TrajectoryStart).unwrap().to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "province,year,trajectories,bvs,art60,opleiding,wes,ibo"
    );
    assert_eq!(lines[1], "Antwerpen,2017,2772,87,2570,473,54,63");
    assert_eq!(lines[6], "Antwerpen,,11526,201,10029,1215,201,217");
    assert_eq!(lines.last(), Some(&"Totaal,,23186,3589,21235,2000,344,363"));
    // Five provinces of five years and a total each, five yearly totals, the grand total.
    assert_eq!(lines.len(), 1 + 5 * 6 + 5 + 1);
    assert!(
        !csv.contains("Onbekend"),
        "no unknown OCMW in the published table"
    );
}

#[test]
fn the_text_table_uses_dutch_thousands_and_says_what_the_year_is() {
    let f = Figures::published(published());
    let text = f
        .table(YearBasis::TrajectoryStart)
        .unwrap()
        .to_text(crate::lang::Lang::Nl);
    assert!(text.lines().nth(1).unwrap().contains("2.772"), "{text}");
    assert!(text.contains("23.186"));
    assert!(text.contains("Jaar: startjaar van het traject"), "{text}");
    assert!(!text.contains("<5"));
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

fn today() -> NaiveDate {
    d("2026-06-01")
}

/// `n` dossiers of `ocmw` starting on `start`, each with the instruments `kinds`.
fn many(n: usize, ocmw: &str, start: &str, kinds: &[(InstrumentKind, &str)]) -> Vec<Dossier> {
    (0..n)
        .map(|k| {
            let mut x = dossier(ocmw, start, kinds);
            x.id = format!("{ocmw}-{start}-{k}");
            x
        })
        .collect()
}

fn figures_of(dossiers: &[Dossier]) -> Figures {
    let refs: Vec<&Dossier> = dossiers.iter().collect();
    Figures::of(&refs, today(), false)
}

/// Decision 10: dossiers of an unknown OCMW are a row of their own and part of every total;
/// decision 9: their count of 2 is «<5», and the year's total of 8 stays, so a second part
/// of that year is hidden: 8 − 6 would give the 2 back.
#[test]
fn the_unknown_ocmw_is_a_row_and_part_of_the_totals_and_nothing_can_be_subtracted_out() {
    let mut all = many(6, "Gent", "2019-03-01", &[]);
    all.extend(many(2, "Atlantis", "2019-05-01", &[]));
    let f = figures_of(&all);
    let t = f.table(YearBasis::TrajectoryStart).unwrap();
    assert_eq!(t.rows().last(), Some(&Row::Unknown));
    let m = Measure::Trajectories;
    assert_eq!(t.cell(m, Row::Unknown, 2019), Shown::Small);
    assert_eq!(t.year_total(m, 2019), Shown::count(8));
    assert_eq!(t.grand(m), Shown::count(8));
    assert_eq!(
        t.cell(m, Row::Province(Province::OostVlaanderen), 2019),
        Shown::Withheld
    );
    let csv = t.to_csv();
    assert!(csv.contains("Onbekend,2019,<5,"), "{csv}");
    assert!(csv.contains("Oost-Vlaanderen,2019,–,"), "{csv}");
    assert!(
        csv.lines().last().unwrap().starts_with("Totaal,,8,"),
        "{csv}"
    );
    let text = t.to_text(crate::lang::Lang::En);
    assert!(text.contains("Unknown"), "{text}");
    assert!(text.contains("«<5»: a count from 1 to 4"), "{text}");
    // Asked for on the command line, nothing is hidden.
    let shown = Figures::of(&all.iter().collect::<Vec<_>>(), today(), true);
    let t = shown.table(YearBasis::TrajectoryStart).unwrap();
    assert_eq!(t.cell(m, Row::Unknown, 2019), Shown::count(2));
    assert!(!shown.hides_any());
}

/// The leak: a difference of a hidden dossier count gave the count back (−523
/// against a published 524).
#[test]
fn a_difference_of_a_hidden_count_is_withheld() {
    let all = many(1, "Antwerpen", "2017-03-01", &[]);
    let f = figures_of(&all);
    let diff = Figures::difference(&f, &Figures::published(published()));
    let t = diff.table(YearBasis::TrajectoryStart).unwrap();
    let antwerpen = Row::Province(Province::Antwerpen);
    assert_eq!(
        t.cell(Measure::Trajectories, antwerpen, 2017),
        Shown::Withheld
    );
    // A province without dossiers is a true difference: all of the published figure.
    assert_eq!(
        t.cell(
            Measure::Trajectories,
            Row::Province(Province::Limburg),
            2017
        ),
        Shown::count(-308)
    );
    assert!(diff.table(YearBasis::CalendarYear).is_none());
}

/// A sum over years with one hidden year is «–», never «<5» (it is 103): the shown years
/// and the sum would give the hidden one back. Over every year, the province's total is a
/// figure of the gate: it is shown, and a second year is hidden instead.
#[test]
fn a_sum_over_years_with_a_hidden_year_is_withheld_never_small() {
    let wes = |n, year: &str| many(n, "Hasselt", year, &[(InstrumentKind::Wes, year)]);
    let mut all = wes(50, "2019-02-01");
    all.extend(wes(3, "2020-02-01"));
    all.extend(wes(50, "2021-02-01"));
    let f = figures_of(&all);
    let t = f.table(YearBasis::TrajectoryStart).unwrap();
    let (m, limburg) = (
        Measure::Instrument(crate::model::InstrumentType::Wes),
        Row::Province(Province::Limburg),
    );
    assert_eq!(t.cell(m, limburg, 2020), Shown::Small);
    assert_eq!(t.row_total(m, limburg), Shown::count(103));
    assert_eq!(
        t.row_sum(m, limburg, &[2019, 2020, 2021]),
        Shown::count(103)
    );
    assert!(t.cell(m, limburg, 2019).is_hidden() || t.cell(m, limburg, 2021).is_hidden());
    assert_eq!(t.row_sum(m, limburg, &[2019, 2020]), Shown::Withheld);
}

/// The drill-down's OCMWs add up to their province and the detail to its totals; what is
/// small there is hidden too, with a second OCMW beside it.
#[test]
fn the_drill_down_and_the_detail_pass_the_same_gate() {
    let mut all = many(
        40,
        "Gent",
        "2019-03-01",
        &[(InstrumentKind::Art60, "2019-04-01")],
    );
    all.extend(many(3, "Nazareth", "2019-03-01", &[]));
    all.extend(many(7, "Deinze", "2019-03-01", &[]));
    let f = figures_of(&all);
    let drill = f.drill.as_ref().unwrap();
    let row = |name: &str| drill.ocmws.iter().find(|o| o.name == name).unwrap();
    let y = drill.years.iter().position(|&y| y == 2019).unwrap();
    let m = Measure::Trajectories;
    assert_eq!(row("Nazareth").cell(m, y), Shown::Small);
    assert_eq!(row("Deinze").cell(m, y), Shown::Withheld, "7 = 50 − 40 − 3");
    assert_eq!(row("Gent").cell(m, y), Shown::count(40));
    assert_eq!(
        f.table(YearBasis::TrajectoryStart).unwrap().cell(
            m,
            Row::Province(Province::OostVlaanderen),
            2019
        ),
        Shown::count(50)
    );
    let detail = f.detail.as_ref().unwrap();
    // 40 planned art. 60§7 and nothing else: the status adds up to the kind's total.
    let (_, art60) = detail
        .status
        .iter()
        .find(|(t, _)| *t == crate::model::InstrumentType::Art60)
        .unwrap();
    assert_eq!(art60[0], Shown::count(40));
}

/// The property of decision 9 on whole workspaces: for generated workspaces of 50 to 2,000
/// dossiers, no line of the table (a row's years and its total, a year's rows and
/// Flanders' total, the totals and the grand total) has exactly one hidden part beside a
/// shown total, «<5» stands exactly for the counts from 1 to 4, and every shown figure is
/// the true one.
mod disclosure_property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        #[test]
        fn no_line_of_the_table_gives_a_hidden_count_back(count in 50usize..2000, seed in 0u64..1000) {
            let opts = crate::generate::Options { count, seed, match_published: false, violations: 0.0 };
            let dossiers: Vec<Dossier> = crate::generate::generate(&opts).into_iter().map(|(d, _)| d).collect();
            let refs: Vec<&Dossier> = dossiers.iter().collect();
            let f = Figures::of(&refs, today(), false);
            for basis in YearBasis::ALL {
                let t = f.table(basis).unwrap();
                let truth = ProvinceYearTable::from_dossiers(refs.iter().copied(), municipalities(), basis);
                check_lines(t, &truth)?;
            }
        }
    }

    fn check_lines(t: &FigureTable, truth: &ProvinceYearTable) -> Result<(), TestCaseError> {
        let lines = t.lines();
        for m in 0..6 {
            let measure = Measure::ALL[m];
            let get = |row: Option<Row>, year: Option<i32>| {
                lines
                    .iter()
                    .find(|l| l.row == row && l.year == year)
                    .map(|l| l.figures[m])
            };
            let mut relations: Vec<(Shown, Vec<Shown>)> = Vec::new();
            for &row in t.rows() {
                let parts = t
                    .years()
                    .iter()
                    .filter_map(|&y| get(Some(row), Some(y)))
                    .collect();
                relations.push((get(Some(row), None).unwrap(), parts));
            }
            for &y in t.years() {
                let parts = t
                    .rows()
                    .iter()
                    .filter_map(|&r| get(Some(r), Some(y)))
                    .collect();
                relations.push((get(None, Some(y)).unwrap(), parts));
            }
            let grand = get(None, None).unwrap();
            relations.push((
                grand,
                t.years()
                    .iter()
                    .filter_map(|&y| get(None, Some(y)))
                    .collect(),
            ));
            relations.push((
                grand,
                t.rows()
                    .iter()
                    .filter_map(|&r| get(Some(r), None))
                    .collect(),
            ));
            for (total, parts) in &relations {
                let hidden = parts.iter().filter(|p| p.is_hidden()).count();
                prop_assert!(
                    total.is_hidden() || hidden != 1,
                    "{measure:?}: one hidden part beside {total:?}"
                );
                prop_assert!(
                    !total.is_hidden() || hidden != 0,
                    "{measure:?}: a hidden total of shown parts"
                );
            }
            for line in &lines {
                let (Some(row), Some(year)) = (line.row, line.year) else {
                    continue;
                };
                let v = match row {
                    Row::Province(p) => truth.get(p, year),
                    Row::Unknown => truth.unplaced.get(&year).copied().unwrap_or_default(),
                }
                .get(measure);
                match line.figures[m] {
                    Shown::Small => prop_assert!(crate::stats::disclosure::is_small(v)),
                    Shown::Value(x) => {
                        // Counts are whole numbers, carried exactly by f64.
                        prop_assert!((x - v as f64).abs() < 0.5);
                        prop_assert!(!crate::stats::disclosure::is_small(v));
                    }
                    Shown::Withheld => prop_assert!(!crate::stats::disclosure::is_small(v)),
                    Shown::Undefined => prop_assert!(false, "a count is never undefined"),
                }
            }
        }
        Ok(())
    }
}

/// Counting a workspace a part at a time, as `present --export` does, gives the very
/// figures of counting it whole, whatever the part's size; an id repeated across parts is
/// found as the whole load finds it.
#[test]
fn counting_in_parts_gives_the_figures_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let opts = crate::generate::Options {
        count: 700,
        seed: 9,
        match_published: false,
        violations: 0.2,
    };
    let generated = crate::generate::generate(&opts);
    crate::generate::write(&generated, dir.path()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let whole = crate::files::load_paths(&[dir.path().to_path_buf()]);
    let refs: Vec<&Dossier> = whole.dossiers.iter().map(|d| &d.dossier).collect();
    let expected = Figures::of(&refs, today, false);
    for part in [1, 7, 64, 10_000] {
        let mut counts = FigureCounts::new(today);
        let errors = crate::files::load_paths_in_parts(&[dir.path().to_path_buf()], part, |p| {
            let refs: Vec<&Dossier> = p.iter().map(|d| &d.dossier).collect();
            counts.add(&refs);
        });
        assert!(errors.is_empty());
        assert_eq!(counts.figures(false), expected, "parts of {part}");
    }
    // The same id in two files, far apart in the listing: found across parts.
    let mut twin = generated[0].0.clone();
    twin.client = "Tweeling".into();
    crate::files::write_new(
        dir.path(),
        "zzz-twin.ron",
        crate::files::to_ron(&twin).unwrap().as_bytes(),
    )
    .unwrap();
    let errors = crate::files::load_paths_in_parts(&[dir.path().to_path_buf()], 50, |_| {});
    let whole = crate::files::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.iter().map(|e| e.path.clone()).collect::<Vec<_>>(),
        whole
            .errors
            .iter()
            .map(|e| e.path.clone())
            .collect::<Vec<_>>()
    );
}

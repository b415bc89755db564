//! The charts as data: titles, extents, totals, hidden figures and headlines.
use super::*;
use crate::lang;
use crate::reference::published;
use crate::stats::Figures;

fn opts() -> ChartOptions {
    ChartOptions {
        measure: Measure::Trajectories,
        up_to: 2021,
        relative: false,
    }
}

fn published_figures() -> FigureTable {
    Figures::published(published())
        .table(YearBasis::TrajectoryStart)
        .cloned()
        .unwrap()
}

const Z: Shown = Shown::Value(0.0);
const S: Shown = Shown::Small;
const W: Shown = Shown::Withheld;
fn v(x: f64) -> Shown {
    Shown::Value(x)
}

#[test]
#[expect(
    clippy::float_cmp,
    reason = "the extent copies values; it computes none"
)]
fn extent_covers_every_value_stack_and_reference() {
    let t = published_figures();
    let per = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl);
    let e = per.extent();
    assert_eq!(e.categories, per.categories.len());
    assert_eq!(e.min, 0.0);
    let highest = per
        .series
        .iter()
        .flat_map(|s| s.values.iter().filter_map(|v| v.value()))
        .fold(0.0_f64, f64::max);
    assert_eq!(e.max, highest);
    // Stacked shares reach 100 per year, not the largest part.
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
    assert_eq!(share.shape, Shape::StackedBars);
    assert!((share.extent().max - 100.0).abs() < 1e-9);
    // The target line of two instruments a trajectory is inside even where no value is.
    let mut per_traj = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::Nl);
    for s in &mut per_traj.series {
        s.values.iter_mut().for_each(|x| *x = v(1.0));
    }
    assert_eq!(per_traj.extent().max, 2.0);
    // A difference can be negative.
    per_traj.series[0].values[0] = v(-3.0);
    assert_eq!(per_traj.extent().min, -3.0);
    // Earlier years fit inside the extent of all years: the animation's axes hold.
    let early = chart(
        ChartKind::PerProvince,
        &t,
        &ChartOptions {
            up_to: 2018,
            ..opts()
        },
        Lang::Nl,
    );
    assert!(early.extent().max <= e.max && early.extent().categories <= e.categories);
}

#[test]
fn the_title_follows_the_measure_and_the_axis_says_what_the_year_is() {
    let t = published_figures();
    let a = chart(ChartKind::PerProvince, &t, &opts(), Lang::En);
    let b = chart(
        ChartKind::PerProvince,
        &t,
        &ChartOptions {
            measure: Measure::Instrument(InstrumentType::Wes),
            ..opts()
        },
        Lang::En,
    );
    assert_eq!(a.title, "Started trajectories per province and start year");
    assert_eq!(b.title, "Started WES per province and start year");
    assert_eq!(a.x_label, "trajectory start year");
    assert_eq!(a.cell(0, 0, Lang::Nl), "2.772");
    assert_eq!(a.partial, Some(4), "2021 is the monitoring's partial year");
}

#[test]
fn per_trajectory_has_the_target_line_and_shares_sum_to_100() {
    let t = published_figures();
    let per = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::Nl);
    assert_eq!(per.reference.as_ref().map(|r| r.0), Some(2.0));
    // Antwerpen 2017: (87 + 2570 + 473 + 54 + 63) / 2772.
    let x = per.series[0].values[0].value().unwrap();
    assert!((x - 3247.0 / 2772.0).abs() < 1e-9);
    // As of May 2021, the trajectories of 2019 have all run a full year, those of 2020
    // not.
    assert_eq!(per.judged, Some(2));
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
    for c in 0..share.categories.len() {
        let sum: f64 = share
            .series
            .iter()
            .filter_map(|s| s.values[c].value())
            .sum();
        assert!((sum - 100.0).abs() < 1e-9);
        assert_eq!(share.hidden_part(c), None);
    }
}

#[test]
fn the_year_slider_limits_the_years_and_csv_has_the_totals() {
    let t = published_figures();
    let c = chart(
        ChartKind::PerProvince,
        &t,
        &ChartOptions {
            up_to: 2019,
            ..opts()
        },
        Lang::Nl,
    );
    assert_eq!(c.categories, vec!["2017", "2018", "2019"]);
    let csv = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl).to_csv(Lang::Nl);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "startjaar van het traject,2017,2018,2019,2020,2021,Totaal"
    );
    assert_eq!(lines[1], "Antwerpen,2772,2853,2789,2108,1004,11526");
    assert_eq!(lines.last(), Some(&"Totaal,5466,5661,5492,4465,2102,23186"));
}

/// A chart from dossiers: what the gate hid reads «<5» or «–», and the note is with it.
#[test]
fn hidden_figures_read_as_the_gate_decided() {
    use crate::model::{Dossier, Instrument, InstrumentKind, Status};
    let d = |ocmw: &str, start: &str, k: usize| {
        let day = crate::model::date_serde::parse(start).unwrap();
        Dossier {
            id: format!("{ocmw}-{start}-{k}"),
            client: "X".into(),
            ocmw: ocmw.into(),
            guided_by: None,
            counsellor: None,
            plan: None,
            start: day,
            end: None,
            social_rights_acquired: None,
            instruments: vec![Instrument {
                kind: InstrumentKind::Art60,
                start: day,
                end: day,
                status: Status::Planned,
            }],
            documents: vec![],
            activities: vec![],
            outcome: None,
            notes: Vec::new(),
        }
    };
    let mut all: Vec<Dossier> = (0..30).map(|k| d("Gent", "2019-02-01", k)).collect();
    all.extend((0..3).map(|k| d("Hasselt", "2019-02-01", k)));
    all.extend((0..12).map(|k| d("Brugge", "2019-02-01", k)));
    let refs: Vec<&Dossier> = all.iter().collect();
    let f = Figures::of(
        &refs,
        crate::model::date_serde::parse("2026-06-01").unwrap(),
        false,
    );
    let t = f.table(YearBasis::TrajectoryStart).unwrap();
    let c = chart(ChartKind::PerProvince, t, &opts(), Lang::Nl);
    let row = |name: &str| c.series.iter().position(|s| s.name == name).unwrap();
    assert_eq!(c.cell(row("Limburg"), 0, Lang::Nl), "<5");
    assert_eq!(c.cell(row("West-Vlaanderen"), 0, Lang::Nl), "–");
    assert_eq!(c.cell(row("Oost-Vlaanderen"), 0, Lang::Nl), "30");
    assert!(c.hides_any());
    let csv = c.to_csv(Lang::Nl);
    assert!(csv.contains("Limburg,<5,"), "{csv}");
    assert!(
        csv.lines()
            .last()
            .unwrap()
            .contains(crate::stats::disclosure::note(Lang::Nl)),
        "{csv}"
    );
    // Flanders' total stays: 45.
    assert_eq!(c.totals.as_ref().unwrap().per_category[0], v(45.0));
    // A share of a hidden count is withheld; a province without dossiers has 0%.
    let share = chart(ChartKind::ProvinceShare, t, &opts(), Lang::Nl);
    assert_eq!(share.series[row("Limburg")].values[0], W);
    assert_eq!(share.series[row("Antwerpen")].values[0], v(0.0));
    // The stack is 100% and its hidden part is drawn as one: 15 of 45.
    let hidden = share.hidden_part(0).unwrap();
    assert!((hidden - 100.0 * 15.0 / 45.0).abs() < 1e-9);
}

/// The key number and the sentence come from the data: the bars tell the largest value of
/// the last year shown, its series named; with every value hidden, the slide says why.
#[test]
fn the_bars_headline_is_computed_from_the_data() {
    let t = published_figures();
    let c = chart(ChartKind::PerProvince, &t, &opts(), Lang::En);
    let (number, sentence) = c.headline(Lang::En);
    assert_eq!(number, "1,004");
    assert_eq!(
        sentence,
        "In 2021 (part of the year): Antwerpen has the most, 1,004 of 2,102 (48%)."
    );
    let earlier = ChartOptions {
        up_to: 2018,
        ..opts()
    };
    let c = chart(ChartKind::PerProvince, &t, &earlier, Lang::Nl);
    let (number, sentence) = c.headline(Lang::Nl);
    assert!(sentence.starts_with("In 2018: Antwerpen"), "{sentence}");
    assert_eq!(number, lang::number(2853, Lang::Nl));
    let mut hidden = c.clone();
    for s in &mut hidden.series {
        s.values.iter_mut().for_each(|x| *x = S);
    }
    assert_eq!(hidden.headline(Lang::En).0, "—");
    assert!(hidden.headline(Lang::En).1.starts_with("Too few dossiers"));
}

/// Every chart tells its own fact: no two slides say the same sentence, and the lines
/// tell how the years went (to the last whole year).
#[test]
fn each_chart_says_its_own_sentence() {
    let t = published_figures();
    for lang in [Lang::Nl, Lang::En] {
        let sentences: Vec<String> = all(&t, &opts(), lang)
            .iter()
            .map(|c| c.headline(lang).1)
            .collect();
        let mut unique = sentences.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), sentences.len(), "{sentences:#?}");
    }
    let lines = chart(ChartKind::OverYears, &t, &opts(), Lang::En);
    let (number, sentence) = lines.headline(Lang::En);
    assert_eq!(number, "−18%");
    assert!(
        sentence.starts_with(
            "From 2017 to 2020: Flanders fell from 5,466 to 4,465 (−18%); the largest change: "
        ),
        "{sentence}"
    );
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::En);
    let (_, sentence) = share.headline(Lang::En);
    assert!(
        sentence.starts_with("In 2021 (part of the year): Antwerpen (47.8%) and "),
        "{sentence}"
    );
    assert!(
        sentence.contains(", the two largest, make up "),
        "{sentence}"
    );
}

/// The target of two a year is judged only for the years whose trajectories have all run
/// a full year; the younger ones are named as not judged yet.
#[test]
fn the_target_is_judged_only_for_trajectories_a_year_old() {
    let t = published_figures();
    let c = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::En);
    let (_, sentence) = c.headline(Lang::En);
    assert!(sentence.starts_with("In 2019: "), "{sentence}");
    assert!(
        sentence.ends_with("; 2020–2021 not judged yet (trajectories not yet a year old)."),
        "{sentence}"
    );
    assert!(
        sentence.contains("provinces reach the target (2.00)")
            || sentence.contains("provinces reaches the target (2.00)"),
        "{sentence}"
    );
    // Shown up to 2020 alone, 2020 is still not judged: 2019 is told.
    let c = chart(
        ChartKind::PerTrajectory,
        &t,
        &ChartOptions {
            up_to: 2020,
            ..opts()
        },
        Lang::Nl,
    );
    let (_, sentence) = c.headline(Lang::Nl);
    assert!(sentence.starts_with("In 2019: "), "{sentence}");
    assert!(
        sentence.contains("; 2020 nog niet beoordeeld"),
        "{sentence}"
    );
    // No year old enough: the last one is told "so far", without a verdict.
    let mut young = c.clone();
    young.judged = None;
    let (_, sentence) = young.headline(Lang::En);
    assert!(
        sentence.starts_with("In 2020 so far (trajectories of less than a year): "),
        "{sentence}"
    );
    assert!(!sentence.contains("target"), "{sentence}");
}

/// A chart of `values` per province (rows) over 2025 and 2026 (columns), Flanders' totals
/// the provinces' sums where none is hidden.
fn over_two_years(values: [[Shown; 2]; 5], kind: ChartKind) -> ChartData {
    let t = published_figures();
    let mut c = chart(kind, &t, &opts(), Lang::En);
    c.categories = vec!["2025".into(), "2026".into()];
    c.partial = None;
    c.judged = Some(1);
    for (s, x) in c.series.iter_mut().zip(values) {
        s.values = x.to_vec();
    }
    c.flanders = (0..2)
        .map(|y| Shown::sum(values.iter().map(|x| x[y])))
        .collect();
    if !c.counts() {
        c.flanders.clear();
    }
    c
}

/// What the headline never claims: the most when a hidden figure may be larger, a
/// province as the most when it ties, a year that is all zeros.
#[test]
fn the_headline_claims_nothing_a_hidden_figure_could_make_false() {
    // One Antwerpen dossier in 2026, hidden; the others 0: nobody "has the most, 0".
    let c = over_two_years(
        [[Z, S], [Z, Z], [Z, Z], [Z, Z], [Z, Z]],
        ChartKind::PerProvince,
    );
    let (number, sentence) = c.headline(Lang::En);
    assert_eq!(number, "—");
    assert!(sentence.starts_with("Too few dossiers"), "{sentence}");
    // A shown 7 is the most even with a small count beside it (that one is under 5).
    let c = over_two_years(
        [[Z, S], [Z, v(7.0)], [Z, Z], [Z, Z], [Z, Z]],
        ChartKind::PerProvince,
    );
    let (number, sentence) = c.headline(Lang::En);
    assert_eq!(number, "7");
    assert_eq!(sentence, "In 2026: Limburg has the most, 7.");
    // A withheld figure may be any size: the most is of those shown.
    let c = over_two_years(
        [[Z, W], [Z, v(7.0)], [Z, S], [Z, Z], [Z, Z]],
        ChartKind::PerProvince,
    );
    assert_eq!(
        c.headline(Lang::En).1,
        "In 2026: Limburg has the most of the provinces shown, 7."
    );
    // A year of zeros says nothing: the year before is told.
    let c = over_two_years(
        [[v(9.0), Z], [v(9.0), Z], [Z, Z], [v(3.0), Z], [Z, Z]],
        ChartKind::PerProvince,
    );
    assert_eq!(
        c.headline(Lang::Nl).1,
        "In 2025: Antwerpen en Limburg hebben het meest, 9 elk, van 21 (43%)."
    );
    // A last year too small to tell: the year before is told.
    let c = over_two_years(
        [[v(7.0), S], [v(7.0), Z], [Z, Z], [Z, Z], [Z, Z]],
        ChartKind::PerProvince,
    );
    assert_eq!(
        c.headline(Lang::En).1,
        "In 2025: Antwerpen and Limburg have the most, 7 each, of 14 (50%)."
    );
    assert_eq!(c.nothing_to_show(Lang::En), None);
    // Zeros with nothing hidden are figures (drawn), not "too few dossiers".
    let c = over_two_years([[Z, Z]; 5], ChartKind::PerProvince);
    assert_eq!(c.nothing_to_show(Lang::En), None);
    assert_eq!(
        c.headline(Lang::En),
        ("—".into(), "No figures for these years.".into())
    );
    let c = over_two_years([[Z, S]; 5], ChartKind::PerProvince);
    assert!(c.nothing_to_show(Lang::En).is_some());
    // A ratio with a hidden province is said of the provinces shown, with the target.
    let c = over_two_years(
        [[Z, v(2.5)], [Z, W], [Z, v(1.5)], [Z, v(2.0)], [Z, v(0.5)]],
        ChartKind::PerTrajectory,
    );
    let (number, sentence) = c.headline(Lang::En);
    assert_eq!(number, "2.50");
    assert_eq!(
        sentence,
        "In 2026: Antwerpen is highest of the provinces shown, at 2.50 (instruments per \
         trajectory); 2 of 4 provinces reach the target (2.00)."
    );
}

/// Lines with no province shown in both years and Flanders hidden: no trend to tell, so
/// the last year that can be told is (a walk found the bare "From 2017 to 2020." on a
/// slide of 2,000 dossiers).
#[test]
fn lines_with_no_change_to_tell_say_the_last_year_instead() {
    let c = over_two_years(
        [[v(7.0), S], [S, v(9.0)], [Z, W], [Z, W], [Z, Z]],
        ChartKind::OverYears,
    );
    assert!(c.flanders.iter().all(|f| f.value().is_none()));
    let (number, sentence) = c.headline(Lang::En);
    assert_eq!(number, "9");
    assert_eq!(
        sentence,
        "In 2026: Limburg has the most of the provinces shown, 9."
    );
    // With one province shown in both years, the trend is told.
    let c = over_two_years(
        [[v(7.0), v(14.0)], [S, v(9.0)], [Z, W], [Z, W], [Z, Z]],
        ChartKind::OverYears,
    );
    let sentence = c.headline(Lang::En).1;
    assert!(sentence.starts_with("From 2025 to 2026: "), "{sentence}");
}

/// The instrument mix tells the province with the most and the largest part, not the
/// last province's largest kind.
#[test]
fn the_mix_headline_names_the_province_with_the_most() {
    let t = published_figures();
    let c = chart(ChartKind::InstrumentMix, &t, &opts(), Lang::En);
    let totals = c.totals.clone().unwrap();
    let most = totals.per_category[0].value().unwrap();
    assert!(
        totals
            .per_category
            .iter()
            .all(|t| t.value().unwrap() <= most)
    );
    let (number, sentence) = c.headline(Lang::En);
    assert_eq!(number, lang::number(most as i64, Lang::En));
    assert!(
        sentence.starts_with(&format!("Antwerpen has the most: {number} of ")),
        "{sentence}"
    );
    assert!(
        sentence.contains("; art. 60§7 employment is the largest part,"),
        "{sentence}"
    );
    // Ties are named together; with a province hidden, the most is of those shown.
    let mut tie = c.clone();
    for (k, s) in tie.series.iter_mut().enumerate() {
        let x = if k == 1 { 5.0 } else { 0.0 };
        s.values = vec![v(x), v(x), Z, Z, Z];
    }
    tie.totals = Some(Totals {
        per_category: vec![v(5.0), v(5.0), Z, Z, Z],
        per_series: vec![Z, v(10.0), Z, Z, Z],
        grand: v(10.0),
    });
    assert_eq!(
        tie.headline(Lang::En).1,
        "Antwerpen and Limburg have the most: 5 each, of 10 (50%); art. 60§7 employment \
         is the largest part, 100%."
    );
    if let Some(t) = &mut tie.totals {
        t.per_category[4] = W;
        t.grand = W;
    }
    assert_eq!(
        tie.headline(Lang::Nl).1,
        "Van de getoonde provincies hebben Antwerpen en Limburg het meest: 5 elk."
    );
    // Shares: the largest part anywhere.
    let shares = chart(
        ChartKind::InstrumentMix,
        &t,
        &ChartOptions {
            relative: true,
            ..opts()
        },
        Lang::En,
    );
    let (_, sentence) = shares.headline(Lang::En);
    assert!(
        sentence.contains(": art. 60§7 employment is the largest part, at "),
        "{sentence}"
    );
}

/// The totals row is the seed's "Totaal per jaar" and the grand total its "Totaal"; no
/// totals for shares.
#[test]
fn the_totals_are_the_seeds() {
    let p = published();
    let t = published_figures();
    let c = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl);
    let totals = c.totals.clone().unwrap();
    for (k, year) in c.categories.iter().enumerate() {
        let printed = p
            .year_totals
            .iter()
            .find(|y| y.year.to_string() == *year)
            .unwrap();
        assert_eq!(
            totals.per_category[k],
            v(printed.counts.trajectories as f64)
        );
    }
    assert_eq!(totals.grand, v(p.grand_total.trajectories as f64));
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
    assert!(share.totals.is_none());
}

/// Every instrument per 100 trajectories, and the change against the year before: from
/// the figures, told as a trend and as the largest rise.
#[test]
fn rates_per_100_and_the_change_against_the_year_before() {
    let t = published_figures();
    let rates = chart(ChartKind::RatesPer100, &t, &opts(), Lang::En);
    assert_eq!(rates.series.len(), 5);
    // BVS in 2017: 581 per 5,466 trajectories.
    let bvs = rates.series[0].values[0].value().unwrap();
    assert!((bvs - 100.0 * 581.0 / 5466.0).abs() < 1e-9);
    assert!(
        rates
            .headline(Lang::En)
            .1
            .starts_with("From 2017 to 2020: the largest change: ")
    );
    let change = chart(ChartKind::YearOnYear, &t, &opts(), Lang::En);
    assert_eq!(change.categories, ["2018", "2019", "2020", "2021"]);
    // Antwerpen 2018 against 2017: 2,853 against 2,772.
    let a = change.series[0].values[0].value().unwrap();
    assert!((a - 100.0 * (2853.0 - 2772.0) / 2772.0).abs() < 1e-9);
    let (_, sentence) = change.headline(Lang::En);
    // Into the partial year is no change to tell: 2020 against 2019 is.
    assert!(sentence.starts_with("In 2020: "), "{sentence}");
    assert!(sentence.contains("(Flanders: −19%)"), "{sentence}");
}

//! The charts as data: titles, extents, totals, hidden small counts and headlines.
use super::*;
use crate::reference::published;

fn opts() -> ChartOptions {
    ChartOptions {
        measure: Measure::Trajectories,
        up_to: 2021,
        relative: false,
        suppress_small: false,
    }
}

#[test]
#[expect(
    clippy::float_cmp,
    reason = "the extent copies values; it computes none"
)]
fn extent_covers_every_value_stack_and_reference() {
    let t = ProvinceYearTable::from_published(published());
    let per = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl);
    let e = per.extent();
    assert_eq!(e.categories, per.categories.len());
    assert_eq!(e.min, 0.0);
    // Antwerpen 2018 is the highest published count.
    let highest = per
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0_f64, |a, &b| a.max(b));
    assert_eq!(e.max, highest);
    // Stacked shares reach 100 per year, not the largest part.
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
    assert_eq!(share.shape, Shape::StackedBars);
    assert!((share.extent().max - 100.0).abs() < 1e-9);
    // The target line of two instruments a trajectory is inside even where no value is.
    let mut per_traj = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::Nl);
    for s in &mut per_traj.series {
        s.values.iter_mut().for_each(|v| *v = Some(1.0));
    }
    assert_eq!(per_traj.extent().max, 2.0);
    // A difference can be negative.
    per_traj.series[0].values[0] = Some(-3.0);
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
fn the_title_follows_the_measure() {
    let t = ProvinceYearTable::from_published(published());
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
    assert_eq!(a.cell(0, 0, Lang::Nl, false), "2.772");
}

#[test]
fn per_trajectory_has_the_target_line_and_shares_sum_to_100() {
    let t = ProvinceYearTable::from_published(published());
    let per = chart(ChartKind::PerTrajectory, &t, &opts(), Lang::Nl);
    assert_eq!(per.reference.as_ref().map(|r| r.0), Some(2.0));
    // Antwerpen 2017: (87 + 2570 + 473 + 54 + 63) / 2772.
    let v = per.series[0].values[0].unwrap();
    assert!((v - 3247.0 / 2772.0).abs() < 1e-9);
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
    for c in 0..share.categories.len() {
        let sum: f64 = share.series.iter().filter_map(|s| s.values[c]).sum();
        assert!((sum - 100.0).abs() < 1e-9);
    }
}

#[test]
fn the_year_slider_limits_the_years_and_csv_matches_the_table() {
    let t = ProvinceYearTable::from_published(published());
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
    let csv = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl).to_csv(false);
    assert_eq!(csv.lines().next(), Some("series,2017,2018,2019,2020,2021"));
    assert_eq!(
        csv.lines().nth(1),
        Some("Antwerpen,2772,2853,2789,2108,1004")
    );
}

#[test]
fn small_counts_are_suppressed_when_asked() {
    let t = ProvinceYearTable::from_published(published());
    let o = ChartOptions {
        measure: Measure::Instrument(InstrumentType::Wes),
        suppress_small: true,
        ..opts()
    };
    let c = chart(ChartKind::PerProvince, &t, &o, Lang::Nl);
    // Limburg 2018: 5 WES stays; Limburg 2020: 3 WES becomes <5.
    assert_eq!(c.cell(1, 1, Lang::Nl, true), "5");
    assert_eq!(c.cell(1, 3, Lang::Nl, true), "<5");
    assert!(c.to_csv(true).contains("Limburg,17,5,6,<5,<5"));
}

/// The key number and the sentence come from the data: the largest value of the last
/// year shown, its series named; with every value hidden, the slide says why.
#[test]
fn the_headline_is_computed_from_the_data() {
    let t = ProvinceYearTable::from_published(published());
    let c = chart(ChartKind::PerProvince, &t, &opts(), Lang::En).published();
    let (number, sentence) = c.headline(Lang::En, false);
    assert_eq!(number, "1,004");
    // The issue's own example: Antwerpen started 48% of the year's trajectories.
    assert_eq!(
        sentence,
        "In 2021 (part of the year): Antwerpen has the most, 1,004 of 2,102 (48%)."
    );
    let earlier = ChartOptions {
        up_to: 2018,
        ..opts()
    };
    let c = chart(ChartKind::PerProvince, &t, &earlier, Lang::Nl);
    let (number, sentence) = c.headline(Lang::Nl, false);
    assert!(sentence.starts_with("In 2018: Antwerpen"), "{sentence}");
    assert_eq!(number, lang::number(2853, Lang::Nl));
    let mut hidden = c.clone();
    for s in &mut hidden.series {
        s.values.iter_mut().for_each(|v| *v = None);
    }
    assert_eq!(hidden.headline(Lang::En, true).0, "—");
    assert!(
        hidden
            .headline(Lang::En, true)
            .1
            .starts_with("Too few dossiers")
    );
}

/// A chart of `values` per province (rows) over 2025 and 2026 (columns).
fn over_two_years(values: [[Option<f64>; 2]; 5], kind: ChartKind) -> ChartData {
    let t = ProvinceYearTable::from_published(published());
    let mut c = chart(kind, &t, &opts(), Lang::En);
    c.categories = vec!["2025".into(), "2026".into()];
    for (s, v) in c.series.iter_mut().zip(values) {
        s.values = v.to_vec();
    }
    // Flanders' totals as the chart's own: the provinces' sums, none with a hidden part.
    c.flanders = (0..2)
        .map(|y| values.iter().map(|v| v[y]).sum::<Option<f64>>())
        .collect();
    if c.percent || c.decimals > 0 {
        c.flanders.clear();
    }
    c
}

/// What the headline never claims: the most when a hidden count may be larger, a
/// province as the most when it ties, a year that is all zeros.
#[test]
fn the_headline_claims_nothing_a_hidden_count_could_make_false() {
    let (z, h) = (Some(0.0), None);
    // One Antwerpen dossier in 2026, hidden; the others 0: nobody "has the most, 0".
    let c = over_two_years(
        [[z, h], [z, z], [z, z], [z, z], [z, z]],
        ChartKind::PerProvince,
    );
    let (number, sentence) = c.headline(Lang::En, true);
    assert_eq!(number, "—");
    assert!(sentence.starts_with("Too few dossiers"), "{sentence}");
    // A shown 7 is the most even with a hidden count beside it (that one is under 5).
    let c = over_two_years(
        [[z, h], [z, Some(7.0)], [z, z], [z, z], [z, z]],
        ChartKind::PerProvince,
    );
    let (number, sentence) = c.headline(Lang::En, true);
    assert_eq!(number, "7");
    assert_eq!(sentence, "In 2026: Limburg has the most, 7.");
    // A year of zeros says nothing: the year before is told.
    let c = over_two_years(
        [
            [Some(9.0), z],
            [Some(9.0), z],
            [z, z],
            [Some(3.0), z],
            [z, z],
        ],
        ChartKind::PerProvince,
    );
    let (_, sentence) = c.headline(Lang::Nl, false);
    assert_eq!(
        sentence,
        "In 2025: Antwerpen en Limburg hebben het meest, 9 elk, van 21 (43%)."
    );
    // A last year too small to tell: the year before is told, under its chart.
    let c = over_two_years(
        [[Some(7.0), h], [Some(7.0), z], [z, z], [z, z], [z, z]],
        ChartKind::PerProvince,
    );
    let (number, sentence) = c.headline(Lang::En, true);
    assert_eq!(number, "7");
    assert_eq!(
        sentence,
        "In 2025: Antwerpen and Limburg have the most, 7 each, of 14 (50%)."
    );
    assert_eq!(c.nothing_to_show(Lang::En, true), None);
    // Dossiers of an unknown OCMW count in Flanders' total, as in the shares' chart.
    let mut c = over_two_years(
        [[z, Some(10.0)], [z, z], [z, z], [z, z], [z, z]],
        ChartKind::PerProvince,
    );
    c.flanders[1] = Some(100.0);
    assert_eq!(
        c.headline(Lang::En, false).1,
        "In 2026: Antwerpen has the most, 10 of 100 (10%)."
    );
    // Zeros with nothing hidden are figures (drawn), not "too few dossiers".
    let c = over_two_years([[z, z]; 5], ChartKind::PerProvince);
    assert_eq!(c.nothing_to_show(Lang::En, true), None);
    let c = over_two_years([[z, h]; 5], ChartKind::PerProvince);
    assert!(c.nothing_to_show(Lang::En, true).is_some());
    assert_eq!(c.nothing_to_show(Lang::En, false), None);
    // Nothing at all.
    let c = over_two_years([[z, z]; 5], ChartKind::PerProvince);
    assert_eq!(
        c.headline(Lang::En, false),
        ("—".into(), "No figures for these years.".into())
    );
    // A ratio with a hidden province is said of the provinces shown, with the target.
    let c = over_two_years(
        [
            [z, Some(2.5)],
            [z, h],
            [z, Some(1.5)],
            [z, Some(2.0)],
            [z, Some(0.5)],
        ],
        ChartKind::PerTrajectory,
    );
    let (number, sentence) = c.headline(Lang::En, true);
    assert_eq!(number, "2.50");
    assert_eq!(
        sentence,
        "In 2026: Antwerpen is highest of the provinces shown, at 2.50 (instruments per \
         trajectory); 2 of 4 provinces reach the target (2.00)."
    );
}

/// The instrument mix tells the province with the most and the largest part, not the
/// last province's largest kind.
#[test]
fn the_mix_headline_names_the_province_with_the_most() {
    let t = ProvinceYearTable::from_published(published());
    let c = chart(ChartKind::InstrumentMix, &t, &opts(), Lang::En);
    let totals = c.totals().unwrap();
    let most = totals.per_category[0].unwrap();
    assert!(totals.per_category.iter().all(|t| t.unwrap() <= most));
    let (number, sentence) = c.headline(Lang::En, false);
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
        let v = if k == 1 { 5.0 } else { 0.0 };
        s.values = vec![Some(v), Some(v), Some(0.0), Some(0.0), Some(0.0)];
    }
    assert_eq!(
        tie.headline(Lang::En, false).1,
        "Antwerpen and Limburg have the most: 5 each, of 10 (50%); art. 60§7 employment \
         is the largest part, 100%."
    );
    tie.series[0].values[4] = None;
    assert_eq!(
        tie.headline(Lang::Nl, true).1,
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
    let (_, sentence) = shares.headline(Lang::En, false);
    assert!(
        sentence.contains(": art. 60§7 employment is the largest part, at "),
        "{sentence}"
    );
}

/// The totals row is the seed's "Totaal per jaar" and the grand total its "Totaal";
/// no totals for shares; a hidden count hides the totals it is part of.
#[test]
fn the_totals_are_the_seeds() {
    let p = published();
    let t = ProvinceYearTable::from_published(p);
    let c = chart(ChartKind::PerProvince, &t, &opts(), Lang::Nl);
    let totals = c.totals().unwrap();
    for (k, year) in c.categories.iter().enumerate() {
        let printed = p
            .year_totals
            .iter()
            .find(|y| y.year.to_string() == *year)
            .unwrap();
        assert_eq!(
            totals.per_category[k],
            Some(printed.counts.trajectories as f64)
        );
    }
    assert_eq!(totals.grand, Some(p.grand_total.trajectories as f64));
    let share = chart(ChartKind::ProvinceShare, &t, &opts(), Lang::Nl);
    assert!(share.totals().is_none());
    let mut hidden = c.clone();
    hidden.series[1].values[3] = None;
    let h = hidden.totals().unwrap();
    assert_eq!(h.per_category[3], None);
    assert_eq!(h.per_series[1], None);
    assert_eq!(h.grand, None);
    assert_eq!(h.per_category[2], totals.per_category[2]);
}

/// A share or a ratio of a small count is hidden like the count, so it cannot be worked
/// back from (3 of 13 trajectories, shown as 23.1%, is 3).
#[test]
fn shares_and_ratios_of_small_counts_are_hidden() {
    let mut t = ProvinceYearTable::default();
    for (p, n, art60) in [(Province::Antwerpen, 3, 9), (Province::Limburg, 10, 12)] {
        t.cells.insert(
            (p, 2020),
            Counts {
                trajectories: n,
                art60,
                ..Counts::default()
            },
        );
    }
    let o = ChartOptions {
        up_to: 2020,
        suppress_small: true,
        ..opts()
    };
    let share = chart(ChartKind::ProvinceShare, &t, &o, Lang::En);
    let at = share.categories.iter().position(|c| c == "2020").unwrap();
    assert_eq!(share.series[0].values[at], None, "Antwerpen's share of 3");
    assert_eq!(
        share.series[1].values[at], None,
        "Limburg's 10 of 13 would give the 3 back"
    );
    let per = chart(ChartKind::PerTrajectory, &t, &o, Lang::En);
    let at = per.categories.iter().position(|c| c == "2020").unwrap();
    assert_eq!(
        per.series[0].values[at], None,
        "9 instruments over 3 trajectories"
    );
    assert!(per.series[1].values[at].is_some());
}

/// The instrument mix sums the years: a sum with a hidden year in it is hidden too, so
/// the year cannot be worked back from the other charts.
#[test]
fn the_mix_hides_a_sum_with_a_hidden_year() {
    let mut t = ProvinceYearTable::default();
    for (y, wes) in [(2019, 10), (2020, 3), (2021, 6)] {
        t.cells.insert(
            (Province::Limburg, y),
            Counts {
                trajectories: 20,
                wes,
                art60: 20,
                ..Counts::default()
            },
        );
    }
    let o = ChartOptions {
        up_to: 2021,
        suppress_small: true,
        ..opts()
    };
    let mix = chart(ChartKind::InstrumentMix, &t, &o, Lang::En);
    let wes = mix
        .series
        .iter()
        .find(|s| s.instrument == Some(InstrumentType::Wes))
        .unwrap();
    let limburg = mix.categories.iter().position(|c| c == "Limburg").unwrap();
    assert_eq!(
        wes.values[limburg], None,
        "19 = 10 + 3 + 6 would give the 3 back"
    );
    let art60 = mix
        .series
        .iter()
        .find(|s| s.instrument == Some(InstrumentType::Art60))
        .unwrap();
    assert_eq!(art60.values[limburg], Some(60.0));
}

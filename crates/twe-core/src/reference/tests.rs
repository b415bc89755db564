//! The embedded assets parse, are complete and agree with the source.

use super::*;
use std::collections::HashSet;

#[test]
fn the_published_figures_parse_and_cover_five_provinces_and_five_years() {
    let p: Published = ron::from_str(PUBLISHED_RON).unwrap();
    assert_eq!(p.years(), vec![2017, 2018, 2019, 2020, 2021]);
    assert_eq!(p.started.len(), 25);
    let cells: HashSet<(Province, i32)> = p.started.iter().map(|r| (r.province, r.year)).collect();
    assert_eq!(cells.len(), 25, "no province and year twice");
    assert_eq!(p.year_totals.len(), 5);
    assert_eq!(p.partial_year, 2021);
    assert_eq!(p.trainings.len(), 5);
    assert_eq!(
        p.most_followed.iter().filter(|m| m.year == 2017).count(),
        2,
        "2017 has a tie"
    );
    assert_eq!(p.organisations.len(), 10);
    assert_eq!(p.outflow.at_work_within_12_months_percent, 65);
}

#[test]
fn antwerpen_2017_is_as_printed() {
    let row = published()
        .started
        .iter()
        .find(|r| r.province == Province::Antwerpen && r.year == 2017)
        .unwrap();
    assert_eq!(
        (
            row.counts.trajectories,
            row.counts.bvs,
            row.counts.art60,
            row.counts.opleiding,
            row.counts.wes,
            row.counts.ibo
        ),
        (2772, 87, 2570, 473, 54, 63)
    );
    assert_eq!(published().grand_total.trajectories, 23186);
}

#[test]
fn the_municipal_maps_have_308_300_and_285_municipalities() {
    let m = Municipalities::from_json(MUNICIPALITIES_JSON).unwrap();
    assert_eq!(m.in_use(2017).count(), 308);
    assert_eq!(m.in_use(2018).count(), 308);
    assert_eq!(m.in_use(2019).count(), 300);
    assert_eq!(m.in_use(2024).count(), 300);
    assert_eq!(m.in_use(2025).count(), 285);
    assert!(m.attribution.contains("CC BY 4.0") && m.attribution.contains("Statbel"));
}

#[test]
fn every_municipality_has_a_province_and_every_former_one_a_current_successor() {
    let m = municipalities();
    let mut per_province = std::collections::BTreeMap::new();
    for x in m.all() {
        let p = x
            .province()
            .unwrap_or_else(|| panic!("{} has no Flemish province", x.name));
        if x.in_use(2025) {
            *per_province.entry(p).or_insert(0) += 1;
            assert!(x.nis.is_some() && !x.postal_codes.is_empty(), "{}", x.name);
        } else {
            let successor = x
                .successor
                .as_deref()
                .unwrap_or_else(|| panic!("{} has no successor", x.name));
            let s = m.get(successor).unwrap();
            assert!(s.in_use(2025), "{} → {successor} is not current", x.name);
            assert_eq!(
                s.province(),
                Some(p),
                "mergers never cross a province: {}",
                x.name
            );
        }
    }
    assert_eq!(per_province.values().sum::<i32>(), 285);
    assert_eq!(
        m.get("Nazareth").and_then(|x| x.successor.as_deref()),
        Some("Nazareth-De Pinte")
    );
    assert_eq!(
        m.get("Nevele").and_then(|x| x.successor.as_deref()),
        Some("Deinze")
    );
    assert_eq!(m.province_of("Ruiselede"), Some(Province::WestVlaanderen));
    assert_eq!(m.province_of("Gent"), Some(Province::OostVlaanderen));
    assert_eq!(m.province_of("Brussel"), None);
}

#[test]
fn the_names_the_seed_uses_are_known() {
    let m = municipalities();
    for name in [
        "Nazareth",
        "De Pinte",
        "Melle",
        "Ruiselede",
        "Beveren",
        "Lievegem",
        "Aalter",
    ] {
        assert!(m.get(name).is_some(), "{name}");
    }
}

#[test]
fn nearest_names() {
    let m = municipalities();
    assert_eq!(
        m.nearest("Scherpenheuvel-zichem"),
        Some("Scherpenheuvel-Zichem")
    );
    assert_eq!(m.nearest("Sint-Martens Latem"), Some("Sint-Martens-Latem"));
    assert_eq!(m.nearest("Beveren-Waas"), Some("Beveren"));
    assert_eq!(m.nearest("O9CMW Grobbendonk"), Some("Grobbendonk"));
    assert_eq!(m.nearest("Gnet"), Some("Gent"));
    assert_eq!(m.nearest("Xyzzy"), None);
    assert_eq!(m.nearest(""), None);
}

/// The trainings' sentence says what its number is and never adds the years up: a client
/// who trained in two years counts in both.
#[test]
fn the_trainings_sentence_does_not_add_clients_up() {
    let (number, sentence) = published().trainings_headline(crate::lang::Lang::En);
    assert_eq!(number, "603");
    assert_eq!(
        sentence,
        "In 2019: 603 clients started a training, the most of 2017–2021 (2021: part of the \
         year); who started in two years counts in both."
    );
    let total: u32 = published().trainings.iter().map(|t| t.clients).sum();
    assert!(!sentence.contains(&crate::lang::number(total.into(), crate::lang::Lang::En)));
}

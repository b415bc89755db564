//! The data audit: what in the published figures does not add up or does not name a
//! municipality. The source has defects worth showing, not hiding.

use super::{Counts, Measure, ProvinceYearTable};
use crate::lang::{self, Lang};
use crate::reference::published::ocmw_name;
use crate::reference::{Municipalities, Province, Published};
use serde::Serialize;
use std::collections::BTreeMap;

/// The year the organisation table describes (March 2021): its names are of that map.
const ORGANISATIONS_YEAR: i32 = 2021;

/// Which printed total a mismatch is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Total {
    /// "Totaal per jaar" of a year.
    Year(i32),
    /// "Totaal", recomputed from the province rows.
    Grand,
    /// "Totaal", recomputed from the printed yearly totals.
    GrandFromYears,
}

/// One defect of the published data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Defect {
    /// A printed total differs from the sum of its parts.
    TotalMismatch {
        /// Which total.
        total: Total,
        /// Which column.
        column: &'static str,
        /// As printed.
        printed: i64,
        /// As recomputed.
        computed: i64,
    },
    /// An entry of the organisation table is not of the form "OCMW <municipality>".
    MalformedEntry {
        /// The organisation it is listed under.
        organisation: String,
        /// The entry as printed.
        entry: String,
        /// The municipality it most likely means.
        suggestion: Option<String>,
    },
    /// An entry names something that is not a municipality of 2021 as written.
    NotAMunicipality {
        /// The organisation it is listed under.
        organisation: String,
        /// The name as printed.
        name: String,
        /// The municipality it most likely means.
        suggestion: Option<String>,
    },
    /// One OCMW listed under more than one organisation.
    ListedTwice {
        /// The municipality.
        ocmw: String,
        /// The organisations it is listed under.
        organisations: Vec<String>,
    },
    /// An organisation whose OCMWs lie in more than one province, naming the odd ones out.
    SpansProvinces {
        /// The organisation.
        organisation: String,
        /// The province most of its OCMWs lie in.
        main: Province,
        /// The OCMWs elsewhere, with their province.
        elsewhere: Vec<(String, Province)>,
    },
}

impl Defect {
    /// One line describing the defect.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Defect::TotalMismatch {
                total,
                column,
                printed,
                computed,
            } => {
                let which = match total {
                    Total::Year(y) => {
                        format!("{} {y}", lang.pick("Totaal per jaar", "Yearly total"))
                    }
                    Total::Grand => lang
                        .pick(
                            "Totaal (uit de provincies)",
                            "Grand total (from the provinces)",
                        )
                        .to_string(),
                    Total::GrandFromYears => lang
                        .pick(
                            "Totaal (uit de jaartotalen)",
                            "Grand total (from the yearly totals)",
                        )
                        .to_string(),
                };
                format!(
                    "{which}, {column}: {} {}, {} {}",
                    lang.pick("gedrukt", "printed"),
                    lang::number(*printed, lang),
                    lang.pick("som van de delen", "sum of the parts"),
                    lang::number(*computed, lang)
                )
            }
            Defect::MalformedEntry {
                organisation,
                entry,
                suggestion,
            } => format!(
                "{organisation}: «{entry}» {}{}",
                lang.pick(
                    "is geen vermelding van de vorm «OCMW <gemeente>»",
                    "is not an entry of the form «OCMW <municipality>»"
                ),
                suggest(suggestion.as_deref(), lang)
            ),
            Defect::NotAMunicipality {
                organisation,
                name,
                suggestion,
            } => format!(
                "{organisation}: «{name}» {}{}",
                lang.pick(
                    "is zo geschreven geen gemeente van 2021",
                    "is not a municipality of 2021 as written"
                ),
                suggest(suggestion.as_deref(), lang)
            ),
            Defect::ListedTwice {
                ocmw,
                organisations,
            } => format!(
                "OCMW {ocmw} {} {}",
                lang.pick(
                    "staat onder meer dan één organisatie:",
                    "is listed under more than one organisation:"
                ),
                organisations.join(", ")
            ),
            Defect::SpansProvinces {
                organisation,
                main,
                elsewhere,
            } => {
                let odd: Vec<String> = elsewhere
                    .iter()
                    .map(|(n, p)| format!("{n} ({})", p.name()))
                    .collect();
                format!(
                    "{organisation}: {} {}, {} {}",
                    lang.pick("de OCMW's liggen in", "its OCMWs lie in"),
                    main.name(),
                    lang.pick("behalve", "except"),
                    odd.join(", ")
                )
            }
        }
    }
}

fn suggest(s: Option<&str>, lang: Lang) -> String {
    s.map_or_else(String::new, |s| {
        format!(" ({} {s})", lang.pick("bedoeld:", "meant:"))
    })
}

fn compare(total: Total, printed: &Counts, computed: &Counts, out: &mut Vec<Defect>) {
    for m in Measure::ALL {
        if printed.get(m) != computed.get(m) {
            out.push(Defect::TotalMismatch {
                total,
                column: m.csv_name(),
                printed: printed.get(m),
                computed: computed.get(m),
            });
        }
    }
}

/// The defects of the embedded published figures, found once: those figures never change
/// while the program runs, and the organisations page shows the defects every frame.
pub fn published_defects() -> &'static [Defect] {
    static DEFECTS: std::sync::OnceLock<Vec<Defect>> = std::sync::OnceLock::new();
    DEFECTS.get_or_init(|| {
        audit(
            crate::reference::published(),
            crate::reference::municipalities(),
        )
    })
}

/// Audits the published figures against themselves and the municipal map.
pub fn audit(published: &Published, municipalities: &Municipalities) -> Vec<Defect> {
    let mut out = Vec::new();
    let table = ProvinceYearTable::from_published(published);
    for yt in &published.year_totals {
        compare(
            Total::Year(yt.year),
            &yt.counts,
            &table.year_total(yt.year),
            &mut out,
        );
    }
    compare(
        Total::Grand,
        &published.grand_total,
        &table.grand_total(),
        &mut out,
    );
    let from_years: Counts = published.year_totals.iter().map(|y| y.counts).sum();
    compare(
        Total::GrandFromYears,
        &published.grand_total,
        &from_years,
        &mut out,
    );

    let mut listed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for org in &published.organisations {
        let mut provinces: Vec<(String, Province)> = Vec::new();
        for entry in &org.ocmws {
            let (name, well_formed) = match ocmw_name(entry) {
                Some(name) => (name, true),
                None => (entry.as_str(), false),
            };
            let known = municipalities
                .get(name)
                .filter(|m| m.in_use(ORGANISATIONS_YEAR));
            let resolved = match known {
                Some(m) => Some(m.name.clone()),
                None => municipalities.nearest(name).map(str::to_string),
            };
            if !well_formed {
                out.push(Defect::MalformedEntry {
                    organisation: org.name.clone(),
                    entry: entry.clone(),
                    suggestion: resolved.clone(),
                });
            } else if known.is_none() {
                out.push(Defect::NotAMunicipality {
                    organisation: org.name.clone(),
                    name: name.to_string(),
                    suggestion: resolved.clone(),
                });
            }
            if let Some(r) = resolved {
                if let Some(p) = municipalities.province_of(&r) {
                    provinces.push((r.clone(), p));
                }
                listed.entry(r).or_default().push(org.name.clone());
            }
        }
        if let Some(main) = most_common(provinces.iter().map(|(_, p)| *p)) {
            let elsewhere: Vec<(String, Province)> =
                provinces.into_iter().filter(|(_, p)| *p != main).collect();
            if !elsewhere.is_empty() {
                out.push(Defect::SpansProvinces {
                    organisation: org.name.clone(),
                    main,
                    elsewhere,
                });
            }
        }
    }
    for (ocmw, organisations) in listed {
        if organisations.len() > 1 {
            out.push(Defect::ListedTwice {
                ocmw,
                organisations,
            });
        }
    }
    out
}

fn most_common(items: impl Iterator<Item = Province>) -> Option<Province> {
    let mut counts: BTreeMap<Province, usize> = BTreeMap::new();
    for p in items {
        *counts.entry(p).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
        .map(|(p, _)| p)
}

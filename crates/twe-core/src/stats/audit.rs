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
    /// The trainings table (clients per start year of the training) and the trainings column
    /// of the started table (per start year of the trajectory) cannot both hold year by
    /// year: fewer trainings than clients who trained, or more than ten trainings a client.
    TrainingsDisagree {
        /// The year.
        year: i32,
        /// Trainings in the started table's column.
        trainings: i64,
        /// Clients with trainings in the trainings table.
        clients: i64,
    },
    /// More art. 60§7 employments than started trajectories in a province and year: some
    /// trajectories had two (a second employment or an extension), or the counts are of
    /// different things.
    MoreArt60ThanTrajectories {
        /// The province.
        province: Province,
        /// The year.
        year: i32,
        /// Art. 60§7 employments started.
        art60: i64,
        /// Trajectories started.
        trajectories: i64,
    },
    /// Years whose trajectories were still running at the monitoring (a trajectory runs up
    /// to 24 months): their instruments were not all started, so their counts are
    /// incomplete, like the partial year's.
    StillRunning {
        /// The years, ascending.
        years: Vec<i32>,
        /// The monitoring's date.
        as_of: chrono::NaiveDate,
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
            Defect::TrainingsDisagree { .. }
            | Defect::MoreArt60ThanTrajectories { .. }
            | Defect::StillRunning { .. } => self.cross_check_message(lang),
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

impl Defect {
    /// The line of a figure that does not agree with another (the audit's cross-checks).
    fn cross_check_message(&self, lang: Lang) -> String {
        match self {
            Defect::TrainingsDisagree {
                year,
                trainings,
                clients,
            } => format!(
                "{year}: {} {} {}, {} {} {}; {}",
                lang.pick("de tabel telt", "the table counts"),
                lang::number(*trainings, lang),
                lang.pick("gestarte opleidingen", "trainings started"),
                lang.pick("de opleidingentabel", "the trainings table"),
                lang::number(*clients, lang),
                lang.pick("cliënten met een opleiding", "clients with a training"),
                lang.pick(
                    "de eerste telt per startjaar van het traject, de tweede per startjaar van \
                     de opleiding: ze zijn niet jaar per jaar te vergelijken",
                    "the first counts by the trajectory's start year, the second by the \
                     training's: they cannot be compared year by year"
                )
            ),
            Defect::MoreArt60ThanTrajectories {
                province,
                year,
                art60,
                trajectories,
            } => format!(
                "{} {year}: {} {} {} {} {}",
                province.name(),
                lang::number(*art60, lang),
                lang.pick(
                    "art. 60§7-tewerkstellingen voor",
                    "art. 60§7 employments for"
                ),
                lang::number(*trajectories, lang),
                lang.pick("opgestarte trajecten", "started trajectories"),
                lang.pick(
                    "(sommige trajecten hadden er twee, of de aantallen tellen iets anders)",
                    "(some trajectories had two, or the counts are of different things)"
                )
            ),
            Defect::StillRunning { years, as_of } => {
                let list: Vec<String> = years.iter().map(ToString::to_string).collect();
                format!(
                    "{}: {} {} {}",
                    list.join(", "),
                    lang.pick(
                        "de trajecten van deze jaren liepen nog bij de monitoring van",
                        "the trajectories of these years were still running at the monitoring of"
                    ),
                    lang::month_year(*as_of, lang),
                    lang.pick(
                        "(een traject duurt tot 24 maanden): hun instrumenten zijn niet volledig",
                        "(a trajectory runs up to 24 months): their instruments are incomplete"
                    )
                )
            }
            _ => String::new(),
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

/// How many printed totals the audit recomputes: each yearly total and the grand total, in
/// every column.
pub fn totals_checked(published: &Published) -> usize {
    (published.year_totals.len() + 1) * Measure::ALL.len()
}

/// The audit's closing line: what it checked, and whether every total agreed.
pub fn summary(published: &Published, defects: &[Defect], lang: Lang) -> String {
    let wrong = defects
        .iter()
        .filter(|d| matches!(d, Defect::TotalMismatch { .. }))
        .count();
    let n = lang::number(totals_checked(published) as i64, lang);
    if wrong == 0 {
        format!(
            "{n} {}",
            lang.pick(
                "totalen herberekend, alle gelijk aan de gedrukte",
                "totals recomputed, all equal to the printed ones"
            )
        )
    } else {
        format!(
            "{n} {}, {} {}",
            lang.pick("totalen herberekend", "totals recomputed"),
            lang::number(wrong as i64, lang),
            lang.pick(
                "verschillen van de gedrukte",
                "differ from the printed ones"
            )
        )
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
    cross_checks(published, &table, &mut out);

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

/// The figures against each other: the trainings table against the trainings column, art.
/// 60§7 against the trajectories, and the years still running at the monitoring.
fn cross_checks(published: &Published, table: &ProvinceYearTable, out: &mut Vec<Defect>) {
    for t in &published.trainings {
        let trainings = table.year_total(t.year).opleiding;
        let clients = i64::from(t.clients);
        if trainings < clients || trainings > 10 * clients {
            out.push(Defect::TrainingsDisagree {
                year: t.year,
                trainings,
                clients,
            });
        }
    }
    for (&(province, year), c) in &table.cells {
        if c.art60 > c.trajectories {
            out.push(Defect::MoreArt60ThanTrajectories {
                province,
                year,
                art60: c.art60,
                trajectories: c.trajectories,
            });
        }
    }
    // A trajectory started on a year's last day runs 24 months more at most.
    let as_of = published.as_of();
    let running: Vec<i32> = table
        .years()
        .into_iter()
        .filter(|&y| y != published.partial_year)
        .filter(|&y| {
            crate::model::calendar::add_months(
                chrono::NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default(),
                24,
            ) > as_of
        })
        .collect();
    if !running.is_empty() {
        out.push(Defect::StillRunning {
            years: running,
            as_of,
        });
    }
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

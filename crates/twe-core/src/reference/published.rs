//! The published figures of VDAB's answer, as data (assets/published.ron).

use super::Province;
use crate::lang::Text;
use crate::stats::Counts;
use serde::Deserialize;

/// Everything the answer publishes as figures.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// The source note every chart and export carries.
    pub source: Text,
    /// The year the monitoring covers only in part.
    pub partial_year: i32,
    /// The month of the monitoring the figures come from (May 2021), as (year, month).
    pub monitoring: (i32, u32),
    /// Started trajectories and instruments per province and start year.
    pub started: Vec<Row>,
    /// The printed yearly totals ("Totaal per jaar").
    pub year_totals: Vec<YearTotal>,
    /// The printed grand total ("Totaal").
    pub grand_total: Counts,
    /// Clients with one or more trainings per start year, with average duration.
    pub trainings: Vec<TrainingYear>,
    /// The most followed training per start year; a tie gives two rows.
    pub most_followed: Vec<MostFollowed>,
    /// The outflow figures.
    pub outflow: Outflow,
    /// Organisations OCMWs outsource guidance to, with their OCMWs as printed.
    pub organisations: Vec<Organisation>,
}

/// One province and year of the started-trajectories table.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The province.
    pub province: Province,
    /// The trajectories' start year.
    pub year: i32,
    /// The six columns.
    pub counts: Counts,
}

/// A printed yearly total.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearTotal {
    /// The start year.
    pub year: i32,
    /// The six columns as printed.
    pub counts: Counts,
}

/// Clients who followed one or more trainings that started in a year.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingYear {
    /// The trainings' start year.
    pub year: i32,
    /// Clients with one or more trainings.
    pub clients: u32,
    /// Average duration in months, as printed (whole months).
    pub average_months: u32,
}

/// The most followed training of a year.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MostFollowed {
    /// The trainings' start year.
    pub year: i32,
    /// The training's name.
    pub training: String,
    /// Clients who followed it.
    pub clients: u32,
}

/// The outflow measurement figures.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outflow {
    /// Share of closed trajectories at work at the outflow measurement.
    pub at_work_at_measurement_percent: u32,
    /// Whether that share is approximate ("bijna 40%").
    pub at_measurement_is_approximate: bool,
    /// Share at work during or after the 12 months after the trajectory stopped.
    pub at_work_within_12_months_percent: u32,
}

/// What kind of organisation guidance is outsourced to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum OrganisationKind {
    /// A cluster of OCMWs (intergemeentelijke vereniging).
    Intermunicipal,
    /// A private organisation.
    Private,
}

/// An organisation and its OCMWs, as printed in the answer.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation's name.
    pub name: String,
    /// The name it had before ("Levanto").
    #[serde(default)]
    pub former_name: Option<String>,
    /// Intermunicipal or private, when the answer says.
    pub kind: Option<OrganisationKind>,
    /// The OCMWs exactly as printed ("OCMW Beernem", "O9CMW Grobbendonk").
    pub ocmws: Vec<String>,
}

/// The municipality an entry of the organisation table names: "OCMW Beernem" → "Beernem";
/// `None` when the entry is not of that form (a defect of the source).
pub fn ocmw_name(entry: &str) -> Option<&str> {
    entry.strip_prefix("OCMW ").map(str::trim)
}

impl Published {
    /// The trainings followed most in `year`, as the table on screen and the slide write
    /// them: "Lassen (12) en Heftruck (9)".
    pub fn most_followed_in(&self, year: i32, lang: crate::lang::Lang) -> String {
        self.most_followed_list(year)
            .join(lang.pick(" en ", " and "))
    }

    /// The most followed trainings of `year`, each with its number of clients, one per item
    /// (a screen too narrow for the sentence shows them one per line).
    pub fn most_followed_list(&self, year: i32) -> Vec<String> {
        self.most_followed
            .iter()
            .filter(|m| m.year == year)
            .map(|m| format!("{} ({})", m.training, m.clients))
            .collect()
    }

    /// The trainings slide's key number and sentence, from the table: the year in which
    /// the most clients started a training, and what that number is. The years are never
    /// added up: a client who started trainings in two years counts in both.
    pub fn trainings_headline(&self, lang: crate::lang::Lang) -> (String, String) {
        let (Some(first), Some(last), Some(most)) = (
            self.trainings.first(),
            self.trainings.last(),
            self.trainings.iter().max_by_key(|t| t.clients),
        ) else {
            return ("—".into(), String::new());
        };
        let number = crate::lang::number(most.clients.into(), lang);
        let partial = if last.year == self.partial_year {
            format!(
                " ({}: {})",
                last.year,
                lang.pick("deel van het jaar", "part of the year")
            )
        } else {
            String::new()
        };
        let sentence = format!(
            "{} {}: {number} {} {}–{}{partial}; {}",
            lang.pick("In", "In"),
            most.year,
            lang.pick(
                "cliënten startten een opleiding, het meest van",
                "clients started a training, the most of",
            ),
            first.year,
            last.year,
            lang.pick(
                "wie in twee jaren startte, telt in beide.",
                "who started in two years counts in both.",
            ),
        );
        (number, sentence)
    }

    /// The day the figures are taken as of: the first day of the monitoring's month, so
    /// that nothing is claimed of days it may not cover.
    pub fn as_of(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.monitoring.0, self.monitoring.1, 1).unwrap_or_default()
    }

    /// The years of the table, ascending.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.started.iter().map(|r| r.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The organisation an OCMW (a municipality name) is listed under; the first if several.
    pub fn organisations_of(&self, municipality: &str) -> Vec<&Organisation> {
        self.organisations
            .iter()
            .filter(|o| o.ocmws.iter().any(|e| ocmw_name(e) == Some(municipality)))
            .collect()
    }
}

//! What the dossiers can tell that VDAB's figures cannot: instruments completed or stopped
//! early, durations, outcomes, the two-a-year target, and counts per municipality and per
//! organisation. Additive per dossier, so a workspace keeps it current edit by edit.

use super::Counts;
use crate::model::{Dossier, InstrumentType, Status};
use crate::rules::Finding;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The status of instruments, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// Planned, not started.
    pub planned: i64,
    /// Running.
    pub running: i64,
    /// Ran to their end.
    pub completed: i64,
    /// Stopped early.
    pub stopped_early: i64,
}

/// Aggregates over dossiers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DossierStats {
    /// Instrument status per kind.
    pub status: BTreeMap<InstrumentType, StatusCounts>,
    /// Sum of days and number of instruments per kind (valid ranges only), for averages.
    pub days: BTreeMap<InstrumentType, (i64, i64)>,
    /// Closed trajectories with an outcome: at work, not at work, unknown.
    pub outcomes: [i64; 3],
    /// Closed trajectories.
    pub closed: i64,
    /// Trajectory years below the two-a-year target, and exempt ones.
    pub years_below: i64,
    /// Trajectory years exempt from the target.
    pub years_exempt: i64,
    /// Trajectory years checked (one or two per dossier).
    pub years: i64,
    /// Counts per OCMW (municipality name as written; a hash map, looked up per dossier,
    /// sorted where it is shown) and the trajectory's start year,
    /// instruments in that year as in the province table (decision 8).
    pub by_municipality: FxHashMap<String, BTreeMap<i32, Counts>>,
    /// Counts per organisation guidance is outsourced to ("" for the OCMW itself) and the
    /// trajectory's start year.
    pub by_organisation: FxHashMap<String, BTreeMap<i32, Counts>>,
}

fn counts_of(d: &Dossier) -> Counts {
    let mut c = Counts {
        trajectories: 1,
        ..Default::default()
    };
    for i in &d.instruments {
        *c.instrument_mut(i.kind.kind_type()) += 1;
    }
    c
}

impl DossierStats {
    /// Closed trajectories without an outcome measurement yet: with the three kinds of
    /// outcome, the parts that add up to [`Self::closed`].
    pub fn not_measured(&self) -> i64 {
        self.closed - self.outcomes.iter().sum::<i64>()
    }

    /// Adds (`sign` = 1) or removes (−1) one dossier with its findings.
    pub fn apply(&mut self, d: &Dossier, findings: &[Finding], sign: i64) {
        for inst in &d.instruments {
            let t = inst.kind.kind_type();
            let s = self.status.entry(t).or_default();
            match inst.status {
                Status::Planned => s.planned += sign,
                Status::Running => s.running += sign,
                Status::Completed => s.completed += sign,
                Status::StoppedEarly => s.stopped_early += sign,
            }
            let days = inst.range().days();
            if days > 0 {
                let e = self.days.entry(t).or_default();
                e.0 += sign * days;
                e.1 += sign;
            }
        }
        if d.end.is_some() {
            self.closed += sign;
            if let Some(o) = &d.outcome {
                let k = match o.at_work {
                    Some(true) => 0,
                    Some(false) => 1,
                    None => 2,
                };
                self.outcomes[k] += sign;
            }
        }
        let regular_year2 = crate::model::calendar::add_months(d.start, 12);
        self.years += sign * if d.last_day() >= regular_year2 { 2 } else { 1 };
        for f in findings {
            match f.rule.id {
                "fewer-than-two-per-year" => self.years_below += sign,
                "two-per-year-exempt" => self.years_exempt += sign,
                _ => {}
            }
        }
        let c = counts_of(d);
        let year = chrono::Datelike::year(&d.start);
        // Looked up by the name as written, copied only for a name not seen before: a
        // copy per dossier was most of counting a Flanders-size folder from scratch.
        let bump = |map: &mut FxHashMap<String, BTreeMap<i32, Counts>>, name: &str| {
            let years = match map.get_mut(name) {
                Some(years) => years,
                None => map.entry(name.to_owned()).or_default(),
            };
            let cell = years.entry(year).or_default();
            if sign > 0 {
                *cell += c;
            } else {
                *cell -= c;
            }
            if cell.is_zero() {
                years.remove(&year);
                if years.is_empty() {
                    map.remove(name);
                }
            }
        };
        bump(&mut self.by_municipality, &d.ocmw);
        bump(
            &mut self.by_organisation,
            d.guided_by.as_deref().unwrap_or_default(),
        );
    }

    /// Average length in days of the instruments of kind `t`.
    pub fn average_days(&self, t: InstrumentType) -> Option<f64> {
        self.days
            .get(&t)
            .filter(|(_, n)| *n > 0)
            .map(|(sum, n)| *sum as f64 / *n as f64)
    }

    /// Trajectory years that meet the target (neither below nor exempt).
    pub fn years_meeting(&self) -> i64 {
        self.years - self.years_below - self.years_exempt
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{CheckContext, check};

    #[test]
    fn adding_and_removing_a_dossier_cancel_out() {
        let ctx = CheckContext::new(crate::model::date_serde::parse("2026-06-01").unwrap());
        let report = crate::sample::load();
        let mut all = DossierStats::default();
        for d in &report.dossiers {
            all.apply(&d.dossier, &check(&d.dossier, &ctx), 1);
        }
        let mut fewer = all.clone();
        let d = &report.dossiers[3].dossier;
        fewer.apply(d, &check(d, &ctx), -1);
        fewer.apply(d, &check(d, &ctx), 1);
        assert_eq!(fewer, all);
        assert_eq!(
            all.by_municipality
                .values()
                .flat_map(BTreeMap::values)
                .map(|c| c.trajectories)
                .sum::<i64>(),
            report.dossiers.len() as i64
        );
        assert!(all.status[&InstrumentType::Wes].stopped_early >= 1);
        assert!(all.average_days(InstrumentType::Art60).unwrap() > 300.0);
        assert!(all.outcomes[0] >= 1);
        assert!(all.years_meeting() > 0);
    }

    #[test]
    fn the_outflow_parts_add_up_to_the_closed_trajectories() {
        let ctx = CheckContext::new(crate::model::date_serde::parse("2026-06-01").unwrap());
        let opts = crate::generate::Options {
            count: 2_000,
            seed: 5,
            match_published: false,
            violations: 0.0,
        };
        let mut s = DossierStats::default();
        for (d, _) in crate::generate::generate(&opts) {
            s.apply(&d, &check(&d, &ctx), 1);
        }
        assert!(
            s.not_measured() > 0,
            "generated trajectories without a measurement"
        );
        assert_eq!(s.outcomes.iter().sum::<i64>() + s.not_measured(), s.closed);
    }
}

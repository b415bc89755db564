//! What a check needs besides the dossier, and the facts every rule derives from it once.

use crate::model::Dossier;
use crate::model::calendar::DateRange;
use crate::reference::Municipalities;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What "a year" means for the two-a-year target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum YearMode {
    /// Trajectory years: from the start, 12 months at a time (the default).
    #[default]
    Trajectory,
    /// Calendar years, cut to the trajectory.
    Calendar,
}

/// The context a dossier is checked in.
#[derive(Clone, Copy, Debug)]
pub struct CheckContext<'a> {
    /// The reference date ("today"); only `documents-stale` depends on it.
    pub today: NaiveDate,
    /// Trajectory or calendar years for the two-a-year target.
    pub year_mode: YearMode,
    /// The municipalities an OCMW may be named after.
    pub municipalities: &'a Municipalities,
}

impl CheckContext<'static> {
    /// A context with the embedded municipalities and trajectory years.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            today,
            year_mode: YearMode::Trajectory,
            municipalities: crate::reference::municipalities(),
        }
    }
}

/// Facts about one dossier that several rules need, computed once per check.
pub struct Facts<'a> {
    /// The dossier being checked.
    pub dossier: &'a Dossier,
    /// The context it is checked in.
    pub ctx: &'a CheckContext<'a>,
    /// Start + 24 months − 1 day.
    pub regular_last: NaiveDate,
    /// The trajectory's last day: its end, else the regular last day.
    pub last_day: NaiveDate,
    /// Indices of the instruments whose range is valid, sorted by start: the other rules
    /// ignore an instrument that ends before it starts (`invalid-range` reports it).
    pub valid: smallvec::SmallVec<[usize; 8]>,
    /// The art. 60§7 employment that may carry the trajectory past 24 months: it runs on
    /// past the regular last day, social rights were not acquired by then, and the
    /// trajectory was not closed before it.
    pub excepted_art60: Option<usize>,
    /// The day the trajectory runs until: `last_day`, or for an open trajectory the end of
    /// the art. 60§7 exception where that holds (decision 4). Uploads, gaps and the agenda
    /// count to it; [`Dossier::running_last_day`] is the same day.
    pub running_last: NaiveDate,
    /// The years of the two-a-year target, computed once for the two rules that need them.
    pub(super) years: std::cell::OnceCell<super::activity::Years>,
}

impl<'a> Facts<'a> {
    /// Derives the facts of `dossier`.
    pub fn new(dossier: &'a Dossier, ctx: &'a CheckContext<'a>) -> Self {
        let regular_last = dossier.regular_last_day();
        // From the regular last day already computed: month arithmetic is not free.
        let last_day = dossier.end.unwrap_or(regular_last);
        let mut valid = smallvec::SmallVec::<[usize; 8]>::new();
        for (i, inst) in dossier.instruments.iter().enumerate() {
            if inst.range().is_valid() {
                valid.push(i);
            }
        }
        if valid.len() > 1 {
            valid.sort_by_key(|&i| (dossier.instruments[i].start, dossier.instruments[i].end));
        }
        let excepted_art60 = dossier.excepted_art60(regular_last);
        // Decision 4: an open trajectory runs on while the excepted employment does.
        let running_last = match (dossier.end, excepted_art60) {
            (None, Some(i)) => dossier.extension_limit(i).unwrap_or(regular_last),
            _ => last_day,
        };
        Self {
            dossier,
            ctx,
            regular_last,
            last_day,
            valid,
            excepted_art60,
            running_last,
            years: std::cell::OnceCell::new(),
        }
    }

    /// The valid instruments with their index, in start order.
    pub fn instruments(&self) -> impl Iterator<Item = (usize, &'a crate::model::Instrument)> + '_ {
        self.valid
            .iter()
            .map(|&i| (i, &self.dossier.instruments[i]))
    }

    /// The days the trajectory runs: from its start to [`Self::running_last`].
    pub fn running(&self) -> DateRange {
        DateRange::new(self.dossier.start, self.running_last)
    }
}

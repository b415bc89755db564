//! What the workspace counts over all its dossiers, kept current by each entry's difference
//! so that neither an edit nor a frame recounts the whole workspace.

use super::Entry;
use crate::reference::municipalities;
use crate::rules::SeverityCounts;
use crate::stats::{DossierStats, ProvinceYearTable, YearBasis};
use chrono::{Datelike, NaiveDate};

/// The running tallies: findings per severity, unsaved dossiers, the province × year table
/// and what the dossiers tell beyond it.
#[derive(Debug, Default)]
pub(super) struct Tallies {
    /// Findings of the whole workspace per severity.
    pub totals: SeverityCounts,
    /// How many entries have unsaved changes.
    pub dirty: usize,
    /// The province × year table of the workspace, by the trajectories' start year.
    pub stats: ProvinceYearTable,
    /// The same with instruments by the calendar year they start.
    pub calendar: ProvinceYearTable,
    /// What the dossiers tell beyond the published table.
    pub dossier_stats: DossierStats,
    /// How many dossiers there are (deleted ones left out).
    pub live: usize,
    /// Agenda items due by `week_end` (the entries' agendas hold none before the
    /// reference date): what the status bar counts.
    pub due_this_week: usize,
    /// The Sunday of the reference date's ISO week.
    pub week_end: NaiveDate,
    /// The counsellors named in the dossiers, by their name as compared (case and spacing
    /// aside), with the spelling first met and how many dossiers name them: the editor
    /// completes from them and the list filters on them.
    pub counsellors: std::collections::BTreeMap<String, (String, usize)>,
}

impl Tallies {
    /// Empty tallies for the reference date `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            week_end: week_end(today),
            calendar: ProvinceYearTable::new(YearBasis::CalendarYear),
            ..Self::default()
        }
    }

    /// Items of `entry` due by the week's end.
    pub(super) fn due_by_week_end(&self, entry: &Entry) -> usize {
        entry
            .agenda
            .iter()
            .take_while(|i| i.due.day <= self.week_end)
            .count()
    }
}

/// A counsellor's name as names are compared ([`crate::model::same_name`]): lower case,
/// single spaces.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Sunday that ends `today`'s ISO week.
pub(super) fn week_end(today: NaiveDate) -> NaiveDate {
    let to_sunday = 6 - today.weekday().num_days_from_monday();
    today + chrono::Days::new(u64::from(to_sunday))
}

impl Tallies {
    /// Counts `entry` in (a deleted one counts for nothing).
    pub fn add(&mut self, entry: &Entry) {
        if entry.deleted {
            return;
        }
        self.live += 1;
        self.due_this_week += self.due_by_week_end(entry);
        if let Some(name) = &entry.dossier.counsellor
            && !name.trim().is_empty()
        {
            let display = name.split_whitespace().collect::<Vec<_>>().join(" ");
            self.counsellors
                .entry(name_key(name))
                .or_insert((display, 0))
                .1 += 1;
        }
        self.totals.add(entry.counts);
        self.dirty += usize::from(entry.dirty);
        self.stats.add(&entry.dossier, municipalities());
        self.calendar.add(&entry.dossier, municipalities());
        self.dossier_stats.apply(&entry.dossier, &entry.findings, 1);
    }

    /// Counts `entry` out (as it was counted in).
    pub fn remove(&mut self, entry: &Entry) {
        if entry.deleted {
            return;
        }
        self.live -= 1;
        self.due_this_week -= self.due_by_week_end(entry);
        if let Some(name) = &entry.dossier.counsellor {
            let key = name_key(name);
            if let Some((_, n)) = self.counsellors.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    self.counsellors.remove(&key);
                }
            }
        }
        self.totals.sub(entry.counts);
        self.dirty -= usize::from(entry.dirty);
        self.stats.remove(&entry.dossier, municipalities());
        self.calendar.remove(&entry.dossier, municipalities());
        self.dossier_stats
            .apply(&entry.dossier, &entry.findings, -1);
    }
}

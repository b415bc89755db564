//! What the workspace counts over all its dossiers, kept current by each entry's difference
//! so that neither an edit nor a frame recounts the whole workspace.

use super::Entry;
use crate::reference::municipalities;
use crate::rules::SeverityCounts;
use crate::stats::{DossierStats, ProvinceYearTable};

/// The running tallies: findings per severity, unsaved dossiers, the province × year table
/// and what the dossiers tell beyond it.
#[derive(Debug, Default)]
pub(super) struct Tallies {
    /// Findings of the whole workspace per severity.
    pub totals: SeverityCounts,
    /// How many entries have unsaved changes.
    pub dirty: usize,
    /// The province × year table of the workspace.
    pub stats: ProvinceYearTable,
    /// What the dossiers tell beyond the published table.
    pub dossier_stats: DossierStats,
    /// How many dossiers there are (deleted ones left out).
    pub live: usize,
}

impl Tallies {
    /// Counts `entry` in (a deleted one counts for nothing).
    pub fn add(&mut self, entry: &Entry) {
        if entry.deleted {
            return;
        }
        self.live += 1;
        self.totals.add(entry.counts);
        self.dirty += usize::from(entry.dirty);
        self.stats.add(&entry.dossier, municipalities());
        self.dossier_stats.apply(&entry.dossier, &entry.findings, 1);
    }

    /// Counts `entry` out (as it was counted in).
    pub fn remove(&mut self, entry: &Entry) {
        if entry.deleted {
            return;
        }
        self.live -= 1;
        self.totals.sub(entry.counts);
        self.dirty -= usize::from(entry.dirty);
        self.stats.remove(&entry.dossier, municipalities());
        self.dossier_stats
            .apply(&entry.dossier, &entry.findings, -1);
    }
}

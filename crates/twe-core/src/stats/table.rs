//! The province × year table, from the published figures or computed from dossiers.

use super::Counts;
use crate::lang::Lang;
use crate::model::Dossier;
use crate::reference::{Municipalities, Province, Published};
use chrono::Datelike;
use std::collections::BTreeMap;

/// Which year an instrument counts in (DOMAIN decision 8 of 7 December 2026).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum YearBasis {
    /// The year its trajectory started, as the published table counts ("Jaar start
    /// TWE-OCMW"): the statistics' year, and the only one compared with the published one.
    #[default]
    TrajectoryStart,
    /// The calendar year the instrument started itself: a second view, always labelled so.
    CalendarYear,
}

impl YearBasis {
    /// Both, the statistics' year first.
    pub const ALL: [YearBasis; 2] = [YearBasis::TrajectoryStart, YearBasis::CalendarYear];

    /// Its name in menus and on the command line's help.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            YearBasis::TrajectoryStart => lang.pick(
                "Per startjaar van het traject",
                "By the trajectory's start year",
            ),
            YearBasis::CalendarYear => lang.pick(
                "Instrumenten per kalenderjaar van hun start",
                "Instruments by the calendar year they start",
            ),
        }
    }

    /// The label of a year axis or column: what the year is.
    pub fn year_label(self, lang: Lang) -> &'static str {
        match self {
            YearBasis::TrajectoryStart => {
                lang.pick("startjaar van het traject", "trajectory start year")
            }
            YearBasis::CalendarYear => lang.pick(
                "kalenderjaar (instrumenten: jaar van hun start)",
                "calendar year (instruments: the year they start)",
            ),
        }
    }

    /// How the year is counted, in a sentence (the workbook's definitions, the README).
    pub fn definition(self, lang: Lang) -> &'static str {
        match self {
            YearBasis::TrajectoryStart => lang.pick(
                "Elk traject en elk instrument telt in het jaar waarin het traject startte, \
                 zoals de gepubliceerde tabel («Jaar start TWE-OCMW»).",
                "Every trajectory and every instrument counts in the year its trajectory \
                 started, as the published table does («Jaar start TWE-OCMW»).",
            ),
            YearBasis::CalendarYear => lang.pick(
                "Een traject telt in het jaar waarin het startte, een instrument in het \
                 kalenderjaar waarin het zelf startte; niet te vergelijken met de \
                 gepubliceerde tabel.",
                "A trajectory counts in the year it started, an instrument in the calendar \
                 year it started itself; not comparable with the published table.",
            ),
        }
    }
}

/// Started trajectories and instruments per province and year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProvinceYearTable {
    /// Which year an instrument counts in.
    pub basis: YearBasis,
    /// Province and year → counts. Only non-empty cells are stored.
    pub cells: BTreeMap<(Province, i32), Counts>,
    /// Year → counts of dossiers whose OCMW is not a known municipality: kept apart rather
    /// than dropped, so the totals still count every dossier.
    pub unplaced: BTreeMap<i32, Counts>,
}

/// One dossier's contribution: the trajectory in its start year, each instrument in the
/// year `basis` says, all in the OCMW's province.
pub fn contribution(dossier: &Dossier, basis: YearBasis) -> Vec<(i32, Counts)> {
    fn slot(by_year: &mut Vec<(i32, Counts)>, year: i32) -> &mut Counts {
        let i = if let Some(i) = by_year.iter().position(|(y, _)| *y == year) {
            i
        } else {
            by_year.push((year, Counts::default()));
            by_year.len() - 1
        };
        &mut by_year[i].1
    }
    let start = dossier.start.year();
    let mut by_year: Vec<(i32, Counts)> = Vec::with_capacity(3);
    slot(&mut by_year, start).trajectories += 1;
    for inst in &dossier.instruments {
        let year = match basis {
            YearBasis::TrajectoryStart => start,
            YearBasis::CalendarYear => inst.start.year(),
        };
        *slot(&mut by_year, year).instrument_mut(inst.kind.kind_type()) += 1;
    }
    by_year
}

impl ProvinceYearTable {
    /// The published table (its rows; the totals are recomputed, and the audit compares).
    pub fn from_published(published: &Published) -> Self {
        let mut table = Self::default();
        for row in &published.started {
            *table.cells.entry((row.province, row.year)).or_default() += row.counts;
        }
        table
    }

    /// An empty table counting by `basis`.
    pub fn new(basis: YearBasis) -> Self {
        Self {
            basis,
            ..Self::default()
        }
    }

    /// The table computed from dossiers, instruments counted by `basis`.
    pub fn from_dossiers<'a>(
        dossiers: impl IntoIterator<Item = &'a Dossier>,
        m: &Municipalities,
        basis: YearBasis,
    ) -> Self {
        // Counted into a dense array (province or "unplaced" × year) first: a map update per
        // instrument made aggregating a Flanders-size workspace cost 6 ms.
        const FIRST: i32 = 1990;
        const YEARS: usize = 120;
        const SLOTS: usize = 6;
        let mut dense = vec![Counts::default(); SLOTS * YEARS];
        let mut table = Self::new(basis);
        let cell = |slot: usize, year: i32| -> Option<usize> {
            let y = usize::try_from(year - FIRST).ok().filter(|&y| y < YEARS)?;
            Some(slot * YEARS + y)
        };
        for d in dossiers {
            let province = m.province_of(&d.ocmw);
            let slot = province.map_or(SLOTS - 1, |p| p as usize);
            // Years outside the array are rare enough for the maps.
            let Some(k) = cell(slot, d.start.year()) else {
                table.add(d, m);
                continue;
            };
            dense[k].trajectories += 1;
            for inst in &d.instruments {
                let t = inst.kind.kind_type();
                let year = match basis {
                    YearBasis::TrajectoryStart => d.start.year(),
                    YearBasis::CalendarYear => inst.start.year(),
                };
                match cell(slot, year) {
                    Some(k) => *dense[k].instrument_mut(t) += 1,
                    None => *table.cell_mut(province, year).instrument_mut(t) += 1,
                }
            }
        }
        for (k, counts) in dense.into_iter().enumerate() {
            if counts.is_zero() {
                continue;
            }
            let year = FIRST + (k % YEARS) as i32;
            let province = Province::ALL.get(k / YEARS).copied();
            *table.cell_mut(province, year) += counts;
        }
        table
    }

    /// Adds one dossier's contribution.
    pub fn add(&mut self, dossier: &Dossier, m: &Municipalities) {
        let province = m.province_of(&dossier.ocmw);
        for (year, counts) in contribution(dossier, self.basis) {
            *self.cell_mut(province, year) += counts;
        }
    }

    /// Removes one dossier's contribution (the dossier as it was added).
    pub fn remove(&mut self, dossier: &Dossier, m: &Municipalities) {
        let province = m.province_of(&dossier.ocmw);
        for (year, counts) in contribution(dossier, self.basis) {
            let cell = self.cell_mut(province, year);
            *cell -= counts;
            if cell.is_zero() {
                match province {
                    Some(p) => self.cells.remove(&(p, year)),
                    None => self.unplaced.remove(&year),
                };
            }
        }
    }

    /// Adds the counts of `other` (the same basis: counted from another part of the same
    /// workspace), so that a workspace can be counted a part at a time.
    pub fn merge(&mut self, other: ProvinceYearTable) {
        debug_assert_eq!(self.basis, other.basis);
        for ((province, year), counts) in other.cells {
            *self.cell_mut(Some(province), year) += counts;
        }
        for (year, counts) in other.unplaced {
            *self.cell_mut(None, year) += counts;
        }
    }

    fn cell_mut(&mut self, province: Option<Province>, year: i32) -> &mut Counts {
        match province {
            Some(p) => self.cells.entry((p, year)).or_default(),
            None => self.unplaced.entry(year).or_default(),
        }
    }

    /// The counts of one province and year (zero when empty).
    pub fn get(&self, province: Province, year: i32) -> Counts {
        self.cells
            .get(&(province, year))
            .copied()
            .unwrap_or_default()
    }

    /// Every year with a count, ascending.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .cells
            .keys()
            .map(|&(_, y)| y)
            .chain(self.unplaced.keys().copied())
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The total of a year over the provinces (and unplaced dossiers).
    pub fn year_total(&self, year: i32) -> Counts {
        Province::ALL
            .iter()
            .map(|&p| self.get(p, year))
            .sum::<Counts>()
            + self.unplaced.get(&year).copied().unwrap_or_default()
    }

    /// The total over every year.
    pub fn grand_total(&self) -> Counts {
        self.years().into_iter().map(|y| self.year_total(y)).sum()
    }
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(mut self, o: Counts) -> Counts {
        self += o;
        self
    }
}

/// The "province" of the total rows, as printed.
pub const TOTAL: &str = "Totaal";
/// The "province" of dossiers whose OCMW is not a known municipality.
pub const UNPLACED: &str = "Onbekend";

//! The six columns of the published table, as one additive value.

use crate::model::InstrumentType;
use serde::{Deserialize, Serialize};
use std::ops::{AddAssign, SubAssign};

/// Started trajectories and instruments: one cell of the province × year table. Additive, so
/// a table can be updated by adding and subtracting one dossier's contribution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Started trajectories.
    pub trajectories: i64,
    /// Started BVS.
    pub bvs: i64,
    /// Started art. 60§7 employments ("Tewerkstelling").
    pub art60: i64,
    /// Started trainings.
    pub opleiding: i64,
    /// Started WES.
    pub wes: i64,
    /// Started IBO.
    pub ibo: i64,
}

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Started trajectories.
    Trajectories,
    /// Started instruments of one kind.
    Instrument(InstrumentType),
    /// Started instruments of every kind together (not a column of the published table:
    /// the sum the rates per trajectory divide).
    Instruments,
}

impl Measure {
    /// The six columns in the published order.
    pub const ALL: [Measure; 6] = [
        Measure::Trajectories,
        Measure::Instrument(InstrumentType::Bvs),
        Measure::Instrument(InstrumentType::Art60),
        Measure::Instrument(InstrumentType::Opleiding),
        Measure::Instrument(InstrumentType::Wes),
        Measure::Instrument(InstrumentType::Ibo),
    ];

    /// The six columns and every instrument together: what the figure table holds.
    pub const WITH_ALL_INSTRUMENTS: [Measure; 7] = [
        Measure::Trajectories,
        Measure::Instrument(InstrumentType::Bvs),
        Measure::Instrument(InstrumentType::Art60),
        Measure::Instrument(InstrumentType::Opleiding),
        Measure::Instrument(InstrumentType::Wes),
        Measure::Instrument(InstrumentType::Ibo),
        Measure::Instruments,
    ];

    /// Where the measure stands in [`Measure::WITH_ALL_INSTRUMENTS`].
    pub fn index(self) -> usize {
        match self {
            Measure::Trajectories => 0,
            Measure::Instrument(InstrumentType::Bvs) => 1,
            Measure::Instrument(InstrumentType::Art60) => 2,
            Measure::Instrument(InstrumentType::Opleiding) => 3,
            Measure::Instrument(InstrumentType::Wes) => 4,
            Measure::Instrument(InstrumentType::Ibo) => 5,
            Measure::Instruments => 6,
        }
    }

    /// The CSV column name.
    pub fn csv_name(self) -> &'static str {
        match self {
            Measure::Trajectories => "trajectories",
            Measure::Instrument(InstrumentType::Bvs) => "bvs",
            Measure::Instrument(InstrumentType::Art60) => "art60",
            Measure::Instrument(InstrumentType::Opleiding) => "opleiding",
            Measure::Instrument(InstrumentType::Wes) => "wes",
            Measure::Instrument(InstrumentType::Ibo) => "ibo",
            Measure::Instruments => "instruments",
        }
    }

    /// The column heading as printed in the answer.
    pub fn heading(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Measure::Trajectories => lang.pick("Trajecten", "Trajectories"),
            Measure::Instrument(InstrumentType::Art60) => lang.pick("Tewerkstelling", "Art. 60§7"),
            // A heading starts with a capital, as the published table's columns do.
            Measure::Instrument(InstrumentType::Opleiding) => lang.pick("Opleiding", "Training"),
            Measure::Instrument(t) => t.label(lang),
            Measure::Instruments => lang.pick("Instrumenten", "Instruments"),
        }
    }
}

impl Counts {
    /// The value of one column.
    pub fn get(&self, measure: Measure) -> i64 {
        match measure {
            Measure::Trajectories => self.trajectories,
            Measure::Instrument(t) => *self.instrument(t),
            Measure::Instruments => self.bvs + self.art60 + self.opleiding + self.wes + self.ibo,
        }
    }

    fn instrument(&self, t: InstrumentType) -> &i64 {
        match t {
            InstrumentType::Bvs => &self.bvs,
            InstrumentType::Art60 => &self.art60,
            InstrumentType::Opleiding => &self.opleiding,
            InstrumentType::Wes => &self.wes,
            InstrumentType::Ibo => &self.ibo,
        }
    }

    /// The counter of one instrument kind.
    pub fn instrument_mut(&mut self, t: InstrumentType) -> &mut i64 {
        match t {
            InstrumentType::Bvs => &mut self.bvs,
            InstrumentType::Art60 => &mut self.art60,
            InstrumentType::Opleiding => &mut self.opleiding,
            InstrumentType::Wes => &mut self.wes,
            InstrumentType::Ibo => &mut self.ibo,
        }
    }

    /// Whether every column is zero.
    pub fn is_zero(&self) -> bool {
        *self == Counts::default()
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.trajectories += o.trajectories;
        self.bvs += o.bvs;
        self.art60 += o.art60;
        self.opleiding += o.opleiding;
        self.wes += o.wes;
        self.ibo += o.ibo;
    }
}

impl SubAssign for Counts {
    fn sub_assign(&mut self, o: Counts) {
        self.trajectories -= o.trajectories;
        self.bvs -= o.bvs;
        self.art60 -= o.art60;
        self.opleiding -= o.opleiding;
        self.wes -= o.wes;
        self.ibo -= o.ibo;
    }
}

impl std::iter::Sum for Counts {
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        let mut total = Counts::default();
        for c in iter {
            total += c;
        }
        total
    }
}

//! The instruments ("werkplekleervormen") a trajectory combines.

use super::calendar::DateRange;
use super::date_serde;
use crate::lang::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One instrument of a trajectory, as stored in the dossier file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Which instrument, with the details only a training has.
    pub kind: InstrumentKind,
    /// First day, inclusive.
    #[serde(deserialize_with = "date_serde::de")]
    pub start: NaiveDate,
    /// Last day, inclusive (planned or actual, depending on `status`).
    #[serde(deserialize_with = "date_serde::de")]
    pub end: NaiveDate,
    /// Where the instrument stands; planned dates may still move, completed ones may not.
    #[serde(default)]
    pub status: Status,
}

impl Instrument {
    /// The days the instrument covers.
    pub fn range(&self) -> DateRange {
        DateRange::new(self.start, self.end)
    }

    /// The instrument moved to start on `start`, keeping its length in the unit its rules
    /// count it in: an art. 60§7, a WES or a training that lasts whole months keeps its
    /// months (6 months from 31 August end on 27 or 28 February, not 183 days later);
    /// anything else, and an IBO (weeks) or a BVS (days), keeps its days.
    #[must_use]
    pub fn moved_to(&self, start: chrono::NaiveDate) -> Instrument {
        use super::calendar::{last_day_within_months, whole_months};
        let in_months = matches!(
            self.kind,
            InstrumentKind::Art60 | InstrumentKind::Wes | InstrumentKind::Opleiding { .. }
        );
        let end = match whole_months(self.start, self.end).filter(|_| in_months) {
            Some(n) => last_day_within_months(start, n),
            None => self.end + (start - self.start),
        };
        Instrument {
            start,
            end,
            ..self.clone()
        }
    }

    /// A short name for messages: "WES", "opleiding «Metaalbad»".
    pub fn label(&self, lang: Lang) -> String {
        match &self.kind {
            InstrumentKind::Opleiding { name, .. } if !name.is_empty() => {
                format!("{} «{name}»", lang.pick("opleiding", "training"))
            }
            kind => kind.kind_type().label(lang).to_string(),
        }
    }
}

/// The five instruments of the measure. The contract fixes the variant names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum InstrumentKind {
    /// Beroepsverkennende stage: job-exploration internship, abolished on 1 January 2023.
    Bvs,
    /// Art. 60§7 employment, through which the client builds up social-security rights.
    Art60,
    /// A training or training internship.
    Opleiding {
        /// The training's name as the provider gives it ("Metaalbad").
        name: String,
        /// Who organises it; technical training must be VDAB's or recognised by it.
        provider: Provider,
        /// Generic or technical competences; technical training is restricted.
        focus: Focus,
        /// Full-time training cannot run alongside art. 60§7; part-time may.
        full_time: bool,
    },
    /// Werkervaringsstage: work-experience internship, at most 6 months.
    Wes,
    /// Individuele beroepsopleiding: on-the-job training, 4 to 26 weeks.
    Ibo,
}

impl InstrumentKind {
    /// The kind without its details, for colours, statistics and tables.
    pub fn kind_type(&self) -> InstrumentType {
        match self {
            InstrumentKind::Bvs => InstrumentType::Bvs,
            InstrumentKind::Art60 => InstrumentType::Art60,
            InstrumentKind::Opleiding { .. } => InstrumentType::Opleiding,
            InstrumentKind::Wes => InstrumentType::Wes,
            InstrumentKind::Ibo => InstrumentType::Ibo,
        }
    }
}

/// An instrument kind without details, in the column order of the published table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InstrumentType {
    /// Beroepsverkennende stage.
    Bvs,
    /// Art. 60§7 employment ("Tewerkstelling" in the published table).
    Art60,
    /// Training.
    Opleiding,
    /// Werkervaringsstage.
    Wes,
    /// Individuele beroepsopleiding.
    Ibo,
}

impl InstrumentType {
    /// Every type, in the column order of the published table.
    pub const ALL: [InstrumentType; 5] = [
        InstrumentType::Bvs,
        InstrumentType::Art60,
        InstrumentType::Opleiding,
        InstrumentType::Wes,
        InstrumentType::Ibo,
    ];

    /// The name in running text.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            InstrumentType::Bvs => "BVS",
            InstrumentType::Art60 => lang.pick("art. 60§7-tewerkstelling", "art. 60§7 employment"),
            InstrumentType::Opleiding => lang.pick("opleiding", "training"),
            InstrumentType::Wes => "WES",
            InstrumentType::Ibo => "IBO",
        }
    }
}

/// Who organises a training.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provider {
    /// Organised by VDAB.
    Vdab,
    /// Given by a provider VDAB recognises or works with.
    Recognised,
    /// Anyone else, named.
    Other(String),
}

/// What a training teaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Focus {
    /// Generic competences, the measure's focus.
    Generic,
    /// Technical competences: allowed only under conditions.
    Technical,
}

/// Where an instrument stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Planned, not started.
    #[default]
    Planned,
    /// Under way.
    Running,
    /// Ran to its planned end.
    Completed,
    /// Stopped before its planned end.
    StoppedEarly,
}

impl Status {
    /// The name in running text.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Planned => lang.pick("gepland", "planned"),
            Status::Running => lang.pick("lopend", "running"),
            Status::Completed => lang.pick("afgerond", "completed"),
            Status::StoppedEarly => lang.pick("vroegtijdig gestopt", "stopped early"),
        }
    }
}

//! Every number the rules use, each with its source. Change a number here and only here.

use super::source::{Document, Source};
use chrono::NaiveDate;

/// A number a rule depends on, and where it comes from.
#[derive(Clone, Copy, Debug)]
pub struct Param<T> {
    /// The value.
    pub value: T,
    /// Why it is this value.
    pub source: Source,
}

/// A trajectory lasts at most 24 months.
pub const TRAJECTORY_MONTHS: Param<u32> = Param {
    value: 24,
    source: Source {
        document: Document::Seed,
        passage: "Alle instrumenten moeten zich binnen de duurtijd van 24 maanden bevinden.",
    },
};

/// In calendar-year mode, a first or last calendar year holding fewer days of the
/// trajectory than this is a partial year, exempt from the two-a-year target.
pub const PARTIAL_YEAR_MIN_DAYS: Param<i64> = Param {
    value: 183,
    source: Source {
        document: Document::Decisions2026,
        passage: "Kalenderjaren: een eerste of laatste kalenderjaar met minder dan 183 dagen van \
                  het traject is vrijgesteld (onvolledig jaar).",
    },
};

/// The outflow is measured 12 months after a trajectory ends.
pub const OUTCOME_AFTER_MONTHS: Param<u32> = Param {
    value: 12,
    source: Source {
        document: Document::Seed,
        passage: "65% van alle cliënten zijn aan het werk in en na de periode van 12 maanden na \
                  het stopzetten van een TWE OCMW traject.",
    },
};

/// The art. 60§7 employment can start up to 2 months after the trajectory's start.
pub const ART60_START_MONTHS: Param<u32> = Param {
    value: 2,
    source: Source {
        document: Document::Seed,
        passage: "Deze kan tot 2 maanden na de start van een TWE- traject worden gestart.",
    },
};

/// A BVS lasts at most 30 calendar days.
pub const BVS_MAX_DAYS: Param<u64> = Param {
    value: 30,
    source: Source {
        document: Document::WesRules,
        passage: "Een beroepsverkennende stage duurt maximaal 30 kalenderdagen.",
    },
};

/// The BVS was folded into the WES on this day.
pub const BVS_ABOLISHED_ON: Param<(i32, u32, u32)> = Param {
    value: (2023, 1, 1),
    source: Source {
        document: Document::WesRules,
        passage: "Sinds 1 januari 2023 is de BVS opgegaan in de werkervaringsstage (WES).",
    },
};

/// A WES lasts at most 6 months.
pub const WES_MAX_MONTHS: Param<u32> = Param {
    value: 6,
    source: Source {
        document: Document::WesRules,
        passage: "Een werkervaringsstage duurt maximaal 6 maanden.",
    },
};

/// An IBO lasts at most 26 weeks.
pub const IBO_MAX_WEEKS: Param<u64> = Param {
    value: 26,
    source: Source {
        document: Document::IboRules,
        passage: "Een IBO duurt minimaal 4 en maximaal 26 weken.",
    },
};

/// An IBO lasts at least 4 weeks.
pub const IBO_MIN_WEEKS: Param<u64> = Param {
    value: 4,
    source: IBO_MAX_WEEKS.source,
};

/// A technical training lasts at most 3 months.
pub const TECHNICAL_TRAINING_MAX_MONTHS: Param<u32> = Param {
    value: 3,
    source: Source {
        document: Document::Seed,
        passage: "Het moet gaan over een door VDAB georganiseerde of erkende voltijdse of \
                  deeltijdse opleiding van maximaal drie maanden.",
    },
};

/// At most this many technical trainings in one trajectory.
pub const TECHNICAL_TRAININGS_PER_TRAJECTORY: Param<usize> = Param {
    value: 1,
    source: Source {
        document: Document::Draaiboek,
        passage: "Een technische opleiding kan eenmalig binnen het traject worden opgenomen.",
    },
};

/// At least this many instruments a year.
pub const INSTRUMENTS_PER_YEAR: Param<usize> = Param {
    value: 2,
    source: Source {
        document: Document::Seed,
        passage: "moeten tijdens een TWE-traject minstens twee instrumenten of \
                  werkplekleervormen per jaar worden ingezet",
    },
};

/// Longest stretch without any instrument before it counts as an inactive period.
pub const INACTIVE_MAX_DAYS: Param<i64> = Param {
    value: 60,
    source: Source {
        document: Document::Seed,
        passage: "een gevuld traject waarbij het ene instrument vlot overgaat in het andere en \
                  waarbij er geen periodes met weinig tot geen activiteit zouden voorkomen \
                  (60 dagen: werkafspraak van twe-planner)",
    },
};

/// Longest time since the start or the last upload while a trajectory runs.
pub const DOCUMENTS_STALE_DAYS: Param<i64> = Param {
    value: 90,
    source: Source {
        document: Document::Seed,
        passage: "Vaak wachten de OCMW-begeleiders tot op het einde van een traject om alle \
                  documenten op te laden. (90 dagen: werkafspraak van twe-planner)",
    },
};

/// The day the BVS was abolished, as a date.
pub fn bvs_abolished_on() -> NaiveDate {
    let (y, m, d) = BVS_ABOLISHED_ON.value;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MAX)
}

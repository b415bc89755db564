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

/// Which part of an instrument a gesture or a key moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Part {
    /// The whole bar.
    #[default]
    Whole,
    /// Its start.
    Start,
    /// Its end.
    End,
}

/// How far a key moves it: days (a day, a week) or calendar months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// This many days, either way.
    Days(i64),
    /// This many calendar months, either way.
    Months(i32),
}

impl Step {
    /// The step taken `n` times (a key pressed `n` times in one frame).
    #[must_use]
    pub fn times(self, n: i32) -> Step {
        match self {
            Step::Days(d) => Step::Days(d.saturating_mul(i64::from(n))),
            Step::Months(m) => Step::Months(m.saturating_mul(n)),
        }
    }
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

    /// The instrument with one part moved by a step: the whole bar, its start or its end (a
    /// drag, or the arrow keys on a bar). A start never passes the end, nor the end the
    /// start; a whole bar moved by months keeps its length as [`Instrument::moved_to`] does.
    #[must_use]
    pub fn nudged(&self, part: Part, step: Step) -> Instrument {
        use super::calendar::shift_months;
        let shift = |d: NaiveDate| match step {
            Step::Days(n) => {
                let moved = if n < 0 {
                    d.checked_sub_days(chrono::Days::new(n.unsigned_abs()))
                } else {
                    d.checked_add_days(chrono::Days::new(n.unsigned_abs()))
                };
                moved.unwrap_or(d)
            }
            Step::Months(n) => shift_months(d, n),
        };
        let mut out = self.clone();
        match part {
            Part::Whole => match step {
                Step::Months(_) => return self.moved_to(shift(self.start)),
                Step::Days(_) => {
                    out.start = shift(self.start);
                    out.end = shift(self.end);
                    // At the calendar's edge one end cannot move: neither does the other.
                    if out.end - out.start != self.end - self.start {
                        return self.clone();
                    }
                }
            },
            Part::Start => out.start = shift(self.start).min(self.end),
            Part::End => out.end = shift(self.end).max(self.start),
        }
        out
    }

    /// The length in the unit its rules count it in: whole months for an art. 60§7, a WES
    /// or a training that fills whole months; weeks for an IBO of whole weeks; else days.
    pub fn length_label(&self, lang: Lang) -> String {
        use super::calendar::{days_between, months_and_days, whole_months};
        let in_months = matches!(
            self.kind,
            InstrumentKind::Art60 | InstrumentKind::Wes | InstrumentKind::Opleiding { .. }
        );
        if self.end < self.start {
            // No length to give: `invalid-range` says what is wrong.
            return lang
                .pick("einde vóór start", "ends before start")
                .to_string();
        }
        let days = days_between(self.start, self.end) + 1;
        let count = |n: i64, one: (&str, &str), many: (&str, &str)| {
            let (nl, en) = if n == 1 { one } else { many };
            format!("{n} {}", lang.pick(nl, en))
        };
        let day_words = (("dag", "day"), ("dagen", "days"));
        if in_months && let Some(n) = whole_months(self.start, self.end) {
            return count(i64::from(n), ("maand", "month"), ("maanden", "months"));
        }
        // Not whole: the months it holds, and the days over (the rule counts months).
        if in_months && let Some((months, rest)) = months_and_days(self.start, self.end) {
            return format!(
                "{} {}",
                count(i64::from(months), ("maand", "month"), ("maanden", "months")),
                count(rest, day_words.0, day_words.1)
            );
        }
        // The IBO rule counts weeks (4 to 26): the weeks, and the days over.
        if self.kind == InstrumentKind::Ibo && days >= 7 {
            let weeks = count(days / 7, ("week", "week"), ("weken", "weeks"));
            return match days % 7 {
                0 => weeks,
                rest => format!("{weeks} {}", count(rest, day_words.0, day_words.1)),
            };
        }
        count(days, day_words.0, day_words.1)
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
    /// The type's colour (Okabe–Ito, colour-blind safe), as sRGB bytes: the window's bars and
    /// the printed plan's share it.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            InstrumentType::Bvs => [0xE6, 0x9F, 0x00],
            InstrumentType::Art60 => [0x00, 0x72, 0xB2],
            InstrumentType::Opleiding => [0x00, 0x9E, 0x73],
            InstrumentType::Wes => [0xCC, 0x79, 0xA7],
            InstrumentType::Ibo => [0x56, 0xB4, 0xE9],
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn wes(start: NaiveDate, end: NaiveDate) -> Instrument {
        Instrument {
            kind: InstrumentKind::Wes,
            start,
            end,
            status: Status::Planned,
        }
    }

    #[test]
    fn nudging_each_part_by_days_and_months() {
        let w = wes(ymd(2020, 9, 1), ymd(2021, 2, 28));
        let day = w.nudged(Part::Whole, Step::Days(1));
        assert_eq!((day.start, day.end), (ymd(2020, 9, 2), ymd(2021, 3, 1)));
        let week = w.nudged(Part::Start, Step::Days(-7));
        assert_eq!((week.start, week.end), (ymd(2020, 8, 25), w.end));
        let month = w.nudged(Part::End, Step::Months(1));
        assert_eq!(month.end, ymd(2021, 3, 28));
        // A whole bar moved by a month keeps its six months.
        let moved = w.nudged(Part::Whole, Step::Months(1));
        assert_eq!(
            (moved.start, moved.end),
            (ymd(2020, 10, 1), ymd(2021, 3, 31))
        );
        // The start stops at the end, the end at the start.
        let short = wes(ymd(2020, 9, 1), ymd(2020, 9, 3));
        assert_eq!(short.nudged(Part::Start, Step::Days(10)).start, short.end);
        assert_eq!(short.nudged(Part::End, Step::Months(-1)).end, short.start);
        // At the calendar's edge nothing moves rather than the bar shrinking.
        let edge = wes(NaiveDate::MAX, NaiveDate::MAX);
        assert_eq!(edge.nudged(Part::Whole, Step::Days(1)), edge);
    }

    #[test]
    fn lengths_in_the_rules_unit_with_the_days_over() {
        let w = wes(ymd(2020, 9, 1), ymd(2021, 3, 3));
        assert_eq!(w.length_label(Lang::En), "6 months 3 days");
        assert_eq!(w.length_label(Lang::Nl), "6 maanden 3 dagen");
        let one = wes(ymd(2020, 9, 1), ymd(2020, 10, 1));
        assert_eq!(one.length_label(Lang::En), "1 month 1 day");
        let ibo = Instrument {
            kind: InstrumentKind::Ibo,
            ..wes(ymd(2020, 9, 1), ymd(2021, 5, 21))
        };
        // 263 days: 37 weeks and 4 days, in the rule's weeks.
        assert_eq!(ibo.length_label(Lang::En), "37 weeks 4 days");
        let ibo = Instrument {
            kind: InstrumentKind::Ibo,
            ..wes(ymd(2020, 9, 1), ymd(2020, 9, 7))
        };
        assert_eq!(ibo.length_label(Lang::Nl), "1 week");
        let bvs = Instrument {
            kind: InstrumentKind::Bvs,
            ..wes(ymd(2020, 9, 1), ymd(2020, 9, 30))
        };
        assert_eq!(bvs.length_label(Lang::En), "30 days");
        // Swapped dates have no length.
        let swapped = wes(ymd(2020, 9, 30), ymd(2020, 9, 1));
        assert_eq!(swapped.length_label(Lang::En), "ends before start");
    }

    #[test]
    fn lengths_in_the_rules_unit() {
        let w = wes(ymd(2020, 9, 1), ymd(2021, 2, 28));
        assert_eq!(w.length_label(Lang::En), "6 months");
        assert_eq!(w.length_label(Lang::Nl), "6 maanden");
        let ibo = Instrument {
            kind: InstrumentKind::Ibo,
            ..wes(ymd(2020, 9, 1), ymd(2020, 10, 26))
        };
        assert_eq!(ibo.length_label(Lang::En), "8 weeks");
        let odd = wes(ymd(2020, 9, 1), ymd(2020, 9, 10));
        assert_eq!(odd.length_label(Lang::Nl), "10 dagen");
        assert_eq!(
            wes(ymd(2020, 9, 1), ymd(2020, 9, 1)).length_label(Lang::En),
            "1 day"
        );
    }

    proptest! {
        /// A step there and back leaves the instrument as it was (away from the clamps),
        /// and no step ever puts the end before the start.
        #[test]
        fn a_step_there_and_back_is_no_change(
            start in 0i64..3000, len in 0i64..800, n in 1i64..60, part in 0usize..3,
        ) {
            let base = ymd(2017, 1, 1);
            let s = base + chrono::Days::new(start.unsigned_abs());
            let w = wes(s, s + chrono::Days::new(len.unsigned_abs()));
            let part = [Part::Whole, Part::Start, Part::End][part];
            let there = w.nudged(part, Step::Days(n));
            prop_assert!(there.start <= there.end);
            if part != Part::Start || n <= len {
                prop_assert_eq!(there.nudged(part, Step::Days(-n)), w.clone());
            }
            let back = w.nudged(part, Step::Months(-1));
            prop_assert!(back.start <= back.end);
        }
    }
}

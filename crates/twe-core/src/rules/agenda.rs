//! The agenda: what a counsellor must do, and by when (DOMAIN.md, "The agenda").
//!
//! Each kind of item belongs to the rule whose finding it becomes once overdue, and that
//! rule says when it is due ([`super::Rule::deadline`]): the due date and the finding come
//! from the same helper in the rule's file, so they cannot drift apart. This module only
//! collects the rules' due dates, orders them and words them.

use super::{CheckContext, Facts, Finding, RULES, Rule};
use crate::lang::{self, Lang};
use crate::model::Dossier;
use chrono::{Datelike, NaiveDate};
use smallvec::SmallVec;

/// The kinds of agenda item, with their stable ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Start the art. 60§7 employment within two months of the start.
    Art60Start,
    /// Upload the documents to MLP within 90 days of the last upload.
    DocumentsUpload,
    /// Plan a second instrument in the current year.
    SecondInstrument,
    /// Start the next instrument before 60 days pass without one.
    NextInstrument,
    /// Close the trajectory on its last day.
    TrajectoryEnd,
    /// Measure the outcome 12 months after the end.
    OutcomeFollowup,
}

impl Kind {
    /// Every kind, in the order of DOMAIN.md.
    pub const ALL: [Kind; 6] = [
        Kind::Art60Start,
        Kind::DocumentsUpload,
        Kind::SecondInstrument,
        Kind::NextInstrument,
        Kind::TrajectoryEnd,
        Kind::OutcomeFollowup,
    ];

    /// The stable id, used in JSON, calendar UIDs and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Art60Start => "art60-start",
            Kind::DocumentsUpload => "documents-upload",
            Kind::SecondInstrument => "second-instrument",
            Kind::NextInstrument => "next-instrument",
            Kind::TrajectoryEnd => "trajectory-end",
            Kind::OutcomeFollowup => "outcome-followup",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The action, short, for lists and calendar summaries.
    pub fn action(self, lang: Lang) -> &'static str {
        match self {
            Kind::Art60Start => lang.pick(
                "Art. 60§7-tewerkstelling laten starten",
                "Start the art. 60§7 employment",
            ),
            Kind::DocumentsUpload => {
                lang.pick("Documenten opladen in MLP", "Upload the documents to MLP")
            }
            Kind::SecondInstrument => lang.pick(
                "Een tweede instrument plannen dit jaar",
                "Plan a second instrument this year",
            ),
            Kind::NextInstrument => lang.pick(
                "Het volgende instrument laten starten",
                "Start the next instrument",
            ),
            Kind::TrajectoryEnd => lang.pick(
                "Traject afsluiten en uitkomst vastleggen",
                "Close the trajectory and record the outcome",
            ),
            Kind::OutcomeFollowup => lang.pick(
                "Uitkomst meten 12 maanden na het einde",
                "Measure the outcome 12 months after the end",
            ),
        }
    }

    /// Whether the kind concerns open trajectories (`end` not set); else closed ones.
    pub fn for_open(self) -> bool {
        self != Kind::OutcomeFollowup
    }

    /// The rules whose findings an item of this kind becomes once overdue.
    pub fn rules(self) -> impl Iterator<Item = &'static Rule> {
        RULES
            .iter()
            .filter(move |r| r.deadline.as_ref().is_some_and(|d| d.kind == self))
    }
}

/// A deadline a rule owns: the agenda item that comes before its finding.
pub struct Deadline {
    /// The kind of item.
    pub kind: Kind,
    /// When the dossier's action is due, if it has one; on any day, past or coming (the
    /// agenda keeps those on or after the reference date). `None` for a rule that shares a
    /// kind whose due date another rule gives. Pure.
    pub due: fn(&Facts<'_>) -> Option<Due>,
    /// The day a finding of the rule was due: before the reference date it is overdue.
    /// Pure.
    pub was_due: fn(&Finding, &Dossier) -> Option<NaiveDate>,
}

/// A due date and what it is about, for the window to select.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    /// The day, itself still in time.
    pub day: NaiveDate,
    /// The instrument the action follows or concerns, if any.
    pub instrument: Option<usize>,
    /// The first day of the year a `second-instrument` item is about.
    pub year: Option<NaiveDate>,
}

impl Due {
    /// A due day about the dossier as a whole.
    pub fn on(day: NaiveDate) -> Self {
        Self {
            day,
            instrument: None,
            year: None,
        }
    }
}

/// One thing to do in one dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// What to do.
    pub kind: Kind,
    /// By when, and about what.
    pub due: Due,
}

impl Item {
    /// The due day.
    pub fn day(&self) -> NaiveDate {
        self.due.day
    }

    /// The item in a sentence: the action, what it follows from, the day.
    pub fn message(&self, d: &Dossier, lang: Lang) -> String {
        let by = lang.pick("uiterlijk op", "by");
        // The word before the day, and why it is that day (where it needs saying).
        let (before, why): (&str, Option<String>) = match self.kind {
            Kind::Art60Start => {
                // An employment that starts before the trajectory is no timely start: it
                // is `instrument-outside-trajectory` until it is moved inside.
                let early = self
                    .due
                    .instrument
                    .and_then(|i| d.instruments.get(i).map(|inst| (i, inst)))
                    .filter(|(_, inst)| inst.start < d.start);
                let why = match early {
                    Some((i, _)) => format!(
                        "{} {}",
                        super::wording::instrument(d, i, lang),
                        lang.pick(
                            "begint vóór het traject en telt niet als tijdige start",
                            "starts before the trajectory and is no timely start"
                        )
                    ),
                    None => lang
                        .pick(
                            "2 maanden na de start: de financiering hangt ervan af",
                            "2 months after the start: funding depends on it",
                        )
                        .into(),
                };
                (by, Some(why))
            }
            Kind::DocumentsUpload => {
                // Counted from the start when nothing was uploaded after it.
                let since = crate::model::calendar::sub_days(
                    self.due.day,
                    super::params::DOCUMENTS_STALE_DAYS.value as u64,
                );
                let from = if since <= d.start {
                    lang.pick(
                        "90 dagen na de start, zonder upload sindsdien",
                        "90 days after the start, with no upload since",
                    )
                } else {
                    lang.pick(
                        "90 dagen na de laatste upload",
                        "90 days after the last upload",
                    )
                };
                (by, Some(from.into()))
            }
            Kind::SecondInstrument => (
                lang.pick("vóór het jaar eindigt op", "before the year ends on"),
                None,
            ),
            Kind::NextInstrument => {
                let after = self
                    .due
                    .instrument
                    .filter(|&i| i < d.instruments.len())
                    .map(|i| super::wording::instrument(d, i, lang));
                let why = match after {
                    Some(after) => format!(
                        "{} {after}",
                        lang.pick(
                            "niet meer dan 60 dagen zonder instrument na",
                            "no more than 60 days without an instrument after"
                        )
                    ),
                    None => lang
                        .pick(
                            "niet meer dan 60 dagen zonder instrument na de start",
                            "no more than 60 days without an instrument from the start",
                        )
                        .into(),
                };
                (by, Some(why))
            }
            Kind::TrajectoryEnd => (
                lang.pick("op", "on"),
                Some(
                    lang.pick(
                        "de laatste dag van het traject",
                        "the trajectory's last day",
                    )
                    .into(),
                ),
            ),
            Kind::OutcomeFollowup => (lang.pick("op of na", "on or after"), None),
        };
        let day = lang::date(self.due.day, lang);
        let action = self.kind.action(lang);
        match why {
            Some(why) => format!("{action} {before} {day} ({why})"),
            None => format!("{action} {before} {day}"),
        }
    }
}

/// The last year a due day may fall in.
pub const LAST_YEAR: i32 = 9999;

/// A dossier's items. Inline up to two: a closed dossier has at most one, an open one
/// usually two or three.
pub type Agenda = SmallVec<[Item; 2]>;

/// The agenda of one dossier on the context's reference date: every item due on or after
/// it, sorted by due date. A dossier whose trajectory ends before it starts has none.
pub fn dossier(d: &Dossier, ctx: &CheckContext<'_>) -> Agenda {
    from_facts(&Facts::new(d, ctx))
}

/// [`dossier`] from facts already derived.
pub(super) fn from_facts(facts: &Facts<'_>) -> Agenda {
    let d = facts.dossier;
    let mut out = Agenda::new();
    if d.end.is_some_and(|e| e < d.start) {
        return out;
    }
    for deadline in RULES.iter().filter_map(|r| r.deadline.as_ref()) {
        // A day past 9999 (a file may hold dates up to then) cannot be written as a
        // four-digit year: not in a calendar (RFC 5545), not as the JSON's date. Nobody
        // alive acts on it either.
        if let Some(due) = (deadline.due)(facts)
            && due.day >= facts.ctx.today
            && due.day.year() <= LAST_YEAR
        {
            out.push(Item {
                kind: deadline.kind,
                due,
            });
        }
    }
    out.sort_by_key(|i| (i.due.day, i.kind));
    out
}

/// The agendas of many dossiers on every core, in the dossiers' order.
pub fn all<'a>(dossiers: impl Iterator<Item = &'a Dossier>, ctx: &CheckContext<'_>) -> Vec<Agenda> {
    super::on_every_core(dossiers, |d| dossier(d, ctx))
}

/// Whether `finding` is an agenda item gone overdue on `today`: a finding of a rule that
/// owns a kind, of a dossier the kind concerns (open or closed), due before `today`.
pub fn overdue(finding: &Finding, d: &Dossier, today: NaiveDate) -> Option<NaiveDate> {
    let deadline = finding.rule.deadline.as_ref()?;
    if deadline.kind.for_open() != d.end.is_none() {
        return None;
    }
    (deadline.was_due)(finding, d).filter(|&day| day < today)
}

/// The groups of the agenda view, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Overdue: findings of the rules that own a kind.
    Overdue,
    /// Due this ISO week (Monday to Sunday).
    ThisWeek,
    /// Due next ISO week.
    NextWeek,
    /// Due later this month.
    ThisMonth,
    /// Due later.
    Later,
}

impl Group {
    /// Every group, in order.
    pub const ALL: [Group; 5] = [
        Group::Overdue,
        Group::ThisWeek,
        Group::NextWeek,
        Group::ThisMonth,
        Group::Later,
    ];

    /// The group of a coming day `due` seen from `today` (never `Overdue`: overdue things
    /// are findings).
    pub fn of(due: NaiveDate, today: NaiveDate) -> Group {
        let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
        let next_monday = monday + chrono::Days::new(7);
        let after_next = monday + chrono::Days::new(14);
        if due < next_monday {
            Group::ThisWeek
        } else if due < after_next {
            Group::NextWeek
        } else if due.year() == today.year() && due.month() == today.month() {
            Group::ThisMonth
        } else {
            Group::Later
        }
    }

    /// The heading.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Group::Overdue => lang.pick("Te laat", "Overdue"),
            Group::ThisWeek => lang.pick("Deze week", "This week"),
            Group::NextWeek => lang.pick("Volgende week", "Next week"),
            Group::ThisMonth => lang.pick("Rest van de maand", "Rest of this month"),
            Group::Later => lang.pick("Later", "Later"),
        }
    }
}

/// Days from `today` to `due`, as a person says it: "today", "tomorrow", "in 5 days",
/// "3 days late".
pub fn days_left(due: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let n = (due - today).num_days();
    match n {
        0 => lang.pick("vandaag", "today").to_string(),
        1 => lang.pick("morgen", "tomorrow").to_string(),
        n if n > 1 => format!(
            "{} {n} {}",
            lang.pick("over", "in"),
            lang.pick("dagen", "days")
        ),
        -1 => lang.pick("1 dag te laat", "1 day late").to_string(),
        n => format!("{} {}", -n, lang.pick("dagen te laat", "days late")),
    }
}

//! One client's TWE-OCMW trajectory: the dossier file contract of DOMAIN.md.

use super::calendar::{DateRange, last_day_within_months};
use super::date_serde;
use super::instrument::Instrument;
use crate::rules::params::TRAJECTORY_MONTHS;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One client's trajectory. Field names and order are the file contract: the order is the
/// order of the saved file, so keep it stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// The dossier's identifier, unique within a workspace ("GENT-2019-0042").
    pub id: String,
    /// The client's name: personal data, hidden in presentation mode and exports.
    pub client: String,
    /// The OCMW, by the name of its municipality at the time; gives the province.
    pub ocmw: String,
    /// The organisation guidance is outsourced to, if any.
    #[serde(default)]
    pub guided_by: Option<String>,
    /// Who guides the client (added 27 November 2026); filters "my clients". Left out of
    /// the file when unset, so a colleague still on an older version (which refuses unknown
    /// fields) can open every dossier nobody assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counsellor: Option<String>,
    /// The personal development plan (or similar) made at the start; `None` when missing.
    #[serde(default)]
    pub plan: Option<Plan>,
    /// The trajectory's first day.
    #[serde(deserialize_with = "date_serde::de")]
    pub start: NaiveDate,
    /// The trajectory's last day once it is closed.
    #[serde(default, deserialize_with = "date_serde::de_opt")]
    pub end: Option<NaiveDate>,
    /// When the client's social-security rights were acquired through art. 60§7.
    #[serde(default, deserialize_with = "date_serde::de_opt")]
    pub social_rights_acquired: Option<NaiveDate>,
    /// The instruments, in any order.
    #[serde(default)]
    pub instruments: Vec<Instrument>,
    /// Documents uploaded to VDAB's partner application (MLP).
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Guidance and job-mediation activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// The outflow measurement after the trajectory ended.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The counsellor's notes (added 7 December 2026): confidential, never on the client's
    /// copy of a plan, in a calendar, statistics or a slide. Left out of the file when
    /// there are none, so a colleague on an older version still opens the dossier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// The id a copy of dossier `id` takes where `id` is taken: `ID-kopie-N` with the first N
/// `taken` says is free, among the `count` ids there are (one of `count + 1` numbers is
/// free). The window's "work on a copy" and an import's clash both name copies so.
pub fn copy_id(id: &str, count: usize, taken: impl Fn(&str) -> bool) -> String {
    (1..=count + 1)
        .map(|n| format!("{id}-kopie-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| format!("{id}-kopie"))
}

/// A note on a client: a conversation, a call, a visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The day it is about.
    #[serde(deserialize_with = "date_serde::de")]
    pub date: NaiveDate,
    /// What kind of contact.
    pub kind: NoteKind,
    /// Who wrote it (the counsellor's name as in "my clients").
    #[serde(default)]
    pub author: String,
    /// What was said or done; at most 4,000 characters.
    pub text: String,
}

/// The kinds of note the file contract knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// A conversation (gesprek).
    Conversation,
    /// A phone call (telefoon).
    Phone,
    /// A home visit (huisbezoek).
    HomeVisit,
    /// An e-mail.
    Email,
    /// A meeting with others about the client (overleg).
    Meeting,
    /// Anything else, named.
    Other(String),
}

impl NoteKind {
    /// The kinds a new note can take, in the editor's order.
    pub const CHOICES: [NoteKind; 5] = [
        NoteKind::Conversation,
        NoteKind::Phone,
        NoteKind::HomeVisit,
        NoteKind::Email,
        NoteKind::Meeting,
    ];

    /// Its name in `lang`.
    pub fn label(&self, lang: crate::lang::Lang) -> String {
        match self {
            NoteKind::Conversation => lang.pick("gesprek", "conversation").into(),
            NoteKind::Phone => lang.pick("telefoon", "phone call").into(),
            NoteKind::HomeVisit => lang.pick("huisbezoek", "home visit").into(),
            NoteKind::Email => "e-mail".into(),
            NoteKind::Meeting => lang.pick("overleg", "meeting").into(),
            NoteKind::Other(s) => s.clone(),
        }
    }
}

impl Dossier {
    /// Gives back the room its lists grew into while being read: a list read item by item
    /// holds room for four, and a quarter of a million dossiers with one instrument and two
    /// documents each held about 75 MB of it in the window.
    pub fn shrink_to_fit(&mut self) {
        self.instruments.shrink_to_fit();
        self.documents.shrink_to_fit();
        self.activities.shrink_to_fit();
        self.notes.shrink_to_fit();
    }

    /// A dossier with its id, client, OCMW and start, and nothing else yet: no plan, no
    /// instruments, documents, activities or outcome.
    pub fn new(id: &str, client: &str, ocmw: &str, start: NaiveDate) -> Dossier {
        Dossier {
            id: id.to_string(),
            client: client.to_string(),
            ocmw: ocmw.to_string(),
            guided_by: None,
            counsellor: None,
            plan: None,
            start,
            end: None,
            social_rights_acquired: None,
            instruments: Vec::new(),
            documents: Vec::new(),
            activities: Vec::new(),
            outcome: None,
            notes: Vec::new(),
        }
    }

    /// The instrument "Add" proposes: a planned WES of three months from the day after the
    /// last instrument ends (from the start when there is none), for the counsellor to change.
    pub fn next_instrument(&self) -> Instrument {
        let start = self
            .instruments
            .iter()
            .map(|x| x.end)
            .max()
            .and_then(|e| e.succ_opt())
            .unwrap_or(self.start);
        Instrument {
            kind: super::InstrumentKind::Wes,
            start,
            end: last_day_within_months(start, 3),
            status: super::Status::Planned,
        }
    }

    /// The trajectory's regular last day: start + 24 months − 1 day.
    pub fn regular_last_day(&self) -> NaiveDate {
        last_day_within_months(self.start, TRAJECTORY_MONTHS.value)
    }

    /// The trajectory's last day: its `end` when closed, else the regular last day.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or_else(|| self.regular_last_day())
    }

    /// The days of the trajectory, from its start to its last day.
    pub fn range(&self) -> DateRange {
        DateRange::new(self.start, self.last_day())
    }

    /// The art. 60§7 employment that may carry the trajectory past 24 months (decision 4 of
    /// DOMAIN.md): the earliest-starting art. 60§7 with valid dates that runs over the
    /// regular last day, while social rights were not acquired by then and the trajectory
    /// was not closed on or before it. `regular_last` is [`Self::regular_last_day`], passed
    /// in because month arithmetic is not free and every caller has it.
    pub fn excepted_art60(&self, regular_last: NaiveDate) -> Option<usize> {
        let rights_open = self.social_rights_acquired.is_none_or(|d| d > regular_last);
        let runs_past = self.end.is_none_or(|e| e > regular_last);
        if !(rights_open && runs_past && self.start <= regular_last) {
            return None;
        }
        self.instruments
            .iter()
            .enumerate()
            .filter(|(_, x)| {
                x.kind == super::InstrumentKind::Art60
                    && x.start <= x.end
                    && x.start <= regular_last
                    && x.end > regular_last
            })
            .min_by_key(|(_, x)| (x.start, x.end))
            .map(|(i, _)| i)
    }

    /// The last day the art. 60§7 exception allows: the excepted employment's last day, or
    /// the social-rights date if that comes first.
    pub fn extension_limit(&self, excepted: usize) -> Option<NaiveDate> {
        let art60 = self.instruments.get(excepted)?;
        Some(match self.social_rights_acquired {
            Some(rights) => art60.end.min(rights),
            None => art60.end,
        })
    }

    /// The day an open trajectory runs until (decision 4 of DOMAIN.md): its `end` once
    /// closed; else the end of the art. 60§7 exception where that holds; else the regular
    /// last day. Uploads, gaps, the running phase and the agenda count to this day.
    pub fn running_last_day(&self) -> NaiveDate {
        if let Some(end) = self.end {
            return end;
        }
        let regular = self.regular_last_day();
        self.excepted_art60(regular)
            .and_then(|i| self.extension_limit(i))
            .unwrap_or(regular)
    }

    /// Whether `name` is this dossier's counsellor, compared as people type names: case and
    /// spacing aside ("sofie  peeters" is "Sofie Peeters").
    pub fn has_counsellor(&self, name: &str) -> bool {
        self.counsellor
            .as_deref()
            .is_some_and(|c| same_name(c, name))
    }

    /// Whether the trajectory is under way on `day`, the art. 60§7 extension included.
    pub fn is_running_on(&self, day: NaiveDate) -> bool {
        day >= self.start && day <= self.running_last_day()
    }
}

/// Whether two names are the same person's as typed: case and runs of spaces aside.
pub fn same_name(a: &str, b: &str) -> bool {
    let mut x = a
        .split_whitespace()
        .flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' ']));
    let mut y = b
        .split_whitespace()
        .flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' ']));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
}

/// The plan made at the start of the guidance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Plan {
    /// Persoonlijk ontwikkelingsplan, the measure's own plan.
    Pop,
    /// Gepersonaliseerd plan maatschappelijke integratie, the OCMW's usual plan.
    Gpmi,
    /// Another similar instrument, named.
    Other(String),
}

/// A document uploaded to MLP.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// What the document is.
    pub kind: DocumentKind,
    /// The upload day; stale uploads are a known weak point (kwalimon).
    #[serde(deserialize_with = "date_serde::de")]
    pub uploaded: NaiveDate,
}

/// The kinds of document the file contract knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    /// The personal development plan.
    Pop,
    /// The integration plan.
    Gpmi,
    /// An evaluation of an instrument or of the trajectory.
    Evaluation,
    /// A contract (employment, internship).
    Contract,
    /// Anything else, named.
    Other(String),
}

/// A guidance or job-mediation activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// What was done.
    pub kind: ActivityKind,
    /// The day it was done.
    #[serde(deserialize_with = "date_serde::de")]
    pub date: NaiveDate,
    /// Who did it: job mediation is the OCMW's (or its organisation's) task, not VDAB's.
    pub by: Actor,
}

/// The activities the file contract knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityKind {
    /// Writing a CV.
    Cv,
    /// Application training.
    ApplicationTraining,
    /// Job coaching.
    JobCoaching,
    /// Job search.
    JobSearch,
    /// Reorientation.
    Reorientation,
    /// A service the OCMW may ask of VDAB (short training, screening…), named.
    VdabService(String),
}

impl ActivityKind {
    /// Whether the activity is job mediation, which the OCMW must do itself.
    pub fn is_mediation(&self) -> bool {
        !matches!(self, ActivityKind::VdabService(_))
    }

    /// The name in running text.
    pub fn label(&self, lang: crate::lang::Lang) -> String {
        match self {
            ActivityKind::Cv => lang.pick("cv opmaken", "writing a CV").to_string(),
            ActivityKind::ApplicationTraining => lang
                .pick("sollicitatietraining", "application training")
                .to_string(),
            ActivityKind::JobCoaching => "jobcoaching".to_string(),
            ActivityKind::JobSearch => lang.pick("jobsearching", "job search").to_string(),
            ActivityKind::Reorientation => lang.pick("heroriëntering", "reorientation").to_string(),
            ActivityKind::VdabService(name) => format!("VDAB: {name}"),
        }
    }
}

/// Who carried out an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    /// The OCMW itself.
    Ocmw,
    /// The organisation the OCMW outsourced guidance to.
    Organisation,
    /// VDAB.
    Vdab,
}

/// The outflow measurement ("resultaatsmeting").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Whether the client was at work; `None` when unknown.
    #[serde(default)]
    pub at_work: Option<bool>,
    /// The day of the measurement.
    #[serde(deserialize_with = "date_serde::de")]
    pub measured: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::same_name;

    #[test]
    fn names_compare_as_typed() {
        assert!(same_name("Sofie Peeters", "sofie  peeters"));
        assert!(same_name(" Émile Dupont ", "ÉMILE DUPONT"));
        assert!(!same_name("Sofie Peeters", "Sofie Peeter"));
        assert!(!same_name("Sofie", "Sofie Peeters"));
        assert!(same_name("", "  "));
    }
}

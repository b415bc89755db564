//! What a rule reports: data a window can highlight and a caller can word.

use super::Rule;
use crate::lang::Lang;
use crate::model::Dossier;
use chrono::NaiveDate;
use serde::Serialize;
use smallvec::SmallVec;

/// Indices into a dossier's instruments. Inline up to two: almost every finding names one or
/// two, and a check that allocates per finding is twice as slow.
pub type InstrumentIds = SmallVec<[usize; 2]>;

/// A dossier's findings. Inline up to two: most dossiers have none, one or two, and a list
/// allocated per dossier made checking a workspace, and dropping its findings, slow.
pub type Findings = SmallVec<[Finding; 2]>;

/// Where a rule's `find` puts what it finds: straight into the dossier's findings, the rule
/// attached, with no list per rule in between.
pub struct Hits<'a> {
    /// The rule whose `find` runs.
    rule: &'static Rule,
    /// The dossier's findings so far.
    findings: &'a mut Findings,
}

impl<'a> Hits<'a> {
    pub(super) fn new(rule: &'static Rule, findings: &'a mut Findings) -> Self {
        Self { rule, findings }
    }

    /// Records one hit of the rule.
    pub fn push(&mut self, hit: Hit) {
        self.findings.push(Finding::new(self.rule, hit));
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Allowed, but worth knowing (an exception applies).
    Info,
    /// Not forbidden, but against the measure's intent or a good practice.
    Warning,
    /// Against the rules: funding or the trajectory is at risk.
    Error,
}

impl Severity {
    /// The word for the severity.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("fout", "error"),
            Severity::Warning => lang.pick("waarschuwing", "warning"),
            Severity::Info => "info",
        }
    }

    /// `n` findings of the severity, the word in the singular or the plural ("1 fout",
    /// "4 warnings"), as the status bar, the findings and the caseload count them.
    pub fn count(self, n: i64, lang: Lang) -> String {
        let (nl, en) = match self {
            Severity::Error => (("fout", "fouten"), ("error", "errors")),
            Severity::Warning => (("waarschuwing", "waarschuwingen"), ("warning", "warnings")),
            Severity::Info => (("info", "info"), ("info", "info")),
        };
        crate::lang::count(n, lang, nl, en)
    }

    /// The id used in JSON and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Why a trajectory year with fewer than two instruments is exempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exemption {
    /// Art. 60§7 employment fills more than half of the year's days.
    Art60FillsYear,
    /// The trajectory ended inside the year.
    EndedInside,
    /// In calendar-year mode, a first or last year with fewer than 183 days of the
    /// trajectory (decision 5).
    PartialYear,
}

/// Why a technical training is not allowed; several may hold at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TechnicalIssue {
    /// Neither organised nor recognised by VDAB.
    pub not_recognised: bool,
    /// It runs past this latest allowed end.
    pub too_long: Option<NaiveDate>,
    /// It comes after this earlier technical training (an instrument index).
    pub after: Option<usize>,
}

/// The rule-specific facts of a finding that its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Nothing beyond the instruments and dates.
    None,
    /// A deadline or limit date the finding compares against.
    Date(NaiveDate),
    /// The last day the art. 60§7 exception allows, which the trajectory runs past.
    Extension(NaiveDate),
    /// A length in days against its limit in days.
    Days {
        /// The measured length.
        actual: i64,
        /// The limit.
        limit: i64,
    },
    /// A year of the two-a-year target.
    Year {
        /// 1-based trajectory year, or the calendar year.
        number: i32,
        /// The days of the year inside the trajectory.
        days: (NaiveDate, NaiveDate),
        /// Instruments active in it.
        active: usize,
        /// Why it is exempt, for an exempt year.
        exemption: Option<Exemption>,
        /// Whether `number` is a calendar year.
        calendar: bool,
    },
    /// A technical training's problems.
    Technical(TechnicalIssue),
    /// An activity of the dossier, by index.
    Activity(usize),
    /// A name that is not known (the nearest known one is found when the message is worded).
    UnknownName,
}

/// What a rule's `find` function reports; [`super::check`] adds the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Indices into the dossier's instruments involved, so a window can mark them.
    pub instruments: InstrumentIds,
    /// First day of the problem, if it has a place in time.
    pub from: Option<NaiveDate>,
    /// Last day of the problem, inclusive.
    pub to: Option<NaiveDate>,
    /// The numbers the message needs.
    pub detail: Detail,
}

impl Hit {
    /// A hit on instruments over a range of days.
    pub fn new(instruments: &[usize], from: NaiveDate, to: NaiveDate, detail: Detail) -> Self {
        Self {
            instruments: InstrumentIds::from_slice(instruments),
            from: Some(from),
            to: Some(to),
            detail,
        }
    }

    /// A hit about the dossier as a whole.
    pub fn dossier(detail: Detail) -> Self {
        Self {
            instruments: InstrumentIds::new(),
            from: None,
            to: None,
            detail,
        }
    }
}

/// One problem (or noted exception) in one dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule that found it; gives id, severity, title and source.
    pub rule: &'static Rule,
    /// Indices into the dossier's instruments involved.
    pub instruments: InstrumentIds,
    /// First day of the problem, if it has a place in time.
    pub from: Option<NaiveDate>,
    /// Last day of the problem, inclusive.
    pub to: Option<NaiveDate>,
    /// The numbers the message needs.
    pub detail: Detail,
}

impl Finding {
    pub(super) fn new(rule: &'static Rule, hit: Hit) -> Self {
        Self {
            rule,
            instruments: hit.instruments,
            from: hit.from,
            to: hit.to,
            detail: hit.detail,
        }
    }

    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }

    /// What is wrong, naming the instruments and dates, in `lang`.
    pub fn message(&self, dossier: &Dossier, lang: Lang) -> String {
        (self.rule.describe)(self, dossier, lang)
    }
}

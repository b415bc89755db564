//! The compliance rules and the one `check` function every face of the program calls.
//!
//! A rule is data (id, severity, title, source) plus three pure functions: one finds its
//! problems in a dossier, one words a finding in either language, one proposes its quick
//! fixes. Findings carry data, not
//! text, so checking a whole workspace formats nothing; a window renders only what it shows.

mod activity;
mod admin;
pub mod agenda;
mod art60;
mod context;
mod finding;
pub mod fixes;
mod instruments;
pub mod params;
pub mod source;
mod trajectory;
mod wording;

pub use context::{CheckContext, Facts, YearMode};
pub use finding::{
    Detail, Exemption, Finding, Findings, Hit, Hits, InstrumentIds, Severity, TechnicalIssue,
};

use crate::lang::Lang;
use crate::model::Dossier;
use source::Source;

/// One compliance rule.
pub struct Rule {
    /// Stable id, used in files, tests and on the command line.
    pub id: &'static str,
    /// How serious a finding of this rule is.
    pub severity: Severity,
    /// Whether the rule needs the trajectory's days (its window, years, gaps, last day): it
    /// is not run for a trajectory that ends before it starts, which gets `invalid-range`
    /// instead (decision 3 of DOMAIN.md).
    pub needs_range: bool,
    /// The agenda item this rule's finding is, before it is overdue, and when it is due;
    /// `None` for a rule with no deadline.
    pub deadline: Option<agenda::Deadline>,
    /// One line saying what the rule demands, Dutch and English.
    pub title: crate::lang::Text,
    /// The passage the rule comes from.
    pub source: Source,
    /// Finds the rule's problems in one dossier; pure.
    pub find: fn(&Facts<'_>, &mut Hits<'_>),
    /// Words one finding of this rule; pure.
    pub describe: fn(&Finding, &Dossier, Lang) -> String,
    /// The quick fixes of one finding of this rule, where the fix is obvious: the dossier as
    /// it would be after each ([`fixes::none`] where there is none); pure.
    pub fix: fn(&Finding, &Dossier) -> Vec<fixes::Fix>,
}

impl Rule {
    /// The rule's title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Every rule, in the order of DOMAIN.md. Adding a rule means adding it here.
pub static RULES: [Rule; 24] = [
    trajectory::INVALID_RANGE,
    trajectory::TRAJECTORY_TOO_LONG,
    trajectory::ART60_EXTENDS_TRAJECTORY,
    art60::ART60_LATE_START,
    art60::ART60_MISSING,
    art60::ART60_PAST_SOCIAL_RIGHTS,
    trajectory::INSTRUMENT_OUTSIDE_TRAJECTORY,
    instruments::OVERLAP,
    instruments::MAX_DURATION,
    instruments::MIN_DURATION,
    instruments::BVS_ABOLISHED,
    instruments::TECHNICAL_TRAINING,
    activity::FEWER_THAN_TWO_PER_YEAR,
    activity::TWO_PER_YEAR_EXEMPT,
    instruments::WES_PAST_END,
    instruments::IBO_PAST_END,
    activity::INACTIVE_PERIOD,
    admin::PLAN_MISSING,
    admin::DOCUMENTS_STALE,
    admin::MEDIATION_BY_VDAB,
    admin::UNKNOWN_OCMW,
    trajectory::TRAJECTORY_NOT_CLOSED,
    admin::OUTCOME_MISSING,
    // Not in DOMAIN.md's list: a working agreement of twe-planner (issue 22), information
    // only.
    instruments::PLANNED_AFTER_START,
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Checks one dossier against every rule. Pure: same dossier and context, same findings,
/// sorted by severity (errors first), then by date.
pub fn check(dossier: &Dossier, ctx: &CheckContext<'_>) -> Findings {
    check_facts(&Facts::new(dossier, ctx))
}

/// A dossier's findings and its agenda on one reference date: what the window keeps per
/// dossier, current with every edit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    /// Its findings, as [`check`] gives them.
    pub findings: Findings,
    /// Its agenda, as [`agenda::dossier`] gives it.
    pub agenda: agenda::Agenda,
}

/// Checks one dossier and lists its agenda, deriving its facts once for both.
pub fn review(dossier: &Dossier, ctx: &CheckContext<'_>) -> Checked {
    let facts = Facts::new(dossier, ctx);
    Checked {
        findings: check_facts(&facts),
        agenda: agenda::from_facts(&facts),
    }
}

/// [`review`] of many dossiers on every core, in the dossiers' order.
pub fn review_all<'a>(
    dossiers: impl Iterator<Item = &'a Dossier>,
    ctx: &CheckContext<'_>,
) -> Vec<Checked> {
    on_every_core(dossiers, |d| review(d, ctx))
}

fn check_facts(facts: &Facts<'_>) -> Findings {
    let dossier = facts.dossier;
    let mut findings = Findings::new();
    let range_valid = dossier.end.is_none_or(|e| e >= dossier.start);
    for rule in RULES.iter().filter(|r| range_valid || !r.needs_range) {
        (rule.find)(facts, &mut Hits::new(rule, &mut findings));
    }
    findings.sort_by(|a, b| b.severity().cmp(&a.severity()).then(a.from.cmp(&b.from)));
    findings
}

/// Checks many dossiers on every core; the findings come back in the dossiers' order.
pub fn check_all<'a>(
    dossiers: impl Iterator<Item = &'a Dossier>,
    ctx: &CheckContext<'_>,
) -> Vec<Findings> {
    on_every_core(dossiers, |d| check(d, ctx))
}

/// `f` of each dossier on every core, in the dossiers' order. In chunks of 64: a dossier
/// takes ~0.3 µs, less than handing one to another thread.
pub(crate) fn on_every_core<'a, T: Send>(
    dossiers: impl Iterator<Item = &'a Dossier>,
    f: impl Fn(&Dossier) -> T + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    let dossiers: Vec<&Dossier> = dossiers.collect();
    dossiers.par_iter().with_min_len(64).map(|d| f(d)).collect()
}

/// Counts of findings per severity, for lists and exit codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeverityCounts {
    /// Findings of severity error.
    pub errors: u32,
    /// Findings of severity warning.
    pub warnings: u32,
    /// Findings of severity info.
    pub infos: u32,
}

impl SeverityCounts {
    /// Counts the findings.
    pub fn of(findings: &[Finding]) -> Self {
        let mut c = SeverityCounts::default();
        for f in findings {
            match f.severity() {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }

    /// Removes another tally (one that was added before).
    pub fn sub(&mut self, other: SeverityCounts) {
        self.errors -= other.errors;
        self.warnings -= other.warnings;
        self.infos -= other.infos;
    }

    /// Adds another tally.
    pub fn add(&mut self, other: SeverityCounts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod agenda_tests;

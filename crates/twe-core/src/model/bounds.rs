//! How large a dossier may be: at most 1,000 instruments, 1,000 documents, 1,000
//! activities and 1,000 notes, no text field over 1,000 characters and no note over 4,000. Real dossiers hold a handful of
//! each; the bounds keep a hostile or broken file from costing seconds and gigabytes in
//! the rules (a check is linear in the dossier, but 21,000 instruments are still 21,000).
//! Every loader path (files, the window's reloads, the journal) refuses a dossier past
//! them with the field and the limit.

use super::{ActivityKind, DocumentKind, Dossier, InstrumentKind, NoteKind, Plan, Provider};

/// The most instruments, documents or activities a dossier may list.
pub const MAX_ITEMS: usize = 1_000;
/// The most characters (Unicode scalar values) a text field may hold.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// The most characters a note's text may hold (DOMAIN.md, the file contract).
pub const MAX_NOTE_CHARS: usize = 4_000;

/// A bound a dossier goes past.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exceeded {
    /// A list with more than [`MAX_ITEMS`] entries.
    Items {
        /// The list ("instruments").
        field: String,
        /// How many it holds.
        count: usize,
    },
    /// A text with more characters than its bound ([`MAX_TEXT_CHARS`], or
    /// [`MAX_NOTE_CHARS`] for a note).
    Text {
        /// The field ("instruments[3].kind.name").
        field: String,
        /// How many characters it holds.
        chars: usize,
        /// How many it may hold.
        limit: usize,
    },
}

impl Exceeded {
    /// The field it is about.
    pub fn field(&self) -> &str {
        match self {
            Exceeded::Items { field, .. } | Exceeded::Text { field, .. } => field,
        }
    }

    /// What goes past which bound, in `lang`: "`client`: 1,010 characters, at most 1,000".
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::number;
        match self {
            Exceeded::Items { field, count } => format!(
                "`{field}`: {} {}, {} {}",
                number(*count as i64, lang),
                lang.pick("items", "items"),
                lang.pick("ten hoogste", "at most"),
                number(MAX_ITEMS as i64, lang)
            ),
            Exceeded::Text {
                field,
                chars,
                limit,
            } => format!(
                "`{field}`: {} {}, {} {}",
                number(*chars as i64, lang),
                lang.pick("tekens", "characters"),
                lang.pick("ten hoogste", "at most"),
                number(*limit as i64, lang)
            ),
        }
    }
}

/// Whether `text` is longer than allowed: counting stops at the bound, so a megabyte of
/// text costs no more than a kilobyte to refuse.
fn too_long(text: &str, limit: usize) -> Option<usize> {
    (text.len() > limit && text.chars().nth(limit).is_some()).then(|| text.chars().count())
}

/// The first bound `d` goes past, if any.
pub fn check(d: &Dossier) -> Result<(), Exceeded> {
    let items = |field: &str, count: usize| {
        if count > MAX_ITEMS {
            Err(Exceeded::Items {
                field: field.to_string(),
                count,
            })
        } else {
            Ok(())
        }
    };
    items("instruments", d.instruments.len())?;
    items("documents", d.documents.len())?;
    items("activities", d.activities.len())?;
    items("notes", d.notes.len())?;
    let bounded =
        |field: &dyn Fn() -> String, value: &str, limit: usize| match too_long(value, limit) {
            Some(chars) => Err(Exceeded::Text {
                field: field(),
                chars,
                limit,
            }),
            None => Ok(()),
        };
    let text = |field: &dyn Fn() -> String, value: &str| bounded(field, value, MAX_TEXT_CHARS);
    text(&|| "id".into(), &d.id)?;
    text(&|| "client".into(), &d.client)?;
    text(&|| "ocmw".into(), &d.ocmw)?;
    if let Some(g) = &d.guided_by {
        text(&|| "guided_by".into(), g)?;
    }
    if let Some(Plan::Other(p)) = &d.plan {
        text(&|| "plan".into(), p)?;
    }
    for (k, inst) in d.instruments.iter().enumerate() {
        if let InstrumentKind::Opleiding { name, provider, .. } = &inst.kind {
            text(&|| format!("instruments[{k}].kind.name"), name)?;
            if let Provider::Other(p) = provider {
                text(&|| format!("instruments[{k}].kind.provider"), p)?;
            }
        }
    }
    for (k, doc) in d.documents.iter().enumerate() {
        if let DocumentKind::Other(s) = &doc.kind {
            text(&|| format!("documents[{k}].kind"), s)?;
        }
    }
    for (k, act) in d.activities.iter().enumerate() {
        if let ActivityKind::VdabService(s) = &act.kind {
            text(&|| format!("activities[{k}].kind"), s)?;
        }
    }
    for (k, note) in d.notes.iter().enumerate() {
        text(&|| format!("notes[{k}].author"), &note.author)?;
        if let NoteKind::Other(s) = &note.kind {
            text(&|| format!("notes[{k}].kind"), s)?;
        }
        bounded(&|| format!("notes[{k}].text"), &note.text, MAX_NOTE_CHARS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Dossier {
        crate::sample::load().dossiers.remove(0).dossier
    }

    #[test]
    fn hostile_the_bounds_are_inclusive_and_name_the_field() {
        let mut d = sample();
        let inst = d.instruments[0].clone();
        d.instruments = vec![inst.clone(); MAX_ITEMS];
        assert_eq!(check(&d), Ok(()));
        d.instruments.push(inst);
        assert_eq!(
            check(&d),
            Err(Exceeded::Items {
                field: "instruments".into(),
                count: MAX_ITEMS + 1
            })
        );
        let mut d = sample();
        // Characters, not bytes: 1,000 two-byte letters are allowed.
        d.client = "é".repeat(MAX_TEXT_CHARS);
        assert_eq!(check(&d), Ok(()));
        d.ocmw = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            check(&d).map_err(|e| e.field().to_string()),
            Err("ocmw".into())
        );
        let mut d = sample();
        d.instruments[0].kind = InstrumentKind::Opleiding {
            name: "n".into(),
            provider: Provider::Other("p".repeat(5000)),
            focus: crate::model::Focus::Generic,
            full_time: true,
        };
        assert_eq!(
            check(&d),
            Err(Exceeded::Text {
                field: "instruments[0].kind.provider".into(),
                chars: 5000,
                limit: MAX_TEXT_CHARS,
            })
        );
    }

    /// A note may hold 4,000 characters, and a dossier 1,000 notes; one more is refused,
    /// naming the note.
    #[test]
    fn hostile_notes_are_bounded_by_their_own_limits() {
        let note = crate::model::Note {
            date: crate::model::date_serde::parse("2021-03-01").unwrap(),
            kind: NoteKind::Phone,
            author: "Sofie".into(),
            text: "é".repeat(MAX_NOTE_CHARS),
        };
        let mut d = sample();
        d.notes = vec![note.clone(); MAX_ITEMS];
        assert_eq!(check(&d), Ok(()));
        d.notes.push(note.clone());
        assert_eq!(
            check(&d).map_err(|e| e.field().to_string()),
            Err("notes".into())
        );
        let mut d = sample();
        let mut long = note;
        long.text.push('x');
        d.notes = vec![long];
        assert_eq!(
            check(&d),
            Err(Exceeded::Text {
                field: "notes[0].text".into(),
                chars: MAX_NOTE_CHARS + 1,
                limit: MAX_NOTE_CHARS,
            })
        );
    }
}

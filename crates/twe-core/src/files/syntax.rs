//! ron's syntax errors in the words of Dutch and English users: the parser speaks English
//! only ("Expected option"), and a counsellor who opened a dossier in Notepad needs to know
//! what to type.

use crate::lang::Text;

/// An example of a value for an optional field, for the hint after "expected Some(…)".
fn option_example(field: Option<&str>) -> Option<&'static str> {
    let last = field?.rsplit('.').next()?;
    Some(match last {
        "plan" => "Some(Pop)",
        "end" | "social_rights_acquired" => "Some(\"2021-02-28\")",
        "guided_by" | "counsellor" => "Some(\"Emino\")",
        "outcome" => "Some(Outcome(at_work: Some(true), measured: \"2022-03-01\"))",
        "at_work" => "Some(true)",
        _ => return None,
    })
}

/// ron's error `e`, found in field `field`, worded for people.
pub fn words(e: &ron::Error, field: Option<&str>) -> Text {
    use ron::Error as E;
    match e {
        E::Eof => Text::new(
            "het bestand houdt te vroeg op; ontbreekt er een sluitend haakje?",
            "unexpected end of file; is a closing bracket missing?",
        ),
        E::ExpectedOption => {
            let (nl, en) = match option_example(field) {
                Some(x) => (
                    format!("schrijf Some(…) of None, bv. {x}"),
                    format!("write Some(…) or None, e.g. {x}"),
                ),
                None => (
                    "verwacht Some(…) of None".to_string(),
                    "expected Some(…) or None".to_string(),
                ),
            };
            Text::new(nl, en)
        }
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => Text::new(
            "ontbreekt er een sluitend haakje )?",
            "is a closing bracket ) missing?",
        ),
        E::ExpectedString => Text::new(
            "verwacht een tekst tussen dubbele aanhalingstekens, bv. \"Gent\"",
            "expected a text in double quotes, e.g. \"Gent\"",
        ),
        E::ExpectedStringEnd => Text::new(
            "een tekst sluit niet af: ontbreekt er een aanhalingsteken?",
            "a text does not end: is a closing quote missing?",
        ),
        E::ExpectedBoolean => Text::new("verwacht true of false", "expected true or false"),
        E::ExpectedInteger | E::ExpectedFloat | E::IntegerOutOfBounds => {
            Text::new("verwacht een getal", "expected a number")
        }
        E::ExpectedArray => Text::new("verwacht een lijst [ … ]", "expected a list [ … ]"),
        E::ExpectedArrayEnd => Text::new(
            "een lijst sluit niet af: ontbreekt er ] of een komma?",
            "a list does not end: is ] or a comma missing?",
        ),
        E::ExpectedComma => Text::new("verwacht een komma", "expected a comma"),
        E::ExpectedMapColon => Text::new(
            "verwacht een dubbelpunt na de veldnaam, bv. ocmw: \"Gent\"",
            "expected a colon after the field name, e.g. ocmw: \"Gent\"",
        ),
        E::ExpectedIdentifier => Text::new("verwacht een veldnaam", "expected a field name"),
        E::ExpectedStructLike => Text::new("verwacht ( … )", "expected ( … )"),
        E::ExpectedNamedStructLike(name) => Text::new(
            format!("verwacht {name}( … )"),
            format!("expected {name}( … )"),
        ),
        E::ExpectedDifferentStructName { expected, found } => Text::new(
            format!("verwacht {expected}( … ), niet {found}"),
            format!("expected {expected}( … ), not {found}"),
        ),
        E::ExpectedStructName(name) => Text::new(
            format!("verwacht {name}( … )"),
            format!("expected {name}( … )"),
        ),
        E::UnexpectedChar(c) => Text::new(
            format!("onverwacht teken «{}»", c.escape_debug()),
            format!("unexpected character «{}»", c.escape_debug()),
        ),
        E::TrailingCharacters => Text::new(
            "na het dossier staat nog tekst; één dossier per bestand",
            "there is text after the dossier; one dossier per file",
        ),
        E::UnclosedBlockComment => Text::new(
            "een commentaar /* … sluit niet af met */",
            "a comment /* … does not end with */",
        ),
        E::UnclosedLineComment => Text::new(
            "een commentaar // … sluit niet af",
            "a comment // … does not end",
        ),
        E::DuplicateStructField { field, .. } => Text::new(
            format!("het veld «{field}» staat er twee keer; laat er één staan"),
            format!("the field «{field}» is there twice; keep one"),
        ),
        E::InvalidEscape(what) => Text::new(
            format!("ongeldige escape in een tekst ({what})"),
            format!("invalid escape in a text ({what})"),
        ),
        E::InvalidValueForType { expected, found } => Text::new(
            format!("verwacht {expected}, gevonden {found}"),
            format!("expected {expected}, found {found}"),
        ),
        other => {
            let en = other.to_string();
            Text::new(format!("syntaxfout van de lezer: {en}"), en)
        }
    }
}

/// The field path serde names, without the segments it could not name (`?`): a file cut
/// off in the middle leaves the path unknown from some point on.
pub fn known_field(path: &str) -> Option<String> {
    let known: Vec<&str> = path
        .split('.')
        .take_while(|s| !s.is_empty() && !s.contains('?'))
        .collect();
    (!known.is_empty()).then(|| known.join("."))
}

/// Whether `text` holds nothing but blanks and comments.
pub fn only_comments(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if rest.is_empty() {
            return true;
        }
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            match after.split_once("*/") {
                Some((_, r)) => rest = r.trim_start(),
                None => return false,
            }
        } else {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_segments_are_left_out_of_the_field() {
        assert_eq!(known_field("?"), None);
        assert_eq!(known_field(""), None);
        assert_eq!(
            known_field("instruments[2].?"),
            Some("instruments[2]".into())
        );
        assert_eq!(known_field("plan"), Some("plan".into()));
        assert_eq!(
            known_field("instruments[1].kind.name"),
            Some("instruments[1].kind.name".into())
        );
    }

    #[test]
    fn a_file_of_comments_is_empty() {
        assert!(only_comments("  // nothing\n/* here */\n"));
        assert!(only_comments("// no newline at the end"));
        assert!(!only_comments("/* open"));
        assert!(!only_comments("// x\nDossier("));
    }
}

//! Why a dossier file did not load, with where and how to fix it, in Dutch and English.

use crate::lang::Lang;
use std::fmt;
use std::fmt::Write as _;
use std::path::PathBuf;

/// A file (or folder) that could not be loaded. It is never written to afterwards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file or folder.
    pub path: PathBuf,
    /// 1-based line of the problem, when it has one.
    pub line: Option<u32>,
    /// 1-based column of the problem, when it has one.
    pub column: Option<u32>,
    /// The field concerned, as a path ("instruments[1].start"), when known.
    pub field: Option<String>,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// What went wrong while loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read: the system's kind of error and its own words.
    Io(std::io::ErrorKind, String),
    /// Not a regular file (a pipe, a device, a socket): it is never opened.
    NotAFile,
    /// A list with more entries than a dossier may hold ([`crate::model::bounds`]).
    TooMany {
        /// How many it holds.
        count: usize,
        /// The most allowed.
        limit: usize,
    },
    /// A text with more characters than a field may hold.
    TooLong {
        /// How many characters it holds.
        chars: usize,
        /// The most allowed.
        limit: usize,
    },
    /// The file is larger than a dossier can sanely be.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds nothing (or only blanks and comments).
    Empty,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file nests deeper than any dossier does.
    TooDeep,
    /// A field the contract does not know: refused so that a typo never drops data.
    UnknownField {
        /// The field as written.
        found: String,
        /// The fields allowed there.
        expected: Vec<&'static str>,
    },
    /// A required field is absent.
    MissingField(String),
    /// A variant (kind, status, provider…) the contract does not know.
    UnknownVariant {
        /// The variant as written.
        found: String,
        /// The variants allowed there.
        expected: Vec<&'static str>,
    },
    /// A date that does not exist or is not written YYYY-MM-DD.
    InvalidDate(String),
    /// Any other syntax or type error, worded in both languages.
    Syntax(crate::lang::Text),
    /// A folder with no dossier files in it; the files it skipped, and why.
    NoDossiers {
        /// Hidden `.ron` files (names starting with a dot) skipped.
        hidden: usize,
        /// Links to folders not followed.
        links: usize,
    },
    /// Another file of the workspace has the same dossier id.
    DuplicateId {
        /// The id.
        id: String,
        /// The file that has it first.
        first: PathBuf,
    },
}

fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| (*e, strsim::levenshtein(found, e)))
        .filter(|&(e, d)| d <= (e.len() / 3).max(2))
        .min_by_key(|&(_, d)| d)
        .map(|(e, _)| e)
}

impl LoadError {
    /// A problem without a position in the file.
    pub fn whole(path: impl Into<PathBuf>, kind: LoadErrorKind) -> Self {
        Self {
            path: path.into(),
            line: None,
            column: None,
            field: None,
            kind,
        }
    }

    /// What is wrong and how to fix it, in `lang`, without the path.
    #[expect(
        clippy::too_many_lines,
        reason = "a table of messages: one arm per kind of load error, each in both languages"
    )]
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field.as_deref().filter(|f| !f.is_empty() && *f != ".");
        let at = field.map_or_else(String::new, |f| {
            format!("{} `{f}`: ", lang.pick("veld", "field"))
        });
        let text = match &self.kind {
            LoadErrorKind::Io(kind, e) => format!(
                "{}: {}",
                lang.pick("kan niet gelezen worden", "cannot be read"),
                io_words(*kind, e, lang)
            ),
            LoadErrorKind::NotAFile => lang
                .pick(
                    "is geen gewoon bestand (een pijp, apparaat of socket) en wordt niet geopend; een dossier is een .ron-bestand",
                    "is not a regular file (a pipe, a device or a socket) and is not opened; a dossier is a .ron file",
                )
                .to_string(),
            LoadErrorKind::TooMany { count, limit } => format!(
                "{} {}, {} {}; {}",
                crate::lang::number(*count as i64, lang),
                lang.pick("items", "entries"),
                lang.pick("een dossier heeft er hoogstens", "a dossier has at most"),
                crate::lang::number(*limit as i64, lang),
                lang.pick(
                    "is dit wel één dossier? Splits of verwijder wat niet klopt",
                    "is this one dossier? Split it or remove what is wrong"
                )
            ),
            LoadErrorKind::TooLong { chars, limit } => format!(
                "{} {} {}, {} {}; {}",
                lang.pick("de tekst telt", "the text holds"),
                crate::lang::number(*chars as i64, lang),
                lang.pick("tekens", "characters"),
                lang.pick("hoogstens", "at most"),
                crate::lang::number(*limit as i64, lang),
                lang.pick("maak hem korter", "shorten it")
            ),
            LoadErrorKind::TooLarge { size, limit } => format!(
                "{} {size} bytes, {} {limit}; {}",
                lang.pick("het bestand is", "the file is"),
                lang.pick(
                    "meer dan de grens voor een dossier van",
                    "more than the limit for a dossier of"
                ),
                lang.pick(
                    "is dit wel een dossierbestand?",
                    "is this a dossier file at all?"
                )
            ),
            LoadErrorKind::Empty => lang
                .pick(
                    "het bestand is leeg; een dossier begint met Dossier( id: …, … )",
                    "the file is empty; a dossier starts with Dossier( id: …, … )",
                )
                .to_string(),
            LoadErrorKind::NotUtf8 => lang
                .pick(
                    "het bestand is geen UTF-8-tekst; bewaar het als UTF-8",
                    "the file is not UTF-8 text; save it as UTF-8",
                )
                .to_string(),
            LoadErrorKind::TooDeep => lang
                .pick(
                    "het bestand is dieper genest dan een dossier kan zijn",
                    "the file nests deeper than a dossier can",
                )
                .to_string(),
            LoadErrorKind::UnknownField { found, expected } => {
                let hint = closest(found, expected).map_or_else(String::new, |c| {
                    format!(" {} `{c}`?", lang.pick("Bedoelde u", "Did you mean"))
                });
                format!(
                    "{} `{found}`; {}: {}.{hint} {}",
                    lang.pick("onbekend veld", "unknown field"),
                    lang.pick("toegelaten zijn", "allowed are"),
                    expected.join(", "),
                    lang.pick(
                        "Verbeter of verwijder het: twe-planner laat geen gegevens stilzwijgend vallen.",
                        "Correct or remove it: twe-planner never drops data silently.",
                    )
                )
            }
            LoadErrorKind::MissingField(name) => format!(
                "{} `{name}` {}",
                lang.pick("het verplichte veld", "the required field"),
                lang.pick("ontbreekt; voeg het toe", "is missing; add it")
            ),
            LoadErrorKind::UnknownVariant { found, expected } => {
                let hint = closest(found, expected).map_or_else(String::new, |c| {
                    format!(" {} `{c}`?", lang.pick("Bedoelde u", "Did you mean"))
                });
                format!(
                    "{} `{found}`; {}: {}.{hint}",
                    lang.pick("onbekende waarde", "unknown value"),
                    lang.pick("toegelaten zijn", "allowed are"),
                    expected.join(", ")
                )
            }
            LoadErrorKind::InvalidDate(value) => format!(
                "«{value}» {}",
                lang.pick(
                    "is geen bestaande datum; schrijf JJJJ-MM-DD, bv. \"2019-03-01\"",
                    "is not a date that exists; write YYYY-MM-DD, e.g. \"2019-03-01\""
                )
            ),
            LoadErrorKind::Syntax(e) => format!(
                "{}: {}",
                lang.pick("syntaxfout", "syntax error"),
                e.get(lang)
            ),
            LoadErrorKind::NoDossiers { hidden: 0, links: 0 } => lang
                .pick(
                    "deze map bevat geen dossierbestanden (.ron)",
                    "this folder holds no dossier files (.ron)",
                )
                .to_string(),
            LoadErrorKind::NoDossiers { hidden, links } => format!(
                "{}: {hidden} {}, {links} {}",
                lang.pick(
                    "deze map bevat geen dossierbestanden die gelezen worden; overgeslagen",
                    "this folder holds no dossier files that are read; skipped"
                ),
                lang.pick(
                    "verborgen .ron-bestanden (naam begint met een punt; hernoem ze)",
                    "hidden .ron files (the name starts with a dot; rename them)"
                ),
                lang.pick(
                    "koppelingen naar mappen (die niet gevolgd worden; open de map zelf)",
                    "links to folders (not followed; open that folder itself)"
                ),
            ),
            LoadErrorKind::DuplicateId { id, first } => format!(
                "{} «{id}» {} {}; {}",
                lang.pick("dossier-id", "dossier id"),
                lang.pick("staat ook in", "is also used by"),
                first.display(),
                lang.pick(
                    "geef elk dossier een eigen id",
                    "give each dossier its own id"
                )
            ),
        };
        format!("{at}{text}")
    }

    /// "path:line:column: message" in `lang`, the form editors jump to.
    pub fn display(&self, lang: Lang) -> String {
        let mut out = self.path.display().to_string();
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
            if let Some(col) = self.column {
                let _ = write!(out, ":{col}");
            }
        }
        format!("{out}: {}", self.message(lang))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// What an operating-system error means, in `lang`: the kinds a user meets on a laptop or
/// a network share worded for people, with the system's own words for whoever helps.
pub fn io_message(e: &std::io::Error, lang: Lang) -> String {
    io_words(e.kind(), &e.to_string(), lang)
}

/// `e` without the path some crates add to its text (tempfile names its temporary file):
/// the OS's own error, or its kind. A message names the file the user chose, not ours.
pub fn without_path(e: &std::io::Error) -> std::io::Error {
    e.raw_os_error().map_or_else(
        || std::io::Error::from(e.kind()),
        std::io::Error::from_raw_os_error,
    )
}

/// [`io_message`] from an error's kind and text (a load error keeps both, not the error).
pub fn io_words(kind: std::io::ErrorKind, text: &str, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (nl, en) = match kind {
        K::NotFound => ("bestaat niet (meer)", "does not exist (any more)"),
        K::PermissionDenied => (
            "geen toegang: vraag lees- of schrijfrechten",
            "permission denied: ask for read or write access",
        ),
        K::AlreadyExists => ("bestaat al", "already exists"),
        K::StorageFull => ("de schijf is vol", "the disk is full"),
        K::QuotaExceeded => ("uw schijfquotum is op", "your disk quota is used up"),
        K::ReadOnlyFilesystem => (
            "de schijf of share is alleen-lezen",
            "the disk or share is read-only",
        ),
        K::IsADirectory => ("is een map, geen bestand", "is a folder, not a file"),
        K::NotADirectory => ("is geen map", "is not a folder"),
        K::FileTooLarge => ("is te groot", "is too large"),
        K::ResourceBusy => (
            "is in gebruik door een ander programma",
            "is in use by another program",
        ),
        K::TimedOut => (
            "de schijf of het netwerk antwoordt niet op tijd",
            "the disk or the network does not answer in time",
        ),
        K::StaleNetworkFileHandle
        | K::NetworkUnreachable
        | K::NetworkDown
        | K::HostUnreachable
        | K::NotConnected
        | K::ConnectionReset
        | K::ConnectionAborted => (
            "de netwerkmap is niet bereikbaar (VPN of netwerk weg?)",
            "the network folder cannot be reached (VPN or network down?)",
        ),
        K::InvalidInput | K::InvalidFilename => ("ongeldige naam", "invalid name"),
        K::Interrupted => ("onderbroken; probeer opnieuw", "interrupted; try again"),
        _ => ("fout van het systeem", "system error"),
    };
    format!("{} ({text})", lang.pick(nl, en))
}

//! The two languages of the program and the few formatting helpers every face shares.
//!
//! Core code never picks a language: it produces data, and the caller renders it in the
//! language the user chose (`--lang` on the command line, a setting in the window).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A user-facing language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Dutch: the language of the counsellors and of the source.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Picks the Dutch or the English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// The language of the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), Dutch unless it
    /// says English: the users are Flemish.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var)
                && !value.is_empty()
            {
                return if value.starts_with("en") {
                    Lang::En
                } else {
                    Lang::Nl
                };
            }
        }
        Lang::Nl
    }
}

/// A text in both languages: the one shape of bilingual text, for words written in the
/// program ([`Text::fixed`], in a `const` table too), read from an asset (it deserializes
/// from `(nl: "…", en: "…")`) or built at run time ([`Text::new`], [`Text::from_fn`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Dutch text.
    pub nl: Cow<'static, str>,
    /// The English text.
    pub en: Cow<'static, str>,
}

impl Text {
    /// Builds a text from its two versions.
    pub fn new(nl: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// A text written in the program.
    pub const fn fixed(nl: &'static str, en: &'static str) -> Self {
        Self {
            nl: Cow::Borrowed(nl),
            en: Cow::Borrowed(en),
        }
    }

    /// The text a function words in each language (an error's `message`, say).
    pub fn from_fn(words: impl Fn(Lang) -> String) -> Self {
        Self::new(words(Lang::Nl), words(Lang::En))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

/// The name of month `m` (1 to 12): "april", "April".
pub fn month_name(m: u32, lang: Lang) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (m.clamp(1, 12) - 1) as usize;
    lang.pick(NL[i], EN[i])
}

/// The name of a weekday, short ("ma", "Mon") or whole ("maandag", "Monday").
pub fn weekday_name(d: chrono::Weekday, short: bool, lang: Lang) -> &'static str {
    const NL: [(&str, &str); 7] = [
        ("ma", "maandag"),
        ("di", "dinsdag"),
        ("wo", "woensdag"),
        ("do", "donderdag"),
        ("vr", "vrijdag"),
        ("za", "zaterdag"),
        ("zo", "zondag"),
    ];
    const EN: [(&str, &str); 7] = [
        ("Mon", "Monday"),
        ("Tue", "Tuesday"),
        ("Wed", "Wednesday"),
        ("Thu", "Thursday"),
        ("Fri", "Friday"),
        ("Sat", "Saturday"),
        ("Sun", "Sunday"),
    ];
    let (nl, en) = (
        NL[d.num_days_from_monday() as usize],
        EN[d.num_days_from_monday() as usize],
    );
    let pick = |(a, b): (&'static str, &'static str)| if short { a } else { b };
    lang.pick(pick(nl), pick(en))
}

/// A date written out, as a screen reader says it: "maandag 15 april 2019", "Monday 15
/// April 2019".
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike as _;
    format!(
        "{} {} {} {}",
        weekday_name(d.weekday(), false, lang),
        d.day(),
        month_name(d.month(), lang),
        d.year()
    )
}

/// A date as people write it: 15/04/2019 in Dutch, 15 Apr 2019 in English.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike as _;
    // By hand: chrono's strftime parses its pattern at every call, a few per cent of wording
    // a large report; a test holds the two to the same text.
    match lang {
        Lang::Nl => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            &month_name(d.month(), Lang::En)[..3],
            d.year()
        ),
    }
}

/// A month as people name it: "mei 2021", "May 2021".
pub fn month_year(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike as _;
    format!("{} {}", month_name(d.month(), lang), d.year())
}

/// Names in a sentence: "A", "A and B", "A, B and C" ("en" in Dutch).
pub fn list(names: &[&str], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("en", "and")),
    }
}

/// `n` things, the noun in the singular or the plural as `n` asks ("1 fout", "4 fouten",
/// "0 errors"), the number written as the language writes it.
pub fn count(n: i64, lang: Lang, nl: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::Nl => nl,
        Lang::En => en,
    };
    format!("{} {}", number(n, lang), if n == 1 { one } else { many })
}

/// "1 dossier", "2.772 dossiers": the word both languages share, counted.
pub fn dossiers(n: i64, lang: Lang) -> String {
    count(n, lang, ("dossier", "dossiers"), ("dossier", "dossiers"))
}

/// "1 laadprobleem", "3 load problems": files that could not be read, counted.
pub fn load_problems(n: i64, lang: Lang) -> String {
    count(
        n,
        lang,
        ("laadprobleem", "laadproblemen"),
        ("load problem", "load problems"),
    )
}

/// A whole number with thousands separators: 2.772 in Dutch, 2,772 in English.
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    // The minus sign, not the hyphen: as wide as the plus, and read as minus aloud.
    if n < 0 {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A number with `decimals` decimals as the language writes it: "1.234,5" or "1,234.5".
pub fn decimal(v: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{:.decimals$}", v.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    // "-0,0" would claim a sign the rounded figure does not have.
    let negative = v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&number(whole, lang));
    if !fraction.is_empty() {
        out.push_str(lang.pick(",", "."));
        out.push_str(fraction);
    }
    out
}

/// A length in days, weeks and months: "182 dagen · 26,0 weken · 6,0 maanden".
pub fn length(days: i64, lang: Lang) -> String {
    let decimal = |x: f64| {
        let t = format!("{x:.1}");
        if lang == Lang::Nl {
            t.replace('.', ",")
        } else {
            t
        }
    };
    format!(
        "{days} {} · {} {} · {} {}",
        lang.pick("dagen", "days"),
        decimal(days as f64 / 7.0),
        lang.pick("weken", "weeks"),
        // An average month: 365.25 / 12 days.
        decimal(days as f64 / 30.4375),
        lang.pick("maanden", "months")
    )
}

#[cfg(test)]
mod tests {
    /// The hand-written date matches chrono's formatting of the same pattern, over every
    /// day of several years (leap years and single-digit days included).
    #[test]
    fn dates_match_chrono() {
        let mut d = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
        while chrono::Datelike::year(&d) < 2030 {
            assert_eq!(super::date(d, Lang::Nl), d.format("%d/%m/%Y").to_string());
            assert_eq!(super::date(d, Lang::En), d.format("%-d %b %Y").to_string());
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn long_dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2019, 4, 15).unwrap();
        assert_eq!(super::long_date(d, Lang::Nl), "maandag 15 april 2019");
        assert_eq!(super::long_date(d, Lang::En), "Monday 15 April 2019");
        assert_eq!(super::month_name(12, Lang::Nl), "december");
        assert_eq!(
            super::weekday_name(chrono::Weekday::Sun, true, Lang::Nl),
            "zo"
        );
    }

    use super::*;

    /// One is singular, every other count plural, in both languages.
    #[test]
    fn counts_take_the_singular_for_one_only() {
        let err = (("fout", "fouten"), ("error", "errors"));
        assert_eq!(count(0, Lang::Nl, err.0, err.1), "0 fouten");
        assert_eq!(count(1, Lang::Nl, err.0, err.1), "1 fout");
        assert_eq!(count(4, Lang::En, err.0, err.1), "4 errors");
        assert_eq!(count(1, Lang::En, err.0, err.1), "1 error");
        assert_eq!(count(2_500, Lang::Nl, err.0, err.1), "2.500 fouten");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(2772, Lang::Nl), "2.772");
        assert_eq!(number(23186, Lang::En), "23,186");
        assert_eq!(number(999, Lang::Nl), "999");
        assert_eq!(number(-1000, Lang::Nl), "−1.000");
        assert_eq!(decimal(-1234.56, 1, Lang::Nl), "−1.234,6");
        assert_eq!(decimal(-0.01, 1, Lang::En), "0.0");
        assert_eq!(decimal(12.5, 2, Lang::En), "12.50");
        assert_eq!(number(1_000_000, Lang::Nl), "1.000.000");
    }

    #[test]
    fn lengths_in_days_weeks_and_months() {
        assert_eq!(
            length(182, Lang::Nl),
            "182 dagen · 26,0 weken · 6,0 maanden"
        );
        assert_eq!(length(7, Lang::En), "7 days · 1.0 weeks · 0.2 months");
    }

    #[test]
    fn dates_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2019, 4, 5).unwrap();
        assert_eq!(date(d, Lang::Nl), "05/04/2019");
        assert_eq!(date(d, Lang::En), "5 Apr 2019");
    }
}

/// `text` made safe to print on a terminal: control characters (an escape sequence that
/// clears the screen, a newline that forges a report line), the line separators and the
/// bidirectional overrides that reorder what is shown are written as `\u{…}` escapes. Text
/// from a file never reaches a terminal raw.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write as _;
    if !has_unsafe_bytes(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a character must not reach a terminal raw: a control character, a line or
/// paragraph separator, or a mark that reorders text.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Whether UTF-8 `bytes` hold an [`unsafe_char`], by their encodings: bytes below 0x20 and
/// 0x7F; C2 80–9F (C1 controls); D8 9C (U+061C); E2 80 8E/8F/A8/A9/AA–AE and E2 81 A6–A9.
/// A byte scan, where decoding characters was a twentieth of wording a large report; a
/// property test holds it to the character test.
fn has_unsafe_bytes(bytes: &[u8]) -> bool {
    // Printable ASCII, the usual line: one pass the compiler vectorises.
    if bytes.iter().all(|&b| (0x20..0x7f).contains(&b)) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let bad = match b {
            0x00..=0x1f | 0x7f => true,
            0xc2 => (0x80..=0x9f).contains(&next(1)),
            0xd8 => next(1) == 0x9c,
            0xe2 => match next(1) {
                0x80 => matches!(next(2), 0x8e | 0x8f | 0xa8..=0xae),
                0x81 => (0xa6..=0xa9).contains(&next(2)),
                _ => false,
            },
            _ => false,
        };
        if bad {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod terminal_tests {
    use super::terminal_safe;

    /// Every character, alone: the byte scan and the character test agree.
    #[test]
    fn the_byte_scan_agrees_on_every_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(
                super::has_unsafe_bytes(bytes),
                super::unsafe_char(c),
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        /// The byte scan finds exactly what the character test finds.
        #[test]
        fn the_byte_scan_agrees_with_the_characters(text in "\\PC*|[\\x00-\\x{ff}\\x{2000}-\\x{206f}\\x{600}-\\x{61f}]{0,40}") {
            proptest::prop_assert_eq!(
                super::has_unsafe_bytes(text.as_bytes()),
                text.chars().any(super::unsafe_char)
            );
        }
    }

    #[test]
    fn hostile_control_characters_never_reach_a_terminal_raw() {
        assert_eq!(terminal_safe("GENT-2019-0042"), "GENT-2019-0042");
        assert_eq!(terminal_safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(terminal_safe("x\nOK: 0 errors"), "x\\u{a}OK: 0 errors");
        assert_eq!(terminal_safe("\u{202e}fdp.exe"), "\\u{202e}fdp.exe");
        assert_eq!(terminal_safe("é ü ß"), "é ü ß");
    }
}

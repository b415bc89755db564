//! The two languages of the program and the few formatting helpers every face shares.
//!
//! Core code never picks a language: it produces data, and the caller renders it in the
//! language the user chose (`--lang` on the command line, a setting in the window).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// A text in both languages, for messages built at run time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The Dutch text.
    pub nl: String,
    /// The English text.
    pub en: String,
}

impl Text {
    /// Builds a text from its two versions.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            nl: nl.into(),
            en: en.into(),
        }
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
    match lang {
        Lang::Nl => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%-d %b %Y").to_string(),
    }
}

/// A whole number with thousands separators: 2.772 in Dutch, 2,772 in English.
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
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

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(2772, Lang::Nl), "2.772");
        assert_eq!(number(23186, Lang::En), "23,186");
        assert_eq!(number(999, Lang::Nl), "999");
        assert_eq!(number(-1000, Lang::Nl), "-1.000");
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
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
            )
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.chars().any(unsafe_char) {
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

#[cfg(test)]
mod terminal_tests {
    use super::terminal_safe;

    #[test]
    fn hostile_control_characters_never_reach_a_terminal_raw() {
        assert_eq!(terminal_safe("GENT-2019-0042"), "GENT-2019-0042");
        assert_eq!(terminal_safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(terminal_safe("x\nOK: 0 errors"), "x\\u{a}OK: 0 errors");
        assert_eq!(terminal_safe("\u{202e}fdp.exe"), "\\u{202e}fdp.exe");
        assert_eq!(terminal_safe("é ü ß"), "é ü ß");
    }
}

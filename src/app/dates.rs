//! Dates in the window: typed as text in the UI language's form or picked from a calendar.

use crate::lang::{self, Lang};
use chrono::{Datelike, NaiveDate};

/// chrono to jiff (the date picker's type).
pub fn to_jiff(d: NaiveDate) -> jiff::civil::Date {
    let year = i16::try_from(d.year()).unwrap_or(2000);
    jiff::civil::Date::new(year, d.month() as i8, d.day() as i8).unwrap_or_default()
}

/// jiff to chrono.
pub fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        d.year().into(),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}

/// Reads a date as people type it: 15/04/2019, 15-4-2019 or 2019-04-15.
pub fn parse_typed(s: &str) -> Option<NaiveDate> {
    parse_typed_why(s).ok()
}

/// Reads a typed date, or says why it is not one, in Dutch and English.
pub fn parse_typed_why(s: &str) -> Result<NaiveDate, (String, String)> {
    let s = s.trim();
    if let Some(d) = crate::model::date_serde::parse(s) {
        return Ok(d);
    }
    // As the English window writes it: 15 Apr 2019.
    if let Ok(d) = NaiveDate::parse_from_str(s, "%d %b %Y") {
        return Ok(d);
    }
    let form = || {
        (
            "schrijf dd/mm/jjjj, bv. 15/04/2019".to_string(),
            "write dd/mm/yyyy, e.g. 15/04/2019".to_string(),
        )
    };
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(form());
    };
    let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) else {
        return Err(form());
    };
    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
        return Ok(date);
    }
    if !(1..=12).contains(&m) {
        return Err((
            format!("er is geen maand {m}"),
            format!("there is no month {m}"),
        ));
    }
    let days = crate::model::calendar::days_in_month(y, m);
    Err((
        format!("{} {y} telt {days} dagen", MONTHS_NL[m as usize - 1]),
        format!("{} {y} has {days} days", MONTHS_EN[m as usize - 1]),
    ))
}

const MONTHS_NL: [&str; 12] = [
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
const MONTHS_EN: [&str; 12] = [
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

/// A date field with its label in front: a text box (type and press Enter, or leave it)
/// and a calendar button. Returns the new date when the user set one.
pub fn date_edit(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    value: NaiveDate,
    lang: Lang,
) -> Option<NaiveDate> {
    ui.horizontal(|ui| {
        let label_id = ui.label(label).id;
        date_edit_by(ui, id, label_id, value, lang)
    })
    .inner
}

/// A date field named by a widget already on screen (a checkbox, a row number). A date
/// that does not exist (31/02/2019) stays as typed, in red, with the reason beside it, until
/// it is corrected or Esc takes the field back to its date.
pub fn date_edit_by(
    ui: &mut egui::Ui,
    id: &str,
    label_id: egui::Id,
    value: NaiveDate,
    lang: Lang,
) -> Option<NaiveDate> {
    let mut out = None;
    ui.horizontal(|ui| {
        let text_id = ui.scope_id().with(("date-text", id));
        let typed = ui.data_mut(|d| d.get_temp::<String>(text_id));
        // Only what was typed can be wrong; the date as written is the date.
        let invalid = typed.as_deref().and_then(|t| parse_typed_why(t).err());
        let mut text = typed.unwrap_or_else(|| lang::date(value, lang));
        let red =
            crate::app::palette::severity(crate::rules::Severity::Error, ui.visuals().dark_mode);
        let mut field = egui::TextEdit::singleline(&mut text).desired_width(90.0);
        if invalid.is_some() {
            field = field.text_color(red);
        }
        let response = ui.add(field).labelled_by(label_id);
        let escaped = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
        if escaped {
            ui.data_mut(|d| d.remove::<String>(text_id));
        } else if response.has_focus() || response.lost_focus() {
            ui.data_mut(|d| d.insert_temp(text_id, text.clone()));
        }
        if response.lost_focus() && !escaped {
            // A date that is not one is kept as typed, in red, until corrected.
            if let Ok(d) = parse_typed_why(&text) {
                if d != value {
                    out = Some(d);
                }
                ui.data_mut(|d| d.remove::<String>(text_id));
            }
        }
        if let (Some((nl, en)), false) = (&invalid, escaped) {
            ui.colored_label(red, lang.pick(nl, en));
        }
        let before = to_jiff(value);
        let mut picked = before;
        ui.add(
            egui_extras::DatePickerButton::new(&mut picked)
                .id_salt(id)
                .show_icon(false)
                .format("📅")
                .calendar_week(false),
        );
        if picked != before
            && let Some(d) = from_jiff(picked)
        {
            ui.data_mut(|d| d.remove::<String>(text_id));
            out = Some(d);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates() {
        let d = NaiveDate::from_ymd_opt(2019, 4, 15).unwrap();
        assert_eq!(parse_typed("15/04/2019"), Some(d));
        assert_eq!(parse_typed("15-4-2019"), Some(d));
        assert_eq!(parse_typed(" 2019-04-15 "), Some(d));
        assert_eq!(parse_typed("30/02/2019"), None);
        assert_eq!(parse_typed("15 Apr 2019"), Some(d));
        let why = |s: &str| parse_typed_why(s).unwrap_err();
        assert_eq!(why("31/02/2019").1, "February 2019 has 28 days");
        assert!(parse_typed("29/02/2020").is_some(), "2020 is a leap year");
        assert_eq!(why("29/02/2019").1, "February 2019 has 28 days");
        assert_eq!(why("01/13/2019").0, "er is geen maand 13");
        assert!(why("morgen").1.starts_with("write dd/mm/yyyy"));
        assert_eq!(from_jiff(to_jiff(d)), Some(d));
    }
}

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
    let s = s.trim();
    if let Some(d) = crate::model::date_serde::parse(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if let [d, m, y] = parts.as_slice() {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    None
}

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

/// A date field named by a widget already on screen (a checkbox, a row number).
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
        let mut text = ui
            .data_mut(|d| d.get_temp::<String>(text_id))
            .unwrap_or_else(|| lang::date(value, lang));
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(90.0))
            .labelled_by(label_id);
        if response.has_focus() || response.lost_focus() {
            ui.data_mut(|d| d.insert_temp(text_id, text.clone()));
        }
        if response.lost_focus() {
            if let Some(d) = parse_typed(&text)
                && d != value
            {
                out = Some(d);
            }
            ui.data_mut(|d| d.remove::<String>(text_id));
        } else if !response.has_focus() {
            ui.data_mut(|d| d.remove::<String>(text_id));
        }
        if response.has_focus() && parse_typed(&text).is_none() && !text.is_empty() {
            response.on_hover_text(lang.pick("Schrijf dd/mm/jjjj", "Write dd/mm/yyyy"));
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
        assert_eq!(from_jiff(to_jiff(d)), Some(d));
    }
}

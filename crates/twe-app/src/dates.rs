//! Dates in the window: typed as text in the UI language's form or picked from a calendar.

use super::command::Command;
use chrono::{Datelike, Days, NaiveDate};
use twe_core::lang::{self, Lang, Text};
use twe_core::model::calendar::{month_page, shift_months};

/// Reads a date as people type it: 15/04/2019, 15-4-2019 or 2019-04-15.
pub fn parse_typed(s: &str) -> Option<NaiveDate> {
    parse_typed_why(s).ok()
}

/// Reads a typed date, or says why it is not one, in Dutch and English.
pub fn parse_typed_why(s: &str) -> Result<NaiveDate, Text> {
    let s = s.trim();
    if let Some(d) = twe_core::model::date_serde::parse(s) {
        return Ok(d);
    }
    // As the English window writes it: 15 Apr 2019.
    if let Ok(d) = NaiveDate::parse_from_str(s, "%d %b %Y") {
        return Ok(d);
    }
    let form = || {
        Text::fixed(
            "schrijf dd/mm/jjjj, bv. 15/04/2019",
            "write dd/mm/yyyy, e.g. 15/04/2019",
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
        return Err(Text::new(
            format!("er is geen maand {m}"),
            format!("there is no month {m}"),
        ));
    }
    let days = twe_core::model::calendar::days_in_month(y, m);
    Err(Text::new(
        format!("{} {y} telt {days} dagen", lang::month_name(m, Lang::Nl)),
        format!("{} {y} has {days} days", lang::month_name(m, Lang::En)),
    ))
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
            crate::palette::severity(twe_core::rules::Severity::Error, ui.visuals().dark_mode);
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
        // A whole date counts the moment it is typed (Ctrl+S in the field saved the old
        // one); while the field has the focus, its text stays as typed.
        if response.changed()
            && complete(&text)
            && let Ok(d) = parse_typed_why(&text)
            && d != value
        {
            out = Some(d);
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
        let now = ui.ctx().cumulative_frame_nr();
        let why = invalid.as_ref().filter(|_| !escaped);
        note_unfinished(
            ui.ctx(),
            text_id,
            now,
            why.map(|why| (text.clone(), why.clone())),
        );
        if let Some(d) = calendar_button(ui, id, value, lang) {
            ui.data_mut(|d| d.remove::<String>(text_id));
            out = Some(d);
        }
        if let Some(why) = why {
            // After the calendar, wrapped in the room the row has left: on one line, a
            // reason widened the editor's panel, which kept the width once it was mended.
            ui.add(egui::Label::new(egui::RichText::new(why.get(lang)).color(red)).wrap());
        }
    });
    out
}

/// Whether a typed date is whole: a year of four digits (15/04/201 is not yet 15/04/2019,
/// though it is a date), or the English window's form.
fn complete(text: &str) -> bool {
    let t = text.trim();
    let digits_at_end = t.chars().rev().take_while(char::is_ascii_digit).count();
    let iso = t.len() == 10 && t.as_bytes().get(4) == Some(&b'-');
    iso || digits_at_end == 4
}

/// The date fields whose text is not a date, with the frame they were last drawn in.
type Unfinished = std::collections::HashMap<egui::Id, (u64, String, Text)>;

fn unfinished_id() -> egui::Id {
    egui::Id::unique("unfinished-dates")
}

/// Keeps (or forgets) field `id`'s text that is not a date, as drawn in frame `frame`.
fn note_unfinished(ctx: &egui::Context, id: egui::Id, frame: u64, typed: Option<(String, Text)>) {
    ctx.data_mut(|d| {
        let map = d.get_temp_mut_or_default::<Unfinished>(unfinished_id());
        match typed {
            Some((text, why)) => {
                map.insert(id, (frame, text, why));
            }
            None => {
                map.remove(&id);
            }
        }
    });
}

/// A date field on screen whose text is not a date (drawn this frame or the one before),
/// said for people: what was typed and why it is no date. Saving and closing wait for it:
/// the dossier keeps the date it had, and the user is told so.
pub fn unfinished(ctx: &egui::Context) -> Option<Text> {
    let now = ctx.cumulative_frame_nr();
    ctx.data(|d| {
        d.get_temp::<Unfinished>(unfinished_id())?
            .values()
            .filter(|(frame, ..)| frame + 1 >= now)
            .map(|(_, text, why)| {
                Text::new(
                    format!(
                        "«{text}» is geen datum: {}. Verbeter de datum of druk Esc in het veld.",
                        why.nl
                    ),
                    format!(
                        "«{text}» is not a date: {}. Correct the date or press Esc in the field.",
                        why.en
                    ),
                )
            })
            .next()
    })
}

/// The calendar button beside a date field, and its month in a popup, in the window's
/// language (`egui_extras`' picker is English only): click a day, or move with the arrows (a
/// day, a week), Page Up/Down (a month; with Shift a year) and pick with Enter; Esc closes.
/// Returns the picked date.
fn calendar_button(ui: &mut egui::Ui, id: &str, value: NaiveDate, lang: Lang) -> Option<NaiveDate> {
    let popup_id = ui.make_persistent_id(("calendar", id));
    let cursor_id = popup_id.with("cursor");
    // An open calendar has the keyboard: its keys are taken before its own button sees
    // Enter or Space (which would close it unpicked), and the arrows and Tab do not move the
    // focus while it is open (they moved it to the button beside, "Duplicate", which Enter
    // then pressed).
    let open = egui::Popup::is_id_open(ui.ctx(), popup_id);
    let mut cursor = ui.data(|d| d.get_temp(cursor_id)).unwrap_or(value);
    let keys = open.then(|| calendar_keys(ui, &mut cursor));
    let button = ui
        .button("📅")
        .on_hover_text(lang.pick("Kalender", "Calendar"));
    if open {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                button.id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
    }
    button.widget_info(|| {
        let name = format!(
            "{}: {}",
            lang.pick("Kalender openen", "Open the calendar"),
            lang::long_date(value, lang)
        );
        egui::WidgetInfo::labeled(egui::Role::Button, true, name)
    });
    if button.clicked() {
        // Each opening starts at the field's date.
        cursor = value;
    }
    let mut picked = None;
    let mut close = keys.as_ref().is_some_and(|k| k.close);
    egui::Popup::from_toggle_button_response(&button)
        .id(popup_id)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            picked = month_ui(ui, &mut cursor, value, lang).or(keys.and_then(|k| k.picked));
            close |= picked.is_some();
        });
    ui.data_mut(|d| d.insert_temp(cursor_id, cursor));
    if close {
        egui::Popup::close_id(ui.ctx(), popup_id);
    }
    picked.filter(|d| *d != value)
}

/// What the keyboard did in an open calendar.
struct CalendarKeys {
    picked: Option<NaiveDate>,
    close: bool,
}

/// The calendar's keys, taken before other widgets see them (the timeline moves bars with
/// the same arrows).
fn calendar_keys(ui: &mut egui::Ui, cursor: &mut NaiveDate) -> CalendarKeys {
    ui.input_mut(|i| {
        let day = |d: NaiveDate, n: i64| {
            let moved = if n < 0 {
                d.checked_sub_days(Days::new(n.unsigned_abs()))
            } else {
                d.checked_add_days(Days::new(n.unsigned_abs()))
            };
            moved.unwrap_or(d)
        };
        for (command, step) in [
            (Command::DayEarlier, -1),
            (Command::DayLater, 1),
            (Command::WeekEarlier, -7),
            (Command::WeekLater, 7),
        ] {
            if command.consume(i) {
                *cursor = day(*cursor, step);
            }
        }
        // With Shift first: egui matches a plain key even when Shift is held.
        for (command, months) in [
            (Command::YearEarlier, -12),
            (Command::YearLater, 12),
            (Command::MonthEarlier, -1),
            (Command::MonthLater, 1),
        ] {
            if command.consume(i) {
                *cursor = shift_months(*cursor, months);
            }
        }
        CalendarKeys {
            picked: Command::PickDay.consume(i).then_some(*cursor),
            close: Command::CloseCalendar.consume(i),
        }
    })
}

/// A month page: the month and year with buttons to step them, the weekdays from Monday,
/// six weeks of days, and today. Returns a clicked day.
fn month_ui(
    ui: &mut egui::Ui,
    cursor: &mut NaiveDate,
    value: NaiveDate,
    lang: Lang,
) -> Option<NaiveDate> {
    let mut picked = None;
    ui.horizontal(|ui| {
        for (icon, name, months) in [
            ("⏪", lang.pick("Vorig jaar", "Previous year"), -12),
            ("◀", lang.pick("Vorige maand", "Previous month"), -1),
        ] {
            if named_button(ui, icon, name).clicked() {
                *cursor = shift_months(*cursor, months);
            }
        }
        ui.add_sized(
            [130.0, ui.spacing().interact_size.y],
            egui::Label::new(
                egui::RichText::new(format!(
                    "{} {}",
                    lang::month_name(cursor.month(), lang),
                    cursor.year()
                ))
                .strong(),
            ),
        );
        for (icon, name, months) in [
            ("▶", lang.pick("Volgende maand", "Next month"), 1),
            ("⏩", lang.pick("Volgend jaar", "Next year"), 12),
        ] {
            if named_button(ui, icon, name).clicked() {
                *cursor = shift_months(*cursor, months);
            }
        }
    });
    let today = chrono::Local::now().date_naive();
    let size = egui::vec2(30.0, ui.spacing().interact_size.y);
    egui::Grid::new("calendar-days")
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            let page = month_page(cursor.year(), cursor.month());
            for day in &page[..7] {
                ui.add_sized(
                    size,
                    egui::Label::new(
                        egui::RichText::new(lang::weekday_name(day.weekday(), true, lang)).weak(),
                    ),
                );
            }
            ui.end_row();
            for week in page.chunks(7) {
                for &day in week {
                    if day_button(ui, day, (*cursor, value, today), size, lang).clicked() {
                        picked = Some(day);
                    }
                }
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if ui.button(lang.pick("Vandaag", "Today")).clicked() {
            picked = Some(today);
        }
        ui.weak(lang.pick(
            "pijlen: dag/week · PgUp/PgDn: maand · Enter: kiezen",
            "arrows: day/week · PgUp/PgDn: month · Enter: pick",
        ));
    });
    picked
}

/// One day of the page: the chosen date filled, the keyboard's day and today outlined,
/// days of other months faint; a screen reader hears the whole date.
fn day_button(
    ui: &mut egui::Ui,
    day: NaiveDate,
    (cursor, value, today): (NaiveDate, NaiveDate, NaiveDate),
    size: egui::Vec2,
    lang: Lang,
) -> egui::Response {
    let mut text = egui::RichText::new(day.day().to_string());
    if day.month() != cursor.month() {
        text = text.weak();
    }
    let mut button = egui::Button::selectable(day == value, text).min_size(size);
    if day == cursor {
        button = button.stroke(ui.visuals().widgets.active.fg_stroke);
    } else if day == today {
        button = button.stroke(ui.visuals().widgets.inactive.fg_stroke);
    }
    let response = ui.add(button);
    let mut name = lang::long_date(day, lang);
    if day == value {
        name.push_str(lang.pick(", gekozen", ", selected"));
    }
    if day == today {
        name.push_str(lang.pick(", vandaag", ", today"));
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response
}

/// A button showing an icon, named for screen readers and on hover.
fn named_button(ui: &mut egui::Ui, icon: &str, name: &str) -> egui::Response {
    let response = ui.button(icon).on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response
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
        assert_eq!(why("31/02/2019").en, "February 2019 has 28 days");
        assert!(parse_typed("29/02/2020").is_some(), "2020 is a leap year");
        assert_eq!(why("29/02/2019").en, "February 2019 has 28 days");
        assert_eq!(why("01/13/2019").nl, "er is geen maand 13");
        assert!(why("morgen").en.starts_with("write dd/mm/yyyy"));
    }
}

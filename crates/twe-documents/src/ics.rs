//! The agenda as an iCalendar file (RFC 5545) that Outlook and Thunderbird import, as
//! DOMAIN.md specifies: one all-day event per item, its UID `ID-KIND@twe-planner` so that a
//! later export moves the event instead of adding one, SEQUENCE growing with the export
//! time, not shown as busy, a reminder the morning before, and no client name unless asked
//! (calendars sync to servers).
//!
//! Written with the `icalendar` crate, which escapes text values and folds long lines as the
//! RFC demands; what comes from a file is also stripped of control characters first.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Related, Trigger};
use std::fmt::Write as _;
use twe_core::lang::{self, Lang};
use twe_core::model::Dossier;
use twe_core::rules::agenda::Item;

/// How an export is written.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Language of summaries and descriptions.
    pub lang: Lang,
    /// Whether summaries name the client (off by default: calendars sync to servers).
    pub names: bool,
    /// When the export is made: DTSTAMP, and the SEQUENCE that lets a later export win.
    pub stamp: DateTime<Utc>,
}

/// The reminder: 15 hours before the all-day event starts at midnight, so 09:00 the day
/// before.
const REMINDER_HOURS_BEFORE: i64 = 15;

/// The first day SEQUENCE counts from: the measure's start.
fn sequence_epoch() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2017, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(DateTime::UNIX_EPOCH, |t| t.and_utc())
}

/// SEQUENCE for an export made at `stamp`: minutes since 1 January 2017, so that every later
/// export (also one the same day) carries a higher number and replaces the event it moves.
pub fn sequence(stamp: DateTime<Utc>) -> u32 {
    u32::try_from((stamp - sequence_epoch()).num_minutes().max(0)).unwrap_or(u32::MAX)
}

/// A text from a file with its control characters left out: the crate escapes line
/// breaks, but a calendar has no use for a carriage return or an escape sequence.
fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// The UID of a dossier's item of a kind: `ID-KIND@twe-planner`, with every byte of the id
/// outside letters, digits, `.`, `_` and `-` written as `%XX`, so that two ids never share
/// a UID and nothing in an id can end the line.
pub fn uid(id: &str, kind: &str) -> String {
    let mut out = String::with_capacity(id.len() + kind.len() + 12);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out.push('-');
    out.push_str(kind);
    out.push_str("@twe-planner");
    out
}

/// An overdue finding to put in the calendar: what was due and when, as the agenda lists it
/// among "overdue".
pub struct Late<'a> {
    /// Its dossier.
    pub dossier: &'a Dossier,
    /// The rule's id (for the event's UID).
    pub rule: &'static str,
    /// The finding's message.
    pub message: String,
    /// The day it was due.
    pub due: NaiveDate,
}

impl<'a> Late<'a> {
    /// The finding `f` of `dossier` as an overdue event, if it was due before `today`: the
    /// window's export and `agenda --format ics` put the same ones in the calendar.
    pub fn of(
        dossier: &'a Dossier,
        f: &twe_core::rules::Finding,
        today: NaiveDate,
        lang: Lang,
    ) -> Option<Late<'a>> {
        let due = twe_core::rules::agenda::overdue(f, dossier, today)?;
        Some(Late {
            dossier,
            rule: f.rule.id,
            message: f.message(dossier, lang),
            due,
        })
    }
}

/// The calendar of `items` (each with its dossier), as text with CRLF line ends.
pub fn calendar(items: &[(&Dossier, Item)], opts: &Options) -> String {
    calendar_with(items, &[], NaiveDate::MIN, opts)
}

/// The calendar of `items` and of `late`, the overdue findings, each an event on `today`
/// marked as overdue ("TE LAAT sinds …") so it stands where the counsellor looks first.
/// Made as [`write_calendar`] writes a calendar a part of the folder at a time.
pub fn calendar_with(
    items: &[(&Dossier, Item)],
    late: &[Late<'_>],
    today: NaiveDate,
    opts: &Options,
) -> String {
    let mut entries: Vec<Entry> = late.iter().map(|l| Entry::late(l, today, opts)).collect();
    entries.extend(items.iter().map(|(d, item)| Entry::item(d, *item, opts)));
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_calendar(entries, &mut out, opts);
    String::from_utf8(out).unwrap_or_default()
}

/// One event of a calendar, its words made while its dossier is at hand (a calendar of a
/// quarter of a million dossiers keeps these, never the dossiers).
pub struct Entry {
    uid: String,
    summary: String,
    description: String,
    day: NaiveDate,
    /// Where it stands: the overdue first, by the day they were due and the dossier; then
    /// the items as the agenda lists them, by due day, dossier and kind.
    key: (
        bool,
        NaiveDate,
        String,
        Option<twe_core::rules::agenda::Kind>,
    ),
}

impl Entry {
    /// The overdue finding `l`, an event on `today`.
    pub fn late(l: &Late<'_>, today: NaiveDate, opts: &Options) -> Entry {
        let lang = opts.lang;
        let summary = format!(
            "{}: {} {}",
            who(l.dossier, opts),
            lang.pick("TE LAAT sinds", "OVERDUE since"),
            twe_core::lang::date(l.due, lang)
        );
        Entry {
            uid: uid(&l.dossier.id, &format!("late-{}", l.rule)),
            summary,
            description: describe(l.dossier, &l.message, lang),
            day: today,
            key: (false, l.due, l.dossier.id.clone(), None),
        }
    }

    /// The agenda item `item` of dossier `d`, an event on its due day.
    pub fn item(d: &Dossier, item: Item, opts: &Options) -> Entry {
        let lang = opts.lang;
        Entry {
            uid: uid(&d.id, item.kind.id()),
            summary: format!("{}: {}", who(d, opts), item.kind.action(lang)),
            description: describe(d, &item.message(d, lang), lang),
            day: item.due.day,
            key: (true, item.due.day, d.id.clone(), Some(item.kind)),
        }
    }
}

/// Who an event is about: the dossier's id, and the client's name when asked.
fn who(d: &Dossier, opts: &Options) -> String {
    let id = clean(&d.id);
    if opts.names {
        format!("{id} ({})", clean(&d.client))
    } else {
        id
    }
}

/// An event's description: the message, then the dossier and its OCMW.
fn describe(d: &Dossier, message: &str, lang: Lang) -> String {
    format!(
        "{}\n{}: {} ({})",
        clean(message),
        lang.pick("Dossier", "Dossier"),
        clean(&d.id),
        clean(&d.ocmw),
    )
}

/// Writes the calendar of `entries` to `out`, an event at a time: the overdue first, then
/// the items as the agenda lists them; of two events with one UID (two dossiers with one id,
/// which a load error says) the first is kept, as a calendar would merge them at random.
pub fn write_calendar(
    mut entries: Vec<Entry>,
    out: &mut dyn std::io::Write,
    opts: &Options,
) -> std::io::Result<()> {
    // Empty, not `new`: the crate's default PRODID would stand beside ours.
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//twe-planner//TWE-OCMW agenda//NL"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(icalendar::Property::new(key, value));
    }
    cal.name("TWE-OCMW agenda");
    // The crate writes the calendar around its events: its beginning and its end, with
    // the events written one by one between them.
    let empty = fold(&cal.done().to_string());
    let end = "END:VCALENDAR\r\n";
    let head = empty.strip_suffix(end).unwrap_or(&empty);
    out.write_all(head.as_bytes())?;
    entries.sort_by(|a, b| a.key.cmp(&b.key));
    let mut uids = std::collections::HashSet::new();
    for e in entries {
        if !uids.insert(e.uid.clone()) {
            continue;
        }
        let event = event(&e.uid, &e.summary, &e.description, e.day, opts);
        out.write_all(fold(&icalendar::Component::to_string(&event)).as_bytes())?;
    }
    out.write_all(end.as_bytes())
}

/// One all-day event on `day`, free time, with a reminder the evening before.
fn event(uid: &str, summary: &str, description: &str, day: NaiveDate, opts: &Options) -> Event {
    let next = day.succ_opt().unwrap_or(day);
    // The crate gives every component a DTSTAMP and a UID when it has none, random and of
    // the moment: the reminder's are set, so one export is the same file twice.
    let reminder = Alarm::display(
        summary,
        Trigger::from((
            -chrono::Duration::hours(REMINDER_HOURS_BEFORE),
            Related::Start,
        )),
    )
    .uid(&format!("{uid}-alarm"))
    .timestamp(opts.stamp)
    .done();
    Event::new()
        .uid(uid)
        .summary(summary)
        .description(description)
        .starts(day)
        .ends(next)
        .timestamp(opts.stamp)
        .sequence(sequence(opts.stamp))
        .add_property("TRANSP", "TRANSPARENT")
        .add_property("CATEGORIES", "TWE-OCMW")
        .add_property("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")
        .alarm(reminder)
        .done()
}

/// The most octets a line of an iCalendar file may hold, its line break left out (RFC 5545,
/// 3.1).
const LINE_OCTETS: usize = 75;

/// `text` with every line folded to at most [`LINE_OCTETS`] octets, only ever between two
/// characters: the crate's own folding counts some lines in characters and others in
/// octets, and left a line of 76 octets for an id in Cyrillic. Its folds are undone first
/// (a line break and one blank start a folded line's continuation; text values carry no
/// line break of their own, it is escaped as `\n`).
fn fold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 25);
    for line in unfolded.split_terminator("\r\n") {
        let mut room = LINE_OCTETS;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > room {
                out.push_str("\r\n ");
                // The blank that starts the continuation counts.
                room = LINE_OCTETS - 1;
                used = 0;
            }
            out.push(c);
            used += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

/// A file name for an export made on `today`: `twe-agenda-2026-11-27.ics`.
pub fn file_name(today: NaiveDate) -> String {
    format!("twe-agenda-{}.ics", today.format("%Y-%m-%d"))
}

/// The export time: now, or `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible files.
pub fn now() -> DateTime<Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .unwrap_or_else(Utc::now)
}

/// One line saying what an export holds, for the status bar and the command line.
pub fn summary_line(count: usize, names: bool, lang: Lang) -> String {
    format!(
        "{} {}{}",
        lang::number(count as i64, lang),
        lang.pick("agenda-items als kalender", "agenda items as a calendar"),
        if names {
            lang.pick(" (met namen van cliënten)", " (with client names)")
        } else {
            lang.pick(" (zonder namen)", " (without names)")
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use twe_core::rules::CheckContext;
    use twe_core::rules::agenda;

    fn sample_items(today: &str) -> Vec<(Dossier, Item)> {
        let today = twe_core::model::date_serde::parse(today).unwrap();
        let ctx = CheckContext::new(today);
        twe_core::sample::load()
            .dossiers
            .into_iter()
            .flat_map(|l| {
                let d = l.dossier;
                agenda::dossier(&d, &ctx)
                    .into_iter()
                    .map(move |i| (d.clone(), i))
            })
            .collect()
    }

    /// The events stand as the agenda lists the items: by due day, dossier, kind.
    fn in_agenda_order(items: &mut [(Dossier, Item)]) {
        items.sort_by(|a, b| {
            (a.1.due.day, &a.0.id, a.1.kind).cmp(&(b.1.due.day, &b.0.id, b.1.kind))
        });
    }

    fn stamp(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn export(items: &[(Dossier, Item)], names: bool, at: &str) -> String {
        let refs: Vec<(&Dossier, Item)> = items.iter().map(|(d, i)| (d, *i)).collect();
        calendar(
            &refs,
            &Options {
                lang: Lang::En,
                names,
                stamp: stamp(at),
            },
        )
    }

    #[test]
    fn a_real_parser_reads_every_event_back_with_its_dates() {
        let mut items = sample_items("2026-03-02");
        assert!(items.len() >= 5, "{}", items.len());
        in_agenda_order(&mut items);
        let text = export(&items, false, "2026-03-02T08:30:00Z");
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<&Event> = parsed.events().collect();
        assert_eq!(events.len(), items.len());
        for ((d, item), event) in items.iter().zip(&events) {
            assert_eq!(event.get_uid(), Some(uid(&d.id, item.kind.id()).as_str()));
            let start: NaiveDate = event.get_start().unwrap().into();
            let end: NaiveDate = event.get_end().unwrap().into();
            assert_eq!(start, item.due.day);
            assert_eq!(end, item.due.day.succ_opt().unwrap(), "DTEND is exclusive");
            assert_eq!(event.property_value("TRANSP"), Some("TRANSPARENT"));
            assert_eq!(
                event.get_sequence(),
                Some(sequence(stamp("2026-03-02T08:30:00Z")))
            );
            assert!(!event.get_summary().unwrap().contains(&d.client));
            assert_eq!(event.components().len(), 1, "one VALARM");
        }
        assert!(text.contains("DTSTART;VALUE=DATE:"), "{text}");
        // 15 hours before midnight, written in seconds by the crate: 09:00 the day before.
        assert!(text.contains("TRIGGER;RELATED=START:-PT54000S"), "{text}");
        assert_eq!(
            text,
            export(&items, false, "2026-03-02T08:30:00Z"),
            "the same file twice"
        );
        assert!(text.contains("TRANSP:TRANSPARENT\r\n"));
        assert!(text.lines().all(|l| l.len() <= 75), "lines are folded");
        assert_eq!(text.matches("PRODID:").count(), 1);
        assert!(text.contains("DTSTAMP:20260302T083000Z"));
    }

    /// Every line at most 75 octets, folded only between characters, for ids and names in
    /// any script (an id in Cyrillic left a line of 76 octets, issue 20); a parser reads the
    /// text back whole.
    #[test]
    fn every_line_is_at_most_75_octets_and_unfolds_to_the_text() {
        let sample = sample_items("2026-03-02");
        // Ids of every length, in Latin and Cyrillic letters: some line then ends exactly
        // where the crate's last fold left 75 octets after the blank.
        let mut items: Vec<(Dossier, Item)> = (0..160)
            .map(|k| {
                let (mut d, item) = sample[k % sample.len()].clone();
                d.id = if k % 2 == 0 {
                    "a".repeat(k)
                } else {
                    format!("{}-Дело-{k}", "Ж".repeat(k / 2))
                };
                (d, item)
            })
            .collect();
        items[1].0.client = "Αλέξανδρος 老虎 😀".repeat(3);
        in_agenda_order(&mut items);
        let text = export(&items, true, "2026-03-02T08:30:00Z");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<&Event> = parsed.events().collect();
        assert_eq!(events.len(), items.len());
        for ((d, item), event) in items.iter().zip(&events) {
            assert!(event.get_summary().unwrap().starts_with(&d.id), "{d:?}");
            assert_eq!(event.get_uid(), Some(uid(&d.id, item.kind.id()).as_str()));
        }
        assert_eq!(
            fold(&fold(&text)),
            fold(&text),
            "folding twice is folding once"
        );
    }

    #[test]
    fn a_later_export_carries_a_higher_sequence_and_the_same_uids() {
        let items = sample_items("2026-03-02");
        let first = export(&items, false, "2026-03-02T08:30:00Z");
        let later = export(&items, false, "2026-03-02T08:31:00Z");
        let uids = |t: &str| -> Vec<String> {
            let c: Calendar = t.parse().unwrap();
            c.events()
                .map(|e| e.get_uid().unwrap().to_string())
                .collect()
        };
        assert_eq!(uids(&first), uids(&later));
        assert!(sequence(stamp("2026-03-02T08:31:00Z")) > sequence(stamp("2026-03-02T08:30:00Z")));
        assert!(sequence(stamp("2027-01-01T00:00:00Z")) > sequence(stamp("2026-12-31T23:00:00Z")));
    }

    #[test]
    fn two_dossiers_with_one_id_give_one_event_per_uid() {
        let mut items = sample_items("2026-03-02");
        let mut twin = items[0].clone();
        twin.0.client = "A Twin".into();
        items.push(twin);
        let text = export(&items, false, "2026-03-02T08:30:00Z");
        let parsed: Calendar = text.parse().unwrap();
        assert_eq!(parsed.events().count(), items.len() - 1);
    }

    #[test]
    fn names_only_when_asked() {
        let items = sample_items("2026-03-02");
        let client = &items[0].0.client;
        assert!(!export(&items, false, "2026-03-02T08:30:00Z").contains(client.as_str()));
        assert!(export(&items, true, "2026-03-02T08:30:00Z").contains(client.as_str()));
    }

    #[test]
    fn hostile_ids_and_names_cannot_break_a_line_or_share_a_uid() {
        let mut items = sample_items("2026-03-02");
        items.truncate(2);
        items[0].0.id = "A\r\nEND:VCALENDAR\r\nBEGIN:VEVENT;x".into();
        items[0].0.client = "Eve\u{1b}[2J,;\\".into();
        items[1].0.id = "A_B".into();
        let mut third = items[1].clone();
        third.0.id = "A%5FB".into();
        items.push(third);
        let text = export(&items, true, "2026-03-02T08:30:00Z");
        let parsed: Calendar = text.parse().unwrap();
        assert_eq!(parsed.events().count(), 3);
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with("END:VCALENDAR"))
                .count(),
            1
        );
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with("BEGIN:VEVENT"))
                .count(),
            3
        );
        assert!(!text.contains('\u{1b}'));
        let uids: std::collections::BTreeSet<_> = parsed
            .events()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect();
        assert_eq!(uids.len(), 3, "{uids:?}");
        assert_eq!(
            uid("a/b c", "trajectory-end"),
            "a%2Fb%20c-trajectory-end@twe-planner"
        );
    }
}

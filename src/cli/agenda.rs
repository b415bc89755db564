//! `agenda`: what must be done in dossier files or folders, and by when, as text, JSON or
//! an iCalendar file.

use super::args::{Io, JsonLoadError, LangArg, context, of_counsellor, parse_date};
use super::exit_status;
use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;
use std::path::PathBuf;
use twe_core::files::LoadedDossier;
use twe_core::lang::{self, Lang};
use twe_core::rules::CheckContext;
use twe_core::rules::agenda::{self, Group, Item};

/// `agenda`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Dossier files, or folders (every .ron file below them).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The reference date (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    today: Option<NaiveDate>,
    /// Keep the items due on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    until: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the messages.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Name the clients (text and calendar; off by default, calendars sync to servers).
    #[arg(long)]
    names: bool,
    /// Count the two-a-year target per calendar year instead of per trajectory year.
    #[arg(long)]
    calendar_years: bool,
    /// Keep only the dossiers of this counsellor (case and spacing aside).
    #[arg(long, value_name = "NAME")]
    counsellor: Option<String>,
    /// Calendar only: leave out what is overdue (by default each overdue item is an event
    /// today, marked as overdue, as the window's export does).
    #[arg(long)]
    without_overdue: bool,
}

/// Formats of `agenda`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text, one line per item.
    Text,
    /// One JSON object.
    Json,
    /// An iCalendar file (RFC 5545) for Outlook or Thunderbird.
    Ics,
}

#[derive(Serialize)]
struct JsonAgenda {
    today: NaiveDate,
    items: Vec<JsonItem>,
    load_errors: Vec<JsonLoadError>,
}

#[derive(Serialize)]
struct JsonItem {
    id: String,
    path: String,
    kind: &'static str,
    due: NaiveDate,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    client: Option<String>,
}

/// Every item due from the reference date (to `--until`), sorted by due date then dossier
/// id. Exit 0 when every file loaded, else 2.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let ctx = context(args.today, args.calendar_years);
    let lang = LangArg::or_env(args.lang);
    if args.format == Format::Ics {
        return calendar(args, &ctx, lang, io);
    }
    let (items, errors) = items_in_parts(args, &ctx, lang, twe_core::files::PART);
    match args.format {
        Format::Json => {
            let report = JsonAgenda {
                today: ctx.today,
                items: items
                    .into_iter()
                    .map(|w| JsonItem {
                        id: w.id,
                        path: w.path,
                        kind: w.kind.id(),
                        due: w.due,
                        message: w.message,
                        client: w.client,
                    })
                    .collect(),
                load_errors: errors.iter().map(|e| JsonLoadError::of(e, lang)).collect(),
            };
            serde_json::to_writer_pretty(&mut *io.out, &report)?;
            writeln!(io.out)?;
        }
        // Written apart above, a part of the folder at a time.
        Format::Ics => {}
        Format::Text => {
            io.load_errors(&errors, lang)?;
            text(&items, &ctx, lang, io)?;
            writeln!(
                io.out,
                "{} {} {}; {}",
                lang::count(
                    items.len() as i64,
                    lang,
                    ("agenda-item", "agenda-items"),
                    ("agenda item", "agenda items")
                ),
                lang.pick("vanaf", "from"),
                lang::date(ctx.today, lang),
                lang::load_problems(errors.len() as i64, lang),
            )?;
        }
    }
    Ok(exit_status(!errors.is_empty(), false))
}

/// The items and the overdue findings as a calendar on standard output: the folder read a
/// part at a time, each part's items and overdue findings made into events and the
/// dossiers let go, the events then written in the agenda's order (memory holds a part and
/// the events, never the caseload). RFC 5545 wants at least one event in a calendar: with
/// none, nothing is written and standard error says why.
fn calendar(
    args: &Args,
    ctx: &CheckContext<'_>,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<u8> {
    use twe_documents::ics::{Entry, Late};
    let options = twe_documents::ics::Options {
        lang,
        names: args.names,
        stamp: twe_documents::ics::now(),
    };
    let mut entries: Vec<Entry> = Vec::new();
    let errors = twe_core::files::load_paths_in_parts(&args.paths, twe_core::files::PART, |part| {
        let kept = of_counsellor(part, args.counsellor.as_deref());
        each_due(args, ctx, &kept, |d, item| {
            entries.push(Entry::item(&d.dossier, item, &options));
        });
        if !args.without_overdue {
            let dossiers: Vec<&twe_core::model::Dossier> =
                kept.iter().map(|d| &d.dossier).collect();
            for (d, found) in dossiers
                .iter()
                .zip(twe_core::rules::check_all(dossiers.iter().copied(), ctx))
            {
                for f in &found {
                    if let Some(l) = Late::of(d, f, ctx.today, lang) {
                        entries.push(Entry::late(&l, ctx.today, &options));
                    }
                }
            }
        }
    });
    io.load_errors(&errors, lang)?;
    if entries.is_empty() {
        io.warn(lang.pick(
            "twe-planner: geen agenda-items, dus geen kalender geschreven",
            "twe-planner: no agenda items, so no calendar was written",
        ))?;
    } else {
        twe_documents::ics::write_calendar(entries, &mut *io.out, &options)?;
    }
    Ok(exit_status(!errors.is_empty(), false))
}

/// Each item of `dossiers` due by `--until` (all without it), with its dossier, in the
/// order of the dossiers and of each one's agenda.
fn each_due<'a>(
    args: &Args,
    ctx: &CheckContext<'_>,
    dossiers: &[&'a LoadedDossier],
    mut each: impl FnMut(&'a LoadedDossier, Item),
) {
    let agendas = agenda::all(dossiers.iter().map(|d| &d.dossier), ctx);
    for (d, a) in dossiers.iter().zip(&agendas) {
        for i in a
            .iter()
            .filter(|i| args.until.is_none_or(|u| i.due.day <= u))
        {
            each(d, *i);
        }
    }
}

/// Every item due (to `--until`) of the dossiers at `args.paths`, worded, sorted by due
/// date, then dossier id, then kind; with the load problems. The folder is read `part`
/// files at a time, each part's items worded and its dossiers let go: memory holds the
/// items' words, never the caseload (250,000 dossiers took 306 MB).
fn items_in_parts(
    args: &Args,
    ctx: &CheckContext<'_>,
    lang: Lang,
    part: usize,
) -> (Vec<Worded>, Vec<twe_core::files::LoadError>) {
    let mut items: Vec<Worded> = Vec::new();
    let errors = twe_core::files::load_paths_in_parts(&args.paths, part, |part| {
        let kept = of_counsellor(part, args.counsellor.as_deref());
        each_due(args, ctx, &kept, |d, i| {
            items.push(Worded::of(d, i, lang, args.names));
        });
    });
    // Stable: an item keeps the order of its dossier's agenda, as when read whole.
    items.sort_by(|a, b| (a.due, &a.id, a.kind).cmp(&(b.due, &b.id, b.kind)));
    (items, errors)
}

/// An agenda item in the words a report needs, with what sorts it.
#[derive(Debug, PartialEq)]
struct Worded {
    due: NaiveDate,
    id: String,
    kind: agenda::Kind,
    path: String,
    message: String,
    /// The client's name, with `--names`.
    client: Option<String>,
}

impl Worded {
    /// Item `i` of dossier `d`, worded in `lang`.
    fn of(d: &LoadedDossier, i: Item, lang: Lang, names: bool) -> Self {
        Worded {
            due: i.due.day,
            id: d.dossier.id.clone(),
            kind: i.kind,
            path: d.path.display().to_string(),
            message: i.message(&d.dossier, lang),
            client: names.then(|| d.dossier.client.clone()),
        }
    }
}

/// The items as text, grouped by when they are due.
fn text(
    items: &[Worded],
    ctx: &CheckContext<'_>,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<()> {
    let mut group = None;
    for w in items {
        let g = Group::of(w.due, ctx.today);
        if group != Some(g) {
            group = Some(g);
            writeln!(io.out, "{}", g.label(lang))?;
        }
        let who = match &w.client {
            Some(client) => format!("{} ({client})", w.id),
            None => w.id.clone(),
        };
        io.say(&format!(
            "  {:<11}  {:<14} {who}: {}",
            lang::date(w.due, lang),
            agenda::days_left(w.due, ctx.today, lang),
            w.message
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "agenda"].iter().chain(args))?;
        match cli.command {
            Some(Command::Agenda(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    /// The items read a part at a time are the items of the folder read whole, in the same
    /// order: parts of one file, of seven, of all; with names, a day to stop at and a
    /// counsellor, and a repeated id and a missing path among the files.
    #[test]
    fn the_agenda_in_parts_is_the_agenda_whole() {
        let dir = super::super::args::sample_with_a_repeated_id();
        let folder = dir.path().to_str().unwrap();
        let runs: [&[&str]; 3] = [
            &["nergens.ron"],
            &["--names", "--until", "2027-12-31"],
            &["--counsellor", "sofie peeters"],
        ];
        for extra in runs {
            let mut words = vec![folder, "--today", "2025-06-01"];
            words.extend_from_slice(extra);
            let args = parse(&words).unwrap();
            let ctx = context(args.today, false);
            // The folder read whole, every item sorted as the report was before parts.
            let report = super::super::args::load_for(&args.paths, args.counsellor.as_deref());
            let agendas = agenda::all(report.dossiers.iter().map(|d| &d.dossier), &ctx);
            let mut whole: Vec<(&LoadedDossier, Item)> = report
                .dossiers
                .iter()
                .zip(&agendas)
                .flat_map(|(d, a)| a.iter().map(move |i| (d, *i)))
                .filter(|(_, i)| args.until.is_none_or(|u| i.due.day <= u))
                .collect();
            whole.sort_by(|a, b| {
                (a.1.due.day, &a.0.dossier.id, a.1.kind).cmp(&(
                    b.1.due.day,
                    &b.0.dossier.id,
                    b.1.kind,
                ))
            });
            let whole: Vec<Worded> = whole
                .into_iter()
                .map(|(d, i)| Worded::of(d, i, Lang::En, args.names))
                .collect();
            assert!(whole.len() > 2, "{extra:?}");
            for part in [1, 7, usize::MAX] {
                let (items, errors) = items_in_parts(&args, &ctx, Lang::En, part);
                assert_eq!(items, whole, "{extra:?}, parts of {part}");
                assert_eq!(
                    errors.len(),
                    report.errors.len(),
                    "{extra:?}, parts of {part}"
                );
            }
        }
    }

    #[test]
    fn paths_are_required_and_names_are_off_by_default() {
        assert!(parse(&[]).is_err());
        let a = parse(&["map"]).unwrap();
        assert!(!a.names && a.until.is_none() && a.format == Format::Text);
    }

    #[test]
    fn flags() {
        let a = parse(&[
            "map",
            "--format",
            "ics",
            "--until",
            "2027-01-31",
            "--names",
            "--counsellor",
            "An",
        ])
        .unwrap();
        assert_eq!(a.format, Format::Ics);
        assert_eq!(a.until, NaiveDate::from_ymd_opt(2027, 1, 31));
        assert!(a.names);
        assert_eq!(a.counsellor.as_deref(), Some("An"));
        assert!(parse(&["map", "--until", "morgen"]).is_err());
    }
}

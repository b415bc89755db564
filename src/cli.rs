//! The command line. Every command calls the same core functions as the window.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use twe_core::files::{LoadReport, load_paths};
use twe_core::lang::{self, Lang};
use twe_core::reference::{municipalities, published};
use twe_core::rules::{CheckContext, Severity, SeverityCounts, YearMode, check_all};
use twe_core::stats::{ProvinceYearTable, published_defects};

/// Plans and checks TWE-OCMW trajectories; shows the published figures.
#[derive(Parser, Debug)]
#[command(name = "twe-planner", version, about)]
pub struct Cli {
    /// What to do; without a command the window opens on the sample workspace.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check dossier files or folders against every rule.
    Check {
        /// Dossier files, or folders (every .ron file below them).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The reference date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Language of the messages.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Count the two-a-year target per calendar year instead of per trajectory year.
        #[arg(long)]
        calendar_years: bool,
        /// Keep only the dossiers of this counsellor (case and spacing aside).
        #[arg(long, value_name = "NAME")]
        counsellor: Option<String>,
    },
    /// What must be done, and by when: the agenda of dossier files or folders.
    Agenda {
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
        #[arg(long, value_enum, default_value_t = AgendaFormat::Text)]
        format: AgendaFormat,
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
    },
    /// The trajectory plan of one dossier as an A4 PDF to print and sign.
    Print {
        /// The dossier file.
        dossier: PathBuf,
        /// The PDF to write; an existing file is replaced only with --force.
        #[arg(long)]
        out: PathBuf,
        /// Language of the document.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The reference date for findings and what is due (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// The client's copy: the plan, the dates and what is expected, without findings.
        #[arg(long)]
        client: bool,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Count the two-a-year target per calendar year instead of per trajectory year.
        #[arg(long)]
        calendar_years: bool,
    },
    /// A caseload as a spreadsheet: the four sheets as .xlsx, or the instruments as .csv.
    Export {
        /// Dossier files, or folders (every .ron file below them); none with --template.
        paths: Vec<PathBuf>,
        /// The workbook (.xlsx) or CSV file (.csv) to write.
        #[arg(long)]
        out: PathBuf,
        /// Language of the headers and words.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The empty workbook with its headers.
        #[arg(long)]
        template: bool,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// A caseload from a spreadsheet (.xlsx or .csv) into a new workspace folder.
    Import {
        /// The workbook (.xlsx) or CSV file (.csv) to read.
        file: PathBuf,
        /// The new or empty folder to write the dossier files into.
        #[arg(long)]
        out: PathBuf,
        /// Read and report, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Language of the report.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Reference date for the rule check in the summary (YYYY-MM-DD; default: today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
    /// The province × year table: published, or computed from dossiers.
    Stats {
        /// Compute the table from these dossiers instead of showing the published one.
        #[arg(long)]
        dossiers: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
        /// Language of headings and number formatting (table and xlsx formats).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The workbook to write (xlsx format: one sheet per chart, every year).
        #[arg(long, required_if_eq("format", "xlsx"))]
        out: Option<PathBuf>,
        /// Replace the workbook if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The data audit of the published figures, one line per defect.
    Audit {
        /// Language of the lines.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Open the window on a workspace folder or dossier file.
    Open {
        /// The folder or file.
        path: PathBuf,
    },
    /// Write realistic dossiers that follow the published distributions.
    Generate {
        /// How many dossiers (at most 2,000,000; ignored with --match-published).
        #[arg(long, default_value_t = 1000, value_parser = parse_count)]
        count: usize,
        /// The seed: the same seed writes the same dossiers.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write into: new or empty (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Exactly the published 23,186 trajectories, whose table equals the published one.
        #[arg(long)]
        match_published: bool,
        /// Share of dossiers given one injected error (0 to 1).
        #[arg(long, default_value_t = 0.1)]
        violations: f64,
    },
    /// Apply the quick fixes that are unambiguous to dossier files, saving each as the
    /// window does (atomic, with a backup, permissions kept, locks respected).
    Fix {
        /// Dossier files, or folders (every .ron file below them).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Fix only findings of this rule (repeat for several); default every rule.
        #[arg(long = "rule", value_name = "ID", value_parser = parse_rule)]
        rules: Vec<String>,
        /// Say what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The reference date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Language of the lines.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Count the two-a-year target per calendar year instead of per trajectory year.
        #[arg(long)]
        calendar_years: bool,
    },
    /// Start straight in the presentation of the yearly figures (full screen).
    Present {
        /// A workspace whose figures the slides may show beside the published ones.
        path: Option<PathBuf>,
        /// Write every chart slide as a page of this PDF instead of opening a window
        /// (the workspace's figures with PATH, else the published ones).
        #[arg(long, value_name = "DECK.pdf")]
        export: Option<PathBuf>,
        /// Language of the deck.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Replace the deck if the file exists.
        #[arg(long)]
        force: bool,
    },
}

/// Formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Readable text.
    Text,
    /// One JSON object.
    Json,
}

/// Formats of `agenda`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    /// Readable text, one line per item.
    Text,
    /// One JSON object.
    Json,
    /// An iCalendar file (RFC 5545) for Outlook or Thunderbird.
    Ics,
}

/// Formats of `stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// An aligned table as the answer prints it.
    Table,
    /// CSV with the header province,year,trajectories,bvs,art60,opleiding,wes,ibo.
    Csv,
    /// JSON rows.
    Json,
    /// An .xlsx workbook (with --out): one sheet per chart with its numbers, totals and
    /// source; counts from 1 to 4 of dossiers hidden.
    Xlsx,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl LangArg {
    fn or_env(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::Nl) => Lang::Nl,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    twe_core::model::date_serde::parse(s)
        .ok_or_else(|| format!("«{s}» is geen datum / is not a date: write YYYY-MM-DD"))
}

fn parse_rule(s: &str) -> Result<String, String> {
    match twe_core::rules::rule(s) {
        Some(r) => Ok(r.id.to_string()),
        None => Err(format!(
            "«{s}»: geen regel / not a rule; {}",
            twe_core::rules::RULES
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn parse_count(s: &str) -> Result<usize, String> {
    let max = twe_core::generate::MAX_COUNT;
    match s.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!(
            "«{s}»: een aantal van 0 tot {max} / a number from 0 to {max}; generate more in several folders"
        )),
    }
}

/// Exit code: every file loaded and no finding is an error.
pub const EXIT_OK: u8 = 0;
/// Exit code: a finding is an error.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: a file could not be loaded, or the arguments are wrong.
pub const EXIT_LOAD: u8 = 2;

/// Parses the process arguments and runs.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_window(None, false),
        Some(Command::Open { path }) => run_window(Some(path), false),
        Some(Command::Present {
            path, export: None, ..
        }) => run_window(path, true),
        Some(command) => {
            // Buffered: stdout alone writes line by line, and a workspace's JSON report has
            // half a million lines (a write call each took most of `check`'s time).
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let code = run(command, &mut out);
            match std::io::Write::flush(&mut out) {
                Ok(()) => ExitCode::from(code),
                Err(e) => {
                    report_io_error(&e);
                    ExitCode::from(EXIT_LOAD)
                }
            }
        }
    }
}

fn run_window(path: Option<PathBuf>, present: bool) -> ExitCode {
    match twe_app::run_with(path, present) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("twe-planner: het venster kan niet openen / the window cannot open: {e}");
            ExitCode::from(EXIT_LOAD)
        }
    }
}

/// Runs a command that writes to `out`; returns the exit code.
pub fn run(command: Command, out: &mut dyn std::io::Write) -> u8 {
    let result = match command {
        Command::Check {
            paths,
            today,
            format,
            lang,
            calendar_years,
            counsellor,
        } => {
            let ctx = context(today, calendar_years);
            let report = load_for(&paths, counsellor.as_deref());
            run_check(report, &ctx, format, LangArg::or_env(lang), out)
        }
        Command::Agenda {
            paths,
            today,
            until,
            format,
            lang,
            names,
            calendar_years,
            counsellor,
        } => {
            let ctx = context(today, calendar_years);
            let report = load_for(&paths, counsellor.as_deref());
            let opts = AgendaOptions {
                until,
                format,
                lang: LangArg::or_env(lang),
                names,
            };
            run_agenda(report, &ctx, &opts, out)
        }
        Command::Print {
            dossier,
            out: pdf,
            lang,
            today,
            client,
            force,
            calendar_years,
        } => {
            let opts = twe_documents::print::PlanOptions {
                lang: LangArg::or_env(lang),
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
                client_copy: client,
                year_mode: context(None, calendar_years).year_mode,
            };
            run_print(&dossier, &pdf, opts, force, out)
        }
        Command::Export {
            paths,
            out: file,
            lang,
            template,
            force,
        } => run_export(&paths, &file, LangArg::or_env(lang), template, force, out),
        Command::Import {
            file,
            out: dir,
            dry_run,
            lang,
            today,
        } => run_import(
            &file,
            &dir,
            dry_run,
            &context(today, false),
            LangArg::or_env(lang),
            out,
        ),
        Command::Stats {
            dossiers,
            format,
            lang,
            out: file,
            force,
        } => run_stats(
            dossiers,
            format,
            LangArg::or_env(lang),
            file.as_deref(),
            force,
            out,
        ),
        Command::Audit { lang } => run_audit(LangArg::or_env(lang), out),
        Command::Generate {
            count,
            seed,
            out: dir,
            match_published,
            violations,
        } => {
            let opts = twe_core::generate::Options {
                count,
                seed,
                match_published,
                violations: violations.clamp(0.0, 1.0),
            };
            let dossiers = twe_core::generate::generate(&opts);
            let injected = dossiers.iter().filter(|(_, i)| i.is_some()).count();
            twe_core::generate::write(&dossiers, &dir).and_then(|n| {
                writeln!(
                    out,
                    "{n} dossiers → {} ({injected} met een ingebrachte fout / with an injected error)",
                    dir.display()
                )?;
                Ok(EXIT_OK)
            })
        }
        Command::Fix {
            paths,
            rules,
            dry_run,
            today,
            lang,
            calendar_years,
        } => {
            let ctx = context(today, calendar_years);
            let only: Vec<&str> = rules.iter().map(String::as_str).collect();
            run_fix(&paths, &ctx, &only, dry_run, LangArg::or_env(lang), out)
        }
        Command::Present {
            path,
            export: Some(deck),
            lang,
            force,
        } => run_deck(path.as_deref(), &deck, LangArg::or_env(lang), force, out),
        Command::Open { .. } | Command::Present { .. } => Ok(EXIT_OK),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_io_error(&e);
            EXIT_LOAD
        }
    }
}

/// Writes one line of text that may quote a file, made safe for a terminal.
fn line(out: &mut dyn std::io::Write, text: &str) -> std::io::Result<()> {
    writeln!(out, "{}", lang::terminal_safe(text))
}

/// Says what went wrong writing or reading, except for a reader that stopped reading
/// (`twe-planner check … | head`): that is no news to whoever closed the pipe.
fn report_io_error(e: &std::io::Error) {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        eprintln!("twe-planner: {}", lang::terminal_safe(&e.to_string()));
    }
}

#[derive(Serialize)]
struct JsonCheck {
    dossiers: Vec<JsonDossier>,
    load_errors: Vec<JsonLoadError>,
}

#[derive(Serialize)]
struct JsonDossier {
    path: String,
    id: String,
    findings: Vec<JsonFinding>,
}

#[derive(Serialize)]
struct JsonFinding {
    rule: &'static str,
    severity: &'static str,
    message: String,
    instruments: Vec<usize>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

#[derive(Serialize)]
struct JsonLoadError {
    path: String,
    line: Option<u32>,
    column: Option<u32>,
    field: Option<String>,
    message: String,
}

/// The context of `--today` (default: today) and `--calendar-years`.
fn context(today: Option<NaiveDate>, calendar_years: bool) -> CheckContext<'static> {
    let mut ctx = CheckContext::new(today.unwrap_or_else(|| chrono::Local::now().date_naive()));
    if calendar_years {
        ctx.year_mode = YearMode::Calendar;
    }
    ctx
}

/// Loads `paths`, keeping only `counsellor`'s dossiers when one is named.
fn load_for(paths: &[PathBuf], counsellor: Option<&str>) -> LoadReport {
    let mut report = load_paths(paths);
    if let Some(name) = counsellor {
        report.dossiers.retain(|d| d.dossier.has_counsellor(name));
    }
    report
}

fn run_check(
    report: LoadReport,
    ctx: &CheckContext<'_>,
    format: CheckFormat,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let LoadReport { dossiers, errors } = report;
    let checked: Vec<_> = dossiers
        .iter()
        .zip(check_all(dossiers.iter().map(|d| &d.dossier), ctx))
        .collect();
    let mut total = SeverityCounts::default();
    for (_, findings) in &checked {
        total.add(SeverityCounts::of(findings));
    }
    match format {
        CheckFormat::Json => {
            use rayon::prelude::*;
            let report = JsonCheck {
                // Wording 40,000 messages is most of a big report: on every core.
                dossiers: checked
                    .par_iter()
                    .map(|(d, findings)| JsonDossier {
                        path: d.path.display().to_string(),
                        id: d.dossier.id.clone(),
                        findings: findings
                            .iter()
                            .map(|f| JsonFinding {
                                rule: f.rule.id,
                                severity: f.severity().id(),
                                message: f.message(&d.dossier, lang),
                                instruments: f.instruments.to_vec(),
                                from: f.from,
                                to: f.to,
                            })
                            .collect(),
                    })
                    .collect(),
                load_errors: errors.iter().map(|e| json_load_error(e, lang)).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        CheckFormat::Text => {
            // What comes from a file (ids, names, paths, messages that quote them) is
            // escaped: a control character could clear the screen or forge a line.
            for e in &errors {
                line(out, &e.display(lang))?;
            }
            // Wording millions of messages is most of a big report: a batch of dossiers at
            // a time is worded on every core, then written in order (memory stays bounded).
            for batch in checked.chunks(4096) {
                use rayon::prelude::*;
                let texts: Vec<String> = batch
                    .par_iter()
                    .map(|(d, findings)| dossier_text(d, findings, lang))
                    .collect();
                for text in texts {
                    out.write_all(text.as_bytes())?;
                }
            }
            writeln!(
                out,
                "{} {}: {} {}, {} {}, {} info; {} {}",
                lang::number(checked.len() as i64, lang),
                lang.pick("dossiers", "dossiers"),
                lang::number(total.errors.into(), lang),
                lang.pick("fouten", "errors"),
                lang::number(total.warnings.into(), lang),
                lang.pick("waarschuwingen", "warnings"),
                lang::number(total.infos.into(), lang),
                errors.len(),
                lang.pick("laadproblemen", "load problems"),
            )?;
        }
    }
    Ok(if !errors.is_empty() {
        EXIT_LOAD
    } else if checked
        .iter()
        .any(|(_, f)| f.iter().any(|f| f.severity() == Severity::Error))
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// What `agenda` writes, besides the dossiers.
struct AgendaOptions {
    until: Option<NaiveDate>,
    format: AgendaFormat,
    lang: Lang,
    names: bool,
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

fn json_load_error(e: &twe_core::files::LoadError, lang: Lang) -> JsonLoadError {
    JsonLoadError {
        path: e.path.display().to_string(),
        line: e.line,
        column: e.column,
        field: e.field.clone(),
        message: e.message(lang),
    }
}

/// `agenda`: every item due from the reference date (to `--until`), sorted by due date
/// then dossier id, as text, JSON or a calendar. Exit 0 when every file loaded, else 2.
fn run_agenda(
    report: LoadReport,
    ctx: &CheckContext<'_>,
    opts: &AgendaOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    use twe_core::rules::agenda::{self, Group};
    let LoadReport { dossiers, errors } = report;
    let lang = opts.lang;
    let agendas = agenda::all(dossiers.iter().map(|d| &d.dossier), ctx);
    let mut items: Vec<(&twe_core::files::LoadedDossier, agenda::Item)> = dossiers
        .iter()
        .zip(&agendas)
        .flat_map(|(d, a)| a.iter().map(move |i| (d, *i)))
        .filter(|(_, i)| opts.until.is_none_or(|u| i.due.day <= u))
        .collect();
    items.sort_by(|a, b| {
        (a.1.due.day, &a.0.dossier.id, a.1.kind).cmp(&(b.1.due.day, &b.0.dossier.id, b.1.kind))
    });
    match opts.format {
        AgendaFormat::Json => {
            let report = JsonAgenda {
                today: ctx.today,
                items: items
                    .iter()
                    .map(|(d, i)| JsonItem {
                        id: d.dossier.id.clone(),
                        path: d.path.display().to_string(),
                        kind: i.kind.id(),
                        due: i.due.day,
                        message: i.message(&d.dossier, lang),
                        client: opts.names.then(|| d.dossier.client.clone()),
                    })
                    .collect(),
                load_errors: errors.iter().map(|e| json_load_error(e, lang)).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        // RFC 5545 wants at least one event in a calendar: with none, nothing is written
        // and standard error says why.
        AgendaFormat::Ics if items.is_empty() => {
            eprintln!(
                "{}",
                lang.pick(
                    "twe-planner: geen agenda-items, dus geen kalender geschreven",
                    "twe-planner: no agenda items, so no calendar was written",
                )
            );
            for e in &errors {
                eprintln!("{}", lang::terminal_safe(&e.display(lang)));
            }
        }
        AgendaFormat::Ics => {
            let refs: Vec<(&twe_core::model::Dossier, agenda::Item)> =
                items.iter().map(|(d, i)| (&d.dossier, *i)).collect();
            let text = twe_documents::ics::calendar(
                &refs,
                &twe_documents::ics::Options {
                    lang,
                    names: opts.names,
                    stamp: twe_documents::ics::now(),
                },
            );
            out.write_all(text.as_bytes())?;
            // Load problems go to standard error: standard output is the calendar.
            for e in &errors {
                eprintln!("{}", lang::terminal_safe(&e.display(lang)));
            }
        }
        AgendaFormat::Text => {
            for e in &errors {
                line(out, &e.display(lang))?;
            }
            let mut group = None;
            for (d, i) in &items {
                let g = Group::of(i.due.day, ctx.today);
                if group != Some(g) {
                    group = Some(g);
                    writeln!(out, "{}", g.label(lang))?;
                }
                let who = if opts.names {
                    format!("{} ({})", d.dossier.id, d.dossier.client)
                } else {
                    d.dossier.id.clone()
                };
                let row = format!(
                    "  {:<11}  {:<14} {who}: {}",
                    lang::date(i.due.day, lang),
                    agenda::days_left(i.due.day, ctx.today, lang),
                    i.message(&d.dossier, lang)
                );
                line(out, &row)?;
            }
            writeln!(
                out,
                "{} {} {}; {} {}",
                lang::number(items.len() as i64, lang),
                lang.pick("agenda-items vanaf", "agenda items from"),
                lang::date(ctx.today, lang),
                errors.len(),
                lang.pick("laadproblemen", "load problems"),
            )?;
        }
    }
    Ok(if errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_LOAD
    })
}

/// Writes a document the user named: never over an existing file unless `force` (then
/// atomically, keeping its mode); says why not in a sentence naming the fix (the caller
/// puts the path before it). The words are the document's, not a dossier's, and never
/// name the temporary file the writing goes through.
fn write_document(
    path: &std::path::Path,
    bytes: &[u8],
    force: bool,
    lang: Lang,
) -> Result<(), String> {
    // The example's extension: the one given, where it is a document's.
    let example = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .filter(|e| ["pdf", "xlsx", "csv"].contains(&e.as_str()))
        .unwrap_or_else(|| "pdf".into());
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(format!(
            "{}{example}",
            lang.pick(
                "is een map; geef een bestandsnaam in die map, bv. document.",
                "is a folder; give a file name in it, e.g. document."
            )
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| std::path::Path::new("."));
    if !dir.is_dir() {
        return Err(format!(
            "{} {} {}",
            lang.pick("de map", "the folder"),
            twe_core::lang::terminal_safe(&dir.display().to_string()),
            if dir.exists() {
                lang.pick(
                    "is een bestand, geen map; kies een andere plaats",
                    "is a file, not a folder; choose another place",
                )
            } else {
                lang.pick(
                    "bestaat niet; maak ze eerst of kies een andere plaats",
                    "does not exist; create it first or choose another place",
                )
            }
        ));
    }
    if force {
        return twe_core::files::write_atomic(path, bytes)
            .map_err(|e| e.reason(lang, twe_core::files::Saved::Document));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    twe_core::files::write_new(dir, &name, bytes)
        .map(|_| ())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                lang.pick(
                    "bestaat al; kies een andere naam of geef --force om het te vervangen",
                    "already exists; choose another name or give --force to replace it",
                )
                .to_string()
            } else {
                twe_core::files::io_message(&twe_core::files::without_path(&e), lang)
            }
        })
}

/// `export`: the caseload as a workbook or CSV; exit 0 when every file loaded and the file
/// was written, 2 otherwise (what loaded is still written).
fn run_export(
    paths: &[PathBuf],
    file: &std::path::Path,
    lang: Lang,
    template: bool,
    force: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let LoadReport { dossiers, errors } = if template {
        LoadReport::default()
    } else {
        load_paths(paths)
    };
    for e in &errors {
        line(out, &e.display(lang))?;
    }
    let ext = file
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext != "xlsx" && ext != "csv" {
        line(
            out,
            &format!(
                "{}: {}",
                file.display(),
                lang.pick(
                    "geef een naam op .xlsx (de werkmap) of .csv (de instrumenten)",
                    "give a name ending in .xlsx (the workbook) or .csv (the instruments)"
                )
            ),
        )?;
        return Ok(EXIT_LOAD);
    }
    let refs: Vec<&twe_core::model::Dossier> = dossiers.iter().map(|d| &d.dossier).collect();
    let sheets = twe_documents::spreadsheet::sheets(&refs, lang);
    let csv = ext == "csv";
    let bytes = if csv {
        twe_documents::spreadsheet::csv(&sheets[0]).map_err(|e| e.to_string())
    } else {
        twe_documents::spreadsheet::workbook(&sheets).map_err(|e| e.to_string())
    };
    let written = bytes.and_then(|b| write_document(file, &b, force, lang));
    match written {
        Ok(()) => {
            line(
                out,
                &format!(
                    "{} dossiers → {}",
                    lang::number(dossiers.len() as i64, lang),
                    file.display()
                ),
            )?;
            Ok(if errors.is_empty() {
                EXIT_OK
            } else {
                EXIT_LOAD
            })
        }
        Err(why) => {
            line(out, &format!("{}: {why}", file.display()))?;
            Ok(EXIT_LOAD)
        }
    }
}

/// `import`: a spreadsheet into a new workspace; each row that cannot be read on a line as
/// `SHEET!ROW: column: problem`, then a summary. Exit 0 when every row was imported, 2
/// otherwise (what could be imported is still written).
fn run_import(
    file: &std::path::Path,
    dir: &std::path::Path,
    dry_run: bool,
    ctx: &CheckContext<'_>,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let source = match twe_documents::spreadsheet::read_path(file) {
        Ok(s) => s,
        Err(e) => {
            line(out, &format!("{}: {}", file.display(), e.message(lang)))?;
            return Ok(EXIT_LOAD);
        }
    };
    let imported =
        twe_documents::spreadsheet::import(&twe_documents::spreadsheet::Preview::of(source));
    for n in &imported.notes {
        line(out, &n.message(lang))?;
    }
    for p in &imported.problems {
        line(out, &p.message(lang))?;
    }
    // Nothing readable: no folder is made (an empty one would only be in the way).
    let write = !dry_run && !imported.dossiers.is_empty();
    if write && let Err(e) = twe_core::files::write_workspace(dir, &imported.dossiers) {
        line(out, &e.message(lang))?;
        return Ok(EXIT_LOAD);
    }
    let findings = twe_core::rules::check_all(imported.dossiers.iter(), ctx);
    let with = |severity: Severity| {
        findings
            .iter()
            .filter(|f| f.iter().any(|f| f.severity() == severity))
            .count() as i64
    };
    let n = |x: usize| lang::number(x as i64, lang);
    line(
        out,
        &format!(
            "{} {} {}; {}; {} {}, {} {}",
            n(imported.dossiers.len()),
            if dry_run {
                lang.pick(
                    "dossiers leesbaar (proef: niets geschreven) uit",
                    "dossiers readable (dry run: nothing written) from",
                )
            } else {
                lang.pick("dossiers ingelezen uit", "dossiers imported from")
            },
            if dry_run {
                file.display().to_string()
            } else {
                format!("{} → {}", file.display(), dir.display())
            },
            imported.unread(lang),
            lang::number(with(Severity::Error), lang),
            lang.pick("dossiers met fouten", "dossiers with errors"),
            lang::number(with(Severity::Warning), lang),
            lang.pick("met waarschuwingen", "with warnings"),
        ),
    )?;
    Ok(if imported.problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_LOAD
    })
}

/// `present --export`: the chart slides as a PDF deck; exit 0 when written, 2 otherwise.
fn run_deck(
    path: Option<&std::path::Path>,
    deck: &std::path::Path,
    lang: Lang,
    force: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let table = match path {
        Some(p) => {
            let LoadReport { dossiers, errors } = load_paths(&[p.to_path_buf()]);
            for e in &errors {
                line(out, &e.display(lang))?;
            }
            if dossiers.is_empty() || !errors.is_empty() {
                line(
                    out,
                    &format!(
                        "{}: {}",
                        p.display(),
                        lang.pick(
                            "niet alle dossiers konden gelezen worden; geen dia's geschreven: \
                             figuren zonder die dossiers zouden te laag zijn. Herstel of verplaats \
                             de bestanden hierboven en probeer opnieuw",
                            "not every dossier could be read; no slides written: figures without \
                             those dossiers would be too low. Mend or move the files named above \
                             and try again"
                        )
                    ),
                )?;
                return Ok(EXIT_LOAD);
            }
            Some(ProvinceYearTable::from_dossiers(
                dossiers.iter().map(|d| &d.dossier),
                municipalities(),
            ))
        }
        None => None,
    };
    let bytes = match twe_documents::print::deck_pdf(table.as_ref(), lang) {
        Ok(b) => b,
        Err(e) => {
            line(out, &format!("{}: {e}", deck.display()))?;
            return Ok(EXIT_LOAD);
        }
    };
    match write_document(deck, &bytes, force, lang) {
        Ok(()) => {
            line(
                out,
                &format!("{} → {}", lang.pick("Dia's", "Slides"), deck.display()),
            )?;
            Ok(EXIT_OK)
        }
        Err(why) => {
            line(out, &format!("{}: {why}", deck.display()))?;
            Ok(EXIT_LOAD)
        }
    }
}

/// `print`: the plan of one dossier as a PDF at `pdf`, never over an existing file unless
/// `force`. Exit 0 when written, 2 when the dossier does not load or the file cannot be
/// written.
fn run_print(
    dossier: &std::path::Path,
    pdf: &std::path::Path,
    opts: twe_documents::print::PlanOptions,
    force: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let lang = opts.lang;
    // The plan never replaces the dossier it is made from, --force or not.
    let same = |a: &std::path::Path, b: &std::path::Path| {
        a.canonicalize()
            .ok()
            .zip(b.canonicalize().ok())
            .is_some_and(|(x, y)| x == y)
    };
    if same(dossier, pdf) {
        line(
            out,
            &format!(
                "{}: {}",
                pdf.display(),
                lang.pick(
                    "is het dossier zelf; kies een andere naam voor de PDF",
                    "is the dossier itself; choose another name for the PDF"
                )
            ),
        )?;
        return Ok(EXIT_LOAD);
    }
    let LoadReport { dossiers, errors } = load_paths(&[dossier.to_path_buf()]);
    if let Some(e) = errors.first() {
        line(out, &e.display(lang))?;
        return Ok(EXIT_LOAD);
    }
    let [loaded] = dossiers.as_slice() else {
        line(
            out,
            &format!(
                "{}: {}",
                dossier.display(),
                lang.pick(
                    "geef één dossierbestand, geen map",
                    "give one dossier file, not a folder"
                )
            ),
        )?;
        return Ok(EXIT_LOAD);
    };
    let twe_documents::print::Plan { bytes, missing } =
        match twe_documents::print::plan(&loaded.dossier, &opts) {
            Ok(p) => p,
            Err(e) => {
                line(
                    out,
                    &format!(
                        "{}: {} ({e})",
                        dossier.display(),
                        lang.pick(
                            "de PDF kon niet gemaakt worden",
                            "the PDF could not be made"
                        )
                    ),
                )?;
                return Ok(EXIT_LOAD);
            }
        };
    let written = write_document(pdf, &bytes, force, lang);
    match written {
        Ok(()) => {
            line(
                out,
                &format!(
                    "{} → {} ({} {})",
                    loaded.dossier.id,
                    pdf.display(),
                    lang::number(bytes.len() as i64 / 1024, lang),
                    "KB"
                ),
            )?;
            if let Some(letters) = missing {
                line(
                    out,
                    &twe_documents::print::missing_letters_warning(&letters, lang),
                )?;
            }
            Ok(EXIT_OK)
        }
        Err(why) => {
            line(out, &format!("{}: {why}", pdf.display()))?;
            Ok(EXIT_LOAD)
        }
    }
}

/// One dossier's lines of the text report: its counts, then each finding, each line made
/// safe for a terminal.
fn dossier_text(
    d: &twe_core::files::LoadedDossier,
    findings: &[twe_core::rules::Finding],
    lang: Lang,
) -> String {
    use std::fmt::Write as _;
    let c = SeverityCounts::of(findings);
    let mut text = String::with_capacity(96 * (findings.len() + 1));
    let head = format!(
        "{} ({}, {}): {} {}, {} {}",
        d.dossier.id,
        d.dossier.ocmw,
        d.path.display(),
        c.errors,
        lang.pick("fouten", "errors"),
        c.warnings,
        lang.pick("waarschuwingen", "warnings"),
    );
    let _ = writeln!(text, "{}", lang::terminal_safe(&head));
    for f in findings {
        let row = format!(
            "  {:<12} {:<30} {}",
            f.severity().label(lang),
            f.rule.id,
            f.message(&d.dossier, lang)
        );
        let _ = writeln!(text, "{}", lang::terminal_safe(&row));
    }
    text
}

/// `fix`: every path as a workspace, so the saves are the window's (never over a file
/// changed meanwhile, locks taken and given back). A dossier another window edits is
/// skipped and counts as not saved.
fn run_fix(
    paths: &[PathBuf],
    ctx: &CheckContext<'_>,
    only: &[&str],
    dry_run: bool,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let mut failed = false;
    let (mut changes, mut dossiers) = (0usize, 0usize);
    for path in paths {
        let mut ws = twe_core::workspace::Workspace::open(path, ctx.today);
        ws.set_context(ctx.today, ctx.year_mode);
        for e in ws.load_errors() {
            line(out, &e.display(lang))?;
            failed = true;
        }
        for i in 0..ws.len() {
            let Some(entry) = ws.entry(i) else { continue };
            let shown = entry
                .path()
                .map_or_else(|| entry.name().to_string(), |p| p.display().to_string());
            let (fixed, applied) = twe_core::rules::fixes::fix_all(entry.dossier(), ctx, only);
            if applied.is_empty() {
                continue;
            }
            // Another window edits it (or did, and may come back: a stale lock is taken over
            // in the window, after asking, never here).
            if let Some(lock) = entry.locked_by() {
                line(
                    out,
                    &format!(
                        "{shown}: {} ({}{})",
                        lang.pick("overgeslagen", "skipped"),
                        lock.describe(lang),
                        if lock.is_stale(chrono::Local::now().naive_local()) {
                            lang.pick(
                                "; een oud slot: neem het over in het venster",
                                "; an old lock: take it over in the window",
                            )
                        } else {
                            ""
                        }
                    ),
                )?;
                failed = true;
                continue;
            }
            for a in &applied {
                line(out, &format!("{shown}: {}: {}", a.rule, a.label(lang)))?;
            }
            changes += applied.len();
            dossiers += 1;
            if dry_run {
                continue;
            }
            let saved = match ws.apply(i, fixed, twe_core::workspace::EditKey::Single) {
                Err(e) => Err(e.message(&shown, lang)),
                Ok(_) => ws.save(i).map_err(|e| e.message(lang)),
            };
            if let Err(why) = saved {
                line(
                    out,
                    &format!(
                        "{shown}: {} {why}",
                        lang.pick("niet bewaard:", "not saved:")
                    ),
                )?;
                failed = true;
            }
        }
    }
    line(
        out,
        &format!(
            "{} {} {} {} {}{}",
            lang::number(changes as i64, lang),
            lang.pick("wijzigingen in", "changes in"),
            lang::number(dossiers as i64, lang),
            lang.pick("dossiers", "dossiers"),
            if dry_run {
                lang.pick(" (proef: niets bewaard)", " (dry run: nothing saved)")
            } else {
                ""
            },
            if failed {
                lang.pick("; niet alles gelukt", "; not everything succeeded")
            } else {
                ""
            }
        ),
    )?;
    Ok(if failed { EXIT_LOAD } else { EXIT_OK })
}

fn run_stats(
    dossiers: Option<PathBuf>,
    format: StatsFormat,
    lang: Lang,
    file: Option<&std::path::Path>,
    force: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    let from_dossiers = dossiers.is_some();
    let table = match dossiers {
        None => ProvinceYearTable::from_published(published()),
        Some(path) => {
            let report = load_paths(&[path]);
            for e in &report.errors {
                eprintln!("{}", lang::terminal_safe(&e.display(lang)));
                code = EXIT_LOAD;
            }
            ProvinceYearTable::from_dossiers(
                report.dossiers.iter().map(|d| &d.dossier),
                municipalities(),
            )
        }
    };
    match format {
        StatsFormat::Csv => out.write_all(table.to_csv().as_bytes())?,
        StatsFormat::Table => out.write_all(table.to_text(lang).as_bytes())?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &table.rows())?;
            writeln!(out)?;
        }
        StatsFormat::Xlsx => {
            let Some(file) = file else {
                line(
                    out,
                    lang.pick("geef --out BESTAND.xlsx", "give --out FILE.xlsx"),
                )?;
                return Ok(EXIT_LOAD);
            };
            let opts = twe_core::stats::charts::ChartOptions {
                measure: twe_core::stats::Measure::Trajectories,
                up_to: i32::MAX,
                relative: false,
                suppress_small: from_dossiers,
            };
            let charts = twe_core::stats::charts::all(&table, &opts, lang);
            let source = twe_core::stats::charts::source_line(from_dossiers, lang);
            let written =
                twe_documents::spreadsheet::charts_workbook(&charts, &source, from_dossiers, lang)
                    .map_err(|e| e.to_string())
                    .and_then(|b| write_document(file, &b, force, lang));
            match written {
                Ok(()) => line(
                    out,
                    &format!(
                        "{} {} → {}",
                        charts.len(),
                        lang.pick("grafieken", "charts"),
                        file.display()
                    ),
                )?,
                Err(why) => {
                    line(out, &format!("{}: {why}", file.display()))?;
                    code = EXIT_LOAD;
                }
            }
        }
    }
    Ok(code)
}

fn run_audit(lang: Lang, out: &mut dyn std::io::Write) -> std::io::Result<u8> {
    for defect in published_defects() {
        writeln!(out, "{}", defect.message(lang))?;
    }
    Ok(EXIT_OK)
}

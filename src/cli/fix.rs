//! `fix`: the quick fixes that are unambiguous, applied to dossier files and saved as the
//! window saves (atomic, with a backup, permissions kept, locks respected).

use super::args::{Io, LangArg, context, parse_date};
use super::{EXIT_LOAD, EXIT_OK};
use chrono::NaiveDate;
use std::path::PathBuf;
use twe_core::files::LoadedDossier;
use twe_core::lang::{self, Lang};
use twe_core::model::Dossier;
use twe_core::rules::CheckContext;
use twe_core::rules::fixes::{Applied, fix_all};
use twe_core::workspace::{EditKey, Workspace};

/// `fix`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
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

/// One run: its settings, what it changed, and whether all went well.
struct Fixer<'a> {
    ctx: CheckContext<'static>,
    only: Vec<&'a str>,
    dry_run: bool,
    lang: Lang,
    /// Changes saved (or, in a dry run, that would be), and in how many dossiers.
    changes: usize,
    dossiers: usize,
    /// Changes found but not saved (another window edits the dossier, or the save failed),
    /// and in how many dossiers.
    unsaved: usize,
    unsaved_dossiers: usize,
    failed: bool,
}

/// Every path read a part at a time (memory holds a part, whatever the folder's size); the
/// dossiers of a part that have something to fix become a workspace of their own, so the
/// saves are the window's (never over a file changed meanwhile, locks taken and given back).
/// A dossier another window edits is skipped and counts as not saved. Exit 2 when something
/// was not loaded or not saved, else 0.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    run_in_parts(args, twe_core::files::PART, io)
}

/// [`run`], reading `part` files at a time.
fn run_in_parts(args: &Args, part: usize, io: &mut Io<'_>) -> std::io::Result<u8> {
    let lang = LangArg::or_env(args.lang);
    let mut run = Fixer {
        ctx: context(args.today, args.calendar_years),
        only: args.rules.iter().map(String::as_str).collect(),
        dry_run: args.dry_run,
        lang,
        changes: 0,
        dossiers: 0,
        unsaved: 0,
        unsaved_dossiers: 0,
        failed: false,
    };
    for path in &args.paths {
        // Absolute, so that a file named alone has a folder, as `Workspace::open` does.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        let root = if path.is_dir() {
            path.clone()
        } else {
            path.parent()
                .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf)
        };
        let mut written = Ok(());
        let errors =
            twe_core::files::load_paths_in_parts(std::slice::from_ref(&path), part, |dossiers| {
                if written.is_ok() {
                    written = run.part(dossiers, &root, io);
                }
            });
        written?;
        for e in errors {
            io.warn(&e.display(lang))?;
            run.failed = true;
        }
    }
    io.say(&run.summary())?;
    Ok(if run.failed { EXIT_LOAD } else { EXIT_OK })
}

/// A dossier's fixes: the dossier with all of them applied, and what each did.
type Fixes = (Dossier, Vec<Applied>);

impl Fixer<'_> {
    /// Fixes and saves the dossiers of `part` (read from below `root`) that have something
    /// to fix, in their order.
    fn part(
        &mut self,
        part: &[LoadedDossier],
        root: &std::path::Path,
        io: &mut Io<'_>,
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        // Found on every core: most dossiers have nothing to fix.
        let found: Vec<(usize, Fixes)> = part
            .par_iter()
            .enumerate()
            .filter_map(|(n, d)| {
                let (fixed, applied) = fix_all(&d.dossier, &self.ctx, &self.only);
                (!applied.is_empty()).then_some((n, (fixed, applied)))
            })
            .collect();
        if found.is_empty() {
            return Ok(());
        }
        let dossiers = found.iter().map(|(n, _)| part[*n].clone()).collect();
        let mut ws = Workspace::of_some(root.to_path_buf(), dossiers, self.ctx.today);
        ws.set_context(self.ctx.today, self.ctx.year_mode);
        for (i, (_, fixes)) in found.into_iter().enumerate() {
            self.entry(&mut ws, i, fixes, io)?;
            // Said as it is done: what was saved before a kill was also said.
            io.out.flush()?;
        }
        Ok(())
    }

    /// The last line: what was saved, what was not.
    fn summary(&self) -> String {
        let lang = self.lang;
        let n = |x: usize| lang::number(x as i64, lang);
        let mut text = format!(
            "{} {} {} {}{}",
            n(self.changes),
            lang.pick("wijzigingen in", "changes in"),
            n(self.dossiers),
            lang.pick("dossiers", "dossiers"),
            if self.dry_run {
                lang.pick(" (proef: niets bewaard)", " (dry run: nothing saved)")
            } else {
                lang.pick(" bewaard", " saved")
            },
        );
        if self.unsaved > 0 {
            use std::fmt::Write as _;
            // Writing to a String cannot fail.
            let _ = write!(
                text,
                "; {} {} {} {}",
                n(self.unsaved),
                lang.pick("wijzigingen in", "changes in"),
                n(self.unsaved_dossiers),
                lang.pick("dossiers niet bewaard", "dossiers not saved"),
            );
        }
        if self.failed {
            text.push_str(lang.pick("; niet alles gelukt", "; not everything succeeded"));
        }
        text
    }

    /// Saves entry `i` of `ws` with its `fixes` applied, saying each change on standard
    /// output and what was skipped or not saved on standard error.
    fn entry(
        &mut self,
        ws: &mut Workspace,
        i: usize,
        (fixed, applied): Fixes,
        io: &mut Io<'_>,
    ) -> std::io::Result<()> {
        let lang = self.lang;
        let Some(entry) = ws.entry(i) else {
            return Ok(());
        };
        let shown = entry
            .path()
            .map_or_else(|| entry.name().to_string(), |p| p.display().to_string());
        // A lock this user left on this machine whose process is gone (a killed `fix`):
        // taken over, and said so. Any other lock is another window's (or was, and it may
        // come back: a stale lock is taken over in the window, after asking, never here).
        if let Some(lock) = entry.locked_by().filter(|l| l.is_my_leftover()).cloned() {
            io.warn(&format!(
                "{shown}: {} ({})",
                lang.pick(
                    "slot overgenomen van een gestopt twe-planner-proces van u",
                    "lock taken over from a twe-planner process of yours that stopped"
                ),
                lock.describe(lang)
            ))?;
            if let Err(e) = ws.take_over_lock(i) {
                io.warn(&e.message(&shown, lang))?;
            }
        }
        let Some(entry) = ws.entry(i) else {
            return Ok(());
        };
        if let Some(lock) = entry.locked_by() {
            let stale = if lock.is_stale(chrono::Local::now().naive_local()) {
                lang.pick(
                    "; een oud slot: neem het over in het venster",
                    "; an old lock: take it over in the window",
                )
            } else {
                ""
            };
            io.warn(&format!(
                "{shown}: {} ({}{stale})",
                lang.pick("overgeslagen", "skipped"),
                lock.describe(lang),
            ))?;
            self.unsaved += applied.len();
            self.unsaved_dossiers += 1;
            self.failed = true;
            return Ok(());
        }
        let saved = if self.dry_run {
            Ok(())
        } else {
            match ws.apply(i, fixed, EditKey::Single) {
                Err(e) => Err(e.message(&shown, lang)),
                Ok(_) => ws.save(i).map_err(|e| e.message(lang)),
            }
        };
        if let Err(why) = saved {
            io.warn(&format!(
                "{shown}: {} {why}",
                lang.pick("niet bewaard:", "not saved:")
            ))?;
            self.unsaved += applied.len();
            self.unsaved_dossiers += 1;
            self.failed = true;
            return Ok(());
        }
        // Each change is said once it is saved (or would be, in a dry run).
        for a in &applied {
            io.say(&format!("{shown}: {}: {}", a.rule, a.label(lang)))?;
        }
        self.changes += applied.len();
        self.dossiers += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "fix"].iter().chain(args))?;
        match cli.command {
            Some(Command::Fix(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    /// The folder fixed a part at a time is the folder fixed whole: the same lines, the same
    /// exit status and the same files after, for parts of one file, of seven, of all; a
    /// repeated id, another window's lock and a missing path among them.
    #[test]
    fn a_folder_fixed_in_parts_is_the_folder_fixed_whole() {
        let fixed = |part: usize| {
            let dir = super::super::args::sample_with_a_repeated_id();
            std::fs::write(
                dir.path().join(".~lock.gent-2017-0004.ron#"),
                "sofie,ocmw-pc-7,4242,2026-11-27T09:15\n",
            )
            .unwrap();
            let folder = dir.path().to_str().unwrap();
            let args = parse(&[
                folder,
                "nergens.ron",
                "--today",
                "2026-06-01",
                "--lang",
                "en",
            ])
            .unwrap();
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let code = run_in_parts(&args, part, &mut Io::new(&mut out, &mut err)).unwrap();
            let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap())
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read(e.path()).unwrap())
                })
                .collect();
            files.sort();
            // The folder's own name differs from run to run.
            let words = |bytes: Vec<u8>| {
                String::from_utf8(bytes)
                    .unwrap()
                    .replace(folder, "MAP")
                    .replace(
                        &std::path::absolute("nergens.ron")
                            .unwrap()
                            .display()
                            .to_string(),
                        "NERGENS",
                    )
            };
            (code, words(out), words(err), files)
        };
        let whole = fixed(usize::MAX);
        assert_eq!(whole.0, EXIT_LOAD);
        assert!(
            whole.2.contains("gent-2017-0004.ron: skipped"),
            "{}",
            whole.2
        );
        assert!(
            whole.2.contains("zz-copy.ron") && whole.2.contains("NERGENS"),
            "{}",
            whole.2
        );
        assert!(
            whole.1.lines().filter(|l| l.contains(".ron: ")).count() >= 5,
            "{}",
            whole.1
        );
        for part in [1, 7] {
            let parts = fixed(part);
            assert_eq!(parts.0, whole.0, "parts of {part}");
            assert_eq!(parts.1, whole.1, "parts of {part}");
            assert_eq!(parts.2, whole.2, "parts of {part}");
            assert_eq!(parts.3, whole.3, "parts of {part}");
        }
    }

    #[test]
    fn rules_are_known_ids_and_repeat() {
        let a = parse(&["map", "--rule", "plan-missing", "--rule", "max-duration"]).unwrap();
        assert_eq!(a.rules, ["plan-missing", "max-duration"]);
        let wrong = parse(&["map", "--rule", "plan"]).unwrap_err().to_string();
        assert!(
            wrong.contains("not a rule") && wrong.contains("plan-missing"),
            "{wrong}"
        );
        assert!(parse(&[]).is_err(), "paths are required");
    }
}

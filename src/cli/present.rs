//! `present`: the presentation of the yearly figures, in the window or (`--export`) as a
//! PDF deck.

use super::args::{Io, LangArg};
use super::{EXIT_LOAD, EXIT_OK, document};
use std::path::{Path, PathBuf};
use twe_core::lang::Lang;
use twe_core::stats::charts::{self, ChartOptions, Slide};
use twe_core::stats::{Figures, YearBasis};

/// `present`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A workspace whose figures the slides may show beside the published ones.
    pub path: Option<PathBuf>,
    /// Write every chart slide as a page of this PDF instead of opening a window
    /// (the workspace's figures with PATH, else the published ones).
    #[arg(long, value_name = "DECK.pdf")]
    pub export: Option<PathBuf>,
    /// Language of the deck.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Replace the deck if the file exists.
    #[arg(long)]
    force: bool,
}

/// `present --export`: the chart slides as a PDF deck; exit 0 when written, 2 otherwise.
/// (Without `--export` the window opens; `main` sees to that.)
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let Some(deck) = &args.export else {
        return Ok(EXIT_OK);
    };
    let lang = LangArg::or_env(args.lang);
    let why = lang.pick("geef een naam op .pdf", "give a name ending in .pdf");
    if !document::extension_is(deck, &["pdf"], why, io)? {
        return Ok(EXIT_LOAD);
    }
    let figures = match &args.path {
        Some(p) => match figures_of(p, lang, io)? {
            Some(f) => f,
            None => return Ok(EXIT_LOAD),
        },
        None => Figures::published(twe_core::reference::published()),
    };
    let table = figures.table_or_start(YearBasis::TrajectoryStart);
    let opts = ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to: table.presentation_year(),
        relative: false,
    };
    let slides: Vec<Slide> = charts::all(table, &opts, lang)
        .into_iter()
        .map(|c| Slide::of(c, lang))
        .collect();
    let source = charts::source_line(figures.from_dossiers(), lang);
    let made = twe_documents::print::deck_pdf(&twe_documents::print::deck::Deck {
        slides: &slides,
        source: &source,
        highlight: None,
        lang,
    });
    let bytes = match made {
        Ok(b) => b,
        Err(e) => {
            document::refused(deck, &e.message(lang), io)?;
            return Ok(EXIT_LOAD);
        }
    };
    if !document::write(deck, &bytes, args.force, lang, io)? {
        return Ok(EXIT_LOAD);
    }
    io.say(&format!(
        "{} → {}",
        lang.pick("Dia's", "Slides"),
        deck.display()
    ))?;
    Ok(EXIT_OK)
}

/// The figures of the workspace at `p` (through the gate), or none (and why on standard
/// error) when a file does not load: figures without it would be too low.
fn figures_of(p: &Path, lang: Lang, io: &mut Io<'_>) -> std::io::Result<Option<Figures>> {
    // A part at a time: what is kept of a quarter of a million dossiers is their counts.
    let (counts, errors, n) = twe_core::stats::FigureCounts::of_folder(
        &[p.to_path_buf()],
        chrono::Local::now().date_naive(),
    );
    io.load_errors(&errors, lang)?;
    if n == 0 || !errors.is_empty() {
        let why = lang.pick(
            "niet alle dossiers konden gelezen worden; geen dia's geschreven: \
             figuren zonder die dossiers zouden te laag zijn. Herstel of verplaats \
             de bestanden hierboven en probeer opnieuw",
            "not every dossier could be read; no slides written: figures without \
             those dossiers would be too low. Mend or move the files named above \
             and try again",
        );
        document::refused(p, why, io)?;
        return Ok(None);
    }
    Ok(Some(counts.figures(false)))
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "present"].iter().chain(args))?;
        match cli.command {
            Some(Command::Present(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_workspace_and_an_export_are_optional() {
        let a = parse(&[]).unwrap();
        assert!(a.path.is_none() && a.export.is_none() && !a.force);
        let a = parse(&["map", "--export", "d.pdf", "--force"]).unwrap();
        assert_eq!(a.path, Some(PathBuf::from("map")));
        assert_eq!(a.export, Some(PathBuf::from("d.pdf")));
        assert!(a.force);
    }

    #[test]
    fn an_unreadable_workspace_writes_no_deck() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("kapot.ron"), "Dossier(").unwrap();
        let deck = dir.path().join("d.pdf");
        let (ws, out) = (dir.path().to_str().unwrap(), deck.to_str().unwrap());
        let args = parse(&[ws, "--export", out, "--lang", "en"]).unwrap();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        assert_eq!(
            run(&args, &mut Io::new(&mut stdout, &mut stderr)).unwrap(),
            EXIT_LOAD
        );
        let err = String::from_utf8(stderr).unwrap();
        assert!(
            err.contains("kapot.ron") && err.contains("would be too low"),
            "{err}"
        );
        assert!(stdout.is_empty() && !deck.exists());
    }
}

//! Every page of the deck as a PNG, to look at a deck without a PDF viewer (as the
//! README's pictures and a review do): `cargo run --example deck_pages -- OUT [WORKSPACE]
//! [nl|en]`.

use twe_core::lang::Lang;
use twe_core::stats::charts::{self, ChartOptions, Slide};
use twe_core::stats::{Figures, YearBasis};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().ok_or("give an output folder")?);
    let workspace = args.next();
    let lang = if args.next().as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Nl
    };
    let figures = match &workspace {
        Some(p) => {
            let report = twe_core::files::load_paths(&[p.into()]);
            let refs: Vec<&twe_core::model::Dossier> =
                report.dossiers.iter().map(|d| &d.dossier).collect();
            Figures::of(&refs, chrono::Local::now().date_naive(), false)
        }
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
    let deck = twe_documents::print::deck::Deck {
        slides: &slides,
        source: &source,
        highlight: None,
        lang,
    };
    for page in 0..slides.len() + 2 {
        let png = twe_documents::print::slide_png(&deck, page, 1.0)?;
        std::fs::write(out.join(format!("page-{}.png", page + 1)), png)?;
    }
    Ok(())
}

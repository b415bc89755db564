//! Documents to take along: the trajectory plan both sign, as PDF (issue 13).
//!
//! `layout` places text, rectangles and lines on A4 pages as data, grouped by meaning;
//! `plan` fills them with a dossier; `pdf` writes them with krilla. krilla was chosen over
//! printpdf and typst-as-a-library: it shapes text (rustybuzz), subsets and embeds the same
//! TrueType font the window draws with, writes tagged PDF and validates PDF/A-2a itself, and
//! adds a few hundred kilobytes where typst would add the whole typesetter.

pub mod deck;
pub mod layout;
pub mod pdf;
mod plan;

pub use plan::{PlanOptions, plan_pages};

/// The font of the window (egui's Ubuntu Light), embedded in every PDF.
pub const FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// A plan made: the PDF, and the letters its font could not draw (see [`missing_letters`]).
pub struct Plan {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// The letters printed as their base letter or "?", if any.
    pub missing: Option<String>,
}

/// The plan of `d` as a PDF, laid out once for the document and for the letters it could
/// not draw.
pub fn plan(d: &twe_core::model::Dossier, opts: &PlanOptions) -> Result<Plan, pdf::PdfError> {
    let pages = plan_pages(d, opts).ok_or(pdf::PdfError::Font)?;
    let metrics = layout::Metrics::new().ok_or(pdf::PdfError::Font)?;
    let missing = missing_in(&pages, &metrics);
    let title: String = format!(
        "{} {}",
        opts.lang
            .pick("Trajectplan TWE-OCMW", "TWE-OCMW trajectory plan"),
        d.id
    )
    .chars()
    .take(300)
    .collect();
    let meta = pdf::Meta {
        title: &title,
        lang: opts.lang.pick("nl-BE", "en"),
        created: crate::ics::now(),
        size: layout::A4,
    };
    // krilla panics on a tag tree it cannot write; that would be our bug, and it must not
    // take the window (and its unsaved work) down: it becomes an error to report.
    let bytes =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf::write(&pages, &meta)))
            .unwrap_or(Err(pdf::PdfError::Panicked))?;
    Ok(Plan { bytes, missing })
}

/// The plan of `d` as a PDF.
pub fn plan_pdf(
    d: &twe_core::model::Dossier,
    opts: &PlanOptions,
) -> Result<Vec<u8>, pdf::PdfError> {
    plan(d, opts).map(|p| p.bytes)
}

/// The letters of the plan of `d` that its font cannot draw, each once in order of first
/// appearance, if any: they are printed as their base letter or "?", and the one who
/// prints it must be told (a name on a signed plan must not change unseen).
pub fn missing_letters(d: &twe_core::model::Dossier, opts: &PlanOptions) -> Option<String> {
    missing_in(&plan_pages(d, opts)?, &layout::Metrics::new()?)
}

/// [`missing_letters`] of pages laid out.
fn missing_in(pages: &[layout::Page], metrics: &layout::Metrics) -> Option<String> {
    let mut seen = String::new();
    for text in pages.iter().flat_map(layout::Page::texts) {
        for c in metrics.missing(text) {
            if !seen.contains(c) {
                seen.push(c);
            }
        }
    }
    (!seen.is_empty()).then_some(seen)
}

/// In a sentence, for the command line and the window's status: which letters became "?".
pub fn missing_letters_warning(letters: &str, lang: twe_core::lang::Lang) -> String {
    format!(
        "{} {} {}",
        lang.pick(
            "let op: het lettertype van de PDF heeft geen tekens voor",
            "note: the PDF's font has no letters for"
        ),
        twe_core::lang::terminal_safe(letters),
        lang.pick(
            "(gedrukt als hun basisletter of ?); kijk de namen na voor u tekent",
            "(printed as their base letter or ?); check the names before signing"
        )
    )
}

/// The chart slides of the presentation as a 16:9 PDF deck: every chart at the
/// presentation's default year, from the published table, or from `dossiers` (counts from
/// 1 to 4 shown as "<5").
pub fn deck_pdf(
    dossiers: Option<&twe_core::stats::ProvinceYearTable>,
    lang: twe_core::lang::Lang,
) -> Result<Vec<u8>, pdf::PdfError> {
    use twe_core::reference::published;
    use twe_core::stats::charts::ChartOptions;
    let published_table;
    let table = if let Some(t) = dossiers {
        t
    } else {
        published_table = twe_core::stats::ProvinceYearTable::from_published(published());
        &published_table
    };
    let suppress = dossiers.is_some();
    let source = twe_core::stats::charts::source_line(suppress, lang);
    // The presentation's default year: the monitoring's partial year for the published
    // figures; for dossiers the last year a trajectory started in (a later year may hold
    // only planned instruments, and would show nothing).
    let up_to = match dossiers {
        Some(t) => t
            .years()
            .into_iter()
            .rev()
            .find(|&y| t.year_total(y).trajectories > 0)
            .or_else(|| t.years().last().copied())
            .unwrap_or(published().partial_year),
        None => published().partial_year,
    };
    let opts = ChartOptions {
        measure: twe_core::stats::Measure::Trajectories,
        up_to,
        relative: false,
        suppress_small: suppress,
    };
    let mut charts = twe_core::stats::charts::all(table, &opts, lang);
    if dossiers.is_none() {
        charts = charts
            .into_iter()
            .map(twe_core::stats::charts::ChartData::published)
            .collect();
    }
    let pages = deck::deck_pages(&charts, lang, suppress, &source).ok_or(pdf::PdfError::Font)?;
    let meta = pdf::Meta {
        title: lang.pick("TWE-OCMW in cijfers", "TWE-OCMW in figures"),
        lang: lang.pick("nl-BE", "en"),
        created: crate::ics::now(),
        size: deck::SLIDE,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf::write(&pages, &meta)))
        .unwrap_or(Err(pdf::PdfError::Panicked))
}

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

/// The deck as presented (its slides, source, highlight) as a 16:9 PDF: a page per chart
/// slide, then the published trainings and outflow.
pub fn deck_pdf(deck: &deck::Deck<'_>) -> Result<Vec<u8>, pdf::PdfError> {
    let lang = deck.lang;
    let pages = deck::deck_pages(deck).ok_or(pdf::PdfError::Font)?;
    let meta = pdf::Meta {
        title: lang.pick("TWE-OCMW in cijfers", "TWE-OCMW in figures"),
        lang: lang.pick("nl-BE", "en"),
        created: crate::ics::now(),
        size: deck::SLIDE,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf::write(&pages, &meta)))
        .unwrap_or(Err(pdf::PdfError::Panicked))
}

/// Page `page` (from 0) of the deck as a PNG image, `scale` pixels per point (2 gives
/// 1920×1080): the chart as the deck draws it, light, for a report. Rendered from the PDF
/// by hayro, so the image and the deck are one drawing.
pub fn slide_png(deck: &deck::Deck<'_>, page: usize, scale: f32) -> Result<Vec<u8>, pdf::PdfError> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings, render};
    let bytes = deck_pdf(deck)?;
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let pdf = Pdf::new(bytes).ok()?;
        let pages = pdf.pages();
        let p = pages.get(page)?;
        let pixmap = render(
            p,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );
        pixmap.into_png().ok()
    }));
    match rendered {
        Ok(Some(png)) => Ok(png),
        Ok(None) => Err(pdf::PdfError::Render),
        Err(_) => Err(pdf::PdfError::Panicked),
    }
}

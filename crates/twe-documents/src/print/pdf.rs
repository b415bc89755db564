//! Pages written as a PDF with krilla: real text in the window's embedded font (subset),
//! vectors for the drawing, a tag tree for screen readers (headings, paragraphs, a table
//! with header cells, a figure with its alternative text; page furniture as artifacts) and
//! PDF/A-2a for the archive.

use super::layout::{Item, Kind, Metrics, Page, Rgb};
use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use std::collections::BTreeMap;
use std::num::NonZeroU16;

/// Why a PDF could not be made. None of these is the user's doing: each is a defect of
/// the program or its build, reported rather than crashing the window with unsaved work.
#[derive(Debug)]
pub enum PdfError {
    /// The embedded font cannot be read.
    Font,
    /// The page size is not one a PDF can have.
    PageSize,
    /// krilla refused the document (its own words, for the report).
    Krilla(String),
    /// Writing panicked (krilla on a tag tree it cannot write).
    Panicked,
    /// A page could not be drawn as an image.
    Render,
}

impl PdfError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: twe_core::lang::Lang) -> String {
        let report = lang.pick(
            "meld dit aan wie twe-planner onderhoudt",
            "please report this to whoever maintains twe-planner",
        );
        match self {
            PdfError::Font => format!(
                "{}; {report}",
                lang.pick(
                    "het lettertype kan niet gelezen worden",
                    "the font cannot be read"
                )
            ),
            PdfError::PageSize => format!(
                "{}; {report}",
                lang.pick("ongeldig paginaformaat", "an invalid page size")
            ),
            PdfError::Krilla(why) => format!(
                "{} ({why}); {report}",
                lang.pick(
                    "de PDF-bibliotheek weigerde het document",
                    "the PDF library refused the document"
                )
            ),
            PdfError::Panicked => format!(
                "{}; {report}",
                lang.pick(
                    "interne fout bij het schrijven van de PDF",
                    "internal error while writing the PDF"
                )
            ),
            PdfError::Render => format!(
                "{}; {report}",
                lang.pick(
                    "de dia kon niet als afbeelding getekend worden",
                    "the slide could not be drawn as an image"
                )
            ),
        }
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(twe_core::lang::Lang::En))
    }
}

impl std::error::Error for PdfError {}

/// The document's title and language (BCP 47: "nl-BE", "en").
pub struct Meta<'a> {
    /// The title readers show.
    pub title: &'a str,
    /// The language of its text.
    pub lang: &'a str,
    /// When it was made (PDF/A wants the date).
    pub created: chrono::DateTime<chrono::Utc>,
    /// The page size in points (A4 for a plan, 16:9 for a deck).
    pub size: (f32, f32),
}

fn color(c: [u8; 3]) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

fn fill_of(c: [u8; 3]) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::NonZero,
    }
}

fn stroke_of(c: [u8; 3], width: f32, dashed: bool) -> Stroke {
    Stroke {
        paint: color(c).into(),
        width,
        dash: dashed.then(|| StrokeDash {
            array: vec![3.0, 2.0],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

/// What draws the items: the embedded font, its metrics (to write only what it can draw)
/// and the document's language for the spans.
struct Pen<'a> {
    font: Font,
    metrics: Metrics,
    lang: &'a str,
}

impl Pen<'_> {
    /// A run of text with its baseline starting at `at`, as the font can draw it.
    fn text(&self, surface: &mut Surface<'_>, at: [f32; 2], size: f32, text: &str, color: Rgb) {
        surface.set_stroke(None);
        surface.set_fill(Some(fill_of(color)));
        surface.draw_text(
            Point::from_xy(at[0], at[1]),
            self.font.clone(),
            size,
            &self.metrics.printable(text),
            false,
            TextDirection::Auto,
        );
    }

    /// Draws one item (no tagging here).
    fn draw(&self, surface: &mut Surface<'_>, item: &Item) {
        match item {
            Item::Text {
                x,
                y,
                size,
                text,
                color,
            } => self.text(surface, [*x, *y], *size, text, *color),
            Item::Upright {
                x,
                y,
                size,
                text,
                color,
            } => {
                // A quarter turn to the left about where the text starts.
                surface.push_transform(&Transform::from_rotate_at(-90.0, *x, *y));
                self.text(surface, [*x, *y], *size, text, *color);
                surface.pop();
            }
            Item::Rect {
                rect,
                fill,
                stroke,
                dashed,
            } => {
                let Some(r) = Rect::from_xywh(rect[0], rect[1], rect[2].max(0.1), rect[3].max(0.1))
                else {
                    return;
                };
                let mut pb = PathBuilder::new();
                pb.push_rect(r);
                let Some(path) = pb.finish() else { return };
                surface.set_fill(fill.map(fill_of));
                surface.set_stroke(stroke.map(|(c, w)| stroke_of(c, w, *dashed)));
                surface.draw_path(&path);
            }
            Item::Line {
                from,
                to,
                color: c,
                width,
                dashed,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from[0], from[1]);
                pb.line_to(to[0], to[1]);
                let Some(path) = pb.finish() else { return };
                surface.set_fill(None);
                surface.set_stroke(Some(stroke_of(*c, *width, *dashed)));
                surface.draw_path(&path);
            }
        }
    }

    /// Draws `items` as artifacts of `kind`: content a screen reader skips.
    fn artifacts<'i>(
        &self,
        surface: &mut Surface<'_>,
        items: impl IntoIterator<Item = &'i Item>,
        kind: ArtifactType,
    ) {
        for item in items {
            surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::with_kind(
                kind,
            )));
            self.draw(surface, item);
            surface.end_tagged();
        }
    }

    /// Draws `items` into `group`: each text as a tagged span, the rest as artifacts; or, for
    /// a figure, everything as one piece of content.
    fn items(&self, surface: &mut Surface<'_>, items: &[Item], group: &mut TagGroup, figure: bool) {
        if figure {
            let id = surface.start_tagged(ContentTag::Other);
            for item in items {
                self.draw(surface, item);
            }
            surface.end_tagged();
            group.push(id);
            return;
        }
        for item in items {
            if let Item::Text { .. } | Item::Upright { .. } = item {
                let id = surface.start_tagged(ContentTag::Span(
                    SpanTag::empty().with_lang(Some(self.lang)),
                ));
                self.draw(surface, item);
                surface.end_tagged();
                group.push(id);
            } else {
                self.artifacts(surface, [item], ArtifactType::Other);
            }
        }
    }
}

/// Writes `pages` as a tagged PDF/A-2a document.
pub fn write(pages: &[Page], meta: &Meta<'_>) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let pen = Pen {
        font: Font::new(super::FONT.to_vec().into(), 0).ok_or(PdfError::Font)?,
        metrics: Metrics::new().ok_or(PdfError::Font)?,
        lang: meta.lang,
    };
    let mut tree = TagTree::new().with_lang(Some(meta.lang.to_string()));
    // Tables are one group across the pages they reach; rows join them in order.
    let mut tables: BTreeMap<usize, (usize, TagGroup)> = BTreeMap::new();
    let mut order: Vec<Option<Node>> = Vec::new();
    for page_blocks in pages {
        let settings = PageSettings::from_wh(meta.size.0, meta.size.1).ok_or(PdfError::PageSize)?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for block in &page_blocks.blocks {
            match &block.kind {
                Kind::Artifact => {
                    pen.artifacts(
                        &mut surface,
                        block.cells.iter().flatten(),
                        ArtifactType::Page,
                    );
                }
                Kind::Heading(_) | Kind::Paragraph | Kind::Figure(_) => {
                    let (tag, figure): (TagKind, bool) = match &block.kind {
                        Kind::Heading(level) => {
                            let text: String =
                                block_text(&block.cells).chars().take(1000).collect();
                            let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
                            (Tag::Hn(level, Some(text)).into(), false)
                        }
                        // PDF/A caps a string at 32,767 bytes: a long description is cut.
                        Kind::Figure(alt) if alt.len() > 4000 => {
                            let mut cut: String = alt.chars().take(1000).collect();
                            cut.push('…');
                            (Tag::Figure(Some(cut)).into(), true)
                        }
                        Kind::Figure(alt) => (Tag::Figure(Some(alt.clone())).into(), true),
                        _ => (Tag::P.into(), false),
                    };
                    let mut group = TagGroup::new(tag);
                    pen.items(&mut surface, &block.cells.concat(), &mut group, figure);
                    order.push(Some(group.into()));
                }
                Kind::Row { table, header } => {
                    let (_, t) = tables.entry(*table).or_insert_with(|| {
                        order.push(None);
                        (order.len() - 1, TagGroup::new(Tag::Table))
                    });
                    // A header row repeated on a later page is page furniture: drawn as an
                    // artifact, so the table has one header row for a screen reader (and
                    // every marked piece of content has its one place in the tree).
                    if *header && !group_is_empty(t) {
                        pen.artifacts(
                            &mut surface,
                            block.cells.iter().flatten(),
                            ArtifactType::Page,
                        );
                        continue;
                    }
                    let mut row = TagGroup::new(Tag::TR);
                    for cell in &block.cells {
                        let mut group: TagGroup = if *header {
                            TagGroup::new(Tag::TH(TableHeaderScope::Column))
                        } else {
                            TagGroup::new(Tag::TD)
                        };
                        pen.items(&mut surface, cell, &mut group, false);
                        row.push(group);
                    }
                    t.push(row);
                }
            }
        }
        surface.finish();
        page.finish();
    }
    for (_, (slot, group)) in tables {
        if let Some(place) = order.get_mut(slot) {
            *place = Some(group.into());
        }
    }
    for node in order.into_iter().flatten() {
        tree.push(node);
    }
    document.set_tag_tree(tree);
    document.set_metadata(
        Metadata::new()
            .title(meta.title.to_string())
            .language(meta.lang.to_string())
            .creator("twe-planner".to_string())
            .creation_date(pdf_date(meta.created)),
    );
    document
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

fn pdf_date(t: chrono::DateTime<chrono::Utc>) -> krilla::metadata::DateTime {
    use chrono::{Datelike, Timelike};
    let byte = |v: u32| u8::try_from(v).unwrap_or(0);
    krilla::metadata::DateTime::new(u16::try_from(t.year()).unwrap_or(2026))
        .month(byte(t.month()))
        .day(byte(t.day()))
        .hour(byte(t.hour()))
        .minute(byte(t.minute()))
        .second(byte(t.second()))
        .utc_offset_hour(0)
}

fn group_is_empty(group: &TagGroup) -> bool {
    group.children.is_empty()
}

fn block_text(cells: &[Vec<Item>]) -> String {
    cells
        .iter()
        .flatten()
        .filter_map(|i| match i {
            Item::Text { text, .. } | Item::Upright { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[allow(
    dead_code,
    reason = "keeps the tag kind import honest across krilla versions"
)]
fn _kind(_: TagKind) {}

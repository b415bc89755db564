//! Pages as data: text, rectangles and lines placed in points on A4, grouped into blocks
//! with the meaning a screen reader needs (heading, paragraph, table row, figure, artifact).
//! Plain Rust: the plan is laid out here and tested without a PDF; `super::pdf` writes it.

/// sRGB colour.
pub use twe_core::colour::Rgb;

/// A4 in points.
pub const A4: (f32, f32) = (595.28, 841.89);
/// The margin on every side, in points (15 mm).
pub const MARGIN: f32 = 42.5;
/// The band at the top of each page for the repeated header, and at the bottom for the
/// footer.
pub const HEADER: f32 = 26.0;
/// Body text size.
pub const BODY: f32 = 9.5;
/// Black text.
pub const INK: Rgb = [0x1a, 0x1a, 0x1a];
/// Grey text for labels and notes (7:1 on white).
pub const MUTED: Rgb = [0x55, 0x55, 0x55];

/// One thing drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A run of text on one line; `y` is its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size in points.
        size: f32,
        /// The text.
        text: String,
        /// Its colour.
        color: Rgb,
    },
    /// A run of text turned a quarter to the left, read from bottom to top (a value on a
    /// bar too narrow for it lying down); `x` is its baseline, `y` where it starts.
    Upright {
        /// Baseline.
        x: f32,
        /// Bottom end, where the text starts.
        y: f32,
        /// Font size in points.
        size: f32,
        /// The text.
        text: String,
        /// Its colour.
        color: Rgb,
    },
    /// A rectangle.
    Rect {
        /// Left, top, width, height.
        rect: [f32; 4],
        /// Fill, if any.
        fill: Option<Rgb>,
        /// Outline and its width, if any.
        stroke: Option<(Rgb, f32)>,
        /// Whether the outline is dashed.
        dashed: bool,
    },
    /// A straight line.
    Line {
        /// From.
        from: [f32; 2],
        /// To.
        to: [f32; 2],
        /// Colour.
        color: Rgb,
        /// Width.
        width: f32,
        /// Whether it is dashed.
        dashed: bool,
    },
}

/// What a block is, for the tag tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A heading of level 1 or 2.
    Heading(u16),
    /// A paragraph (or its part on this page).
    Paragraph,
    /// A row of table `table`; a header row names the columns.
    Row {
        /// Which table of the document.
        table: usize,
        /// Whether it is the header row (repeated on each page the table reaches).
        header: bool,
    },
    /// A drawing, with the text a screen reader says instead.
    Figure(String),
    /// Page furniture: the repeated header, the footer, rules.
    Artifact,
}

/// Items that belong together; a table row has one list of items per cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// What it is.
    pub kind: Kind,
    /// Its items, per cell for a row, in one list otherwise.
    pub cells: Vec<Vec<Item>>,
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Its blocks in reading order.
    pub blocks: Vec<Block>,
}

impl Page {
    /// Every text of the page, in reading order (tests read the plan through it).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .flat_map(|b| b.cells.iter().flatten())
            .filter_map(|i| match i {
                Item::Text { text, .. } | Item::Upright { text, .. } => Some(text.as_str()),
                _ => None,
            })
    }
}

/// Characters that take no room and show nothing (zero-width spaces and joiners, direction
/// marks, the byte order mark, a soft hyphen): left out where the font lacks them.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// How wide a text is: the printed font's advances, so lines break where the PDF's do.
pub struct Metrics {
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    /// The metrics of the font the PDF embeds (the window's own, Ubuntu Light).
    pub fn new() -> Option<Self> {
        ttf_parser::Face::parse(super::FONT, 0)
            .ok()
            .map(|face| Self { face })
    }

    /// `text` as the embedded font can draw it: control characters left out; a letter the
    /// font lacks written as its base letter with the marks the font has ("ễ" as "ê" or
    /// "e"), else "?". PDF/A forbids a glyph the font does not have, so without this one
    /// Vietnamese or Amharic name made the whole document fail.
    pub fn printable(&self, text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let has = |c: char| self.face.glyph_index(c).is_some();
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_control() {
                if c == '\t' {
                    out.push(' ');
                }
                continue;
            }
            if invisible(c) && !has(c) {
                continue;
            }
            if has(c) {
                out.push(c);
                continue;
            }
            let decomposed: String = std::iter::once(c).nfd().filter(|&d| has(d)).collect();
            let composed: String = decomposed.nfc().collect();
            if composed.chars().any(char::is_alphanumeric) {
                out.push_str(&composed);
            } else {
                out.push('?');
            }
        }
        out
    }

    /// The letters of `text` that [`Self::printable`] does not write as they are: as their
    /// base letter ("ễ" as "ê") or as "?" (Arabic, Hebrew, emoji: the window's font lacks
    /// them too). Invisible characters it leaves out (a zero-width space) are not among them.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let has = |c: char| self.face.glyph_index(c).is_some();
        text.chars()
            .filter(|&c| !c.is_control() && !invisible(c) && !has(c))
            .collect()
    }

    /// `text` cut with "…" to fit `width` at `size`.
    pub fn fit(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_string();
        }
        let mut out = String::new();
        let mut used = self.width("…", size);
        for c in text.chars() {
            let w = self.char_width(c, size);
            if used + w > width {
                break;
            }
            used += w;
            out.push(c);
        }
        out.push('…');
        out
    }

    fn char_width(&self, c: char, size: f32) -> f32 {
        let per_em = f32::from(self.face.units_per_em().max(1));
        self.face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .map_or(per_em * 0.5, f32::from)
            * size
            / per_em
    }

    /// The width of `text` at `size` points (kerning aside).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// `text` broken into lines no wider than `width` at `size`: at spaces, or inside a word
    /// too long for a line.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ') {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size) <= width || line.is_empty() {
                    line = candidate;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_string();
                }
                // A word wider than the line is cut where it overflows (one pass over its
                // characters: a megabyte-long word must not take minutes).
                if self.width(&line, size) > width && line.chars().count() > 1 {
                    let mut piece = String::new();
                    let mut used = 0.0;
                    for c in std::mem::take(&mut line).chars() {
                        let w = self.char_width(c, size);
                        if used + w > width && !piece.is_empty() {
                            lines.push(std::mem::take(&mut piece));
                            used = 0.0;
                        }
                        used += w;
                        piece.push(c);
                    }
                    line = piece;
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// Lays blocks out top to bottom, starting a page when one does not fit.
pub struct Flow {
    /// The pages so far.
    pub pages: Vec<Page>,
    /// Where the next block starts on the current page.
    pub y: f32,
    /// The text metrics.
    pub metrics: Metrics,
}

impl Flow {
    /// A flow on one empty page.
    pub fn new(metrics: Metrics) -> Self {
        Self {
            pages: vec![Page::default()],
            y: Self::top(),
            metrics,
        }
    }

    /// The first line a page's body may use.
    pub fn top() -> f32 {
        MARGIN + HEADER
    }

    /// The last line a page's body may use.
    pub fn bottom() -> f32 {
        A4.1 - MARGIN - HEADER
    }

    /// The body's width.
    pub fn width() -> f32 {
        A4.0 - 2.0 * MARGIN
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = Self::top();
    }

    /// Makes room for `height` points, on a new page if they do not fit here (a block taller
    /// than a page starts a page and runs as far as it goes).
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > Self::bottom() && self.y > Self::top() {
            self.new_page();
        }
    }

    /// Adds a block to the current page.
    pub fn push(&mut self, block: Block) {
        if let Some(page) = self.pages.last_mut() {
            page.blocks.push(block);
        }
    }

    /// Vertical space.
    pub fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// A heading.
    pub fn heading(&mut self, text: &str, level: u16) {
        let size = if level == 1 { 17.0 } else { 12.5 };
        // A heading never ends a page: it keeps room for two lines after it.
        self.ensure(size * 2.6 + 2.0 * BODY * 1.35);
        if level > 1 && self.y > Self::top() {
            self.y += 8.0;
        }
        self.y += size * 1.2;
        let item = Item::Text {
            x: MARGIN,
            y: self.y,
            size,
            text: text.to_string(),
            color: INK,
        };
        self.push(Block {
            kind: Kind::Heading(level),
            cells: vec![vec![item]],
        });
        self.y += size * 0.6;
    }

    /// A paragraph wrapped to the body's width, indented by `indent`; it continues on the
    /// next page where it does not fit.
    pub fn paragraph(&mut self, text: &str, size: f32, color: Rgb, indent: f32) {
        let lead = size * 1.35;
        let lines = self.metrics.wrap(text, size, Self::width() - indent);
        let mut items = Vec::new();
        for line in lines {
            if self.y + lead > Self::bottom() {
                if !items.is_empty() {
                    self.push(Block {
                        kind: Kind::Paragraph,
                        cells: vec![std::mem::take(&mut items)],
                    });
                }
                self.new_page();
            }
            self.y += lead;
            items.push(Item::Text {
                x: MARGIN + indent,
                y: self.y - size * 0.3,
                size,
                text: line,
                color,
            });
        }
        if !items.is_empty() {
            self.push(Block {
                kind: Kind::Paragraph,
                cells: vec![items],
            });
        }
    }

    /// A table with columns of the given widths (points; the last takes what is left), the
    /// header row repeated on every page the table reaches; cells wrap.
    pub fn table(&mut self, table: usize, header: &[String], widths: &[f32], rows: &[Vec<String>]) {
        let size = BODY - 0.5;
        let lead = size * 1.3;
        let pad = 3.0;
        let mut columns: Vec<f32> = widths.to_vec();
        let used: f32 = columns.iter().take(columns.len().saturating_sub(1)).sum();
        if let Some(last) = columns.last_mut() {
            *last = (Self::width() - used).max(40.0);
        }
        // A row never runs taller than a page's body: a cell's lines past that end in "…".
        let max_lines = (((Self::bottom() - Self::top() - 2.0 * pad) / lead) as usize).max(1) - 1;
        let layout_row = |flow: &Flow, cells: &[String]| -> (Vec<Vec<String>>, f32) {
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .zip(&columns)
                .map(|(c, w)| {
                    let mut lines = flow.metrics.wrap(c, size, w - 2.0 * pad);
                    if lines.len() > max_lines {
                        lines.truncate(max_lines);
                        if let Some(last) = lines.last_mut() {
                            last.push('…');
                        }
                    }
                    lines
                })
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (wrapped, lines as f32 * lead + 2.0 * pad)
        };
        let (head, head_height) = layout_row(self, header);
        let draw_row = |flow: &mut Flow, wrapped: &[Vec<String>], height: f32, is_header: bool| {
            let top = flow.y;
            let mut x = MARGIN;
            let mut cells = Vec::new();
            for (lines, w) in wrapped.iter().zip(&columns) {
                let mut items = Vec::new();
                if is_header {
                    items.push(Item::Rect {
                        rect: [x, top, *w, height],
                        fill: Some([0xEE, 0xEE, 0xEE]),
                        stroke: None,
                        dashed: false,
                    });
                }
                for (k, line) in lines.iter().enumerate() {
                    items.push(Item::Text {
                        x: x + pad,
                        y: top + pad + (k as f32 + 1.0) * lead - size * 0.3,
                        size,
                        text: line.clone(),
                        color: INK,
                    });
                }
                cells.push(items);
                x += w;
            }
            // With the last cell, drawn after every cell's fill.
            if let Some(last) = cells.last_mut() {
                last.push(Item::Line {
                    from: [MARGIN, top + height],
                    to: [MARGIN + Self::width(), top + height],
                    color: [0xBB, 0xBB, 0xBB],
                    width: 0.5,
                    dashed: false,
                });
            }
            flow.push(Block {
                kind: Kind::Row {
                    table,
                    header: is_header,
                },
                cells,
            });
            flow.y += height;
        };
        self.ensure(head_height * 2.0);
        draw_row(self, &head, head_height, true);
        for row in rows {
            let (wrapped, height) = layout_row(self, row);
            if self.y + height > Self::bottom() {
                self.new_page();
                draw_row(self, &head, head_height, true);
            }
            draw_row(self, &wrapped, height, false);
        }
    }

    /// Adds the repeated header (from the second page on) and the footer with page numbers
    /// to every page, as artifacts.
    pub fn furnish(&mut self, header: &str, footer: impl Fn(usize, usize) -> String) {
        let n = self.pages.len();
        for (k, page) in self.pages.iter_mut().enumerate() {
            let mut items = vec![Item::Line {
                from: [MARGIN, A4.1 - MARGIN - HEADER + 8.0],
                to: [A4.0 - MARGIN, A4.1 - MARGIN - HEADER + 8.0],
                color: [0xBB, 0xBB, 0xBB],
                width: 0.5,
                dashed: false,
            }];
            items.push(Item::Text {
                x: MARGIN,
                y: A4.1 - MARGIN - 4.0,
                size: 8.0,
                text: self
                    .metrics
                    .fit(&footer(k + 1, n), 8.0, A4.0 - 2.0 * MARGIN),
                color: MUTED,
            });
            if k > 0 {
                items.push(Item::Text {
                    x: MARGIN,
                    y: MARGIN + 10.0,
                    size: 8.5,
                    text: self.metrics.fit(header, 8.5, A4.0 - 2.0 * MARGIN),
                    color: MUTED,
                });
                items.push(Item::Line {
                    from: [MARGIN, MARGIN + 16.0],
                    to: [A4.0 - MARGIN, MARGIN + 16.0],
                    color: [0xBB, 0xBB, 0xBB],
                    width: 0.5,
                    dashed: false,
                });
            }
            page.blocks.push(Block {
                kind: Kind::Artifact,
                cells: vec![items],
            });
        }
    }
}

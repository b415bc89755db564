//! How large a caseload's spreadsheet may be, once, for both directions: the import reads a
//! file within these bounds (whatever it holds: they keep it bounded in time and memory),
//! and the export refuses, before anything appears at the file's name, a caseload that would
//! pass one of them. What the program exports it imports; what it would not import it does
//! not export. Each bound is said with its number, in both languages, from here.

use twe_core::lang::{Lang, number};

/// The most rows a sheet may have, its header included: Excel's own limit (a sheet with
/// more cannot be opened in it).
pub const MAX_SHEET_ROWS: u32 = 1_048_576;
/// The most cells kept, all sheets together, empty ones within a row counted (a row is
/// kept from column A to its last cell; a CSV row whole): 250,000 dossiers as `generate`
/// makes them keep some 8.6 million.
pub const MAX_STORED_CELLS: usize = 16_000_000;
/// The most text kept, all cells together (one long shared string used in every cell would
/// otherwise be copied into each): 250,000 dossiers keep some 60 MB.
pub const MAX_TEXT_BYTES: usize = 256 << 20;
/// The largest file: 250,000 dossiers make a workbook of 35 MB and a CSV file of 42 MB.
pub const MAX_FILE_BYTES: u64 = 128 << 20;
/// The most a workbook's parts may unpack to, together: 250,000 dossiers unpack to some
/// 330 MB. Measured by unpacking before any part is parsed (a zip states its sizes, and a
/// hostile one lies): the parts are streamed, so it costs time; the shared-string table,
/// which the reader holds, is bounded apart (`read::MAX_SHARED_STRING_BYTES`). The export
/// measures its own workbook's unpacked size before the file takes its name.
pub const MAX_UNPACKED_BYTES: u64 = 2 << 30;

/// One of the bounds above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// [`MAX_SHEET_ROWS`].
    Rows,
    /// [`MAX_STORED_CELLS`].
    Cells,
    /// [`MAX_TEXT_BYTES`].
    Text,
    /// [`MAX_FILE_BYTES`].
    File,
    /// [`MAX_UNPACKED_BYTES`].
    Unpacked,
}

impl Bound {
    /// "more than 1,048,576 rows a sheet (Excel's limit)", in `lang`.
    pub fn said(self, lang: Lang) -> String {
        let mb = |bytes: u64| number(i64::try_from(bytes >> 20).unwrap_or(i64::MAX), lang);
        match self {
            Bound::Rows => format!(
                "{} {} {}",
                lang.pick("meer dan", "more than"),
                number(i64::from(MAX_SHEET_ROWS), lang),
                lang.pick(
                    "rijen in een blad (het meeste dat Excel opent)",
                    "rows in a sheet (the most Excel opens)"
                )
            ),
            Bound::Cells => format!(
                "{} {} {}",
                lang.pick("meer dan", "more than"),
                number(i64::try_from(MAX_STORED_CELLS).unwrap_or(i64::MAX), lang),
                lang.pick("cellen", "cells")
            ),
            Bound::Text => format!(
                "{} {} {}",
                lang.pick("meer dan", "more than"),
                mb(MAX_TEXT_BYTES as u64),
                lang.pick("MB tekst", "MB of text")
            ),
            Bound::File => format!(
                "{} {} MB",
                lang.pick("groter dan", "larger than"),
                mb(MAX_FILE_BYTES)
            ),
            Bound::Unpacked => format!(
                "{} {} {}",
                lang.pick("pakt uit tot meer dan", "unpacks to more than"),
                mb(MAX_UNPACKED_BYTES),
                "MB"
            ),
        }
    }

    /// What a user does about a caseload past the bound: the same advice wherever it is
    /// met, the export's or the import's.
    pub fn advice(lang: Lang) -> &'static str {
        lang.pick(
            "splits de caseload, bv. een map of bestand per jaar of per OCMW",
            "split the caseload, e.g. a folder or file per year or per OCMW",
        )
    }
}

/// What a spreadsheet costs the import that reads it, counted as it is written or read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cost {
    /// Cells kept.
    pub stored: usize,
    /// Bytes of text kept.
    pub text: usize,
}

impl Cost {
    /// Counts a row that keeps `cells` cells and `text` bytes of text; the bound passed, if
    /// one is.
    pub fn add(&mut self, cells: usize, text: usize) -> Result<(), Bound> {
        self.stored += cells;
        self.text += text;
        if self.stored > MAX_STORED_CELLS {
            Err(Bound::Cells)
        } else if self.text > MAX_TEXT_BYTES {
            Err(Bound::Text)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bound_is_said_with_its_number_in_both_languages() {
        assert_eq!(
            Bound::Rows.said(Lang::En),
            "more than 1,048,576 rows in a sheet (the most Excel opens)"
        );
        assert_eq!(
            Bound::Rows.said(Lang::Nl),
            "meer dan 1.048.576 rijen in een blad (het meeste dat Excel opent)"
        );
        assert_eq!(Bound::Cells.said(Lang::En), "more than 16,000,000 cells");
        assert_eq!(Bound::Text.said(Lang::Nl), "meer dan 256 MB tekst");
        assert_eq!(Bound::File.said(Lang::En), "larger than 128 MB");
        assert_eq!(
            Bound::Unpacked.said(Lang::En),
            "unpacks to more than 2,048 MB"
        );
    }

    #[test]
    fn a_cost_says_which_bound_it_passes() {
        let mut c = Cost::default();
        assert_eq!(c.add(MAX_STORED_CELLS, 0), Ok(()));
        assert_eq!(c.add(1, 0), Err(Bound::Cells));
        let mut c = Cost::default();
        assert_eq!(c.add(1, MAX_TEXT_BYTES), Ok(()));
        assert_eq!(c.add(0, 1), Err(Bound::Text));
    }
}

//! Statistics: the province × year table from the published figures or from dossiers, and
//! the audit of the published data. No GUI here.

pub mod audit;
pub mod charts;
mod counts;
mod dossier_stats;
mod table;

pub use audit::{Defect, audit, published_defects};
pub use counts::{Counts, Measure};
pub use dossier_stats::{DossierStats, StatusCounts};
pub use table::{ProvinceYearTable, TOTAL, TableRow, UNPLACED, contribution};

#[cfg(test)]
mod tests;

/// A CSV writer into memory as the statistics exports write: `,` and `\n` (the format
/// `stats --format csv` has always had), quoting as the csv crate does where needed.
pub(crate) fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

/// The text a [`csv_writer`] wrote.
pub(crate) fn csv_text(w: csv::Writer<Vec<u8>>) -> String {
    w.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

//! Statistics: the province × year table from the published figures or from dossiers, and
//! the audit of the published data. No GUI here.

pub mod audit;
pub mod charts;
mod counts;
pub mod disclosure;
mod dossier_stats;
pub mod figures;
mod table;

pub use audit::{Defect, audit, published_defects, summary, totals_checked};
pub use counts::{Counts, Measure};
pub use dossier_stats::{DossierStats, StatusCounts};
pub use figures::{DataSource, FigureCounts, FigureTable, Figures, Row};
pub use table::{ProvinceYearTable, TOTAL, UNPLACED, YearBasis, contribution};

#[cfg(test)]
mod tests;

/// Records as CSV the way the statistics exports write it: `,` and `\n` (the format
/// `stats --format csv` has always had), quoted by the csv crate where needed.
pub(crate) fn csv_text(records: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::new());
    for record in records {
        // Into memory, with records of any length allowed, writing cannot fail.
        if w.write_record(&record).is_err() {
            break;
        }
    }
    w.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

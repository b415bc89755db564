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

//! The five Flemish provinces.

use serde::{Deserialize, Serialize};

/// A Flemish province, in the order of the published table (alphabetical).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Province {
    /// NIS 10000.
    Antwerpen,
    /// NIS 70000.
    Limburg,
    /// NIS 40000.
    OostVlaanderen,
    /// NIS 20001.
    VlaamsBrabant,
    /// NIS 30000.
    WestVlaanderen,
}

impl Province {
    /// Every province, in the order of the published table.
    pub const ALL: [Province; 5] = [
        Province::Antwerpen,
        Province::Limburg,
        Province::OostVlaanderen,
        Province::VlaamsBrabant,
        Province::WestVlaanderen,
    ];

    /// The province's name, the same in Dutch and English.
    pub fn name(self) -> &'static str {
        match self {
            Province::Antwerpen => "Antwerpen",
            Province::Limburg => "Limburg",
            Province::OostVlaanderen => "Oost-Vlaanderen",
            Province::VlaamsBrabant => "Vlaams-Brabant",
            Province::WestVlaanderen => "West-Vlaanderen",
        }
    }

    /// The province's NIS code.
    pub fn nis(self) -> &'static str {
        match self {
            Province::Antwerpen => "10000",
            Province::Limburg => "70000",
            Province::OostVlaanderen => "40000",
            Province::VlaamsBrabant => "20001",
            Province::WestVlaanderen => "30000",
        }
    }

    /// The province with this NIS code.
    pub fn from_nis(code: &str) -> Option<Province> {
        Province::ALL.into_iter().find(|p| p.nis() == code)
    }

    /// The province with this name (as [`Province::name`] gives it).
    pub fn from_name(name: &str) -> Option<Province> {
        Province::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }
}

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
    /// The province's colour in charts (Okabe–Ito, colour-blind safe), as sRGB bytes: the
    /// window's charts and the printed deck share it.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Province::Antwerpen => [0x00, 0x72, 0xB2],
            Province::Limburg => [0xE6, 0x9F, 0x00],
            Province::OostVlaanderen => [0x00, 0x9E, 0x73],
            Province::VlaamsBrabant => [0xCC, 0x79, 0xA7],
            Province::WestVlaanderen => [0xD5, 0x5E, 0x00],
        }
    }

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

//! Reference data embedded in the binary: the published figures, the municipalities and the
//! organisations. Each asset is parsed once, on first use; `cargo test` parses and validates
//! every one, so a broken asset never reaches a user.

mod municipalities;
mod province;
pub mod published;

pub use municipalities::{Municipalities, Municipality};
pub use province::Province;
pub use published::Published;

use std::sync::OnceLock;

/// The published figures (assets/published.ron).
pub const PUBLISHED_RON: &str = include_str!("../../../../assets/published.ron");
/// The municipalities (assets/municipalities.json, from `scripts/gen_municipalities.py`).
pub const MUNICIPALITIES_JSON: &str = include_str!("../../../../assets/municipalities.json");

/// The published figures.
///
/// # Panics
/// Never in a tested build: the embedded text is parsed by `reference::tests`.
pub fn published() -> &'static Published {
    static CELL: OnceLock<Published> = OnceLock::new();
    CELL.get_or_init(|| match ron::from_str(PUBLISHED_RON) {
        Ok(p) => p,
        // Unreachable in a tested build: `reference::tests` parses the same text.
        Err(e) => panic!("embedded assets/published.ron is broken: {e}"),
    })
}

/// The municipalities of 2017 and later.
///
/// # Panics
/// Never in a tested build: the embedded text is parsed by `reference::tests`.
pub fn municipalities() -> &'static Municipalities {
    static CELL: OnceLock<Municipalities> = OnceLock::new();
    CELL.get_or_init(|| match Municipalities::from_json(MUNICIPALITIES_JSON) {
        Ok(m) => m,
        // Unreachable in a tested build: `reference::tests` parses the same text.
        Err(e) => panic!("embedded assets/municipalities.json is broken: {e}"),
    })
}

#[cfg(test)]
mod tests;

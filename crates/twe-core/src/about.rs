//! What the program is and where its figures come from: the version, the commit and day it
//! was built from, the licence, and the data sources with their attribution. One home for
//! `twe-planner --version`, the window's About and the package's notices.

use crate::lang::Lang;
use crate::rules::source::Document;

/// The licence of twe-planner, as an SPDX expression (the file `LICENSE` holds its text).
pub const LICENCE: &str = "EUPL-1.2";

/// The licence's name in words.
pub fn licence_name(lang: Lang) -> &'static str {
    lang.pick(
        "Europese Unie Publieke Licentie 1.2 (EUPL-1.2)",
        "European Union Public Licence 1.2 (EUPL-1.2)",
    )
}

/// A build of the program: filled in by the binary from what its build script found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Build {
    /// The version (`Cargo.toml`).
    pub version: &'static str,
    /// The commit it was built from, abbreviated; "unknown" outside a git checkout.
    pub commit: &'static str,
    /// The day it was built from (the commit's day, or `SOURCE_DATE_EPOCH`'s, so that two
    /// builds of one commit are alike), YYYY-MM-DD; "unknown" when neither is known.
    pub date: &'static str,
}

impl Build {
    /// A build known only by its version (tests, and a library used on its own).
    pub const fn of_version(version: &'static str) -> Build {
        Build {
            version,
            commit: "unknown",
            date: "unknown",
        }
    }

    /// One line: "0.1.0 (commit 1a2b3c4d5e6f, 2026-12-07)".
    pub fn line(&self) -> String {
        format!("{} (commit {}, {})", self.version, self.commit, self.date)
    }

    /// What `--version` prints after the program's name: the build, the licence, the data
    /// sources and where the source is (EUPL art. 5: with the program, in `LICENSE`).
    pub fn long_version(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}\n{}: {}\n",
            self.line(),
            lang.pick("Licentie", "Licence"),
            licence_name(lang)
        );
        out.push_str(lang.pick("Gegevens", "Data"));
        out.push_str(":\n");
        let sources: Vec<String> = data_sources(lang)
            .iter()
            .map(|(what, whence)| format!("  {what}: {whence}"))
            .collect();
        out.push_str(&sources.join("\n"));
        out
    }
}

/// The data the program carries, each with its source and attribution.
pub fn data_sources(lang: Lang) -> [(&'static str, &'static str); 2] {
    [
        (
            lang.pick(
                "Cijfers per provincie en jaar (VDAB)",
                "Figures per province and year (VDAB)",
            ),
            Document::Seed.title(lang),
        ),
        (
            lang.pick("Gemeenten en provincies", "Municipalities and provinces"),
            Document::Municipalities.title(lang),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_long_version_names_build_licence_and_sources_in_both_languages() {
        let b = Build {
            version: "1.2.3",
            commit: "abcdef123456",
            date: "2026-12-07",
        };
        let en = b.long_version(Lang::En);
        assert!(
            en.starts_with("1.2.3 (commit abcdef123456, 2026-12-07)\n"),
            "{en}"
        );
        assert!(en.contains("EUPL-1.2"));
        assert!(
            en.contains("Flemish Parliament") && en.contains("Statbel") && en.contains("CC BY 4.0")
        );
        let nl = b.long_version(Lang::Nl);
        assert!(
            nl.contains("Licentie") && nl.contains("Vlaams Parlement"),
            "{nl}"
        );
    }
}

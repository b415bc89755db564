//! File names made from dossier ids, safe on Windows and SMB shares as well as here: one
//! function for new dossiers, copies and imports.
//!
//! A dossier id may hold any character; its file name never holds `\ / : * ? " < > |` or a
//! control character, never starts with a dot (hidden files are skipped by the loader) and
//! never ends with a dot or a space (Windows drops them), is never a reserved device name
//! (CON, NUL, COM1…), fits in 255 bytes, holds no invisible format character (Unicode
//! category Cf: bidirectional controls such as U+202E, which make `\u{202E}gnp.exe` show as
//! "exe.png", zero-width spaces), is in Unicode normal form C, and never clashes with a name
//! already taken when case or normalisation is ignored (Windows and SMB ignore case, and a
//! Mac writes decomposed names): a clash gets `-2`, `-3`…

use std::collections::HashSet;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// A name as two names are compared for a clash: in normal form C, without case. Names
/// that differ only so are one name on a share.
pub fn clash_key(name: &str) -> String {
    name.nfc().collect::<String>().to_lowercase()
}

/// What a file name may be at most, in bytes (most file systems), with its extension.
#[cfg(test)]
const MAX_NAME_BYTES: usize = 255;
/// The longest stem: room is kept for `-N`, `.ron`, and the temporary and backup names a
/// save makes from the file's (`.~twe-.NAME.bak.XXXXXX.tmp`, 30 bytes more).
const MAX_STEM_BYTES: usize = 200;

/// Windows' reserved device names: a file may not be called so, with any extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Whether Windows reserves `stem` (compared without case, and without what follows a
/// first dot: "con.backup" is reserved too). The superscript digits count as digits.
fn is_reserved(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).trim_end();
    let upper: String = base
        .chars()
        .map(|c| match c {
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    RESERVED.contains(&upper.as_str()) || upper == "COM0" || upper == "LPT0"
}

/// The stem (name without `.ron`) that stands for `id` on every file system.
pub fn safe_stem(id: &str) -> String {
    let mut stem: String = id
        .nfc()
        .filter(|c| c.general_category() != GeneralCategory::Format)
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    // No leading dot or blank (hidden, or easy to miss), no trailing dot or blank (dropped
    // by Windows, so two names would meet).
    stem = stem
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string();
    if stem.len() > MAX_STEM_BYTES {
        let mut cut = MAX_STEM_BYTES;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
        stem = stem
            .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
            .to_string();
    }
    if stem.is_empty() {
        stem = "dossier".to_string();
    }
    if is_reserved(&stem) {
        // After the name itself, before any dot: Windows reads "COM1.x" as COM1 too.
        let at = stem.find('.').unwrap_or(stem.len());
        stem.insert(at, '_');
    }
    stem
}

/// The names a folder already holds, as [`clash_key`] compares them: the names a new file
/// must not take.
pub fn taken_in(dir: &Path) -> HashSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| clash_key(&e.file_name().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default()
}

/// The file name for dossier `id`: its safe stem with `.ron`, or with `-2`, `-3`… when a
/// name in `taken` ([`clash_key`]s) already has it, ignoring case and normalisation. The name is added to
/// `taken`, so that a batch of new files never clashes among itself.
pub fn file_name_for<S: std::hash::BuildHasher>(
    id: &str,
    taken: &mut HashSet<String, S>,
) -> String {
    let stem = safe_stem(id);
    let mut name = format!("{stem}.ron");
    let mut n = 2;
    while taken.contains(&clash_key(&name)) {
        name = format!("{stem}-{n}.ron");
        n += 1;
    }
    taken.insert(clash_key(&name));
    name
}

/// The file names for many `ids` at once, as [`file_name_for`] gives them one by one, but
/// in linear time: a number is looked for from the last one a name took, not from 2 again
/// (half a million ids differing only in case took hours).
pub fn file_names_for<S: std::hash::BuildHasher>(
    ids: impl Iterator<Item = impl AsRef<str>>,
    taken: &mut HashSet<String, S>,
) -> Vec<String> {
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    ids.map(|id| {
        let stem = safe_stem(id.as_ref());
        let mut name = format!("{stem}.ron");
        if taken.contains(&clash_key(&name)) {
            let key = clash_key(&stem);
            let mut n = next.get(&key).copied().unwrap_or(2);
            loop {
                name = format!("{stem}-{n}.ron");
                if !taken.contains(&clash_key(&name)) {
                    break;
                }
                n += 1;
            }
            next.insert(key, n + 1);
        }
        taken.insert(clash_key(&name));
        name
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shared_drive_ids_become_names_every_file_system_takes() {
        let cases = [
            ("GENT-2019-0042", "GENT-2019-0042.ron"),
            ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j.ron"),
            ("..\\..\\windows\\system32", "_.._windows_system32.ron"),
            ("../../etc/passwd", "_.._etc_passwd.ron"),
            (".verborgen", "verborgen.ron"),
            ("eindigt op punt. ", "eindigt op punt.ron"),
            ("CON", "CON_.ron"),
            ("nul", "nul_.ron"),
            ("Com1.backup", "Com1_.backup.ron"),
            ("LPT¹", "LPT¹_.ron"),
            ("CONSOLE", "CONSOLE.ron"),
            ("", "dossier.ron"),
            ("...", "dossier.ron"),
            ("id\u{1b}[2J\nx", "id_[2J_x.ron"),
        ];
        for (id, want) in cases {
            assert_eq!(file_name_for(id, &mut HashSet::new()), want, "{id:?}");
        }
    }

    /// Invisible format characters are left out: `\u{202E}gnp.exe` showed as "exe.png"
    /// in a file browser (issue 20).
    #[test]
    fn shared_drive_no_invisible_character_reaches_a_name() {
        let cases = [
            ("\u{202E}gnp.exe", "gnp.exe.ron"),
            ("GENT\u{200B}-1", "GENT-1.ron"),
            ("\u{FEFF}BOM-1", "BOM-1.ron"),
            ("a\u{2066}b\u{2069}c", "abc.ron"),
            ("zacht\u{00AD}koppel", "zachtkoppel.ron"),
        ];
        for (id, want) in cases {
            assert_eq!(file_name_for(id, &mut HashSet::new()), want, "{id:?}");
        }
    }

    /// Ids that differ only in Unicode normalisation (Å as one letter, or A and a ring) are
    /// one name: the second gets a number, as a case-only clash does.
    #[test]
    fn shared_drive_normalisation_is_a_clash() {
        let mut taken = HashSet::new();
        assert_eq!(
            file_name_for("\u{00C5}SE-1", &mut taken),
            "\u{00C5}SE-1.ron"
        );
        assert_eq!(
            file_name_for("A\u{030A}SE-1", &mut taken),
            "\u{00C5}SE-1-2.ron"
        );
        assert_eq!(
            file_name_for("\u{00E5}se-1", &mut taken),
            "\u{00E5}se-1-3.ron"
        );
        let mut batch = HashSet::new();
        assert_eq!(
            file_names_for(["\u{00C5}", "A\u{030A}"].iter(), &mut batch),
            ["\u{00C5}.ron", "\u{00C5}-2.ron"]
        );
    }

    #[test]
    fn shared_drive_a_clash_ignoring_case_gets_a_number() {
        let mut taken: HashSet<String> = ["gent-1.ron".to_string()].into();
        assert_eq!(file_name_for("GENT-1", &mut taken), "GENT-1-2.ron");
        assert_eq!(file_name_for("Gent-1", &mut taken), "Gent-1-3.ron");
        assert_eq!(file_name_for("a/b", &mut taken), "a_b.ron");
        assert_eq!(file_name_for("a:b", &mut taken), "a_b-2.ron");
    }

    proptest! {
        /// The linear batch gives exactly what one by one gives.
        #[test]
        fn many_names_at_once_are_the_names_one_by_one(
            ids in proptest::collection::vec("[aA]{1,2}(-[23])?( |\\.)?", 0..40),
            taken in proptest::collection::hash_set("a{1,2}(-[2-4])?\\.ron", 0..5),
        ) {
            let mut one = taken.clone();
            let singly: Vec<String> = ids.iter().map(|id| file_name_for(id, &mut one)).collect();
            let mut all = taken;
            prop_assert_eq!(file_names_for(ids.iter(), &mut all), singly);
        }

        #[test]
        fn shared_drive_any_id_gives_a_safe_unique_name(ids in proptest::collection::vec(".{0,300}", 1..8)) {
            let mut taken = HashSet::new();
            let mut names = HashSet::new();
            for id in &ids {
                let name = file_name_for(id, &mut taken);
                prop_assert!(name.len() <= MAX_NAME_BYTES);
                prop_assert_eq!(Path::new(&name).extension(), Some("ron".as_ref()));
                prop_assert!(!name.starts_with('.'));
                prop_assert!(!name.chars().any(|c| r#"\/:*?"<>|"#.contains(c) || c.is_control()));
                prop_assert!(!name.chars().any(|c| c.general_category() == GeneralCategory::Format));
                prop_assert!(unicode_normalization::is_nfc(&name), "{name:?}");
                let stem = name.trim_end_matches(".ron");
                prop_assert!(!stem.ends_with('.') && !stem.ends_with(' '));
                prop_assert!(!is_reserved(stem));
                prop_assert!(names.insert(clash_key(&name)), "{name} twice");
                // It is one name in the folder, never a path.
                prop_assert_eq!(Path::new(&name).components().count(), 1);
            }
        }
    }
}

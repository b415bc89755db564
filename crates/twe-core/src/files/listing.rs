//! The dossier files a load reads, as [`super::list_paths`] found them, kept compactly: a
//! loader holds its listing from the first file read to the lock scan at the end, when a
//! window holds every dossier too. As a list of `PathBuf`s a quarter of a million files
//! took 19 MB there (a 32-byte entry and a separate allocation for each path); here the
//! paths are one after the other in one buffer, about 10 MB.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Files in the order they are read (sorted by their paths' bytes, without repeats), each
/// with whether a directory listing saw it as a regular file, not a link.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// The paths that are UTF-8 (all but a rare few), one after the other.
    text: String,
    /// Where each file's path ends in `text`: it starts where the one before ends. A path
    /// that is not UTF-8 takes no room there and is in `other`.
    ends: Vec<usize>,
    /// The paths that are not UTF-8, by their file's number, in that order.
    other: Vec<(usize, PathBuf)>,
    /// For each file: whether a directory listing saw it as a regular file.
    listed: Vec<bool>,
    /// What the folders listed held beside the dossiers.
    pub(super) beside: Beside,
}

/// The hidden files a listing met beside the dossiers that a load still looks at: few,
/// whatever the folder's size. Kept so that a load of a large folder on a network share
/// need not list it twice more (for the locks, and for the leftovers of killed saves).
#[derive(Clone, Debug, Default)]
pub struct Beside {
    /// Lock files (`.~lock.NAME#`): who edits which dossier elsewhere.
    pub locks: Vec<PathBuf>,
    /// Temporary files of ours: the leftovers of saves killed midway, or saves in flight.
    pub temps: Vec<PathBuf>,
}

impl Listing {
    /// The listing of `files`, taken in their order (the caller sorts them).
    pub(super) fn of(files: Vec<(PathBuf, bool)>) -> Self {
        // Room for all at once: grown step by step, the buffer would be up to twice its size.
        let bytes = files
            .iter()
            .filter_map(|(p, _)| p.to_str())
            .map(str::len)
            .sum();
        let mut listing = Listing {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(files.len()),
            other: Vec::new(),
            listed: Vec::with_capacity(files.len()),
            beside: Beside::default(),
        };
        for (path, listed) in files {
            match path.to_str() {
                Some(text) => listing.text.push_str(text),
                None => listing.other.push((listing.ends.len(), path)),
            }
            listing.ends.push(listing.text.len());
            listing.listed.push(listed);
        }
        listing
    }

    /// The lock files and temporary files met in the folders listed (none for a file
    /// named alone: its folder was not listed).
    pub fn beside(&self) -> &Beside {
        &self.beside
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// File `n`'s path.
    pub fn path(&self, n: usize) -> Option<&Path> {
        let end = *self.ends.get(n)?;
        let start = n.checked_sub(1).map_or(0, |before| self.ends[before]);
        if start == end
            && let Ok(k) = self.other.binary_search_by_key(&n, |(m, _)| *m)
        {
            return Some(&self.other[k].1);
        }
        self.text.get(start..end).map(Path::new)
    }

    /// Whether a directory listing saw file `n` as a regular file (a link is looked at
    /// before it is opened).
    pub(super) fn listed(&self, n: usize) -> bool {
        self.listed.get(n).copied().unwrap_or(false)
    }

    /// Every file's path, in order.
    pub fn paths(&self) -> impl Iterator<Item = &Path> + Clone {
        (0..self.len()).filter_map(|n| self.path(n))
    }

    /// The number of the file at `path`, if it is listed (a search: the list is sorted).
    pub fn position(&self, path: &Path) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.path(mid)?.as_os_str().cmp(path.as_os_str()) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The files' numbers in parts of `size` (at least one file each), in order.
    pub fn parts(&self, size: usize) -> impl Iterator<Item = Range<usize>> {
        let size = size.max(1);
        let len = self.len();
        (0..len)
            .step_by(size)
            .map(move |start| start..(start + size).min(len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Paths as a folder can hold them: short names, some below folders, and (on Unix) a few
    /// that are not UTF-8.
    fn a_path() -> impl Strategy<Value = PathBuf> {
        let name = prop_oneof![
            4 => "[a-zA-Z0-9 é_-]{1,12}(\\.ron)?".prop_map(PathBuf::from),
            1 => "[a-z]{1,3}/[a-zA-Z0-9é]{1,8}\\.ron".prop_map(PathBuf::from),
            1 => proptest::collection::vec(any::<u8>(), 1..6).prop_map(not_utf8),
        ];
        name.prop_map(|p| Path::new("/werk/map").join(p))
    }

    /// A name from `bytes` that is not UTF-8 where the system allows one (Unix); elsewhere a
    /// plain name.
    fn not_utf8(bytes: Vec<u8>) -> PathBuf {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let mut bytes: Vec<u8> = bytes.into_iter().filter(|b| *b != b'/').collect();
            bytes.push(0xff);
            PathBuf::from(std::ffi::OsString::from_vec(bytes))
        }
        #[cfg(windows)]
        {
            use std::os::windows::ffi::OsStringExt;
            // A lone surrogate: a name Windows allows that is not UTF-8.
            let mut wide: Vec<u16> = bytes.into_iter().map(u16::from).collect();
            wide.push(0xD800);
            PathBuf::from(std::ffi::OsString::from_wide(&wide))
        }
        #[cfg(not(any(unix, windows)))]
        {
            PathBuf::from(format!("n{}", bytes.len()))
        }
    }

    proptest! {
        /// Every file comes back as it went in, with its flag; each is found at its number;
        /// a path not listed is not found; the parts cover every file once, in order.
        #[test]
        fn a_listing_gives_back_what_it_was_given(
            paths in proptest::collection::btree_set(a_path(), 0..60),
            flags in proptest::collection::vec(any::<bool>(), 60),
            size in 1usize..9,
        ) {
            let mut files: Vec<(PathBuf, bool)> =
                paths.into_iter().zip(flags).collect();
            files.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
            let listing = Listing::of(files.clone());
            prop_assert_eq!(listing.len(), files.len());
            prop_assert_eq!(listing.is_empty(), files.is_empty());
            for (n, (path, listed)) in files.iter().enumerate() {
                prop_assert_eq!(listing.path(n), Some(path.as_path()));
                prop_assert_eq!(listing.listed(n), *listed);
                prop_assert_eq!(listing.position(path), Some(n));
            }
            prop_assert_eq!(listing.path(files.len()), None);
            prop_assert_eq!(listing.position(Path::new("/werk/map/niet-er.ron")), None);
            let all: Vec<&Path> = listing.paths().collect();
            let expected: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
            prop_assert_eq!(all, expected);
            let numbers: Vec<usize> = listing.parts(size).flatten().collect();
            prop_assert_eq!(numbers, (0..files.len()).collect::<Vec<_>>());
            prop_assert!(listing.parts(size).all(|r| !r.is_empty() && r.len() <= size));
        }
    }

    /// An empty path (a caller's, not a folder's) and paths that are not UTF-8 side by side
    /// keep their places.
    #[test]
    fn empty_and_odd_paths_keep_their_places() {
        let files = vec![
            (PathBuf::new(), false),
            (not_utf8(vec![b'a']), true),
            (not_utf8(vec![b'b']), false),
            (PathBuf::from("/w/c.ron"), true),
            (not_utf8(vec![b'd']), true),
        ];
        let listing = Listing::of(files.clone());
        for (n, (path, listed)) in files.iter().enumerate() {
            assert_eq!(listing.path(n), Some(path.as_path()), "{n}");
            assert_eq!(listing.listed(n), *listed, "{n}");
        }
    }

    #[test]
    fn a_listing_takes_one_buffer_for_its_paths() {
        let files: Vec<(PathBuf, bool)> = (0..1000)
            .map(|n| (PathBuf::from(format!("/w/ANTW-2025-{n:04}.ron")), true))
            .collect();
        let bytes: usize = files.iter().map(|(p, _)| p.as_os_str().len()).sum();
        let listing = Listing::of(files);
        assert_eq!(listing.text.capacity(), bytes);
        assert_eq!(listing.ends.capacity(), 1000);
        assert!(listing.other.is_empty());
    }
}

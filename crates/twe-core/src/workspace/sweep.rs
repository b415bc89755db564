//! Sweeps of a workspace folder, for the changes file events do not bring: inotify (and its
//! kin) sees only what this machine's kernel writes, so on a network share (NFS, CIFS/SMB)
//! or a user-space file system (FUSE) another machine's save raises no event. A sweep lists
//! the folder as the loader walks it, with the lock files, and compares names, sizes and
//! times with the sweep before; the changed paths are then reconciled one by one, which
//! compares contents. Sweeps run off the UI thread (the shell's), every 5 seconds on such
//! file systems and every 60 seconds everywhere as a safety net. A folder that cannot be
//! listed is unreachable, never empty: nothing reads as deleted.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How often a folder on a network or user-space file system is swept.
pub const REMOTE_EVERY: Duration = Duration::from_secs(5);
/// How often any other folder is swept, besides its file events.
pub const SAFETY_EVERY: Duration = Duration::from_mins(1);

/// What a sweep saw of one file: its size and its modification time in nanoseconds since
/// 1970 (`i64::MIN` when the system has none), exact to the nanosecond the system keeps.
type Seen = (u64, i64);

/// A folder's dossier files and lock files as one sweep saw them: their paths below the
/// folder, sorted, with what was seen. A sorted list of short names rather than a map of
/// whole paths: a quarter of a million files took 37 MB, and a sweep holds two at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The folder swept.
    root: PathBuf,
    /// Each file's path below `root`, sorted by its bytes, with what was seen of it.
    files: Vec<(Box<Path>, Seen)>,
}

impl Snapshot {
    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// A modification time as [`Seen`] keeps it.
fn nanos(time: Option<SystemTime>) -> i64 {
    let Some(time) = time else {
        return i64::MIN;
    };
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
        // Before 1970: negative, never `i64::MIN` (no time at all).
        Err(before) => i64::try_from(before.duration().as_nanos()).map_or(i64::MIN + 1, |n| -n),
    }
}

/// Whether a sweep looks at `name`: a dossier file (not hidden) or a lock file.
fn watched(name: &str, path: &Path) -> bool {
    if name.starts_with(".~lock.") {
        return super::locks::is_lock_name(name);
    }
    !name.starts_with('.') && !name.ends_with('~') && crate::files::has_ron_extension(path)
}

/// Lists `root` as the loader walks it (hidden folders skipped, folder links not
/// followed). A root that cannot be listed is an error: unreachable, not empty.
pub fn scan(root: &Path) -> std::io::Result<Snapshot> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(root)?;
    walk(root, entries, &mut files);
    files.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    files.shrink_to_fit();
    Ok(Snapshot {
        root: root.to_path_buf(),
        files,
    })
}

fn walk(root: &Path, entries: std::fs::ReadDir, seen: &mut Vec<(Box<Path>, Seen)>) {
    for entry in entries.filter_map(Result::ok) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = entry.path();
        if kind.is_dir() {
            if !name.starts_with('.')
                && let Ok(sub) = std::fs::read_dir(&path)
            {
                walk(root, sub, seen);
            }
        } else if watched(&name, &path) {
            // A link to a file counts by what it points at; a broken one by itself.
            let meta = std::fs::metadata(&path).or_else(|_| entry.metadata());
            if let Ok(m) = meta
                && !m.is_dir()
                && let Ok(below) = path.strip_prefix(root)
            {
                seen.push((below.into(), (m.len(), nanos(m.modified().ok()))));
            }
        }
    }
}

/// The paths that appeared, changed or went between two sweeps of one folder, in the
/// order of their names' bytes (every path of both when they swept different folders).
pub fn changes(before: &Snapshot, after: &Snapshot) -> Vec<PathBuf> {
    if before.root != after.root {
        let mut all: Vec<PathBuf> = [before, after]
            .iter()
            .flat_map(|s| s.files.iter().map(|(p, _)| s.root.join(p)))
            .collect();
        all.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        all.dedup();
        return all;
    }
    // Both sorted the same way: one walk through the two side by side.
    let (mut a, mut b) = (
        before.files.iter().peekable(),
        after.files.iter().peekable(),
    );
    let mut out = Vec::new();
    loop {
        let changed = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (Some(x), Some(y)) => match x.0.as_os_str().cmp(y.0.as_os_str()) {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => {
                    let same = x.1 == y.1;
                    a.next();
                    let y = b.next();
                    if same { None } else { y }
                }
            },
        };
        if let Some((path, _)) = changed {
            out.push(after.root.join(path));
        }
    }
    out
}

/// The file system types on which other machines' changes raise no file event here.
fn is_remote_type(fs: &str) -> bool {
    matches!(
        fs,
        "nfs" | "nfs4" | "cifs" | "smb3" | "smbfs" | "9p" | "afs" | "ceph" | "fuse" | "fuseblk"
    ) || fs.starts_with("fuse.")
}

/// The type of the file system holding `path`, from a mount table in `/proc/mounts` form
/// (`device mountpoint type options …`, spaces in names written `\040`): the mount
/// whose point is the longest prefix of the path.
pub fn fs_type_in(mounts: &str, path: &Path) -> Option<String> {
    mounts
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (_, point, fs) = (f.next()?, f.next()?, f.next()?);
            Some((point.replace("\\040", " "), fs.to_string()))
        })
        .filter(|(point, _)| path.starts_with(point))
        .max_by_key(|(point, _)| point.len())
        .map(|(_, fs)| fs)
}

/// Whether `path` lies on a network or user-space file system, where a folder must be
/// swept often. Known on Linux (from the mount table); elsewhere the safety sweep alone.
pub fn is_remote(path: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        std::fs::read_to_string("/proc/self/mounts")
            .ok()
            .and_then(|m| fs_type_in(&m, &canonical))
            .is_some_and(|fs| is_remote_type(&fs))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        false
    }
}

/// How often the folder at `root` is swept.
pub fn interval(root: &Path) -> Duration {
    if is_remote(root) {
        REMOTE_EVERY
    } else {
        SAFETY_EVERY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod shared_drive {
        use super::*;

        #[test]
        fn a_sweep_sees_new_changed_removed_and_lock_files_and_nothing_else() {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join("sub")).unwrap();
            std::fs::create_dir(dir.path().join(".hidden")).unwrap();
            for name in [
                "a.ron",
                "sub/b.RON",
                ".hidden/c.ron",
                ".d.ron.bak",
                "notes.txt",
            ] {
                std::fs::write(dir.path().join(name), "x").unwrap();
            }
            let first = scan(dir.path()).unwrap();
            assert_eq!(first.len(), 2, "{first:?}");
            std::fs::write(dir.path().join("a.ron"), "longer").unwrap();
            std::fs::write(dir.path().join("new.ron"), "x").unwrap();
            std::fs::remove_file(dir.path().join("sub/b.RON")).unwrap();
            std::fs::write(
                dir.path().join(".~lock.a.ron#"),
                "sofie,pc,1,2026-11-27T09:00",
            )
            .unwrap();
            std::fs::write(dir.path().join(".~twe-a.ron.X.tmp"), "x").unwrap();
            let second = scan(dir.path()).unwrap();
            let changed: Vec<String> = changes(&first, &second)
                .iter()
                .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
                .collect();
            assert_eq!(changed, [".~lock.a.ron#", "a.ron", "new.ron", "sub/b.RON"]);
            assert!(changes(&second, &scan(dir.path()).unwrap()).is_empty());
        }

        /// The side-by-side walk says what a map from path to what was seen says: every path
        /// that appeared, went or changed, once each, in byte order.
        #[test]
        fn changes_agree_with_comparing_two_maps() {
            use proptest::prelude::*;
            let files = proptest::collection::btree_map(
                proptest::sample::select(vec![
                    "a.ron",
                    "b.ron",
                    "sub/c.ron",
                    "sub.ron",
                    ".~lock.a.ron#",
                    "z.ron",
                ]),
                (0u64..3, -2i64..2),
                0..6,
            );
            proptest!(|(before in files.clone(), after in files)| {
                let snap = |m: &std::collections::BTreeMap<&str, Seen>| {
                    let mut files: Vec<(Box<Path>, Seen)> =
                        m.iter().map(|(p, s)| (Path::new(p).into(), *s)).collect();
                    files.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
                    Snapshot { root: PathBuf::from("/share"), files }
                };
                let mut expected: Vec<PathBuf> = after
                    .iter()
                    .filter(|(p, s)| before.get(*p) != Some(s))
                    .map(|(p, _)| *p)
                    .chain(before.keys().filter(|p| !after.contains_key(*p)).copied())
                    .map(|p| Path::new("/share").join(p))
                    .collect();
                expected.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
                prop_assert_eq!(changes(&snap(&before), &snap(&after)), expected);
            });
        }

        #[test]
        fn modification_times_are_kept_to_the_nanosecond_either_side_of_1970() {
            use std::time::Duration;
            let epoch = SystemTime::UNIX_EPOCH;
            assert_eq!(nanos(None), i64::MIN);
            assert_eq!(nanos(Some(epoch)), 0);
            // Multiples of 100 ns: what every system keeps (Windows counts in 100 ns).
            assert_eq!(
                nanos(Some(
                    epoch + Duration::from_nanos(1_764_000_000_123_456_700)
                )),
                1_764_000_000_123_456_700
            );
            assert_eq!(nanos(Some(epoch - Duration::from_nanos(500))), -500);
            // Before 1678 (past what 64 bits of nanoseconds hold), still a time, not none;
            // 1670 is after Windows's earliest (1601).
            let long_ago = epoch
                .checked_sub(Duration::from_hours(300 * 365 * 24))
                .unwrap();
            assert_eq!(nanos(Some(long_ago)), i64::MIN + 1);
        }

        #[test]
        fn a_folder_that_cannot_be_listed_is_unreachable_not_empty() {
            let dir = tempfile::tempdir().unwrap();
            let gone = dir.path().join("share");
            std::fs::create_dir(&gone).unwrap();
            std::fs::write(gone.join("a.ron"), "x").unwrap();
            assert_eq!(scan(&gone).unwrap().len(), 1);
            std::fs::remove_dir_all(&gone).unwrap();
            assert!(scan(&gone).is_err());
        }

        #[test]
        fn network_and_user_space_file_systems_are_swept_often() {
            let mounts = "/dev/vda1 / ext4 rw 0 0\n\
                          //nas/ocmw /mnt/ocmw\\040share cifs rw 0 0\n\
                          nas:/export /srv/nfs nfs4 rw 0 0\n\
                          sshfs#me@host: /home/me/remote fuse.sshfs rw 0 0\n";
            let fs = |p: &str| fs_type_in(mounts, Path::new(p));
            assert_eq!(fs("/home/me/docs").as_deref(), Some("ext4"));
            assert_eq!(fs("/mnt/ocmw share/team").as_deref(), Some("cifs"));
            assert_eq!(fs("/srv/nfs/x").as_deref(), Some("nfs4"));
            assert!(is_remote_type(&fs("/home/me/remote/a").unwrap()));
            assert!(is_remote_type("cifs") && is_remote_type("nfs") && !is_remote_type("ext4"));
            assert_eq!(interval(Path::new("/tmp")), SAFETY_EVERY);
        }
    }
}

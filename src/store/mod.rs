//! Where the journal lives on disk, and the only code that reads or writes it.
//!
//! One folder per person holds `journal.ron` (the whole [`Journal`], with a
//! schema `version`), `journal.lock` and `backups/`. The rules, in order of
//! importance:
//!
//! 1. Every save is atomic and durable (see `fsx`): a crash leaves the old
//!    file or the new one, never a mix.
//! 2. A file that does not load is never overwritten and never replaced by
//!    an empty journal: loading fails with the line and column and points
//!    at the newest backup that loads.
//! 3. Every change is lock → reload → apply → validate → save → backup →
//!    unlock ([`Store::update`]), so two processes never lose each other's
//!    writes. Reading needs no lock and creates nothing; the first save
//!    creates the folder.
//!
//! Depends on the pure modules only; never on the app or the command line.
#![expect(
    clippy::disallowed_methods,
    reason = "the store is the one module that owns the data folder (and times its lock waits)"
)]

mod backup;
mod error;
pub mod exchange;
mod format;
mod fsx;
mod lock;
mod memory;
mod output;
mod restore;
mod viewer;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jiff::Timestamp;

use crate::journal::{Journal, SCHEMA_VERSION};
use crate::triage::knowledge;
use format::{Problem, parse, to_bytes};
pub use format::{deserialize, serialize};

pub use backup::{BACKUP_DIR, Backup, BackupKind, KEEP_DAYS, KEEP_LATEST, to_prune};
pub use error::{StoreError, io_reason, size_text};
pub use fsx::{create_private_dir, read_chosen_file, write_file_atomic};
pub use memory::{Change, MemoryStore, Storage};
pub use output::{OutputProblem, check_output_path, is_own_file};
pub use viewer::{ViewerError, open_in_viewer};

/// The journal file in the data folder.
pub const JOURNAL_FILE: &str = "journal.ron";
/// The lock file beside it (never the data file: saves rename over that).
pub const LOCK_FILE: &str = "journal.lock";
/// The desktop app's small state file beside the journal (window, theme, a
/// form not yet saved). Named here so nothing else may write over it.
pub const UI_FILE: &str = "ui.ron";
/// The most Backlog reads as a journal, a backup or an import. Ten years
/// of daily entries with long notes is a few MB; past this, a file is not a
/// journal (or is `/dev/zero`), and reading it would only fill the memory.
pub const READ_LIMIT: u64 = 256_000_000;
/// The environment variable that replaces the per-user data folder.
pub const DATA_DIR_ENV: &str = "BACKLOG_DATA_DIR";

/// The data folder: `flag` (from `--data-dir`) if given, else the
/// `BACKLOG_DATA_DIR` environment variable if set and not empty, else the
/// per-user folder (`~/.local/share/backlog` on Linux,
/// `~/Library/Application Support/org.Backlog.Backlog` on macOS,
/// `%APPDATA%\Backlog\Backlog\data` on Windows).
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Backlog", "Backlog")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

/// How a [`Store`] waits and tells the time. Tests shorten the wait and fix
/// the clock; the app and the command line use the defaults.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    /// How long a second writer waits for the lock before giving up.
    pub lock_wait: Duration,
    /// The clock used to name backups and stamp the rolling policy.
    pub clock: fn() -> Timestamp,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            lock_wait: Duration::from_secs(3),
            clock: Timestamp::now,
        }
    }
}

/// The result of a successful [`Store::update`].
#[derive(Debug, Clone)]
pub struct Updated<T> {
    /// What the closure returned.
    pub value: T,
    /// The journal as saved (show this; no need to load again).
    pub journal: Journal,
    /// False when the change left the file byte-for-byte the same, so
    /// nothing was written.
    pub changed: bool,
    /// The journal was saved, but its backup copy could not be written
    /// (for example, the disk is nearly full). Worth telling the person.
    pub backup_error: Option<StoreError>,
}

/// The result of a successful [`Store::restore`].
#[derive(Debug, Clone)]
pub struct Restored {
    /// The backup now in use.
    pub backup: Backup,
    /// The journal as restored.
    pub journal: Journal,
    /// The copy of what the restore replaced, if there was a file.
    pub replaced: Option<Backup>,
}

/// The journal in one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    options: StoreOptions,
    /// The bytes last read or written, with the journal they hold. Every
    /// load and update still reads the file (another process may have
    /// saved); when the bytes are the same, parsing is skipped.
    cache: Cache,
}

/// The last file bytes seen, and the journal parsed from them.
type Cache = Arc<Mutex<Option<(Vec<u8>, Journal)>>>;

/// Where the journal's bytes are: `journal.ron` itself, or the file it
/// links to. Saves replace `file`, so a link stays a link.
struct Located {
    file: PathBuf,
    exists: bool,
}

impl Store {
    /// Opens the data folder, creating it (owner-only on Unix) if needed.
    /// Nothing is read yet.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        Self::open_with(dir, StoreOptions::default())
    }

    pub fn open_with(dir: impl Into<PathBuf>, options: StoreOptions) -> Result<Self, StoreError> {
        let store = Self::at_with(dir, options);
        store.create_dir()?;
        Ok(store)
    }

    /// Names the data folder without creating it, for reading: a folder
    /// that does not exist reads as an empty journal with no backups, and
    /// only the first save creates it. So `journal list` with a mistyped
    /// `--data-dir` leaves no stray folder behind.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self::at_with(dir, StoreOptions::default())
    }

    pub fn at_with(dir: impl Into<PathBuf>, options: StoreOptions) -> Self {
        Self {
            dir: dir.into(),
            options,
            cache: Arc::default(),
        }
    }

    /// Creates the data folder if needed (owner-only on Unix).
    fn create_dir(&self) -> Result<(), StoreError> {
        self.check_dir()?;
        fsx::create_dir(&self.dir).map_err(|e| StoreError::CreateDir {
            path: self.dir.clone(),
            source: e.into(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn journal_path(&self) -> PathBuf {
        self.dir.join(JOURNAL_FILE)
    }

    pub fn backup_dir(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }

    /// Reads the journal. No file yet means a new, empty journal; a file
    /// that does not load is an error (and is left exactly as it is), and
    /// so is a link to a file that is not there.
    pub fn load(&self) -> Result<Journal, StoreError> {
        let at = self.locate()?;
        match self.read_current(&at)? {
            None => Ok(Journal::new()),
            Some(bytes) => self.parse_cached(bytes, &at.file),
        }
    }

    /// Changes the journal safely: takes the lock (waiting briefly for
    /// another writer), reloads the file, applies `apply`, validates the
    /// result, saves it atomically and durably, writes a backup, and
    /// unlocks. If `apply` fails or the result is invalid, nothing is
    /// written, and nothing is created either: when there is no lock file
    /// yet (a new data folder), `apply` is first tried on the journal as it
    /// is, without the lock, so a refused change leaves the disk exactly as
    /// it was. `apply` may therefore run twice. The closure's error type
    /// only needs to hold a [`StoreError`].
    pub fn update<T, E>(
        &self,
        mut apply: impl FnMut(&mut Journal) -> Result<T, E>,
    ) -> Result<Updated<T>, E>
    where
        E: From<StoreError>,
    {
        let lock_path = self.dir.join(LOCK_FILE);
        if fs::symlink_metadata(&lock_path).is_err() {
            let at = self.locate()?;
            let mut trial = match self.read_current(&at)? {
                None => Journal::new(),
                Some(bytes) => self.parse_cached(bytes, &at.file)?,
            };
            apply(&mut trial)?;
            trial.validate(knowledge()).map_err(StoreError::Invalid)?;
        }
        self.create_dir()?;
        let _lock = lock::WriteLock::acquire(&lock_path, self.options.lock_wait)?;
        let at = self.locate()?;
        self.remove_leftovers(&at);
        let old = self.read_current(&at)?;
        let mut journal = match &old {
            None => Journal::new(),
            Some(bytes) => self.parse_cached(bytes.clone(), &at.file)?,
        };
        let value = apply(&mut journal)?;
        journal.validate(knowledge()).map_err(StoreError::Invalid)?;
        let bytes = to_bytes(&journal).map_err(|e| StoreError::write(&at.file, e))?;
        // With no file yet, an empty journal is not worth writing.
        let changed = match &old {
            Some(old) => *old != bytes,
            None => journal != Journal::new(),
        };
        let mut backup_error = None;
        if changed {
            fsx::write_in_place(&at.file, &bytes).map_err(|e| StoreError::write(&at.file, e))?;
            backup_error = self.back_up(BackupKind::Saved, &bytes).err();
            self.remember(bytes, &journal);
        }
        Ok(Updated {
            value,
            journal,
            changed,
            backup_error,
        })
    }

    /// Removes what killed saves left in every folder a save writes into:
    /// the data folder, `backups/`, and the folder a linked journal is in.
    /// Called under the lock.
    fn remove_leftovers(&self, at: &Located) {
        fsx::remove_leftovers(&self.dir);
        fsx::remove_leftovers(&self.backup_dir());
        if let Some(parent) = at.file.parent().filter(|p| *p != self.dir) {
            fsx::remove_leftovers(parent);
        }
    }

    /// The data folder is a folder, or not there yet.
    fn check_dir(&self) -> Result<(), StoreError> {
        match fs::metadata(&self.dir) {
            Ok(m) if m.is_dir() => Ok(()),
            Ok(_) => Err(StoreError::NotAFolder {
                path: self.dir.clone(),
            }),
            // A link to a folder that is not there (a drive not connected)
            // is not "no journal yet".
            Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::read_link(&self.dir) {
                Ok(target) => Err(StoreError::LinkTargetMissing {
                    link: self.dir.clone(),
                    target,
                }),
                Err(_) => Ok(()),
            },
            // Part of the path is a file (Unix says so; Windows says "not
            // found", and the folder then cannot be made).
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => Err(StoreError::NotAFolder {
                path: self.dir.clone(),
            }),
            Err(e) => Err(StoreError::read(self.dir.clone(), e)),
        }
    }

    /// Finds the journal's bytes without reading them: `journal.ron`, or
    /// the file it links to. A link whose target is not there (a drive not
    /// connected) is an error, never a new empty journal.
    fn locate(&self) -> Result<Located, StoreError> {
        let path = self.journal_path();
        let missing = || Located {
            file: self.journal_path(),
            exists: false,
        };
        self.check_dir()?;
        if !self.dir.exists() {
            return Ok(missing());
        }
        match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(missing()),
            Err(e) => Err(StoreError::read(path, e)),
            Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(&path) {
                Ok(file) => Ok(Located { file, exists: true }),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    Err(StoreError::LinkTargetMissing {
                        target: fs::read_link(&path).unwrap_or_default(),
                        link: path,
                    })
                }
                Err(e) => Err(StoreError::read(path, e)),
            },
            Ok(_) => Ok(Located {
                file: path,
                exists: true,
            }),
        }
    }

    /// The journal file's bytes, if there is one. Only a plain file up to
    /// [`READ_LIMIT`] is read: a folder, a pipe or a device in its place is
    /// named at once (a pipe would otherwise block for ever).
    fn read_current(&self, at: &Located) -> Result<Option<Vec<u8>>, StoreError> {
        if !at.exists {
            return Ok(None);
        }
        let path = at.file.clone();
        fsx::read_limited(&path, READ_LIMIT, false)
            .map(Some)
            .map_err(|p| match p {
                fsx::ReadProblem::Io(e) => StoreError::read(path, e),
                fsx::ReadProblem::NotAFile("a folder") => {
                    StoreError::read(path, io::ErrorKind::IsADirectory.into())
                }
                fsx::ReadProblem::NotAFile(what) => StoreError::NotAFile { path, what },
                fsx::ReadProblem::TooLarge(size) => StoreError::TooLarge {
                    path,
                    size: size.unwrap_or(READ_LIMIT + 1),
                },
            })
    }

    /// Parses the current file's bytes, or reuses the journal parsed from
    /// exactly these bytes last time.
    fn parse_cached(&self, bytes: Vec<u8>, path: &Path) -> Result<Journal, StoreError> {
        {
            let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((cached, journal)) = cache.as_ref()
                && *cached == bytes
            {
                return Ok(journal.clone());
            }
        }
        let journal = self.parse_current(&bytes, path)?;
        self.remember(bytes, &journal);
        Ok(journal)
    }

    fn remember(&self, bytes: Vec<u8>, journal: &Journal) {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        *cache = Some((bytes, journal.clone()));
    }

    fn parse_current(&self, bytes: &[u8], path: &Path) -> Result<Journal, StoreError> {
        parse(bytes).map_err(|problem| match problem {
            Problem::Newer(found) => StoreError::NewerVersion {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            },
            other => StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: other.detail(),
                newest_backup: self.newest_good_backup().map(Box::new),
            },
        })
    }
}

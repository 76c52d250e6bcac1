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
mod parallel;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jiff::Timestamp;

use crate::journal::{Journal, SCHEMA_VERSION};
use crate::triage::knowledge;
use format::{Problem, parse, to_bytes};

pub use backup::{BACKUP_DIR, Backup, BackupKind, KEEP_DAYS, KEEP_LATEST, to_prune};
pub use error::{StoreError, reason as io_reason};
pub use memory::{Change, MemoryStore, Storage};

/// The journal file in the data folder.
pub const JOURNAL_FILE: &str = "journal.ron";
/// The lock file beside it (never the data file: saves rename over that).
pub const LOCK_FILE: &str = "journal.lock";
/// The desktop app's small state file beside the journal (window, theme, a
/// form not yet saved). Named here so nothing else may write over it.
pub const UI_FILE: &str = "ui.ron";
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

    fn at_with(dir: impl Into<PathBuf>, options: StoreOptions) -> Self {
        Self {
            dir: dir.into(),
            options,
            cache: Arc::default(),
        }
    }

    /// Creates the data folder if needed (owner-only on Unix).
    fn create_dir(&self) -> Result<(), StoreError> {
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
    /// that does not load is an error (and is left exactly as it is).
    pub fn load(&self) -> Result<Journal, StoreError> {
        match self.read_current()? {
            None => Ok(Journal::new()),
            Some(bytes) => self.parse_cached(bytes),
        }
    }

    /// Changes the journal safely: takes the lock (waiting briefly for
    /// another writer), reloads the file, applies `apply`, validates the
    /// result, saves it atomically and durably, writes a backup, and
    /// unlocks. If `apply` fails or the result is invalid, nothing is
    /// written. The closure's error type only needs to hold a
    /// [`StoreError`].
    pub fn update<T, E>(
        &self,
        apply: impl FnOnce(&mut Journal) -> Result<T, E>,
    ) -> Result<Updated<T>, E>
    where
        E: From<StoreError>,
    {
        self.create_dir()?;
        let _lock = lock::WriteLock::acquire(&self.dir.join(LOCK_FILE), self.options.lock_wait)?;
        fsx::remove_leftovers(&self.dir);
        let old = self.read_current()?;
        let mut journal = match &old {
            None => Journal::new(),
            Some(bytes) => self.parse_cached(bytes.clone())?,
        };
        let value = apply(&mut journal)?;
        journal.validate(knowledge()).map_err(StoreError::Invalid)?;
        let bytes = to_bytes(&journal).map_err(|e| StoreError::write(self.journal_path(), e))?;
        let changed = old.as_deref() != Some(bytes.as_slice());
        let mut backup_error = None;
        if changed {
            fsx::write_atomic(&self.dir, JOURNAL_FILE, &bytes)
                .map_err(|e| StoreError::write(self.journal_path(), e))?;
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

    /// Every backup, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>, StoreError> {
        backup::list(&self.backup_dir()).map_err(|e| StoreError::read(self.backup_dir(), e))
    }

    /// The newest backup that loads and passes validation, if any.
    pub fn newest_good_backup(&self) -> Option<Backup> {
        let all = backup::list(&self.backup_dir()).ok()?;
        all.into_iter().find(|b| {
            fs::read(&b.path)
                .ok()
                .is_some_and(|bytes| parse(&bytes).is_ok())
        })
    }

    /// Reads one backup (by id, or a prefix matching exactly one) without
    /// changing anything: to preview it before restoring.
    pub fn read_backup(&self, id: &str) -> Result<(Backup, Journal), StoreError> {
        let b = self.find_backup(id)?;
        let bytes = fs::read(&b.path).map_err(|e| StoreError::read(&b.path, e))?;
        let journal = parse(&bytes).map_err(|p| StoreError::BadBackup {
            id: b.id.clone(),
            detail: p.detail(),
            path: b.path.clone(),
        })?;
        Ok((b, journal))
    }

    /// Puts a backup back as the journal. What it replaces is kept first as
    /// a `before-restore` backup (even a file that no longer loads), so a
    /// restore can be undone. A backup that does not load is refused.
    pub fn restore(&self, id: &str) -> Result<Restored, StoreError> {
        self.create_dir()?;
        let _lock = lock::WriteLock::acquire(&self.dir.join(LOCK_FILE), self.options.lock_wait)?;
        fsx::remove_leftovers(&self.dir);
        let (backup, journal) = self.read_backup(id)?;
        let replaced = match self.read_current()? {
            // Without a copy of what it replaces there is no restore: the
            // journal stays as it is, and the message says so.
            Some(current) => Some(self.back_up(BackupKind::BeforeRestore, &current).map_err(
                |e| match e {
                    StoreError::BackupWrite { path, source } => StoreError::Write { path, source },
                    other => other,
                },
            )?),
            None => None,
        };
        let bytes = to_bytes(&journal).map_err(|e| StoreError::write(self.journal_path(), e))?;
        fsx::write_atomic(&self.dir, JOURNAL_FILE, &bytes)
            .map_err(|e| StoreError::write(self.journal_path(), e))?;
        self.remember(bytes, &journal);
        Ok(Restored {
            backup,
            journal,
            replaced,
        })
    }

    fn find_backup(&self, id: &str) -> Result<Backup, StoreError> {
        let id = id.trim().trim_end_matches(".ron");
        let all = self.backups()?;
        if let Some(b) = all.iter().find(|b| b.id == id) {
            return Ok(b.clone());
        }
        let matches: Vec<&Backup> = all
            .iter()
            .filter(|b| !id.is_empty() && b.id.starts_with(id))
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(StoreError::NoSuchBackup {
                id: id.to_owned(),
                dir: self.backup_dir(),
            }),
            many => Err(StoreError::AmbiguousBackup {
                id: id.to_owned(),
                matches: many.iter().take(5).map(|b| b.id.clone()).collect(),
                dir: self.backup_dir(),
            }),
        }
    }

    fn back_up(&self, kind: BackupKind, bytes: &[u8]) -> Result<Backup, StoreError> {
        let dir = self.backup_dir();
        let now = (self.options.clock)();
        let failed = |e: std::io::Error| StoreError::BackupWrite {
            path: dir.clone(),
            source: std::sync::Arc::new(e),
        };
        let made = backup::write(&dir, now, kind, bytes).map_err(failed)?;
        backup::prune(&dir, now).map_err(failed)?;
        Ok(made)
    }

    fn read_current(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let path = self.journal_path();
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            // The data folder is a file: say so about the folder, as a save
            // would, rather than about a journal inside it.
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => Err(StoreError::CreateDir {
                path: self.dir.clone(),
                source: Arc::new(io::ErrorKind::AlreadyExists.into()),
            }),
            Err(e) => Err(StoreError::read(path, e)),
        }
    }

    /// Parses the current file's bytes, or reuses the journal parsed from
    /// exactly these bytes last time.
    fn parse_cached(&self, bytes: Vec<u8>) -> Result<Journal, StoreError> {
        {
            let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((cached, journal)) = cache.as_ref()
                && *cached == bytes
            {
                return Ok(journal.clone());
            }
        }
        let journal = self.parse_current(&bytes)?;
        self.remember(bytes, &journal);
        Ok(journal)
    }

    fn remember(&self, bytes: Vec<u8>, journal: &Journal) {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        *cache = Some((bytes, journal.clone()));
    }

    fn parse_current(&self, bytes: &[u8]) -> Result<Journal, StoreError> {
        parse(bytes).map_err(|problem| match problem {
            Problem::Newer(found) => StoreError::NewerVersion {
                path: self.journal_path(),
                found,
                supported: SCHEMA_VERSION,
            },
            other => StoreError::Corrupt {
                path: self.journal_path(),
                detail: other.detail(),
                newest_backup: self.newest_good_backup().map(Box::new),
            },
        })
    }
}

/// Writes any file (an export) the way the journal is saved: atomically
/// and durably, owner-only on Unix. A reader sees the old file or the new
/// one, never half of one.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    fsx::write_atomic(dir, name, bytes)
}

/// True when writing to `path` would replace one of Backlog's own files in
/// `data_dir`: the journal, its lock, the app's state file, or anything in
/// the backups folder. Exports and saved summaries must go elsewhere, or a
/// mistyped name could replace the journal with a CSV. Links and `..` are
/// resolved first; a path whose folder does not exist is not Backlog's.
pub fn is_own_file(path: &Path, data_dir: &Path) -> bool {
    let (Some(name), Ok(data)) = (path.file_name(), data_dir.canonicalize()) else {
        return false;
    };
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(parent) = parent.canonicalize() else {
        return false;
    };
    // The file itself may be a link to one of ours.
    let target = parent.join(name);
    let target = target.canonicalize().unwrap_or(target);
    let own = [JOURNAL_FILE, LOCK_FILE, UI_FILE]
        .iter()
        .any(|own| target == data.join(own));
    own || target.starts_with(data.join(BACKUP_DIR))
}

/// Public for the benchmark and tests: the exact bytes a save writes.
pub fn serialize(journal: &Journal) -> Result<Vec<u8>, StoreError> {
    to_bytes(journal).map_err(|e| StoreError::write(PathBuf::from(JOURNAL_FILE), e))
}

/// Public for the benchmark and tests: bytes to a validated journal, with
/// the same checks and messages as [`Store::load`].
pub fn deserialize(bytes: &[u8]) -> Result<Journal, String> {
    parse(bytes).map_err(|p| p.detail())
}

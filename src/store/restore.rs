//! The store's side of backups: list them, read one to preview it, put
//! one back as the journal, and make one after every save. The backup files
//! themselves (names, save numbers, pruning) are `backup`'s.

use std::sync::Arc;

use super::format::{parse, to_bytes};
use super::fsx::write_in_place;
use super::{
    Backup, BackupKind, LOCK_FILE, READ_LIMIT, Restored, Store, StoreError, backup, fsx, lock,
    size_text,
};
use crate::journal::Journal;

impl Store {
    /// Every backup, newest first (by save number, not by the clock).
    pub fn backups(&self) -> Result<Vec<Backup>, StoreError> {
        let dir = self.backup_dir();
        backup::list(&dir, (self.options.clock)()).map_err(|e| StoreError::BackupRead {
            path: dir,
            source: Arc::new(e),
        })
    }

    /// The newest backup that loads and passes validation, if any.
    pub fn newest_good_backup(&self) -> Option<Backup> {
        let all = self.backups().ok()?;
        all.into_iter().find(|b| {
            fsx::read_limited(&b.path, READ_LIMIT, false)
                .ok()
                .is_some_and(|bytes| parse(&bytes).is_ok())
        })
    }

    /// Reads one backup (by id, or a prefix matching exactly one) without
    /// changing anything: to preview it before restoring.
    pub fn read_backup(&self, id: &str) -> Result<(Backup, Journal), StoreError> {
        let b = self.find_backup(id)?;
        let bad = |detail: String| StoreError::BadBackup {
            id: b.id.clone(),
            detail,
            path: b.path.clone(),
        };
        let bytes = fsx::read_limited(&b.path, READ_LIMIT, false).map_err(|p| match p {
            fsx::ReadProblem::Io(e) => StoreError::read(&b.path, e),
            fsx::ReadProblem::NotAFile(what) => bad(format!("it is {what}, not a file")),
            fsx::ReadProblem::TooLarge(_) => bad(format!(
                "it is larger than {}, more than a journal can be",
                size_text(READ_LIMIT)
            )),
        })?;
        let journal = parse(&bytes).map_err(|p| bad(p.detail()))?;
        Ok((b, journal))
    }

    /// Puts a backup back as the journal. What it replaces is kept first as
    /// a `before-restore` backup (even a file that no longer loads), so a
    /// restore can be undone. A backup that does not load is refused, and
    /// an unknown id creates nothing.
    pub fn restore(&self, id: &str) -> Result<Restored, StoreError> {
        self.find_backup(id)?;
        self.create_dir()?;
        let _lock = lock::WriteLock::acquire(&self.dir.join(LOCK_FILE), self.options.lock_wait)?;
        let at = self.locate()?;
        self.remove_leftovers(&at);
        let (backup, journal) = self.read_backup(id)?;
        let replaced = match self.read_current(&at)? {
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
        let bytes = to_bytes(&journal).map_err(|e| StoreError::write(&at.file, e))?;
        write_in_place(&at.file, &bytes).map_err(|e| StoreError::write(&at.file, e))?;
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

    pub(super) fn back_up(&self, kind: BackupKind, bytes: &[u8]) -> Result<Backup, StoreError> {
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
}

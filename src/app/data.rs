//! The journal as the app holds it: the last loaded or saved copy, a
//! revision number that changes with every change (screens cache their
//! derived data against it), and the storage behind it.
//!
//! Every change goes through [`Storage::change`], which takes the lock,
//! reloads the file, applies the change, validates, and saves atomically;
//! the app then shows the journal as saved. A file that did not load is
//! never overwritten: the store refuses to save over it.

use crate::journal::Journal;
use crate::store::{Backup, Storage, StoreError};

pub struct Data {
    storage: Box<dyn Storage>,
    journal: Journal,
    revision: u64,
}

/// What a successful change reports besides the new journal.
pub struct Changed {
    /// Saved, but the backup copy failed (e.g. the disk is nearly full).
    pub backup_warning: Option<String>,
}

impl Data {
    /// Loads the journal. On failure the app starts with an empty journal
    /// (not saved over the file) and the error is returned for display.
    pub fn open(storage: Box<dyn Storage>) -> (Self, Option<StoreError>) {
        let (journal, error) = match storage.load() {
            Ok(j) => (j, None),
            Err(e) => (Journal::new(), Some(e)),
        };
        (
            Self {
                storage,
                journal,
                revision: 1,
            },
            error,
        )
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Changes with every change that was saved.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `apply` to the journal as it is on disk, saves, and shows
    /// the result. On error nothing was saved and nothing changes here.
    pub fn change(&mut self, mut apply: impl FnMut(&mut Journal)) -> Result<Changed, StoreError> {
        let updated = self.storage.change(&mut |j: &mut Journal| {
            apply(j);
            Ok(())
        })?;
        self.journal = updated.journal;
        self.revision += 1;
        Ok(Changed {
            backup_warning: updated.backup_error.map(|e| e.to_string()),
        })
    }

    /// Reads the journal again (after "Try again" on a load error).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.journal = self.storage.load()?;
        self.revision += 1;
        Ok(())
    }

    pub fn backups(&self) -> Result<Vec<Backup>, StoreError> {
        self.storage.backups()
    }

    /// Puts a backup back; what it replaced is kept as a backup too.
    pub fn restore(&mut self, id: &str) -> Result<Backup, StoreError> {
        let restored = self.storage.restore(id)?;
        self.journal = restored.journal;
        self.revision += 1;
        Ok(restored.backup)
    }
}

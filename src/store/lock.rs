//! One writer at a time: an advisory lock on `journal.lock`.
//!
//! Never on the data file itself: every save renames a new file over it, so
//! a lock on the old file would guard nothing. The lock is held only for one
//! read-modify-write, so the app and the command line can both save; a
//! second writer waits its turn (up to a few seconds), then gives up with a
//! clear message. Reading needs no lock, because saves are atomic renames.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use super::error::StoreError;
use super::fsx;

/// Held while saving; unlocked when dropped (and by the OS if the process dies).
#[derive(Debug)]
pub struct WriteLock {
    file: File,
}

impl WriteLock {
    /// Waits up to `wait` for the lock on `path`.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, StoreError> {
        let lock_error = |e| StoreError::Lock {
            path: path.to_path_buf(),
            source: Arc::new(e),
        };
        // The lock file is Backlog's own: a link there (to the journal, or
        // to a file elsewhere that opening would create) is refused.
        if let Ok(m) = std::fs::symlink_metadata(path)
            && !m.is_file()
        {
            return Err(lock_error(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "journal.lock is a link or not a plain file; delete it and Backlog makes a new one",
            )));
        }
        let file = fsx::open_private(path).map_err(lock_error)?;
        match file.try_lock() {
            Ok(()) => return Ok(Self { file }),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) => return Err(lock_error(e)),
        }
        // Another writer is saving. Wait in the system's queue for the
        // lock, so this writer is woken when it is let go: polling could
        // miss every turn on a busy machine while others take it. The wait
        // runs on a thread so it can be given up; a lock it gets after that
        // is let go at once (the thread ends and closes its handle).
        let waiter = file.try_clone().map_err(lock_error)?;
        let (tx, rx) = mpsc::channel();
        thread::Builder::new()
            .name("journal-lock".into())
            .spawn(move || {
                let _ = tx.send(waiter.lock().map(|()| waiter));
            })
            .map_err(lock_error)?;
        match rx.recv_timeout(wait) {
            // The handle that took the lock is the one kept (on Windows a
            // lock belongs to its handle).
            Ok(Ok(locked)) => Ok(Self { file: locked }),
            Ok(Err(e)) => Err(lock_error(e)),
            Err(_) => Err(StoreError::Busy {
                path: PathBuf::from(path),
            }),
        }
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; unlocking first just
        // makes it explicit. Nothing useful to do if it fails.
        let _ = self.file.unlock();
    }
}

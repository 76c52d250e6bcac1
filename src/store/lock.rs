//! One writer at a time: an advisory lock on `journal.lock`.
//!
//! Never on the data file itself: every save renames a new file over it, so
//! a lock on the old file would guard nothing. The lock is held only for one
//! read-modify-write, so the app and the command line can both save; a
//! second writer waits briefly, then gives up with a clear message. Reading
//! needs no lock, because saves are atomic renames.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

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
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { file }),
                Err(TryLockError::WouldBlock) => {
                    if Instant::now() >= deadline {
                        return Err(StoreError::Busy {
                            path: PathBuf::from(path),
                        });
                    }
                    thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(TryLockError::Error(e)) => return Err(lock_error(e)),
            }
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

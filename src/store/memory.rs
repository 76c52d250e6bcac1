//! [`Storage`]: the few operations the app needs, so its tests can run on
//! [`MemoryStore`], an in-memory fake that can be told to fail, instead of
//! a disk. (The idea comes from tui-journal.)

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use crate::journal::Journal;
use crate::triage::knowledge;

use super::{Backup, Restored, Store, StoreError, Updated};

/// A change to apply under the lock; its error is returned as is.
pub type Change<'a> = &'a mut dyn FnMut(&mut Journal) -> Result<(), StoreError>;

/// What the app does with a journal store.
pub trait Storage {
    fn load(&self) -> Result<Journal, StoreError>;
    /// See [`Store::update`].
    fn change(&self, apply: Change<'_>) -> Result<Updated<()>, StoreError>;
    fn backups(&self) -> Result<Vec<Backup>, StoreError>;
    fn restore(&self, id: &str) -> Result<Restored, StoreError>;
}

impl Storage for Store {
    fn load(&self) -> Result<Journal, StoreError> {
        Store::load(self)
    }

    fn change(&self, apply: Change<'_>) -> Result<Updated<()>, StoreError> {
        self.update(apply)
    }

    fn backups(&self) -> Result<Vec<Backup>, StoreError> {
        Store::backups(self)
    }

    fn restore(&self, id: &str) -> Result<Restored, StoreError> {
        Store::restore(self, id)
    }
}

/// A store shared with a test (or another owner) keeps working as a store:
/// the app takes a `Box<dyn Storage>`, and a test keeps an `Arc` to look
/// inside or to make it fail.
impl<S: Storage + ?Sized> Storage for Arc<S> {
    fn load(&self) -> Result<Journal, StoreError> {
        S::load(self)
    }

    fn change(&self, apply: Change<'_>) -> Result<Updated<()>, StoreError> {
        S::change(self, apply)
    }

    fn backups(&self) -> Result<Vec<Backup>, StoreError> {
        S::backups(self)
    }

    fn restore(&self, id: &str) -> Result<Restored, StoreError> {
        S::restore(self, id)
    }
}

/// A journal held in memory, validated like the real store. Tell it to
/// fail with [`MemoryStore::fail_next`] to test how errors are shown.
#[derive(Debug, Default)]
pub struct MemoryStore {
    journal: Mutex<Journal>,
    fail: Mutex<Option<StoreError>>,
    saves: Mutex<usize>,
}

impl MemoryStore {
    pub fn new(journal: Journal) -> Self {
        Self {
            journal: Mutex::new(journal),
            ..Self::default()
        }
    }

    /// The next call (of any kind) fails with this error.
    pub fn fail_next(&self, error: StoreError) {
        *lock(&self.fail) = Some(error);
    }

    /// A ready-made "disk full" failure, as the real store would report it.
    pub fn disk_full() -> StoreError {
        StoreError::Write {
            path: PathBuf::from("/memory/journal.ron"),
            source: Arc::new(io::Error::from(io::ErrorKind::StorageFull)),
        }
    }

    /// How many changes were saved.
    pub fn saves(&self) -> usize {
        *lock(&self.saves)
    }

    /// The journal as it is now.
    pub fn snapshot(&self) -> Journal {
        lock(&self.journal).clone()
    }

    fn check_fail(&self) -> Result<(), StoreError> {
        match lock(&self.fail).take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic in another test thread must not hide this one's result.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Storage for MemoryStore {
    fn load(&self) -> Result<Journal, StoreError> {
        self.check_fail()?;
        Ok(self.snapshot())
    }

    fn change(&self, apply: Change<'_>) -> Result<Updated<()>, StoreError> {
        self.check_fail()?;
        let mut current = lock(&self.journal);
        let mut next = current.clone();
        apply(&mut next)?;
        next.validate(knowledge())?;
        let changed = next != *current;
        if changed {
            *current = next.clone();
            *lock(&self.saves) += 1;
        }
        Ok(Updated {
            value: (),
            journal: next,
            changed,
            backup_error: None,
        })
    }

    fn backups(&self) -> Result<Vec<Backup>, StoreError> {
        self.check_fail()?;
        Ok(Vec::new())
    }

    fn restore(&self, id: &str) -> Result<Restored, StoreError> {
        self.check_fail()?;
        Err(StoreError::NoSuchBackup {
            id: id.to_owned(),
            dir: PathBuf::from("/memory/backups"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_store_fails_once_when_told_and_then_works() {
        let s = MemoryStore::new(Journal::new());
        s.fail_next(MemoryStore::disk_full());
        let err = s
            .change(&mut |j| {
                j.summary_notes.doctor_note = "x".into();
                Ok(())
            })
            .unwrap_err();
        assert!(err.to_string().contains("the disk is full"), "{err}");
        assert_eq!(s.saves(), 0);
        assert_eq!(
            s.snapshot(),
            Journal::new(),
            "a failed change changes nothing"
        );
        s.change(&mut |j| {
            j.summary_notes.doctor_note = "x".into();
            Ok(())
        })
        .unwrap();
        assert_eq!(s.saves(), 1);
        assert_eq!(s.load().unwrap().summary_notes.doctor_note, "x");
    }

    #[test]
    fn a_shared_store_is_a_store_and_the_sharer_sees_its_changes() {
        let shared = Arc::new(MemoryStore::default());
        let boxed: Box<dyn Storage> = Box::new(Arc::clone(&shared));
        shared.fail_next(MemoryStore::disk_full());
        assert!(boxed.load().is_err(), "the failure reaches through the Arc");
        boxed
            .change(&mut |j| {
                j.summary_notes.doctor_note = "x".into();
                Ok(())
            })
            .unwrap();
        assert_eq!(shared.saves(), 1);
        assert_eq!(shared.snapshot().summary_notes.doctor_note, "x");
    }

    #[test]
    fn an_invalid_change_is_refused_like_the_real_store() {
        let s = MemoryStore::new(Journal::new());
        let err = s
            .change(&mut |j| {
                j.summary_notes.questions = vec!["?".into(); 6];
                Ok(())
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)));
        assert_eq!(s.snapshot(), Journal::new());
    }
}

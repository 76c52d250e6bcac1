//! The journal as the app holds it: the last loaded or saved copy, a
//! revision number that changes with every change (screens cache their
//! derived data against it), and the storage behind it.

use crate::journal::Journal;
use crate::triage;

pub struct Data {
    journal: Journal,
    revision: u64,
}

impl Data {
    pub fn new(journal: Journal) -> Self {
        Self {
            journal,
            revision: 1,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Changes with every successful change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies a change to a copy, validates it, and keeps it. On error
    /// nothing changes; the message says what to do.
    pub fn change<T>(
        &mut self,
        apply: impl FnOnce(&mut Journal) -> Result<T, String>,
    ) -> Result<T, String> {
        let mut next = self.journal.clone();
        let value = apply(&mut next)?;
        next.validate(triage::knowledge())
            .map_err(|e| format!("This change was not saved: {e}"))?;
        self.journal = next;
        self.revision += 1;
        Ok(value)
    }
}

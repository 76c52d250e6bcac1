//! The pain journal: the whole user document, as plain data.
//!
//! Pure by design: std, serde, jiff and the triage vocabulary only. No files,
//! no clock, no UI. "Today" and "now" are always parameters, so every rule
//! here is tested without a disk or a calendar. The store (`crate::store`)
//! reads and writes a [`Journal`]; the app, the command line and the printed
//! summary all work on this one type.
//!
//! Invariants (checked by [`Journal::validate`] before anything is written):
//! one entry per calendar day, kept sorted by date; every value in range;
//! every finding id known to the triage vocabulary; no text over its limit.

pub mod attention;
mod check;
mod entry;
mod error;
mod labels;
pub mod locale;
mod medicine;
mod medicine_list;
pub mod parse;
mod profile;
pub mod sample;
pub mod stats;
mod text;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::triage::Knowledge;

pub use check::SavedCheck;
pub use entry::{Entry, EntryDraft};
pub use error::{EntryError, JournalError};
pub use labels::{Quality, Region};
pub use medicine::{
    MAX_MEDICINE_NOTE_CHARS, MAX_USED_BEFORE, Medicine, MedicineKind, MedicineTaken,
    medicines_used_before, same_name, treatments_used_before,
};
pub use medicine_list::{
    MedicineListError, add_medicine, medicines_in_order, remove_medicine, stop_medicine,
};
pub use profile::{
    Age, DEFAULT_EMERGENCY_NUMBER, HistoryQuestion, Paper, Profile, Sex, check_emergency_number,
    check_history, check_phone_number,
};
pub use text::{MAX_LIST_ITEMS, MAX_NOTE_CHARS, MAX_SHORT_CHARS, echo, plural, shorten};

/// The schema version this build writes. Older versions are migrated on load
/// by the store; newer ones are refused (with a message to update Backlog).
pub const SCHEMA_VERSION: u32 = 1;

/// At most this many questions for the doctor on the printed summary.
pub const MAX_QUESTIONS: usize = 5;

/// The earliest day an entry may describe. Anything earlier is a typo.
pub const EARLIEST_DATE: Date = Date::constant(1900, 1, 1);

/// Everything one person keeps in Backlog: one file, one atomic unit, one
/// backup set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    /// Schema version of the file (see [`SCHEMA_VERSION`]).
    pub version: u32,
    #[serde(default)]
    pub profile: Profile,
    /// One per calendar day, sorted by date. Private so the order holds:
    /// use [`Journal::entries`], [`Journal::upsert`] and [`Journal::remove`].
    #[serde(default)]
    entries: Vec<Entry>,
    /// Symptom checks the person chose to keep, oldest first.
    #[serde(default)]
    pub checks: Vec<SavedCheck>,
    /// The person's medicine list (what they take, not what they took today).
    #[serde(default)]
    pub medicines: Vec<Medicine>,
    /// What goes in the "for my doctor" box of the printed summary.
    #[serde(default)]
    pub summary_notes: SummaryNotes,
}

/// The person's own words for the printed summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SummaryNotes {
    /// "What I want the doctor to know."
    pub doctor_note: String,
    /// Questions for the appointment, at most [`MAX_QUESTIONS`].
    pub questions: Vec<String>,
}

/// What [`Journal::upsert`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Upsert {
    /// The day had no entry; this one was added.
    Added,
    /// The day had an entry; it was replaced. The old one is returned.
    Replaced(Box<Entry>),
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

impl Journal {
    /// An empty journal at the current schema version.
    pub fn new() -> Self {
        Self {
            version: SCHEMA_VERSION,
            profile: Profile::default(),
            entries: Vec::new(),
            checks: Vec::new(),
            medicines: Vec::new(),
            summary_notes: SummaryNotes::default(),
        }
    }

    /// All entries, oldest first, one per day.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entries from `from` to `to`, both included, oldest first.
    pub fn entries_between(&self, from: Date, to: Date) -> &[Entry] {
        let start = self.entries.partition_point(|e| e.date < from);
        let end = self.entries.partition_point(|e| e.date <= to);
        self.entries.get(start..end.max(start)).unwrap_or(&[])
    }

    /// The entry for one day, if there is one.
    pub fn entry(&self, date: Date) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.date.cmp(&date))
            .ok()
            .and_then(|i| self.entries.get(i))
    }

    /// Adds the entry, or replaces the one for the same day. The order is kept.
    pub fn upsert(&mut self, entry: Entry) -> Upsert {
        match self.entries.binary_search_by(|e| e.date.cmp(&entry.date)) {
            Ok(i) => Upsert::Replaced(Box::new(std::mem::replace(&mut self.entries[i], entry))),
            Err(i) => {
                self.entries.insert(i, entry);
                Upsert::Added
            }
        }
    }

    /// Removes and returns the entry for one day.
    pub fn remove(&mut self, date: Date) -> Option<Entry> {
        match self.entries.binary_search_by(|e| e.date.cmp(&date)) {
            Ok(i) => Some(self.entries.remove(i)),
            Err(_) => None,
        }
    }

    /// The first and last day with an entry.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        Some((self.entries.first()?.date, self.entries.last()?.date))
    }

    /// Checks every invariant that does not depend on the clock: one entry a
    /// day in date order, values in range, known ids, text within limits.
    /// "Not in the future" is checked when a draft becomes an entry
    /// ([`EntryDraft::validate`]), so a wrong system clock can never make an
    /// existing journal impossible to save.
    pub fn validate(&self, knowledge: &Knowledge) -> Result<(), JournalError> {
        if self.version != SCHEMA_VERSION {
            return Err(JournalError::Version {
                found: self.version,
                supported: SCHEMA_VERSION,
            });
        }
        self.profile.validate(knowledge)?;
        for pair in self.entries.windows(2) {
            if let [a, b] = pair
                && a.date >= b.date
            {
                return Err(JournalError::EntryOrder {
                    first: a.date,
                    second: b.date,
                });
            }
        }
        for entry in &self.entries {
            entry
                .validate(knowledge)
                .map_err(|error| JournalError::Entry {
                    date: entry.date,
                    error,
                })?;
        }
        for check in &self.checks {
            check.validate(knowledge)?;
        }
        for (index, medicine) in self.medicines.iter().enumerate() {
            medicine
                .validate()
                .map_err(|error| JournalError::Medicine { index, error })?;
        }
        self.summary_notes.validate()
    }
}

impl SummaryNotes {
    pub fn validate(&self) -> Result<(), JournalError> {
        text::check_note("The note for your doctor", &self.doctor_note)
            .map_err(JournalError::SummaryNotes)?;
        if self.questions.len() > MAX_QUESTIONS {
            return Err(JournalError::SummaryNotes(EntryError::TooMany {
                what: "questions for the doctor",
                count: self.questions.len(),
                max: MAX_QUESTIONS,
            }));
        }
        for q in &self.questions {
            text::check_line("A question for the doctor", q, text::MAX_QUESTION_CHARS)
                .map_err(JournalError::SummaryNotes)?;
        }
        Ok(())
    }
}

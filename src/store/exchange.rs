//! Export and import: a CSV file (one row per day, every field, for a
//! spreadsheet) and a RON file (a full copy of the journal).
//!
//! Import checks every row before anything is written, and merging is a
//! pure function that says what it added or changed, so `--dry-run` and
//! the real import report exactly the same thing.
//!
//! CSV details: UTF-8 with a byte-order mark so spreadsheets pick the right
//! encoding; lists are separated by `;`, a medicine's parts by `|`
//! (`name | dose | times | relief`; a medicine without `|` is read like
//! the command line's `"NAME DOSE"`). A text cell that a spreadsheet would
//! take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a return)
//! or that starts with `'` gets a leading `'`, which import removes again.

mod csv_read;
mod csv_write;
mod report;

pub use csv_read::from_csv;
pub use csv_write::to_csv;
pub use report::{ImportReport, Mood};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};

use crate::journal::{Entry, EntryError, Journal, Profile, SummaryNotes};
use crate::triage::Knowledge;
/// The CSV columns, in order. Import needs `date` and `pain`; the rest are
/// optional, in any order.
pub const CSV_COLUMNS: [&str; 16] = [
    "date",
    "pain",
    "worst",
    "where",
    "feels",
    "woke_at_night",
    "activity",
    "enjoyment",
    "sleep_hours",
    "medicines",
    "treatments",
    "tags",
    "symptoms",
    "note",
    "created",
    "edited",
];

const BOM: &str = "\u{feff}";

/// Why an import file cannot be used. Nothing has been written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}{}: {error}", on_date(*.date))]
    Row {
        line: u64,
        date: Option<Date>,
        error: EntryError,
    },
    #[error("line {line}: {message}")]
    Format { line: u64, message: String },
    #[error("{0}")]
    File(String),
}

fn on_date(date: Option<Date>) -> String {
    date.map(|d| format!(" ({d})")).unwrap_or_default()
}

/// What an import file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub entries: Vec<Entry>,
    /// From a RON copy: the rest of the journal (profile, checks,
    /// medicines, notes). A CSV file has only entries.
    pub rest: Option<Journal>,
}

/// The last day that is already "today" somewhere on Earth (UTC+14). An
/// entry written today in a time zone ahead (Auckland, while it is still
/// yesterday here) is not "in the future" when it is imported or edited
/// here. Never earlier than `today`.
pub fn last_possible_day(today: Date, now: Timestamp) -> Date {
    let ahead = TimeZone::fixed(Offset::constant(14));
    today.max(now.to_zoned(ahead).date())
}

/// Equal apart from the created and edited times.
fn same_content(a: &Entry, b: &Entry) -> bool {
    Entry {
        created: b.created,
        edited: b.edited,
        ..a.clone()
    } == *b
}

/// Reads a RON copy made by `backlog journal export --ron` (or a journal
/// file or backup). Entries in the future are refused like typed ones.
pub fn from_ron(bytes: &[u8], today: Date) -> Result<Imported, ImportError> {
    let journal = super::deserialize(bytes).map_err(ImportError::File)?;
    if let Some(e) = journal.entries().iter().find(|e| e.date > today) {
        return Err(ImportError::File(
            EntryError::FutureDate {
                date: e.date,
                today,
            }
            .to_string(),
        ));
    }
    Ok(Imported {
        entries: journal.entries().to_vec(),
        rest: Some(journal),
    })
}

/// Reads either format: CSV when the name ends in `.csv`, RON when it
/// ends in `.ron`, otherwise by the first character. `today` is the
/// person's today; an entry dated up to [`last_possible_day`] is accepted.
pub fn read_import(
    file_name: &str,
    bytes: &[u8],
    knowledge: &Knowledge,
    today: Date,
    now: Timestamp,
) -> Result<Imported, ImportError> {
    let lower = file_name.to_ascii_lowercase();
    let looks_ron = || {
        std::str::from_utf8(bytes)
            .ok()
            .map(|t| t.trim_start_matches(BOM).trim_start())
            .is_some_and(|t| t.starts_with('(') || t.starts_with("//") || t.starts_with("#!"))
    };
    // Days already begun somewhere on Earth are not "in the future": a
    // copy made today in a time zone ahead imports here.
    let today = last_possible_day(today, now);
    if lower.ends_with(".ron") || (!lower.ends_with(".csv") && looks_ron()) {
        from_ron(bytes, today)
    } else {
        Ok(Imported {
            entries: from_csv(bytes, knowledge, today, now)?,
            rest: None,
        })
    }
}

/// Merges an import into the journal: new days are added, days whose entry
/// differs are replaced by the file's, equal ones are left (the created and
/// edited times are not compared: a hand-made sheet has none, and a
/// replaced entry keeps the earlier creation time). From a RON
/// copy, saved checks and medicines not already there are added, and the
/// profile and doctor notes are taken only if this journal has none yet
/// (a fresh install), so an import never overwrites what is set here.
pub fn merge(journal: &mut Journal, imported: &Imported) -> ImportReport {
    let mut report = ImportReport::default();
    for e in &imported.entries {
        match journal.entry(e.date) {
            Some(old) if same_content(old, e) => report.unchanged += 1,
            Some(old) => {
                report.changed.push(e.date);
                let created = old.created.min(e.created);
                journal.upsert(Entry {
                    created,
                    edited: e.edited.max(created),
                    ..e.clone()
                });
            }
            None => {
                report.added.push(e.date);
                journal.upsert(e.clone());
            }
        }
    }
    if let Some(rest) = &imported.rest {
        if journal.profile == Profile::default() && rest.profile != Profile::default() {
            journal.profile = rest.profile.clone();
            report.profile = true;
        }
        if journal.summary_notes == SummaryNotes::default()
            && rest.summary_notes != SummaryNotes::default()
        {
            journal.summary_notes = rest.summary_notes.clone();
            report.summary_notes = true;
        }
        for c in &rest.checks {
            if !journal.checks.contains(c) {
                journal.checks.push(c.clone());
                report.checks_added += 1;
            }
        }
        journal.checks.sort_by_key(|c| c.time);
        for m in &rest.medicines {
            if !journal.medicines.contains(m) {
                journal.medicines.push(m.clone());
                report.medicines_added += 1;
            }
        }
    }
    report
}

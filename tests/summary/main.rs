//! The printed appointment summary.
//!
//! - `model`: the page model, section by section, without a PDF.
//! - `pdf`: the PDF read back as text: every section, ten years, a messy
//!   journal, A4 and Letter.
//! - `layout`: the one-page promise on random input (proptest).
//!
//! Shared here: `entry`, a plain day of the journal.
#![expect(clippy::disallowed_methods, reason = "a test keeps a PDF to look at")]

mod layout;
mod model;
mod pdf;

use std::collections::BTreeSet;

use backlog::journal::Entry;
use jiff::civil::Date;

/// A plain day of the journal: `pain` and nothing else, written that
/// evening (21:00 UTC), never edited.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a fixed, valid date and time"
)]
fn entry(day: Date, pain: u8) -> Entry {
    let written = day.at(21, 0, 0, 0).in_tz("UTC").unwrap().timestamp();
    Entry {
        date: day,
        pain,
        worst: None,
        regions: BTreeSet::new(),
        qualities: BTreeSet::new(),
        woke_at_night: false,
        activity: None,
        enjoyment: None,
        sleep_hours: None,
        medicines: Vec::new(),
        treatments: Vec::new(),
        tags: Vec::new(),
        symptoms: BTreeSet::new(),
        note: String::new(),
        created: written,
        edited: written,
    }
}

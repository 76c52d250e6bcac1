//! The import report: what an import added or changed (or, before the
//! person says yes, would), and the plain sentences the app and the
//! command line both show for it. Its own file so the wording of the
//! report sits apart from reading and merging files.

use jiff::civil::Date;

use crate::journal::plural;

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub added: Vec<Date>,
    pub changed: Vec<Date>,
    pub unchanged: usize,
    pub profile: bool,
    pub summary_notes: bool,
    pub checks_added: usize,
    pub medicines_added: usize,
}

impl ImportReport {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && !self.profile
            && !self.summary_notes
            && self.checks_added == 0
            && self.medicines_added == 0
    }
}

/// Whether an import report says what would happen or what did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    /// Before the person says yes, or `--dry-run`.
    Preview,
    /// After the import was saved.
    Done,
}

/// Most changed days named one by one; the rest are counted.
const DAYS_NAMED: usize = 8;

impl ImportReport {
    /// What the import would do (or did), in plain sentences: the app
    /// shows them as they are, the command line prints one per line.
    /// `name` is the file's name as the person knows it.
    pub fn describe(&self, name: &str, mood: Mood) -> Vec<String> {
        let preview = mood == Mood::Preview;
        if self.is_empty() {
            return vec![format!(
                "{} everything in {name} is already in your journal ({} the same).",
                if preview {
                    "Nothing to import:"
                } else {
                    "Nothing was imported:"
                },
                days(self.unchanged)
            )];
        }
        let mut lines = vec![if preview {
            format!(
                "{name} would add {} and update {}. {} already the same. Nothing is deleted.",
                days(self.added.len()),
                days(self.changed.len()),
                days(self.unchanged)
            )
        } else {
            format!(
                "Imported {name}: {} added, {} updated, {} already the same. Nothing was deleted.",
                days(self.added.len()),
                days(self.changed.len()),
                days(self.unchanged)
            )
        }];
        if !self.changed.is_empty() {
            let shown: Vec<String> = self
                .changed
                .iter()
                .take(DAYS_NAMED)
                .map(ToString::to_string)
                .collect();
            let more = self.changed.len().saturating_sub(shown.len());
            lines.push(format!(
                "Days whose entries {} replaced by the file's: {}{}.",
                if preview { "would be" } else { "were" },
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        let mut also = Vec::new();
        if self.profile {
            also.push("your details".to_owned());
        }
        if self.summary_notes {
            also.push("your notes for the doctor".to_owned());
        }
        if self.checks_added > 0 {
            also.push(plural(self.checks_added, "saved check", "saved checks"));
        }
        if self.medicines_added > 0 {
            also.push(plural(self.medicines_added, "medicine", "medicines"));
        }
        if !also.is_empty() {
            lines.push(format!(
                "It {} {}.",
                if preview {
                    "would also add"
                } else {
                    "also added"
                },
                also.join(", ")
            ));
        }
        lines
    }
}

fn days(n: usize) -> String {
    plural(n, "day", "days")
}

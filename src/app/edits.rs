//! Changes to the journal: a day's entry saved, deleted or brought back,
//! a check or the profile saved, a backup restored. Each goes through the
//! store in one locked, atomic step; a failure is a notice and the typing
//! stays on screen.

use jiff::civil::Date;

use super::{App, Command, Shortcut, UNDO_DEPTH, check_context};
use crate::journal::{EntryDraft, Journal, Paper, Profile, SavedCheck, SummaryNotes};

/// A day as people say it: "Tue 24 Nov 2026".
pub(super) fn short_day(date: Date) -> String {
    date.strftime("%a %-d %b %Y").to_string()
}

impl App {
    /// Runs a change through the store; reports failure (and a failed
    /// backup) as a notice. Returns true when it was saved.
    pub(super) fn change(&mut self, apply: impl FnMut(&mut Journal)) -> bool {
        match self.data.change(apply) {
            Ok(changed) => {
                if let Some(w) = changed.backup_warning {
                    self.notices
                        .error(format!("Your change was saved, but {w}"));
                }
                true
            }
            Err(e) => {
                self.notices.error(e.to_string());
                false
            }
        }
    }

    pub(super) fn save_entry(&mut self, draft: &EntryDraft) {
        let today = self.today_date();
        let now = self.now();
        let existing = self.data.journal().entry(draft.date).cloned();
        let entry = match draft.validate(crate::triage::knowledge(), today, now, existing.as_ref())
        {
            Ok(e) => e,
            Err(e) => {
                self.today.set_error(Some(e.to_string()));
                return;
            }
        };
        let saved = self.change(|j| {
            // Keep the first-written time of the entry on disk, if any.
            let mut e = entry.clone();
            if let Some(old) = j.entry(e.date) {
                e.created = old.created;
            }
            j.upsert(e);
        });
        if !saved {
            self.today.set_error(Some(
                "Not saved. Your typing is kept here; see the message at the top.".into(),
            ));
            return;
        }
        self.prefs.set_aside.remove(&draft.date);
        self.today.set_error(None);
        if self.today.draft.date == draft.date {
            self.today.dirty = self.today.draft != *draft;
        }
        if !self.today.dirty {
            self.prefs.today_draft = None;
            self.prefs_dirty = true;
            self.draft_dirty_since = None;
        }
        // Which day, always: a past day is named so that a tap meant for
        // today is noticed at once.
        let day = if draft.date == today {
            "today".to_owned()
        } else {
            format!("{}, not today", short_day(draft.date))
        };
        match existing {
            // A saved score changed: say from what, and offer to undo it.
            Some(old) if old.pain != entry.pain => self.notices.info_with_action(
                format!(
                    "Changed the pain for {day} from {} to {} out of 10.",
                    old.pain, entry.pain
                ),
                "Undo change",
                Command::PutBack(Box::new(old)),
            ),
            Some(_) => self.notices.info(format!("Saved the changes for {day}.")),
            None => self.notices.info(format!("Saved your entry for {day}.")),
        }
    }

    pub(super) fn delete_entry(&mut self, date: Date) {
        let mut removed = None;
        if !self.change(|j| removed = j.remove(date)) {
            return;
        }
        let Some(entry) = removed else {
            self.notices
                .info(format!("There was no entry for {date} to delete."));
            return;
        };
        self.deleted.push(entry);
        if self.deleted.len() > UNDO_DEPTH {
            self.deleted.remove(0);
        }
        self.say_deleted();
        if self.today.draft.date == date && !self.today.dirty {
            self.today.load_day(self.data.journal(), date);
        }
    }

    /// Says which days are deleted and can be brought back: every one,
    /// so a second delete never hides the first.
    fn say_deleted(&mut self) {
        if self.deleted.is_empty() {
            return;
        }
        let mut days: Vec<Date> = self.deleted.iter().map(|e| e.date).collect();
        days.sort_unstable();
        let names: Vec<String> = days.iter().map(|d| short_day(*d)).collect();
        let keys = Shortcut::UndoDelete.text(self.egui_ctx.as_ref());
        let text = match names.as_slice() {
            [one] => {
                format!("Deleted the entry for {one}. Press Undo delete ({keys}) to bring it back.")
            }
            [rest @ .., last] => format!(
                "Deleted the entries for {} and {last}. Undo delete ({keys}) brings back the last one; each has \"Bring back\" in the list.",
                rest.join(", ")
            ),
            [] => return,
        };
        self.notices.info(text);
    }

    /// Brings back a deleted entry: the day given, or the last deleted.
    pub(super) fn undo_delete(&mut self, day: Option<Date>) {
        let position = match day {
            Some(d) => self.deleted.iter().rposition(|e| e.date == d),
            None => self.deleted.len().checked_sub(1),
        };
        let Some(entry) = position.map(|i| self.deleted.remove(i)) else {
            return;
        };
        let date = entry.date;
        let mut clash = false;
        let ok = self.change(|j| {
            clash = j.entry(date).is_some();
            if !clash {
                j.upsert(entry.clone());
            }
        });
        if !ok {
            self.deleted.push(entry);
        } else if clash {
            self.notices.error(format!(
                "A new entry for {} was saved after the delete, so the old one was not brought back.",
                short_day(date)
            ));
        } else {
            self.notices
                .info(format!("Brought back the entry for {}.", short_day(date)));
            if self.today.draft.date == date && !self.today.dirty {
                self.today.load_day(self.data.journal(), date);
            }
        }
    }

    /// Undo of a changed score: the entry as it was before.
    pub(super) fn put_back(&mut self, entry: crate::journal::Entry) {
        let date = entry.date;
        if self.change(|j| {
            j.upsert(entry.clone());
        }) {
            self.notices.info(format!(
                "Put back the entry for {} as it was.",
                short_day(date)
            ));
            if self.today.draft.date == date && !self.today.dirty {
                self.today.load_day(self.data.journal(), date);
            }
        }
    }

    pub(super) fn save_check(&mut self, c: SavedCheck) {
        let saved = SavedCheck {
            time: self.now(),
            ..c
        };
        if self.change(|j| j.checks.push(saved.clone())) {
            self.notices
                .info("Check saved. It will be on your doctor's summary.");
        }
    }

    pub(super) fn save_profile(&mut self, p: Profile) {
        if self.change(|j| j.profile = p.clone()) {
            self.profile_reloaded();
            self.notices.info("Your details are saved.");
        }
    }

    /// The profile may have changed (saved, restored, reloaded).
    pub(super) fn profile_reloaded(&mut self) {
        let today = self.today_date();
        let profile = self.data.journal().profile.clone();
        self.check
            .profile_changed(&check_context(&profile, today, self.proposed_number));
        self.settings.reset(&profile, today, self.proposed_number);
        self.summary.set_paper(profile.paper);
    }

    pub(super) fn restore_backup(&mut self, id: &str) {
        match self.data.restore(id) {
            Ok(b) => {
                self.profile_reloaded();
                self.deleted.clear();
                if !self.today.dirty {
                    let d = self.today.draft.date;
                    self.today.load_day(self.data.journal(), d);
                }
                self.notices.info(format!(
                    "Restored the backup from {}. What it replaced was kept as a backup too.",
                    b.time_text()
                ));
                self.refresh_backups();
            }
            Err(e) => self.notices.error(e.to_string()),
        }
    }

    /// Reads the backup list again, with how many days each holds and its
    /// latest day, so rows can be told apart (after the frame: it reads
    /// the files).
    pub(super) fn refresh_backups(&mut self) {
        match self.data.backups() {
            Ok(list) => {
                let facts = list
                    .iter()
                    .take(super::settings::BACKUPS_SHOWN)
                    .map(|b| backup_facts(&b.path))
                    .collect();
                self.settings.set_backups(list, facts);
            }
            Err(e) => self.notices.error(e.to_string()),
        }
    }

    /// The paper picked on the Summary screen, kept in the profile.
    pub(super) fn set_paper(&mut self, paper: Paper) {
        // Quietly: the radio button already shows the choice.
        if self.change(|j| j.profile.paper = paper) {
            let profile = self.data.journal().profile.clone();
            self.settings.profile_changed_elsewhere(&profile);
        }
    }

    pub(super) fn save_summary_notes(&mut self, notes: SummaryNotes) {
        if self.change(|j| j.summary_notes = notes.clone()) {
            self.notices.info("Your notes for the doctor are saved.");
        }
    }
}

/// How many days a backup holds and its latest day, read by a quick scan
/// of the file (one entry per line, as Backlog writes them); `None` when
/// it cannot be read.
#[expect(
    clippy::disallowed_methods,
    reason = "run after the frame: reads a backup to describe it"
)]
fn backup_facts(path: &std::path::Path) -> Option<(usize, Option<Date>)> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(entry_facts(&text))
}

/// Counts the lines that start an entry (`(date: "2026-11-24", …`) and
/// finds the latest of their dates.
pub(super) fn entry_facts(text: &str) -> (usize, Option<Date>) {
    let mut count = 0;
    let mut latest: Option<Date> = None;
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("(date: \"") else {
            continue;
        };
        count += 1;
        if let Some(d) = rest.get(..10).and_then(|t| t.parse::<Date>().ok()) {
            latest = latest.max(Some(d));
        }
    }
    (count, latest)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_backup_is_described_by_its_days_and_latest_day() {
        let text = "(\n  entries: [\n    (date: \"2026-10-02\", pain: 5),\n    (date: \"2026-11-24\", pain: 3),\n  ],\n  checks: [(time: \"2026-11-24T10:00:00Z\")],\n)";
        assert_eq!(
            super::entry_facts(text),
            (2, Some(jiff::civil::date(2026, 11, 24)))
        );
        assert_eq!(super::entry_facts(""), (0, None));
    }
}

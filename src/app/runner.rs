//! The command runner: what each [`Command`] does, after the frame that
//! pushed it. The only place the app's state changes in answer to a click.

use std::collections::BTreeSet;
use std::time::Instant;

use super::files::Outgoing;
use super::notify::Notices;
use super::{App, Command, Screen, check_context, theme};
use crate::journal::Profile;
use crate::store::StoreError;

impl App {
    /// Runs one command (after the frame).
    pub fn run(&mut self, command: Command) {
        match command {
            // The Today tab always means today, even after editing a past day.
            Command::Navigate(Screen::Today) => self.open_day(self.today_date()),
            Command::Navigate(s) => self.navigate(s),
            Command::SetTheme(t) => self.set_prefs(|p| p.theme = t),
            Command::SetTextScale(s) => {
                self.set_prefs(|p| p.text_scale = theme::clamp_text_scale(s));
            }
            Command::SetTrendsRange(r) => self.set_prefs(|p| p.trends_range = r),
            Command::SaveCheck(c) => self.save_check(c),
            Command::FinishWelcome(profile) => self.finish_welcome(profile),
            Command::SaveProfile(p) => self.save_profile(p),
            Command::EditMedicines(edit) => self.edit_medicines(&edit),
            Command::SaveEntry(draft) => self.save_entry(&draft),
            Command::DraftChanged => self.draft_changed(),
            Command::OpenDay(date) => self.open_day(date),
            Command::DeleteEntry(date) => self.delete_entry(date),
            Command::UndoDelete => self.undo_delete(None),
            Command::BringBack(date) => self.undo_delete(Some(date)),
            Command::PutBack(entry) => self.put_back(*entry),
            Command::CheckWithSymptoms(symptoms) => self.check_with_symptoms(symptoms),
            Command::OpenDataFolder => self.open_data_folder(),
            Command::SavePdf(request) => self.save_as(&Outgoing::Summary(&request)),
            Command::SavePdfTo(request, path) => self.save_to(&Outgoing::Summary(&request), &path),
            Command::OpenPdf(request) => self.open_pdf(&request),
            Command::SetPaper(paper) => self.set_paper(paper),
            Command::SaveSummaryNotes(notes) => self.save_summary_notes(notes),
            Command::ExportCsv => self.save_as(&Outgoing::Csv),
            Command::ExportCsvTo(path) => self.save_to(&Outgoing::Csv, &path),
            Command::Import => self.choose_import(),
            Command::ImportFrom(path) => self.import_from(&path),
            Command::ConfirmImport => self.confirm_import(),
            Command::CancelImport => self.cancel_import(),
            Command::RestoreBackup(id) => self.restore_backup(&id),
            Command::RefreshBackups => self.refresh_backups(),
            Command::ReloadJournal => self.reload_journal(),
            Command::Dismiss(id) => self.notices.dismiss(id),
            Command::DismissAttention(seen) => self.set_prefs(|p| {
                p.attention_dismissed = Some(match p.attention_dismissed.take() {
                    Some(before) => before.merged(&seen),
                    None => seen,
                });
            }),
        }
    }

    /// Changes the window prefs (written after the frame).
    fn set_prefs(&mut self, change: impl FnOnce(&mut super::UiPrefs)) {
        change(&mut self.prefs);
        self.prefs_dirty = true;
    }

    /// The Today draft changed: keep it in the prefs, written a little
    /// later (typing is not saved on every key).
    #[expect(
        clippy::disallowed_methods,
        reason = "the runner times the delayed draft save"
    )]
    fn draft_changed(&mut self) {
        self.prefs.today_draft = Some(self.today.draft.clone());
        self.draft_dirty_since.get_or_insert_with(Instant::now);
    }

    /// The first-run pages are done: save the profile, if given.
    fn finish_welcome(&mut self, profile: Option<Profile>) {
        if let Some(p) = profile {
            self.save_profile(p);
        }
        self.set_prefs(|p| p.welcomed = true);
        self.navigate(Screen::Check);
    }

    /// A fresh check with the day's symptoms ticked (from Today).
    fn check_with_symptoms(&mut self, symptoms: BTreeSet<String>) {
        let today = self.today_date();
        let profile = self.data.journal().profile.clone();
        self.check
            .start_over(&check_context(&profile, today, self.proposed_number));
        self.check.tick(symptoms);
        self.navigate(Screen::Check);
    }

    /// "Try again" after a journal that did not load.
    fn reload_journal(&mut self) {
        match self.data.reload() {
            Ok(()) => {
                self.profile_reloaded();
                self.notices.info("Your journal loaded.");
            }
            Err(e) => report_load_error(&mut self.notices, &e),
        }
    }
}

/// A journal that will not load: say so, and offer the newest good backup.
/// Shorter than the store's message, which also tells the command line's
/// way to restore; here the button does that.
pub(super) fn report_load_error(notices: &mut Notices, e: &StoreError) {
    match e {
        StoreError::Corrupt {
            path,
            detail,
            newest_backup,
        } => {
            let no_backup = if newest_backup.is_none() {
                " There is no good backup to go back to; the file can be fixed in a text editor."
            } else {
                ""
            };
            // The path last, so no full stop is taken for part of it.
            let text = format!(
                "Backlog could not read your journal ({detail}). It is kept as it is, and nothing will be saved over it.{no_backup} File: {}",
                path.display()
            );
            match newest_backup {
                Some(b) => notices.error_with_action(
                    text,
                    &format!("Restore the backup from {}", b.time_text()),
                    Command::RestoreBackup(b.id.clone()),
                ),
                None => notices.error_with_action(text, "Try again", Command::ReloadJournal),
            }
        }
        _ => notices.error_with_action(e.to_string(), "Try again", Command::ReloadJournal),
    }
}

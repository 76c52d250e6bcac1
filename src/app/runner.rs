//! The command runner: what each [`Command`] does, after the frame that
//! pushed it. The only place the app's state changes in answer to a click.

use std::time::Instant;

use super::notify::Notices;
use super::{App, Command, Screen, check_context, theme};
use crate::store::StoreError;

impl App {
    /// Runs one command (after the frame).
    pub fn run(&mut self, command: Command) {
        match command {
            Command::Navigate(s) => self.navigate(s),
            Command::SetTheme(t) => {
                self.prefs.theme = t;
                self.prefs_dirty = true;
            }
            Command::SetTextScale(s) => {
                self.prefs.text_scale = theme::clamp_text_scale(s);
                self.prefs_dirty = true;
            }
            Command::SetTrendsRange(r) => {
                self.prefs.trends_range = r;
                self.prefs_dirty = true;
            }
            Command::SaveCheck(c) => self.save_check(c),
            Command::FinishWelcome(profile) => {
                if let Some(p) = profile {
                    self.save_profile(p);
                }
                self.prefs.welcomed = true;
                self.prefs_dirty = true;
                self.navigate(Screen::Check);
            }
            Command::SaveProfile(p) => self.save_profile(p),
            Command::SaveEntry(draft) => self.save_entry(&draft),
            Command::DraftChanged => {
                self.prefs.today_draft = Some(self.today.draft.clone());
                self.draft_dirty_since.get_or_insert_with(Instant::now);
            }
            Command::OpenDay(date) => {
                self.open_day(date);
            }
            Command::DeleteEntry(date) => self.delete_entry(date),
            Command::UndoDelete => self.undo_delete(),
            Command::CheckWithSymptoms(symptoms) => {
                let today = self.today_date();
                let profile = self.data.journal().profile.clone();
                self.check.start_over(&check_context(&profile, today));
                self.check.tick(symptoms);
                self.navigate(Screen::Check);
            }
            Command::OpenDataFolder => {
                let dir = self.config.data_dir.clone();
                if let Err(e) = opener::open(&dir) {
                    self.notices.error(format!(
                        "Could not open the data folder ({e}). Open it in your file manager: {}",
                        dir.display()
                    ));
                }
            }
            Command::SavePdf(request) => self.save_pdf(&request),
            Command::SavePdfTo(request, path) => self.save_pdf_to(&request, &path),
            Command::OpenPdf(request) => self.open_pdf(&request),
            Command::SetPaper(paper) => {
                // Quietly: the radio button already shows the choice.
                if self.change(|j| j.profile.paper = paper) {
                    let profile = self.data.journal().profile.clone();
                    self.settings.profile_changed_elsewhere(&profile);
                }
            }
            Command::SaveSummaryNotes(notes) => {
                if self.change(|j| j.summary_notes = notes.clone()) {
                    self.notices.info("Your notes for the doctor are saved.");
                }
            }
            Command::ExportCsv => self.export_csv(),
            Command::ExportCsvTo(path) => self.export_csv_to(&path),
            Command::Import => {
                match rfd::FileDialog::new()
                    .set_title("Import a journal file")
                    .add_filter("CSV or Backlog copy", &["csv", "ron"])
                    .pick_file()
                {
                    Some(path) => self.import_from(&path),
                    None => self.notices.info(
                        "No file was chosen. You can also type the file's path under Export and import.",
                    ),
                }
            }
            Command::ImportFrom(path) => self.import_from(&path),
            Command::ConfirmImport => self.confirm_import(),
            Command::CancelImport => {
                if self.pending_import.take().is_some() {
                    self.settings.set_import_preview(None);
                    self.notices.info("Nothing was imported.");
                }
            }
            Command::RestoreBackup(id) => self.restore_backup(&id),
            Command::RefreshBackups => self.refresh_backups(),
            Command::ReloadJournal => match self.data.reload() {
                Ok(()) => {
                    self.profile_reloaded();
                    self.notices.info("Your journal loaded.");
                }
                Err(e) => report_load_error(&mut self.notices, &e),
            },
            Command::Dismiss(id) => self.notices.dismiss(id),
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

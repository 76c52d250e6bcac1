//! What a screen asks the app to do. Screens push commands while drawing;
//! the app runs them after the frame, so no file, dialog or PDF work ever
//! happens inside a drawing closure.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::screen::Screen;
use super::theme::ThemeChoice;
use super::trends::Range;
use std::path::PathBuf;

use crate::journal::{EntryDraft, PaperSize, Profile, SavedCheck, SummaryNotes};
use crate::summary::SummaryRequest;

#[must_use]
#[derive(Debug, Clone)]
pub enum Command {
    Navigate(Screen),
    SetTheme(ThemeChoice),
    SetTextScale(u16),
    /// Remember the Trends range.
    SetTrendsRange(Range),
    /// Keep a check for the summary. The app stamps the time when it runs
    /// the command (one saved-check type: the journal's).
    SaveCheck(SavedCheck),
    /// The first-run pages are done: with the profile to save, or skipped.
    FinishWelcome(Option<Profile>),
    SaveProfile(Profile),
    /// Validate and save a day's entry (replacing that day's entry).
    SaveEntry(EntryDraft),
    /// The Today draft changed: remember it (written with the window prefs).
    DraftChanged,
    /// Show a day on the Today screen (its entry, or an empty form).
    OpenDay(Date),
    DeleteEntry(Date),
    UndoDelete,
    /// Open the Check screen with these symptoms ticked (from Today).
    CheckWithSymptoms(BTreeSet<String>),
    /// Make the summary PDF and ask where to save it.
    SavePdf(SummaryRequest),
    /// Make the summary PDF and save it here (when the dialog is unavailable).
    SavePdfTo(SummaryRequest, PathBuf),
    /// Make the summary PDF and open it in the system viewer to print.
    OpenPdf(SummaryRequest),
    SaveSummaryNotes(SummaryNotes),
    /// Remember the paper chosen for the summary in the profile.
    SetPaper(PaperSize),
    /// Export every entry as CSV: ask where (file dialog).
    ExportCsv,
    /// Export every entry as CSV to this file.
    ExportCsvTo(PathBuf),
    /// Import a CSV or RON file: ask which (file dialog).
    Import,
    /// Import this CSV or RON file (entries are merged; nothing is lost).
    ImportFrom(PathBuf),
    /// Yes: merge the previewed import into the journal.
    ConfirmImport,
    /// No: drop the previewed import; nothing changes.
    CancelImport,
    /// Open the data folder in the file manager.
    OpenDataFolder,
    /// Put a backup back as the journal (by backup id).
    RestoreBackup(String),
    /// Read the backup list again (after the frame).
    RefreshBackups,
    /// Try loading the journal again.
    ReloadJournal,
    Dismiss(u64),
}

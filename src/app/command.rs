//! What a screen asks the app to do. Screens push commands while drawing;
//! the app runs them after the frame, so no file, dialog or PDF work ever
//! happens inside a drawing closure.
//!
//! The keyboard shortcuts live here too ([`Shortcut`]; a screen's own is on
//! [`Screen::shortcut`]), and every hint that names one ("Save (Ctrl+S)")
//! is formatted from the keys, so it reads right on each system (⌘S on a
//! Mac) and cannot drift from what the keys do.

use std::collections::BTreeSet;

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};
use jiff::civil::Date;

use super::screen::Screen;
use super::theme::ThemeChoice;
use super::trends::Range;
use std::path::PathBuf;

use crate::journal::{EntryDraft, Paper, Profile, SavedCheck, SummaryNotes};
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
    /// Add, stop or remove a medicine on the person's list (Settings).
    EditMedicines(super::medicine_list::MedicineEdit),
    /// Validate and save a day's entry (replacing that day's entry).
    SaveEntry(EntryDraft),
    /// The Today draft changed: remember it (written with the window prefs).
    DraftChanged,
    /// Show a day on the Today screen (its entry, or an empty form).
    OpenDay(Date),
    DeleteEntry(Date),
    /// Bring back the last deleted entry.
    UndoDelete,
    /// Bring back the deleted entry of this day.
    BringBack(Date),
    /// Put an entry back as it was before a change (the undo a notice
    /// offers after a score was changed).
    PutBack(Box<crate::journal::Entry>),
    /// Open the Check screen with these symptoms ticked (from Today, or
    /// what the journal shows).
    CheckWithSymptoms(BTreeSet<String>),
    /// Put away the journal's note until its evidence grows (kept in
    /// `ui.ron`).
    DismissAttention(crate::journal::attention::Fingerprint),
    /// Make the summary PDF and ask where to save it.
    SavePdf(SummaryRequest),
    /// Make the summary PDF and save it here (when the dialog is unavailable).
    SavePdfTo(SummaryRequest, PathBuf),
    /// Make the summary PDF and open it in the system viewer to print.
    OpenPdf(SummaryRequest),
    SaveSummaryNotes(SummaryNotes),
    /// Remember the paper chosen for the summary in the profile.
    SetPaper(Paper),
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

/// The keyboard shortcuts of commands, other than switching screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Save what is typed on this screen: the day (Today), the check, the
    /// notes for the doctor (Summary), your details (Settings).
    Save,
    /// Bring back the last deleted entry (Journal).
    UndoDelete,
    /// One text size up.
    TextBigger,
    /// One text size down.
    TextSmaller,
}

impl Shortcut {
    /// The keys; the first is the one hints name.
    pub fn keys(self) -> &'static [KeyboardShortcut] {
        const fn command(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const SAVE: &[KeyboardShortcut] = &[command(Key::S)];
        const UNDO: &[KeyboardShortcut] = &[command(Key::Z)];
        // Ctrl + is Ctrl = on most keyboards (no Shift needed).
        const BIGGER: &[KeyboardShortcut] = &[command(Key::Plus), command(Key::Equals)];
        const SMALLER: &[KeyboardShortcut] = &[command(Key::Minus)];
        match self {
            Self::Save => SAVE,
            Self::UndoDelete => UNDO,
            Self::TextBigger => BIGGER,
            Self::TextSmaller => SMALLER,
        }
    }

    /// The keys as this system writes them: "Ctrl+S", or "⌘S" on a Mac.
    /// Without a context (before the first frame), the names ("Cmd+S").
    pub fn text(self, ctx: Option<&egui::Context>) -> String {
        self.keys()
            .first()
            .map(|k| keys_text(ctx, k))
            .unwrap_or_default()
    }

    /// A tooltip that ends with the keys: "Save this day (Ctrl+S)".
    pub fn hint(self, ctx: &egui::Context, what: &str) -> String {
        format!("{what} ({})", self.text(Some(ctx)))
    }
}

/// A shortcut as this system writes it: egui's `format_shortcut` ("Ctrl+S",
/// "Ctrl+Plus"; symbols on a Mac when the font has them: "⌘S"). Without a
/// context, the names for this build's system ("Cmd+S" on a Mac).
pub fn keys_text(ctx: Option<&egui::Context>, shortcut: &KeyboardShortcut) -> String {
    match ctx {
        Some(ctx) => ctx.format_shortcut(shortcut),
        None => shortcut.format(&ModifierNames::NAMES, cfg!(target_os = "macos")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(os: egui::os::OperatingSystem) -> egui::Context {
        let ctx = egui::Context::default();
        ctx.set_os(os);
        // Fonts are loaded by the first frame; its textures go nowhere.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx
    }

    #[test]
    fn hints_name_the_keys_as_the_system_does() {
        let ctx = context(egui::os::OperatingSystem::Nix);
        assert_eq!(
            Shortcut::Save.hint(&ctx, "Save this day"),
            "Save this day (Ctrl+S)"
        );
        assert_eq!(Shortcut::UndoDelete.text(Some(&ctx)), "Ctrl+Z");
        assert_eq!(Shortcut::TextBigger.text(Some(&ctx)), "Ctrl+Plus");
        assert_eq!(Shortcut::TextSmaller.text(Some(&ctx)), "Ctrl+Minus");
        let mac = context(egui::os::OperatingSystem::Mac);
        let save = Shortcut::Save.text(Some(&mac));
        assert!(save == "⌘S" || save == "Cmd+S", "{save}");
        assert!(!Shortcut::TextBigger.text(Some(&mac)).contains("Ctrl"));
    }

    #[test]
    fn every_shortcut_has_keys_and_none_repeats_a_screens() {
        let all = [
            Shortcut::Save,
            Shortcut::UndoDelete,
            Shortcut::TextBigger,
            Shortcut::TextSmaller,
        ];
        let mut seen: Vec<KeyboardShortcut> =
            Screen::NAV.iter().filter_map(|s| s.shortcut()).collect();
        for s in all {
            assert!(!s.keys().is_empty(), "{s:?}");
            for k in s.keys() {
                assert!(!seen.contains(k), "{s:?} repeats {k:?}");
                seen.push(*k);
            }
        }
    }
}

//! Import: a CSV or a Backlog copy is read, previewed (what it would add
//! and which days it would replace), and merged only after the person says
//! yes. The file dialog runs here, after the frame, never while drawing.

use std::path::Path;

use super::App;
use crate::store::exchange::Mood;

impl App {
    /// "Import…": ask which file (a file dialog).
    #[expect(
        clippy::disallowed_methods,
        reason = "times the dialog, after the frame: one that returns at once never showed"
    )]
    pub(super) fn choose_import(&mut self) {
        let asked = std::time::Instant::now();
        match rfd::FileDialog::new()
            .set_title("Import a journal file")
            .add_filter("CSV or Backlog copy", &["csv", "ron"])
            .pick_file()
        {
            Some(path) => self.import_from(&path),
            None if !super::files::dialog_was_shown(asked.elapsed()) => self.notices.info(
                "No file dialog could be opened on this computer. Type the file's path under Export and import instead.",
            ),
            None => self.notices.info(
                "No file was chosen. You can also type the file's path under Export and import.",
            ),
        }
    }

    pub(super) fn import_from(&mut self, path: &Path) {
        // Only a plain file (or a pipe) of a sane size: the store's reader.
        let bytes = match crate::store::read_chosen_file(path) {
            Ok(b) => b,
            Err(why) => {
                self.notices.error_about(
                    "import",
                    format!(
                        "Could not read the file to import ({why}). Check the name and try again: {}",
                        path.display()
                    ),
                );
                return;
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let imported = match crate::store::exchange::read_import(
            &name,
            &bytes,
            crate::triage::knowledge(),
            self.today_date(),
            self.now(),
        ) {
            Ok(i) => i,
            Err(e) => {
                self.notices.error_about(
                    "import",
                    format!(
                        "Nothing was imported: {e}. Fix the file and try again: {}",
                        path.display()
                    ),
                );
                return;
            }
        };
        // A dry run on a copy first (like `journal import --dry-run`): the
        // person sees what would change and says yes before anything does.
        let mut copy = self.data.journal().clone();
        let report = crate::store::exchange::merge(&mut copy, &imported);
        // The same words as `journal import --dry-run` (one report for both).
        let text = report.describe(&name, Mood::Preview).join("\n");
        self.notices.dismiss_about("import");
        if report.is_empty() {
            self.settings.set_import_preview(None);
            self.pending_import = None;
            self.notices.info(text);
        } else {
            self.settings.set_import_preview(Some(text));
            self.pending_import = Some(PendingImport { name, imported });
        }
    }

    pub(super) fn confirm_import(&mut self) {
        let Some(PendingImport { name, imported }) = self.pending_import.take() else {
            return;
        };
        self.settings.set_import_preview(None);
        let mut report = None;
        if self.change(|j| report = Some(crate::store::exchange::merge(j, &imported))) {
            let r = report.unwrap_or_default();
            self.profile_reloaded();
            // An earlier failed try is no longer news; the list has a new
            // backup now.
            self.notices.dismiss_about("import");
            self.refresh_backups();
            self.notices.info(r.describe(&name, Mood::Done).join(" "));
        }
    }

    /// "Cancel": drop the previewed import; nothing changes.
    pub(super) fn cancel_import(&mut self) {
        if self.pending_import.take().is_some() {
            self.settings.set_import_preview(None);
            self.notices.info("Nothing was imported.");
        }
    }
}

/// A file read for import, waiting for the person's yes.
pub(super) struct PendingImport {
    name: String,
    imported: crate::store::exchange::Imported,
}

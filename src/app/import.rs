//! Import: a CSV or a Backlog copy is read, previewed (what it would add
//! and which days it would replace), and merged only after the person says
//! yes. The file dialog runs here, after the frame, never while drawing.

use std::path::Path;

use super::App;
use crate::journal::plural;

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

    #[expect(
        clippy::disallowed_methods,
        reason = "run after the frame: reads the file the person chose"
    )]
    pub(super) fn import_from(&mut self, path: &Path) {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.notices.error_about(
                    "import",
                    format!(
                        "Could not read the file to import ({e}). Check the name and try again: {}",
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
        let preview = import_preview(&name, &report);
        self.notices.dismiss_about("import");
        match preview {
            Some(text) => {
                self.settings.set_import_preview(Some(text));
                self.pending_import = Some(PendingImport { name, imported });
            }
            None => {
                self.settings.set_import_preview(None);
                self.pending_import = None;
                self.notices.info(format!(
                    "Nothing to import: the {} in {name} are already in your journal.",
                    plural(report.unchanged, "day", "days")
                ));
            }
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
            self.notices.info(format!(
                "Imported {}: {} added, {} updated, {} already the same.",
                name,
                plural(r.added.len(), "day", "days"),
                r.changed.len(),
                r.unchanged
            ));
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

/// What an import would do, in plain words; `None` when it would change
/// nothing.
fn import_preview(name: &str, r: &crate::store::exchange::ImportReport) -> Option<String> {
    let days = |n: usize| plural(n, "day", "days");
    let mut lines = vec![format!(
        "{name} would add {} and update {}. {} already the same. Nothing is deleted.",
        days(r.added.len()),
        days(r.changed.len()),
        days(r.unchanged)
    )];
    if !r.changed.is_empty() {
        let shown: Vec<String> = r.changed.iter().take(8).map(ToString::to_string).collect();
        let more = r.changed.len().saturating_sub(shown.len());
        lines.push(format!(
            "Days whose entries would be replaced by the file's: {}{}.",
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    let mut also = Vec::new();
    if r.profile {
        also.push("your details".to_owned());
    }
    if r.summary_notes {
        also.push("your notes for the doctor".to_owned());
    }
    if r.checks_added > 0 {
        also.push(plural(r.checks_added, "saved check", "saved checks"));
    }
    if r.medicines_added > 0 {
        also.push(plural(r.medicines_added, "medicine", "medicines"));
    }
    if !also.is_empty() {
        lines.push(format!("It would also add {}.", also.join(", ")));
    }
    let nothing = r.added.is_empty() && r.changed.is_empty() && also.is_empty();
    (!nothing).then(|| lines.join("\n"))
}

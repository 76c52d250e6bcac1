//! Files the person chooses: the summary PDF (saved or opened to print),
//! the CSV export, and an import read, previewed and then merged. File
//! dialogs run here, after the frame, never while drawing.

use std::path::{Path, PathBuf};

use super::{App, Command};
use crate::summary::SummaryRequest;

impl App {
    /// Builds and renders the summary; the error is a sentence to show.
    fn make_pdf(&self, request: &SummaryRequest) -> Result<Vec<u8>, String> {
        let summary = crate::summary::build(
            self.data.journal(),
            crate::triage::knowledge(),
            request,
            &self.now_zoned(),
        )
        .map_err(|e| format!("The summary was not made: {e}."))?;
        crate::summary::pdf::render(&summary).map_err(|e| format!("The summary was not made: {e}."))
    }

    fn pdf_name(&self, request: &SummaryRequest) -> String {
        let to = request.to.unwrap_or_else(|| self.today_date());
        format!("backlog-summary-{to}.pdf")
    }

    pub(super) fn save_pdf(&mut self, request: &SummaryRequest) {
        let name = self.pdf_name(request);
        let fallback = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| self.config.data_dir.clone())
            .join(&name);
        let chosen = rfd::FileDialog::new()
            .set_title("Save the summary for your doctor")
            .set_file_name(&name)
            .add_filter("PDF", &["pdf"])
            .save_file();
        match chosen {
            Some(path) => self.save_pdf_to(request, &path),
            // Cancelled, or no file dialog on this system: offer a safe place.
            None => self.notices.info_with_action(
                format!(
                    "No file was chosen, so the summary was not saved. You can save it as {}.",
                    fallback.display()
                ),
                "Save it there",
                Command::SavePdfTo(request.clone(), fallback),
            ),
        }
    }

    /// The message when a chosen file is one of Backlog's own (a mistyped
    /// name must never replace the journal).
    fn refuse_own_file(&mut self, what: &str, path: &Path) -> bool {
        let own = crate::store::is_own_file(path, &self.config.data_dir);
        if own {
            self.notices.error(format!(
                "{what} was not saved: that name is one of Backlog's own files (your journal, its settings or a backup). Choose another name or folder: {}",
                path.display()
            ));
        }
        own
    }

    pub(super) fn save_pdf_to(&mut self, request: &SummaryRequest, path: &Path) {
        if self.refuse_own_file("The summary", path) {
            return;
        }
        let result = self.make_pdf(request).and_then(|bytes| {
            crate::store::write_file_atomic(path, &bytes).map_err(|e| {
                format!(
                    "The summary could not be saved ({e}). Check that the disk is not full, or choose another folder: {}",
                    path.display()
                )
            })
        });
        match result {
            Ok(()) => self
                .notices
                .info(format!("Saved the summary: {}", path.display())),
            Err(e) => self.notices.error(e),
        }
    }

    pub(super) fn open_pdf(&mut self, request: &SummaryRequest) {
        let dir = self.config.data_dir.join("summaries");
        let path = dir.join(self.pdf_name(request));
        let result = self.make_pdf(request).and_then(|bytes| {
            std::fs::create_dir_all(&dir)
                .and_then(|()| crate::store::write_file_atomic(&path, &bytes))
                .map_err(|e| {
                format!("The summary could not be written ({e}). Check that the disk is not full: {}", path.display())
            })?;
            opener::open(&path).map_err(|e| {
                format!("The summary is saved, but no PDF viewer opened ({e}). Open it yourself to print: {}", path.display())
            })
        });
        match result {
            Ok(()) => self
                .notices
                .info("The summary is open in your PDF viewer. Print it from there."),
            Err(e) => self.notices.error(e),
        }
    }

    fn documents_dir(&self) -> PathBuf {
        directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| self.config.data_dir.clone())
    }

    pub(super) fn export_csv(&mut self) {
        let name = format!("backlog-journal-{}.csv", self.today_date());
        let fallback = self.documents_dir().join(&name);
        match rfd::FileDialog::new()
            .set_title("Export your journal as CSV")
            .set_file_name(&name)
            .add_filter("CSV", &["csv"])
            .save_file()
        {
            Some(path) => self.export_csv_to(&path),
            None => self.notices.info_with_action(
                format!(
                    "No file was chosen, so nothing was exported. You can export to {}.",
                    fallback.display()
                ),
                "Export there",
                Command::ExportCsvTo(fallback),
            ),
        }
    }

    pub(super) fn export_csv_to(&mut self, path: &Path) {
        if self.refuse_own_file("The export", path) {
            return;
        }
        let result = crate::store::exchange::to_csv(self.data.journal().entries())
            .map_err(|e| format!("The export was not made ({e})."))
            .and_then(|bytes| {
                crate::store::write_file_atomic(path, &bytes).map_err(|e| {
                    format!(
                        "The export could not be saved ({e}). Check that the disk is not full, or choose another folder: {}",
                        path.display()
                    )
                })
            });
        match result {
            Ok(()) => self.notices.info(format!(
                "Exported {} entries: {}",
                self.data.journal().entries().len(),
                path.display()
            )),
            Err(e) => self.notices.error(e),
        }
    }

    pub(super) fn import_from(&mut self, path: &Path) {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.notices.error(format!(
                    "Could not read the file to import ({e}). Check the name and try again: {}",
                    path.display()
                ));
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
                self.notices.error(format!(
                    "Nothing was imported: {e}. Fix the file and try again: {}",
                    path.display()
                ));
                return;
            }
        };
        // A dry run on a copy first (like `journal import --dry-run`): the
        // person sees what would change and says yes before anything does.
        let mut copy = self.data.journal().clone();
        let report = crate::store::exchange::merge(&mut copy, &imported);
        let preview = import_preview(&name, &report);
        match preview {
            Some(text) => {
                self.settings.set_import_preview(Some(text));
                self.pending_import = Some(PendingImport { name, imported });
            }
            None => {
                self.settings.set_import_preview(None);
                self.pending_import = None;
                self.notices.info(format!(
                    "Nothing to import: the {} days in {name} are already in your journal.",
                    report.unchanged
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
            self.notices.info(format!(
                "Imported {}: {} days added, {} updated, {} already the same.",
                name,
                r.added.len(),
                r.changed.len(),
                r.unchanged
            ));
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
    let days = |n: usize| {
        if n == 1 {
            "1 day".to_owned()
        } else {
            format!("{n} days")
        }
    };
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
        also.push(format!("{} saved checks", r.checks_added));
    }
    if r.medicines_added > 0 {
        also.push(format!("{} medicines", r.medicines_added));
    }
    if !also.is_empty() {
        lines.push(format!("It would also add {}.", also.join(", ")));
    }
    let nothing = r.added.is_empty() && r.changed.is_empty() && also.is_empty();
    (!nothing).then(|| lines.join("\n"))
}

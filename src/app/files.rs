//! Files the person saves: the summary PDF (saved where they choose, or
//! opened to print) and the CSV export. Both go through one path
//! ([`App::save_as`], [`App::save_to`]): a file dialog with a safe place
//! offered when there is none, never one of Backlog's own files, an atomic
//! write, and a notice either way. Dialogs run after the frame, never while
//! drawing.

use std::path::{Path, PathBuf};

use super::{App, Command};
use crate::journal::plural;
use crate::summary::SummaryRequest;

/// A file the person saves where they choose.
pub(super) enum Outgoing<'a> {
    /// The summary PDF.
    Summary(&'a SummaryRequest),
    /// Every entry as CSV.
    Csv,
}

impl Outgoing<'_> {
    /// The subject of the messages about it.
    fn subject(&self) -> &'static str {
        match self {
            Self::Summary(_) => "The summary",
            Self::Csv => "The export",
        }
    }

    /// The dialog's title, and the filter's name and extension.
    fn dialog(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Summary(_) => ("Save the summary for your doctor", "PDF", "pdf"),
            Self::Csv => ("Export your journal as CSV", "CSV", "csv"),
        }
    }

    /// When no file was chosen: what to say (a dialog that never showed is
    /// not "no file was chosen"), the button that saves in the safe place
    /// instead, and what that button does.
    fn not_chosen(&self, fallback: PathBuf, shown: bool) -> (String, &'static str, Command) {
        let why = if shown {
            "No file was chosen"
        } else {
            "No file dialog could be opened on this computer"
        };
        match self {
            Self::Summary(request) => (
                format!(
                    "{why}, so the summary was not saved. You can save it as {}.",
                    fallback.display()
                ),
                "Save it there",
                Command::SavePdfTo((*request).clone(), fallback),
            ),
            Self::Csv => (
                format!(
                    "{why}, so nothing was exported. You can export to {}.",
                    fallback.display()
                ),
                "Export there",
                Command::ExportCsvTo(fallback),
            ),
        }
    }
}

impl App {
    /// Asks where to save (file dialog), then saves. Cancelled, or no file
    /// dialog on this system: offers a safe place in the Documents folder.
    #[expect(
        clippy::disallowed_methods,
        reason = "times the dialog, after the frame: one that returns at once never showed"
    )]
    pub(super) fn save_as(&mut self, out: &Outgoing<'_>) {
        let name = self.file_name(out);
        let fallback = self.documents_dir().join(&name);
        let (title, filter, extension) = out.dialog();
        let asked = std::time::Instant::now();
        let chosen = rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(&name)
            .add_filter(filter, &[extension])
            .save_file();
        match chosen {
            Some(path) => self.save_to(out, &path),
            None => {
                let shown = dialog_was_shown(asked.elapsed());
                let (text, button, command) = out.not_chosen(fallback, shown);
                self.notices.info_with_action(text, button, command);
            }
        }
    }

    /// Makes the file and writes it to `path` (never one of Backlog's own,
    /// never a file of another kind: the store's output guard).
    pub(super) fn save_to(&mut self, out: &Outgoing<'_>, path: &Path) {
        if self.refuse_output(out, path) {
            return;
        }
        let result = self.file_bytes(out).and_then(|bytes| {
            crate::store::write_file_atomic(path, &bytes).map_err(|e| {
                format!(
                    "{} could not be saved ({}). Check that the disk is not full, or choose another folder: {}",
                    out.subject(),
                    crate::store::io_reason(&e),
                    path.display()
                )
            })
        });
        match result {
            Ok(()) => {
                let done = match out {
                    Outgoing::Summary(_) => format!("Saved the summary: {}", path.display()),
                    Outgoing::Csv => format!(
                        "Exported {}: {}",
                        plural(self.data.journal().entries().len(), "entry", "entries"),
                        path.display()
                    ),
                };
                self.notices.info(done);
            }
            Err(e) => self.notices.error(e),
        }
    }

    /// The name offered in the dialog.
    fn file_name(&self, out: &Outgoing<'_>) -> String {
        match out {
            Outgoing::Summary(request) => self.pdf_name(request),
            Outgoing::Csv => format!("backlog-journal-{}.csv", self.today_date()),
        }
    }

    /// The file's bytes; the error is a sentence to show.
    fn file_bytes(&self, out: &Outgoing<'_>) -> Result<Vec<u8>, String> {
        match out {
            Outgoing::Summary(request) => self.make_pdf(request),
            Outgoing::Csv => crate::store::exchange::to_csv(self.data.journal().entries())
                .map_err(|e| format!("The export was not made ({e}).")),
        }
    }

    /// The store's output guard, as for the command line: a mistyped name
    /// must never replace the journal or a file of another kind.
    fn refuse_output(&mut self, out: &Outgoing<'_>, path: &Path) -> bool {
        let (_, _, extension) = out.dialog();
        let checked = crate::store::check_output_path(path, extension, &self.config.data_dir);
        if let Err(problem) = &checked {
            self.notices.error(format!(
                "{} was not saved: {problem}: {}",
                out.subject(),
                path.display()
            ));
        }
        checked.is_err()
    }

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

    /// "Open to print": the PDF goes in the data folder's `summaries`
    /// (owner-only, like the data folder) and opens in the system's viewer;
    /// when nothing opened it, the notice says so.
    pub(super) fn open_pdf(&mut self, request: &SummaryRequest) {
        let dir = self.config.data_dir.join("summaries");
        let path = dir.join(self.pdf_name(request));
        let result = self.make_pdf(request).and_then(|bytes| {
            crate::store::create_private_dir(&dir)
                .and_then(|()| crate::store::write_file_atomic(&path, &bytes))
                .map_err(|e| {
                    format!(
                        "The summary could not be written ({}). Check that the disk is not full: {}",
                        crate::store::io_reason(&e),
                        path.display()
                    )
                })?;
            crate::store::open_in_viewer(&path).map_err(|e| {
                format!("The summary is saved, but it could not be opened: {e}. Open it yourself to print: {}", path.display())
            })
        });
        // Handing the file to the system is all we can know: say that, and
        // where the file is if no viewer shows up.
        match result {
            Ok(()) => self.notices.info(format!(
                "The summary was sent to your PDF viewer; print it from there. If no viewer opened, the file is here: {}",
                path.display()
            )),
            Err(e) => self.notices.error(e),
        }
    }

    /// Where a file goes without a dialog: Documents, else the home folder
    /// (never the hidden data folder), else the data folder as a last resort.
    fn documents_dir(&self) -> PathBuf {
        directories::UserDirs::new()
            .and_then(|u| {
                u.document_dir()
                    .map(Path::to_path_buf)
                    .or_else(|| Some(u.home_dir().to_path_buf()))
            })
            .unwrap_or_else(|| self.config.data_dir.clone())
    }

    /// "Open folder": the data folder in the file manager.
    pub(super) fn open_data_folder(&mut self) {
        let dir = self.config.data_dir.clone();
        if let Err(e) = opener::open(&dir) {
            self.notices.error(format!(
                "Could not open the data folder ({e}). Open it in your file manager: {}",
                dir.display()
            ));
        }
    }
}

/// A dialog that returned within this long was never shown (no desktop
/// portal, as under a bare X server): nobody can cancel a dialog that fast.
pub(super) fn dialog_was_shown(took: std::time::Duration) -> bool {
    took >= std::time::Duration::from_millis(400)
}

//! Where an export or a summary may be written: one guard for every writer
//! (the command line's `summary --out` and `journal export`, the app's PDF
//! and CSV), so a mistyped name can never replace the journal with a CSV
//! or a letter with a PDF.

use std::path::{Path, PathBuf};

use super::{BACKUP_DIR, JOURNAL_FILE, LOCK_FILE, UI_FILE};

/// Why a file may not be written at the path asked for. The texts are the
/// middle of a sentence; the caller adds the path at the end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutputProblem {
    #[error("the file name must end in .{ext} (so nothing else is overwritten by mistake)")]
    WrongExtension { ext: &'static str },
    #[error("that names a folder: give a file name ending in .{ext} inside it")]
    Folder { ext: &'static str },
    #[error("the folder for it does not exist: create it or choose another")]
    NoFolder,
    #[error(
        "that is one of Backlog's own files (your journal, its lock, the window settings or a backup): choose another name or folder"
    )]
    OwnFile,
}

/// Checks that writing a `.ext` file at `path` replaces nothing by
/// mistake: it is not one of Backlog's own files in `data_dir`, the name
/// ends in `.ext` (any case), it is not a folder, and its folder exists.
pub fn check_output_path(
    path: &Path,
    ext: &'static str,
    data_dir: &Path,
) -> Result<(), OutputProblem> {
    // The most important first: the journal named by mistake is named so.
    if is_own_file(path, data_dir) {
        return Err(OutputProblem::OwnFile);
    }
    let has_ext = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if !has_ext {
        return Err(OutputProblem::WrongExtension { ext });
    }
    if path.is_dir() {
        return Err(OutputProblem::Folder { ext });
    }
    if !parent(path).is_dir() {
        return Err(OutputProblem::NoFolder);
    }
    Ok(())
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// True when writing to `path` would replace one of Backlog's own files in
/// `data_dir`: the journal, its lock, the app's state file, or anything in
/// the backups folder. Links and `..` are resolved first; a path whose
/// folder does not exist is not Backlog's.
pub fn is_own_file(path: &Path, data_dir: &Path) -> bool {
    let (Some(name), Ok(data)) = (path.file_name(), data_dir.canonicalize()) else {
        return false;
    };
    let Ok(folder) = parent(path).canonicalize() else {
        return false;
    };
    // The file itself may be a link to one of ours.
    let target = folder.join(name);
    let target = target.canonicalize().unwrap_or(target);
    let own = [JOURNAL_FILE, LOCK_FILE, UI_FILE]
        .iter()
        .any(|own| target == data.join(own));
    // A linked journal's real file is ours too.
    let linked_journal = data.join(JOURNAL_FILE).canonicalize().ok();
    own || linked_journal.is_some_and(|j| target == j) || target.starts_with(data.join(BACKUP_DIR))
}

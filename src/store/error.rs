//! Why the journal could not be read or saved, in words for the person.
//!
//! The app shows these texts exactly as they are, and the command line
//! prints them as its one line, so each says what happened, what to do,
//! and ends with the path.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use crate::journal::{JournalError, echo};

use super::READ_LIMIT;
use super::backup::Backup;

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Backlog could not find your home folder to keep the journal in. Choose a folder with --data-dir FOLDER or the BACKLOG_DATA_DIR setting."
    )]
    NoHome,

    #[error("Backlog could not create its data folder ({}). Check that you can write there, or choose another folder with --data-dir. Folder: {}", io_reason(.source), .path.display())]
    CreateDir {
        path: PathBuf,
        source: Arc<io::Error>,
    },

    #[error("Backlog could not use its data folder: a file is in the way where the folder should be. Move or rename that file, or choose another folder with --data-dir. Nothing was changed. File: {}", .path.display())]
    NotAFolder { path: PathBuf },

    #[error("Backlog could not read your journal ({}). Nothing was changed. {} File: {}", io_reason(.source), read_hint(.source), .path.display())]
    Read {
        path: PathBuf,
        source: Arc<io::Error>,
    },

    #[error("Your journal is kept through a link to {}, which is not there (a drive that is not connected, or a cloud folder not synced yet?). Connect it and try again. Nothing was changed. Link: {}", .target.display(), .link.display())]
    LinkTargetMissing { link: PathBuf, target: PathBuf },

    #[error("Your journal is not a plain file: it is {what}. Move it out of the data folder, then restore a backup if you need one (backlog backup list). Nothing was changed. File: {}", .path.display())]
    NotAFile { path: PathBuf, what: &'static str },

    #[error("Your journal is {}, far more than a journal can be (Backlog reads up to {}), so it is probably not a journal. Move it out of the data folder, then restore a backup if you need one (backlog backup list). Nothing was changed. File: {}", size_text(*.size), size_text(READ_LIMIT), .path.display())]
    TooLarge { path: PathBuf, size: u64 },

    #[error("Backlog could not read your journal: {detail}. The file has not been changed. {} File: {}", backup_hint(.newest_backup.as_deref()), .path.display())]
    Corrupt {
        path: PathBuf,
        /// Where and what, for example "line 12, column 5: expected a number".
        detail: String,
        /// The newest backup that loads, if any.
        newest_backup: Option<Box<Backup>>,
    },

    #[error("Your journal was saved by a newer version of Backlog (format {found}; this version reads up to {supported}). Please update Backlog. The file has not been changed. File: {}", .path.display())]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("Backlog could not save your journal ({}). Your last saved journal is unchanged. {} File: {}", io_reason(.source), write_hint(.source), .path.display())]
    Write {
        path: PathBuf,
        source: Arc<io::Error>,
    },

    #[error("Backlog could not read its backups folder ({}). Your journal itself is not affected. {} Folder: {}", io_reason(.source), backup_folder_hint(.source), .path.display())]
    BackupRead {
        path: PathBuf,
        source: Arc<io::Error>,
    },

    #[error("Your journal was saved, but its backup copy could not be written ({}). Your entries are safe. To keep backups working, check that the backups folder is a folder you can write to and the disk has space. Folder: {}", io_reason(.source), .path.display())]
    BackupWrite {
        path: PathBuf,
        source: Arc<io::Error>,
    },

    #[error("Another Backlog window or command is saving to this journal right now. Wait a moment and try again; if it keeps happening, close the other Backlog windows. Lock file: {}", .path.display())]
    Busy { path: PathBuf },

    #[error("Backlog could not lock your journal for saving ({}). Nothing was changed. Lock file: {}", io_reason(.source), .path.display())]
    Lock {
        path: PathBuf,
        source: Arc<io::Error>,
    },

    #[error("This change was not saved: {0}")]
    Invalid(#[from] JournalError),

    #[error("There is no backup \"{}\". See the list of backups (backlog backup list) and use one of its ids. Folder: {}", echo(.id), .dir.display())]
    NoSuchBackup { id: String, dir: PathBuf },

    #[error("\"{}\" matches more than one backup ({}). Type more of the id. Folder: {}", echo(.id), .matches.join(", "), .dir.display())]
    AmbiguousBackup {
        id: String,
        matches: Vec<String>,
        dir: PathBuf,
    },

    #[error("The backup \"{id}\" cannot be read either: {detail}. Nothing was changed; try an older backup. File: {}", .path.display())]
    BadBackup {
        id: String,
        detail: String,
        path: PathBuf,
    },
}

impl StoreError {
    pub(crate) fn read(path: impl Into<PathBuf>, e: io::Error) -> Self {
        Self::Read {
            path: path.into(),
            source: Arc::new(e),
        }
    }

    pub(crate) fn write(path: impl Into<PathBuf>, e: io::Error) -> Self {
        Self::Write {
            path: path.into(),
            source: Arc::new(e),
        }
    }

    /// True for errors caused by what was asked (a change that breaks a
    /// rule, an unknown backup id), as opposed to the disk or the file.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Self::Invalid(_) | Self::NoSuchBackup { .. } | Self::AmbiguousBackup { .. }
        )
    }
}

/// A short reason for an I/O error, in words, without the OS error number.
/// The one place such reasons are worded, for the store, the command line
/// and the app.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "there is no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".to_owned(),
        io::ErrorKind::AlreadyExists => "a file is in the way where a folder should be".to_owned(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
        io::ErrorKind::FileTooLarge => {
            "the file would be larger than this computer allows (a file size limit is set)"
                .to_owned()
        }
        _ => {
            let text = e.to_string();
            // "No space left on device (os error 28)" -> without the number.
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

fn write_hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::StorageFull => "Free some disk space, then save again.",
        io::ErrorKind::FileTooLarge => {
            "Raise the limit (ulimit -f) or ask whoever set it, then save again."
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "Check that you can write to the data folder, then save again."
        }
        _ => "Try again; if it keeps failing, check the disk.",
    }
}

fn read_hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::IsADirectory => {
            "Move or rename that folder, or restore a backup (backlog backup list)."
        }
        io::ErrorKind::PermissionDenied => "Check that you may read the file.",
        _ => "Try again; if it keeps failing, check the disk.",
    }
}

fn backup_folder_hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::NotADirectory => {
            "A file named backups is in the way: move or rename it, and Backlog makes the folder again."
        }
        io::ErrorKind::PermissionDenied => "Check that you may read the backups folder.",
        _ => "Try again; if it keeps failing, check the disk.",
    }
}

/// A size in words: "512 B", "1.7 MB", "10.2 GB", "256 MB".
pub fn size_text(bytes: u64) -> String {
    #[expect(
        clippy::cast_precision_loss,
        reason = "a size shown to one decimal place"
    )]
    let b = bytes as f64;
    let (value, unit) = if bytes < 1_000 {
        return format!("{bytes} B");
    } else if bytes < 1_000_000 {
        (b / 1e3, "kB")
    } else if bytes < 1_000_000_000 {
        (b / 1e6, "MB")
    } else {
        (b / 1e9, "GB")
    };
    let text = format!("{value:.1}");
    format!("{} {unit}", text.strip_suffix(".0").unwrap_or(&text))
}

fn backup_hint(b: Option<&Backup>) -> String {
    match b {
        Some(b) => format!(
            "The newest good backup is from {}: restore it from Backups in the app, or with: backlog backup restore {}.",
            b.time_text(),
            b.id
        ),
        None => "There is no good backup to go back to; the file can be fixed in a text editor."
            .to_owned(),
    }
}

//! The file operations every save and every read is made of: create a
//! folder owner-only, write a file atomically and durably, remove the
//! temporary files a killed save left, and read a file only when it is a
//! plain file of a sane size.
//!
//! Atomic and durable: the bytes go to a temporary file in the same folder,
//! which is flushed to disk (fsync), renamed over the target, and then the
//! folder itself is flushed so the rename survives a power cut. A crash at
//! any instant leaves the old file or the new one, never a mix.
//!
//! A temporary file is locked by the process writing it, so the clean-up in
//! another process (which only ever removes files named exactly like ours
//! and not locked) never removes a save in progress.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;

use super::{READ_LIMIT, io_reason, size_text};

/// Temporary files are `.backlog-tmp-XXXXXX.tmp`, six letters or digits.
const TEMP_PREFIX: &str = ".backlog-tmp-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;

/// True for exactly the names [`write_atomic`] gives its temporary files:
/// nothing else in a folder is ever removed as a leftover.
pub fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|r| r.len() == TEMP_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Creates `dir` (and its parents) if needed. On Unix, folders this creates
/// are owner-only (0700); an existing folder is left as the person set it.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes `bytes` to `dir/name` atomically and durably. The new file is
/// owner-only on Unix (0600), as temporary files are created that way.
pub fn write_atomic(dir: &Path, name: impl AsRef<Path>, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM)
        .tempfile_in(dir)?;
    // "In use": a clean-up in another process leaves a locked file alone.
    // Best effort; a file system without locks just skips this.
    let _ = tmp.as_file().try_lock();
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // Windows locks are binding: a lock still held on the renamed file
    // would stop readers of the journal for an instant. Unix locks are
    // advisory, so there the lock is held until the file is in place.
    #[cfg(windows)]
    let _ = tmp.as_file().unlock();
    tmp.persist(dir.join(name)).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Flushes a folder's entries (the rename) to disk. Windows has no such
/// call; there the rename itself is the best we can do.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

/// Removes the temporary files a save that was killed part-way left in
/// `dir`: only plain files named exactly like ours, and only when no
/// running save holds them. Best effort: a leftover that cannot be removed
/// harms nothing. Returns how many were removed.
pub fn remove_leftovers(dir: &Path) -> usize {
    let Ok(read) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in read.flatten() {
        let named_like_ours = entry.file_name().to_str().is_some_and(is_temp_name);
        // `file_type` does not follow links: a link named like ours is left.
        if !named_like_ours || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let unused = File::open(&path).is_ok_and(|f| f.try_lock().is_ok());
        if unused && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Opens (creating if needed) a small owner-only file, for the lock.
pub fn open_private(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadProblem {
    /// The system said no (missing, permission, a broken disk…).
    Io(io::Error),
    /// It is not a plain file: "a folder", "a pipe (FIFO)", "a device"…
    NotAFile(&'static str),
    /// Larger than the limit: the size if known (a pipe's is not).
    TooLarge(Option<u64>),
}

impl From<io::Error> for ReadProblem {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}

/// What kind of thing `meta` describes, in words, if it is not a plain file.
fn not_a_file(meta: &fs::Metadata, pipes: bool) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return (!pipes).then_some("a pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    let _ = pipes;
    Some("not a plain file")
}

/// Reads `path` (following links) only if it is a plain file (or, with
/// `pipes`, a pipe such as the shell's `<(…)`) of at most `limit` bytes.
/// The kind is checked before opening, so a pipe or a device named like a
/// journal is refused at once instead of blocking or filling the memory.
pub fn read_limited(path: &Path, limit: u64, pipes: bool) -> Result<Vec<u8>, ReadProblem> {
    let meta = fs::metadata(path)?;
    if let Some(what) = not_a_file(&meta, pipes) {
        return Err(ReadProblem::NotAFile(what));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(ReadProblem::TooLarge(Some(meta.len())));
    }
    let file = File::open(path)?;
    // Checked again on what was opened, in case it was swapped meanwhile.
    let opened = file.metadata()?;
    if let Some(what) = not_a_file(&opened, pipes) {
        return Err(ReadProblem::NotAFile(what));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).map_or(true, |n| n > limit) {
        let size = opened.is_file().then(|| opened.len().max(limit + 1));
        return Err(ReadProblem::TooLarge(size));
    }
    Ok(bytes)
}

/// Replaces `file` atomically: the temporary file goes in the same folder
/// (for a linked journal, the target's folder, so the rename stays on one
/// disk and the link is kept).
pub(super) fn write_in_place(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    write_atomic(dir, name, bytes)
}

/// Writes any file (an export, a summary) the way the journal is saved:
/// atomically and durably, owner-only on Unix. A reader sees the old file
/// or the new one, never half of one. When `path` is a link, the file it
/// points to is replaced and the link kept. Temporary files a killed write
/// left in that folder are removed first.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let file = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    if let Some(dir) = file.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        remove_leftovers(dir);
    }
    write_in_place(&file, bytes)
}

/// Creates a folder for Backlog's own files (the app's `summaries/`), and
/// its parents, owner-only on Unix whatever the umask.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    create_dir(dir)
}

/// Reads a file someone chose (an import), following links: a plain file
/// or a pipe (the shell's `<(…)`), up to [`READ_LIMIT`] bytes. A folder or
/// a device is refused at once, in words fit for a message.
pub fn read_chosen_file(path: &Path) -> Result<Vec<u8>, String> {
    read_limited(path, READ_LIMIT, true).map_err(|p| match p {
        ReadProblem::Io(e) => io_reason(&e),
        ReadProblem::NotAFile("a folder") => io_reason(&io::ErrorKind::IsADirectory.into()),
        ReadProblem::NotAFile(what) => format!("it is {what}, not a file"),
        ReadProblem::TooLarge(_) => format!(
            "it is larger than {}, more than any journal export: check it is the right file",
            size_text(READ_LIMIT)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_made_by_write_atomic_count_as_leftovers() {
        assert!(is_temp_name(".backlog-tmp-a1B2c3.tmp"));
        for other in [
            ".backlog-tmp-.tmp",
            ".backlog-tmp-abc.tmp",
            ".backlog-tmp-a1B2c3d.tmp",
            ".backlog-tmp-a1B2c3.tmp.bak",
            ".backlog-tmp-a1-2c3.tmp",
            "backlog-tmp-a1B2c3.tmp",
            ".backlog-tmp-a1B2c3.ron",
            "journal.ron",
        ] {
            assert!(!is_temp_name(other), "{other}");
        }
    }

    #[test]
    fn a_save_names_its_temporary_file_so_the_clean_up_would_know_it() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM)
            .tempfile_in(dir.path())
            .unwrap();
        let name = tmp.path().file_name().unwrap().to_str().unwrap().to_owned();
        assert!(is_temp_name(&name), "{name}");
    }

    #[test]
    fn a_temporary_file_in_use_is_not_removed_but_a_dead_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join(".backlog-tmp-live01.tmp");
        let dead = dir.path().join(".backlog-tmp-dead01.tmp");
        fs::write(&live, b"half").unwrap();
        fs::write(&dead, b"half").unwrap();
        let holder = File::open(&live).unwrap();
        holder.lock().unwrap();
        assert_eq!(remove_leftovers(dir.path()), 1);
        assert!(live.exists(), "a save in progress keeps its file");
        assert!(!dead.exists());
        drop(holder);
        assert_eq!(remove_leftovers(dir.path()), 1);
        assert!(!live.exists());
    }
}

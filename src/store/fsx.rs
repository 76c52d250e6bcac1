//! The file operations every save is made of: create the folder owner-only,
//! write a file atomically and durably, remove leftover temporary files.
//!
//! Atomic and durable: the bytes go to a temporary file in the same folder,
//! which is flushed to disk (fsync), renamed over the target, and then the
//! folder itself is flushed so the rename survives a power cut. A crash at
//! any instant leaves the old file or the new one, never a mix.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Prefix of temporary files; anything starting with it is ours to delete.
pub const TEMP_PREFIX: &str = ".backlog-tmp-";

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
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
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

/// Removes temporary files left by a save that was killed part-way. Only
/// call this while holding the lock, when no other save can be running.
pub fn remove_leftovers(dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else { return };
    for entry in read.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(TEMP_PREFIX))
        {
            // Best effort: a leftover that cannot be removed harms nothing.
            let _ = fs::remove_file(entry.path());
        }
    }
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

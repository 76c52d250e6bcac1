//! The data folder on a real temporary disk.
//!
//! - `files`: saves, loads, permissions, backups, restore, and files that
//!   must never be overwritten.
//! - `crash`: a writer killed with SIGKILL hundreds of times never loses a
//!   reported save (Unix).
//! - `two_processes`: writers at once lose nothing (lock, reload, apply,
//!   save).
//! - `edges`: links, pipes and odd files, clocks that are wrong, leftovers
//!   of killed saves, refused changes that must leave the disk as it was.
#![expect(
    clippy::unwrap_used,
    reason = "a panic in a test helper is a failing test"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "tests set up and read real files, and time the lock"
)]

use std::path::Path;
use std::process::Command;

use jiff::civil::Date;

#[path = "../common/disk.rs"]
mod disk;

mod crash;
mod edges;
mod files;
mod two_processes;

/// `backlog journal add --date DATE --pain PAIN` with `dir` as the data
/// folder, ready to run or spawn.
fn journal_add(dir: &Path, date: Date, pain: u8) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backlog"));
    command
        .args([
            "journal",
            "add",
            "--date",
            &date.to_string(),
            "--pain",
            &pain.to_string(),
        ])
        .env("BACKLOG_DATA_DIR", dir);
    command
}

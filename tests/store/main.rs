//! The data folder on a real temporary disk.
//!
//! - `files`: saves, loads, permissions, backups, restore, and files that
//!   must never be overwritten.
//! - `crash`: a writer killed with SIGKILL hundreds of times never loses a
//!   reported save (Unix).
//! - `two_processes`: writers at once lose nothing (lock, reload, apply,
//!   save).

mod crash;
mod files;
mod two_processes;

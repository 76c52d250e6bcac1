//! The real `backlog` binary, run as a process against a temporary data
//! folder: what it prints, its exit codes, and that bad input changes
//! nothing.
//!
//! - `assess`: `backlog assess`, `findings` and `rules`.
//! - `journal`: `backlog journal`, `profile` and `backup`.
//! - `exchange`: `journal export` and `import`, CSV and RON round trips.
//! - `summary`: `backlog summary`.
//! - `qa`: fault tests found by attacking the binary, one fix each.

#[path = "../common/mod.rs"]
mod common;

mod assess;
mod exchange;
mod journal;
mod qa;
mod summary;

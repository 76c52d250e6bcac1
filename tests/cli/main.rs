//! The real `backlog` binary, run as a process against a temporary data
//! folder: what it prints, its exit codes, and that bad input changes
//! nothing.
//!
//! - `assess`: `backlog assess`, `findings` and `rules`.
//! - `journal`: `backlog journal`, `profile` and `backup`.
//! - `exchange`: `journal export` and `import`, CSV and RON round trips.
//! - `summary`: `backlog summary`.
//! - `qa`: fault tests found by attacking the binary, one fix each.
//! - `attention`: `journal attention`, text and JSON.
//! - `numbers`: `profile set|show` with the numbers to call, and the
//!   emergency number proposed from the locale.
#![expect(
    clippy::unwrap_used,
    reason = "a panic in a test helper is a failing test"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "tests set up and read real files"
)]

#[path = "../common/mod.rs"]
mod common;

mod assess;
mod attention;
mod exchange;
mod journal;
mod numbers;
mod qa;
mod summary;

//! The real `backlog` binary, run as a process against a temporary data
//! folder: what it prints, its exit codes, and that bad input changes
//! nothing.
//!
//! - `assess`: `backlog assess`, `findings` and `rules`.
//! - `journal`: `backlog journal`, `profile` and `backup`.
//! - `exchange`: `journal export` and `import`, CSV and RON round trips.
//! - `summary`: `backlog summary`.
//! - `medicine`: what the summary prints, set from here: `medicine`,
//!   `summary note|question`, `profile set --sex --pain-started`,
//!   `assess --save`.
//! - `qa`: fault tests found by attacking the binary, one fix each.
//! - `attention`: `journal attention`, text and JSON.
//! - `numbers`: `profile set|show` with the numbers to call, and the
//!   emergency number proposed from the locale.
//! - `edges`: links, pipes, odd imports, leftovers, refused commands,
//!   hostile input and the smaller faults of issue 16.
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
#[path = "../common/disk.rs"]
mod disk;

mod assess;
mod attention;
mod edges;
mod exchange;
mod journal;
mod medicine;
mod numbers;
mod qa;
mod summary;

//! Backlog: a private, offline companion for upper back pain.
//!
//! One core, two faces: the desktop app (`app`, behind the `gui` feature) and
//! the command line (`cli`) are thin shells over the pure modules below.
//!
//! - [`triage`]: the symptom check (rules as embedded, reviewable data).
//! - [`journal`]: the pain journal as plain data, and its statistics (pure).
//! - [`store`]: the data folder: atomic saves, the lock, rolling backups.
//! - [`summary`]: the printed one-page appointment summary (model + PDF).
//! - [`cli`]: the command line.
//! - `app`: the desktop window (feature `gui`).

// No unwrap/expect in library code: errors are values, never panics that
// reach the user. (Set here, not in Cargo.toml, so tests and benches may.)
#![warn(clippy::unwrap_used, clippy::expect_used)]

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
mod id_enum;
pub mod journal;
pub mod store;
pub mod summary;
pub mod triage;

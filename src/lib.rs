//! Backlog: a private, offline companion for upper back pain.
//!
//! One core, two faces: the desktop app (`app`, behind the `gui` feature) and
//! the command line (`cli`) are thin shells over the pure modules below.
//!
//! - [`triage`]: the symptom check (rules as embedded, reviewable data).
//! - [`journal`]: the pain journal as plain data, and its statistics (pure).
//! - [`cli`]: the command line.
//! - `app`: the desktop window (feature `gui`).

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod journal;
pub mod triage;

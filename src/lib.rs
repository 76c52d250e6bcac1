//! Backlog: a private, offline companion for upper back pain.
//!
//! One core, two faces: the desktop app (`app`, behind the `gui` feature) and
//! the command line (`cli`) are thin shells over the pure modules below.
//!
//! - [`triage`]: the symptom check (rules as embedded, reviewable data).
//! - [`journal`]: the pain journal as plain data, and its statistics (pure).
//! - [`store`]: the data folder: atomic saves, the lock, rolling backups.
//! - [`summary`]: the printed one-page appointment summary (model + PDF).
//! - [`look`]: design tokens and the body figure, shared by the app and the PDF (pure).
//! - [`cli`]: the command line.
//! - `app`: the desktop window (feature `gui`).
//!
//! Lints live in Cargo.toml (`[lints]`) and clippy.toml: no `unwrap` or
//! `expect` outside tests, and no clock or file calls outside the edges
//! (`store`, the app's command runner, `cli`, `main`, tests and benches).

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
mod id_enum;
pub mod journal;
pub mod look;
pub mod store;
pub mod summary;
pub mod triage;

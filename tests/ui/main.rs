//! The desktop app driven through egui_kittest: no GPU, no display.
//! Widgets are found by their accessible labels, which also proves they
//! have them.
//!
//! - `check`: the Check screen.
//! - `journal`: Today and Journal: logging, the banner, delete and undo.
//! - `settings`: first run, Settings, export and import, errors.
//! - `summary`: the Summary screen and its PDF.
#![cfg(feature = "gui")]

mod check;
mod journal;
mod settings;
mod summary;

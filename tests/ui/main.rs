//! The desktop app driven through egui_kittest: no GPU, no display.
//! Widgets are found by their accessible labels, which also proves they
//! have them.
//!
//! - `check`: the Check screen.
//! - `journal`: Today and Journal: logging, the banner, delete and undo.
//! - `look`: colours and sizes come from the design tokens.
//! - `settings`: first run, Settings, export and import, errors.
//! - `startup`: the window goes idle once drawn.
//! - `summary`: the Summary screen and its PDF.
#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    reason = "a panic in a test helper is a failing test"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "tests set up and read real files"
)]

use std::path::Path;

use backlog::app::{App, Command, Config};
use egui_kittest::Harness;
use jiff::civil::Date;

mod check;
mod journal;
mod look;
mod settings;
mod startup;
mod summary;

/// "Today" in every UI test, so dates and labels are fixed.
const TODAY: Date = Date::constant(2026, 11, 24);

/// The app's settings with `dir` as the data folder and a fixed today.
fn config(dir: &Path) -> Config {
    Config {
        data_dir: dir.to_path_buf(),
        today: Some(TODAY),
    }
}

/// The app with the welcome pages done (skipped).
fn ready(mut app: App) -> App {
    app.run(Command::FinishWelcome(None));
    app
}

/// A 1000 × 800 window around the app.
fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, 1000.0, 800.0)
}

/// A window of this size around the app.
fn harness_sized(app: App, width: f32, height: f32) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

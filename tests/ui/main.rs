//! The desktop app driven through egui_kittest: no GPU, no display.
//! Widgets are found by their accessible labels, which also proves they
//! have them.
//!
//! - `access`: keyboard and screen reader: named and distinct controls,
//!   headings, live regions, focus kept and in view, notices that move
//!   nothing.
//! - `check`: the Check screen.
//! - `days`: Today means today, saved days named, changed scores undone,
//!   delete safe to double-click, journal rows by keyboard, course items
//!   neutral, the journal's note (issue 15).
//! - `journal`: Today and Journal: logging, the banner, delete and undo.
//! - `medicines`: Today's medicines used before and relief ratings; the
//!   medicine list on Settings (add, stop, remove, refusals, names).
//! - `look`: colours and sizes come from the design tokens.
//! - `numbers`: the emergency number from the locale, confirmed on the
//!   welcome page; the numbers on the 24-hour banner.
//! - `settings`: first run, Settings, export and import, errors.
//! - `smalls`: issue 12 item 11, one test each.
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
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::Date;

mod access;
mod check;
mod days;
mod journal;
mod look;
mod medicines;
mod numbers;
mod settings;
mod smalls;
mod startup;
mod summary;

/// "Today" in every UI test, so dates and labels are fixed.
const TODAY: Date = Date::constant(2026, 11, 24);

/// The app's settings with `dir` as the data folder and a fixed today.
fn config(dir: &Path) -> Config {
    Config {
        data_dir: dir.to_path_buf(),
        today: Some(TODAY),
        locale: None,
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

/// The one piece of visible text (a label) containing `part` (buttons and
/// live regions that say the same words are not it).
fn text_containing<'a>(h: &'a Harness<'static, App>, part: &'a str) -> egui_kittest::Node<'a> {
    h.get_by(move |n| is_text_containing(n, part))
}

/// Whether some visible text contains `part`.
fn shows_text(h: &Harness<'static, App>, part: &str) -> bool {
    h.query_by(move |n| is_text_containing(n, part)).is_some()
}

fn is_text_containing(n: &egui_kittest::kittest::AccessKitNode<'_>, part: &str) -> bool {
    n.role() == Role::Label && n.value().is_some_and(|v| v.contains(part))
}

/// The triage banner: the one named status or alert node other than the
/// screen announcement (the notices' stack has those roles too, but no
/// name).
/// Scrolls the check box named `label` into view and clicks it, as a
/// person would (a box below the fold cannot be clicked).
fn tick(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, label)
        .click();
    h.run();
}

fn banner<'a>(h: &'a Harness<'static, App>) -> egui_kittest::Node<'a> {
    h.get_by(is_banner)
}

/// What the banner says, if there is one.
fn banner_text(h: &Harness<'static, App>) -> Option<String> {
    h.query_by(is_banner)
        .and_then(|n| n.accesskit_node().label())
}

fn is_banner(n: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    matches!(n.role(), Role::Status | Role::Alert)
        && n.label().is_some_and(|l| !l.ends_with(" screen"))
}

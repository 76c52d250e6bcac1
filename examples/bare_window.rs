//! The yardstick for start-up cost: a bare eframe window built with exactly
//! the app's eframe and egui features (the same `Cargo.toml`), the same
//! window size and title, and an empty central panel with one label.
//!
//! `scripts/startup.py` runs this and the app side by side under Xvfb and
//! compares the CPU time each spends until its window settles. Whatever the
//! app spends above this is ours (data, fonts, the first screen's layout).
//!
//! `cargo run --release --example bare_window`

use std::process::ExitCode;

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A bare eframe window.");
        });
    }
}

fn main() -> ExitCode {
    // The app's viewport, less its icon (decoding it is the app's cost).
    let viewport = egui::ViewportBuilder::default()
        .with_title("Backlog: back pain check and journal")
        .with_app_id("backlog")
        .with_inner_size([1000.0, 720.0])
        .with_min_inner_size([800.0, 600.0]);
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    match eframe::run_native("Bare", options, Box::new(|_cc| Ok(Box::new(Bare)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bare_window: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}

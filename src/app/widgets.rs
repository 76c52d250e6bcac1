//! Small drawing helpers shared by the screens: section headings, bullet
//! lists, notes. (The triage banner is in `banner`.) Drawing only: no
//! state, no I/O.

use egui::{Color32, Frame, RichText, Ui};

use super::ui_kit;
use crate::look::tokens::SPACE;

/// A heading inside a screen (a level-2 heading for screen readers).
pub fn section(ui: &mut Ui, title: &str) -> egui::Response {
    ui.add_space(SPACE.s);
    ui_kit::section_heading(ui, None, title)
}

/// A bulleted paragraph that wraps to the width.
pub fn bullet(ui: &mut Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.add(egui::Label::new(text).wrap());
    });
}

/// Weaker text for hints under a control.
pub fn hint(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
}

/// A calm framed box for the "not a diagnosis" reminder and similar notes.
pub fn note(ui: &mut Ui, text: &str) {
    Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(text).wrap());
        });
}

/// The red of error notices, readable in both themes.
pub fn error_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

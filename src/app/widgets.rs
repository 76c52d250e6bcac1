//! Small drawing helpers shared by the screens: the triage banner, section
//! headings, bullet lists. Drawing only: no state, no I/O.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use super::theme;
use crate::triage::{Advice, Level};

/// The level banner: the headline in the level's colour and, for the two
/// emergency levels, the person's emergency number in large type. Emergency
/// banners are larger and framed twice so they cannot be missed.
pub fn level_banner(ui: &mut Ui, advice: &Advice, emergency_number: &str) {
    let level = advice.level;
    let (fill, text) = theme::level_colors(level);
    let urgent = level.is_emergency();
    let number = emergency_number.trim();
    // In a short window, calm levels show the headline only (the summary
    // is repeated under "What to do"); emergencies always show everything.
    let compact = !urgent && ui.available_height() < 560.0;
    Frame::new()
        .fill(fill)
        .stroke(if urgent {
            Stroke::new(4.0, ui.visuals().strong_text_color())
        } else {
            Stroke::NONE
        })
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(16, if urgent { 14 } else { 8 }))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let headline =
                theme::big(ui, &advice.headline, if urgent { 1.9 } else { 1.4 }).color(text);
            ui.add(egui::Label::new(headline).wrap());
            if level == Level::CallAmbulance && !number.is_empty() {
                ui.label(theme::big(ui, format!("Call {number}"), 2.8).color(text));
            } else if level == Level::EmergencyDepartment && !number.is_empty() {
                ui.add(
                    egui::Label::new(
                        theme::big(
                            ui,
                            format!("If you cannot get there safely, call {number}"),
                            1.4,
                        )
                        .color(text),
                    )
                    .wrap(),
                );
            }
            if !compact {
                ui.add(egui::Label::new(RichText::new(&advice.summary).color(text)).wrap());
            }
        });
}

/// A heading inside a screen.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(theme::subheading(ui, title));
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

//! What the journal shows on its own (issue 15), on Today and Trends: when
//! `journal::attention` says the record points higher than the last saved
//! check, a calm notice says what the journal shows, with the numbers, and
//! the level it points to, with a button that opens the Check with those
//! boxes ticked for the person to confirm. At the two emergency levels it
//! is the emergency banner instead. Either can be put away; it comes back
//! only when the evidence grows (the dismissal is kept in `ui.ron`).
//!
//! Drawing only: the review is worked out once per journal change by the
//! app; dismissing and opening the Check are commands.

use egui::{Frame, Margin, RichText, Ui};

use super::banner::{self, BannerText, Numbers};
use super::command::Command;
use super::ui_kit::margin;
use super::{a11y, theme, widgets};
use crate::journal::attention::Notice;
use crate::look::tokens::SPACE;
use crate::triage;

/// Draws the notice (or, at an emergency level, the banner).
pub fn show(ui: &mut Ui, notice: &Notice, numbers: Numbers<'_>, commands: &mut Vec<Command>) {
    if notice.emergency {
        let advice = triage::knowledge().advice(notice.level);
        let text = BannerText {
            advice,
            action: None,
        };
        ui.label(RichText::new(&notice.headline).strong());
        banner::level_banner(ui, "journal_banner", text, numbers);
        body(ui, notice, commands);
        return;
    }
    let shown = Frame::group(ui.style())
        .fill(theme::notice_fill(ui.visuals(), false))
        .inner_margin(Margin::symmetric(margin(SPACE.m), margin(SPACE.s)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(&notice.headline).strong()).wrap());
            body(ui, notice, commands);
        });
    a11y::live(ui.ctx(), shown.response.id, false);
}

/// What the journal shows, what it points to, and the two buttons.
fn body(ui: &mut Ui, notice: &Notice, commands: &mut Vec<Command>) {
    for s in &notice.sentences {
        widgets::bullet(ui, s);
    }
    ui.add(egui::Label::new(RichText::new(&notice.points_to).strong()).wrap());
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Check with these ticked")
            .on_hover_text(
                "Opens the symptom check with what the journal shows ticked, for you to confirm",
            )
            .clicked()
        {
            commands.push(Command::CheckWithSymptoms(notice.tick.clone()));
        }
        let put_away = ui
            .button("Not now")
            .on_hover_text("Hide this until your journal shows more");
        put_away.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                "Hide the journal's note until it shows more",
            )
        });
        if put_away.clicked() {
            commands.push(Command::DismissAttention(notice.fingerprint.clone()));
        }
    });
}

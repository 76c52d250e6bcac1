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
    // In a short window (large text, a small screen) the reasons fold
    // away behind one line, so the day's pain buttons are still in view
    // without scrolling; what it points to and the buttons stay.
    let compact = banner::is_tight(ui);
    let shown = Frame::group(ui.style())
        .fill(theme::notice_fill(ui.visuals(), false))
        .inner_margin(Margin::symmetric(margin(SPACE.m), margin(SPACE.s)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if compact {
                compact_body(ui, notice, commands);
            } else {
                ui.add(egui::Label::new(RichText::new(&notice.headline).strong()).wrap());
                body(ui, notice, commands);
            }
        });
    a11y::live(ui.ctx(), shown.response.id, false);
}

/// What the journal shows, what it points to, and the two buttons.
fn body(ui: &mut Ui, notice: &Notice, commands: &mut Vec<Command>) {
    for s in &notice.sentences {
        widgets::bullet(ui, s);
    }
    ui.add(egui::Label::new(RichText::new(&notice.points_to).strong()).wrap());
    ui.horizontal_wrapped(|ui| buttons(ui, notice, commands));
}

/// The same in a short window: the headline and what it points to in one
/// sentence, the buttons with a "Why?" that shows what the journal shows
/// below them (shut to start with).
fn compact_body(ui: &mut Ui, notice: &Notice, commands: &mut Vec<Command>) {
    let points_to = notice.points_to.trim_end_matches('.');
    ui.add(
        egui::Label::new(RichText::new(format!("{} {points_to}.", notice.headline)).strong())
            .wrap(),
    );
    let id = ui.make_persistent_id("attention_why");
    let mut open = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    ui.horizontal_wrapped(|ui| {
        buttons(ui, notice, commands);
        let why =
            ui.add(egui::Button::new(format!("Why? ({})", notice.sentences.len())).selected(open));
        why.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, open, "What your journal shows")
        });
        if why.clicked() {
            open = !open;
            ui.data_mut(|d| d.insert_temp(id, open));
        }
    });
    if open {
        for s in &notice.sentences {
            widgets::bullet(ui, s);
        }
    }
}

/// "Check with these ticked" and "Not now".
fn buttons(ui: &mut Ui, notice: &Notice, commands: &mut Vec<Command>) {
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
}

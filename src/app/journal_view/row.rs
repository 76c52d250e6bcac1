//! One row of the Journal list: an entry (its pain as a coloured number,
//! its date, warnings and first note line, then Edit and Delete) or the
//! "Deleted" row left in its place. Apart from `journal_view.rs`, which
//! builds the list and scrolls it.

use egui::{RichText, Ui};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::app::command::Command;
use crate::app::icons::Icon;
use crate::app::theme;
use crate::journal::{Entry, plural};
use crate::look::tokens::RADIUS;

/// The long date of a row ("Tue 24 Nov 2026").
fn date_text(date: Date) -> String {
    date.strftime("%a %-d %b %Y").to_string()
}

/// A row button's words, after its icon (read out as the words alone).
fn with_icon(icon: Icon, words: &str) -> String {
    format!("{}  {words}", icon.glyph())
}

/// The width the row's two buttons take, at the current text size.
fn buttons_width(ui: &Ui) -> f32 {
    [
        with_icon(Icon::PencilSimple, "Edit"),
        with_icon(Icon::Trash, "Delete"),
    ]
    .iter()
    .map(|t| {
        egui::WidgetText::from(t.as_str())
            .into_galley(ui, None, f32::INFINITY, egui::TextStyle::Button)
            .size()
            .x
            + 2.0 * ui.spacing().button_padding.x
            + ui.spacing().item_spacing.x
    })
    .sum::<f32>()
        + ui.spacing().item_spacing.x
}

/// The row's text part and its buttons part, side by side.
fn split(ui: &Ui) -> (egui::Rect, egui::Rect) {
    let rect = ui.max_rect();
    let buttons = buttons_width(ui).min(rect.width());
    let (text, right) = rect.split_left_right_at_x(rect.right() - buttons);
    (text, right)
}

/// Lays out one part of a row (its text, or its buttons) in `rect`.
fn row_part<R>(ui: &mut Ui, rect: egui::Rect, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        add,
    )
    .inner
}

/// A click that is the second of a double click does nothing: one action
/// per click.
fn clicked_once(r: &egui::Response) -> bool {
    r.clicked() && !r.double_clicked() && !r.triple_clicked()
}

pub(super) fn entry_row(ui: &mut Ui, e: &Entry, tz: &TimeZone, commands: &mut Vec<Command>) {
    let date = date_text(e.date);
    let (text_rect, buttons_rect) = split(ui);
    let spoken = row_part(ui, text_rect, |ui| entry_summary(ui, e, &date, tz));
    // The text first, for Tab and screen readers: one focusable node that
    // says the whole row.
    let text = ui.interact(
        text_rect,
        ui.unique_id().with("text"),
        egui::Sense::focusable_noninteractive(),
    );
    text.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, &spoken));
    row_part(ui, buttons_rect, |ui| {
        let edit = ui
            .button(with_icon(Icon::PencilSimple, "Edit"))
            .on_hover_text(format!("Edit the entry for {date}"));
        edit.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Edit {date}"))
        });
        if clicked_once(&edit) {
            commands.push(Command::OpenDay(e.date));
        }
        let del = ui
            .button(with_icon(Icon::Trash, "Delete"))
            .on_hover_text(format!("Delete the entry for {date}"));
        del.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Delete {date}"))
        });
        if clicked_once(&del) {
            commands.push(Command::DeleteEntry(e.date));
        }
    });
}

/// Where a deleted entry was: its date, and "Bring back" where Edit was.
pub(super) fn deleted_row(ui: &mut Ui, date: Date, commands: &mut Vec<Command>) {
    let day = date_text(date);
    let (text_rect, buttons_rect) = split(ui);
    row_part(ui, text_rect, |ui| {
        ui.add(
            egui::Label::new(RichText::new(format!("Deleted: {day}")).italics().weak()).truncate(),
        );
    });
    row_part(ui, buttons_rect, |ui| {
        let back = ui
            .button("Bring back")
            .on_hover_text(format!("Bring back the entry for {day}"));
        back.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Bring back {day}"))
        });
        if clicked_once(&back) {
            commands.push(Command::BringBack(date));
        }
    });
}

/// Draws the row's text; returns it as one sentence for screen readers.
fn entry_summary(ui: &mut Ui, e: &Entry, date: &str, tz: &TimeZone) -> String {
    let body = theme::body_size(ui);
    // The pain as a coloured number.
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(body * 2.2, body * 2.2), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, RADIUS.medium, theme::pain_color(ui, e.pain));
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        e.pain.to_string(),
        egui::FontId::proportional(body * 1.1),
        theme::on_pain_color(ui, e.pain),
    );
    // Only warning signs count: "how long and how it is going" is not a
    // warning (issue 12 item 10), and is not shown as one.
    let k = crate::triage::knowledge();
    let warnings = e.symptoms.iter().filter(|id| k.is_warning_sign(id)).count();
    let mut parts = vec![format!("pain {}/10", e.pain)];
    if let Some(w) = e.worst.filter(|w| *w > e.pain) {
        parts.push(format!("worst {w}"));
    }
    if e.woke_at_night {
        parts.push("woke at night".to_owned());
    }
    let late = e.is_back_filled(tz);
    if late {
        parts.push("added later".to_owned());
    }
    let mut line = e.note.lines().next().unwrap_or("").to_owned();
    if line.is_empty() {
        line = e.tags.join(", ");
    }
    let warning_text = plural(warnings, "warning symptom", "warning symptoms");
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.horizontal(|ui| {
            ui.add(egui::Label::new(RichText::new(date).strong()).truncate());
            if warnings > 0 {
                // Truncates too: at large text it must not run under the
                // Edit and Delete buttons.
                ui.add(
                    egui::Label::new(
                        RichText::new(&warning_text).color(theme::warning_text(ui.visuals())),
                    )
                    .truncate(),
                );
            }
            // With no room left, leave it out rather than draw a lone "…"
            // against the buttons (the pain shows in the coloured box).
            if ui.available_width() > 2.0 * body {
                let r = ui.add(egui::Label::new(parts.join(" · ")).truncate());
                if late {
                    r.on_hover_text(
                        "This entry was written more than a day after the day it describes.",
                    );
                }
            }
        });
        ui.add(egui::Label::new(RichText::new(&line).weak()).truncate());
    });
    let mut spoken = format!("{date}: {}", parts.join(", "));
    if warnings > 0 {
        spoken.push_str(&format!(", {warning_text}"));
    }
    if !line.is_empty() {
        spoken.push_str(&format!(". {line}"));
    }
    spoken
}

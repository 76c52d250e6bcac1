//! The pinned top of the Today screen, above the scrolling form: which day
//! is shown (with the buttons and calendar to move to another), "Save" and
//! whether the day is saved, and the triage banner for the day's warning
//! symptoms. Apart from `today/mod.rs` so the form and what stays in view
//! above it each read on their own.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::{TodayContext, TodayScreen};
use crate::app::banner::{self, BannerText, Numbers};
use crate::app::command::{Command, Shortcut};
use crate::app::{a11y, theme, widgets};
use crate::triage::Level;

impl TodayScreen {
    /// The day shown, and the buttons to move to another.
    pub(super) fn day_bar(
        &mut self,
        ui: &mut Ui,
        ctx: &TodayContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let day_label = if self.draft.date == ctx.today {
                "Today".to_owned()
            } else {
                // The short form in narrow rows (large text), so the buttons
                // fit beside it.
                let roomy =
                    ui.available_width() > 50.0 * ui.text_style_height(&egui::TextStyle::Body);
                let format = if roomy {
                    "%A %-d %B %Y"
                } else {
                    "%a %-d %b %Y"
                };
                self.draft.date.strftime(format).to_string()
            };
            let title = ui.label(theme::subheading(ui, day_label));
            a11y::mark_heading(ui.ctx(), title.id, 1);
            if ui.button("Previous day").clicked()
                && let Ok(d) = self.draft.date.yesterday()
            {
                commands.push(Command::OpenDay(d));
            }
            if self.draft.date < ctx.today
                && ui.button("Next day").clicked()
                && let Ok(d) = self.draft.date.tomorrow()
            {
                commands.push(Command::OpenDay(d));
            }
            if let Some(picked) = date_picker(ui, "today_date", "Choose a day", self.draft.date) {
                if picked > ctx.today {
                    // Said, not silently ignored.
                    self.error = Some(format!(
                        "{} is in the future: pick today or an earlier day.",
                        picked.strftime("%a %-d %b %Y")
                    ));
                } else if picked != self.draft.date {
                    self.error = None;
                    commands.push(Command::OpenDay(picked));
                }
            }
            if self.draft.date != ctx.today && ui.button("Back to today").clicked() {
                commands.push(Command::OpenDay(ctx.today));
            }
        });
    }

    /// "Save", whether the day is saved, and a save error.
    pub(super) fn save_row(
        &self,
        ui: &mut Ui,
        ctx: &TodayContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let saved = ctx.journal.entry(self.draft.date);
        ui.horizontal_wrapped(|ui| {
            let label = if saved.is_some() {
                "Save changes"
            } else {
                "Save"
            };
            if ui
                .add_enabled(
                    self.draft.pain.is_some(),
                    egui::Button::new(RichText::new(label).strong()),
                )
                .on_hover_text(Shortcut::Save.hint(ui.ctx(), "Save this day"))
                .on_disabled_hover_text("Choose a pain number first")
                .clicked()
            {
                commands.push(Command::SaveEntry(self.draft.clone()));
            }
            if self.dirty {
                ui.label(
                    RichText::new("Not saved yet. Your typing is kept until you save.").weak(),
                );
            } else if saved.is_some() {
                ui.label(RichText::new("Saved.").weak());
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(widgets::error_color(ui), e);
        }
    }

    /// The triage banner for the day's warning symptoms, if any.
    pub(super) fn banner(
        &self,
        ui: &mut Ui,
        ctx: &TodayContext<'_>,
        numbers: Numbers<'_>,
        commands: &mut Vec<Command>,
    ) {
        if let Some(a) = &self.symptom_result {
            if self.draft.date != ctx.today {
                ui.label(format!(
                    "Noted on {}. If you have them now:",
                    self.draft.date.strftime("%a %-d %b")
                ));
            }
            let text = BannerText {
                advice: a.advice,
                action: a.first_action(),
            };
            banner::level_banner(ui, "today_banner", text, numbers);
            if a.level > Level::SelfCare
                && ui
                    .button("See why, and what to watch for")
                    .on_hover_text("Opens the symptom check with these symptoms ticked")
                    .clicked()
            {
                commands.push(Command::CheckWithSymptoms(self.draft.symptoms.clone()));
            }
        }
    }
}

/// A button that opens a calendar to pick a day: weekends not in red (red
/// means pain 10 here), no unnamed year/month/day boxes, and a name that
/// says what it does and the day shown. Returns the day picked.
fn date_picker(ui: &mut Ui, id: &'static str, what: &str, shown: Date) -> Option<Date> {
    let mut picked = shown;
    let r = ui.add(
        egui_extras::DatePickerButton::new(&mut picked)
            .id_salt(id)
            .show_icon(false)
            .calendar_week(false)
            .combo_boxes(false)
            .highlight_weekends(false),
    );
    let name = format!("{what}: {}", shown.strftime("%a %-d %b %Y"));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    (r.changed() && picked != shown).then_some(picked)
}

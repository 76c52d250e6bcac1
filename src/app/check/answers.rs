//! The Check screen's answers: the age box with "Save this check" and
//! "Start over", the line under it, and the checkboxes by group (with the
//! "is this still true?" prompts). Apart from `check.rs` so the screen's
//! layout reads on one page; nothing here changes size while the person
//! types or ticks.

use egui::{RichText, Ui};

use super::{CheckContext, CheckScreen};
use crate::app::command::{Command, Shortcut};
use crate::app::{theme, widgets};
use crate::look::tokens::SPACE;
use crate::triage::{self, Knowledge};

/// The age box's id: fixed, so nothing drawn around it can take its focus.
const AGE_BOX: &str = "check_age";

/// At the top of the list, under the age box, one of these; the line keeps
/// the height of the longest so the list never moves while typing.
const AGE_MISSING: &str =
    "Your age is missing, so this result assumes the age group that needs the most care.";
const AGE_FROM_PROFILE: &str = "Your age and health history come from your profile.";
const NOTHING_YET: &str = "Tick what is true for you now, or type your age, to see a result.";

impl CheckScreen {
    /// Above the list: the age box with the two actions, the line under
    /// it, and the checkboxes. True when an answer changed.
    pub(super) fn answers(
        &mut self,
        ui: &mut Ui,
        ctx: &CheckContext<'_>,
        k: &Knowledge,
        commands: &mut Vec<Command>,
    ) -> bool {
        let typed = self.age_row(ui, ctx, commands);
        self.age_line(ui);
        widgets::hint(
            ui,
            "Tick everything that is true for you now. Hover over a line to see why it matters.",
        );
        let ticked = self.checklist(ui, ctx, k, commands);
        typed || ticked
    }

    /// The age box, "Save this check" and "Start over" (which can be undone
    /// until the next change). True when the age changed.
    fn age_row(
        &mut self,
        ui: &mut Ui,
        ctx: &CheckContext<'_>,
        commands: &mut Vec<Command>,
    ) -> bool {
        let mut typed = false;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Your age");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.age_text)
                        .id_salt(AGE_BOX)
                        .desired_width(3.0 * theme::body_size(ui))
                        .char_limit(3),
                )
                .labelled_by(label.id);
            typed |= edit.changed();
            ui.add_space(SPACE.m);
            let can_save = self.to_save();
            let save = ui
                .add_enabled(can_save.is_some(), egui::Button::new("Save this check"))
                .on_hover_text(
                    Shortcut::Save.hint(ui.ctx(), "Keep this result for your doctor's summary"),
                )
                .on_disabled_hover_text("Type your age to save this check");
            if save.clicked()
                && let Some(c) = can_save
            {
                commands.push(Command::SaveCheck(c));
            }
            // One button that turns into its undo, at the width of the
            // longer label, so nothing around it moves.
            let (start, undo) = ("Start over", "Undo start over");
            let width = [start, undo]
                .iter()
                .map(|t| {
                    egui::WidgetText::from(*t)
                        .into_galley(ui, None, f32::INFINITY, egui::TextStyle::Button)
                        .size()
                        .x
                })
                .fold(0.0, f32::max)
                + 2.0 * ui.spacing().button_padding.x;
            let can_undo = self.before_start_over.is_some();
            let b = egui::Button::new(if can_undo { undo } else { start })
                .min_size(egui::vec2(width, 0.0));
            let r = ui.push_id("start_over", |ui| ui.add(b)).inner;
            let r = if can_undo {
                r.on_hover_text("Bring back the ticks and age from before you started over")
            } else {
                r.on_hover_text("Clear today's ticks; keep your health history. You can undo it.")
            };
            if r.clicked() {
                if can_undo {
                    self.undo_start_over();
                } else {
                    self.start_over_with_undo(ctx);
                }
            }
        });
        typed
    }

    /// One line under the age box, at the height of its longest text.
    fn age_line(&self, ui: &mut Ui) {
        let bad = format!(
            "Type your age as a whole number from 0 to {}.",
            triage::MAX_AGE
        );
        let (text, error) = if !self.age_text.trim().is_empty() && self.age().is_none() {
            (bad.as_str(), true)
        } else if self.result.is_none() {
            (NOTHING_YET, false)
        } else if self
            .result
            .as_ref()
            .is_some_and(|r| r.age_assumed.is_some())
        {
            (AGE_MISSING, false)
        } else {
            (AGE_FROM_PROFILE, false)
        };
        let width = ui.available_width();
        let tallest = [AGE_MISSING, AGE_FROM_PROFILE, NOTHING_YET, bad.as_str()]
            .into_iter()
            .map(|t| {
                egui::WidgetText::from(RichText::new(t).strong())
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Wrap),
                        width,
                        egui::TextStyle::Body,
                    )
                    .size()
                    .y
            })
            .fold(0.0, f32::max);
        ui.allocate_ui(egui::vec2(width, tallest), |ui| {
            ui.set_min_height(tallest);
            let rich = RichText::new(text).strong();
            let rich = if error {
                rich.color(widgets::error_color(ui))
            } else {
                rich
            };
            ui.add(egui::Label::new(rich).wrap());
        });
    }

    /// The checkboxes by group; true when a tick changed. A time-limited
    /// history box whose time is up is asked about above its group.
    fn checklist(
        &mut self,
        ui: &mut Ui,
        ctx: &CheckContext<'_>,
        k: &Knowledge,
        commands: &mut Vec<Command>,
    ) -> bool {
        let questions = ctx.profile.history_to_confirm(k, ctx.today);
        let mut changed = false;
        for group in k.groups() {
            widgets::section(ui, &group.title);
            if group.history {
                widgets::hint(
                    ui,
                    "Filled in from your profile. Change it here for this check only.",
                );
                for q in questions
                    .iter()
                    .filter(|q| k.finding(&q.id).is_some_and(|f| f.group == group.id))
                {
                    still_true_prompt(ui, ctx, q, commands);
                }
            }
            for f in k.findings_in(&group.id) {
                let mut on = self.ticked.contains(&f.id);
                let r = ui
                    .add(egui::Checkbox::new(&mut on, &f.label))
                    .on_hover_text(&f.why);
                if r.changed() {
                    if on {
                        self.ticked.insert(f.id.clone());
                    } else {
                        self.ticked.remove(&f.id);
                    }
                    changed = true;
                }
            }
        }
        changed
    }
}

/// "Is this still true?" for a chemotherapy or pregnancy box whose time is
/// up. Until answered the box stays ticked (the cautious side).
fn still_true_prompt(
    ui: &mut Ui,
    ctx: &CheckContext<'_>,
    q: &crate::journal::HistoryQuestion,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(RichText::new(format!("\u{201c}{}\u{201d}", q.label)).strong())
                    .wrap(),
            );
            ui.add(
                egui::Label::new(format!(
                    "{} It stays ticked until you answer.",
                    q.question()
                ))
                .wrap(),
            );
            ui.horizontal_wrapped(|ui| {
                let mut answer = None;
                if ui.button("Yes, still true").clicked() {
                    answer = Some(true);
                }
                if ui.button("No, not any more").clicked() {
                    answer = Some(false);
                }
                if let Some(still) = answer {
                    let mut p = ctx.profile.clone();
                    p.confirm_history(&q.id, still, ctx.today);
                    commands.push(Command::SaveProfile(p));
                }
            });
        });
}

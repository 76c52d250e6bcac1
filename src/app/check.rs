//! The Check screen: the symptom checkboxes in the knowledge file's groups
//! (most serious first) and the live result.
//!
//! Safety-critical: the answer is always in view. Where the window is wide
//! enough for the text size, the list and the result sit side by side: the
//! result column (banner, "not a diagnosis", then what to do, why, what to
//! watch for and the sources) has its own scrolling, so it stays in view
//! while the list scrolls. In a narrow window or at large text the banner
//! sits above the scrolling list, keeps its instruction line at every text
//! size, and a button jumps to "What to do". The assessment is recomputed
//! only when an answer changes. Without an age the check assumes the age
//! that needs the most care ([`Knowledge::assess_cautious`], shared with
//! Today), and says so.
//!
//! Nothing above the list changes size while the person types or ticks:
//! the banner keeps one height for every level (and holds its place before
//! there is a result), the age box has a fixed id, and the line under it
//! keeps the height of its longest text. A line that came and went above
//! the age box once cost it its focus, so "67" became "6".
//!
//! This file holds the screen's state and layout; the age box and the
//! checkboxes are in `check/answers.rs`, the result's cards in
//! `check/result.rs`.

use std::collections::BTreeSet;

mod answers;
mod result;

use egui::Ui;
use jiff::Timestamp;
use jiff::civil::Date;

use super::banner::{self, BannerText, Numbers};
use super::command::Command;
use super::{a11y, focus, theme, ui_kit};
use crate::journal::{Profile, SavedCheck};
use crate::triage::{self, CautiousAssessment, Knowledge};
use result::caveat;

/// What the rest of the app tells the Check screen.
pub struct CheckContext<'a> {
    pub profile: &'a Profile,
    pub today: Date,
    /// The numbers the banner shows.
    pub numbers: Numbers<'a>,
}

impl CheckContext<'_> {
    fn age(&self) -> Option<u8> {
        self.profile.age_on(self.today)
    }
}

/// Side by side when the window is at least this many body-text sizes wide
/// (896 px at 100 %, 1120 px at 125 %): each column keeps room for its text.
const WIDE_IN_BODY_SIZES: f32 = 56.0;
/// The list's share of the width when side by side.
const LIST_SHARE: f32 = 0.55;

#[derive(Default)]
pub struct CheckScreen {
    age_text: String,
    ticked: BTreeSet<String>,
    /// `None` until something is ticked or an age is typed.
    result: Option<CautiousAssessment<'static>>,
    /// True once the person ticks or types something after a (re)start.
    touched: bool,
    /// The age and ticks before "Start over", until the next change:
    /// "Undo start over" brings them back.
    before_start_over: Option<(String, BTreeSet<String>)>,
    /// "What to do" was asked for: scroll to it this frame.
    jump_to_advice: bool,
}

impl CheckScreen {
    /// A fresh check pre-filled from the profile.
    pub fn new(ctx: &CheckContext<'_>) -> Self {
        let mut screen = Self::default();
        screen.start_over(ctx);
        screen
    }

    /// Clears today's answers and fills in age and history from the profile.
    pub fn start_over(&mut self, ctx: &CheckContext<'_>) {
        self.age_text = ctx.age().map(|a| a.to_string()).unwrap_or_default();
        self.ticked = ctx.profile.history.clone();
        self.touched = false;
        self.before_start_over = None;
        self.recompute();
    }

    /// "Start over" from the button: the answers are kept for "Undo".
    fn start_over_with_undo(&mut self, ctx: &CheckContext<'_>) {
        let before = (self.age_text.clone(), self.ticked.clone());
        self.start_over(ctx);
        if before != (self.age_text.clone(), self.ticked.clone()) {
            self.before_start_over = Some(before);
        }
    }

    fn undo_start_over(&mut self) {
        if let Some((age, ticked)) = self.before_start_over.take() {
            self.age_text = age;
            self.ticked = ticked;
            self.touched = true;
            self.recompute();
        }
    }

    /// Refreshes age and history from a changed profile, keeping today's
    /// symptom ticks (only when the person has not edited this check).
    pub fn profile_changed(&mut self, ctx: &CheckContext<'_>) {
        if !self.touched {
            self.start_over(ctx);
        }
    }

    /// Ticks these findings too (from the Today screen's symptoms).
    pub fn tick(&mut self, ids: impl IntoIterator<Item = String>) {
        self.ticked.extend(ids);
        self.touched = true;
        self.before_start_over = None;
        self.recompute();
    }

    fn age(&self) -> Option<u8> {
        self.age_text
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|a| *a <= triage::MAX_AGE)
    }

    fn recompute(&mut self) {
        // Every id comes from the vocabulary, so this cannot fail; if it
        // ever did, showing no result is better than a wrong one.
        self.result = triage::knowledge()
            .assess_cautious(self.age(), &self.ticked)
            .ok()
            .flatten();
    }

    /// What "Save this check" stores, if an age is given. The app stamps
    /// the time when it runs the command.
    pub fn to_save(&self) -> Option<SavedCheck> {
        let age = self.age()?;
        let k = triage::knowledge();
        let answers = k.answers(i64::from(age), &self.ticked).ok()?;
        let assessment = &self.result.as_ref()?.assessment;
        Some(SavedCheck::new(
            Timestamp::UNIX_EPOCH,
            k,
            &answers,
            assessment,
        ))
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: &CheckContext<'_>, commands: &mut Vec<Command>) {
        let k = triage::knowledge();
        // Not drawn: the screen's title, for screen readers' heading list.
        a11y::hidden_heading(ui, "Symptom check");
        let wide = ui.available_width() >= WIDE_IN_BODY_SIZES * theme::body_size(ui);
        let changed = if wide {
            self.side_by_side(ui, ctx, k, commands)
        } else {
            self.stacked(ui, ctx, k, commands)
        };
        if changed {
            self.touched = true;
            self.before_start_over = None;
            self.recompute();
        }
    }

    /// Narrow windows and large text: the banner above the list, a button
    /// that jumps to "What to do", and the details below the list.
    fn stacked(
        &mut self,
        ui: &mut Ui,
        ctx: &CheckContext<'_>,
        k: &Knowledge,
        commands: &mut Vec<Command>,
    ) -> bool {
        self.banner(ui, ctx, k);
        // In a short window only the jump stays pinned; "not a diagnosis"
        // leads the list, still right under the banner until it scrolls.
        let tight = banner::is_tight(ui);
        self.jump_row(ui, !tight);
        ui.separator();
        let mut changed = false;
        ui_kit::page_scroll()
            .id_salt("check_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if tight {
                    caveat(ui);
                }
                changed = self.answers(ui, ctx, k, commands);
                ui.separator();
                self.result_details(ui, k);
                focus::follow(ui);
            });
        changed
    }

    /// Wide windows: the list on the left, the result on the right, each
    /// scrolling on its own, so the result never leaves the screen.
    fn side_by_side(
        &mut self,
        ui: &mut Ui,
        ctx: &CheckContext<'_>,
        k: &Knowledge,
        commands: &mut Vec<Command>,
    ) -> bool {
        let total = ui.available_rect_before_wrap();
        let gap = 2.0 * ui.spacing().item_spacing.x;
        let list_width = ((total.width() - gap) * LIST_SHARE).floor();
        let list = egui::Rect::from_min_size(total.min, egui::vec2(list_width, total.height()));
        let result =
            egui::Rect::from_min_max(egui::pos2(list.right() + gap, total.top()), total.max);
        let mut changed = false;
        ui.scope_builder(egui::UiBuilder::new().max_rect(list), |ui| {
            ui_kit::page_scroll()
                .id_salt("check_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    changed = self.answers(ui, ctx, k, commands);
                    focus::follow(ui);
                });
        });
        ui.scope_builder(egui::UiBuilder::new().max_rect(result), |ui| {
            self.banner(ui, ctx, k);
            caveat(ui);
            ui.separator();
            ui_kit::page_scroll()
                .id_salt("check_result_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.result_details(ui, k);
                    focus::follow(ui);
                });
        });
        ui.advance_cursor_after_rect(total);
        changed
    }

    /// The banner: the result at one steady height, or its place held.
    fn banner(&self, ui: &mut Ui, ctx: &CheckContext<'_>, k: &Knowledge) {
        match &self.result {
            Some(r) => {
                let text = BannerText {
                    advice: r.assessment.advice,
                    action: r.assessment.first_action(),
                };
                banner::steady_level_banner(ui, text, ctx.numbers, k);
            }
            None => banner::waiting_banner(ui, ctx.numbers, k),
        }
    }

    /// The button that jumps to "What to do" (the details are below the
    /// list), with "not a diagnosis" beside it when there is room.
    fn jump_row(&mut self, ui: &mut Ui, with_caveat: bool) {
        ui.horizontal_wrapped(|ui| {
            let jump = ui
                .add_enabled(self.result.is_some(), egui::Button::new("Go to What to do"))
                .on_hover_text("Scroll down to what to do now, why, and what to watch for")
                .on_disabled_hover_text("Tick what is true for you to see what to do");
            if jump.clicked() {
                self.jump_to_advice = true;
            }
            if with_caveat {
                caveat(ui);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Age;
    use crate::triage::Level;

    fn screen(age: Option<u8>, history: &[&str]) -> CheckScreen {
        let today = Date::constant(2026, 11, 24);
        let profile = Profile {
            age: age.map(|years| Age::Years { years, on: today }),
            history: history.iter().map(|s| (*s).to_owned()).collect(),
            ..Profile::default()
        };
        CheckScreen::new(&CheckContext {
            profile: &profile,
            today,
            numbers: Numbers::new(&profile, None),
        })
    }

    #[test]
    fn no_age_and_nothing_ticked_shows_no_level_until_a_tick() {
        let mut s = screen(None, &[]);
        assert!(s.result.is_none());
        assert!(s.to_save().is_none());
        s.tick(["pain_at_night".to_owned()]);
        let r = s
            .result
            .as_ref()
            .map(|r| (r.assessment.level, r.age_assumed.is_some()));
        assert_eq!(r, Some((Level::Within24h, true)));
        assert!(s.to_save().is_none(), "no age, nothing to save");
    }

    #[test]
    fn a_saved_check_has_the_age_ticks_level_and_rules() {
        let mut s = screen(Some(67), &["history_osteoporosis"]);
        s.tick(["pain_at_night".to_owned()]);
        let saved = s.to_save().expect("an age is given");
        assert_eq!(saved.age, 67);
        assert_eq!(saved.level, Level::Within24h);
        assert!(saved.findings.contains("history_osteoporosis"));
        assert!(saved.rules.contains(&"U9".to_owned()));
        assert_eq!(saved.rules_version, triage::knowledge().rules_version());
    }
}

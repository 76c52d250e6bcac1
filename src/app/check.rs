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

use std::collections::BTreeSet;

use egui::{RichText, ScrollArea, Ui};
use jiff::Timestamp;
use jiff::civil::Date;

use super::banner::{self, BannerText, Numbers};
use super::command::{Command, Shortcut};
use super::icons::Icon;
use super::{a11y, focus, theme, ui_kit, widgets};
use crate::journal::{Profile, SavedCheck};
use crate::look::tokens::SPACE;
use crate::triage::{self, CautiousAssessment, Knowledge};

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

/// The age box's id: fixed, so nothing drawn around it can take its focus.
const AGE_BOX: &str = "check_age";

/// At the top of the list, under the age box, one of these; the line keeps
/// the height of the longest so the list never moves while typing.
const AGE_MISSING: &str =
    "Your age is missing, so this result assumes the age group that needs the most care.";
const AGE_FROM_PROFILE: &str = "Your age and health history come from your profile.";
const NOTHING_YET: &str = "Tick what is true for you now, or type your age, to see a result.";

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
        ScrollArea::vertical()
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
            ScrollArea::vertical()
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
            ScrollArea::vertical()
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

    /// Above the list: the age box with the two actions, the line under
    /// it, and the checkboxes. True when an answer changed.
    fn answers(
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

    /// Reasons (the result's own level first), advice, what to watch for,
    /// and the sources.
    fn result_details(&mut self, ui: &mut Ui, k: &Knowledge) {
        let jump = std::mem::take(&mut self.jump_to_advice);
        let Some(result) = &self.result else { return };
        let a = &result.assessment;
        ui_kit::card(ui, None, |ui| {
            let heading = ui_kit::section_heading(ui, Some(Icon::for_level(a.level)), "What to do");
            if jump {
                heading.scroll_to_me(Some(egui::Align::TOP));
            }
            ui.add(egui::Label::new(RichText::new(&a.advice.summary).strong()).wrap());
            ui.add(egui::Label::new(&a.advice.advice).wrap());
        });
        ui_kit::section_gap(ui);
        ui_kit::card(ui, Some((Icon::ListChecks, "Why")), |ui| {
            for rule in a.level_reasons() {
                widgets::bullet(ui, &rule.reason);
            }
            let lower: Vec<_> = a.also_worth_mentioning().collect();
            if !lower.is_empty() {
                widgets::section(ui, triage::ALSO_WORTH_MENTIONING);
                for rule in lower {
                    widgets::bullet(ui, &rule.reason);
                }
            }
        });
        if !a.watch_for.is_empty() {
            ui_kit::section_gap(ui);
            ui_kit::card(ui, Some((Icon::WarningCircle, "Watch for")), |ui| {
                for w in &a.watch_for {
                    ui.add(
                        egui::Label::new(
                            RichText::new(&k.advice(w.level).if_it_appears)
                                .strong()
                                .color(theme::level_text_on_page(w.level, ui.visuals())),
                        )
                        .wrap(),
                    );
                    for f in &w.findings {
                        widgets::bullet(ui, &f.label);
                    }
                }
            });
        }
        ui.add_space(SPACE.s);
        egui::CollapsingHeader::new("Details and sources")
            .id_salt("check_sources")
            .show(ui, |ui| {
                for rule in &a.rules {
                    ui.label(
                        RichText::new(format!(
                            "Rule {} ({})",
                            rule.id,
                            theme::level_words(rule.level)
                        ))
                        .strong(),
                    );
                    for key in &rule.sources {
                        if let Some(s) = k.source(key) {
                            widgets::bullet(
                                ui,
                                &format!("{} — {}, {}. {}", s.title, s.by, s.year, s.url),
                            );
                        }
                    }
                }
                ui.label(RichText::new(format!("Rules version {}", a.rules_version)).weak());
            });
        ui.add_space(SPACE.s);
        widgets::note(ui, triage::IF_WORRIED);
    }
}

/// "Not a diagnosis", next to the result.
fn caveat(ui: &mut Ui) {
    ui.add(egui::Label::new(RichText::new(triage::NOT_A_DIAGNOSIS).strong()).wrap());
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

//! The Check screen: the symptom checkboxes in the knowledge file's groups
//! (most serious first) and the live result.
//!
//! Safety-critical. The banner sits above the scrolling list so the result
//! is always in view while ticking; the assessment is recomputed only when
//! an answer changes. Without an age the check assumes the age group that
//! needs the most care (never under-call), and says so.

use std::collections::BTreeSet;

use egui::{RichText, ScrollArea, Ui};

use super::command::{CheckToSave, Command, Shortcut};
use super::{theme, widgets};
use crate::triage::{self, Assessment, Knowledge};

/// Ages tried when the age is not known: one from each band the rules use
/// (under 18, adult, 50 and over, 70 and over). The most urgent result wins.
const AGES_WHEN_UNKNOWN: [u8; 4] = [16, 35, 55, 75];

/// What the rest of the app tells the Check screen.
pub struct CheckContext<'a> {
    pub profile_age: Option<u8>,
    pub history: &'a BTreeSet<String>,
    pub emergency_number: &'a str,
}

/// The result shown, recomputed when an answer changes.
struct Result {
    assessment: Assessment<'static>,
    age_assumed: bool,
}

#[derive(Default)]
pub struct CheckScreen {
    age_text: String,
    ticked: BTreeSet<String>,
    result: Option<Result>,
    /// True once the person ticks or types something after a (re)start.
    touched: bool,
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
        self.age_text = ctx.profile_age.map(|a| a.to_string()).unwrap_or_default();
        self.ticked = ctx.history.clone();
        self.touched = false;
        self.recompute();
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
        self.result = assess(triage::knowledge(), self.age(), &self.ticked);
    }

    /// What "Save this check" stores, if the answers are complete.
    pub fn to_save(&self) -> Option<CheckToSave> {
        let age = self.age()?;
        let r = self.result.as_ref()?;
        Some(CheckToSave {
            age,
            findings: self.ticked.iter().cloned().collect(),
            level: r.assessment.level,
            rule_ids: r.assessment.rule_ids(),
            rules_version: r.assessment.rules_version.to_owned(),
        })
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: &CheckContext<'_>, commands: &mut Vec<Command>) {
        let k = triage::knowledge();
        // The pinned part: banner and the two actions.
        if let Some(result) = &self.result {
            widgets::steady_level_banner(ui, result.assessment.advice, ctx.emergency_number, k);
            if result.age_assumed {
                ui.label(
                    RichText::new(
                        "Your age is missing, so this result assumes the age group that needs the most care. Type your age below.",
                    )
                    .strong(),
                );
            }
        }
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Your age");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.age_text)
                        .desired_width(3.0 * theme::body_size(ui))
                        .char_limit(3),
                )
                .labelled_by(label.id);
            changed |= edit.changed();
            ui.add_space(12.0);
            let can_save = self.to_save();
            let save = ui
                .add_enabled(can_save.is_some(), egui::Button::new("Save this check"))
                .on_hover_text(
                    Shortcut::Save.hint(ui.ctx(), "Keep this result for your doctor's summary"),
                )
                .on_disabled_hover_text("Enter your age to save this check");
            if save.clicked()
                && let Some(c) = can_save
            {
                commands.push(Command::SaveCheck(c));
            }
            if ui
                .button("Start over")
                .on_hover_text("Clear today's ticks; keep your health history")
                .clicked()
            {
                self.start_over(ctx);
            }
        });
        if !self.age_text.trim().is_empty() && self.age().is_none() {
            ui.colored_label(
                widgets::error_color(ui),
                format!(
                    "Type your age as a whole number from 0 to {}.",
                    triage::MAX_AGE
                ),
            );
        }
        ui.separator();

        ScrollArea::vertical()
            .id_salt("check_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                widgets::hint(
                    ui,
                    "Tick everything that is true for you now. Hover over a line to see why it matters.",
                );
                for group in k.groups() {
                    widgets::section(ui, &group.title);
                    if group.history {
                        widgets::hint(ui, "Filled in from your profile. Change it here for this check only.");
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
                ui.separator();
                self.result_details(ui, k);
            });
        if changed {
            self.touched = true;
            self.recompute();
        }
    }

    /// Reasons, advice, what to watch for, and the sources.
    fn result_details(&self, ui: &mut Ui, k: &Knowledge) {
        let Some(result) = &self.result else { return };
        let a = &result.assessment;
        widgets::section(ui, "Why");
        for rule in &a.rules {
            widgets::bullet(ui, &rule.reason);
        }
        widgets::section(ui, "What to do");
        ui.add(egui::Label::new(RichText::new(&a.advice.summary).strong()).wrap());
        ui.add(egui::Label::new(&a.advice.advice).wrap());
        if !a.watch_for.is_empty() {
            widgets::section(ui, "Watch for");
            for w in &a.watch_for {
                let (fill, _) = theme::level_colors(w.level);
                ui.label(
                    RichText::new(&k.advice(w.level).if_it_appears)
                        .strong()
                        .color(if w.level.is_emergency() {
                            fill
                        } else {
                            ui.visuals().strong_text_color()
                        }),
                );
                for f in &w.findings {
                    widgets::bullet(ui, &f.label);
                }
            }
        }
        ui.add_space(6.0);
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
        ui.add_space(6.0);
        widgets::note(ui, triage::NOT_A_DIAGNOSIS);
    }
}

/// The assessment for these answers. With no age, the most urgent result
/// over the age bands the rules distinguish.
fn assess(k: &'static Knowledge, age: Option<u8>, ticked: &BTreeSet<String>) -> Option<Result> {
    let ages: Vec<u8> = match age {
        Some(a) => vec![a],
        None => AGES_WHEN_UNKNOWN.to_vec(),
    };
    let mut best: Option<Assessment<'static>> = None;
    for a in ages {
        let Ok(answers) = k.answers(i64::from(a), ticked) else {
            continue;
        };
        let next = k.assess(&answers);
        if best.as_ref().is_none_or(|b| next.level > b.level) {
            best = Some(next);
        }
    }
    best.map(|assessment| Result {
        assessment,
        age_assumed: age.is_none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::Level;

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn missing_age_never_gives_a_lower_level_than_any_real_age() {
        let k = triage::knowledge();
        for ids in [
            set(&[]),
            set(&["after_strain"]),
            set(&["injury_minor"]),
            set(&["pain_at_night"]),
            set(&["chest_pain"]),
        ] {
            let unknown = assess(k, None, &ids).map(|r| r.assessment.level);
            for age in [10u8, 17, 18, 30, 49, 50, 69, 70, 90] {
                let known = assess(k, Some(age), &ids).map(|r| r.assessment.level);
                assert!(
                    unknown >= known,
                    "{ids:?} at {age}: {unknown:?} < {known:?}"
                );
            }
        }
    }

    #[test]
    fn chest_pain_calls_an_ambulance() {
        let r = assess(triage::knowledge(), Some(40), &set(&["chest_pain"]));
        assert_eq!(r.map(|r| r.assessment.level), Some(Level::CallAmbulance));
    }
}

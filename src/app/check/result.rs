//! The Check screen's result details: what to do, why, what to watch for,
//! and the sources, in cards; and the "not a diagnosis" line. Apart from
//! `check.rs` so the screen's layout reads on one page.

use egui::{RichText, Ui};

use super::CheckScreen;
use crate::app::icons::Icon;
use crate::app::{theme, ui_kit, widgets};
use crate::look::tokens::SPACE;
use crate::triage::{self, Knowledge};

impl CheckScreen {
    /// Reasons (the result's own level first), advice, what to watch for,
    /// and the sources.
    pub(super) fn result_details(&mut self, ui: &mut Ui, k: &Knowledge) {
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
pub(super) fn caveat(ui: &mut Ui) {
    ui.add(egui::Label::new(RichText::new(triage::NOT_A_DIAGNOSIS).strong()).wrap());
}

//! First run: what Backlog does and does not do, then the profile.
//! Skippable at every step; everything is editable later in Settings.

use egui::{RichText, Ui};

use super::command::Command;
use jiff::civil::Date;

use super::icons::Icon;
use super::profile_form::ProfileForm;
use super::theme::ThemeChoice;
use super::{settings, ui_kit, widgets};
use crate::journal::Profile;
use crate::look::tokens::SPACE;
use crate::triage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Page {
    #[default]
    About,
    Profile,
}

#[derive(Debug, Default)]
pub struct WelcomeScreen {
    page: Page,
    pub form: ProfileForm,
    error: Option<String>,
}

impl WelcomeScreen {
    pub fn new(profile: &Profile, today: Date, proposed: Option<&str>) -> Self {
        Self {
            form: ProfileForm::from_profile(profile, today, proposed),
            ..Self::default()
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        today: Date,
        look: (ThemeChoice, u16),
        commands: &mut Vec<Command>,
    ) {
        ui_kit::page_scroll()
            .id_salt("welcome")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(760.0);
                match self.page {
                    Page::About => self.about(ui, today, look, commands),
                    Page::Profile => self.profile(ui, today, commands),
                }
                super::focus::follow(ui);
            });
    }

    fn about(
        &mut self,
        ui: &mut Ui,
        today: Date,
        look: (ThemeChoice, u16),
        commands: &mut Vec<Command>,
    ) {
        super::a11y::heading(ui, RichText::new("Welcome to Backlog").heading(), 1);
        ui.add_space(SPACE.xs);
        ui_kit::card(ui, Some((Icon::Lightbulb, "What Backlog does")), |ui| {
            ui.label("Backlog helps you look after upper back pain. It can:");
            widgets::bullet(
                ui,
                "check your symptoms and suggest how soon to get care, and why;",
            );
            widgets::bullet(ui, "keep a daily pain journal;");
            widgets::bullet(ui, "print a one-page summary to take to your doctor.");
        });
        ui_kit::section_gap(ui);
        ui_kit::card(ui, Some((Icon::Info, "What it does not do")), |ui| {
            widgets::bullet(
                ui,
                "It does not diagnose you. It cannot examine you. If you are worried, contact a doctor.",
            );
            widgets::bullet(
                ui,
                "In an emergency, call your emergency number at once. Do not wait for the app.",
            );
            widgets::bullet(
                ui,
                "It never sends your data anywhere. Everything stays on this computer.",
            );
        });
        ui.add_space(SPACE.s);
        widgets::note(ui, triage::NOT_A_DIAGNOSIS);
        ui_kit::section_gap(ui);
        settings::look_ui(ui, look.0, look.1, commands);
        ui_kit::section_gap(ui);
        ui_kit::card(ui, Some((Icon::Phone, "Your emergency number")), |ui| {
            self.emergency_number(ui);
        });
        if let Some(e) = &self.error {
            ui.colored_label(widgets::error_color(ui), e);
        }
        ui.add_space(SPACE.s);
        ui.horizontal_wrapped(|ui| {
            if ui_kit::primary_button(ui, true, None, "Continue").clicked() {
                self.page = Page::Profile;
            }
            if ui
                .button("Skip for now")
                .on_hover_text("Keep the emergency number and go straight to the symptom check")
                .clicked()
            {
                self.skip(today, commands);
            }
        });
    }

    /// The emergency number, on the first page so that even someone who
    /// skips the rest confirms it (it was 911 for everyone who skipped).
    fn emergency_number(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("In an emergency, call");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.form.emergency_number)
                        .id_salt("welcome_emergency_number")
                        .desired_width(120.0)
                        .char_limit(16),
                )
                .labelled_by(l.id);
            if r.changed() {
                self.error = None;
            }
        });
        widgets::hint(
            ui,
            if self.form.emergency_number.trim().is_empty() {
                "Type the number you call for an ambulance where you live, such as 911, 999 or 112. Without one, Backlog says \"your local emergency number\"."
            } else {
                "Check that this is the number for an ambulance where you live. It was suggested from your computer's region settings, which can be wrong."
            },
        );
    }

    /// "Skip for now": only the emergency number is kept (it was shown on
    /// this page), if it is a number; otherwise say how to fix it.
    fn skip(&mut self, today: Date, commands: &mut Vec<Command>) {
        let typed = self.form.emergency_number.trim().to_owned();
        let mut profile = self.form.base().clone();
        if profile.emergency_number.trim() == typed {
            commands.push(Command::FinishWelcome(None));
            return;
        }
        profile.emergency_number = typed;
        match profile.check(triage::knowledge(), Some(today)) {
            Ok(()) => {
                self.error = None;
                commands.push(Command::FinishWelcome(Some(profile)));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn profile(&mut self, ui: &mut Ui, today: Date, commands: &mut Vec<Command>) {
        super::a11y::heading(ui, RichText::new("About you").heading(), 1);
        widgets::hint(
            ui,
            "These details make the symptom check fit you. They stay on this computer. Leave out anything you do not want to give.",
        );
        ui.add_space(SPACE.xs);
        self.form.ui(ui);
        if let Some(e) = &self.error {
            ui.colored_label(widgets::error_color(ui), e);
        }
        ui.add_space(SPACE.s);
        ui.horizontal_wrapped(|ui| {
            if ui_kit::primary_button(ui, true, Some(Icon::Check), "Save and start").clicked() {
                match self.form.validate(today) {
                    Ok(values) => {
                        self.error = None;
                        commands.push(Command::FinishWelcome(Some(values)));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            if ui.button("Back").clicked() {
                self.page = Page::About;
            }
            if ui.button("Skip for now").clicked() {
                commands.push(Command::FinishWelcome(None));
            }
        });
    }
}

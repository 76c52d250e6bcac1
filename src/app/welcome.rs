//! First run: what Backlog does and does not do, then the profile.
//! Skippable at every step; everything is editable later in Settings.

use egui::{RichText, ScrollArea, Ui};

use super::command::Command;
use jiff::civil::Date;

use super::profile_form::ProfileForm;
use super::widgets;
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
    pub fn new(profile: &Profile, today: Date) -> Self {
        Self {
            form: ProfileForm::from_profile(profile, today),
            ..Self::default()
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, today: Date, commands: &mut Vec<Command>) {
        ScrollArea::vertical()
            .id_salt("welcome")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(760.0);
                match self.page {
                    Page::About => self.about(ui, commands),
                    Page::Profile => self.profile(ui, today, commands),
                }
            });
    }

    fn about(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.heading("Welcome to Backlog");
        ui.add_space(SPACE.xs);
        ui.label("Backlog helps you look after upper back pain. It can:");
        widgets::bullet(
            ui,
            "check your symptoms and suggest how soon to get care, and why;",
        );
        widgets::bullet(ui, "keep a daily pain journal;");
        widgets::bullet(ui, "print a one-page summary to take to your doctor.");
        ui.add_space(SPACE.xs);
        ui.label(RichText::new("What it does not do").strong());
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
        ui.add_space(SPACE.s);
        widgets::note(ui, triage::NOT_A_DIAGNOSIS);
        ui.add_space(SPACE.s);
        ui.horizontal_wrapped(|ui| {
            if ui.button(RichText::new("Continue").strong()).clicked() {
                self.page = Page::Profile;
            }
            if ui
                .button("Skip for now")
                .on_hover_text("Go straight to the symptom check")
                .clicked()
            {
                commands.push(Command::FinishWelcome(None));
            }
        });
    }

    fn profile(&mut self, ui: &mut Ui, today: Date, commands: &mut Vec<Command>) {
        ui.heading("About you");
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
            if ui
                .button(RichText::new("Save and start").strong())
                .clicked()
            {
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

//! The Settings screen: the profile and emergency number, the look (theme
//! and text size), and the data folder.

use std::path::Path;

use egui::{RichText, ScrollArea, Ui};
use jiff::civil::Date;

use super::command::Command;
use super::profile_form::ProfileForm;
use super::theme::{self, ThemeChoice};
use super::widgets;
use crate::journal::Profile;

pub struct SettingsScreen {
    form: ProfileForm,
    error: Option<String>,
}

impl SettingsScreen {
    pub fn new(profile: &Profile, today: Date) -> Self {
        Self {
            form: ProfileForm::from_profile(profile, today),
            error: None,
        }
    }

    /// Shows the saved profile again (after a save or a restore).
    pub fn reset(&mut self, profile: &Profile, today: Date) {
        *self = Self::new(profile, today);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data_dir: &Path,
        current_theme: ThemeChoice,
        text_scale: u16,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        ScrollArea::vertical()
            .id_salt("settings_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading("Settings");

                widgets::section(ui, "Look");
                ui.horizontal_wrapped(|ui| {
                    ui.label("Theme");
                    for t in ThemeChoice::ALL {
                        if ui.radio(current_theme == t, t.label()).clicked() {
                            commands.push(Command::SetTheme(t));
                        }
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label("Text size");
                    for s in theme::TEXT_SCALES {
                        let b = egui::Button::selectable(text_scale == s, format!("{s}%"));
                        let r = ui.add(b);
                        let name = format!("Text size {s}%");
                        r.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::Button,
                                true,
                                text_scale == s,
                                &name,
                            )
                        });
                        if r.clicked() {
                            commands.push(Command::SetTextScale(s));
                        }
                    }
                });
                widgets::hint(ui, "Ctrl + and Ctrl − also change the text size.");

                widgets::section(ui, "Your details");
                self.form.ui(ui);
                if let Some(e) = &self.error {
                    ui.colored_label(widgets::error_color(ui), e);
                }
                if ui
                    .button(RichText::new("Save my details").strong())
                    .clicked()
                {
                    match self.form.validate(today) {
                        Ok(p) => {
                            self.error = None;
                            commands.push(Command::SaveProfile(p));
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
                if ui.button("Show the welcome pages again").clicked() {
                    commands.push(Command::Navigate(super::Screen::Welcome));
                }

                widgets::section(ui, "Your data");
                widgets::hint(
                    ui,
                    "Everything Backlog keeps is in this folder, on this computer only.",
                );
                ui.horizontal_wrapped(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(data_dir.display().to_string()).monospace())
                            .wrap(),
                    );
                    if ui.button("Open folder").clicked() {
                        commands.push(Command::OpenDataFolder);
                    }
                });
            });
    }
}

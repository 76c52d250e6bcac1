//! The Settings screen: the profile and emergency number, the look (theme
//! and text size), and the data folder.

use std::path::Path;

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::command::{Command, Shortcut};
use super::icons::Icon;
use super::medicine_list::MedicineList;
use super::profile_form::ProfileForm;
use super::theme::{self, ThemeChoice};
use super::{ui_kit, widgets};
use crate::journal::{Medicine, Profile, plural};
use crate::store::{Backup, BackupKind};

/// Backups listed (newest first).
pub const BACKUPS_SHOWN: usize = 20;

pub struct SettingsScreen {
    form: ProfileForm,
    error: Option<String>,
    /// "Your medicines": the list's add, stop and remove forms.
    medicines: MedicineList,
    /// Read by the app after a frame (never while drawing), with each
    /// shown backup's number of days and latest day.
    backups: Vec<Backup>,
    backup_facts: Vec<Option<(usize, Option<Date>)>>,
    /// The backup the person asked to restore, waiting for "Yes, restore".
    confirm: Option<String>,
    /// A file path typed for import (when there is no file dialog).
    import_path: String,
    /// What the chosen import file would change, waiting for "Yes, import".
    import_preview: Option<String>,
    /// Bring a new preview into view once (it may open below the fold).
    scroll_to_preview: bool,
}

impl SettingsScreen {
    pub fn new(profile: &Profile, today: Date, proposed: Option<&str>) -> Self {
        Self {
            form: ProfileForm::from_profile(profile, today, proposed),
            error: None,
            medicines: MedicineList::default(),
            backups: Vec::new(),
            backup_facts: Vec::new(),
            confirm: None,
            import_path: String::new(),
            import_preview: None,
            scroll_to_preview: false,
        }
    }

    /// Shows the saved profile again (after a save or a restore).
    pub fn reset(&mut self, profile: &Profile, today: Date, proposed: Option<&str>) {
        self.form = ProfileForm::from_profile(profile, today, proposed);
        self.error = None;
    }

    /// The saved profile changed elsewhere; see [`ProfileForm::rebase`].
    pub fn profile_changed_elsewhere(&mut self, profile: &Profile) {
        self.form.rebase(profile);
    }

    /// "Save my details" (the button and Ctrl+S): the profile if the form
    /// is valid, otherwise the form's message is shown and nothing is saved.
    pub fn save_command(&mut self, today: Date) -> Option<Command> {
        match self.form.validate(today) {
            Ok(p) => {
                self.error = None;
                Some(Command::SaveProfile(p))
            }
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// The medicine card, told by the app whether its edit was saved.
    pub fn medicine_list(&mut self) -> &mut MedicineList {
        &mut self.medicines
    }

    pub fn set_import_preview(&mut self, preview: Option<String>) {
        self.scroll_to_preview = preview.is_some();
        self.import_preview = preview;
    }

    pub fn set_backups(&mut self, backups: Vec<Backup>, facts: Vec<Option<(usize, Option<Date>)>>) {
        self.backups = backups;
        self.backup_facts = facts;
        self.confirm = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data_dir: &Path,
        medicines: &[Medicine],
        (current_theme, text_scale): (ThemeChoice, u16),
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        ui_kit::page_scroll()
            .id_salt("settings_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::a11y::heading(ui, RichText::new("Settings").heading(), 1);

                look_ui(ui, current_theme, text_scale, commands);

                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::User, "Your details")), |ui| {
                    self.form.ui(ui);
                    if let Some(e) = &self.error {
                        ui.colored_label(widgets::error_color(ui), e);
                    }
                    ui.horizontal_wrapped(|ui| {
                        if ui_kit::primary_button(
                            ui,
                            true,
                            Some(Icon::FloppyDisk),
                            "Save my details",
                        )
                        .on_hover_text(Shortcut::Save.hint(ui.ctx(), "Save your details"))
                        .clicked()
                        {
                            commands.extend(self.save_command(today));
                        }
                        if ui.button("Show the welcome pages again").clicked() {
                            commands.push(Command::Navigate(super::Screen::Welcome));
                        }
                    });
                });

                ui_kit::section_gap(ui);
                self.medicines.ui(ui, medicines, today, commands);

                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::FolderOpen, "Your data")), |ui| {
                    widgets::hint(
                        ui,
                        "Everything Backlog keeps is in this folder, on this computer only.",
                    );
                    ui.horizontal_wrapped(|ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(data_dir.display().to_string()).monospace(),
                            )
                            .wrap(),
                        );
                        if ui.button("Open folder").clicked() {
                            commands.push(Command::OpenDataFolder);
                        }
                    });
                });
                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::Export, "Export and import")), |ui| {
                    self.exchange_ui(ui, commands);
                });
                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::Clock, "Backups")), |ui| {
                    self.backups_ui(ui, commands);
                });
                super::focus::follow(ui);
            });
    }

    fn exchange_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        widgets::hint(
            ui,
            "Export gives a CSV file for a spreadsheet. Import reads a CSV or a Backlog copy (.ron): new days are added, changed days are updated, nothing is deleted.",
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button("Export CSV…").clicked() {
                commands.push(Command::ExportCsv);
            }
            if ui.button("Import…").clicked() {
                commands.push(Command::Import);
            }
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Or type the path of a file to import");
            ui.add(egui::TextEdit::singleline(&mut self.import_path).desired_width(280.0))
                .labelled_by(l.id);
            if ui
                .add_enabled(
                    !self.import_path.trim().is_empty(),
                    egui::Button::new("Import this file"),
                )
                .clicked()
            {
                commands.push(Command::ImportFrom(self.import_path.trim().into()));
            }
        });
        if let Some(preview) = &self.import_preview {
            let r = egui::Frame::group(ui.style())
                .fill(ui.visuals().faint_bg_color)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new("Check before importing").strong());
                    ui.add(egui::Label::new(preview.as_str()).wrap());
                    ui.horizontal_wrapped(|ui| {
                        if ui.button(RichText::new("Yes, import").strong()).clicked() {
                            commands.push(Command::ConfirmImport);
                        }
                        if ui.button("Cancel").clicked() {
                            commands.push(Command::CancelImport);
                        }
                    });
                });
            if std::mem::take(&mut self.scroll_to_preview) {
                r.response.scroll_to_me(Some(egui::Align::Center));
            }
        }
    }

    fn backups_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        widgets::hint(
            ui,
            "Backlog keeps a copy each time it saves. Restoring one puts it back as your journal; what it replaces is kept as a backup too.",
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(plural(self.backups.len(), "backup", "backups"));
            if ui.button("Refresh list").clicked() {
                commands.push(Command::RefreshBackups);
            }
        });
        for (i, b) in self.backups.iter().take(BACKUPS_SHOWN).enumerate() {
            ui.horizontal_wrapped(|ui| {
                let kind = match b.kind {
                    BackupKind::Saved => "saved",
                    BackupKind::BeforeRestore => "before a restore",
                };
                // Told apart by the second it was made and what it holds.
                let when = b
                    .time
                    .to_zoned(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string();
                // Saves within one second share the second: the save
                // number tells them apart (old backups have none).
                let when = match b.save_number {
                    Some(n) => format!("{when}, save {n}"),
                    None => when,
                };
                let holds = match self.backup_facts.get(i).copied().flatten() {
                    Some((n, Some(latest))) => {
                        format!("{}, latest {latest}", plural(n, "day", "days"))
                    }
                    Some((n, None)) => plural(n, "day", "days"),
                    None => format!("{} KB", b.size.div_ceil(1024)),
                };
                ui.label(format!("{when}: {holds} ({kind})"));
                if self.confirm.as_deref() == Some(b.id.as_str()) {
                    if ui.button(RichText::new("Yes, restore").strong()).clicked() {
                        commands.push(Command::RestoreBackup(b.id.clone()));
                        self.confirm = None;
                    }
                    if ui.button("Cancel").clicked() {
                        self.confirm = None;
                    }
                } else {
                    let r = ui.button("Restore");
                    let name = format!("Restore the backup from {when}");
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if r.clicked() {
                        self.confirm = Some(b.id.clone());
                    }
                }
            });
        }
    }
}

/// Theme and text size (applied by the app after the frame).
pub(super) fn look_ui(
    ui: &mut Ui,
    current_theme: ThemeChoice,
    text_scale: u16,
    commands: &mut Vec<Command>,
) {
    ui_kit::card(ui, Some((Icon::Sun, "Look")), |ui| {
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
                    egui::WidgetInfo::selected(egui::Role::Button, true, text_scale == s, &name)
                });
                if r.clicked() {
                    commands.push(Command::SetTextScale(s));
                }
            }
        });
        let (bigger, smaller) = (
            Shortcut::TextBigger.text(Some(ui.ctx())),
            Shortcut::TextSmaller.text(Some(ui.ctx())),
        );
        widgets::hint(
            ui,
            &format!("{bigger} and {smaller} also change the text size."),
        );
    });
}

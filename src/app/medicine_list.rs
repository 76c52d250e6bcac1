//! "Your medicines" on Settings (issue 12): the person's medicine list,
//! built and kept up in the app as `backlog medicine add|stop|remove` does
//! from the command line. Both call the same core functions
//! ([`add_medicine`], [`stop_medicine`], [`remove_medicine`]), so they
//! check the same things and refuse with the same words.
//!
//! Drawing only pushes a [`Command::EditMedicines`]; the app runs it after
//! the frame ([`App::edit_medicines`]), and tells the card whether it was
//! saved, so a refusal keeps the typing on screen. Messages sit in a line
//! kept for them under each form, so nothing moves under the pointer.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::command::Command;
use super::icons::Icon;
use super::{App, theme, ui_kit, widgets};
use crate::journal::{
    Medicine, MedicineKind, MedicineListError, add_medicine, medicines_in_order, parse,
    remove_medicine, stop_medicine,
};
use crate::look::tokens::SPACE;

/// A change to the medicine list, run by the app after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum MedicineEdit {
    Add(Medicine),
    Stop {
        name: String,
        on: Date,
        reason: String,
        side_effects: String,
    },
    Remove(String),
}

impl MedicineEdit {
    /// Applies the edit to `list` through the core; on an error `list` is
    /// unchanged. Returns what to tell the person.
    fn apply(&self, list: &mut Vec<Medicine>, today: Date) -> Result<String, MedicineListError> {
        match self {
            Self::Add(m) => {
                add_medicine(list, m.clone(), today)?;
                Ok(format!("Added {} to your medicine list.", m.name.trim()))
            }
            Self::Stop {
                name,
                on,
                reason,
                side_effects,
            } => {
                let name = stop_medicine(list, name, *on, Some(reason), Some(side_effects), today)?;
                Ok(format!("Noted that you stopped {name} on {on}."))
            }
            Self::Remove(name) => {
                let m = remove_medicine(list, name)?;
                Ok(format!(
                    "Took {} off your medicine list. Days you logged it keep it.",
                    m.name
                ))
            }
        }
    }
}

/// The "Stop" form open under one medicine.
#[derive(Debug, Clone, Default)]
struct Stopping {
    name: String,
    on: String,
    reason: String,
    side_effects: String,
}

/// The card's state: the add form, the open stop form, the remove waiting
/// for "Yes", and the last refusal of each form.
#[derive(Debug, Clone, Default)]
pub struct MedicineList {
    name: String,
    dose: String,
    kind: MedicineKind,
    since: String,
    add_error: Option<String>,
    stopping: Option<Stopping>,
    stop_error: Option<String>,
    confirm_remove: Option<String>,
}

impl MedicineList {
    /// The last edit was saved: clear the forms.
    pub fn saved(&mut self) {
        *self = Self::default();
    }

    /// The last edit was refused: show why under its form; the typing stays.
    pub fn refused(&mut self, edit: &MedicineEdit, message: String) {
        match edit {
            MedicineEdit::Add(_) => self.add_error = Some(message),
            MedicineEdit::Stop { .. } => self.stop_error = Some(message),
            MedicineEdit::Remove(_) => {
                self.confirm_remove = None;
                self.add_error = Some(message);
            }
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        medicines: &[Medicine],
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        ui_kit::card(ui, Some((Icon::Pill, "Your medicines")), |ui| {
            widgets::hint(
                ui,
                "The medicines you take. Today shows them as tick boxes, and your doctor's summary lists them.",
            );
            if medicines.is_empty() {
                ui.label(RichText::new("No medicines on your list yet.").weak());
            }
            for m in medicines_in_order(medicines) {
                self.row(ui, m, today, commands);
            }
            ui.add_space(SPACE.s);
            self.add_form(ui, commands);
        });
    }

    /// One medicine: what it is, then Stop and Remove (named for it).
    fn row(&mut self, ui: &mut Ui, m: &Medicine, today: Date, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            let text = m.describe();
            if m.stop.is_some() {
                ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
            } else {
                ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
            }
            if self.confirm_remove.as_deref() == Some(m.name.as_str()) {
                if named_button(ui, "Yes, remove", &format!("Yes, remove {}", m.name)).clicked() {
                    commands.push(Command::EditMedicines(MedicineEdit::Remove(m.name.clone())));
                }
                if named_button(ui, "Keep", &format!("Keep {}", m.name)).clicked() {
                    self.confirm_remove = None;
                }
                return;
            }
            if m.stop.is_none() && named_button(ui, "Stop…", &format!("Stop {}", m.name)).clicked()
            {
                self.stopping = Some(Stopping {
                    name: m.name.clone(),
                    on: today.to_string(),
                    reason: String::new(),
                    side_effects: m.side_effects.clone(),
                });
                self.stop_error = None;
            }
            if named_button(ui, "Remove", &format!("Remove {}", m.name)).clicked() {
                self.confirm_remove = Some(m.name.clone());
            }
        });
        if self.confirm_remove.as_deref() == Some(m.name.as_str()) {
            widgets::hint(
                ui,
                "Remove it only if it was a mistake. If you stopped taking it, use Stop: your doctor will want to know.",
            );
        }
        if self.stopping.as_ref().is_some_and(|s| s.name == m.name) {
            self.stop_form(ui, commands);
        }
    }

    fn stop_form(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(s) = self.stopping.as_mut() else {
            return;
        };
        let name = s.name.clone();
        let mut submit = false;
        let mut cancel = false;
        egui::Frame::group(ui.style())
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                field(
                    ui,
                    &format!("Day you stopped {name} (YYYY-MM-DD)"),
                    &mut s.on,
                );
                field(
                    ui,
                    &format!("Why you stopped {name} (optional)"),
                    &mut s.reason,
                );
                field(
                    ui,
                    &format!("Side effects of {name} (optional)"),
                    &mut s.side_effects,
                );
                ui.horizontal_wrapped(|ui| {
                    submit = ui_kit::primary_button(
                        ui,
                        true,
                        Some(Icon::Check),
                        &format!("Save that you stopped {name}"),
                    )
                    .clicked();
                    cancel =
                        named_button(ui, "Cancel", &format!("Cancel stopping {name}")).clicked();
                });
                message_line(ui, "medicine_stop_message", self.stop_error.as_deref());
            });
        if cancel {
            self.stopping = None;
            self.stop_error = None;
        } else if submit && let Some(s) = &self.stopping {
            match parse::date(&s.on) {
                Ok(on) => {
                    self.stop_error = None;
                    commands.push(Command::EditMedicines(MedicineEdit::Stop {
                        name: s.name.clone(),
                        on,
                        reason: s.reason.clone(),
                        side_effects: s.side_effects.clone(),
                    }));
                }
                Err(e) => self.stop_error = Some(e.to_string()),
            }
        }
    }

    fn add_form(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        widgets::section(ui, "Add a medicine");
        field(ui, "Medicine name", &mut self.name);
        field(ui, "Dose and how often (optional)", &mut self.dose);
        ui.horizontal_wrapped(|ui| {
            ui.label("Taken");
            for k in MedicineKind::ALL {
                if ui.radio(self.kind == k, k.label()).clicked() {
                    self.kind = k;
                }
            }
        });
        field(ui, "Started on (optional, YYYY-MM-DD)", &mut self.since);
        ui.add_space(SPACE.xs);
        if ui_kit::primary_button(ui, true, Some(Icon::Plus), "Add to my medicine list").clicked() {
            match self.draft() {
                Ok(m) => {
                    self.add_error = None;
                    commands.push(Command::EditMedicines(MedicineEdit::Add(m)));
                }
                Err(e) => self.add_error = Some(e),
            }
        }
        message_line(ui, "medicine_add_message", self.add_error.as_deref());
    }

    /// The add form as a medicine; only the date is checked here (the core
    /// checks the rest when the app runs the edit).
    fn draft(&self) -> Result<Medicine, String> {
        let start = match self.since.trim() {
            "" => None,
            t => Some(parse::date(t).map_err(|e| e.to_string())?),
        };
        Ok(Medicine {
            name: self.name.clone(),
            dose: self.dose.clone(),
            kind: self.kind,
            start,
            ..Medicine::default()
        })
    }
}

/// Fields are this many text heights wide, so "400 mg three times a
/// day" fits at every text size.
const FIELD_EMS: f32 = 16.0;

/// A one-line text field with its label above it (no grid: it reads the
/// same at every text size and window width, and settles in one frame).
fn field(ui: &mut Ui, label: &str, value: &mut String) {
    let l = ui.label(label);
    let width = (theme::body_size(ui) * FIELD_EMS).min(ui.available_width());
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id);
}

/// A button showing `text`, named `name` for screen readers (so five
/// "Remove" buttons read as "Remove Ibuprofen", "Remove Naproxen"…).
fn named_button(ui: &mut Ui, text: &str, name: &str) -> egui::Response {
    let r = ui.button(text);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    r
}

/// The line kept for a form's message: the refusal in the error colour
/// (announced), or an empty line of the same height, so the controls
/// below do not jump when a message comes or goes.
fn message_line(ui: &mut Ui, id: &str, message: Option<&str>) {
    match message {
        Some(m) => {
            let r =
                ui.add(egui::Label::new(RichText::new(m).color(widgets::error_color(ui))).wrap());
            super::a11y::live(ui.ctx(), r.id, false);
        }
        None => {
            ui.push_id(id, |ui| ui.label(" "));
        }
    }
}

impl App {
    /// Runs a change to the medicine list: checked on the list as shown
    /// first (a refusal saves nothing), then applied to the list as it is
    /// on disk.
    pub(super) fn edit_medicines(&mut self, edit: &MedicineEdit) {
        let today = self.today_date();
        let mut trial = self.data.journal().medicines.clone();
        if let Err(e) = edit.apply(&mut trial, today) {
            self.settings.medicine_list().refused(edit, e.to_string());
            return;
        }
        let mut outcome = None;
        let saved = self.change(|j| outcome = Some(edit.apply(&mut j.medicines, today)));
        match outcome {
            Some(Ok(said)) if saved => {
                self.settings.medicine_list().saved();
                self.notices.info(said);
            }
            Some(Err(e)) => self.settings.medicine_list().refused(edit, e.to_string()),
            // Not saved: the store's notice says why; the typing stays.
            _ => {}
        }
    }
}

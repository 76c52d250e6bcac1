//! The profile as a form: what First run and Settings edit. Text fields stay
//! text until "Save" so a half-typed age is never lost or rejected mid-typing;
//! `validate` turns the form into values with one plain message per problem.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::widgets;
use crate::triage;

/// The profile values the app works with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileValues {
    pub name: String,
    pub age: Option<u8>,
    pub history: BTreeSet<String>,
    pub cancer_details: String,
    pub emergency_number: String,
}

#[derive(Debug, Clone, Default)]
pub struct ProfileForm {
    pub name: String,
    pub age: String,
    pub history: BTreeSet<String>,
    pub cancer_details: String,
    pub emergency_number: String,
}

impl ProfileForm {
    pub fn from_values(v: &ProfileValues) -> Self {
        Self {
            name: v.name.clone(),
            age: v.age.map(|a| a.to_string()).unwrap_or_default(),
            history: v.history.clone(),
            cancer_details: v.cancer_details.clone(),
            emergency_number: v.emergency_number.clone(),
        }
    }

    /// Checks the form; the error says what to fix.
    pub fn validate(&self) -> Result<ProfileValues, String> {
        let age = match self.age.trim() {
            "" => None,
            t => match t.parse::<u8>() {
                Ok(a) if a <= triage::MAX_AGE => Some(a),
                _ => {
                    return Err(format!(
                        "Age must be a whole number from 0 to {}. Fix it or leave it empty.",
                        triage::MAX_AGE
                    ));
                }
            },
        };
        let number = self.emergency_number.trim();
        if number.is_empty() {
            return Err(
                "Type the number you call in an emergency (for example 911, 999 or 112).".into(),
            );
        }
        if !number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-'))
        {
            return Err("The emergency number can only have digits, spaces, + and -.".into());
        }
        Ok(ProfileValues {
            name: self.name.trim().to_owned(),
            age,
            history: self.history.clone(),
            cancer_details: self.cancer_details.trim().to_owned(),
            emergency_number: number.to_owned(),
        })
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        egui::Grid::new("profile_grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let l = ui.label("Your name (optional)");
                ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(240.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Your age in years");
                ui.add(
                    egui::TextEdit::singleline(&mut self.age)
                        .desired_width(60.0)
                        .char_limit(3),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Emergency number");
                ui.add(
                    egui::TextEdit::singleline(&mut self.emergency_number)
                        .desired_width(120.0)
                        .char_limit(16),
                )
                .labelled_by(l.id)
                .on_hover_text(
                    "The number you call for an ambulance where you live, such as 911, 999 or 112",
                );
                ui.end_row();
            });
        let k = triage::knowledge();
        for group in k.groups().iter().filter(|g| g.history) {
            widgets::section(ui, &group.title);
            for f in k.findings_in(&group.id) {
                let mut on = self.history.contains(&f.id);
                if ui
                    .checkbox(&mut on, &f.label)
                    .on_hover_text(&f.why)
                    .changed()
                {
                    if on {
                        self.history.insert(f.id.clone());
                    } else {
                        self.history.remove(&f.id);
                    }
                }
            }
        }
        let any_cancer = self
            .history
            .iter()
            .any(|id| id.starts_with("history_cancer") || id == "history_bone_mets");
        if any_cancer {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label("About your cancer (optional): type, when, treatment");
                ui.add(egui::TextEdit::singleline(&mut self.cancer_details).desired_width(320.0))
                    .labelled_by(l.id);
            });
        }
        ui.label(RichText::new("You can change all of this later in Settings.").weak());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_explains_each_problem() {
        let mut f = ProfileForm {
            emergency_number: "911".into(),
            ..Default::default()
        };
        assert_eq!(f.validate().map(|v| v.age), Ok(None));
        f.age = "abc".into();
        assert!(f.validate().unwrap_err().contains("whole number"));
        f.age = " 58 ".into();
        assert_eq!(f.validate().map(|v| v.age), Ok(Some(58)));
        f.emergency_number = "  ".into();
        assert!(f.validate().unwrap_err().contains("emergency"));
        f.emergency_number = "call 911".into();
        assert!(f.validate().unwrap_err().contains("digits"));
    }
}

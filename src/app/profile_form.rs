//! The profile as a form: what First run and Settings edit. Text fields stay
//! text until "Save" so a half-typed age is never lost or rejected mid-typing;
//! `validate` turns the form into values with one plain message per problem.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use jiff::civil::Date;

use super::widgets;
use crate::journal::{Age, Profile};
use crate::look::tokens::SPACE;
use crate::triage;

#[derive(Debug, Clone, Default)]
pub struct ProfileForm {
    pub name: String,
    pub age: String,
    pub history: BTreeSet<String>,
    pub cancer_details: String,
    pub emergency_number: String,
    /// The profile this form started from (keeps fields the form does not edit).
    base: Profile,
}

impl ProfileForm {
    pub fn from_profile(p: &Profile, today: Date) -> Self {
        Self {
            name: p.name.clone().unwrap_or_default(),
            age: p.age_on(today).map(|a| a.to_string()).unwrap_or_default(),
            history: p.history.clone(),
            cancer_details: p.cancer_details.clone(),
            emergency_number: p.emergency_number.clone(),
            base: p.clone(),
        }
    }

    /// The saved profile changed while the form was open (the paper picked
    /// on the Summary screen): keep what is typed, and take the fields the
    /// form does not edit from `p`, so saving the form does not undo it.
    pub fn rebase(&mut self, p: &Profile) {
        self.base = p.clone();
    }

    /// Checks the form; the error says what to fix.
    pub fn validate(&self, today: Date) -> Result<Profile, String> {
        let age = match self.age.trim() {
            "" => None,
            t => match t.parse::<u8>() {
                Ok(a) if a <= triage::MAX_AGE => {
                    // Keep a birth year given on the command line if it still fits.
                    if self.base.age_on(today) == Some(a) {
                        self.base.age
                    } else {
                        Some(Age::Years {
                            years: a,
                            on: today,
                        })
                    }
                }
                _ => {
                    return Err(format!(
                        "Age must be a whole number from 0 to {}. Fix it or leave it empty.",
                        triage::MAX_AGE
                    ));
                }
            },
        };
        let name = self.name.trim();
        let profile = Profile {
            age,
            name: (!name.is_empty()).then(|| name.to_owned()),
            history: self.history.clone(),
            cancer_details: self.cancer_details.trim().to_owned(),
            emergency_number: self.emergency_number.trim().to_owned(),
            // Fields the form does not edit come from the saved profile.
            ..self.base.clone()
        };
        // A chemotherapy or pregnancy box ticked just now is dated today.
        let mut profile = profile;
        profile.stamp_history(triage::knowledge(), today);
        profile
            .check(triage::knowledge(), Some(today))
            .map_err(|e| e.to_string())?;
        Ok(profile)
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        egui::Grid::new("profile_grid")
            .num_columns(2)
            .spacing([SPACE.m, SPACE.s])
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
        let today = Date::constant(2026, 11, 24);
        let mut f = ProfileForm::from_profile(&Profile::default(), today);
        assert_eq!(f.validate(today).map(|p| p.age), Ok(None));
        f.age = "abc".into();
        assert!(f.validate(today).unwrap_err().contains("whole number"));
        f.age = " 58 ".into();
        assert_eq!(f.validate(today).map(|p| p.age_on(today)), Ok(Some(58)));
        f.emergency_number = "call 911".into();
        assert!(f.validate(today).is_err());
    }
}

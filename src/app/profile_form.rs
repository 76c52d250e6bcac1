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
    pub doctor_number: String,
    pub urgent_care_number: String,
    pub cancer_team_number: String,
    /// The emergency number was filled in from the system's locale, not
    /// by the person: the form asks them to check it.
    proposed: bool,
    /// The profile this form started from (keeps fields the form does not edit).
    base: Profile,
}

impl ProfileForm {
    /// The form for `p`. Without an emergency number in the profile, the
    /// one `proposed` for the system's locale is filled in for the person
    /// to check.
    pub fn from_profile(p: &Profile, today: Date, proposed: Option<&str>) -> Self {
        let (emergency_number, proposed) = match (p.emergency_number_set(), proposed) {
            (Some(n), _) => (n.to_owned(), false),
            (None, Some(n)) => (n.to_owned(), true),
            (None, None) => (String::new(), false),
        };
        Self {
            name: p.name.clone().unwrap_or_default(),
            age: p.age_on(today).map(|a| a.to_string()).unwrap_or_default(),
            history: p.history.clone(),
            cancer_details: p.cancer_details.clone(),
            emergency_number,
            doctor_number: p.doctor_number.clone(),
            urgent_care_number: p.urgent_care_number.clone(),
            cancer_team_number: p.cancer_team_number.clone(),
            proposed,
            base: p.clone(),
        }
    }

    /// The saved profile changed while the form was open (the paper picked
    /// on the Summary screen): keep what is typed, and take the fields the
    /// form does not edit from `p`, so saving the form does not undo it.
    pub fn rebase(&mut self, p: &Profile) {
        self.base = p.clone();
    }

    /// The saved profile the form started from.
    pub fn base(&self) -> &Profile {
        &self.base
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
            doctor_number: self.doctor_number.trim().to_owned(),
            urgent_care_number: self.urgent_care_number.trim().to_owned(),
            cancer_team_number: self.cancer_team_number.trim().to_owned(),
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
        self.details_grid(ui);
        self.history_ui(ui);
        ui.label(RichText::new("You can change all of this later in Settings.").weak());
    }

    /// Name, age, the emergency number (with where it came from) and the
    /// other numbers, as labelled rows.
    fn details_grid(&mut self, ui: &mut Ui) {
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
                ui.vertical(|ui| {
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.emergency_number)
                                .desired_width(120.0)
                                .char_limit(16),
                        )
                        .labelled_by(l.id)
                        .on_hover_text(
                            "The number you call for an ambulance where you live, such as 911, 999 or 112",
                        );
                    if r.changed() {
                        self.proposed = false;
                    }
                    let note = if self.proposed {
                        "Suggested from your computer's region settings. Check that it is right where you live."
                    } else if self.emergency_number.trim().is_empty() {
                        "Not set: Backlog will say \"your local emergency number\"."
                    } else {
                        "The number you call for an ambulance where you live."
                    };
                    widgets::hint(ui, note);
                });
                ui.end_row();
                for (label, hint, value) in [
                    (
                        "Your doctor's number (optional)",
                        "Your doctor or practice, for \"speak to a doctor today\"",
                        &mut self.doctor_number,
                    ),
                    (
                        "Urgent care number (optional)",
                        "An urgent-care or advice line, such as 111 in England",
                        &mut self.urgent_care_number,
                    ),
                    (
                        "Cancer team's 24-hour number (optional)",
                        "If you are under a cancer team: their 24-hour line",
                        &mut self.cancer_team_number,
                    ),
                ] {
                    let l = ui.label(label);
                    ui.add(
                        egui::TextEdit::singleline(value)
                            .desired_width(200.0)
                            .char_limit(30),
                    )
                    .labelled_by(l.id)
                    .on_hover_text(hint);
                    ui.end_row();
                }
            });
    }

    /// The health-history boxes by group, and the cancer details line when
    /// a cancer box is ticked.
    fn history_ui(&mut self, ui: &mut Ui) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_explains_each_problem() {
        let today = Date::constant(2026, 11, 24);
        let mut f = ProfileForm::from_profile(&Profile::default(), today, None);
        assert_eq!(f.validate(today).map(|p| p.age), Ok(None));
        f.age = "abc".into();
        assert!(f.validate(today).unwrap_err().contains("whole number"));
        f.age = " 58 ".into();
        assert_eq!(f.validate(today).map(|p| p.age_on(today)), Ok(Some(58)));
        f.emergency_number = "call 911".into();
        assert!(f.validate(today).is_err());
        f.emergency_number = String::new();
        assert!(
            f.validate(today).is_ok(),
            "the emergency number may stay unset"
        );
        f.doctor_number = "ring the surgery".into();
        assert!(
            f.validate(today)
                .unwrap_err()
                .contains("Your doctor's number")
        );
    }

    #[test]
    fn a_proposed_number_fills_an_empty_field_but_never_replaces_a_set_one() {
        let today = Date::constant(2026, 11, 24);
        let f = ProfileForm::from_profile(&Profile::default(), today, Some("999"));
        assert_eq!(f.emergency_number, "999");
        assert!(f.proposed);
        let set = Profile {
            emergency_number: "112".into(),
            ..Profile::default()
        };
        let f = ProfileForm::from_profile(&set, today, Some("999"));
        assert_eq!(f.emergency_number, "112");
        assert!(!f.proposed);
    }
}

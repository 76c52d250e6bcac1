//! What a screen asks the app to do. Screens push commands while drawing;
//! the app runs them after the frame, so no file, dialog or PDF work ever
//! happens inside a drawing closure.

use super::profile_form::ProfileValues;
use super::screen::Screen;
use super::theme::ThemeChoice;
use crate::triage::Level;

/// A finished symptom check, as the Check screen hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckToSave {
    pub age: u8,
    pub findings: Vec<String>,
    pub level: Level,
    pub rule_ids: Vec<String>,
    pub rules_version: String,
}

#[must_use]
#[derive(Debug, Clone)]
pub enum Command {
    Navigate(Screen),
    SetTheme(ThemeChoice),
    SetTextScale(u16),
    /// Keep a check for the summary.
    SaveCheck(CheckToSave),
    /// The first-run pages are done: with the profile to save, or skipped.
    FinishWelcome(Option<ProfileValues>),
    SaveProfile(ProfileValues),
    Dismiss(u64),
}

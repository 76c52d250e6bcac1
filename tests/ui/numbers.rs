//! The numbers people call: the emergency number proposed from the locale
//! and confirmed on the welcome page, "your local emergency number" when
//! unknown, and the doctor's, urgent-care and cancer team's numbers on the
//! 24-hour banner.

use backlog::app::{App, Command, Config, Screen};
use backlog::journal::{Age, Profile};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use super::{TODAY, harness_sized, ready};

fn config_with_locale(dir: &std::path::Path, locale: Option<&str>) -> Config {
    Config {
        locale: locale.map(str::to_owned),
        ..super::config(dir)
    }
}

#[test]
fn the_welcome_page_proposes_the_number_for_the_locale_and_skip_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::new(config_with_locale(dir.path(), Some("en-GB")));
    let mut h = harness_sized(app, 1000.0, 1400.0);
    h.run();
    assert_eq!(h.state().screen(), Screen::Welcome);
    let field = h.get_by_role_and_label(Role::TextInput, "In an emergency, call");
    assert_eq!(field.value().as_deref(), Some("999"));
    h.get_by_label_contains("suggested from your computer's region settings");
    // The banners already use it, before anything is saved.
    h.get_by_label_contains("In an emergency, call 999.");
    h.get_by_label("Skip for now").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Check);
    assert_eq!(h.state().journal_data().profile.emergency_number, "999");
}

#[test]
fn a_changed_number_on_the_welcome_page_is_kept_and_a_bad_one_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::new(config_with_locale(dir.path(), Some("en-US")));
    let mut h = harness_sized(app, 1000.0, 1400.0);
    h.run();
    let field = || Role::TextInput;
    h.get_by_role_and_label(field(), "In an emergency, call")
        .focus();
    h.run();
    for _ in 0..3 {
        h.key_press(egui::Key::Backspace);
        h.run();
    }
    h.get_by_role_and_label(field(), "In an emergency, call")
        .type_text("call 112");
    h.run();
    h.get_by_label("Skip for now").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Welcome, "not skipped");
    h.get_by_label_contains("is not a phone number");
    assert_eq!(h.state().journal_data().profile.emergency_number, "");
}

#[test]
fn with_no_number_and_no_locale_the_banner_says_your_local_emergency_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config_with_locale(dir.path(), None)));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    h.get_by_label_contains("In an emergency, call your local emergency number.");
    assert!(h.query_by_label_contains("911").is_none());
}

/// "Speak to a doctor today" shows the doctor's, the urgent-care and the
/// cancer team's numbers when they are set.
#[test]
fn the_24_hour_banner_shows_the_numbers_that_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config_with_locale(dir.path(), None)));
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 55,
            on: TODAY,
        }),
        history: ["history_cancer_breast".to_owned()].into(),
        emergency_number: "999".into(),
        doctor_number: "0161 496 0000".into(),
        urgent_care_number: "111".into(),
        cancer_team_number: "0161 446 3000".into(),
        ..Profile::default()
    }));
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    let said = super::banner_text(&h).unwrap_or_default();
    assert!(said.starts_with("Speak to a doctor today."), "{said}");
    assert!(
        said.contains(
            "Your doctor: 0161 496 0000   ·   Urgent care: 111   ·   Your cancer team: 0161 446 3000"
        ),
        "{said}"
    );
    // Settings keeps them, and a number that is not one is explained.
    h.state_mut().run(Command::Navigate(Screen::Settings));
    h.run();
    let doctor = h.get_by_role_and_label(Role::TextInput, "Your doctor's number (optional)");
    assert_eq!(doctor.value().as_deref(), Some("0161 496 0000"));
}

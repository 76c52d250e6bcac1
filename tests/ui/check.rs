//! The Check screen, driven through egui_kittest (no GPU, no display):
//! controls are found by their accessible labels, which also proves they
//! have them.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, Screen};
use backlog::journal::{Age, Profile};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{TODAY, config, harness, harness_sized, ready};

fn app_in(dir: &std::path::Path) -> App {
    ready(App::new(config(dir)))
}

#[test]
fn ticking_chest_pain_shows_the_ambulance_banner_with_the_emergency_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 62,
            on: TODAY,
        }),
        emergency_number: "999".into(),
        ..Profile::default()
    }));
    let mut h = harness(app);
    h.run();
    assert_eq!(h.state().screen(), Screen::Check);
    assert!(h.query_by_label("Call an ambulance now").is_none());
    h.get_by_role_and_label(
        Role::CheckBox,
        "Pain, pressure, tightness, heaviness or squeezing in your chest",
    )
    .click();
    h.run();
    h.get_by_label("Call an ambulance now");
    h.get_by_label("Call 999");
}

#[test]
fn cancer_history_plus_a_lifting_strain_still_shows_within_24_hours() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 45,
            on: TODAY,
        }),
        emergency_number: "112".into(),
        history: ["history_cancer_breast".to_owned()].into(),
        ..Profile::default()
    }));
    let mut h = harness(app);
    h.run();
    // History is pre-filled from the profile.
    let cancer = h.get_by_role_and_label(Role::CheckBox, "Breast cancer (now or in the past)");
    assert_eq!(
        cancer.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    h.get_by_role_and_label(
        Role::CheckBox,
        "It started during or soon after something physical: lifting, twisting, carrying, a new workout, yard work, or sleeping awkwardly",
    )
    .click();
    h.run();
    h.get_by_label("Speak to a doctor today");
    assert!(h.query_by_label("Look after it at home for now").is_none());
}

#[test]
fn a_plain_strain_with_no_flags_is_calm_and_says_not_a_diagnosis() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 30,
            on: TODAY,
        }),
        emergency_number: "911".into(),
        ..Profile::default()
    }));
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(
        Role::CheckBox,
        "It started during or soon after something physical: lifting, twisting, carrying, a new workout, yard work, or sleeping awkwardly",
    )
    .click();
    h.run();
    h.get_by_label("Look after it at home for now");
    assert!(h.query_by_label("Call 911").is_none());
    assert!(
        h.query_by_label_contains("This is not a diagnosis")
            .is_some()
    );
}

/// Ticking a box that changes the level must not move the list under the
/// pointer: the banner keeps one height for every level, in a roomy and in
/// a short window at the largest text size.
#[test]
fn the_list_stays_put_when_the_banner_changes_level() {
    for (size, scale) in [((1280.0, 800.0), 100), ((800.0, 600.0), 200)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        app.run(Command::SaveProfile(Profile {
            age: Some(Age::Years {
                years: 40,
                on: TODAY,
            }),
            ..Profile::default()
        }));
        app.run(Command::SetTextScale(scale));
        let mut h = harness_sized(app, size.0, size.1);
        h.run();
        let chest = "Pain, pressure, tightness, heaviness or squeezing in your chest";
        let calm = h.get_by_role_and_label(Role::CheckBox, chest).rect();
        h.get_by_role_and_label(Role::CheckBox, chest).click();
        h.run();
        h.get_by_label_contains("Call 911");
        let urgent = h.get_by_role_and_label(Role::CheckBox, chest).rect();
        assert_eq!(calm, urgent, "at {size:?} and {scale}%");
        h.get_by_role_and_label(Role::CheckBox, chest).click();
        h.run();
        assert!(h.query_by_label_contains("Call 911").is_none());
        let back = h.get_by_role_and_label(Role::CheckBox, chest).rect();
        assert_eq!(calm, back, "at {size:?} and {scale}%");
    }
}

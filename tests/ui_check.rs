//! The Check screen, driven through egui_kittest (no GPU, no display):
//! controls are found by their accessible labels, which also proves they
//! have them.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, Config, ProfileValues, Screen};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_in(dir: &std::path::Path) -> App {
    let mut app = App::new(Config {
        data_dir: dir.to_path_buf(),
        today: jiff::civil::Date::new(2026, 11, 24).ok(),
    });
    app.run(Command::FinishWelcome(None));
    app
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

#[test]
fn ticking_chest_pain_shows_the_ambulance_banner_with_the_emergency_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(ProfileValues {
        age: Some(62),
        emergency_number: "999".into(),
        ..ProfileValues::default()
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

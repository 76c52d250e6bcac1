//! Today and Journal through egui_kittest (no GPU): logging persists to the
//! data folder, warning symptoms show the banner, delete can be undone.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, Screen};
use backlog::journal::{Age, EntryDraft, Profile};
use backlog::store::MemoryStore;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::Date;

use super::{TODAY, config, harness, harness_sized, ready};

#[test]
fn logging_todays_pain_is_there_in_a_new_app_on_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(ready(App::new(config(dir.path()))));
    h.run();
    h.get_by_role_and_label(Role::Button, "Today").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Today);
    h.get_by_label("Pain now 6").click();
    h.run();
    assert_eq!(
        h.state().journal_data().entry(TODAY).map(|e| e.pain),
        Some(6)
    );
    h.state_mut().save_now();
    drop(h);

    // A new instance: the entry is on disk, and the journal shows it.
    let mut h = harness(App::new(config(dir.path())));
    h.run();
    assert_eq!(
        h.state().journal_data().entry(TODAY).map(|e| e.pain),
        Some(6)
    );
    h.get_by_role_and_label(Role::Button, "Journal").click();
    h.run();
    h.get_by_label("pain 6/10");
    h.get_by_label("Delete Tue 24 Nov 2026");
}

#[test]
fn a_warning_symptom_in_a_journal_entry_shows_the_triage_banner() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 55,
            on: TODAY,
        }),
        emergency_number: "000".into(),
        ..Profile::default()
    }));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    assert!(h.query_by_label("Call an ambulance now").is_none());
    let weak = "New weakness, heaviness or clumsiness in both legs, or in your arms. If it is one side of your body, tick the stroke box.";
    h.get_by_role_and_label(Role::CheckBox, weak).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, weak).click();
    h.run();
    h.get_by_label("Go to an emergency department right now");
    h.get_by_label("If you cannot get there safely, call 000");
}

/// Ticking a warning symptom brings the banner in above the form, and
/// unticking it takes it away. The next click at the same spot must never
/// land on a different symptom, and the box must stay in view: in a roomy
/// window it stays exactly where it was; in a short one, where the banner
/// covers the spot, the form moves down below the banner instead.
#[test]
fn the_symptom_list_stays_put_when_the_banner_comes_and_goes() {
    for (size, scale) in [((1000.0, 800.0), 100), ((800.0, 600.0), 200)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = ready(App::new(config(dir.path())));
        app.run(Command::SetTextScale(scale));
        app.run(Command::Navigate(Screen::Today));
        let mut h = harness_sized(app, size.0, size.1);
        h.run();
        let chest = "Pain, pressure, tightness, heaviness or squeezing in your chest";
        h.get_by_role_and_label(Role::CheckBox, chest)
            .scroll_to_me();
        h.run();
        let at = |h: &Harness<'_, App>| h.get_by_role_and_label(Role::CheckBox, chest).rect();
        let calm = at(&h);
        let spot = calm.center();
        let other_box_at_spot = |h: &Harness<'_, App>| {
            h.get_all_by_role(Role::CheckBox)
                .filter(|n| n.rect().contains(spot))
                .filter_map(|n| n.accesskit_node().label())
                .find(|l| l != chest)
        };

        h.get_by_role_and_label(Role::CheckBox, chest).click();
        h.run();
        assert!(
            super::banner_text(&h).is_some_and(|t| t.contains("Call your local emergency number"))
        );
        let urgent = at(&h);
        let pinned_bottom = h
            .get_by_role_and_label(Role::Button, "See why, and what to watch for")
            .rect()
            .bottom();
        assert!(
            urgent.top() >= pinned_bottom,
            "at {size:?}/{scale}%: hidden under the banner"
        );
        assert_eq!(other_box_at_spot(&h), None, "at {size:?}/{scale}%");
        if scale == 100 {
            assert!(
                (calm.top() - urgent.top()).abs() < 1.0,
                "at {size:?}/{scale}%: {calm:?} then {urgent:?}"
            );
        }

        h.get_by_role_and_label(Role::CheckBox, chest).click();
        h.run();
        assert!(
            !super::banner_text(&h).is_some_and(|t| t.contains("Call your local emergency number"))
        );
        let back = at(&h);
        assert!(
            (urgent.top() - back.top()).abs() < 1.0,
            "at {size:?}/{scale}%: {urgent:?} then {back:?}"
        );
    }
}

/// A saved day with a warning symptom shows the banner when it is opened
/// again; an earlier day says when the symptoms were noted.
#[test]
fn a_saved_day_with_a_warning_symptom_shows_the_banner_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    let yesterday = TODAY.yesterday().unwrap();
    for day in [TODAY, yesterday] {
        let mut d = EntryDraft::new(day);
        d.pain = Some(4);
        d.symptoms.insert("chest_pain".into());
        app.run(Command::SaveEntry(d));
    }
    app.save_now();
    drop(app);

    let mut app = App::new(config(dir.path()));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Call your local emergency number");
    assert!(h.query_by_label_contains("Noted on").is_none());

    h.get_by_role_and_label(Role::Button, "Previous day")
        .click();
    h.run();
    h.get_by_label("Noted on Mon 23 Nov. If you have them now:");
    h.get_by_label("Call your local emergency number");
}

#[test]
fn delete_then_undo_brings_the_entry_back() {
    let store = MemoryStore::default();
    // The folder (for ui.ron) lives as long as the test, so none is left behind.
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::with_storage(config(dir.path()), Box::new(store)));
    for (day, pain) in [(22, 3), (23, 4), (24, 5)] {
        let mut d = EntryDraft::new(Date::constant(2026, 11, day));
        d.pain = Some(pain);
        d.note = format!("day {day}");
        app.run(Command::SaveEntry(d));
    }
    app.run(Command::Navigate(Screen::Journal));
    let mut h = harness(app);
    h.run();
    assert_eq!(h.state().journal_data().entries().len(), 3);
    h.get_by_label("Delete Mon 23 Nov 2026").click();
    h.run();
    assert!(
        h.state()
            .journal_data()
            .entry(Date::constant(2026, 11, 23))
            .is_none()
    );
    assert!(h.query_by_label("Delete Mon 23 Nov 2026").is_none());
    h.get_by_label("Undo delete").click();
    h.run();
    let back = h
        .state()
        .journal_data()
        .entry(Date::constant(2026, 11, 23))
        .cloned();
    assert_eq!(
        back.map(|e| (e.pain, e.note)),
        Some((4, "day 23".to_owned()))
    );
    h.get_by_label("Delete Mon 23 Nov 2026");
}

#[test]
fn a_full_disk_is_reported_in_the_window_and_the_typing_is_kept() {
    // Share the fake so the test can look inside after the app used it.
    let shared = std::sync::Arc::new(MemoryStore::default());
    // The folder (for ui.ron) lives as long as the test, so none is left behind.
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::with_storage(
        config(dir.path()),
        Box::new(shared.clone()),
    ));
    shared.fail_next(MemoryStore::disk_full());
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Pain now 7").click();
    h.run();
    let notices = h.state().notice_texts();
    assert!(
        notices.iter().any(|n| n.contains("could not save")),
        "{notices:?}"
    );
    assert_eq!(shared.saves(), 0);
    // Still selected in the form, and saving again works.
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(shared.snapshot().entry(TODAY).map(|e| e.pain), Some(7));
}

#[test]
fn typing_survives_switching_screens_and_closing_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    let notes = "Anything else about today";
    h.get_by_role_and_label(Role::MultilineTextInput, notes)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, notes)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, notes)
        .type_text("stiff after the long drive");
    h.run();
    h.get_by_role_and_label(Role::Button, "Trends").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Today").click();
    h.run();
    assert_eq!(
        h.state()
            .prefs()
            .today_draft
            .as_ref()
            .map(|d| d.note.as_str()),
        Some("stiff after the long drive")
    );
    // Closing the window (eframe calls on_exit → save_now) keeps the draft.
    h.state_mut().save_now();
    drop(h);
    let mut h = harness(App::new(config(dir.path())));
    h.run();
    assert_eq!(h.state().screen(), Screen::Today);
    h.get_by_label("Not saved yet. Your typing is kept until you save.");
    assert_eq!(
        h.state()
            .prefs()
            .today_draft
            .as_ref()
            .map(|d| d.note.as_str()),
        Some("stiff after the long drive")
    );
    // Nothing was written to the journal until the person saves.
    assert!(h.state().journal_data().entries().is_empty());
}

#[test]
fn a_journal_locked_by_another_window_is_explained_and_nothing_is_lost() {
    let shared = std::sync::Arc::new(MemoryStore::default());
    // The folder (for ui.ron) lives as long as the test, so none is left behind.
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::with_storage(
        config(dir.path()),
        Box::new(shared.clone()),
    ));
    app.run(Command::Navigate(Screen::Check));
    shared.fail_next(backlog::store::StoreError::Busy {
        path: "/data/journal.lock".into(),
    });
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Your age").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Your age")
        .type_text("40");
    h.run();
    h.get_by_label("Save this check").click();
    h.run();
    let notices = h.state().notice_texts();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("close the other Backlog windows")),
        "{notices:?}"
    );
    assert!(shared.snapshot().checks.is_empty());
    // Once the other window is done, the same click saves the check.
    h.get_by_label("Save this check").click();
    h.run();
    let checks = shared.snapshot().checks;
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].age, 40);
}

#[test]
fn a_saved_confirmation_fades_but_an_error_stays() {
    let shared = std::sync::Arc::new(MemoryStore::default());
    // The folder (for ui.ron) lives as long as the test, so none is left behind.
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::with_storage(
        config(dir.path()),
        Box::new(shared.clone()),
    ));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Pain now 3").click();
    h.run();
    h.get_by_label("Saved your entry for today.");
    h.run_steps(600); // ten seconds at 60 frames a second
    assert!(h.query_by_label("Saved your entry for today.").is_none());

    shared.fail_next(MemoryStore::disk_full());
    h.get_by_label("Pain now 4").click();
    h.run();
    h.run_steps(600);
    assert!(super::shows_text(&h, "could not save"));
}

#[test]
fn the_body_map_works_from_the_keyboard_and_is_named_for_screen_readers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    let region = "Between the shoulder blades";
    h.get_by_role_and_label(Role::CheckBox, region)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, region).focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    let draft = h.state().prefs().today_draft.clone().unwrap();
    assert!(
        draft
            .regions
            .contains(&backlog::journal::Region::BetweenShoulderBlades)
    );
    assert_eq!(draft.regions.len(), 1);
}

/// Earlier activities are offered on Today from the statistics' count: the
/// last two years, one button per tag whatever its capitals, and none
/// already on the day.
#[test]
fn earlier_tags_are_offered_once_each_from_the_last_two_years() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    let day = |y, m, d, tags: &[&str]| EntryDraft {
        pain: Some(3),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ..EntryDraft::new(Date::constant(y, m, d))
    };
    for draft in [
        day(2023, 2, 1, &["skiing"]),
        day(2026, 11, 1, &["Gardening"]),
        day(2026, 11, 2, &["gardening", "desk work"]),
        day(2026, 11, 3, &["Gardening"]),
    ] {
        app.run(Command::SaveEntry(draft));
    }
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    h.get_by_label("+ Gardening");
    h.get_by_label("+ desk work");
    assert!(h.query_by_label("+ gardening").is_none(), "grouped by case");
    assert!(h.query_by_label("+ skiing").is_none(), "over two years ago");
}

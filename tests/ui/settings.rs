//! First run, Settings and errors through egui_kittest (no GPU).
#![cfg(feature = "gui")]

use backlog::app::{App, Screen, ThemeChoice};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::Date;

use super::{TODAY, config};

/// Settings is long: a tall window shows all of it.
fn harness(app: App) -> Harness<'static, App> {
    super::harness_sized(app, 1000.0, 2000.0)
}

fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn first_run_saves_the_profile_and_opens_the_check_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(App::new(config(dir.path())));
    h.run();
    assert_eq!(h.state().screen(), Screen::Welcome);
    h.get_by_label("Welcome to Backlog");
    h.get_by_label_contains("It does not diagnose you");
    h.get_by_label("Continue").click();
    h.run();
    type_into(&mut h, "Your age in years", "67");
    type_into(&mut h, "Emergency number", "999");
    h.get_by_role_and_label(
        Role::CheckBox,
        "You have heart disease (angina, a past heart attack, a stent or bypass)",
    )
    .click();
    h.run();
    h.get_by_label("Save and start").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Check);
    let profile = &h.state().journal_data().profile;
    assert_eq!(profile.age_on(TODAY), Some(67));
    // The field started empty (no locale in tests).
    assert_eq!(profile.emergency_number, "999");
    assert!(profile.history.contains("heart_history"));
    assert!(h.state().prefs().welcomed);

    // The next start skips the welcome and keeps the profile.
    drop(h);
    let mut h = harness(App::new(config(dir.path())));
    h.run();
    assert_eq!(h.state().screen(), Screen::Check);
    assert_eq!(h.state().journal_data().profile.age_on(TODAY), Some(67));
}

#[test]
fn first_run_can_be_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(App::new(config(dir.path())));
    h.run();
    h.get_by_label("Skip for now").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Check);
    // No age and nothing ticked: no level yet, and it says how to get one.
    h.get_by_label_contains("or type your age, to see a result");
}

#[test]
fn changing_the_text_size_applies_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    app.run(backlog::app::Command::Navigate(Screen::Settings));
    let mut h = harness(app);
    h.run();
    let before = h
        .get_by_role_and_label(Role::Heading, "Settings")
        .rect()
        .height();
    h.get_by_label("Text size 200%").click();
    h.run();
    assert_eq!(h.state().prefs().text_scale, 200);
    let after = h
        .get_by_role_and_label(Role::Heading, "Settings")
        .rect()
        .height();
    assert!(
        after > before * 1.8,
        "heading grew from {before} to {after}"
    );
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.state().prefs().theme, ThemeChoice::Dark);
    drop(h);
    let app = App::new(config(dir.path()));
    assert_eq!(app.prefs().text_scale, 200);
    assert_eq!(app.prefs().theme, ThemeChoice::Dark);
}

#[test]
fn a_journal_that_will_not_load_is_kept_and_the_newest_backup_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    // Make a good journal with a backup, then damage the file.
    let store = backlog::store::Store::open(dir.path()).unwrap();
    store
        .update(|j| {
            j.profile.emergency_number = "112".into();
            Ok::<_, backlog::store::StoreError>(())
        })
        .unwrap();
    let path = store.journal_path();
    std::fs::write(&path, "(version: 1, entries: [oops").unwrap();

    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    let mut h = harness(app);
    h.run();
    let notices = h.state().notice_texts();
    assert!(
        notices.iter().any(
            |n| n.contains("could not read your journal (line 1, column")
                && n.contains("nothing will be saved over it")
                && n.contains(&path.display().to_string())
        ),
        "{notices:?}"
    );
    // Saving now is refused: the damaged file is never overwritten.
    h.state_mut()
        .run(backlog::app::Command::Navigate(Screen::Today));
    h.run();
    h.get_by_label("Pain now 2").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(version: 1, entries: [oops"
    );
    // The offered backup brings the journal back.
    h.get_by_label_contains("Restore the backup from").click();
    h.run();
    assert_eq!(h.state().journal_data().profile.emergency_number, "112");
    assert!(std::fs::read_to_string(&path).unwrap().contains("112"));
}

#[test]
fn keyboard_shortcuts_switch_screens_and_change_the_text_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    h.run();
    assert_eq!(h.state().screen(), Screen::Journal);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    h.run();
    assert_eq!(h.state().screen(), Screen::Today);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    assert_eq!(h.state().prefs().text_scale, 125);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    assert_eq!(h.state().prefs().text_scale, 100);
}

#[test]
fn export_then_import_by_typed_path_brings_the_entries_into_another_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    for (day, pain) in [(20, 2), (21, 6)] {
        let mut d = backlog::journal::EntryDraft::new(Date::constant(2026, 11, day));
        d.pain = Some(pain);
        app.run(backlog::app::Command::SaveEntry(d));
    }
    let csv = dir.path().join("export.csv");
    app.run(backlog::app::Command::ExportCsvTo(csv.clone()));
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .contains("2026-11-21")
    );

    let other = tempfile::tempdir().unwrap();
    let mut app = App::new(config(other.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    app.run(backlog::app::Command::Navigate(Screen::Settings));
    let mut h = harness(app);
    h.run();
    type_into(
        &mut h,
        "Or type the path of a file to import",
        csv.to_str().unwrap(),
    );
    h.get_by_label("Import this file").click();
    h.run();
    // First a preview: nothing changes until the person says yes.
    h.get_by_label_contains("would add 2 days and update 0 days");
    assert_eq!(h.state().journal_data().entries().len(), 0);
    h.get_by_label("Yes, import").scroll_to_me();
    h.run();
    h.get_by_label("Yes, import").click();
    h.run();
    assert!(h.query_by_label("Yes, import").is_none());
    let j = h.state().journal_data();
    assert_eq!(j.entries().len(), 2);
    assert_eq!(
        j.entry(Date::constant(2026, 11, 21)).map(|e| e.pain),
        Some(6)
    );
    let notices = h.state().notice_texts();
    assert!(
        notices.iter().any(|n| n.contains("2 days added")),
        "{notices:?}"
    );
}

#[test]
fn ctrl_s_saves_the_details_on_settings_and_the_notes_on_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    app.run(backlog::app::Command::Navigate(Screen::Settings));
    let mut h = harness(app);
    h.run();
    type_into(&mut h, "Emergency number", "999");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(h.state().journal_data().profile.emergency_number, "999");

    // A form that does not validate is not saved, and says why.
    type_into(&mut h, "Your age in years", "300");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(h.state().journal_data().profile.age_on(TODAY), None);
    h.get_by_label_contains("Age must be a whole number");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    h.get_by_role_and_label(Role::MultilineTextInput, "What I want the doctor to know")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "What I want the doctor to know")
        .type_text("Worse after desk work");
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(
        h.state().journal_data().summary_notes.doctor_note,
        "Worse after desk work"
    );
}

#[test]
fn an_import_preview_names_the_days_it_would_replace_and_cancel_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    for (day, pain) in [(20, 2), (21, 6)] {
        let mut d = backlog::journal::EntryDraft::new(Date::constant(2026, 11, day));
        d.pain = Some(pain);
        app.run(backlog::app::Command::SaveEntry(d));
    }
    let csv = dir.path().join("export.csv");
    app.run(backlog::app::Command::ExportCsvTo(csv.clone()));
    // Change one day after the export: importing would put it back.
    let mut d = backlog::journal::EntryDraft::new(Date::constant(2026, 11, 21));
    d.pain = Some(9);
    app.run(backlog::app::Command::SaveEntry(d));
    let before = std::fs::read(dir.path().join("journal.ron")).ok();

    app.run(backlog::app::Command::Navigate(Screen::Settings));
    app.run(backlog::app::Command::ImportFrom(csv));
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains("would add 0 days and update 1 day. 1 day already the same");
    h.get_by_label_contains("replaced by the file's: 2026-11-21.");
    h.get_by_label("Cancel").scroll_to_me();
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Yes, import").is_none());
    assert_eq!(
        h.state()
            .journal_data()
            .entry(Date::constant(2026, 11, 21))
            .map(|e| e.pain),
        Some(9)
    );
    assert_eq!(std::fs::read(dir.path().join("journal.ron")).ok(), before);
    assert!(
        h.state()
            .notice_texts()
            .iter()
            .any(|n| n == "Nothing was imported.")
    );
}

#[test]
fn an_export_or_summary_named_like_the_journal_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path()));
    app.run(backlog::app::Command::FinishWelcome(None));
    let mut d = backlog::journal::EntryDraft::new(Date::constant(2026, 11, 20));
    d.pain = Some(4);
    app.run(backlog::app::Command::SaveEntry(d));
    let journal = dir.path().join("journal.ron");
    let before = std::fs::read(&journal).unwrap();

    app.run(backlog::app::Command::ExportCsvTo(journal.clone()));
    app.run(backlog::app::Command::SavePdfTo(
        backlog::summary::SummaryRequest::default(),
        journal.clone(),
    ));
    let refusals = app
        .notice_texts()
        .into_iter()
        .filter(|t| t.contains("one of Backlog's own files"))
        .count();
    assert_eq!(refusals, 2, "{:?}", app.notice_texts());
    assert_eq!(std::fs::read(&journal).unwrap(), before);
    assert_eq!(app.journal_data().entries().len(), 1);
}

/// With no backup to offer, the message says how to fix the file, and the
/// file's path comes last (a full stop after it would look like part of it).
#[test]
fn a_journal_that_will_not_load_and_has_no_backup_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.ron");
    std::fs::write(&path, "(version: 1, entries: [oops").unwrap();
    let app = App::new(config(dir.path()));
    let notices = app.notice_texts();
    let text = notices
        .iter()
        .find(|n| n.contains("could not read your journal"))
        .unwrap_or_else(|| panic!("{notices:?}"));
    assert!(text.contains("There is no good backup"), "{text}");
    assert!(
        text.ends_with(&format!("File: {}", path.display())),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(version: 1, entries: [oops"
    );
}

//! The medicine widgets on Today (issue 12): what was used before is
//! offered again, and each medicine taken gets a 0–10 relief rating that
//! is saved with the day. And "Your medicines" on Settings: the list
//! built, stopped and pruned through the window, checked as the CLI
//! checks it.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, MedicineEdit, Screen};
use backlog::journal::{EntryDraft, Medicine, MedicineKind, MedicineTaken};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::Date;

use super::{TODAY, config, harness, ready};

#[test]
fn medicines_used_before_come_back_with_a_relief_rating() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::SaveEntry(EntryDraft {
        pain: Some(4),
        medicines: vec![MedicineTaken::from_name_and_dose("Ibuprofen 400 mg")],
        treatments: vec!["heat pad".into()],
        ..EntryDraft::new(Date::constant(2026, 11, 20))
    }));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Pain now 6").click();
    h.run();
    h.get_by_label("+ Ibuprofen 400 mg").scroll_to_me();
    h.run();
    h.get_by_label("+ Ibuprofen 400 mg").click();
    h.run();
    // Offered once: now on the form, no longer offered.
    assert!(h.query_by_label("+ Ibuprofen 400 mg").is_none());
    h.get_by_label("+ heat pad").scroll_to_me();
    h.run();
    h.get_by_label("+ heat pad").click();
    h.run();
    h.get_by_label("Ibuprofen helped 7 of 10").scroll_to_me();
    h.run();
    h.get_by_label("Ibuprofen helped 7 of 10").click();
    h.run();
    // Shown as chosen (the node's debug form is the stable public view).
    let seven = format!("{:?}", h.get_by_label("Ibuprofen helped 7 of 10"));
    assert!(seven.contains("toggled: True"), "{seven}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let entry = h.state().journal_data().entry(TODAY).cloned();
    let entry = entry.unwrap();
    assert_eq!(entry.medicines.len(), 1);
    assert_eq!(entry.medicines[0].name, "Ibuprofen");
    assert_eq!(entry.medicines[0].dose, "400 mg");
    assert_eq!(entry.medicines[0].relief, Some(7));
    assert_eq!(entry.treatments, ["heat pad"]);
}

/// Settings, in a window tall enough to lay all of it out, with `list`
/// already on the medicine list.
fn settings_with(dir: &std::path::Path, list: &[&str]) -> egui_kittest::Harness<'static, App> {
    let mut app = ready(App::new(config(dir)));
    for name in list {
        app.run(Command::EditMedicines(MedicineEdit::Add(Medicine {
            name: (*name).into(),
            start: Some(Date::constant(2026, 9, 1)),
            ..Medicine::default()
        })));
    }
    app.run(Command::Navigate(Screen::Settings));
    let mut h = super::harness_sized(app, 1000.0, 2600.0);
    h.run();
    h
}

fn type_into(h: &mut egui_kittest::Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

fn click(h: &mut egui_kittest::Harness<'static, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// The list as saved in the data folder.
fn stored(dir: &std::path::Path) -> Vec<Medicine> {
    backlog::store::Store::open(dir)
        .unwrap()
        .load()
        .unwrap()
        .medicines
}

#[test]
fn settings_adds_stops_and_removes_a_medicine_in_the_stored_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_with(dir.path(), &[]);
    h.get_by_label("No medicines on your list yet.");
    type_into(&mut h, "Medicine name", "Naproxen");
    type_into(
        &mut h,
        "Dose and how often (optional)",
        "250 mg twice a day",
    );
    type_into(&mut h, "Started on (optional, YYYY-MM-DD)", "2026-09-01");
    click(&mut h, "Add to my medicine list");
    let list = stored(dir.path());
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "Naproxen");
    assert_eq!(list[0].dose, "250 mg twice a day");
    assert_eq!(list[0].kind, MedicineKind::Regular);
    assert_eq!(list[0].start, Some(Date::constant(2026, 9, 1)));
    // The form is cleared for the next one.
    let name = h.get_by_role_and_label(Role::TextInput, "Medicine name");
    assert_eq!(name.accesskit_node().value().unwrap_or_default(), "");

    type_into(&mut h, "Medicine name", "Paracetamol");
    click(&mut h, "As needed");
    click(&mut h, "Add to my medicine list");
    assert_eq!(stored(dir.path())[1].kind, MedicineKind::AsNeeded);

    click(&mut h, "Stop Naproxen");
    type_into(
        &mut h,
        "Why you stopped Naproxen (optional)",
        "upset stomach",
    );
    type_into(&mut h, "Side effects of Naproxen (optional)", "heartburn");
    click(&mut h, "Save that you stopped Naproxen");
    let naproxen = stored(dir.path())
        .into_iter()
        .find(|m| m.name == "Naproxen");
    let naproxen = naproxen.unwrap();
    assert_eq!(naproxen.stop, Some(TODAY));
    assert_eq!(naproxen.reason_stopped, "upset stomach");
    assert_eq!(naproxen.side_effects, "heartburn");
    // Stopped: still listed, quieter, with no second Stop.
    assert!(h.query_by_label("Stop Naproxen").is_none());
    assert!(super::shows_text(&h, "stopped 2026-11-24 (upset stomach)"));

    // Remove asks first; "Keep" changes nothing.
    click(&mut h, "Remove Paracetamol");
    assert_eq!(stored(dir.path()).len(), 2);
    click(&mut h, "Keep Paracetamol");
    assert_eq!(stored(dir.path()).len(), 2);
    click(&mut h, "Remove Paracetamol");
    click(&mut h, "Yes, remove Paracetamol");
    let names: Vec<String> = stored(dir.path()).into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["Naproxen"]);
}

#[test]
fn a_bad_dose_or_date_is_refused_with_one_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_with(dir.path(), &["Naproxen"]);
    let journal_file = |dir: &std::path::Path| {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .map(|p| (p.clone(), std::fs::read(p).unwrap()))
            .collect();
        files.sort();
        files
    };
    let before = journal_file(dir.path());
    let refusals = [
        (
            "Started on (optional, YYYY-MM-DD)",
            "2026-13-01",
            "is not a date",
        ),
        (
            "Started on (optional, YYYY-MM-DD)",
            "2026-12-01",
            "is after today",
        ),
        (
            "Dose and how often (optional)",
            "250 mg | twice",
            "separate",
        ),
    ];
    for (field, text, says) in refusals {
        // A fresh form each time: the name, then the one bad field.
        let mut h = settings_with(dir.path(), &[]);
        type_into(&mut h, "Medicine name", "Codeine");
        type_into(&mut h, field, text);
        click(&mut h, "Add to my medicine list");
        let shown: Vec<String> = h
            .query_all_by(|n| {
                n.role() == Role::Label && n.value().is_some_and(|v| v.contains(says))
            })
            .map(|n| n.accesskit_node().value().unwrap_or_default())
            .collect();
        assert_eq!(shown.len(), 1, "{field} = {text}: {shown:?}");
        assert_eq!(journal_file(dir.path()), before, "{field} = {text}");
        // The typing stays to be fixed.
        let kept = h.get_by_role_and_label(Role::TextInput, "Medicine name");
        assert_eq!(kept.accesskit_node().value().unwrap_or_default(), "Codeine");
    }
    // A stop day before the start, and one that is not a date.
    click(&mut h, "Stop Naproxen");
    for (day, says) in [
        ("2026-08-01", "give a stop day on or after"),
        ("yesterday", "is not a date"),
    ] {
        let field = "Day you stopped Naproxen (YYYY-MM-DD)";
        h.get_by_role_and_label(Role::TextInput, field).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(day);
        h.run();
        click(&mut h, "Save that you stopped Naproxen");
        assert!(super::shows_text(&h, says), "{day}");
        assert_eq!(journal_file(dir.path()), before, "{day}");
    }
    assert_eq!(stored(dir.path())[0].stop, None);
}

#[test]
fn each_medicine_control_has_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_with(dir.path(), &["Ibuprofen", "Naproxen", "Codeine"]);
    click(&mut h, "Stop Naproxen");
    click(&mut h, "Remove Codeine");
    let mut seen = std::collections::BTreeSet::new();
    for n in h.query_all_by(|n| {
        matches!(
            n.role(),
            Role::Button | Role::TextInput | Role::RadioButton | Role::CheckBox
        )
    }) {
        let n = n.accesskit_node();
        let name = n.label().or_else(|| n.value()).unwrap_or_default();
        assert!(!name.trim().is_empty(), "an unnamed {:?}", n.role());
        // The three quick saves above made backups within one second:
        // their Restore buttons are told apart by the save number.
        assert!(seen.insert(name.clone()), "two controls named {name:?}");
    }
    for name in [
        "Stop Ibuprofen",
        "Remove Ibuprofen",
        "Remove Naproxen",
        "Save that you stopped Naproxen",
        "Cancel stopping Naproxen",
        "Day you stopped Naproxen (YYYY-MM-DD)",
        "Yes, remove Codeine",
        "Keep Codeine",
        "Add to my medicine list",
    ] {
        assert!(seen.contains(name), "{name} in {seen:?}");
    }
}

#[test]
fn today_offers_the_regular_medicines_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    for (name, kind) in [
        ("Paracetamol", MedicineKind::AsNeeded),
        ("Naproxen", MedicineKind::Regular),
    ] {
        app.run(Command::EditMedicines(MedicineEdit::Add(Medicine {
            name: name.into(),
            kind,
            ..Medicine::default()
        })));
    }
    app.run(Command::Navigate(Screen::Today));
    let mut h = super::harness_sized(app, 1000.0, 2600.0);
    h.run();
    h.get_by_label("Pain now 3").click();
    h.run();
    let at = |label: &str| {
        let r = h.get_by_role_and_label(Role::CheckBox, label).rect();
        (r.min.y, r.min.x)
    };
    assert!(at("Naproxen") < at("Paracetamol"), "regular first");
}

//! The medicine widgets on Today (issue 12): what was used before is
//! offered again, and each medicine taken gets a 0–10 relief rating that
//! is saved with the day.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, Screen};
use backlog::journal::{EntryDraft, MedicineTaken};
use egui_kittest::kittest::Queryable;
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

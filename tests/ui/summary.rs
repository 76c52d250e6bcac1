//! The Summary screen through egui_kittest (no GPU): the preview shows the
//! page model, and the PDF command writes a real PDF.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, Screen};
use backlog::summary::SummaryRequest;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use super::{TODAY, config, harness, harness_sized, ready};

/// A data folder holding 60 days of the sample journal, ending today.
fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = backlog::journal::sample::journal(TODAY, 60, 3);
    backlog::store::Store::open(dir.path())
        .unwrap()
        .update(|j| {
            *j = sample.clone();
            Ok::<_, backlog::store::StoreError>(())
        })
        .unwrap();
    dir
}

#[test]
fn the_summary_preview_shows_the_page_and_the_pdf_is_written() {
    let dir = sample_folder();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Summary));
    let mut h = harness_sized(app, 1000.0, 2400.0);
    h.run();
    h.get_by_label("What the page will show");
    h.get_by_label_contains("Upper back pain summary for Alex Sample");
    h.get_by_role_and_label(Role::Button, "Save PDF…");

    // The doctor note is saved into the journal and shows on the page.
    let note = h.get_by_role_and_label(Role::MultilineTextInput, "What I want the doctor to know");
    note.focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "What I want the doctor to know")
        .type_text(" Worse when driving.");
    h.run();
    h.get_by_label("Save notes").click();
    h.run();
    assert!(
        h.state()
            .journal_data()
            .summary_notes
            .doctor_note
            .ends_with("Worse when driving.")
    );

    let out = dir.path().join("out.pdf");
    h.state_mut()
        .run(Command::SavePdfTo(SummaryRequest::default(), out.clone()));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(
        h.state()
            .notice_texts()
            .iter()
            .any(|n| n.contains("Saved the summary"))
    );
}

/// Trends says which number is a daily average and which a single worst
/// score, so "worst 10" next to a chart that never passes 8 is not puzzling.
#[test]
fn trends_names_the_worst_score_and_the_best_daily_average() {
    let dir = sample_folder();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Trends));
    let mut h = harness_sized(app, 1000.0, 2400.0);
    h.run();
    h.get_by_label("Worst pain (highest single score)");
    h.get_by_label("Best day (lowest daily average)");
    h.get_by_label_contains("Each dot is one day's average pain");
}

/// The paper chosen on the Summary screen is kept in the profile, so a
/// person on A4 paper picks it once, not at every visit.
#[test]
fn the_chosen_paper_is_remembered() {
    use backlog::journal::Paper;
    use egui::accesskit::Toggled;
    use egui_kittest::kittest::NodeT;

    let dir = tempfile::tempdir().unwrap();
    let open = |app: App| {
        let mut h = harness(app);
        h.run();
        h
    };
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Summary));
    let mut h = open(app);
    assert_eq!(h.state().journal_data().profile.paper, Paper::Letter);
    h.get_by_role_and_label(Role::RadioButton, "A4").click();
    h.run();
    assert_eq!(h.state().journal_data().profile.paper, Paper::A4);
    // Saving the details in Settings (whose form opened before) keeps it.
    h.get_by_role_and_label(Role::Button, "Settings").click();
    h.run();
    h.get_by_label("Save my details").scroll_to_me();
    h.run();
    h.get_by_label("Save my details").click();
    h.run();
    assert!(
        h.state()
            .notice_texts()
            .iter()
            .any(|n| n.contains("Your details are saved")),
        "the details were saved"
    );
    assert_eq!(h.state().journal_data().profile.paper, Paper::A4);
    h.state_mut().save_now();
    drop(h);

    let mut app = App::new(config(dir.path()));
    app.run(Command::Navigate(Screen::Summary));
    let h = open(app);
    let a4 = h.get_by_role_and_label(Role::RadioButton, "A4");
    assert_eq!(a4.accesskit_node().toggled(), Some(Toggled::True));
    let letter = h.get_by_role_and_label(Role::RadioButton, "US Letter");
    assert_eq!(letter.accesskit_node().toggled(), Some(Toggled::False));
}

/// What is typed for the doctor is on the preview at once, and the PDF has
/// it without "Save notes"; leaving the screen or closing the window saves
/// it; picking the paper meanwhile does not wipe it.
#[test]
fn typed_notes_reach_the_preview_and_pdf_and_survive_leaving_and_closing() {
    let dir = sample_folder();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Summary));
    let mut h = harness_sized(app, 1000.0, 2400.0);
    h.run();
    let field = "My questions (one a line, up to 5)";
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .type_text("Could it be my posture at work?");
    h.run();
    // On the preview, not saved yet.
    assert!(super::shows_text(&h, "Could it be my posture at work?"));
    let asked = "Could it be my posture at work?";
    let saved = |h: &egui_kittest::Harness<'static, App>| {
        h.state()
            .journal_data()
            .summary_notes
            .questions
            .iter()
            .any(|q| q == asked)
    };
    assert!(!saved(&h));
    // The paper is saved in the profile: the typing stays.
    h.get_by_role_and_label(Role::RadioButton, "A4").click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::MultilineTextInput, field)
            .value()
            .as_deref(),
        Some("Could it be my posture at work?")
    );
    // Leaving the screen saves it.
    h.get_by_role_and_label(Role::Button, "Trends").click();
    h.run();
    assert!(saved(&h));

    // Typed again and the window closed: kept.
    h.get_by_role_and_label(Role::Button, "Summary").click();
    h.run();
    let note = "What I want the doctor to know";
    h.get_by_role_and_label(Role::MultilineTextInput, note)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, note)
        .type_text(" Worse at night.");
    h.run();
    h.state_mut().save_now();
    drop(h);
    let app = App::new(config(dir.path()));
    assert!(
        app.journal_data()
            .summary_notes
            .doctor_note
            .ends_with("Worse at night.")
    );
}

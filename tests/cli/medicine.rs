//! What the summary prints, set from the command line: `backlog medicine`,
//! `summary note`, `summary question`, `profile set --sex --pain-started`
//! and `assess --save`. Each refusal exits 2 with one line and leaves the
//! data folder byte for byte as it was; a journal that does not load exits
//! 1 and is left alone.

use std::path::Path;

use crate::common::{bad_input, fails, ok};
use crate::disk::tree;

/// A data folder with Naproxen (regular, since 2026-09-01) and Paracetamol
/// (as needed) on the list.
fn with_medicines() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &[
            "medicine",
            "add",
            "Naproxen",
            "--dose",
            "250 mg twice a day",
            "--start",
            "2026-09-01",
        ],
    );
    ok(
        d,
        &[
            "medicine",
            "add",
            "Paracetamol",
            "--dose",
            "1 g",
            "--as-needed",
        ],
    );
    dir
}

/// The PDF's text with the spaces taken out (the layout splits lines).
fn pdf_text(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).unwrap();
    pdf_extract::extract_text_from_mem(&bytes)
        .unwrap()
        .split_whitespace()
        .collect()
}

/// Refused with exit 2 and one line, and the folder is unchanged.
fn refused(dir: &Path, args: &[&str]) -> String {
    let before = tree(dir);
    let err = bad_input(dir, args);
    assert_eq!(tree(dir), before, "{args:?} changed the data folder");
    err
}

#[test]
fn medicines_are_added_stopped_listed_and_removed() {
    let data = with_medicines();
    let d = data.path();
    let list = ok(d, &["medicine", "list"]);
    assert!(
        list.contains("- Naproxen, 250 mg twice a day, regular, since 2026-09-01"),
        "{list}"
    );
    assert!(list.contains("- Paracetamol, 1 g, as needed"), "{list}");
    // The name matches whatever its case; the list keeps its own spelling.
    let stopped = ok(
        d,
        &[
            "medicine",
            "stop",
            "naproxen",
            "--on",
            "2026-11-02",
            "--reason",
            "upset stomach",
            "--side-effects",
            "heartburn",
        ],
    );
    assert!(
        stopped.starts_with("Noted that you stopped Naproxen on 2026-11-02"),
        "{stopped}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(d, &["medicine", "list", "--json"])).unwrap();
    assert_eq!(json[0]["stop"], "2026-11-02");
    assert_eq!(json[0]["reason_stopped"], "upset stomach");
    assert_eq!(json[0]["side_effects"], "heartburn");
    assert_eq!(json[1]["kind"], "as_needed");
    ok(d, &["medicine", "remove", "PARACETAMOL"]);
    let list = ok(d, &["medicine", "list"]);
    assert!(!list.contains("Paracetamol"), "{list}");
    assert!(list.contains("Naproxen"), "{list}");
}

#[test]
fn medicine_refusals_change_nothing() {
    let data = with_medicines();
    let d = data.path();
    let err = refused(d, &["medicine", "add", "naproxen"]);
    assert!(err.contains("already on your medicine list"), "{err}");
    let err = refused(d, &["medicine", "stop", "Codeine"]);
    assert!(err.contains("the list has Naproxen, Paracetamol"), "{err}");
    let err = refused(d, &["medicine", "remove", "Codeine"]);
    assert!(err.contains("not on your medicine list"), "{err}");
    let err = refused(d, &["medicine", "stop", "Naproxen", "--on", "2026-08-01"]);
    assert!(err.contains("was started on 2026-09-01"), "{err}");
    let err = refused(d, &["medicine", "stop", "Naproxen", "--on", "2999-01-01"]);
    assert!(err.contains("after today"), "{err}");
    let err = refused(d, &["medicine", "add", "Ibuprofen", "--start", "yesterday"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    refused(d, &["medicine", "add", " "]);
    let long = "x".repeat(5000);
    refused(d, &["medicine", "add", "Ibuprofen", "--dose", &long]);
}

#[test]
fn the_note_and_the_questions_are_written_listed_and_removed() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    assert!(ok(d, &["summary", "note"]).starts_with("No note for your doctor"));
    ok(
        d,
        &[
            "summary",
            "note",
            "--text",
            "The pain wakes me most nights.",
        ],
    );
    assert!(ok(d, &["summary", "note"]).contains("The pain wakes me most nights."));
    for i in 1..=5 {
        ok(
            d,
            &["summary", "question", "add", &format!("Question {i}?")],
        );
    }
    let err = refused(d, &["summary", "question", "add", "Question 6?"]);
    assert!(err.contains("already have 5 questions"), "{err}");
    let err = refused(d, &["summary", "question", "remove", "9"]);
    assert!(err.contains("from 1 to 5"), "{err}");
    refused(d, &["summary", "question", "remove", "two"]);
    refused(d, &["summary", "question", "add", "  "]);
    refused(d, &["summary", "note", "--text", " "]);
    let out = ok(d, &["summary", "question", "remove", "2"]);
    assert!(out.starts_with("Removed: Question 2?"), "{out}");
    let list = ok(d, &["summary", "question", "list"]);
    assert_eq!(
        list.lines().collect::<Vec<_>>(),
        [
            "1. Question 1?",
            "2. Question 3?",
            "3. Question 4?",
            "4. Question 5?"
        ]
    );
    // What was set is what the PDF prints.
    let pdf = d.join("s.pdf");
    ok(d, &["summary", "--out", pdf.to_str().unwrap()]);
    let text = pdf_text(&pdf);
    for phrase in ["Thepainwakesmemostnights.", "Question1?", "Question5?"] {
        assert!(text.contains(phrase), "{phrase} is not in the PDF");
    }
    assert!(!text.contains("Question2?"));
    ok(d, &["summary", "note", "--clear"]);
    assert!(ok(d, &["summary", "note"]).starts_with("No note for your doctor"));
}

#[test]
fn sex_and_pain_start_are_set_and_printed() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let out = ok(
        d,
        &[
            "profile",
            "set",
            "--sex",
            "Female",
            "--pain-started",
            "2026-10-03",
        ],
    );
    assert!(out.contains("Sex: Female"), "{out}");
    assert!(out.contains("Pain started: 2026-10-03"), "{out}");
    let err = refused(d, &["profile", "set", "--sex", "x"]);
    assert!(err.contains("female, male or other"), "{err}");
    let err = refused(d, &["profile", "set", "--pain-started", "2999-01-01"]);
    assert!(err.contains("after today"), "{err}");
    let out = ok(d, &["profile", "set", "--sex", ""]);
    assert!(out.contains("Sex: -"), "{out}");
}

#[test]
fn assess_save_keeps_the_check_for_the_summary() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    // Without --save nothing is written.
    ok(d, &["assess", "--age", "58", "pain_at_night"]);
    assert!(tree(d).is_empty(), "assess without --save wrote files");
    let out = ok(d, &["assess", "--age", "58", "--save", "pain_at_night"]);
    assert!(
        out.trim_end()
            .ends_with("It will be on your doctor's summary."),
        "{out}"
    );
    let pdf = d.join("s.pdf");
    ok(d, &["summary", "--out", pdf.to_str().unwrap()]);
    let text = pdf_text(&pdf);
    assert!(text.contains("Latestsymptomcheck"), "{text}");
    assert!(text.contains("Tickednightpain"), "{text}");
    // A bad finding is refused before anything is saved.
    refused(d, &["assess", "--age", "58", "--save", "no_such_finding"]);
}

#[test]
fn a_journal_that_does_not_load_exits_1_and_is_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let journal = data.path().join("journal.ron");
    std::fs::write(&journal, "(version: 1, entries: [ oops").unwrap();
    for args in [
        &["medicine", "add", "Ibuprofen"][..],
        &["summary", "question", "add", "Why?"],
        &["assess", "--age", "40", "--save"],
    ] {
        fails(data.path(), args, 1);
        assert_eq!(
            std::fs::read_to_string(&journal).unwrap(),
            "(version: 1, entries: [ oops"
        );
    }
}

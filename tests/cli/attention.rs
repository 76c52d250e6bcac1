//! `backlog journal attention [--json]`, run as a real process: what the
//! record shows in text and JSON, the same answer as the library's review,
//! only supported findings listed, exit codes, and that it reads only.
//!
//! Dates are relative to the real today (the command reads the clock). The
//! journals are built so a midnight between setup and run changes nothing.

use std::fs;
use std::path::Path;

use backlog::journal::{Age, Entry, EntryDraft, Journal, SavedCheck, attention};
use backlog::store::{Store, StoreError};
use backlog::triage::knowledge;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde_json::Value;

use crate::common::{bad_input, err_text, ok, run_in};

fn today() -> Date {
    jiff::Zoned::now().date()
}

fn ago(days: i64) -> Date {
    today().saturating_sub(days.days())
}

fn entry(date: Date, pain: u8, woke: bool) -> Entry {
    EntryDraft {
        pain: Some(pain),
        woke_at_night: woke,
        ..EntryDraft::new(date)
    }
    .validate(knowledge(), date, Timestamp::UNIX_EPOCH, None)
    .unwrap()
}

/// Three weeks of pain at 5, woken on `nights` of the last 7 days; age 40.
fn three_weeks(nights: usize) -> Journal {
    let mut j = Journal::new();
    j.profile.age = Some(Age::Years {
        years: 40,
        on: today(),
    });
    for d in 0..21 {
        j.upsert(entry(ago(d), 5, usize::try_from(d).unwrap() < nights));
    }
    j.validate(knowledge()).unwrap();
    j
}

fn write(dir: &Path, j: &Journal) {
    Store::open(dir)
        .unwrap()
        .update(|cur| {
            *cur = j.clone();
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

fn json(dir: &Path) -> Value {
    serde_json::from_str(&ok(dir, &["journal", "attention", "--json"])).unwrap()
}

fn finding_ids(v: &Value) -> Vec<&str> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect()
}

#[test]
fn an_empty_journal_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("not-yet");
    let text = ok(&d, &["journal", "attention"]);
    assert!(text.starts_with("The journal is empty"), "{text}");
    assert!(text.contains("backlog journal add --pain N"), "{text}");
    let v = json(&d);
    assert_eq!(v["findings"], Value::Array(vec![]));
    assert_eq!(v["level"], Value::Null);
    assert_eq!(v["notify"], Value::Bool(false));
    assert!(!d.exists(), "reading never creates the data folder");
}

#[test]
fn nights_and_pain_that_is_not_better_are_shown_with_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, &three_weeks(5));
    let text = ok(d, &["journal", "attention"]);
    assert!(text.contains("your journal shows:"), "{text}");
    assert!(
        text.contains("You woke at night on 5 of the last 7 days you logged. [pain_at_night]"),
        "{text}"
    );
    assert!(
        text.contains("Your pain has not got better in 3 weeks"),
        "{text}"
    );
    assert!(
        text.contains("It points to: BOOK A DOCTOR'S APPOINTMENT (see_doctor)"),
        "{text}"
    );
    assert!(text.contains("No symptom check is saved yet."), "{text}");
    assert!(
        text.contains("backlog assess --age 40 pain_at_night not_better_2wk\n"),
        "the command is on one line: {text}"
    );
    assert!(text.contains("This is not a diagnosis."), "{text}");
}

#[test]
fn json_has_the_documented_fields_and_the_same_answer_as_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let j = three_weeks(5);
    write(d, &j);
    let v = json(d);
    assert_eq!(finding_ids(&v), ["pain_at_night", "not_better_2wk"]);
    let night = &v["findings"][0];
    assert_eq!(
        night["label"],
        "Pain at night that keeps you awake or wakes you up"
    );
    assert_eq!(
        night["sentence"],
        "You woke at night on 5 of the last 7 days you logged."
    );
    assert_eq!(night["evidence"][0]["kind"], "woke_at_night");
    assert_eq!(night["evidence"][0]["nights"], 5);
    assert_eq!(night["evidence"][0]["logged_days"], 7);
    let run = &v["findings"][1]["evidence"][0];
    assert_eq!(run["kind"], "not_better");
    assert_eq!(run["verdict"], "no_clear_change");
    assert_eq!(run["run_days"], 21);
    for week in ["first_week", "last_week"] {
        assert_eq!(run[week]["days_logged"], 7);
        assert_eq!(run[week]["mean_pain"], 5.0);
    }
    assert_eq!(v["level"], "see_doctor");
    assert_eq!(v["headline"], "Book a doctor's appointment");
    assert_eq!(v["rules"], serde_json::json!(["D1", "D2"]));
    assert_eq!(v["age"], 40);
    assert_eq!(v["age_assumed"], false);
    assert_eq!(v["latest_check"], Value::Null);
    assert_eq!(v["notify"], true);
    assert_eq!(v["emergency"], false);
    assert_eq!(v["rules_version"], knowledge().rules_version());

    // Everywhere the same answer: the library's review, field for field.
    let as_of: Date = v["as_of"].as_str().unwrap().parse().unwrap();
    let review = attention::review(&j, as_of);
    let evidence: Vec<Value> = review
        .findings
        .iter()
        .map(|f| serde_json::to_value(&f.evidence).unwrap())
        .collect();
    let printed: Vec<Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["evidence"].clone())
        .collect();
    assert_eq!(printed, evidence);
}

#[test]
fn findings_the_record_does_not_support_are_never_listed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Two nights only, and the pain clearly better (8 → 3).
    let mut j = three_weeks(2);
    for day in 14..21 {
        j.upsert(entry(ago(day), 8, false));
    }
    for day in 0..7 {
        let woke = day < 2;
        j.upsert(entry(ago(day), 3, woke));
    }
    write(d, &j);
    let v = json(d);
    assert_eq!(v["findings"], Value::Array(vec![]), "{v}");
    assert_eq!(v["level"], Value::Null);
    assert_eq!(v["rules"], Value::Array(vec![]));
    let text = ok(d, &["journal", "attention"]);
    assert!(text.contains("does not show any of these"), "{text}");
    assert!(text.contains("This is not a symptom check."), "{text}");
    assert!(!text.contains("It points to"), "{text}");
}

#[test]
fn a_saved_check_at_the_same_level_means_no_notice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut j = three_weeks(5);
    let k = knowledge();
    let answers = k.answers(40, ["pain_at_night"]).unwrap();
    let time = jiff::Timestamp::now();
    j.checks
        .push(SavedCheck::new(time, k, &answers, &k.assess(&answers)));
    write(d, &j);
    let v = json(d);
    assert_eq!(v["notify"], false);
    assert_eq!(v["latest_check"]["level"], "see_doctor");
    let text = ok(d, &["journal", "attention"]);
    assert!(text.contains("Your latest saved check, on "), "{text}");
    assert!(text.contains("does not point higher"), "{text}");
}

#[test]
fn an_emergency_in_the_record_shows_the_emergency_number() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut j = three_weeks(0);
    j.profile.emergency_number = "999".to_owned();
    let mut e = entry(ago(1), 5, false);
    e.symptoms.insert("chest_pain".to_owned());
    j.upsert(e);
    write(d, &j);
    let v = json(d);
    assert_eq!(v["level"], "call_ambulance");
    assert_eq!(v["emergency"], true);
    assert_eq!(v["findings"][0]["evidence"][0]["kind"], "noted");
    let text = ok(d, &["journal", "attention"]);
    assert!(text.contains("CALL AN AMBULANCE NOW"), "{text}");
    assert!(text.contains("Your emergency number: 999"), "{text}");
}

#[test]
fn it_reads_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, &three_weeks(5));
    let before = fs::read(d.join("journal.ron")).unwrap();
    let backups = fs::read_dir(d.join("backups")).unwrap().count();
    ok(d, &["journal", "attention"]);
    ok(d, &["journal", "attention", "--json"]);
    assert_eq!(fs::read(d.join("journal.ron")).unwrap(), before);
    assert_eq!(fs::read_dir(d.join("backups")).unwrap().count(), backups);
}

#[test]
fn bad_arguments_and_a_corrupt_journal_fail_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let err = bad_input(d, &["journal", "attention", "--jsn"]);
    assert!(err.contains("--json"), "{err}");
    let garbage = b"(version: 1, entries: [".to_vec();
    fs::write(d.join("journal.ron"), &garbage).unwrap();
    let o = run_in(d, &["journal", "attention"]);
    let err = err_text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(o.stdout.is_empty());
    assert_eq!(fs::read(d.join("journal.ron")).unwrap(), garbage);
}

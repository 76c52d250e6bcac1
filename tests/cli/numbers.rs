//! The numbers people call, from the command line: the doctor's, an
//! urgent-care line's and the cancer team's kept with the profile, and the
//! emergency number proposed from the system's locale until one is set.

use std::path::Path;
use std::process::{Command, Output};

use super::common::{bad_input, ok};

/// `backlog ARGS` with the locale variables set to `locale`.
fn run_with_locale(dir: &Path, locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(args)
        .env("BACKLOG_DATA_DIR", dir)
        .env("LANGUAGE", locale)
        .env("LC_ALL", locale)
        .env("LC_MESSAGES", locale)
        .env("LANG", locale)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{o:?}");
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn profile_show_proposes_the_emergency_number_for_the_locale_until_one_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let uk = stdout(&run_with_locale(d, "en_GB.UTF-8", &["profile", "show"]));
    assert!(
        uk.contains("Emergency number: not set; your computer's region settings suggest 999"),
        "{uk}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&run_with_locale(
        d,
        "de_DE.UTF-8",
        &["profile", "show", "--json"],
    )))
    .unwrap();
    assert_eq!(json["emergency_number"], "");
    assert_eq!(json["emergency_number_suggested"], "112");
    let unknown = stdout(&run_with_locale(d, "C", &["profile", "show"]));
    assert!(
        unknown.contains("Emergency number: not set (backlog profile set --emergency-number N)"),
        "{unknown}"
    );

    ok(d, &["profile", "set", "--emergency-number", "000"]);
    let set = stdout(&run_with_locale(d, "en_GB.UTF-8", &["profile", "show"]));
    assert!(set.contains("Emergency number: 000"), "{set}");
    assert!(!set.contains("suggest"), "{set}");
}

#[test]
fn profile_set_keeps_the_doctor_urgent_care_and_cancer_team_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = ok(
        d,
        &[
            "profile",
            "set",
            "--doctor-number",
            "0161 496 0000",
            "--urgent-care-number",
            "111",
            "--cancer-team-number",
            "+44 (0)20 7946 0000",
        ],
    );
    assert!(out.contains("Doctor: 0161 496 0000"), "{out}");
    assert!(out.contains("Urgent care: 111"), "{out}");
    assert!(
        out.contains("Cancer team (24 hours): +44 (0)20 7946 0000"),
        "{out}"
    );

    // A number that is not one changes nothing and says how to fix it.
    let before = std::fs::read(d.join("journal.ron")).unwrap();
    let err = bad_input(
        d,
        &["profile", "set", "--doctor-number", "ring the surgery"],
    );
    assert!(err.contains("is not a phone number"), "{err}");
    assert_eq!(std::fs::read(d.join("journal.ron")).unwrap(), before);

    // "" removes one.
    let out = ok(d, &["profile", "set", "--urgent-care-number", ""]);
    assert!(!out.contains("Urgent care:"), "{out}");
    assert!(out.contains("Doctor: 0161 496 0000"), "{out}");
}

#[test]
fn an_emergency_noted_in_the_journal_names_the_locales_number_until_one_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["profile", "set", "--age", "62"]);
    let add = [
        "journal",
        "add",
        "--pain",
        "7",
        "--symptom",
        "chest_pain,sweating_clammy",
    ];
    let uk = stdout(&run_with_locale(d, "en_GB.UTF-8", &add));
    assert!(uk.contains("Your emergency number: 999"), "{uk}");
    let attention = stdout(&run_with_locale(
        d,
        "en_GB.UTF-8",
        &["journal", "attention"],
    ));
    assert!(
        attention.contains("Your emergency number: 999"),
        "{attention}"
    );
    let unknown = stdout(&run_with_locale(d, "C", &["journal", "attention"]));
    assert!(
        unknown.contains("Your emergency number: your local emergency number"),
        "{unknown}"
    );

    ok(d, &["profile", "set", "--emergency-number", "000"]);
    let set = stdout(&run_with_locale(d, "en_GB.UTF-8", &add));
    assert!(set.contains("Your emergency number: 000"), "{set}");
}

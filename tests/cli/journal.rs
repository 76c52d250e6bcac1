//! `backlog journal`, `profile` and `backup`, run as a real process against
//! a temporary data folder: what they print, their exit codes, and that bad
//! input changes nothing.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{bad_input, err_text, ok, run_in};

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

fn journal_bytes(dir: &Path) -> Option<Vec<u8>> {
    fs::read(dir.join("journal.ron")).ok()
}

#[test]
fn add_then_show_and_list_give_back_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = ok(
        d,
        &[
            "journal",
            "add",
            "--date",
            "2026-11-20",
            "--pain",
            "5",
            "--worst",
            "8",
            "--where",
            "neck,between_shoulder_blades",
            "--feels",
            "burning",
            "--feels",
            "stiff",
            "--woke",
            "--activity",
            "6",
            "--enjoyment",
            "4",
            "--sleep",
            "5.5",
            "--med",
            "Ibuprofen 400 mg",
            "--med",
            "Paracetamol 1 g",
            "--treatment",
            "heat pad",
            "--symptom",
            "pain_at_night",
            "--tag",
            "desk work",
            "--tag",
            "driving",
            "--note",
            "Woke at 3 am.\nSecond line, with ünïcödé.",
        ],
    );
    assert_eq!(
        out.lines().next().unwrap(),
        "Saved the entry for 2026-11-20: pain 5/10."
    );
    assert!(
        out.contains("run a symptom check"),
        "no age set, so it suggests a check: {out}"
    );

    let e = json(d, &["journal", "show", "2026-11-20", "--json"]);
    assert_eq!(e["date"], "2026-11-20");
    assert_eq!(e["pain"], 5);
    assert_eq!(e["worst"], 8);
    assert_eq!(
        e["regions"],
        serde_json::json!(["neck", "between_shoulder_blades"])
    );
    assert_eq!(e["qualities"], serde_json::json!(["burning", "stiff"]));
    assert_eq!(e["woke_at_night"], true);
    assert_eq!(e["activity"], 6);
    assert_eq!(e["enjoyment"], 4);
    assert_eq!(e["sleep_hours"], 5.5);
    assert_eq!(e["medicines"][0]["name"], "Ibuprofen");
    assert_eq!(e["medicines"][0]["dose"], "400 mg");
    assert_eq!(e["medicines"][1]["name"], "Paracetamol");
    assert_eq!(e["treatments"], serde_json::json!(["heat pad"]));
    assert_eq!(e["symptoms"], serde_json::json!(["pain_at_night"]));
    assert_eq!(e["tags"], serde_json::json!(["desk work", "driving"]));
    assert_eq!(e["note"], "Woke at 3 am.\nSecond line, with ünïcödé.");
    assert_eq!(e["back_filled"], true, "written after 2026-11-21");

    let text = ok(d, &["journal", "show", "2026-11-20"]);
    assert!(text.contains("Between the shoulder blades"), "{text}");
    assert!(text.contains("Ibuprofen 400 mg"), "{text}");
    assert!(
        text.contains("(after the day)"),
        "written days later: {text}"
    );

    let list = json(d, &["journal", "list", "--json"]);
    assert_eq!(list["count"], 1);
    assert_eq!(list["entries"][0], e);
}

#[test]
fn the_date_defaults_to_today() {
    let dir = tempfile::tempdir().unwrap();
    let today = jiff::Zoned::now().date().to_string();
    let out = ok(dir.path(), &["journal", "add", "--pain", "3"]);
    assert!(out.contains(&today), "{out}");
    let e = json(dir.path(), &["journal", "show", &today, "--json"]);
    assert_eq!(e["pain"], 3);
    // Scripts get every key, empty or not.
    for key in [
        "worst",
        "regions",
        "qualities",
        "woke_at_night",
        "activity",
        "enjoyment",
        "sleep_hours",
        "medicines",
        "treatments",
        "tags",
        "symptoms",
        "note",
        "created",
        "edited",
        "back_filled",
    ] {
        assert!(e.get(key).is_some(), "{key} missing: {e}");
    }
    assert_eq!(e["regions"], serde_json::json!([]));
    assert_eq!(e["worst"], Value::Null);
    assert_eq!(e["back_filled"], false);
}

#[test]
fn adding_for_a_day_that_has_an_entry_updates_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &[
            "journal",
            "add",
            "--date",
            "2026-11-20",
            "--pain",
            "3",
            "--where",
            "neck",
            "--note",
            "first",
        ],
    );
    let time = |v: &Value| v.as_str().unwrap().parse::<jiff::Timestamp>().unwrap();
    let first = json(d, &["journal", "show", "2026-11-20", "--json"]);
    // Times are kept in whole seconds: let the clock leave the second of
    // the first save, so the edit time must move (and this cannot flake
    // when both saves land in the same second).
    while jiff::Timestamp::now().as_second() <= time(&first["created"]).as_second() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "6"],
    );
    assert_eq!(
        out.trim(),
        "Updated the entry for 2026-11-20, which already existed: pain 6/10 (was 3/10)."
    );
    let e = json(d, &["journal", "show", "2026-11-20", "--json"]);
    assert_eq!(e["pain"], 6);
    assert_eq!(
        e["regions"],
        serde_json::json!(["neck"]),
        "fields not given are kept"
    );
    assert_eq!(e["note"], "first");
    assert!(
        time(&e["edited"]) >= time(&e["created"]),
        "the creation time is kept"
    );
    assert_eq!(e["created"], first["created"], "the creation time is kept");
    assert_ne!(e["created"], e["edited"], "the edit time moved");
    assert!(
        time(&e["edited"]) > time(&e["created"]),
        "the edit time moved on"
    );
    assert_eq!(time(&e["created"]).subsec_nanosecond(), 0, "whole seconds");
    assert_eq!(
        json(d, &["journal", "list", "--json"])["count"],
        1,
        "still one entry for the day"
    );

    let out = ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "6"],
    );
    assert!(out.contains("nothing changed"), "{out}");
}

#[test]
fn every_bad_value_is_refused_with_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let before = journal_bytes(d).unwrap();
    let long_note = "x".repeat(20_001);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--pain", "11"],
            "Average pain must be a whole number from 0 to 10, not 11.",
        ),
        (
            vec!["--pain", "-1"],
            "Average pain must be a whole number from 0 to 10",
        ),
        (
            vec!["--pain", "lots"],
            "Average pain \"lots\" is not a whole number",
        ),
        (
            vec!["--pain", "5", "--worst", "3"],
            "Worst pain (3) is lower than average pain (5)",
        ),
        (
            vec!["--pain", "5", "--worst", "12"],
            "Worst pain must be a whole number from 0 to 10",
        ),
        (
            vec!["--pain", "5", "--activity", "11"],
            "usual activities must be",
        ),
        (
            vec!["--pain", "5", "--enjoyment", "99"],
            "enjoying life must be",
        ),
        (
            vec!["--pain", "5", "--sleep", "25"],
            "Hours of sleep must be from 0 to 24",
        ),
        (
            vec!["--pain", "5", "--where", "knee"],
            "\"knee\" is not a place Backlog knows",
        ),
        (
            vec!["--pain", "5", "--feels", "itchy"],
            "\"itchy\" is not a kind of pain Backlog knows",
        ),
        (
            vec!["--pain", "5", "--symptom", "pain_at_nite"],
            "did you mean \"pain_at_night\"",
        ),
        (
            vec!["--pain", "5", "--symptom", "history_osteoporosis"],
            "set it in your profile instead",
        ),
        (
            vec!["--pain", "5", "--date", "2999-01-01"],
            "is in the future",
        ),
        (vec!["--pain", "5", "--date", "1850-06-01"], "too long ago"),
        (
            vec!["--pain", "5", "--date", "20/11/2026"],
            "write dates as YYYY-MM-DD",
        ),
        (
            vec!["--pain", "5", "--tag", "a;b"],
            "use a comma or a space instead",
        ),
        (
            vec!["--pain", "5", "--note", &long_note],
            "20,001 characters long; the limit is 20,000",
        ),
        (vec!["--worst", "5"], "--pain"),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["journal", "add"];
        if !extra.contains(&"--date") {
            args.extend(["--date", "2026-11-20"]);
        }
        args.extend(extra.iter().copied());
        let err = bad_input(d, &args);
        assert!(err.contains(expected), "{extra:?}: {err}");
        assert_eq!(
            journal_bytes(d).unwrap(),
            before,
            "{extra:?} changed the file"
        );
    }
}

#[test]
fn show_and_delete_name_a_missing_day() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let err = bad_input(d, &["journal", "show", "2026-11-20"]);
    assert!(err.contains("there is no entry for 2026-11-20"), "{err}");
    let err = bad_input(d, &["journal", "delete", "2026-11-20"]);
    assert!(err.contains("backlog journal list"), "{err}");
    assert!(journal_bytes(d).is_none(), "nothing was written");

    ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    ok(
        d,
        &["journal", "add", "--date", "2026-11-21", "--pain", "4"],
    );
    let out = ok(d, &["journal", "delete", "2026-11-20"]);
    assert!(out.contains("Deleted the entry for 2026-11-20"), "{out}");
    let list = json(d, &["journal", "list", "--json"]);
    assert_eq!(list["count"], 1);
    assert_eq!(list["entries"][0]["date"], "2026-11-21");
}

#[test]
fn list_filters_by_date_and_refuses_a_backwards_range() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (day, pain) in [
        ("2026-11-01", "2"),
        ("2026-11-10", "5"),
        ("2026-11-20", "8"),
    ] {
        ok(d, &["journal", "add", "--date", day, "--pain", pain]);
    }
    let l = json(
        d,
        &[
            "journal",
            "list",
            "--from",
            "2026-11-05",
            "--to",
            "2026-11-20",
            "--json",
        ],
    );
    assert_eq!(l["count"], 2);
    assert_eq!(l["entries"][0]["date"], "2026-11-10");
    let text = ok(d, &["journal", "list", "--to", "2026-11-10"]);
    assert!(
        text.contains("2 entries; average pain 3.5 out of 10."),
        "{text}"
    );
    let err = bad_input(
        d,
        &[
            "journal",
            "list",
            "--from",
            "2026-11-20",
            "--to",
            "2026-11-01",
        ],
    );
    assert!(err.contains("give the earlier day first"), "{err}");
    let empty = tempfile::tempdir().unwrap();
    assert!(ok(empty.path(), &["journal", "list"]).contains("The journal is empty"));
}

#[test]
fn the_data_dir_flag_wins_over_the_environment() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    let flag = flag_dir.path().to_str().unwrap();
    ok(
        env_dir.path(),
        &[
            "--data-dir",
            flag,
            "journal",
            "add",
            "--date",
            "2026-11-20",
            "--pain",
            "3",
        ],
    );
    assert!(journal_bytes(flag_dir.path()).is_some());
    assert!(journal_bytes(env_dir.path()).is_none());
}

#[test]
fn a_corrupt_journal_fails_with_exit_1_and_the_path_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let garbage = b"(version: 1, entries: [(date: \"2026-11-20\", pain: ".to_vec();
    fs::write(d.join("journal.ron"), &garbage).unwrap();
    for args in [
        vec!["journal", "list"],
        vec!["journal", "add", "--date", "2026-11-21", "--pain", "3"],
        vec!["profile", "set", "--age", "50"],
    ] {
        let o = run_in(d, &args);
        let err = err_text(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("line 1, column"), "{err}");
        assert!(err.contains("backlog backup restore "), "{err}");
        assert!(
            err.trim_end()
                .ends_with(&d.join("journal.ron").display().to_string()),
            "{err}"
        );
        assert_eq!(journal_bytes(d).unwrap(), garbage);
    }
}

#[test]
fn a_corrupt_journal_is_repaired_from_the_backup_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    ok(
        d,
        &["journal", "add", "--date", "2026-11-21", "--pain", "4"],
    );
    fs::write(d.join("journal.ron"), b"\x00\x01 not text").unwrap();
    let o = run_in(d, &["journal", "list"]);
    let err = err_text(&o);
    let id = err
        .split("backlog backup restore ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .map(|id| id.trim_end_matches('.').to_owned())
        .unwrap();
    // Listing and restoring work while the journal is broken.
    assert!(ok(d, &["backup", "list"]).contains(&id), "{id}");
    ok(d, &["backup", "restore", &id]);
    let list = json(d, &["journal", "list", "--json"]);
    assert_eq!(list["count"], 2, "the newest good backup has both days");
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_data_dir_the_per_user_folder_is_used() {
    let home = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["profile", "show"])
        .env_remove("BACKLOG_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err_text(&o));
    let expected = home.path().join(".local/share/backlog");
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(&format!("Data folder: {}", expected.display())),
        "{out}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_empty_backlog_data_dir_counts_as_unset() {
    let home = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["profile", "show"])
        .env("BACKLOG_DATA_DIR", "")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err_text(&o));
    let expected = home.path().join(".local/share/backlog");
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(&format!("Data folder: {}", expected.display())),
        "{out}"
    );
}

#[test]
fn profile_set_and_show_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = json(d, &["profile", "show", "--json"]);
    // A new profile has no emergency number (the app proposes one).
    assert_eq!(p["emergency_number"], "");
    assert_eq!(p["age_today"], Value::Null);

    let out = ok(
        d,
        &[
            "profile",
            "set",
            "--age",
            "58",
            "--name",
            "Ana Pérez",
            "--history",
            "history_osteoporosis,history_cancer_breast",
            "--cancer-details",
            "Breast, 2019",
            "--emergency-number",
            "112",
            "--paper",
            "a4",
        ],
    );
    assert!(out.starts_with("Saved your profile:"), "{out}");
    let p = json(d, &["profile", "show", "--json"]);
    assert_eq!(p["age_today"], 58);
    assert_eq!(p["name"], "Ana Pérez");
    assert_eq!(
        p["history"],
        serde_json::json!(["history_cancer_breast", "history_osteoporosis"])
    );
    assert_eq!(p["cancer_details"], "Breast, 2019");
    assert_eq!(p["emergency_number"], "112");
    assert_eq!(p["paper"], "a4");

    ok(
        d,
        &[
            "profile",
            "set",
            "--remove-history",
            "history_cancer_breast",
            "--born",
            "1970",
        ],
    );
    let p = json(d, &["profile", "show", "--json"]);
    assert_eq!(p["history"], serde_json::json!(["history_osteoporosis"]));
    assert_eq!(p["age"]["born_in"], 1970);

    let text = ok(d, &["profile", "show"]);
    assert!(text.contains("Emergency number: 112"), "{text}");
    assert!(text.contains("(history_osteoporosis)"), "{text}");
}

#[test]
fn profile_set_refuses_bad_values_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["profile", "set", "--age", "40"]);
    let before = journal_bytes(d).unwrap();
    for (args, expected) in [
        (
            vec!["--history", "chest_pain"],
            "is a symptom, not part of your health history",
        ),
        (
            vec!["--history", "history_osteoporsis"],
            "did you mean \"history_osteoporosis\"",
        ),
        (
            vec!["--emergency-number", "call 911"],
            "is not a phone number",
        ),
        (vec!["--paper", "a5"], "use a4 or letter"),
        (vec!["--age", "130"], "from 0 to 120"),
        (vec!["--age", "old"], "not a whole number of years"),
        (vec!["--born", "2999"], "Birth year 2999 is not possible"),
        (vec![], "nothing to change"),
    ] {
        let mut all = vec!["profile", "set"];
        all.extend(args.iter().copied());
        let err = bad_input(d, &all);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(journal_bytes(d).unwrap(), before);
    }
}

#[test]
fn with_an_age_a_warning_symptom_in_the_journal_prints_the_advice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["profile", "set", "--age", "62"]);
    let out = ok(
        d,
        &[
            "journal",
            "add",
            "--date",
            "2026-11-20",
            "--pain",
            "7",
            "--symptom",
            "chest_pain,sweating_clammy",
        ],
    );
    assert!(
        out.contains("backlog assess --age 62 chest_pain sweating_clammy"),
        "{out}"
    );
    assert!(out.contains("This is not a diagnosis"), "{out}");
    let calm = ok(
        d,
        &[
            "journal",
            "add",
            "--date",
            "2026-11-21",
            "--pain",
            "2",
            "--symptom",
            "posture_related",
        ],
    );
    assert!(
        !calm.contains("Please note"),
        "no alarm without reason: {calm}"
    );
}

#[test]
fn backups_can_be_listed_and_restored_and_a_restore_undone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ok(d, &["backup", "list"]).contains("No backups yet"));
    ok(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    ok(
        d,
        &["journal", "add", "--date", "2026-11-21", "--pain", "4"],
    );
    let list = json(d, &["backup", "list", "--json"]);
    let backups = list["backups"].as_array().unwrap();
    assert_eq!(backups.len(), 2);
    let oldest = backups[1]["id"].as_str().unwrap().to_owned();

    let out = ok(d, &["backup", "restore", &oldest]);
    assert!(out.contains("1 entry."), "{out}");
    assert!(
        out.contains("To undo, run: backlog backup restore"),
        "{out}"
    );
    assert_eq!(json(d, &["journal", "list", "--json"])["count"], 1);

    let replaced = json(d, &["backup", "list", "--json"])["backups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "before_restore")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(d, &["backup", "restore", &replaced]);
    assert_eq!(json(d, &["journal", "list", "--json"])["count"], 2);

    let err = bad_input(d, &["backup", "restore", "1999-01-01"]);
    assert!(err.contains("There is no backup \"1999-01-01\""), "{err}");
    let text = ok(d, &["backup", "list"]);
    assert!(text.contains("(what a restore replaced)"), "{text}");
}

#[test]
fn help_lists_the_journal_commands() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(dir.path(), &["journal", "--help"]);
    for cmd in ["add", "list", "show", "delete", "export", "import"] {
        assert!(help.contains(cmd), "{cmd}: {help}");
    }
    let help = ok(dir.path(), &["journal", "add", "--help"]);
    assert!(help.contains("between_shoulder_blades"), "{help}");
}

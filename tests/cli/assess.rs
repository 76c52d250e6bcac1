//! `backlog assess`, `findings` and `rules`, run as a real process.

use std::process::Output;

fn backlog(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

/// In a fresh data folder each time: nothing here needs a journal.
fn run_with_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    let dir = tempfile::tempdir().unwrap();
    crate::common::run_with_stdin(dir.path(), args, stdin.unwrap_or("").as_bytes())
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Bad input: exit 2 and exactly one line on stderr, no panic.
fn assert_bad_input(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "stdout: {} stderr: {}",
        stdout(o),
        stderr(o)
    );
    let err = stderr(o);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err:?}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty());
    err
}

#[test]
fn chest_pain_with_sweating_calls_an_ambulance() {
    let v = json(&backlog(&[
        "assess",
        "--age",
        "62",
        "--json",
        "chest_pain",
        "sweating_clammy",
    ]));
    assert_eq!(v["level"], "call_ambulance");
    let ids: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["A1", "E7", "D5"]);
    let a1 = &v["rules"][0];
    assert_eq!(a1["level"], "call_ambulance");
    assert!(a1["reason"].as_str().unwrap().contains("heart attack"));
    assert_eq!(a1["sources"][0], "NHS-BACK");
    assert!(
        v["advice"]
            .as_str()
            .unwrap()
            .starts_with("Call the emergency number now")
    );
    assert!(v["watch_for"].as_array().unwrap().is_empty());
    assert!(v["rules_version"].as_str().unwrap().starts_with("1.0+"));
    assert!(v["notice"].as_str().unwrap().contains("not a diagnosis"));
    // Every cited source is spelled out for the details view.
    assert!(
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["key"] == "AHA-W" && s["url"].as_str().unwrap().starts_with("https://"))
    );
}

#[test]
fn posture_pain_at_30_is_self_care_with_watch_for_levels() {
    let v = json(&backlog(&[
        "assess",
        "--age",
        "30",
        "--json",
        "posture_related",
    ]));
    assert_eq!(v["level"], "self_care");
    assert_eq!(v["rules"][0]["id"], "S0");
    let levels: Vec<&str> = v["watch_for"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["level"].as_str().unwrap())
        .collect();
    assert_eq!(
        levels,
        [
            "call_ambulance",
            "emergency_department",
            "within_24h",
            "see_doctor"
        ]
    );
    let amb = &v["watch_for"][0];
    assert!(
        amb["heading"]
            .as_str()
            .unwrap()
            .starts_with("Call an ambulance")
    );
    assert!(
        amb["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "chest_pain")
    );
}

#[test]
fn human_output_has_headline_reasons_advice_watch_for_and_notice() {
    let o = backlog(&[
        "assess",
        "--age",
        "55",
        "history_cancer_breast",
        "after_strain",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("SPEAK TO A DOCTOR TODAY\n"), "{text}");
    assert!(
        text.contains("U1  You have, or have had, cancer."),
        "{text}"
    );
    assert!(text.contains("What to do:"));
    assert!(text.contains("Go to an emergency department at once if any of these appear:"));
    assert!(text.contains("This is not a diagnosis."));
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "lines are wrapped"
    );
}

#[test]
fn misspelt_finding_exits_2_and_suggests_the_right_id() {
    let err = assert_bad_input(&backlog(&["assess", "--age", "40", "chest_pian"]));
    assert!(err.contains("\"chest_pian\""), "{err}");
    assert!(err.contains("did you mean chest_pain?"), "{err}");
}

#[test]
fn missing_or_impossible_age_exits_2() {
    let err = assert_bad_input(&backlog(&["assess", "chest_pain"]));
    assert!(err.contains("--age"), "{err}");
    for bad in ["-3", "121", "forty", "4.5", ""] {
        let err = assert_bad_input(&backlog(&["assess", "--age", bad]));
        assert!(err.contains("age"), "{bad}: {err}");
    }
}

#[test]
fn answers_file_and_stdin_give_the_same_result_as_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.ron");
    std::fs::write(&path, "(age: 58, findings: [\"pain_at_night\"])").unwrap();
    let from_file = json(&backlog(&[
        "assess",
        "--json",
        "--answers",
        path.to_str().unwrap(),
    ]));
    let from_args = json(&backlog(&[
        "assess",
        "--json",
        "--age",
        "58",
        "pain_at_night",
    ]));
    let from_stdin = json(&run_with_stdin(
        &["assess", "--json", "--answers", "-"],
        Some("(age: 58, findings: [\"pain_at_night\"])"),
    ));
    assert_eq!(from_file, from_args);
    assert_eq!(from_stdin, from_args);
    assert_eq!(from_args["level"], "within_24h");
}

#[test]
fn malformed_answers_file_reports_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.ron");
    std::fs::write(&path, "(\n  age: 58,\n  findings: [\"pain_at_night\"\n").unwrap();
    let err = assert_bad_input(&backlog(&["assess", "--answers", path.to_str().unwrap()]));
    assert!(err.contains("answers.ron:3:"), "{err}");
    let err = assert_bad_input(&backlog(&[
        "assess",
        "--answers",
        dir.path().join("nope.ron").to_str().unwrap(),
    ]));
    assert!(err.contains("no such file"), "{err}");
    let err = assert_bad_input(&run_with_stdin(
        &["assess", "--answers", "-"],
        Some("(age: 200, findings: [])"),
    ));
    assert!(err.contains("age 200 is not possible"), "{err}");
}

#[test]
fn unknown_flags_and_subcommands_exit_2_with_one_line() {
    assert_bad_input(&backlog(&["assess", "--age", "40", "--jsno"]));
    assert_bad_input(&backlog(&["asses"]));
}

#[test]
fn findings_lists_every_id_by_group() {
    let o = backlog(&["findings"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(
        text.starts_with("Chest, heart and breathing (heart_lung)\n  chest_pain\n"),
        "{text}"
    );
    let v = json(&backlog(&["findings", "--json"]));
    let total: usize = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(total, 58);
    assert_eq!(v["groups"][0]["findings"][0]["id"], "chest_pain");
}

#[test]
fn rules_lists_conditions_and_sources() {
    let o = backlog(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(
        text.contains("A4  call_ambulance\n    when: short_of_breath and (pain_worse_breathing or"),
        "{text}"
    );
    assert!(text.contains("NG234"));
    let v = json(&backlog(&["rules", "--json"]));
    assert_eq!(v["rules"].as_array().unwrap().len(), 41);
    assert_eq!(v["rules"][0]["condition"], "chest_pain");
    assert_eq!(
        v["rules"][3]["condition"],
        "short_of_breath and (pain_worse_breathing or coughing_blood or clot_risk)"
    );
    assert_eq!(v["sources"].as_array().unwrap().len(), 41);
}

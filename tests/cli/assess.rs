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
    assert!(v["rules_version"].as_str().unwrap().starts_with("2.0+"));
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
        text.contains("U1  Most back pain in people who have had cancer is not caused by it."),
        "{text}"
    );
    assert!(text.contains("What to do:"));
    assert!(text.contains("Go to an emergency department at once if any of these appear:"));
    // Next to the result, before the reasons; not only at the bottom.
    let notice = text.find("This is not a diagnosis.").unwrap();
    assert!(notice < text.find("Why:").unwrap(), "{text}");
    assert!(
        text.replace('\n', " ")
            .contains("have not yet been checked by a clinician"),
        "{text}"
    );
    // D5 (book an appointment) is not a reason beside U1 (today).
    let also = text.find("Also worth mentioning to the doctor:").unwrap();
    assert!(text.find("U1  ").unwrap() < also, "{text}");
    assert!(text.find("D5  ").unwrap() > also, "{text}");
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
    assert_eq!(total, 72);
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
    assert_eq!(v["rules"].as_array().unwrap().len(), 59);
    assert_eq!(v["rules"][0]["condition"], "chest_pain");
    assert_eq!(
        v["rules"][3]["condition"],
        "short_of_breath and (pain_worse_breathing or coughing_blood or any of CLOT_RISK)"
    );
    assert_eq!(v["sources"].as_array().unwrap().len(), 55);
}

#[test]
fn json_marks_the_rules_that_set_the_level_and_the_first_action() {
    let v = json(&backlog(&[
        "assess",
        "--age",
        "50",
        "--json",
        "injury_major",
        "legs_weak",
    ]));
    assert_eq!(v["level"], "call_ambulance");
    assert_eq!(v["action"], "Do not move. Call an ambulance.");
    let rules = v["rules"].as_array().unwrap();
    let setting: Vec<&str> = rules
        .iter()
        .filter(|r| r["sets_level"] == true)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(setting, ["A8"]);
    for r in rules {
        // Existing fields keep their meaning; sets_level agrees with level.
        assert_eq!(r["sets_level"] == true, r["level"] == v["level"], "{r}");
        assert!(r["reason"].is_string() && r["condition"].is_string());
    }
    assert_eq!(rules[0]["action"], "Do not move. Call an ambulance.");
    // A result with no action line leaves the field out.
    let v = json(&backlog(&[
        "assess",
        "--age",
        "45",
        "--json",
        "stroke_signs",
    ]));
    assert_eq!(v["level"], "call_ambulance");
    assert!(v.get("action").is_none(), "{v}");
}

#[test]
fn the_issues_done_means_cases_through_the_binary() {
    for (age, ids, level) in [
        ("45", &["stroke_signs"][..], "call_ambulance"),
        ("50", &["injury_major", "legs_weak"][..], "call_ambulance"),
        (
            "34",
            &[
                "pregnant_or_postpartum",
                "upper_belly_pain",
                "headache_vision",
            ][..],
            "emergency_department",
        ),
    ] {
        let mut args = vec!["assess", "--age", age, "--json"];
        args.extend(ids);
        assert_eq!(json(&backlog(&args))["level"], level, "{age} {ids:?}");
    }
    let v = json(&backlog(&[
        "assess",
        "--age",
        "60",
        "--json",
        "chemo_recent",
        "fever",
    ]));
    let level = v["level"].as_str().unwrap();
    assert!(
        ["emergency_department", "call_ambulance"].contains(&level),
        "{level}"
    );
    // The pregnancy case tells the person whom to call first.
    let o = backlog(&[
        "assess",
        "--age",
        "34",
        "pregnant_or_postpartum",
        "upper_belly_pain",
        "headache_vision",
    ]);
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "GO TO AN EMERGENCY DEPARTMENT RIGHT NOW\nCall your maternity unit or midwife now."
        ),
        "{text}"
    );
}

#[test]
fn rules_lists_the_2_0_rules_with_their_first_action() {
    let text = stdout(&backlog(&["rules"]));
    assert!(text.starts_with("Rules version 2.0+"), "{text}");
    for id in ["A7", "A11", "E10", "E15", "U11", "U13", "U17", "D16", "D17"] {
        assert!(text.contains(&format!("\n{id}  ")), "{id} missing");
    }
    assert!(!text.contains("\nD14  "), "D14 is retired");
    assert!(
        text.contains("first action: Lie still and call an ambulance."),
        "{text}"
    );
}

/// Text with every run of white space as one space (undoes the wrapping).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `backlog` with this data folder.
fn backlog_in(dir: &std::path::Path, args: &[&str]) -> Output {
    crate::common::run_in(dir, args)
}

#[test]
fn the_profile_asks_whether_chemotherapy_still_applies_after_6_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let o = backlog_in(
        dir.path(),
        &["profile", "set", "--history", "chemo_recent,diabetes"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = flat(&stdout(&o));
    assert!(text.contains("(chemo_recent, ticked 20"), "{text}");
    assert!(!text.contains("Still true?"), "just ticked: {text}");
    // Seven weeks later (the file is edited to say it was ticked long ago).
    let file = dir.path().join("journal.ron");
    let ron = std::fs::read_to_string(&file).unwrap();
    let at = ron.find("\"chemo_recent\": \"").unwrap() + "\"chemo_recent\": \"".len();
    let old = format!("{}2000-01-01{}", &ron[..at], &ron[at + 10..]);
    std::fs::write(&file, old).unwrap();
    let text = flat(&stdout(&backlog_in(dir.path(), &["profile", "show"])));
    assert!(text.contains("Still true?"), "{text}");
    assert!(
        text.contains("backlog profile set --remove-history chemo_recent"),
        "{text}"
    );
    let v = json(&backlog_in(dir.path(), &["profile", "show", "--json"]));
    assert_eq!(v["history_to_confirm"], serde_json::json!(["chemo_recent"]));
    assert!(
        v["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h == "chemo_recent"),
        "it stays ticked until answered"
    );
    // Saying it is still true dates it today and the question goes away.
    let o = backlog_in(dir.path(), &["profile", "set", "--history", "chemo_recent"]);
    assert!(!stdout(&o).contains("Still true?"), "{}", stdout(&o));
    let v = json(&backlog_in(dir.path(), &["profile", "show", "--json"]));
    assert_eq!(v["history_to_confirm"], serde_json::json!([]));
    // Unticking it forgets the date too.
    backlog_in(
        dir.path(),
        &["profile", "set", "--remove-history", "chemo_recent"],
    );
    let ron = std::fs::read_to_string(&file).unwrap();
    assert!(!ron.contains("history_since"), "{ron}");
}

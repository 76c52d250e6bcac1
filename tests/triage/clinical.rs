//! Clinical cases from knowledge.md section 6 that the main case table does
//! not cover (boundaries, combinations, context findings), run through the
//! real binary as an outside check would: `assess --json`.

use std::process::Command;

use serde_json::Value;

fn assess(age: &str, findings: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["assess", "--json", "--age", age])
        .args(findings)
        .env("BACKLOG_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{age} {findings:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

fn rule_ids(v: &Value) -> Vec<String> {
    v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// (age, findings, level, rules that must fire, rules that must not fire)
type Case = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    // A3 second clause: heart history plus one cardiac sign.
    (
        "55",
        &["heart_history", "jaw_arm_pain"],
        "call_ambulance",
        &["A3", "E7"],
        &[],
    ),
    // A3 first clause: two cardiac signs, no chest pain (women, older people).
    (
        "66",
        &["nausea_vomiting", "fainting_dizzy"],
        "call_ambulance",
        &["A3", "E7", "U10"],
        &[],
    ),
    // One cardiac sign alone is not A3.
    ("40", &["nausea_vomiting"], "within_24h", &["U10"], &["A3"]),
    // A4 with clot risk; E5 also fires.
    (
        "35",
        &["short_of_breath", "clot_risk"],
        "call_ambulance",
        &["A4", "E5"],
        &[],
    ),
    // clot_risk alone is context only (6.7).
    ("35", &["clot_risk"], "self_care", &["S0"], &[]),
    ("35", &["heart_history"], "self_care", &["S0"], &[]),
    // E9: pain on breathing with clot risk; D12 too.
    (
        "35",
        &["pain_worse_breathing", "clot_risk"],
        "emergency_department",
        &["E9", "D12"],
        &[],
    ),
    // E4 needs fever plus an infection risk; U2 still fires.
    (
        "30",
        &["fever", "immunosuppressed"],
        "emergency_department",
        &["E4", "U2", "D9"],
        &[],
    ),
    // U8: infection risk plus a pain flag, no fever.
    (
        "30",
        &["iv_drug_use", "pain_spine_tender"],
        "within_24h",
        &["U8", "D9", "D1"],
        &["E4"],
    ),
    // U5 by age: 70 and a minor injury; 69 is D7 only.
    ("70", &["injury_minor"], "within_24h", &["U5", "D7"], &[]),
    ("69", &["injury_minor"], "see_doctor", &["D7"], &["U5"]),
    // U5 by bone fragility with a strain, under 50.
    (
        "40",
        &["steroids_long_term", "after_strain"],
        "within_24h",
        &["U5", "D8", "D9"],
        &[],
    ),
    // D5 boundary: every age 50 or over; 49 is self care.
    ("50", &[], "see_doctor", &["D5"], &[]),
    ("49", &[], "self_care", &["S0"], &[]),
    // D5 fires from 50 on even with an ordinary cause, so ticking "after a
    // strain" never lowers the level (revision-2.md R0).
    ("50", &["after_strain"], "see_doctor", &["D5"], &["S0"]),
    (
        "30",
        &["history_cancer_breast", "posture_related"],
        "within_24h",
        &["U1"],
        &["S0"],
    ),
    // after_strain never cancels CANCER (U1).
    (
        "60",
        &["history_cancer_breast", "after_strain"],
        "within_24h",
        &["U1"],
        &["S0"],
    ),
    // E2: cancer plus arm nerve pain; D11 is for people without cancer.
    (
        "60",
        &["history_cancer_prostate", "arm_nerve_pain"],
        "emergency_department",
        &["E2", "U1"],
        &["D11"],
    ),
    ("40", &["arm_nerve_pain"], "see_doctor", &["D11"], &["E2"]),
    // U9: at 50 one weak flag is enough; at 49 it takes two.
    ("50", &["night_sweats"], "within_24h", &["U9", "D1"], &[]),
    ("49", &["night_sweats"], "see_doctor", &["D1"], &["U9"]),
    (
        "49",
        &["night_sweats", "fatigue_unusual"],
        "within_24h",
        &["U9"],
        &[],
    ),
    // D4: in 1.0 only under 45. Moved by 2.0 (revision-2.md R4): the label
    // asks whether it started before 45, so the age now is not used.
    ("44", &["morning_stiffness"], "see_doctor", &["D4"], &[]),
    ("45", &["morning_stiffness"], "see_doctor", &["D4"], &["S0"]),
    // D6: under 18; 18 is an adult.
    ("17", &[], "see_doctor", &["D6"], &[]),
    ("18", &[], "self_care", &["S0"], &["D6"]),
    // S0 never fires alongside another rule. Moved by 2.0 (R4): U13
    // (within 24 hours) replaces D14 (book an appointment) for urine signs.
    (
        "30",
        &["posture_related", "urinary_symptoms"],
        "within_24h",
        &["U13"],
        &["S0", "D14"],
    ),
    // The "done means" cases, through the real binary.
    ("45", &["stroke_signs"], "call_ambulance", &["A7"], &[]),
    (
        "50",
        &["injury_major", "legs_weak"],
        "call_ambulance",
        &["A8"],
        &[],
    ),
    (
        "34",
        &[
            "pregnant_or_postpartum",
            "upper_belly_pain",
            "headache_vision",
        ],
        "emergency_department",
        &["E10"],
        &[],
    ),
    (
        "60",
        &["chemo_recent", "fever"],
        "emergency_department",
        &["E4", "U1"],
        &[],
    ),
];

#[test]
fn section_6_cases_beyond_the_main_table() {
    let mut wrong = Vec::new();
    for (age, findings, level, fire, not_fire) in CASES {
        let v = assess(age, findings);
        let ids = rule_ids(&v);
        let ok = v["level"] == *level
            && fire.iter().all(|r| ids.iter().any(|i| i == r))
            && not_fire.iter().all(|r| !ids.iter().any(|i| i == r));
        if !ok {
            wrong.push(format!(
                "age {age} {findings:?}: got {} {ids:?}, want {level} with {fire:?} and without {not_fire:?}",
                v["level"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn rules_come_most_urgent_first_then_in_table_order() {
    let v = assess("60", &["chest_pain", "fever", "legs_weak", "pain_at_night"]);
    let order = [
        "call_ambulance",
        "emergency_department",
        "within_24h",
        "see_doctor",
    ];
    let levels: Vec<usize> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| order.iter().position(|l| r["level"] == *l).unwrap())
        .collect();
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    assert_eq!(rule_ids(&v)[0], "A1");
    for r in v["rules"].as_array().unwrap() {
        assert!(!r["reason"].as_str().unwrap().is_empty());
        assert!(!r["sources"].as_array().unwrap().is_empty(), "{r}");
    }
    assert!(v["rules_version"].is_string() || v["rules_version"].is_number());
    assert!(
        v["advice"].is_object() || v["advice"].is_string(),
        "{}",
        v["advice"]
    );
    assert!(v["watch_for"].is_array(), "{}", v["watch_for"]);
}

/// A check saved under rules 1.0 names D14, which 2.0 retired (U13 replaced
/// it). It must still load and show as that rule of that edition, and the
/// history section must show the new history boxes (revision-2.md R4, R1).
#[test]
fn a_saved_check_with_a_retired_rule_still_loads_and_shows() {
    use backlog::journal::{Journal, SavedCheck};
    use backlog::summary::{SummaryRequest, build};
    use backlog::triage::{Level, knowledge};

    let k = knowledge();
    let now = jiff::civil::date(2026, 11, 24)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap();
    let mut j = Journal::new();
    j.checks.push(SavedCheck {
        time: now.timestamp(),
        age: 34,
        findings: ["urinary_symptoms".to_owned()].into(),
        level: Level::SeeDoctor,
        rules: vec!["D14".to_owned()],
        rules_version: "1.0+a32d0820".to_owned(),
    });
    j.profile.history = ["diabetes", "pregnant_or_postpartum", "chemo_recent"]
        .map(str::to_owned)
        .into();
    // Through the file format, as a journal written by 1.0 would be read.
    let text = ron::to_string(&j).unwrap();
    let back: Journal = ron::from_str(&text).unwrap();
    back.checks[0].validate(k).unwrap();
    let page = build(&back, k, &SummaryRequest::default(), &now)
        .unwrap()
        .plain_text();
    assert!(
        page.contains("D14 (a rule of rules 1.0, since retired)"),
        "{page}"
    );
    for shown in [
        "diabetes",
        "pregnant or within 6 weeks of birth",
        "chemotherapy in the last 6 weeks",
    ] {
        assert!(page.to_lowercase().contains(shown), "{shown}: {page}");
    }
}

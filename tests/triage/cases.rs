//! Clinical cases written from the knowledge file (§3–§6): who ticks what,
//! and what the check must answer. Every rule fires in at least one case and
//! every level is reached.

use backlog::triage::{Level, knowledge};
use std::collections::BTreeSet;

use Level::{
    CallAmbulance as AMB, EmergencyDepartment as ED, SeeDoctor as DOC, SelfCare as HOME,
    Within24h as H24,
};

struct Case {
    name: &'static str,
    age: i64,
    findings: &'static [&'static str],
    level: Level,
    fires: &'static [&'static str],
    silent: &'static [&'static str],
}

const fn case(
    name: &'static str,
    age: i64,
    findings: &'static [&'static str],
    level: Level,
    fires: &'static [&'static str],
    silent: &'static [&'static str],
) -> Case {
    Case {
        name,
        age,
        findings,
        level,
        fires,
        silent,
    }
}

const CASES: &[Case] = &[
    // Plain mechanical pain: reassurance.
    case(
        "desk worker with posture pain",
        30,
        &["posture_related"],
        HOME,
        &["S0"],
        &["D5"],
    ),
    case("nothing ticked at 18", 18, &[], HOME, &["S0"], &[]),
    case("nothing ticked at 49", 49, &[], HOME, &["S0"], &["D5"]),
    case(
        "strain from lifting at 35",
        35,
        &["after_strain"],
        HOME,
        &["S0"],
        &[],
    ),
    // Risk factors without symptoms stay at self-care (§6.7).
    case(
        "clot risk alone is context",
        40,
        &["clot_risk"],
        HOME,
        &["S0"],
        &[],
    ),
    case(
        "heart history alone is context",
        45,
        &["heart_history"],
        HOME,
        &["S0"],
        &[],
    ),
    case(
        "clot and heart history with a strain",
        40,
        &["clot_risk", "heart_history", "after_strain"],
        HOME,
        &["S0"],
        &[],
    ),
    // Ambulance.
    case(
        "chest pain with sweating (issue example)",
        62,
        &["chest_pain", "sweating_clammy"],
        AMB,
        &["A1", "E7"],
        &["S0"],
    ),
    case("chest pain alone", 25, &["chest_pain"], AMB, &["A1"], &[]),
    case("tearing pain", 70, &["pain_tearing"], AMB, &["A2"], &[]),
    case(
        "sudden severe pain",
        55,
        &["pain_sudden_severe"],
        AMB,
        &["A2"],
        &[],
    ),
    case(
        "two cardiac signs without chest pain",
        58,
        &["nausea_vomiting", "jaw_arm_pain"],
        AMB,
        &["A3", "E7", "U10"],
        &["A1"],
    ),
    case(
        "heart history and one cardiac sign",
        66,
        &["heart_history", "sweating_clammy"],
        AMB,
        &["A3", "E7"],
        &[],
    ),
    case(
        "breathless with pain on breathing",
        40,
        &["short_of_breath", "pain_worse_breathing"],
        AMB,
        &["A4", "E5", "D12"],
        &[],
    ),
    case(
        "breathless with clot risk",
        33,
        &["short_of_breath", "clot_risk"],
        AMB,
        &["A4"],
        &[],
    ),
    case(
        "breathless coughing blood",
        47,
        &["short_of_breath", "coughing_blood"],
        AMB,
        &["A4", "E5", "E6"],
        &[],
    ),
    case("cannot stand", 72, &["cannot_stand"], AMB, &["A5"], &[]),
    case(
        "very unwell (sepsis signs)",
        80,
        &["very_unwell", "fever"],
        AMB,
        &["A6", "U2"],
        &[],
    ),
    case(
        "ambulance wins over a posture explanation",
        30,
        &["chest_pain", "posture_related"],
        AMB,
        &["A1"],
        &["S0"],
    ),
    // Emergency department.
    case("new leg weakness", 40, &["legs_weak"], ED, &["E1"], &["E2"]),
    case("saddle numbness", 35, &["saddle_numb"], ED, &["E1"], &[]),
    case(
        "bladder changes",
        52,
        &["bladder_bowel_change"],
        ED,
        &["E1"],
        &[],
    ),
    case(
        "cancer with walking difficulty",
        64,
        &["history_cancer_breast", "walking_difficulty"],
        ED,
        &["E2", "E1", "U1"],
        &[],
    ),
    case(
        "cancer with a band of pain",
        58,
        &["history_cancer_prostate", "pain_band_chest"],
        ED,
        &["E2", "U1"],
        &["D10"],
    ),
    case(
        "cancer with arm nerve pain",
        61,
        &["history_cancer_lung", "arm_nerve_pain"],
        ED,
        &["E2", "U1"],
        &["D11"],
    ),
    case("serious accident", 28, &["injury_major"], ED, &["E3"], &[]),
    case(
        "fever while injecting drugs",
        31,
        &["fever", "iv_drug_use"],
        ED,
        &["E4", "U2", "D9"],
        &[],
    ),
    case(
        "fever on long-term steroids",
        68,
        &["fever", "steroids_long_term"],
        ED,
        &["E4"],
        &[],
    ),
    case(
        "breathless alone",
        44,
        &["short_of_breath"],
        ED,
        &["E5"],
        &["A3", "A4"],
    ),
    case(
        "coughing blood alone",
        50,
        &["coughing_blood"],
        ED,
        &["E6"],
        &[],
    ),
    case(
        "one cardiac sign: faint",
        36,
        &["fainting_dizzy"],
        ED,
        &["E7"],
        &["A3"],
    ),
    case(
        "severe belly pain through to the back",
        48,
        &["belly_pain_severe"],
        ED,
        &["E8"],
        &[],
    ),
    case(
        "pain on breathing with clot risk",
        29,
        &["pain_worse_breathing", "clot_risk"],
        ED,
        &["E9", "D12"],
        &["A4"],
    ),
    // Within 24 hours.
    case(
        "cancer history with an ordinary lifting strain",
        55,
        &["history_cancer_breast", "after_strain"],
        H24,
        &["U1"],
        &["S0"],
    ),
    case(
        "cancer history with posture pain at 40",
        40,
        &["history_cancer_thyroid", "posture_related"],
        H24,
        &["U1"],
        &[],
    ),
    case(
        "bone metastases alone",
        67,
        &["history_bone_mets"],
        H24,
        &["U1"],
        &[],
    ),
    case("fever alone", 30, &["fever"], H24, &["U2"], &["E4"]),
    case("weight loss alone", 45, &["weight_loss"], H24, &["U3"], &[]),
    case(
        "lump on the spine",
        39,
        &["back_lump_deformity"],
        H24,
        &["U4"],
        &[],
    ),
    case(
        "osteoporosis and a minor fall",
        60,
        &["history_osteoporosis", "injury_minor"],
        H24,
        &["U5", "D7", "D8"],
        &[],
    ),
    case(
        "steroids and a lifting strain",
        42,
        &["steroids_long_term", "after_strain"],
        H24,
        &["U5", "D8", "D9"],
        &[],
    ),
    case(
        "minor fall at 70",
        70,
        &["injury_minor"],
        H24,
        &["U5", "D7"],
        &[],
    ),
    case(
        "minor fall at 69",
        69,
        &["injury_minor"],
        DOC,
        &["D7"],
        &["U5"],
    ),
    case("shingles rash", 63, &["rash_one_side"], H24, &["U6"], &[]),
    case("yellow skin", 57, &["jaundice"], H24, &["U7"], &[]),
    case(
        "immunosuppressed with night pain",
        45,
        &["immunosuppressed", "pain_at_night"],
        H24,
        &["U8", "D1", "D9"],
        &[],
    ),
    case(
        "two weak flags under 50",
        35,
        &["pain_at_night", "night_sweats"],
        H24,
        &["U9", "D1"],
        &[],
    ),
    case(
        "one weak flag at 50",
        50,
        &["fatigue_unusual"],
        H24,
        &["U9", "D1", "D5"],
        &[],
    ),
    case(
        "nausea alone",
        30,
        &["nausea_vomiting"],
        H24,
        &["U10"],
        &["A3"],
    ),
    // See a doctor.
    case(
        "one weak flag at 49",
        49,
        &["pain_worse_straining"],
        DOC,
        &["D1"],
        &["U9"],
    ),
    case(
        "not better after 2 weeks",
        33,
        &["not_better_2wk"],
        DOC,
        &["D2"],
        &[],
    ),
    case(
        "pain over 3 months",
        41,
        &["pain_over_3mo"],
        DOC,
        &["D3"],
        &[],
    ),
    case(
        "morning stiffness at 44",
        44,
        &["morning_stiffness"],
        DOC,
        &["D4"],
        &[],
    ),
    case(
        "morning stiffness at 45",
        45,
        &["morning_stiffness"],
        HOME,
        &["S0"],
        &["D4"],
    ),
    case("nothing ticked at 50", 50, &[], DOC, &["D5"], &["S0"]),
    // Safer reading of D5 (see data/rules.ron): an ordinary cause does not lower the level.
    case(
        "posture pain at 62",
        62,
        &["posture_related"],
        DOC,
        &["D5"],
        &["S0"],
    ),
    case("teenager", 16, &["posture_related"], DOC, &["D6"], &[]),
    case("age 17", 17, &[], DOC, &["D6"], &[]),
    case(
        "teenager with chest pain still gets an ambulance",
        15,
        &["chest_pain"],
        AMB,
        &["A1", "D6"],
        &[],
    ),
    case(
        "minor fall at 50",
        50,
        &["injury_minor"],
        DOC,
        &["D7"],
        &["U5"],
    ),
    case(
        "minor fall at 49",
        49,
        &["injury_minor"],
        HOME,
        &["S0"],
        &["D7"],
    ),
    case(
        "osteoporosis alone",
        38,
        &["history_osteoporosis"],
        DOC,
        &["D8"],
        &["U5"],
    ),
    case(
        "injecting drugs alone",
        27,
        &["iv_drug_use"],
        DOC,
        &["D9"],
        &[],
    ),
    case(
        "recent spine procedure",
        46,
        &["recent_infection_or_procedure"],
        DOC,
        &["D9"],
        &[],
    ),
    case(
        "band of pain without cancer",
        39,
        &["pain_band_chest"],
        DOC,
        &["D10"],
        &["E2"],
    ),
    case(
        "arm nerve pain without cancer",
        43,
        &["arm_nerve_pain"],
        DOC,
        &["D11"],
        &["E2"],
    ),
    case(
        "pain on a deep breath",
        26,
        &["pain_worse_breathing"],
        DOC,
        &["D12"],
        &["E9"],
    ),
    case(
        "upper belly pain after meals",
        48,
        &["upper_belly_pain"],
        DOC,
        &["D13"],
        &[],
    ),
    case(
        "urinary symptoms",
        34,
        &["urinary_symptoms"],
        DOC,
        &["D14"],
        &[],
    ),
    case(
        "lump elsewhere",
        36,
        &["lump_elsewhere"],
        DOC,
        &["D15"],
        &[],
    ),
    // Age bounds.
    case("age 0", 0, &[], DOC, &["D6"], &[]),
    case("age 120", 120, &[], DOC, &["D5"], &[]),
];

#[test]
fn clinical_cases_give_the_expected_level_and_reasons() {
    let k = knowledge();
    let mut failures = Vec::new();
    for c in CASES {
        let answers = k.answers(c.age, c.findings).unwrap();
        let a = k.assess(&answers);
        let fired: BTreeSet<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
        if a.level != c.level {
            failures.push(format!(
                "{}: level {} (expected {}), fired {fired:?}",
                c.name, a.level, c.level
            ));
        }
        for id in c.fires {
            if !fired.contains(id) {
                failures.push(format!("{}: {id} did not fire; fired {fired:?}", c.name));
            }
        }
        for id in c.silent {
            if fired.contains(id) {
                failures.push(format!("{}: {id} fired but must not", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_case_table_covers_every_rule_and_level() {
    let k = knowledge();
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let mut fired = BTreeSet::new();
    let mut levels = BTreeSet::new();
    for c in CASES {
        let a = k.assess(&k.answers(c.age, c.findings).unwrap());
        fired.extend(a.rules.iter().map(|r| r.id.clone()));
        levels.insert(a.level);
    }
    let missing: Vec<&str> = k
        .rules()
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !fired.contains(*id))
        .collect();
    assert!(missing.is_empty(), "rules never fired: {missing:?}");
    assert_eq!(levels.len(), 5);
}

#[test]
fn reasons_are_most_urgent_first_then_in_table_order() {
    let k = knowledge();
    let a = k.assess(
        &k.answers(
            66,
            [
                "heart_history",
                "sweating_clammy",
                "nausea_vomiting",
                "pain_at_night",
            ],
        )
        .unwrap(),
    );
    let ids: Vec<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["A3", "E7", "U9", "U10", "D1", "D5"]);
    assert_eq!(a.advice.level, AMB);
}

#[test]
fn self_care_shows_only_s0_with_its_reason() {
    let k = knowledge();
    let a = k.assess(&k.answers(30, ["posture_related"]).unwrap());
    assert_eq!(a.rules.len(), 1);
    assert!(
        a.rules[0]
            .reason
            .starts_with("Nothing you ticked points to a serious cause")
    );
}

#[test]
fn watch_for_lists_what_would_raise_the_level_grouped_by_level() {
    let k = knowledge();
    let a = k.assess(&k.answers(30, ["posture_related"]).unwrap());
    let level_of = |id: &str| {
        a.watch_for
            .iter()
            .find(|w| w.findings.iter().any(|f| f.id == id))
            .map(|w| w.level)
    };
    assert_eq!(level_of("chest_pain"), Some(AMB));
    assert_eq!(level_of("legs_weak"), Some(ED));
    assert_eq!(level_of("fever"), Some(H24));
    assert_eq!(level_of("pain_at_night"), Some(DOC));
    // Context that cannot "appear" later is not listed.
    assert_eq!(level_of("history_cancer_breast"), None);
    assert_eq!(level_of("injury_major"), None);
    // Most urgent first, and never the current level or below.
    let levels: Vec<Level> = a.watch_for.iter().map(|w| w.level).collect();
    assert_eq!(levels, [AMB, ED, H24, DOC]);
}

#[test]
fn watch_for_takes_what_is_already_ticked_into_account() {
    let k = knowledge();
    // With heart disease, one cardiac sign is already an ambulance (A3).
    let a = k.assess(&k.answers(60, ["heart_history"]).unwrap());
    let amb = a.watch_for.iter().find(|w| w.level == AMB).unwrap();
    assert!(amb.findings.iter().any(|f| f.id == "nausea_vomiting"));
    // Without it, nausea alone is within 24 hours.
    let a = k.assess(&k.answers(30, [] as [&str; 0]).unwrap());
    let h24 = a.watch_for.iter().find(|w| w.level == H24).unwrap();
    assert!(h24.findings.iter().any(|f| f.id == "nausea_vomiting"));
    // At the top level there is nothing left to watch for.
    let a = k.assess(&k.answers(60, ["chest_pain"]).unwrap());
    assert!(a.watch_for.is_empty());
}

#[test]
fn unknown_ids_and_impossible_ages_are_errors_with_suggestions() {
    let k = knowledge();
    let e = k.answers(40, ["chest_pian"]).unwrap_err();
    assert!(e.to_string().contains("did you mean chest_pain?"), "{e}");
    assert!(k.answers(121, [] as [&str; 0]).is_err());
    assert!(k.answers(-1, [] as [&str; 0]).is_err());
    assert!(k.answers(120, [] as [&str; 0]).is_ok());
}

//! The embedded clinical data: it loads, it matches the knowledge file, and
//! every kind of mistake in it is caught with the file and item named.

use backlog::triage::{DataError, DataFiles, Knowledge, Level, knowledge};

#[test]
fn shipped_data_passes_validation() {
    Knowledge::load(&DataFiles::EMBEDDED).unwrap();
}

#[test]
fn counts_match_the_knowledge_file() {
    let k = knowledge();
    // §5: 58 ids, plus revision-2.md R1's 14 new findings (72, none removed).
    assert_eq!(k.findings().len(), 72);
    assert_eq!(k.groups().len(), 9);
    // §6 with R4: A1–A11, E1–E15, U1–U11 and U13–U17, D1–D13 and D15–D17, S0.
    let count = |prefix: char| {
        k.rules()
            .iter()
            .filter(|r| r.id.starts_with(prefix))
            .count()
    };
    assert_eq!(count('A'), 11);
    assert_eq!(count('E'), 15);
    assert_eq!(count('U'), 16);
    assert_eq!(count('D'), 16);
    assert_eq!(count('S'), 1);
    assert_eq!(k.rules().len(), 59);
    // §10 (41) plus R7 (14).
    assert_eq!(k.sources().len(), 55);
    // §4 with R3: EXPLAINED_ONSET removed, CARDIAC_SIGNS_STRONG and CLOT_RISK added.
    assert_eq!(k.derived().len(), 9);
    assert!(k.derived_group("EXPLAINED_ONSET").is_none());
}

#[test]
fn retired_rule_ids_are_never_reused() {
    let k = knowledge();
    // D14 was replaced by U13 in 2.0; U12 was never used.
    assert!(k.rule("D14").is_none());
    assert!(k.rule("U12").is_none());
    assert!(k.rule("U13").is_some());
}

#[test]
fn only_the_two_information_only_findings_are_marked() {
    let k = knowledge();
    let info: Vec<&str> = k.info_only().map(|f| f.id.as_str()).collect();
    assert_eq!(info, ["posture_related", "high_blood_pressure"]);
    // And no rule looks at them.
    for r in k.rules() {
        let mut seen = Vec::new();
        r.when.walk(&mut |c| {
            if let backlog::triage::Condition::Finding(id) = c {
                seen.push(id.clone());
            }
        });
        assert!(
            !seen.iter().any(|id| info.contains(&id.as_str())),
            "rule {}",
            r.id
        );
    }
}

#[test]
fn time_limited_history_boxes_carry_their_weeks() {
    let k = knowledge();
    let limited: Vec<(&str, u16)> = k
        .time_limited_history()
        .map(|(f, w)| (f.id.as_str(), w))
        .collect();
    // Chemotherapy: 6 weeks. Pregnancy: 40 weeks plus 6 after birth.
    assert_eq!(
        limited,
        [("pregnant_or_postpartum", 46), ("chemo_recent", 6)]
    );
    assert!(limited.iter().all(|(id, _)| k.is_history(id)));
}

#[test]
fn warning_signs_are_the_symptom_groups_not_onset_course_or_history() {
    let k = knowledge();
    for id in [
        "chest_pain",
        "stroke_signs",
        "pain_at_night",
        "fever",
        "calf_swollen",
    ] {
        assert!(k.is_warning_sign(id), "{id}");
    }
    for id in [
        "after_strain",
        "injury_major",
        "not_better_2wk",
        "pain_over_3mo",
        "morning_stiffness",
        "diabetes",
        "history_cancer_breast",
    ] {
        assert!(!k.is_warning_sign(id), "{id}");
    }
    // Each warning sign raises the level on its own, at every adult age.
    for f in k.warning_signs() {
        for age in [18, 30, 49] {
            let a = k.assess(&k.answers(age, [f.id.as_str()]).unwrap());
            assert!(a.level > Level::SelfCare, "{} at {age}", f.id);
        }
    }
    assert_eq!(k.warning_signs().count(), 9 + 8 + 8 + 8 + 10);
}

#[test]
fn open_by_default_groups_are_data() {
    let k = knowledge();
    let open: Vec<&str> = k
        .groups()
        .iter()
        .filter(|g| g.open)
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(open, ["heart_lung", "nerve"]);
}

#[test]
fn rule_levels_follow_their_id_letter() {
    for rule in knowledge().rules() {
        let expected = match rule.id.chars().next() {
            Some('A') => Level::CallAmbulance,
            Some('E') => Level::EmergencyDepartment,
            Some('U') => Level::Within24h,
            Some('D') => Level::SeeDoctor,
            _ => Level::SelfCare,
        };
        assert_eq!(rule.level, expected, "rule {}", rule.id);
    }
}

#[test]
fn every_rule_and_finding_has_resolvable_sources() {
    let k = knowledge();
    for rule in k.rules() {
        assert!(!rule.sources.is_empty(), "rule {}", rule.id);
        for key in &rule.sources {
            assert!(k.source(key).is_some(), "rule {} cites {key}", rule.id);
        }
    }
    for f in k.findings() {
        assert!(!f.sources.is_empty(), "finding {}", f.id);
    }
}

#[test]
fn spot_checks_against_the_knowledge_file() {
    let k = knowledge();
    let f = k.finding("saddle_numb").unwrap();
    assert_eq!(f.group, "nerve");
    assert!(
        f.label
            .starts_with("Numb or tingling skin around your genitals")
    );
    assert_eq!(k.rule("A4").unwrap().sources, ["NID-PE", "ALUK-PE"]);
    assert_eq!(
        k.rule("U5").unwrap().when.to_string(),
        "(any of BONE_FRAGILITY and (injury_minor or after_strain)) or (age 70 or over and injury_minor)"
    );
    assert!(k.is_history("history_bone_mets"));
    assert!(k.is_history("clot_risk"));
    assert!(k.is_history("diabetes"));
    assert!(k.is_history("chemo_recent"));
    assert!(!k.is_history("chest_pain"));
    assert_eq!(k.finding("stroke_signs").unwrap().group, "nerve");
    assert_eq!(
        k.findings_in("nerve").next().map(|f| f.id.as_str()),
        Some("stroke_signs"),
        "stroke signs come first in their group"
    );
    assert_eq!(
        k.rule("E10").unwrap().when.to_string(),
        "pregnant_or_postpartum and (upper_belly_pain or belly_pain_severe or headache_vision)"
    );
    assert_eq!(k.rule("D5").unwrap().when.to_string(), "age 50 or over");
    assert_eq!(k.rule("D4").unwrap().when.to_string(), "morning_stiffness");
    assert_eq!(
        k.rule("A8").unwrap().action.as_deref(),
        Some("Do not move. Call an ambulance.")
    );
    assert_eq!(
        k.derived_group("CARDIAC_SIGNS_STRONG").unwrap().members,
        [
            "sweating_clammy",
            "short_of_breath",
            "fainting_dizzy",
            "jaw_arm_pain"
        ]
    );
    assert_eq!(
        k.derived_group("NEURO").unwrap().members,
        [
            "legs_weak",
            "walking_difficulty",
            "numb_legs_or_trunk",
            "saddle_numb",
            "bladder_bowel_change"
        ]
    );
    assert_eq!(k.source("NG234").unwrap().year, "2023");
}

#[test]
fn groups_are_in_display_order_most_serious_first() {
    let k = knowledge();
    let ids: Vec<&str> = k.groups().iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids[0], "heart_lung");
    assert_eq!(ids.last(), Some(&"cancer_history"));
    // Findings are stored group by group in that order.
    let mut last_group = 0;
    for f in k.findings() {
        let pos = ids.iter().position(|g| *g == f.group).unwrap();
        assert!(pos >= last_group, "{} is out of group order", f.id);
        last_group = pos;
    }
}

#[test]
fn rules_version_changes_when_any_clinical_text_changes() {
    let base = knowledge().rules_version().to_owned();
    assert!(base.starts_with("2.0+"), "{base}");
    let embedded = DataFiles::EMBEDDED;
    let rules = embedded.rules.replace(
        "Call an ambulance now. Do not drive yourself.",
        "Call an ambulance now.",
    );
    let changed = Knowledge::load(&DataFiles {
        rules: &rules,
        ..embedded
    })
    .unwrap();
    assert_ne!(changed.rules_version(), base);
    let advice = embedded
        .advice
        .replace("Bring your list of medicines.", "Bring your medicines.");
    let changed = Knowledge::load(&DataFiles {
        advice: &advice,
        ..embedded
    })
    .unwrap();
    assert_ne!(changed.rules_version(), base);
}

/// Loads the shipped data with one edit applied to one file.
fn broken(file: &str, from: &str, to: &str) -> DataError {
    let e = DataFiles::EMBEDDED;
    let edit = |text: &str| {
        assert!(text.contains(from), "fixture edit {from:?} does not apply");
        text.replacen(from, to, 1)
    };
    let (mut f, mut r, mut s, mut a) = (
        e.findings.to_owned(),
        e.rules.to_owned(),
        e.sources.to_owned(),
        e.advice.to_owned(),
    );
    match file {
        "findings" => f = edit(&f),
        "rules" => r = edit(&r),
        "sources" => s = edit(&s),
        "advice" => a = edit(&a),
        _ => unreachable!(),
    }
    Knowledge::load(&DataFiles {
        findings: &f,
        rules: &r,
        sources: &s,
        advice: &a,
    })
    .expect_err("the broken data must be rejected")
}

fn message(e: &DataError) -> String {
    e.to_string()
}

#[test]
fn unknown_finding_in_a_rule_is_named() {
    let e = broken(
        "rules",
        "when: Finding(\"chest_pain\")",
        "when: Finding(\"chest_pian\")",
    );
    assert_eq!(
        message(&e),
        "data/rules.ron: rule A1: unknown finding \"chest_pian\""
    );
}

#[test]
fn unknown_derived_group_in_a_rule_is_named() {
    let e = broken("rules", "Group(\"NEURO\")", "Group(\"NERVES\")");
    // The first rule that names NEURO is A8 (a serious accident with nerve signs).
    assert_eq!(
        message(&e),
        "data/rules.ron: rule A8: unknown derived group \"NERVES\""
    );
}

#[test]
fn unknown_finding_in_a_derived_group_is_named() {
    let e = broken(
        "findings",
        "members: [\"legs_weak\"",
        "members: [\"legs_weakk\"",
    );
    assert_eq!(
        message(&e),
        "data/findings.ron: derived group \"NEURO\": unknown finding \"legs_weakk\""
    );
}

#[test]
fn unknown_display_group_is_named() {
    let e = broken("findings", "group: \"heart_lung\"", "group: \"heart\"");
    assert_eq!(
        message(&e),
        "data/findings.ron: finding \"chest_pain\": unknown group \"heart\""
    );
}

#[test]
fn rule_without_a_source_is_rejected() {
    let e = broken(
        "rules",
        "sources: [\"NHS-BACK\", \"NHS-HA\", \"AHA-W\"]",
        "sources: []",
    );
    assert_eq!(
        message(&e),
        "data/rules.ron: rule A1: has no source; every item needs at least one"
    );
}

#[test]
fn source_key_without_an_entry_is_rejected() {
    let e = broken(
        "rules",
        "sources: [\"NHS-BACK\", \"NHS-HA\", \"AHA-W\"]",
        "sources: [\"NHS-BAKC\"]",
    );
    assert_eq!(
        message(&e),
        "data/rules.ron: rule A1: source \"NHS-BAKC\" is not in data/sources.ron"
    );
}

#[test]
fn duplicate_ids_are_rejected() {
    let e = broken("rules", "id: \"A2\"", "id: \"A1\"");
    assert_eq!(
        message(&e),
        "data/rules.ron: rule \"A1\": the id is used twice"
    );
    let e = broken("findings", "id: \"short_of_breath\"", "id: \"chest_pain\"");
    assert_eq!(
        message(&e),
        "data/findings.ron: finding \"chest_pain\": the id is used twice"
    );
    let e = broken("sources", "key: \"CC-UBP\"", "key: \"CC-ARTICLE\"");
    assert_eq!(
        message(&e),
        "data/sources.ron: source \"CC-ARTICLE\": the id is used twice"
    );
}

#[test]
fn unknown_level_is_named_with_the_rule() {
    let e = broken("rules", "level: \"call_ambulance\"", "level: \"urgent\"");
    assert!(
        message(&e).starts_with("data/rules.ron: rule A1: unknown level \"urgent\""),
        "{e}"
    );
    let e = broken("advice", "level: \"see_doctor\"", "level: \"see_a_doctor\"");
    assert!(
        message(&e).starts_with("data/advice.ron: advice for \"see_a_doctor\": unknown level"),
        "{e}"
    );
}

#[test]
fn finding_used_by_no_rule_and_no_group_is_rejected() {
    // Rule D15 is the only user of `lump_elsewhere`.
    let e = broken(
        "rules",
        "when: Finding(\"lump_elsewhere\")",
        "when: Finding(\"upper_belly_pain\")",
    );
    assert_eq!(
        message(&e),
        "data/findings.ron: finding \"lump_elsewhere\": no rule and no derived group uses it (mark it info_only if it is only recorded)"
    );
}

#[test]
fn an_information_only_finding_that_a_rule_uses_is_rejected() {
    // D15 uses lump_elsewhere; marking it info_only contradicts that.
    let why = "A doctor can send you for quick tests.\",\n            sources: [\"NG12\"],";
    let e = broken(
        "findings",
        why,
        &format!("{why}\n            info_only: true,"),
    );
    assert!(
        message(&e).contains("is marked info_only, but a rule or derived group uses it"),
        "{e}"
    );
}

#[test]
fn an_unused_finding_passes_only_when_marked_information_only() {
    // high_blood_pressure is used by nothing; without its mark it is caught.
    let e = broken(
        "findings",
        "sources: [\"HSE-AD\"],\n            info_only: true,",
        "sources: [\"HSE-AD\"],",
    );
    assert!(
        message(&e).starts_with(
            "data/findings.ron: finding \"high_blood_pressure\": no rule and no derived group uses it"
        ),
        "{e}"
    );
}

#[test]
fn an_empty_action_line_is_rejected() {
    let e = broken(
        "rules",
        "action: Some(\"Do not move. Call an ambulance.\")",
        "action: Some(\" \")",
    );
    assert_eq!(
        message(&e),
        "data/rules.ron: rule A8: has an empty action line; remove it or write one"
    );
}

#[test]
fn time_limits_only_on_history_boxes_and_never_zero() {
    let e = broken(
        "findings",
        "confirm_after_weeks: Some(6)",
        "confirm_after_weeks: Some(0)",
    );
    assert!(
        message(&e).ends_with("confirm_after_weeks must be at least 1"),
        "{e}"
    );
    let e = broken(
        "findings",
        "sources: [\"NHS-BACK\", \"NHS-HA\"],",
        "sources: [\"NHS-BACK\", \"NHS-HA\"],\n            confirm_after_weeks: Some(6),",
    );
    assert_eq!(
        message(&e),
        "data/findings.ron: finding \"chest_pain\": confirm_after_weeks is only for history boxes (the profile keeps them)"
    );
}

#[test]
fn a_finding_without_help_text_is_rejected() {
    let e = broken(
        "findings",
        "why: \"A cold sweat with pain is a common sign of a heart attack.\"",
        "why: \"\"",
    );
    assert_eq!(
        message(&e),
        "data/findings.ron: finding \"sweating_clammy\": has no help text (why)"
    );
}

#[test]
fn missing_advice_for_a_level_is_rejected() {
    let e = broken("advice", "level: \"see_doctor\"", "level: \"self_care\"");
    assert_eq!(
        message(&e),
        "data/advice.ron: advice for \"self_care\": the level appears twice"
    );
}

#[test]
fn impossible_at_least_is_rejected() {
    let e = broken(
        "rules",
        "AtLeast(2, \"CARDIAC_SIGNS\")",
        "AtLeast(9, \"CARDIAC_SIGNS\")",
    );
    assert!(message(&e).contains("can never be decided"), "{e}");
}

#[test]
fn syntax_error_gives_file_line_and_column() {
    let e = broken(
        "rules",
        "reason: \"Back pain with chest pain",
        "reason: Back pain with chest pain",
    );
    match e {
        DataError::Parse {
            file, line, col, ..
        } => {
            assert_eq!(file, "data/rules.ron");
            assert!(line > 20 && col > 0, "line {line} col {col}");
        }
        other => panic!("expected a parse error, got {other}"),
    }
}

#[test]
fn reasons_of_rules_that_fire_on_one_of_many_signs_do_not_list_them() {
    // 1.0's U9, D1 and E2 listed symptoms the person may not have ticked
    // (revision-2.md R4). Their 2.0 reasons speak of "what you ticked".
    let k = knowledge();
    for (id, words) in [
        ("U9", &["night", "cough", "sweat", "tired", "tender"][..]),
        ("D1", &["night", "cough", "sweat", "tired", "tender"][..]),
        ("E2", &["numb", "tingling", "trouble walking", "band"][..]),
        ("E1", &["numb", "walking", "bottom"][..]),
        ("A3", &["sweat", "jaw", "faint", "breath"][..]),
        ("U8", &["night", "constant", "worse"][..]),
    ] {
        let reason = k.rule(id).unwrap().reason.to_lowercase();
        for w in words {
            assert!(!reason.contains(w), "{id} names \"{w}\": {reason}");
        }
    }
}

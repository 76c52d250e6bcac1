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
    // §5: 48 symptom and history findings plus 10 cancer-history toggles.
    assert_eq!(k.findings().len(), 58);
    assert_eq!(k.groups().len(), 9);
    // §6: A1–A6, E1–E9, U1–U10, D1–D15, S0.
    let count = |prefix: char| {
        k.rules()
            .iter()
            .filter(|r| r.id.starts_with(prefix))
            .count()
    };
    assert_eq!(count('A'), 6);
    assert_eq!(count('E'), 9);
    assert_eq!(count('U'), 10);
    assert_eq!(count('D'), 15);
    assert_eq!(count('S'), 1);
    assert_eq!(k.rules().len(), 41);
    // §10.
    assert_eq!(k.sources().len(), 41);
    // §4: eight derived groups.
    assert_eq!(k.derived().len(), 8);
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
            .starts_with("Numbness or tingling around your genitals")
    );
    assert_eq!(k.rule("A4").unwrap().sources, ["NID-PE", "ALUK-PE"]);
    assert_eq!(
        k.rule("U5").unwrap().when.to_string(),
        "(any of BONE_FRAGILITY and (injury_minor or after_strain)) or (age 70 or over and injury_minor)"
    );
    assert!(k.is_history("history_bone_mets"));
    assert!(k.is_history("clot_risk"));
    assert!(!k.is_history("chest_pain"));
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
    assert!(base.starts_with("1.0+"), "{base}");
    let embedded = DataFiles::EMBEDDED;
    let rules = embedded.rules.replace(
        "Call an ambulance now and do not drive yourself.",
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
    assert_eq!(
        message(&e),
        "data/rules.ron: rule E1: unknown derived group \"NERVES\""
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
        "data/findings.ron: finding \"lump_elsewhere\": no rule and no derived group uses it"
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
        "reason: \"Back pain that comes",
        "reason: Back pain that comes",
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

//! The safety properties of knowledge file §6.8, checked on random answers.

use backlog::triage::{Answers, Level, knowledge};
use proptest::prelude::*;

fn ids() -> Vec<&'static str> {
    knowledge()
        .findings()
        .iter()
        .map(|f| f.id.as_str())
        .collect()
}

/// A random subset of findings (biased small, like real people) and an age.
fn answers_strategy() -> impl Strategy<Value = (i64, Vec<&'static str>)> {
    let all = ids();
    let n = all.len();
    (0i64..=120, prop::collection::vec(0..n, 0..8))
        .prop_map(move |(age, picks)| (age, picks.into_iter().map(|i| all[i]).collect()))
}

fn assess(age: i64, findings: &[&str]) -> Level {
    let k = knowledge();
    let answers: Answers = k.answers(age, findings).unwrap();
    k.assess(&answers).level
}

fn group(id: &str) -> Vec<&'static str> {
    let k = knowledge();
    let members: Vec<&'static str> = k
        .derived_group(id)
        .unwrap()
        .members
        .iter()
        .map(|m| k.finding(m).unwrap().id.as_str())
        .collect();
    assert!(!members.is_empty());
    members
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn ticking_one_more_box_never_lowers_the_level((age, findings) in answers_strategy(), extra in 0usize..58) {
        let all = ids();
        let before = assess(age, &findings);
        let mut more = findings.clone();
        more.push(all[extra % all.len()]);
        prop_assert!(assess(age, &more) >= before, "adding {} to {:?} at {}", all[extra % all.len()], findings, age);
    }

    #[test]
    fn each_ambulance_finding_wins_whatever_else_is_ticked((age, findings) in answers_strategy(), pick in 0usize..5) {
        // A1, A2 (both findings), A5, A6.
        let trigger = ["chest_pain", "pain_tearing", "pain_sudden_severe", "cannot_stand", "very_unwell"][pick];
        let mut with = findings;
        with.push(trigger);
        prop_assert_eq!(assess(age, &with), Level::CallAmbulance);
    }

    #[test]
    fn any_neuro_finding_gives_at_least_emergency((age, findings) in answers_strategy(), pick in 0usize..5) {
        let neuro = group("NEURO");
        let mut with = findings;
        with.push(neuro[pick % neuro.len()]);
        prop_assert!(assess(age, &with) >= Level::EmergencyDepartment);
    }

    #[test]
    fn any_cancer_history_gives_at_least_within_24h((age, findings) in answers_strategy(), pick in 0usize..10) {
        let cancer = group("CANCER");
        let mut with = findings;
        with.push(cancer[pick % cancer.len()]);
        prop_assert!(assess(age, &with) >= Level::Within24h);
    }

    #[test]
    fn cancer_with_nerve_symptoms_gives_at_least_emergency(
        (age, findings) in answers_strategy(), c in 0usize..10, n in 0usize..7,
    ) {
        let cancer = group("CANCER");
        let mut nerve = group("NEURO");
        nerve.extend(["pain_band_chest", "arm_nerve_pain"]);
        let mut with = findings;
        with.push(cancer[c % cancer.len()]);
        with.push(nerve[n % nerve.len()]);
        prop_assert!(assess(age, &with) >= Level::EmergencyDepartment);
    }

    #[test]
    fn the_level_is_the_most_urgent_fired_rule_and_is_deterministic((age, findings) in answers_strategy()) {
        let k = knowledge();
        let answers = k.answers(age, &findings).unwrap();
        let a = k.assess(&answers);
        let top = a.rules.iter().map(|r| r.level).max().unwrap();
        prop_assert_eq!(a.level, top);
        prop_assert!(a.rules.windows(2).all(|w| w[0].level >= w[1].level));
        let again = k.assess(&answers);
        prop_assert_eq!(a.rule_ids(), again.rule_ids());
        // S0 appears only alone.
        prop_assert!(!a.fired("S0") || a.rules.len() == 1);
    }

    #[test]
    fn watch_for_findings_really_raise_the_level((age, findings) in answers_strategy()) {
        let k = knowledge();
        let a = k.assess(&k.answers(age, &findings).unwrap());
        for w in &a.watch_for {
            prop_assert!(w.level > a.level);
            for f in &w.findings {
                let mut with = findings.clone();
                with.push(f.id.as_str());
                prop_assert_eq!(assess(age, &with), w.level, "watching {}", f.id);
            }
        }
    }

    #[test]
    fn watch_for_misses_no_symptom_that_would_raise_the_level((age, findings) in answers_strategy()) {
        let k = knowledge();
        let a = k.assess(&k.answers(age, &findings).unwrap());
        for f in k.findings() {
            let watchable = k.group(&f.group).unwrap().watch;
            if findings.contains(&f.id.as_str()) || !watchable {
                continue;
            }
            let mut with = findings.clone();
            with.push(f.id.as_str());
            let raised = assess(age, &with);
            let listed = a.watch_for.iter().find(|w| w.findings.iter().any(|x| x.id == f.id)).map(|w| w.level);
            if raised > a.level {
                prop_assert_eq!(listed, Some(raised), "{} missing", f.id);
            } else {
                prop_assert_eq!(listed, None, "{} listed but changes nothing", f.id);
            }
        }
    }
}

#[test]
fn no_boxes_at_18_to_49_is_self_care() {
    for age in 18..=49 {
        assert_eq!(assess(age, &[]), Level::SelfCare, "age {age}");
    }
    assert_ne!(assess(50, &[]), Level::SelfCare);
    assert_ne!(assess(17, &[]), Level::SelfCare);
}

#[test]
fn monotonic_for_every_single_box_added_to_every_single_box() {
    // Exhaustive over pairs at the ages where thresholds sit.
    let all = ids();
    for age in [16, 17, 18, 44, 45, 49, 50, 69, 70] {
        for a in &all {
            let base = assess(age, &[a]);
            for b in &all {
                assert!(assess(age, &[a, b]) >= base, "{a} + {b} at {age}");
            }
            assert!(base >= assess(age, &[]), "{a} at {age}");
        }
    }
}

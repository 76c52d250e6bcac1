//! `cargo bench --bench assess`: one symptom check, including "watch for".
//! Target: under 5 µs per assessment on the 2-core CI machine.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark with bad input should stop loudly"
)]

use backlog::triage::knowledge;
use divan::{Bencher, black_box};

fn main() {
    // Parse and validate the embedded data outside the timed loops.
    let _ = knowledge();
    divan::main();
}

/// Realistic inputs: what people tick, from nothing to a busy form.
const CASES: &[(&str, i64, &[&str])] = &[
    ("nothing", 35, &[]),
    ("posture", 30, &["posture_related"]),
    (
        "cancer_strain",
        55,
        &["history_cancer_breast", "after_strain"],
    ),
    (
        "weak_flags",
        52,
        &["pain_at_night", "fatigue_unusual", "not_better_2wk"],
    ),
    (
        "ambulance",
        62,
        &["chest_pain", "sweating_clammy", "nausea_vomiting"],
    ),
    (
        "pregnancy",
        34,
        &[
            "pregnant_or_postpartum",
            "upper_belly_pain",
            "headache_vision",
        ],
    ),
    (
        "busy_form",
        68,
        &[
            "history_osteoporosis",
            "steroids_long_term",
            "injury_minor",
            "pain_at_night",
            "pain_spine_tender",
            "night_sweats",
            "weight_loss",
            "heart_history",
            "diabetes",
            "chemo_recent",
        ],
    ),
];

#[divan::bench(args = ["nothing", "posture", "cancer_strain", "weak_flags", "ambulance", "pregnancy", "busy_form"])]
fn assess(bencher: Bencher, name: &str) {
    let k = knowledge();
    let (_, age, ids) = CASES.iter().find(|c| c.0 == name).copied().unwrap();
    let answers = k.answers(age, ids).unwrap();
    bencher.bench(|| k.assess(black_box(&answers)).level);
}

/// Checking ids and age (what the app does on every click) plus assessing.
#[divan::bench]
fn answers_and_assess(bencher: Bencher) {
    let k = knowledge();
    let ids = ["history_cancer_breast", "after_strain", "pain_at_night"];
    bencher.bench(|| {
        k.assess(&k.answers(black_box(58), black_box(ids)).unwrap())
            .level
    });
}

/// With no age: one assessment per age band, the most urgent kept (what the
/// Check and Today screens do before an age is typed).
#[divan::bench]
fn cautious_without_age(bencher: Bencher) {
    let k = knowledge();
    let ids = ["history_cancer_breast", "after_strain", "pain_at_night"];
    bencher.bench(|| {
        k.assess_cautious(black_box(None), black_box(ids))
            .unwrap()
            .map(|c| c.assessment.level)
    });
}

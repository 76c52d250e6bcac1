//! Short names for findings and sources, for a page read in a minute.
//!
//! The symptom check's labels are full sentences written for the person
//! ("Pain, pressure, tightness … in your chest"). On the printed page a
//! doctor reads a few words ("chest pain"). Findings without a short name
//! here fall back to their full label, so new data never goes missing.

use crate::journal::shorten;
use crate::triage::{Knowledge, Source};

/// The main warning signs, most serious first: the ones the page lists as
/// "not reported" when the person's latest check did not tick them.
pub const MAIN_WARNING_SIGNS: &[&str] = &[
    "chest_pain",
    "short_of_breath",
    "fainting_dizzy",
    "pain_sudden_severe",
    "legs_weak",
    "walking_difficulty",
    "numb_legs_or_trunk",
    "saddle_numb",
    "bladder_bowel_change",
    "fever",
    "weight_loss",
    "night_sweats",
    "pain_at_night",
    "pain_constant_progressive",
];

/// Words that, in the person's own writing, mean they did report a main
/// warning sign (lower case; a word start is enough: "wak" finds "wakes"
/// and "waking"). Erring towards a match only removes a "not reported",
/// never adds one: the safe side.
const OWN_WORDS: &[(&str, &[&str])] = &[
    ("chest_pain", &["chest"]),
    ("short_of_breath", &["breath"]),
    (
        "fainting_dizzy",
        &[
            "faint",
            "dizz",
            "pass out",
            "passed out",
            "blackout",
            "black out",
        ],
    ),
    ("pain_sudden_severe", &["sudden"]),
    ("legs_weak", &["weak"]),
    (
        "walking_difficulty",
        &["walk", "stumbl", "unsteady", "balance"],
    ),
    ("numb_legs_or_trunk", &["numb", "tingl", "pins and needles"]),
    ("saddle_numb", &["numb", "saddle", "groin"]),
    (
        "bladder_bowel_change",
        &["bladder", "bowel", "pee", "urin", "poo", "contin", "toilet"],
    ),
    ("fever", &["fever", "temperature", "shiver", "chill"]),
    ("weight_loss", &["weight", "lost", "losing"]),
    ("night_sweats", &["sweat"]),
    (
        "pain_at_night",
        &["night", "wak", "woke", "sleep", "3 am", "in bed"],
    ),
    (
        "pain_constant_progressive",
        &[
            "worse",
            "worsen",
            "constant",
            "all the time",
            "getting bad",
            "spread",
        ],
    ),
];

/// True when `words` (the person's own text, lower case) mention the
/// warning sign `id` (see `OWN_WORDS`).
pub fn contradicted_by_words(id: &str, words: &str) -> bool {
    OWN_WORDS
        .iter()
        .find(|(k, _)| *k == id)
        .is_some_and(|(_, stems)| {
            stems.iter().any(|stem| {
                words.match_indices(stem).any(|(i, _)| {
                    // At the start of a word, so "reweigh" or "bedpan" do not count.
                    words[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
            })
        })
}

const SHORT: &[(&str, &str)] = &[
    ("chest_pain", "chest pain"),
    ("short_of_breath", "breathlessness"),
    ("sweating_clammy", "cold sweat with the pain"),
    ("nausea_vomiting", "nausea or vomiting with the pain"),
    ("fainting_dizzy", "fainting"),
    ("jaw_arm_pain", "ache spreading to jaw or arm"),
    ("coughing_blood", "coughing blood"),
    ("pain_with_effort", "pain brought on by effort"),
    ("heart_racing", "racing heart that does not settle"),
    ("stroke_signs", "signs of a stroke"),
    ("headache_sudden", "sudden worst-ever headache"),
    ("headache_vision", "lasting headache or sight problems"),
    ("cough_swallow", "long cough, hoarse voice or food sticking"),
    ("vomit_blood", "vomiting blood or black stools"),
    ("back_shape_gradual", "back slowly changing shape"),
    ("calf_swollen", "swollen, red or painful calf"),
    ("legs_weak", "limb weakness"),
    ("walking_difficulty", "trouble walking"),
    ("numb_legs_or_trunk", "numb legs or trunk"),
    ("saddle_numb", "saddle numbness"),
    ("bladder_bowel_change", "bladder or bowel change"),
    ("cannot_stand", "sudden inability to stand"),
    ("arm_nerve_pain", "nerve pain down one arm"),
    ("pain_sudden_severe", "sudden severe pain"),
    ("pain_tearing", "tearing or moving pain"),
    ("pain_at_night", "night pain"),
    ("pain_worse_straining", "worse on coughing or straining"),
    ("pain_constant_progressive", "constant worsening pain"),
    ("pain_band_chest", "band-like chest pain"),
    ("pain_spine_tender", "spine tender to touch"),
    ("pain_worse_breathing", "sharper on breathing in"),
    ("fever", "fever"),
    ("very_unwell", "very unwell (possible sepsis)"),
    ("weight_loss", "weight loss"),
    ("night_sweats", "night sweats"),
    ("fatigue_unusual", "unusual lasting tiredness"),
    ("rash_one_side", "one-sided rash"),
    ("urinary_symptoms", "urinary symptoms"),
    ("upper_belly_pain", "upper belly pain"),
    ("belly_pain_severe", "severe belly pain to the back"),
    ("jaundice", "jaundice"),
    ("back_lump_deformity", "lump or change in back shape"),
    ("lump_elsewhere", "new lump elsewhere"),
    ("after_strain", "began after a strain or effort"),
    ("posture_related", "builds up with sitting or screens"),
    ("injury_major", "began after a serious accident"),
    ("injury_minor", "began after a minor fall or knock"),
    ("not_better_2wk", "not better after 2 weeks"),
    ("pain_over_3mo", "pain for over 3 months"),
    ("morning_stiffness", "morning stiffness over 30 minutes"),
    ("history_osteoporosis", "osteoporosis or fragility fracture"),
    ("steroids_long_term", "long-term steroid tablets"),
    ("immunosuppressed", "weakened immune system"),
    ("iv_drug_use", "injects drugs"),
    (
        "recent_infection_or_procedure",
        "recent serious infection or spine procedure",
    ),
    ("clot_risk", "raised blood-clot risk"),
    ("heart_history", "heart disease"),
    ("diabetes", "diabetes"),
    ("high_blood_pressure", "high blood pressure"),
    (
        "aorta_known",
        "weak or wide aorta, Marfan, or family aortic tear",
    ),
    (
        "pregnant_or_postpartum",
        "pregnant or within 6 weeks of birth",
    ),
    ("history_cancer_breast", "breast cancer"),
    ("history_cancer_prostate", "prostate cancer"),
    ("history_cancer_lung", "lung cancer"),
    ("history_cancer_kidney", "kidney cancer"),
    ("history_cancer_thyroid", "thyroid cancer"),
    ("history_cancer_myeloma", "myeloma"),
    ("history_cancer_lymphoma", "lymphoma"),
    ("history_cancer_bowel", "bowel cancer"),
    ("history_cancer_other", "another cancer"),
    ("history_bone_mets", "cancer spread to bone"),
    ("chemo_recent", "chemotherapy in the last 6 weeks"),
];

/// A few words for a finding id; its full label when there is no short
/// name; the id itself when the vocabulary no longer has it.
pub fn short_label(knowledge: &Knowledge, id: &str) -> String {
    if let Some((_, short)) = SHORT.iter().find(|(k, _)| *k == id) {
        return (*short).to_owned();
    }
    knowledge
        .finding(id)
        .map_or_else(|| id.replace('_', " "), |f| f.label.clone())
}

/// "NICE (2023). Spinal metastases and … (NG234)." kept short: the first
/// author or organisation, the year, the title cut at about 60 characters.
pub fn source_line(source: &Source) -> String {
    let title = shorten(source.title.trim().trim_end_matches('.'), 40);
    let end = if title.ends_with(['…', '?', '!', '.']) {
        ""
    } else {
        "."
    };
    format!("{} ({}). {title}{end}", short_by(&source.by), source.year)
}

/// The organisation, or the first author with "et al.".
fn short_by(by: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in by.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let clause = plain.split(';').next().unwrap_or_default().trim();
    let mut parts = clause.split(',').map(str::trim);
    let first = parts.next().unwrap_or_default();
    let more = parts.next().is_some();
    // "Finucane LM": a surname then initials.
    let is_person = first.rsplit(' ').next().is_some_and(|w| {
        !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase())
    });
    match (more, is_person) {
        (true, true) => format!("{first} et al."),
        (true, false) => first.to_owned(),
        (false, _) if first.is_empty() => by.trim().to_owned(),
        (false, _) => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::knowledge;

    #[test]
    fn every_short_name_and_main_sign_is_a_real_finding() {
        let k = knowledge();
        for (id, _) in SHORT {
            assert!(k.finding(id).is_some(), "{id} is not in findings.ron");
        }
        for id in MAIN_WARNING_SIGNS {
            assert!(k.finding(id).is_some(), "{id} is not in findings.ron");
            assert!(!k.is_history(id), "{id} is history, not a symptom");
        }
    }

    #[test]
    fn own_words_that_report_a_sign_are_found_at_word_starts() {
        let note = "the pain wakes me most nights and is worse after sitting";
        assert!(contradicted_by_words("pain_at_night", note));
        assert!(contradicted_by_words("pain_constant_progressive", note));
        assert!(!contradicted_by_words("chest_pain", note));
        assert!(contradicted_by_words("fever", "i feel feverish"));
        assert!(contradicted_by_words("fever", "a fever last week"));
        assert!(!contradicted_by_words("weight_loss", "a heavyweight"));
        for id in MAIN_WARNING_SIGNS {
            assert!(OWN_WORDS.iter().any(|(k, _)| k == id), "{id} has no words");
        }
    }

    #[test]
    fn every_finding_has_a_short_name() {
        for f in knowledge().findings() {
            assert!(
                SHORT.iter().any(|(id, _)| *id == f.id),
                "{} has no short name",
                f.id
            );
        }
    }

    #[test]
    fn short_names_are_used_and_unknown_ids_fall_back() {
        let k = knowledge();
        assert_eq!(short_label(k, "chest_pain"), "chest pain");
        assert_eq!(short_label(k, "gone_finding"), "gone finding");
    }

    #[test]
    fn source_lines_are_short() {
        let k = knowledge();
        for s in k.sources() {
            let line = source_line(s);
            assert!(line.chars().count() < 120, "{line}");
            assert!(line.contains(&s.year), "{line}");
        }
        let ifompt = k.source("IFOMPT").map(source_line).unwrap_or_default();
        assert!(ifompt.starts_with("Finucane LM et al. (2020)."), "{ifompt}");
        assert_eq!(
            short_by("Bupa UK (J. Ward; reviewed R. Mayfield-Blake)"),
            "Bupa UK"
        );
        assert_eq!(
            short_by("Cleveland Clinic Health Essentials; expert Dale Shepard, MD, PhD"),
            "Cleveland Clinic Health Essentials"
        );
        assert_eq!(short_by("NICE"), "NICE");
    }
}

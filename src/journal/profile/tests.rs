//! Tests of the profile: ages, numbers, paper and the history toggles
//! that must be confirmed again. Their own file so `profile.rs` reads as
//! the model alone.

use super::*;
use crate::triage::knowledge;
use jiff::civil::date;

#[test]
fn a_typed_age_grows_with_time() {
    let age = Age::Years {
        years: 49,
        on: date(2026, 6, 1),
    };
    assert_eq!(age.on(date(2026, 6, 1)), 49);
    assert_eq!(age.on(date(2027, 5, 31)), 49);
    assert_eq!(age.on(date(2027, 6, 1)), 50);
    assert_eq!(
        age.on(date(2020, 1, 1)),
        49,
        "a clock set back never lowers it"
    );
}

#[test]
fn a_birth_year_gives_the_age_reached_this_year() {
    assert_eq!(Age::BornIn(1970).on(date(2026, 1, 1)), 56);
    assert_eq!(Age::BornIn(2030).on(date(2026, 1, 1)), 0);
}

#[test]
fn a_new_profile_has_no_emergency_number_and_says_so_in_words() {
    let p = Profile::default();
    assert_eq!(p.emergency_number_set(), None);
    assert_eq!(p.emergency_number(), "your local emergency number");
    p.check(knowledge(), Some(date(2026, 1, 1))).unwrap();
    let p = Profile {
        emergency_number: " 999 ".into(),
        ..Profile::default()
    };
    assert_eq!(p.emergency_number(), "999");
}

#[test]
fn the_other_numbers_are_checked_and_left_out_of_files_when_empty() {
    let k = knowledge();
    let mut p = Profile::default();
    let text = ron::to_string(&p).unwrap_or_default();
    for field in ["doctor_number", "urgent_care_number", "cancer_team_number"] {
        assert!(!text.contains(field), "{text}");
    }
    p.doctor_number = "0161 496 0000".into();
    p.urgent_care_number = "111".into();
    p.cancer_team_number = "+44 (0)20 7946 0000".into();
    p.check(k, None).unwrap();
    let back: Profile = ron::from_str(&ron::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    p.doctor_number = "call the surgery".into();
    let e = p.check(k, None).unwrap_err().to_string();
    assert!(
        e.starts_with("Your doctor's number \"call the surgery\""),
        "{e}"
    );
    assert!(check_phone_number("x", "12").is_err());
}

#[test]
fn history_must_be_a_history_finding() {
    let k = knowledge();
    assert!(check_history(k, "history_osteoporosis").is_ok());
    assert!(matches!(
        check_history(k, "chest_pain"),
        Err(EntryError::NotHistory { .. })
    ));
    match check_history(k, "history_osteoporsis") {
        Err(EntryError::UnknownHistory { suggestion, .. }) => {
            assert_eq!(suggestion.as_deref(), Some("history_osteoporosis"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn emergency_numbers() {
    for ok in [
        "911",
        "999",
        "112",
        "000",
        "+44 20 7946 0000",
        "1-800-222-1222",
    ] {
        assert!(check_emergency_number(ok).is_ok(), "{ok}");
    }
    for bad in ["", "9", "call 911", "911!", "+", "--911"] {
        assert!(check_emergency_number(bad).is_err(), "{bad}");
    }
}

#[test]
fn birth_year_must_be_plausible() {
    let k = knowledge();
    let mut p = Profile {
        age: Some(Age::BornIn(2027)),
        ..Profile::default()
    };
    assert!(matches!(
        p.check(k, Some(date(2026, 11, 24))),
        Err(EntryError::BirthYear { .. })
    ));
    p.age = Some(Age::BornIn(1960));
    p.check(k, Some(date(2026, 11, 24))).unwrap();
}

#[test]
fn time_limited_history_is_asked_about_when_its_time_is_up() {
    let k = knowledge();
    let set_on = date(2026, 10, 1);
    let mut p = Profile::default();
    p.history.insert("chemo_recent".into());
    p.history.insert("pregnant_or_postpartum".into());
    p.history.insert("diabetes".into());
    p.stamp_history(k, set_on);
    assert_eq!(p.history_since.len(), 2, "diabetes is not time-limited");
    let ids = |today| -> Vec<String> {
        p.history_to_confirm(k, today)
            .into_iter()
            .map(|q| q.id)
            .collect()
    };
    // Chemo: 6 weeks, to the day.
    assert!(ids(date(2026, 11, 11)).is_empty());
    assert_eq!(ids(date(2026, 11, 12)), ["chemo_recent"]);
    // Pregnancy: 46 weeks (40 of pregnancy and 6 after birth).
    assert_eq!(ids(date(2027, 8, 18)), ["chemo_recent"]);
    assert_eq!(
        ids(date(2027, 8, 19)),
        ["pregnant_or_postpartum", "chemo_recent"]
    );
    // Until answered the box stays ticked.
    assert!(p.history.contains("chemo_recent"));
}

#[test]
fn answering_keeps_or_unticks_and_restarts_the_clock() {
    let k = knowledge();
    let mut p = Profile::default();
    p.history.insert("chemo_recent".into());
    p.stamp_history(k, date(2026, 1, 1));
    let later = date(2026, 3, 1);
    assert_eq!(p.history_to_confirm(k, later).len(), 1);
    p.confirm_history("chemo_recent", true, later);
    assert!(p.history_to_confirm(k, later).is_empty());
    assert_eq!(p.history_since.get("chemo_recent"), Some(&later));
    p.confirm_history("chemo_recent", false, later);
    assert!(!p.history.contains("chemo_recent"));
    assert!(p.history_since.is_empty());
}

#[test]
fn a_box_ticked_on_an_unknown_date_is_asked_about_at_once() {
    let k = knowledge();
    let mut p = Profile::default();
    p.history.insert("pregnant_or_postpartum".into());
    let q = p.history_to_confirm(k, date(2026, 1, 1));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].since, None);
    assert_eq!(q[0].question(), "Is this still true?");
}

#[test]
fn stamping_keeps_old_dates_and_drops_unticked_ones() {
    let k = knowledge();
    let mut p = Profile::default();
    p.history.insert("chemo_recent".into());
    p.stamp_history(k, date(2026, 1, 1));
    p.stamp_history(k, date(2026, 2, 1));
    assert_eq!(p.history_since.get("chemo_recent"), Some(&date(2026, 1, 1)));
    p.history.clear();
    p.stamp_history(k, date(2026, 2, 1));
    assert!(p.history_since.is_empty());
}

#[test]
fn a_profile_without_dates_saves_as_before() {
    let p = Profile::default();
    let text = ron::to_string(&p).unwrap_or_default();
    assert!(!text.contains("history_since"), "{text}");
    let back: Profile = ron::from_str(&text).unwrap();
    assert_eq!(back, p);
}

#[test]
fn sex_and_pain_start_are_optional_and_left_out_when_unset() {
    let mut p = Profile::default();
    let text = ron::to_string(&p).unwrap_or_default();
    assert!(
        !text.contains("sex") && !text.contains("pain_started"),
        "{text}"
    );
    p.sex = Some(Sex::Female);
    p.pain_started = Some(date(2026, 9, 1));
    let text = ron::to_string(&p).unwrap_or_default();
    assert!(text.contains("sex:Some(female)"), "{text}");
    let back: Profile = ron::from_str(&text).unwrap();
    assert_eq!(back, p);
    p.check(knowledge(), Some(date(2026, 11, 24))).unwrap();
    assert!(matches!(
        p.check(knowledge(), Some(date(2026, 8, 31))),
        Err(EntryError::FutureDate { .. })
    ));
    assert_eq!(Sex::from_id(" Male "), Some(Sex::Male));
}

#[test]
fn paper_ids_round_trip() {
    for p in Paper::ALL {
        assert_eq!(Paper::from_id(p.id()), Some(p));
        assert_eq!(ron::to_string(&p).unwrap(), p.id());
    }
    assert_eq!(Paper::from_id(" LETTER "), Some(Paper::Letter));
}

#[test]
fn paper_follows_the_emergency_number() {
    assert_eq!(Paper::for_emergency_number("911"), Paper::Letter);
    assert_eq!(Paper::for_emergency_number(" 911 "), Paper::Letter);
    assert_eq!(Paper::for_emergency_number("999"), Paper::A4);
    assert_eq!(Paper::for_emergency_number("112"), Paper::A4);
    assert_eq!(Profile::default().paper, Paper::Letter);
    assert_eq!(Paper::for_emergency_number(""), Paper::A4);
}

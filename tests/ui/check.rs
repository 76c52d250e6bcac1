//! The Check screen, driven through egui_kittest (no GPU, no display):
//! controls are found by their accessible labels, which also proves they
//! have them.
#![cfg(feature = "gui")]

use backlog::app::{App, Command, Screen};
use backlog::journal::{Age, Profile};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{TODAY, config, harness, harness_sized, ready};

fn app_in(dir: &std::path::Path) -> App {
    ready(App::new(config(dir)))
}

#[test]
fn ticking_chest_pain_shows_the_ambulance_banner_with_the_emergency_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 62,
            on: TODAY,
        }),
        emergency_number: "999".into(),
        ..Profile::default()
    }));
    let mut h = harness(app);
    h.run();
    assert_eq!(h.state().screen(), Screen::Check);
    assert!(h.query_by_label("Call an ambulance now").is_none());
    h.get_by_role_and_label(
        Role::CheckBox,
        "Pain, pressure, tightness, heaviness or squeezing in your chest",
    )
    .click();
    h.run();
    h.get_by_label("Call an ambulance now");
    h.get_by_label("Call 999");
}

#[test]
fn cancer_history_plus_a_lifting_strain_still_shows_within_24_hours() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 45,
            on: TODAY,
        }),
        emergency_number: "112".into(),
        history: ["history_cancer_breast".to_owned()].into(),
        ..Profile::default()
    }));
    let mut h = harness(app);
    h.run();
    // History is pre-filled from the profile.
    let cancer = h.get_by_role_and_label(Role::CheckBox, "You have or had breast cancer");
    assert_eq!(
        cancer.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    h.get_by_role_and_label(
        Role::CheckBox,
        "It started during or soon after you did something physical. For example: lifting, carrying, twisting, a new workout, yard work, or sleeping in an odd way.",
    )
    .click();
    h.run();
    h.get_by_label("Speak to a doctor today");
    assert!(h.query_by_label("Look after it at home for now").is_none());
}

#[test]
fn a_plain_strain_with_no_flags_is_calm_and_says_not_a_diagnosis() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.run(Command::SaveProfile(Profile {
        age: Some(Age::Years {
            years: 30,
            on: TODAY,
        }),
        emergency_number: "911".into(),
        ..Profile::default()
    }));
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(
        Role::CheckBox,
        "It started during or soon after you did something physical. For example: lifting, carrying, twisting, a new workout, yard work, or sleeping in an odd way.",
    )
    .click();
    h.run();
    h.get_by_label("Look after it at home for now");
    assert!(h.query_by_label("Call 911").is_none());
    assert!(
        h.query_by_label_contains("This is not a diagnosis")
            .is_some()
    );
}

/// Ticking a box that changes the level must not move the list under the
/// pointer: the banner keeps one height for every level, in a roomy and in
/// a short window at the largest text size.
#[test]
fn the_list_stays_put_when_the_banner_changes_level() {
    for (size, scale) in [((1280.0, 800.0), 100), ((800.0, 600.0), 200)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        app.run(Command::SaveProfile(Profile {
            age: Some(Age::Years {
                years: 40,
                on: TODAY,
            }),
            ..Profile::default()
        }));
        app.run(Command::SetTextScale(scale));
        let mut h = harness_sized(app, size.0, size.1);
        h.run();
        let chest = "Pain, pressure, tightness, heaviness or squeezing in your chest";
        // In the short window the pinned part (banner, "not a diagnosis",
        // age) leaves the list below the fold: scroll to the box first.
        h.get_by_role_and_label(Role::CheckBox, chest)
            .scroll_to_me();
        h.run();
        let calm = h.get_by_role_and_label(Role::CheckBox, chest).rect();
        h.get_by_role_and_label(Role::CheckBox, chest).click();
        h.run();
        assert!(
            super::banner_text(&h).is_some_and(|t| t.contains("Call your local emergency number"))
        );
        let urgent = h.get_by_role_and_label(Role::CheckBox, chest).rect();
        assert_eq!(calm, urgent, "at {size:?} and {scale}%");
        h.get_by_role_and_label(Role::CheckBox, chest).click();
        h.run();
        assert!(
            !super::banner_text(&h).is_some_and(|t| t.contains("Call your local emergency number"))
        );
        let back = h.get_by_role_and_label(Role::CheckBox, chest).rect();
        assert_eq!(calm, back, "at {size:?} and {scale}%");
    }
}

/// An app in `dir` (kept alive by the caller) with this profile saved.
fn app_with(dir: &std::path::Path, profile: Profile) -> App {
    let mut app = App::new(config(dir));
    app.run(Command::FinishWelcome(None));
    app.run(Command::SaveProfile(profile));
    app
}

const NIGHT_PAIN: &str = "Pain at night that keeps you awake or wakes you up";

fn age_box<'a>(h: &'a egui_kittest::Harness<'static, App>) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::TextInput, "Your age")
}

/// The age-box bug (issue 10 item 4): with no age in the profile, typing
/// 6 then 7 key by key must give 67, not 6, and keep the box focused; so
/// night pain reads "speak to a doctor today" (one warning sign at 50 or
/// over), not "book an appointment" (age 6). Clearing it keeps focus too.
#[test]
fn a_two_digit_age_typed_key_by_key_keeps_both_digits_and_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_with(dir.path(), Profile::default()));
    h.run();
    h.get_by_role_and_label(Role::CheckBox, NIGHT_PAIN)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, NIGHT_PAIN).click();
    h.run();
    h.get_by_label_contains("Your age is missing");
    // Focus brings the box into view (it is above the list), then it stays.
    age_box(&h).focus();
    h.run();
    let before = age_box(&h).rect();
    for key in ["6", "7"] {
        h.event(egui::Event::Text(key.to_owned()));
        h.run();
        assert!(age_box(&h).is_focused(), "focus lost after {key}");
        assert_eq!(age_box(&h).rect(), before, "the box moved after {key}");
    }
    assert_eq!(age_box(&h).value().as_deref(), Some("67"));
    h.get_by_label("Speak to a doctor today");
    assert!(h.query_by_label_contains("Your age is missing").is_none());
    // Saving keeps 67, not 6.
    h.get_by_label("Save this check").click();
    h.run();
    let saved = h.state().journal_data().checks.last().cloned().unwrap();
    assert_eq!(saved.age, 67);
    assert_eq!(saved.level, backlog::triage::Level::Within24h);
    // Clearing, key by key, keeps the focus and goes back to the cautious
    // age (the click on Save took the focus, so give it back first).
    age_box(&h).focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    for _ in 0..2 {
        h.key_press(egui::Key::Backspace);
        h.run();
        assert!(age_box(&h).is_focused(), "focus lost while clearing");
        assert_eq!(age_box(&h).rect(), before);
    }
    assert_eq!(age_box(&h).value().as_deref(), Some(""));
    h.get_by_label_contains("Your age is missing");
    h.get_by_label("Speak to a doctor today");
}

#[test]
fn no_age_and_no_ticks_shows_no_level_and_never_the_under_18_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_with(dir.path(), Profile::default()));
    h.run();
    h.get_by_label("Your result will show here");
    for level in [
        "Look after it at home for now",
        "Book a doctor's appointment",
        "Call an ambulance now",
    ] {
        assert!(h.query_by_label(level).is_none(), "{level}");
    }
    let fall = "It started after a small fall, slip or knock. For example, you missed a step or fell over while standing.";
    h.get_by_role_and_label(Role::CheckBox, fall).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, fall).click();
    h.run();
    assert!(h.query_by_label("Your result will show here").is_none());
    assert!(
        h.query_by_label_contains("This checker is made for adults")
            .is_none()
    );
    h.get_by_label_contains("Your age is missing");
}

#[test]
fn the_result_says_not_a_diagnosis_and_puts_lower_reasons_after_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_with(
        dir.path(),
        Profile {
            age: Some(Age::Years {
                years: 55,
                on: TODAY,
            }),
            history: ["history_cancer_breast".to_owned()].into(),
            ..Profile::default()
        },
    ));
    h.run();
    h.get_by_label("Speak to a doctor today");
    // Next to the result: right under the banner, before what to do.
    let caveat = h
        .get_by_label_contains("have not yet been checked by a clinician")
        .rect();
    let banner = super::banner(&h).rect();
    let advice = h.get_by_role_and_label(Role::Heading, "What to do").rect();
    assert!(
        banner.bottom() <= caveat.top()
            && caveat.top() - banner.bottom() < 20.0
            && caveat.bottom() <= advice.top(),
        "banner {banner:?}, caveat {caveat:?}, what to do {advice:?}"
    );
    h.get_by_label("Also worth mentioning to the doctor")
        .scroll_to_me();
    h.run();
    let u1 = h.get_by_label_contains("Most back pain in people who have had cancer");
    let also = h.get_by_label("Also worth mentioning to the doctor");
    let d5 = h.get_by_label_contains("At 50 or over, back pain is worth a routine check");
    assert!(u1.rect().top() < also.rect().top());
    assert!(also.rect().top() < d5.rect().top());
}

#[test]
fn the_banner_shows_the_first_action_of_the_rule_that_sets_the_level() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_with(
        dir.path(),
        Profile {
            age: Some(Age::Years {
                years: 50,
                on: TODAY,
            }),
            ..Profile::default()
        },
    ));
    h.run();
    for label in [
        "It started after a serious accident: a car crash, a fall from a height, or a hard hit in sport",
        "New weakness, heaviness or clumsiness in both legs, or in your arms. If it is one side of your body, tick the stroke box.",
    ] {
        super::tick(&mut h, label);
    }
    h.get_by_label("Call an ambulance now");
    let action = h.get_by_label("Do not move. Call an ambulance.").rect();
    let banner = super::banner(&h).rect();
    assert!(banner.contains_rect(action), "in the banner");
}

#[test]
fn chemotherapy_ticked_long_ago_is_asked_about_and_no_unticks_it() {
    let mut profile = Profile {
        age: Some(Age::Years {
            years: 60,
            on: TODAY,
        }),
        history: ["chemo_recent".to_owned()].into(),
        ..Profile::default()
    };
    profile
        .history_since
        .insert("chemo_recent".into(), jiff::civil::date(2026, 9, 1));
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_with(dir.path(), profile));
    h.run();
    h.get_by_label_contains("You ticked this on 2026-09-01. Is it still true?");
    // Until answered it stays ticked.
    let chemo = "You have had chemotherapy for cancer in the last 6 weeks";
    assert_eq!(
        h.get_by_role_and_label(Role::CheckBox, chemo)
            .accesskit_node()
            .toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    h.get_by_label("No, not any more").scroll_to_me();
    h.run();
    h.get_by_label("No, not any more").click();
    h.run();
    let p = &h.state().journal_data().profile;
    assert!(!p.history.contains("chemo_recent"));
    assert!(h.query_by_label("No, not any more").is_none());
}

/// Issue 12 item 1: at every text size, in a roomy and a short window, the
/// ambulance banner shows its instruction line on screen, and "What to do"
/// is in view (beside the list, or one click on "Go to What to do" away).
#[test]
fn the_answer_stays_in_view_at_every_text_size() {
    for size in [(1280.0, 800.0), (1024.0, 600.0), (800.0, 600.0)] {
        for scale in (100..=200).step_by(25) {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_with(
                dir.path(),
                Profile {
                    age: Some(Age::Years {
                        years: 58,
                        on: TODAY,
                    }),
                    ..Profile::default()
                },
            );
            app.run(Command::SetTextScale(scale));
            let mut h = super::harness_sized(app, size.0, size.1);
            h.run();
            let chest = "Pain, pressure, tightness, heaviness or squeezing in your chest";
            super::tick(&mut h, chest);
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
            let banner = super::banner(&h).rect();
            let lines: Vec<egui::Rect> = h
                .query_all_by(|n| {
                    n.role() == Role::Label
                        && n.value()
                            .is_some_and(|v| v.contains("Do not drive yourself"))
                })
                .map(|n| n.rect())
                .collect();
            assert!(
                lines
                    .iter()
                    .any(|l| banner.contains_rect(*l) && window.contains_rect(*l)),
                "{size:?} at {scale}%: instruction {lines:?}, banner {banner:?}"
            );
            if let Some(jump) = h.query_by_role_and_label(Role::Button, "Go to What to do") {
                jump.click();
                for _ in 0..4 {
                    h.run();
                }
            }
            let advice = h.get_by_role_and_label(Role::Heading, "What to do").rect();
            assert!(
                window.contains_rect(advice),
                "{size:?} at {scale}%: What to do at {advice:?}"
            );
        }
    }
}

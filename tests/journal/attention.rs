//! The journal pays attention (issue 15): each finding the record can
//! support, on both sides of its threshold; the fresh level and when it
//! earns a notice; dismissal, and the notice coming back when the evidence
//! grows; and that recording more symptoms never lowers the level.

use std::collections::BTreeSet;

use backlog::journal::attention::{
    self, Evidence, Fingerprint, NOT_BETTER_2WK, PAIN_AT_NIGHT, PAIN_OVER_3MO, Review,
};
use backlog::journal::stats::Verdict;
use backlog::journal::{Age, Entry, EntryDraft, Journal, SavedCheck, sample};
use backlog::triage::{Level, knowledge};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;

const TODAY: Date = Date::constant(2026, 11, 24);

fn ago(days: i64) -> Date {
    TODAY.saturating_sub(days.days())
}

fn entry(date: Date, pain: u8) -> Entry {
    EntryDraft {
        pain: Some(pain),
        ..EntryDraft::new(date)
    }
    .validate(knowledge(), Date::MAX, Timestamp::UNIX_EPOCH, None)
    .unwrap()
}

fn woke(date: Date, pain: u8) -> Entry {
    Entry {
        woke_at_night: true,
        ..entry(date, pain)
    }
}

fn noted(date: Date, ids: &[&str]) -> Entry {
    Entry {
        symptoms: ids.iter().map(|s| (*s).to_owned()).collect(),
        ..entry(date, 3)
    }
}

/// A 40-year-old (no age band of its own in the rules) with these entries.
fn journal(entries: impl IntoIterator<Item = Entry>) -> Journal {
    let mut j = Journal::new();
    j.profile.age = Some(Age::Years {
        years: 40,
        on: TODAY,
    });
    for e in entries {
        j.upsert(e);
    }
    j.validate(knowledge()).unwrap();
    j
}

/// Daily entries from `from` days ago to `to` days ago, pain from `pain`.
fn daily(from: i64, to: i64, pain: impl Fn(i64) -> u8) -> Vec<Entry> {
    (to..=from).rev().map(|d| entry(ago(d), pain(d))).collect()
}

fn ids(r: &Review) -> Vec<&str> {
    r.findings.iter().map(|f| f.id.as_str()).collect()
}

fn evidence<'r>(r: &'r Review, id: &str) -> &'r [Evidence] {
    r.findings
        .iter()
        .find(|f| f.id == id)
        .map_or(&[], |f| f.evidence.as_slice())
}

fn check(level_of: &[&str], day: Date) -> SavedCheck {
    let k = knowledge();
    let answers = k.answers(40, level_of).unwrap();
    let time = day
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp();
    SavedCheck::new(time, k, &answers, &k.assess(&answers))
}

// --- pain_at_night ---------------------------------------------------------

#[test]
fn woken_on_two_of_the_last_seven_logged_days_is_not_enough() {
    let mut days = daily(6, 0, |_| 4);
    days[1].woke_at_night = true;
    days[4].woke_at_night = true;
    let r = attention::review(&journal(days), TODAY);
    assert!(!ids(&r).contains(&PAIN_AT_NIGHT), "{:?}", ids(&r));
}

#[test]
fn woken_on_three_of_the_last_seven_logged_days_is_pain_at_night() {
    let mut days = daily(6, 0, |_| 4);
    for i in [0, 3, 6] {
        days[i].woke_at_night = true;
    }
    let r = attention::review(&journal(days), TODAY);
    match evidence(&r, PAIN_AT_NIGHT) {
        [
            Evidence::WokeAtNight {
                nights,
                logged_days,
                from,
                to,
                dates,
            },
        ] => {
            assert_eq!((*nights, *logged_days), (3, 7));
            assert_eq!((*from, *to), (ago(6), TODAY));
            assert_eq!(dates, &[ago(6), ago(3), TODAY]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        r.sentence(&r.findings[0]),
        "You woke at night on 3 of the last 7 days you logged."
    );
}

#[test]
fn nights_before_the_last_seven_logged_days_do_not_count() {
    // Woke on the 8th, 9th and 10th logged days back: daily logging since.
    let mut days = daily(9, 0, |_| 4);
    for e in days.iter_mut().take(3) {
        e.woke_at_night = true;
    }
    let r = attention::review(&journal(days.clone()), TODAY);
    assert!(!ids(&r).contains(&PAIN_AT_NIGHT));
    // Three later days not logged after all: the last 7 logged reach back.
    days.drain(3..6);
    assert_eq!(days.len(), 7);
    let r = attention::review(&journal(days), TODAY);
    assert!(ids(&r).contains(&PAIN_AT_NIGHT));
}

#[test]
fn logging_every_other_day_still_counts_but_nights_over_two_weeks_ago_do_not() {
    // Every other day for two weeks: 7 logged days, 3 woken.
    let days: Vec<Entry> = (0..7)
        .map(|i| {
            let d = ago(12 - 2 * i);
            if i < 3 { woke(d, 5) } else { entry(d, 5) }
        })
        .collect();
    assert_eq!(days[0].date, ago(12));
    let r = attention::review(&journal(days.clone()), TODAY);
    assert!(ids(&r).contains(&PAIN_AT_NIGHT));
    // Two days later the first night is 14 days old and drops out.
    let r = attention::review(&journal(days), ago(-2));
    assert!(!ids(&r).contains(&PAIN_AT_NIGHT), "{:?}", ids(&r));
}

// --- not_better_2wk --------------------------------------------------------

#[test]
fn a_run_of_thirteen_days_is_too_short_and_fourteen_is_judged() {
    let r = attention::review(&journal(daily(12, 0, |_| 5)), TODAY);
    assert!(!ids(&r).contains(&NOT_BETTER_2WK));
    let r = attention::review(&journal(daily(13, 0, |_| 5)), TODAY);
    match evidence(&r, NOT_BETTER_2WK) {
        [
            Evidence::NotBetter {
                verdict,
                run_from,
                run_to,
                run_days,
                first_week,
                last_week,
            },
        ] => {
            assert_eq!(*verdict, Verdict::NoClearChange);
            assert_eq!((*run_from, *run_to, *run_days), (ago(13), TODAY, 14));
            assert_eq!((first_week.from, first_week.to), (ago(13), ago(7)));
            assert_eq!((last_week.from, last_week.to), (ago(6), TODAY));
            assert_eq!((first_week.days_logged, last_week.days_logged), (7, 7));
            assert!((first_week.mean_pain - 5.0).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn pain_that_got_better_is_not_flagged_and_pain_that_got_worse_says_so() {
    // 6 → 3: down 3 points, better by the 2-point rule.
    let better = daily(20, 0, |d| if d >= 14 { 6 } else { 3 });
    let r = attention::review(&journal(better), TODAY);
    assert!(!ids(&r).contains(&NOT_BETTER_2WK));
    // 6 → 5: no clear change, so "not better".
    let same = daily(20, 0, |d| if d >= 14 { 6 } else { 5 });
    let r = attention::review(&journal(same), TODAY);
    assert!(ids(&r).contains(&NOT_BETTER_2WK));
    // 3 → 6: worse.
    let worse = daily(20, 0, |d| if d >= 14 { 3 } else { 6 });
    let r = attention::review(&journal(worse), TODAY);
    let f = r.findings.iter().find(|f| f.id == NOT_BETTER_2WK).unwrap();
    assert!(matches!(
        f.evidence[0],
        Evidence::NotBetter {
            verdict: Verdict::Worse,
            ..
        }
    ));
    assert_eq!(
        r.sentence(f),
        "Your pain has got worse over 3 weeks: from 3.0 out of 10 on average in the first week to 6.0 in the last week."
    );
}

#[test]
fn a_gap_of_six_unlogged_days_keeps_the_run_and_seven_break_it() {
    // 20 days ago to 14 days ago, then a gap, then 6 days ago to today.
    let mut days = daily(20, 14, |_| 5);
    days.extend(daily(7, 0, |_| 5)); // 14 → 7: six days not logged
    let r = attention::review(&journal(days), TODAY);
    assert!(ids(&r).contains(&NOT_BETTER_2WK));

    let mut days = daily(20, 14, |_| 5);
    days.extend(daily(6, 0, |_| 5)); // 14 → 6: seven days not logged
    let r = attention::review(&journal(days), TODAY);
    assert!(!ids(&r).contains(&NOT_BETTER_2WK), "{:?}", ids(&r));
}

#[test]
fn six_pain_free_days_keep_the_run_and_seven_end_it() {
    let days = daily(27, 0, |d| if (13..19).contains(&d) { 0 } else { 5 });
    let r = attention::review(&journal(days), TODAY);
    assert!(ids(&r).contains(&NOT_BETTER_2WK));
    // Seven pain-free days: the run restarts 12 days ago (too short).
    let days = daily(27, 0, |d| if (13..20).contains(&d) { 0 } else { 5 });
    let r = attention::review(&journal(days), TODAY);
    assert!(!ids(&r).contains(&NOT_BETTER_2WK), "{:?}", ids(&r));
}

#[test]
fn a_new_episode_after_a_pain_free_month_is_not_compared_with_the_old_one() {
    // An old episode at 2, a pain-free month, then 3 weeks at 7.
    let days = daily(80, 0, |d| match d {
        51.. => 2,
        21..=50 => 0,
        _ => 7,
    });
    let r = attention::review(&journal(days), TODAY);
    match evidence(&r, NOT_BETTER_2WK) {
        [
            Evidence::NotBetter {
                run_from,
                first_week,
                verdict,
                ..
            },
        ] => {
            assert_eq!(*run_from, ago(20), "the run starts with the new pain");
            assert!((first_week.mean_pain - 7.0).abs() < 1e-9);
            assert_eq!(*verdict, Verdict::NoClearChange);
        }
        other => panic!("{other:?}"),
    }
    // The same month not logged at all: also a new episode.
    let days: Vec<Entry> = daily(80, 0, |d| if d >= 51 { 2 } else { 7 })
        .into_iter()
        .filter(|e| e.date < ago(50) || e.date > ago(21))
        .collect();
    let r = attention::review(&journal(days), TODAY);
    match evidence(&r, NOT_BETTER_2WK) {
        [Evidence::NotBetter { run_from, .. }] => assert_eq!(*run_from, ago(20)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_run_that_stopped_a_week_ago_is_not_current() {
    let r = attention::review(&journal(daily(30, 6, |_| 5)), TODAY);
    assert!(ids(&r).contains(&NOT_BETTER_2WK));
    let r = attention::review(&journal(daily(30, 7, |_| 5)), TODAY);
    assert!(!ids(&r).contains(&NOT_BETTER_2WK));
}

#[test]
fn too_few_logged_days_in_a_week_claim_nothing() {
    // Three weeks, but only two entries in the first week.
    let days: Vec<Entry> = daily(20, 0, |_| 6)
        .into_iter()
        .filter(|e| e.date == ago(20) || e.date == ago(17) || e.date > ago(14))
        .collect();
    let r = attention::review(&journal(days.clone()), TODAY);
    assert!(!ids(&r).contains(&NOT_BETTER_2WK));
    let mut days = days;
    days.push(entry(ago(18), 6));
    let r = attention::review(&journal(days), TODAY);
    assert!(ids(&r).contains(&NOT_BETTER_2WK));
}

// --- pain_over_3mo ---------------------------------------------------------

/// One entry with pain in each of these weeks back (0 = the last 7 days).
fn weeks_with_pain(weeks: &[i64]) -> Vec<Entry> {
    weeks.iter().map(|w| entry(ago(w * 7 + 3), 4)).collect()
}

#[test]
fn pain_in_six_of_thirteen_weeks_is_not_most_and_seven_is() {
    let r = attention::review(&journal(weeks_with_pain(&[0, 2, 4, 6, 8, 12])), TODAY);
    assert!(!ids(&r).contains(&PAIN_OVER_3MO));
    let r = attention::review(&journal(weeks_with_pain(&[0, 2, 4, 6, 8, 10, 12])), TODAY);
    match evidence(&r, PAIN_OVER_3MO) {
        [
            Evidence::PainInMostWeeks {
                weeks_with_pain,
                weeks,
                from,
                to,
            },
        ] => {
            assert_eq!((*weeks_with_pain, *weeks), (7, 13));
            assert_eq!((*from, *to), (ago(87), ago(3)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn most_weeks_must_reach_back_three_months_and_still_be_there() {
    // The newest seven weeks only: not yet 3 months.
    let r = attention::review(&journal(weeks_with_pain(&[0, 1, 2, 3, 4, 5, 6])), TODAY);
    assert!(!ids(&r).contains(&PAIN_OVER_3MO));
    // The oldest seven weeks, then nothing logged for weeks: not now.
    let r = attention::review(&journal(weeks_with_pain(&[6, 7, 8, 9, 10, 11, 12])), TODAY);
    assert!(!ids(&r).contains(&PAIN_OVER_3MO));
    // Pain-free entries do not count as pain.
    let mut days = weeks_with_pain(&[1, 2, 3, 4, 5, 12]);
    days.push(entry(ago(8 * 7 + 3), 0));
    let r = attention::review(&journal(days.clone()), TODAY);
    assert!(!ids(&r).contains(&PAIN_OVER_3MO));
    days.push(entry(ago(9 * 7 + 3), 1));
    let r = attention::review(&journal(days), TODAY);
    assert!(ids(&r).contains(&PAIN_OVER_3MO));
}

// --- warning symptoms ticked on Today --------------------------------------

#[test]
fn warning_symptoms_count_for_seven_days() {
    let r = attention::review(&journal([noted(ago(6), &["fever"])]), TODAY);
    assert_eq!(ids(&r), ["fever"]);
    match evidence(&r, "fever") {
        [Evidence::Noted { days, dates }] => {
            assert_eq!(*days, 1);
            assert_eq!(dates, &[ago(6)]);
        }
        other => panic!("{other:?}"),
    }
    let r = attention::review(&journal([noted(ago(7), &["fever"])]), TODAY);
    assert!(r.findings.is_empty());
    assert_eq!(r.level, None, "nothing found points to nothing");
}

#[test]
fn only_warning_symptoms_count_not_how_it_started() {
    // after_strain is in the "how it started" group: context, not a sign.
    let r = attention::review(
        &journal([noted(ago(1), &["after_strain", "weight_loss"])]),
        TODAY,
    );
    assert_eq!(ids(&r), ["weight_loss"]);
    assert!(attention::is_warning_symptom(knowledge(), "fever"));
    assert!(!attention::is_warning_symptom(knowledge(), "after_strain"));
    assert!(!attention::is_warning_symptom(
        knowledge(),
        "history_osteoporosis"
    ));
    assert!(!attention::is_warning_symptom(knowledge(), "no_such_id"));
}

#[test]
fn a_night_ticked_and_nights_logged_are_one_finding_with_both_kinds_of_evidence() {
    let mut days = daily(6, 0, |_| 4);
    for i in [1, 2, 3] {
        days[i].woke_at_night = true;
    }
    days[6].symptoms.insert(PAIN_AT_NIGHT.to_owned());
    days[5].symptoms.insert("fever".to_owned());
    let r = attention::review(&journal(days), TODAY);
    // The vocabulary's order: pain before whole-body symptoms.
    assert_eq!(ids(&r), [PAIN_AT_NIGHT, "fever"]);
    assert!(matches!(
        evidence(&r, PAIN_AT_NIGHT),
        [Evidence::WokeAtNight { .. }, Evidence::Noted { .. }]
    ));
    let s = r.sentence(&r.findings[0]);
    assert!(
        s.starts_with("You woke at night on 3 of the last 7 days"),
        "{s}"
    );
    assert!(s.contains("you noted once: \"Pain at night"), "{s}");
}

#[test]
fn entries_after_today_are_not_looked_at() {
    // A clock set back: the record is read as of the day asked.
    let r = attention::review(&journal([noted(ago(-2), &["fever"])]), TODAY);
    assert!(r.findings.is_empty());
}

// --- the fresh level and the notice ----------------------------------------

fn nights_journal() -> Journal {
    let mut days = daily(6, 0, |_| 4);
    for i in [2, 4, 6] {
        days[i].woke_at_night = true;
    }
    journal(days)
}

#[test]
fn the_level_uses_age_and_history_and_an_unknown_age_is_the_careful_one() {
    let j = nights_journal();
    let r = attention::review(&j, TODAY);
    assert_eq!(
        r.level,
        Some(Level::SeeDoctor),
        "night pain alone at 40: D1"
    );
    assert_eq!(r.rules, ["D1"]);

    let mut cancer = j.clone();
    cancer
        .profile
        .history
        .insert("history_cancer_breast".to_owned());
    assert_eq!(
        attention::review(&cancer, TODAY).level,
        Some(Level::Within24h)
    );

    let mut unknown = j.clone();
    unknown.profile.age = None;
    let r = attention::review(&unknown, TODAY);
    assert_eq!(r.age, None);
    for age in [10u8, 30, 49, 50, 69, 70, 90] {
        let mut known = j.clone();
        known.profile.age = Some(Age::Years {
            years: age,
            on: TODAY,
        });
        assert!(r.level >= attention::review(&known, TODAY).level, "{age}");
    }
    assert_eq!(r.level, Some(Level::Within24h), "at 50 or over: U9");
}

#[test]
fn the_notice_needs_a_level_above_the_latest_check() {
    let mut j = nights_journal();
    let r = attention::review(&j, TODAY);
    assert!(r.should_notify(), "no check saved and above self-care");
    let n = r.notice(None).unwrap();
    assert_eq!(n.level, Level::SeeDoctor);
    assert!(!n.emergency);
    assert_eq!(n.tick, BTreeSet::from([PAIN_AT_NIGHT.to_owned()]));
    assert_eq!(
        n.sentences,
        ["You woke at night on 3 of the last 7 days you logged."]
    );
    assert_eq!(n.points_to, "It points to: Book a doctor's appointment.");

    j.checks.push(check(&["after_strain"], ago(20)));
    let r = attention::review(&j, TODAY);
    assert_eq!(r.latest_check.map(|c| c.level), Some(Level::SelfCare));
    assert!(r.notice(None).is_some(), "higher than the self-care check");

    j.checks.push(check(&["pain_at_night"], ago(1)));
    let r = attention::review(&j, TODAY);
    assert!(!r.should_notify(), "the same level as the latest check");
    assert!(r.notice(None).is_none());

    // A self-care check listed last but made earlier is not the latest.
    j.checks.push(check(&["after_strain"], ago(3)));
    let r = attention::review(&j, TODAY);
    assert_eq!(r.latest_check.map(|c| c.level), Some(Level::SeeDoctor));
    assert!(
        r.notice(None).is_none(),
        "never lowers: latest by time wins"
    );
}

#[test]
fn self_care_with_no_check_saved_is_no_notice() {
    let mut r = attention::review(&nights_journal(), TODAY);
    assert!(r.should_notify());
    r.level = Some(Level::SelfCare);
    assert!(!r.should_notify() && r.notice(None).is_none());
    r.level = Some(Level::SeeDoctor);
    assert!(r.notice(None).is_some());
}

#[test]
fn nothing_in_the_record_means_no_notice_whatever_the_history() {
    let mut j = journal(daily(3, 0, |_| 4));
    j.profile.history.insert("history_cancer_breast".to_owned());
    let r = attention::review(&j, TODAY);
    assert!(r.findings.is_empty());
    assert_eq!(r.level, None);
    assert!(!r.should_notify() && r.notice(None).is_none());
}

#[test]
fn an_emergency_symptom_in_the_record_is_flagged_for_the_banner() {
    let j = journal([noted(ago(2), &["chest_pain"])]);
    let r = attention::review(&j, TODAY);
    assert_eq!(r.level, Some(Level::CallAmbulance));
    assert!(r.is_emergency());
    let n = r.notice(None).unwrap();
    assert!(n.emergency);
    assert_eq!(n.points_to, "It points to: Call an ambulance now.");
}

#[test]
fn the_review_never_saves_a_check() {
    let j = nights_journal();
    let before = j.clone();
    let r = attention::review(&j, TODAY);
    let _ = r.notice(None);
    assert_eq!(j, before);
}

// --- dismissal -------------------------------------------------------------

#[test]
fn a_dismissed_notice_stays_dismissed_while_the_evidence_is_the_same() {
    let j = nights_journal();
    let r = attention::review(&j, TODAY);
    let dismissed = r.dismiss(None);
    assert!(r.notice(Some(&dismissed)).is_none());
    // Days pass with nothing new logged: same evidence, same fingerprint.
    for later in 1..=5 {
        let r = attention::review(&j, ago(-later));
        assert_eq!(r.fingerprint, dismissed, "day +{later}");
        assert!(r.notice(Some(&dismissed)).is_none());
    }
    // A new ordinary day: the window slides, no more nights.
    let mut j2 = j.clone();
    j2.upsert(entry(ago(-1), 4));
    let r = attention::review(&j2, ago(-1));
    assert!(ids(&r).contains(&PAIN_AT_NIGHT));
    assert!(r.notice(Some(&dismissed)).is_none());
}

#[test]
fn a_dismissed_notice_comes_back_when_the_evidence_grows() {
    let j = nights_journal();
    let dismissed = attention::review(&j, TODAY).dismiss(None);

    // Another night woken: 4 of 7.
    let mut more = j.clone();
    more.upsert(woke(ago(-1), 4));
    let r = attention::review(&more, ago(-1));
    let n = r.notice(Some(&dismissed)).expect("more nights");
    assert_eq!(
        n.sentences,
        ["You woke at night on 4 of the last 7 days you logged."]
    );

    // A new warning symptom.
    let mut new = j.clone();
    new.upsert(noted(ago(-1), &["night_sweats"]));
    let r = attention::review(&new, ago(-1));
    assert!(r.notice(Some(&dismissed)).is_some(), "a new finding");

    // A higher level from the profile (a cancer history added).
    let mut history = j.clone();
    history
        .profile
        .history
        .insert("history_cancer_breast".to_owned());
    let r = attention::review(&history, TODAY);
    assert!(r.notice(Some(&dismissed)).is_some(), "a higher level");

    // Dismissing again, merged: both stay dismissed.
    let r = attention::review(&more, ago(-1));
    let both = r.dismiss(Some(&dismissed));
    assert!(r.notice(Some(&both)).is_none());
    assert!(attention::review(&j, TODAY).notice(Some(&both)).is_none());
}

#[test]
fn evidence_that_went_away_for_more_than_a_week_and_came_back_is_new() {
    let nights = |start: i64| -> Vec<Entry> {
        (0..7)
            .map(|i| {
                let d = ago(start - i);
                if i % 2 == 0 { woke(d, 5) } else { entry(d, 4) }
            })
            .collect()
    };
    // Nights 40..34 days ago, quiet days since, nights again in the last week.
    let mut days = nights(40);
    days.extend(daily(33, 7, |_| 0));
    let old = journal(days.clone());
    let then = ago(34);
    let dismissed = attention::review(&old, then).dismiss(None);
    assert!(ids(&attention::review(&old, then)).contains(&PAIN_AT_NIGHT));

    days.extend(nights(6));
    let r = attention::review(&journal(days), TODAY);
    assert!(ids(&r).contains(&PAIN_AT_NIGHT));
    assert_ne!(
        r.fingerprint.marks[PAIN_AT_NIGHT].since,
        dismissed.marks[PAIN_AT_NIGHT].since
    );
    assert!(r.notice(Some(&dismissed)).is_some());
}

#[test]
fn a_symptom_away_for_seven_days_is_the_same_evidence_and_eight_is_new() {
    // Noted 14 days ago and today: not in the last 7 days on 7 of the days
    // between (7 to 1 days ago).
    let r = attention::review(
        &journal([noted(ago(14), &["fever"]), noted(TODAY, &["fever"])]),
        TODAY,
    );
    assert_eq!(r.fingerprint.marks["fever"].since, Some(ago(14)));
    let r = attention::review(
        &journal([noted(ago(15), &["fever"]), noted(TODAY, &["fever"])]),
        TODAY,
    );
    assert_eq!(r.fingerprint.marks["fever"].since, Some(TODAY));
}

#[test]
fn merging_keeps_the_strongest_evidence_dismissed() {
    let j = nights_journal();
    let tomorrow = ago(-1);
    let mut four = j.clone();
    four.upsert(woke(tomorrow, 4));
    let strong = attention::review(&four, tomorrow);
    assert_eq!(strong.fingerprint.marks[PAIN_AT_NIGHT].strength, 4);
    let dismissed = strong.dismiss(None);
    // Instead, three nights and a new finding: a notice; dismissed too.
    let mut weaker = j.clone();
    weaker.upsert(noted(tomorrow, &["night_sweats"]));
    let r = attention::review(&weaker, tomorrow);
    assert!(r.notice(Some(&dismissed)).is_some());
    let both = r.dismiss(Some(&dismissed));
    assert_eq!(
        both.marks[PAIN_AT_NIGHT].strength, 4,
        "the stronger one stays"
    );
    // Four nights and the sweats: nothing new.
    let mut all = j.clone();
    all.upsert(Entry {
        woke_at_night: true,
        ..noted(tomorrow, &["night_sweats"])
    });
    let r = attention::review(&all, tomorrow);
    assert!(r.notice(Some(&both)).is_none());
    assert!(r.notice(Some(&r.dismiss(None))).is_none());
    assert!(r.notice(Some(&dismissed)).is_some());
}

#[test]
fn evidence_that_flickers_within_a_week_is_the_same() {
    // Woke every other day for three weeks (3 or 4 of the last 7), except
    // for a quiet spell that takes it below 3 for a week.
    let mut days: Vec<Entry> = (0..21)
        .map(|i| {
            let d = ago(20 - i);
            if i % 2 == 0 && !(8..12).contains(&i) {
                woke(d, 5)
            } else {
                entry(d, 5)
            }
        })
        .collect();
    let first = journal(days.clone());
    assert!(!ids(&attention::review(&first, ago(8))).contains(&PAIN_AT_NIGHT));
    let dismissed = attention::review(&first, TODAY).dismiss(None);
    assert_eq!(dismissed.marks[PAIN_AT_NIGHT].since, Some(ago(16)));
    days.push(woke(ago(-1), 5));
    let r = attention::review(&journal(days), ago(-1));
    assert_eq!(
        r.fingerprint.marks[PAIN_AT_NIGHT].since,
        dismissed.marks[PAIN_AT_NIGHT].since
    );
}

#[test]
fn the_fingerprint_round_trips_and_is_deterministic() {
    let j = sample::journal(TODAY, 400, 11);
    let a = attention::review(&j, TODAY).fingerprint;
    assert_eq!(a, attention::review(&j, TODAY).fingerprint);
    let text = ron::to_string(&a).unwrap();
    assert_eq!(ron::from_str::<Fingerprint>(&text).unwrap(), a);
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Fingerprint>(&json).unwrap(), a);
    assert!(Fingerprint::default().covers(&Fingerprint::default()));
}

#[test]
fn an_empty_journal_shows_nothing() {
    let r = attention::review(&Journal::new(), TODAY);
    assert!(r.findings.is_empty() && r.level.is_none() && r.notice(None).is_none());
}

// --- property --------------------------------------------------------------

prop_compose! {
    /// Up to 120 days of entries, some missing, pain 0–10.
    fn days()(rows in prop::collection::vec((any::<bool>(), 0u8..=10, any::<bool>()), 0..120))
        -> Vec<(bool, u8, bool)> { rows }
}

fn warning_ids() -> Vec<String> {
    let k = knowledge();
    k.findings()
        .iter()
        .filter(|f| attention::is_warning_symptom(k, &f.id))
        .map(|f| f.id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same days, each recording the same symptoms or more (a night
    /// woken, a box ticked): the findings can only grow and the level can
    /// only rise. (Adding a new *day* is not monotone, and should not be: a
    /// pain-free day can show that pain got better.)
    #[test]
    fn recording_more_symptoms_never_lowers_the_level(
        rows in days(),
        extra in prop::collection::vec((0usize..120, any::<bool>(), prop::sample::select(warning_ids())), 0..12),
        noted_before in prop::collection::vec((0usize..120, prop::sample::select(warning_ids())), 0..4),
        age in prop::option::of(10u8..90),
    ) {
        let n = rows.len() as i64;
        let mut fewer: Vec<Entry> = rows
            .iter()
            .enumerate()
            .filter(|(_, (logged, _, _))| *logged)
            .map(|(i, (_, pain, woke))| Entry {
                woke_at_night: *woke,
                ..entry(ago(n - 1 - i as i64), *pain)
            })
            .collect();
        let len = fewer.len().max(1);
        for (i, id) in &noted_before {
            if let Some(e) = fewer.get_mut(i % len) {
                e.symptoms.insert(id.clone());
            }
        }
        let mut more = fewer.clone();
        for (i, wake, id) in &extra {
            if let Some(e) = more.get_mut(i % len) {
                if *wake {
                    e.woke_at_night = true;
                } else {
                    e.symptoms.insert(id.clone());
                }
            }
        }
        let build = |entries: Vec<Entry>| {
            let mut j = journal(entries);
            j.profile.age = age.map(|years| Age::Years { years, on: TODAY });
            j
        };
        let a = attention::review(&build(fewer), TODAY);
        let b = attention::review(&build(more), TODAY);
        let (a_ids, b_ids): (BTreeSet<_>, BTreeSet<_>) = (
            a.findings.iter().map(|f| &f.id).collect(),
            b.findings.iter().map(|f| &f.id).collect(),
        );
        prop_assert!(a_ids.is_subset(&b_ids), "{a_ids:?} ⊄ {b_ids:?}");
        prop_assert!(b.level >= a.level, "{:?} < {:?}", b.level, a.level);
    }
}

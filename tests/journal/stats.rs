//! Statistics for the Trends screen and the printed summary: every figure
//! checked against a hand-computed journal, the rolling average against a
//! naive recomputation, and the 2-point / 30% verdict at its edges.

use std::collections::BTreeSet;

use backlog::journal::stats::{
    self, Count, MEANINGFUL_POINTS, Period, Verdict, compare, daily_series, judge, period_stats,
};
use backlog::journal::{Entry, EntryDraft, MedicineTaken, Quality, Region, sample};
use backlog::triage::knowledge;
use jiff::civil::{Date, date};
use jiff::{Timestamp, ToSpan};

const TODAY: Date = Date::constant(2026, 11, 24);

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a bad fixture should fail loudly"
)]
fn entry(day: Date, pain: u8, fill: impl FnOnce(&mut EntryDraft)) -> Entry {
    let mut d = EntryDraft {
        pain: Some(pain),
        ..EntryDraft::new(day)
    };
    fill(&mut d);
    d.validate(knowledge(), TODAY, Timestamp::UNIX_EPOCH, None)
        .unwrap()
}

fn med(name: &str, times: Option<u8>, relief: Option<u8>) -> MedicineTaken {
    MedicineTaken {
        name: name.into(),
        dose: String::new(),
        times,
        relief,
    }
}

fn nov(day: i8) -> Date {
    date(2026, 11, day)
}

/// Four logged days out of seven, with every field used.
fn week() -> Vec<Entry> {
    vec![
        entry(nov(1), 2, |d| {
            d.worst = Some(3);
            d.regions = BTreeSet::from([Region::Neck]);
            d.qualities = BTreeSet::from([Quality::Aching]);
            d.tags = vec!["Gardening".into()];
            d.medicines = vec![med("Ibuprofen", Some(2), Some(6))];
            d.sleep_hours = Some(8.0);
            d.activity = Some(2);
        }),
        entry(nov(2), 7, |d| {
            d.worst = Some(9);
            d.woke_at_night = true;
            d.regions = BTreeSet::from([Region::Neck, Region::MidBack]);
            d.qualities = BTreeSet::from([Quality::Burning, Quality::Aching]);
            d.tags = vec!["gardening".into(), "driving".into()];
            d.treatments = vec!["heat pad".into()];
            d.medicines = vec![
                med("ibuprofen", None, Some(4)),
                med("Paracetamol", Some(3), None),
            ];
            d.symptoms = BTreeSet::from(["pain_at_night".into()]);
            d.sleep_hours = Some(5.0);
            d.activity = Some(8);
            d.enjoyment = Some(6);
        }),
        entry(nov(4), 8, |d| {
            d.woke_at_night = true;
            d.regions = BTreeSet::from([Region::MidBack]);
            d.tags = vec!["driving".into()];
        }),
        entry(nov(7), 3, |_| {}),
    ]
}

#[test]
fn period_figures_match_a_hand_count() {
    let s = period_stats(&week(), Period::new(nov(1), nov(7)).unwrap());
    assert_eq!(s.days_in_period, 7);
    assert_eq!(s.days_logged, 4);
    assert_eq!(s.mean_pain, Some(5.0)); // (2 + 7 + 8 + 3) / 4
    assert_eq!(
        s.worst_pain,
        Some(9),
        "worst score counts, not only the average"
    );
    assert_eq!(s.best_pain, Some(2));
    assert_eq!(s.days_pain_7_plus, 2);
    assert_eq!(s.nights_woken, 2);
    assert_eq!(s.mean_sleep_hours, Some(6.5));
    assert_eq!(s.mean_activity, Some(5.0));
    assert_eq!(s.mean_enjoyment, Some(6.0));
    assert_eq!(
        s.regions,
        [
            Count {
                item: Region::Neck,
                days: 2
            },
            Count {
                item: Region::MidBack,
                days: 2
            },
        ],
        "ties keep display order"
    );
    assert_eq!(
        s.qualities[0],
        Count {
            item: Quality::Aching,
            days: 2
        }
    );
    assert_eq!(
        s.triggers,
        [
            Count {
                item: "driving".to_owned(),
                days: 2
            },
            Count {
                item: "Gardening".to_owned(),
                days: 2
            },
        ],
        "tags group ignoring case and keep the first spelling"
    );
    assert_eq!(
        s.treatments,
        [Count {
            item: "heat pad".to_owned(),
            days: 1
        }]
    );
    assert_eq!(
        s.symptoms,
        [Count {
            item: "pain_at_night".to_owned(),
            days: 1
        }]
    );

    let ibu = &s.medicines[0];
    assert_eq!(ibu.name, "Ibuprofen");
    assert_eq!((ibu.days, ibu.doses, ibu.relief_days), (2, 3, 2));
    assert_eq!(ibu.mean_relief, Some(5.0));
    let para = &s.medicines[1];
    assert_eq!(
        (para.name.as_str(), para.days, para.doses),
        ("Paracetamol", 1, 3)
    );
    assert_eq!(para.mean_relief, None, "no relief score given");
}

#[test]
fn an_empty_period_has_no_means_and_no_zeros_pretending_to_be_data() {
    let s = period_stats(&week(), Period::new(nov(10), nov(16)).unwrap());
    assert_eq!(s.days_logged, 0);
    assert_eq!(s.days_in_period, 7);
    assert_eq!((s.mean_pain, s.worst_pain, s.best_pain), (None, None, None));
    assert!(s.regions.is_empty() && s.medicines.is_empty());
}

#[test]
fn period_bounds_are_inclusive() {
    let s = period_stats(&week(), Period::new(nov(2), nov(4)).unwrap());
    assert_eq!(s.days_logged, 2);
    assert_eq!(s.days_in_period, 3);
    assert_eq!(s.mean_pain, Some(7.5));
}

#[test]
fn periods_know_their_length_and_the_one_before() {
    let p = Period::ending(nov(30), 30);
    assert_eq!(p.from, nov(1));
    assert_eq!(p.days(), 30);
    let prev = p.previous();
    assert_eq!(
        (prev.from, prev.to),
        (date(2026, 10, 2), date(2026, 10, 31))
    );
    assert_eq!(prev.days(), 30);
    assert!(Period::new(nov(2), nov(1)).is_none());
    assert_eq!(
        Period::new(date(2024, 1, 1), date(2024, 12, 31))
            .unwrap()
            .days(),
        366
    );
    assert_eq!(p.dates().count(), 30);
}

#[test]
fn rolling_average_uses_the_last_seven_days_and_skips_unlogged_days() {
    let points = daily_series(&week(), Period::new(nov(1), nov(10)).unwrap());
    assert_eq!(points.len(), 10);
    let rolling: Vec<Option<f64>> = points.iter().map(|p| p.rolling).collect();
    assert_eq!(rolling[0], Some(2.0));
    assert_eq!(rolling[1], Some(4.5));
    assert_eq!(
        rolling[2],
        Some(4.5),
        "a day without an entry is not zero pain"
    );
    assert_eq!(rolling[3], Some(17.0 / 3.0));
    assert_eq!(rolling[6], Some(5.0), "nov 1..=7: four entries");
    assert_eq!(rolling[7], Some(6.0), "nov 2..=8: 7, 8, 3");
    assert_eq!(rolling[9], Some(5.5), "nov 4..=10: 8, 3");
    assert_eq!(points[3].pain, Some(8));
    assert_eq!(points[2].pain, None);
}

#[test]
fn rolling_average_counts_entries_from_before_the_period() {
    let points = daily_series(&week(), Period::new(nov(8), nov(14)).unwrap());
    assert_eq!(points[0].rolling, Some(6.0));
    assert_eq!(points[6].rolling, None, "nov 8..=14 has no entries");
}

#[test]
fn rolling_average_matches_a_naive_recomputation_over_years() {
    let j = sample::journal(TODAY, 3 * 365, 11);
    let period = Period::ending(TODAY, 500);
    let points = daily_series(j.entries(), period);
    assert_eq!(points.len(), 500);
    for p in &points {
        let from = p.date.saturating_sub(6.days());
        let window = j.entries_between(from, p.date);
        let naive = (!window.is_empty())
            .then(|| window.iter().map(|e| f64::from(e.pain)).sum::<f64>() / window.len() as f64);
        assert_eq!(p.rolling, naive, "{}", p.date);
        assert_eq!(p.pain, j.entry(p.date).map(|e| e.pain));
    }
}

#[test]
fn verdict_follows_the_two_point_or_thirty_percent_rule() {
    // Two points is meaningful at any level.
    assert_eq!(judge(8.0, 6.0), Verdict::Better);
    assert_eq!(judge(6.0, 8.0), Verdict::Worse);
    assert_eq!(
        judge(6.1, 4.1),
        Verdict::Better,
        "float noise must not hide 2.0"
    );
    // Under two points but 30% or more (and at least one point).
    assert_eq!(judge(4.0, 2.8), Verdict::Better); // 30%
    assert_eq!(judge(3.0, 4.0), Verdict::Worse); // 33%
    // Neither.
    assert_eq!(judge(8.0, 6.5), Verdict::NoClearChange); // 1.5 points, 19%
    assert_eq!(judge(5.0, 5.0), Verdict::NoClearChange);
    // 30% of a tiny score is less than one step on the scale.
    assert_eq!(judge(1.0, 1.5), Verdict::NoClearChange);
    assert_eq!(judge(0.0, 1.5), Verdict::NoClearChange);
    assert_eq!(judge(0.0, MEANINGFUL_POINTS), Verdict::Worse);
}

#[test]
fn compare_needs_enough_days_in_both_periods() {
    let before = Period::new(nov(1), nov(7)).unwrap();
    let after = Period::new(nov(8), nov(14)).unwrap();
    let mut entries = week();
    entries.push(entry(nov(8), 1, |_| {}));
    entries.push(entry(nov(9), 1, |_| {}));
    let b = period_stats(&entries, before);
    let a = period_stats(&entries, after);
    let c = compare(&b, &a);
    assert_eq!(c.verdict, Verdict::NotEnoughData, "only two days after");
    assert!(c.sentence().contains("at least 3 logged days"));

    entries.push(entry(nov(10), 1, |_| {}));
    let a = period_stats(&entries, after);
    let c = compare(&b, &a);
    assert_eq!(c.verdict, Verdict::Better);
    assert_eq!(c.before, Some(5.0));
    assert_eq!(c.after, Some(1.0));
    assert_eq!(c.difference, Some(-4.0));
    assert_eq!(c.share, Some(-0.8));
    assert_eq!(
        c.sentence(),
        "Average pain went from 5.0 to 1.0 out of 10 (down 4.0 points, 80%): a real improvement."
    );
}

#[test]
fn verdict_labels_and_ids_are_plain() {
    assert_eq!(Verdict::NoClearChange.label(), "No clear change");
    assert_eq!(Verdict::NoClearChange.id(), "no_clear_change");
    assert_eq!(stats::MIN_DAYS_TO_COMPARE, 3);
}

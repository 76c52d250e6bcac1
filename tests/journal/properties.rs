//! Properties of the journal on random input: the 2-point / 30% verdict,
//! the period statistics, the rolling average, and the CSV and RON round
//! trips with text that is hard to escape.

use std::collections::BTreeSet;

use backlog::journal::stats::{Period, Verdict, daily_series, judge, period_stats};
use backlog::journal::{Entry, EntryDraft, Journal, MedicineTaken, Quality, Region};
use backlog::store::{self, exchange};
use backlog::triage::knowledge;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;

const START: Date = Date::constant(2026, 1, 1);
const TODAY: Date = Date::constant(2026, 12, 31);

/// Text people might type, heavy on characters that CSV, spreadsheets and
/// RON treat specially.
fn text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "=", "+", "-", "@", "'", "\"", ",", " ", "\\", "(", ")", "[", "]", "é", "ß", "東京", "🙂",
        "pain", "heat", "\n", "\t", "r#", "/*", "//", "Some(", "None",
    ]);
    prop::collection::vec(pieces, 0..max).prop_map(|v| v.concat())
}

/// A short list item: no separators, no line breaks, not blank, trimmed.
fn item() -> impl Strategy<Value = String> {
    text(6).prop_map(|t| {
        let t: String = t.chars().filter(|c| !c.is_control()).collect();
        let t = t.trim().to_owned();
        if t.is_empty() { "x".to_owned() } else { t }
    })
}

fn score() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(0u8..=10)
}

prop_compose! {
    fn draft()(
        day in 0i64..365,
        pain in 0u8..=10,
        extra in 0u8..=10,
        worst in any::<bool>(),
        regions in prop::sample::subsequence(Region::ALL.to_vec(), 0..4),
        qualities in prop::sample::subsequence(Quality::ALL.to_vec(), 0..3),
        woke in any::<bool>(),
        activity in score(),
        enjoyment in score(),
        sleep_halves in prop::option::of(0u8..=48),
        meds in prop::collection::vec((item(), prop::option::of(item()), prop::option::of(1u8..=24), score()), 0..3),
        treatments in prop::collection::vec(item(), 0..3),
        tags in prop::collection::vec(item(), 0..4),
        note in text(30),
    ) -> EntryDraft {
        EntryDraft {
            date: START.saturating_add(day.days()),
            pain: Some(pain),
            worst: worst.then(|| pain.saturating_add(extra).min(10)),
            regions: regions.into_iter().collect(),
            qualities: qualities.into_iter().collect(),
            woke_at_night: woke,
            activity,
            enjoyment,
            sleep_hours: sleep_halves.map(|h| f32::from(h) / 2.0),
            medicines: meds
                .into_iter()
                .map(|(name, dose, times, relief)| MedicineTaken {
                    name,
                    dose: dose.unwrap_or_default(),
                    times,
                    relief,
                })
                .collect(),
            treatments,
            tags,
            symptoms: BTreeSet::new(),
            note: note.replace('\r', ""),
        }
    }
}

fn journal_of(drafts: Vec<EntryDraft>) -> Journal {
    let mut j = Journal::new();
    for (i, d) in drafts.into_iter().enumerate() {
        let now = Timestamp::from_second(1_780_000_000 + i64::try_from(i).unwrap() * 977).unwrap();
        let e = d.validate(knowledge(), TODAY, now, None).unwrap();
        j.upsert(e);
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_verdict_points_the_right_way_and_respects_both_thresholds(b in 0.0f64..=10.0, a in 0.0f64..=10.0) {
        let v = judge(b, a);
        let size = (a - b).abs();
        match v {
            Verdict::Better => prop_assert!(a < b),
            Verdict::Worse => prop_assert!(a > b),
            _ => {}
        }
        if size >= 2.0 + 1e-6 {
            prop_assert_ne!(v, Verdict::NoClearChange);
        }
        if size < 1.0 - 1e-6 {
            prop_assert_eq!(v, Verdict::NoClearChange);
        }
        if size >= 1.0 + 1e-6 && b > 0.0 && size / b >= 0.30 + 1e-6 {
            prop_assert_ne!(v, Verdict::NoClearChange);
        }
    }

    #[test]
    fn period_figures_are_consistent(drafts in prop::collection::vec(draft(), 0..40), from in 0i64..300, len in 1i64..120) {
        let j = journal_of(drafts);
        let period = Period::new(START.saturating_add(from.days()), START.saturating_add((from + len - 1).days())).unwrap();
        let s = period_stats(j.entries(), period);
        let inside: Vec<&Entry> = j.entries().iter().filter(|e| period.contains(e.date)).collect();
        prop_assert_eq!(s.days_logged as usize, inside.len());
        prop_assert!(s.days_logged <= s.days_in_period);
        prop_assert_eq!(i64::from(s.days_in_period), len);
        if let (Some(mean), Some(best), Some(worst)) = (s.mean_pain, s.best_pain, s.worst_pain) {
            prop_assert!(f64::from(best) <= mean + 1e-9 && mean <= f64::from(worst) + 1e-9);
        } else {
            prop_assert!(inside.is_empty());
        }
        prop_assert_eq!(s.nights_woken as usize, inside.iter().filter(|e| e.woke_at_night).count());
        prop_assert!(s.regions.windows(2).all(|w| w[0].days >= w[1].days), "most frequent first");
        let points = daily_series(j.entries(), period);
        prop_assert_eq!(points.len() as i64, len);
        for p in points {
            let w = j.entries_between(p.date.saturating_sub(6.days()), p.date);
            let naive = (!w.is_empty()).then(|| w.iter().map(|e| f64::from(e.pain)).sum::<f64>() / w.len() as f64);
            prop_assert_eq!(p.rolling, naive);
        }
    }

    #[test]
    fn csv_export_and_import_give_back_every_entry(drafts in prop::collection::vec(draft(), 0..25)) {
        let j = journal_of(drafts);
        let csv = exchange::to_csv(j.entries()).unwrap();
        let back = exchange::from_csv(&csv, knowledge(), TODAY, Timestamp::UNIX_EPOCH).unwrap();
        prop_assert_eq!(back.as_slice(), j.entries());
    }

    #[test]
    fn the_journal_file_gives_back_the_journal(drafts in prop::collection::vec(draft(), 0..25)) {
        let j = journal_of(drafts);
        let bytes = store::serialize(&j).unwrap();
        let back = store::deserialize(&bytes).unwrap();
        prop_assert_eq!(back, j);
    }
}

//! Deterministic, realistic sample journals for tests, benchmarks and
//! screenshots: the same seed always gives the same journal, byte for byte.
//!
//! Pain drifts slowly with flare-ups, notes vary in length like real ones,
//! and some days are skipped. No random-number crate: a tiny xorshift.

use std::collections::BTreeSet;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ToSpan};

use super::entry::Entry;
use super::labels::{Quality, Region};
use super::medicine::MedicineTaken;
use super::medicine::{Medicine, MedicineKind};
use super::profile::{Age, Paper, Profile};
use super::{Journal, SavedCheck, SummaryNotes};

const NOTES: &[&str] = &[
    "Stiff first thing, eased after a hot shower and a short walk.",
    "Long day at the desk. The ache between my shoulder blades built up through the afternoon; the standing desk helped a bit.",
    "Carried the shopping up the stairs and felt a sharp twinge on the right side. Rested and used the heat pad in the evening.",
    "Better day. Did the physio stretches twice and went for a 30 minute walk.",
    "Woke at 3 am with a burning feeling under the left shoulder blade. Took paracetamol and got back to sleep after an hour. Felt tired all day and skipped the gym. Will mention the night waking to the doctor.",
    "",
    "Gardening for two hours: fine during, sore afterwards.",
    "Drove to my sister's (3 hours each way). Neck and upper back very stiff by the evening; ibuprofen helped more than the heat pad.",
];

const TAGS: &[&str] = &[
    "desk work",
    "gardening",
    "driving",
    "lifting",
    "walking",
    "poor sleep",
    "stress",
    "swimming",
];
const TREATMENTS: &[&str] = &[
    "heat pad",
    "stretching",
    "physio exercises",
    "massage",
    "ice",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A journal with up to `days` daily entries ending on `last_day` (about one
/// day in twenty is skipped, as in real use), a profile, a medicine list,
/// a few saved checks and doctor notes. Every entry is valid.
pub fn journal(last_day: Date, days: u32, seed: u64) -> Journal {
    build(last_day, days, seed, 5)
}

/// As [`journal`], with an entry on every one of the `days` days (the
/// benchmarks' "ten years is 3,650 entries").
pub fn every_day(last_day: Date, days: u32, seed: u64) -> Journal {
    build(last_day, days, seed, 0)
}

fn build(last_day: Date, days: u32, seed: u64, skip_percent: u64) -> Journal {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut j = Journal::new();
    j.profile = Profile {
        age: Some(Age::BornIn(1968)),
        name: Some("Alex Sample".to_owned()),
        history: BTreeSet::from(["history_osteoporosis".to_owned()]),
        cancer_details: String::new(),
        emergency_number: "911".to_owned(),
        paper: Paper::Letter,
        ..Profile::default()
    };
    j.medicines = vec![
        Medicine {
            name: "Ibuprofen".to_owned(),
            dose: "400 mg".to_owned(),
            kind: MedicineKind::AsNeeded,
            start: None,
            stop: None,
            ..Medicine::default()
        },
        Medicine {
            name: "Paracetamol".to_owned(),
            dose: "1 g".to_owned(),
            kind: MedicineKind::Regular,
            start: Some(last_day.saturating_sub(90.days())),
            stop: None,
            ..Medicine::default()
        },
    ];
    j.summary_notes = SummaryNotes {
        doctor_note: "The pain wakes me most nights and is worse after sitting for long."
            .to_owned(),
        questions: vec![
            "Should I have an X-ray?".to_owned(),
            "Is it safe to keep swimming?".to_owned(),
        ],
    };

    let first = last_day.saturating_sub(i64::from(days.max(1) - 1).days());
    let mut level: f64 = 4.0;
    let mut entries = Vec::with_capacity(usize::try_from(days).unwrap_or(0));
    for date in first
        .series(1.day())
        .take(usize::try_from(days).unwrap_or(0))
    {
        // A slow random walk with occasional flare-ups.
        let step = f64::from(u8::try_from(rng.below(5)).unwrap_or(2)) - 2.0;
        level = (level + step * 0.5).clamp(1.0, 8.0);
        if rng.chance(3) {
            level = 8.0;
        }
        if rng.chance(skip_percent) {
            continue;
        }
        entries.push(entry(&mut rng, date, level));
    }
    for e in entries {
        j.upsert(e);
    }
    j.checks = checks(last_day, days);
    j
}

/// Two kept symptom checks: one after a strain at the start, and one with
/// pain at night near the end.
fn checks(last_day: Date, days: u32) -> Vec<SavedCheck> {
    let k = crate::triage::knowledge();
    let at = |day: Date| {
        day.at(19, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp())
    };
    let early = last_day.saturating_sub(i64::from(days.max(1) - 1).days());
    let late = last_day.saturating_sub(2.days()).max(early);
    let mut out = Vec::new();
    for (day, findings) in [
        (early, vec!["after_strain"]),
        (late, vec!["pain_at_night", "history_osteoporosis"]),
    ] {
        if let Ok(answers) = k.answers(58, findings) {
            out.push(SavedCheck::new(at(day), k, &answers, &k.assess(&answers)));
        }
    }
    out
}

/// Ibuprofen on every day with pain 4 or more and on some others;
/// paracetamol on some days.
fn medicines(rng: &mut Rng, pain: u8) -> Vec<MedicineTaken> {
    let mut medicines = Vec::new();
    if pain >= 4 || rng.chance(20) {
        medicines.push(MedicineTaken {
            name: "Ibuprofen".to_owned(),
            dose: "400 mg".to_owned(),
            times: Some(1 + u8::try_from(rng.below(3)).unwrap_or(0)),
            relief: Some(u8::try_from(3 + rng.below(5)).unwrap_or(5)),
        });
    }
    if rng.chance(40) {
        medicines.push(MedicineTaken {
            name: "Paracetamol".to_owned(),
            dose: "1 g".to_owned(),
            times: Some(2),
            relief: rng
                .chance(70)
                .then(|| u8::try_from(2 + rng.below(4)).unwrap_or(3)),
        });
    }
    medicines
}

fn entry(rng: &mut Rng, date: Date, level: f64) -> Entry {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "level is clamped to 1..=8 above"
    )]
    let pain = level.round() as u8;
    let worst = (pain + u8::try_from(rng.below(3)).unwrap_or(0)).min(10);
    let regions: BTreeSet<Region> = (0..1 + rng.below(3))
        .map(|_| Region::ALL[rng.below(Region::ALL.len())])
        .collect();
    let qualities: BTreeSet<Quality> = (0..1 + rng.below(2))
        .map(|_| Quality::ALL[rng.below(Quality::ALL.len())])
        .collect();
    let medicines = medicines(rng, pain);
    let tags: Vec<String> = (0..rng.below(3))
        .map(|_| TAGS[rng.below(TAGS.len())].to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let treatments: Vec<String> = (0..rng.below(2))
        .map(|_| TREATMENTS[rng.below(TREATMENTS.len())].to_owned())
        .collect();
    let mut note = NOTES[rng.below(NOTES.len())].to_owned();
    if rng.chance(10) {
        note.push('\n');
        note.push_str(NOTES[rng.below(NOTES.len())]);
        // As EntryDraft::validate would store it.
        note = note.trim().to_owned();
    }
    let symptoms: BTreeSet<String> = if pain >= 7 && rng.chance(30) {
        BTreeSet::from(["pain_at_night".to_owned()])
    } else {
        BTreeSet::new()
    };
    // Written in the evening of the day, sometimes the next morning.
    let evening = date
        .at(21, 30, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp());
    let created = if rng.chance(10) {
        evening
            .saturating_add(SignedDuration::from_hours(11))
            .unwrap_or(evening)
    } else {
        evening
    };
    Entry {
        date,
        pain,
        worst: Some(worst),
        regions,
        qualities,
        woke_at_night: pain >= 6 && rng.chance(50),
        activity: Some(pain.saturating_sub(1)),
        enjoyment: Some(pain.saturating_sub(2)),
        sleep_hours: Some(5.0 + 0.5 * f32::from(u8::try_from(rng.below(7)).unwrap_or(3))),
        medicines,
        treatments: super::text::tidy_list(&treatments),
        tags,
        symptoms,
        note,
        created,
        edited: created,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::knowledge;
    use jiff::civil::date;

    #[test]
    fn sample_journals_are_valid_and_deterministic() {
        let a = journal(date(2026, 11, 24), 400, 7);
        a.validate(knowledge()).unwrap();
        assert_eq!(a, journal(date(2026, 11, 24), 400, 7));
        assert_ne!(a, journal(date(2026, 11, 24), 400, 8));
        let n = a.entries().len();
        assert!(
            (340..400).contains(&n),
            "about one day in twenty skipped: {n}"
        );
        assert!(a.entries().last().map(|e| e.date) <= Some(date(2026, 11, 24)));
    }

    #[test]
    fn sample_entries_are_exactly_what_validation_would_store() {
        let j = journal(date(2026, 11, 24), 2_000, 3);
        for e in j.entries() {
            let again = super::super::EntryDraft::from_entry(e)
                .validate(knowledge(), date(2026, 11, 24), e.edited, Some(e))
                .unwrap();
            assert_eq!(&again, e, "{}", e.date);
        }
    }
}

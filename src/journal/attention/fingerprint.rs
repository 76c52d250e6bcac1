//! Remembering a dismissed notice until the evidence changes.
//!
//! A fingerprint names each finding the record supports with the day its
//! evidence began and how strong it is. A new day with the same evidence
//! (the window slides, a night is forgotten and another added) gives the
//! same fingerprint; a new finding, a finding that comes back after being
//! gone for more than a week, or stronger evidence does not.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::derive::{DerivedFinding, Evidence, Record, back};
use crate::journal::stats::Verdict;
use crate::triage::{Knowledge, Level};

/// A finding that stops being supported for up to this many days in a row
/// and then is again is the same evidence (night waking on 3 of 7 days
/// flickers to 2 and back): a notice is not repeated for that.
pub const STREAK_GRACE_DAYS: i64 = 7;
/// How far back the start of a finding's evidence is looked for. Evidence
/// older than this has no start date (`since: None`); it means that a
/// finding that has held for about 3 months is mentioned once more.
pub const STREAK_LOOKBACK_DAYS: i64 = 91;

/// The evidence behind one finding, as far as dismissal cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The first day of the current stretch of days on which the record
    /// supported the finding; `None` when that is over
    /// [`STREAK_LOOKBACK_DAYS`] ago.
    pub since: Option<Date>,
    /// Grows with the evidence: nights woken, or 1 for pain that is worse
    /// (not only not better). 0 for evidence that does not grade.
    pub strength: u32,
}

/// Identifies the evidence of a review. Stable: the same journal and day
/// give the same value, and it serializes with these field names for the
/// app to keep (for example in its preferences).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fingerprint {
    /// The level the evidence pointed to.
    pub level: Option<Level>,
    /// By finding id.
    pub marks: BTreeMap<String, Mark>,
}

impl Fingerprint {
    /// True when `current` holds nothing this one did not: no higher
    /// level, no finding that is new or began again, none stronger.
    pub fn covers(&self, current: &Fingerprint) -> bool {
        current.level <= self.level
            && current.marks.iter().all(|(id, now)| {
                self.marks
                    .get(id)
                    .is_some_and(|then| then.since == now.since && now.strength <= then.strength)
            })
    }

    /// Both together: the higher level; per finding the newer mark, or the
    /// stronger one when both describe the same stretch.
    pub fn merged(&self, newer: &Fingerprint) -> Fingerprint {
        let mut marks = self.marks.clone();
        for (id, now) in &newer.marks {
            let mark = match marks.get(id) {
                Some(then) if then.since == now.since => Mark {
                    since: now.since,
                    strength: then.strength.max(now.strength),
                },
                _ => *now,
            };
            marks.insert(id.clone(), mark);
        }
        Fingerprint {
            level: self.level.max(newer.level),
            marks,
        }
    }
}

/// The fingerprint of `findings`, derived from `record` as of `today`.
pub(super) fn of(
    k: &Knowledge,
    record: &Record<'_>,
    findings: &[DerivedFinding],
    level: Option<Level>,
    today: Date,
) -> Fingerprint {
    let marks = findings
        .iter()
        .map(|f| {
            let mark = Mark {
                since: since(today, |day| record.supports(k, &f.id, day)),
                strength: f.evidence.iter().map(strength).max().unwrap_or(0),
            };
            (f.id.clone(), mark)
        })
        .collect();
    Fingerprint { level, marks }
}

fn strength(e: &Evidence) -> u32 {
    match e {
        Evidence::WokeAtNight { nights, .. } => *nights,
        Evidence::NotBetter { verdict, .. } => u32::from(*verdict == Verdict::Worse),
        Evidence::PainInMostWeeks { .. } | Evidence::Noted { .. } => 0,
    }
}

/// The first day of the stretch that ends `today` on which `holds`, gaps
/// of up to [`STREAK_GRACE_DAYS`] forgiven; `None` when the stretch goes
/// back past [`STREAK_LOOKBACK_DAYS`].
fn since(today: Date, holds: impl Fn(Date) -> bool) -> Option<Date> {
    let mut first = today;
    let mut misses = 0;
    for days in 1..=STREAK_LOOKBACK_DAYS {
        let day = back(today, days);
        if holds(day) {
            first = day;
            misses = 0;
        } else {
            misses += 1;
            if misses > STREAK_GRACE_DAYS {
                return Some(first);
            }
        }
    }
    None
}

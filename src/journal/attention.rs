//! The journal pays attention: warning signs that build up over days.
//!
//! The journal records what the symptom check asks about (nights woken,
//! pain that does not settle, pain that has lasted for months, warning
//! symptoms ticked on Today), but a person only sees a result when they
//! think to run the check again. This module connects the two: from the
//! journal alone it derives the findings the record supports, each with the
//! numbers behind it, runs the rule engine on them with the profile's age
//! and history, and decides whether that deserves a notice.
//!
//! Pure, like the rest of `journal`: no clock ("today" is a parameter), no
//! files, no UI. It never saves a check and never lowers anything: it can
//! only suggest a fresh check whose level is higher than the last one.
//!
//! One call each for the three places that show it:
//!
//! ```
//! # use backlog::journal::{Journal, attention};
//! # let journal = Journal::new();
//! # let today = jiff::civil::date(2026, 11, 24);
//! # let dismissed: Option<attention::Fingerprint> = None;
//! let review = attention::review(&journal, today);
//! // The app (Today, Trends): a notice, unless this evidence was dismissed.
//! if let Some(notice) = review.notice(dismissed.as_ref()) {
//!     // show notice.sentences, notice.points_to; `notice.emergency`
//!     // means the emergency banner instead; the button opens Check
//!     // with `notice.tick` ticked. On "dismiss", store
//!     // `review.dismiss(dismissed.as_ref())`.
//! }
//! // The summary and `backlog journal attention`: what the record shows.
//! for finding in &review.findings {
//!     let _ = review.sentence(finding);
//! }
//! ```

mod derive;
mod fingerprint;

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

pub use derive::{
    COMPARE_DAYS, DerivedFinding, Evidence, LONG_TERM_MOST_WEEKS, LONG_TERM_RECENT_WEEKS,
    LONG_TERM_WEEKS, NIGHT_LOGGED_DAYS, NIGHT_LOOKBACK_DAYS, NIGHTS_NEEDED, NOT_BETTER_2WK,
    NOT_BETTER_DAYS, PAIN_AT_NIGHT, PAIN_FREE_DAYS, PAIN_OVER_3MO, RECENT_DAYS, RUN_GAP_DAYS,
    WeekPain, is_warning_symptom,
};
pub use fingerprint::{Fingerprint, Mark, STREAK_GRACE_DAYS, STREAK_LOOKBACK_DAYS};

use super::Journal;
use super::stats::Verdict;
use crate::triage::{self, Knowledge, Level};

/// Ages tried when the profile has no age: one from each band the rules
/// tell apart (under 18, adult, 50 and over, 70 and over); the most urgent
/// result wins, so a missing age never under-calls. The same bands as the
/// Check screen.
// TODO(lead): use triage's cautious-age function once it lands there.
const AGES_WHEN_UNKNOWN: [u8; 4] = [16, 35, 55, 75];

/// The latest saved check, as far as the review needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LatestCheck {
    pub time: Timestamp,
    pub level: Level,
}

/// What the journal shows on one day, and what it points to. Build it with
/// [`review`]; cheap enough to rebuild after every change to the journal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The day the review is for.
    pub today: Date,
    /// The findings the record supports, most serious first. Findings it
    /// checked and rejected are not here.
    pub findings: Vec<DerivedFinding>,
    /// Age in years on `today`, from the profile.
    pub age: Option<u8>,
    /// The engine's level for the profile's history plus `findings`;
    /// `None` when the record supports no finding (it points to nothing).
    pub level: Option<Level>,
    /// Ids of the rules behind `level`, most urgent first.
    pub rules: Vec<String>,
    pub rules_version: String,
    pub latest_check: Option<LatestCheck>,
    /// Identifies this evidence, to remember a dismissed notice by.
    pub fingerprint: Fingerprint,
}

/// A calm notice for Today and Trends (or, when `emergency`, what the
/// emergency banner says instead).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub level: Level,
    /// The level is an emergency: show the emergency banner, not a notice.
    pub emergency: bool,
    /// One plain line: why this notice is here.
    pub headline: String,
    /// What the journal shows, one sentence per finding, with the numbers.
    pub sentences: Vec<String>,
    /// "It points to: Book a doctor's appointment."
    pub points_to: String,
    /// The finding ids to tick on Check for the person to confirm (the
    /// Check adds the profile's history itself).
    pub tick: BTreeSet<String>,
    /// What to store when the person dismisses this notice.
    pub fingerprint: Fingerprint,
}

/// Reviews the journal as of `today`: derives the findings the record
/// supports, then runs the rule engine with the profile's age on `today`
/// (or, without one, the most cautious age band), its history and those
/// findings. Never fails: unknown ids are left out.
pub fn review(journal: &Journal, today: Date) -> Review {
    let k = triage::knowledge();
    let record = derive::Record::new(journal.entries(), today);
    let findings = record.findings(k, today);
    let age = journal.profile.age_on(today);
    let (level, rules) = if findings.is_empty() {
        (None, Vec::new())
    } else {
        let ids: BTreeSet<&str> = journal
            .profile
            .history
            .iter()
            .map(String::as_str)
            .chain(findings.iter().map(|f| f.id.as_str()))
            .filter(|id| k.finding(id).is_some())
            .collect();
        match assess(k, age, &ids) {
            Some((level, rules)) => (Some(level), rules),
            None => (None, Vec::new()),
        }
    };
    let latest_check = journal
        .checks
        .iter()
        .max_by_key(|c| c.time)
        .map(|c| LatestCheck {
            time: c.time,
            level: c.level,
        });
    let fingerprint = fingerprint::of(k, &record, &findings, level, today);
    Review {
        today,
        findings,
        age,
        level,
        rules,
        rules_version: k.rules_version().to_owned(),
        latest_check,
        fingerprint,
    }
}

/// The engine's level and rule ids; with no age, the most urgent result
/// over [`AGES_WHEN_UNKNOWN`].
fn assess(k: &Knowledge, age: Option<u8>, ids: &BTreeSet<&str>) -> Option<(Level, Vec<String>)> {
    let ages = age.map_or(AGES_WHEN_UNKNOWN.to_vec(), |a| vec![a]);
    ages.into_iter()
        .filter_map(|a| k.answers(i64::from(a), ids).ok())
        .map(|answers| k.assess(&answers))
        .max_by_key(|a| a.level)
        .map(|a| (a.level, a.rule_ids()))
}

impl Review {
    /// Whether the record points higher than the latest saved check (or,
    /// with no check saved, above self-care). Ignores dismissal; see
    /// [`Review::notice`].
    pub fn should_notify(&self) -> bool {
        match (self.level, self.latest_check) {
            (None, _) => false,
            (Some(level), Some(check)) => level > check.level,
            (Some(level), None) => level > Level::SelfCare,
        }
    }

    /// True when the record points to an emergency level: the app shows
    /// the emergency banner, not a calm notice.
    pub fn is_emergency(&self) -> bool {
        self.level.is_some_and(Level::is_emergency)
    }

    /// The notice to show, if any: when [`Review::should_notify`] and the
    /// person has not dismissed this evidence (`dismissed` is what
    /// [`Review::dismiss`] gave last time). A dismissed notice comes back
    /// only when the evidence grows: a new finding, a finding back after
    /// more than [`STREAK_GRACE_DAYS`] away, more nights woken, pain now
    /// worse rather than not better, or a higher level. Dismissal applies
    /// at every level; the app decides whether an emergency banner offers it.
    pub fn notice(&self, dismissed: Option<&Fingerprint>) -> Option<Notice> {
        let level = self.level?;
        if !self.should_notify() || dismissed.is_some_and(|d| d.covers(&self.fingerprint)) {
            return None;
        }
        let k = triage::knowledge();
        let headline = if level.is_emergency() {
            "Your journal shows a warning sign that needs help now.".to_owned()
        } else if self.latest_check.is_some() {
            "Your journal shows more than your last symptom check did.".to_owned()
        } else {
            "Your journal shows something worth a symptom check.".to_owned()
        };
        Some(Notice {
            level,
            emergency: level.is_emergency(),
            headline,
            sentences: self.sentences(),
            points_to: format!("It points to: {}.", k.advice(level).headline),
            tick: self.finding_ids(),
            fingerprint: self.fingerprint.clone(),
        })
    }

    /// What to store when the person dismisses the notice: this evidence,
    /// merged with what was dismissed before (so evidence that shrinks and
    /// grows back to where it was stays dismissed).
    pub fn dismiss(&self, previous: Option<&Fingerprint>) -> Fingerprint {
        match previous {
            Some(p) => p.merged(&self.fingerprint),
            None => self.fingerprint.clone(),
        }
    }

    /// The derived finding ids.
    pub fn finding_ids(&self) -> BTreeSet<String> {
        self.findings.iter().map(|f| f.id.clone()).collect()
    }

    /// One sentence per finding, most serious first.
    pub fn sentences(&self) -> Vec<String> {
        self.findings.iter().map(|f| self.sentence(f)).collect()
    }

    /// What the record shows for one finding, in plain words with the
    /// numbers ("You woke at night on 5 of the last 7 days you logged.").
    /// With two kinds of evidence (nights woken, and the box ticked on
    /// Today) both are said.
    pub fn sentence(&self, finding: &DerivedFinding) -> String {
        let k = triage::knowledge();
        finding
            .evidence
            .iter()
            .map(|e| evidence_sentence(k, &finding.id, e))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn evidence_sentence(k: &Knowledge, id: &str, evidence: &Evidence) -> String {
    match evidence {
        Evidence::WokeAtNight {
            nights,
            logged_days,
            ..
        } => {
            if nights == logged_days {
                format!("You woke at night on each of the last {nights} days you logged.")
            } else {
                format!("You woke at night on {nights} of the last {logged_days} days you logged.")
            }
        }
        Evidence::NotBetter {
            verdict,
            run_days,
            first_week,
            last_week,
            ..
        } => {
            let weeks = run_days / 7;
            let (before, after) = (first_week.mean_pain, last_week.mean_pain);
            if *verdict == Verdict::Worse {
                format!(
                    "Your pain has got worse over {weeks} weeks: from {before:.1} out of 10 on average in the first week to {after:.1} in the last week."
                )
            } else {
                format!(
                    "Your pain has not got better in {weeks} weeks: {before:.1} out of 10 on average in the first week, {after:.1} in the last week."
                )
            }
        }
        Evidence::PainInMostWeeks {
            weeks_with_pain,
            weeks,
            ..
        } => format!(
            "You logged pain in {weeks_with_pain} of the last {weeks} weeks, going back about 3 months."
        ),
        Evidence::Noted { days, .. } => {
            let label = k.finding(id).map_or(id, |f| f.label.as_str());
            let label = label.trim_end_matches('.');
            if *days == 1 {
                format!("In the last {RECENT_DAYS} days you noted once: \"{label}\".")
            } else {
                format!("On {days} of the last {RECENT_DAYS} days you noted: \"{label}\".")
            }
        }
    }
}

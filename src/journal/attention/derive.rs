//! What the record supports: the findings a symptom check asks about that
//! the journal itself shows, each with the numbers behind it.
//!
//! Every function here is "as of" a day: it looks only at entries on or
//! before that day, so the same question can be asked of any past day (the
//! notice uses that to tell old evidence from new).

use std::collections::BTreeMap;

use jiff::SignedDuration;
use jiff::civil::Date;
use serde::Serialize;

use crate::journal::Entry;
use crate::journal::stats::{MIN_DAYS_TO_COMPARE, Verdict, day_number, days_between, judge};
use crate::triage::Knowledge;

/// The finding ids the journal can show without being told.
pub const PAIN_AT_NIGHT: &str = "pain_at_night";
pub const NOT_BETTER_2WK: &str = "not_better_2wk";
pub const PAIN_OVER_3MO: &str = "pain_over_3mo";

/// Night waking is judged over the person's last this-many logged days…
/// NG234 and NHS-BACK list "night pain that disturbs sleep"; one bad night
/// is common in ordinary back pain, so it takes several in a week.
pub const NIGHT_LOGGED_DAYS: usize = 7;
/// …and counts when they woke on at least this many of them (issue 15).
pub const NIGHTS_NEEDED: usize = 3;
/// Logged days older than this (today included) do not count: the check
/// asks about pain now, and nights from a past flare-up are not "now". Two
/// weeks lets someone who logs every other day still fill seven days.
pub const NIGHT_LOOKBACK_DAYS: i64 = 14;

/// Warning symptoms ticked on Today count for this many days (today
/// included); the latest entry of the current run must be this recent.
pub const RECENT_DAYS: i64 = 7;

/// A run of entries this long or longer can be judged "not better":
/// BUPA-UBP advises a GP visit for upper back pain that lasts over 2 weeks
/// despite treatment (NHS-BACK: "a few weeks").
pub const NOT_BETTER_DAYS: i64 = 14;
/// The first and the last this-many days of the run are compared, by the
/// 2-point / 30 % rule of `journal::stats` (a whole week each, so weekends
/// and weekdays weigh the same).
pub const COMPARE_DAYS: i64 = 7;
/// Two entries further apart than this break the run: after a full week
/// with no entry nobody can say the pain ran through it.
pub const RUN_GAP_DAYS: i64 = 7;
/// This many days in a row, each logged with pain 0, end the run: a whole
/// week without pain is "better" by any reading, so pain that comes back
/// after it starts a new count. Days not logged never count as pain-free.
pub const PAIN_FREE_DAYS: usize = 7;

/// Long-term pain is judged over this many weeks (13 × 7 = 91 days):
/// pain for 12 weeks or more is chronic (CC-UBP; the course NG59 plans
/// for), and the finding asks about "more than 3 months".
pub const LONG_TERM_WEEKS: usize = 13;
/// Pain above 0 logged in at least this many of them: most weeks.
pub const LONG_TERM_MOST_WEEKS: usize = 7;
/// …including one of the newest this-many weeks (it is still there) and
/// the oldest week (it really goes back 3 months: pain in only the last 7
/// weeks is "most weeks" too, but it is not 3 months of pain).
pub const LONG_TERM_RECENT_WEEKS: usize = 2;

/// One week's average pain, and the days it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekPain {
    pub from: Date,
    pub to: Date,
    pub mean_pain: f64,
    pub days_logged: u32,
}

/// Why the record supports a finding. Field names are part of the
/// `backlog journal attention --json` output: keep them stable.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// Woke at night on `nights` of the last `logged_days` logged days
    /// (`from`..=`to`); `dates` are the nights.
    WokeAtNight {
        nights: u32,
        logged_days: u32,
        from: Date,
        to: Date,
        dates: Vec<Date>,
    },
    /// The current run of entries (`run_from`..=`run_to`, `run_days`
    /// calendar days) is not better between its first and last week.
    NotBetter {
        verdict: Verdict,
        run_from: Date,
        run_to: Date,
        run_days: u32,
        first_week: WeekPain,
        last_week: WeekPain,
    },
    /// Pain above 0 logged in `weeks_with_pain` of the last `weeks` weeks,
    /// the first such day `from`, the last `to`.
    PainInMostWeeks {
        weeks_with_pain: u32,
        weeks: u32,
        from: Date,
        to: Date,
    },
    /// Ticked on Today on these days of the last [`RECENT_DAYS`].
    Noted { days: u32, dates: Vec<Date> },
}

/// A finding the record supports, with everything that supports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DerivedFinding {
    pub id: String,
    /// At least one; computed evidence first, then [`Evidence::Noted`].
    pub evidence: Vec<Evidence>,
}

/// The entries a review looks at, with the run boundaries worked out once.
pub(super) struct Record<'a> {
    /// Entries up to "today" (a clock set back must not see the future).
    entries: &'a [Entry],
    /// Per entry: where the run it ends would start, if it is in one.
    run_start: Vec<Option<usize>>,
}

impl<'a> Record<'a> {
    pub(super) fn new(entries: &'a [Entry], today: Date) -> Self {
        let entries = upto(entries, today);
        Self {
            run_start: run_starts(entries),
            entries,
        }
    }

    /// Every finding the record supports as of `day`, in the vocabulary's
    /// order (most serious first). Unknown ids are left out, never guessed.
    pub(super) fn findings(&self, k: &Knowledge, day: Date) -> Vec<DerivedFinding> {
        let mut found: BTreeMap<usize, DerivedFinding> = BTreeMap::new();
        let mut add = |id: &str, evidence: Evidence| {
            if let Some(position) = position(k, id) {
                found
                    .entry(position)
                    .or_insert_with(|| DerivedFinding {
                        id: id.to_owned(),
                        evidence: Vec::new(),
                    })
                    .evidence
                    .push(evidence);
            }
        };
        if let Some(e) = self.nights(day) {
            add(PAIN_AT_NIGHT, e);
        }
        if let Some(e) = self.not_better(day) {
            add(NOT_BETTER_2WK, e);
        }
        if let Some(e) = self.long_term(day) {
            add(PAIN_OVER_3MO, e);
        }
        for (id, dates) in self.noted(k, day) {
            add(
                id,
                Evidence::Noted {
                    days: count(dates.len()),
                    dates,
                },
            );
        }
        found.into_values().collect()
    }

    /// Whether the record supported finding `id` on `day` (cheaper than
    /// [`Record::findings`]: no evidence is built).
    pub(super) fn supports(&self, k: &Knowledge, id: &str, day: Date) -> bool {
        let noted = || {
            is_warning_symptom(k, id)
                && recent(self.entries, day, RECENT_DAYS)
                    .iter()
                    .any(|e| e.symptoms.contains(id))
        };
        match id {
            PAIN_AT_NIGHT => self.nights(day).is_some() || noted(),
            NOT_BETTER_2WK => self.not_better(day).is_some() || noted(),
            PAIN_OVER_3MO => self.long_term(day).is_some() || noted(),
            _ => noted(),
        }
    }

    fn nights(&self, day: Date) -> Option<Evidence> {
        let window = recent(self.entries, day, NIGHT_LOOKBACK_DAYS);
        let last = window.get(window.len().saturating_sub(NIGHT_LOGGED_DAYS)..)?;
        let dates: Vec<Date> = last
            .iter()
            .filter(|e| e.woke_at_night)
            .map(|e| e.date)
            .collect();
        if dates.len() < NIGHTS_NEEDED {
            return None;
        }
        Some(Evidence::WokeAtNight {
            nights: count(dates.len()),
            logged_days: count(last.len()),
            from: last.first()?.date,
            to: last.last()?.date,
            dates,
        })
    }

    fn not_better(&self, day: Date) -> Option<Evidence> {
        let last = self
            .entries
            .partition_point(|e| e.date <= day)
            .checked_sub(1)?;
        let end = self.entries.get(last)?;
        if days_between(end.date, day) >= RECENT_DAYS {
            return None;
        }
        let start = (*self.run_start.get(last)?)?;
        let run = self.entries.get(start..=last)?;
        let run_from = run.first()?.date;
        let run_days = days_between(run_from, end.date) + 1;
        if run_days < NOT_BETTER_DAYS {
            return None;
        }
        let first_week = week(run, run_from, back(run_from, -(COMPARE_DAYS - 1)))?;
        let last_week = week(run, back(end.date, COMPARE_DAYS - 1), end.date)?;
        let enough = |w: &WeekPain| w.days_logged >= MIN_DAYS_TO_COMPARE;
        if !(enough(&first_week) && enough(&last_week)) {
            // Too few days to say either way: the person can still tick
            // the box; the record alone does not claim it.
            return None;
        }
        let verdict = judge(first_week.mean_pain, last_week.mean_pain);
        (verdict != Verdict::Better).then_some(Evidence::NotBetter {
            verdict,
            run_from,
            run_to: end.date,
            run_days: u32::try_from(run_days).unwrap_or(u32::MAX),
            first_week,
            last_week,
        })
    }

    fn long_term(&self, day: Date) -> Option<Evidence> {
        let span = i64::try_from(LONG_TERM_WEEKS).unwrap_or(13) * 7;
        let window = recent(self.entries, day, span);
        let mut weeks = [false; LONG_TERM_WEEKS];
        let mut from: Option<Date> = None;
        let mut to: Option<Date> = None;
        let end = day_number(day);
        for e in window.iter().filter(|e| e.pain > 0) {
            let age = usize::try_from((end - day_number(e.date)) / 7).unwrap_or(usize::MAX);
            if let Some(w) = weeks.get_mut(age) {
                *w = true;
                from = from.or(Some(e.date));
                to = Some(e.date);
            }
        }
        let with_pain = weeks.iter().filter(|w| **w).count();
        let still = weeks.iter().take(LONG_TERM_RECENT_WEEKS).any(|w| *w);
        let long_ago = weeks.last().copied().unwrap_or(false);
        if with_pain < LONG_TERM_MOST_WEEKS || !still || !long_ago {
            return None;
        }
        Some(Evidence::PainInMostWeeks {
            weeks_with_pain: count(with_pain),
            weeks: count(LONG_TERM_WEEKS),
            from: from?,
            to: to?,
        })
    }

    /// Warning symptoms ticked in the last [`RECENT_DAYS`], with the days.
    fn noted<'k>(&self, k: &'k Knowledge, day: Date) -> BTreeMap<&'k str, Vec<Date>> {
        let mut out: BTreeMap<&str, Vec<Date>> = BTreeMap::new();
        for e in recent(self.entries, day, RECENT_DAYS) {
            for id in &e.symptoms {
                if let Some(f) = k.finding(id).filter(|f| is_warning_symptom(k, &f.id)) {
                    out.entry(f.id.as_str()).or_default().push(e.date);
                }
            }
        }
        out
    }
}

/// A symptom the Today screen offers: a finding in a group that can still
/// appear later ("watch"), not a history item. Asked of the vocabulary, so
/// new findings in later editions of the rules are picked up as they are.
pub fn is_warning_symptom(k: &Knowledge, id: &str) -> bool {
    k.finding(id)
        .and_then(|f| k.group(&f.group))
        .is_some_and(|g| g.watch && !g.history)
}

/// Where `id` sits in the vocabulary; `None` for an unknown id.
fn position(k: &Knowledge, id: &str) -> Option<usize> {
    k.findings().iter().position(|f| f.id == id)
}

/// Forward pass: for each entry, the first entry of the run that would end
/// there. Runs break at a gap longer than [`RUN_GAP_DAYS`] and at
/// [`PAIN_FREE_DAYS`] logged pain-free days in a row; a run starts at its
/// first day with pain (pain-free days before it belong to no run).
fn run_starts(entries: &[Entry]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(entries.len());
    let mut start: Option<usize> = None;
    let mut pain_free_row = 0usize;
    let mut previous: Option<i64> = None;
    for (i, e) in entries.iter().enumerate() {
        let number = day_number(e.date);
        let gap = previous.map(|p| number - p);
        if gap.is_some_and(|g| g > RUN_GAP_DAYS) {
            start = None;
            pain_free_row = 0;
        }
        if e.pain == 0 {
            pain_free_row = if gap == Some(1) && pain_free_row > 0 {
                pain_free_row + 1
            } else {
                1
            };
            if pain_free_row >= PAIN_FREE_DAYS {
                start = None;
            }
        } else {
            pain_free_row = 0;
            start = start.or(Some(i));
        }
        out.push(start);
        previous = Some(number);
    }
    out
}

/// Mean pain of the entries from `from` to `to`; `None` when none is logged.
fn week(run: &[Entry], from: Date, to: Date) -> Option<WeekPain> {
    let days = between(run, from, to);
    let sum: u32 = days.iter().map(|e| u32::from(e.pain)).sum();
    let days_logged = count(days.len());
    (days_logged > 0).then(|| WeekPain {
        from,
        to,
        mean_pain: f64::from(sum) / f64::from(days_logged),
        days_logged,
    })
}

/// Entries on or before `day`.
fn upto(entries: &[Entry], day: Date) -> &[Entry] {
    let end = entries.partition_point(|e| e.date <= day);
    entries.get(..end).unwrap_or(&[])
}

/// Entries from `from` to `to`, both included.
fn between(entries: &[Entry], from: Date, to: Date) -> &[Entry] {
    let start = entries.partition_point(|e| e.date < from);
    let end = entries.partition_point(|e| e.date <= to);
    entries.get(start..end.max(start)).unwrap_or(&[])
}

/// The entries of the `days` days ending with `day`.
fn recent(entries: &[Entry], day: Date, days: i64) -> &[Entry] {
    between(entries, back(day, days - 1), day)
}

/// `day` moved `days` days earlier (later when negative). By duration:
/// civil days are always 24 hours, and durations are much cheaper than
/// calendar spans; the look-back does this thousands of times.
pub(super) fn back(day: Date, days: i64) -> Date {
    day.saturating_sub(SignedDuration::from_hours(
        days.clamp(-3_000_000, 3_000_000) * 24,
    ))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

//! One day of the journal, and the draft a form or the command line fills in.
//!
//! An [`EntryDraft`] may hold anything; [`EntryDraft::validate`] is the only
//! way to turn it into an [`Entry`], and it says in plain words what to fix.

use std::collections::BTreeSet;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

use super::error::EntryError;
use super::labels::{Quality, Region};
use super::medicine::MedicineTaken;
use super::text::{self, MAX_LIST_ITEMS, check_note, check_short};
use crate::triage::Knowledge;

/// Most times one medicine can be taken in a day (a typo guard).
pub const MAX_TIMES: u8 = 24;

/// One day of the journal. Build one with [`EntryDraft::validate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The calendar day this entry describes.
    pub date: Date,
    /// Average pain today, 0 (none) to 10 (worst imaginable).
    pub pain: u8,
    /// Worst pain today, 0 to 10, at least `pain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst: Option<u8>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub regions: BTreeSet<Region>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub qualities: BTreeSet<Quality>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub woke_at_night: bool,
    /// How much pain got in the way of usual activities, 0 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<u8>,
    /// How much pain got in the way of enjoying life, 0 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enjoyment: Option<u8>,
    /// Hours slept last night.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep_hours: Option<f32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub medicines: Vec<MedicineTaken>,
    /// Other treatments: heat, stretching, physio…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treatments: Vec<String>,
    /// Activities or triggers, as free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Finding ids from the symptom check (never history ids), so a warning
    /// sign noted here reaches the symptom check and the summary.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub symptoms: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the entry was first written.
    pub created: Timestamp,
    /// When it was last changed (equal to `created` until edited).
    pub edited: Timestamp,
}

/// What a form or the command line holds before it is checked. Every field
/// may be anything; nothing here is trusted until [`EntryDraft::validate`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryDraft {
    pub date: Date,
    /// Required; `None` until the person chooses a number.
    pub pain: Option<u8>,
    pub worst: Option<u8>,
    pub regions: BTreeSet<Region>,
    pub qualities: BTreeSet<Quality>,
    pub woke_at_night: bool,
    pub activity: Option<u8>,
    pub enjoyment: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub medicines: Vec<MedicineTaken>,
    pub treatments: Vec<String>,
    pub tags: Vec<String>,
    pub symptoms: BTreeSet<String>,
    pub note: String,
}

impl Entry {
    /// True when the entry was first written more than a day after the day
    /// it describes: on the second day after it or later, in `tz`. Writing
    /// up yesterday this morning is not back-filling; last week is.
    pub fn is_back_filled(&self, tz: &TimeZone) -> bool {
        let written = self.created.to_zoned(tz.clone()).date();
        self.date
            .checked_add(2.days())
            .is_ok_and(|limit| written >= limit)
    }

    /// True when the entry was changed after it was first saved.
    pub fn is_edited(&self) -> bool {
        self.edited != self.created
    }

    /// The worst pain of the day: `worst` when given, else the average.
    pub fn worst_or_pain(&self) -> u8 {
        self.worst.unwrap_or(self.pain).max(self.pain)
    }

    /// Checks everything except the clock (see [`EntryDraft::validate`]).
    pub fn validate(&self, knowledge: &Knowledge) -> Result<(), EntryError> {
        match self.problems(knowledge).into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every problem, in form order (the clock is not consulted).
    pub fn problems(&self, knowledge: &Knowledge) -> Vec<EntryError> {
        let mut out = Vec::new();
        let mut push = |r: Result<(), EntryError>| {
            if let Err(e) = r {
                out.push(e);
            }
        };
        if self.date < super::EARLIEST_DATE {
            push(Err(EntryError::TooEarly { date: self.date }));
        }
        push(score("Average pain", self.pain));
        if let Some(worst) = self.worst {
            push(score("Worst pain", worst));
            if worst < self.pain && self.pain <= 10 {
                push(Err(EntryError::WorstBelowAverage {
                    worst,
                    pain: self.pain,
                }));
            }
        }
        if let Some(v) = self.activity {
            push(score("How much pain got in the way of usual activities", v));
        }
        if let Some(v) = self.enjoyment {
            push(score("How much pain got in the way of enjoying life", v));
        }
        if let Some(hours) = self.sleep_hours
            && !(0.0..=24.0).contains(&hours)
        {
            push(Err(EntryError::Sleep { hours }));
        }
        push(list_len("medicines", self.medicines.len()));
        for m in &self.medicines {
            push(m.validate());
        }
        push(list_len("treatments", self.treatments.len()));
        for t in &self.treatments {
            push(check_short("A treatment", t));
        }
        push(list_len("activity or trigger tags", self.tags.len()));
        for t in &self.tags {
            push(check_short("A tag", t));
        }
        for id in &self.symptoms {
            push(check_symptom(knowledge, id));
        }
        push(check_note("The note", &self.note));
        out
    }
}

impl EntryDraft {
    /// An empty draft for one day.
    pub fn new(date: Date) -> Self {
        Self {
            date,
            ..Self::default()
        }
    }

    /// A draft holding an existing entry, for editing.
    pub fn from_entry(entry: &Entry) -> Self {
        Self {
            date: entry.date,
            pain: Some(entry.pain),
            worst: entry.worst,
            regions: entry.regions.clone(),
            qualities: entry.qualities.clone(),
            woke_at_night: entry.woke_at_night,
            activity: entry.activity,
            enjoyment: entry.enjoyment,
            sleep_hours: entry.sleep_hours,
            medicines: entry.medicines.clone(),
            treatments: entry.treatments.clone(),
            tags: entry.tags.clone(),
            symptoms: entry.symptoms.clone(),
            note: entry.note.clone(),
        }
    }

    /// Every problem, in form order; empty when the draft is good. For a
    /// form that marks each field.
    pub fn problems(&self, knowledge: &Knowledge, today: Date) -> Vec<EntryError> {
        let mut out = Vec::new();
        if self.date > today {
            out.push(EntryError::FutureDate {
                date: self.date,
                today,
            });
        }
        let Some(pain) = self.pain else {
            out.push(EntryError::PainMissing);
            // Check the rest as if pain were 0 so every other problem shows.
            out.extend(
                self.checked(0, Timestamp::UNIX_EPOCH, None)
                    .problems(knowledge),
            );
            return out;
        };
        out.extend(
            self.checked(pain, Timestamp::UNIX_EPOCH, None)
                .problems(knowledge),
        );
        out
    }

    /// Turns the draft into an entry: text trimmed, blank list items and
    /// duplicates dropped, every value checked. `existing` is the entry
    /// this one replaces (it keeps its `created` time); `now` becomes the
    /// edit time. Returns the first problem as a sentence saying what to fix.
    pub fn validate(
        &self,
        knowledge: &Knowledge,
        today: Date,
        now: Timestamp,
        existing: Option<&Entry>,
    ) -> Result<Entry, EntryError> {
        if self.date > today {
            return Err(EntryError::FutureDate {
                date: self.date,
                today,
            });
        }
        let pain = self.pain.ok_or(EntryError::PainMissing)?;
        // Whole seconds are plenty for "when was this written", and keep
        // the file tidy.
        let now = Timestamp::from_second(now.as_second()).unwrap_or(now);
        let created = existing
            .filter(|e| e.date == self.date)
            .map_or(now, |e| e.created);
        let entry = self.checked(pain, now, Some(created));
        entry.validate(knowledge)?;
        Ok(entry)
    }

    fn checked(&self, pain: u8, now: Timestamp, created: Option<Timestamp>) -> Entry {
        let medicines = self
            .medicines
            .iter()
            .filter(|m| !(m.name.trim().is_empty() && m.dose.trim().is_empty()))
            .map(|m| MedicineTaken {
                name: m.name.trim().to_owned(),
                dose: m.dose.trim().to_owned(),
                times: m.times,
                relief: m.relief,
            })
            .collect();
        Entry {
            date: self.date,
            pain,
            worst: self.worst,
            regions: self.regions.clone(),
            qualities: self.qualities.clone(),
            woke_at_night: self.woke_at_night,
            activity: self.activity,
            enjoyment: self.enjoyment,
            sleep_hours: self.sleep_hours,
            medicines,
            treatments: text::tidy_list(&self.treatments),
            tags: text::tidy_list(&self.tags),
            symptoms: self
                .symptoms
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            // One line-break style inside the file, whatever the source.
            note: self
                .note
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .trim_end()
                .to_owned(),
            created: created.unwrap_or(now),
            edited: now,
        }
    }
}

pub(super) fn score(what: &'static str, value: u8) -> Result<(), EntryError> {
    if value > 10 {
        return Err(EntryError::Score {
            what,
            value: i64::from(value),
        });
    }
    Ok(())
}

fn list_len(what: &'static str, count: usize) -> Result<(), EntryError> {
    if count > MAX_LIST_ITEMS {
        return Err(EntryError::TooMany {
            what,
            count,
            max: MAX_LIST_ITEMS,
        });
    }
    Ok(())
}

/// A symptom of the day: a known finding that is not a history item.
pub(crate) fn check_symptom(knowledge: &Knowledge, id: &str) -> Result<(), EntryError> {
    if knowledge.finding(id).is_none() {
        return Err(EntryError::UnknownSymptom {
            id: id.to_owned(),
            suggestion: knowledge
                .closest_ids(id)
                .into_iter()
                .find(|s| !knowledge.is_history(s)),
        });
    }
    if knowledge.is_history(id) {
        return Err(EntryError::HistoryAsSymptom { id: id.to_owned() });
    }
    Ok(())
}

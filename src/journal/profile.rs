//! About the person: age, health history, the numbers they call (the
//! emergency number, their doctor, an urgent-care line, their cancer team),
//! paper size.
//!
//! The history toggles pre-fill every symptom check, so they hold finding
//! ids from the triage vocabulary's history groups and nothing else.

use std::collections::{BTreeMap, BTreeSet};

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::{EntryError, JournalError};
use super::text::{MAX_PROFILE_CHARS, check_line, check_note};
use crate::id_enum::id_enum;
use crate::triage::{Knowledge, MAX_AGE};

/// The number a new profile starts with: none. Until the person sets one,
/// the app proposes the number for the system's locale
/// ([`super::locale`]) and otherwise says "your local emergency number".
/// (Before, everyone who skipped set-up was told to call 911.)
pub const DEFAULT_EMERGENCY_NUMBER: &str = "";

/// How old the person is: an age given on a day (it grows with time), or a
/// birth year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Age {
    /// `years` old on the day `on` (when it was typed).
    Years { years: u8, on: Date },
    /// Born in this year.
    BornIn(i16),
}

impl Age {
    /// Whole years on `today`. From a birth year this is the age reached
    /// this year, which may be one year high before the birthday: for the
    /// age limits of the rules, erring older errs on the side of caution.
    pub fn on(self, today: Date) -> u8 {
        let years = match self {
            Self::Years { years, on } => {
                let passed = if today > on {
                    today
                        .since((jiff::Unit::Year, on))
                        .map_or(0, |span| span.get_years())
                } else {
                    0
                };
                i32::from(years) + i32::from(passed)
            }
            Self::BornIn(year) => i32::from(today.year()) - i32::from(year),
        };
        u8::try_from(years.clamp(0, i32::from(MAX_AGE))).unwrap_or(MAX_AGE)
    }

    fn validate(self, today_hint: Option<Date>) -> Result<(), EntryError> {
        match self {
            Self::Years { years, .. } if years > MAX_AGE => Err(EntryError::Age {
                years: u32::from(years),
                max: MAX_AGE,
            }),
            Self::BornIn(year) => {
                let latest = today_hint.map_or(9999, |d| d.year());
                let earliest = today_hint
                    .map_or(1800, |d| d.year().saturating_sub(i16::from(MAX_AGE)))
                    .max(1800);
                if year < earliest || year > latest {
                    Err(EntryError::BirthYear {
                        year,
                        earliest,
                        latest,
                    })
                } else {
                    Ok(())
                }
            }
            Self::Years { .. } => Ok(()),
        }
    }
}

id_enum! {
    /// Paper for the printed summary. There is no fixed default: a new
    /// profile takes [`Paper::for_emergency_number`].
    Paper {
        A4 = "a4", "A4";
        Letter = "letter", "US Letter";
    }
}

impl Paper {
    /// The usual paper where this emergency number is used: US Letter
    /// with 911 (North America), A4 elsewhere (999, 112, 000…).
    pub fn for_emergency_number(number: &str) -> Self {
        if number.trim() == "911" {
            Self::Letter
        } else {
            Self::A4
        }
    }
}

id_enum! {
    /// Sex, for the doctor's summary (some risks differ: a heart attack
    /// without chest pain is more common in women). Optional.
    Sex {
        Female = "female", "Female";
        Male = "male", "Male";
        Other = "other", "Other";
    }
}

/// About the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    pub age: Option<Age>,
    /// For the printed summary only.
    pub name: Option<String>,
    /// Finding ids from the `history` and `cancer_history` groups.
    pub history: BTreeSet<String>,
    /// Free text: type of cancer, year, current treatment.
    pub cancer_details: String,
    /// Empty until the person sets it (see [`DEFAULT_EMERGENCY_NUMBER`]).
    pub emergency_number: String,
    /// Their doctor or practice, for "speak to a doctor today". Left out
    /// of a file that has none, like the two below.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub doctor_number: String,
    /// An urgent-care or advice line (111 in England, for example).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub urgent_care_number: String,
    /// The cancer team's 24-hour line, for someone under a cancer team.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cancer_team_number: String,
    pub paper: Paper,
    /// When each time-limited history box (chemotherapy, pregnancy) was
    /// ticked or last confirmed, so the app can ask whether it still applies
    /// (revision-2.md R1). Left out of a file that has none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub history_since: BTreeMap<String, Date>,
    /// For the printed summary's header. Left out of a file that has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// When this episode of back pain started, for the printed summary.
    /// Left out of a file that has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pain_started: Option<Date>,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            age: None,
            name: None,
            history: BTreeSet::new(),
            cancer_details: String::new(),
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_owned(),
            doctor_number: String::new(),
            urgent_care_number: String::new(),
            cancer_team_number: String::new(),
            // Letter, as before the emergency number started empty; the
            // person picks A4 once on the Summary screen and it is kept.
            paper: Paper::Letter,
            history_since: BTreeMap::new(),
            sex: None,
            pain_started: None,
        }
    }
}

/// A time-limited history box the person should confirm: it is ticked and
/// its time is up (or nobody knows when it was ticked). Until answered it
/// stays ticked, the cautious side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryQuestion {
    pub id: String,
    /// The box's label, for the question.
    pub label: String,
    /// When it was ticked or last confirmed, if known.
    pub since: Option<Date>,
    /// How long it lasts before the question comes.
    pub weeks: u16,
}

impl HistoryQuestion {
    /// "You ticked this on 2026-10-01. Is it still true?" in plain words.
    pub fn question(&self) -> String {
        match self.since {
            Some(d) => format!("You ticked this on {d}. Is it still true?"),
            None => "Is this still true?".to_owned(),
        }
    }
}

impl Profile {
    /// The time-limited history boxes to ask about on `today`: ticked, and
    /// ticked or confirmed at least their number of weeks ago (or on an
    /// unknown date). Pure: "today" is a parameter.
    pub fn history_to_confirm(&self, knowledge: &Knowledge, today: Date) -> Vec<HistoryQuestion> {
        knowledge
            .time_limited_history()
            .filter(|(f, _)| self.history.contains(&f.id))
            .filter_map(|(f, weeks)| {
                let since = self.history_since.get(&f.id).copied();
                let due = since.and_then(|d| d.checked_add(i64::from(weeks).weeks()).ok());
                due.is_none_or(|due| today >= due).then(|| HistoryQuestion {
                    id: f.id.clone(),
                    label: f.label.clone(),
                    since,
                    weeks,
                })
            })
            .collect()
    }

    /// Dates the time-limited boxes: one newly ticked gets `today`, one
    /// ticked before keeps its date, one no longer ticked loses it.
    pub fn stamp_history(&mut self, knowledge: &Knowledge, today: Date) {
        let limited: BTreeSet<&str> = knowledge
            .time_limited_history()
            .map(|(f, _)| f.id.as_str())
            .collect();
        self.history_since
            .retain(|id, _| limited.contains(id.as_str()) && self.history.contains(id));
        for id in &self.history {
            if limited.contains(id.as_str()) {
                self.history_since.entry(id.clone()).or_insert(today);
            }
        }
    }

    /// The person's answer to a [`HistoryQuestion`]: still true (asked again
    /// after the same time from `today`), or no longer true (unticked).
    pub fn confirm_history(&mut self, id: &str, still_applies: bool, today: Date) {
        if still_applies {
            self.history.insert(id.to_owned());
            self.history_since.insert(id.to_owned(), today);
        } else {
            self.history.remove(id);
            self.history_since.remove(id);
        }
    }
}

impl Profile {
    /// Age in whole years on `today`, if the person gave one.
    pub fn age_on(&self, today: Date) -> Option<u8> {
        self.age.map(|a| a.on(today))
    }

    /// The emergency number as words to show: the number, or "your local
    /// emergency number" when none is set.
    pub fn emergency_number(&self) -> &str {
        self.emergency_number_or(None)
    }

    /// The number to show: the one the person set; without one, `proposed`
    /// (the system locale's, read at the edge); without that, words.
    pub fn emergency_number_or<'a>(&'a self, proposed: Option<&'a str>) -> &'a str {
        self.emergency_number_set()
            .or(proposed)
            .unwrap_or(super::locale::UNKNOWN_EMERGENCY_NUMBER)
    }

    /// The emergency number the person set, if any.
    pub fn emergency_number_set(&self) -> Option<&str> {
        let n = self.emergency_number.trim();
        (!n.is_empty()).then_some(n)
    }

    /// Checks everything. `today`, when known, bounds a birth year.
    pub fn check(&self, knowledge: &Knowledge, today: Option<Date>) -> Result<(), EntryError> {
        if let Some(age) = self.age {
            age.validate(today)?;
        }
        if let Some(name) = &self.name {
            check_line("Your name", name, 200)?;
        }
        for id in &self.history {
            check_history(knowledge, id)?;
        }
        check_note("The cancer details", &self.cancer_details)?;
        if self.cancer_details.chars().count() > MAX_PROFILE_CHARS {
            return Err(EntryError::TooLong {
                what: "The cancer details",
                count: self.cancer_details.chars().count(),
                max: MAX_PROFILE_CHARS,
            });
        }
        if let (Some(started), Some(today)) = (self.pain_started, today)
            && started > today
        {
            return Err(EntryError::FutureDate {
                date: started,
                today,
            });
        }
        if let Some(date) = self.pain_started.filter(|d| *d < super::EARLIEST_DATE) {
            return Err(EntryError::TooEarly { date });
        }
        if !self.emergency_number.trim().is_empty() {
            check_emergency_number(&self.emergency_number)?;
        }
        check_phone_number("Your doctor's number", &self.doctor_number)?;
        check_phone_number("The urgent-care number", &self.urgent_care_number)?;
        check_phone_number("Your cancer team's number", &self.cancer_team_number)
    }

    pub(crate) fn validate(&self, knowledge: &Knowledge) -> Result<(), JournalError> {
        self.check(knowledge, None).map_err(JournalError::Profile)
    }
}

/// A history toggle: a known finding in a history group.
pub fn check_history(knowledge: &Knowledge, id: &str) -> Result<(), EntryError> {
    if knowledge.finding(id).is_none() {
        return Err(EntryError::UnknownHistory {
            id: id.to_owned(),
            suggestion: knowledge
                .closest_ids(id)
                .into_iter()
                .find(|s| knowledge.is_history(s)),
        });
    }
    if !knowledge.is_history(id) {
        return Err(EntryError::NotHistory { id: id.to_owned() });
    }
    Ok(())
}

/// Digits, with spaces or dashes between them and an optional leading `+`;
/// 2 to 15 digits (the international maximum).
pub fn check_emergency_number(text: &str) -> Result<(), EntryError> {
    let t = text.trim();
    let body = t.strip_prefix('+').unwrap_or(t);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let ok = (2..=15).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && body.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(EntryError::EmergencyNumber {
            text: text.to_owned(),
        })
    }
}

/// A number to call (the doctor, urgent care, the cancer team): empty, or
/// 3 to 20 digits with spaces, dashes, dots or brackets between them and an
/// optional leading `+`.
pub fn check_phone_number(what: &'static str, text: &str) -> Result<(), EntryError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(());
    }
    let body = t.strip_prefix('+').unwrap_or(t);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let ok = (3..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'));
    if ok {
        Ok(())
    } else {
        Err(EntryError::PhoneNumber {
            what,
            text: text.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests;

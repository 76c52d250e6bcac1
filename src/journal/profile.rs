//! About the person: age, health history, emergency number, paper size.
//!
//! The history toggles pre-fill every symptom check, so they hold finding
//! ids from the triage vocabulary's history groups and nothing else.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::{EntryError, JournalError};
use super::text::{MAX_PROFILE_CHARS, check_line, check_note};
use crate::id_enum::id_enum;
use crate::triage::{Knowledge, MAX_AGE};

/// The number shown when nothing else is set. North American; 999 (UK) and
/// 112 (EU) are common and the person can change it on first run.
pub const DEFAULT_EMERGENCY_NUMBER: &str = "911";

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
    pub emergency_number: String,
    pub paper: Paper,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            age: None,
            name: None,
            history: BTreeSet::new(),
            cancer_details: String::new(),
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_owned(),
            // Letter, to match the default emergency number.
            paper: Paper::for_emergency_number(DEFAULT_EMERGENCY_NUMBER),
        }
    }
}

impl Profile {
    /// Age in whole years on `today`, if the person gave one.
    pub fn age_on(&self, today: Date) -> Option<u8> {
        self.age.map(|a| a.on(today))
    }

    /// The emergency number, or the default when it was left blank.
    pub fn emergency_number(&self) -> &str {
        let n = self.emergency_number.trim();
        if n.is_empty() {
            DEFAULT_EMERGENCY_NUMBER
        } else {
            n
        }
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
        check_emergency_number(&self.emergency_number)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::knowledge;
    use jiff::civil::date;

    #[test]
    fn a_typed_age_grows_with_time() {
        let age = Age::Years {
            years: 49,
            on: date(2026, 6, 1),
        };
        assert_eq!(age.on(date(2026, 6, 1)), 49);
        assert_eq!(age.on(date(2027, 5, 31)), 49);
        assert_eq!(age.on(date(2027, 6, 1)), 50);
        assert_eq!(
            age.on(date(2020, 1, 1)),
            49,
            "a clock set back never lowers it"
        );
    }

    #[test]
    fn a_birth_year_gives_the_age_reached_this_year() {
        assert_eq!(Age::BornIn(1970).on(date(2026, 1, 1)), 56);
        assert_eq!(Age::BornIn(2030).on(date(2026, 1, 1)), 0);
    }

    #[test]
    fn default_profile_calls_911_and_validates() {
        let p = Profile::default();
        assert_eq!(p.emergency_number(), "911");
        p.check(knowledge(), Some(date(2026, 1, 1))).unwrap();
    }

    #[test]
    fn history_must_be_a_history_finding() {
        let k = knowledge();
        assert!(check_history(k, "history_osteoporosis").is_ok());
        assert!(matches!(
            check_history(k, "chest_pain"),
            Err(EntryError::NotHistory { .. })
        ));
        match check_history(k, "history_osteoporsis") {
            Err(EntryError::UnknownHistory { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("history_osteoporosis"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn emergency_numbers() {
        for ok in [
            "911",
            "999",
            "112",
            "000",
            "+44 20 7946 0000",
            "1-800-222-1222",
        ] {
            assert!(check_emergency_number(ok).is_ok(), "{ok}");
        }
        for bad in ["", "9", "call 911", "911!", "+", "--911"] {
            assert!(check_emergency_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn birth_year_must_be_plausible() {
        let k = knowledge();
        let mut p = Profile {
            age: Some(Age::BornIn(2027)),
            ..Profile::default()
        };
        assert!(matches!(
            p.check(k, Some(date(2026, 11, 24))),
            Err(EntryError::BirthYear { .. })
        ));
        p.age = Some(Age::BornIn(1960));
        p.check(k, Some(date(2026, 11, 24))).unwrap();
    }

    #[test]
    fn paper_ids_round_trip() {
        for p in Paper::ALL {
            assert_eq!(Paper::from_id(p.id()), Some(p));
            assert_eq!(ron::to_string(&p).unwrap(), p.id());
        }
        assert_eq!(Paper::from_id(" LETTER "), Some(Paper::Letter));
    }

    #[test]
    fn paper_follows_the_emergency_number() {
        assert_eq!(Paper::for_emergency_number("911"), Paper::Letter);
        assert_eq!(Paper::for_emergency_number(" 911 "), Paper::Letter);
        assert_eq!(Paper::for_emergency_number("999"), Paper::A4);
        assert_eq!(Paper::for_emergency_number("112"), Paper::A4);
        assert_eq!(Profile::default().paper, Paper::Letter);
    }
}

//! Medicines: one taken on a day ([`MedicineTaken`], part of an entry); the
//! person's list, what they take, not what they took today; and what they
//! took before, offered again so nobody retypes a medicine.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::entry::{Entry, MAX_TIMES, score};
use super::error::EntryError;
use super::text::{check_line, check_short};
use crate::id_enum::id_enum;

/// A medicine taken on the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MedicineTaken {
    pub name: String,
    /// Free text: "400 mg", "2 tablets".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dose: String,
    /// How many times it was taken that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u8>,
    /// How much it helped, 0 (not at all) to 10 (completely).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relief: Option<u8>,
}

impl MedicineTaken {
    /// Parses the command line's `"NAME DOSE"`: the dose starts at the first
    /// word that begins with a digit ("Ibuprofen 400 mg", "Co-codamol 30/500
    /// 2 tablets"); without one, it is all name.
    pub fn from_name_and_dose(text: &str) -> Self {
        let text = text.trim();
        let split = text
            .char_indices()
            .find(|&(i, c)| {
                c.is_ascii_digit() && (i == 0 || text[..i].ends_with(char::is_whitespace))
            })
            .map(|(i, _)| i)
            .filter(|&i| i > 0);
        match split {
            Some(i) => Self {
                name: text[..i].trim().to_owned(),
                dose: text[i..].trim().to_owned(),
                ..Self::default()
            },
            None => Self {
                name: text.to_owned(),
                ..Self::default()
            },
        }
    }

    pub fn validate(&self) -> Result<(), EntryError> {
        check_short("A medicine name", &self.name)?;
        if !self.dose.is_empty() {
            check_short("A medicine dose", &self.dose)?;
        }
        if let Some(times) = self.times
            && (times == 0 || times > MAX_TIMES)
        {
            return Err(EntryError::Count {
                what: "How many times a medicine was taken",
                value: u32::from(times),
                max: u32::from(MAX_TIMES),
            });
        }
        if let Some(relief) = self.relief {
            score("Relief from a medicine", relief)?;
        }
        Ok(())
    }

    /// "Ibuprofen 400 mg", for lists.
    pub fn describe(&self) -> String {
        if self.dose.is_empty() {
            self.name.clone()
        } else {
            format!("{} {}", self.name, self.dose)
        }
    }
}

id_enum! {
    /// Taken on a schedule, or only when needed.
    #[derive(Default)]
    MedicineKind {
        #[default]
        Regular = "regular", "Regular";
        AsNeeded = "as_needed", "As needed";
    }
}

/// One medicine on the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Medicine {
    pub name: String,
    /// Free text: "400 mg three times a day".
    #[serde(default)]
    pub dose: String,
    #[serde(default)]
    pub kind: MedicineKind,
    #[serde(default)]
    pub start: Option<Date>,
    /// `None` while still taking it.
    #[serde(default)]
    pub stop: Option<Date>,
    /// Why it was stopped, in the person's words ("upset stomach").
    /// Left out of a file that has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_stopped: String,
    /// Side effects noticed, in the person's words. Left out when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub side_effects: String,
}

/// Longest "reason stopped" or "side effects" text, in characters.
pub const MAX_MEDICINE_NOTE_CHARS: usize = 300;

impl Medicine {
    pub fn validate(&self) -> Result<(), EntryError> {
        check_short("A medicine name", &self.name)?;
        if !self.dose.is_empty() {
            check_short("A medicine dose", &self.dose)?;
        }
        if let (Some(start), Some(stop)) = (self.start, self.stop)
            && stop < start
        {
            return Err(EntryError::StopBeforeStart { start, stop });
        }
        check_line(
            "Why a medicine was stopped",
            &self.reason_stopped,
            MAX_MEDICINE_NOTE_CHARS,
        )?;
        check_line(
            "A medicine's side effects",
            &self.side_effects,
            MAX_MEDICINE_NOTE_CHARS,
        )
    }

    /// One line, as the list shows it (app and command line): "Naproxen,
    /// 250 mg twice a day, regular, since 2026-09-01, stopped 2026-11-02
    /// (upset stomach), side effects: heartburn".
    pub fn describe(&self) -> String {
        let mut parts = vec![self.name.clone()];
        if !self.dose.is_empty() {
            parts.push(self.dose.clone());
        }
        parts.push(self.kind.label().to_lowercase());
        if let Some(start) = self.start {
            parts.push(format!("since {start}"));
        }
        if let Some(stop) = self.stop {
            parts.push(if self.reason_stopped.is_empty() {
                format!("stopped {stop}")
            } else {
                format!("stopped {stop} ({})", self.reason_stopped)
            });
        }
        if !self.side_effects.is_empty() {
            parts.push(format!("side effects: {}", self.side_effects));
        }
        parts.join(", ")
    }

    /// True when `name` names this medicine (case and spaces ignored).
    pub fn is_named(&self, name: &str) -> bool {
        same_name(&self.name, name)
    }

    /// True when the person was taking it on `day` (no start = always had).
    pub fn taken_on(&self, day: Date) -> bool {
        self.start.is_none_or(|s| s <= day) && self.stop.is_none_or(|s| day <= s)
    }

    /// True when its dates overlap the period `from..=to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.start.is_none_or(|s| s <= to) && self.stop.is_none_or(|s| from <= s)
    }
}

/// Medicine names are compared ignoring case and surrounding spaces, as
/// the statistics group them.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Most choices offered as "used before".
pub const MAX_USED_BEFORE: usize = 12;

/// Medicines taken on earlier days, to offer again on Today: one per name
/// (case ignored) with the dose last written for it; times and relief are
/// left out, since they belong to one day. Most recently used first, at
/// most [`MAX_USED_BEFORE`]. `entries` must be sorted by date.
pub fn medicines_used_before(entries: &[Entry]) -> Vec<MedicineTaken> {
    let mut out: Vec<MedicineTaken> = Vec::new();
    for e in entries.iter().rev() {
        for m in &e.medicines {
            if m.name.trim().is_empty() || out.iter().any(|o| same_name(&o.name, &m.name)) {
                continue;
            }
            out.push(MedicineTaken {
                name: m.name.trim().to_owned(),
                dose: m.dose.trim().to_owned(),
                times: None,
                relief: None,
            });
            if out.len() == MAX_USED_BEFORE {
                return out;
            }
        }
    }
    out
}

/// Other treatments written on earlier days (heat, stretching…), most
/// recently used first, one per name (case ignored), at most
/// [`MAX_USED_BEFORE`].
pub fn treatments_used_before(entries: &[Entry]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in entries.iter().rev() {
        for t in &e.treatments {
            if t.trim().is_empty() || out.iter().any(|o| same_name(o, t)) {
                continue;
            }
            out.push(t.trim().to_owned());
            if out.len() == MAX_USED_BEFORE {
                return out;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn stop_before_start_is_refused() {
        let m = Medicine {
            name: "Naproxen".into(),
            start: Some(date(2026, 3, 1)),
            stop: Some(date(2026, 2, 1)),
            ..Medicine::default()
        };
        assert!(matches!(
            m.validate(),
            Err(EntryError::StopBeforeStart { .. })
        ));
    }

    #[test]
    fn taken_on_and_overlaps_respect_open_ends() {
        let m = Medicine {
            name: "Naproxen".into(),
            start: Some(date(2026, 3, 1)),
            stop: None,
            ..Medicine::default()
        };
        assert!(!m.taken_on(date(2026, 2, 28)));
        assert!(m.taken_on(date(2030, 1, 1)));
        assert!(m.overlaps(date(2026, 2, 1), date(2026, 3, 1)));
        assert!(!m.overlaps(date(2026, 1, 1), date(2026, 2, 28)));
    }

    #[test]
    fn a_medicine_without_notes_saves_as_before() {
        let m = Medicine {
            name: "Naproxen".into(),
            ..Medicine::default()
        };
        let text = ron::to_string(&m).unwrap();
        assert!(
            !text.contains("reason_stopped") && !text.contains("side_effects"),
            "{text}"
        );
        let with = Medicine {
            reason_stopped: "upset stomach".into(),
            side_effects: "heartburn".into(),
            ..m
        };
        let text = ron::to_string(&with).unwrap();
        assert_eq!(ron::from_str::<Medicine>(&text).unwrap(), with);
        with.validate().unwrap();
        let bad = Medicine {
            side_effects: "x\ny".into(),
            ..with
        };
        assert!(matches!(bad.validate(), Err(EntryError::LineBreak { .. })));
    }

    #[test]
    fn used_before_offers_each_name_once_latest_first() {
        let day = |d: i8, meds: &[(&str, &str)], treatments: &[&str]| {
            let mut draft = crate::journal::EntryDraft::new(date(2026, 11, d));
            draft.pain = Some(3);
            draft.medicines = meds
                .iter()
                .map(|(n, dose)| MedicineTaken {
                    name: (*n).into(),
                    dose: (*dose).into(),
                    times: Some(2),
                    relief: Some(5),
                })
                .collect();
            draft.treatments = treatments.iter().map(|t| (*t).to_owned()).collect();
            draft
                .validate(
                    crate::triage::knowledge(),
                    date(2026, 11, 30),
                    jiff::Timestamp::UNIX_EPOCH,
                    None,
                )
                .unwrap()
        };
        let entries = vec![
            day(
                1,
                &[("Ibuprofen", "200 mg"), ("Tramadol", "50 mg")],
                &["ice"],
            ),
            day(2, &[("ibuprofen", "400 mg")], &["Heat pad", "ICE"]),
        ];
        let meds = medicines_used_before(&entries);
        let names: Vec<(&str, &str)> = meds
            .iter()
            .map(|m| (m.name.as_str(), m.dose.as_str()))
            .collect();
        assert_eq!(names, [("ibuprofen", "400 mg"), ("Tramadol", "50 mg")]);
        assert!(meds.iter().all(|m| m.relief.is_none() && m.times.is_none()));
        assert_eq!(treatments_used_before(&entries), ["Heat pad", "ICE"]);
    }

    #[test]
    fn kind_ids_round_trip() {
        for k in MedicineKind::ALL {
            assert_eq!(MedicineKind::from_id(k.id()), Some(k));
        }
        assert_eq!(
            MedicineKind::from_id("as-needed"),
            Some(MedicineKind::AsNeeded)
        );
    }
}

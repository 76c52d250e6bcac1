//! The person's medicine list: what they take, not what they took today;
//! and what they took before, offered again so nobody retypes a medicine.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::entry::{Entry, MedicineTaken};
use super::error::EntryError;
use super::text::{check_line, check_short, echo};
use crate::id_enum::id_enum;

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

/// Why a change to the medicine list was refused. The app shows these as
/// they are; the command line prints them as its one line of bad input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MedicineListError {
    #[error("Give the medicine's name, as on the box: for example Ibuprofen.")]
    NoName,
    #[error("The start day {start} is after today: give the day you started it, today or before.")]
    StartAfterToday { start: Date },
    #[error("The stop day {stop} is after today: give the day you stopped, today or before.")]
    StopAfterToday { stop: Date },
    #[error("{name} was started on {start}, after {stop}: give a stop day on or after the start.")]
    StopBeforeStart {
        name: String,
        start: Date,
        stop: Date,
    },
    #[error(
        "{name} is already on your medicine list: to change it, remove it first and add it again."
    )]
    AlreadyListed { name: String },
    #[error("\"{}\" is not on your medicine list{}", echo(.name), listed(.names))]
    NotListed { name: String, names: Vec<String> },
    #[error(transparent)]
    Invalid(#[from] EntryError),
}

fn listed(names: &[String]) -> String {
    if names.is_empty() {
        ", which is empty: add it first.".to_owned()
    } else {
        format!(": the list has {}.", names.join(", "))
    }
}

/// Puts `medicine` on the list (its texts trimmed), checked first: a name,
/// a start no later than `today`, sound texts, not already listed. On an
/// error the list is unchanged.
pub fn add_medicine(
    list: &mut Vec<Medicine>,
    medicine: Medicine,
    today: Date,
) -> Result<(), MedicineListError> {
    let medicine = Medicine {
        name: medicine.name.trim().to_owned(),
        dose: medicine.dose.trim().to_owned(),
        reason_stopped: medicine.reason_stopped.trim().to_owned(),
        side_effects: medicine.side_effects.trim().to_owned(),
        ..medicine
    };
    if medicine.name.is_empty() {
        return Err(MedicineListError::NoName);
    }
    if let Some(start) = medicine.start.filter(|s| *s > today) {
        return Err(MedicineListError::StartAfterToday { start });
    }
    medicine.validate()?;
    if let Some(m) = list.iter().find(|m| m.is_named(&medicine.name)) {
        return Err(MedicineListError::AlreadyListed {
            name: m.name.clone(),
        });
    }
    list.push(medicine);
    Ok(())
}

/// Notes that the medicine named `name` was stopped `on` (no later than
/// `today`, not before its start), with why and the side effects when
/// given (`None` keeps what was there). Returns its name as listed. On an
/// error the list is unchanged.
pub fn stop_medicine(
    list: &mut [Medicine],
    name: &str,
    on: Date,
    reason: Option<&str>,
    side_effects: Option<&str>,
    today: Date,
) -> Result<String, MedicineListError> {
    if on > today {
        return Err(MedicineListError::StopAfterToday { stop: on });
    }
    let i = position(list, name)?;
    let mut m = list[i].clone();
    if let Some(start) = m.start.filter(|s| on < *s) {
        return Err(MedicineListError::StopBeforeStart {
            name: m.name,
            start,
            stop: on,
        });
    }
    m.stop = Some(on);
    if let Some(reason) = reason {
        reason.trim().clone_into(&mut m.reason_stopped);
    }
    if let Some(side) = side_effects {
        side.trim().clone_into(&mut m.side_effects);
    }
    m.validate()?;
    let name = m.name.clone();
    list[i] = m;
    Ok(name)
}

/// Takes the medicine named `name` off the list altogether and returns it
/// (days that logged it keep it).
pub fn remove_medicine(
    list: &mut Vec<Medicine>,
    name: &str,
) -> Result<Medicine, MedicineListError> {
    let i = position(list, name)?;
    Ok(list.remove(i))
}

/// Where the medicine named `name` is on the list (case ignored).
fn position(list: &[Medicine], name: &str) -> Result<usize, MedicineListError> {
    if name.trim().is_empty() {
        return Err(MedicineListError::NoName);
    }
    list.iter()
        .position(|m| m.is_named(name))
        .ok_or_else(|| MedicineListError::NotListed {
            name: name.trim().to_owned(),
            names: list.iter().map(|m| m.name.clone()).collect(),
        })
}

/// The list as it is shown: current medicines first (regular before as
/// needed), then stopped ones, latest stop first; names alphabetical
/// within each.
pub fn medicines_in_order(list: &[Medicine]) -> Vec<&Medicine> {
    let mut out: Vec<&Medicine> = list.iter().collect();
    out.sort_by(|a, b| {
        (
            a.stop.is_some(),
            std::cmp::Reverse(a.stop),
            a.kind != MedicineKind::Regular,
        )
            .cmp(&(
                b.stop.is_some(),
                std::cmp::Reverse(b.stop),
                b.kind != MedicineKind::Regular,
            ))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    out
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

    #[test]
    fn list_changes_are_checked_and_a_refusal_changes_nothing() {
        let today = date(2026, 11, 24);
        let mut list = Vec::new();
        let naproxen = Medicine {
            name: " Naproxen ".into(),
            dose: "250 mg".into(),
            start: Some(date(2026, 9, 1)),
            ..Medicine::default()
        };
        add_medicine(&mut list, naproxen.clone(), today).unwrap();
        assert_eq!(list[0].name, "Naproxen");
        let before = list.clone();
        let refusals = [
            add_medicine(&mut list, naproxen.clone(), today).map(|()| String::new()),
            add_medicine(
                &mut list,
                Medicine {
                    name: "  ".into(),
                    ..Medicine::default()
                },
                today,
            )
            .map(|()| String::new()),
            add_medicine(
                &mut list,
                Medicine {
                    name: "Codeine".into(),
                    start: Some(date(2026, 11, 25)),
                    ..Medicine::default()
                },
                today,
            )
            .map(|()| String::new()),
            stop_medicine(&mut list, "naproxen", date(2026, 8, 1), None, None, today),
            stop_medicine(&mut list, "naproxen", date(2026, 11, 25), None, None, today),
            stop_medicine(&mut list, "naproxen", today, Some("a\nb"), None, today),
            stop_medicine(&mut list, "aspirin", today, None, None, today),
            remove_medicine(&mut list, "aspirin").map(|m| m.name),
        ];
        for r in refusals {
            assert!(r.is_err(), "{r:?}");
        }
        assert_eq!(list, before, "a refusal changes nothing");
        let e = remove_medicine(&mut list, "aspirin")
            .unwrap_err()
            .to_string();
        assert!(e.contains("the list has Naproxen"), "{e}");
        let name = stop_medicine(
            &mut list,
            "NAPROXEN",
            today,
            Some(" upset stomach "),
            None,
            today,
        )
        .unwrap();
        assert_eq!(name, "Naproxen");
        assert_eq!(list[0].stop, Some(today));
        assert_eq!(list[0].reason_stopped, "upset stomach");
        assert_eq!(
            remove_medicine(&mut list, "naproxen").unwrap().name,
            "Naproxen"
        );
        assert!(list.is_empty());
    }

    #[test]
    fn current_medicines_come_first_regular_before_as_needed() {
        let m = |name: &str, kind, stop: Option<Date>| Medicine {
            name: name.into(),
            kind,
            stop,
            ..Medicine::default()
        };
        let list = [
            m("Zopiclone", MedicineKind::Regular, Some(date(2026, 1, 1))),
            m("Paracetamol", MedicineKind::AsNeeded, None),
            m("Codeine", MedicineKind::Regular, Some(date(2026, 5, 1))),
            m("naproxen", MedicineKind::Regular, None),
        ];
        let names: Vec<&str> = medicines_in_order(&list)
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["naproxen", "Paracetamol", "Codeine", "Zopiclone"]);
    }
}

//! Changes to the person's medicine list (add, stop, remove) and the order
//! it is shown in: the one place these are checked, so the app's Settings
//! and `backlog medicine` refuse the same things with the same words. Pure:
//! "today" is a parameter; a refusal leaves the list as it was.

use jiff::civil::Date;

use super::error::EntryError;
use super::medicine::{Medicine, MedicineKind};
use super::text::echo;

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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

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

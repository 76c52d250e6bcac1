//! `backlog profile set`: every option checked into what to change before
//! the store is touched, then the change made to a copy of the profile and
//! saved. Its own file because checking and applying a dozen options is
//! most of the profile command's code.

use std::path::PathBuf;

use jiff::civil::Date;

use super::{SetArgs, print};
use crate::cli::journal::{clock, store_at, warn_backup};
use crate::cli::{CliError, Out};
use crate::journal::{Age, Journal, Paper, Profile, Sex, check_history};
use crate::triage::{Knowledge, knowledge};

fn ids(items: &[String]) -> Vec<String> {
    items
        .iter()
        .flat_map(|s| s.split(','))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// What `profile set` was asked to change, checked before the store is
/// touched.
struct Wanted {
    age: Option<Age>,
    add: Vec<String>,
    remove: Vec<String>,
    paper: Option<Paper>,
    /// Some(None) removes the item, Some(Some(x)) sets it.
    sex: Option<Option<Sex>>,
    pain_started: Option<Option<Date>>,
}

pub(super) fn run(a: &SetArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let k = knowledge();
    // Check every argument before touching the store.
    let w = wanted(a, k, today)?;
    let nothing = w.age.is_none()
        && w.sex.is_none()
        && w.pain_started.is_none()
        && a.name.is_none()
        && w.add.is_empty()
        && w.remove.is_empty()
        && !a.clear_history
        && a.cancer_details.is_none()
        && a.emergency_number.is_none()
        && a.doctor_number.is_none()
        && a.urgent_care_number.is_none()
        && a.cancer_team_number.is_none()
        && w.paper.is_none();
    if nothing {
        return Err(CliError::input(
            "nothing to change: give at least one option, for example --age 58 (see `backlog profile set --help`)",
        ));
    }

    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        let mut p = j.profile.clone();
        apply(&mut p, a, &w, k, today);
        p.check(k, Some(today))?;
        j.profile = p;
        Ok::<_, CliError>(())
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(if updated.changed {
        "Saved your profile:"
    } else {
        "Your profile already says this; nothing changed:"
    })?;
    print(&updated.journal.profile, today, out)
}

/// Every option of `profile set` checked, with the first problem as a
/// line saying how to fix it.
fn wanted(a: &SetArgs, k: &Knowledge, today: Date) -> Result<Wanted, CliError> {
    let age = age(a, today)?;
    let add = ids(&a.history);
    let remove = ids(&a.remove_history);
    for id in add.iter().chain(&remove) {
        check_history(k, id)?;
    }
    let paper = a
        .paper
        .as_deref()
        .map(|t| {
            Paper::from_id(t).ok_or_else(|| {
                CliError::input(format!(
                    "paper \"{}\" is not a size Backlog prints on: use a4 or letter",
                    crate::journal::echo(t.trim())
                ))
            })
        })
        .transpose()?;
    // Some(None) removes the item, Some(Some(x)) sets it.
    let sex = a
        .sex
        .as_deref()
        .map(|t| {
            if t.trim().is_empty() {
                return Ok(None);
            }
            Sex::from_id(&t.trim().to_lowercase()).map(Some).ok_or_else(|| {
                CliError::input(format!(
                    "sex \"{}\" is not one of the choices: use --sex female, male or other (\"\" to remove it)",
                    crate::journal::echo(t.trim())
                ))
            })
        })
        .transpose()?;
    let pain_started = a
        .pain_started
        .as_deref()
        .map(|t| {
            if t.trim().is_empty() {
                return Ok(None);
            }
            let d = crate::journal::parse::date(t)
                .map_err(|e| CliError::input(format!("--pain-started {}", e.to_string().trim_end_matches('.'))))?;
            if d > today {
                return Err(CliError::input(format!(
                    "--pain-started {d} is after today: give the day the pain started, today or before"
                )));
            }
            Ok(Some(d))
        })
        .transpose()?;
    Ok(Wanted {
        age,
        add,
        remove,
        paper,
        sex,
        pain_started,
    })
}

/// The age from `--age` or `--born` (`--age` wins).
fn age(a: &SetArgs, today: Date) -> Result<Option<Age>, CliError> {
    Ok(match (&a.age, &a.born) {
        (Some(t), _) => {
            let whole = t.trim().parse::<i64>().map_err(|_| {
                CliError::input(format!(
                    "age \"{}\" is not a whole number of years: for example --age 58",
                    crate::journal::echo(t.trim())
                ))
            })?;
            // A whole number out of range (-3, 300) is named as such, in the
            // same words as the limit check of the profile.
            let years = u8::try_from(whole).map_err(|_| {
                CliError::input(format!(
                    "Age must be a whole number of years from 0 to 120, not {whole}."
                ))
            })?;
            Some(Age::Years { years, on: today })
        }
        (None, Some(t)) => Some(Age::BornIn(t.trim().parse::<i16>().map_err(|_| {
            CliError::input(format!(
                "birth year \"{}\" is not a year: for example --born 1968",
                crate::journal::echo(t.trim())
            ))
        })?)),
        (None, None) => None,
    })
}

/// The changes `profile set` asked for, made to a copy of the profile.
fn apply(p: &mut Profile, a: &SetArgs, w: &Wanted, k: &Knowledge, today: Date) {
    if w.age.is_some() {
        p.age = w.age;
    }
    if let Some(name) = &a.name {
        let name = name.trim();
        p.name = (!name.is_empty()).then(|| name.to_owned());
    }
    if a.clear_history {
        p.history.clear();
    }
    // Naming a chemotherapy or pregnancy box says it is true today, so
    // it is dated today even when it was ticked before.
    for id in &w.add {
        p.confirm_history(id, true, today);
    }
    for id in &w.remove {
        p.history.remove(id);
    }
    p.stamp_history(k, today);
    if let Some(c) = &a.cancer_details {
        c.trim().clone_into(&mut p.cancer_details);
    }
    for (given, field) in [
        (&a.emergency_number, &mut p.emergency_number),
        (&a.doctor_number, &mut p.doctor_number),
        (&a.urgent_care_number, &mut p.urgent_care_number),
        (&a.cancer_team_number, &mut p.cancer_team_number),
    ] {
        if let Some(n) = given {
            n.trim().clone_into(field);
        }
    }
    if let Some(paper) = w.paper {
        p.paper = paper;
    }
    if let Some(sex) = w.sex {
        p.sex = sex;
    }
    if let Some(d) = w.pain_started {
        p.pain_started = d;
    }
}

//! `backlog profile show|set`: age, health history, the numbers to call
//! (emergency, doctor, urgent care, cancer team), name, paper size. The
//! history items pre-fill every symptom check. Without an emergency number,
//! `show` proposes the one for the system's locale (read here, at the edge).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::journal::{clock, store_at, warn_backup};
use super::{CliError, Out};
use crate::journal::{Age, Journal, Paper, Profile, Sex, check_history};
use crate::triage::knowledge;

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    command: ProfileCommand,
}

#[derive(Debug, Subcommand)]
enum ProfileCommand {
    /// Show the profile.
    Show(ShowArgs),
    /// Change one or more items of the profile.
    Set(Box<SetArgs>),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlog profile set --age 58 --emergency-number 999 --paper a4\n  backlog profile set --doctor-number \"0161 496 0000\" --urgent-care-number 111\n  backlog profile set --history history_osteoporosis,steroids_long_term\n  backlog profile set --history history_cancer_breast --cancer-details \"Breast, 2019, finished treatment\"\n  backlog profile set --sex female --pain-started 2026-10-03"
)]
pub struct SetArgs {
    /// Age in whole years (it goes up by itself each year).
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "born",
        allow_hyphen_values = true
    )]
    age: Option<String>,
    /// Year of birth, instead of the age.
    #[arg(long, value_name = "YEAR", allow_hyphen_values = true)]
    born: Option<String>,
    /// Name for the printed summary ("" to remove it).
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    name: Option<String>,
    /// Add health history items (ids from `backlog findings`, history groups), comma separated.
    #[arg(long, value_name = "ID,…")]
    history: Vec<String>,
    /// Remove health history items, comma separated.
    #[arg(long, value_name = "ID,…")]
    remove_history: Vec<String>,
    /// Remove every health history item first.
    #[arg(long)]
    clear_history: bool,
    /// Cancer details in your own words: type, year, current treatment ("" to remove).
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    cancer_details: Option<String>,
    /// The number to call in an emergency where you live (911, 999, 112…); "" to unset.
    #[arg(long, value_name = "NUMBER")]
    emergency_number: Option<String>,
    /// Your doctor's or practice's number ("" to remove).
    #[arg(long, value_name = "NUMBER")]
    doctor_number: Option<String>,
    /// An urgent-care or advice line, such as 111 ("" to remove).
    #[arg(long, value_name = "NUMBER")]
    urgent_care_number: Option<String>,
    /// Your cancer team's 24-hour number ("" to remove).
    #[arg(long, value_name = "NUMBER")]
    cancer_team_number: Option<String>,
    /// Paper for the printed summary: a4 or letter.
    #[arg(long, value_name = "SIZE")]
    paper: Option<String>,
    /// Sex, for the printed summary: female, male or other ("" to remove it).
    #[arg(long, value_name = "female|male|other", allow_hyphen_values = true)]
    sex: Option<String>,
    /// The day this back pain started, YYYY-MM-DD, for the printed summary ("" to remove it).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pain_started: Option<String>,
}

pub fn run(args: &ProfileArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    match &args.command {
        ProfileCommand::Show(a) => show(a, data_dir, out),
        ProfileCommand::Set(a) => set(a, data_dir, out),
    }
}

#[derive(Serialize)]
struct ProfileJson<'a> {
    #[serde(flatten)]
    profile: &'a Profile,
    age_today: Option<u8>,
    /// Time-limited history boxes whose time is up: still true?
    history_to_confirm: Vec<String>,
    /// With no emergency number set: the one for the system's locale, if known.
    emergency_number_suggested: Option<&'static str>,
}

use crate::cli::suggested_number;

fn show(a: &ShowArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let store = store_at(data_dir)?;
    let journal = store.load()?;
    let p = &journal.profile;
    if a.json {
        return out.json(&ProfileJson {
            profile: p,
            age_today: p.age_on(today),
            history_to_confirm: p
                .history_to_confirm(knowledge(), today)
                .into_iter()
                .map(|q| q.id)
                .collect(),
            emergency_number_suggested: p
                .emergency_number_set()
                .is_none()
                .then(suggested_number)
                .flatten(),
        });
    }
    print(p, today, out)?;
    out.line(format!("Data folder: {}", store.dir().display()))
}

fn print(p: &Profile, today: jiff::civil::Date, out: &mut Out) -> Result<(), CliError> {
    let k = knowledge();
    let age = match p.age {
        None => "not set (backlog profile set --age N)".to_owned(),
        Some(Age::BornIn(y)) => format!("{} (born {y})", Age::BornIn(y).on(today)),
        Some(a @ Age::Years { .. }) => a.on(today).to_string(),
    };
    out.line(format!("Age: {age}"))?;
    out.line(format!("Name: {}", p.name.as_deref().unwrap_or("-")))?;
    let history: Vec<String> = p
        .history
        .iter()
        .map(|id| {
            let since = p
                .history_since
                .get(id)
                .map(|d| format!(", ticked {d}"))
                .unwrap_or_default();
            k.finding(id)
                .map_or_else(|| id.clone(), |f| format!("{} ({id}{since})", f.label))
        })
        .collect();
    if history.is_empty() {
        out.line("Health history: none ticked")?;
    } else {
        out.line("Health history:")?;
        for h in history {
            out.hanging("  - ", "    ", &h)?;
        }
    }
    print_history_questions(p, today, out)?;
    out.hanging(
        "Cancer details: ",
        "  ",
        if p.cancer_details.is_empty() {
            "-"
        } else {
            &p.cancer_details
        },
    )?;
    out.line(format!("Sex: {}", p.sex.map_or("-", |s| s.label())))?;
    out.line(format!(
        "Pain started: {}",
        p.pain_started
            .map_or_else(|| "-".to_owned(), |d| d.to_string())
    ))?;
    match p.emergency_number_set() {
        Some(n) => out.line(format!("Emergency number: {n}"))?,
        None => out.hanging(
            "Emergency number: ",
            "  ",
            &match suggested_number() {
                Some(n) => format!(
                    "not set; your computer's region settings suggest {n} (check it, then: backlog profile set --emergency-number {n})"
                ),
                None => "not set (backlog profile set --emergency-number N)".to_owned(),
            },
        )?,
    }
    for (what, n) in [
        ("Doctor", &p.doctor_number),
        ("Urgent care", &p.urgent_care_number),
        ("Cancer team (24 hours)", &p.cancer_team_number),
    ] {
        if !n.is_empty() {
            out.line(format!("{what}: {n}"))?;
        }
    }
    out.line(format!("Paper: {}", p.paper.label()))
}

/// Time-limited boxes whose time is up: ask, and say how to answer. Until
/// answered the box stays ticked (the cautious side).
fn print_history_questions(
    p: &Profile,
    today: jiff::civil::Date,
    out: &mut Out,
) -> Result<(), CliError> {
    for q in p.history_to_confirm(knowledge(), today) {
        out.hanging(
            "Still true? ",
            "  ",
            &format!(
                "\"{}\". {} It stays ticked until you answer. If it is still true: backlog profile set --history {id}. If not: backlog profile set --remove-history {id}.",
                q.label,
                q.question(),
                id = q.id
            ),
        )?;
    }
    Ok(())
}

fn ids(items: &[String]) -> Vec<String> {
    items
        .iter()
        .flat_map(|s| s.split(','))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn set(a: &SetArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let k = knowledge();
    // Check every argument before touching the store.
    let age = match (&a.age, &a.born) {
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
    };
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
    let nothing = age.is_none()
        && sex.is_none()
        && pain_started.is_none()
        && a.name.is_none()
        && add.is_empty()
        && remove.is_empty()
        && !a.clear_history
        && a.cancer_details.is_none()
        && a.emergency_number.is_none()
        && a.doctor_number.is_none()
        && a.urgent_care_number.is_none()
        && a.cancer_team_number.is_none()
        && paper.is_none();
    if nothing {
        return Err(CliError::input(
            "nothing to change: give at least one option, for example --age 58 (see `backlog profile set --help`)",
        ));
    }

    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        let mut p = j.profile.clone();
        if age.is_some() {
            p.age = age;
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
        for id in &add {
            p.confirm_history(id, true, today);
        }
        for id in &remove {
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
        if let Some(paper) = paper {
            p.paper = paper;
        }
        if let Some(sex) = sex {
            p.sex = sex;
        }
        if let Some(d) = pain_started {
            p.pain_started = d;
        }
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

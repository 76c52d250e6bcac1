//! `backlog profile show|set`: age, health history, the numbers to call
//! (emergency, doctor, urgent care, cancer team), name, paper size. The
//! history items pre-fill every symptom check. Without an emergency number,
//! `show` proposes the one for the system's locale (read here, at the edge).

mod set;

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::journal::{clock, store_at};
use super::{CliError, Out};
use crate::journal::{Age, Profile};
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
        ProfileCommand::Set(a) => set::run(a, data_dir, out),
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

//! `backlog medicine list|add|stop|remove`: the medicine list the printed
//! summary shows (regular ones first), the same list as the app's Settings.
//!
//! Every argument is checked before the journal is touched; a refusal
//! changes nothing. Names match whatever their case ("ibuprofen" is
//! "Ibuprofen").

use std::path::PathBuf;

use clap::{Args, Subcommand};
use jiff::civil::Date;

use super::journal::{clock, date_arg, store_at, warn_backup};
use super::{CliError, Out};
use crate::journal::{Journal, Medicine, MedicineKind, echo, same_name};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlog medicine add Naproxen --dose \"250 mg twice a day\" --start 2026-09-01\n  backlog medicine add Paracetamol --dose \"1 g\" --as-needed\n  backlog medicine stop Naproxen --reason \"upset stomach\" --side-effects heartburn\n  backlog medicine list"
)]
pub struct MedicineArgs {
    #[command(subcommand)]
    command: MedicineCommand,
}

#[derive(Debug, Subcommand)]
enum MedicineCommand {
    /// Show the medicine list.
    List(ListArgs),
    /// Put a medicine on the list.
    Add(AddArgs),
    /// Say a medicine was stopped (it stays on the list, with the day and why).
    Stop(StopArgs),
    /// Take a medicine off the list altogether (a mistake, a duplicate).
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The medicine's name, as on the box.
    #[arg(value_name = "NAME", allow_hyphen_values = true)]
    name: String,
    /// Dose and how often, in your words: "400 mg three times a day".
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    dose: Option<String>,
    /// Taken only when needed (the default is a regular medicine).
    #[arg(long)]
    as_needed: bool,
    /// The day you started it, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    start: Option<String>,
    /// Side effects you noticed, in your words.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    side_effects: Option<String>,
}

#[derive(Debug, Args)]
pub struct StopArgs {
    /// The medicine's name, as on the list.
    #[arg(value_name = "NAME", allow_hyphen_values = true)]
    name: String,
    /// The day you stopped, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    on: Option<String>,
    /// Why you stopped, in your words: "upset stomach".
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    reason: Option<String>,
    /// Side effects you noticed, in your words.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    side_effects: Option<String>,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The medicine's name, as on the list.
    #[arg(value_name = "NAME", allow_hyphen_values = true)]
    name: String,
}

pub fn run(args: &MedicineArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    match &args.command {
        MedicineCommand::List(a) => list(a, data_dir, out),
        MedicineCommand::Add(a) => add(a, data_dir, out),
        MedicineCommand::Stop(a) => stop(a, data_dir, out),
        MedicineCommand::Remove(a) => remove(a, data_dir, out),
    }
}

fn list(a: &ListArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let journal = store_at(data_dir)?.load()?;
    if a.json {
        return out.json(&journal.medicines);
    }
    print(&journal.medicines, out)
}

fn print(medicines: &[Medicine], out: &mut Out) -> Result<(), CliError> {
    if medicines.is_empty() {
        return out.line(
            "No medicines on your list. Add one with: backlog medicine add NAME --dose \"400 mg\"",
        );
    }
    for m in medicines {
        out.hanging("- ", "  ", &describe(m))?;
    }
    Ok(())
}

/// "Naproxen, 250 mg twice a day, regular, since 2026-09-01, stopped
/// 2026-11-02 (upset stomach), side effects: heartburn".
fn describe(m: &Medicine) -> String {
    let mut parts = vec![m.name.clone()];
    if !m.dose.is_empty() {
        parts.push(m.dose.clone());
    }
    parts.push(m.kind.label().to_lowercase());
    if let Some(start) = m.start {
        parts.push(format!("since {start}"));
    }
    if let Some(stop) = m.stop {
        parts.push(if m.reason_stopped.is_empty() {
            format!("stopped {stop}")
        } else {
            format!("stopped {stop} ({})", m.reason_stopped)
        });
    }
    if !m.side_effects.is_empty() {
        parts.push(format!("side effects: {}", m.side_effects));
    }
    parts.join(", ")
}

/// A name given on the command line: trimmed, never empty.
fn name_arg(name: &str) -> Result<String, CliError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CliError::input(
            "give the medicine's name, for example: backlog medicine add Ibuprofen",
        ));
    }
    Ok(name.to_owned())
}

/// The list's entry with this name, or a refusal that lists the names.
fn position(j: &Journal, name: &str) -> Result<usize, CliError> {
    j.medicines
        .iter()
        .position(|m| same_name(&m.name, name))
        .ok_or_else(|| {
            let names: Vec<&str> = j.medicines.iter().map(|m| m.name.as_str()).collect();
            CliError::input(if names.is_empty() {
                format!(
                    "\"{}\" is not on your medicine list, which is empty: add it with backlog medicine add",
                    echo(name)
                )
            } else {
                format!(
                    "\"{}\" is not on your medicine list: the list has {}",
                    echo(name),
                    names.join(", ")
                )
            })
        })
}

fn trimmed(text: Option<&String>) -> String {
    text.map(|t| t.trim().to_owned()).unwrap_or_default()
}

fn add(a: &AddArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let name = name_arg(&a.name)?;
    let start = a.start.as_deref().map(date_arg).transpose()?;
    if let Some(start) = start.filter(|s| *s > today) {
        return Err(CliError::input(format!(
            "--start {start} is after today: give the day you started it, today or before"
        )));
    }
    let medicine = Medicine {
        name: name.clone(),
        dose: trimmed(a.dose.as_ref()),
        kind: if a.as_needed {
            MedicineKind::AsNeeded
        } else {
            MedicineKind::Regular
        },
        start,
        stop: None,
        reason_stopped: String::new(),
        side_effects: trimmed(a.side_effects.as_ref()),
    };
    medicine.validate()?;
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        if let Some(m) = j.medicines.iter().find(|m| same_name(&m.name, &name)) {
            return Err(CliError::input(format!(
                "{} is already on your medicine list: to change it, remove it first (backlog medicine remove \"{}\") and add it again",
                m.name, m.name
            )));
        }
        j.medicines.push(medicine.clone());
        Ok(())
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!("Added {} to your medicine list:", medicine.name))?;
    print(&updated.journal.medicines, out)
}

fn stop(a: &StopArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let name = name_arg(&a.name)?;
    let on: Date = a.on.as_deref().map(date_arg).transpose()?.unwrap_or(today);
    if on > today {
        return Err(CliError::input(format!(
            "--on {on} is after today: give the day you stopped, today or before"
        )));
    }
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        let i = position(j, &name)?;
        let m = &mut j.medicines[i];
        if let Some(start) = m.start.filter(|s| on < *s) {
            return Err(CliError::input(format!(
                "{} was started on {start}, after {on}: give a stop day on or after the start (--on YYYY-MM-DD)",
                m.name
            )));
        }
        m.stop = Some(on);
        if let Some(reason) = &a.reason {
            reason.trim().clone_into(&mut m.reason_stopped);
        }
        if let Some(side) = &a.side_effects {
            side.trim().clone_into(&mut m.side_effects);
        }
        m.validate()?;
        Ok(m.name.clone())
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!("Noted that you stopped {} on {on}:", updated.value))?;
    print(&updated.journal.medicines, out)
}

fn remove(a: &RemoveArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let name = name_arg(&a.name)?;
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        let i = position(j, &name)?;
        Ok::<_, CliError>(j.medicines.remove(i).name)
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!(
        "Took {} off your medicine list. Days you logged it keep it.",
        updated.value
    ))?;
    print(&updated.journal.medicines, out)
}

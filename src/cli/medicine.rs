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
use crate::journal::{
    Journal, Medicine, MedicineKind, MedicineListError, add_medicine, remove_medicine,
    stop_medicine,
};

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
        out.hanging("- ", "  ", &m.describe())?;
    }
    Ok(())
}

impl From<MedicineListError> for CliError {
    fn from(e: MedicineListError) -> Self {
        Self::input(e.to_string())
    }
}

fn trimmed(text: Option<&String>) -> String {
    text.map(|t| t.trim().to_owned()).unwrap_or_default()
}

fn add(a: &AddArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let medicine = Medicine {
        name: a.name.clone(),
        dose: trimmed(a.dose.as_ref()),
        kind: if a.as_needed {
            MedicineKind::AsNeeded
        } else {
            MedicineKind::Regular
        },
        start: a.start.as_deref().map(date_arg).transpose()?,
        stop: None,
        reason_stopped: String::new(),
        side_effects: trimmed(a.side_effects.as_ref()),
    };
    // Checked before the journal is touched, then again on the list as
    // it is on disk.
    add_medicine(&mut Vec::new(), medicine.clone(), today)?;
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        add_medicine(&mut j.medicines, medicine.clone(), today)?;
        Ok::<_, CliError>(
            j.medicines
                .last()
                .map(|m| m.name.clone())
                .unwrap_or_default(),
        )
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!("Added {} to your medicine list:", updated.value))?;
    print(&updated.journal.medicines, out)
}

fn stop(a: &StopArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, _) = clock();
    let on: Date = a.on.as_deref().map(date_arg).transpose()?.unwrap_or(today);
    if on > today {
        return Err(MedicineListError::StopAfterToday { stop: on }.into());
    }
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        Ok::<_, CliError>(stop_medicine(
            &mut j.medicines,
            &a.name,
            on,
            a.reason.as_deref(),
            a.side_effects.as_deref(),
            today,
        )?)
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!("Noted that you stopped {} on {on}:", updated.value))?;
    print(&updated.journal.medicines, out)
}

fn remove(a: &RemoveArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    if a.name.trim().is_empty() {
        return Err(MedicineListError::NoName.into());
    }
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        Ok::<_, CliError>(remove_medicine(&mut j.medicines, &a.name)?.name)
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!(
        "Took {} off your medicine list. Days you logged it keep it.",
        updated.value
    ))?;
    print(&updated.journal.medicines, out)
}

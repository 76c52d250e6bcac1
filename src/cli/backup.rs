//! `backlog backup list|restore`: the rolling backups of the journal.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::journal::store_at;
use super::{CliError, Out};
use jiff::tz::TimeZone;

use crate::store::{Backup, BackupKind, KEEP_DAYS, KEEP_LATEST, size_text};

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(subcommand)]
    command: BackupCommand,
}

#[derive(Debug, Subcommand)]
enum BackupCommand {
    /// List the backups, newest first.
    List(ListArgs),
    /// Put a backup back as the journal (what it replaces is kept as a backup).
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup's id from `backlog backup list` (the start of it is enough if only one matches).
    #[arg(value_name = "ID")]
    id: String,
}

pub fn run(args: &BackupArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    match &args.command {
        BackupCommand::List(a) => list(a, data_dir, out),
        BackupCommand::Restore(a) => restore(a, data_dir, out),
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    folder: String,
    backups: &'a [Backup],
}

fn list(a: &ListArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let store = store_at(data_dir)?;
    let backups = store.backups()?;
    if a.json {
        return out.json(&ListJson {
            folder: store.backup_dir().display().to_string(),
            backups: &backups,
        });
    }
    if backups.is_empty() {
        return out.line("No backups yet: one is made every time the journal is saved.");
    }
    out.line(format!("{:<42}  {:<16}  {:>9}", "ID", "MADE", "SIZE"))?;
    let mut future = false;
    for b in &backups {
        let mut note = match b.kind {
            BackupKind::Saved => String::new(),
            BackupKind::BeforeRestore => "  (what a restore replaced)".to_owned(),
        };
        if b.dated_in_the_future {
            future = true;
            note.push_str("  !");
        }
        let made = b
            .time
            .to_zoned(TimeZone::system())
            .strftime("%Y-%m-%d %H:%M");
        out.line(format!(
            "{:<42}  {made:<16}  {:>9}{note}",
            b.id,
            size_text(b.size)
        ))?;
    }
    if future {
        out.line(
            "! dated in the future: the computer's clock was wrong when it was made. The list is in the order the backups were made.",
        )?;
    }
    out.blank()?;
    out.wrapped(
        "",
        &format!(
            "Backlog keeps the last {KEEP_LATEST} saved versions and the newest of each day for {KEEP_DAYS} days. Restore one with: backlog backup restore ID. Folder: {}",
            store.backup_dir().display()
        ),
    )
}

fn restore(a: &RestoreArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    // An unknown id is refused before anything is created.
    let r = store_at(data_dir)?.restore(&a.id)?;
    let n = r.journal.entries().len();
    out.line(format!(
        "Restored the backup from {} ({}): {}.",
        r.backup.time_text(),
        r.backup.id,
        crate::journal::plural(n, "entry", "entries")
    ))?;
    if let Some(replaced) = r.replaced {
        out.line(format!(
            "What it replaced is kept as backup {}.",
            replaced.id
        ))?;
        out.line(format!(
            "To undo, run: backlog backup restore {}",
            replaced.id
        ))?;
    }
    Ok(())
}

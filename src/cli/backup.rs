//! `backlog backup list|restore`: the rolling backups of the journal.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::journal::open_store;
use super::{CliError, Out};
use crate::store::{Backup, BackupKind, KEEP_DAYS, KEEP_LATEST};

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
    let store = open_store(data_dir)?;
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
    for b in &backups {
        let note = match b.kind {
            BackupKind::Saved => "",
            BackupKind::BeforeRestore => "  (what a restore replaced)",
        };
        out.line(format!(
            "{:<42}  {:<16}  {:>9}{note}",
            b.id,
            b.time_text(),
            size(b.size)
        ))?;
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

fn size(bytes: u64) -> String {
    #[expect(
        clippy::cast_precision_loss,
        reason = "a file size shown to one decimal place"
    )]
    let b = bytes as f64;
    if bytes < 1_000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", b / 1e3)
    } else {
        format!("{:.1} MB", b / 1e6)
    }
}

fn restore(a: &RestoreArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let dir = crate::store::resolve_data_dir(data_dir)?;
    // No data folder means no backups: say so without creating the folder.
    if !dir.exists() {
        return Err(crate::store::StoreError::NoSuchBackup {
            id: a.id.clone(),
            dir: dir.join(crate::store::BACKUP_DIR),
        }
        .into());
    }
    let store = open_store(Some(dir))?;
    let r = store.restore(&a.id)?;
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

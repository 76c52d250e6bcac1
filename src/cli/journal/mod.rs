//! `backlog journal add|list|show|delete|export|import|attention`: the pain journal
//! from the command line, on the same store the app uses.
//!
//! Arguments are parsed into a request first (numbers, dates and ids
//! checked, with the model's messages); only then is the store touched.
//! One file per job: `add`, `read` (list, show, delete), `exchange`
//! (export, import), `attention` (what the journal shows on its own).

mod add;
mod attention;
mod exchange;
mod read;

use std::path::PathBuf;

use clap::{Args, Subcommand};
use jiff::civil::Date;
use jiff::{Timestamp, Zoned};

use super::{CliError, Out};
use crate::journal::{EntryError, parse};
use crate::store::{self, Store, StoreError};

#[derive(Debug, Args)]
pub struct JournalArgs {
    #[command(subcommand)]
    command: JournalCommand,
}

#[derive(Debug, Subcommand)]
enum JournalCommand {
    /// Add today's entry (or another day's); a day that has one is updated.
    Add(Box<add::AddArgs>),
    /// List entries, oldest first.
    List(read::ListArgs),
    /// Show one day's entry in full.
    Show(read::ShowArgs),
    /// Delete one day's entry (a backup keeps a copy).
    Delete(read::DeleteArgs),
    /// Write the journal to a CSV file (for a spreadsheet) or a RON file (a full copy).
    Export(exchange::ExportArgs),
    /// Read entries from a CSV or RON file; checks everything before writing.
    Import(exchange::ImportArgs),
    /// What the journal shows on its own (nights woken, pain not getting better, warning symptoms) and the level it points to.
    Attention(attention::AttentionArgs),
}

pub fn run(args: &JournalArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    match &args.command {
        JournalCommand::Add(a) => add::add(a, data_dir, out),
        JournalCommand::List(a) => read::list(a, data_dir, out),
        JournalCommand::Show(a) => read::show(a, data_dir, out),
        JournalCommand::Delete(a) => read::delete(a, data_dir, out),
        JournalCommand::Export(a) => exchange::export(a, data_dir, out),
        JournalCommand::Import(a) => exchange::import(a, data_dir, out),
        JournalCommand::Attention(a) => attention::attention(a, data_dir, out),
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        if e.is_bad_input() {
            Self::Input(e.to_string())
        } else {
            Self::Failure(anyhow::anyhow!("{e}"))
        }
    }
}

impl From<EntryError> for CliError {
    fn from(e: EntryError) -> Self {
        Self::Input(e.to_string())
    }
}

/// The store in the data folder named by `--data-dir` /
/// `BACKLOG_DATA_DIR` / the default ([`Store::at`]: nothing is created
/// until a command saves, so reading a folder that does not exist, a typo,
/// leaves nothing behind).
pub(in crate::cli) fn store_at(data_dir: Option<PathBuf>) -> Result<Store, CliError> {
    Ok(Store::at(store::resolve_data_dir(data_dir)?))
}

/// Today and now, from the computer's clock and time zone: the only place
/// the command line reads the clock.
pub(in crate::cli) fn clock() -> (Date, Timestamp) {
    let now = Zoned::now();
    (now.date(), now.timestamp())
}

pub(in crate::cli) fn date_arg(text: &str) -> Result<Date, CliError> {
    Ok(parse::date(text)?)
}

pub(in crate::cli) fn score_arg(
    what: &'static str,
    text: Option<&String>,
) -> Result<Option<u8>, CliError> {
    Ok(text.map(|t| parse::score(what, t)).transpose()?)
}

/// Prints a warning for a saved change whose backup failed (once, on stderr).
pub(in crate::cli) fn warn_backup(error: Option<&StoreError>) {
    if let Some(e) = error {
        crate::cli::output::report(&e.to_string());
    }
}

//! `backlog journal export` and `import`: CSV for a spreadsheet, RON for a full copy.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{clock, store_at, warn_backup};
use crate::cli::{CliError, Out};
use crate::journal::{Journal, JournalError};
use crate::store::exchange::{self, ImportReport, Mood};
use crate::store::{self};
use crate::triage::knowledge;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("format").args(["csv", "ron"])))]
pub struct ExportArgs {
    /// Write a CSV file: one row per day, every field ("-" for standard output).
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// Write a full copy of the journal as RON ("-" for standard output).
    #[arg(long, value_name = "FILE")]
    ron: Option<PathBuf>,
}

/// Refuses an export path that would overwrite something by mistake (the
/// store's output guard, shared with the summary and the app). Standard
/// output is always fine.
fn check_export_path(path: &Path, ext: &'static str, data_dir: &Path) -> Result<(), CliError> {
    if path == Path::new("-") {
        return Ok(());
    }
    store::check_output_path(path, ext, data_dir)
        .map_err(|problem| CliError::input(format!("{problem}: {}", path.display())))
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A CSV or RON file made by `backlog journal export` ("-" for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Check the file and report what would change, without writing anything.
    #[arg(long)]
    dry_run: bool,
}

pub(super) fn export(
    a: &ExportArgs,
    data_dir: Option<PathBuf>,
    out: &mut Out,
) -> Result<(), CliError> {
    // Every check of the arguments comes before the data folder is opened
    // (which creates it): bad input changes nothing on disk.
    let dir = store::resolve_data_dir(data_dir)?;
    match (&a.csv, &a.ron) {
        (Some(path), _) => check_export_path(path, "csv", &dir)?,
        (None, Some(path)) => check_export_path(path, "ron", &dir)?,
        (None, None) => {
            return Err(CliError::input(
                "export needs a format: add --csv FILE (for a spreadsheet) or --ron FILE (a full copy)",
            ));
        }
    }
    let store = store_at(Some(dir))?;
    let journal = store.load()?;
    let (path, bytes, what) = match (&a.csv, &a.ron) {
        (Some(path), _) => (
            path,
            exchange::to_csv(journal.entries())
                .map_err(|e| CliError::Failure(anyhow::anyhow!("could not write the CSV: {e}")))?,
            "CSV",
        ),
        (None, Some(path)) => (path, store::serialize(&journal)?, "RON"),
        (None, None) => {
            return Err(CliError::input(
                "export needs a format: add --csv FILE (for a spreadsheet) or --ron FILE (a full copy)",
            ));
        }
    };
    if path == Path::new("-") {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Failure(
                anyhow::anyhow!("could not write to standard output: {e}"),
            )),
            _ => Ok(()),
        };
    }
    store::write_file_atomic(path, &bytes).map_err(|e| {
        CliError::Failure(anyhow::anyhow!(
            "could not write the export ({}). Check the folder exists and you can write there. File: {}",
            store::io_reason(&e),
            path.display()
        ))
    })?;
    let n = journal.entries().len();
    out.line(format!(
        "Exported {} as {what} to {}.",
        crate::journal::plural(n, "entry", "entries"),
        path.display()
    ))
}

pub(super) fn import(
    a: &ImportArgs,
    data_dir: Option<PathBuf>,
    out: &mut Out,
) -> Result<(), CliError> {
    let (today, now) = clock();
    let (name, bytes) = if a.file == Path::new("-") {
        let name = "standard input".to_owned();
        let bytes = crate::cli::output::read_capped(std::io::stdin().lock(), store::READ_LIMIT)
            .map_err(|e| {
                CliError::input(format!(
                    "could not read standard input ({}). Nothing was imported.",
                    store::io_reason(&e)
                ))
            })?
            .ok_or_else(|| {
                CliError::input(format!(
                    "standard input is larger than {}, more than any journal export: check it is the right file. Nothing was imported.",
                    store::size_text(store::READ_LIMIT)
                ))
            })?;
        (name, bytes)
    } else {
        let bytes = store::read_chosen_file(&a.file).map_err(|why| {
            CliError::input(format!(
                "could not read the file to import ({why}). Nothing was imported: {}",
                a.file.display()
            ))
        })?;
        (a.file.display().to_string(), bytes)
    };
    if a.file == Path::new("-") && bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(CliError::input(
            "standard input is empty: pipe in a CSV or RON file made by `backlog journal export`, or give the file's name instead of -. Nothing was imported.",
        ));
    }
    let imported = exchange::read_import(&name, &bytes, knowledge(), today, now).map_err(|e| {
        CliError::input(format!(
            "{name}: {}. Nothing was imported.",
            without_full_stop(&e.to_string())
        ))
    })?;
    let store = store_at(data_dir)?;
    let report = if a.dry_run {
        let mut journal = store.load()?;
        let report = exchange::merge(&mut journal, &imported);
        journal.validate(knowledge()).map_err(|e| refused(&e))?;
        report
    } else {
        let updated = store.update(|j: &mut Journal| {
            let report = exchange::merge(j, &imported);
            j.validate(knowledge()).map_err(|e| refused(&e))?;
            Ok::<_, CliError>(report)
        })?;
        warn_backup(updated.backup_error.as_ref());
        updated.value
    };
    print_report(&report, &name, a.dry_run, out)
}

fn refused(e: &JournalError) -> CliError {
    CliError::input(format!(
        "the import was refused: {}. Nothing was imported.",
        without_full_stop(&e.to_string())
    ))
}

/// A message that is followed by another sentence: without its own final
/// full stop, so the line does not read "not 11.. Nothing was imported."
fn without_full_stop(text: &str) -> &str {
    text.trim_end().trim_end_matches('.')
}

fn print_report(
    r: &ImportReport,
    name: &str,
    dry_run: bool,
    out: &mut Out,
) -> Result<(), CliError> {
    let mood = if dry_run { Mood::Preview } else { Mood::Done };
    for line in r.describe(name, mood) {
        out.wrapped("", &line)?;
    }
    if dry_run {
        out.line("This was a dry run: nothing was written.")?;
    }
    Ok(())
}

//! `backlog journal export` and `import`: CSV for a spreadsheet, RON for a full copy.

use std::path::{Path, PathBuf};

use clap::Args;
use jiff::civil::Date;

use super::{clock, open_store, warn_backup};
use crate::cli::{CliError, Out};
use crate::journal::{Journal, JournalError};
use crate::store::exchange::{self, ImportReport};
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

/// Refuses an export path that would overwrite something by mistake: a
/// name without the format's extension, a folder, a missing folder, or
/// anything in Backlog's own data folder (`--csv journal.ron` there would
/// replace the journal itself with a CSV). Standard output is always fine.
fn check_export_path(path: &Path, ext: &str, flag: &str, data_dir: &Path) -> Result<(), CliError> {
    if path == Path::new("-") {
        return Ok(());
    }
    let has_ext = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if !has_ext {
        return Err(CliError::input(format!(
            "the export file must end in .{ext} (so nothing else is overwritten by mistake), for example {flag} journal.{ext}: {}",
            path.display()
        )));
    }
    if path.is_dir() {
        return Err(CliError::input(format!(
            "{flag} names a folder; give a file name ending in .{ext} inside it: {}",
            path.display()
        )));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if parent.canonicalize().is_err() {
        return Err(CliError::input(format!(
            "the folder for the export does not exist; create it or choose another: {}",
            parent.display()
        )));
    }
    if store::is_own_file(path, data_dir) {
        return Err(CliError::input(format!(
            "that is one of Backlog's own files (the journal, its lock or a backup): choose another name or folder: {}",
            path.display()
        )));
    }
    Ok(())
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
        (Some(path), _) => check_export_path(path, "csv", "--csv", &dir)?,
        (None, Some(path)) => check_export_path(path, "ron", "--ron", &dir)?,
        (None, None) => {
            return Err(CliError::input(
                "export needs a format: add --csv FILE (for a spreadsheet) or --ron FILE (a full copy)",
            ));
        }
    }
    let store = open_store(Some(dir))?;
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
    let too_big = |name: &str| {
        CliError::input(format!(
            "{name} is larger than {} MB, more than any journal export: check it is the right file. Nothing was imported.",
            IMPORT_LIMIT / (1024 * 1024)
        ))
    };
    let (name, bytes) = if a.file == Path::new("-") {
        let name = "standard input".to_owned();
        let bytes = crate::cli::output::read_capped(std::io::stdin().lock(), IMPORT_LIMIT)
            .map_err(|e| CliError::input(format!("could not read standard input: {e}")))?
            .ok_or_else(|| too_big(&name))?;
        (name, bytes)
    } else {
        let cannot = |e: std::io::Error| {
            CliError::input(format!(
                "could not read the file to import ({}): {}",
                store::io_reason(&e),
                a.file.display()
            ))
        };
        let file = std::fs::File::open(&a.file).map_err(cannot)?;
        let name = a.file.display().to_string();
        let bytes = crate::cli::output::read_capped(file, IMPORT_LIMIT)
            .map_err(cannot)?
            .ok_or_else(|| too_big(&name))?;
        (name, bytes)
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
    let store = open_store(data_dir)?;
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
    print_report(&report, a.dry_run, out)
}

/// Ten years of daily entries with long notes is a few MB; a file past
/// this is the wrong file (or `/dev/zero`), and must not fill the memory.
const IMPORT_LIMIT: u64 = 256 * 1024 * 1024;

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

fn print_report(r: &ImportReport, dry_run: bool, out: &mut Out) -> Result<(), CliError> {
    let verb = if dry_run { "Would add" } else { "Added" };
    let mut parts = vec![format!(
        "{verb} {}, {} {}, {} already the same",
        crate::journal::plural(r.added.len(), "entry", "entries"),
        if dry_run { "would change" } else { "changed" },
        r.changed.len(),
        r.unchanged
    )];
    if r.checks_added > 0 {
        parts.push(crate::journal::plural(
            r.checks_added,
            "saved symptom check",
            "saved symptom checks",
        ));
    }
    if r.medicines_added > 0 {
        parts.push(crate::journal::plural(
            r.medicines_added,
            "medicine",
            "medicines",
        ));
    }
    if r.profile {
        parts.push("the profile".to_owned());
    }
    if r.summary_notes {
        parts.push("the notes for the doctor".to_owned());
    }
    out.line(format!("{}.", parts.join("; ")))?;
    if !r.changed.is_empty() {
        let days: Vec<String> = r.changed.iter().take(10).map(Date::to_string).collect();
        let more = r.changed.len().saturating_sub(10);
        out.wrapped(
            "",
            &format!(
                "Changed days: {}{}.",
                days.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ),
        )?;
    }
    if dry_run {
        out.line("This was a dry run: nothing was written.")?;
    }
    Ok(())
}

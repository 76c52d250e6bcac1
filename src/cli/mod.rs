//! The command line: clap definitions and the command runners.
//!
//! Arguments are parsed into raw clap structs, validated into requests, and
//! only then is anything read or written. Every error is reported once, as
//! one line on stderr: exit 2 for bad input (with how to fix it), exit 1 for
//! a failure of the machine or the data (with the path last). Never a panic.
#![expect(
    clippy::disallowed_methods,
    reason = "the command line is an edge: it reads the files and the date it is given"
)]

mod assess;
mod backup;
mod journal;
mod medicine;
mod notes;
mod output;
mod profile;
mod reference;
mod summary;

use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub use output::Out;

/// Backlog: a private, offline companion for upper back pain.
///
/// With no command, opens the desktop app. Backlog is not a diagnosis: it
/// suggests how soon to get care, keeps a pain journal and prints a summary.
#[derive(Debug, Parser)]
#[command(name = "backlog", version, max_term_width = 100)]
pub struct Cli {
    /// Use this data folder instead of the usual per-user one. The
    /// environment variable BACKLOG_DATA_DIR does the same (an empty value
    /// counts as unset); this flag wins over it.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check symptoms: how urgently to get care, and why.
    Assess(assess::AssessArgs),
    /// List every finding id, by group.
    Findings(reference::ListArgs),
    /// List every rule with its condition and sources.
    Rules(reference::ListArgs),
    /// The pain journal: add, list, show, delete, export, import, attention.
    Journal(journal::JournalArgs),
    /// Your profile: age, health history, emergency number, name, paper.
    Profile(profile::ProfileArgs),
    /// The rolling backups of the journal: list, restore.
    Backup(backup::BackupArgs),
    /// Save the one-page appointment summary as a PDF, ready to print; its note and questions.
    Summary(summary::SummaryArgs),
    /// Your medicine list: list, add, stop, remove.
    Medicine(medicine::MedicineArgs),
}

/// A command failed. Each variant maps to one exit status.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input: what is wrong and how to fix it. Exit 2.
    #[error("{0}")]
    Input(String),
    /// The machine or the data failed (the path is in the message). Exit 1.
    #[error("{0:#}")]
    Failure(#[from] anyhow::Error),
}

impl CliError {
    pub fn input(message: impl Into<String>) -> Self {
        Self::Input(message.into())
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Input(_) => ExitCode::from(2),
            Self::Failure(_) => ExitCode::from(1),
        }
    }
}

/// What `main` should do after parsing.
pub enum Parsed {
    /// No subcommand: open the desktop app (or print help without it).
    Gui(Cli),
    /// Run a subcommand (or the parse already finished: help, version, error).
    Done(ExitCode),
}

/// Parses arguments; for a subcommand, runs it and reports errors.
pub fn parse_and_run(args: impl IntoIterator<Item = OsString>) -> Parsed {
    let args: Vec<OsString> = args.into_iter().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return Parsed::Done(report_clap_error(&e)),
    };
    if data_dir_flags(&args) > 1 {
        output::report(
            "--data-dir is given more than once (before and after the command): give it once, so the journal is read and saved in the folder you mean",
        );
        return Parsed::Done(ExitCode::from(2));
    }
    if cli.command.is_none() {
        return Parsed::Gui(cli);
    }
    let mut out = Out::stdout();
    match run(cli, &mut out) {
        Ok(()) => Parsed::Done(ExitCode::SUCCESS),
        Err(e) => {
            output::report(&e.to_string());
            Parsed::Done(e.exit_code())
        }
    }
}

/// How many times `--data-dir` is given. clap refuses it twice at one
/// level, but one after the command silently wins over one before it.
/// (Counted up to a `--`; a note that is literally "--data-dir" would count
/// too, which at worst refuses the command.)
fn data_dir_flags(args: &[OsString]) -> usize {
    args.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .filter(|a| {
            let b = a.as_encoded_bytes();
            b == b"--data-dir" || b.starts_with(b"--data-dir=")
        })
        .count()
}

/// Help and version go to stdout with status 0; a usage error becomes one
/// line on stderr with status 2.
fn report_clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = write!(std::io::stdout(), "{e}");
            ExitCode::SUCCESS
        }
        _ => {
            output::report(&format!(
                "{} (try `backlog --help`, or `backlog COMMAND --help`)",
                fold_clap_error(&e.render().to_string())
            ));
            ExitCode::from(2)
        }
    }
}

/// Folds clap's multi-line error (message, the missing argument names, a
/// "tip") into one line, leaving out the usage block.
fn fold_clap_error(rendered: &str) -> String {
    let mut line = String::new();
    for part in rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
    {
        let part = part.strip_prefix("error: ").unwrap_or(part);
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    if line.is_empty() {
        "invalid arguments".to_owned()
    } else {
        line
    }
}

/// Prints the top-level help (used when there is no GUI to open).
pub fn print_help() {
    use clap::CommandFactory;
    let _ = Cli::command().print_help();
}

fn run(cli: Cli, out: &mut Out) -> Result<(), CliError> {
    let Some(command) = cli.command else {
        print_help();
        return Ok(());
    };
    match command {
        Command::Assess(args) => assess::run(&args, cli.data_dir, out),
        Command::Findings(args) => reference::findings(&args, out),
        Command::Rules(args) => reference::rules(&args, out),
        Command::Journal(args) => journal::run(&args, cli.data_dir, out),
        Command::Profile(args) => profile::run(&args, cli.data_dir, out),
        Command::Backup(args) => backup::run(&args, cli.data_dir, out),
        Command::Summary(args) => summary::run(&args, cli.data_dir, out),
        Command::Medicine(args) => medicine::run(&args, cli.data_dir, out),
    }
}

/// The emergency number for the system's locale (read here, at the edge),
/// proposed while the profile has none.
pub(crate) fn suggested_number() -> Option<&'static str> {
    crate::journal::locale::first_with_region(sys_locale::get_locales())
        .as_deref()
        .and_then(crate::journal::locale::emergency_number_for_locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_fold_into_one_line_with_the_missing_argument_and_tip() {
        let e = Cli::try_parse_from(["backlog", "assess", "--age", "40", "--jsno"]).unwrap_err();
        let line = fold_clap_error(&e.render().to_string());
        assert!(
            line.starts_with("unexpected argument '--jsno' found"),
            "{line}"
        );
        assert!(line.contains("--json"), "the tip survives: {line}");
        assert!(!line.contains('\n') && !line.contains("Usage"), "{line}");
    }
}

//! `backlog summary`: the one-page appointment summary as a PDF file.
//!
//! Arguments are checked (dates, paper, a `.pdf` output in a folder that
//! exists) before the journal is read; the file is written atomically, so
//! an interrupted run never leaves half a PDF over an older one.

use std::path::{Path, PathBuf};

use clap::Args;
use jiff::Zoned;
use jiff::civil::Date;

use super::{CliError, Out};
use crate::summary::{self, Paper, SummaryRequest};
use crate::triage;

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  backlog summary --out summary.pdf\n  backlog summary --from 2026-10-01 --to 2026-10-31 --paper a4 --out october.pdf --open\n  backlog summary --with-entries --out full.pdf\n  backlog summary note --text \"The pain wakes me most nights.\"\n  backlog summary question add \"Should I have an X-ray?\""
)]
pub struct SummaryArgs {
    /// The note and the questions the page prints (instead of saving a PDF).
    #[command(subcommand)]
    command: Option<super::notes::NotesCommand>,

    /// First day of the period, YYYY-MM-DD [default: 29 days before --to].
    #[arg(long, value_name = "DATE")]
    from: Option<String>,

    /// Last day of the period, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    to: Option<String>,

    // Required, but checked in `check` so the message says how to fix it.
    /// Where to save the PDF (required; the name must end in .pdf).
    #[arg(long, value_name = "FILE.pdf")]
    out: Option<PathBuf>,

    /// Paper size: a4 or letter [default: the one in your profile].
    #[arg(long, value_name = "a4|letter")]
    paper: Option<String>,

    /// Add a table of every day in the period, on the pages after the summary.
    #[arg(long)]
    with_entries: bool,

    /// Open the PDF in the system's viewer afterwards, ready to print.
    #[arg(long)]
    open: bool,
}

/// A date option, read like every date the command line takes
/// (`journal::parse::date`), with the option named in the message.
fn parse_date(flag: &str, text: &str) -> Result<Date, CliError> {
    crate::journal::parse::date(text)
        .map_err(|e| CliError::input(format!("{flag} {}", e.to_string().trim_end_matches('.'))))
}

/// The checked request and output path; nothing has been read or written.
struct Checked {
    request: SummaryRequest,
    out: PathBuf,
}

fn check(args: &SummaryArgs, today: Date, data_dir: &Path) -> Result<Checked, CliError> {
    let from = args
        .from
        .as_deref()
        .map(|t| parse_date("--from", t))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|t| parse_date("--to", t))
        .transpose()?;
    // No entry can be older than the journal's earliest day, and a period
    // of 2,000 years prints as nonsense ("739944 days").
    for (flag, date) in [("--from", from), ("--to", to)] {
        if let Some(d) = date.filter(|d| *d < crate::journal::EARLIEST_DATE) {
            return Err(CliError::input(format!(
                "{flag} {d} is too long ago: the journal holds days from {} onwards, so choose that day or later",
                crate::journal::EARLIEST_DATE
            )));
        }
    }
    let paper = args
        .paper
        .as_deref()
        .map(|p| {
            Paper::from_id(p).ok_or_else(|| {
                CliError::input(format!(
                    "paper \"{}\" is not known: use --paper a4 or --paper letter",
                    crate::journal::echo(p.trim())
                ))
            })
        })
        .transpose()?;
    let request = SummaryRequest {
        from,
        to,
        paper,
        with_entries: args.with_entries,
    };
    request
        .period(today)
        .map_err(|e| CliError::input(e.to_string()))?;

    let out = args.out.clone().ok_or_else(|| {
        CliError::input("say where to save the PDF with --out, for example --out summary.pdf")
    })?;
    // The store's output guard, shared with the export and the app.
    crate::store::check_output_path(&out, "pdf", data_dir)
        .map_err(|problem| CliError::input(format!("{problem}: {}", out.display())))?;
    Ok(Checked { request, out })
}

pub fn run(args: &SummaryArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    if let Some(command) = &args.command {
        return super::notes::run(command, data_dir, out);
    }
    let now = Zoned::now();
    let data_dir = crate::store::resolve_data_dir(data_dir)?;
    let checked = check(args, now.date(), &data_dir)?;
    let journal = load_journal(data_dir)?;
    let summary = summary::build(&journal, triage::knowledge(), &checked.request, &now)
        .map_err(|e| CliError::input(e.to_string()))?;
    let (bytes, report) = summary::pdf::render_with_report(&summary)
        .map_err(|e| CliError::Failure(anyhow::anyhow!("{e}")))?;
    save_pdf(&checked.out, &bytes)?;
    let pages = crate::journal::plural(report.pages, "page", "pages");
    out.line(format!(
        "Saved the summary ({pages}, {}) to {}",
        summary.paper.label(),
        checked.out.display()
    ))?;
    if args.open {
        crate::store::open_in_viewer(&checked.out).map_err(|e| {
            CliError::Failure(anyhow::anyhow!(
                "could not open the PDF: {e}. The summary is saved; open it yourself to print: {}",
                checked.out.display()
            ))
        })?;
    }
    Ok(())
}

/// Reads the journal (read-only: no lock needed, nothing written to it).
/// Errors map as for every journal command (`From<StoreError>`).
fn load_journal(data_dir: PathBuf) -> Result<crate::journal::Journal, CliError> {
    Ok(super::journal::store_at(Some(data_dir))?.load()?)
}

/// Temp file in the same folder, fsync, rename over the target, fsync the
/// folder (the store's atomic write). The message gives a plain reason, not
/// the OS error number or the temporary file's name.
fn save_pdf(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    crate::store::write_file_atomic(path, bytes).map_err(|e| {
        CliError::Failure(anyhow::anyhow!(
            "could not save the PDF ({}); check the folder exists and you may write to it: {}",
            crate::store::io_reason(&e),
            path.display()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(out: &str) -> SummaryArgs {
        SummaryArgs {
            command: None,
            from: None,
            to: None,
            out: Some(PathBuf::from(out)),
            paper: None,
            with_entries: false,
            open: false,
        }
    }

    #[test]
    fn refuses_an_output_that_is_not_a_pdf() {
        let err = check(
            &args("journal.ron"),
            Date::constant(2026, 11, 24),
            Path::new("/no/data"),
        )
        .err();
        assert!(matches!(err, Some(CliError::Input(m)) if m.contains(".pdf")));
    }

    #[test]
    fn bad_dates_and_paper_are_input_errors() {
        let today = Date::constant(2026, 11, 24);
        let mut a = args("s.pdf");
        a.from = Some("2026-13-01".into());
        assert!(
            matches!(check(&a, today, Path::new("/no/data")), Err(CliError::Input(m)) if m.contains("YYYY-MM-DD"))
        );
        let mut a = args("s.pdf");
        a.from = Some("2026-11-20".into());
        a.to = Some("2026-11-01".into());
        assert!(
            matches!(check(&a, today, Path::new("/no/data")), Err(CliError::Input(m)) if m.contains("after the end"))
        );
        let mut a = args("s.pdf");
        a.paper = Some("legal".into());
        assert!(
            matches!(check(&a, today, Path::new("/no/data")), Err(CliError::Input(m)) if m.contains("a4"))
        );
    }
}

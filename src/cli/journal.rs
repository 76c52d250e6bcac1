//! `backlog journal add|list|show|delete|export|import`: the pain journal
//! from the command line, on the same store the app uses.
//!
//! Arguments are parsed into a request first (numbers, dates and ids
//! checked, with the model's messages); only then is the store touched.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use jiff::civil::Date;
use jiff::{Timestamp, Zoned};
use serde::Serialize;

use super::{CliError, Out};
use crate::journal::{
    Entry, EntryDraft, EntryError, Journal, JournalError, MedicineTaken, Quality, Region, Upsert,
    parse,
};
use crate::store::exchange::{self, ImportReport};
use crate::store::{self, Store, StoreError};
use crate::triage::{self, Level, knowledge};

#[derive(Debug, Args)]
pub struct JournalArgs {
    #[command(subcommand)]
    command: JournalCommand,
}

#[derive(Debug, Subcommand)]
enum JournalCommand {
    /// Add today's entry (or another day's); a day that has one is updated.
    Add(Box<AddArgs>),
    /// List entries, oldest first.
    List(ListArgs),
    /// Show one day's entry in full.
    Show(ShowArgs),
    /// Delete one day's entry (a backup keeps a copy).
    Delete(DeleteArgs),
    /// Write the journal to a CSV file (for a spreadsheet) or a RON file (a full copy).
    Export(ExportArgs),
    /// Read entries from a CSV or RON file; checks everything before writing.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "When the day already has an entry, the options given replace those fields and the rest are kept.\n\nExamples:\n  backlog journal add --pain 4\n  backlog journal add --date 2026-11-20 --pain 6 --worst 8 --where neck,mid_back --feels burning --woke --med \"Ibuprofen 400 mg\" --tag gardening --note \"Sore after weeding\""
)]
pub struct AddArgs {
    /// The day, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Average pain today, 0 (none) to 10 (worst imaginable). Required.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pain: Option<String>,
    /// Worst pain today, 0 to 10.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    worst: Option<String>,
    /// Where it hurts, comma separated: neck, between_shoulder_blades, upper_back_left, upper_back_right, mid_back, lower_back, chest_wall_left, chest_wall_right, shoulder_arm_left, shoulder_arm_right.
    #[arg(long = "where", value_name = "ID,…")]
    regions: Vec<String>,
    /// What it feels like, comma separated: aching, sharp, stabbing, burning, throbbing, tingling, stiff.
    #[arg(long, value_name = "ID,…")]
    feels: Vec<String>,
    /// Pain woke you in the night.
    #[arg(long, overrides_with = "no_woke")]
    woke: bool,
    /// Pain did not wake you in the night.
    #[arg(long, overrides_with = "woke")]
    no_woke: bool,
    /// How much pain got in the way of usual activities, 0 to 10.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    activity: Option<String>,
    /// How much pain got in the way of enjoying life, 0 to 10.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    enjoyment: Option<String>,
    /// Hours of sleep last night, for example 6.5.
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    sleep: Option<String>,
    /// A medicine taken, as "NAME DOSE" (repeat for more).
    #[arg(long = "med", value_name = "\"NAME DOSE\"")]
    medicines: Vec<String>,
    /// Another treatment: heat, stretching, physio… (repeat for more).
    #[arg(long = "treatment", value_name = "TEXT")]
    treatments: Vec<String>,
    /// A symptom id from `backlog findings` (repeat, or comma separated).
    #[arg(long = "symptom", value_name = "ID")]
    symptoms: Vec<String>,
    /// An activity or trigger (repeat for more).
    #[arg(long = "tag", value_name = "TEXT")]
    tags: Vec<String>,
    /// A note, up to 20,000 characters.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// First day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The day, YYYY-MM-DD.
    #[arg(value_name = "DATE")]
    date: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The day, YYYY-MM-DD.
    #[arg(value_name = "DATE")]
    date: String,
}

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

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A CSV or RON file made by `backlog journal export` ("-" for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Check the file and report what would change, without writing anything.
    #[arg(long)]
    dry_run: bool,
}

pub fn run(args: &JournalArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    match &args.command {
        JournalCommand::Add(a) => add(a, data_dir, out),
        JournalCommand::List(a) => list(a, data_dir, out),
        JournalCommand::Show(a) => show(a, data_dir, out),
        JournalCommand::Delete(a) => delete(a, data_dir, out),
        JournalCommand::Export(a) => export(a, data_dir, out),
        JournalCommand::Import(a) => import(a, data_dir, out),
    }
}

// ---------------------------------------------------------------- shared

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

/// Opens the data folder named by `--data-dir` / `BACKLOG_DATA_DIR` / the default.
pub(super) fn open_store(data_dir: Option<PathBuf>) -> Result<Store, CliError> {
    Ok(Store::open(store::resolve_data_dir(data_dir)?)?)
}

/// Today and now, from the computer's clock and time zone: the only place
/// the command line reads the clock.
pub(super) fn clock() -> (Date, Timestamp) {
    let now = Zoned::now();
    (now.date(), now.timestamp())
}

fn date_arg(text: &str) -> Result<Date, CliError> {
    Ok(parse::date(text)?)
}

fn score_arg(what: &'static str, text: Option<&String>) -> Result<Option<u8>, CliError> {
    Ok(text.map(|t| parse::score(what, t)).transpose()?)
}

/// Prints a warning for a saved change whose backup failed (once, on stderr).
pub(super) fn warn_backup(error: Option<&StoreError>) {
    if let Some(e) = error {
        eprintln!("backlog: saved, but the backup copy failed: {e}");
    }
}

// ---------------------------------------------------------------- add

/// The checked arguments of `journal add`: `None` means "keep as is".
struct AddRequest {
    date: Date,
    pain: u8,
    worst: Option<u8>,
    regions: Option<BTreeSet<Region>>,
    qualities: Option<BTreeSet<Quality>>,
    woke: Option<bool>,
    activity: Option<u8>,
    enjoyment: Option<u8>,
    sleep: Option<f32>,
    medicines: Option<Vec<MedicineTaken>>,
    treatments: Option<Vec<String>>,
    symptoms: Option<BTreeSet<String>>,
    tags: Option<Vec<String>>,
    note: Option<String>,
}

impl AddRequest {
    fn new(a: &AddArgs, today: Date) -> Result<Self, CliError> {
        let some_if = |given: bool| given.then_some(());
        Ok(Self {
            date: a
                .date
                .as_deref()
                .map(date_arg)
                .transpose()?
                .unwrap_or(today),
            pain: match &a.pain {
                Some(p) => parse::score("Average pain", p)?,
                None => {
                    return Err(CliError::input(
                        "journal add needs --pain N: how bad the pain was today on average, from 0 (none) to 10 (worst imaginable)",
                    ));
                }
            },
            worst: score_arg("Worst pain", a.worst.as_ref())?,
            regions: some_if(!a.regions.is_empty())
                .map(|()| parse::regions(&a.regions))
                .transpose()?,
            qualities: some_if(!a.feels.is_empty())
                .map(|()| parse::qualities(&a.feels))
                .transpose()?,
            woke: if a.woke {
                Some(true)
            } else if a.no_woke {
                Some(false)
            } else {
                None
            },
            activity: score_arg(
                "How much pain got in the way of usual activities",
                a.activity.as_ref(),
            )?,
            enjoyment: score_arg(
                "How much pain got in the way of enjoying life",
                a.enjoyment.as_ref(),
            )?,
            sleep: a.sleep.as_deref().map(parse::sleep).transpose()?,
            medicines: some_if(!a.medicines.is_empty()).map(|()| {
                a.medicines
                    .iter()
                    .map(|m| MedicineTaken::from_name_and_dose(m))
                    .collect()
            }),
            treatments: some_if(!a.treatments.is_empty()).map(|()| a.treatments.clone()),
            symptoms: some_if(!a.symptoms.is_empty()).map(|()| {
                a.symptoms
                    .iter()
                    .flat_map(|s| s.split(','))
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            }),
            tags: some_if(!a.tags.is_empty()).map(|()| a.tags.clone()),
            note: a.note.clone(),
        })
    }

    fn apply(self, d: &mut EntryDraft) {
        d.pain = Some(self.pain);
        // A new average above the old worst would be refused; when the
        // person gave no worst, an old one below the new average goes.
        d.worst = self.worst.or(d.worst.filter(|w| *w >= self.pain));
        if let Some(v) = self.regions {
            d.regions = v;
        }
        if let Some(v) = self.qualities {
            d.qualities = v;
        }
        if let Some(v) = self.woke {
            d.woke_at_night = v;
        }
        d.activity = self.activity.or(d.activity);
        d.enjoyment = self.enjoyment.or(d.enjoyment);
        d.sleep_hours = self.sleep.or(d.sleep_hours);
        if let Some(v) = self.medicines {
            d.medicines = v;
        }
        if let Some(v) = self.treatments {
            d.treatments = v;
        }
        if let Some(v) = self.symptoms {
            d.symptoms = v;
        }
        if let Some(v) = self.tags {
            d.tags = v;
        }
        if let Some(v) = self.note {
            d.note = v;
        }
    }
}

fn add(a: &AddArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, now) = clock();
    let request = AddRequest::new(a, today)?;
    let date = request.date;
    let store = open_store(data_dir)?;
    let k = knowledge();
    let updated = store.update(|j: &mut Journal| {
        let existing = j.entry(date).cloned();
        let mut draft = existing
            .as_ref()
            .map_or_else(|| EntryDraft::new(date), EntryDraft::from_entry);
        request.apply(&mut draft);
        let entry = draft.validate(k, today, now, existing.as_ref())?;
        if existing
            .as_ref()
            .is_some_and(|old| same_content(old, &entry))
        {
            return Ok::<_, CliError>((None, entry));
        }
        let previous = match j.upsert(entry.clone()) {
            Upsert::Added => None,
            Upsert::Replaced(old) => Some(old),
        };
        Ok((Some(previous), entry))
    })?;
    warn_backup(updated.backup_error.as_ref());
    let (what, entry) = updated.value;
    match what {
        None => out.line(format!(
            "The entry for {date} already says this; nothing changed."
        ))?,
        Some(None) => out.line(format!(
            "Saved the entry for {date}: pain {}/10.",
            entry.pain
        ))?,
        Some(Some(old)) if old.pain != entry.pain => out.line(format!(
            "Updated the entry for {date}, which already existed: pain {}/10 (was {}/10).",
            entry.pain, old.pain
        ))?,
        Some(Some(_)) => out.line(format!(
            "Updated the entry for {date}, which already existed: pain {}/10.",
            entry.pain
        ))?,
    }
    nudge_symptom_check(&updated.journal, &entry, today, out)
}

/// Equal apart from the edit time.
fn same_content(a: &Entry, b: &Entry) -> bool {
    Entry {
        edited: b.edited,
        ..a.clone()
    } == *b
}

/// A symptom noted in the journal that is a warning sign gets a pointer to
/// the symptom check: the journal never judges, but must not stay silent.
fn nudge_symptom_check(
    journal: &Journal,
    entry: &Entry,
    today: Date,
    out: &mut Out,
) -> Result<(), CliError> {
    if entry.symptoms.is_empty() {
        return Ok(());
    }
    let k = knowledge();
    let ids: Vec<&str> = entry
        .symptoms
        .iter()
        .chain(journal.profile.history.iter())
        .map(String::as_str)
        .collect();
    let Some(age) = journal.profile.age_on(today) else {
        out.line("You noted symptoms. To see how soon to get care, run a symptom check:")?;
        out.line(format!(
            "  backlog assess --age YOUR_AGE {}",
            entry.symptoms.iter().cloned().collect::<Vec<_>>().join(" ")
        ))?;
        return Ok(());
    };
    let Ok(answers) = k.answers(i64::from(age), ids.iter().copied()) else {
        return Ok(());
    };
    let assessment = k.assess(&answers);
    if assessment.level >= Level::Within24h {
        out.blank()?;
        out.wrapped(
            "",
            &format!(
                "Please note: with your age and history, the symptoms you noted suggest: {}",
                assessment.advice.summary
            ),
        )?;
        if assessment.level >= Level::EmergencyDepartment {
            out.line(format!(
                "Your emergency number: {}",
                journal.profile.emergency_number()
            ))?;
        }
        out.line("See why with:")?;
        out.line(format!("  backlog assess --age {age} {}", ids.join(" ")))?;
        out.wrapped("", triage::NOT_A_DIAGNOSIS)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- list / show

#[derive(Serialize)]
struct ListJson<'a> {
    count: usize,
    entries: &'a [Entry],
}

fn list(a: &ListArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let from = a.from.as_deref().map(date_arg).transpose()?;
    let to = a.to.as_deref().map(date_arg).transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(CliError::input(format!(
            "--from {f} is after --to {t}: give the earlier day first"
        )));
    }
    let journal = open_store(data_dir)?.load()?;
    let entries = journal.entries_between(from.unwrap_or(Date::MIN), to.unwrap_or(Date::MAX));
    if a.json {
        return out.json(&ListJson {
            count: entries.len(),
            entries,
        });
    }
    if entries.is_empty() {
        return out.line(if journal.entries().is_empty() {
            "The journal is empty. Add today's entry with: backlog journal add --pain N"
        } else {
            "No entries in that period."
        });
    }
    let tz = jiff::tz::TimeZone::system();
    out.line("DATE         PAIN  WORST  WOKE  WHERE / NOTE")?;
    let mut back_filled = false;
    for e in entries {
        let mark = if e.is_back_filled(&tz) {
            back_filled = true;
            "+"
        } else {
            " "
        };
        let place = e
            .regions
            .iter()
            .map(|r| r.id())
            .collect::<Vec<_>>()
            .join(",");
        let note = e.note.lines().next().unwrap_or("");
        let mut text = place;
        if !note.is_empty() {
            if !text.is_empty() {
                text.push_str("  ");
            }
            text.push_str(note);
        }
        let text: String = if text.chars().count() > 44 {
            text.chars().take(43).chain(['…']).collect()
        } else {
            text
        };
        out.line(format!(
            "{}{mark}  {:>4}  {:>5}  {:<4}  {text}",
            e.date,
            e.pain,
            e.worst.map(|w| w.to_string()).unwrap_or_default(),
            if e.woke_at_night { "yes" } else { "" },
        ))?;
    }
    let mean = entries.iter().map(|e| f64::from(e.pain)).sum::<f64>() / entries.len() as f64;
    out.blank()?;
    out.line(format!(
        "{} {}; average pain {mean:.1} out of 10.",
        entries.len(),
        if entries.len() == 1 {
            "entry"
        } else {
            "entries"
        }
    ))?;
    if back_filled {
        out.line("+ written two or more days after the day it describes.")?;
    }
    Ok(())
}

fn show(a: &ShowArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let date = date_arg(&a.date)?;
    let journal = open_store(data_dir)?.load()?;
    let Some(e) = journal.entry(date) else {
        return Err(no_entry(date));
    };
    if a.json {
        return out.json(e);
    }
    print_entry(e, out)
}

fn no_entry(date: Date) -> CliError {
    CliError::input(format!(
        "there is no entry for {date}: see the days that have one with `backlog journal list`"
    ))
}

fn print_entry(e: &Entry, out: &mut Out) -> Result<(), CliError> {
    let k = knowledge();
    let tz = jiff::tz::TimeZone::system();
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "-".to_owned()
        } else {
            items.join("; ")
        }
    };
    let score = |v: Option<u8>| v.map_or_else(|| "-".to_owned(), |v| format!("{v}/10"));
    out.line(format!("{} ({})", e.date, e.date.strftime("%A")))?;
    out.line(format!(
        "Average pain: {}/10   Worst: {}",
        e.pain,
        score(e.worst)
    ))?;
    out.hanging(
        "Where: ",
        "       ",
        &list(e.regions.iter().map(|r| r.label().to_owned()).collect()),
    )?;
    out.hanging(
        "Feels: ",
        "       ",
        &list(e.qualities.iter().map(|q| q.label().to_owned()).collect()),
    )?;
    out.line(format!(
        "Woke at night: {}",
        if e.woke_at_night { "yes" } else { "no" }
    ))?;
    out.line(format!(
        "Got in the way of usual activities: {}; of enjoying life: {}",
        score(e.activity),
        score(e.enjoyment)
    ))?;
    out.line(format!(
        "Sleep: {}",
        e.sleep_hours
            .map_or_else(|| "-".to_owned(), |h| format!("{h} hours"))
    ))?;
    let meds = e
        .medicines
        .iter()
        .map(|m| {
            let mut s = m.describe();
            if let Some(t) = m.times {
                s.push_str(&format!(", {t} time{}", if t == 1 { "" } else { "s" }));
            }
            if let Some(r) = m.relief {
                s.push_str(&format!(", relief {r}/10"));
            }
            s
        })
        .collect();
    out.hanging("Medicines: ", "           ", &list(meds))?;
    out.hanging("Treatments: ", "            ", &list(e.treatments.clone()))?;
    out.hanging("Activities and triggers: ", "  ", &list(e.tags.clone()))?;
    let symptoms = e
        .symptoms
        .iter()
        .map(|id| {
            k.finding(id)
                .map_or_else(|| id.clone(), |f| format!("{} ({id})", f.label))
        })
        .collect();
    out.hanging("Symptoms: ", "  ", &list(symptoms))?;
    if !e.note.is_empty() {
        out.line("Note:")?;
        for line in e.note.lines() {
            out.wrapped("  ", line)?;
        }
    }
    let when = |t: Timestamp| {
        t.to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    };
    let mut written = format!("Written {}", when(e.created));
    if e.is_back_filled(&tz) {
        written.push_str(" (after the day)");
    }
    if e.is_edited() {
        written.push_str(&format!("; last changed {}", when(e.edited)));
    }
    out.line(format!("{written}."))
}

// ---------------------------------------------------------------- delete

fn delete(a: &DeleteArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let date = date_arg(&a.date)?;
    let store = open_store(data_dir)?;
    let updated = store.update(|j: &mut Journal| j.remove(date).ok_or_else(|| no_entry(date)))?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!(
        "Deleted the entry for {date}. The backups keep a copy: see `backlog backup list`."
    ))
}

// ---------------------------------------------------------------- export / import

fn export(a: &ExportArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let journal = open_store(data_dir)?.load()?;
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
        "Exported {n} {} as {what} to {}.",
        if n == 1 { "entry" } else { "entries" },
        path.display()
    ))
}

fn import(a: &ImportArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, now) = clock();
    let (name, bytes) = if a.file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::input(format!("could not read standard input: {e}")))?;
        ("standard input".to_owned(), bytes)
    } else {
        let bytes = std::fs::read(&a.file).map_err(|e| {
            CliError::input(format!(
                "could not read the file to import ({}): {}",
                store::io_reason(&e),
                a.file.display()
            ))
        })?;
        (a.file.display().to_string(), bytes)
    };
    let imported = exchange::read_import(&name, &bytes, knowledge(), today, now)
        .map_err(|e| CliError::input(format!("{name}: {e}. Nothing was imported.")))?;
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

fn refused(e: &JournalError) -> CliError {
    CliError::input(format!(
        "the import was refused: {e}. Nothing was imported."
    ))
}

fn print_report(r: &ImportReport, dry_run: bool, out: &mut Out) -> Result<(), CliError> {
    let plural = |n: usize| if n == 1 { "entry" } else { "entries" };
    let verb = if dry_run { "Would add" } else { "Added" };
    let mut parts = vec![format!(
        "{verb} {} {}, {} {}, {} already the same",
        r.added.len(),
        plural(r.added.len()),
        if dry_run { "would change" } else { "changed" },
        r.changed.len(),
        r.unchanged
    )];
    if r.checks_added > 0 {
        parts.push(format!("{} saved symptom checks", r.checks_added));
    }
    if r.medicines_added > 0 {
        parts.push(format!("{} medicines", r.medicines_added));
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

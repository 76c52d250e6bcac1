//! `backlog journal list`, `show` and `delete`.

use std::path::PathBuf;

use std::collections::BTreeSet;

use clap::Args;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::{date_arg, store_at, warn_backup};
use crate::cli::{CliError, Out};
use crate::journal::{Entry, Journal, Quality, Region};
use crate::triage::knowledge;

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

#[derive(Serialize)]
struct ListJson<'a> {
    count: usize,
    entries: Vec<EntryJson<'a>>,
}

/// An entry for scripts: every key always present (the file leaves empty
/// fields out; JSON readers should not have to), plus `back_filled`.
#[derive(Serialize)]
struct EntryJson<'a> {
    date: Date,
    pain: u8,
    worst: Option<u8>,
    regions: &'a BTreeSet<Region>,
    qualities: &'a BTreeSet<Quality>,
    woke_at_night: bool,
    activity: Option<u8>,
    enjoyment: Option<u8>,
    sleep_hours: Option<f32>,
    medicines: Vec<MedicineJson<'a>>,
    treatments: &'a [String],
    tags: &'a [String],
    symptoms: &'a BTreeSet<String>,
    note: &'a str,
    created: Timestamp,
    edited: Timestamp,
    back_filled: bool,
}

#[derive(Serialize)]
struct MedicineJson<'a> {
    name: &'a str,
    dose: &'a str,
    times: Option<u8>,
    relief: Option<u8>,
}

impl<'a> EntryJson<'a> {
    fn new(e: &'a Entry, tz: &TimeZone) -> Self {
        Self {
            date: e.date,
            pain: e.pain,
            worst: e.worst,
            regions: &e.regions,
            qualities: &e.qualities,
            woke_at_night: e.woke_at_night,
            activity: e.activity,
            enjoyment: e.enjoyment,
            sleep_hours: e.sleep_hours,
            medicines: e
                .medicines
                .iter()
                .map(|m| MedicineJson {
                    name: &m.name,
                    dose: &m.dose,
                    times: m.times,
                    relief: m.relief,
                })
                .collect(),
            treatments: &e.treatments,
            tags: &e.tags,
            symptoms: &e.symptoms,
            note: &e.note,
            created: e.created,
            edited: e.edited,
            back_filled: e.is_back_filled(tz),
        }
    }
}

pub(super) fn list(a: &ListArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let from = a.from.as_deref().map(date_arg).transpose()?;
    let to = a.to.as_deref().map(date_arg).transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(CliError::input(format!(
            "--from {f} is after --to {t}: give the earlier day first"
        )));
    }
    let journal = store_at(data_dir)?.load()?;
    let entries = journal.entries_between(from.unwrap_or(Date::MIN), to.unwrap_or(Date::MAX));
    if a.json {
        let tz = TimeZone::system();
        return out.json(&ListJson {
            count: entries.len(),
            entries: entries.iter().map(|e| EntryJson::new(e, &tz)).collect(),
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
        "{}; average pain {mean:.1} out of 10.",
        crate::journal::plural(entries.len(), "entry", "entries")
    ))?;
    if back_filled {
        out.line("+ written two or more days after the day it describes.")?;
    }
    Ok(())
}

pub(super) fn show(a: &ShowArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let date = date_arg(&a.date)?;
    let journal = store_at(data_dir)?.load()?;
    let Some(e) = journal.entry(date) else {
        return Err(no_entry(date));
    };
    if a.json {
        return out.json(&EntryJson::new(e, &TimeZone::system()));
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
    let meds = e.medicines.iter().map(medicine_text).collect();
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
    let written = written_text(e, &tz);
    out.line(format!("{written}."))
}

/// One medicine as `entry show` prints it: "Ibuprofen 400 mg, 2 times, relief 6/10".
fn medicine_text(m: &crate::journal::MedicineTaken) -> String {
    let mut s = m.describe();
    if let Some(t) = m.times {
        s.push_str(&format!(", {}", crate::journal::plural(t, "time", "times")));
    }
    if let Some(r) = m.relief {
        s.push_str(&format!(", relief {r}/10"));
    }
    s
}

/// When the entry was written, and whether after the day or changed since.
fn written_text(e: &Entry, tz: &TimeZone) -> String {
    let when = |t: Timestamp| {
        t.to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    };
    let mut written = format!("Written {}", when(e.created));
    if e.is_back_filled(tz) {
        written.push_str(" (after the day)");
    }
    if e.is_edited() {
        written.push_str(&format!("; last changed {}", when(e.edited)));
    }
    written
}

pub(super) fn delete(
    a: &DeleteArgs,
    data_dir: Option<PathBuf>,
    out: &mut Out,
) -> Result<(), CliError> {
    let date = date_arg(&a.date)?;
    // No entry is refused before anything is created (see `Store::update`).
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| j.remove(date).ok_or_else(|| no_entry(date)))?;
    warn_backup(updated.backup_error.as_ref());
    out.line(format!(
        "Deleted the entry for {date}. The backups keep a copy: see `backlog backup list`."
    ))
}

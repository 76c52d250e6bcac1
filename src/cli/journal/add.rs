//! `backlog journal add`: one day, new or updated.

use std::collections::BTreeSet;
use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use super::{clock, date_arg, score_arg, store_at, warn_backup};
use crate::cli::{CliError, Out};
use crate::journal::{Entry, EntryDraft, Journal, MedicineTaken, Quality, Region, Upsert, parse};
use crate::store::exchange::last_possible_day;
use crate::triage::{self, Level, knowledge};

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
    /// A medicine taken, as "NAME | DOSE | TIMES | RELIEF" (relief 0-10; later parts may be left out) or "NAME DOSE" (repeat for more).
    #[arg(
        long = "med",
        value_name = "\"NAME | DOSE | TIMES | RELIEF\"",
        allow_hyphen_values = true
    )]
    medicines: Vec<String>,
    /// Another treatment: heat, stretching, physio… (repeat for more).
    #[arg(long = "treatment", value_name = "TEXT", allow_hyphen_values = true)]
    treatments: Vec<String>,
    /// A symptom id from `backlog findings` (repeat, or comma separated).
    #[arg(long = "symptom", value_name = "ID")]
    symptoms: Vec<String>,
    /// An activity or trigger (repeat for more).
    #[arg(long = "tag", value_name = "TEXT", allow_hyphen_values = true)]
    tags: Vec<String>,
    /// A note, up to 20,000 characters (it may start with "-").
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    note: Option<String>,
}

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
            medicines: some_if(!a.medicines.is_empty())
                .map(|()| a.medicines.iter().map(|m| parse::medicine(m)).collect())
                .transpose()?,
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

    fn apply(&self, d: &mut EntryDraft) {
        d.pain = Some(self.pain);
        // A new average above the old worst would be refused; when the
        // person gave no worst, an old one below the new average goes.
        d.worst = self.worst.or(d.worst.filter(|w| *w >= self.pain));
        if let Some(v) = &self.regions {
            d.regions.clone_from(v);
        }
        if let Some(v) = &self.qualities {
            d.qualities.clone_from(v);
        }
        if let Some(v) = self.woke {
            d.woke_at_night = v;
        }
        d.activity = self.activity.or(d.activity);
        d.enjoyment = self.enjoyment.or(d.enjoyment);
        d.sleep_hours = self.sleep.or(d.sleep_hours);
        if let Some(v) = &self.medicines {
            d.medicines.clone_from(v);
        }
        if let Some(v) = &self.treatments {
            d.treatments.clone_from(v);
        }
        if let Some(v) = &self.symptoms {
            d.symptoms.clone_from(v);
        }
        if let Some(v) = &self.tags {
            d.tags.clone_from(v);
        }
        if let Some(v) = &self.note {
            d.note.clone_from(v);
        }
    }
}

pub(super) fn add(a: &AddArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let (today, now) = clock();
    let request = AddRequest::new(a, today)?;
    let date = request.date;
    let store = store_at(data_dir)?;
    let k = knowledge();
    let updated = store.update(|j: &mut Journal| {
        let existing = j.entry(date).cloned();
        let mut draft = existing
            .as_ref()
            .map_or_else(|| EntryDraft::new(date), EntryDraft::from_entry);
        request.apply(&mut draft);
        // A day already begun somewhere on Earth may already have an
        // entry (written in a time zone ahead); it can be edited here.
        let latest = if existing.is_some() {
            last_possible_day(today, now)
        } else {
            today
        };
        let entry = draft.validate(k, latest, now, existing.as_ref())?;
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
                journal
                    .profile
                    .emergency_number_or(crate::cli::suggested_number())
            ))?;
        }
        out.line("See why with:")?;
        out.line(format!("  backlog assess --age {age} {}", ids.join(" ")))?;
        out.wrapped("", triage::NOT_A_DIAGNOSIS)?;
    }
    Ok(())
}

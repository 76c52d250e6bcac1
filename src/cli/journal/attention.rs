//! `backlog journal attention [--json]`: what the journal shows on its own
//! (nights woken, pain that is not getting better, pain for months, warning
//! symptoms noted) and the level it points to. The same review the app's
//! notice and the summary use (`journal::attention`). Reads only.

use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::{clock, store_at};
use crate::cli::{CliError, Out};
use crate::journal::attention::{
    self, Evidence, LatestCheck, NIGHT_LOGGED_DAYS, NIGHTS_NEEDED, NOT_BETTER_DAYS, RECENT_DAYS,
    Review,
};
use crate::journal::{Journal, Profile};
use crate::triage::{self, Level, knowledge};

#[derive(Debug, Args)]
pub struct AttentionArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// The `--json` shape. Only findings the record supports are listed.
#[derive(Serialize)]
struct AttentionJson<'a> {
    as_of: Date,
    findings: Vec<FindingJson<'a>>,
    /// `null` when the record supports no finding.
    level: Option<Level>,
    headline: Option<&'a str>,
    rules: &'a [String],
    age: Option<u8>,
    age_assumed: bool,
    latest_check: Option<LatestCheck>,
    notify: bool,
    emergency: bool,
    rules_version: &'a str,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    id: &'a str,
    label: &'a str,
    sentence: String,
    evidence: &'a [Evidence],
}

pub(super) fn attention(
    a: &AttentionArgs,
    data_dir: Option<PathBuf>,
    out: &mut Out,
) -> Result<(), CliError> {
    let journal = store_at(data_dir)?.load()?;
    let (today, _) = clock();
    let review = attention::review(&journal, today);
    if a.json {
        return out.json(&json(&review));
    }
    print_text(&journal, &review, out)
}

fn json(review: &Review) -> AttentionJson<'_> {
    let k = knowledge();
    AttentionJson {
        as_of: review.today,
        findings: review
            .findings
            .iter()
            .map(|f| FindingJson {
                id: &f.id,
                label: k.finding(&f.id).map_or("", |x| x.label.as_str()),
                sentence: review.sentence(f),
                evidence: &f.evidence,
            })
            .collect(),
        level: review.level,
        headline: review.level.map(|l| k.advice(l).headline.as_str()),
        rules: &review.rules,
        age: review.age,
        age_assumed: review.age.is_none() && review.level.is_some(),
        latest_check: review.latest_check,
        notify: review.should_notify(),
        emergency: review.is_emergency(),
        rules_version: &review.rules_version,
    }
}

fn print_text(journal: &Journal, review: &Review, out: &mut Out) -> Result<(), CliError> {
    if journal.entries().is_empty() {
        return out.line(
            "The journal is empty, so there is nothing to look at yet. Add today's entry with: backlog journal add --pain N",
        );
    }
    let Some(level) = review.level else {
        out.wrapped(
            "",
            &format!(
                "As of {}, your journal does not show any of these: waking at night on {NIGHTS_NEEDED} or more of your last {NIGHT_LOGGED_DAYS} logged days, pain that has not got better over {} weeks, pain in most of the last 3 months, or a warning symptom noted in the last {RECENT_DAYS} days.",
                review.today,
                NOT_BETTER_DAYS / 7
            ),
        )?;
        out.blank()?;
        return out.wrapped(
            "",
            "This is not a symptom check. If something has changed, check how you are today with `backlog assess`.",
        );
    };
    let k = knowledge();
    out.line(format!("As of {}, your journal shows:", review.today))?;
    for f in &review.findings {
        out.hanging(
            "  - ",
            "    ",
            &format!("{} [{}]", review.sentence(f), f.id),
        )?;
    }
    out.blank()?;
    let advice = k.advice(level);
    out.line(format!(
        "It points to: {} ({level})",
        advice.headline.to_uppercase()
    ))?;
    out.wrapped("", &advice.summary)?;
    if level.is_emergency() {
        out.line(format!(
            "Your emergency number: {}",
            journal
                .profile
                .emergency_number_or(crate::cli::suggested_number())
        ))?;
    }
    out.blank()?;
    out.wrapped("", &basis(&journal.profile, review))?;
    out.wrapped("", &against_latest(review))?;
    let mut ids: Vec<&str> = journal.profile.history.iter().map(String::as_str).collect();
    ids.extend(review.findings.iter().map(|f| f.id.as_str()));
    let age = review
        .age
        .map_or_else(|| "YOUR_AGE".to_owned(), |a| a.to_string());
    out.line("To confirm, tick these boxes yourself:")?;
    // One line, unwrapped, so it can be copied.
    out.line(format!("  backlog assess --age {age} {}", ids.join(" ")))?;
    out.blank()?;
    out.wrapped("", triage::NOT_A_DIAGNOSIS)
}

/// What the level was worked out from.
fn basis(profile: &Profile, review: &Review) -> String {
    let age = match review.age {
        Some(a) => format!("age {a}"),
        None => "the most careful age group, as your age is not in your profile".to_owned(),
    };
    let history = if profile.history.is_empty() {
        String::new()
    } else {
        let ids: Vec<&str> = profile.history.iter().map(String::as_str).collect();
        format!(", your health history ({})", ids.join(", "))
    };
    format!(
        "Worked out from these findings{history} and {age}. Rules: {}.",
        review.rules.join(", ")
    )
}

/// How the level compares with the latest saved check.
fn against_latest(review: &Review) -> String {
    let k = knowledge();
    match review.latest_check {
        None => "No symptom check is saved yet.".to_owned(),
        Some(check) => {
            let day = check.time.to_zoned(TimeZone::system()).date();
            let compared = if review.should_notify() {
                "The journal now points higher."
            } else {
                "The journal does not point higher."
            };
            format!(
                "Your latest saved check, on {day}, said: {} ({}). {compared}",
                k.advice(check.level).headline,
                check.level
            )
        }
    }
}

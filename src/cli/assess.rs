//! `backlog assess`: one symptom check from the command line.

use clap::Args;
use serde::Serialize;
use std::path::{Path, PathBuf};

use super::{CliError, Out};
use crate::triage::{self, Answers, Assessment, Knowledge, RawAnswers};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlog assess --age 62 chest_pain sweating_clammy\n  backlog assess --age 30 --json posture_related\n  backlog assess --age 58 --save pain_at_night   # kept for the doctor's summary\n  backlog assess --answers answers.ron   # (age: 58, findings: [\"pain_at_night\"])"
)]
pub struct AssessArgs {
    /// Age in whole years, 0 to 120.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    age: Option<String>,

    /// Read age and findings from a RON file, or "-" for standard input.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["age", "findings"])]
    answers: Option<PathBuf>,

    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,

    /// Save the check in the journal, for the doctor's summary.
    #[arg(long)]
    save: bool,

    /// Finding ids that apply (see `backlog findings`); commas also separate.
    #[arg(value_name = "FINDING_ID")]
    findings: Vec<String>,
}

/// Parses an age argument: whole years, 0–120.
pub fn parse_age(text: &str) -> Result<i64, CliError> {
    let trimmed = text.trim();
    let age: i64 = trimmed.parse().map_err(|_| {
        CliError::input(format!(
            "age \"{trimmed}\" is not a whole number: give age in whole years, for example --age 45"
        ))
    })?;
    if !(0..=i64::from(triage::MAX_AGE)).contains(&age) {
        return Err(CliError::input(format!(
            "age {age} is not possible: give age in whole years, from 0 to {}",
            triage::MAX_AGE
        )));
    }
    Ok(age)
}

/// Reads an answers file (or stdin for "-"), reporting line and column.
pub fn read_answers(path: &Path) -> Result<RawAnswers, CliError> {
    let too_big = |name: &str| {
        CliError::input(format!(
            "{name} is larger than {} MB, too big for an answers file: give a file like (age: 58, findings: [\"pain_at_night\"])",
            ANSWERS_LIMIT / (1024 * 1024)
        ))
    };
    let (name, bytes) = if path == Path::new("-") {
        let name = "standard input".to_owned();
        let bytes = crate::cli::output::read_capped(std::io::stdin().lock(), ANSWERS_LIMIT)
            .map_err(|e| {
                CliError::input(format!("could not read answers from standard input: {e}"))
            })?
            .ok_or_else(|| too_big(&name))?;
        (name, bytes)
    } else {
        let cannot = |e: std::io::Error| {
            CliError::input(format!(
                "could not read the answers file ({}): {}",
                crate::cli::output::io_reason(&e),
                path.display()
            ))
        };
        let file = std::fs::File::open(path).map_err(cannot)?;
        let name = path.display().to_string();
        let bytes = crate::cli::output::read_capped(file, ANSWERS_LIMIT)
            .map_err(cannot)?
            .ok_or_else(|| too_big(&name))?;
        (name, bytes)
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::input(format!(
            "could not read the answers file (it is not UTF-8 text): {name}"
        ))
    })?;
    ron::Options::default()
        .from_str::<RawAnswers>(&text)
        .map_err(|e| {
            CliError::input(format!(
                "{name}:{}:{}: {}; expected for example (age: 58, findings: [\"pain_at_night\"])",
                e.span.start.line,
                e.span.start.col,
                crate::journal::shorten(&e.code.to_string(), 160)
            ))
        })
}

/// An answers file is a few lines; anything near this size is a mistake.
const ANSWERS_LIMIT: u64 = 1024 * 1024;

fn request(args: &AssessArgs, k: &Knowledge) -> Result<Answers, CliError> {
    let raw = match (&args.answers, &args.age) {
        (Some(path), _) => read_answers(path)?,
        (None, Some(age)) => RawAnswers {
            age: parse_age(age)?,
            findings: args
                .findings
                .iter()
                .flat_map(|f| f.split(','))
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        (None, None) => {
            return Err(CliError::input(
                "assess needs an age: add --age N (whole years), or give --answers FILE",
            ));
        }
    };
    k.answers_from(&raw)
        .map_err(|e| CliError::input(e.to_string()))
}

pub fn run(args: &AssessArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let k = triage::knowledge();
    let answers = request(args, k)?;
    let assessment = k.assess(&answers);
    // Saved before the result is printed, so a check that could not be
    // saved never reads as if it had been.
    if args.save {
        let (_, now) = super::journal::clock();
        let check = crate::journal::SavedCheck::new(now, k, &answers, &assessment);
        let store = super::journal::store_at(data_dir)?;
        let updated = store.update(|j: &mut crate::journal::Journal| {
            j.checks.push(check.clone());
            Ok::<_, CliError>(())
        })?;
        super::journal::warn_backup(updated.backup_error.as_ref());
    }
    if args.json {
        out.json(&Report::new(k, &answers, &assessment))?;
    } else {
        print_text(k, &answers, &assessment, out)?;
    }
    if args.save && !args.json {
        out.line("Saved this check in your journal. It will be on your doctor's summary.")?;
    }
    Ok(())
}

/// The `--json` shape: documented in design.md, relied on by scripts.
#[derive(Serialize)]
pub struct Report<'k> {
    pub level: triage::Level,
    pub headline: &'k str,
    /// The first action line of a rule that sets the level, shown under the
    /// headline ("Do not move. Call an ambulance."); absent when none has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<&'k str>,
    pub summary: &'k str,
    pub advice: &'k str,
    pub advice_sources: &'k [String],
    pub rules: Vec<RuleReport<'k>>,
    pub watch_for: Vec<WatchReport<'k>>,
    pub sources: Vec<&'k triage::Source>,
    pub age: u8,
    pub findings: Vec<&'k str>,
    pub rules_version: &'k str,
    pub notice: &'static str,
}

#[derive(Serialize)]
pub struct RuleReport<'k> {
    pub id: &'k str,
    pub level: triage::Level,
    /// True for the rules at the result's own level: they set it. The others
    /// are "also worth mentioning to the doctor".
    pub sets_level: bool,
    pub reason: &'k str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<&'k str>,
    pub sources: &'k [String],
    pub condition: String,
}

#[derive(Serialize)]
pub struct WatchReport<'k> {
    pub level: triage::Level,
    pub heading: &'k str,
    pub findings: Vec<FindingReport<'k>>,
}

#[derive(Serialize)]
pub struct FindingReport<'k> {
    pub id: &'k str,
    pub label: &'k str,
}

impl<'k> Report<'k> {
    pub fn new(k: &'k Knowledge, answers: &Answers, a: &Assessment<'k>) -> Self {
        let mut keys: Vec<&str> = a.source_keys();
        for key in &a.advice.sources {
            if !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
        Self {
            level: a.level,
            headline: &a.advice.headline,
            action: a.first_action(),
            summary: &a.advice.summary,
            advice: &a.advice.advice,
            advice_sources: &a.advice.sources,
            rules: a
                .rules
                .iter()
                .map(|r| RuleReport {
                    id: &r.id,
                    level: r.level,
                    sets_level: a.sets_level(r),
                    reason: &r.reason,
                    action: r.action.as_deref(),
                    sources: &r.sources,
                    condition: r.when.to_string(),
                })
                .collect(),
            watch_for: a
                .watch_for
                .iter()
                .map(|w| WatchReport {
                    level: w.level,
                    heading: &k.advice(w.level).if_it_appears,
                    findings: w
                        .findings
                        .iter()
                        .map(|f| FindingReport {
                            id: &f.id,
                            label: &f.label,
                        })
                        .collect(),
                })
                .collect(),
            sources: keys.iter().filter_map(|key| k.source(key)).collect(),
            age: answers.age(),
            findings: answers.findings(k).iter().map(|f| f.id.as_str()).collect(),
            rules_version: a.rules_version,
            notice: triage::NOT_A_DIAGNOSIS,
        }
    }
}

fn print_text(
    k: &Knowledge,
    answers: &Answers,
    a: &Assessment<'_>,
    out: &mut Out,
) -> Result<(), CliError> {
    // The result, stated once: headline, first action, what it means, and
    // that it is not a diagnosis, before anything else.
    out.line(a.advice.headline.to_uppercase())?;
    if let Some(action) = a.first_action() {
        out.wrapped("", action)?;
    }
    out.wrapped("", &a.advice.summary)?;
    out.wrapped("", triage::NOT_A_DIAGNOSIS)?;
    out.blank()?;
    out.line("Why:")?;
    print_reasons(a.level_reasons(), out)?;
    let mut lower = a.also_worth_mentioning().peekable();
    if lower.peek().is_some() {
        out.blank()?;
        out.line(format!("{}:", triage::ALSO_WORTH_MENTIONING))?;
        print_reasons(lower, out)?;
    }
    out.blank()?;
    out.line("What to do:")?;
    out.wrapped("  ", &a.advice.advice)?;
    for watch in &a.watch_for {
        out.blank()?;
        out.line(format!("{}:", k.advice(watch.level).if_it_appears))?;
        for f in &watch.findings {
            out.hanging("  - ", "    ", &f.label)?;
        }
    }
    out.blank()?;
    let ticked: Vec<&str> = answers.findings(k).iter().map(|f| f.id.as_str()).collect();
    out.wrapped(
        "",
        &format!(
            "Age {}; ticked: {}. Sources: `backlog rules`. Rules version {}.",
            answers.age(),
            if ticked.is_empty() {
                "nothing".to_owned()
            } else {
                ticked.join(", ")
            },
            a.rules_version
        ),
    )?;
    out.wrapped("", triage::IF_WORRIED)
}

fn print_reasons<'k>(
    rules: impl Iterator<Item = &'k triage::Rule>,
    out: &mut Out,
) -> Result<(), CliError> {
    for rule in rules {
        out.hanging(
            &format!("  {:<4}", rule.id),
            "      ",
            &format!("{} [{}]", rule.reason, rule.sources.join(", ")),
        )?;
    }
    Ok(())
}

//! From the journal to the page model: choosing and wording what a doctor
//! reads in a minute. Pure: the clock comes in as `now`.

use jiff::civil::Date;
use jiff::{ToSpan, Zoned};

mod care;
mod changes;
mod warnings;

use super::model::{
    Block, BodyMap, Column, Fact, Footer, Header, PainChart, Paper, Section, SectionKind,
    SourceRef, Summary, Table, Tone,
};
use super::wording::{MAIN_WARNING_SIGNS, short_label, source_line};
use crate::journal::stats::{self, Period, Verdict};
use crate::journal::{Entry, Journal, MedicineKind, SavedCheck, plural, shorten};
use crate::triage::{Knowledge, Level};

/// Days in the period when none is given.
pub const DEFAULT_DAYS: u32 = 30;
/// Days at each end of the period compared for "what changed".
pub const COMPARE_DAYS: u32 = 7;
/// Caps that keep the page to one sheet, whatever the journal holds.
const MAX_REASONS: usize = 4;
const MAX_NOTED: usize = 5;
const MAX_DATES: usize = 4;
const MAX_MEDICINES: usize = 6;
const MAX_COUNTS: usize = 3;

/// What to print. Dates and paper are optional: the period defaults to the
/// last 30 days ending today, the paper to the profile's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryRequest {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub paper: Option<Paper>,
    /// Add a table of every day, on the pages after the summary.
    pub with_entries: bool,
}

/// A request that cannot be printed. The texts say how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error(
        "the start date {from} is after the end date {to}: choose a start on or before the end"
    )]
    Backwards { from: Date, to: Date },
    #[error("the end date {to} is in the future: choose today ({today}) or earlier")]
    Future { to: Date, today: Date },
}

impl SummaryRequest {
    /// The period to print, checked against `today`.
    pub fn period(&self, today: Date) -> Result<Period, RequestError> {
        let to = self.to.unwrap_or(today);
        if to > today {
            return Err(RequestError::Future { to, today });
        }
        let from = self
            .from
            .unwrap_or_else(|| Period::ending(to, DEFAULT_DAYS).from);
        Period::new(from, to).ok_or(RequestError::Backwards { from, to })
    }
}

/// Builds the page. `now` gives today's date and the time zone used to tell
/// which day a saved check or an entry was written on.
pub fn build(
    journal: &Journal,
    knowledge: &Knowledge,
    request: &SummaryRequest,
    now: &Zoned,
) -> Result<Summary, RequestError> {
    let today = now.date();
    let period = request.period(today)?;
    let entries = journal.entries_between(period.from, period.to);
    let st = stats::period_stats(journal.entries(), period);
    let paper = request.paper.unwrap_or(journal.profile.paper);
    let ctx = Ctx {
        journal,
        knowledge,
        period,
        entries,
        stats: &st,
        now,
    };
    let latest = latest_check(journal, now);
    let mut sources = Vec::new();

    let sections = vec![
        ctx.what_changed(),
        ctx.warning_signs(latest, &mut sources),
        ctx.pain_picture(),
        ctx.treatments(),
        ctx.history(),
        ctx.questions(),
    ];
    let title = match &journal.profile.name {
        Some(name) if !name.trim().is_empty() => {
            format!(
                "Upper back pain summary for {}, {}",
                name.trim(),
                period_text(period)
            )
        }
        _ => format!("Upper back pain summary, {}", period_text(period)),
    };
    Ok(Summary {
        paper,
        title,
        header: ctx.header(),
        sections,
        footer: ctx.footer(sources),
        entries: request.with_entries.then(|| ctx.entry_table()),
    })
}

fn period_text(p: Period) -> String {
    format!("{} to {}", p.from, p.to)
}

/// The most recent saved check made up to `now`.
fn latest_check<'j>(journal: &'j Journal, now: &Zoned) -> Option<&'j SavedCheck> {
    let now = now.timestamp();
    journal
        .checks
        .iter()
        .filter(|c| c.time <= now)
        .max_by_key(|c| c.time)
}

struct Ctx<'a> {
    journal: &'a Journal,
    knowledge: &'a Knowledge,
    period: Period,
    entries: &'a [Entry],
    stats: &'a stats::PeriodStats,
    now: &'a Zoned,
}

fn days(n: u32) -> String {
    plural(n, "day", "days")
}

fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

fn counted<T>(items: &[stats::Count<T>], name: impl Fn(&T) -> String) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let parts: Vec<String> = items
        .iter()
        .take(MAX_COUNTS)
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                format!("{} ({})", name(&c.item), days(c.days))
            } else {
                format!("{} ({})", name(&c.item), c.days)
            }
        })
        .collect();
    Some(parts.join("; "))
}

/// "2026-11-02, 2026-11-09", or "12 days, 2026-10-28 to 2026-11-20".
fn dates_list(dates: &[Date]) -> String {
    match dates {
        [first, .., last] if dates.len() > MAX_DATES => {
            format!("{} days, {first} to {last}", dates.len())
        }
        _ => dates
            .iter()
            .map(Date::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn add_keys(sources: &mut Vec<String>, keys: &[String]) {
    for k in keys {
        if !sources.contains(k) {
            sources.push(k.clone());
        }
    }
}

impl Ctx<'_> {
    fn header(&self) -> Header {
        let profile = &self.journal.profile;
        let mut facts = Vec::new();
        if let Some(name) = profile
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            facts.push(Fact::new("Name", name));
        }
        if let Some(age) = profile.age_on(self.period.to.max(self.now.date())) {
            facts.push(Fact::new("Age", age.to_string()));
        }
        facts.push(Fact::new(
            "Period",
            format!(
                "{} ({})",
                period_text(self.period),
                days(self.period.days())
            ),
        ));
        facts.push(Fact::new("Printed", self.now.date().to_string()));
        Header {
            title: "Upper back pain: appointment summary".into(),
            facts,
            disclaimer: "Kept by the patient — not a diagnosis.".into(),
            made_by: format!(
                "Backlog {} · rules {}",
                env!("CARGO_PKG_VERSION"),
                self.knowledge.rules_version()
            ),
        }
    }

    fn footer(&self, keys: Vec<String>) -> Footer {
        let tz = self.now.time_zone();
        let late = self.entries.iter().filter(|e| e.is_back_filled(tz)).count();
        let logged = format!(
            "Days logged: {} of {} in the period.",
            self.stats.days_logged, self.stats.days_in_period
        );
        let late = match late {
            _ if self.entries.is_empty() => String::new(),
            0 => "No entries were written more than a day after the day they describe.".into(),
            1 => "1 entry was written more than a day after the day it describes.".into(),
            n => format!("{n} entries were written more than a day after the day they describe."),
        };
        let sources = keys
            .iter()
            .filter_map(|key| self.knowledge.source(key))
            .map(|s| SourceRef {
                key: s.key.clone(),
                text: source_line(s),
            })
            .collect();
        Footer {
            lines: [logged, late]
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect(),
            sources_title: "Sources behind the warning signs:".into(),
            sources,
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The first sentence of a reason: the finding, without the advice after it.
fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

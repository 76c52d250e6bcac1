//! From the journal to the page model: choosing and wording what a doctor
//! reads in a minute. Pure: the clock comes in as `now`.
//!
//! One file per part of the page: `changes` (what changed, week by week,
//! the pain picture), `warnings` (the red flags from the whole period),
//! `medicines` (every medicine taken), `care` (history, questions and the
//! table of every day). The header and footer are here.

use jiff::civil::Date;
use jiff::{ToSpan, Zoned};

mod care;
mod changes;
mod medicines;
mod warnings;

use super::model::{
    Block, BodyMap, Column, Fact, Footer, Header, PainChart, Paper, Section, SectionKind,
    SourceRef, Summary, Table, Tone,
};
use super::wording::{short_label, source_line};
use crate::journal::stats::{self, Period, Verdict};
use crate::journal::{Entry, Journal, SavedCheck, plural};
use crate::triage::{Knowledge, Level};

/// Days in the period when none is given.
pub const DEFAULT_DAYS: u32 = 30;
/// Days at each end of the period compared for "what changed".
pub const COMPARE_DAYS: u32 = 7;
/// Caps that keep the page to one sheet, whatever the journal holds. Never
/// applied to the warning signs or the medicines (the renderer lists what
/// does not fit compactly instead).
const MAX_COUNTS: usize = 4;
/// Most rows of the week-by-week table: longer periods use longer blocks.
const MAX_WEEK_ROWS: u32 = 6;

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
    let mut sources = Vec::new();
    let change = ctx.change();
    let sections = vec![
        ctx.what_changed(&change),
        ctx.warning_signs(&change, &mut sources),
        ctx.pain_picture(),
        ctx.treatments(),
        ctx.history(),
        ctx.questions(),
    ];
    let title = match ctx.name() {
        Some(name) => format!(
            "Upper back pain summary for {name}, {}",
            period_text(period)
        ),
        None => format!("Upper back pain summary, {}", period_text(period)),
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

/// "heat pad (12 days); stretching (5)": the most frequent first, at most
/// `max`, and how many more.
fn counted<T>(
    items: &[stats::Count<T>],
    max: usize,
    name: impl Fn(&T) -> String,
) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = items
        .iter()
        .take(max)
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                format!("{} ({})", name(&c.item), days(c.days))
            } else {
                format!("{} ({})", name(&c.item), c.days)
            }
        })
        .collect();
    if items.len() > max {
        parts.push(format!("{} more", items.len() - max));
    }
    Some(parts.join("; "))
}

fn add_keys(sources: &mut Vec<String>, keys: &[String]) {
    for k in keys {
        if !sources.contains(k) {
            sources.push(k.clone());
        }
    }
}

/// The first and last `span` days of a period (a short period is split in
/// halves; `None` when it is too short to compare at all).
fn ends(p: Period) -> Option<(Period, Period)> {
    let n = p.days();
    let span = if n >= 2 * COMPARE_DAYS {
        COMPARE_DAYS
    } else {
        n / 2
    };
    if span == 0 {
        return None;
    }
    let first = Period::ending(
        p.from
            .checked_add(i64::from(span - 1).days())
            .unwrap_or(p.from),
        span,
    );
    Some((first, Period::ending(p.to, span)))
}

/// The first four-digit year from 1900 to 2099 in `text` ("Breast, 2019,
/// finished treatment" → 2019).
fn first_year(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let word = text.get(i..i + 4)?;
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        let after = bytes.get(i + 4);
        let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        let plausible = word.starts_with("19") || word.starts_with("20");
        (word.bytes().all(|b| b.is_ascii_digit()) && plausible && !digit(before) && !digit(after))
            .then_some(word)
    })
}

impl Ctx<'_> {
    fn name(&self) -> Option<&str> {
        self.journal
            .profile
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    fn header(&self) -> Header {
        let profile = &self.journal.profile;
        let k = self.knowledge;
        let mut facts = Vec::new();
        if let Some(name) = self.name() {
            facts.push(Fact::new("Name", name));
        }
        if let Some(age) = profile.age_on(self.period.to.max(self.now.date())) {
            facts.push(Fact::new("Age", age.to_string()));
        }
        if let Some(sex) = profile.sex {
            facts.push(Fact::new("Sex", sex.label().to_lowercase()));
        }
        if let Some(started) = profile.pain_started {
            let weeks = stats::days_between(started, self.now.date()).max(0) / 7;
            let ago = match weeks {
                0 => "under a week ago".to_owned(),
                1 => "1 week ago".to_owned(),
                w if w < 104 => format!("{w} weeks ago"),
                w => format!("{} years ago", w / 52),
            };
            facts.push(Fact::new("Pain since", format!("{started} ({ago})")));
        }
        let cancers: Vec<String> = k
            .findings_in("cancer_history")
            .filter(|f| profile.history.contains(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        if !cancers.is_empty() {
            let year = first_year(&profile.cancer_details)
                .map(|y| format!(" ({y})"))
                .unwrap_or_default();
            facts.push(Fact::new("Cancer", format!("{}{year}", cancers.join(", "))));
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
            name: self.name().map(str::to_owned),
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
                full: format!(
                    "{}. {}, {}. {}",
                    s.title.trim_end_matches('.'),
                    s.by,
                    s.year,
                    s.url
                ),
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

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cancer_year_is_the_first_plausible_four_digits() {
        assert_eq!(first_year("Breast, 2019, finished treatment"), Some("2019"));
        assert_eq!(first_year("diagnosed 1998; recurrence 2021"), Some("1998"));
        assert_eq!(first_year("dose 12019 mg, room 3020"), None);
        assert_eq!(first_year("no year"), None);
        assert_eq!(first_year("Brustkrebs 2014é"), Some("2014"));
    }
}

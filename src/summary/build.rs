//! From the journal to the page model: choosing and wording what a doctor
//! reads in a minute. Pure: the clock comes in as `now`.

use jiff::civil::Date;
use jiff::{ToSpan, Zoned};

use super::model::{
    Block, Column, Fact, Footer, Header, PainChart, Paper, Section, SectionKind, SourceRef,
    Summary, Table, Tone,
};
use super::wording::{MAIN_WARNING_SIGNS, short_label, shorten, source_line};
use crate::journal::stats::{self, Period, Verdict};
use crate::journal::{Entry, Journal, MedicineKind, PaperSize, SavedCheck};
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

impl From<PaperSize> for Paper {
    fn from(p: PaperSize) -> Self {
        match p {
            PaperSize::A4 => Self::A4,
            PaperSize::Letter => Self::Letter,
        }
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
    let paper = request
        .paper
        .unwrap_or_else(|| journal.profile.paper.into());
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
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
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

    fn what_changed(&self) -> Section {
        let p = self.period;
        let n = p.days();
        // First and last 7 days; a short period is split in halves.
        let span = if n >= 2 * COMPARE_DAYS {
            COMPARE_DAYS
        } else {
            n / 2
        };
        let mut blocks = Vec::new();
        if self.stats.days_logged == 0 {
            blocks.push(Block::Headline {
                tone: Tone::Neutral,
                text: "No entries in this period, so there is no change to report.".into(),
            });
        } else if span == 0 {
            blocks.push(Block::Headline {
                tone: Tone::Neutral,
                text: "Not enough days to compare: choose a period of two weeks or more.".into(),
            });
        } else {
            let first = Period::ending(
                p.from
                    .checked_add(i64::from(span - 1).days())
                    .unwrap_or(p.from),
                span,
            );
            let last = Period::ending(p.to, span);
            let all = self.journal.entries();
            let change = stats::compare(
                &stats::period_stats(all, first),
                &stats::period_stats(all, last),
            );
            let (tone, word) = match change.verdict {
                Verdict::Better => (Tone::Calm, "Better"),
                Verdict::Worse => (Tone::Caution, "Worse"),
                Verdict::NoClearChange => (Tone::Neutral, "No clear change"),
                Verdict::NotEnoughData => (Tone::Neutral, "Not enough entries to compare"),
            };
            let text = match (change.before, change.after, change.verdict) {
                (Some(b), Some(a), v) if v != Verdict::NotEnoughData => {
                    let diff = a - b;
                    let dir = if diff < 0.0 { "down" } else { "up" };
                    let pct = change
                        .share
                        .map(|s| format!(", {:.0}%", (s * 100.0).abs()))
                        .unwrap_or_default();
                    format!(
                        "{word}: average pain {} in the first {}, {} in the last {} ({dir} {:.1} points{pct}).",
                        one_decimal(b),
                        days(span),
                        one_decimal(a),
                        days(span),
                        diff.abs()
                    )
                }
                _ => format!(
                    "{word}: each end of the period needs at least {} days logged (first and last {}).",
                    stats::MIN_DAYS_TO_COMPARE,
                    days(span)
                ),
            };
            blocks.push(Block::Headline { tone, text });
            blocks.push(Block::Muted(
                "A change counts when average pain moves by 2 points or 30% or more (0–10 scale)."
                    .into(),
            ));
        }
        let note = self.journal.summary_notes.doctor_note.trim();
        if !note.is_empty() {
            blocks.push(Block::Field(Fact::new(
                "What I want the doctor to know",
                note,
            )));
        }
        Section {
            kind: SectionKind::WhatChanged,
            title: "What changed".into(),
            blocks,
        }
    }

    fn warning_signs(&self, latest: Option<&SavedCheck>, sources: &mut Vec<String>) -> Section {
        let k = self.knowledge;
        let mut blocks = Vec::new();
        match latest {
            Some(check) => {
                let day = check.time.to_zoned(self.now.time_zone().clone()).date();
                let before = if day < self.period.from {
                    " (before this period)"
                } else {
                    ""
                };
                let tone = match check.level {
                    Level::CallAmbulance | Level::EmergencyDepartment => Tone::Urgent,
                    Level::Within24h => Tone::Urgent,
                    Level::SeeDoctor => Tone::Caution,
                    Level::SelfCare => Tone::Calm,
                };
                blocks.push(Block::Headline {
                    tone,
                    text: format!(
                        "Latest symptom check, {day}{before}: {}",
                        k.advice(check.level).headline
                    ),
                });
                // What the person ticked (today's symptoms, not history).
                let ticked: Vec<String> = k
                    .findings()
                    .iter()
                    .filter(|f| check.findings.contains(&f.id) && !k.is_history(&f.id))
                    .map(|f| short_label(k, &f.id))
                    .collect();
                blocks.push(Block::Field(Fact::new(
                    "Reported",
                    if ticked.is_empty() {
                        "no symptoms".to_owned()
                    } else {
                        ticked.join(", ")
                    },
                )));
                let mut reasons = Vec::new();
                let shown = if check.rules.len() > MAX_REASONS {
                    MAX_REASONS - 1
                } else {
                    check.rules.len()
                };
                for (i, id) in check.rules.iter().enumerate() {
                    match k.rule(id) {
                        Some(rule) => {
                            // The footer lists the sources cited on the page.
                            if i < shown {
                                add_keys(sources, &rule.sources);
                            }
                            // Keys first, so a cut reason never loses them.
                            reasons.push(format!(
                                "[{}] {}",
                                rule.sources.join(", "),
                                shorten(first_sentence(&rule.reason), 160)
                            ));
                        }
                        None => {
                            reasons.push(format!("Rule {id} (from an older edition of the rules)"))
                        }
                    }
                }
                if reasons.len() > MAX_REASONS {
                    let more = reasons.len() - (MAX_REASONS - 1);
                    reasons.truncate(MAX_REASONS - 1);
                    reasons.push(format!("and {more} more reasons"));
                }
                if !reasons.is_empty() {
                    blocks.push(Block::List(reasons));
                }
            }
            None => blocks.push(Block::Muted(
                "No symptom check saved, so warning signs were not asked about.".into(),
            )),
        }

        // Warning symptoms noted in the journal, with their dates.
        let mut noted: Vec<(String, Vec<Date>)> = Vec::new();
        for entry in self.entries {
            for id in &entry.symptoms {
                let watch = k
                    .finding(id)
                    .and_then(|f| k.group(&f.group))
                    .is_some_and(|g| g.watch);
                if !watch {
                    continue;
                }
                match noted.iter_mut().find(|(n, _)| n == id) {
                    Some((_, dates)) => dates.push(entry.date),
                    None => noted.push((id.clone(), vec![entry.date])),
                }
            }
        }
        // Most serious first: in the vocabulary's order.
        noted.sort_by_key(|(id, _)| k.findings().iter().position(|f| &f.id == id));
        if noted.is_empty() {
            blocks.push(Block::Field(Fact::new(
                "In the journal",
                "No warning symptoms noted in this period.",
            )));
        } else {
            let mut items: Vec<String> = noted
                .iter()
                .take(MAX_NOTED)
                .map(|(id, dates)| {
                    let label = short_label(k, id);
                    let mut label = label
                        .chars()
                        .take(1)
                        .flat_map(char::to_uppercase)
                        .collect::<String>()
                        + &label.chars().skip(1).collect::<String>();
                    label.push_str(": ");
                    label + &dates_list(dates)
                })
                .collect();
            if noted.len() > MAX_NOTED {
                items.push(format!("and {} more symptoms", noted.len() - MAX_NOTED));
            }
            blocks.push(Block::Subheading(
                "Warning symptoms noted in the journal".into(),
            ));
            blocks.push(Block::List(items));
        }

        // Pertinent negatives: asked in the latest check and not ticked, and
        // not noted in the journal either.
        if let Some(check) = latest {
            let absent: Vec<String> = MAIN_WARNING_SIGNS
                .iter()
                .filter(|id| !check.findings.contains(**id))
                .filter(|id| !noted.iter().any(|(n, _)| n == *id))
                .map(|id| short_label(k, id))
                .collect();
            if !absent.is_empty() {
                blocks.push(Block::Field(Fact::new("Not reported", absent.join(", "))));
            }
        }
        Section {
            kind: SectionKind::WarningSigns,
            title: "Warning signs".into(),
            blocks,
        }
    }

    fn pain_picture(&self) -> Section {
        let st = self.stats;
        let mut blocks = Vec::new();
        if st.days_logged == 0 {
            blocks.push(Block::Muted(
                "No entries in this period. Daily entries in Backlog's journal fill this part."
                    .into(),
            ));
        } else {
            let series = stats::daily_series(self.journal.entries(), self.period);
            let daily: Vec<(Date, f32)> = series
                .iter()
                .filter_map(|d| d.pain.map(|p| (d.date, f32::from(p))))
                .collect();
            let rolling: Vec<(Date, f32)> = series
                .iter()
                .filter_map(|d| d.rolling.map(|r| (d.date, r as f32)))
                .collect();
            blocks.push(Block::Chart(PainChart {
                from: self.period.from,
                to: self.period.to,
                caption: format!(
                    "Chart of daily pain (0–10) from {} to {}, with the 7-day average.",
                    self.period.from, self.period.to
                ),
                daily,
                rolling,
            }));
            let mut facts = vec![Fact::new(
                "Average pain",
                st.mean_pain.map_or("–".into(), one_decimal),
            )];
            facts.push(Fact::new(
                "Worst",
                st.worst_pain.map_or("–".into(), |p| p.to_string()),
            ));
            facts.push(Fact::new(
                "Best day",
                st.best_pain.map_or("–".into(), |p| p.to_string()),
            ));
            facts.push(Fact::new(
                "Days with pain 7+",
                st.days_pain_7_plus.to_string(),
            ));
            facts.push(Fact::new("Nights woken", st.nights_woken.to_string()));
            facts.push(Fact::new(
                "Days logged",
                format!("{} of {}", st.days_logged, st.days_in_period),
            ));
            blocks.push(Block::Facts(facts));
            if let Some(text) = counted(&st.regions, |r| r.label().to_owned()) {
                blocks.push(Block::Field(Fact::new("Where it hurts", text)));
            }
            if let Some(text) = counted(&st.qualities, |q| q.label().to_lowercase()) {
                blocks.push(Block::Field(Fact::new("Pain words", text)));
            }
            if let Some(text) = counted(&st.triggers, Clone::clone) {
                blocks.push(Block::Field(Fact::new("Worse with", text)));
            }
            let mut effects = Vec::new();
            if let Some(a) = st.mean_activity {
                effects.push(format!("daily activities {}/10", one_decimal(a)));
            }
            if let Some(e) = st.mean_enjoyment {
                effects.push(format!("enjoying life {}/10", one_decimal(e)));
            }
            if let Some(s) = st.mean_sleep_hours {
                effects.push(format!("sleep {} hours a night", one_decimal(s)));
            }
            if !effects.is_empty() {
                blocks.push(Block::Field(Fact::new(
                    "Effect on life",
                    effects.join("; "),
                )));
            }
        }
        Section {
            kind: SectionKind::PainPicture,
            title: "Pain picture".into(),
            blocks,
        }
    }

    fn treatments(&self) -> Section {
        let st = self.stats;
        let p = self.period;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let relief_of = |name: &str| {
            st.medicines
                .iter()
                .find(|m| m.name.trim().eq_ignore_ascii_case(name.trim()))
        };
        let mut listed: Vec<String> = Vec::new();
        for m in self
            .journal
            .medicines
            .iter()
            .filter(|m| m.overlaps(p.from, p.to))
        {
            listed.push(m.name.trim().to_lowercase());
            let since = match (m.start, m.stop) {
                (Some(s), Some(e)) => format!("{s} to {e}"),
                (Some(s), None) => s.to_string(),
                (None, Some(e)) => format!("until {e}"),
                (None, None) => "–".into(),
            };
            let how = match m.kind {
                MedicineKind::Regular => "regular",
                MedicineKind::AsNeeded => "as needed",
            };
            let used = relief_of(&m.name);
            rows.push(vec![
                m.name.clone(),
                if m.dose.trim().is_empty() {
                    "–".into()
                } else {
                    m.dose.clone()
                },
                how.into(),
                since,
                used.map_or("–".into(), |u| days(u.days)),
                used.and_then(|u| u.mean_relief)
                    .map_or("–".into(), |r| format!("{}/10", one_decimal(r))),
            ]);
        }
        // Taken in the period but not on the medicine list.
        for used in &st.medicines {
            if listed.contains(&used.name.trim().to_lowercase()) {
                continue;
            }
            rows.push(vec![
                used.name.clone(),
                "–".into(),
                "not on list".into(),
                "–".into(),
                days(used.days),
                used.mean_relief
                    .map_or("–".into(), |r| format!("{}/10", one_decimal(r))),
            ]);
        }
        let mut blocks = Vec::new();
        if rows.is_empty() {
            blocks.push(Block::Muted(
                "No medicines recorded for this period.".into(),
            ));
        } else {
            let note = (rows.len() > MAX_MEDICINES).then(|| {
                format!(
                    "and {} more medicines (see the journal)",
                    rows.len() - MAX_MEDICINES
                )
            });
            rows.truncate(MAX_MEDICINES);
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Medicine", 3.0),
                    Column::new("Dose", 2.2),
                    Column::new("How", 1.4),
                    Column::new("Since", 2.0),
                    Column::new("Taken on", 1.2).right(),
                    Column::new("Average relief", 1.5).right(),
                ],
                rows,
                note,
            }));
        }
        let other = counted(&st.treatments, Clone::clone)
            .unwrap_or_else(|| "None noted in this period.".into());
        blocks.push(Block::Field(Fact::new("Other treatments", other)));
        Section {
            kind: SectionKind::Treatments,
            title: "Treatments".into(),
            blocks,
        }
    }

    fn history(&self) -> Section {
        let k = self.knowledge;
        let profile = &self.journal.profile;
        let has = |id: &str| profile.history.contains(id);
        let yes_no = |id: &str| if has(id) { "Yes" } else { "Not reported" };
        let cancers: Vec<String> = k
            .findings_in("cancer_history")
            .filter(|f| has(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        let details = profile.cancer_details.trim();
        let cancer = match (cancers.is_empty(), details.is_empty()) {
            (true, true) => "Not reported".to_owned(),
            (true, false) => details.to_owned(),
            (false, true) => capitalise(&cancers.join(", ")),
            (false, false) => format!("{}. {details}", capitalise(&cancers.join(", "))),
        };
        let mut blocks = vec![
            Block::Field(Fact::new("Cancer", cancer)),
            Block::Field(Fact::new("Osteoporosis", yes_no("history_osteoporosis"))),
            Block::Field(Fact::new("Steroid tablets", yes_no("steroids_long_term"))),
            Block::Field(Fact::new("Weak immunity", yes_no("immunosuppressed"))),
        ];
        let shown = [
            "history_osteoporosis",
            "steroids_long_term",
            "immunosuppressed",
        ];
        let others: Vec<String> = k
            .findings_in("history")
            .filter(|f| !shown.contains(&f.id.as_str()) && has(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        blocks.push(Block::Field(Fact::new(
            "Also",
            if others.is_empty() {
                "No other history ticked.".to_owned()
            } else {
                capitalise(&others.join(", "))
            },
        )));
        Section {
            kind: SectionKind::History,
            title: "Relevant history".into(),
            blocks,
        }
    }

    fn questions(&self) -> Section {
        let questions: Vec<String> = self
            .journal
            .summary_notes
            .questions
            .iter()
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty())
            .take(crate::journal::MAX_QUESTIONS)
            .collect();
        let blocks = if questions.is_empty() {
            vec![Block::Muted("No questions written.".into())]
        } else {
            vec![Block::List(questions)]
        };
        Section {
            kind: SectionKind::Questions,
            title: "My questions".into(),
            blocks,
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

    fn entry_table(&self) -> Table {
        let tz = self.now.time_zone();
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let mark = if e.is_back_filled(tz) { "*" } else { "" };
                vec![
                    format!("{}{mark}", e.date),
                    e.pain.to_string(),
                    e.worst.map_or(String::new(), |w| w.to_string()),
                    e.regions
                        .iter()
                        .map(|r| r.label())
                        .collect::<Vec<_>>()
                        .join(", "),
                    e.qualities
                        .iter()
                        .map(|q| q.label().to_lowercase())
                        .collect::<Vec<_>>()
                        .join(", "),
                    if e.woke_at_night {
                        "yes".into()
                    } else {
                        String::new()
                    },
                    e.medicines
                        .iter()
                        .map(|m| m.name.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                    e.symptoms
                        .iter()
                        .map(|s| short_label(self.knowledge, s))
                        .chain(std::iter::once(e.note.clone()).filter(|n| !n.trim().is_empty()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect();
        Table {
            columns: vec![
                Column::new("Date", 1.5),
                Column::new("Pain", 0.6).right(),
                Column::new("Worst", 0.9).right(),
                Column::new("Where", 2.4),
                Column::new("Feels", 1.8),
                Column::new("Woke", 0.9),
                Column::new("Medicines", 1.8),
                Column::new("Symptoms and notes", 4.0),
            ],
            rows,
            note: Some(
                "* written more than a day after the day it describes. Long text is cut (…); the full journal is in Backlog.".into(),
            ),
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

//! Warning signs, from the whole period, as one picture that never
//! contradicts the rest of the page:
//!
//! - the latest saved check: its date, whether it is inside the period,
//!   what it advised, what was ticked, and why, in a doctor's words (rule
//!   id, clinical label, guideline and time frame), the rules that set the
//!   level first;
//! - what the journal recorded in the period: every warning symptom with
//!   its number of days, nights woken counted as night pain, and what the
//!   record itself shows (`journal::attention`: pain not getting better,
//!   pain for months), in the child module `journal`;
//! - "not reported": only signs a check saved *in the period* asked about,
//!   that nothing on the page contradicts (the journal, another check in
//!   the period, a worsening verdict, the person's own words).
//!
//! Nothing here is ever shortened to fit the page: the section is marked
//! `keep_whole`, and the renderer shortens every other section first.

mod journal;

use std::collections::BTreeSet;

use self::journal::Recorded;
use super::changes::Change;
use super::*;
use crate::summary::wording::{MAIN_WARNING_SIGNS, contradicted_by_words};

/// The finding the nights woken count towards.
const NIGHT_PAIN: &str = "pain_at_night";
/// The finding a "worse" verdict shows.
const WORSENING: &str = "pain_constant_progressive";

/// Where a check falls relative to the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Before,
    Inside,
    After,
}

impl Ctx<'_> {
    fn when(&self, check: &SavedCheck) -> (Date, When) {
        let day = check.time.to_zoned(self.now.time_zone().clone()).date();
        let when = if day < self.period.from {
            When::Before
        } else if day > self.period.to {
            When::After
        } else {
            When::Inside
        };
        (day, when)
    }

    /// Checks made up to `now` (a check stamped later is a wrong clock).
    fn checks(&self) -> impl Iterator<Item = &SavedCheck> {
        let now = self.now.timestamp();
        self.journal.checks.iter().filter(move |c| c.time <= now)
    }

    pub(super) fn warning_signs(&self, change: &Change, sources: &mut Vec<String>) -> Section {
        let k = self.knowledge;
        let mut blocks = Vec::new();
        let latest = self.checks().max_by_key(|c| c.time);
        let in_period: Vec<&SavedCheck> = self
            .checks()
            .filter(|c| self.when(c).1 == When::Inside)
            .collect();
        let latest_inside = in_period.iter().copied().max_by_key(|c| c.time);

        match latest {
            Some(check) => self.latest_check(check, &mut blocks, sources),
            None => blocks.push(Block::Headline {
                tone: Tone::Neutral,
                text: "No symptom check saved.".into(),
            }),
        }
        // Other checks saved in the period: what each advised and what was
        // ticked (nothing ticked in the period is left off the page).
        let earlier: Vec<String> = in_period
            .iter()
            .filter(|c| latest.is_none_or(|l| !std::ptr::eq(**c, l)))
            .map(|c| {
                let (day, _) = self.when(c);
                let ticked = self.ticked(c);
                format!(
                    "{day}: {} ({})",
                    lowercase_first(&k.advice(c.level).headline),
                    if ticked.is_empty() {
                        "no symptoms ticked".to_owned()
                    } else {
                        ticked.join(", ")
                    }
                )
            })
            .collect();
        if !earlier.is_empty() {
            blocks.push(Block::Field(Fact::full(
                "Earlier checks in this period",
                earlier.join("; "),
            )));
        }
        if latest_inside.is_none() {
            blocks.push(Block::Muted(
                "No symptom check was saved in this period, so the full list of warning signs was not asked in it. What the journal recorded is below."
                    .into(),
            ));
        }

        let recorded = self.recorded();
        self.journal_part(&recorded, &mut blocks);

        // Pertinent negatives: asked in the period, not ticked, and not
        // contradicted by anything on the page.
        if let Some(check) = latest_inside {
            blocks.extend(self.not_reported(check, &in_period, &recorded, change));
        }
        Section {
            keep_whole: true,
            ..Section::new(SectionKind::WarningSigns, "Warning signs", blocks)
        }
    }

    /// The main warning signs the check of the period asked about that
    /// nothing on the page contradicts: not ticked in any check of the
    /// period, not recorded in the journal, not shown by the trend, not in
    /// the person's own words.
    fn not_reported(
        &self,
        check: &SavedCheck,
        in_period: &[&SavedCheck],
        recorded: &[Recorded],
        change: &Change,
    ) -> Option<Block> {
        let k = self.knowledge;
        let ticked_in_period: BTreeSet<&str> = in_period
            .iter()
            .flat_map(|c| c.findings.iter().map(String::as_str))
            .collect();
        let words = self.own_words();
        let absent: Vec<String> = MAIN_WARNING_SIGNS
            .iter()
            .copied()
            .filter(|id| !ticked_in_period.contains(id))
            .filter(|id| !recorded.iter().any(|r| r.id == *id))
            .filter(|id| !(*id == NIGHT_PAIN && self.stats.nights_woken > 0))
            .filter(|id| !(*id == WORSENING && change.verdict == Verdict::Worse))
            .filter(|id| !contradicted_by_words(id, &words))
            .map(|id| short_label(k, id))
            .collect();
        if absent.is_empty() {
            return None;
        }
        let (day, _) = self.when(check);
        Some(Block::Field(Fact::full(
            format!("Not reported (asked in the check of {day})"),
            absent.join(", "),
        )))
    }

    /// The latest check: when, what it advised, what was ticked, and why.
    fn latest_check(&self, check: &SavedCheck, blocks: &mut Vec<Block>, sources: &mut Vec<String>) {
        let k = self.knowledge;
        let (day, when) = self.when(check);
        let place = match when {
            When::Before => "before this period",
            When::Inside => "in this period",
            When::After => "after this period",
        };
        let tone = match check.level {
            Level::CallAmbulance | Level::EmergencyDepartment => Tone::Urgent,
            Level::Within24h | Level::SeeDoctor => Tone::Caution,
            Level::SelfCare => Tone::Calm,
        };
        blocks.push(Block::Headline {
            tone,
            // "advised" makes clear whose advice it was.
            text: format!(
                "Latest symptom check, {day} ({place}), advised: {}",
                lowercase_first(&k.advice(check.level).headline)
            ),
        });
        let ticked = self.ticked(check);
        blocks.push(Block::Field(Fact::full(
            "Ticked",
            if ticked.is_empty() {
                "no symptoms".to_owned()
            } else {
                ticked.join(", ")
            },
        )));
        let mut sets = Vec::new();
        // Lower rules, grouped by their time frame: "review within 2 wk:
        // D1 one weak red flag (NHS; IFOMPT 2020); D2 …".
        let mut also: Vec<(&str, Vec<String>)> = Vec::new();
        for id in &check.rules {
            match k.rule(id) {
                Some(rule) => {
                    add_keys(sources, &rule.sources);
                    if rule.level == check.level {
                        sets.push(rule.for_doctor());
                    } else {
                        let item = format!(
                            "{} {} ({})",
                            rule.id, rule.doctor.label, rule.doctor.guideline
                        );
                        let within = rule.doctor.within.as_str();
                        match also.iter_mut().find(|(w, _)| *w == within) {
                            Some((_, items)) => items.push(item),
                            None => also.push((within, vec![item])),
                        }
                    }
                }
                // A rule a later edition retired (D14 in 2.0): named, never
                // a failure.
                None => sets.push(format!(
                    "{id} (a rule of rules {}, since retired)",
                    check
                        .rules_version
                        .split('+')
                        .next()
                        .unwrap_or("an older edition")
                )),
            }
        }
        if !sets.is_empty() {
            blocks.push(Block::Subheading(
                "Why: the rules that set this level".into(),
            ));
            blocks.push(Block::List(sets));
        }
        for (within, items) in also {
            blocks.push(Block::Field(Fact::full(
                format!("Also noted, {within}"),
                items.join("; "),
            )));
        }
    }

    /// What the person ticked in a check (symptoms, not history), in the
    /// vocabulary's order; ids a later edition dropped are kept.
    fn ticked(&self, check: &SavedCheck) -> Vec<String> {
        let k = self.knowledge;
        let mut ticked: Vec<String> = k
            .findings()
            .iter()
            .filter(|f| check.findings.contains(&f.id) && !k.is_history(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        ticked.extend(
            check
                .findings
                .iter()
                .filter(|id| k.finding(id).is_none())
                .map(|id| id.replace('_', " ")),
        );
        ticked
    }

    /// The person's own words that are on the page (the note, the
    /// questions) or in the record the page summarises (the entries'
    /// notes), for "not contradicted by anything on the page".
    fn own_words(&self) -> String {
        let notes = &self.journal.summary_notes;
        let mut words: Vec<&str> = vec![notes.doctor_note.as_str()];
        words.extend(notes.questions.iter().map(String::as_str));
        // Entry notes are printed only with the table of every day, but a
        // negative the record contradicts is wrong either way.
        words.extend(self.entries.iter().map(|e| e.note.as_str()));
        words.join("\n").to_lowercase()
    }
}

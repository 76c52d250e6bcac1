//! The warning signs section's second part: what the journal recorded in
//! the period (every warning symptom with its days, nights woken counted
//! as night pain) and what the record itself shows (`journal::attention`).
//! Its own file because it reads the entries, while the rest of the
//! section reads the saved checks.

use super::*;
use crate::journal::attention::{self, Evidence};

/// More recorded warning symptoms than this are set as one paragraph.
const COMPACT_AFTER: usize = 5;

/// What the journal recorded in the period for one finding.
pub(super) struct Recorded {
    pub(super) id: String,
    /// Days ticked on Today.
    pub(super) days: Vec<Date>,
    /// Nights woken (night pain only).
    pub(super) nights: u32,
    /// Days with either (night pain only): the union.
    pub(super) any_days: u32,
}

impl Ctx<'_> {
    /// Every symptom ticked on Today in the period, and the nights woken.
    pub(super) fn recorded(&self) -> Vec<Recorded> {
        let k = self.knowledge;
        let mut out: Vec<Recorded> = Vec::new();
        for e in self.entries {
            for id in &e.symptoms {
                match out.iter_mut().find(|r| &r.id == id) {
                    Some(r) => r.days.push(e.date),
                    None => out.push(Recorded {
                        id: id.clone(),
                        days: vec![e.date],
                        nights: 0,
                        any_days: 0,
                    }),
                }
            }
        }
        let nights = self.stats.nights_woken;
        if nights > 0 {
            if !out.iter().any(|r| r.id == NIGHT_PAIN) {
                out.push(Recorded {
                    id: NIGHT_PAIN.into(),
                    days: Vec::new(),
                    nights: 0,
                    any_days: 0,
                });
            }
            if let Some(r) = out.iter_mut().find(|r| r.id == NIGHT_PAIN) {
                r.nights = nights;
                r.any_days = u32::try_from(
                    self.entries
                        .iter()
                        .filter(|e| e.woke_at_night || e.symptoms.contains(NIGHT_PAIN))
                        .count(),
                )
                .unwrap_or(u32::MAX);
            }
        }
        // Most serious first: the vocabulary's order; unknown ids last.
        out.sort_by_key(|r| {
            k.findings()
                .iter()
                .position(|f| f.id == r.id)
                .unwrap_or(usize::MAX)
        });
        out
    }

    /// The recorded symptoms as page items: warning symptoms (those
    /// recorded on the same days share one item, so a month with every
    /// sign ticked every day still fits page 1) and the others.
    fn recorded_items(&self, recorded: &[Recorded]) -> (Vec<String>, Vec<String>) {
        let k = self.knowledge;
        let logged = self.stats.days_logged;
        // Warning symptoms as (names, what was recorded).
        let mut warning: Vec<(Vec<String>, (String, String))> = Vec::new();
        let mut neutral = Vec::new();
        for r in recorded {
            let label = capitalise(&short_label(k, &r.id));
            let ticked = u32::try_from(r.days.len()).unwrap_or(u32::MAX);
            if k.is_warning_sign(&r.id) && !(r.id == NIGHT_PAIN && r.nights > 0) {
                let what = (days(ticked), date_span(&r.days));
                match warning.iter_mut().find(|(_, w)| *w == what) {
                    Some((names, _)) => names.push(lowercase_first(&label)),
                    None => warning.push((vec![label], what)),
                }
                continue;
            }
            let item = if r.id == NIGHT_PAIN && r.nights > 0 {
                let mut parts = vec![format!(
                    "woken at night {}",
                    plural(r.nights, "night", "nights")
                )];
                if ticked > 0 {
                    parts.push(format!("night pain ticked on {}", days(ticked)));
                }
                format!(
                    "{label}: {} of {logged} logged days ({})",
                    r.any_days,
                    parts.join("; ")
                )
            } else {
                format!("{label}: {}{}", days(ticked), date_span(&r.days))
            };
            if k.is_warning_sign(&r.id) {
                warning.push((vec![item], (String::new(), String::new())));
            } else {
                neutral.push(item);
            }
        }
        let warning: Vec<String> = warning
            .into_iter()
            .map(|(names, (count, span))| match names.as_slice() {
                [item] if count.is_empty() => item.clone(),
                [name] => format!("{name}: {count}{span}"),
                _ => format!("{}: {count} each{span}", names.join(", ")),
            })
            .collect();
        (warning, neutral)
    }

    /// What the record itself shows as of the period's end (the same
    /// derivation as `backlog journal attention`), beyond the counts.
    fn attention_items(&self, neutral: &mut Vec<String>) {
        let k = self.knowledge;
        let review = attention::review(self.journal, self.period.to);
        for finding in &review.findings {
            for evidence in &finding.evidence {
                let label = capitalise(&short_label(k, &finding.id));
                match evidence {
                    Evidence::NotBetter {
                        verdict,
                        run_from,
                        run_to,
                        first_week,
                        last_week,
                        ..
                    } => neutral.push(format!(
                        "{label}: {} from {run_from} to {run_to}; first week {:.1} ({} days logged), last week {:.1} ({} days logged)",
                        if *verdict == Verdict::Worse { "worse" } else { "no clear improvement" },
                        first_week.mean_pain,
                        first_week.days_logged,
                        last_week.mean_pain,
                        last_week.days_logged
                    )),
                    Evidence::PainInMostWeeks {
                        weeks_with_pain,
                        weeks,
                        from,
                        ..
                    } => neutral.push(format!(
                        "{label}: pain logged in {weeks_with_pain} of the last {weeks} weeks (since {from})"
                    )),
                    // Counted above over the whole period.
                    Evidence::WokeAtNight { .. } | Evidence::Noted { .. } => {}
                }
            }
        }
    }

    pub(super) fn journal_part(&self, recorded: &[Recorded], blocks: &mut Vec<Block>) {
        let (warning, mut neutral) = self.recorded_items(recorded);
        self.attention_items(&mut neutral);
        let heading = format!(
            "Recorded in the journal, {} to {}",
            self.period.from, self.period.to
        );
        if warning.is_empty() && neutral.is_empty() {
            blocks.push(Block::Field(Fact::full(
                heading,
                "no warning symptoms recorded.",
            )));
            return;
        }
        blocks.push(Block::Subheading(heading));
        if warning.is_empty() {
            blocks.push(Block::Muted("No warning symptoms recorded.".into()));
        } else if warning.len() > COMPACT_AFTER {
            // Many signs: one paragraph, so all of them fit on page 1.
            blocks.push(Block::Text {
                text: warning.join("; "),
                quote: false,
            });
        } else {
            blocks.push(Block::List(warning));
        }
        if !neutral.is_empty() {
            blocks.push(Block::Field(Fact::full("Also noted", neutral.join("; "))));
        }
    }
}

/// " (2026-11-02)", " (2026-11-02 to 2026-11-20)".
fn date_span(dates: &[Date]) -> String {
    match dates {
        [] => String::new(),
        [one] => format!(" ({one})"),
        [first, .., last] => format!(" ({first} to {last})"),
    }
}

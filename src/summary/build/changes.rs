//! "What changed" and the pain picture: the numbers, worded.

use super::*;

impl Ctx<'_> {
    pub(super) fn what_changed(&self) -> Section {
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

    pub(super) fn pain_picture(&self) -> Section {
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
                blocks.push(Block::Field(Fact::new("Where it hurts", text.clone())));
                blocks.push(Block::BodyMap(BodyMap {
                    counts: st.regions.iter().map(|c| (c.item, c.days)).collect(),
                    days_logged: st.days_logged,
                    caption: format!("Body figure, back and front. Where it hurts: {text}."),
                }));
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
}

//! "What changed" with the numbers behind it, week by week, and the pain
//! picture. Every figure says how many days it rests on, and "worst" and
//! "best" are on the same basis (the day's average pain), as the chart is.

use super::*;

/// The comparison of the first and last days of the period.
pub(super) struct Change {
    pub(super) verdict: Verdict,
    /// The first and last stretch compared, when the period is long enough.
    pub(super) ends: Option<(Period, Period)>,
    pub(super) before: Option<f64>,
    pub(super) after: Option<f64>,
    pub(super) share: Option<f64>,
    pub(super) days_before: u32,
    pub(super) days_after: u32,
}

/// How many days of the period go in one row of the week-by-week table.
fn block_days(period_days: u32) -> u32 {
    let weeks = period_days.div_ceil(7).max(1);
    weeks.div_ceil(MAX_WEEK_ROWS) * 7
}

impl Ctx<'_> {
    pub(super) fn change(&self) -> Change {
        let Some((first, last)) = ends(self.period) else {
            return Change {
                verdict: Verdict::NotEnoughData,
                ends: None,
                before: None,
                after: None,
                share: None,
                days_before: 0,
                days_after: 0,
            };
        };
        let all = self.journal.entries();
        let (a, b) = (
            stats::period_stats(all, first),
            stats::period_stats(all, last),
        );
        let c = stats::compare(&a, &b);
        Change {
            verdict: c.verdict,
            ends: Some((first, last)),
            before: c.before,
            after: c.after,
            share: c.share,
            days_before: a.days_logged,
            days_after: b.days_logged,
        }
    }

    pub(super) fn what_changed(&self, change: &Change) -> Section {
        let mut blocks = Vec::new();
        match change.ends {
            _ if self.stats.days_logged == 0 => blocks.push(Block::Headline {
                tone: Tone::Neutral,
                text: "No entries in this period, so there is no change to report.".into(),
            }),
            None => blocks.push(Block::Headline {
                tone: Tone::Neutral,
                text: "Not enough days to compare: choose a period of two weeks or more.".into(),
            }),
            Some((first, _)) => {
                let span = first.days();
                let (tone, word) = match change.verdict {
                    Verdict::Better => (Tone::Calm, "Better"),
                    Verdict::Worse => (Tone::Caution, "Worse"),
                    Verdict::NoClearChange => (Tone::Neutral, "No clear change"),
                    Verdict::NotEnoughData => (Tone::Neutral, "Not enough entries to compare"),
                };
                let basis = |n: u32| format!("{n} of {span} days logged");
                let text = match (change.before, change.after, change.verdict) {
                    (Some(b), Some(a), v) if v != Verdict::NotEnoughData => {
                        let diff = a - b;
                        let dir = if diff < 0.0 { "down" } else { "up" };
                        let pct = change
                            .share
                            .map(|s| format!(", {:.0}%", (s * 100.0).abs()))
                            .unwrap_or_default();
                        format!(
                            "{word}: average pain {} in the first {} ({}), {} in the last {} ({}): {dir} {:.1} points{pct}.",
                            one_decimal(b),
                            days(span),
                            basis(change.days_before),
                            one_decimal(a),
                            days(span),
                            basis(change.days_after),
                            diff.abs()
                        )
                    }
                    _ => format!(
                        "{word}: each end of the period needs at least {} days logged (first {span} days: {}; last {span} days: {}).",
                        stats::MIN_DAYS_TO_COMPARE,
                        change.days_before,
                        change.days_after,
                    ),
                };
                blocks.push(Block::Headline { tone, text });
                blocks.push(Block::Muted(
                    "A change counts when average pain moves by 2 points or 30% or more (0–10 scale)."
                        .into(),
                ));
            }
        }
        let note = self.journal.summary_notes.doctor_note.trim();
        if !note.is_empty() {
            blocks.push(Block::Field(Fact::new(
                "What I want the doctor to know",
                note,
            )));
        }
        Section::new(SectionKind::WhatChanged, "What changed", blocks)
    }

    /// Pain, nights woken and relief in blocks of a week (longer blocks for
    /// long periods), the newest block ending on the period's last day.
    fn week_table(&self) -> Table {
        let block = block_days(self.period.days());
        let all = self.journal.entries();
        // Month and day are enough within one year (the header has it).
        let same_year = self.period.from.year() == self.period.to.year();
        let mut rows = Vec::new();
        let mut end = self.period.to;
        while end >= self.period.from {
            let p = Period::ending(end, block);
            let p = Period {
                from: p.from.max(self.period.from),
                to: p.to,
            };
            let st = stats::period_stats(all, p);
            let reliefs: Vec<u8> = all
                .iter()
                .skip_while(|e| e.date < p.from)
                .take_while(|e| e.date <= p.to)
                .flat_map(|e| e.medicines.iter().filter_map(|m| m.relief))
                .collect();
            let relief = (!reliefs.is_empty()).then(|| {
                f64::from(reliefs.iter().map(|r| u32::from(*r)).sum::<u32>()) / reliefs.len() as f64
            });
            let dash = || "–".to_owned();
            rows.push(vec![
                if block > 28 {
                    format!("{} to {}", p.from.strftime("%Y-%m"), p.to.strftime("%Y-%m"))
                } else if same_year {
                    format!("{} to {}", p.from.strftime("%m-%d"), p.to.strftime("%m-%d"))
                } else {
                    format!("{} to {}", p.from, p.to)
                },
                format!("{} of {}", st.days_logged, p.days()),
                st.mean_pain.map_or_else(dash, one_decimal),
                if st.days_logged == 0 {
                    dash()
                } else {
                    st.nights_woken.to_string()
                },
                relief.map_or_else(dash, one_decimal),
            ]);
            let Ok(next) = p.from.checked_sub(1.day()) else {
                break;
            };
            end = next;
        }
        rows.reverse();
        let what = match block {
            7 => "Week".to_owned(),
            b if b > 28 => format!("Months ({} weeks)", b / 7),
            b => format!("{} weeks", b / 7),
        };
        let mut table = Table::new(
            vec![
                Column::new(what, 2.3),
                Column::new("Days logged", 1.2).right(),
                Column::new("Average pain", 1.2).right(),
                Column::new("Nights woken", 1.2).right(),
                Column::new("Average relief", 1.2).right(),
            ],
            rows,
        );
        table.notes.push(
            "Pain 0–10 (10 worst). Relief 0–10 (10 complete), from the medicines taken, averaged over the days rated. – nothing logged.".into(),
        );
        table
    }

    /// Each day's average pain and the 7-day average, for the chart.
    fn pain_chart(&self) -> PainChart {
        let st = self.stats;
        let series = stats::daily_series(self.journal.entries(), self.period);
        let daily: Vec<(Date, f32)> = series
            .iter()
            .filter_map(|d| d.pain.map(|p| (d.date, f32::from(p))))
            .collect();
        let rolling: Vec<(Date, f32)> = series
            .iter()
            .filter_map(|d| d.rolling.map(|r| (d.date, r as f32)))
            .collect();
        PainChart {
            from: self.period.from,
            to: self.period.to,
            caption: format!(
                "Chart of each day's average pain (0–10) from {} to {}, with the 7-day average; {} of {} days logged.",
                self.period.from, self.period.to, st.days_logged, st.days_in_period
            ),
            daily,
            rolling,
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
            return Section::new(SectionKind::PainPicture, "Pain picture", blocks);
        }
        let highest = self.entries.iter().map(|e| e.pain).max();
        let peak = self.entries.iter().map(Entry::worst_or_pain).max();
        blocks.push(Block::Chart(self.pain_chart()));
        blocks.push(Block::Table(self.week_table()));
        let dash = || "–".to_owned();
        let facts = vec![
            Fact::new("Average pain", st.mean_pain.map_or_else(dash, one_decimal)),
            Fact::new(
                "Lowest to highest daily average",
                match (st.best_pain, highest) {
                    (Some(lo), Some(hi)) => format!("{lo} to {hi}"),
                    _ => dash(),
                },
            ),
            Fact::new(
                "Worst moment (peak score)",
                peak.map_or_else(dash, |p| p.to_string()),
            ),
            Fact::new("Days with pain 7+", st.days_pain_7_plus.to_string()),
        ];
        blocks.push(Block::Facts(facts));
        if let Some(text) = counted(&st.regions, MAX_COUNTS, |r| r.label().to_owned()) {
            blocks.push(Block::Field(Fact::new("Where it hurts", text.clone())));
            blocks.push(Block::BodyMap(BodyMap {
                counts: st.regions.iter().map(|c| (c.item, c.days)).collect(),
                days_logged: st.days_logged,
                caption: format!("Body figure, back and front. Where it hurts: {text}."),
            }));
        }
        if let Some(text) = counted(&st.qualities, MAX_COUNTS, |q| q.label().to_lowercase()) {
            blocks.push(Block::Field(Fact::new("Pain words", text)));
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
        // Neutral: an activity on a day is not a cause (gym, yoga, work).
        if let Some(text) = counted(&st.triggers, MAX_COUNTS, Clone::clone) {
            blocks.push(Block::Field(Fact::new("Activities noted", text)));
        }
        Section::new(SectionKind::PainPicture, "Pain picture", blocks)
    }
}

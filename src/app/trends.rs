//! The Trends screen: daily pain with the 7-day average, the numbers for
//! the chosen range, a calendar heat map, and the meaningful-change verdict.
//!
//! Everything derived from the journal is computed once per (journal
//! revision, range, today) and cached; drawing a frame only paints.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::banner::Numbers;
use super::command::Command;
use super::icons::Icon;
use super::{attention_view, calendar, pain_chart, theme, ui_kit, widgets};
use crate::id_enum::id_enum;
use crate::journal::attention::Notice;
use crate::journal::stats::{self, DayPoint, PainChange, Period, PeriodStats};
use crate::journal::{Journal, plural};
use crate::look::tokens::{SPACE, TYPE};

id_enum! {
    /// The time span shown; remembered between runs.
    #[derive(Default)]
    Range {
        #[default]
        Days30 = "days30", "30 days";
        Days90 = "days90", "90 days";
        Year = "year", "1 year";
        All = "all", "All";
    }
}

/// The heat map shows at most this many days (one year of weeks).
const HEAT_DAYS: u32 = 371;

struct Computed {
    key: (u64, Range, Date),
    period: Period,
    stats: PeriodStats,
    change: PainChange,
    compared_days: u32,
    pain_points: Vec<[f64; 2]>,
    rolling: Vec<[f64; 2]>,
    /// The chart in one sentence, for screen readers.
    chart_summary: String,
    heat: Vec<DayPoint>,
}

#[derive(Default)]
pub struct TrendsScreen {
    range: Range,
    cache: Option<Computed>,
}

impl TrendsScreen {
    pub fn new(range: Range) -> Self {
        Self { range, cache: None }
    }

    fn refresh(&mut self, journal: &Journal, revision: u64, today: Date) {
        let key = (revision, self.range, today);
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let entries = journal.entries();
        let period = match self.range {
            Range::Days30 => Period::ending(today, 30),
            Range::Days90 => Period::ending(today, 90),
            Range::Year => Period::ending(today, 365),
            Range::All => {
                let first = journal.date_range().map_or(today, |(a, _)| a.min(today));
                Period::new(first, today).unwrap_or_else(|| Period::ending(today, 1))
            }
        };
        let stats = stats::period_stats(entries, period);
        // "All" compares the last 90 days with the 90 before.
        let compared = if self.range == Range::All {
            Period::ending(today, 90)
        } else {
            period
        };
        let change = stats::compare(
            &stats::period_stats(entries, compared.previous()),
            &stats::period_stats(entries, compared),
        );
        let series = stats::daily_series(entries, period);
        let x = |d: Date| stats::day_number(d) as f64;
        let pain_points: Vec<[f64; 2]> = series
            .iter()
            .filter_map(|p| p.pain.map(|v| [x(p.date), f64::from(v)]))
            .collect();
        let rolling: Vec<[f64; 2]> = series
            .iter()
            .filter_map(|p| p.rolling.map(|v| [x(p.date), v]))
            .collect();
        let chart_summary = chart_summary(period, &stats, &rolling);
        let heat_period = Period::ending(today, HEAT_DAYS.min(period.days().max(28)));
        let heat = stats::daily_series(entries, heat_period);
        self.cache = Some(Computed {
            key,
            period,
            stats,
            change,
            compared_days: compared.days(),
            pain_points,
            rolling,
            chart_summary,
            heat,
        });
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        revision: u64,
        today: Date,
        attention: Option<(&Notice, Numbers<'_>)>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            super::a11y::heading(ui, RichText::new("Trends").heading(), 1);
            ui.add_space(SPACE.m);
            for r in Range::ALL {
                if ui_kit::chip(ui, r.label(), self.range == r).clicked() {
                    self.range = r;
                    commands.push(Command::SetTrendsRange(r));
                }
            }
        });
        // Below the range buttons, so they never move when it goes.
        if let Some((n, call)) = attention {
            attention_view::show(ui, n, call, commands);
        }
        ui.add_space(SPACE.s);
        self.refresh(journal, revision, today);
        let Some(c) = &self.cache else { return };
        ui_kit::page_scroll()
            .id_salt("trends_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // The answer first, and largest.
                ui_kit::card(ui, Some((Icon::Lightbulb, "Is it changing?")), |ui| {
                    verdict(ui, c);
                });
                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::ChartLineUp, "Daily pain")), |ui| {
                    if c.pain_points.is_empty() {
                        widgets::hint(ui, "No entries in this range yet.");
                    } else {
                        pain_chart::pain_chart(
                            ui,
                            &pain_chart::ChartData {
                                from: c.period.from,
                                to: c.period.to,
                                daily: &c.pain_points,
                                rolling: &c.rolling,
                                summary: &c.chart_summary,
                            },
                        );
                        widgets::hint(
                            ui,
                            "Each dot is one day's average pain. A day's worst moment can be higher.",
                        );
                    }
                });
                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::ListChecks, "In numbers")), |ui| {
                    numbers(ui, &c.stats);
                });
                ui_kit::section_gap(ui);
                ui_kit::card(ui, Some((Icon::CalendarBlank, "Pain by day")), |ui| {
                    calendar::calendar(ui, &c.heat);
                });
                super::focus::follow(ui);
            });
    }
}

/// The meaningful-change verdict, at heading size: the screen's answer.
fn verdict(ui: &mut Ui, c: &Computed) {
    let prefix = if c.compared_days == c.period.days() {
        format!(
            "These {} days compared with the {} before: ",
            c.compared_days, c.compared_days
        )
    } else {
        format!(
            "The last {} days compared with the {} before: ",
            c.compared_days, c.compared_days
        )
    };
    ui.add(
        egui::Label::new(
            RichText::new(format!("{prefix}{}", c.change.sentence()))
                .family(theme::bold_family())
                .size(theme::type_size(ui, TYPE.heading)),
        )
        .wrap(),
    );
    widgets::hint(
        ui,
        "A change of 2 points, or of 30%, is the size that people notice as real.",
    );
}

/// The chart in one sentence, for screen readers: the span, how many days,
/// the average, the best and worst, and where the 7-day average went.
fn chart_summary(period: Period, s: &PeriodStats, rolling: &[[f64; 2]]) -> String {
    let day = |d: Date| d.strftime("%-d %b %Y").to_string();
    let mut out = format!(
        "Chart of daily pain from {} to {}: {} logged",
        day(period.from),
        day(period.to),
        plural(s.days_logged, "day", "days")
    );
    if let (Some(mean), Some(best), Some(worst)) = (s.mean_pain, s.best_pain, s.worst_pain) {
        out.push_str(&format!(
            ", average {mean:.1} out of 10, from {best} on the best day to {worst} at the worst"
        ));
    }
    if let (Some(first), Some(last)) = (rolling.first(), rolling.last()) {
        out.push_str(&format!(
            "; the 7-day average went from {:.1} to {:.1}",
            first[1], last[1]
        ));
    }
    out.push('.');
    out
}

fn numbers(ui: &mut Ui, s: &PeriodStats) {
    let f1 = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
    egui::Grid::new("trend_numbers")
        .num_columns(2)
        .spacing([SPACE.xl, SPACE.s])
        .striped(true)
        .show(ui, |ui| {
            let mut row = |k: &str, v: String| {
                ui.label(k);
                ui.label(RichText::new(v).strong());
                ui.end_row();
            };
            row(
                "Days logged",
                format!("{} of {}", s.days_logged, s.days_in_period),
            );
            row("Average pain", format!("{} out of 10", f1(s.mean_pain)));
            // The chart's dots are daily averages; the worst is the highest
            // single score, so it can sit above every dot. Say which is which.
            let of10 =
                |v: Option<u8>| v.map_or_else(|| "–".to_owned(), |v| format!("{v} out of 10"));
            row("Worst pain (highest single score)", of10(s.worst_pain));
            row("Best day (lowest daily average)", of10(s.best_pain));
            row("Nights woken by pain", s.nights_woken.to_string());
            row("Got in the way of activities (0–10)", f1(s.mean_activity));
            row("Got in the way of enjoyment (0–10)", f1(s.mean_enjoyment));
            row("Average sleep (hours)", f1(s.mean_sleep_hours));
        });
    if !s.medicines.is_empty() {
        ui.add_space(SPACE.s);
        ui.label(RichText::new("Medicines").strong());
        for m in s.medicines.iter().take(8) {
            let relief = m
                .mean_relief
                .map(|r| format!(", average relief {r:.1} of 10"))
                .unwrap_or_default();
            widgets::bullet(
                ui,
                &format!(
                    "{}: taken on {}, {}{relief}",
                    m.name,
                    plural(m.days, "day", "days"),
                    plural(m.doses, "dose", "doses")
                ),
            );
        }
    }
}

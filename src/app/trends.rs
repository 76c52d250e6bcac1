//! The Trends screen: daily pain with the 7-day average, the numbers for
//! the chosen range, a calendar heat map, and the meaningful-change verdict.
//!
//! Everything derived from the journal is computed once per (journal
//! revision, range, today) and cached; drawing a frame only paints.

use egui::{RichText, ScrollArea, Sense, Ui, vec2};
use egui_plot::{Line, Plot, PlotPoints, Points};
use jiff::civil::Date;

use super::command::Command;
use super::{theme, widgets};
use crate::id_enum::id_enum;
use crate::journal::stats::{self, DayPoint, PainChange, Period, PeriodStats};
use crate::journal::{Journal, plural};

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
/// Beyond this many days the chart draws the average line only.
const MAX_POINTS: usize = 400;

struct Computed {
    key: (u64, Range, Date),
    period: Period,
    stats: PeriodStats,
    change: PainChange,
    compared_days: u32,
    pain_points: Vec<[f64; 2]>,
    rolling: Vec<[f64; 2]>,
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
        let pain_points = series
            .iter()
            .filter_map(|p| p.pain.map(|v| [x(p.date), f64::from(v)]))
            .collect();
        let rolling = series
            .iter()
            .filter_map(|p| p.rolling.map(|v| [x(p.date), v]))
            .collect();
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
            heat,
        });
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        revision: u64,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.heading("Trends");
            ui.add_space(12.0);
            for r in Range::ALL {
                if ui
                    .add(egui::Button::selectable(self.range == r, r.label()))
                    .clicked()
                {
                    self.range = r;
                    commands.push(Command::SetTrendsRange(r));
                }
            }
        });
        self.refresh(journal, revision, today);
        let Some(c) = &self.cache else { return };
        ScrollArea::vertical()
            .id_salt("trends_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                widgets::section(ui, "Is it changing?");
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
                        RichText::new(format!("{prefix}{}", c.change.sentence())).strong(),
                    )
                    .wrap(),
                );
                widgets::hint(
                    ui,
                    "A change of 2 points, or of 30%, is the size that people notice as real.",
                );

                widgets::section(ui, "Daily pain");
                if c.pain_points.is_empty() {
                    widgets::hint(ui, "No entries in this range yet.");
                } else {
                    pain_plot(ui, c);
                    widgets::hint(
                        ui,
                        "Each dot is one day's average pain. A day's worst moment can be higher.",
                    );
                }

                widgets::section(ui, "In numbers");
                numbers(ui, &c.stats);

                widgets::section(ui, "Pain by day");
                heat_map(ui, &c.heat);
            });
    }
}

fn pain_plot(ui: &mut Ui, c: &Computed) {
    let height = (ui.available_width() * 0.35).clamp(180.0, 320.0);
    let accent = ui.visuals().hyperlink_color;
    let dots = ui.visuals().text_color();
    let many = c.pain_points.len() > MAX_POINTS;
    Plot::new("pain_plot")
        .height(height)
        .include_y(0.0)
        .include_y(10.0)
        .include_x(stats::day_number(c.period.from) as f64)
        .include_x(stats::day_number(c.period.to) as f64)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .x_axis_formatter(|mark, _| date_text(mark.value))
        // Name the series under the pointer ("Pain that day" or "7-day
        // average"); away from the data, show nothing rather than a made-up
        // "pain" value read off the axis.
        .label_formatter(|pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{}\n{plot_name}: {:.1}",
                date_text(position.x),
                position.y
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .y_axis_label("Pain")
        .legend(egui_plot::Legend::default())
        .show(ui, |plot| {
            if !many {
                plot.points(
                    Points::new("Pain that day", PlotPoints::new(c.pain_points.clone()))
                        .radius(3.0)
                        .color(dots),
                );
            }
            plot.line(
                Line::new("7-day average", PlotPoints::new(c.rolling.clone()))
                    .width(2.5)
                    .color(accent),
            );
        });
}

fn numbers(ui: &mut Ui, s: &PeriodStats) {
    let f1 = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
    egui::Grid::new("trend_numbers")
        .num_columns(2)
        .spacing([24.0, 6.0])
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
        ui.add_space(6.0);
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

/// Weeks as columns, Monday at the top; colour by the day's pain.
fn heat_map(ui: &mut Ui, days: &[DayPoint]) {
    let Some(first) = days.first() else { return };
    let offset = i64::from(first.date.weekday().to_monday_zero_offset());
    let weeks = ((days.len() as i64 + offset + 6) / 7).max(1);
    let avail = ui.available_width();
    let cell = ((avail - 40.0) / weeks as f32).clamp(6.0, 22.0);
    let gap = (cell * 0.15).max(1.0);
    let size = vec2(weeks as f32 * cell + 40.0, 7.0 * cell);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, "Calendar of pain by day")
    });
    let painter = ui.painter_at(rect);
    let empty = ui
        .visuals()
        .faint_bg_color
        .lerp_to_gamma(ui.visuals().weak_text_color(), 0.15);
    let text = ui.visuals().weak_text_color();
    let small = egui::FontId::proportional(cell.clamp(9.0, 13.0));
    for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
        painter.text(
            rect.min + vec2(0.0, row as f32 * cell + cell / 2.0),
            egui::Align2::LEFT_CENTER,
            name,
            small.clone(),
            text,
        );
    }
    let hover = response.hover_pos();
    let mut tip = None;
    for (i, d) in days.iter().enumerate() {
        let n = i as i64 + offset;
        let (col, row) = (n / 7, n % 7);
        let min = rect.min + vec2(40.0 + col as f32 * cell, row as f32 * cell);
        let r = egui::Rect::from_min_size(min, vec2(cell - gap, cell - gap));
        let fill = d.pain.map_or(empty, |p| theme::pain_color(ui, p));
        painter.rect_filled(r, 2, fill);
        if hover.is_some_and(|p| r.contains(p)) {
            tip = Some(match d.pain {
                Some(p) => format!("{}: pain {p}", d.date),
                None => format!("{}: no entry", d.date),
            });
        }
    }
    if let Some(t) = tip {
        response.on_hover_text_at_pointer(t);
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Colour key:").weak());
        for p in [0u8, 3, 5, 7, 10] {
            let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
            ui.painter().rect_filled(r, 2, theme::pain_color(ui, p));
            ui.label(RichText::new(p.to_string()).weak());
        }
        let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
        ui.painter().rect_filled(r, 2, empty);
        ui.label(RichText::new("no entry").weak());
    });
}

fn date_text(x: f64) -> String {
    stats::date_of_day_number(x.round() as i64)
        .map(|d| d.strftime("%-d %b %Y").to_string())
        .unwrap_or_default()
}

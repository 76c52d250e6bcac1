//! The Trends chart: each day's pain as a dot, the 7-day average as a line,
//! and a quiet band behind pain 7 and above, in the pain ramp's colours
//! (the printed summary's chart uses the same tokens). The key sits under
//! the chart, never over the newest days.
//!
//! Date labels are chosen so they never collide at any text size: the step
//! (days, weeks, months or years) is the smallest whose labels fit, and
//! the labels say no more than the step needs ("24 Nov", "Nov 2026",
//! "2026").

use egui::{Stroke, Ui};
use egui_plot::{GridInput, GridMark, Line, Plot, PlotPoints, Points, Polygon};
use jiff::civil::Date;

use super::{theme, ui_kit};
use crate::journal::stats;
use crate::look::tokens::{SPACE, STROKE};

/// Beyond this many days the chart draws the average line only.
pub const MAX_POINTS: usize = 400;

/// Grid lines are at least this far apart (points); egui_plot scales its
/// `base_step_size` by it.
const MIN_GRID_SPACING: f32 = 8.0;

/// What to draw: x values are day numbers (`stats::day_number`).
pub struct ChartData<'a> {
    pub from: Date,
    pub to: Date,
    pub daily: &'a [[f64; 2]],
    pub rolling: &'a [[f64; 2]],
    /// One sentence for screen readers: what the chart shows.
    pub summary: &'a str,
}

/// How far apart the date labels are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Days(i64),
    Months(i8),
    Years(i16),
}

impl Step {
    const ALL: [Self; 12] = [
        Self::Days(1),
        Self::Days(2),
        Self::Days(7),
        Self::Days(14),
        Self::Months(1),
        Self::Months(2),
        Self::Months(3),
        Self::Months(6),
        Self::Years(1),
        Self::Years(2),
        Self::Years(5),
        Self::Years(10),
    ];

    fn days(self) -> f64 {
        match self {
            Self::Days(n) => n as f64,
            Self::Months(n) => f64::from(n) * 30.44,
            Self::Years(n) => f64::from(n) * 365.25,
        }
    }

    /// Which label format the step uses: 0 day and month, 1 month and
    /// year, 2 year.
    fn format(self) -> usize {
        match self {
            Self::Days(_) => 0,
            Self::Months(_) => 1,
            Self::Years(_) => 2,
        }
    }
}

const FORMATS: [&str; 3] = ["%-d %b", "%b %Y", "%Y"];
/// The widest label of each format, to measure.
const WIDEST: [&str; 3] = ["28 May", "May 2026", "2026"];

/// The label for a mark of `step_days` (as egui_plot hands it back).
fn label(day: f64, step_days: f64) -> String {
    let format = if step_days >= 365.0 {
        2
    } else if step_days >= 28.0 {
        1
    } else {
        0
    };
    stats::date_of_day_number(day.round() as i64)
        .map(|d| d.strftime(FORMATS[format]).to_string())
        .unwrap_or_default()
}

/// The smallest step whose labels (of the widths given per format, in
/// points, with room between them) fit at `points_per_day`.
pub fn choose_step(points_per_day: f64, label_widths: [f64; 3]) -> Step {
    Step::ALL
        .into_iter()
        .find(|s| s.days() * points_per_day >= (label_widths[s.format()] * 1.4).max(84.0))
        .unwrap_or(Step::Years(10))
}

/// Day numbers of the marks of `step` between `from` and `to` (inclusive):
/// Mondays for weeks, the 1st for months, 1 January for years.
pub fn marks(from: i64, to: i64, step: Step) -> Vec<i64> {
    let Some(start) = stats::date_of_day_number(from) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match step {
        Step::Days(n) => {
            // Weeks start on Mondays; shorter steps on any day.
            let lead = if n % 7 == 0 {
                i64::from(start.weekday().to_monday_zero_offset())
            } else {
                0
            };
            let mut day = from + (7 - lead) % 7;
            while day <= to {
                out.push(day);
                day += n;
            }
        }
        Step::Months(n) => {
            let mut d = start.first_of_month();
            while stats::day_number(d) <= to {
                if stats::day_number(d) >= from && (d.month() - 1) % n == 0 {
                    out.push(stats::day_number(d));
                }
                match d.checked_add(jiff::Span::new().months(1)) {
                    Ok(next) => d = next,
                    Err(_) => break,
                }
            }
        }
        Step::Years(n) => {
            let mut year = start.year();
            while let Ok(d) = Date::new(year, 1, 1) {
                let day = stats::day_number(d);
                if day > to {
                    break;
                }
                if day >= from && year % n == 0 {
                    out.push(day);
                }
                year += 1;
            }
        }
    }
    out
}

pub fn pain_chart(ui: &mut Ui, data: &ChartData<'_>) {
    let p = theme::palette(ui);
    let height = (ui.available_width() * 0.35).clamp(180.0, 320.0) * theme::body_size(ui).sqrt()
        / theme::BODY_SIZE.sqrt();
    let many = data.daily.len() > MAX_POINTS;
    let (x0, x1) = (
        stats::day_number(data.from) as f64,
        stats::day_number(data.to) as f64,
    );
    let widths = label_widths(ui);
    let severe = PlotPoints::new(vec![[x0, 7.0], [x1, 7.0], [x1, 10.0], [x0, 10.0]]);
    let plot = Plot::new("pain_plot")
        .height(height)
        .include_y(0.0)
        .include_y(10.0)
        .include_x(x0)
        .include_x(x1)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(false)
        // One quiet grid colour for every line: by default egui_plot draws
        // widely spaced lines (the dates) nearly black, and a crosshair
        // follows the pointer across the data.
        .grid_color(theme::color(p.chart.grid))
        .grid_fade(0.0)
        .show_crosshair(false)
        .grid_spacing(MIN_GRID_SPACING..=300.0);
    let response = with_axes(plot, widths)
        .y_axis_label("Pain")
        .show(ui, |plot| {
            plot.polygon(
                Polygon::new("Pain 7 or more", severe)
                    .fill_color(theme::color(p.chart.severe_band))
                    .stroke(Stroke::NONE)
                    .allow_hover(false),
            );
            if !many {
                plot.points(
                    Points::new("Pain that day", PlotPoints::new(data.daily.to_vec()))
                        .radius(STROKE.dot)
                        .color(theme::color(p.chart.daily)),
                );
            }
            plot.line(
                Line::new("7-day average", PlotPoints::new(data.rolling.to_vec()))
                    .width(STROKE.focus)
                    .color(theme::color(p.chart.average)),
            );
        });
    let summary = data.summary.to_owned();
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    key(ui, many);
}

/// How wide each kind of date label is at the current text size.
fn label_widths(ui: &Ui) -> [f64; 3] {
    let font = egui::TextStyle::Body.resolve(ui.style());
    WIDEST.map(|w| {
        f64::from(
            ui.painter()
                .layout_no_wrap(w.to_owned(), font.clone(), ui.visuals().text_color())
                .size()
                .x,
        )
    })
}

/// The date and pain axes: grid lines where labels fit, the labels, and
/// what hovering over the data says.
fn with_axes(plot: Plot<'_>, widths: [f64; 3]) -> Plot<'_> {
    plot.x_grid_spacer(move |input: GridInput| {
        let points_per_day = f64::from(MIN_GRID_SPACING) / input.base_step_size.max(1e-9);
        let step = choose_step(points_per_day, widths);
        let (from, to) = (input.bounds.0.ceil() as i64, input.bounds.1.floor() as i64);
        marks(from, to, step)
            .into_iter()
            .map(|day| GridMark {
                value: day as f64,
                step_size: step.days(),
            })
            .collect()
    })
    .x_axis_formatter(|mark, _| label(mark.value, mark.step_size))
    .y_grid_spacer(|input: GridInput| {
        (0..=5)
            .map(|i| f64::from(i * 2))
            .filter(|v| *v >= input.bounds.0 && *v <= input.bounds.1)
            .map(|value| GridMark {
                value,
                step_size: 2.0,
            })
            .collect()
    })
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
            label(position.x, 1.0),
            position.y
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
}

/// The chart's key, under it.
fn key(ui: &mut Ui, many: bool) {
    let p = theme::palette(ui);
    ui.add_space(SPACE.xs);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = SPACE.s;
        if !many {
            ui_kit::key_swatch(ui, theme::color(p.chart.daily), None, "Pain that day");
            ui.add_space(SPACE.s);
        }
        ui_kit::key_swatch(ui, theme::color(p.chart.average), None, "7-day average");
        ui.add_space(SPACE.s);
        ui_kit::key_swatch(
            ui,
            theme::color(p.chart.severe_band),
            Some(theme::color(p.border)),
            "Pain 7 or more",
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const WIDTHS: [f64; 3] = [48.0, 66.0, 34.0];

    #[test]
    fn labels_never_crowd_at_any_scale() {
        for points_per_day in [0.05, 0.3, 1.0, 3.0, 20.0, 80.0] {
            for scale in [1.0, 2.0] {
                let widths = WIDTHS.map(|w| w * scale);
                let step = choose_step(points_per_day, widths);
                let apart = step.days() * points_per_day;
                assert!(
                    apart >= widths[step.format()] * 1.4 || step == Step::Years(10),
                    "{points_per_day} points a day at {scale}×: {step:?} is {apart} apart"
                );
            }
        }
        // Bigger text never means more labels.
        let small = choose_step(2.0, WIDTHS);
        let big = choose_step(2.0, WIDTHS.map(|w| w * 2.0));
        assert!(big.days() >= small.days());
    }

    #[test]
    fn marks_fall_on_mondays_firsts_and_new_years() {
        let from = stats::day_number(date(2026, 1, 10));
        let to = stats::day_number(date(2026, 11, 24));
        for day in marks(from, to, Step::Days(7)) {
            let d = stats::date_of_day_number(day).unwrap();
            assert_eq!(d.weekday(), jiff::civil::Weekday::Monday, "{d}");
        }
        let months: Vec<Date> = marks(from, to, Step::Months(3))
            .into_iter()
            .filter_map(stats::date_of_day_number)
            .collect();
        assert_eq!(
            months,
            [date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)]
        );
        let years = marks(stats::day_number(date(2016, 11, 24)), to, Step::Years(5));
        assert_eq!(
            years,
            [
                stats::day_number(date(2020, 1, 1)),
                stats::day_number(date(2025, 1, 1))
            ]
        );
    }

    #[test]
    fn labels_say_what_the_step_needs() {
        let day = stats::day_number(date(2026, 11, 24)) as f64;
        assert_eq!(label(day, 7.0), "24 Nov");
        assert_eq!(label(day, 30.44), "Nov 2026");
        assert_eq!(label(day, 365.25), "2026");
    }
}

//! The pain chart as vector graphics: daily pain as bars, the 7-day
//! average as a line, pain 7 and above hatched (it survives a grey print),
//! a 0–10 axis and a legend. A day logged with pain 0 gets a dark mark on
//! the axis; a day not logged gets a small open ring below it, so the two
//! never look alike.

use jiff::civil::Date;

use super::layout::{Ctx, TextStyle, leading};
use super::ops::{AVERAGE, BAR, Boxed, INK, MUTED, Op, RULE, SEVERE, SEVERE_HATCH};
use crate::journal::stats::days_between;
use crate::summary::model::PainChart;

/// Where the plot sits in the chart's box, and how days and pain map to
/// points on it.
struct Plot {
    x: f32,
    w: f32,
    top: f32,
    h: f32,
    from: Date,
    to: Date,
    /// Days in the period.
    days: i64,
    /// Days per bar (see [`bucket_days`]).
    bucket: i64,
    day_w: f32,
}

impl Plot {
    fn y_of(&self, pain: f32) -> f32 {
        self.top + self.h * (1.0 - pain.clamp(0.0, 10.0) / 10.0)
    }

    fn x_of(&self, date: Date) -> f32 {
        self.x + (days_between(self.from, date) as f32 + self.bucket as f32 / 2.0) * self.day_w
    }
}

pub(super) fn chart(ctx: &Ctx<'_>, chart: &PainChart, width: f32) -> Boxed {
    let small = ctx.small();
    let label_style = ctx.body().color(MUTED).size(small);
    let axis_w = ctx.width("10", small, false) + 4.0;
    let plot_w = (width - axis_w).max(10.0);
    let days = days_between(chart.from, chart.to).max(0) + 1;
    // Long periods are drawn in buckets of several days (the mean of each),
    // so ten years stays a readable chart and a small file.
    let bucket = bucket_days(days);
    let plot = Plot {
        x: axis_w,
        w: plot_w,
        top: 3.0,
        h: ctx.d.chart_height,
        from: chart.from,
        to: chart.to,
        days,
        bucket,
        day_w: plot_w / days as f32,
    };

    let mut out = Boxed::default();
    out.ops.push(Op::FigureStart {
        alt: chart.caption.clone(),
    });
    axis(ctx, &plot, label_style, &mut out);
    let daily = bucketed(&chart.daily, chart.from, bucket);
    let rolling = bucketed(&chart.rolling, chart.from, bucket);
    let bar_w = (plot.day_w * bucket as f32 * 0.72).clamp(0.3, 9.0);
    bars(&plot, &daily, bar_w, &mut out);
    let ring = (bar_w / 2.0).clamp(0.6, 1.6);
    rings(&plot, &daily, ring, &mut out);
    average(&plot, &rolling, &mut out);
    // Dates under the axis (below the rings): first, middle, last.
    let axis_y = plot.top + plot.h + 2.0 * ring + 3.0;
    dates(ctx, &plot, axis_y, label_style, &mut out);
    let height = axis_y + leading(small) + 1.0;
    out.height = legend(ctx, &plot, width, height, label_style, &mut out);
    out.ops.push(Op::FigureEnd);
    out
}

/// The "pain 7 or more" band and the 0–10 grid lines with their labels.
fn axis(ctx: &Ctx<'_>, plot: &Plot, label_style: TextStyle, out: &mut Boxed) {
    let small = ctx.small();
    let axis_w = plot.x;
    // Pain 7 and above: the "severe" band, tinted and hatched.
    out.ops.extend(hatched(
        plot.x,
        plot.y_of(10.0),
        plot.w,
        plot.y_of(7.0) - plot.y_of(10.0),
    ));
    for pain in [0u8, 2, 4, 6, 8, 10] {
        let y = plot.y_of(f32::from(pain));
        out.ops.push(Op::Line {
            points: vec![(plot.x, y), (plot.x + plot.w, y)],
            width: if pain == 0 { 0.8 } else { 0.4 },
            color: if pain == 0 { MUTED } else { RULE },
            dashed: pain != 0,
        });
        let label = pain.to_string();
        let lw = ctx.width(&label, small, false);
        let mut text = ctx.line(&label, label_style, lw + 1.0);
        text.height = 0.0;
        out.place(text, axis_w - 3.0 - lw, y - small * 0.62);
    }
}

/// Daily bars (or one per bucket); pain 0 is a dark mark on the axis.
fn bars(plot: &Plot, daily: &[(Date, f32)], bar_w: f32, out: &mut Boxed) {
    let base = plot.y_of(0.0);
    for &(date, pain) in daily {
        if date < plot.from || date > plot.to {
            continue;
        }
        let top = plot.y_of(pain);
        let h = base - top;
        out.ops.push(if h > 0.4 {
            Op::Rect {
                x: plot.x_of(date) - bar_w / 2.0,
                y: top,
                w: bar_w,
                h,
                color: BAR,
            }
        } else {
            Op::Rect {
                x: plot.x_of(date) - bar_w / 2.0,
                y: base - 1.8,
                w: bar_w,
                h: 1.8,
                color: INK,
            }
        });
    }
}

/// Days (or buckets) with no entry: a small open ring under the axis.
fn rings(plot: &Plot, daily: &[(Date, f32)], ring: f32, out: &mut Boxed) {
    let base = plot.y_of(0.0);
    let mut logged = daily.iter().map(|(d, _)| *d).peekable();
    let mut day = plot.from;
    while day <= plot.to {
        while logged.peek().is_some_and(|d| *d < day) {
            logged.next();
        }
        if logged.peek() != Some(&day) {
            out.ops.push(Op::Ring {
                x: plot.x_of(day),
                y: base + ring + 1.2,
                r: ring,
                color: MUTED,
            });
        }
        let Ok(next) = day.checked_add(jiff::Span::new().days(plot.bucket)) else {
            break;
        };
        day = next;
    }
}

/// The 7-day average, broken where days are missing.
fn average(plot: &Plot, rolling: &[(Date, f32)], out: &mut Boxed) {
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut prev: Option<Date> = None;
    let flush = |run: &mut Vec<(f32, f32)>, out: &mut Boxed| {
        match run.len() {
            0 => {}
            1 => out.ops.push(Op::Dot {
                x: run[0].0,
                y: run[0].1,
                r: 1.2,
                color: AVERAGE,
            }),
            _ => out.ops.push(Op::Line {
                points: std::mem::take(run),
                width: 1.6,
                color: AVERAGE,
                dashed: false,
            }),
        }
        run.clear();
    };
    for &(date, avg) in rolling {
        if date < plot.from || date > plot.to {
            continue;
        }
        if prev.is_some_and(|p| days_between(p, date) != plot.bucket) {
            flush(&mut run, out);
        }
        run.push((plot.x_of(date), plot.y_of(avg)));
        prev = Some(date);
    }
    flush(&mut run, out);
}

/// The first, middle and last dates, at `axis_y`.
fn dates(ctx: &Ctx<'_>, plot: &Plot, axis_y: f32, label_style: TextStyle, out: &mut Boxed) {
    let small = ctx.small();
    let mid = plot
        .from
        .checked_add(jiff::Span::new().days(days_between(plot.from, plot.to) / 2))
        .unwrap_or(plot.from);
    let marks = [(plot.from, 0.0), (mid, 0.5), (plot.to, 1.0)];
    for (date, anchor) in marks {
        if plot.days < 3 && anchor == 0.5 {
            continue;
        }
        let label = date.to_string();
        let lw = ctx.width(&label, small, false);
        let x = (plot.x + plot.w * anchor - lw * anchor).clamp(plot.x, plot.x + plot.w - lw);
        let mut text = ctx.line(&label, label_style, lw + 1.0);
        text.height = 0.0;
        out.place(text, x, axis_y);
    }
}

/// Legend: swatch then label, wrapping to a second row if needed, from
/// `height` down. Returns the chart's height with the legend.
fn legend(
    ctx: &Ctx<'_>,
    plot: &Plot,
    width: f32,
    height: f32,
    label_style: TextStyle,
    out: &mut Boxed,
) -> f32 {
    let small = ctx.small();
    let bucket = plot.bucket;
    let plot_x = plot.x;
    let bars_label = if bucket == 1 {
        "Pain that day (average)".to_owned()
    } else {
        format!("Pain (mean of {bucket} days)")
    };
    let line_label = if bucket == 1 {
        "7-day average"
    } else {
        "Smoothed average"
    };
    let labels = [
        bars_label.as_str(),
        line_label,
        "Pain 7 or more",
        "Pain 0",
        "Not logged",
    ];
    let row_h = leading(small) + 1.0;
    let mut row_y = height + small * 0.4;
    let mut x = plot_x;
    for (i, label) in labels.into_iter().enumerate() {
        let swatch_w = if i == 1 { 10.0 } else { 6.0 };
        let lw = ctx.width(label, small, false);
        let item_w = swatch_w + 3.0 + lw;
        if x > plot_x && x + item_w > width {
            x = plot_x;
            row_y += row_h;
        }
        match i {
            0 => out.ops.push(Op::Rect {
                x,
                y: row_y - 3.0,
                w: swatch_w,
                h: 6.0,
                color: BAR,
            }),
            1 => out.ops.push(Op::Line {
                points: vec![(x, row_y), (x + swatch_w, row_y)],
                width: 1.6,
                color: AVERAGE,
                dashed: false,
            }),
            2 => out.ops.extend(hatched(x, row_y - 3.0, swatch_w, 6.0)),
            3 => out.ops.push(Op::Rect {
                x,
                y: row_y + 1.2,
                w: swatch_w,
                h: 1.8,
                color: INK,
            }),
            _ => out.ops.push(Op::Ring {
                x: x + swatch_w / 2.0,
                y: row_y,
                r: 1.6,
                color: MUTED,
            }),
        }
        let mut text = ctx.line(label, label_style, (width - x - swatch_w - 3.0).max(1.0));
        text.height = 0.0;
        out.place(text, x + swatch_w + 3.0, row_y - small * 0.62);
        x += item_w + 10.0;
    }
    row_y + small * 0.8
}

/// A tinted rectangle with diagonal hatching: the "pain 7 or more" band,
/// which a grey print keeps because the lines carry it, not the hue.
fn hatched(x: f32, y: f32, w: f32, h: f32) -> Vec<Op> {
    let mut ops = vec![Op::Rect {
        x,
        y,
        w,
        h,
        color: SEVERE,
    }];
    let step = 4.0;
    // Lines at 45°, clipped to the rectangle by hand.
    let mut k = -h;
    while k < w {
        let (x0, y0) = if k < 0.0 { (x, y - k) } else { (x + k, y) };
        let end = (k + h).min(w);
        let (x1, y1) = (x + end, y + (end - k));
        if x1 > x0 {
            ops.push(Op::Line {
                points: vec![(x0, y0), (x1, y1)],
                width: 0.5,
                color: SEVERE_HATCH,
                dashed: false,
            });
        }
        k += step;
    }
    ops
}

/// Days per bar: 1 up to about half a year, then enough that there are at
/// most about 180 bars.
fn bucket_days(days: i64) -> i64 {
    if days <= 200 { 1 } else { (days + 179) / 180 }
}

/// The mean value of each bucket of `bucket` days counted from `from`,
/// dated by the bucket's first day.
fn bucketed(points: &[(Date, f32)], from: Date, bucket: i64) -> Vec<(Date, f32)> {
    if bucket <= 1 {
        return points.to_vec();
    }
    let mut out: Vec<(Date, f32)> = Vec::new();
    let mut current: Option<(i64, f32, u32)> = None;
    let flush = |cur: Option<(i64, f32, u32)>, out: &mut Vec<(Date, f32)>| {
        if let Some((index, sum, n)) = cur
            && let Ok(date) = from.checked_add(jiff::Span::new().days(index * bucket))
        {
            out.push((date, sum / n as f32));
        }
    };
    for &(date, value) in points {
        let index = days_between(from, date).div_euclid(bucket);
        match &mut current {
            Some((i, sum, n)) if *i == index => {
                *sum += value;
                *n += 1;
            }
            _ => {
                flush(current.take(), &mut out);
                current = Some((index, value, 1));
            }
        }
    }
    flush(current, &mut out);
    out
}

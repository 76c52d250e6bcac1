//! The pain chart as vector graphics: daily pain as bars, the 7-day
//! average as a line, pain 7 and above hatched (it survives a grey print),
//! a 0–10 axis and a legend. A day logged with pain 0 gets a dark mark on
//! the axis; a day not logged gets a small open ring below it, so the two
//! never look alike.

use jiff::civil::Date;

use super::layout::{Ctx, leading};
use super::ops::{AVERAGE, BAR, Boxed, INK, MUTED, Op, RULE, SEVERE, SEVERE_HATCH};
use crate::journal::stats::days_between;
use crate::summary::model::PainChart;

pub(super) fn chart(ctx: &Ctx<'_>, chart: &PainChart, width: f32) -> Boxed {
    let small = ctx.small();
    let label_style = ctx.body().color(MUTED).size(small);
    let axis_w = ctx.width("10", small, false) + 4.0;
    let plot_x = axis_w;
    let plot_w = (width - axis_w).max(10.0);
    let plot_top = 3.0;
    let plot_h = ctx.d.chart_height;
    let y_of = |pain: f32| plot_top + plot_h * (1.0 - pain.clamp(0.0, 10.0) / 10.0);

    let days = days_between(chart.from, chart.to).max(0) + 1;
    let day_w = plot_w / days as f32;

    let mut out = Boxed::default();
    out.ops.push(Op::FigureStart {
        alt: chart.caption.clone(),
    });
    // Pain 7 and above: the "severe" band, tinted and hatched.
    out.ops
        .extend(hatched(plot_x, y_of(10.0), plot_w, y_of(7.0) - y_of(10.0)));
    for pain in [0u8, 2, 4, 6, 8, 10] {
        let y = y_of(f32::from(pain));
        out.ops.push(Op::Line {
            points: vec![(plot_x, y), (plot_x + plot_w, y)],
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

    // Long periods are drawn in buckets of several days (the mean of each),
    // so ten years stays a readable chart and a small file.
    let bucket = bucket_days(days);
    let daily = bucketed(&chart.daily, chart.from, bucket);
    let rolling = bucketed(&chart.rolling, chart.from, bucket);
    let x_of =
        |date: Date| plot_x + (days_between(chart.from, date) as f32 + bucket as f32 / 2.0) * day_w;

    // Daily bars; pain 0 is a dark mark on the axis.
    let bar_w = (day_w * bucket as f32 * 0.72).clamp(0.3, 9.0);
    let base = y_of(0.0);
    for &(date, pain) in &daily {
        if date < chart.from || date > chart.to {
            continue;
        }
        let top = y_of(pain);
        let h = base - top;
        out.ops.push(if h > 0.4 {
            Op::Rect {
                x: x_of(date) - bar_w / 2.0,
                y: top,
                w: bar_w,
                h,
                color: BAR,
            }
        } else {
            Op::Rect {
                x: x_of(date) - bar_w / 2.0,
                y: base - 1.8,
                w: bar_w,
                h: 1.8,
                color: INK,
            }
        });
    }
    // Days (or buckets) with no entry: a small open ring under the axis.
    let ring = (bar_w / 2.0).clamp(0.6, 1.6);
    let mut logged = daily.iter().map(|(d, _)| *d).peekable();
    let mut day = chart.from;
    while day <= chart.to {
        while logged.peek().is_some_and(|d| *d < day) {
            logged.next();
        }
        if logged.peek() != Some(&day) {
            out.ops.push(Op::Ring {
                x: x_of(day),
                y: base + ring + 1.2,
                r: ring,
                color: MUTED,
            });
        }
        let Ok(next) = day.checked_add(jiff::Span::new().days(bucket)) else {
            break;
        };
        day = next;
    }

    // The 7-day average, broken where days are missing.
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
    for &(date, avg) in &rolling {
        if date < chart.from || date > chart.to {
            continue;
        }
        if prev.is_some_and(|p| days_between(p, date) != bucket) {
            flush(&mut run, &mut out);
        }
        run.push((x_of(date), y_of(avg)));
        prev = Some(date);
    }
    flush(&mut run, &mut out);

    // Dates under the axis (below the rings): first, middle, last.
    let axis_y = plot_top + plot_h + 2.0 * ring + 3.0;
    let mid = chart
        .from
        .checked_add(jiff::Span::new().days(days_between(chart.from, chart.to) / 2))
        .unwrap_or(chart.from);
    let marks = [(chart.from, 0.0), (mid, 0.5), (chart.to, 1.0)];
    for (date, anchor) in marks {
        if days < 3 && anchor == 0.5 {
            continue;
        }
        let label = date.to_string();
        let lw = ctx.width(&label, small, false);
        let x = (plot_x + plot_w * anchor - lw * anchor).clamp(plot_x, plot_x + plot_w - lw);
        let mut text = ctx.line(&label, label_style, lw + 1.0);
        text.height = 0.0;
        out.place(text, x, axis_y);
    }
    let height = axis_y + leading(small) + 1.0;

    // Legend: swatch then label, wrapping to a second row if needed.
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
    out.height = row_y + small * 0.8;
    out.ops.push(Op::FigureEnd);
    out
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

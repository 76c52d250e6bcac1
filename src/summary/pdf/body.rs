//! Where it hurts, drawn: the app's body figure (`look::figure`), back and
//! front, with each region shaded by how many of the logged days it was
//! marked (darker = more days, in the pain ramp, which keeps its order in
//! grey). One figure for screen readers, read out as the caption.

use super::layout::{Ctx, leading};
use super::ops::{Boxed, MUTED, Op, Rgb, token as rgb};
use crate::look::figure::{self, HEIGHT, Pt, View, WIDTH};
use crate::look::tokens::PRINT;
use crate::summary::model::BodyMap;

/// The shade for a region marked on `days` of `logged` days: pain-ramp
/// steps 3 to 10, so even one day shows clearly against an unmarked one.
fn shade(days: u32, logged: u32) -> Rgb {
    let share = f64::from(days) / f64::from(logged.max(days).max(1));
    // 3 + 0..=7: always a ramp step.
    let step = 3 + (share * 7.0).round() as u8;
    rgb(PRINT.pain(step))
}

pub(super) fn body_map(ctx: &Ctx<'_>, map: &BodyMap, width: f32) -> Boxed {
    let small = ctx.small();
    let label_style = ctx.body().color(MUTED).size(small);
    // About as tall as half the chart: the figure must not crowd the page.
    let fig_h = (ctx.d.chart_height * 0.6).min(width * 0.45 * HEIGHT / WIDTH);
    let fig_w = fig_h * WIDTH / HEIGHT;
    let gap = fig_w * 0.25;
    let scale = fig_h / HEIGHT;
    let fig = figure::figure();
    let mut out = Boxed::default();
    out.ops.push(Op::FigureStart {
        alt: map.caption.clone(),
    });
    for (i, view) in View::BOTH.into_iter().enumerate() {
        let x0 = i as f32 * (fig_w + gap);
        let at = |p: Pt| (x0 + p.x * scale, p.y * scale);
        for path in &fig.outline {
            let points: Vec<(f32, f32)> = path.flatten(figure::STEPS).into_iter().map(at).collect();
            out.ops.push(Op::Shape {
                points,
                fill: Some(rgb(PRINT.faint)),
                stroke: Some((0.7, rgb(PRINT.control))),
            });
        }
        for shape in fig.regions_in(view) {
            let days = map
                .counts
                .iter()
                .find(|(r, _)| *r == shape.region)
                .map_or(0, |(_, d)| *d);
            let fill = if days > 0 {
                shade(days, map.days_logged)
            } else {
                rgb(PRINT.surface)
            };
            out.ops.push(Op::Shape {
                points: shape.points.iter().copied().map(at).collect(),
                fill: Some(fill),
                stroke: Some((0.4, rgb(PRINT.control))),
            });
        }
        // "Back" / "Front" under the figure; L and R beside the head, on
        // the person's own left and right.
        let caption = view.label();
        let w = ctx.width(caption, small, false);
        let mut text = ctx.line(caption, label_style, w + 1.0);
        text.height = 0.0;
        out.place(text, x0 + (fig_w - w) / 2.0, fig_h + 1.0);
        for (p, side) in view.sides() {
            let letter = if side == "Your left" { "L" } else { "R" };
            let lw = ctx.width(letter, small, false);
            let (x, _) = at(p);
            let mut text = ctx.line(letter, label_style, lw + 1.0);
            text.height = 0.0;
            out.place(text, x - lw / 2.0, 0.0);
        }
    }
    let note = "L and R: your own left and right. Darker: marked on more days.";
    let mut text = ctx.line(note, label_style, width);
    text.height = 0.0;
    out.place(text, 0.0, fig_h + 1.0 + leading(small));
    out.height = fig_h + 1.0 + 2.0 * leading(small);
    out.ops.push(Op::FigureEnd);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_days_shade_darker_and_one_day_still_shows() {
        let l = |c: Rgb| crate::look::Rgb(c.0, c.1, c.2).luminance();
        assert!(l(shade(10, 10)) < l(shade(5, 10)));
        assert!(l(shade(5, 10)) < l(shade(1, 10)));
        let blank = rgb(PRINT.surface);
        assert!(
            crate::look::contrast(crate::look::Rgb(blank.0, blank.1, blank.2), PRINT.pain(3)) > 1.5
        );
        assert_eq!(shade(3, 0), shade(3, 3), "no division by zero");
    }
}

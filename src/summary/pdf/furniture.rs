//! The page's header (title, who and when, the disclaimer band) and
//! footer (record completeness and sources).

use super::layout::{Ctx, leading};
use super::ops::{ACCENT, BAND, Boxed, MUTED, Op, RULE, Role};
use crate::summary::model::{Footer, Header};

pub(super) fn header(ctx: &Ctx<'_>, header: &Header, width: f32) -> Boxed {
    let title_style = ctx.body().bold().size(17.0).color(ACCENT);
    let brand = "Backlog";
    let brand_style = ctx.body().bold().size(10.0).color(MUTED);
    let brand_w = ctx.width(brand, brand_style.size, true);
    let mut out = ctx
        .line(&header.title, title_style, width - brand_w - 12.0)
        .with_role(Role::Title(ctx.next_id()));
    let mut brand_box = ctx
        .line(brand, brand_style, brand_w + 1.0)
        .with_role(Role::Artifact);
    brand_box.height = 0.0;
    out.place(brand_box, width - brand_w, 5.0);

    // Facts on one or two lines: "Label value   Label value".
    let size = ctx.d.body + 0.6;
    let mut line_x = 0.0;
    let mut top = out.height + 2.0;
    let lead = leading(size);
    for fact in &header.facts {
        let label = format!("{} ", fact.label);
        let lw = ctx.width(&label, size, false);
        let vw = ctx.width(&fact.value, size, true);
        if line_x > 0.0 && line_x + lw + vw > width {
            line_x = 0.0;
            top += lead;
        }
        let value = ctx.line(
            &fact.value,
            ctx.body().bold().size(size),
            (width - line_x - lw).max(10.0),
        );
        out.place(
            ctx.line(&label, ctx.body().color(MUTED).size(size), lw + 1.0),
            line_x,
            top,
        );
        out.place(value, line_x + lw, top);
        line_x += lw + vw + 16.0;
    }
    out.height = top + lead + 4.0;

    // The disclaimer band.
    let band_style = ctx.body().bold().color(ACCENT);
    let made_style = ctx.body().color(MUTED).size(ctx.small());
    let made_w = ctx
        .width(&header.made_by, made_style.size, false)
        .min(width * 0.45);
    let text = ctx.line(&header.disclaimer, band_style, width - made_w - 24.0);
    let band_h = text.height + 6.0;
    let band_top = out.height;
    out.ops.push(Op::Rect {
        x: 0.0,
        y: band_top,
        w: width,
        h: band_h,
        color: BAND,
    });
    out.place(text, 6.0, band_top + 3.0);
    let made = ctx.line(&header.made_by, made_style, made_w + 1.0);
    let made_dy = band_top + (band_h - made.height) / 2.0;
    out.place(made, width - made_w - 6.0, made_dy);
    out.height = band_top + band_h;
    out
}

pub(super) fn footer(
    ctx: &Ctx<'_>,
    footer: &Footer,
    width: f32,
    page_label: Option<&str>,
) -> Boxed {
    let size = ctx.small();
    let style = ctx.body().color(MUTED).size(size);
    let mut out = Boxed {
        ops: vec![Op::Line {
            points: vec![(0.0, 0.0), (width, 0.0)],
            width: 0.6,
            color: RULE,
            dashed: false,
        }],
        height: 3.0,
    };
    let text = footer.lines.join("   ·   ");
    let label_w = page_label.map_or(0.0, |l| ctx.width(l, size, false) + 10.0);
    let first = ctx.paragraph(&text, style, width - label_w, 2);
    if let Some(label) = page_label {
        let mut b = ctx.line(label, style, label_w);
        b.height = 0.0;
        out.place(b, width - label_w + 10.0, out.height);
    }
    out.stack(first, 0.0);
    if !footer.sources.is_empty() {
        let small = (size - 0.5).max(6.0);
        let list = footer
            .sources
            .iter()
            .map(|s| format!("[{}] {}", s.key, s.text))
            .collect::<Vec<_>>()
            .join("   ");
        let title = format!("{} ", footer.sources_title);
        let title_w = ctx.width(&title, small, true);
        let mut title_box = ctx.line(&title, style.bold().size(small), title_w + 1.0);
        title_box.height = 0.0;
        let body = ctx.paragraph(&list, style.size(small), width - title_w, 6);
        let mut row = Boxed {
            ops: Vec::new(),
            height: body.height,
        };
        row.place(title_box, 0.0, 0.0);
        row.place(body, title_w, 0.0);
        out.stack(row, 1.5);
    }
    out
}

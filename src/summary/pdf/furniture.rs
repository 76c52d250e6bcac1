//! The page's header (title, who and when, the disclaimer band) and
//! footer (record completeness and sources).

use super::layout::{Ctx, MIN_SMALL, leading};
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

/// How the sources appear on page 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sources {
    /// Each key with its one-line reference (fits in [`SOURCE_LINES`]).
    Full,
    /// Keys only; the full list is on a page of its own.
    Keys,
}

/// Lines the sources may take on page 1.
pub(super) const SOURCE_LINES: usize = 3;

/// The full source list as one paragraph: "[KEY] reference   [KEY] …".
pub(super) fn source_list(footer: &Footer) -> String {
    footer
        .sources
        .iter()
        .map(|s| format!("[{}] {}", s.key, s.text))
        .collect::<Vec<_>>()
        .join("   ")
}

/// Whether the full list fits in [`SOURCE_LINES`] lines of `width`.
pub(super) fn sources_fit(ctx: &Ctx<'_>, footer: &Footer, width: f32) -> Sources {
    let title_w = ctx.width(&format!("{} ", footer.sources_title), MIN_SMALL, true);
    let fonts = ctx.fonts;
    let lines = crate::summary::wrap::wrap(
        &source_list(footer),
        width - title_w,
        SOURCE_LINES + 1,
        &mut |s| fonts.width(s, MIN_SMALL, false),
    );
    if lines.len() <= SOURCE_LINES {
        Sources::Full
    } else {
        Sources::Keys
    }
}

pub(super) fn footer(
    ctx: &Ctx<'_>,
    footer: &Footer,
    width: f32,
    page_label: Option<&str>,
    (sources, sources_on): (Sources, usize),
    extra: &[String],
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
    let text = footer
        .lines
        .iter()
        .chain(extra)
        .cloned()
        .collect::<Vec<_>>()
        .join("   ·   ");
    let label_w = page_label.map_or(0.0, |l| ctx.width(l, size, true) + 10.0);
    let first = ctx.paragraph(&text, style, width - label_w, 3);
    if let Some(label) = page_label {
        let mut b = ctx.line(label, style.bold(), label_w);
        b.height = 0.0;
        out.place(b, width - label_w + 10.0, out.height);
    }
    out.stack(first, 0.0);
    if !footer.sources.is_empty() {
        let small = MIN_SMALL;
        let list = match sources {
            Sources::Full => source_list(footer),
            Sources::Keys => format!(
                "{} (the full references are on page {sources_on}).",
                footer
                    .sources
                    .iter()
                    .map(|s| s.key.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let title = format!("{} ", footer.sources_title);
        let title_w = ctx.width(&title, small, true);
        let mut title_box = ctx.line(&title, style.bold().size(small), title_w + 1.0);
        title_box.height = 0.0;
        let body = ctx.paragraph(&list, style.size(small), width - title_w, SOURCE_LINES);
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

/// The line at the top of every page after the first: whose summary it
/// is, the period, and the page number.
pub(super) fn running_header(ctx: &Ctx<'_>, header: &Header, width: f32, label: &str) -> Boxed {
    let style = ctx.body().color(MUTED).size(ctx.small());
    let label_w = ctx.width(label, style.size, true) + 2.0;
    let who = match &header.name {
        Some(name) => format!("{name} · {}", header.title),
        None => header.title.clone(),
    };
    let mut out = ctx
        .line(&who, style.bold(), width - label_w - 12.0)
        .with_role(Role::Artifact);
    let mut number = ctx
        .line(label, style.bold(), label_w)
        .with_role(Role::Artifact);
    number.height = 0.0;
    out.place(number, width - label_w, 0.0);
    let rule_y = out.height + 1.5;
    out.ops.push(Op::Line {
        points: vec![(0.0, rule_y), (width, rule_y)],
        width: 0.6,
        color: RULE,
        dashed: false,
    });
    out.height = rule_y + 8.0;
    out
}

/// A page of its own with every source in full, one per line.
pub(super) fn sources_page(ctx: &Ctx<'_>, footer: &Footer, width: f32) -> Boxed {
    let title_style = ctx.body().bold().color(ACCENT).size(ctx.d.body + 2.0);
    let mut out = ctx
        .line(&footer.sources_title.replace(':', ""), title_style, width)
        .with_role(Role::Heading(ctx.next_id()));
    out.height += 4.0;
    let style = ctx.body();
    let key_w = footer
        .sources
        .iter()
        .map(|s| ctx.width(&format!("[{}]", s.key), style.size, true))
        .fold(0.0, f32::max)
        .min(width * 0.3)
        + 10.0;
    for s in &footer.sources {
        let key = format!("[{}]", s.key);
        let mut row = ctx.line(&key, style.bold(), key_w - 4.0);
        let text = ctx.paragraph(&s.full, style, width - key_w, 4);
        row.height = row.height.max(text.height);
        row.place(text, key_w, 0.0);
        out.stack(row, 2.0);
    }
    out
}

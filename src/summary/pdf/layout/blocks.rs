//! Sections and their blocks (headlines in a box styled by tone, fields,
//! lists, fact grids) laid out with a context from the parent module.
//! Their own file because the densities and text styles are shared by
//! every part of the page, while only sections are built from blocks.

use super::{Ctx, Density};
use crate::summary::model::{Block, Fact, Section, Tone};
use crate::summary::pdf;
use crate::summary::pdf::ops::{ACCENT, BAND, Boxed, MUTED, Op, RULE, Rgb, Role, WHITE, ZEBRA};

/// How a headline box looks for a tone. Tone is carried by weight and
/// value, not by hue alone, so a grey print keeps it: the urgent box is
/// dark with white text; the caution box is outlined with a thick bar;
/// calm and neutral are light. The words always say it too.
#[derive(Debug, Clone, Copy)]
pub(super) struct BoxStyle {
    pub(super) ink: Rgb,
    pub(super) fill: Rgb,
    pub(super) bar: Rgb,
    pub(super) bar_width: f32,
    /// A frame around the box, in points (0: none).
    pub(super) outline: f32,
}

pub(super) fn box_style(tone: Tone) -> BoxStyle {
    match tone {
        Tone::Neutral => BoxStyle {
            ink: ACCENT,
            fill: BAND,
            bar: ACCENT,
            bar_width: 3.0,
            outline: 0.0,
        },
        Tone::Calm => BoxStyle {
            ink: Rgb(0x1e, 0x6b, 0x34),
            fill: Rgb(0xe8, 0xf3, 0xea),
            bar: Rgb(0x1e, 0x6b, 0x34),
            bar_width: 3.0,
            outline: 0.0,
        },
        Tone::Caution => BoxStyle {
            ink: Rgb(0x6b, 0x3a, 0x00),
            fill: Rgb(0xfd, 0xf6, 0xe8),
            bar: Rgb(0x6b, 0x3a, 0x00),
            bar_width: 6.0,
            outline: 1.2,
        },
        Tone::Urgent => BoxStyle {
            ink: WHITE,
            fill: Rgb(0x8e, 0x12, 0x12),
            bar: Rgb(0x3a, 0x05, 0x05),
            bar_width: 6.0,
            outline: 0.0,
        },
    }
}

/// Lines a list item or field may take in a section that is never cut.
const WHOLE_LINES: usize = 40;

pub(in crate::summary::pdf) fn section(ctx: &Ctx<'_>, section: &Section, width: f32) -> Boxed {
    let size = ctx.d.body + 1.6;
    let mut out = ctx
        .line(
            &section.title.to_uppercase(),
            ctx.body().bold().color(ACCENT).size(size),
            width,
        )
        .with_role(Role::Heading(ctx.next_id()));
    let rule_y = out.height + 1.0;
    out.ops.push(Op::Line {
        points: vec![(0.0, rule_y), (width, rule_y)],
        width: 0.8,
        color: ACCENT,
        dashed: false,
    });
    out.height = rule_y + 4.0;
    // A section that is never cut gets room for every line of every item.
    let whole = Ctx {
        fonts: ctx.fonts,
        d: Density {
            text_lines: WHOLE_LINES,
            item_lines: WHOLE_LINES,
            ..ctx.d
        },
        ids: ctx.ids,
    };
    let ctx = if section.keep_whole { &whole } else { ctx };
    for (i, b) in section.blocks.iter().enumerate() {
        let gap = if i == 0 { 0.0 } else { ctx.d.body * 0.45 };
        out.stack(block(ctx, b, width), gap);
    }
    out
}

pub(super) fn block(ctx: &Ctx<'_>, block: &Block, width: f32) -> Boxed {
    let body = ctx.body();
    match block {
        Block::Headline { tone, text } => headline(ctx, *tone, text, width),
        Block::Text { text, quote } => {
            if *quote {
                let indent = 8.0;
                let inner = ctx.paragraph(text, body, width - indent, ctx.d.text_lines);
                let mut out = Boxed {
                    ops: vec![Op::Rect {
                        x: 1.0,
                        y: 1.0,
                        w: 1.6,
                        h: inner.height - 1.5,
                        color: RULE,
                    }],
                    height: inner.height,
                };
                out.place(inner, indent, 0.0);
                out
            } else {
                ctx.paragraph(text, body, width, ctx.d.text_lines)
            }
        }
        Block::Subheading(text) => ctx.paragraph(text, body.bold(), width, 2),
        Block::Muted(text) => {
            ctx.paragraph(text, body.color(MUTED), width, ctx.d.item_lines.max(2))
        }
        Block::Field(fact) if fact.full => field(ctx, fact, width, FULL_FIELD_LINES),
        Block::Field(fact) => field(ctx, fact, width, ctx.d.text_lines),
        Block::List(items) => {
            let indent = ctx.d.body * 0.95;
            let mut out = Boxed::default();
            for item in items {
                let text = ctx.paragraph(item, body, width - indent, ctx.d.item_lines);
                let mut row = Boxed {
                    ops: vec![Op::Dot {
                        x: 2.2,
                        y: ctx.d.body * 0.68,
                        r: 1.1,
                        color: MUTED,
                    }],
                    height: text.height,
                };
                row.place(text, indent, 0.0);
                out.stack(row, 1.0);
            }
            out
        }
        Block::Facts(facts) => fact_grid(ctx, facts, width),
        Block::Table(table) => pdf::table::table(ctx, table, width),
        Block::Chart(chart) => pdf::chart::chart(ctx, chart, width),
        Block::BodyMap(map) if ctx.d.body_figure => pdf::body::body_map(ctx, map, width),
        Block::BodyMap(_) => Boxed::default(),
    }
}

/// A section's headline in a box styled by its tone (see [`box_style`]).
fn headline(ctx: &Ctx<'_>, tone: Tone, text: &str, width: f32) -> Boxed {
    let style = box_style(tone);
    let pad = 4.0;
    let text_style = ctx.body().bold().color(style.ink).size(ctx.d.body + 0.8);
    let left = style.bar_width + pad + 2.0;
    let inner = ctx.paragraph(text, text_style, width - left - pad, 4);
    let height = inner.height + 2.0 * pad - 1.0;
    let mut ops = vec![
        Op::Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: height,
            color: style.fill,
        },
        Op::Rect {
            x: 0.0,
            y: 0.0,
            w: style.bar_width,
            h: height,
            color: style.bar,
        },
    ];
    if style.outline > 0.0 {
        let o = style.outline / 2.0;
        ops.push(Op::Line {
            points: vec![
                (o, o),
                (width - o, o),
                (width - o, height - o),
                (o, height - o),
                (o, o),
            ],
            width: style.outline,
            color: style.bar,
            dashed: false,
        });
    }
    let mut out = Boxed { ops, height };
    out.place(inner, left, pad - 0.5);
    out
}

/// A full field still has a limit, so a model built by hand cannot push
/// the page over.
const FULL_FIELD_LINES: usize = WHOLE_LINES;

/// Bold label on the left, the value wrapping beside it; a label too long
/// for a narrow column goes on its own line above the value, so values
/// never start far to the right.
fn field(ctx: &Ctx<'_>, fact: &Fact, width: f32, max_lines: usize) -> Boxed {
    let body = ctx.body();
    let label_w = ctx.width(&fact.label, body.size, true) + 6.0;
    if label_w > width * 0.4 {
        let mut out = ctx.paragraph(&fact.label, body.bold(), width, 3);
        out.stack(ctx.paragraph(&fact.value, body, width, max_lines), 0.0);
        return out;
    }
    let label = ctx.line(&fact.label, body.bold(), label_w);
    let value = ctx.paragraph(&fact.value, body, width - label_w, max_lines);
    let mut out = Boxed {
        ops: Vec::new(),
        height: label.height.max(value.height),
    };
    out.place(label, 0.0, 0.0);
    out.place(value, label_w, 0.0);
    out
}

/// Figures in compact tiles, two or three to a row: the value in bold, its
/// label beside it.
fn fact_grid(ctx: &Ctx<'_>, facts: &[Fact], width: f32) -> Boxed {
    let per_row = if width > 330.0 { 3 } else { 2 };
    let gap = 4.0;
    let tile_w = (width - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let value_style = ctx.body().bold().size(ctx.d.body + 1.0);
    let label_style = ctx.body().color(MUTED).size(ctx.small());
    let mut out = Boxed::default();
    let mut top = 0.0;
    for row in facts.chunks(per_row) {
        let mut tiles = Vec::new();
        for fact in row {
            let value_w = ctx
                .width(&fact.value, value_style.size, true)
                .min(tile_w * 0.5);
            let value = ctx.line(&fact.value, value_style, value_w + 1.0);
            let label = ctx.paragraph(&fact.label, label_style, tile_w - value_w - 12.0, 2);
            tiles.push((value, label, value_w));
        }
        let tile_h = tiles
            .iter()
            .map(|(v, l, _)| v.height.max(l.height))
            .fold(0.0, f32::max)
            + 4.0;
        for (i, (value, label, value_w)) in tiles.into_iter().enumerate() {
            let x = i as f32 * (tile_w + gap);
            out.ops.push(Op::Rect {
                x,
                y: top,
                w: tile_w,
                h: tile_h,
                color: ZEBRA,
            });
            out.place(value, x + 4.0, top + 2.0);
            out.place(
                label,
                x + 4.0 + value_w + 5.0,
                top + 2.0 + (ctx.d.body - ctx.small()) * 0.8,
            );
        }
        out.height = top + tile_h;
        top += tile_h + gap;
    }
    out
}

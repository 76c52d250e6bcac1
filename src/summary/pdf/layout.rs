//! Laying out the model's blocks into positioned ops, for a given width and
//! density. Sizes are in points; y grows downwards from the block's top.

use std::cell::Cell;

use super::fonts::Fonts;
use super::ops::{ACCENT, BAND, Boxed, INK, MUTED, Op, RULE, Rgb, Role, ZEBRA};
use crate::summary::model::{Block, Fact, Section, Tone};
use crate::summary::wrap::{fit, wrap};

/// How tightly a page is set. The renderer tries the roomiest first and
/// steps down until the page fits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Density {
    pub(super) body: f32,
    /// Lines for a paragraph (the person's own words, reasons).
    pub(super) text_lines: usize,
    /// Lines for one list item or field value.
    pub(super) item_lines: usize,
    pub(super) chart_height: f32,
    /// Space between sections.
    pub(super) section_gap: f32,
}

pub(super) const DENSITIES: [Density; 10] = [
    Density {
        body: 8.8,
        text_lines: 5,
        item_lines: 3,
        chart_height: 118.0,
        section_gap: 13.0,
    },
    Density {
        body: 8.6,
        text_lines: 5,
        item_lines: 3,
        chart_height: 112.0,
        section_gap: 12.0,
    },
    Density {
        body: 8.4,
        text_lines: 4,
        item_lines: 3,
        chart_height: 106.0,
        section_gap: 11.0,
    },
    Density {
        body: 8.2,
        text_lines: 4,
        item_lines: 2,
        chart_height: 100.0,
        section_gap: 10.0,
    },
    Density {
        body: 8.0,
        text_lines: 3,
        item_lines: 2,
        chart_height: 94.0,
        section_gap: 9.0,
    },
    Density {
        body: 7.8,
        text_lines: 3,
        item_lines: 2,
        chart_height: 88.0,
        section_gap: 8.0,
    },
    Density {
        body: 7.6,
        text_lines: 3,
        item_lines: 2,
        chart_height: 84.0,
        section_gap: 7.0,
    },
    Density {
        body: 7.4,
        text_lines: 2,
        item_lines: 2,
        chart_height: 80.0,
        section_gap: 6.0,
    },
    Density {
        body: 7.2,
        text_lines: 2,
        item_lines: 1,
        chart_height: 76.0,
        section_gap: 6.0,
    },
    Density {
        body: 7.0,
        text_lines: 1,
        item_lines: 1,
        chart_height: 70.0,
        section_gap: 5.0,
    },
];

pub(super) struct Ctx<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) d: Density,
    /// Numbers paragraphs for the tag tree; shared by every layout of a
    /// document so ids never repeat.
    pub(super) ids: &'f Cell<u32>,
}

pub(super) fn leading(size: f32) -> f32 {
    size * 1.32
}

impl Ctx<'_> {
    pub(super) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.fonts.face(bold).width(text, size)
    }

    pub(super) fn small(&self) -> f32 {
        (self.d.body * 0.85).max(6.5)
    }

    /// Wrapped text in `width`, at most `max_lines` lines.
    pub(super) fn paragraph(
        &self,
        text: &str,
        style: TextStyle,
        width: f32,
        max_lines: usize,
    ) -> Boxed {
        let face = self.fonts.face(style.bold);
        let lines = wrap(text, width, max_lines, &mut |s| face.width(s, style.size));
        self.lines(lines, style)
    }

    /// One line cut with an ellipsis if needed.
    pub(super) fn line(&self, text: &str, style: TextStyle, width: f32) -> Boxed {
        let face = self.fonts.face(style.bold);
        let line = fit(text, width, &mut |s| face.width(s, style.size));
        self.lines(vec![line], style)
    }

    /// A fresh id for a heading or paragraph.
    pub(super) fn next_id(&self) -> u32 {
        let id = self.ids.get();
        self.ids.set(id.wrapping_add(1));
        id
    }

    fn lines(&self, lines: Vec<String>, style: TextStyle) -> Boxed {
        let lead = leading(style.size);
        let role = Role::Para(self.next_id());
        let mut out = Boxed::default();
        for (i, text) in lines.into_iter().enumerate() {
            if !text.is_empty() {
                out.ops.push(Op::Text {
                    x: 0.0,
                    y: lead * i as f32 + style.size * 1.02,
                    size: style.size,
                    bold: style.bold,
                    color: style.color,
                    text,
                    role,
                });
            }
            out.height = lead * (i + 1) as f32;
        }
        out
    }

    pub(super) fn body(&self) -> TextStyle {
        TextStyle {
            size: self.d.body,
            bold: false,
            color: INK,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct TextStyle {
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: Rgb,
}

impl TextStyle {
    pub(super) fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub(super) fn color(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }

    pub(super) fn size(mut self, size: f32) -> Self {
        self.size = size;
        self
    }
}

/// Text colour and tint for a tone; the words always say it too.
pub(super) fn tone_colors(tone: Tone) -> (Rgb, Rgb) {
    match tone {
        Tone::Neutral => (ACCENT, BAND),
        Tone::Calm => (Rgb(0x1e, 0x6b, 0x34), Rgb(0xe8, 0xf3, 0xea)),
        Tone::Caution => (Rgb(0x8a, 0x4b, 0x00), Rgb(0xfb, 0xf0, 0xdc)),
        Tone::Urgent => (Rgb(0xa3, 0x16, 0x16), Rgb(0xfb, 0xe6, 0xe6)),
    }
}

pub(super) fn section(ctx: &Ctx<'_>, section: &Section, width: f32) -> Boxed {
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
    for (i, b) in section.blocks.iter().enumerate() {
        let gap = if i == 0 { 0.0 } else { ctx.d.body * 0.45 };
        out.stack(block(ctx, b, width), gap);
    }
    out
}

pub(super) fn block(ctx: &Ctx<'_>, block: &Block, width: f32) -> Boxed {
    let body = ctx.body();
    match block {
        Block::Headline { tone, text } => {
            let (ink, tint) = tone_colors(*tone);
            let pad = 4.0;
            let bar = 3.0;
            let style = body.bold().color(ink).size(ctx.d.body + 1.0);
            let inner = ctx.paragraph(text, style, width - bar - 2.0 * pad - 2.0, 3);
            let height = inner.height + 2.0 * pad - 1.0;
            let mut out = Boxed {
                ops: vec![
                    Op::Rect {
                        x: 0.0,
                        y: 0.0,
                        w: width,
                        h: height,
                        color: tint,
                    },
                    Op::Rect {
                        x: 0.0,
                        y: 0.0,
                        w: bar,
                        h: height,
                        color: ink,
                    },
                ],
                height,
            };
            out.place(inner, bar + pad + 2.0, pad - 0.5);
            out
        }
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
        Block::Muted(text) => ctx.paragraph(text, body.color(MUTED), width, ctx.d.item_lines),
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
        Block::Table(table) => super::table::table(ctx, table, width),
        Block::Chart(chart) => super::chart::chart(ctx, chart, width),
        Block::BodyMap(map) => super::body::body_map(ctx, map, width),
    }
}

/// A full field still has a limit, so a model built by hand cannot push
/// the page over.
const FULL_FIELD_LINES: usize = 10;

/// Bold label on the left, the value wrapping beside it.
fn field(ctx: &Ctx<'_>, fact: &Fact, width: f32, max_lines: usize) -> Boxed {
    // Wide enough for "What I want the doctor to know" on a full-width row.
    let label_w = (width * 0.32).clamp(60.0, 150.0);
    let body = ctx.body();
    let label = ctx.paragraph(&fact.label, body.bold(), label_w - 6.0, 2);
    let value = ctx.paragraph(&fact.value, body, width - label_w, max_lines);
    let mut out = Boxed {
        ops: Vec::new(),
        height: label.height.max(value.height),
    };
    out.place(label, 0.0, 0.0);
    out.place(value, label_w, 0.0);
    out
}

/// Figures in tiles: the value large, the label small under it.
fn fact_grid(ctx: &Ctx<'_>, facts: &[Fact], width: f32) -> Boxed {
    let per_row = if width > 330.0 { 6 } else { 3 };
    let gap = 4.0;
    let tile_w = (width - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let value_style = ctx.body().bold().size(ctx.d.body + 2.2);
    let label_style = ctx.body().color(MUTED).size(ctx.small());
    let mut out = Boxed::default();
    let mut top = 0.0;
    for row in facts.chunks(per_row) {
        let labels: Vec<Boxed> = row
            .iter()
            .map(|f| ctx.paragraph(&f.label, label_style, tile_w - 8.0, 2))
            .collect();
        let label_h = labels.iter().map(|b| b.height).fold(0.0, f32::max);
        let tile_h = leading(value_style.size) + label_h + 5.0;
        for (i, (fact, label)) in row.iter().zip(labels).enumerate() {
            let x = i as f32 * (tile_w + gap);
            out.ops.push(Op::Rect {
                x,
                y: top,
                w: tile_w,
                h: tile_h,
                color: ZEBRA,
            });
            let value = ctx.line(&fact.value, value_style, tile_w - 8.0);
            let value_h = value.height;
            out.place(value, x + 4.0, top + 2.5);
            out.place(label, x + 4.0, top + 2.5 + value_h);
        }
        out.height = top + tile_h;
        top += tile_h + gap;
    }
    out
}

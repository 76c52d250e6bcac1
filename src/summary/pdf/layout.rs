//! Laying out the model's blocks into positioned ops, for a given width and
//! density. Sizes are in points; y grows downwards from the block's top.

use super::fonts::Fonts;
use super::ops::{ACCENT, BAND, Boxed, INK, MUTED, Op, RULE, Rgb, ZEBRA};
use crate::summary::model::{Align, Block, Fact, Footer, Header, Section, Table, Tone};
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

    fn lines(&self, lines: Vec<String>, style: TextStyle) -> Boxed {
        let lead = leading(style.size);
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
    let mut out = ctx.line(
        &section.title.to_uppercase(),
        ctx.body().bold().color(ACCENT).size(size),
        width,
    );
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
        Block::Field(fact) => field(ctx, fact, width),
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
        Block::Table(table) => self::table(ctx, table, width),
        Block::Chart(chart) => super::chart::chart(ctx, chart, width),
    }
}

/// Bold label on the left, the value wrapping beside it.
fn field(ctx: &Ctx<'_>, fact: &Fact, width: f32) -> Boxed {
    // Wide enough for "What I want the doctor to know" on a full-width row.
    let label_w = (width * 0.3).clamp(60.0, 150.0);
    let body = ctx.body();
    let label = ctx.paragraph(&fact.label, body.bold(), label_w - 6.0, 2);
    let value = ctx.paragraph(&fact.value, body, width - label_w, ctx.d.text_lines);
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

pub(super) fn table(ctx: &Ctx<'_>, table: &Table, width: f32) -> Boxed {
    let size = ctx.small() + 0.3;
    let style = ctx.body().size(size);
    let row_h = leading(size) + 3.0;
    let total: f32 = table
        .columns
        .iter()
        .map(|c| c.weight.max(0.0))
        .sum::<f32>()
        .max(1.0);
    let pad = 3.0;
    let mut xs = Vec::with_capacity(table.columns.len());
    let mut x = 0.0;
    for c in &table.columns {
        let w = width * c.weight.max(0.0) / total;
        xs.push((x, w));
        x += w;
    }
    let mut out = Boxed::default();
    let cell = |out: &mut Boxed, text: &str, col: usize, top: f32, style: TextStyle| {
        let (cx, cw) = xs[col];
        let line = ctx.line(text, style, (cw - 2.0 * pad).max(1.0));
        let dx = match table.columns[col].align {
            Align::Left => cx + pad,
            Align::Right => {
                let w = line.ops.first().map_or(0.0, |op| match op {
                    Op::Text { text, .. } => ctx.width(text, style.size, style.bold),
                    _ => 0.0,
                });
                cx + cw - pad - w
            }
        };
        out.place(line, dx, top + 1.5);
    };
    for (i, c) in table.columns.iter().enumerate() {
        cell(&mut out, &c.title, i, 0.0, style.bold().color(MUTED));
    }
    out.ops.push(Op::Line {
        points: vec![(0.0, row_h), (width, row_h)],
        width: 0.6,
        color: RULE,
        dashed: false,
    });
    for (r, row) in table.rows.iter().enumerate() {
        let top = row_h * (r + 1) as f32 + 0.5;
        if r % 2 == 1 {
            out.ops.push(Op::Rect {
                x: 0.0,
                y: top,
                w: width,
                h: row_h,
                color: ZEBRA,
            });
        }
        for (i, text) in row.iter().enumerate().take(table.columns.len()) {
            cell(&mut out, text, i, top, style);
        }
    }
    out.height = row_h * (table.rows.len() + 1) as f32 + 1.0;
    if let Some(note) = &table.note {
        out.stack(ctx.paragraph(note, style.color(MUTED), width, 2), 2.0);
    }
    out
}

pub(super) fn header(ctx: &Ctx<'_>, header: &Header, width: f32) -> Boxed {
    let title_style = ctx.body().bold().size(17.0).color(ACCENT);
    let brand = "Backlog";
    let brand_style = ctx.body().bold().size(10.0).color(MUTED);
    let brand_w = ctx.width(brand, brand_style.size, true);
    let mut out = ctx.line(&header.title, title_style, width - brand_w - 12.0);
    let mut brand_box = ctx.line(brand, brand_style, brand_w + 1.0);
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

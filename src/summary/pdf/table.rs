//! Tables: column titles, rows as tall as their tallest cell, zebra
//! stripes, and a note under the table. Rows are laid out one by one so the
//! table of every day can be split across pages.

use super::layout::{Ctx, TextStyle, leading};
use super::ops::{Boxed, MUTED, Op, RULE, ZEBRA};
use crate::summary::model::{Align, Table};

pub(super) fn table(ctx: &Ctx<'_>, table: &Table, width: f32) -> Boxed {
    let (head, rows) = table_parts(ctx, table, width, 1);
    assemble_table(ctx, head, rows, table.note.as_deref(), width)
}

/// The column titles and each row laid out on its own (rows are as tall
/// as their tallest cell, up to `max_lines` lines), so a long table can be
/// split across pages.
pub(super) fn table_parts(
    ctx: &Ctx<'_>,
    table: &Table,
    width: f32,
    max_lines: usize,
) -> (Boxed, Vec<Boxed>) {
    let size = ctx.small() + 0.3;
    let style = ctx.body().size(size);
    let pad = 3.0;
    let total: f32 = table
        .columns
        .iter()
        .map(|c| c.weight.max(0.0))
        .sum::<f32>()
        .max(1.0);
    let mut xs = Vec::with_capacity(table.columns.len());
    let mut x = 0.0;
    for c in &table.columns {
        let w = width * c.weight.max(0.0) / total;
        xs.push((x, w));
        x += w;
    }
    let row = |cells: &[String], style: TextStyle, lines: usize| -> Boxed {
        let mut out = Boxed::default();
        let mut tallest: f32 = leading(size);
        for (col, text) in cells.iter().enumerate().take(table.columns.len()) {
            let (cx, cw) = xs[col];
            let inner = (cw - 2.0 * pad).max(1.0);
            match table.columns[col].align {
                Align::Left => {
                    let b = ctx.paragraph(text, style, inner, lines.max(1));
                    tallest = tallest.max(b.height);
                    out.place(b, cx + pad, 1.5);
                }
                Align::Right => {
                    let b = ctx.line(text, style, inner);
                    let w = b.ops.first().map_or(0.0, |op| match op {
                        Op::Text { text, .. } => ctx.width(text, style.size, style.bold),
                        _ => 0.0,
                    });
                    out.place(b, cx + cw - pad - w, 1.5);
                }
            }
        }
        out.height = tallest + 3.0;
        out
    };
    let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    let mut head = row(&titles, style.bold().color(MUTED), 1);
    head.ops.push(Op::Line {
        points: vec![(0.0, head.height), (width, head.height)],
        width: 0.6,
        color: RULE,
        dashed: false,
    });
    head.height += 0.5;
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            let mut b = row(cells, style, max_lines);
            if r % 2 == 1 {
                b.ops.insert(
                    0,
                    Op::Rect {
                        x: 0.0,
                        y: 0.0,
                        w: width,
                        h: b.height,
                        color: ZEBRA,
                    },
                );
            }
            b
        })
        .collect();
    (head, rows)
}

/// Column titles, then rows, then the note under the table.
pub(super) fn assemble_table(
    ctx: &Ctx<'_>,
    head: Boxed,
    rows: Vec<Boxed>,
    note: Option<&str>,
    width: f32,
) -> Boxed {
    let mut out = head;
    for r in rows {
        out.stack(r, 0.0);
    }
    out.height += 1.0;
    if let Some(note) = note {
        let style = ctx.body().size(ctx.small() + 0.3).color(MUTED);
        out.stack(ctx.paragraph(note, style, width, 2), 2.0);
    }
    out
}

//! Tables: column titles, rows as tall as their tallest cell, zebra
//! stripes, and notes under the table. Rows are laid out one by one so the
//! table of every day can be split across pages. A table with an overflow
//! line draws its first rows in full and lists the rest on that line, so
//! no row is ever dropped.

use super::layout::{Ctx, TextStyle, leading};
use super::ops::{Boxed, MUTED, Op, RULE, ZEBRA};
use crate::summary::model::{Align, Table};

/// Lines a cell of a table on the summary page may wrap to.
const CELL_LINES: usize = 3;
/// Lines the overflow line may take (it is never cut).
const OVERFLOW_LINES: usize = 40;

pub(super) fn table(ctx: &Ctx<'_>, table: &Table, width: f32) -> Boxed {
    let full_rows = match &table.overflow {
        Some(o) if table.rows.len() > ctx.d.table_rows.max(o.min_rows) => {
            ctx.d.table_rows.max(o.min_rows)
        }
        _ => table.rows.len(),
    };
    let shown = Table {
        rows: table.rows.iter().take(full_rows).cloned().collect(),
        ..table.clone()
    };
    // No row in full: no column titles either, only the compact line.
    let mut out = if full_rows == 0 && !table.rows.is_empty() {
        Boxed::default()
    } else {
        let (head, rows) = table_parts(ctx, &shown, width, CELL_LINES);
        assemble_table(ctx, head, rows, &[], width)
    };
    if let Some(o) = &table.overflow
        && full_rows < table.rows.len()
    {
        let items = if ctx.d.names_only { &o.names } else { &o.items };
        let rest = items.iter().skip(full_rows).cloned().collect::<Vec<_>>();
        let label = if full_rows == 0 {
            format!("{}:", o.label_all)
        } else {
            format!("{}:", o.label)
        };
        let style = ctx.body();
        let label_w = ctx.width(&label, style.size, true) + 5.0;
        let mut line = ctx.line(&label, style.bold(), label_w);
        let text = ctx.paragraph(&rest.join("; "), style, width - label_w, OVERFLOW_LINES);
        line.height = line.height.max(text.height);
        line.place(text, label_w, 0.0);
        out.stack(line, 2.0);
    }
    // The notes explain the columns; with no row drawn there are none.
    let notes = if full_rows == 0 {
        &[][..]
    } else {
        &table.notes[..]
    };
    for note in notes {
        let style = ctx.body().size(ctx.small()).color(MUTED);
        out.stack(ctx.paragraph(note, style, width, 3), 2.0);
    }
    out
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
    let size = ctx.d.body;
    let style = ctx.body().size(size);
    let pad = 3.0;
    let xs = column_spans(table, width);
    let row = |cells: &[String], style: TextStyle, lines: usize| -> Boxed {
        let mut out = Boxed::default();
        let mut tallest: f32 = leading(style.size);
        for (col, text) in cells.iter().enumerate().take(table.columns.len()) {
            let (cx, cw) = xs[col];
            let inner = (cw - 2.0 * pad).max(1.0);
            let b = ctx.paragraph(text, style, inner, lines.max(1));
            tallest = tallest.max(b.height);
            match table.columns[col].align {
                Align::Left => out.place(b, cx + pad, 1.5),
                Align::Right => {
                    // Each line flush right.
                    let ops = b
                        .ops
                        .into_iter()
                        .map(|op| match op {
                            Op::Text { ref text, .. } => {
                                let w = ctx.width(text, style.size, style.bold);
                                op.shifted(cx + cw - pad - w, 1.5)
                            }
                            other => other.shifted(cx + pad, 1.5),
                        })
                        .collect::<Vec<_>>();
                    out.ops.extend(ops);
                }
            }
        }
        out.height = tallest + 3.0;
        out
    };
    let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    let mut head = row(&titles, style.bold().color(MUTED).size(ctx.small()), 2);
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

/// Where each column starts and how wide it is: `width` shared by the
/// columns' weights.
fn column_spans(table: &Table, width: f32) -> Vec<(f32, f32)> {
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
    xs
}

/// Column titles, then rows, then the notes under the table.
pub(super) fn assemble_table(
    ctx: &Ctx<'_>,
    head: Boxed,
    rows: Vec<Boxed>,
    notes: &[String],
    width: f32,
) -> Boxed {
    let mut out = head;
    for r in rows {
        out.stack(r, 0.0);
    }
    out.height += 1.0;
    for note in notes {
        let style = ctx.body().size(ctx.small()).color(MUTED);
        out.stack(ctx.paragraph(note, style, width, 2), 2.0);
    }
    out
}

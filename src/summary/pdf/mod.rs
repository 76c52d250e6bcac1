//! The PDF renderer: the only place the PDF crate (krilla) appears.
//!
//! The summary model is laid out into positioned ops (`layout`, `chart`),
//! measured with the real font, and fitted to one page by stepping down
//! through a few densities. Only then are the ops written with krilla.
//! Swapping the PDF crate means rewriting `emit` and `fonts` only.

mod body;
mod chart;
mod emit;
mod fonts;
mod furniture;
mod layout;
mod ops;
mod table;

use std::cell::Cell;

use krilla::Document;
use krilla::metadata::Metadata;

use self::emit::{Tags, emit_page};
use self::fonts::Fonts;
use self::layout::{Ctx, DENSITIES};
use self::ops::{Boxed, Op, Role};
use super::model::{Section, SectionKind, Summary, Table};

/// Making the PDF failed. Rare: the inputs are our own data and fonts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the built-in font {0} could not be read; please reinstall Backlog")]
    Font(&'static str),
    #[error("the PDF could not be made ({0}); please report this as a bug")]
    Write(String),
}

/// Margins in points: about 15 mm at the sides, 12 mm top and bottom.
const SIDE: f32 = 42.0;
const TOP: f32 = 34.0;
const BOTTOM: f32 = 30.0;
/// Space between the two columns.
const GUTTER: f32 = 18.0;
/// Lines a cell of the table of every day may wrap to before "…".
const ENTRY_LINES: usize = 3;

/// How a page came out; for tests and the app's preview warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub pages: usize,
    /// Index into the densities tried: 0 is the roomiest.
    pub density: usize,
    /// True when even the tightest density did not fit (content was cut).
    pub overflow: bool,
    /// Every text drawn on the first page, for layout tests.
    pub first_page_text: Vec<PlacedText>,
    /// The printable area the layout keeps to: (left, top, right, bottom)
    /// in points from the page's top-left corner.
    pub content_box: (f32, f32, f32, f32),
}

/// One run of text as drawn: where it starts (baseline) and how wide it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
}

/// Renders the summary to PDF bytes.
pub fn render(summary: &Summary) -> Result<Vec<u8>, PdfError> {
    render_with_report(summary).map(|(bytes, _)| bytes)
}

/// Like [`render`], also saying how the page was fitted.
pub fn render_with_report(summary: &Summary) -> Result<(Vec<u8>, Report), PdfError> {
    let fonts = Fonts::get()?;
    let ids = Cell::new(0);
    let (page_w, page_h) = summary.paper.size_pt();
    let content_w = page_w - 2.0 * SIDE;

    let entry_pages = match &summary.entries {
        Some(table) => {
            let ctx = Ctx {
                fonts,
                d: DENSITIES[1],
                ids: &ids,
            };
            paginate_entries(&ctx, table, content_w, page_h)
        }
        None => Vec::new(),
    };
    let pages = 1 + entry_pages.len();
    let label = |n: usize| (pages > 1).then(|| format!("Page {n} of {pages}"));

    let mut chosen = None;
    for (i, d) in DENSITIES.iter().enumerate() {
        let ctx = Ctx {
            fonts,
            d: *d,
            ids: &ids,
        };
        let (page, fits) = first_page(&ctx, summary, page_w, page_h, label(1).as_deref());
        if fits || i == DENSITIES.len() - 1 {
            chosen = Some((i, page, !fits));
            break;
        }
    }
    let Some((density, first, overflow)) = chosen else {
        return Err(PdfError::Write("no layout".into()));
    };

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(summary.title.clone())
            .language("en".into())
            .creator(format!("Backlog {}", env!("CARGO_PKG_VERSION"))),
    );
    let first_page_text = first
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Text {
                x,
                y,
                size,
                bold,
                text,
                ..
            } => Some(PlacedText {
                x: *x,
                y: *y,
                width: fonts.face(*bold).width(text, *size),
                size: *size,
                text: text.clone(),
            }),
            _ => None,
        })
        .collect();
    let mut tags = Tags::default();
    emit_page(&mut document, &mut tags, fonts, page_w, page_h, &first.ops)?;
    for (n, ops) in entry_pages.iter().enumerate() {
        let mut page = Boxed {
            ops: ops.clone(),
            height: 0.0,
        };
        let ctx = Ctx {
            fonts,
            d: DENSITIES[1],
            ids: &ids,
        };
        if let Some(text) = label(n + 2) {
            let style = ctx.body().color(ops::MUTED).size(ctx.small());
            let w = ctx.width(&text, style.size, false);
            page.place(
                ctx.line(&text, style, w + 1.0).with_role(Role::Artifact),
                page_w - SIDE - w,
                page_h - BOTTOM,
            );
        }
        emit_page(&mut document, &mut tags, fonts, page_w, page_h, &page.ops)?;
    }
    document.set_tag_tree(tags.into_tree());
    let bytes = document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    Ok((
        bytes,
        Report {
            pages,
            density,
            overflow,
            first_page_text,
            content_box: (SIDE, TOP, page_w - SIDE, page_h - BOTTOM),
        },
    ))
}

/// Lays out the first page, and says whether everything fitted.
fn first_page(
    ctx: &Ctx<'_>,
    summary: &Summary,
    page_w: f32,
    page_h: f32,
    label: Option<&str>,
) -> (Boxed, bool) {
    let content_w = page_w - 2.0 * SIDE;
    let col_w = (content_w - GUTTER) / 2.0;
    let mut body = furniture::header(ctx, &summary.header, content_w);
    let gap = ctx.d.section_gap;
    let section = |kind: SectionKind| summary.section(kind);
    let full = |s: Option<&Section>| s.map(|s| layout::section(ctx, s, content_w));
    let pair = |left: Option<&Section>, right: Option<&Section>| -> Option<Boxed> {
        match (left, right) {
            (None, None) => None,
            (Some(one), None) | (None, Some(one)) => Some(layout::section(ctx, one, content_w)),
            (Some(l_section), Some(r_section)) => {
                let mut l = layout::section(ctx, l_section, col_w);
                let mut r = layout::section(ctx, r_section, col_w);
                // The shorter column may use a roomier density, as long as
                // it stays within the taller one: the row gets no taller.
                let (short, short_box, limit) = if l.height < r.height {
                    (l_section, &mut l, r.height)
                } else {
                    (r_section, &mut r, l.height)
                };
                // Same type size and chart, more lines per paragraph.
                if let Some(roomier) = DENSITIES
                    .iter()
                    .map(|d| layout::Density {
                        text_lines: d.text_lines,
                        item_lines: d.item_lines,
                        ..ctx.d
                    })
                    .map(|d| {
                        layout::section(
                            &Ctx {
                                fonts: ctx.fonts,
                                d,
                                ids: ctx.ids,
                            },
                            short,
                            col_w,
                        )
                    })
                    .find(|b| b.height <= limit)
                {
                    *short_box = roomier;
                }
                let mut row = Boxed {
                    ops: Vec::new(),
                    height: l.height.max(r.height),
                };
                row.place(l, 0.0, 0.0);
                row.place(r, col_w + GUTTER, 0.0);
                Some(row)
            }
        }
    };
    let rows = [
        full(section(SectionKind::WhatChanged)),
        pair(
            section(SectionKind::WarningSigns),
            section(SectionKind::PainPicture),
        ),
        full(section(SectionKind::Treatments)),
        pair(
            section(SectionKind::History),
            section(SectionKind::Questions),
        ),
    ];
    for row in rows.into_iter().flatten() {
        body.stack(row, gap);
    }
    let footer = furniture::footer(ctx, &summary.footer, content_w, label);
    // The footer sits at the bottom of the page; the body must end above it.
    let footer_top = page_h - BOTTOM - footer.height;
    let limit = footer_top - gap / 2.0 - TOP;
    let fits = body.height <= limit;
    if !fits {
        // Last resort (the model's caps should prevent it): leave out what
        // would run into the footer rather than draw off the page.
        body.ops.retain(|op| op_bottom(op) <= limit);
    }
    let mut page = Boxed::default();
    page.place(body, SIDE, TOP);
    page.place(footer, SIDE, footer_top);
    page.height = page_h - BOTTOM;
    (page, fits)
}

/// The lowest point an op reaches (text: its descenders).
fn op_bottom(op: &Op) -> f32 {
    match op {
        Op::Text { y, size, .. } => y + size * 0.3,
        Op::Rect { y, h, .. } => y + h,
        Op::Line { points, .. } | Op::Shape { points, .. } => {
            points.iter().map(|p| p.1).fold(f32::MIN, f32::max)
        }
        Op::Dot { y, r, .. } => y + r,
        // Markers are kept so a figure always closes.
        Op::FigureStart { .. } | Op::FigureEnd => f32::MIN,
    }
}

/// The table of every day, split across as many pages as it needs, with
/// the column titles repeated on each.
fn paginate_entries(ctx: &Ctx<'_>, table: &Table, width: f32, page_h: f32) -> Vec<Vec<Op>> {
    let title_style = ctx.body().bold().color(ops::ACCENT).size(ctx.d.body + 2.0);
    let (head, rows) = table::table_parts(ctx, table, width, ENTRY_LINES);
    // Room for the rows: the page less the title, the column titles, the
    // note and the page number.
    let available = page_h - TOP - BOTTOM - head.height - 48.0;
    let mut pages: Vec<Vec<Boxed>> = vec![Vec::new()];
    let mut used = 0.0;
    for row in rows {
        if used + row.height > available && pages.last().is_some_and(|p| !p.is_empty()) {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += row.height;
        if let Some(page) = pages.last_mut() {
            page.push(row);
        }
    }
    let count = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(i, rows)| {
            let title = if count > 1 {
                format!("Every day in the period (part {} of {count})", i + 1)
            } else {
                "Every day in the period".to_owned()
            };
            let mut page = ctx.line(&title, title_style, width);
            let note = if i + 1 == count {
                table.note.as_deref()
            } else {
                None
            };
            // Repeated column titles are a pagination artifact for the tag
            // tree; the first ones are content.
            let head = if i == 0 {
                head.clone()
            } else {
                head.clone().with_role(Role::Artifact)
            };
            page.stack(table::assemble_table(ctx, head, rows, note, width), 6.0);
            let mut out = Boxed::default();
            out.place(page, SIDE, TOP);
            out.ops
        })
        .collect()
}

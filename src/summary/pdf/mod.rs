//! The PDF renderer: the only place the PDF crate (krilla) appears.
//!
//! The summary model is laid out into positioned ops (`layout`, `chart`),
//! measured with the real font, and fitted to one page by stepping down
//! through a few densities. Only then are the ops written with krilla.
//! Swapping the PDF crate means rewriting `emit` and `fonts` only.

mod chart;
mod fonts;
mod layout;
mod ops;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::TextDirection;

use self::fonts::Fonts;
use self::layout::{Ctx, DENSITIES};
use self::ops::{Boxed, Op, Rgb};
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

/// How a page came out; for tests and the app's preview warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub pages: usize,
    /// Index into the densities tried: 0 is the roomiest.
    pub density: usize,
    /// True when even the tightest density did not fit (content was cut).
    pub overflow: bool,
    /// Every text drawn on the first page with its (x, baseline y) in points,
    /// for layout tests.
    pub first_page_text: Vec<(f32, f32, String)>,
}

/// Renders the summary to PDF bytes.
pub fn render(summary: &Summary) -> Result<Vec<u8>, PdfError> {
    render_with_report(summary).map(|(bytes, _)| bytes)
}

/// Like [`render`], also saying how the page was fitted.
pub fn render_with_report(summary: &Summary) -> Result<(Vec<u8>, Report), PdfError> {
    let fonts = Fonts::get()?;
    let (page_w, page_h) = summary.paper.size_pt();
    let content_w = page_w - 2.0 * SIDE;

    let entry_pages = match &summary.entries {
        Some(table) => {
            let ctx = Ctx {
                fonts,
                d: DENSITIES[1],
            };
            paginate_entries(&ctx, table, content_w, page_h)
        }
        None => Vec::new(),
    };
    let pages = 1 + entry_pages.len();
    let label = |n: usize| (pages > 1).then(|| format!("Page {n} of {pages}"));

    let mut chosen = None;
    for (i, d) in DENSITIES.iter().enumerate() {
        let ctx = Ctx { fonts, d: *d };
        let page = first_page(&ctx, summary, page_w, page_h, label(1).as_deref());
        if page.height <= page_h - BOTTOM {
            chosen = Some((i, page, false));
            break;
        }
        if i == DENSITIES.len() - 1 {
            chosen = Some((i, page, true));
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
            Op::Text { x, y, text, .. } => Some((*x, *y, text.clone())),
            _ => None,
        })
        .collect();
    emit_page(&mut document, fonts, page_w, page_h, &first.ops)?;
    for (n, ops) in entry_pages.iter().enumerate() {
        let mut page = Boxed {
            ops: ops.clone(),
            height: 0.0,
        };
        let ctx = Ctx {
            fonts,
            d: DENSITIES[1],
        };
        if let Some(text) = label(n + 2) {
            let style = ctx.body().color(ops::MUTED).size(ctx.small());
            let w = ctx.width(&text, style.size, false);
            page.place(
                ctx.line(&text, style, w + 1.0),
                page_w - SIDE - w,
                page_h - BOTTOM,
            );
        }
        emit_page(&mut document, fonts, page_w, page_h, &page.ops)?;
    }
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
        },
    ))
}

/// Lays out the first page; its `height` is where the footer ends.
fn first_page(
    ctx: &Ctx<'_>,
    summary: &Summary,
    page_w: f32,
    page_h: f32,
    label: Option<&str>,
) -> Boxed {
    let content_w = page_w - 2.0 * SIDE;
    let col_w = (content_w - GUTTER) / 2.0;
    let mut body = layout::header(ctx, &summary.header, content_w);
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
    let footer = layout::footer(ctx, &summary.footer, content_w, label);
    // The footer sits at the bottom of the page; the body must end above it.
    let footer_top = (page_h - BOTTOM - footer.height).max(TOP + body.height + gap);
    let mut page = Boxed::default();
    page.place(body, SIDE, TOP);
    page.place(footer.clone(), SIDE, footer_top);
    page.height = footer_top + footer.height;
    page
}

/// The table of every day, split across as many pages as it needs, with
/// the column titles repeated on each.
fn paginate_entries(ctx: &Ctx<'_>, table: &Table, width: f32, page_h: f32) -> Vec<Vec<Op>> {
    let title_style = ctx.body().bold().color(ops::ACCENT).size(ctx.d.body + 2.0);
    let row_h = layout::leading(ctx.small() + 0.3) + 3.0;
    let available = page_h - TOP - BOTTOM - 40.0;
    let per_page = ((available / row_h).floor() as usize)
        .saturating_sub(1)
        .max(1);
    let chunks: Vec<&[Vec<String>]> = if table.rows.is_empty() {
        vec![&[]]
    } else {
        table.rows.chunks(per_page).collect()
    };
    let count = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, rows)| {
            let title = if count > 1 {
                format!("Every day in the period (part {} of {count})", i + 1)
            } else {
                "Every day in the period".to_owned()
            };
            let mut page = ctx.line(&title, title_style, width);
            let part = Table {
                columns: table.columns.clone(),
                rows: rows.to_vec(),
                note: if i + 1 == count {
                    table.note.clone()
                } else {
                    None
                },
            };
            page.stack(layout::table(ctx, &part, width), 6.0);
            let mut out = Boxed::default();
            out.place(page, SIDE, TOP);
            out.ops
        })
        .collect()
}

fn paint(color: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(color.0, color.1, color.2).into()
}

fn emit_page(
    document: &mut Document,
    fonts: &Fonts,
    w: f32,
    h: f32,
    ops: &[Op],
) -> Result<(), PdfError> {
    let settings =
        PageSettings::from_wh(w, h).ok_or_else(|| PdfError::Write("page size".into()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    for op in ops {
        emit(&mut surface, fonts, op);
    }
    surface.finish();
    page.finish();
    Ok(())
}

fn emit(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        } => {
            set_fill(surface, *color);
            surface.set_stroke(None);
            surface.draw_text(
                Point::from_xy(*x, *y),
                fonts.face(*bold).pdf.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Rect { x, y, w, h, color } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(path) = pb.finish() {
                    set_fill(surface, *color);
                    surface.set_stroke(None);
                    surface.draw_path(&path);
                }
            }
        }
        Op::Line {
            points,
            width,
            color,
            dashed,
        } => {
            let mut pb = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*x, *y);
                } else {
                    pb.line_to(*x, *y);
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: *width,
                    line_cap: LineCap::Round,
                    line_join: LineJoin::Round,
                    dash: dashed.then(|| StrokeDash {
                        array: vec![2.0, 2.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Dot { x, y, r, color } => {
            // A circle from four cubic arcs.
            let k = 0.552_284_8 * r;
            let mut pb = PathBuilder::new();
            pb.move_to(x + r, *y);
            pb.cubic_to(x + r, y + k, x + k, y + r, *x, y + r);
            pb.cubic_to(x - k, y + r, x - r, y + k, x - r, *y);
            pb.cubic_to(x - r, y - k, x - k, y - r, *x, y - r);
            pb.cubic_to(x + k, y - r, x + r, y - k, x + r, *y);
            pb.close();
            if let Some(path) = pb.finish() {
                set_fill(surface, *color);
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
    }
}

fn set_fill(surface: &mut Surface<'_>, color: Rgb) {
    surface.set_fill(Some(Fill {
        paint: paint(color),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
}

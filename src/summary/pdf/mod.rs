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
use self::furniture::Sources;
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
    /// Every filled rectangle on the first page, with its grey value, for
    /// tests that the page reads in a grey print.
    pub first_page_fills: Vec<PlacedFill>,
    /// The printable area the layout keeps to: (left, top, right, bottom)
    /// in points from the page's top-left corner.
    pub content_box: (f32, f32, f32, f32),
    /// Characters no embedded font can show (the page says which).
    pub missing_characters: Vec<char>,
    /// The sources were too many for three lines on page 1: page 2 lists them.
    pub sources_page: bool,
    /// Sections page 1 could not hold, printed on page 2 (page 1 says so).
    pub moved: Vec<SectionKind>,
}

/// One run of text as drawn: where it starts (baseline) and how wide it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub bold: bool,
    /// Grey value of the text colour, 0 (black) to 1 (white).
    pub gray: f32,
    pub text: String,
}

/// A filled rectangle as drawn, and its grey value (0 black, 1 white).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedFill {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub gray: f32,
}

impl PlacedFill {
    pub fn contains(&self, x: f32, y: f32) -> bool {
        self.x <= x && x <= self.x + self.w && self.y <= y && y <= self.y + self.h
    }
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
    let later = Ctx {
        fonts,
        d: DENSITIES[1],
        ids: &ids,
    };
    let sources = furniture::sources_fit(&later, &summary.footer, content_w);
    let sources_page = sources == Sources::Keys;
    // Pages after the first start below the running header.
    let running_h =
        furniture::running_header(&later, &summary.header, content_w, "Page 9 of 9").height;
    let entry_pages = match &summary.entries {
        Some(table) => paginate_entries(&later, table, content_w, page_h, running_h),
        None => Vec::new(),
    };
    let missing: Vec<char> = {
        let mut all: Vec<char> = fonts.missing(&summary.plain_text()).collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let extra: Vec<String> = if missing.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "Some characters could not be shown in this PDF and print as boxes: {}.",
            missing
                .iter()
                .take(12)
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect::<Vec<_>>()
                .join(", ")
        )]
    };

    // Page 1 at the roomiest density that fits. If none does (a month with
    // every warning sign ticked every day), the sections that may wait move
    // to a page of their own, one at a time: never the warning signs, what
    // changed or the medicines.
    //
    // Fitting gets easier as the density tightens, so each step tries the
    // roomiest density, then the tightest, then halves the range between:
    // a handful of layouts, not one per density (a full month's page is
    // laid out once).
    // Pages after the first hold this much; how many pages each set of
    // moved sections takes is worked out once.
    let moved_limit = page_h - BOTTOM - TOP - running_h;
    let moved_counts: [std::cell::OnceCell<usize>; MOVABLE.len() + 1] = Default::default();
    let layout_at = |moved: usize, i: usize| {
        let skip = &MOVABLE[..moved];
        let moved_count = if moved == 0 {
            0
        } else {
            *moved_counts[moved].get_or_init(|| {
                moved_pages(fonts, &ids, summary, skip, content_w, moved_limit)
                    .0
                    .len()
            })
        };
        let pages = 1 + moved_count + usize::from(sources_page) + entry_pages.len();
        let ctx = Ctx {
            fonts,
            d: DENSITIES[i],
            ids: &ids,
        };
        let mut notes = extra.clone();
        if !skip.is_empty() {
            let names: Vec<String> = SectionKind::READING_ORDER
                .iter()
                .filter(|k| skip.contains(k))
                .filter_map(|k| summary.section(*k))
                .map(|s| s.title.to_lowercase())
                .collect();
            notes.push(format!("Continued on page 2: {}.", names.join(", ")));
        }
        let furniture = Furniture {
            label: (pages > 1).then(|| format!("Page 1 of {pages}")),
            sources,
            sources_on: 2 + moved_count,
            extra: &notes,
        };
        let (page, fits) = first_page(&ctx, summary, skip, page_w, page_h, &furniture);
        (page, fits, skip, pages)
    };
    let tightest = DENSITIES.len() - 1;
    let mut chosen = None;
    for moved in 0..=MOVABLE.len() {
        let roomy = layout_at(moved, 0);
        if roomy.1 {
            chosen = Some((0, roomy));
            break;
        }
        let tight = layout_at(moved, tightest);
        if !tight.1 && moved < MOVABLE.len() {
            continue;
        }
        if !tight.1 {
            // Nothing fits even with every movable section moved: cut.
            chosen = Some((tightest, tight));
            break;
        }
        // DENSITIES[lo] does not fit, DENSITIES[hi] does.
        let (mut lo, mut hi, mut best) = (0, tightest, tight);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            let attempt = layout_at(moved, mid);
            if attempt.1 {
                hi = mid;
                best = attempt;
            } else {
                lo = mid;
            }
        }
        chosen = Some((hi, best));
        break;
    }
    let chosen = chosen.map(|(i, (page, fits, skip, pages))| (i, page, !fits, skip, pages));
    let Some((density, first, mut overflow, moved, pages)) = chosen else {
        return Err(PdfError::Write("no layout".into()));
    };
    let label = |n: usize| (pages > 1).then(|| format!("Page {n} of {pages}"));

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
                color,
                text,
                ..
            } => Some(PlacedText {
                x: *x,
                y: *y,
                width: fonts.width(text, *size, *bold),
                size: *size,
                bold: *bold,
                gray: color.gray(),
                text: text.clone(),
            }),
            _ => None,
        })
        .collect();
    let first_page_fills = first
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Rect { x, y, w, h, color } => Some(PlacedFill {
                x: *x,
                y: *y,
                w: *w,
                h: *h,
                gray: color.gray(),
            }),
            _ => None,
        })
        .collect();
    let mut tags = Tags::default();
    emit_page(&mut document, &mut tags, fonts, page_w, page_h, &first.ops)?;
    let mut later_pages: Vec<Vec<Op>> = Vec::new();
    if !moved.is_empty() {
        let (bodies, cut) = moved_pages(fonts, &ids, summary, moved, content_w, moved_limit);
        overflow |= cut;
        for body in bodies {
            let mut page = Boxed::default();
            page.place(body, SIDE, TOP + running_h);
            later_pages.push(page.ops);
        }
    }
    if sources_page {
        let mut page = Boxed::default();
        page.place(
            furniture::sources_page(&later, &summary.footer, content_w),
            SIDE,
            TOP + running_h,
        );
        later_pages.push(page.ops);
    }
    later_pages.extend(entry_pages);
    for (n, ops) in later_pages.into_iter().enumerate() {
        let mut page = Boxed { ops, height: 0.0 };
        if let Some(text) = label(n + 2) {
            page.place(
                furniture::running_header(&later, &summary.header, content_w, &text),
                SIDE,
                TOP,
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
            first_page_fills,
            content_box: (SIDE, TOP, page_w - SIDE, page_h - BOTTOM),
            missing_characters: missing,
            sources_page,
            moved: moved.to_vec(),
        },
    ))
}

/// The moved sections on the pages after the first: on one page at the
/// second density if they fit; else at the tightest, a section at a time,
/// a new page when the next would run past `limit`. A section taller than
/// a whole page is cut at the margin, never drawn past it (the bool says
/// so).
fn moved_pages(
    fonts: &Fonts,
    ids: &Cell<u32>,
    summary: &Summary,
    moved: &[SectionKind],
    width: f32,
    limit: f32,
) -> (Vec<Boxed>, bool) {
    let lay = |d: layout::Density| -> Vec<(Boxed, f32)> {
        let ctx = Ctx { fonts, d, ids };
        SectionKind::READING_ORDER
            .iter()
            .filter(|k| moved.contains(k))
            .filter_map(|k| summary.section(*k))
            .map(|section| (layout::section(&ctx, section, width), d.section_gap))
            .collect()
    };
    let stacked = |boxes: Vec<(Boxed, f32)>| {
        let mut body = Boxed::default();
        for (b, gap) in boxes {
            body.stack(b, gap);
        }
        body
    };
    let roomy = stacked(lay(DENSITIES[1]));
    if roomy.height <= limit {
        return (vec![roomy], false);
    }
    let mut pages = vec![Boxed::default()];
    let mut cut = false;
    for (b, gap) in lay(DENSITIES[DENSITIES.len() - 1]) {
        let current = pages.last().map_or(0.0, |p| p.height);
        if current > 0.0 && current + gap + b.height > limit {
            pages.push(Boxed::default());
        }
        if let Some(page) = pages.last_mut() {
            page.stack(b, gap);
            if page.height > limit {
                page.ops.retain(|op| op_bottom(op) <= limit);
                page.height = limit;
                cut = true;
            }
        }
    }
    (pages, cut)
}

/// Sections that may move off page 1, in the order they move, when page 1
/// cannot hold everything at the tightest density.
/// The history goes before the pain picture: the header keeps the cancer
/// type and year, and the trend is what the doctor reads the page for. The
/// medicines move last, only when page 1 cannot hold the warning signs and
/// every name even on one line (dozens of long names): moved whole, and
/// said so, rather than cut.
const MOVABLE: [SectionKind; 4] = [
    SectionKind::Questions,
    SectionKind::History,
    SectionKind::PainPicture,
    SectionKind::Treatments,
];

/// What the first page's footer carries besides the model's footer.
struct Furniture<'a> {
    label: Option<String>,
    sources: Sources,
    /// The page of full references, after the moved sections' pages.
    sources_on: usize,
    extra: &'a [String],
}

/// Two sections side by side, or one above the other when that is shorter
/// (a long list of warning signs needs the whole width).
fn pair(
    ctx: &Ctx<'_>,
    left: Option<&Section>,
    right: Option<&Section>,
    width: f32,
) -> Option<Boxed> {
    let col_w = (width - GUTTER) / 2.0;
    let (l_section, r_section) = match (left, right) {
        (None, None) => return None,
        (Some(one), None) | (None, Some(one)) => return Some(layout::section(ctx, one, width)),
        (Some(l), Some(r)) => (l, r),
    };
    let mut l = layout::section(ctx, l_section, col_w);
    let mut r = layout::section(ctx, r_section, col_w);
    // The shorter column may use a roomier density, as long as it stays
    // within the taller one: the row gets no taller.
    let (short, short_box, limit) = if l.height < r.height {
        (l_section, &mut l, r.height)
    } else {
        (r_section, &mut r, l.height)
    };
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
    let mut stacked = layout::section(ctx, l_section, width);
    stacked.stack(layout::section(ctx, r_section, width), ctx.d.section_gap);
    Some(if stacked.height < row.height {
        stacked
    } else {
        row
    })
}

/// Lays out the first page, and says whether everything fitted.
fn first_page(
    ctx: &Ctx<'_>,
    summary: &Summary,
    skip: &[SectionKind],
    page_w: f32,
    page_h: f32,
    furniture: &Furniture<'_>,
) -> (Boxed, bool) {
    let content_w = page_w - 2.0 * SIDE;
    let mut body = furniture::header(ctx, &summary.header, content_w);
    let gap = ctx.d.section_gap;
    let section = |kind: SectionKind| summary.section(kind).filter(|_| !skip.contains(&kind));
    let full = |s: Option<&Section>| s.map(|s| layout::section(ctx, s, content_w));
    let rows = [
        full(section(SectionKind::WhatChanged)),
        pair(
            ctx,
            section(SectionKind::WarningSigns),
            section(SectionKind::PainPicture),
            content_w,
        ),
        full(section(SectionKind::Treatments)),
        pair(
            ctx,
            section(SectionKind::History),
            section(SectionKind::Questions),
            content_w,
        ),
    ];
    for row in rows.into_iter().flatten() {
        body.stack(row, gap);
    }
    let footer = furniture::footer(
        ctx,
        &summary.footer,
        content_w,
        furniture.label.as_deref(),
        (furniture.sources, furniture.sources_on),
        furniture.extra,
    );
    // The footer sits at the bottom of the page; the body must end above it.
    let footer_top = page_h - BOTTOM - footer.height;
    let limit = footer_top - gap / 2.0 - TOP;
    let fits = body.height <= limit;
    if !fits {
        // Last resort (the densities should prevent it): leave out what
        // would run into the footer rather than draw off the page. The
        // warning signs come before everything that can be left out.
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
        Op::Dot { y, r, .. } | Op::Ring { y, r, .. } => y + r,
        // Markers are kept so a figure always closes.
        Op::FigureStart { .. } | Op::FigureEnd => f32::MIN,
    }
}

/// The table of every day, split across as many pages as it needs, with
/// the column titles repeated on each, below the running header (`header`
/// points tall).
fn paginate_entries(
    ctx: &Ctx<'_>,
    table: &Table,
    width: f32,
    page_h: f32,
    header: f32,
) -> Vec<Vec<Op>> {
    let title_style = ctx.body().bold().color(ops::ACCENT).size(ctx.d.body + 2.0);
    let (head, rows) = table::table_parts(ctx, table, width, ENTRY_LINES);
    // Room for the rows: the page less the title, the column titles and
    // the notes.
    let available = page_h - TOP - BOTTOM - header - head.height - 48.0;
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
    let top = TOP + header;
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
            let notes: &[String] = if i + 1 == count { &table.notes } else { &[] };
            // Repeated column titles are a pagination artifact for the tag
            // tree; the first ones are content.
            let head = if i == 0 {
                head.clone()
            } else {
                head.clone().with_role(Role::Artifact)
            };
            page.stack(table::assemble_table(ctx, head, rows, notes, width), 6.0);
            let mut out = Boxed::default();
            out.place(page, SIDE, top);
            out.ops
        })
        .collect()
}

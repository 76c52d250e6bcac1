//! Fitting page 1: the roomiest density that holds everything, else the
//! sections that may wait moved to page 2 one at a time, and the page
//! itself (two sections side by side where that is shorter, the footer at
//! the bottom). Its own file because this search is the renderer's one
//! real decision, and page 1's layout is what it decides between.

use std::cell::{Cell, OnceCell};

use super::fonts::Fonts;
use super::furniture::{self, Sources};
use super::later::moved_pages;
use super::layout::{self, Ctx, DENSITIES};
use super::ops::{Boxed, Op};
use super::{BOTTOM, GUTTER, SIDE, TOP};
use crate::summary::model::{Section, SectionKind, Summary};

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

/// Everything page 1's layout depends on besides the density and the
/// sections moved off it.
pub(super) struct Fitter<'a> {
    pub fonts: &'a Fonts,
    pub ids: &'a Cell<u32>,
    pub summary: &'a Summary,
    pub sources: Sources,
    pub sources_page: bool,
    /// Pages the table of every day takes.
    pub entry_pages: usize,
    /// Notes for page 1's footer (characters that print as boxes).
    pub extra: &'a [String],
    pub page_w: f32,
    pub page_h: f32,
    pub content_w: f32,
    /// The height a page after the first holds.
    pub moved_limit: f32,
    /// How many pages each set of moved sections takes, worked out once.
    pub moved_counts: [OnceCell<usize>; MOVABLE.len() + 1],
}

/// Page 1 as fitted: its layout, whether it fitted, the sections moved
/// off it and the document's page count.
pub(super) type Attempt = (Boxed, bool, &'static [SectionKind], usize);

impl Fitter<'_> {
    /// Page 1 with the first `moved` movable sections moved off it, at
    /// density `i`.
    fn layout_at(&self, moved: usize, i: usize) -> Attempt {
        let (fonts, ids, summary) = (self.fonts, self.ids, self.summary);
        let skip = &MOVABLE[..moved];
        let moved_count = if moved == 0 {
            0
        } else {
            *self.moved_counts[moved].get_or_init(|| {
                moved_pages(fonts, ids, summary, skip, self.content_w, self.moved_limit)
                    .0
                    .len()
            })
        };
        let pages = 1 + moved_count + usize::from(self.sources_page) + self.entry_pages;
        let ctx = Ctx {
            fonts,
            d: DENSITIES[i],
            ids,
        };
        let mut notes = self.extra.to_vec();
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
            sources: self.sources,
            sources_on: 2 + moved_count,
            extra: &notes,
        };
        let (page, fits) = first_page(&ctx, summary, skip, self.page_w, self.page_h, &furniture);
        (page, fits, skip, pages)
    }

    /// Page 1 at the roomiest density that fits. If none does (a month
    /// with every warning sign ticked every day), the sections that may
    /// wait move to a page of their own, one at a time: never the warning
    /// signs, what changed or the medicines.
    ///
    /// Fitting gets easier as the density tightens, so each step tries the
    /// roomiest density, then the tightest, then halves the range between:
    /// a handful of layouts, not one per density (a full month's page is
    /// laid out once). Returns the density index with the attempt.
    pub(super) fn fit(&self) -> Option<(usize, Attempt)> {
        let tightest = DENSITIES.len() - 1;
        for moved in 0..=MOVABLE.len() {
            let roomy = self.layout_at(moved, 0);
            if roomy.1 {
                return Some((0, roomy));
            }
            let tight = self.layout_at(moved, tightest);
            if !tight.1 && moved < MOVABLE.len() {
                continue;
            }
            if !tight.1 {
                // Nothing fits even with every movable section moved: cut.
                return Some((tightest, tight));
            }
            // DENSITIES[lo] does not fit, DENSITIES[hi] does.
            let (mut lo, mut hi, mut best) = (0, tightest, tight);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                let attempt = self.layout_at(moved, mid);
                if attempt.1 {
                    hi = mid;
                    best = attempt;
                } else {
                    lo = mid;
                }
            }
            return Some((hi, best));
        }
        None
    }
}

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
pub(super) fn op_bottom(op: &Op) -> f32 {
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

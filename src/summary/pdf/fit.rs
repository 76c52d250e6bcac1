//! Fitting page 1: the roomiest density that holds everything, else the
//! sections that may wait moved to page 2 one at a time, else (a journal
//! with most warning signs ticked) the warning signs continued on page 2,
//! and the page itself (two sections side by side where that is shorter,
//! the footer at the bottom). Its own file because this search is the
//! renderer's one real decision, and page 1's layout is what it decides
//! between.

use std::cell::{Cell, OnceCell};

use super::fonts::Fonts;
use super::furniture::{self, Sources};
use super::later::{moved_pages, split_points, split_section};
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

/// Page 1 as fitted, and what follows it.
pub(super) struct Attempt {
    pub page: Boxed,
    pub fits: bool,
    /// Sections moved whole off page 1.
    pub moved: &'static [SectionKind],
    /// The warning signs page 1 could not hold, continued first on page 2.
    pub continued: Option<Section>,
    /// The document's page count.
    pub pages: usize,
}

impl Attempt {
    /// The sections on the pages after the first, in reading order.
    pub(super) fn later_sections<'s>(&'s self, summary: &'s Summary) -> Vec<&'s Section> {
        later_sections(summary, self.moved, self.continued.as_ref())
    }

    /// The kinds page 1 could not hold in full.
    pub(super) fn moved_kinds(&self) -> Vec<SectionKind> {
        self.continued
            .iter()
            .map(|s| s.kind)
            .chain(self.moved.iter().copied())
            .collect()
    }
}

fn later_sections<'s>(
    summary: &'s Summary,
    moved: &[SectionKind],
    continued: Option<&'s Section>,
) -> Vec<&'s Section> {
    continued
        .into_iter()
        .chain(
            SectionKind::READING_ORDER
                .iter()
                .filter(|k| moved.contains(k))
                .filter_map(|k| summary.section(*k)),
        )
        .collect()
}

impl Fitter<'_> {
    /// Page 1 with the first `moved` movable sections moved off it, and,
    /// with `keep`, only the first `keep` blocks of the warning signs, at
    /// density `i`.
    fn layout_at(&self, moved: usize, keep: Option<usize>, i: usize) -> Attempt {
        let (fonts, ids, summary) = (self.fonts, self.ids, self.summary);
        let skip = &MOVABLE[..moved];
        let (warnings, continued) = match (keep, summary.section(SectionKind::WarningSigns)) {
            (Some(keep), Some(w)) => {
                let (head, tail) = split_section(w, keep);
                (Some(head), Some(tail))
            }
            _ => (None, None),
        };
        let later = later_sections(summary, skip, continued.as_ref());
        let count = || {
            moved_pages(fonts, ids, &later, self.content_w, self.moved_limit)
                .0
                .len()
        };
        let moved_count = match (later.is_empty(), &continued) {
            (true, _) => 0,
            // Each split lays out its own pages.
            (false, Some(_)) => count(),
            (false, None) => *self.moved_counts[moved].get_or_init(count),
        };
        let pages = 1 + moved_count + usize::from(self.sources_page) + self.entry_pages;
        let ctx = Ctx {
            fonts,
            d: DENSITIES[i],
            ids,
        };
        let mut notes = self.extra.to_vec();
        if !later.is_empty() {
            let names: Vec<String> = later
                .iter()
                // "warning signs", not "warning signs (continued)".
                .map(|s| summary.section(s.kind).unwrap_or(s).title.to_lowercase())
                .collect();
            notes.push(format!("Continued on page 2: {}.", names.join(", ")));
        }
        let furniture = Furniture {
            label: (pages > 1).then(|| format!("Page 1 of {pages}")),
            sources: self.sources,
            sources_on: 2 + moved_count,
            extra: &notes,
        };
        let shown = Shown {
            summary,
            skip,
            warnings: warnings.as_ref(),
        };
        let (page, fits) = first_page(&ctx, &shown, self.page_w, self.page_h, &furniture);
        Attempt {
            page,
            fits,
            moved: skip,
            continued,
            pages,
        }
    }

    /// Page 1 at the roomiest density that fits. If none does (a month
    /// with every warning sign ticked every day), the sections that may
    /// wait move to a page of their own, one at a time: never the warning
    /// signs, what changed or the medicines. If page 1 still cannot hold
    /// the warning signs, they continue on page 2, split between blocks:
    /// the check's advice stays on page 1, and nothing is cut.
    ///
    /// Fitting gets easier as the density tightens, so each step tries the
    /// roomiest density, then the tightest, then halves the range between:
    /// a handful of layouts, not one per density (a full month's page is
    /// laid out once). Returns the density index with the attempt.
    pub(super) fn fit(&self) -> Option<(usize, Attempt)> {
        let tightest = DENSITIES.len() - 1;
        for moved in 0..=MOVABLE.len() {
            let roomy = self.layout_at(moved, None, 0);
            if roomy.fits {
                return Some((0, roomy));
            }
            let tight = self.layout_at(moved, None, tightest);
            if !tight.fits && moved < MOVABLE.len() {
                continue;
            }
            if !tight.fits {
                return Some((tightest, self.split_warnings().unwrap_or(tight)));
            }
            // DENSITIES[lo] does not fit, DENSITIES[hi] does.
            let (mut lo, mut hi, mut best) = (0, tightest, tight);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                let attempt = self.layout_at(moved, None, mid);
                if attempt.fits {
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

    /// Page 1 at the tightest density with every movable section moved
    /// and as many of the warning signs' blocks as fit; None when not even
    /// the first block does (then the page is cut, the last resort).
    fn split_warnings(&self) -> Option<Attempt> {
        let tightest = DENSITIES.len() - 1;
        let blocks = &self.summary.section(SectionKind::WarningSigns)?.blocks;
        split_points(blocks)
            .rev()
            .map(|keep| self.layout_at(MOVABLE.len(), Some(keep), tightest))
            .find(|a| a.fits)
    }
}

/// The sections page 1 shows: the summary's, less those moved off it,
/// with the warning signs' first part when they continue on page 2.
struct Shown<'a> {
    summary: &'a Summary,
    skip: &'a [SectionKind],
    warnings: Option<&'a Section>,
}

impl Shown<'_> {
    fn get(&self, kind: SectionKind) -> Option<&Section> {
        if self.skip.contains(&kind) {
            return None;
        }
        match (kind, self.warnings) {
            (SectionKind::WarningSigns, Some(w)) => Some(w),
            _ => self.summary.section(kind),
        }
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
    shown: &Shown<'_>,
    page_w: f32,
    page_h: f32,
    furniture: &Furniture<'_>,
) -> (Boxed, bool) {
    let summary = shown.summary;
    let content_w = page_w - 2.0 * SIDE;
    let mut body = furniture::header(ctx, &summary.header, content_w);
    let gap = ctx.d.section_gap;
    let section = |kind: SectionKind| shown.get(kind);
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

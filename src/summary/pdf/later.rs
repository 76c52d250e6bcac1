//! The pages after the first: the sections page 1 could not hold (split
//! between blocks, "(continued)", where one is taller than a page), and the
//! table of every day split across as many pages as it needs. Their own
//! file because they are laid out apart from page 1 and only placed below
//! the running header when the document is written.

use std::borrow::Cow;
use std::cell::Cell;

use super::fit::{Fitter, op_bottom};
use super::fonts::Fonts;
use super::furniture;
use super::layout::{self, Ctx, DENSITIES};
use super::ops::{self, Boxed, Op, Role};
use super::{BOTTOM, ENTRY_LINES, SIDE, TOP, table};
use crate::summary::model::{Block, Section, Table};

/// Every page after the first, in order: the sections page 1 could not
/// hold, the full references when page 1 had room only for their keys,
/// then the table of every day. Each is placed below the running header
/// (`running_h` points tall); the bool says a section was cut.
pub(super) fn pages(
    fit: &Fitter<'_>,
    later: &Ctx<'_>,
    sections: &[&Section],
    running_h: f32,
    entry_pages: Vec<Vec<Op>>,
) -> (Vec<Vec<Op>>, bool) {
    let (fonts, ids, summary, content_w) = (fit.fonts, fit.ids, fit.summary, fit.content_w);
    let mut overflow = false;
    let mut later_pages: Vec<Vec<Op>> = Vec::new();
    if !sections.is_empty() {
        let (bodies, cut) = moved_pages(fonts, ids, sections, content_w, fit.moved_limit);
        overflow |= cut;
        for body in bodies {
            let mut page = Boxed::default();
            page.place(body, SIDE, TOP + running_h);
            later_pages.push(page.ops);
        }
    }
    if fit.sources_page {
        let mut page = Boxed::default();
        page.place(
            furniture::sources_page(later, &summary.footer, content_w),
            SIDE,
            TOP + running_h,
        );
        later_pages.push(page.ops);
    }
    later_pages.extend(entry_pages);
    (later_pages, overflow)
}

/// The sections page 1 could not hold, on the pages after the first: on
/// one page at the second density if they fit; else at the tightest, a
/// section at a time, a new page when the next would run past `limit`. A
/// section taller than a whole page continues on the next, split between
/// blocks; only a single block taller than a page is cut at the margin,
/// never drawn past it (the bool says so).
pub(super) fn moved_pages(
    fonts: &Fonts,
    ids: &Cell<u32>,
    sections: &[&Section],
    width: f32,
    limit: f32,
) -> (Vec<Boxed>, bool) {
    let roomy = {
        let ctx = Ctx {
            fonts,
            d: DENSITIES[1],
            ids,
        };
        let mut body = Boxed::default();
        for section in sections {
            body.stack(layout::section(&ctx, section, width), ctx.d.section_gap);
        }
        body
    };
    if roomy.height <= limit {
        return (vec![roomy], false);
    }
    let ctx = Ctx {
        fonts,
        d: DENSITIES[DENSITIES.len() - 1],
        ids,
    };
    let gap = ctx.d.section_gap;
    let mut pages = vec![Boxed::default()];
    let mut cut = false;
    for section in sections {
        let mut rest = Cow::Borrowed(*section);
        loop {
            let b = layout::section(&ctx, &rest, width);
            let used = pages.last().map_or(0.0, |p| p.height);
            let room = if used > 0.0 {
                limit - used - gap
            } else {
                limit
            };
            if b.height <= room {
                if let Some(page) = pages.last_mut() {
                    page.stack(b, gap);
                }
                break;
            }
            if used > 0.0 && b.height <= limit {
                // Whole on a fresh page rather than split.
                pages.push(Boxed::default());
                continue;
            }
            let head = split_points(&rest.blocks).rev().find_map(|keep| {
                let (head, tail) = split_section(&rest, keep);
                let laid = layout::section(&ctx, &head, width);
                (laid.height <= room).then_some((laid, tail))
            });
            match head {
                Some((laid, tail)) => {
                    if let Some(page) = pages.last_mut() {
                        page.stack(laid, gap);
                    }
                    pages.push(Boxed::default());
                    rest = Cow::Owned(tail);
                }
                // Not even its first block fits what is left of this page.
                None if used > 0.0 => pages.push(Boxed::default()),
                // One block taller than a whole page: cut at the margin.
                None => {
                    if let Some(page) = pages.last_mut() {
                        page.stack(b, gap);
                        page.ops.retain(|op| op_bottom(op) <= limit);
                        page.height = limit;
                    }
                    cut = true;
                    break;
                }
            }
        }
    }
    (pages, cut)
}

/// The table of every day, split across as many pages as it needs, with
/// the column titles repeated on each, below the running header (`header`
/// points tall).
pub(super) fn paginate_entries(
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

/// Where a section may be split: after any block but the last, never
/// right after a subheading (it stays with what it heads).
pub(super) fn split_points(blocks: &[Block]) -> impl DoubleEndedIterator<Item = usize> + '_ {
    (1..blocks.len()).filter(|&keep| !matches!(blocks[keep - 1], Block::Subheading(_)))
}

const CONTINUED: &str = " (continued)";

/// The first `keep` blocks of a section, and the rest under the same
/// title marked "(continued)".
pub(super) fn split_section(section: &Section, keep: usize) -> (Section, Section) {
    let keep = keep.min(section.blocks.len());
    let head = Section {
        blocks: section.blocks[..keep].to_vec(),
        ..section.clone()
    };
    // Split again, it is still "(continued)", once.
    let title = if section.title.ends_with(CONTINUED) {
        section.title.clone()
    } else {
        format!("{}{CONTINUED}", section.title)
    };
    let tail = Section {
        title,
        blocks: section.blocks[keep..].to_vec(),
        ..section.clone()
    };
    (head, tail)
}

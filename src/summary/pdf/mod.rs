//! The PDF renderer: the only place the PDF crate (krilla) appears.
//!
//! The summary model is laid out into positioned ops (`layout`, `chart`),
//! measured with the real font, and fitted to one page by stepping down
//! through a few densities. Only then are the ops written with krilla.
//! Swapping the PDF crate means rewriting `emit` and `fonts` only.
//! `fit` chooses page 1's density and what moves off it, `later` lays out
//! the pages after it, and `report` says how it all came out.

mod body;
mod chart;
mod emit;
mod fit;
mod fonts;
mod furniture;
mod later;
mod layout;
mod ops;
mod report;
mod table;

use std::cell::Cell;

use krilla::Document;
use krilla::metadata::Metadata;

use self::emit::{Tags, emit_page};
use self::fit::Fitter;
use self::fonts::Fonts;
use self::furniture::Sources;
use self::later::paginate_entries;
use self::layout::{Ctx, DENSITIES};
use self::ops::Boxed;
pub use self::report::{PlacedFill, PlacedText, Report};
use super::model::Summary;

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
    let (missing, extra) = missing_characters(fonts, summary);
    // Pages after the first hold this much.
    let moved_limit = page_h - BOTTOM - TOP - running_h;
    let fitter = Fitter {
        fonts,
        ids: &ids,
        summary,
        sources,
        sources_page,
        entry_pages: entry_pages.len(),
        extra: &extra,
        page_w,
        page_h,
        content_w,
        moved_limit,
        moved_counts: Default::default(),
    };
    let Some((density, attempt)) = fitter.fit() else {
        return Err(PdfError::Write("no layout".into()));
    };
    let pages = attempt.pages;
    let label = |n: usize| (pages > 1).then(|| format!("Page {n} of {pages}"));

    let mut document = new_document(summary);
    let (first_page_text, first_page_fills) = report::placed(&attempt.page.ops, fonts);
    let mut tags = Tags::default();
    emit_page(
        &mut document,
        &mut tags,
        fonts,
        page_w,
        page_h,
        &attempt.page.ops,
    )?;
    let sections = attempt.later_sections(summary);
    let (later_pages, cut) = later::pages(&fitter, &later, &sections, running_h, entry_pages);
    let overflow = !attempt.fits || cut;
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
            moved: attempt.moved_kinds(),
        },
    ))
}

/// An empty document with the summary's title, language and creator.
fn new_document(summary: &Summary) -> Document {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(summary.title.clone())
            .language("en".into())
            .creator(format!("Backlog {}", env!("CARGO_PKG_VERSION"))),
    );
    document
}

/// The characters no embedded font can show, sorted, and the note page 1
/// carries about them (none when every character can be shown).
fn missing_characters(fonts: &Fonts, summary: &Summary) -> (Vec<char>, Vec<String>) {
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
    (missing, extra)
}

//! Laying out the model's blocks into positioned ops, for a given width and
//! density. Sizes are in points; y grows downwards from the block's top.
//! This file holds the densities, the context and text styles; `blocks`
//! lays out sections and their blocks with them.

mod blocks;

pub(super) use self::blocks::section;

use std::cell::Cell;

use super::fonts::Fonts;
use super::ops::{Boxed, INK, Op, Rgb, Role};
use crate::summary::wrap::{fit, wrap};

/// How tightly a page is set. The renderer tries the roomiest first and
/// steps down until the page fits. Body text never goes below 9 pt: what
/// gives way first is the chart's height, the lines a note may take, the
/// space between sections, and the medicine rows drawn in full (the rest go
/// on one "Also taken" line).
#[derive(Debug, Clone, Copy)]
pub(super) struct Density {
    pub(super) body: f32,
    /// Lines for a paragraph (the person's own words).
    pub(super) text_lines: usize,
    /// Lines for one list item or field value.
    pub(super) item_lines: usize,
    pub(super) chart_height: f32,
    /// Space between sections.
    pub(super) section_gap: f32,
    /// Rows of a table with an overflow line drawn in full.
    pub(super) table_rows: usize,
    /// The overflow line gives names only (the last resort).
    pub(super) names_only: bool,
    /// The body figure is drawn (the roomiest densities only: "Where it
    /// hurts" says the same in words, and the medicine table and the
    /// warning signs come first when room is short).
    pub(super) body_figure: bool,
}

/// The smallest body text on the page, in points.
pub(super) const MIN_BODY: f32 = 9.0;
/// The smallest text of all (footer, sources, chart labels), in points.
pub(super) const MIN_SMALL: f32 = 7.5;

const fn density(
    body: f32,
    text_lines: usize,
    item_lines: usize,
    chart_height: f32,
    section_gap: f32,
    table_rows: usize,
) -> Density {
    Density {
        body,
        text_lines,
        item_lines,
        chart_height,
        section_gap,
        table_rows,
        names_only: false,
        body_figure: chart_height >= 104.0,
    }
}

pub(super) const DENSITIES: [Density; 17] = [
    density(9.8, 6, 3, 120.0, 13.0, 40),
    density(9.6, 5, 3, 112.0, 12.0, 24),
    density(9.5, 5, 3, 104.0, 11.0, 16),
    density(9.4, 4, 3, 96.0, 10.0, 12),
    density(9.3, 4, 2, 90.0, 9.0, 10),
    density(9.2, 3, 2, 84.0, 8.0, 9),
    density(9.1, 3, 2, 78.0, 7.0, 8),
    density(9.0, 3, 2, 72.0, 6.0, 7),
    density(9.0, 2, 2, 66.0, 6.0, 6),
    density(9.0, 2, 1, 60.0, 5.0, 5),
    density(9.0, 1, 1, 56.0, 4.0, 4),
    density(9.0, 1, 1, 50.0, 3.0, 4),
    density(9.0, 1, 1, 50.0, 3.0, 3),
    density(9.0, 1, 1, 50.0, 3.0, 2),
    density(9.0, 1, 1, 50.0, 3.0, 1),
    density(9.0, 1, 1, 50.0, 3.0, 0),
    Density {
        names_only: true,
        ..density(9.0, 1, 1, 50.0, 3.0, 0)
    },
];

pub(super) struct Ctx<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) d: Density,
    /// Numbers paragraphs for the tag tree; shared by every layout of a
    /// document so ids never repeat.
    pub(super) ids: &'f Cell<u32>,
}

pub(super) fn leading(size: f32) -> f32 {
    size * 1.32
}

impl Ctx<'_> {
    pub(super) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.fonts.width(text, size, bold)
    }

    pub(super) fn small(&self) -> f32 {
        (self.d.body * 0.82).max(MIN_SMALL)
    }

    /// Wrapped text in `width`, at most `max_lines` lines.
    pub(super) fn paragraph(
        &self,
        text: &str,
        style: TextStyle,
        width: f32,
        max_lines: usize,
    ) -> Boxed {
        let fonts = self.fonts;
        let lines = wrap(text, width, max_lines, &mut |s| {
            fonts.width(s, style.size, style.bold)
        });
        self.lines(lines, style)
    }

    /// One line cut with an ellipsis if needed.
    pub(super) fn line(&self, text: &str, style: TextStyle, width: f32) -> Boxed {
        let fonts = self.fonts;
        let line = fit(text, width, &mut |s| fonts.width(s, style.size, style.bold));
        self.lines(vec![line], style)
    }

    /// A fresh id for a heading or paragraph.
    pub(super) fn next_id(&self) -> u32 {
        let id = self.ids.get();
        self.ids.set(id.wrapping_add(1));
        id
    }

    fn lines(&self, lines: Vec<String>, style: TextStyle) -> Boxed {
        let lead = leading(style.size);
        let role = Role::Para(self.next_id());
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
                    role,
                });
            }
            out.height = lead * (i + 1) as f32;
        }
        out
    }

    pub(super) fn body(&self) -> TextStyle {
        TextStyle {
            size: self.d.body.max(MIN_BODY),
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

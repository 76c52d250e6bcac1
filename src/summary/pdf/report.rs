//! What the renderer tells the caller besides the bytes: pages, density,
//! what moved or was cut, and every text and fill on page 1, so layout
//! tests and the app's preview can check the page without reading the
//! PDF back. Its own file because it is the renderer's public face, apart
//! from how pages are fitted.

use super::fonts::Fonts;
use super::ops::Op;
use crate::summary::model::SectionKind;

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
    /// Sections page 1 could not hold, printed from page 2 on (page 1 says
    /// so): whole, or for the warning signs, their end.
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

/// Every text run and every filled rectangle of a page's ops, as drawn.
pub(super) fn placed(ops: &[Op], fonts: &Fonts) -> (Vec<PlacedText>, Vec<PlacedFill>) {
    let text = ops
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
    let fills = ops
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
    (text, fills)
}

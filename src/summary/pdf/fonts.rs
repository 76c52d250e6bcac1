//! The embedded fonts, and measuring text exactly as it will be drawn.
//!
//! Noto Sans (SIL OFL 1.1, `assets/fonts/OFL.txt`) covers Latin, Greek and
//! Cyrillic. Names people type in other scripts fall back, run by run, to
//! Noto Sans Arabic and Hebrew, a Chinese and Japanese subset of Droid Sans
//! Fallback and a Korean subset of Nanum Gothic (`assets/fonts/README.md`); a PDF embeds a fallback
//! (subset) only when its text needs it. A character no font covers is
//! reported, so the page can say which characters could not be shown.
//! Widths come from shaping with rustybuzz, the same shaper krilla uses to
//! draw, so a line measured to fit is the line that is drawn.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::PdfError;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
static ARABIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabic-Regular-subset.ttf");
static HEBREW: &[u8] = include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular.ttf");
static CJK: &[u8] = include_bytes!("../../../assets/fonts/DroidSansFallback-subset.ttf");
static KOREAN: &[u8] = include_bytes!("../../../assets/fonts/NanumGothic-subset.ttf");

/// How many measured texts the width cache keeps before it starts again
/// (a ten-year summary measures a few tens of thousands).
const WIDTHS_KEPT: usize = 200_000;

thread_local! {
    /// Widths in font units, by face (its address: faces live in a static)
    /// and text.
    static WIDTHS: RefCell<HashMap<usize, HashMap<String, i32>>> = RefCell::new(HashMap::new());
}

pub(super) struct Face {
    pub(super) pdf: krilla::text::Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(bytes: &'static [u8], name: &'static str) -> Result<Self, PdfError> {
        let pdf = krilla::text::Font::new(bytes.into(), 0).ok_or(PdfError::Font(name))?;
        let shaper = rustybuzz::Face::from_slice(bytes, 0).ok_or(PdfError::Font(name))?;
        let units_per_em = shaper.units_per_em() as f32;
        Ok(Self {
            pdf,
            shaper,
            units_per_em,
        })
    }

    fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }

    /// Width of `text` in this face alone, at `size` points, kerning included.
    ///
    /// Shaping is the costly part of laying out a page, and the page search
    /// measures the same words again at each density it tries; the width in
    /// font units does not depend on the size, so it is shaped once per
    /// face and text (per thread) and scaled.
    pub(super) fn run_width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let face = std::ptr::from_ref(self) as usize;
        let units = WIDTHS.with(|cell| {
            let mut widths = cell.borrow_mut();
            if let Some(units) = widths.get(&face).and_then(|w| w.get(text)) {
                return *units;
            }
            if widths.values().map(HashMap::len).sum::<usize>() >= WIDTHS_KEPT {
                widths.clear();
            }
            let units = self.shape_units(text);
            widths
                .entry(face)
                .or_default()
                .insert(text.to_owned(), units);
            units
        });
        units as f32 / self.units_per_em * size
    }

    /// Shapes `text` and sums the advances, in font units.
    fn shape_units(&self, text: &str) -> i32 {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        shaped.glyph_positions().iter().map(|p| p.x_advance).sum()
    }
}

pub(super) struct Fonts {
    pub(super) regular: Face,
    pub(super) bold: Face,
    /// Tried in order for a character the main face lacks (regular weight:
    /// a bold name in Arabic is drawn regular rather than as boxes).
    fallbacks: Vec<Face>,
}

/// One run of text and the face that draws it.
pub(super) struct Run<'f, 't> {
    pub(super) face: &'f Face,
    pub(super) text: &'t str,
}

impl Fonts {
    /// Parsed once; the bytes are part of the binary.
    pub(super) fn get() -> Result<&'static Self, PdfError> {
        static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(Self {
                    regular: Face::load(REGULAR, "NotoSans-Regular.ttf")?,
                    bold: Face::load(BOLD, "NotoSans-Bold.ttf")?,
                    fallbacks: vec![
                        Face::load(ARABIC, "NotoSansArabic-Regular-subset.ttf")?,
                        Face::load(HEBREW, "NotoSansHebrew-Regular.ttf")?,
                        Face::load(CJK, "DroidSansFallback-subset.ttf")?,
                        Face::load(KOREAN, "NanumGothic-subset.ttf")?,
                    ],
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(super) fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// The face for one character: the main one if it has it, else the
    /// first fallback that does; `None` when no font has it.
    fn face_for(&self, c: char, bold: bool) -> Option<&Face> {
        let main = self.face(bold);
        if main.has(c) {
            return Some(main);
        }
        self.fallbacks.iter().find(|f| f.has(c))
    }

    /// `text` split into runs, each drawn by one face. Spaces, marks and
    /// characters no font has stay in the run they are in (the latter are
    /// drawn by the main face as a box).
    pub(super) fn runs<'t>(&self, text: &'t str, bold: bool) -> Vec<Run<'_, 't>> {
        let main = self.face(bold);
        let mut runs: Vec<Run<'_, 't>> = Vec::new();
        let mut start = 0;
        let mut current: Option<&Face> = None;
        for (i, c) in text.char_indices() {
            let face = if c.is_whitespace() || is_mark(c) {
                None
            } else {
                self.face_for(c, bold)
            };
            let Some(face) = face else { continue };
            match current {
                Some(f) if std::ptr::eq(f, face) => {}
                Some(f) => {
                    runs.push(Run {
                        face: f,
                        text: &text[start..i],
                    });
                    start = i;
                    current = Some(face);
                }
                None => current = Some(face),
            }
        }
        if start < text.len() || runs.is_empty() {
            runs.push(Run {
                face: current.unwrap_or(main),
                text: &text[start..],
            });
        }
        runs
    }

    /// Width of `text` as drawn, fallbacks included.
    pub(super) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.runs(text, bold)
            .iter()
            .map(|r| r.face.run_width(r.text, size))
            .sum()
    }

    /// Characters in `text` that no embedded font can show.
    pub(super) fn missing(&self, text: &str) -> impl Iterator<Item = char> + '_ {
        text.chars()
            .filter(|c| !c.is_control() && !c.is_whitespace() && !is_mark(*c))
            .filter(|c| self.face_for(*c, false).is_none())
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// Combining marks and joiners: they belong to the character before.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0591..=0x05C7 | 0x200C..=0x200F | 0xFE00..=0xFE0F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_other_scripts_find_a_face() {
        let fonts = Fonts::get().unwrap();
        for name in [
            "Zoë Ødegård",
            "王小明",
            "さくら",
            "김민준",
            "محمد علي",
            "דוד לוי",
        ] {
            assert_eq!(fonts.missing(name).count(), 0, "{name}");
            assert!(fonts.width(name, 10.0, true) > 0.0, "{name}");
        }
        assert_eq!(fonts.runs("Ana 王小明", false).len(), 2);
        assert_eq!(fonts.missing("देव").count(), 3, "Devanagari is not embedded");
    }

    #[test]
    fn a_remembered_width_is_the_shaped_width_at_every_size() {
        let fonts = Fonts::get().unwrap();
        for (face, text) in [
            (
                &fonts.regular,
                "Worse: average pain 4.0 in the first 7 days",
            ),
            (&fonts.bold, "AVAWA Ty"),
            (&fonts.regular, "Zoë"),
        ] {
            let shaped = face.shape_units(text) as f32 / face.units_per_em;
            for size in [7.5, 9.0, 10.0, 16.0] {
                // Twice: the first shapes, the second is remembered.
                for _ in 0..2 {
                    let w = face.run_width(text, size);
                    assert!((w - shaped * size).abs() < 1e-3, "{text} at {size}: {w}");
                }
            }
        }
        // Faces do not share widths: bold is wider than regular.
        assert!(fonts.bold.run_width("Backlog", 10.0) > fonts.regular.run_width("Backlog", 10.0));
    }
}

//! The embedded fonts, and measuring text exactly as it will be drawn.
//!
//! Noto Sans (SIL OFL 1.1, `assets/fonts/OFL.txt`) covers every Latin
//! script. Widths come from shaping with rustybuzz, the same shaper krilla
//! uses to draw, so a line measured to fit is the line that is drawn.

use std::sync::OnceLock;

use super::PdfError;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

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

    /// Width of `text` at `size` points, kerning included.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 / self.units_per_em * size
    }
}

pub(super) struct Fonts {
    pub(super) regular: Face,
    pub(super) bold: Face,
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
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(super) fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

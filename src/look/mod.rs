//! The look, as plain data: colours, type sizes, spacing and the body
//! figure, shared by the window and the printed page.
//!
//! Pure: no egui, no krilla, no files. The app's `theme` turns these tokens
//! into egui's `Visuals` and `Style`; the PDF renderer uses the same pain
//! ramp and the same body figure. Every colour the app or the chart draws
//! comes from here, so contrast is checked in one place (tested below and
//! in `tokens`).

pub mod figure;
pub mod tokens;

/// An sRGB colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, for messages and tests.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance (0 for black, 1 for white).
    pub fn luminance(self) -> f32 {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// A mix of `self` and `other`: `t` = 0 is `self`, 1 is `other`.
    pub fn mix(self, other: Self, t: f32) -> Self {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| {
            let v = f32::from(a) + (f32::from(b) - f32::from(a)) * t;
            // In 0..=255 after the clamp, so the cast cannot truncate.
            v.round().clamp(0.0, 255.0) as u8
        };
        Self(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// WCAG 2 contrast ratio, from 1 (none) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (x, y) = (a.luminance(), b.luminance());
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Black or white ink, whichever reads better on `fill` (never below
/// 4.58:1, the worst case for a mid grey).
pub fn ink_on(fill: Rgb) -> Rgb {
    let (black, white) = (tokens::NEAR_BLACK, tokens::WHITE);
    if contrast(fill, black) >= contrast(fill, white) {
        black
    } else {
        white
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_examples() {
        let c = contrast(Rgb(0, 0, 0), Rgb(255, 255, 255));
        assert!((c - 21.0).abs() < 0.01, "{c}");
        assert!((contrast(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255)) - 4.48).abs() < 0.02);
        assert_eq!(Rgb(0x12, 0xAB, 0xEF).hex(), "#12ABEF");
    }

    #[test]
    fn ink_on_any_grey_reads_at_aa() {
        for v in 0..=255u8 {
            let fill = Rgb(v, v, v);
            let c = contrast(fill, ink_on(fill));
            assert!(c >= 4.5, "{}: {c}", fill.hex());
        }
    }

    #[test]
    fn mixing_runs_from_one_colour_to_the_other() {
        let (a, b) = (Rgb(0, 100, 200), Rgb(200, 100, 0));
        assert_eq!(a.mix(b, 0.0), a);
        assert_eq!(a.mix(b, 1.0), b);
        assert_eq!(a.mix(b, 0.5), Rgb(100, 100, 100));
    }
}

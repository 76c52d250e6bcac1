//! Design tokens: the palette of each theme, the pain ramp, the type
//! scale, spacing, corner radii and line widths. The one place colour and
//! size values are written down (a test in `tests/ui` keeps literals out of
//! the screens).
//!
//! How the colours were chosen:
//! - **Levels** (ambulance, emergency department, 24 hours, appointment,
//!   self-care) each have a `fill` for the banner with `on_fill` text on it,
//!   an `ink` for level-coloured words and edges on the page, and a soft
//!   `tint` behind ordinary text. Every text pair is at least 4.5:1 (tested).
//!   A level is never shown by colour alone: it always comes with its words
//!   and its own icon (the app's `icons`).
//! - **Pain** 0–10 is a separate violet ramp, a hue no level uses, running
//!   from close to the page (0) to far from it (10): pale to deep on light,
//!   dim to bright on dark. Lightness alone carries the order, so it reads
//!   in grey print and for colour-blind readers; numbers are shown with it.
//! - **Accent** (primary buttons, selection, focus, links) is a calm teal,
//!   also a hue no level uses.
//!
//! Long on purpose: most of it is the two palettes (every colour of the
//! light and dark themes, side by side with why) and the contrast tests
//! that guard them, which read best next to the values they check.

use super::Rgb;
use crate::triage::Level;

pub const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);
/// Pure black: the darkest ink, used where text must read on any fill.
pub const NEAR_BLACK: Rgb = Rgb(0x00, 0x00, 0x00);

/// The colours of one level in one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelColors {
    /// The banner's background.
    pub fill: Rgb,
    /// Text and icons on `fill`.
    pub on_fill: Rgb,
    /// The level's colour as text, icon or edge on the page and on cards.
    pub ink: Rgb,
    /// A soft background for a card or chip about this level; the theme's
    /// ordinary text (and `ink`) read on it.
    pub tint: Rgb,
}

/// Colours of the charts and the calendar (the pain picture).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartColors {
    /// One day's pain (dots, bars).
    pub daily: Rgb,
    /// The 7-day average line.
    pub average: Rgb,
    /// The band behind pain 7 and above.
    pub severe_band: Rgb,
    /// Grid lines.
    pub grid: Rgb,
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub dark: bool,
    /// The window behind everything.
    pub page: Rgb,
    /// Cards, panels, pop-ups.
    pub surface: Rgb,
    /// Inside text fields.
    pub sunken: Rgb,
    /// Striped rows, resting chips, hovered rows.
    pub faint: Rgb,
    /// Edges of cards and separators (decoration only).
    pub border: Rgb,
    /// Outlines of controls: checkboxes, fields, buttons (at least 3:1).
    pub control: Rgb,
    pub text: Rgb,
    pub text_strong: Rgb,
    /// Hints and secondary text (still at least 4.5:1).
    pub text_weak: Rgb,
    /// Primary buttons, selected things, the focus ring.
    pub accent: Rgb,
    /// Text on `accent`.
    pub on_accent: Rgb,
    /// Accent as text (links) on the page and cards.
    pub accent_ink: Rgb,
    /// Behind selected chips and navigation; `text` reads on it.
    pub accent_tint: Rgb,
    /// The keyboard focus ring (at least 3:1 against the page and cards).
    pub focus: Rgb,
    /// Error text on the page and cards.
    pub error: Rgb,
    /// Behind an error notice; `text` reads on it.
    pub error_tint: Rgb,
    /// Behind an information notice; `text` reads on it.
    pub info_tint: Rgb,
    /// Most urgent first (as [`Level::MOST_URGENT_FIRST`]): ambulance
    /// first, self-care last. Read them with [`Palette::level`].
    pub levels: [LevelColors; 5],
    /// Pain 0 to 10.
    pub pain: [Rgb; 11],
    pub chart: ChartColors,
}

impl Palette {
    pub fn level(&self, level: Level) -> LevelColors {
        // `levels` is most urgent first, the order of `MOST_URGENT_FIRST`
        // (`Level::rank` runs the other way: 0 is self-care).
        let i = match level {
            Level::CallAmbulance => 0,
            Level::EmergencyDepartment => 1,
            Level::Within24h => 2,
            Level::SeeDoctor => 3,
            Level::SelfCare => 4,
        };
        self.levels[i]
    }

    /// The pain ramp's colour for a score (scores above 10 count as 10).
    pub fn pain(&self, pain: u8) -> Rgb {
        self.pain[usize::from(pain.min(10))]
    }

    /// The pain ramp for an average (0.0–10.0), between its two steps.
    pub fn pain_between(&self, pain: f32) -> Rgb {
        let p = pain.clamp(0.0, 10.0);
        // In 0..=10 after the clamp, so the casts cannot truncate.
        let low = p.floor() as usize;
        let high = p.ceil() as usize;
        self.pain[low].mix(self.pain[high], p - p.floor())
    }

    /// Text on the pain ramp: black or white, whichever reads better.
    pub fn on_pain(&self, pain: u8) -> Rgb {
        super::ink_on(self.pain(pain))
    }

    /// Every pair of (text, background) colours the app draws text with,
    /// named for test messages. The contrast test walks this list.
    pub fn text_pairs(&self) -> Vec<(String, Rgb, Rgb)> {
        let mut pairs = Vec::new();
        let backgrounds = [
            ("page", self.page),
            ("surface", self.surface),
            ("sunken", self.sunken),
            ("faint", self.faint),
        ];
        for (bg_name, bg) in backgrounds {
            for (name, fg) in [
                ("text", self.text),
                ("text_strong", self.text_strong),
                ("text_weak", self.text_weak),
                ("accent_ink", self.accent_ink),
                ("error", self.error),
            ] {
                pairs.push((format!("{name} on {bg_name}"), fg, bg));
            }
            for level in Level::MOST_URGENT_FIRST {
                let c = self.level(level);
                pairs.push((format!("{level} ink on {bg_name}"), c.ink, bg));
            }
        }
        for (name, bg) in [
            ("accent_tint", self.accent_tint),
            ("error_tint", self.error_tint),
            ("info_tint", self.info_tint),
        ] {
            pairs.push((format!("text on {name}"), self.text, bg));
            pairs.push((format!("text_weak on {name}"), self.text_weak, bg));
        }
        pairs.push(("error on error_tint".into(), self.error, self.error_tint));
        pairs.push(("on_accent on accent".into(), self.on_accent, self.accent));
        for level in Level::MOST_URGENT_FIRST {
            let c = self.level(level);
            pairs.push((format!("{level} on_fill on fill"), c.on_fill, c.fill));
            pairs.push((format!("text on {level} tint"), self.text, c.tint));
            pairs.push((format!("{level} ink on its tint"), c.ink, c.tint));
        }
        for p in 0..=10u8 {
            pairs.push((format!("number on pain {p}"), self.on_pain(p), self.pain(p)));
        }
        pairs
    }

    /// Pairs that are not text but must still be seen (WCAG 1.4.11, 3:1):
    /// control outlines, the focus ring, level edges.
    pub fn graphic_pairs(&self) -> Vec<(String, Rgb, Rgb)> {
        let mut pairs = Vec::new();
        for (bg_name, bg) in [("page", self.page), ("surface", self.surface)] {
            pairs.push((format!("control on {bg_name}"), self.control, bg));
            pairs.push((format!("focus on {bg_name}"), self.focus, bg));
            pairs.push((format!("accent on {bg_name}"), self.accent, bg));
            pairs.push((format!("average line on {bg_name}"), self.chart.average, bg));
            pairs.push((format!("daily pain on {bg_name}"), self.chart.daily, bg));
        }
        pairs.push(("focus on accent_tint".into(), self.focus, self.accent_tint));
        pairs
    }
}

/// The light theme.
pub const LIGHT: Palette = Palette {
    dark: false,
    page: Rgb(0xF5, 0xF6, 0xF8),
    surface: Rgb(0xFF, 0xFF, 0xFF),
    sunken: Rgb(0xFF, 0xFF, 0xFF),
    faint: Rgb(0xEC, 0xEF, 0xF3),
    border: Rgb(0xD5, 0xDA, 0xE1),
    control: Rgb(0x73, 0x7D, 0x89),
    text: Rgb(0x1E, 0x26, 0x30),
    text_strong: Rgb(0x0E, 0x14, 0x1B),
    text_weak: Rgb(0x52, 0x5D, 0x69),
    accent: Rgb(0x0B, 0x6B, 0x6F),
    on_accent: WHITE,
    accent_ink: Rgb(0x0A, 0x62, 0x66),
    accent_tint: Rgb(0xDD, 0xEF, 0xEE),
    focus: Rgb(0x0B, 0x6B, 0x6F),
    error: Rgb(0xB3, 0x14, 0x1B),
    error_tint: Rgb(0xFB, 0xE8, 0xE8),
    info_tint: Rgb(0xE3, 0xF1, 0xF0),
    levels: [
        // Call an ambulance: deep red.
        LevelColors {
            fill: Rgb(0xB3, 0x14, 0x1B),
            on_fill: WHITE,
            ink: Rgb(0xB3, 0x14, 0x1B),
            tint: Rgb(0xFB, 0xE8, 0xE8),
        },
        // Emergency department: burnt orange.
        LevelColors {
            fill: Rgb(0xB9, 0x3E, 0x0C),
            on_fill: WHITE,
            ink: Rgb(0xA8, 0x38, 0x0B),
            tint: Rgb(0xFB, 0xEB, 0xE1),
        },
        // Within 24 hours: amber, dark text.
        LevelColors {
            fill: Rgb(0xF2, 0xB2, 0x00),
            on_fill: Rgb(0x17, 0x13, 0x0A),
            ink: Rgb(0x83, 0x56, 0x00),
            tint: Rgb(0xFD, 0xF3, 0xD4),
        },
        // Book an appointment: blue.
        LevelColors {
            fill: Rgb(0x1E, 0x5A, 0xA8),
            on_fill: WHITE,
            ink: Rgb(0x1E, 0x5A, 0xA8),
            tint: Rgb(0xE5, 0xEE, 0xF9),
        },
        // Self-care: green.
        LevelColors {
            fill: Rgb(0x28, 0x77, 0x3A),
            on_fill: WHITE,
            ink: Rgb(0x24, 0x6E, 0x35),
            tint: Rgb(0xE4, 0xF2, 0xE7),
        },
    ],
    pain: [
        Rgb(0xE9, 0xE2, 0xF3),
        Rgb(0xD9, 0xCA, 0xEA),
        Rgb(0xC9, 0xB3, 0xE1),
        Rgb(0xB9, 0x9B, 0xD8),
        Rgb(0xA9, 0x84, 0xCE),
        Rgb(0x9A, 0x6C, 0xC4),
        Rgb(0x86, 0x59, 0xAD),
        Rgb(0x72, 0x46, 0x97),
        Rgb(0x5F, 0x33, 0x81),
        Rgb(0x4C, 0x21, 0x6C),
        Rgb(0x3A, 0x0D, 0x57),
    ],
    chart: ChartColors {
        daily: Rgb(0x86, 0x59, 0xAD),
        average: Rgb(0x3A, 0x0D, 0x57),
        severe_band: Rgb(0xF3, 0xEE, 0xF9),
        grid: Rgb(0xD5, 0xDA, 0xE1),
    },
};

/// The dark theme. Level fills stay as in light (a banner looks the same
/// wherever it appears); inks and tints are made for the dark page.
pub const DARK: Palette = Palette {
    dark: true,
    page: Rgb(0x15, 0x18, 0x1C),
    surface: Rgb(0x1E, 0x22, 0x27),
    sunken: Rgb(0x11, 0x13, 0x16),
    faint: Rgb(0x27, 0x2C, 0x32),
    border: Rgb(0x38, 0x3F, 0x48),
    control: Rgb(0x85, 0x8F, 0x9B),
    text: Rgb(0xE7, 0xEA, 0xEE),
    text_strong: Rgb(0xFA, 0xFB, 0xFC),
    text_weak: Rgb(0xA8, 0xB0, 0xBA),
    accent: Rgb(0x3F, 0xB6, 0xB3),
    on_accent: NEAR_BLACK,
    accent_ink: Rgb(0x6F, 0xD0, 0xCD),
    accent_tint: Rgb(0x17, 0x3B, 0x3C),
    focus: Rgb(0x6F, 0xD0, 0xCD),
    error: Rgb(0xFF, 0x8F, 0x8A),
    error_tint: Rgb(0x3B, 0x1D, 0x1E),
    info_tint: Rgb(0x18, 0x32, 0x33),
    levels: [
        LevelColors {
            fill: Rgb(0xB3, 0x14, 0x1B),
            on_fill: WHITE,
            ink: Rgb(0xFF, 0x8F, 0x8A),
            tint: Rgb(0x3B, 0x1D, 0x1E),
        },
        LevelColors {
            fill: Rgb(0xB9, 0x3E, 0x0C),
            on_fill: WHITE,
            ink: Rgb(0xFF, 0xA0, 0x70),
            tint: Rgb(0x3A, 0x26, 0x19),
        },
        LevelColors {
            fill: Rgb(0xF2, 0xB2, 0x00),
            on_fill: Rgb(0x17, 0x13, 0x0A),
            ink: Rgb(0xF2, 0xC0, 0x4C),
            tint: Rgb(0x35, 0x2D, 0x17),
        },
        LevelColors {
            fill: Rgb(0x1E, 0x5A, 0xA8),
            on_fill: WHITE,
            ink: Rgb(0x8D, 0xB9, 0xF2),
            tint: Rgb(0x1B, 0x2A, 0x3D),
        },
        LevelColors {
            fill: Rgb(0x28, 0x77, 0x3A),
            on_fill: WHITE,
            ink: Rgb(0x7E, 0xCB, 0x8F),
            tint: Rgb(0x1B, 0x32, 0x22),
        },
    ],
    pain: [
        Rgb(0x2E, 0x25, 0x40),
        Rgb(0x40, 0x31, 0x57),
        Rgb(0x52, 0x3C, 0x70),
        Rgb(0x66, 0x49, 0x89),
        Rgb(0x79, 0x55, 0xA4),
        Rgb(0x93, 0x67, 0xC4),
        Rgb(0xA0, 0x79, 0xCC),
        Rgb(0xB2, 0x90, 0xD9),
        Rgb(0xC5, 0xA7, 0xE6),
        Rgb(0xD8, 0xBE, 0xF3),
        Rgb(0xEB, 0xD5, 0xFF),
    ],
    chart: ChartColors {
        daily: Rgb(0xA0, 0x79, 0xCC),
        average: Rgb(0xEB, 0xD5, 0xFF),
        severe_band: Rgb(0x2A, 0x22, 0x38),
        grid: Rgb(0x38, 0x3F, 0x48),
    },
};

/// The printed page (the PDF summary): the light theme's pain ramp and
/// chart colours, which keep their order in grey.
pub const PRINT: Palette = LIGHT;

/// Type sizes in points at 100 % text (egui points are pixels at 100 %).
/// The text-size setting scales them all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeScale {
    /// The emergency number on an emergency banner: the largest text.
    pub display: f32,
    /// A banner's headline, the most important line on a screen.
    pub headline: f32,
    /// A screen's title.
    pub title: f32,
    /// A card's or section's heading.
    pub heading: f32,
    pub body: f32,
    /// Hints, captions, axis labels.
    pub small: f32,
}

pub const TYPE: TypeScale = TypeScale {
    display: 44.0,
    headline: 30.0,
    title: 24.0,
    heading: 19.0,
    body: 16.0,
    small: 14.0,
};

/// Space between things, in points (not scaled by the text size).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    pub xs: f32,
    pub s: f32,
    pub m: f32,
    pub l: f32,
    pub xl: f32,
}

pub const SPACE: Spacing = Spacing {
    xs: 4.0,
    s: 8.0,
    m: 12.0,
    l: 16.0,
    xl: 24.0,
};

/// Corner radii in points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Radii {
    /// Chips, calendar days, small swatches.
    pub small: u8,
    /// Buttons, fields, notices.
    pub medium: u8,
    /// Cards and banners.
    pub large: u8,
}

pub const RADIUS: Radii = Radii {
    small: 4,
    medium: 8,
    large: 12,
};

/// Line widths in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strokes {
    /// Card edges, separators, grid lines.
    pub hairline: f32,
    /// Hovered control outlines and the body outline. Widths that egui
    /// puts on control frames are whole points: it keeps a frame's size by
    /// taking the stroke out of whole-point margins, and a fractional width
    /// would move the control by a point when its state changes.
    pub control: f32,
    /// The keyboard focus ring: thick enough to see at a glance.
    pub focus: f32,
    /// The frame of an emergency banner.
    pub emphasis: f32,
    /// The radius of one day's dot on a chart.
    pub dot: f32,
}

pub const STROKE: Strokes = Strokes {
    hairline: 1.0,
    control: 2.0,
    focus: 3.0,
    emphasis: 4.0,
    dot: 4.0,
};

#[cfg(test)]
mod tests {
    use super::super::contrast;
    use super::*;

    const THEMES: [(&str, Palette); 2] = [("light", LIGHT), ("dark", DARK)];

    #[test]
    fn every_text_pair_meets_wcag_aa_in_both_themes() {
        for (theme, p) in THEMES {
            for (name, fg, bg) in p.text_pairs() {
                let c = contrast(fg, bg);
                assert!(
                    c >= 4.5,
                    "{theme}: {name}: {} on {} is {c:.2}:1",
                    fg.hex(),
                    bg.hex()
                );
            }
        }
    }

    /// Each level gets its own colours: the ambulance banner is red and
    /// self-care green, never the other way round (they once were swapped:
    /// `levels` is most urgent first, `Level::rank` least urgent first).
    #[test]
    fn each_level_gets_its_own_colours_most_urgent_first() {
        for (_, p) in THEMES {
            for (i, level) in Level::MOST_URGENT_FIRST.into_iter().enumerate() {
                assert_eq!(p.level(level), p.levels[i], "{level}");
            }
            let red = p.level(Level::CallAmbulance).fill;
            assert!(
                red.0 > red.1 && red.0 > red.2,
                "ambulance fill {}",
                red.hex()
            );
            let green = p.level(Level::SelfCare).fill;
            assert!(
                green.1 > green.0 && green.1 > green.2,
                "self-care fill {}",
                green.hex()
            );
        }
    }

    #[test]
    fn outlines_focus_and_chart_lines_stand_out_at_three_to_one() {
        for (theme, p) in THEMES {
            for (name, fg, bg) in p.graphic_pairs() {
                let c = contrast(fg, bg);
                assert!(c >= 3.0, "{theme}: {name} is {c:.2}:1");
            }
        }
    }

    #[test]
    fn pain_ramp_runs_from_close_to_the_page_to_far_from_it() {
        for (theme, p) in THEMES {
            let away = |c: Rgb| contrast(c, p.surface);
            for n in 0..10 {
                assert!(
                    away(p.pain[n + 1]) > away(p.pain[n]),
                    "{theme}: pain {} does not stand out more than pain {n}",
                    n + 1
                );
            }
        }
    }

    #[test]
    fn pain_ramp_never_reuses_a_level_colour() {
        for (theme, p) in THEMES {
            for c in p.pain.iter().chain([&p.chart.daily, &p.chart.average]) {
                for level in Level::MOST_URGENT_FIRST {
                    let l = p.level(level);
                    for used in [l.fill, l.ink, l.tint] {
                        assert_ne!(*c, used, "{theme}: pain colour is {level}'s");
                        assert!(
                            hue_distance(*c, used) > 30.0 || saturation(*c) < 0.15,
                            "{theme}: pain {} is too close in hue to {level} {}",
                            c.hex(),
                            used.hex()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pain_between_steps_blends_neighbours() {
        let p = LIGHT;
        assert_eq!(p.pain_between(3.0), p.pain(3));
        assert_eq!(p.pain_between(-2.0), p.pain(0));
        assert_eq!(p.pain_between(12.0), p.pain(10));
        assert_eq!(p.pain_between(3.5), p.pain(3).mix(p.pain(4), 0.5));
        assert_eq!(p.pain(200), p.pain(10));
    }

    #[test]
    fn control_strokes_are_whole_points() {
        for w in [STROKE.hairline, STROKE.control, STROKE.focus] {
            assert_eq!(w, w.round(), "{w}");
        }
    }

    #[test]
    fn type_scale_gets_smaller_step_by_step() {
        let t = TYPE;
        let sizes = [t.display, t.headline, t.title, t.heading, t.body, t.small];
        assert!(sizes.windows(2).all(|w| w[0] > w[1]), "{sizes:?}");
        assert!(t.small >= 14.0, "small text stays readable");
    }

    fn hsv(c: Rgb) -> (f32, f32, f32) {
        let (r, g, b) = (
            f32::from(c.0) / 255.0,
            f32::from(c.1) / 255.0,
            f32::from(c.2) / 255.0,
        );
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let d = max - min;
        let h = if d == 0.0 {
            0.0
        } else if max == r {
            60.0 * ((g - b) / d).rem_euclid(6.0)
        } else if max == g {
            60.0 * ((b - r) / d + 2.0)
        } else {
            60.0 * ((r - g) / d + 4.0)
        };
        let s = if max == 0.0 { 0.0 } else { d / max };
        (h, s, max)
    }

    fn saturation(c: Rgb) -> f32 {
        hsv(c).1
    }

    fn hue_distance(a: Rgb, b: Rgb) -> f32 {
        let d = (hsv(a).0 - hsv(b).0).abs();
        d.min(360.0 - d)
    }
}

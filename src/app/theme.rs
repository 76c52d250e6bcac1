//! The look: light/dark/system theme, the text size, and the colours of the
//! five triage levels.
//!
//! Text size scales the font sizes only (not the whole UI), so at 200 % the
//! window still has room for the content at 800×600. Level colours are
//! chosen so that the banner text keeps a contrast ratio of at least 4.5:1
//! in both themes (tested below).

use crate::id_enum::id_enum;
use crate::triage::Level;
use egui::{Color32, FontFamily, FontId, TextStyle};

id_enum! {
    /// Light, dark, or whatever the operating system uses.
    #[derive(Default)]
    ThemeChoice {
        Light = "light", "Light";
        Dark = "dark", "Dark";
        #[default]
        System = "system", "Follow the system";
    }
}

impl ThemeChoice {
    fn preference(self) -> egui::ThemePreference {
        match self {
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
            Self::System => egui::ThemePreference::System,
        }
    }
}

/// Text size in percent: 100 to 200, in steps of 25.
pub const TEXT_SCALES: [u16; 5] = [100, 125, 150, 175, 200];
pub const MIN_TEXT_SCALE: u16 = 100;
pub const MAX_TEXT_SCALE: u16 = 200;

/// Keeps a stored text size inside the supported range.
pub fn clamp_text_scale(percent: u16) -> u16 {
    percent.clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE)
}

/// The next size up or down (used by Ctrl + and Ctrl −).
pub fn step_text_scale(percent: u16, up: bool) -> u16 {
    let percent = clamp_text_scale(percent);
    if up {
        TEXT_SCALES
            .into_iter()
            .find(|s| *s > percent)
            .unwrap_or(MAX_TEXT_SCALE)
    } else {
        TEXT_SCALES
            .into_iter()
            .rev()
            .find(|s| *s < percent)
            .unwrap_or(MIN_TEXT_SCALE)
    }
}

/// Body text size at 100 %, in points (egui points are pixels at 100 % DPI).
pub const BODY_SIZE: f32 = 16.0;

/// Applies theme and text size to every style (light and dark).
pub fn apply(ctx: &egui::Context, theme: ThemeChoice, text_scale: u16) {
    ctx.set_theme(theme.preference());
    let k = f32::from(clamp_text_scale(text_scale)) / 100.0;
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(14.0 * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_SIZE * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(BODY_SIZE * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0 * k, FontFamily::Monospace),
            ),
            (
                TextStyle::Heading,
                FontId::new(24.0 * k, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        style.spacing.interact_size.y = 24.0 * k.sqrt();
        style.spacing.icon_width = 18.0 * k.sqrt();
        style.spacing.icon_width_inner = 10.0 * k.sqrt();
        // Tooltips appear quickly: the "why it matters" help lives there.
        style.interaction.tooltip_delay = 0.3;
    });
    // egui's default body and hint greys are too faint for older eyes:
    // lift them to at least 4.5:1 on the panel background (WCAG AA).
    ctx.style_mut_of(egui::Theme::Dark, |s| {
        s.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(200);
        s.visuals.weak_text_color = Some(Color32::from_gray(160));
        s.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(130));
        // Error text at 4.5:1 or more on every page colour.
        s.visuals.error_fg_color = Color32::from_rgb(0xFF, 0x8A, 0x80);
        s.visuals.warn_fg_color = warning_text(&s.visuals);
    });
    ctx.style_mut_of(egui::Theme::Light, |s| {
        s.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
        s.visuals.weak_text_color = Some(Color32::from_rgb(0x5f, 0x63, 0x68));
        // Checkbox and button outlines must show on white.
        s.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(120));
        // Pure red on the light page was 3.76:1.
        s.visuals.error_fg_color = Color32::from_rgb(0xB3, 0x26, 0x1E);
        s.visuals.warn_fg_color = warning_text(&s.visuals);
    });
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// Font size of body text in this `ui` (follows the text-size setting).
pub fn body_size(ui: &egui::Ui) -> f32 {
    TextStyle::Body.resolve(ui.style()).size
}

/// Section headings inside a screen (derived from the body size, so no
/// named text style can ever be missing from a stale style).
pub fn subheading(ui: &egui::Ui, text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).size(body_size(ui) * 1.2).strong()
}

/// The urgent banner headline and the emergency number.
pub fn big(ui: &egui::Ui, text: impl Into<String>, factor: f32) -> egui::RichText {
    egui::RichText::new(text)
        .size(body_size(ui) * factor)
        .strong()
}

/// Banner fill and text colour for a level. The same in light and dark: the
/// banner is meant to look the same wherever it appears.
pub fn level_colors(level: Level) -> (Color32, Color32) {
    match level {
        Level::CallAmbulance => (Color32::from_rgb(0xB0, 0x00, 0x20), Color32::WHITE),
        Level::EmergencyDepartment => (Color32::from_rgb(0xC6, 0x28, 0x28), Color32::WHITE),
        Level::Within24h => (Color32::from_rgb(0xF9, 0xA8, 0x25), Color32::BLACK),
        Level::SeeDoctor => (Color32::from_rgb(0x15, 0x65, 0xC0), Color32::WHITE),
        Level::SelfCare => (Color32::from_rgb(0x2E, 0x7D, 0x32), Color32::WHITE),
    }
}

/// Text in a level's colour on the page itself (the "watch for" headings):
/// the two emergency levels in red, the others in the strong text colour.
/// The banner fills are too dark for text on the dark theme's page (2.35:1
/// for "Call an ambulance at once…"), so the dark theme has lighter reds.
pub fn level_text_on_page(level: Level, v: &egui::Visuals) -> Color32 {
    match (level, v.dark_mode) {
        (Level::CallAmbulance, false) => Color32::from_rgb(0xB0, 0x00, 0x20),
        (Level::EmergencyDepartment, false) => Color32::from_rgb(0xB7, 0x1C, 0x1C),
        (Level::CallAmbulance, true) => Color32::from_rgb(0xFF, 0x8A, 0x80),
        (Level::EmergencyDepartment, true) => Color32::from_rgb(0xFF, 0xAB, 0x91),
        _ => v.strong_text_color(),
    }
}

/// The "1 warning symptom" note on a journal row: orange-brown that reads
/// at 4.5:1 or more on the page in both themes.
pub fn warning_text(v: &egui::Visuals) -> Color32 {
    if v.dark_mode {
        Color32::from_rgb(0xFF, 0xB7, 0x4D)
    } else {
        Color32::from_rgb(0x8A, 0x4B, 0x00)
    }
}

/// The summary preview's tones (1 calm, 2 caution, 3 urgent; 0 the
/// strong text colour) as text on the page, readable in both themes.
pub fn summary_tone(v: &egui::Visuals, tone: u8) -> Color32 {
    match (tone, v.dark_mode) {
        (1, false) => Color32::from_rgb(0x1B, 0x5E, 0x20),
        (1, true) => Color32::from_rgb(0x81, 0xC7, 0x84),
        (2, _) => warning_text(v),
        (3, _) => level_text_on_page(Level::CallAmbulance, v),
        _ => v.strong_text_color(),
    }
}

/// Short words for the level, for lists and the journal.
pub fn level_words(level: Level) -> &'static str {
    match level {
        Level::CallAmbulance => "Call an ambulance",
        Level::EmergencyDepartment => "Emergency department",
        Level::Within24h => "Doctor within 24 hours",
        Level::SeeDoctor => "Book a doctor",
        Level::SelfCare => "Self-care",
    }
}

/// The ring around the focused control: at least 3:1 against the page in
/// both themes (WCAG 1.4.11, non-text contrast), and unlike any level colour.
pub fn focus_ring(v: &egui::Visuals) -> Color32 {
    if v.dark_mode {
        Color32::from_rgb(0x8A, 0xB4, 0xF8)
    } else {
        Color32::from_rgb(0x0B, 0x57, 0xD0)
    }
}

/// The background of a notice (an error, or a confirmation). Opaque: a
/// notice floats over the screen, and its text must read as well as body
/// text on the page (tested below).
pub fn notice_fill(v: &egui::Visuals, error: bool) -> Color32 {
    match (v.dark_mode, error) {
        (false, false) => Color32::from_rgb(0xE3, 0xEE, 0xFB),
        (false, true) => Color32::from_rgb(0xFD, 0xE7, 0xE9),
        (true, false) => Color32::from_rgb(0x1C, 0x2B, 0x3D),
        (true, true) => Color32::from_rgb(0x3D, 0x1C, 0x20),
    }
}

/// A colour for pain 0–10: green through amber to red, readable on both themes.
pub fn pain_color(pain: u8) -> Color32 {
    let t = f32::from(pain.min(10)) / 10.0;
    let (a, b, u) = if t < 0.5 {
        ((0x2E, 0x7D, 0x32), (0xF9, 0xA8, 0x25), t * 2.0)
    } else {
        ((0xF9, 0xA8, 0x25), (0xB0, 0x00, 0x20), (t - 0.5) * 2.0)
    };
    let mix = |x: u8, y: u8| -> u8 {
        let v = f32::from(x) + (f32::from(y) - f32::from(x)) * u;
        v.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Text colour to put on [`pain_color`]: black or white, whichever
/// contrasts more.
pub fn on_pain_color(pain: u8) -> Color32 {
    let fill = pain_color(pain);
    if contrast(fill, Color32::BLACK) >= contrast(fill, Color32::WHITE) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// WCAG relative luminance.
fn luminance(c: Color32) -> f32 {
    let lin = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio (1 to 21).
fn contrast(a: Color32, b: Color32) -> f32 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_text_meets_wcag_aa_contrast_for_every_level() {
        for level in Level::MOST_URGENT_FIRST {
            let (fill, text) = level_colors(level);
            assert!(
                contrast(fill, text) >= 4.5,
                "{level}: contrast {}",
                contrast(fill, text)
            );
        }
    }

    #[test]
    fn body_and_hint_text_meet_wcag_aa_in_both_themes() {
        let ctx = egui::Context::default();
        apply(&ctx, ThemeChoice::System, 100);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let mut visuals = None;
            ctx.style_mut_of(theme, |s| visuals = Some(s.visuals.clone()));
            let v = visuals.unwrap();
            for text in [v.text_color(), v.weak_text_color()] {
                for bg in [v.panel_fill, v.window_fill, v.extreme_bg_color] {
                    let c = contrast(text, bg);
                    assert!(c >= 4.5, "{theme:?}: {text:?} on {bg:?} is {c}");
                }
            }
        }
    }

    /// Every other text/background pair the screens use, in both themes:
    /// the "watch for" headings (2.35:1 in the dark theme before), the
    /// journal's warning note, errors, notices, the summary preview's
    /// tones; and the focus ring at 3:1 (non-text).
    #[test]
    fn every_text_colour_on_every_page_colour_meets_wcag_aa() {
        let ctx = egui::Context::default();
        apply(&ctx, ThemeChoice::System, 100);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let mut visuals = None;
            ctx.style_mut_of(theme, |s| visuals = Some(s.visuals.clone()));
            let v = visuals.unwrap();
            // Translucent fills (the faint background) as seen on the panel.
            let seen = |c: Color32| {
                let a = f32::from(c.a()) / 255.0;
                let mix = |x: u8, y: u8| {
                    (f32::from(x) + f32::from(y) * (1.0 - a)).round().min(255.0) as u8
                };
                let p = v.panel_fill;
                Color32::from_rgb(mix(c.r(), p.r()), mix(c.g(), p.g()), mix(c.b(), p.b()))
            };
            let pages = [
                v.panel_fill,
                v.window_fill,
                seen(v.extreme_bg_color),
                seen(v.faint_bg_color),
            ];
            let mut texts = vec![
                ("error", v.error_fg_color),
                ("warning note", warning_text(&v)),
                ("strong", v.strong_text_color()),
                ("calm tone", summary_tone(&v, 1)),
                ("caution tone", summary_tone(&v, 2)),
                ("urgent tone", summary_tone(&v, 3)),
            ];
            for level in Level::MOST_URGENT_FIRST {
                texts.push(("watch-for heading", level_text_on_page(level, &v)));
            }
            for (what, text) in texts {
                for bg in pages {
                    let c = contrast(text, bg);
                    assert!(c >= 4.5, "{theme:?}: {what} {text:?} on {bg:?} is {c:.2}");
                }
            }
            for error in [false, true] {
                let c = contrast(v.strong_text_color(), notice_fill(&v, error));
                assert!(c >= 4.5, "{theme:?}: notice text is {c:.2}");
            }
            for bg in pages {
                let c = contrast(focus_ring(&v), bg);
                assert!(c >= 3.0, "{theme:?}: focus ring on {bg:?} is {c:.2}");
            }
        }
    }

    #[test]
    fn text_scale_steps_stay_in_range() {
        assert_eq!(step_text_scale(100, true), 125);
        assert_eq!(step_text_scale(200, true), 200);
        assert_eq!(step_text_scale(100, false), 100);
        assert_eq!(step_text_scale(130, false), 125);
        assert_eq!(clamp_text_scale(20), 100);
        assert_eq!(clamp_text_scale(900), 200);
    }

    #[test]
    fn numbers_on_pain_colours_are_readable() {
        for p in 0..=10 {
            let c = contrast(pain_color(p), on_pain_color(p));
            assert!(c >= 4.5, "pain {p}: contrast {c}");
        }
    }

    #[test]
    fn pain_colours_run_from_green_to_red() {
        assert_eq!(pain_color(0), Color32::from_rgb(0x2E, 0x7D, 0x32));
        assert_eq!(pain_color(10), Color32::from_rgb(0xB0, 0x00, 0x20));
    }
}

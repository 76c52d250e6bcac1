//! The look in egui terms: light/dark/system theme, the text size, the
//! fonts, and egui's `Visuals` and `Style` built from the design tokens in
//! [`crate::look::tokens`].
//!
//! This file and the tokens are the only places colours and sizes are
//! written down (`tests/ui/look.rs` checks the screens). Text size scales
//! the font sizes only (not the whole UI), so at 200 % the window still
//! has room for the content at 800×600.
//!
//! This file holds the theme choice, the text size and [`apply`]; the
//! fonts, egui's `Visuals` and the colour lookups screens use are in
//! `theme/fonts.rs`, `theme/visuals.rs` and `theme/colors.rs`.

use egui::{FontFamily, FontId, TextStyle};

mod colors;
mod fonts;
mod visuals;

pub use colors::{
    color, contrast, focus_ring, level_colors, level_ink, level_palette, level_text_on_page,
    level_words, notice_fill, on_pain_color, pain_color, palette, summary_tone, warning_text,
};
pub use fonts::bold_family;
use fonts::install_fonts;
use visuals::visuals;

use crate::id_enum::id_enum;
use crate::look::tokens::{self, SPACE, TYPE};

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
pub const BODY_SIZE: f32 = TYPE.body;

/// Applies theme and text size to every style (light and dark).
pub fn apply(ctx: &egui::Context, theme: ThemeChoice, text_scale: u16) {
    install_fonts(ctx);
    ctx.set_theme(theme.preference());
    let k = f32::from(clamp_text_scale(text_scale)) / 100.0;
    ctx.all_styles_mut(|style| {
        let prop = |size: f32| FontId::new(size * k, FontFamily::Proportional);
        style.text_styles = [
            (TextStyle::Small, prop(TYPE.small)),
            (TextStyle::Body, prop(TYPE.body)),
            (TextStyle::Button, prop(TYPE.body)),
            (
                TextStyle::Monospace,
                FontId::new(TYPE.small * k, FontFamily::Monospace),
            ),
            (
                TextStyle::Heading,
                FontId::new(TYPE.title * k, bold_family()),
            ),
        ]
        .into();
        let s = &mut style.spacing;
        s.item_spacing = egui::vec2(SPACE.s, SPACE.s);
        s.button_padding = egui::vec2(SPACE.m, SPACE.xs);
        // Taller targets for less steady hands; they grow gently with text.
        s.interact_size.y = (SPACE.xl + SPACE.xs) * k.sqrt();
        s.icon_width = (SPACE.l + 2.0) * k.sqrt();
        s.icon_width_inner = (SPACE.s + 2.0) * k.sqrt();
        s.icon_spacing = SPACE.s;
        // Scroll bars always shown, never fading in and out: a long screen
        // says so at a glance, and a pointer resting over the window does
        // not keep it repainting while the bar animates (issue 12: most of
        // the start-up CPU above a bare window was that fade).
        // The handle in the text colour: egui's solid bars draw it in the
        // controls' fill, which is the track's colour here, so the handle
        // could not be seen.
        s.scroll = egui::style::ScrollStyle {
            foreground_color: true,
            ..egui::style::ScrollStyle::solid()
        };
        // Tooltips appear quickly: the "why it matters" help lives there.
        style.interaction.tooltip_delay = 0.3;
    });
    ctx.style_mut_of(egui::Theme::Light, |s| s.visuals = visuals(&tokens::LIGHT));
    ctx.style_mut_of(egui::Theme::Dark, |s| s.visuals = visuals(&tokens::DARK));
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// Font size of body text in this `ui` (follows the text-size setting).
pub fn body_size(ui: &egui::Ui) -> f32 {
    TextStyle::Body.resolve(ui.style()).size
}

/// A size from the type scale (in points at 100 %) at this `ui`'s text size.
pub fn type_size(ui: &egui::Ui, size_at_100: f32) -> f32 {
    body_size(ui) * size_at_100 / TYPE.body
}

/// Section headings inside a screen: the type scale's heading size, bold
/// (derived from the body size, so no named text style can ever be missing
/// from a stale style).
pub fn subheading(ui: &egui::Ui, text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text)
        .family(bold_family())
        .size(type_size(ui, TYPE.heading))
        .color(ui.visuals().strong_text_color())
}

/// The urgent banner headline and the emergency number: `factor` times the
/// body size, bold.
pub fn big(ui: &egui::Ui, text: impl Into<String>, factor: f32) -> egui::RichText {
    egui::RichText::new(text)
        .family(bold_family())
        .size(body_size(ui) * factor)
}

/// Small print (captions, axis labels) at this `ui`'s text size.
pub fn small_size(ui: &egui::Ui) -> f32 {
    type_size(ui, TYPE.small)
}

#[cfg(test)]
mod tests {
    use egui::Color32;

    use super::*;
    use crate::triage::Level;

    fn applied(theme: egui::Theme) -> egui::Style {
        let ctx = egui::Context::default();
        apply(&ctx, ThemeChoice::System, 100);
        let mut style = None;
        ctx.style_mut_of(theme, |s| style = Some(s.clone()));
        style.unwrap_or_default()
    }

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
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let v = applied(theme).visuals;
            for text in [
                v.text_color(),
                v.weak_text_color(),
                v.strong_text_color(),
                v.hyperlink_color,
                v.error_fg_color,
                v.warn_fg_color,
            ] {
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
    fn buttons_and_selected_buttons_keep_their_text_readable() {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let v = applied(theme).visuals;
            let w = &v.widgets;
            for (name, text, bg) in [
                (
                    "button",
                    w.inactive.fg_stroke.color,
                    w.inactive.weak_bg_fill,
                ),
                ("hovered", w.hovered.fg_stroke.color, w.hovered.weak_bg_fill),
                ("pressed", w.active.fg_stroke.color, w.active.weak_bg_fill),
                ("selected", v.selection.stroke.color, v.selection.bg_fill),
                ("checkbox", w.inactive.fg_stroke.color, w.inactive.bg_fill),
            ] {
                let c = contrast(text, bg);
                assert!(c >= 4.5, "{theme:?}: {name} text is {c:.2}:1");
            }
        }
    }

    #[test]
    fn focus_ring_is_thick_and_stands_out() {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let v = applied(theme).visuals;
            let ring = v.widgets.active.bg_stroke;
            assert!(ring.width >= 2.0, "{theme:?}: ring {}", ring.width);
            for bg in [v.panel_fill, v.window_fill, v.widgets.active.bg_fill] {
                let c = contrast(ring.color, bg);
                assert!(c >= 3.0, "{theme:?}: focus ring {c:.2}:1");
            }
            // Outlines of controls at rest are visible too (WCAG 1.4.11).
            let outline = v.widgets.inactive.bg_stroke.color;
            assert!(contrast(outline, v.panel_fill) >= 3.0);
        }
    }

    /// egui draws a solid scroll bar's track in `extreme_bg_color` and its
    /// handle in the controls' fill (here the same colour) or, with
    /// `foreground_color`, in their text colour. The handle must stand
    /// out from its track (WCAG 1.4.11, 3:1) at rest and under the pointer.
    #[test]
    fn scroll_handles_stand_out_from_their_track() {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let style = applied(theme);
            let v = &style.visuals;
            assert!(style.spacing.scroll.foreground_color, "{theme:?}");
            for (name, w) in [
                ("at rest", &v.widgets.inactive),
                ("hovered", &v.widgets.hovered),
                ("dragged", &v.widgets.active),
            ] {
                let c = contrast(w.fg_stroke.color, v.extreme_bg_color);
                assert!(c >= 3.0, "{theme:?}: handle {name} is {c:.2}:1");
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
    fn text_styles_follow_the_type_scale_and_text_size() {
        let ctx = egui::Context::default();
        apply(&ctx, ThemeChoice::Light, 150);
        let style = ctx.global_style();
        let size = |t: TextStyle| t.resolve(&style).size;
        assert_eq!(size(TextStyle::Body), TYPE.body * 1.5);
        assert_eq!(size(TextStyle::Heading), TYPE.title * 1.5);
        assert_eq!(size(TextStyle::Small), TYPE.small * 1.5);
    }

    #[test]
    fn every_icon_and_the_text_font_have_their_glyphs() {
        let ctx = egui::Context::default();
        apply(&ctx, ThemeChoice::Light, 100);
        // Fonts are loaded at the start of a pass.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx.fonts_mut(|f| {
            for family in [FontFamily::Proportional, bold_family()] {
                let font = FontId::new(16.0, family.clone());
                for icon in crate::app::icons::Icon::ALL {
                    assert!(
                        f.has_glyph(&font, icon.glyph()),
                        "{icon:?} is missing from the icon font ({family:?})"
                    );
                }
                assert!(f.has_glyphs(&font, "Between the shoulder blades – 0–10 °"));
            }
        });
    }
}

//! The look in egui terms: light/dark/system theme, the text size, the
//! fonts, and egui's `Visuals` and `Style` built from the design tokens in
//! [`crate::look::tokens`].
//!
//! This file and the tokens are the only places colours and sizes are
//! written down (`tests/ui/look.rs` checks the screens). Text size scales
//! the font sizes only (not the whole UI), so at 200 % the window still
//! has room for the content at 800×600.

use egui::{
    Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle,
};

use super::icons;
use crate::id_enum::id_enum;
use crate::look::tokens::{self, LevelColors, Palette, RADIUS, SPACE, STROKE, TYPE};
use crate::look::{self, Rgb};
use crate::triage::Level;

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

/// The font family for headings and other bold text (Noto Sans Bold).
pub fn bold_family() -> FontFamily {
    FontFamily::Name(BOLD.into())
}

const REGULAR: &str = "noto-sans";
const BOLD: &str = "noto-sans-bold";

/// Noto Sans: the printed summary's typeface, so the window and the page
/// read alike. Larger x-height and firmer strokes than egui's default
/// (Ubuntu Light), which matters at a glance for older eyes.
static NOTO_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static NOTO_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Noto Sans for text, Phosphor for icons, egui's fonts as the fallback
/// (emoji, arrows). Installed once per context.
fn install_fonts(ctx: &egui::Context) {
    let id = egui::Id::unique("backlog_fonts_installed");
    if ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(id, true));
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        (REGULAR, NOTO_REGULAR),
        (BOLD, NOTO_BOLD),
        (icons::FONT_NAME, icons::FONT),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), FontData::from_static(bytes).into());
    }
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let chain = |first: &str| -> Vec<String> {
        [first.to_owned(), icons::FONT_NAME.to_owned()]
            .into_iter()
            .chain(fallbacks.iter().cloned())
            .collect()
    };
    fonts
        .families
        .insert(FontFamily::Proportional, chain(REGULAR));
    fonts.families.insert(bold_family(), chain(BOLD));
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.push(icons::FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// An egui colour from a token.
pub fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The palette of the theme this `ui` is drawn in.
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    palette_for(ui.visuals().dark_mode)
}

fn palette_for(dark: bool) -> &'static Palette {
    if dark { &tokens::DARK } else { &tokens::LIGHT }
}

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
        s.scroll = egui::style::ScrollStyle::solid();
        // Tooltips appear quickly: the "why it matters" help lives there.
        style.interaction.tooltip_delay = 0.3;
    });
    ctx.style_mut_of(egui::Theme::Light, |s| s.visuals = visuals(&tokens::LIGHT));
    ctx.style_mut_of(egui::Theme::Dark, |s| s.visuals = visuals(&tokens::DARK));
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// egui's visuals from a palette: calm surfaces, outlined controls, and a
/// thick focus ring in the accent colour on whatever has keyboard focus
/// (egui draws focused widgets with the `active` style).
fn visuals(p: &Palette) -> egui::Visuals {
    let c = |rgb: Rgb| color(rgb);
    let mut v = if p.dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    v.panel_fill = c(p.page);
    v.window_fill = c(p.surface);
    v.window_stroke = Stroke::new(STROKE.hairline, c(p.border));
    v.window_corner_radius = CornerRadius::same(RADIUS.large);
    v.menu_corner_radius = CornerRadius::same(RADIUS.medium);
    v.faint_bg_color = c(p.faint);
    v.extreme_bg_color = c(p.sunken);
    v.text_edit_bg_color = Some(c(p.sunken));
    v.code_bg_color = c(p.faint);
    v.hyperlink_color = c(p.accent_ink);
    v.error_fg_color = c(p.error);
    v.warn_fg_color = c(p.level(Level::Within24h).ink);
    v.override_text_color = None;
    v.weak_text_color = Some(c(p.text_weak));
    v.selection.bg_fill = c(p.accent_tint);
    v.selection.stroke = Stroke::new(STROKE.control, c(p.accent_ink));
    v.text_cursor.stroke = Stroke::new(2.0, c(p.accent_ink));
    v.striped = false;

    let corner = CornerRadius::same(RADIUS.medium);
    let w = &mut v.widgets;
    let state = |fill: Rgb, weak: Rgb, edge: Stroke, text: Stroke| egui::style::WidgetVisuals {
        bg_fill: c(fill),
        weak_bg_fill: c(weak),
        bg_stroke: edge,
        fg_stroke: text,
        corner_radius: corner,
        // Nothing grows under the pointer.
        expansion: 0.0,
    };
    w.noninteractive = state(
        p.surface,
        p.surface,
        Stroke::new(STROKE.hairline, c(p.border)),
        Stroke::new(STROKE.hairline, c(p.text)),
    );
    // At rest: a quiet fill with a visible outline (a button looks like one).
    w.inactive = state(
        p.sunken,
        p.faint,
        Stroke::new(STROKE.hairline, c(p.control)),
        Stroke::new(STROKE.control, c(p.text)),
    );
    let strong = Stroke::new(STROKE.control, c(p.text_strong));
    w.hovered = state(
        p.accent_tint,
        p.accent_tint,
        Stroke::new(STROKE.control, c(p.accent)),
        strong,
    );
    // Pressed or focused: the focus ring.
    w.active = state(
        p.accent_tint,
        p.accent_tint,
        Stroke::new(STROKE.focus, c(p.focus)),
        strong,
    );
    w.open = w.hovered;
    v
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

/// Banner fill and text colour for a level. The same in light and dark: the
/// banner is meant to look the same wherever it appears.
pub fn level_colors(level: Level) -> (Color32, Color32) {
    let c = tokens::LIGHT.level(level);
    (color(c.fill), color(c.on_fill))
}

/// A level's colours in this `ui`'s theme (ink for words and edges on the
/// page, tint for a soft background).
pub fn level_palette(ui: &egui::Ui, level: Level) -> LevelColors {
    palette(ui).level(level)
}

/// The level's colour as text or an edge on the page, readable in this theme.
pub fn level_ink(ui: &egui::Ui, level: Level) -> Color32 {
    color(level_palette(ui, level).ink)
}

/// Text in a level's colour on the page itself (the "watch for" headings):
/// the two emergency levels in their ink, the others in the strong text
/// colour. (The banner fills are too dark for text on the dark page.)
pub fn level_text_on_page(level: Level, v: &egui::Visuals) -> Color32 {
    if level.is_emergency() {
        color(palette_for(v.dark_mode).level(level).ink)
    } else {
        v.strong_text_color()
    }
}

/// The "1 warning symptom" note on a journal row: the 24-hour level's
/// amber-brown ink, which reads at 4.5:1 or more on the page in both themes.
pub fn warning_text(v: &egui::Visuals) -> Color32 {
    color(palette_for(v.dark_mode).level(Level::Within24h).ink)
}

/// The summary preview's tones (1 calm, 2 caution, 3 urgent; 0 the
/// strong text colour) as text on the page, readable in both themes.
pub fn summary_tone(v: &egui::Visuals, tone: u8) -> Color32 {
    match tone {
        1 => color(palette_for(v.dark_mode).level(Level::SelfCare).ink),
        2 => warning_text(v),
        3 => level_text_on_page(Level::CallAmbulance, v),
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
    color(palette_for(v.dark_mode).focus)
}

/// The background of a notice (an error, or a confirmation). Opaque: a
/// notice floats over the screen, and its text must read as well as body
/// text on the page (tested below).
pub fn notice_fill(v: &egui::Visuals, error: bool) -> Color32 {
    let p = palette_for(v.dark_mode);
    color(if error { p.error_tint } else { p.info_tint })
}

/// The pain ramp's colour for 0–10 in this `ui`'s theme (never a level
/// colour).
pub fn pain_color(ui: &egui::Ui, pain: u8) -> Color32 {
    color(palette(ui).pain(pain))
}

/// Text colour to put on [`pain_color`]: black or white, whichever
/// contrasts more.
pub fn on_pain_color(ui: &egui::Ui, pain: u8) -> Color32 {
    color(palette(ui).on_pain(pain))
}

/// The contrast of two egui colours (tests and checks).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    look::contrast(Rgb(a.r(), a.g(), a.b()), Rgb(b.r(), b.g(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
                for icon in super::icons::Icon::ALL {
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

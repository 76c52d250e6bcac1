//! The colours screens ask for by meaning: a level's banner, ink and tint,
//! the pain ramp, warnings, the focus ring and notices, each in the theme
//! the `ui` is drawn in. Apart from `theme.rs` so every lookup a screen may
//! use is in one short list.

use egui::Color32;

use crate::look::tokens::{self, LevelColors, Palette};
use crate::look::{self, Rgb};
use crate::triage::Level;

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

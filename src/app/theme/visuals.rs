//! egui's `Visuals` built from a palette: the page and surface colours,
//! the controls' fills and outlines, and the focus ring. Apart from
//! `theme.rs` so the mapping from tokens to egui reads as one table.

use egui::{CornerRadius, Stroke};

use super::color;
use crate::look::Rgb;
use crate::look::tokens::{Palette, RADIUS, STROKE};
use crate::triage::Level;

/// egui's visuals from a palette: calm surfaces, outlined controls, and a
/// thick focus ring in the accent colour on whatever has keyboard focus
/// (egui draws focused widgets with the `active` style).
pub(super) fn visuals(p: &Palette) -> egui::Visuals {
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

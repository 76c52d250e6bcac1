//! What the window does once it has drawn itself: it goes idle.

use super::{config, harness, ready};
use backlog::app::{App, Screen};

/// Floating scroll bars fade in while the pointer rests over a long
/// screen, and every step of the fade is a full repaint: at start-up that
/// was most of the CPU the app spent above a bare eframe window
/// (scripts/startup.py). Solid bars are drawn once and stay.
#[test]
fn scroll_bars_are_solid_so_a_resting_pointer_does_not_animate() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(ready(App::new(config(dir.path()))));
    h.run();
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let scroll = h.ctx.style_of(theme).spacing.scroll;
        assert!(!scroll.floating, "{theme:?}: scroll bars must not float");
        assert_eq!(
            scroll,
            egui::style::ScrollStyle {
                foreground_color: true,
                ..egui::style::ScrollStyle::solid()
            },
            "{theme:?}"
        );
    }
}

/// The page colour is the window's clear colour, and no panel paints it
/// again: on software GL a layer that covers the window costs about 10 ms
/// of CPU per frame, and the panels were one.
#[test]
fn the_page_colour_is_the_clear_and_no_panel_paints_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let journal = backlog::journal::sample::journal(super::TODAY, 365, 7);
    let mut app = ready(App::with_storage(
        config(dir.path()),
        Box::new(backlog::store::MemoryStore::new(journal)),
    ));
    app.run(backlog::app::Command::Navigate(Screen::Today));
    let mut h = harness(app);
    h.run();
    let visuals = h.ctx.global_style().visuals.clone();
    let page = visuals.panel_fill;
    let window = h.ctx.content_rect();
    // egui_kittest wraps the app in a central-panel frame of its own, 8
    // points in from the edge; the real window has no such frame.
    let harness_frame = window.shrink(8.0);
    let mut painted = 0.0;
    for cs in &h.output().shapes {
        if let egui::Shape::Rect(r) = &cs.shape
            && r.fill == page
            && r.rect != harness_frame
        {
            let seen = cs.clip_rect.intersect(r.rect);
            if seen.is_positive() {
                painted += seen.area();
            }
        }
    }
    assert!(
        painted < 0.05 * window.area(),
        "the page colour is painted over {:.0} % of the window",
        100.0 * painted / window.area()
    );
    let clear = eframe::App::clear_color(h.state(), &visuals);
    assert_eq!(clear, page.to_normalized_gamma_f32());
}

/// Filled shapes are few: where there is no graphics card every filled
/// pixel is shaded by the CPU on every frame, and the white cards on Today
/// were two thirds of what its start-up cost above a bare window. Cards
/// and journal rows are outlined; what is filled says something (a
/// notice's tint, a pain score's colour, a selected control).
#[test]
fn on_the_busiest_screens_fills_cover_little_of_the_window() {
    for screen in [
        Screen::Today,
        Screen::Journal,
        Screen::Check,
        Screen::Settings,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let journal = backlog::journal::sample::journal(super::TODAY, 365, 7);
        let mut app = ready(App::with_storage(
            config(dir.path()),
            Box::new(backlog::store::MemoryStore::new(journal)),
        ));
        app.run(backlog::app::Command::Navigate(screen));
        let mut h = super::harness_sized(app, 1280.0, 800.0);
        h.run();
        let window = h.ctx.content_rect();
        let harness_frame = window.shrink(8.0);
        let mut filled = 0.0;
        for cs in &h.output().shapes {
            if let egui::Shape::Rect(r) = &cs.shape
                && r.fill.a() > 0
                && r.rect != harness_frame
            {
                let seen = cs.clip_rect.intersect(r.rect);
                if seen.is_positive() {
                    filled += seen.area();
                }
            }
        }
        let share = filled / window.area();
        assert!(
            share < 0.25,
            "{screen:?}: fills cover {:.0} % of the window",
            100.0 * share
        );
    }
}

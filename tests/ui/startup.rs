//! What the window does once it has drawn itself: it goes idle.

use super::{config, harness, ready};
use backlog::app::App;

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
        assert_eq!(scroll, egui::style::ScrollStyle::solid(), "{theme:?}");
    }
}

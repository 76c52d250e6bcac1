//! Keyboard focus that people can see and follow: the widget that Tab
//! moves to is scrolled into view, and gets a clear ring around it.
//!
//! egui moves focus with Tab but never scrolls to it, and its own focus
//! look is faint: Space once ticked "Coughing up blood" out of sight. The
//! app notes at the end of each frame whether focus moved; the next frame,
//! the scroll area that holds the newly focused widget scrolls it into
//! view ([`follow`], called at the end of every scroll area's contents),
//! and [`ring`] draws the ring over it. Drawing only: no state but the
//! focus id egui keeps.

use egui::{Context, Id, Ui};

use super::theme;
use crate::look::tokens::{RADIUS, STROKE};

/// The widget that gained focus last frame and still has to be brought
/// into view (egui's per-frame temporary data).
fn pending_id() -> Id {
    Id::unique("backlog_focus_to_show")
}

/// At the end of a frame: if focus moved to another widget, ask the next
/// frame to bring it into view (and make sure there is a next frame).
/// `seen` is the focus at the end of the frame before.
pub fn end_frame(ctx: &Context, seen: &mut Option<Id>) {
    let now = ctx.memory(egui::Memory::focused);
    ctx.data_mut(|d| d.remove::<Id>(pending_id()));
    if now != *seen {
        if let Some(id) = now {
            ctx.data_mut(|d| d.insert_temp(pending_id(), id));
            ctx.request_repaint();
        }
        *seen = now;
    }
}

/// Call at the end of a scroll area's contents: if the widget that just
/// gained focus is in it and not wholly in view, scroll to it.
pub fn follow(ui: &Ui) {
    let Some(id) = ui.ctx().data(|d| d.get_temp::<Id>(pending_id())) else {
        return;
    };
    let Some(r) = ui.ctx().read_response(id) else {
        return;
    };
    if r.layer_id != ui.layer_id() || !ui.min_rect().expand(1.0).contains_rect(r.rect) {
        return;
    }
    ui.ctx().data_mut(|d| d.remove::<Id>(pending_id()));
    if !ui.clip_rect().contains_rect(r.rect) {
        ui.scroll_to_rect_animation(r.rect, None, egui::style::ScrollAnimation::none());
    }
}

/// A clear ring around the focused widget, where it is visible, drawn
/// over everything on its layer. Call once, after the frame is drawn.
pub fn ring(ctx: &Context) {
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(r) = ctx.read_response(id) else {
        return;
    };
    let visible = r.interact_rect;
    if !visible.is_positive() {
        return;
    }
    let colour = theme::focus_ring(&ctx.global_style().visuals);
    let ring = visible.expand(STROKE.focus);
    let painter = ctx
        .layer_painter(r.layer_id)
        .with_clip_rect(ring.expand(STROKE.control));
    painter.rect_stroke(
        ring,
        RADIUS.small,
        egui::Stroke::new(STROKE.focus, colour),
        egui::StrokeKind::Middle,
    );
}

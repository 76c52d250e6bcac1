//! The body map: the upper body from the back and from the front, drawn with
//! egui's painter. Each region is a focusable toggle with an accessible name
//! (a checkbox to screen readers), so it works by mouse, Tab + Space, and in
//! kittest tests.

use std::collections::BTreeSet;

use egui::{Color32, CornerRadius, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use crate::journal::Region;

/// Region shapes on a 100 × 120 figure (x right, y down), per view.
fn layout(region: Region) -> (View, Rect) {
    let r = |x0: f32, y0: f32, x1: f32, y1: f32| Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
    match region {
        Region::Neck => (View::Back, r(42.0, 8.0, 58.0, 20.0)),
        Region::UpperBackLeft => (View::Back, r(22.0, 24.0, 44.0, 50.0)),
        Region::BetweenShoulderBlades => (View::Back, r(44.0, 24.0, 56.0, 50.0)),
        Region::UpperBackRight => (View::Back, r(56.0, 24.0, 78.0, 50.0)),
        Region::MidBack => (View::Back, r(30.0, 52.0, 70.0, 78.0)),
        Region::LowerBack => (View::Back, r(32.0, 80.0, 68.0, 104.0)),
        // Front view: the person's left is on the viewer's right.
        Region::ShoulderArmRight => (View::Front, r(4.0, 22.0, 20.0, 70.0)),
        Region::ChestWallRight => (View::Front, r(22.0, 28.0, 49.0, 66.0)),
        Region::ChestWallLeft => (View::Front, r(51.0, 28.0, 78.0, 66.0)),
        Region::ShoulderArmLeft => (View::Front, r(80.0, 22.0, 96.0, 70.0)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Back,
    Front,
}

/// Draws both views; returns true when a region was toggled.
pub fn body_map(ui: &mut Ui, selected: &mut BTreeSet<Region>) -> bool {
    let mut changed = false;
    let scale = (crate::app::theme::body_size(ui) / 16.0).clamp(1.0, 2.0);
    let figure = vec2(190.0, 228.0) * scale.sqrt();
    ui.horizontal_wrapped(|ui| {
        for (view, title) in [(View::Back, "Back"), (View::Front, "Front")] {
            ui.vertical(|ui| {
                ui.label(title);
                changed |= draw_view(ui, view, figure, selected);
            });
            ui.add_space(16.0);
        }
    });
    changed
}

/// Where the figure is drawn: figure units (100 wide, 130 high) to the
/// screen. Region y values are shifted down 12 to leave room for the head.
#[derive(Clone, Copy)]
struct Figure {
    rect: Rect,
}

impl Figure {
    fn to_screen(self, p: Pos2) -> Pos2 {
        let size = self.rect.size();
        self.rect.min + vec2(p.x / 100.0 * size.x, (p.y + 12.0) / 130.0 * size.y)
    }

    fn map(self, r: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(r.min), self.to_screen(r.max))
    }
}

fn draw_view(ui: &mut Ui, view: View, size: Vec2, selected: &mut BTreeSet<Region>) -> bool {
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let figure = Figure { rect };
    let painter = ui.painter_at(rect);
    draw_outline(ui, &painter, figure, view);
    let mut changed = false;
    for region in Region::ALL {
        if layout(region).0 == view {
            changed |= region_toggle(ui, &painter, figure, region, selected);
        }
    }
    changed
}

/// The figure (head, torso and arms) and which side is which.
fn draw_outline(ui: &Ui, painter: &egui::Painter, figure: Figure, view: View) {
    let weak = ui.visuals().weak_text_color();
    let outline = Stroke::new(1.5, weak);
    painter.circle_stroke(
        figure.to_screen(pos2(50.0, -2.0)),
        figure.rect.width() * 0.09,
        outline,
    );
    for (min, max, corner) in [
        (pos2(20.0, 20.0), pos2(80.0, 108.0), 14),
        (pos2(3.0, 20.0), pos2(21.0, 74.0), 8),
        (pos2(79.0, 20.0), pos2(97.0, 74.0), 8),
    ] {
        painter.rect_stroke(
            figure.map(Rect::from_min_max(min, max)),
            CornerRadius::same(corner),
            outline,
            StrokeKind::Inside,
        );
    }
    // From the back the person's left is on the left; from the front it is
    // on the right.
    let (left_x, right_x) = match view {
        View::Back => (2.0, 98.0),
        View::Front => (98.0, 2.0),
    };
    let side_font = egui::FontId::proportional(crate::app::theme::body_size(ui) * 0.9);
    for (x, text) in [(left_x, "L"), (right_x, "R")] {
        painter.text(
            figure.to_screen(pos2(x, 112.0)),
            egui::Align2::CENTER_CENTER,
            text,
            side_font.clone(),
            weak,
        );
    }
}

/// One region: a focusable toggle with its name. Returns true when clicked.
fn region_toggle(
    ui: &Ui,
    painter: &egui::Painter,
    figure: Figure,
    region: Region,
    selected: &mut BTreeSet<Region>,
) -> bool {
    let r = figure.map(layout(region).1);
    let id = ui.scope_id().with(("body_region", region.id()));
    let response = ui.interact(r, id, Sense::click());
    let on = selected.contains(&region);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, region.label()));
    let response = response.on_hover_text(region.label());
    let clicked = response.clicked();
    if clicked {
        if on {
            selected.remove(&region);
        } else {
            selected.insert(region);
        }
    }
    let on = selected.contains(&region);
    let visuals = ui.visuals();
    let fill = if on {
        Color32::from_rgb(0xC6, 0x28, 0x28).gamma_multiply(if response.hovered() {
            1.0
        } else {
            0.85
        })
    } else if response.hovered() {
        visuals.widgets.hovered.bg_fill
    } else {
        visuals.widgets.inactive.bg_fill
    };
    let stroke = if response.has_focus() {
        visuals.selection.stroke
    } else {
        Stroke::new(
            1.0,
            visuals.widgets.inactive.fg_stroke.color.gamma_multiply(0.5),
        )
    };
    painter.rect(r, CornerRadius::same(6), fill, stroke, StrokeKind::Inside);
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_a_shape_and_none_overlap_in_a_view() {
        for (i, &a) in Region::ALL.iter().enumerate() {
            let (va, ra) = layout(a);
            assert!(ra.width() > 5.0 && ra.height() > 5.0, "{a:?}");
            for &b in &Region::ALL[i + 1..] {
                let (vb, rb) = layout(b);
                if va == vb {
                    assert!(
                        !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                        "{a:?} overlaps {b:?}"
                    );
                }
            }
        }
    }
}

//! The body map: the upper body from the back and from the front, drawn
//! from the shared figure in [`crate::look::figure`] (the printed summary
//! draws the same one). Each region is a focusable toggle with an
//! accessible name (a checkbox to screen readers), so it works by mouse,
//! Tab + Space, and in kittest tests.
//!
//! Left and right are the person's own: from the back their left is on the
//! viewer's left, from the front on the viewer's right, and both views say
//! "Your left" and "Your right" on the right sides. A marked region is
//! filled in the pain colour and carries a tick, so "marked" never rests on
//! colour alone; its name shows on hover, and a line under the map names
//! every marked region.

use std::collections::BTreeSet;

use egui::epaint::{Mesh, PathShape, PathStroke, Vertex};
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2, vec2};

use super::icons::Icon;
use super::theme;
use crate::journal::Region;
use crate::look::figure::{self, HEIGHT, Pt, RegionShape, View, WIDTH};
use crate::look::tokens::{Palette, SPACE, STROKE};

/// Draws both views and the line naming what is marked; returns true when
/// a region was toggled.
pub fn body_map(ui: &mut Ui, selected: &mut BTreeSet<Region>) -> bool {
    let mut changed = false;
    let scale = (theme::body_size(ui) / theme::BODY_SIZE).clamp(1.0, 2.0);
    // Two figures side by side when there is room; they grow a little with
    // the text size, as the words around them do.
    let width = ((ui.available_width() - 2.0 * SPACE.xl) / 2.0).clamp(150.0, 200.0 * scale.sqrt());
    let size = vec2(width, width * HEIGHT / WIDTH);
    ui.horizontal_wrapped(|ui| {
        for view in View::BOTH {
            ui.vertical(|ui| {
                ui.label(RichText::new(view.label()).strong());
                changed |= draw_view(ui, view, size, selected);
            });
            ui.add_space(SPACE.xl);
        }
    });
    let marked: Vec<&str> = Region::ALL
        .iter()
        .filter(|r| selected.contains(r))
        .map(|r| r.label())
        .collect();
    let line = if marked.is_empty() {
        "Nothing marked. Click where it hurts, or use Tab and Space.".to_owned()
    } else {
        format!("Marked: {}", marked.join("; "))
    };
    // Always one line, so nothing below moves when a region is toggled.
    ui.add(egui::Label::new(RichText::new(line).weak()).truncate());
    changed
}

/// Figure units to the screen.
#[derive(Clone, Copy)]
struct ToScreen {
    rect: Rect,
}

impl ToScreen {
    fn pos(self, p: Pt) -> Pos2 {
        self.rect.min
            + vec2(
                p.x / WIDTH * self.rect.width(),
                p.y / HEIGHT * self.rect.height(),
            )
    }

    fn all(self, points: &[Pt]) -> Vec<Pos2> {
        points.iter().map(|p| self.pos(*p)).collect()
    }

    fn bounds(self, shape: &RegionShape) -> Rect {
        let (a, b) = shape.bounds();
        Rect::from_min_max(self.pos(a), self.pos(b))
    }
}

fn draw_view(ui: &mut Ui, view: View, size: Vec2, selected: &mut BTreeSet<Region>) -> bool {
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let to = ToScreen { rect };
    let p = theme::palette(ui);
    let painter = ui.painter_at(rect.expand(STROKE.focus * 2.0));
    let fig = figure::figure();

    // The silhouette: a soft fill, then its outline.
    let fill = theme::color(p.faint);
    for (points, triangles) in &fig.fill {
        let mut mesh = Mesh::default();
        for pt in points {
            mesh.vertices.push(Vertex {
                pos: to.pos(*pt),
                uv: egui::epaint::WHITE_UV,
                color: fill,
            });
        }
        for t in triangles {
            // Figure shapes have a few hundred points at most.
            for i in t {
                mesh.indices.push(u32::try_from(*i).unwrap_or(0));
            }
        }
        painter.add(Shape::mesh(mesh));
    }
    let outline = PathStroke::new(STROKE.control, theme::color(p.control));
    for path in &fig.outline {
        let points = to.all(&path.flatten(figure::STEPS));
        painter.add(PathShape {
            points,
            closed: path.closed,
            fill: Color32::TRANSPARENT,
            stroke: outline.clone(),
        });
    }
    for path in fig.details(view) {
        let points = to.all(&path.flatten(figure::STEPS));
        painter.add(Shape::dashed_line(
            &points,
            Stroke::new(STROKE.hairline, theme::color(p.control)),
            SPACE.xs,
            SPACE.xs,
        ));
    }

    let mut changed = false;
    for shape in fig.regions_in(view) {
        changed |= region_toggle(ui, &painter, to, p, shape, selected);
    }

    // Which side is which, in the person's own terms.
    let side_font = FontId::proportional(theme::small_size(ui));
    for (at, text) in view.sides() {
        painter.text(
            to.pos(at),
            Align2::CENTER_BOTTOM,
            text,
            side_font.clone(),
            theme::color(p.text_weak),
        );
    }
    changed
}

/// One region: a focusable toggle with its name. Returns true when clicked.
fn region_toggle(
    ui: &Ui,
    painter: &egui::Painter,
    to: ToScreen,
    p: &Palette,
    shape: &RegionShape,
    selected: &mut BTreeSet<Region>,
) -> bool {
    let region = shape.region;
    let target = to.bounds(shape);
    let id = ui.scope_id().with(("body_region", region.id()));
    let response = ui.interact(target, id, Sense::click());
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
    let marked = p.pain(7);
    let (fill, stroke) = if on {
        (
            marked,
            Stroke::new(STROKE.hairline, theme::color(p.pain(10))),
        )
    } else if response.hovered() {
        (
            p.accent_tint,
            Stroke::new(STROKE.control, theme::color(p.accent)),
        )
    } else {
        (
            p.surface,
            Stroke::new(STROKE.hairline, theme::color(p.control)),
        )
    };
    let stroke = if response.has_focus() {
        Stroke::new(STROKE.focus, theme::color(p.focus))
    } else {
        stroke
    };
    painter.add(Shape::convex_polygon(
        to.all(&shape.points),
        theme::color(fill),
        stroke,
    ));
    if on {
        let size = (target.height() * 0.45).min(theme::body_size(ui));
        let galley = painter.layout_no_wrap(
            Icon::Check.glyph().to_string(),
            FontId::proportional(size),
            theme::color(p.on_pain(7)),
        );
        let at = to.pos(shape.centre()) - galley.size() / 2.0;
        painter.galley(at, galley, theme::color(p.on_pain(7)));
    }
    clicked
}

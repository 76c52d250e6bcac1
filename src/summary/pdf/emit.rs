//! Writing laid-out ops with krilla, and the tag tree that makes the PDF
//! readable by screen readers.

use std::num::NonZeroU16;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::TextDirection;

use super::PdfError;
use super::fonts::Fonts;
use super::ops::{Op, Rgb, Role};

fn paint(color: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(color.0, color.1, color.2).into()
}

pub(super) fn emit_page(
    document: &mut Document,
    tags: &mut Tags,
    fonts: &Fonts,
    w: f32,
    h: f32,
    ops: &[Op],
) -> Result<(), PdfError> {
    let settings =
        PageSettings::from_wh(w, h).ok_or_else(|| PdfError::Write("page size".into()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    // Inside a figure everything is one tagged piece (tags cannot nest).
    let mut figure: Option<String> = None;
    for op in ops {
        match op {
            Op::FigureStart { alt } => {
                if figure.is_none() {
                    figure = Some(alt.clone());
                    tags.open_figure(surface.start_tagged(ContentTag::Other));
                }
            }
            Op::FigureEnd => {
                if let Some(alt) = figure.take() {
                    surface.end_tagged();
                    tags.close_figure(alt);
                }
            }
            _ if figure.is_some() => emit(&mut surface, fonts, op),
            Op::Text { role, .. } => {
                let tag = match role {
                    Role::Artifact => {
                        ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout))
                    }
                    _ => ContentTag::Span(SpanTag::empty()),
                };
                let id = surface.start_tagged(tag);
                emit(&mut surface, fonts, op);
                surface.end_tagged();
                tags.add(*role, id);
            }
            _ => {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                    ArtifactType::Layout,
                )));
                emit(&mut surface, fonts, op);
                surface.end_tagged();
            }
        }
    }
    if figure.is_some() {
        surface.end_tagged();
        tags.close_figure(String::new());
    }
    surface.finish();
    page.finish();
    Ok(())
}

/// The document's tag tree, built in reading order: the title, then each
/// heading and paragraph (lines with the same id join one paragraph), and
/// the chart as a figure with its description.
#[derive(Default)]
pub(super) struct Tags {
    /// (role, group), in the order first seen.
    groups: Vec<(Option<Role>, TagGroup)>,
    open_figure: Option<Identifier>,
}

impl Tags {
    fn add(&mut self, role: Role, id: Identifier) {
        if role == Role::Artifact {
            return; // artifacts are not in the tree
        }
        if let Some((_, group)) = self.groups.iter_mut().rev().find(|(r, _)| *r == Some(role)) {
            group.push(id);
            return;
        }
        let mut group = match role {
            Role::Title(_) => TagGroup::new(Tag::Hn(NonZeroU16::MIN, None)),
            Role::Heading(_) => TagGroup::new(Tag::Hn(NonZeroU16::MIN.saturating_add(1), None)),
            Role::Para(_) | Role::Artifact => TagGroup::new(Tag::P),
        };
        group.push(id);
        self.groups.push((Some(role), group));
    }

    fn open_figure(&mut self, id: Identifier) {
        self.open_figure = Some(id);
    }

    fn close_figure(&mut self, alt: String) {
        if let Some(id) = self.open_figure.take() {
            let alt = (!alt.is_empty()).then_some(alt);
            let mut group = TagGroup::new(Tag::Figure(alt));
            group.push(id);
            self.groups.push((None, group));
        }
    }

    pub(super) fn into_tree(self) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some("en".into()));
        for (_, group) in self.groups {
            tree.push(group);
        }
        tree
    }
}

/// Draws one op. One match over every kind of op, long on purpose: each
/// arm is the whole of how that kind is drawn, and all of them together
/// are everything the page needs from krilla.
fn emit(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
            ..
        } => {
            set_fill(surface, *color);
            surface.set_stroke(None);
            // Run by run, so a name in another script uses its fallback font.
            let mut at = *x;
            for run in fonts.runs(text, *bold) {
                surface.draw_text(
                    Point::from_xy(at, *y),
                    run.face.pdf.clone(),
                    *size,
                    run.text,
                    false,
                    TextDirection::Auto,
                );
                at += run.face.run_width(run.text, *size);
            }
        }
        Op::Rect { x, y, w, h, color } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(path) = pb.finish() {
                    set_fill(surface, *color);
                    surface.set_stroke(None);
                    surface.draw_path(&path);
                }
            }
        }
        Op::Line {
            points,
            width,
            color,
            dashed,
        } => {
            if let Some(path) = polyline(points).finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: *width,
                    line_cap: LineCap::Round,
                    line_join: LineJoin::Round,
                    dash: dashed.then(|| StrokeDash {
                        array: vec![2.0, 2.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::FigureStart { .. } | Op::FigureEnd => {}
        Op::Shape {
            points,
            fill,
            stroke,
        } => {
            let mut pb = polyline(points);
            pb.close();
            if let Some(path) = pb.finish() {
                match fill {
                    Some(c) => set_fill(surface, *c),
                    None => surface.set_fill(None),
                }
                surface.set_stroke(stroke.map(|(width, color)| Stroke {
                    paint: paint(color),
                    width,
                    line_join: LineJoin::Round,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Dot { x, y, r, color } => {
            if let Some(path) = circle(*x, *y, *r) {
                set_fill(surface, *color);
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
        Op::Ring { x, y, r, color } => {
            if let Some(path) = circle(*x, *y, *r) {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: 0.5,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
}

/// A circle from four cubic arcs.
fn circle(x: f32, y: f32, r: f32) -> Option<krilla::geom::Path> {
    let k = 0.552_284_8 * r;
    let mut pb = PathBuilder::new();
    pb.move_to(x + r, y);
    pb.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    pb.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    pb.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    pb.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    pb.close();
    pb.finish()
}

fn set_fill(surface: &mut Surface<'_>, color: Rgb) {
    surface.set_fill(Some(Fill {
        paint: paint(color),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
}

/// A path through `points`, in order, not closed.
fn polyline(points: &[(f32, f32)]) -> PathBuilder {
    let mut pb = PathBuilder::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            pb.move_to(*x, *y);
        } else {
            pb.line_to(*x, *y);
        }
    }
    pb
}

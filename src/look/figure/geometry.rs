//! Plain 2-D geometry for the body figure: points, paths made of lines and
//! Bézier curves, and the two polygon helpers (cutting into triangles and
//! hit-testing) that the app and the printed page both need. Kept apart
//! from the figure's coordinates in `figure.rs` so the data reads as data.

use super::WIDTH;

/// A point in figure units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f32,
    pub y: f32,
}

pub(super) const fn pt(x: f32, y: f32) -> Pt {
    Pt { x, y }
}

impl Pt {
    pub(super) fn mirrored(self) -> Self {
        pt(WIDTH - self.x, self.y)
    }

    pub(super) fn lerp(self, other: Self, t: f32) -> Self {
        pt(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }
}

/// One step of a path: a straight line or a cubic Bézier curve (two
/// control points, then the end point).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    Line(Pt),
    Cubic(Pt, Pt, Pt),
}

impl Seg {
    pub(super) fn end(self) -> Pt {
        match self {
            Self::Line(p) | Self::Cubic(_, _, p) => p,
        }
    }
}

/// A smooth outline: a start point and the steps from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub start: Pt,
    pub segs: Vec<Seg>,
    pub closed: bool,
}

impl Path {
    /// The path as points, each curve cut into `steps` straight pieces.
    pub fn flatten(&self, steps: usize) -> Vec<Pt> {
        let steps = steps.max(1);
        let mut out = vec![self.start];
        let mut from = self.start;
        for seg in &self.segs {
            match *seg {
                Seg::Line(p) => out.push(p),
                Seg::Cubic(c1, c2, p) => {
                    for i in 1..=steps {
                        let t = i as f32 / steps as f32;
                        out.push(cubic_at(from, c1, c2, p, t));
                    }
                }
            }
            from = seg.end();
        }
        if self.closed && out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        out
    }

    /// The same path seen in a mirror (left and right swapped).
    pub fn mirrored(&self) -> Self {
        let m = |s: Seg| match s {
            Seg::Line(p) => Seg::Line(p.mirrored()),
            Seg::Cubic(a, b, p) => Seg::Cubic(a.mirrored(), b.mirrored(), p.mirrored()),
        };
        Self {
            start: self.start.mirrored(),
            segs: self.segs.iter().copied().map(m).collect(),
            closed: self.closed,
        }
    }
}

fn cubic_at(p0: Pt, p1: Pt, p2: Pt, p3: Pt, t: f32) -> Pt {
    // De Casteljau: stable and exact at t = 0 and t = 1.
    let a = p0.lerp(p1, t);
    let b = p1.lerp(p2, t);
    let c = p2.lerp(p3, t);
    let d = a.lerp(b, t);
    let e = b.lerp(c, t);
    d.lerp(e, t)
}

/// An ellipse as four cubic curves.
pub(super) fn ellipse(c: Pt, rx: f32, ry: f32) -> Path {
    const K: f32 = 0.552_284_8;
    let (kx, ky) = (rx * K, ry * K);
    Path {
        start: pt(c.x, c.y - ry),
        segs: vec![
            Seg::Cubic(
                pt(c.x + kx, c.y - ry),
                pt(c.x + rx, c.y - ky),
                pt(c.x + rx, c.y),
            ),
            Seg::Cubic(
                pt(c.x + rx, c.y + ky),
                pt(c.x + kx, c.y + ry),
                pt(c.x, c.y + ry),
            ),
            Seg::Cubic(
                pt(c.x - kx, c.y + ry),
                pt(c.x - rx, c.y + ky),
                pt(c.x - rx, c.y),
            ),
            Seg::Cubic(
                pt(c.x - rx, c.y - ky),
                pt(c.x - kx, c.y - ry),
                pt(c.x, c.y - ry),
            ),
        ],
        closed: true,
    }
}

/// A closed shape through `corners` (in order), each corner rounded by
/// `round` (0 = sharp, 0.5 = as round as it gets): the sides stay
/// straight, the corners become curves. Convex corners give a convex shape.
pub(super) fn rounded(corners: &[Pt], round: f32) -> Path {
    let n = corners.len();
    let r = round.clamp(0.0, 0.5);
    let at = |i: usize| corners[i % n];
    // Each side runs from a point `r` along it to a point `r` before its end;
    // the corner between two sides is a curve pulled toward the corner.
    let side_start = |i: usize| at(i).lerp(at(i + 1), r);
    let side_end = |i: usize| at(i).lerp(at(i + 1), 1.0 - r);
    let mut segs = Vec::with_capacity(2 * n);
    for i in 0..n {
        segs.push(Seg::Line(side_end(i)));
        let corner = at(i + 1);
        let next = side_start(i + 1);
        segs.push(Seg::Cubic(
            side_end(i).lerp(corner, 0.6),
            next.lerp(corner, 0.6),
            next,
        ));
    }
    Path {
        start: side_start(0),
        segs,
        closed: true,
    }
}

pub(super) fn cross(o: Pt, a: Pt, b: Pt) -> f32 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// Twice the signed area of a closed polygon (positive when the points
/// turn the same way as `cross` counts positive).
pub(super) fn double_area(points: &[Pt]) -> f32 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum()
}

/// Cuts a simple polygon (no holes, no crossings) into triangles by
/// clipping ears. Made once per figure, so the plain quadratic method is
/// plenty.
pub fn triangulate(points: &[Pt]) -> Vec<[usize; 3]> {
    let turn = double_area(points).signum();
    let mut left: Vec<usize> = (0..points.len()).collect();
    let mut out = Vec::with_capacity(points.len().saturating_sub(2));
    while left.len() > 3 {
        let m = left.len();
        let ear = (0..m).find(|&i| {
            let (a, b, c) = (left[(i + m - 1) % m], left[i], left[(i + 1) % m]);
            let (pa, pb, pc) = (points[a], points[b], points[c]);
            let turns = cross(pa, pb, pc) * turn;
            if turns < 0.0 {
                return false;
            }
            if turns == 0.0 {
                // A point on a straight run: drop it, it covers nothing.
                return true;
            }
            // No other corner inside the triangle or on its edges (a corner
            // on the new edge would make it cut outside the shape).
            !left.iter().any(|&j| {
                let p = points[j];
                p != pa && p != pb && p != pc && {
                    cross(pa, pb, p) * turn >= 0.0
                        && cross(pb, pc, p) * turn >= 0.0
                        && cross(pc, pa, p) * turn >= 0.0
                }
            })
        });
        let Some(i) = ear else { break };
        let (a, b, c) = (left[(i + m - 1) % m], left[i], left[(i + 1) % m]);
        if cross(points[a], points[b], points[c]) != 0.0 {
            out.push([a, b, c]);
        }
        left.remove(i);
    }
    if let [a, b, c] = left[..] {
        out.push([a, b, c]);
    }
    out
}

/// True when `p` lies inside the closed polygon `points` (even-odd rule).
pub fn contains(points: &[Pt], p: Pt) -> bool {
    let mut inside = false;
    let n = points.len();
    for i in 0..n {
        let (a, b) = (points[i], points[(i + n - 1) % n]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flatten_keeps_the_end_points_of_curves() {
        let e = ellipse(pt(10.0, 10.0), 5.0, 3.0);
        let pts = e.flatten(4);
        assert_eq!(pts.len(), 16, "closed: the start is not repeated");
        assert!(pts.contains(&pt(15.0, 10.0)));
        assert!(contains(&pts, pt(10.0, 10.0)));
        assert!(!contains(&pts, pt(16.0, 10.0)));
    }
}

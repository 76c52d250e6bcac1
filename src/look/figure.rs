//! The body figure as plain geometry: the upper body from the back and from
//! the front, as smooth outlines, and where each journal [`Region`] lies on
//! it. Drawn by the app's body map and by the printed summary, so both show
//! the same picture.
//!
//! Units: the figure is [`WIDTH`] across and [`HEIGHT`] down, x to the
//! right and y down, as seen by the viewer. From the back, the person's
//! left is on the viewer's left; from the front it is on the viewer's
//! right (the front view is the back view's mirror).
//!
//! Region shapes are convex (so a renderer can fill them simply) and their
//! bounding boxes never overlap within a view (so a box is a fair click
//! target); both are tested. The points, paths and polygon helpers live
//! in `figure/geometry.rs`; this file is the figure's data, a little over
//! 400 lines because the coordinate table and the tests that check its
//! shapes read best together.

use std::sync::LazyLock;

use crate::journal::Region;

mod geometry;

pub use geometry::{Path, Pt, Seg, contains, triangulate};
use geometry::{ellipse, pt, rounded};

pub const WIDTH: f32 = 100.0;
pub const HEIGHT: f32 = 116.0;

/// Which side of the body the viewer sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Back,
    Front,
}

impl View {
    pub const BOTH: [Self; 2] = [Self::Back, Self::Front];

    pub fn label(self) -> &'static str {
        match self {
            Self::Back => "Back",
            Self::Front => "Front",
        }
    }

    /// Where "Your left" and "Your right" go under this view: the person's
    /// left is on the viewer's left from the back, on the right from the
    /// front.
    pub fn sides(self) -> [(Pt, &'static str); 2] {
        let (left, right) = (pt(18.0, HEIGHT - 1.0), pt(82.0, HEIGHT - 1.0));
        match self {
            Self::Back => [(left, "Your left"), (right, "Your right")],
            Self::Front => [(right, "Your left"), (left, "Your right")],
        }
    }
}

/// One region on the figure.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionShape {
    pub region: Region,
    pub view: View,
    pub outline: Path,
    /// The shape as points (for filling, hit tests and the PDF).
    pub points: Vec<Pt>,
}

impl RegionShape {
    /// The smallest box around the shape: (min, max).
    pub fn bounds(&self) -> (Pt, Pt) {
        bounds(&self.points)
    }

    /// The middle of the shape's box (where a tick mark goes).
    pub fn centre(&self) -> Pt {
        let (a, b) = self.bounds();
        a.lerp(b, 0.5)
    }
}

fn bounds(points: &[Pt]) -> (Pt, Pt) {
    let mut min = pt(f32::INFINITY, f32::INFINITY);
    let mut max = pt(f32::NEG_INFINITY, f32::NEG_INFINITY);
    for p in points {
        min = pt(min.x.min(p.x), min.y.min(p.y));
        max = pt(max.x.max(p.x), max.y.max(p.y));
    }
    (min, max)
}

/// The whole drawing, built once.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The silhouette of each view: the head, then the body with the arms.
    pub outline: Vec<Path>,
    /// The silhouette as filled shapes: each outline's points and the
    /// triangles that cover it (indices into the points), for renderers
    /// that fill only triangles or convex shapes.
    pub fill: Vec<(Vec<Pt>, Vec<[usize; 3]>)>,
    /// Quiet lines that say which side this is (per view): the spine from
    /// the back, the collarbones and breastbone from the front.
    pub back_details: Vec<Path>,
    pub front_details: Vec<Path>,
    pub regions: Vec<RegionShape>,
}

impl Figure {
    pub fn details(&self, view: View) -> &[Path] {
        match view {
            View::Back => &self.back_details,
            View::Front => &self.front_details,
        }
    }

    pub fn regions_in(&self, view: View) -> impl Iterator<Item = &RegionShape> {
        self.regions.iter().filter(move |r| r.view == view)
    }

    pub fn region(&self, region: Region) -> Option<&RegionShape> {
        self.regions.iter().find(|r| r.region == region)
    }
}

/// Curve pieces per Bézier when flattening: smooth at the sizes drawn.
pub const STEPS: usize = 8;

/// The figure (the same for every caller; made on first use).
pub fn figure() -> &'static Figure {
    static FIGURE: LazyLock<Figure> = LazyLock::new(build);
    &FIGURE
}

/// The body's left half (the viewer's left), from the left side of the
/// neck down the arm, round the hand, up the inside of the arm, down the
/// side of the body to the middle of the hips.
fn left_half() -> Vec<Seg> {
    use Seg::{Cubic, Line};
    vec![
        // Neck, then the slope of the shoulder.
        Line(pt(44.2, 30.5)),
        Cubic(pt(40.0, 33.5), pt(30.0, 34.0), pt(24.5, 36.5)),
        // Round of the shoulder.
        Cubic(pt(19.5, 38.5), pt(16.5, 42.0), pt(16.2, 47.5)),
        // Outside of the arm to the elbow, then the forearm.
        Cubic(pt(15.6, 57.0), pt(13.8, 68.0), pt(12.8, 78.0)),
        Cubic(pt(12.0, 88.0), pt(11.0, 97.0), pt(11.4, 105.0)),
        // The hand, rounded.
        Cubic(pt(11.6, 111.5), pt(18.8, 111.5), pt(18.8, 105.5)),
        // Inside of the arm, up to the armpit.
        Cubic(pt(19.2, 97.0), pt(20.2, 88.0), pt(20.8, 80.0)),
        Cubic(pt(21.3, 70.0), pt(22.2, 60.0), pt(23.6, 54.0)),
        Cubic(pt(24.4, 51.5), pt(26.4, 51.8), pt(27.0, 55.0)),
        // Side of the body: ribs, waist, hip.
        Cubic(pt(28.2, 66.0), pt(31.0, 75.0), pt(31.0, 84.0)),
        Cubic(pt(31.0, 93.0), pt(28.2, 101.0), pt(28.6, 110.0)),
        // Along the bottom to the middle.
        Cubic(pt(35.0, 111.5), pt(43.0, 112.0), pt(50.0, 112.0)),
    ]
}

fn body_outline() -> Path {
    let left_start = pt(44.6, 23.0);
    let left = left_half();
    // The right half: the left half mirrored and walked the other way, from
    // the middle of the hips back up to the right of the neck.
    let mut points = vec![left_start];
    points.extend(left.iter().map(|s| s.end()));
    let mut right = Vec::with_capacity(left.len());
    for (i, seg) in left.iter().enumerate().rev() {
        let from = points[i].mirrored();
        right.push(match *seg {
            Seg::Line(_) => Seg::Line(from),
            Seg::Cubic(c1, c2, _) => Seg::Cubic(c2.mirrored(), c1.mirrored(), from),
        });
    }
    let mut segs = left;
    segs.extend(right);
    Path {
        start: left_start,
        segs,
        closed: false,
    }
}

/// The figure's coordinates. Long on purpose: it is a table of shapes (the
/// outline, the details, one shape per region), and it reads best in one
/// place, top to bottom as on the body.
fn build() -> Figure {
    let head = ellipse(pt(50.0, 13.5), 9.0, 11.0);
    let outline = vec![head, body_outline()];

    let line = |a: Pt, b: Pt| Path {
        start: a,
        segs: vec![Seg::Line(b)],
        closed: false,
    };
    let spine = line(pt(50.0, 33.0), pt(50.0, 104.0));
    let collarbone = Path {
        start: pt(46.5, 35.0),
        segs: vec![Seg::Cubic(pt(41.0, 37.5), pt(35.0, 34.0), pt(28.0, 37.0))],
        closed: false,
    };
    let front_details = vec![
        collarbone.mirrored(),
        collarbone,
        line(pt(50.0, 38.0), pt(50.0, 62.0)),
    ];

    let shape = |region: Region, view: View, outline: Path| {
        let points = outline.flatten(STEPS);
        RegionShape {
            region,
            view,
            outline,
            points,
        }
    };
    // The left shoulder blade, on the viewer's left from the back.
    let blade_left = rounded(
        &[
            pt(29.0, 40.0),
            pt(44.0, 38.0),
            pt(44.0, 56.0),
            pt(40.5, 63.5),
        ],
        0.28,
    );
    // The person's right shoulder and upper arm, on the viewer's left from
    // the front.
    let shoulder_right = rounded(
        &[
            pt(16.5, 44.0),
            pt(24.0, 37.5),
            pt(26.5, 45.0),
            pt(22.0, 72.0),
            pt(13.5, 72.0),
        ],
        0.3,
    );
    // The person's right chest wall and ribs, on the viewer's left from the
    // front.
    let chest_right = rounded(
        &[
            pt(30.0, 45.0),
            pt(47.5, 42.0),
            pt(47.5, 80.0),
            pt(32.5, 80.0),
            pt(28.5, 62.0),
        ],
        0.25,
    );
    let regions = vec![
        shape(
            Region::Neck,
            View::Back,
            rounded(
                &[
                    pt(44.2, 24.5),
                    pt(55.8, 24.5),
                    pt(56.0, 32.0),
                    pt(44.0, 32.0),
                ],
                0.35,
            ),
        ),
        shape(Region::UpperBackLeft, View::Back, blade_left.clone()),
        shape(
            Region::BetweenShoulderBlades,
            View::Back,
            rounded(
                &[
                    pt(45.5, 35.5),
                    pt(54.5, 35.5),
                    pt(54.5, 63.0),
                    pt(45.5, 63.0),
                ],
                0.3,
            ),
        ),
        shape(Region::UpperBackRight, View::Back, blade_left.mirrored()),
        shape(
            Region::MidBack,
            View::Back,
            rounded(
                &[
                    pt(31.0, 66.0),
                    pt(69.0, 66.0),
                    pt(68.0, 85.0),
                    pt(32.0, 85.0),
                ],
                0.25,
            ),
        ),
        shape(
            Region::LowerBack,
            View::Back,
            rounded(
                &[
                    pt(32.0, 88.0),
                    pt(68.0, 88.0),
                    pt(68.5, 107.0),
                    pt(31.5, 107.0),
                ],
                0.25,
            ),
        ),
        shape(
            Region::ShoulderArmRight,
            View::Front,
            shoulder_right.clone(),
        ),
        shape(Region::ChestWallRight, View::Front, chest_right.clone()),
        shape(Region::ChestWallLeft, View::Front, chest_right.mirrored()),
        shape(
            Region::ShoulderArmLeft,
            View::Front,
            shoulder_right.mirrored(),
        ),
    ];
    let fill = outline
        .iter()
        .map(|path| {
            let points = path.flatten(STEPS);
            let triangles = triangulate(&points);
            (points, triangles)
        })
        .collect();
    Figure {
        outline,
        fill,
        back_details: vec![spine],
        front_details,
        regions,
    }
}

#[cfg(test)]
mod tests {
    use super::geometry::{cross, double_area};
    use super::*;

    #[test]
    fn the_silhouette_is_covered_by_its_triangles_exactly() {
        for (points, triangles) in &figure().fill {
            let whole = double_area(points).abs();
            let parts: f32 = triangles
                .iter()
                .map(|t| double_area(&[points[t[0]], points[t[1]], points[t[2]]]).abs())
                .sum();
            assert!(
                (whole - parts).abs() < whole * 1e-3,
                "triangles cover {parts}, the shape {whole}"
            );
        }
        // A concave shape (an L) comes out right too.
        let l = [
            pt(0.0, 0.0),
            pt(2.0, 0.0),
            pt(2.0, 1.0),
            pt(1.0, 1.0),
            pt(1.0, 2.0),
            pt(0.0, 2.0),
        ];
        let t = triangulate(&l);
        assert_eq!(t.len(), 4);
        let parts: f32 = t
            .iter()
            .map(|t| double_area(&[l[t[0]], l[t[1]], l[t[2]]]).abs())
            .sum();
        assert!((parts - 6.0).abs() < 1e-4, "{parts}");
    }

    #[test]
    fn every_region_is_drawn_once() {
        let f = figure();
        for region in Region::ALL {
            let n = f.regions.iter().filter(|r| r.region == region).count();
            assert_eq!(n, 1, "{region:?}");
        }
    }

    #[test]
    fn region_shapes_are_convex() {
        for r in &figure().regions {
            let p = &r.points;
            let n = p.len();
            let turns: Vec<f32> = (0..n)
                .map(|i| cross(p[i], p[(i + 1) % n], p[(i + 2) % n]))
                .filter(|c| c.abs() > 1e-3)
                .collect();
            let all_one_way = turns.iter().all(|c| *c > 0.0) || turns.iter().all(|c| *c < 0.0);
            assert!(all_one_way, "{:?} is not convex", r.region);
        }
    }

    #[test]
    fn region_boxes_never_overlap_in_a_view() {
        let f = figure();
        for view in View::BOTH {
            let shapes: Vec<_> = f.regions_in(view).collect();
            for (i, a) in shapes.iter().enumerate() {
                for b in &shapes[i + 1..] {
                    let ((a0, a1), (b0, b1)) = (a.bounds(), b.bounds());
                    let apart = a1.x <= b0.x || b1.x <= a0.x || a1.y <= b0.y || b1.y <= a0.y;
                    assert!(apart, "{:?} and {:?} overlap", a.region, b.region);
                }
            }
        }
    }

    #[test]
    fn regions_lie_inside_the_body() {
        let f = figure();
        let body = f.outline[1].flatten(STEPS);
        for r in &f.regions {
            assert!(
                contains(&body, r.centre()),
                "{:?}'s middle is outside the body",
                r.region
            );
            let (a, b) = r.bounds();
            assert!(a.x > 0.0 && a.y > 0.0 && b.x < WIDTH && b.y < HEIGHT);
        }
    }

    #[test]
    fn sides_are_the_persons_own() {
        let f = figure();
        let x = |r: Region| f.region(r).map(RegionShape::centre).map(|c| c.x);
        // From the back, the person's left is on the viewer's left...
        assert!(x(Region::UpperBackLeft) < x(Region::UpperBackRight));
        assert_eq!(View::Back.sides()[0].1, "Your left");
        assert!(View::Back.sides()[0].0.x < 50.0);
        // ...from the front, on the viewer's right.
        assert!(x(Region::ChestWallLeft) > x(Region::ChestWallRight));
        assert!(x(Region::ShoulderArmLeft) > x(Region::ShoulderArmRight));
        let front_left = View::Front.sides().into_iter().find(|s| s.1 == "Your left");
        assert!(front_left.is_some_and(|(p, _)| p.x > 50.0));
    }

    #[test]
    fn the_body_is_symmetric_and_ends_where_it_started_across() {
        let body = &figure().outline[1];
        let pts = body.flatten(STEPS);
        let (first, last) = (pts[0], pts[pts.len() - 1]);
        assert!(
            (first.x - (WIDTH - last.x)).abs() < 1e-4,
            "{first:?} {last:?}"
        );
        assert!((first.y - last.y).abs() < 1e-4);
        let mirrored: Vec<Pt> = body.mirrored().flatten(STEPS);
        for p in &pts {
            assert!(
                mirrored
                    .iter()
                    .any(|m| (m.x - p.x).abs() < 1e-3 && (m.y - p.y).abs() < 1e-3),
                "{p:?} has no mirror image"
            );
        }
    }
}

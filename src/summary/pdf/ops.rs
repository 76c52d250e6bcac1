//! Positioned drawing operations: what the layout produces and the only
//! thing that is turned into PDF content.
//!
//! Laying out into plain values first lets the renderer measure a whole
//! page before drawing it (to pick a density that fits), and lets tests
//! check that every piece of text lies inside the page.

use crate::look::tokens::PRINT;

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

pub(super) const INK: Rgb = Rgb(0x1c, 0x25, 0x33);
pub(super) const MUTED: Rgb = Rgb(0x5b, 0x66, 0x75);
pub(super) const ACCENT: Rgb = Rgb(0x1f, 0x4e, 0x79);
pub(super) const RULE: Rgb = Rgb(0xc5, 0xcd, 0xd6);
pub(super) const ZEBRA: Rgb = Rgb(0xf3, 0xf5, 0xf8);
pub(super) const BAND: Rgb = Rgb(0xe9, 0xef, 0xf5);
/// The chart in the app's pain colours (`look::tokens::PRINT`): one day,
/// the 7-day average, the band behind pain 7 and above. Never a level
/// colour; the order survives a grey print (light bars, dark line), and
/// the band's hatching carries it in grey.
pub(super) const BAR: Rgb = token(PRINT.chart.daily);
pub(super) const AVERAGE: Rgb = token(PRINT.chart.average);
pub(super) const SEVERE: Rgb = token(PRINT.chart.severe_band);
pub(super) const SEVERE_HATCH: Rgb = Rgb(0xb0, 0x5a, 0x5a);
pub(super) const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// A design token as a PDF colour.
pub(super) const fn token(c: crate::look::Rgb) -> Rgb {
    Rgb(c.0, c.1, c.2)
}

impl Rgb {
    /// Relative luminance, 0 (black) to 1 (white): what a grey printer
    /// keeps of a colour (ITU-R BT.601 weights).
    pub(super) fn gray(self) -> f32 {
        (0.299 * f32::from(self.0) + 0.587 * f32::from(self.1) + 0.114 * f32::from(self.2)) / 255.0
    }
}

/// What a run of text is, for the PDF's tag tree (screen readers and
/// reflow): runs with the same id form one heading or paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Title(u32),
    Heading(u32),
    Para(u32),
    /// Decoration, not content (the brand, page numbers).
    Artifact,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
        role: Role,
    },
    /// Everything between this and [`Op::FigureEnd`] is one figure, read
    /// out as `alt`.
    FigureStart {
        alt: String,
    },
    FigureEnd,
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// An open polyline.
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Rgb,
        dashed: bool,
    },
    /// A closed shape, filled and/or outlined (the body figure).
    Shape {
        points: Vec<(f32, f32)>,
        fill: Option<Rgb>,
        stroke: Option<(f32, Rgb)>,
    },
    /// A filled circle.
    Dot {
        x: f32,
        y: f32,
        r: f32,
        color: Rgb,
    },
    /// An open circle (a thin outline).
    Ring {
        x: f32,
        y: f32,
        r: f32,
        color: Rgb,
    },
}

impl Op {
    pub(super) fn shifted(mut self, dx: f32, dy: f32) -> Self {
        match &mut self {
            Self::Text { x, y, .. }
            | Self::Rect { x, y, .. }
            | Self::Dot { x, y, .. }
            | Self::Ring { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Self::Line { points, .. } | Self::Shape { points, .. } => {
                for (x, y) in points {
                    *x += dx;
                    *y += dy;
                }
            }
            Self::FigureStart { .. } | Self::FigureEnd => {}
        }
        self
    }
}

/// A laid-out piece with its size; ops are relative to its top-left corner.
#[derive(Debug, Clone, Default)]
pub(super) struct Boxed {
    pub(super) ops: Vec<Op>,
    pub(super) height: f32,
}

impl Boxed {
    /// Appends `other` below what is here, after `gap` points.
    pub(super) fn stack(&mut self, other: Boxed, gap: f32) {
        let top = if self.ops.is_empty() && self.height == 0.0 {
            0.0
        } else {
            self.height + gap
        };
        self.ops
            .extend(other.ops.into_iter().map(|op| op.shifted(0.0, top)));
        self.height = top + other.height;
    }

    /// Places `other` at (dx, dy) without changing the height.
    pub(super) fn place(&mut self, other: Boxed, dx: f32, dy: f32) {
        self.ops
            .extend(other.ops.into_iter().map(|op| op.shifted(dx, dy)));
    }
}

impl Boxed {
    /// Gives every text run in this box one role.
    pub(super) fn with_role(mut self, role: Role) -> Self {
        for op in &mut self.ops {
            if let Op::Text { role: r, .. } = op {
                *r = role;
            }
        }
        self
    }
}

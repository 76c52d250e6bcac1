//! How a banner is laid out: the text sizes for each level, roomy or
//! tight, the frame, the lines it says (the headline, the number to call,
//! the action and the instruction line), and the height they take. Apart
//! from `banner.rs`, which draws what this measures and names it for
//! screen readers.

use egui::{CornerRadius, Frame, Margin, RichText, Stroke, Ui, WidgetText};

use super::{BannerText, Numbers};
use crate::app::icons::Icon;
use crate::app::{theme, ui_kit};
use crate::look::tokens::{RADIUS, SPACE, STROKE};
use crate::triage::{Advice, Level};

/// Sizes of a banner's text, as multiples of the body size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    pub headline: f32,
    /// The emergency number (with "Call" before it on the ambulance level).
    pub number: f32,
    /// "If you cannot get there safely, call" before the number.
    pub lead_in: f32,
    pub action: f32,
    /// The instruction line and the numbers line.
    pub line: f32,
}

impl Sizes {
    /// For a level, roomy or in a short window. On the two emergency levels
    /// the number is the largest text, at every size.
    pub fn of(level: Level, tight: bool) -> Self {
        let emergency = level.is_emergency();
        match (emergency, tight) {
            (true, false) => Self {
                headline: 1.9,
                number: 2.6,
                lead_in: 1.3,
                action: 1.15,
                line: 1.0,
            },
            (true, true) => Self {
                headline: 1.3,
                number: 1.6,
                lead_in: 1.0,
                action: 1.0,
                line: 1.0,
            },
            (false, false) => Self {
                headline: 1.4,
                number: 0.0,
                lead_in: 0.0,
                action: 1.15,
                line: 1.0,
            },
            (false, true) => Self {
                headline: 1.2,
                number: 0.0,
                lead_in: 0.0,
                action: 1.0,
                line: 1.0,
            },
        }
    }
}

/// How roomy the banner may be. In a short window (few lines of text fit,
/// e.g. 200 % text at 1024×600) the type is smaller, so the list below
/// keeps room to tick; every line is still there.
#[derive(Clone, Copy)]
pub(super) struct BannerLayout {
    pub(super) tight: bool,
    /// In a short window, the largest size the banner's text is measured
    /// from (see [`BannerLayout::base`]); a banner with room to spare may raise it
    /// up to the person's own text size ([`BannerLayout::fitted`]).
    cap: f32,
}

impl BannerLayout {
    /// Lines of body text that fit below the banner's top, under which the
    /// banner gets tight.
    const TIGHT_BELOW_LINES: f32 = 26.0;

    pub(super) fn for_ui(ui: &Ui) -> Self {
        Self {
            tight: ui.available_height() / theme::body_size(ui) < Self::TIGHT_BELOW_LINES,
            cap: TIGHT_CAP * theme::BODY_SIZE,
        }
    }

    /// The size the banner's text is measured from.
    pub(super) fn base(self, body: f32) -> f32 {
        if self.tight { body.min(self.cap) } else { body }
    }

    /// This layout with its text as large as fits in `height` (the steady
    /// height, set by the tallest banner), up to the person's own text
    /// size. In a short window at 200 % the 24-hour banner's words were
    /// three fifths of the body size inside a box sized for the ambulance
    /// banner; now they fill the room the box already takes. The height
    /// does not change, so nothing below moves.
    pub(super) fn fitted(
        self,
        ui: &Ui,
        text: BannerText<'_>,
        numbers: Numbers<'_>,
        height: f32,
    ) -> Self {
        let body = theme::body_size(ui);
        if !self.tight || self.cap >= body {
            return self;
        }
        // From the body size down in eighths, the first that fits.
        (0..8)
            .map(|step| body * (1.0 - step as f32 / 8.0))
            .take_while(|cap| *cap > self.cap)
            .map(|cap| Self { cap, ..self })
            .find(|l| banner_height(ui, text, numbers, *l) <= height + 0.5)
            .unwrap_or(self)
    }

    pub(super) fn frame(self, ui: &Ui, level: Level) -> Frame {
        let urgent = level.is_emergency();
        let margin_y = match (urgent, self.tight) {
            (true, false) => SPACE.m + 2.0,
            (true, true) | (false, false) => SPACE.s,
            (false, true) => SPACE.xs + 2.0,
        };
        // The edge is drawn in the level's ink, which stands out from the
        // page in both themes even where the fill does not (amber on white).
        Frame::new()
            .stroke(if urgent {
                Stroke::new(STROKE.emphasis, ui.visuals().strong_text_color())
            } else {
                Stroke::new(STROKE.control, theme::level_ink(ui, level))
            })
            .corner_radius(CornerRadius::same(RADIUS.large))
            .inner_margin(Margin::symmetric(
                ui_kit::margin(SPACE.l),
                ui_kit::margin(margin_y),
            ))
    }

    /// The banner's lines, top to bottom, in the banner's text colour, and
    /// all of it as one sentence for screen readers.
    pub(super) fn lines(
        self,
        ui: &Ui,
        text: BannerText<'_>,
        numbers: Numbers<'_>,
    ) -> (Vec<WidgetText>, String) {
        let advice = text.advice;
        let level = advice.level;
        let (_, colour) = theme::level_colors(level);
        let size = Sizes::of(level, self.tight);
        let base = self.base(theme::body_size(ui));
        let mut spoken = vec![advice.headline.clone()];
        let mut lines = self.headline_lines(ui, advice, numbers, &mut spoken);
        // The first action is what to do before anything else.
        if let Some(action) = text.action {
            spoken.push(action.to_owned());
            lines.push(
                bold(action.to_owned(), base * size.action)
                    .strong()
                    .color(colour)
                    .into(),
            );
        }
        // The instruction line, at every size.
        spoken.push(advice.summary.clone());
        lines.push(
            RichText::new(&advice.summary)
                .size(base * size.line)
                .color(colour)
                .into(),
        );
        if let Some(contacts) = numbers.contacts(level) {
            spoken.push(contacts.clone());
            lines.push(
                RichText::new(contacts)
                    .size(base * size.line)
                    .strong()
                    .color(colour)
                    .into(),
            );
        }
        (lines, spoken.join(". ").replace("..", "."))
    }

    /// The headline and, on the two emergency levels, the number to call
    /// (what it says is added to `spoken`).
    fn headline_lines(
        self,
        ui: &Ui,
        advice: &Advice,
        numbers: Numbers<'_>,
        spoken: &mut Vec<String>,
    ) -> Vec<WidgetText> {
        let level = advice.level;
        let (_, colour) = theme::level_colors(level);
        let size = Sizes::of(level, self.tight);
        let body = theme::body_size(ui);
        let base = self.base(body);
        let number_size = number_size(size, base, body);
        let number = numbers.emergency.trim();
        // The level's own icon leads the headline: the level never rests on
        // colour alone. (Screen readers get `spoken`, without the glyph.)
        // In a short window the room goes to the words.
        let headline = if self.tight {
            advice.headline.clone()
        } else {
            format!("{}  {}", Icon::for_level(level).glyph(), advice.headline)
        };
        let headline = bold(headline, base * size.headline).color(colour);
        let mut lines: Vec<WidgetText> = Vec::new();
        match level {
            Level::CallAmbulance => {
                let call = format!("Call {number}");
                spoken.push(call.clone());
                let call = RichText::new(call)
                    .size(number_size)
                    .family(theme::bold_family())
                    .color(colour);
                if self.tight {
                    // One row when it fits; the number wraps below when not.
                    lines.push(join(ui, [headline, RichText::new("    "), call]));
                } else {
                    lines.push(headline.into());
                    lines.push(call.into());
                }
            }
            Level::EmergencyDepartment => {
                lines.push(headline.into());
                let lead = "If you cannot get there safely, call";
                spoken.push(format!("{lead} {number}"));
                lines.push(join(
                    ui,
                    [
                        bold(format!("{lead} "), base * size.lead_in).color(colour),
                        RichText::new(number)
                            .size(number_size)
                            .family(theme::bold_family())
                            .color(colour),
                    ],
                ));
            }
            Level::Within24h | Level::SeeDoctor | Level::SelfCare => lines.push(headline.into()),
        }
        lines
    }
}

/// Headline, number and action in the real bold, not only the strong
/// colour.
fn bold(text: String, size: f32) -> RichText {
    RichText::new(text)
        .size(size)
        .family(theme::bold_family())
        .strong()
}

/// Parts of different sizes on one line (wrapping as needed).
fn join<const N: usize>(ui: &Ui, parts: [RichText; N]) -> WidgetText {
    let mut job = egui::text::LayoutJob::default();
    for part in parts {
        part.append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::BOTTOM,
        );
    }
    job.into()
}

/// The height the banner for `text` takes at the current width.
pub(super) fn banner_height(
    ui: &Ui,
    text: BannerText<'_>,
    numbers: Numbers<'_>,
    layout: BannerLayout,
) -> f32 {
    let frame = layout.frame(ui, text.advice.level);
    let margin = frame.total_margin().sum();
    let width = (ui.available_width() - margin.x).max(1.0);
    let (lines, _) = layout.lines(ui, text, numbers);
    let spacing = ui.spacing().item_spacing.y * (lines.len().saturating_sub(1)) as f32;
    let text: f32 = lines
        .into_iter()
        .map(|l| {
            l.into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                width,
                egui::TextStyle::Body,
            )
            .size()
            .y
        })
        .sum();
    text + spacing + margin.y
}

/// In a short window the banner's type stops growing at 125 % (so at
/// 200 % text the list keeps room to tick), unless the banner has room to
/// spare; the number is the exception (see [`number_size`]).
const TIGHT_CAP: f32 = 1.25;

/// The size the banner's text is measured from, before any fitting.
#[cfg(test)]
pub(super) fn base_size(body: f32, tight: bool) -> f32 {
    BannerLayout {
        tight,
        cap: TIGHT_CAP * theme::BODY_SIZE,
    }
    .base(body)
}

/// The smallest emergency number, in body sizes: above a screen's title
/// (egui's heading style, 1.5 body sizes) and a section heading (1.2).
const NUMBER_FLOOR: f32 = 1.6;

/// The emergency number's size: larger than any other text on the
/// screen, at every text size, even where the rest of the banner stops
/// growing.
pub(super) fn number_size(size: Sizes, base: f32, body: f32) -> f32 {
    (base * size.number).max(NUMBER_FLOOR * body)
}

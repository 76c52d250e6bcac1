//! Small drawing helpers shared by the screens: the triage banner, section
//! headings, bullet lists. Drawing only: no state, no I/O.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui, WidgetText};

use super::icons::Icon;
use super::{theme, ui_kit};
use crate::look::tokens::{RADIUS, SPACE, STROKE};
use crate::triage::{Advice, Knowledge, Level};

/// What a banner says: the level's advice and, when a rule that sets the
/// level has one, its first action line ("Do not move. Call an ambulance."),
/// shown under the headline (revision-2.md R5).
#[derive(Clone, Copy)]
pub struct BannerText<'a> {
    pub advice: &'a Advice,
    pub action: Option<&'a str>,
}

/// The level banner: the headline in the level's colour and, for the two
/// emergency levels, the person's emergency number in large type. Emergency
/// banners are larger and framed twice so they cannot be missed.
pub fn level_banner(ui: &mut Ui, text: BannerText<'_>, emergency_number: &str) {
    let layout = BannerLayout::for_ui(ui);
    draw_banner(ui, text, emergency_number, layout, None);
}

/// True when the window is short for the text size: banners shrink to
/// their essentials so the list below keeps room to tick.
pub fn is_tight(ui: &Ui) -> bool {
    BannerLayout::for_ui(ui).tight
}

/// The height of the tallest banner any result can show at this width and
/// text size: every level, with and without each of its action lines. In a
/// short window the action lines are left out of this (the few results
/// that have one grow the banner by a line), so the list keeps its room.
pub fn steady_banner_height(ui: &Ui, emergency_number: &str, knowledge: &Knowledge) -> f32 {
    let layout = BannerLayout::for_ui(ui);
    let mut tallest: f32 = 0.0;
    for level in Level::MOST_URGENT_FIRST {
        let advice = knowledge.advice(level);
        let actions = knowledge
            .rules()
            .iter()
            .filter(|r| r.level == level && !layout.tight)
            .filter_map(|r| r.action.as_deref());
        for action in std::iter::once(None).chain(actions.map(Some)) {
            let text = BannerText { advice, action };
            tallest = tallest.max(banner_height(ui, text, emergency_number, layout));
        }
    }
    tallest
}

/// The level banner at one steady height (see [`steady_banner_height`]).
/// Ticking a box that changes the level then never moves the list under
/// the pointer.
pub fn steady_level_banner(
    ui: &mut Ui,
    text: BannerText<'_>,
    emergency_number: &str,
    knowledge: &Knowledge,
) {
    let layout = BannerLayout::for_ui(ui);
    let tallest = steady_banner_height(ui, emergency_number, knowledge);
    draw_banner(ui, text, emergency_number, layout, Some(tallest));
}

/// How roomy the banner may be. In a short window (few lines of text fit,
/// e.g. 200 % text at 800×600) the type is smaller and the banner shows the
/// headline and the emergency number only (the summary is repeated, bold,
/// under "What to do"), so the list below keeps room to tick.
#[derive(Clone, Copy)]
struct BannerLayout {
    tight: bool,
}

impl BannerLayout {
    /// Lines of body text that fit below the banner's top, under which the
    /// banner gets tight.
    const TIGHT_BELOW_LINES: f32 = 26.0;

    fn for_ui(ui: &Ui) -> Self {
        Self {
            tight: ui.available_height() / theme::body_size(ui) < Self::TIGHT_BELOW_LINES,
        }
    }

    fn frame(self, ui: &Ui, level: Level) -> Frame {
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

    /// The banner's lines, top to bottom, in the banner's text colour.
    fn lines(self, ui: &Ui, text: BannerText<'_>, emergency_number: &str) -> Vec<WidgetText> {
        let advice = text.advice;
        let level = advice.level;
        let (_, colour) = theme::level_colors(level);
        let urgent = level.is_emergency();
        let number = emergency_number.trim();
        let (headline, call, line) = match (urgent, self.tight) {
            (true, false) => (1.9, 2.8, 1.4),
            (true, true) => (1.3, 1.6, 1.1),
            (false, false) => (1.4, 0.0, 0.0),
            (false, true) => (1.2, 0.0, 0.0),
        };
        // The level's own icon leads the headline: the level never rests on
        // colour alone. (Screen readers get the words only: see draw_banner.)
        // In a short window the room goes to the words.
        let headline = if self.tight {
            theme::big(ui, &advice.headline, headline)
        } else {
            theme::big(
                ui,
                format!("{}  {}", Icon::for_level(level).glyph(), advice.headline),
                headline,
            )
        }
        .color(colour);
        let mut lines: Vec<WidgetText> = Vec::new();
        if level == Level::CallAmbulance && !number.is_empty() {
            let call = theme::big(ui, format!("Call {number}"), call).color(colour);
            if self.tight {
                // One row when it fits; the number wraps below when not.
                let mut job = egui::text::LayoutJob::default();
                for part in [headline, RichText::new("    "), call] {
                    part.append_to(
                        &mut job,
                        ui.style(),
                        egui::FontSelection::Default,
                        egui::Align::BOTTOM,
                    );
                }
                lines.push(job.into());
            } else {
                lines.push(headline.into());
                lines.push(call.into());
            }
        } else {
            lines.push(headline.into());
            if level == Level::EmergencyDepartment && !number.is_empty() {
                lines.push(
                    theme::big(
                        ui,
                        format!("If you cannot get there safely, call {number}"),
                        line,
                    )
                    .color(colour)
                    .into(),
                );
            }
        }
        // The first action is what to do before anything else: shown even
        // in a short window.
        if let Some(action) = text.action {
            let size = if self.tight { 1.0 } else { 1.15 };
            lines.push(theme::big(ui, action, size).strong().color(colour).into());
        }
        if !self.tight {
            lines.push(RichText::new(&advice.summary).color(colour).into());
        }
        lines
    }
}

/// The height the banner for `text` takes at the current width.
fn banner_height(
    ui: &Ui,
    text: BannerText<'_>,
    emergency_number: &str,
    layout: BannerLayout,
) -> f32 {
    let frame = layout.frame(ui, text.advice.level);
    let margin = frame.total_margin().sum();
    let width = (ui.available_width() - margin.x).max(1.0);
    let lines = layout.lines(ui, text, emergency_number);
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

fn draw_banner(
    ui: &mut Ui,
    text: BannerText<'_>,
    emergency_number: &str,
    layout: BannerLayout,
    height: Option<f32>,
) {
    let (fill, _) = theme::level_colors(text.advice.level);
    let frame = layout.frame(ui, text.advice.level);
    // Centre the text in the steady height rather than leave a gap below.
    let own = banner_height(ui, text, emergency_number, layout);
    let extra = height.map_or(0.0, |h| (h - own).max(0.0));
    let margin = frame.total_margin().sum();
    frame.fill(fill).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(h) = height {
            ui.set_min_height(h - margin.y);
        }
        if extra > 0.0 {
            ui.add_space(extra / 2.0);
        }
        for line in layout.lines(ui, text, emergency_number) {
            let spoken = ui_kit::without_icons(line.text());
            ui.add(egui::Label::new(line).wrap())
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
        }
    });
}

/// A heading inside a screen.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(SPACE.s);
    ui_kit::section_heading(ui, None, title);
}

/// A bulleted paragraph that wraps to the width.
pub fn bullet(ui: &mut Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.add(egui::Label::new(text).wrap());
    });
}

/// Weaker text for hints under a control.
pub fn hint(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
}

/// A calm framed box for the "not a diagnosis" reminder and similar notes.
pub fn note(ui: &mut Ui, text: &str) {
    Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(text).wrap());
        });
}

/// The red of error notices, readable in both themes.
pub fn error_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

//! The app's building blocks, drawn from the design tokens: cards with a
//! heading, section headings, icons beside words, primary and secondary
//! buttons and chips. Screens call these instead of choosing
//! colours, sizes or corners themselves.
//!
//! Accessibility: an icon is never announced. Icons are painted (no
//! widget), and a control with an icon is named by its words alone, so a
//! screen reader and a kittest test both find "Save" rather than a private
//! glyph followed by "Save". Headings are announced as headings.

use egui::scroll_area::ScrollBarVisibility;
use egui::{
    Color32, CornerRadius, Frame, InnerResponse, Margin, Response, RichText, ScrollArea, Stroke, Ui,
};

use super::icons::Icon;
use super::{a11y, theme};
use crate::look::tokens::{RADIUS, SPACE, STROKE, TYPE};

/// `text` without icon glyphs (Unicode private use area): what a screen
/// reader should hear for text that was drawn with an icon in it.
pub fn without_icons(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{e000}'..='\u{f8ff}').contains(c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// An icon as a text run (for a label or a button): its glyph at `size`.
pub fn icon_text(icon: Icon, size: f32) -> RichText {
    RichText::new(icon.glyph().to_string()).size(size)
}

/// Paints an icon at the cursor, `size` points high, in `color`. Not a
/// widget: screen readers skip it.
pub fn icon(ui: &mut Ui, icon: Icon, size: f32, color: Color32) -> Response {
    let galley = ui.painter().layout_no_wrap(
        icon.glyph().to_string(),
        egui::FontId::proportional(size),
        color,
    );
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    ui.painter().galley(rect.min, galley, color);
    response
}

/// A heading inside a screen or card, with an optional icon; announced as
/// a heading.
pub fn section_heading(ui: &mut Ui, which: Option<Icon>, text: &str) -> Response {
    let size = theme::type_size(ui, TYPE.heading);
    let ink = theme::color(theme::palette(ui).accent_ink);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = SPACE.s;
        if let Some(which) = which {
            icon(ui, which, size, ink);
        }
        let response = ui.add(egui::Label::new(theme::subheading(ui, text)).wrap());
        a11y::mark_heading(ui.ctx(), response.id, 2);
        response
    })
    .inner
}

/// The scroll area of a screen (or of one column of it): vertical, its
/// bar always shown. A bar that appears only when the content grows past
/// the window slides in over a dozen frames, and as it does the content
/// narrows and its text re-wraps, so whatever is under the pointer moves
/// (opening "More details" did that). At start-up those frames were also
/// a third of the CPU the welcome page cost above a bare window.
pub fn page_scroll() -> ScrollArea {
    ScrollArea::vertical().scroll_bar_visibility(ScrollBarVisibility::AlwaysVisible)
}

/// A card: an edge with rounded corners and room inside, on the page,
/// optionally headed. Takes the full width.
///
/// Cards are outlined, not filled. Where there is no graphics card (a
/// virtual machine, a remote desktop, an old laptop) every filled pixel is
/// shaded by the CPU on every frame: the two white cards on Today cost
/// about 7 ms of CPU a frame there, and two thirds of the extra CPU Today
/// spent at start-up above a bare eframe window (`scripts/startup.py`).
/// The page and card colours differed only faintly; the edge carries the
/// shape.
pub fn card<R>(
    ui: &mut Ui,
    heading: Option<(Icon, &str)>,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    let p = theme::palette(ui);
    Frame::new()
        .stroke(Stroke::new(STROKE.hairline, theme::color(p.border)))
        .corner_radius(CornerRadius::same(RADIUS.large))
        .inner_margin(Margin::same(margin(SPACE.l)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some((which, title)) = heading {
                section_heading(ui, Some(which), title);
                ui.add_space(SPACE.xs);
            }
            add_contents(ui)
        })
}

/// The card holding a screen's main task (the pain tap on Today): the same
/// card, its heading a step larger, so the eye lands there first.
pub fn lead_card<R>(
    ui: &mut Ui,
    which: Icon,
    title: &str,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    card(ui, None, |ui| {
        let size = theme::type_size(ui, TYPE.title);
        let ink = theme::color(theme::palette(ui).accent_ink);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = SPACE.s;
            icon(ui, which, size, ink);
            let text = RichText::new(title)
                .family(theme::bold_family())
                .size(size)
                .color(ui.visuals().strong_text_color());
            let response = ui.add(egui::Label::new(text).wrap());
            a11y::mark_heading(ui.ctx(), response.id, 2);
        });
        ui.add_space(SPACE.xs);
        add_contents(ui)
    })
}

/// Space before a new section of a screen.
pub fn section_gap(ui: &mut Ui) {
    ui.add_space(SPACE.l);
}

/// A margin in whole points (egui margins are integers).
pub fn margin(points: f32) -> i8 {
    // Token spacings are small whole numbers, well inside i8.
    points.round().clamp(0.0, 127.0) as i8
}

/// The main action of a screen: filled with the accent colour (greyed
/// when not `enabled`). Named by its words.
pub fn primary_button(ui: &mut Ui, enabled: bool, which: Option<Icon>, text: &str) -> Response {
    let p = theme::palette(ui);
    let ink = if enabled {
        theme::color(p.on_accent)
    } else {
        ui.visuals().weak_text_color()
    };
    let mut button = egui::Button::new(button_atoms(ui, which, text, ink))
        .corner_radius(CornerRadius::same(RADIUS.medium));
    if enabled {
        button = button.fill(theme::color(p.accent));
    }
    named(ui.add_enabled(enabled, button), text)
}

/// Any other action: outlined, in the text colour. Named by its words.
pub fn secondary_button(ui: &mut Ui, enabled: bool, which: Option<Icon>, text: &str) -> Response {
    let ink = if enabled {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let button = egui::Button::new(button_atoms(ui, which, text, ink))
        .corner_radius(CornerRadius::same(RADIUS.medium));
    named(ui.add_enabled(enabled, button), text)
}

fn button_atoms<'a>(ui: &Ui, which: Option<Icon>, text: &str, ink: Color32) -> egui::Atoms<'a> {
    let size = theme::body_size(ui);
    let mut atoms = egui::Atoms::default();
    if let Some(which) = which {
        atoms.push_right(icon_text(which, size).color(ink));
    }
    atoms.push_right(RichText::new(text).color(ink));
    atoms
}

fn named(response: Response, text: &str) -> Response {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, text));
    response
}

/// A pill that can be switched on and off (a choice among several, a tag).
/// When on, it is filled and shows a tick, so "on" never rests on colour.
pub fn chip(ui: &mut Ui, text: &str, selected: bool) -> Response {
    let size = theme::body_size(ui);
    let mut atoms = egui::Atoms::default();
    if selected {
        atoms.push_right(icon_text(Icon::Check, size));
    }
    atoms.push_right(text.to_owned());
    let button = egui::Button::selectable(selected, atoms)
        .frame_when_inactive(true)
        .corner_radius(CornerRadius::same(RADIUS.large));
    let response = ui.add(button);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, text));
    response
}

/// A colour swatch with words after it, for chart keys.
pub fn key_swatch(ui: &mut Ui, fill: Color32, stroke: Option<Color32>, text: &str) {
    let side = theme::small_size(ui);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let corner = CornerRadius::same(RADIUS.small / 2);
    ui.painter().rect_filled(rect, corner, fill);
    if let Some(s) = stroke {
        ui.painter().rect_stroke(
            rect,
            corner,
            Stroke::new(STROKE.hairline, s),
            egui::StrokeKind::Inside,
        );
    }
    ui.label(RichText::new(text).size(theme::small_size(ui)).weak());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_are_dropped_from_spoken_text() {
        let text = format!("{} Call an ambulance now", Icon::Ambulance.glyph());
        assert_eq!(without_icons(&text), "Call an ambulance now");
        assert_eq!(without_icons("Pain 7 – worse"), "Pain 7 – worse");
    }

    /// One frame of a window holding a page scroll area with `lines`
    /// lines of text, at `time` seconds; returns the width the content
    /// got and whether egui asked for another frame at once.
    fn page_frame(ctx: &egui::Context, lines: usize, time: f64) -> (f32, bool) {
        theme::apply(ctx, theme::ThemeChoice::Light, 100);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(600.0, 400.0),
            )),
            time: Some(time),
            ..egui::RawInput::default()
        };
        let mut width = 0.0;
        let mut out = ctx.run_ui(input, |ui| {
            page_scroll().show(ui, |ui| {
                width = ui.available_width();
                for i in 0..lines {
                    ui.label(format!("Line {i}"));
                }
            });
        });
        // No GPU to hand the font atlas to (egui asserts a delta is used).
        out.textures_delta.clear();
        let again = out
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay.is_zero());
        (width, again)
    }

    #[test]
    fn a_page_keeps_its_width_when_it_grows_past_the_window() {
        let short = egui::Context::default();
        let long = egui::Context::default();
        let (mut short_width, mut long_width) = (0.0, 0.0);
        for frame in 0..3 {
            let t = f64::from(frame) / 60.0;
            short_width = page_frame(&short, 2, t).0;
            long_width = page_frame(&long, 200, t).0;
        }
        assert_eq!(short_width, long_width);
    }

    /// A scroll bar that slides in repaints the whole window a dozen
    /// times; at start-up on software GL each of those frames costs
    /// 10 to 20 ms of CPU.
    #[test]
    fn a_long_page_goes_idle_after_its_first_frames() {
        let ctx = egui::Context::default();
        let mut asks_again = Vec::new();
        for frame in 0..6 {
            asks_again.push(page_frame(&ctx, 200, f64::from(frame) / 60.0).1);
        }
        assert_eq!(asks_again[2..], [false; 4], "{asks_again:?}");
    }
}

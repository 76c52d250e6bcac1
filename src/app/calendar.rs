//! The calendar of pain by day, drawn like a paper calendar: one small
//! month after another (Monday first), each day coloured by its pain on
//! the pain ramp. A day with no entry is an empty outline, so "not logged"
//! never looks like pain 0. The months wrap to the window's width and grow
//! with the text size.
//!
//! Every day is in the accessibility tree with its date and score (not a
//! Tab stop: a year would be 365 of them); hovering shows the same words.

use egui::{Align2, CornerRadius, FontId, Rect, RichText, Sense, Stroke, StrokeKind, Ui, vec2};
use jiff::civil::Date;

use super::{theme, ui_kit};
use crate::journal::plural;
use crate::journal::stats::DayPoint;
use crate::look::tokens::{RADIUS, SPACE, STROKE, TYPE};

/// One month's days in the range, in order.
struct Month<'a> {
    first: Date,
    days: &'a [DayPoint],
}

/// Splits consecutive days into calendar months.
fn months(days: &[DayPoint]) -> Vec<Month<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=days.len() {
        let split = i == days.len()
            || (days[i].date.year(), days[i].date.month())
                != (days[start].date.year(), days[start].date.month());
        if split {
            if let Some(d) = days.get(start) {
                out.push(Month {
                    first: d.date.first_of_month(),
                    days: &days[start..i],
                });
            }
            start = i;
        }
    }
    out
}

/// Where a day sits in its month's grid: (column from Monday, week row).
fn cell_of(date: Date) -> (usize, usize) {
    let first = date.first_of_month();
    let lead = usize::from(first.weekday().to_monday_zero_offset().unsigned_abs());
    let index = lead + usize::from(date.day().unsigned_abs()) - 1;
    (index % 7, index / 7)
}

/// What a day says to a screen reader and on hover.
pub fn day_text(d: &DayPoint) -> String {
    let date = d.date.strftime("%a %-d %b %Y");
    match d.pain {
        Some(p) => format!("{date}: pain {p}"),
        None => format!("{date}: no entry"),
    }
}

/// The calendar and its colour key.
pub fn calendar(ui: &mut Ui, days: &[DayPoint]) {
    let body = theme::body_size(ui);
    // A day is a comfortable square at any text size, but never so big
    // that fewer than two months fit side by side.
    let cell = (body * 1.9)
        .min(ui.available_width() / 16.5)
        .max(body * 1.2);
    let gap = (cell * 0.12).max(1.0);
    let months = ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(SPACE.xl, SPACE.m);
        for month in months(days) {
            month_block(ui, &month, cell, gap);
        }
    });
    // The whole calendar in one line; each day is its own node inside.
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        let logged = days.iter().filter(|d| d.pain.is_some()).count();
        let name = format!(
            "Calendar of pain by day, {} to {}: {} logged",
            first.date.strftime("%-d %b %Y"),
            last.date.strftime("%-d %b %Y"),
            plural(logged, "day", "days")
        );
        months
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &name));
    }
    ui.add_space(SPACE.s);
    key(ui);
}

fn month_block(ui: &mut Ui, month: &Month<'_>, cell: f32, gap: f32) {
    let p = theme::palette(ui);
    let small = theme::small_size(ui);
    let title_h = small * 1.6;
    let week_h = small * 1.4;
    let rows = month
        .days
        .last()
        .map_or(1, |d| cell_of(d.date).1 + 1)
        .max(5);
    let size = vec2(7.0 * cell, title_h + week_h + rows as f32 * cell);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect.expand(STROKE.focus));
    let weak = theme::color(p.text_weak);
    month_title(ui, &painter, month, rect.min, cell, title_h);
    let grid_top = rect.min + vec2(0.0, title_h + week_h);
    let number_font = FontId::proportional((cell * 0.42).min(small));
    let corner = CornerRadius::same(RADIUS.small);
    let hover = ui.input(|i| i.pointer.hover_pos());
    for d in month.days {
        let (col, row) = cell_of(d.date);
        let min = grid_top + vec2(col as f32 * cell, row as f32 * cell);
        let r = Rect::from_min_size(min, vec2(cell - gap, cell - gap));
        let number = d.date.day().to_string();
        match d.pain {
            Some(pain) => {
                painter.rect_filled(r, corner, theme::color(p.pain(pain)));
                painter.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    number,
                    number_font.clone(),
                    theme::color(p.on_pain(pain)),
                );
            }
            None => {
                painter.rect_stroke(
                    r,
                    corner,
                    Stroke::new(STROKE.hairline, theme::color(p.border)),
                    StrokeKind::Inside,
                );
                painter.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    number,
                    number_font.clone(),
                    weak,
                );
            }
        }
        // One node per day for screen readers; the hover text only where
        // the pointer is (cheap for a year of days).
        let id = ui.scope_id().with(("calendar_day", d.date));
        let response = ui.interact(r, id, Sense::hover());
        let words = day_text(d);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, &words));
        if hover.is_some_and(|h| r.contains(h)) {
            painter.rect_stroke(
                r,
                corner,
                Stroke::new(STROKE.control, theme::color(p.text_strong)),
                StrokeKind::Outside,
            );
            response.on_hover_text(words);
        }
    }
}

/// The month's name and the weekday letters above its grid.
fn month_title(
    ui: &Ui,
    painter: &egui::Painter,
    month: &Month<'_>,
    top_left: egui::Pos2,
    cell: f32,
    title_h: f32,
) {
    let p = theme::palette(ui);
    let small = theme::small_size(ui);
    let title_font = FontId::new(theme::type_size(ui, TYPE.small), theme::bold_family());
    let text = theme::color(p.text);
    let weak = theme::color(p.text_weak);
    painter.text(
        top_left,
        Align2::LEFT_TOP,
        month.first.strftime("%B %Y").to_string(),
        title_font,
        text,
    );
    let week_font = FontId::proportional(small);
    for (i, name) in ["M", "T", "W", "T", "F", "S", "S"].iter().enumerate() {
        painter.text(
            top_left + vec2((i as f32 + 0.5) * cell, title_h),
            Align2::CENTER_TOP,
            *name,
            week_font.clone(),
            weak,
        );
    }
}

/// The colour key: a few steps of the ramp and "no entry".
fn key(ui: &mut Ui) {
    let p = theme::palette(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Pain:").size(theme::small_size(ui)).weak());
        for pain in [0u8, 2, 4, 6, 8, 10] {
            ui_kit::key_swatch(ui, theme::color(p.pain(pain)), None, &pain.to_string());
        }
        ui.add_space(SPACE.s);
        ui_kit::key_swatch(
            ui,
            theme::color(p.surface),
            Some(theme::color(p.border)),
            "no entry",
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn day(d: Date, pain: Option<u8>) -> DayPoint {
        DayPoint {
            date: d,
            pain,
            rolling: None,
        }
    }

    #[test]
    fn days_fall_in_their_weekday_column() {
        // 1 November 2026 is a Sunday: the last column of the first row.
        assert_eq!(cell_of(date(2026, 11, 1)), (6, 0));
        assert_eq!(cell_of(date(2026, 11, 2)), (0, 1));
        assert_eq!(cell_of(date(2026, 11, 30)), (0, 5));
        // 1 June 2026 is a Monday.
        assert_eq!(cell_of(date(2026, 6, 1)), (0, 0));
    }

    #[test]
    fn consecutive_days_split_into_months() {
        let days: Vec<DayPoint> = (0..40)
            .map(|i| day(date(2026, 10, 20) + jiff::Span::new().days(i), None))
            .collect();
        let m = months(&days);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].first, date(2026, 10, 1));
        assert_eq!(m[0].days.len(), 12);
        assert_eq!(m[1].days.len(), 28);
        assert!(months(&[]).is_empty());
    }

    #[test]
    fn a_day_says_its_date_and_score() {
        assert_eq!(
            day_text(&day(date(2026, 11, 24), Some(5))),
            "Tue 24 Nov 2026: pain 5"
        );
        assert_eq!(
            day_text(&day(date(2026, 11, 24), None)),
            "Tue 24 Nov 2026: no entry"
        );
    }
}

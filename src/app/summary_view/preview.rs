//! The summary preview: the page model (`summary::build`) drawn as a calm,
//! paper-like panel, block by block, with its tables and the pain chart.
//! Apart from `summary_view.rs`, which holds the form and the cache.

use egui::{Color32, RichText, Ui};
use egui_plot::{Line, Plot, PlotPoints, Points};
use jiff::civil::Date;

use crate::app::{theme, ui_kit, widgets};
use crate::journal::stats;
use crate::look::tokens::{SPACE, STROKE};
use crate::summary::{self, Block, Summary, Tone};

/// The page model drawn as a calm, paper-like panel.
pub(super) fn preview(ui: &mut Ui, s: &Summary) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(egui::Margin::same(ui_kit::margin(SPACE.l)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&s.header.title).weak());
            ui.add(egui::Label::new(theme::subheading(ui, &s.title)).wrap());
            ui.horizontal_wrapped(|ui| {
                for f in &s.header.facts {
                    ui.label(RichText::new(format!("{}:", f.label)).strong());
                    ui.label(&f.value);
                    ui.add_space(SPACE.m);
                }
            });
            ui.label(RichText::new(&s.header.disclaimer).italics());
            for section in &s.sections {
                ui.separator();
                ui.label(
                    RichText::new(&section.title)
                        .strong()
                        .size(theme::body_size(ui) * 1.1),
                );
                for block in &section.blocks {
                    block_ui(ui, block);
                }
            }
            ui.separator();
            for line in &s.footer.lines {
                ui.label(RichText::new(line).small());
            }
            ui.label(RichText::new(&s.header.made_by).small().weak());
        });
}

fn tone_color(ui: &Ui, tone: Tone) -> Color32 {
    // Text colours tested for contrast on the page in both themes.
    let n = match tone {
        Tone::Neutral => 0,
        Tone::Calm => 1,
        Tone::Caution => 2,
        Tone::Urgent => 3,
    };
    theme::summary_tone(ui.visuals(), n)
}

fn block_ui(ui: &mut Ui, block: &Block) {
    match block {
        Block::Headline { tone, text } => {
            let color = tone_color(ui, *tone);
            ui.add(egui::Label::new(RichText::new(text).strong().color(color)).wrap());
        }
        Block::Subheading(t) => {
            ui.label(RichText::new(t).strong());
        }
        Block::Text { text, quote } => {
            let t = if *quote {
                RichText::new(format!("“{text}”")).italics()
            } else {
                RichText::new(text)
            };
            ui.add(egui::Label::new(t).wrap());
        }
        Block::Muted(t) => {
            ui.add(egui::Label::new(RichText::new(t).weak()).wrap());
        }
        Block::Field(f) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}:", f.label)).strong());
                ui.add(egui::Label::new(&f.value).wrap());
            });
        }
        Block::List(items) => {
            for i in items {
                widgets::bullet(ui, i);
            }
        }
        Block::Facts(facts) => {
            ui.horizontal_wrapped(|ui| {
                for f in facts {
                    ui.label(RichText::new(format!("{}:", f.label)).weak());
                    ui.label(RichText::new(&f.value).strong());
                    ui.add_space(SPACE.m);
                }
            });
        }
        Block::Table(t) => table_ui(ui, t),
        Block::Chart(c) => chart_ui(ui, c),
        // The "Where it hurts" line above says the same in words.
        Block::BodyMap(_) => {}
    }
}

fn table_ui(ui: &mut Ui, t: &summary::Table) {
    egui::Grid::new(ui.next_auto_id())
        .striped(true)
        .num_columns(t.columns.len())
        .show(ui, |ui| {
            for c in &t.columns {
                ui.label(RichText::new(&c.title).strong());
            }
            ui.end_row();
            for row in &t.rows {
                for cell in row {
                    ui.label(cell);
                }
                ui.end_row();
            }
        });
    for n in &t.notes {
        ui.label(RichText::new(n).weak());
    }
}

fn chart_ui(ui: &mut Ui, c: &summary::PainChart) {
    let x = |d: Date| stats::days_between(c.from, d) as f64;
    let daily: Vec<[f64; 2]> = c
        .daily
        .iter()
        .map(|(d, v)| [x(*d), f64::from(*v)])
        .collect();
    let rolling: Vec<[f64; 2]> = c
        .rolling
        .iter()
        .map(|(d, v)| [x(*d), f64::from(*v)])
        .collect();
    let chart = theme::palette(ui).chart;
    let accent = theme::color(chart.average);
    let dots = theme::color(chart.daily);
    let from = c.from;
    let shown = Plot::new(ui.next_auto_id())
        .height(140.0)
        // Dates on the axis, not day numbers.
        .x_axis_formatter(move |mark, _| {
            from.checked_add(jiff::Span::new().days(mark.value.round() as i64))
                .map(|d| d.strftime("%-d %b").to_string())
                .unwrap_or_default()
        })
        .include_y(0.0)
        .include_y(10.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .show(ui, |p| {
            p.points(
                Points::new("Pain", PlotPoints::new(daily))
                    .radius(STROKE.dot)
                    .color(dots),
            );
            p.line(
                Line::new("7-day average", PlotPoints::new(rolling))
                    .color(accent)
                    .width(STROKE.control),
            );
        });
    // The chart's text alternative is its caption.
    shown
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &c.caption));
    ui.add(egui::Label::new(RichText::new(&c.caption).small()).wrap());
}

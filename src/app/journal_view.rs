//! The Journal screen: every entry, newest first, with search, edit and
//! delete (with undo).
//!
//! Smooth with ten years of entries: rows have one fixed height and only the
//! rows in view (and one either side, so Tab can reach the next one) are
//! laid out; the filtered list is rebuilt only when the journal, the search
//! text or the deleted entries change.
//!
//! Safe to click fast: a deleted entry leaves a "Deleted" row in its place
//! (with "Bring back" where Edit was, and nothing where Delete was), so the
//! rows below never move up under the pointer, and the second click of a
//! double click does nothing. Each row reads text first, then Edit, then
//! Delete, for the keyboard and for screen readers.

use egui::{RichText, ScrollArea, Ui};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::command::{Command, Shortcut};
use super::icons::Icon;
use super::{a11y, focus, theme, widgets};
use crate::journal::{Entry, Journal, plural};
use crate::look::tokens::{RADIUS, SPACE, STROKE};

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Row {
    /// An index into `journal.entries()`.
    Entry(usize),
    /// An entry deleted in this session, shown where it was.
    Deleted(Date),
}

#[derive(Default)]
pub struct JournalScreen {
    search: String,
    /// Newest first, matching `search`.
    rows: Vec<Row>,
    built_for: Option<(u64, String, Vec<Date>)>,
    /// A key asked to scroll by a page, or to the start or the end.
    scroll_key: Option<egui::Key>,
}

impl JournalScreen {
    fn refresh(&mut self, journal: &Journal, revision: u64, deleted: &[Date]) {
        let key = (
            revision,
            self.search.trim().to_lowercase(),
            deleted.to_vec(),
        );
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        let needle = &key.1;
        let mut rows: Vec<(Date, Row)> = journal
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| needle.is_empty() || matches(e, needle))
            .map(|(i, e)| (e.date, Row::Entry(i)))
            .collect();
        if needle.is_empty() {
            rows.extend(
                deleted
                    .iter()
                    .filter(|d| journal.entry(**d).is_none())
                    .map(|d| (*d, Row::Deleted(*d))),
            );
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        rows.dedup_by_key(|r| r.0);
        self.rows = rows.into_iter().map(|(_, r)| r).collect();
        self.built_for = Some(key);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        revision: u64,
        tz: &TimeZone,
        deleted: &[Date],
        commands: &mut Vec<Command>,
    ) {
        a11y::hidden_heading(ui, "Journal");
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Search notes and tags");
            ui.add(egui::TextEdit::singleline(&mut self.search).desired_width(240.0))
                .labelled_by(l.id);
            if !self.search.is_empty() && ui.button("Clear search").clicked() {
                self.search.clear();
            }
            if ui
                .add_enabled(!deleted.is_empty(), egui::Button::new("Undo delete"))
                .on_hover_text(
                    Shortcut::UndoDelete.hint(ui.ctx(), "Bring back the last deleted entry"),
                )
                .clicked()
            {
                commands.push(Command::UndoDelete);
            }
        });
        self.refresh(journal, revision, deleted);
        let total = journal.entries().len();
        let shown = self
            .rows
            .iter()
            .filter(|r| matches!(r, Row::Entry(_)))
            .count();
        ui.label(
            RichText::new(if shown == total {
                plural(total, "entry", "entries")
            } else {
                format!("{shown} of {total} entries match")
            })
            .weak(),
        );
        ui.separator();
        if self.rows.is_empty() {
            widgets::hint(ui, "No entries yet. Log your pain on the Today screen.");
            return;
        }
        // Page Up / Page Down / Home / End scroll the list (unless typing).
        let typing = ui.ctx().egui_wants_keyboard_input();
        if !typing {
            ui.input(|i| {
                for key in [
                    egui::Key::PageDown,
                    egui::Key::PageUp,
                    egui::Key::Home,
                    egui::Key::End,
                ] {
                    if i.key_pressed(key) {
                        self.scroll_key = Some(key);
                    }
                }
            });
        }
        let body = theme::body_size(ui);
        // Two lines of text and a little room inside each card.
        let row_height = (body * 3.5).ceil();
        let count = self.rows.len();
        let mut area = ScrollArea::vertical()
            .id_salt("journal_rows")
            .auto_shrink([false, false]);
        if let Some(key) = self.scroll_key.take() {
            let id = ui.make_persistent_id("journal_rows");
            let offset =
                egui::scroll_area::State::load(ui.ctx(), id).map_or(0.0, |s| s.clamped_offset().y);
            let page = (ui.available_height() - row_height).max(row_height);
            let end = count as f32 * row_height;
            let target = match key {
                egui::Key::PageDown => offset + page,
                egui::Key::PageUp => offset - page,
                egui::Key::Home => 0.0,
                _ => end,
            };
            area = area.vertical_scroll_offset(target.clamp(0.0, end));
        }
        let list_id = ui.scope_id().with("journal_rows");
        area.show_viewport(ui, |ui, viewport| {
            ui.set_height(count as f32 * row_height);
            // The rows in view, and one more either side: Tab from the last
            // row in view reaches the next, which then scrolls into view.
            let first = ((viewport.min.y / row_height).floor() as usize).saturating_sub(1);
            let last = ((viewport.max.y / row_height).ceil() as usize + 1).min(count);
            for (n, row) in self.rows.iter().enumerate().take(last).skip(first) {
                let top = ui.min_rect().top() + n as f32 * row_height;
                let rect = egui::Rect::from_min_size(
                    egui::pos2(ui.min_rect().left(), top),
                    egui::vec2(
                        ui.available_width(),
                        row_height - ui.spacing().item_spacing.y,
                    ),
                );
                // An id of its own (not counted among the rows laid out
                // before it), so a row keeps its focus while the list scrolls.
                // Each day a card of its own; the deleted ones quieter.
                let p = theme::palette(ui);
                let fill = match row {
                    Row::Entry(_) => p.surface,
                    Row::Deleted(_) => p.faint,
                };
                ui.painter().rect(
                    rect,
                    RADIUS.medium,
                    theme::color(fill),
                    egui::Stroke::new(STROKE.hairline, theme::color(p.border)),
                    egui::StrokeKind::Inside,
                );
                let rect = rect.shrink2(egui::vec2(SPACE.s, 0.0));
                let id = list_id.with(("journal_row", row_date(journal, *row)));
                ui.scope_builder(
                    egui::UiBuilder::new().max_rect(rect).scope_id(id),
                    |ui| match row {
                        Row::Entry(i) => {
                            if let Some(e) = journal.entries().get(*i) {
                                entry_row(ui, e, tz, commands);
                            }
                        }
                        Row::Deleted(date) => deleted_row(ui, *date, commands),
                    },
                );
            }
            focus::follow(ui);
        });
    }
}

fn row_date(journal: &Journal, row: Row) -> Option<Date> {
    match row {
        Row::Entry(i) => journal.entries().get(i).map(|e| e.date),
        Row::Deleted(d) => Some(d),
    }
}

fn matches(e: &Entry, needle: &str) -> bool {
    e.note.to_lowercase().contains(needle)
        || e.tags.iter().any(|t| t.to_lowercase().contains(needle))
        || e.treatments
            .iter()
            .any(|t| t.to_lowercase().contains(needle))
        || e.medicines
            .iter()
            .any(|m| m.name.to_lowercase().contains(needle))
}

/// The long date of a row ("Tue 24 Nov 2026").
fn date_text(date: Date) -> String {
    date.strftime("%a %-d %b %Y").to_string()
}

/// The width the row's two buttons take, at the current text size.
/// A row button's words, after its icon (read out as the words alone).
fn with_icon(icon: Icon, words: &str) -> String {
    format!("{}  {words}", icon.glyph())
}

fn buttons_width(ui: &Ui) -> f32 {
    [
        with_icon(Icon::PencilSimple, "Edit"),
        with_icon(Icon::Trash, "Delete"),
    ]
    .iter()
    .map(|t| {
        egui::WidgetText::from(t.as_str())
            .into_galley(ui, None, f32::INFINITY, egui::TextStyle::Button)
            .size()
            .x
            + 2.0 * ui.spacing().button_padding.x
            + ui.spacing().item_spacing.x
    })
    .sum::<f32>()
        + ui.spacing().item_spacing.x
}

/// The row's text part and its buttons part, side by side.
fn split(ui: &Ui) -> (egui::Rect, egui::Rect) {
    let rect = ui.max_rect();
    let buttons = buttons_width(ui).min(rect.width());
    let (text, right) = rect.split_left_right_at_x(rect.right() - buttons);
    (text, right)
}

/// Lays out one part of a row (its text, or its buttons) in `rect`.
fn row_part<R>(ui: &mut Ui, rect: egui::Rect, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        add,
    )
    .inner
}

/// A click that is the second of a double click does nothing: one action
/// per click.
fn clicked_once(r: &egui::Response) -> bool {
    r.clicked() && !r.double_clicked() && !r.triple_clicked()
}

fn entry_row(ui: &mut Ui, e: &Entry, tz: &TimeZone, commands: &mut Vec<Command>) {
    let date = date_text(e.date);
    let (text_rect, buttons_rect) = split(ui);
    let spoken = row_part(ui, text_rect, |ui| entry_summary(ui, e, &date, tz));
    // The text first, for Tab and screen readers: one focusable node that
    // says the whole row.
    let text = ui.interact(
        text_rect,
        ui.unique_id().with("text"),
        egui::Sense::focusable_noninteractive(),
    );
    text.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, &spoken));
    row_part(ui, buttons_rect, |ui| {
        let edit = ui
            .button(with_icon(Icon::PencilSimple, "Edit"))
            .on_hover_text(format!("Edit the entry for {date}"));
        edit.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Edit {date}"))
        });
        if clicked_once(&edit) {
            commands.push(Command::OpenDay(e.date));
        }
        let del = ui
            .button(with_icon(Icon::Trash, "Delete"))
            .on_hover_text(format!("Delete the entry for {date}"));
        del.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Delete {date}"))
        });
        if clicked_once(&del) {
            commands.push(Command::DeleteEntry(e.date));
        }
    });
}

/// Where a deleted entry was: its date, and "Bring back" where Edit was.
fn deleted_row(ui: &mut Ui, date: Date, commands: &mut Vec<Command>) {
    let day = date_text(date);
    let (text_rect, buttons_rect) = split(ui);
    row_part(ui, text_rect, |ui| {
        ui.add(
            egui::Label::new(RichText::new(format!("Deleted: {day}")).italics().weak()).truncate(),
        );
    });
    row_part(ui, buttons_rect, |ui| {
        let back = ui
            .button("Bring back")
            .on_hover_text(format!("Bring back the entry for {day}"));
        back.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Bring back {day}"))
        });
        if clicked_once(&back) {
            commands.push(Command::BringBack(date));
        }
    });
}

/// Draws the row's text; returns it as one sentence for screen readers.
fn entry_summary(ui: &mut Ui, e: &Entry, date: &str, tz: &TimeZone) -> String {
    let body = theme::body_size(ui);
    // The pain as a coloured number.
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(body * 2.2, body * 2.2), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, RADIUS.medium, theme::pain_color(ui, e.pain));
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        e.pain.to_string(),
        egui::FontId::proportional(body * 1.1),
        theme::on_pain_color(ui, e.pain),
    );
    // Only warning signs count: "how long and how it is going" is not a
    // warning (issue 12 item 10), and is not shown as one.
    let k = crate::triage::knowledge();
    let warnings = e.symptoms.iter().filter(|id| k.is_warning_sign(id)).count();
    let mut parts = vec![format!("pain {}/10", e.pain)];
    if let Some(w) = e.worst.filter(|w| *w > e.pain) {
        parts.push(format!("worst {w}"));
    }
    if e.woke_at_night {
        parts.push("woke at night".to_owned());
    }
    let late = e.is_back_filled(tz);
    if late {
        parts.push("added later".to_owned());
    }
    let mut line = e.note.lines().next().unwrap_or("").to_owned();
    if line.is_empty() {
        line = e.tags.join(", ");
    }
    let warning_text = plural(warnings, "warning symptom", "warning symptoms");
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.horizontal(|ui| {
            ui.add(egui::Label::new(RichText::new(date).strong()).truncate());
            if warnings > 0 {
                // Truncates too: at large text it must not run under the
                // Edit and Delete buttons.
                ui.add(
                    egui::Label::new(
                        RichText::new(&warning_text).color(theme::warning_text(ui.visuals())),
                    )
                    .truncate(),
                );
            }
            // With no room left, leave it out rather than draw a lone "…"
            // against the buttons (the pain shows in the coloured box).
            if ui.available_width() > 2.0 * body {
                let r = ui.add(egui::Label::new(parts.join(" · ")).truncate());
                if late {
                    r.on_hover_text(
                        "This entry was written more than a day after the day it describes.",
                    );
                }
            }
        });
        ui.add(egui::Label::new(RichText::new(&line).weak()).truncate());
    });
    let mut spoken = format!("{date}: {}", parts.join(", "));
    if warnings > 0 {
        spoken.push_str(&format!(", {warning_text}"));
    }
    if !line.is_empty() {
        spoken.push_str(&format!(". {line}"));
    }
    spoken
}

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
//!
//! This file builds, counts and scrolls the list; each row is drawn in
//! `journal_view/row.rs`.

use egui::{RichText, ScrollArea, Ui};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::command::{Command, Shortcut};
use super::{a11y, focus, theme, ui_kit, widgets};
use crate::journal::{Entry, Journal, plural};
use crate::look::tokens::{RADIUS, SPACE, STROKE};

mod row;

use row::{deleted_row, entry_row};

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
        self.search_row(ui, deleted, commands);
        self.refresh(journal, revision, deleted);
        self.count_line(ui, journal);
        ui.separator();
        if self.rows.is_empty() {
            widgets::hint(ui, "No entries yet. Log your pain on the Today screen.");
            return;
        }
        self.read_scroll_keys(ui);
        self.rows_ui(ui, journal, tz, commands);
    }

    /// The search box, "Clear search" and "Undo delete".
    fn search_row(&mut self, ui: &mut Ui, deleted: &[Date], commands: &mut Vec<Command>) {
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
    }

    /// How many entries there are, or how many match the search.
    fn count_line(&self, ui: &mut Ui, journal: &Journal) {
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
    }

    /// Page Up / Page Down / Home / End scroll the list (unless typing).
    fn read_scroll_keys(&mut self, ui: &Ui) {
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
    }

    /// The list: one fixed-height card per row, only those in view laid out.
    fn rows_ui(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        tz: &TimeZone,
        commands: &mut Vec<Command>,
    ) {
        let body = theme::body_size(ui);
        // Two lines of text and a little room inside each card.
        let row_height = (body * 3.5).ceil();
        let count = self.rows.len();
        let area = self.scroll_area(ui, row_height, count);
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
                // Each day a card of its own (outlined, like every card:
                // see `ui_kit::card`); the deleted ones quieter, filled.
                let p = theme::palette(ui);
                let fill = match row {
                    Row::Entry(_) => egui::Color32::TRANSPARENT,
                    Row::Deleted(_) => theme::color(p.faint),
                };
                ui.painter().rect(
                    rect,
                    RADIUS.medium,
                    fill,
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

    /// The list's scroll area, moved by a page or to an end when a key
    /// asked for it.
    fn scroll_area(&mut self, ui: &Ui, row_height: f32, count: usize) -> ScrollArea {
        let mut area = ui_kit::page_scroll()
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
        area
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

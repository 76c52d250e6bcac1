//! The Journal screen: every entry, newest first, with search, edit and
//! delete (with undo).
//!
//! Smooth with ten years of entries: rows have one fixed height and only the
//! visible ones are laid out (`ScrollArea::show_rows`); the filtered list
//! of indices is rebuilt only when the journal or the search text changes.

use egui::{RichText, ScrollArea, Ui};
use jiff::tz::TimeZone;

use super::command::{Command, Shortcut};
use super::{theme, widgets};
use crate::journal::{Entry, Journal, plural};
use crate::look::tokens::RADIUS;

#[derive(Default)]
pub struct JournalScreen {
    search: String,
    /// Indices into `journal.entries()`, newest first, matching `search`.
    rows: Vec<usize>,
    built_for: Option<(u64, String)>,
}

impl JournalScreen {
    fn refresh(&mut self, journal: &Journal, revision: u64) {
        let key = (revision, self.search.trim().to_lowercase());
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        let needle = &key.1;
        self.rows = journal
            .entries()
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, e)| needle.is_empty() || matches(e, needle))
            .map(|(i, _)| i)
            .collect();
        self.built_for = Some(key);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        revision: u64,
        tz: &TimeZone,
        can_undo: bool,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Search notes and tags");
            ui.add(egui::TextEdit::singleline(&mut self.search).desired_width(240.0))
                .labelled_by(l.id);
            if !self.search.is_empty() && ui.button("Clear search").clicked() {
                self.search.clear();
            }
            if ui
                .add_enabled(can_undo, egui::Button::new("Undo delete"))
                .on_hover_text(
                    Shortcut::UndoDelete.hint(ui.ctx(), "Bring back the last deleted entry"),
                )
                .clicked()
            {
                commands.push(Command::UndoDelete);
            }
        });
        self.refresh(journal, revision);
        let total = journal.entries().len();
        let shown = self.rows.len();
        ui.label(
            RichText::new(if shown == total {
                plural(total, "entry", "entries")
            } else {
                format!("{shown} of {total} entries match")
            })
            .weak(),
        );
        ui.separator();
        if total == 0 {
            widgets::hint(ui, "No entries yet. Log your pain on the Today screen.");
            return;
        }
        let body = theme::body_size(ui);
        let row_height = (body * 2.9).ceil();
        ScrollArea::vertical()
            .id_salt("journal_rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.rows.len(), |ui, range| {
                for &i in &self.rows[range] {
                    let Some(e) = journal.entries().get(i) else {
                        continue;
                    };
                    ui.allocate_ui(
                        egui::vec2(
                            ui.available_width(),
                            row_height - ui.spacing().item_spacing.y,
                        ),
                        |ui| {
                            row(ui, e, tz, commands);
                        },
                    );
                }
            });
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

fn row(ui: &mut Ui, e: &Entry, tz: &TimeZone, commands: &mut Vec<Command>) {
    let date = e.date.strftime("%a %-d %b %Y").to_string();
    // Buttons first, from the right, so the text gets exactly what is left.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let del = ui
            .button("Delete")
            .on_hover_text(format!("Delete the entry for {date}"));
        del.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Delete {date}"))
        });
        if del.clicked() {
            commands.push(Command::DeleteEntry(e.date));
        }
        let edit = ui
            .button("Edit")
            .on_hover_text(format!("Edit the entry for {date}"));
        edit.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Edit {date}"))
        });
        if edit.clicked() {
            commands.push(Command::OpenDay(e.date));
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            entry_summary(ui, e, &date, tz);
        });
    });
}

fn entry_summary(ui: &mut Ui, e: &Entry, date: &str, tz: &TimeZone) {
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
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.horizontal(|ui| {
            ui.add(egui::Label::new(RichText::new(date).strong()).truncate());
            // Only warning signs count: "how long and how it is going" is
            // not a warning (issue 12 item 10).
            let k = crate::triage::knowledge();
            let warnings = e.symptoms.iter().filter(|id| k.is_warning_sign(id)).count();
            if warnings > 0 {
                // Truncates too: at large text it must not run under the
                // Edit and Delete buttons.
                ui.add(
                    egui::Label::new(
                        RichText::new(plural(warnings, "warning symptom", "warning symptoms"))
                            .color(ui.visuals().warn_fg_color),
                    )
                    .truncate(),
                );
            }
            // The rest on one line that ends with "…" rather than running
            // under the buttons at large text sizes.
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
        let mut line = e.note.lines().next().unwrap_or("").to_owned();
        if line.is_empty() {
            line = e.tags.join(", ");
        }
        ui.add(egui::Label::new(RichText::new(line).weak()).truncate());
    });
}

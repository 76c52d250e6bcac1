//! The Summary screen: choose the period and paper, write what the doctor
//! should know, and see what the printed page will hold. "Save PDF…" and
//! "Open to print" are commands: the PDF is made after the frame.
//!
//! The preview is the same page model the PDF is drawn from
//! (`summary::build`), cached per (journal revision, request, today, notes).
//!
//! Typing is never lost: the note and questions are on the preview as they
//! are typed, "Save PDF…" and "Open to print" save them first so the PDF
//! has them, and leaving the screen or closing the window saves them
//! (`App::navigate`, `App::save_now`). A change saved elsewhere (the paper,
//! a restore) never replaces what is typed but not yet saved.
//!
//! The preview itself is drawn in `summary_view/preview.rs`.

use egui::{RichText, Ui};
use jiff::Zoned;
use jiff::civil::Date;

use super::command::{Command, Shortcut};
use super::icons::Icon;
use super::{ui_kit, widgets};
use crate::journal::{Journal, MAX_QUESTIONS, SummaryNotes, stats};
use crate::look::tokens::SPACE;
use crate::summary::{self, Paper, Summary, SummaryRequest};
use crate::triage;

mod preview;

use preview::preview;

/// Journal revision, request, today and the notes as typed: what the built
/// page depends on.
type CacheKey = (u64, SummaryRequest, Date, SummaryNotes);

pub struct SummaryScreen {
    from: Date,
    to: Date,
    paper: Paper,
    with_entries: bool,
    doctor_note: String,
    questions: String,
    notes_revision: Option<u64>,
    /// The saved notes the form was last filled from: typing differs from
    /// them until it is saved.
    loaded: SummaryNotes,
    cache: Option<(CacheKey, Result<Summary, String>)>,
}

impl SummaryScreen {
    pub fn new(today: Date, journal: &Journal) -> Self {
        Self {
            from: summary_start(today),
            to: today,
            paper: journal.profile.paper,
            with_entries: false,
            doctor_note: String::new(),
            questions: String::new(),
            notes_revision: None,
            loaded: SummaryNotes::default(),
            cache: None,
        }
    }

    /// Midnight passed: a period that ended on the old day now ends today.
    pub fn day_changed(&mut self, old: Date, today: Date) {
        if self.to == old {
            self.to = today;
            if self.from == summary_start(old) {
                self.from = summary_start(today);
            }
        }
    }

    /// The profile's paper changed (a restore, or a reload).
    pub fn set_paper(&mut self, paper: Paper) {
        self.paper = paper;
    }

    /// The request as chosen on screen.
    pub fn request(&self) -> SummaryRequest {
        SummaryRequest {
            from: Some(self.from),
            to: Some(self.to),
            paper: Some(self.paper),
            with_entries: self.with_entries,
        }
    }

    /// "Save notes" (the button and Ctrl+S): the notes, if they changed.
    /// Nothing before the screen was first shown (nothing typed yet, and
    /// the empty form must not replace saved notes).
    pub fn save_command(&self, journal: &Journal) -> Option<Command> {
        self.notes_revision?;
        let typed = self.notes();
        (typed != journal.summary_notes).then_some(Command::SaveSummaryNotes(typed))
    }

    /// The notes as typed, ready to save.
    fn notes(&self) -> SummaryNotes {
        SummaryNotes {
            doctor_note: self.doctor_note.trim().to_owned(),
            questions: self
                .questions
                .lines()
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        revision: u64,
        now: &Zoned,
        commands: &mut Vec<Command>,
    ) {
        if self.notes_revision != Some(revision) {
            // Show the saved notes (after a save, restore or first open),
            // unless something is typed and not saved: that stays.
            let unsaved = self.notes_revision.is_some() && self.notes() != self.loaded;
            if !unsaved {
                self.doctor_note = journal.summary_notes.doctor_note.clone();
                self.questions = journal.summary_notes.questions.join("\n");
            }
            self.loaded = journal.summary_notes.clone();
            self.notes_revision = Some(revision);
        }
        ui.horizontal_wrapped(|ui| {
            super::a11y::heading(ui, RichText::new("Summary for your doctor").heading(), 1);
        });
        ui_kit::card(ui, None, |ui| {
            self.period_row(ui, now.date());
            self.paper_row(ui, commands);
            self.actions(ui, journal, revision, now, commands);
        });
        ui.add_space(SPACE.s);
        ui_kit::page_scroll()
            .id_salt("summary_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui_kit::card(ui, Some((Icon::PencilSimple, "For the page")), |ui| {
                    self.notes_ui(ui, journal, commands);
                });
                ui_kit::section_gap(ui);
                ui_kit::card(
                    ui,
                    Some((Icon::FileText, "What the page will show")),
                    |ui| match self.current(journal, revision, now) {
                        Ok(s) => preview(ui, s),
                        Err(e) => {
                            ui.colored_label(widgets::error_color(ui), e);
                        }
                    },
                );
                super::focus::follow(ui);
            });
    }

    /// From and to, with quick choices.
    fn period_row(&mut self, ui: &mut Ui, today: Date) {
        ui.horizontal_wrapped(|ui| {
            ui.label("From");
            ui.add(
                egui_extras::DatePickerButton::new(&mut self.from)
                    .id_salt("summary_from")
                    .show_icon(false)
                    .calendar_week(false),
            );
            ui.label("to");
            ui.add(
                egui_extras::DatePickerButton::new(&mut self.to)
                    .id_salt("summary_to")
                    .show_icon(false)
                    .calendar_week(false),
            );
            for (days, label) in [(30, "Last 30 days"), (90, "Last 90 days")] {
                if ui.button(label).clicked() {
                    self.to = today;
                    self.from = stats::Period::ending(today, days).from;
                }
            }
        });
    }

    /// The paper (remembered in the profile) and the list of entries.
    fn paper_row(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Paper");
            for p in [Paper::A4, Paper::Letter] {
                if ui.radio(self.paper == p, p.label()).clicked() && self.paper != p {
                    self.paper = p;
                    // Remembered: most people print on one size of paper.
                    commands.push(Command::SetPaper(p));
                }
            }
            ui.checkbox(
                &mut self.with_entries,
                "Add a list of every entry (extra pages)",
            );
        });
    }

    /// "Save PDF…" and "Open to print", when the page can be made.
    fn actions(
        &mut self,
        ui: &mut Ui,
        journal: &Journal,
        revision: u64,
        now: &Zoned,
        commands: &mut Vec<Command>,
    ) {
        let request = self.request();
        ui.horizontal_wrapped(|ui| {
            let ok = self.current(journal, revision, now).is_ok();
            if ui_kit::primary_button(ui, ok, Some(Icon::Download), "Save PDF…")
                .on_hover_text("Choose where to save the one-page summary")
                .clicked()
            {
                // The notes as typed go on the page: saved first.
                commands.extend(self.save_command(journal));
                commands.push(Command::SavePdf(request.clone()));
            }
            if ui_kit::secondary_button(ui, ok, Some(Icon::Printer), "Open to print")
                .on_hover_text("Open the summary in your PDF viewer, then print it from there")
                .clicked()
            {
                commands.extend(self.save_command(journal));
                commands.push(Command::OpenPdf(request.clone()));
            }
        });
    }

    /// What the person wants the doctor to know, and their questions.
    fn notes_ui(&mut self, ui: &mut Ui, journal: &Journal, commands: &mut Vec<Command>) {
        let l = ui.label("What I want the doctor to know");
        ui.add(
            egui::TextEdit::multiline(&mut self.doctor_note)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        let l = ui.label(format!("My questions (one a line, up to {MAX_QUESTIONS})"));
        ui.add(
            egui::TextEdit::multiline(&mut self.questions)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        let typed = self.notes();
        if typed.questions.len() > MAX_QUESTIONS {
            ui.colored_label(
                widgets::error_color(ui),
                format!("Keep to {MAX_QUESTIONS} questions: the page has room for that many."),
            );
        }
        let unchanged = typed == journal.summary_notes;
        if ui
            .add_enabled(!unchanged, egui::Button::new("Save notes"))
            .on_hover_text(Shortcut::Save.hint(ui.ctx(), "Save your notes for the doctor"))
            .clicked()
        {
            commands.push(Command::SaveSummaryNotes(typed));
        }
    }

    /// The page for the current choices (built once per change).
    fn current(
        &mut self,
        journal: &Journal,
        revision: u64,
        now: &Zoned,
    ) -> Result<&Summary, String> {
        let key = (revision, self.request(), now.date(), self.notes());
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            // The notes as typed, saved or not.
            let typed;
            let source = if key.3 == journal.summary_notes {
                journal
            } else {
                let mut j = journal.clone();
                j.summary_notes = key.3.clone();
                typed = j;
                &typed
            };
            let built = summary::build(source, triage::knowledge(), &key.1, now)
                .map_err(|e| format!("Change the dates: {e}."));
            self.cache = Some((key, built));
        }
        match self.cache.as_ref().map(|(_, s)| s) {
            Some(Ok(s)) => Ok(s),
            Some(Err(e)) => Err(e.clone()),
            None => Err("The summary could not be made.".to_owned()),
        }
    }
}

fn summary_start(today: Date) -> Date {
    stats::Period::ending(today, summary::DEFAULT_DAYS).from
}

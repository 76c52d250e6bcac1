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

use egui::{Color32, RichText, ScrollArea, Ui};
use egui_plot::{Line, Plot, PlotPoints, Points};
use jiff::Zoned;
use jiff::civil::Date;

use super::command::{Command, Shortcut};
use super::icons::Icon;
use super::{theme, ui_kit, widgets};
use crate::journal::{Journal, MAX_QUESTIONS, SummaryNotes, stats};
use crate::look::tokens::{SPACE, STROKE};
use crate::summary::{self, Block, Paper, Summary, SummaryRequest, Tone};
use crate::triage;

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
        ScrollArea::vertical()
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

/// The page model drawn as a calm, paper-like panel.
fn preview(ui: &mut Ui, s: &Summary) {
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

//! The Summary screen: choose the period and paper, write what the doctor
//! should know, and see what the printed page will hold. "Save PDF…" and
//! "Open to print" are commands: the PDF is made after the frame.
//!
//! The preview is the same page model the PDF is drawn from
//! (`summary::build`), cached per (journal revision, request, today).

use egui::{Color32, RichText, ScrollArea, Ui};
use egui_plot::{Line, Plot, PlotPoints, Points};
use jiff::Zoned;
use jiff::civil::Date;

use super::command::{Command, Shortcut};
use super::{theme, ui_kit, widgets};
use crate::journal::{Journal, MAX_QUESTIONS, SummaryNotes, stats};
use crate::look::tokens::{SPACE, STROKE};
use crate::summary::{self, Block, Paper, Summary, SummaryRequest, Tone};
use crate::triage;

/// Journal revision, request and today: what the built page depends on.
type CacheKey = (u64, SummaryRequest, Date);

pub struct SummaryScreen {
    from: Date,
    to: Date,
    paper: Paper,
    with_entries: bool,
    doctor_note: String,
    questions: String,
    notes_revision: Option<u64>,
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
            cache: None,
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
    pub fn save_command(&self, journal: &Journal) -> Option<Command> {
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
            // Show the saved notes (after a save, restore or first open).
            self.doctor_note = journal.summary_notes.doctor_note.clone();
            self.questions = journal.summary_notes.questions.join("\n");
            self.notes_revision = Some(revision);
        }
        ui.horizontal_wrapped(|ui| {
            ui.heading("Summary for your doctor");
        });
        self.period_row(ui, now.date());
        self.paper_row(ui, commands);
        self.actions(ui, journal, revision, now, commands);
        ui.separator();
        ScrollArea::vertical()
            .id_salt("summary_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.notes_ui(ui, journal, commands);
                widgets::section(ui, "What the page will show");
                match self.current(journal, revision, now) {
                    Ok(s) => preview(ui, s),
                    Err(e) => {
                        ui.colored_label(widgets::error_color(ui), e);
                    }
                }
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
            if ui
                .add_enabled(ok, egui::Button::new(RichText::new("Save PDF…").strong()))
                .on_hover_text("Choose where to save the one-page summary")
                .clicked()
            {
                commands.push(Command::SavePdf(request.clone()));
            }
            if ui
                .add_enabled(ok, egui::Button::new("Open to print"))
                .on_hover_text("Open the summary in your PDF viewer, then print it from there")
                .clicked()
            {
                commands.push(Command::OpenPdf(request.clone()));
            }
        });
    }

    /// What the person wants the doctor to know, and their questions.
    fn notes_ui(&mut self, ui: &mut Ui, journal: &Journal, commands: &mut Vec<Command>) {
        widgets::section(ui, "For the page");
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
        let key = (revision, self.request(), now.date());
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let built = summary::build(journal, triage::knowledge(), &key.1, now)
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
    match tone {
        Tone::Neutral => ui.visuals().strong_text_color(),
        Tone::Calm => theme::level_ink(ui, triage::Level::SelfCare),
        Tone::Caution => ui.visuals().warn_fg_color,
        Tone::Urgent => ui.visuals().error_fg_color,
    }
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
    if let Some(n) = &t.note {
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
    Plot::new(ui.next_auto_id())
        .height(140.0)
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
    ui.add(egui::Label::new(RichText::new(&c.caption).small()).wrap());
}

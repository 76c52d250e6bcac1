//! The Today screen: log a day's pain. One tap on a number saves the day;
//! everything else is optional detail, saved with "Save" (Ctrl+S).
//!
//! The form holds an `EntryDraft`, which the app keeps in `ui.ron` until it
//! is saved, so nothing typed is lost by closing the window or switching
//! screens. Ticking a warning symptom shows the triage banner right here.
//!
//! This file holds the screen's state and the scrolling form; the pinned
//! part above it (the day, "Save", the banner) is in `today/pinned.rs`, the
//! optional details in `today/details.rs`, and the scroll anchoring in
//! `today/anchor.rs`.

use std::collections::BTreeSet;

use egui::Ui;
use jiff::civil::Date;

mod anchor;
mod details;
mod pinned;

use super::banner::Numbers;
use super::command::Command;
use super::icons::Icon;
use super::{attention_view, focus, theme, ui_kit, widgets};
use crate::journal::attention::Notice;
use crate::journal::{EntryDraft, Journal, stats};
use crate::triage::{self, Assessment};

pub struct TodayScreen {
    pub draft: EntryDraft,
    /// The draft differs from what is saved for its day.
    pub dirty: bool,
    new_tag: String,
    new_medicine: String,
    new_treatment: String,
    /// The banner for the day's warning symptoms, and what it was worked out
    /// from (symptoms, age, history): it is redone whenever any of them
    /// changes, whether by a tick, by opening a saved day, or in Settings.
    symptom_result: Option<Assessment<'static>>,
    symptom_inputs: Option<SymptomInputs>,
    /// Earlier tags, most used first, and the (journal revision, today)
    /// they were counted for.
    known_tags: Vec<String>,
    tags_key: Option<(u64, Date)>,
    error: Option<String>,
    /// Last frame's height of the pinned part and the form's scroll offset.
    /// When the banner comes, goes or changes size, the form scrolls to make
    /// up for it (see `keep_in_place`).
    steady: Option<(f32, f32)>,
    /// Where the symptom box just ticked or unticked was on the screen.
    ticked: Option<egui::Rect>,
}

/// Days of the journal whose tags are offered again, and how many.
const TAG_DAYS: u32 = 730;
const TAGS_OFFERED: usize = 12;

type SymptomInputs = (BTreeSet<String>, Option<u8>, BTreeSet<String>);

/// What the rest of the app tells the Today screen.
pub struct TodayContext<'a> {
    pub today: Date,
    pub journal: &'a Journal,
    pub revision: u64,
    pub age: Option<u8>,
}

impl TodayScreen {
    pub fn new(draft: EntryDraft, dirty: bool) -> Self {
        Self {
            draft,
            dirty,
            new_tag: String::new(),
            new_medicine: String::new(),
            new_treatment: String::new(),
            symptom_result: None,
            symptom_inputs: None,
            known_tags: Vec::new(),
            tags_key: None,
            error: None,
            steady: None,
            ticked: None,
        }
    }

    /// Loads a day: its saved entry, or an empty form.
    pub fn load_day(&mut self, journal: &Journal, date: Date) {
        self.draft = journal
            .entry(date)
            .map_or_else(|| EntryDraft::new(date), EntryDraft::from_entry);
        self.dirty = false;
        self.error = None;
        self.steady = None;
    }

    pub fn set_error(&mut self, e: Option<String>) {
        self.error = e;
    }

    fn refresh_symptom_result(&mut self, age: Option<u8>, history: &BTreeSet<String>) {
        if self
            .symptom_inputs
            .as_ref()
            .is_some_and(|(s, a, h)| *s == self.draft.symptoms && *a == age && h == history)
        {
            return;
        }
        self.symptom_inputs = Some((self.draft.symptoms.clone(), age, history.clone()));
        if self.draft.symptoms.is_empty() {
            self.symptom_result = None;
            return;
        }
        let ids: BTreeSet<&String> = self.draft.symptoms.iter().chain(history).collect();
        // Without an age, the most cautious age, as the Check does.
        self.symptom_result = triage::knowledge()
            .assess_cautious(age, ids)
            .ok()
            .flatten()
            .map(|c| c.assessment);
    }

    /// Earlier activities and triggers, most used first: the statistics'
    /// count (grouped ignoring case, as the summary counts them) over the
    /// last two years, which are plenty for suggestions.
    fn refresh_tags(&mut self, ctx: &TodayContext<'_>) {
        let key = (ctx.revision, ctx.today);
        if self.tags_key == Some(key) {
            return;
        }
        self.tags_key = Some(key);
        let period = stats::Period::ending(ctx.today, TAG_DAYS);
        self.known_tags = stats::period_stats(ctx.journal.entries(), period)
            .triggers
            .into_iter()
            .take(TAGS_OFFERED)
            .map(|c| c.item)
            .collect();
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &TodayContext<'_>,
        history: &BTreeSet<String>,
        numbers: Numbers<'_>,
        attention: Option<&Notice>,
        commands: &mut Vec<Command>,
    ) {
        self.refresh_tags(ctx);
        self.refresh_symptom_result(ctx.age, history);
        let before = self.draft.clone();

        // Pinned: which day, the save button, and the banner.
        let pinned_top = ui.cursor().top();
        self.day_bar(ui, ctx, commands);
        self.save_row(ui, ctx, commands);
        self.banner(ui, ctx, numbers, commands);
        // What the journal shows, unless the day's own banner says as much.
        if let Some(n) = attention.filter(|n| {
            self.symptom_result
                .as_ref()
                .is_none_or(|a| a.level < n.level)
        }) {
            attention_view::show(ui, n, numbers, commands);
        }
        ui.separator();
        let form_top = ui.cursor().top();
        let pinned = form_top - pinned_top;

        let mut form = ui_kit::page_scroll()
            .id_salt("today_scroll")
            .auto_shrink([false, false]);
        let ticked = self.ticked.take();
        if let Some((was, offset)) = self.steady
            && (pinned - was).abs() > 0.5
        {
            let anchor = ticked.or_else(|| anchor::pointer_or_focus(ui));
            form = form.vertical_scroll_offset(anchor::keep_in_place(
                anchor,
                pinned_top + was,
                form_top,
                offset,
            ));
        }
        let shown = form.show(ui, |ui| {
            self.form(ui, ctx, history, commands);
            focus::follow(ui);
        });
        self.steady = Some((pinned, shown.state.clamped_offset().y));

        if self.draft != before {
            self.dirty = true;
            commands.push(Command::DraftChanged);
        }
    }

    /// The scrolling form: pain now, the details, symptoms and notes.
    fn form(
        &mut self,
        ui: &mut Ui,
        ctx: &TodayContext<'_>,
        history: &BTreeSet<String>,
        commands: &mut Vec<Command>,
    ) {
        // The one tap that matters most comes first, in its own card, at
        // the largest size.
        ui_kit::lead_card(ui, Icon::NotePencil, "How bad is the pain now?", |ui| {
            // Which day a tap saves, in words: a past day is named.
            let day = if self.draft.date == ctx.today {
                "today".to_owned()
            } else {
                self.draft.date.strftime("%A %-d %B").to_string()
            };
            widgets::hint(
                ui,
                &format!(
                    "0 is no pain, 10 is the worst pain you can imagine. One tap saves {day}."
                ),
            );
            if let Some(p) = details::score_row(ui, "Pain now", self.draft.pain, 1.6) {
                self.draft.pain = Some(p);
                let mut quick = self.draft.clone();
                quick.pain = Some(p);
                commands.push(Command::SaveEntry(quick));
            }
        });
        ui_kit::section_gap(ui);
        ui_kit::card(ui, None, |ui| {
            egui::CollapsingHeader::new(theme::subheading(ui, "More details (optional)"))
                .id_salt("today_details")
                .default_open(true)
                .show(ui, |ui| self.details(ui, ctx));
        });

        self.symptoms(ui, ctx, history);

        ui_kit::section_gap(ui);
        ui_kit::card(ui, Some((Icon::PencilSimple, "Notes")), |ui| {
            let l = ui.label("Anything else about today");
            ui.add(
                egui::TextEdit::multiline(&mut self.draft.note)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        });
    }

    /// The warning symptoms, in the knowledge file's groups, then how long
    /// the pain has lasted and how it is going, under its own neutral
    /// heading: those are not warning signs (issue 12 item 10).
    fn symptoms(&mut self, ui: &mut Ui, ctx: &TodayContext<'_>, history: &BTreeSet<String>) {
        let mut symptoms_changed = false;
        for warning in [true, false] {
            ui_kit::section_gap(ui);
            let (icon, title, hint) = if warning {
                (
                    Icon::WarningCircle,
                    "Warning symptoms today",
                    "Tick any that you have today. If one needs care, the advice shows at the top.",
                )
            } else {
                (
                    Icon::ChartLineUp,
                    "How it is going",
                    "Tick any that are true. These are not warning signs.",
                )
            };
            ui_kit::card(ui, Some((icon, title)), |ui| {
                widgets::hint(ui, hint);
                symptoms_changed |= self.symptom_groups(ui, warning);
            });
        }
        if symptoms_changed {
            self.refresh_symptom_result(ctx.age, history);
            // Show the banner at once, not at the next input.
            ui.ctx().request_repaint();
        }
    }

    /// The symptom groups that are warning signs (or not); true on a change.
    fn symptom_groups(&mut self, ui: &mut Ui, warning: bool) -> bool {
        let k = triage::knowledge();
        let mut symptoms_changed = false;
        for g in k
            .groups()
            .iter()
            .filter(|g| g.watch && !g.history && g.warning == warning)
        {
            egui::CollapsingHeader::new(&g.title)
                .id_salt(("today_group", &g.id))
                .default_open(
                    g.open
                        || k.findings_in(&g.id)
                            .any(|f| self.draft.symptoms.contains(&f.id)),
                )
                .show(ui, |ui| {
                    for f in k.findings_in(&g.id) {
                        let mut on = self.draft.symptoms.contains(&f.id);
                        let r = ui.checkbox(&mut on, &f.label).on_hover_text(&f.why);
                        if r.changed() {
                            self.ticked = Some(r.rect);
                            if on {
                                self.draft.symptoms.insert(f.id.clone());
                            } else {
                                self.draft.symptoms.remove(&f.id);
                            }
                            symptoms_changed = true;
                        }
                    }
                });
        }
        symptoms_changed
    }
}

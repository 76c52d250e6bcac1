//! The Today screen: log a day's pain. One tap on a number saves the day;
//! everything else is optional detail, saved with "Save" (Ctrl+S).
//!
//! The form holds an `EntryDraft`, which the app keeps in `ui.ron` until it
//! is saved, so nothing typed is lost by closing the window or switching
//! screens. Ticking a warning symptom shows the triage banner right here.

use std::collections::BTreeSet;

use egui::{RichText, ScrollArea, Ui};
use jiff::civil::Date;

use super::command::Command;
use super::{body_map, theme, widgets};
use crate::journal::{EntryDraft, Journal, MedicineTaken, Quality};
use crate::triage::{self, Assessment, Level};

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
    /// Earlier tags, most used first (recomputed when the journal changes).
    known_tags: Vec<String>,
    tags_revision: Option<u64>,
    error: Option<String>,
    /// Last frame's height of the pinned part and the form's scroll offset.
    /// When the banner comes, goes or changes size, the form scrolls to make
    /// up for it (see `keep_in_place`).
    steady: Option<(f32, f32)>,
    /// Where the symptom box just ticked or unticked was on the screen.
    ticked: Option<egui::Rect>,
}

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
            tags_revision: None,
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

    fn refresh_tags(&mut self, ctx: &TodayContext<'_>) {
        if self.tags_revision == Some(ctx.revision) {
            return;
        }
        self.tags_revision = Some(ctx.revision);
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        // The last two years are plenty for suggestions.
        for e in ctx.journal.entries().iter().rev().take(730) {
            for t in &e.tags {
                *counts.entry(t.as_str()).or_default() += 1;
            }
        }
        let mut tags: Vec<(&str, usize)> = counts.into_iter().collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        self.known_tags = tags
            .into_iter()
            .take(12)
            .map(|(t, _)| t.to_owned())
            .collect();
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &TodayContext<'_>,
        history: &BTreeSet<String>,
        emergency_number: &str,
        commands: &mut Vec<Command>,
    ) {
        self.refresh_tags(ctx);
        self.refresh_symptom_result(ctx.age, history);
        let before = self.draft.clone();
        let saved = ctx.journal.entry(self.draft.date);

        // Pinned: which day, and the save button.
        let pinned_top = ui.cursor().top();
        ui.horizontal_wrapped(|ui| {
            let day_label = if self.draft.date == ctx.today {
                "Today".to_owned()
            } else {
                // The short form in narrow rows (large text), so the buttons
                // fit beside it.
                let roomy =
                    ui.available_width() > 50.0 * ui.text_style_height(&egui::TextStyle::Body);
                let format = if roomy {
                    "%A %-d %B %Y"
                } else {
                    "%a %-d %b %Y"
                };
                self.draft.date.strftime(format).to_string()
            };
            ui.label(theme::subheading(ui, day_label));
            if ui.button("Previous day").clicked()
                && let Ok(d) = self.draft.date.yesterday()
            {
                commands.push(Command::OpenDay(d));
            }
            if self.draft.date < ctx.today
                && ui.button("Next day").clicked()
                && let Ok(d) = self.draft.date.tomorrow()
            {
                commands.push(Command::OpenDay(d));
            }
            let mut picked = self.draft.date;
            let picker = ui.add(
                egui_extras::DatePickerButton::new(&mut picked)
                    .id_salt("today_date")
                    .show_icon(false)
                    .calendar_week(false),
            );
            if picker.changed() && picked != self.draft.date && picked <= ctx.today {
                commands.push(Command::OpenDay(picked));
            }
            if self.draft.date != ctx.today && ui.button("Back to today").clicked() {
                commands.push(Command::OpenDay(ctx.today));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = if saved.is_some() {
                "Save changes"
            } else {
                "Save"
            };
            if ui
                .add_enabled(
                    self.draft.pain.is_some(),
                    egui::Button::new(RichText::new(label).strong()),
                )
                .on_hover_text("Save this day (Ctrl+S)")
                .on_disabled_hover_text("Choose a pain number first")
                .clicked()
            {
                commands.push(Command::SaveEntry(self.draft.clone()));
            }
            if self.dirty {
                ui.label(
                    RichText::new("Not saved yet. Your typing is kept until you save.").weak(),
                );
            } else if saved.is_some() {
                ui.label(RichText::new("Saved.").weak());
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(widgets::error_color(ui), e);
        }
        if let Some(a) = &self.symptom_result {
            if self.draft.date != ctx.today {
                ui.label(format!(
                    "Noted on {}. If you have them now:",
                    self.draft.date.strftime("%a %-d %b")
                ));
            }
            let text = widgets::BannerText {
                advice: a.advice,
                action: a.first_action(),
            };
            widgets::level_banner(ui, text, emergency_number);
            if a.level > Level::SelfCare
                && ui
                    .button("See why, and what to watch for")
                    .on_hover_text("Opens the symptom check with these symptoms ticked")
                    .clicked()
            {
                commands.push(Command::CheckWithSymptoms(self.draft.symptoms.clone()));
            }
        }
        ui.separator();
        let form_top = ui.cursor().top();
        let pinned = form_top - pinned_top;

        let mut form = ScrollArea::vertical()
            .id_salt("today_scroll")
            .auto_shrink([false, false]);
        let ticked = self.ticked.take();
        if let Some((was, offset)) = self.steady
            && (pinned - was).abs() > 0.5
        {
            let anchor = ticked.or_else(|| pointer_or_focus(ui));
            form = form.vertical_scroll_offset(keep_in_place(
                anchor,
                pinned_top + was,
                form_top,
                offset,
            ));
        }
        let shown = form.show(ui, |ui| {
            widgets::section(ui, "How bad is the pain now?");
            widgets::hint(
                ui,
                "0 is no pain, 10 is the worst pain you can imagine. One tap saves the day.",
            );
            if let Some(p) = score_row(ui, "Pain now", self.draft.pain, 1.6) {
                self.draft.pain = Some(p);
                let mut quick = self.draft.clone();
                quick.pain = Some(p);
                commands.push(Command::SaveEntry(quick));
            }

            egui::CollapsingHeader::new(theme::subheading(ui, "More details (optional)"))
                .id_salt("today_details")
                .default_open(true)
                .show(ui, |ui| self.details(ui, ctx));

            widgets::section(ui, "Warning symptoms today");
            widgets::hint(
                ui,
                "Tick any that you have today. If one needs care, the advice shows at the top.",
            );
            let k = triage::knowledge();
            let mut symptoms_changed = false;
            for g in k.groups().iter().filter(|g| g.watch && !g.history) {
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
            if symptoms_changed {
                self.refresh_symptom_result(ctx.age, history);
                // Show the banner at once, not at the next input.
                ui.ctx().request_repaint();
            }

            widgets::section(ui, "Notes");
            let l = ui.label("Anything else about today");
            ui.add(
                egui::TextEdit::multiline(&mut self.draft.note)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        });
        self.steady = Some((pinned, shown.state.clamped_offset().y));

        if self.draft != before {
            self.dirty = true;
            commands.push(Command::DraftChanged);
        }
    }

    fn details(&mut self, ui: &mut Ui, ctx: &TodayContext<'_>) {
        ui.label(RichText::new("Worst pain today").strong());
        if let Some(v) = score_row(ui, "Worst pain today", self.draft.worst, 1.0) {
            self.draft.worst = if self.draft.worst == Some(v) {
                None
            } else {
                Some(v)
            };
        }
        widgets::section(ui, "Where does it hurt?");
        widgets::hint(ui, "Click the places that hurt. Click again to clear.");
        body_map::body_map(ui, &mut self.draft.regions);

        widgets::section(ui, "What does it feel like?");
        ui.horizontal_wrapped(|ui| {
            for &q in Quality::ALL {
                let mut on = self.draft.qualities.contains(&q);
                if ui.checkbox(&mut on, q.label()).changed() {
                    if on {
                        self.draft.qualities.insert(q);
                    } else {
                        self.draft.qualities.remove(&q);
                    }
                }
            }
        });
        ui.checkbox(
            &mut self.draft.woke_at_night,
            "The pain woke me in the night",
        );

        widgets::section(ui, "How much did it get in the way?");
        ui.label("Of your normal activities (0 not at all, 10 completely)");
        if let Some(v) = score_row(ui, "Got in the way of activities", self.draft.activity, 1.0) {
            self.draft.activity = if self.draft.activity == Some(v) {
                None
            } else {
                Some(v)
            };
        }
        ui.label("Of your enjoyment of life (0 not at all, 10 completely)");
        if let Some(v) = score_row(ui, "Got in the way of enjoyment", self.draft.enjoyment, 1.0) {
            self.draft.enjoyment = if self.draft.enjoyment == Some(v) {
                None
            } else {
                Some(v)
            };
        }

        widgets::section(ui, "Sleep");
        ui.horizontal(|ui| {
            let l = ui.label("Hours of sleep last night");
            let mut hours = self.draft.sleep_hours.unwrap_or(0.0);
            let r = ui
                .add(
                    egui::DragValue::new(&mut hours)
                        .range(0.0..=24.0)
                        .speed(0.25)
                        .fixed_decimals(1),
                )
                .labelled_by(l.id);
            if r.changed() {
                self.draft.sleep_hours = Some(hours);
            }
            if self.draft.sleep_hours.is_some() && ui.button("Clear").clicked() {
                self.draft.sleep_hours = None;
            }
        });

        widgets::section(ui, "Medicines taken");
        let listed: Vec<(String, String)> = ctx
            .journal
            .medicines
            .iter()
            .filter(|m| m.stop.is_none_or(|s| s >= self.draft.date))
            .map(|m| (m.name.clone(), m.dose.clone()))
            .collect();
        ui.horizontal_wrapped(|ui| {
            for (name, dose) in &listed {
                let mut on = self.draft.medicines.iter().any(|m| &m.name == name);
                let text = if dose.is_empty() {
                    name.clone()
                } else {
                    format!("{name} ({dose})")
                };
                if ui.checkbox(&mut on, text).changed() {
                    if on {
                        self.draft.medicines.push(MedicineTaken {
                            name: name.clone(),
                            dose: dose.clone(),
                            ..MedicineTaken::default()
                        });
                    } else {
                        self.draft.medicines.retain(|m| &m.name != name);
                    }
                }
            }
        });
        let extra: Vec<String> = self
            .draft
            .medicines
            .iter()
            .filter(|m| !listed.iter().any(|(n, _)| n == &m.name))
            .map(MedicineTaken::describe)
            .collect();
        remove_chips(ui, &extra, "Remove medicine", |i| {
            let names: Vec<String> = self
                .draft
                .medicines
                .iter()
                .filter(|m| !listed.iter().any(|(n, _)| n == &m.name))
                .map(|m| m.name.clone())
                .collect();
            if let Some(n) = names.get(i) {
                self.draft.medicines.retain(|m| &m.name != n);
            }
        });
        if let Some(text) = add_row(
            ui,
            "Another medicine (name and dose)",
            &mut self.new_medicine,
        ) {
            self.draft
                .medicines
                .push(MedicineTaken::from_name_and_dose(&text));
        }

        widgets::section(ui, "Activities and triggers");
        let mut remove = None;
        remove_chips(ui, &self.draft.tags, "Remove tag", |i| remove = Some(i));
        if let Some(i) = remove {
            self.draft.tags.remove(i);
        }
        let offered: Vec<String> = self
            .known_tags
            .iter()
            .filter(|t| !self.draft.tags.contains(t))
            .cloned()
            .collect();
        if !offered.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Used before:").weak());
                for t in offered {
                    if ui
                        .small_button(format!("+ {t}"))
                        .on_hover_text(format!("Add {t}"))
                        .clicked()
                    {
                        self.draft.tags.push(t);
                    }
                }
            });
        }
        if let Some(text) = add_row(ui, "New activity or trigger", &mut self.new_tag) {
            self.draft.tags.push(text);
        }

        widgets::section(ui, "What helped (heat, stretching, rest…)");
        let mut remove = None;
        remove_chips(ui, &self.draft.treatments, "Remove", |i| remove = Some(i));
        if let Some(i) = remove {
            self.draft.treatments.remove(i);
        }
        if let Some(text) = add_row(ui, "Something that helped", &mut self.new_treatment) {
            self.draft.treatments.push(text);
        }
    }
}

/// A row of 0–10 buttons. Returns the number clicked. Each button's
/// accessible name is "`what` N" (e.g. "Pain now 5").
pub fn score_row(ui: &mut Ui, what: &str, value: Option<u8>, size: f32) -> Option<u8> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        let body = theme::body_size(ui);
        // A scale split over two rows reads badly: shrink the buttons to keep
        // 0–10 on one row, as long as the numbers stay at body size or more.
        let gap = ui.spacing().item_spacing.x;
        let fit = ((ui.available_width() - 10.0 * gap) / 11.0 - 1.0) / (body * 1.7);
        let size = size.min(fit).max(1.0);
        for n in 0..=10u8 {
            let selected = value == Some(n);
            let mut text = RichText::new(n.to_string()).size(body * size);
            if selected {
                text = text.strong().color(theme::on_pain_color(n));
            }
            let mut b = egui::Button::new(text)
                .selected(selected)
                .frame_when_inactive(true)
                .min_size(egui::vec2(body * 1.7 * size, body * 1.7 * size));
            if selected {
                b = b
                    .fill(theme::pain_color(n))
                    .stroke(egui::Stroke::new(2.0, ui.visuals().strong_text_color()));
            }
            let r = ui.add(b);
            let name = format!("{what} {n}");
            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
            if r.clicked() {
                clicked = Some(n);
            }
        }
    });
    clicked
}

/// Items with a small remove button each; calls `remove(index)` on a click.
fn remove_chips(ui: &mut Ui, items: &[String], what: &str, mut remove: impl FnMut(usize)) {
    if items.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (i, item) in items.iter().enumerate() {
            ui.label(item);
            if ui
                .small_button("x")
                .on_hover_text(format!("{what}: {item}"))
                .clicked()
            {
                remove(i);
            }
            ui.add_space(8.0);
        }
    });
}

/// A text field with an "Add" button; returns the text when added.
fn add_row(ui: &mut Ui, label: &str, text: &mut String) -> Option<String> {
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let r = ui
            .add(egui::TextEdit::singleline(text).desired_width(220.0))
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Add").clicked() || enter) && !text.trim().is_empty() {
            out = Some(text.trim().to_owned());
            text.clear();
        }
    });
    out
}

/// What the person is working on: the spot under the pointer, or else the
/// widget with keyboard focus (where it was last frame).
fn pointer_or_focus(ui: &Ui) -> Option<egui::Rect> {
    ui.input(|i| i.pointer.latest_pos())
        .map(|p| egui::Rect::from_min_max(p, p))
        .or_else(|| {
            ui.memory(|m| m.focused())
                .and_then(|id| ui.ctx().read_response(id))
                .map(|r| r.rect)
        })
}

/// The form's scroll offset after the pinned part above it changed height
/// (the form's top moved from `old_top` to `new_top`, on the screen).
///
/// `anchor` (what the person just clicked or is on) stays exactly where it
/// was, so a second click lands on the same box, not on its neighbour. If
/// the taller banner now covers that spot, the anchor goes just below the
/// banner instead, so it stays in view. Without an anchor in the form (the
/// pointer may be on the tabs), the form's content stays still. egui clamps
/// the result to the scrollable range.
fn keep_in_place(anchor: Option<egui::Rect>, old_top: f32, new_top: f32, offset: f32) -> f32 {
    /// Room left above the anchor when it has to move below the banner.
    const GAP: f32 = 8.0;
    match anchor {
        Some(a) if a.top() >= old_top && a.top() < new_top + GAP => {
            // Where the anchor is in the form's content, placed just below
            // the form's new top.
            let in_content = a.top() - old_top + offset;
            (in_content - GAP).max(0.0)
        }
        _ => (offset + new_top - old_top).max(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::keep_in_place;
    use egui::{Rect, pos2};

    fn at(y: f32) -> Option<Rect> {
        Some(Rect::from_min_max(pos2(40.0, y), pos2(400.0, y + 24.0)))
    }

    #[test]
    fn a_box_the_banner_does_not_cover_stays_where_it_was() {
        // The form's top moves from 100 to 300; the box at 440 stays, so
        // the form scrolls 200 further.
        assert_eq!(keep_in_place(at(440.0), 100.0, 300.0, 50.0), 250.0);
        // The banner goes again: back by 200.
        assert_eq!(keep_in_place(at(440.0), 300.0, 100.0, 250.0), 50.0);
    }

    #[test]
    fn a_box_the_banner_would_cover_goes_just_below_it() {
        // The box at 150 is 50 + 50 = 100 into the content; it goes to
        // 8 below the new top.
        assert_eq!(keep_in_place(at(150.0), 100.0, 300.0, 50.0), 92.0);
        // Near the start of the content the offset cannot go below 0.
        assert_eq!(keep_in_place(at(102.0), 100.0, 300.0, 0.0), 0.0);
    }

    #[test]
    fn without_an_anchor_in_the_form_the_content_stays_still() {
        assert_eq!(keep_in_place(None, 100.0, 300.0, 50.0), 250.0);
        // The pointer on the tabs, above the form.
        assert_eq!(keep_in_place(at(20.0), 100.0, 300.0, 50.0), 250.0);
        assert_eq!(keep_in_place(None, 300.0, 100.0, 50.0), 0.0);
    }
}

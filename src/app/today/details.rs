//! The Today form's optional details: worst pain, where it hurts and what
//! it feels like, how much it got in the way, sleep, medicines, activities
//! and what helped. Each part edits the draft; nothing here saves.

use egui::{RichText, Ui};

use super::{TodayContext, TodayScreen};
use crate::app::{body_map, medicines, theme, widgets};
use crate::journal::{MedicineTaken, Quality, medicines_in_order};
use crate::look::tokens::{SPACE, STROKE};

impl TodayScreen {
    pub(super) fn details(&mut self, ui: &mut Ui, ctx: &TodayContext<'_>) {
        self.how_and_where(ui);
        self.interference_and_sleep(ui);
        self.medicines(ui, ctx);
        self.tags(ui);
        self.treatments(ui, ctx);
    }

    /// Worst pain, the body map, what it feels like, woken at night.
    fn how_and_where(&mut self, ui: &mut Ui) {
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
            for q in Quality::ALL {
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
    }

    /// The two interference scales and the hours of sleep.
    fn interference_and_sleep(&mut self, ui: &mut Ui) {
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
            let given = self.draft.sleep_hours.is_some();
            let mut hours = self.draft.sleep_hours.unwrap_or(0.0);
            // Not given reads "not given", not "0.0" (which is a real answer).
            let r = ui
                .add(
                    egui::DragValue::new(&mut hours)
                        .range(0.0..=24.0)
                        .speed(0.25)
                        .custom_formatter(move |v, _| {
                            if given {
                                format!("{v:.1}")
                            } else {
                                "not given".to_owned()
                            }
                        })
                        .custom_parser(|t| t.trim().replace(',', ".").parse::<f64>().ok()),
                )
                .labelled_by(l.id);
            if r.changed() {
                self.draft.sleep_hours = Some(hours);
            }
            if self.draft.sleep_hours.is_some() {
                let clear = ui.button("Clear");
                clear.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, "Clear hours of sleep")
                });
                if clear.clicked() {
                    self.draft.sleep_hours = None;
                }
            }
        });
    }

    /// Medicines from the person's list (ticked), and others typed in.
    fn medicines(&mut self, ui: &mut Ui, ctx: &TodayContext<'_>) {
        widgets::section(ui, "Medicines taken");
        // Regular ones first, as Settings lists them.
        let listed: Vec<(String, String)> = medicines_in_order(&ctx.journal.medicines)
            .into_iter()
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
            "Add medicine",
            &mut self.new_medicine,
        ) {
            self.draft
                .medicines
                .push(MedicineTaken::from_name_and_dose(&text));
        }
        medicines::medicines_used_before_ui(
            ui,
            ctx.journal,
            self.draft.date,
            &mut self.draft.medicines,
        );
        medicines::relief_ui(ui, &mut self.draft.medicines);
    }

    /// Activities and triggers, with earlier ones offered.
    fn tags(&mut self, ui: &mut Ui) {
        widgets::section(ui, "Activities and triggers");
        let mut remove = None;
        remove_chips(ui, &self.draft.tags, "Remove tag", |i| remove = Some(i));
        if let Some(i) = remove {
            self.draft.tags.remove(i);
        }
        let offered: Vec<String> = self
            .known_tags
            .iter()
            .filter(|t| {
                let t = t.to_lowercase();
                !self.draft.tags.iter().any(|d| d.to_lowercase() == t)
            })
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
        if let Some(text) = add_row(
            ui,
            "New activity or trigger",
            "Add activity or trigger",
            &mut self.new_tag,
        ) {
            self.draft.tags.push(text);
        }
    }

    /// What helped.
    fn treatments(&mut self, ui: &mut Ui, ctx: &TodayContext<'_>) {
        widgets::section(ui, "What helped (heat, stretching, rest…)");
        let mut remove = None;
        remove_chips(ui, &self.draft.treatments, "Remove what helped", |i| {
            remove = Some(i);
        });
        if let Some(i) = remove {
            self.draft.treatments.remove(i);
        }
        if let Some(text) = add_row(
            ui,
            "Something that helped",
            "Add what helped",
            &mut self.new_treatment,
        ) {
            self.draft.treatments.push(text);
        }
        medicines::treatments_used_before_ui(
            ui,
            ctx.journal,
            self.draft.date,
            &mut self.draft.treatments,
        );
    }
}

/// A row of 0–10 buttons. Returns the number clicked. Each button's
/// accessible name is "`what` N" (e.g. "Pain now 5").
pub(super) fn score_row(ui: &mut Ui, what: &str, value: Option<u8>, size: f32) -> Option<u8> {
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
                text = text.strong().color(theme::on_pain_color(ui, n));
            }
            let mut b = egui::Button::new(text)
                .selected(selected)
                .frame_when_inactive(true)
                .min_size(egui::vec2(body * 1.7 * size, body * 1.7 * size));
            if selected {
                b = b.fill(theme::pain_color(ui, n)).stroke(egui::Stroke::new(
                    STROKE.control,
                    ui.visuals().strong_text_color(),
                ));
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
            // Named for what it removes, not "x".
            let name = format!("{what}: {item}");
            let r = ui.small_button("×").on_hover_text(&name);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if r.clicked() {
                remove(i);
            }
            ui.add_space(SPACE.s);
        }
    });
}

/// A text field with an "Add" button named `add` for screen readers (three
/// buttons all named "Add" could not be told apart); returns the text when
/// added.
fn add_row(ui: &mut Ui, label: &str, add: &str, text: &mut String) -> Option<String> {
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let r = ui
            .add(egui::TextEdit::singleline(text).desired_width(220.0))
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let b = ui.button("Add").on_hover_text(add);
        b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, add));
        if (b.clicked() || enter) && !text.trim().is_empty() {
            out = Some(text.trim().to_owned());
            text.clear();
        }
    });
    out
}

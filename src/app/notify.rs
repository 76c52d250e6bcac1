//! Dismissible notices at the top of the window: errors (what happened,
//! what to do, the path last) and short confirmations.

use egui::{Frame, Margin, RichText, Ui};

use super::command::Command;
use super::theme;
use super::ui_kit::margin;
use crate::look::tokens::{RADIUS, SPACE};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub id: u64,
    pub kind: Kind,
    pub text: String,
    /// An optional button that fixes the problem, e.g. "Restore backup".
    pub action: Option<(String, Box<Command>)>,
    /// When a plain confirmation was first drawn (egui time, seconds).
    shown_at: Option<f64>,
}

/// Plain confirmations ("Saved …") fade out after this long; errors and
/// notes with a button stay until dismissed.
const INFO_SECONDS: f64 = 8.0;

#[derive(Debug, Default)]
pub struct Notices {
    next_id: u64,
    list: Vec<Notice>,
}

impl Notices {
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Kind::Info, text.into(), None);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Kind::Error, text.into(), None);
    }

    /// A calm note with a button (e.g. a cancelled dialog and where else to save).
    pub fn info_with_action(&mut self, text: impl Into<String>, label: &str, action: Command) {
        self.push(
            Kind::Info,
            text.into(),
            Some((label.to_owned(), Box::new(action))),
        );
    }

    pub fn error_with_action(&mut self, text: impl Into<String>, label: &str, action: Command) {
        self.push(
            Kind::Error,
            text.into(),
            Some((label.to_owned(), Box::new(action))),
        );
    }

    fn push(&mut self, kind: Kind, text: String, action: Option<(String, Box<Command>)>) {
        // The same message twice in a row is shown once.
        if self.list.iter().any(|n| n.text == text) {
            return;
        }
        self.next_id += 1;
        // Only the latest confirmation matters; errors stay until dismissed.
        if kind == Kind::Info {
            self.list.retain(|n| n.kind != Kind::Info);
        }
        self.list.push(Notice {
            id: self.next_id,
            kind,
            text,
            action,
            shown_at: None,
        });
    }

    pub fn dismiss(&mut self, id: u64) {
        self.list.retain(|n| n.id != id);
    }

    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let now = ui.input(|i| i.time);
        self.list
            .retain(|n| n.shown_at.is_none_or(|t| now - t < INFO_SECONDS));
        for n in &mut self.list {
            if n.kind == Kind::Info && n.action.is_none() {
                let since = *n.shown_at.get_or_insert(now);
                // One wake-up to remove it; no animation, so idle stays idle.
                let left = (INFO_SECONDS - (now - since)).max(0.0);
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
        for n in &self.list {
            let (fill, text) = match n.kind {
                Kind::Error => (
                    theme::color(theme::palette(ui).error_tint),
                    ui.visuals().strong_text_color(),
                ),
                Kind::Info => (
                    theme::color(theme::palette(ui).info_tint),
                    ui.visuals().strong_text_color(),
                ),
            };
            Frame::new()
                .fill(fill)
                .corner_radius(RADIUS.medium)
                .inner_margin(Margin::symmetric(margin(SPACE.m), margin(SPACE.s)))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let prefix = match n.kind {
                            Kind::Error => "Problem: ",
                            Kind::Info => "",
                        };
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("{prefix}{}", n.text)).color(text),
                            )
                            .wrap(),
                        );
                        if let Some((label, cmd)) = &n.action
                            && ui.button(label).clicked()
                        {
                            commands.push((**cmd).clone());
                            commands.push(Command::Dismiss(n.id));
                        }
                        if ui.button("Dismiss").clicked() {
                            commands.push(Command::Dismiss(n.id));
                        }
                    });
                });
        }
    }
}

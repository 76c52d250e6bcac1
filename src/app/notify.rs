//! Dismissible notices floating at the bottom of the window: errors (what
//! happened, what to do, the path last) and short confirmations. They float
//! over the screen rather than push it down: a notice that pushed the page
//! 60 px down and pulled it back 8 s later caused real mis-clicks.

use egui::{Frame, Margin, RichText, Ui};

use super::command::Command;
use super::theme;

use super::ui_kit::margin;
use crate::look::tokens::{RADIUS, SPACE, STROKE};

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
    /// What it is about ("import"), so a later success can take it away.
    about: Option<&'static str>,
    /// Last frame the pointer was over it or its button had focus: a
    /// confirmation does not fade while someone is on it.
    held: bool,
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
            held: false,
            about: None,
        });
    }

    /// An error about something a later success makes stale.
    pub fn error_about(&mut self, about: &'static str, text: impl Into<String>) {
        self.error(text);
        if let Some(n) = self.list.last_mut() {
            n.about = Some(about);
        }
    }

    /// Takes away the notices about `about` (a later try worked).
    pub fn dismiss_about(&mut self, about: &str) {
        self.list.retain(|n| n.about != Some(about));
    }

    pub fn dismiss(&mut self, id: u64) {
        self.list.retain(|n| n.id != id);
    }

    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Draws the notices floating over the bottom of `area` (the screen's
    /// part of the window). They take no room in the screen's layout, so
    /// nothing below or around them moves when one comes or goes, and the
    /// screen's widgets keep their ids (and so their keyboard focus). Each
    /// notice has its own id; the stack is a live region, so every
    /// confirmation and error is spoken.
    pub fn ui(&mut self, ctx: &egui::Context, area: egui::Rect, commands: &mut Vec<Command>) {
        let now = ctx.input(|i| i.time);
        // A confirmation stays while the pointer or the keyboard is on it.
        for n in &mut self.list {
            if n.held && n.kind == Kind::Info && n.action.is_none() {
                n.shown_at = Some(now);
            }
        }
        self.list
            .retain(|n| n.shown_at.is_none_or(|t| now - t < INFO_SECONDS));
        for n in &mut self.list {
            if n.kind == Kind::Info && n.action.is_none() {
                let since = *n.shown_at.get_or_insert(now);
                // One wake-up to remove it; no animation, so idle stays idle.
                let left = (INFO_SECONDS - (now - since)).max(0.0);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
        let width = (area.width() - 2.0 * SPACE.l).clamp(120.0, 760.0);
        egui::Area::new(egui::Id::unique("notices"))
            .order(egui::Order::Foreground)
            // No fade: a notice is there at once, and idle stays idle.
            .fade_in(false)
            .pivot(egui::Align2::CENTER_BOTTOM)
            .fixed_pos(area.center_bottom() - egui::vec2(0.0, GAP))
            .constrain(true)
            .show(ctx, |ui| {
                super::a11y::live(ui.ctx(), ui.unique_id(), false);
                ui.set_max_width(width);
                for n in &mut self.list {
                    n.held = notice_ui(ui, n, width, commands);
                }
            });
    }
}

/// Room left under the notices, at the window's bottom edge.
const GAP: f32 = 2.0;

/// The height of a one-line notice (text and a button, in its frame): the
/// footer reserves this much, so a short notice covers only the footer.
pub fn row_height(ui: &Ui) -> f32 {
    let text = ui.text_style_height(&egui::TextStyle::Body);
    let button = text + 2.0 * ui.spacing().button_padding.y;
    button.max(ui.spacing().interact_size.y) + 2.0 * SPACE.s + 2.0 * STROKE.hairline + GAP
}

/// One notice; true while the pointer is over it or its button has focus.
fn notice_ui(ui: &mut Ui, n: &Notice, width: f32, commands: &mut Vec<Command>) -> bool {
    let fill = theme::notice_fill(ui.visuals(), n.kind == Kind::Error);
    let text = ui.visuals().strong_text_color();
    let role = match n.kind {
        Kind::Error => egui::accesskit::Role::Alert,
        Kind::Info => egui::accesskit::Role::Status,
    };
    let mut focused = false;
    let shown = ui.scope_builder(
        // Its own id, not counted among the notices before it: a notice
        // that goes never changes the ids (and focus) of those after it.
        egui::UiBuilder::new()
            .scope_id(egui::Id::unique(("notice", n.id)))
            .accessibility_role(role),
        |ui| {
            Frame::new()
                .fill(fill)
                .stroke(egui::Stroke::new(
                    STROKE.hairline,
                    ui.visuals().widgets.inactive.bg_stroke.color,
                ))
                .corner_radius(RADIUS.medium)
                .inner_margin(Margin::symmetric(margin(SPACE.m), margin(SPACE.s)))
                .show(ui, |ui| {
                    ui.set_width(width - 2.0 * SPACE.m);
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
                        if let Some((label, cmd)) = &n.action {
                            let r = ui.button(label);
                            focused |= r.has_focus();
                            if r.clicked() {
                                commands.push((**cmd).clone());
                                commands.push(Command::Dismiss(n.id));
                            }
                        }
                        let r = ui.button("Dismiss");
                        // Every control has its own name: say which message.
                        let name = format!("Dismiss: {}", short(&n.text));
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                        });
                        focused |= r.has_focus();
                        if r.clicked() {
                            commands.push(Command::Dismiss(n.id));
                        }
                    });
                })
        },
    );
    focused || shown.response.contains_pointer()
}

/// The first few words of a message, to tell its Dismiss button apart.
fn short(text: &str) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = text.split_whitespace().take(WORDS + 1).collect();
    let head = words
        .iter()
        .take(WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > WORDS {
        format!("{head}…")
    } else {
        head
    }
}

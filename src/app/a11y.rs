//! What a screen reader needs beyond the widgets' own names: headings,
//! live regions (a change of advice and every confirmation is spoken),
//! the window's name, and the announcement of a screen switch.
//!
//! Everything goes through AccessKit nodes egui already builds; these
//! helpers only set roles and properties on them. Nothing is drawn.

use egui::accesskit::{Live, Role};
use egui::{Context, Id, Response, RichText, Ui};

/// The window's accessible name (Orca said only "frame" without it).
pub const WINDOW_NAME: &str = "Backlog: back pain check and journal";

/// A label that screen readers list as a heading of `level` (1 for a
/// screen's title, 2 for a section).
pub fn heading(ui: &mut Ui, text: impl Into<RichText>, level: usize) -> Response {
    let r = ui.add(egui::Label::new(text.into()).wrap());
    mark_heading(ui.ctx(), r.id, level);
    r
}

/// A heading that is not drawn: the title of a screen whose navigation
/// button already says it (Check, Journal), for screen readers' list of
/// headings.
pub fn hidden_heading(ui: &mut Ui, text: &str) {
    let id = ui.make_persistent_id(("screen_title", text));
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(Role::Heading);
        n.set_level(1);
        n.set_label(text);
    });
}

/// Gives an existing node the heading role.
pub fn mark_heading(ctx: &Context, id: Id, level: usize) {
    ctx.accesskit_node_builder(id, |n| {
        n.set_role(Role::Heading);
        n.set_level(level);
        // egui keeps a label's text as its value; a heading is named by it.
        if let Some(text) = n.value().map(str::to_owned) {
            n.set_label(text);
        }
    });
}

/// Makes a node a live region: changes to its text are spoken, politely
/// (after what is being said) or at once (`assertive`).
pub fn live(ctx: &Context, id: Id, assertive: bool) {
    ctx.accesskit_node_builder(id, |n| {
        n.set_live(if assertive {
            Live::Assertive
        } else {
            Live::Polite
        });
    });
}

/// Names the window (the root of the accessibility tree).
pub fn name_window(ctx: &Context) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |n| {
        n.set_label(WINDOW_NAME);
    });
}

/// A polite status line, not drawn, whose text is the screen now shown:
/// switching screens (Ctrl+1 … Ctrl+6 or the buttons) is announced.
pub fn announce_screen(ui: &mut Ui, screen_label: &str) {
    let id = Id::unique("backlog_screen_status");
    let text = format!("{screen_label} screen");
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(Role::Status);
        n.set_label(text);
        n.set_live(Live::Polite);
    });
}

//! The desktop app (eframe/egui, glow renderer): a thin shell over the
//! triage engine and the journal store.
//!
//! Screens draw and push [`Command`]s; [`App::ui`] runs them after the frame,
//! so no file, dialog or PDF work happens while drawing. `App::ui` needs only
//! an `egui::Ui`, so tests drive it with `egui_kittest` without eframe, a GPU
//! or a display. Errors become dismissible notices in the window; nothing
//! here panics or closes the window on its own.

mod check;
mod command;
mod notify;
mod prefs;
mod profile_form;
mod screen;
mod theme;
mod welcome;
mod widgets;

use std::path::PathBuf;

use egui::{CentralPanel, Frame, Key, KeyboardShortcut, Modifiers, Panel, RichText, Ui};

pub use command::{CheckToSave, Command};
pub use prefs::UiPrefs;
pub use profile_form::ProfileValues;
pub use screen::Screen;
pub use theme::ThemeChoice;

use check::{CheckContext, CheckScreen};
use notify::Notices;
use welcome::WelcomeScreen;

/// Where the app keeps its data, and the clock it uses.
#[derive(Debug, Clone)]
pub struct Config {
    /// The data folder (already resolved from the flag, the environment or
    /// the per-user default).
    pub data_dir: PathBuf,
    /// A fixed "today" for tests; `None` uses the system clock.
    pub today: Option<jiff::civil::Date>,
}

const SAVE_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const TEXT_BIGGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const TEXT_BIGGER_EQ: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const TEXT_SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);

pub struct App {
    config: Config,
    prefs: UiPrefs,
    /// Theme and text size last applied to the context (restyle on change only).
    applied: Option<(ThemeChoice, u16)>,
    screen: Screen,
    profile: ProfileValues,
    welcome: WelcomeScreen,
    check: CheckScreen,
    notices: Notices,
    prefs_dirty: bool,
}

impl App {
    /// Opens the data folder. Problems become notices in the window.
    pub fn new(config: Config) -> Self {
        let mut notices = Notices::default();
        let prefs = match UiPrefs::load(&config.data_dir) {
            Ok(p) => p,
            Err(e) => {
                notices.error(e.to_string());
                UiPrefs::default()
            }
        };
        let profile = ProfileValues {
            emergency_number: "911".into(),
            ..ProfileValues::default()
        };
        let screen = if prefs.welcomed {
            prefs.last_screen
        } else {
            Screen::Welcome
        };
        let check = CheckScreen::new(&check_context(&profile));
        Self {
            welcome: WelcomeScreen::new(&profile),
            config,
            prefs,
            applied: None,
            screen,
            profile,
            check,
            notices,
            prefs_dirty: false,
        }
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn prefs(&self) -> &UiPrefs {
        &self.prefs
    }

    pub fn profile(&self) -> &ProfileValues {
        &self.profile
    }

    /// The notices shown now, as text (for tests and logs).
    pub fn notice_texts(&self) -> Vec<String> {
        self.notices.list().iter().map(|n| n.text.clone()).collect()
    }

    /// The whole window. Drawing pushes commands; they run at the end.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let wanted = (self.prefs.theme, self.prefs.text_scale);
        if self.applied != Some(wanted) {
            theme::apply(&ctx, wanted.0, wanted.1);
            self.applied = Some(wanted);
            // This frame's `ui` was made before the change: give it the new style.
            ui.set_style(ctx.global_style());
        }
        let mut commands = Vec::new();
        self.shortcuts(&ctx, &mut commands);

        Panel::top("nav")
            .frame(Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 8)))
            .show(ui, |ui| self.nav_bar(ui, &mut commands));
        Panel::bottom("footer")
            .frame(Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 4)))
            .show(ui, |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "Backlog is not a diagnosis. In an emergency, call {}.",
                            self.profile.emergency_number
                        ))
                        .small(),
                    )
                    .wrap(),
                );
            });
        CentralPanel::default()
            .frame(Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(16)))
            .show(ui, |ui| {
                self.notices.ui(ui, &mut commands);
                let ctx = check_context(&self.profile);
                match self.screen {
                    Screen::Welcome => self.welcome.ui(ui, &mut commands),
                    Screen::Check => self.check.ui(ui, &ctx, &mut commands),
                    Screen::Today
                    | Screen::Journal
                    | Screen::Trends
                    | Screen::Summary
                    | Screen::Settings => {
                        ui.label("Coming soon.");
                    }
                }
            });

        for c in commands {
            self.run(c);
        }
        if self.prefs_dirty {
            self.save_prefs();
        }
    }

    fn nav_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::subheading(ui, "Backlog"));
            ui.add_space(12.0);
            for s in Screen::NAV {
                let mut b = egui::Button::selectable(self.screen == s, s.label());
                if let Some(sc) = s.shortcut() {
                    b = b.shortcut_text(ui.ctx().format_shortcut(&sc));
                }
                if ui.add(b).on_hover_text(s.tooltip()).clicked() {
                    commands.push(Command::Navigate(s));
                }
            }
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        ctx.input_mut(|i| {
            for s in Screen::NAV {
                if let Some(sc) = s.shortcut()
                    && i.consume_shortcut(&sc)
                {
                    commands.push(Command::Navigate(s));
                }
            }
            if i.consume_shortcut(&TEXT_BIGGER) || i.consume_shortcut(&TEXT_BIGGER_EQ) {
                commands.push(Command::SetTextScale(theme::step_text_scale(
                    self.prefs.text_scale,
                    true,
                )));
            }
            if i.consume_shortcut(&TEXT_SMALLER) {
                commands.push(Command::SetTextScale(theme::step_text_scale(
                    self.prefs.text_scale,
                    false,
                )));
            }
            if i.consume_shortcut(&SAVE_SHORTCUT) {
                // Handled per screen below.
            }
        });
    }

    /// Runs one command (after the frame).
    pub fn run(&mut self, command: Command) {
        match command {
            Command::Navigate(s) => {
                if self.screen != s {
                    self.screen = s;
                    if s != Screen::Welcome {
                        self.prefs.last_screen = s;
                        self.prefs_dirty = true;
                    }
                }
            }
            Command::SetTheme(t) => {
                self.prefs.theme = t;
                self.prefs_dirty = true;
            }
            Command::SetTextScale(s) => {
                self.prefs.text_scale = theme::clamp_text_scale(s);
                self.prefs_dirty = true;
            }
            Command::SaveCheck(_c) => {
                self.notices
                    .info("Check saved. It will be on your doctor's summary.");
            }
            Command::FinishWelcome(values) => {
                if let Some(v) = values {
                    self.set_profile(v);
                }
                self.prefs.welcomed = true;
                self.prefs_dirty = true;
                self.screen = Screen::Check;
                self.prefs.last_screen = Screen::Check;
            }
            Command::SaveProfile(v) => self.set_profile(v),
            Command::Dismiss(id) => self.notices.dismiss(id),
        }
    }

    fn set_profile(&mut self, v: ProfileValues) {
        self.profile = v;
        self.check.profile_changed(&check_context(&self.profile));
    }

    fn save_prefs(&mut self) {
        self.prefs_dirty = false;
        if let Err(e) = self.prefs.save(&self.config.data_dir) {
            self.notices.error(e.to_string());
        }
    }
}

fn check_context(profile: &ProfileValues) -> CheckContext<'_> {
    CheckContext {
        profile_age: profile.age,
        history: &profile.history,
        emergency_number: &profile.emergency_number,
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_prefs();
    }
}

/// Opens the window and runs until it is closed.
pub fn run(config: Config) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Backlog: back pain check and journal")
        .with_app_id("backlog")
        .with_inner_size([1000.0, 720.0])
        .with_min_inner_size([800.0, 600.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Backlog",
        options,
        Box::new(move |_cc| Ok(Box::new(App::new(config)))),
    )
    .map_err(|e| anyhow::anyhow!("Could not open the window: {e}"))
}

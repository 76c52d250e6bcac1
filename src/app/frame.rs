//! One frame of the window: the navigation bar, the footer, the current
//! screen, the keyboard shortcuts, and then the commands the frame pushed.
//! Also where a screen change happens (`navigate`, `open_day`).

use egui::{CentralPanel, Frame, Panel, RichText, Ui};
use jiff::civil::Date;

use super::banner::Numbers;
use super::command::{Shortcut, keys_text};
use super::icons::Icon;
use super::today::{TodayContext, TodayScreen};
use super::ui_kit::margin;
use super::welcome::WelcomeScreen;
use super::{App, Command, DRAFT_SAVE_DELAY, Screen, a11y, check_context, focus, notify, theme};
use crate::look::tokens::SPACE;

/// The panels' fill. The window is cleared to the page colour before each
/// frame (`App::clear_color`), which costs next to nothing; a filled panel
/// paints every pixel of the window once more. On a computer without a
/// graphics card (software GL) that extra pass was the largest single cost
/// of each frame, and so of start-up.
const PAINTED_BY_THE_CLEAR: egui::Color32 = egui::Color32::TRANSPARENT;

impl App {
    /// Applies the chosen theme and text size if they changed since last
    /// time; says whether it did.
    pub(super) fn apply_style(&mut self, ctx: &egui::Context) -> bool {
        let wanted = (self.prefs.theme, self.prefs.text_scale);
        if self.applied == Some(wanted) {
            return false;
        }
        theme::apply(ctx, wanted.0, wanted.1);
        self.applied = Some(wanted);
        true
    }

    /// The whole window. Drawing pushes commands; they run at the end.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.egui_ctx.get_or_insert_with(|| ctx.clone());
        if self.apply_style(&ctx) {
            // This frame's `ui` was made before the change: give it the new style.
            ui.set_style(ctx.global_style());
        }
        self.follow_the_clock(&ctx);
        let mut commands = Vec::new();
        self.shortcuts(&ctx, &mut commands);

        Panel::top("nav")
            .frame(
                Frame::side_top_panel(ui.style())
                    .fill(PAINTED_BY_THE_CLEAR)
                    .inner_margin(egui::Margin::symmetric(margin(SPACE.m), margin(SPACE.s))),
            )
            .show(ui, |ui| self.nav_bar(ui, &mut commands));
        let number = Numbers::new(&self.data.journal().profile, self.proposed_number)
            .emergency
            .to_owned();
        // The footer is as tall as a one-line notice: notices float over it
        // (a reserved place), so a confirmation covers nothing else and
        // nothing moves when it comes or goes.
        let window = ui.max_rect();
        Panel::bottom("footer")
            .frame(
                Frame::side_top_panel(ui.style())
                    .fill(PAINTED_BY_THE_CLEAR)
                    .inner_margin(egui::Margin::symmetric(margin(SPACE.m), margin(SPACE.xs))),
            )
            .exact_size(notify::row_height(ui))
            .show(ui, |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "Backlog is not a diagnosis. In an emergency, call {number}."
                        ))
                        .small(),
                    )
                    .wrap(),
                );
            });
        let central = CentralPanel::default()
            .frame(
                Frame::central_panel(ui.style())
                    .fill(PAINTED_BY_THE_CLEAR)
                    .inner_margin(egui::Margin::same(margin(SPACE.l))),
            )
            .show(ui, |ui| {
                a11y::announce_screen(ui, self.screen.label());
                self.screen_ui(ui, &mut commands);
            });
        // Over the footer, not in the screen: nothing moves when a notice
        // comes or goes.
        let strip = egui::Rect::from_x_y_ranges(central.response.rect.x_range(), window.y_range());
        self.notices.ui(&ctx, strip, &mut commands);
        a11y::name_window(&ctx);

        for c in commands {
            self.run(c);
        }
        focus::end_frame(&ctx, &mut self.focus_seen);
        focus::ring(&ctx);
        if self.prefs_dirty {
            self.save_prefs();
        }
        if let Some(since) = self.draft_dirty_since {
            let waited = since.elapsed();
            if waited >= DRAFT_SAVE_DELAY {
                self.save_prefs();
            } else {
                ctx.request_repaint_after(DRAFT_SAVE_DELAY.saturating_sub(waited));
            }
        }
    }

    pub(super) fn screen_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let today = self.today_date();
        if matches!(self.screen, Screen::Today | Screen::Trends) {
            self.attention_notice(today);
        }
        let notice = self
            .attention
            .as_ref()
            .and_then(|(_, n)| n.as_ref())
            .filter(|_| matches!(self.screen, Screen::Today | Screen::Trends));
        let journal = self.data.journal();
        let revision = self.data.revision();
        let profile = &journal.profile;
        match self.screen {
            Screen::Welcome => {
                let look = (self.prefs.theme, self.prefs.text_scale);
                self.welcome.ui(ui, today, look, commands);
            }
            Screen::Check => self.check.ui(
                ui,
                &check_context(profile, today, self.proposed_number),
                commands,
            ),
            Screen::Today => {
                let ctx = TodayContext {
                    today,
                    journal,
                    revision,
                    age: profile.age_on(today),
                };
                self.today.ui(
                    ui,
                    &ctx,
                    &profile.history,
                    Numbers::new(profile, self.proposed_number),
                    notice,
                    commands,
                );
            }
            Screen::Journal => {
                let tz = self.tz();
                let deleted: Vec<Date> = self.deleted.iter().map(|e| e.date).collect();
                self.journal
                    .ui(ui, journal, revision, &tz, &deleted, commands);
            }
            Screen::Trends => {
                let numbers = Numbers::new(profile, self.proposed_number);
                let attention = notice.map(|n| (n, numbers));
                self.trends
                    .ui(ui, journal, revision, today, attention, commands);
            }
            Screen::Summary => {
                let now = self.now_zoned();
                self.summary.ui(ui, journal, revision, &now, commands);
            }
            Screen::Settings => {
                let theme = self.prefs.theme;
                let scale = self.prefs.text_scale;
                let medicines = &journal.medicines;
                self.settings.ui(
                    ui,
                    &self.config.data_dir,
                    medicines,
                    (theme, scale),
                    today,
                    commands,
                );
            }
        }
    }

    pub(super) fn nav_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        // The app's name (also in the window title) gives way when it would
        // push the screen buttons onto a second row (large text, small window).
        let title = theme::subheading(ui, "Backlog");
        let text_width = |ui: &Ui, text: egui::WidgetText| {
            text.into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Button,
            )
            .size()
            .x
        };
        let spacing = ui.spacing().item_spacing.x;
        let room = ui.available_width();
        // Each screen's icon before its name (the name is what is read out),
        // when the row has room for them; the names never give way.
        let words = |s: Screen, icon: bool| {
            if icon {
                format!("{}  {}", Icon::for_screen(s).glyph(), s.label())
            } else {
                s.label().to_owned()
            }
        };
        let row = |icon: bool| -> f32 {
            Screen::NAV
                .iter()
                .map(|s| {
                    text_width(ui, words(*s, icon).into())
                        + 2.0 * ui.spacing().button_padding.x
                        + spacing
                })
                .sum()
        };
        let icons = row(true) <= 0.92 * room;
        let buttons = row(icons);
        let show_title =
            buttons + text_width(ui, title.clone().into()) + 12.0 + spacing <= 0.92 * room;
        // Without the title, shrink the button text just enough to keep one
        // row (never below the 100 % size).
        // (With a margin: the wrapping layout needs a little more than the
        // sum of the parts.)
        let shrink = (0.92 * room / buttons).min(1.0);
        ui.horizontal_wrapped(|ui| {
            if shrink < 1.0 {
                let body = theme::body_size(ui);
                let size = (body * shrink).max(theme::BODY_SIZE);
                ui.style_mut().override_font_id = Some(egui::FontId::proportional(size));
            }
            if show_title {
                ui.label(title);
                ui.add_space(SPACE.m);
            }
            for s in Screen::NAV {
                let b = egui::Button::selectable(self.screen == s, words(s, icons));
                let tip = match s.shortcut() {
                    Some(sc) => format!("{} ({})", s.tooltip(), keys_text(Some(ui.ctx()), &sc)),
                    None => s.tooltip().to_owned(),
                };
                let r = ui.add(b).on_hover_text(tip);
                // The accessible name is the screen's name, without the shortcut.
                let selected = self.screen == s;
                r.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, s.label())
                });
                if r.clicked() {
                    commands.push(Command::Navigate(s));
                }
            }
        });
    }

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        ctx.input_mut(|i| {
            for s in Screen::NAV {
                if let Some(sc) = s.shortcut()
                    && i.consume_shortcut(&sc)
                {
                    commands.push(Command::Navigate(s));
                }
            }
            let mut pressed = |s: Shortcut| s.keys().iter().any(|k| i.consume_shortcut(k));
            if pressed(Shortcut::TextBigger) {
                commands.push(Command::SetTextScale(theme::step_text_scale(
                    self.prefs.text_scale,
                    true,
                )));
            }
            if pressed(Shortcut::TextSmaller) {
                commands.push(Command::SetTextScale(theme::step_text_scale(
                    self.prefs.text_scale,
                    false,
                )));
            }
            if pressed(Shortcut::Save) {
                match self.screen {
                    Screen::Today if self.today.draft.pain.is_some() => {
                        commands.push(Command::SaveEntry(self.today.draft.clone()));
                    }
                    Screen::Check => {
                        if let Some(c) = self.check.to_save() {
                            commands.push(Command::SaveCheck(c));
                        }
                    }
                    Screen::Settings => {
                        commands.extend(self.settings.save_command(self.today_date()));
                    }
                    Screen::Summary => {
                        commands.extend(self.summary.save_command(self.data.journal()));
                    }
                    // Today saves once a pain number is chosen; nothing is
                    // typed on the other screens.
                    Screen::Today | Screen::Welcome | Screen::Journal | Screen::Trends => {}
                }
            }
            if self.screen == Screen::Journal && pressed(Shortcut::UndoDelete) {
                commands.push(Command::UndoDelete);
            }
        });
    }

    /// Midnight with the window open: Today moves to the new day (an
    /// unsaved form for the old day is set aside, and said so), and the
    /// summary's period too if it ended on the old day. Checked every
    /// frame, and a frame is asked for at midnight.
    fn follow_the_clock(&mut self, ctx: &egui::Context) {
        let today = self.today_date();
        let old = self.day_seen;
        if today != old {
            self.day_seen = today;
            if self.today.draft.date == old {
                self.show_day(today);
            }
            self.summary.day_changed(old, today);
        }
        if self.config.today.is_none() {
            let now = self.now_zoned();
            let midnight = now
                .date()
                .tomorrow()
                .ok()
                .and_then(|d| d.to_zoned(now.time_zone().clone()).ok());
            if let Some(m) = midnight
                && let Ok(left) = now.duration_until(&m).try_into()
            {
                ctx.request_repaint_after(left);
            }
        }
    }

    pub(super) fn navigate(&mut self, s: Screen) {
        if self.screen == s {
            return;
        }
        if self.screen == Screen::Summary {
            self.save_summary_typing();
        }
        self.screen = s;
        if s == Screen::Settings {
            self.refresh_backups();
        }
        if s != Screen::Welcome {
            self.prefs.last_screen = s;
            // Leaving the welcome pages by the navigation bar counts as
            // skipping them: they do not come back at every start.
            self.prefs.welcomed = true;
            self.prefs_dirty = true;
        }
        if s == Screen::Welcome {
            self.welcome = WelcomeScreen::new(
                &self.data.journal().profile,
                self.today_date(),
                self.proposed_number,
            );
        }
    }

    /// Shows a day on Today. Unsaved typing is never thrown away: a form
    /// with unsaved changes is set aside (and kept in `ui.ron`) and comes
    /// back when its day is opened again.
    pub(super) fn open_day(&mut self, date: Date) {
        self.show_day(date);
        self.navigate(Screen::Today);
    }

    /// Puts a day in the Today form (see [`App::open_day`]), without
    /// switching screens.
    fn show_day(&mut self, date: Date) {
        let today = self.today_date();
        let date = date.min(today);
        if self.today.draft.date != date {
            if self.today.dirty {
                let draft = self.today.draft.clone();
                self.notices.info(format!(
                    "Your unsaved changes for {} are kept: open that day to finish them.",
                    super::edits::short_day(draft.date)
                ));
                self.prefs.set_aside.insert(draft.date, draft);
            }
            match self.prefs.set_aside.remove(&date) {
                Some(draft) => {
                    self.today = TodayScreen::new(draft, true);
                    self.notices
                        .info(format!("Your unsaved changes for {date} are back."));
                }
                None => self.today.load_day(self.data.journal(), date),
            }
            self.prefs.today_draft = self.today.dirty.then(|| self.today.draft.clone());
            self.prefs_dirty = true;
        }
    }
}

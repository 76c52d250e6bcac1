//! The desktop app (eframe/egui, glow renderer): a thin shell over the
//! triage engine and the journal store.
//!
//! Screens draw and push [`Command`]s; [`App::ui`] runs them after the frame,
//! so no file, dialog or PDF work happens while drawing. `App::ui` needs only
//! an `egui::Ui`, so tests drive it with `egui_kittest` without eframe, a GPU
//! or a display. Errors become dismissible notices in the window; nothing
//! here panics or closes the window on its own.

mod body_map;
mod check;
mod command;
mod data;
mod journal_view;
mod notify;
mod prefs;
mod profile_form;
mod screen;
mod settings;
mod summary_view;
pub mod theme;
mod today;
mod trends;
mod welcome;
mod widgets;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{CentralPanel, Frame, Key, KeyboardShortcut, Modifiers, Panel, RichText, Ui};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

pub use command::{CheckToSave, Command};
pub use prefs::UiPrefs;
pub use screen::Screen;
pub use theme::ThemeChoice;
pub use trends::Range as TrendsRange;

use check::{CheckContext, CheckScreen};
use data::Data;
use journal_view::JournalScreen;
use notify::Notices;
use settings::SettingsScreen;
use summary_view::SummaryScreen;
use today::{TodayContext, TodayScreen};
use trends::TrendsScreen;
use welcome::WelcomeScreen;

use crate::journal::{Entry, EntryDraft, Journal, Profile, SavedCheck};
use crate::store::exchange::Mood;
use crate::store::{MemoryStore, Storage, Store, StoreError};
use crate::summary::SummaryRequest;

/// Where the app keeps its data, and the clock it uses.
#[derive(Debug, Clone)]
pub struct Config {
    /// The data folder (already resolved from the flag, the environment or
    /// the per-user default).
    pub data_dir: PathBuf,
    /// A fixed "today" for tests and benchmarks; `None` uses the system clock.
    pub today: Option<Date>,
}

const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const TEXT_BIGGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const TEXT_BIGGER_EQ: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const TEXT_SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);

/// The Today draft is written at most this often while typing.
const DRAFT_SAVE_DELAY: Duration = Duration::from_secs(2);
/// Deleted entries kept for undo.
const UNDO_DEPTH: usize = 20;

pub struct App {
    config: Config,
    prefs: UiPrefs,
    /// Theme and text size last applied to the context (restyle on change only).
    applied: Option<(ThemeChoice, u16)>,
    screen: Screen,
    data: Data,
    welcome: WelcomeScreen,
    check: CheckScreen,
    today: TodayScreen,
    journal: JournalScreen,
    trends: TrendsScreen,
    settings: SettingsScreen,
    summary: SummaryScreen,
    notices: Notices,
    deleted: Vec<Entry>,
    /// A file read for import and previewed, waiting for "Yes, import".
    pending_import: Option<PendingImport>,
    prefs_dirty: bool,
    draft_dirty_since: Option<Instant>,
}

impl App {
    /// Opens the data folder. Problems become notices in the window.
    pub fn new(config: Config) -> Self {
        match Store::open(&config.data_dir) {
            Ok(store) => Self::with_storage(config, Box::new(store)),
            Err(e) => {
                // Nothing can be saved, but the check still works.
                let mut app = Self::with_storage(config, Box::new(MemoryStore::default()));
                app.notices
                    .error(format!("{e} Until then, nothing you enter can be saved."));
                app
            }
        }
    }

    /// The app over any storage (tests use an in-memory store that can fail).
    pub fn with_storage(config: Config, storage: Box<dyn Storage>) -> Self {
        let mut notices = Notices::default();
        let prefs = match UiPrefs::load(&config.data_dir) {
            Ok(p) => p,
            Err(e) => {
                notices.error(e.to_string());
                UiPrefs::default()
            }
        };
        let (data, load_error) = Data::open(storage);
        if let Some(e) = load_error {
            report_load_error(&mut notices, &e);
        }
        let today_date = clock_today(&config);
        let profile = &data.journal().profile;
        let check = CheckScreen::new(&check_context(profile, today_date));
        // An unsaved draft from last time comes back as it was.
        let today = match prefs.today_draft.clone() {
            Some(d) => TodayScreen::new(d, true),
            None => {
                let mut t = TodayScreen::new(EntryDraft::new(today_date), false);
                t.load_day(data.journal(), today_date);
                t
            }
        };
        let trends = TrendsScreen::new(prefs.trends_range);
        let screen = if prefs.welcomed {
            prefs.last_screen
        } else {
            Screen::Welcome
        };
        Self {
            welcome: WelcomeScreen::new(profile, today_date),
            settings: SettingsScreen::new(profile, today_date),
            summary: SummaryScreen::new(today_date, data.journal()),
            config,
            prefs,
            applied: None,
            screen,
            check,
            today,
            journal: JournalScreen::default(),
            trends,
            data,
            notices,
            deleted: Vec::new(),
            pending_import: None,
            prefs_dirty: false,
            draft_dirty_since: None,
        }
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn prefs(&self) -> &UiPrefs {
        &self.prefs
    }

    pub fn journal_data(&self) -> &Journal {
        self.data.journal()
    }

    /// The notices shown now, as text (for tests and logs).
    pub fn notice_texts(&self) -> Vec<String> {
        self.notices.list().iter().map(|n| n.text.clone()).collect()
    }

    fn today_date(&self) -> Date {
        clock_today(&self.config)
    }

    fn now(&self) -> Timestamp {
        match self.config.today {
            Some(d) => d
                .to_zoned(TimeZone::UTC)
                .map_or(Timestamp::UNIX_EPOCH, |z| {
                    z.timestamp() + jiff::SignedDuration::from_hours(12)
                }),
            None => Timestamp::now(),
        }
    }

    fn now_zoned(&self) -> Zoned {
        self.now().to_zoned(self.tz())
    }

    fn tz(&self) -> TimeZone {
        match self.config.today {
            Some(_) => TimeZone::UTC,
            None => TimeZone::system(),
        }
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
        let number = self.data.journal().profile.emergency_number().to_owned();
        Panel::bottom("footer")
            .frame(Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 4)))
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
        CentralPanel::default()
            .frame(Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(16)))
            .show(ui, |ui| {
                self.notices.ui(ui, &mut commands);
                self.screen_ui(ui, &mut commands);
            });

        for c in commands {
            self.run(c);
        }
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

    fn screen_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let today = self.today_date();
        let journal = self.data.journal();
        let revision = self.data.revision();
        let profile = &journal.profile;
        match self.screen {
            Screen::Welcome => self.welcome.ui(ui, today, commands),
            Screen::Check => self.check.ui(ui, &check_context(profile, today), commands),
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
                    profile.emergency_number(),
                    commands,
                );
            }
            Screen::Journal => {
                let tz = self.tz();
                self.journal.ui(
                    ui,
                    journal,
                    revision,
                    &tz,
                    !self.deleted.is_empty(),
                    commands,
                );
            }
            Screen::Trends => self.trends.ui(ui, journal, revision, today, commands),
            Screen::Summary => {
                let now = self.now_zoned();
                self.summary.ui(ui, journal, revision, &now, commands);
            }
            Screen::Settings => {
                let theme = self.prefs.theme;
                let scale = self.prefs.text_scale;
                self.settings
                    .ui(ui, &self.config.data_dir, theme, scale, today, commands);
            }
        }
    }

    fn nav_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
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
        let buttons: f32 = Screen::NAV
            .iter()
            .map(|s| {
                text_width(ui, s.label().into()) + 2.0 * ui.spacing().button_padding.x + spacing
            })
            .sum();
        let room = ui.available_width();
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
                ui.add_space(12.0);
            }
            for s in Screen::NAV {
                let b = egui::Button::selectable(self.screen == s, s.label());
                let tip = match s.shortcut() {
                    Some(sc) => format!("{} ({})", s.tooltip(), ui.ctx().format_shortcut(&sc)),
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
            if i.consume_shortcut(&SAVE) {
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
            if self.screen == Screen::Journal && i.consume_shortcut(&UNDO) {
                commands.push(Command::UndoDelete);
            }
        });
    }

    /// Runs one command (after the frame).
    pub fn run(&mut self, command: Command) {
        match command {
            Command::Navigate(s) => self.navigate(s),
            Command::SetTheme(t) => {
                self.prefs.theme = t;
                self.prefs_dirty = true;
            }
            Command::SetTextScale(s) => {
                self.prefs.text_scale = theme::clamp_text_scale(s);
                self.prefs_dirty = true;
            }
            Command::SetTrendsRange(r) => {
                self.prefs.trends_range = r;
                self.prefs_dirty = true;
            }
            Command::SaveCheck(c) => self.save_check(c),
            Command::FinishWelcome(profile) => {
                if let Some(p) = profile {
                    self.save_profile(p);
                }
                self.prefs.welcomed = true;
                self.prefs_dirty = true;
                self.navigate(Screen::Check);
            }
            Command::SaveProfile(p) => self.save_profile(p),
            Command::SaveEntry(draft) => self.save_entry(&draft),
            Command::DraftChanged => {
                self.prefs.today_draft = Some(self.today.draft.clone());
                self.draft_dirty_since.get_or_insert_with(Instant::now);
            }
            Command::OpenDay(date) => {
                self.open_day(date);
            }
            Command::DeleteEntry(date) => self.delete_entry(date),
            Command::UndoDelete => self.undo_delete(),
            Command::CheckWithSymptoms(symptoms) => {
                let today = self.today_date();
                let profile = self.data.journal().profile.clone();
                self.check.start_over(&check_context(&profile, today));
                self.check.tick(symptoms);
                self.navigate(Screen::Check);
            }
            Command::OpenDataFolder => {
                let dir = self.config.data_dir.clone();
                if let Err(e) = opener::open(&dir) {
                    self.notices.error(format!(
                        "Could not open the data folder ({e}). Open it in your file manager: {}",
                        dir.display()
                    ));
                }
            }
            Command::SavePdf(request) => self.save_pdf(&request),
            Command::SavePdfTo(request, path) => self.save_pdf_to(&request, &path),
            Command::OpenPdf(request) => self.open_pdf(&request),
            Command::SetPaper(paper) => {
                // Quietly: the radio button already shows the choice.
                if self.change(|j| j.profile.paper = paper) {
                    let profile = self.data.journal().profile.clone();
                    self.settings.profile_changed_elsewhere(&profile);
                }
            }
            Command::SaveSummaryNotes(notes) => {
                if self.change(|j| j.summary_notes = notes.clone()) {
                    self.notices.info("Your notes for the doctor are saved.");
                }
            }
            Command::ExportCsv => self.export_csv(),
            Command::ExportCsvTo(path) => self.export_csv_to(&path),
            Command::Import => {
                match rfd::FileDialog::new()
                    .set_title("Import a journal file")
                    .add_filter("CSV or Backlog copy", &["csv", "ron"])
                    .pick_file()
                {
                    Some(path) => self.import_from(&path),
                    None => self.notices.info(
                        "No file was chosen. You can also type the file's path under Export and import.",
                    ),
                }
            }
            Command::ImportFrom(path) => self.import_from(&path),
            Command::ConfirmImport => self.confirm_import(),
            Command::CancelImport => {
                if self.pending_import.take().is_some() {
                    self.settings.set_import_preview(None);
                    self.notices.info("Nothing was imported.");
                }
            }
            Command::RestoreBackup(id) => self.restore_backup(&id),
            Command::RefreshBackups => self.refresh_backups(),
            Command::ReloadJournal => match self.data.reload() {
                Ok(()) => {
                    self.profile_reloaded();
                    self.notices.info("Your journal loaded.");
                }
                Err(e) => report_load_error(&mut self.notices, &e),
            },
            Command::Dismiss(id) => self.notices.dismiss(id),
        }
    }

    fn navigate(&mut self, s: Screen) {
        if self.screen == s {
            return;
        }
        self.screen = s;
        if s == Screen::Settings {
            self.refresh_backups();
        }
        if s != Screen::Welcome {
            self.prefs.last_screen = s;
            self.prefs_dirty = true;
        }
        if s == Screen::Welcome {
            self.welcome = WelcomeScreen::new(&self.data.journal().profile, self.today_date());
        }
    }

    /// Shows a day on Today. Unsaved typing is never thrown away: a form
    /// with unsaved changes is set aside (and kept in `ui.ron`) and comes
    /// back when its day is opened again.
    fn open_day(&mut self, date: Date) {
        let today = self.today_date();
        let date = date.min(today);
        if self.today.draft.date != date {
            if self.today.dirty {
                let draft = self.today.draft.clone();
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
        self.navigate(Screen::Today);
    }

    /// Runs a change through the store; reports failure (and a failed
    /// backup) as a notice. Returns true when it was saved.
    fn change(&mut self, apply: impl FnMut(&mut Journal)) -> bool {
        match self.data.change(apply) {
            Ok(changed) => {
                if let Some(w) = changed.backup_warning {
                    self.notices
                        .error(format!("Your change was saved, but {w}"));
                }
                true
            }
            Err(e) => {
                self.notices.error(e.to_string());
                false
            }
        }
    }

    fn save_entry(&mut self, draft: &EntryDraft) {
        let today = self.today_date();
        let now = self.now();
        let existing = self.data.journal().entry(draft.date).cloned();
        let entry = match draft.validate(crate::triage::knowledge(), today, now, existing.as_ref())
        {
            Ok(e) => e,
            Err(e) => {
                self.today.set_error(Some(e.to_string()));
                return;
            }
        };
        let saved = self.change(|j| {
            // Keep the first-written time of the entry on disk, if any.
            let mut e = entry.clone();
            if let Some(old) = j.entry(e.date) {
                e.created = old.created;
            }
            j.upsert(e);
        });
        if !saved {
            self.today.set_error(Some(
                "Not saved. Your typing is kept here; see the message at the top.".into(),
            ));
            return;
        }
        self.prefs.set_aside.remove(&draft.date);
        self.today.set_error(None);
        if self.today.draft.date == draft.date {
            self.today.dirty = self.today.draft != *draft;
        }
        if !self.today.dirty {
            self.prefs.today_draft = None;
            self.prefs_dirty = true;
            self.draft_dirty_since = None;
        }
        let day = if draft.date == today {
            "today".to_owned()
        } else {
            draft.date.to_string()
        };
        self.notices.info(format!("Saved your entry for {day}."));
    }

    fn delete_entry(&mut self, date: Date) {
        let mut removed = None;
        if !self.change(|j| removed = j.remove(date)) {
            return;
        }
        let Some(entry) = removed else {
            self.notices
                .info(format!("There was no entry for {date} to delete."));
            return;
        };
        self.deleted.push(entry);
        if self.deleted.len() > UNDO_DEPTH {
            self.deleted.remove(0);
        }
        self.notices.info(format!(
            "Deleted the entry for {date}. Press Undo delete (Ctrl+Z) to bring it back."
        ));
        if self.today.draft.date == date && !self.today.dirty {
            self.today.load_day(self.data.journal(), date);
        }
    }

    fn undo_delete(&mut self) {
        let Some(entry) = self.deleted.pop() else {
            return;
        };
        let date = entry.date;
        let mut clash = false;
        let ok = self.change(|j| {
            clash = j.entry(date).is_some();
            if !clash {
                j.upsert(entry.clone());
            }
        });
        if !ok {
            self.deleted.push(entry);
        } else if clash {
            self.notices.error(format!(
                "A new entry for {date} was saved after the delete, so the old one was not brought back."
            ));
        } else {
            self.notices
                .info(format!("Brought back the entry for {date}."));
            if self.today.draft.date == date && !self.today.dirty {
                self.today.load_day(self.data.journal(), date);
            }
        }
    }

    fn save_check(&mut self, c: CheckToSave) {
        let saved = SavedCheck {
            time: self.now(),
            age: c.age,
            findings: c.findings.into_iter().collect(),
            level: c.level,
            rules: c.rule_ids,
            rules_version: c.rules_version,
        };
        if self.change(|j| j.checks.push(saved.clone())) {
            self.notices
                .info("Check saved. It will be on your doctor's summary.");
        }
    }

    fn save_profile(&mut self, p: Profile) {
        if self.change(|j| j.profile = p.clone()) {
            self.profile_reloaded();
            self.notices.info("Your details are saved.");
        }
    }

    /// The profile may have changed (saved, restored, reloaded).
    fn profile_reloaded(&mut self) {
        let today = self.today_date();
        let profile = self.data.journal().profile.clone();
        self.check.profile_changed(&check_context(&profile, today));
        self.settings.reset(&profile, today);
        self.summary.set_paper(profile.paper.into());
    }

    fn restore_backup(&mut self, id: &str) {
        match self.data.restore(id) {
            Ok(b) => {
                self.profile_reloaded();
                self.deleted.clear();
                if !self.today.dirty {
                    let d = self.today.draft.date;
                    self.today.load_day(self.data.journal(), d);
                }
                self.notices.info(format!(
                    "Restored the backup from {}. What it replaced was kept as a backup too.",
                    b.time_text()
                ));
                self.refresh_backups();
            }
            Err(e) => self.notices.error(e.to_string()),
        }
    }

    /// Builds and renders the summary; the error is a sentence to show.
    fn make_pdf(&self, request: &SummaryRequest) -> Result<Vec<u8>, String> {
        let summary = crate::summary::build(
            self.data.journal(),
            crate::triage::knowledge(),
            request,
            &self.now_zoned(),
        )
        .map_err(|e| format!("The summary was not made: {e}."))?;
        crate::summary::pdf::render(&summary).map_err(|e| format!("The summary was not made: {e}."))
    }

    fn pdf_name(&self, request: &SummaryRequest) -> String {
        let to = request.to.unwrap_or_else(|| self.today_date());
        format!("backlog-summary-{to}.pdf")
    }

    fn save_pdf(&mut self, request: &SummaryRequest) {
        let name = self.pdf_name(request);
        let fallback = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| self.config.data_dir.clone())
            .join(&name);
        let chosen = rfd::FileDialog::new()
            .set_title("Save the summary for your doctor")
            .set_file_name(&name)
            .add_filter("PDF", &["pdf"])
            .save_file();
        match chosen {
            Some(path) => self.save_pdf_to(request, &path),
            // Cancelled, or no file dialog on this system: offer a safe place.
            None => self.notices.info_with_action(
                format!(
                    "No file was chosen, so the summary was not saved. You can save it as {}.",
                    fallback.display()
                ),
                "Save it there",
                Command::SavePdfTo(request.clone(), fallback),
            ),
        }
    }

    /// The store's output guard (as for the command line): a mistyped
    /// name must never replace the journal or a file of another kind.
    fn refuse_output(&mut self, what: &str, ext: &'static str, path: &Path) -> bool {
        let checked = crate::store::check_output_path(path, ext, &self.config.data_dir);
        if let Err(problem) = &checked {
            self.notices.error(format!(
                "{what} was not saved: {problem}: {}",
                path.display()
            ));
        }
        checked.is_err()
    }

    fn save_pdf_to(&mut self, request: &SummaryRequest, path: &Path) {
        if self.refuse_output("The summary", "pdf", path) {
            return;
        }
        let result = self.make_pdf(request).and_then(|bytes| {
            crate::store::write_file_atomic(path, &bytes).map_err(|e| {
                format!(
                    "The summary could not be saved ({e}). Check that the disk is not full, or choose another folder: {}",
                    path.display()
                )
            })
        });
        match result {
            Ok(()) => self
                .notices
                .info(format!("Saved the summary: {}", path.display())),
            Err(e) => self.notices.error(e),
        }
    }

    fn open_pdf(&mut self, request: &SummaryRequest) {
        let dir = self.config.data_dir.join("summaries");
        let path = dir.join(self.pdf_name(request));
        let result = self.make_pdf(request).and_then(|bytes| {
            crate::store::create_private_dir(&dir)
                .and_then(|()| crate::store::write_file_atomic(&path, &bytes))
                .map_err(|e| {
                format!("The summary could not be written ({}). Check that the disk is not full: {}", crate::store::io_reason(&e), path.display())
            })?;
            crate::store::open_in_viewer(&path).map_err(|e| {
                format!("The summary is saved, but it could not be opened: {e}. Open it yourself to print: {}", path.display())
            })
        });
        match result {
            Ok(()) => self
                .notices
                .info("The summary is open in your PDF viewer. Print it from there."),
            Err(e) => self.notices.error(e),
        }
    }

    fn documents_dir(&self) -> PathBuf {
        directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| self.config.data_dir.clone())
    }

    fn export_csv(&mut self) {
        let name = format!("backlog-journal-{}.csv", self.today_date());
        let fallback = self.documents_dir().join(&name);
        match rfd::FileDialog::new()
            .set_title("Export your journal as CSV")
            .set_file_name(&name)
            .add_filter("CSV", &["csv"])
            .save_file()
        {
            Some(path) => self.export_csv_to(&path),
            None => self.notices.info_with_action(
                format!(
                    "No file was chosen, so nothing was exported. You can export to {}.",
                    fallback.display()
                ),
                "Export there",
                Command::ExportCsvTo(fallback),
            ),
        }
    }

    fn export_csv_to(&mut self, path: &Path) {
        if self.refuse_output("The export", "csv", path) {
            return;
        }
        let result = crate::store::exchange::to_csv(self.data.journal().entries())
            .map_err(|e| format!("The export was not made ({e})."))
            .and_then(|bytes| {
                crate::store::write_file_atomic(path, &bytes).map_err(|e| {
                    format!(
                        "The export could not be saved ({e}). Check that the disk is not full, or choose another folder: {}",
                        path.display()
                    )
                })
            });
        match result {
            Ok(()) => self.notices.info(format!(
                "Exported {} entries: {}",
                self.data.journal().entries().len(),
                path.display()
            )),
            Err(e) => self.notices.error(e),
        }
    }

    fn import_from(&mut self, path: &Path) {
        let bytes = match crate::store::read_chosen_file(path) {
            Ok(b) => b,
            Err(why) => {
                self.notices.error(format!(
                    "Could not read the file to import ({why}). Check the name and try again: {}",
                    path.display()
                ));
                return;
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let imported = match crate::store::exchange::read_import(
            &name,
            &bytes,
            crate::triage::knowledge(),
            self.today_date(),
            self.now(),
        ) {
            Ok(i) => i,
            Err(e) => {
                self.notices.error(format!(
                    "Nothing was imported: {e}. Fix the file and try again: {}",
                    path.display()
                ));
                return;
            }
        };
        // A dry run on a copy first (like `journal import --dry-run`): the
        // person sees what would change and says yes before anything does.
        let mut copy = self.data.journal().clone();
        let report = crate::store::exchange::merge(&mut copy, &imported);
        let text = report.describe(&name, Mood::Preview).join("\n");
        if report.is_empty() {
            self.settings.set_import_preview(None);
            self.pending_import = None;
            self.notices.info(text);
        } else {
            self.settings.set_import_preview(Some(text));
            self.pending_import = Some(PendingImport { name, imported });
        }
    }

    fn confirm_import(&mut self) {
        let Some(PendingImport { name, imported }) = self.pending_import.take() else {
            return;
        };
        self.settings.set_import_preview(None);
        let mut report = None;
        if self.change(|j| report = Some(crate::store::exchange::merge(j, &imported))) {
            let r = report.unwrap_or_default();
            self.profile_reloaded();
            self.notices.info(r.describe(&name, Mood::Done).join(" "));
        }
    }

    fn refresh_backups(&mut self) {
        match self.data.backups() {
            Ok(list) => self.settings.set_backups(list),
            Err(e) => self.notices.error(e.to_string()),
        }
    }

    /// Writes the window prefs (and the Today draft) now.
    pub fn save_now(&mut self) {
        self.save_prefs();
    }

    fn save_prefs(&mut self) {
        self.prefs_dirty = false;
        self.draft_dirty_since = None;
        if let Err(e) = self.prefs.save(&self.config.data_dir) {
            self.notices.error(e.to_string());
        }
    }
}

/// A file read for import, waiting for the person's yes.
struct PendingImport {
    name: String,
    imported: crate::store::exchange::Imported,
}

/// A journal that will not load: say so, and offer the newest good backup.
/// Shorter than the store's message, which also tells the command line's
/// way to restore; here the button does that.
fn report_load_error(notices: &mut Notices, e: &StoreError) {
    match e {
        StoreError::Corrupt {
            path,
            detail,
            newest_backup,
        } => {
            let no_backup = if newest_backup.is_none() {
                " There is no good backup to go back to; the file can be fixed in a text editor."
            } else {
                ""
            };
            // The path last, so no full stop is taken for part of it.
            let text = format!(
                "Backlog could not read your journal ({detail}). It is kept as it is, and nothing will be saved over it.{no_backup} File: {}",
                path.display()
            );
            match newest_backup {
                Some(b) => notices.error_with_action(
                    text,
                    &format!("Restore the backup from {}", b.time_text()),
                    Command::RestoreBackup(b.id.clone()),
                ),
                None => notices.error_with_action(text, "Try again", Command::ReloadJournal),
            }
        }
        _ => notices.error_with_action(e.to_string(), "Try again", Command::ReloadJournal),
    }
}

fn clock_today(config: &Config) -> Date {
    config.today.unwrap_or_else(|| Zoned::now().date())
}

fn check_context(profile: &Profile, today: Date) -> CheckContext<'_> {
    CheckContext {
        profile_age: profile.age_on(today),
        history: &profile.history,
        emergency_number: profile.emergency_number(),
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
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

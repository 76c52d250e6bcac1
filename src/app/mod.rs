//! The desktop app (eframe/egui, glow renderer): a thin shell over the
//! triage engine and the journal store.
//!
//! Screens draw and push [`Command`]s; [`App::ui`] runs them after the frame,
//! so no file, dialog or PDF work happens while drawing. `App::ui` needs only
//! an `egui::Ui`, so tests drive it with `egui_kittest` without eframe, a GPU
//! or a display. Errors become dismissible notices in the window; nothing
//! here panics or closes the window on its own.
//!
//! Where things are: this file holds the [`App`] (its state, start-up, the
//! clock) and the eframe glue; `frame` draws one frame and navigates;
//! `runner` runs the commands; `edits` changes the journal; `files` saves
//! the PDF and the CSV export; `import` reads, previews and merges a file.
//! One file per screen (`check`, `today`, `journal_view`, `trends`,
//! `summary_view`, `settings`, `welcome`), and the small shared parts
//! (`widgets`, `theme`, `notify`).

mod body_map;
mod calendar;
mod check;
mod command;
mod data;
mod edits;
mod files;
mod frame;
mod icons;
mod import;
mod journal_view;
mod notify;
mod pain_chart;
mod prefs;
mod profile_form;
mod runner;
mod screen;
mod settings;
mod summary_view;
pub mod theme;
mod today;
mod trends;
mod ui_kit;
mod welcome;
mod widgets;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Ui;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

pub use command::{Command, Shortcut};
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
use today::TodayScreen;
use trends::TrendsScreen;
use welcome::WelcomeScreen;

use crate::journal::{Entry, EntryDraft, Journal, Profile};
use crate::store::{MemoryStore, Storage, Store};
use import::PendingImport;
use runner::report_load_error;

/// Where the app keeps its data, and the clock it uses.
#[derive(Debug, Clone)]
pub struct Config {
    /// The data folder (already resolved from the flag, the environment or
    /// the per-user default).
    pub data_dir: PathBuf,
    /// A fixed "today" for tests and benchmarks; `None` uses the system clock.
    pub today: Option<Date>,
}

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
    /// The window's context, from the first frame on: messages written
    /// after the frame name keys the way this system does.
    egui_ctx: Option<egui::Context>,
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
            egui_ctx: None,
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

    #[expect(
        clippy::disallowed_methods,
        reason = "the app reads the clock here, once per command, unless a test fixed it"
    )]
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

#[expect(
    clippy::disallowed_methods,
    reason = "today comes from the clock here, unless a test fixed it"
)]
fn clock_today(config: &Config) -> Date {
    config.today.unwrap_or_else(|| Zoned::now().date())
}

fn check_context(profile: &Profile, today: Date) -> CheckContext<'_> {
    CheckContext { profile, today }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }
}

/// Opens the window and runs until it is closed. (`App::run` runs one
/// command; this runs the whole app.)
pub fn open_window(config: Config) -> anyhow::Result<()> {
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

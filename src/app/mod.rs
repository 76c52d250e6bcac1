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

mod a11y;
mod attention_view;
mod banner;
mod body_map;
mod calendar;
mod check;
mod command;
mod data;
mod edits;
mod files;
mod focus;
mod frame;
mod icons;
mod import;
mod journal_view;
mod medicine_list;
mod medicines;
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
pub use medicine_list::MedicineEdit;
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
    /// The system locale ("en-GB"), read at start; it proposes the
    /// emergency number until the person sets one. `None`: unknown.
    pub locale: Option<String>,
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
    /// The widget with keyboard focus at the end of the last frame.
    focus_seen: Option<egui::Id>,
    /// The emergency number for the system's locale, shown until the
    /// person sets one.
    proposed_number: Option<&'static str>,
    /// What the journal shows on its own (issue 15), worked out once per
    /// (journal revision, today, what was put away).
    attention: Option<(AttentionKey, Option<crate::journal::attention::Notice>)>,
    /// The day it was at the last frame: at midnight Today moves on.
    day_seen: Date,
}

type AttentionKey = (u64, Date, Option<crate::journal::attention::Fingerprint>);

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
        let proposed_number = config
            .locale
            .as_deref()
            .and_then(crate::journal::locale::emergency_number_for_locale);
        let check = CheckScreen::new(&check_context(profile, today_date, proposed_number));
        // An unsaved draft from last time comes back as it was, if it is
        // today's; another day's is set aside (its day brings it back), so
        // Today always opens on today.
        let mut prefs = prefs;
        let today = match prefs.today_draft.clone() {
            Some(d) if d.date == today_date => TodayScreen::new(d, true),
            other => {
                if let Some(d) = other {
                    notices.info(format!(
                        "Your unsaved changes for {} are kept: open that day to finish them.",
                        edits::short_day(d.date)
                    ));
                    prefs.set_aside.insert(d.date, d);
                    prefs.today_draft = None;
                }
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
            welcome: WelcomeScreen::new(profile, today_date, proposed_number),
            settings: SettingsScreen::new(profile, today_date, proposed_number),
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
            focus_seen: None,
            proposed_number,
            attention: None,
            day_seen: today_date,
        }
    }

    /// Moves the fixed clock of a test or benchmark to another day (as
    /// when midnight passes with the window open). No effect with the
    /// system clock.
    pub fn set_fixed_today(&mut self, today: Date) {
        if self.config.today.is_some() {
            self.config.today = Some(today);
        }
    }

    /// The day Today shows.
    pub fn today_shows(&self) -> Date {
        self.today.draft.date
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

    /// Writes the window prefs (and the Today draft) now, and the notes
    /// for the doctor if they were typed and not saved (closing the window
    /// keeps them).
    pub fn save_now(&mut self) {
        self.save_summary_typing();
        self.save_prefs();
    }

    /// The journal's note for Today and Trends, if it has one to show.
    fn attention_notice(&mut self, today: Date) -> Option<&crate::journal::attention::Notice> {
        let key = (
            self.data.revision(),
            today,
            self.prefs.attention_dismissed.clone(),
        );
        if self.attention.as_ref().is_none_or(|(k, _)| *k != key) {
            let review = crate::journal::attention::review(self.data.journal(), today);
            let notice = review.notice(key.2.as_ref());
            self.attention = Some((key, notice));
        }
        self.attention.as_ref().and_then(|(_, n)| n.as_ref())
    }

    /// Saves the Summary screen's notes if they differ from the saved ones.
    fn save_summary_typing(&mut self) {
        if let Some(c) = self.summary.save_command(self.data.journal()) {
            self.run(c);
        }
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

fn check_context<'a>(
    profile: &'a Profile,
    today: Date,
    proposed: Option<&'a str>,
) -> CheckContext<'a> {
    CheckContext {
        profile,
        today,
        numbers: banner::Numbers::new(profile, proposed),
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    /// The page colour, painted by the clear; the panels are transparent
    /// over it (see `frame::PAINTED_BY_THE_CLEAR`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }
}

/// Opens the window and runs until it is closed. (`App::run` runs one
/// command; this runs the whole app.)
pub fn open_window(config: Config) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(a11y::WINDOW_NAME)
        .with_app_id("backlog")
        .with_inner_size([1000.0, 720.0])
        .with_min_inner_size([800.0, 600.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // egui dithers every pixel against banding in gradients. Backlog
        // draws flat colours only, where it changes nothing a person can
        // see, but on a computer without a graphics card (software GL) it
        // was a tenth of the cost of drawing each frame.
        dithering: false,
        ..Default::default()
    };
    eframe::run_native(
        "Backlog",
        options,
        Box::new(move |cc| {
            let mut app = App::new(config);
            // The theme before the first frame, so its clear is already
            // the page colour (no dark flash in the light theme).
            app.apply_style(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("Could not open the window: {e}"))
}

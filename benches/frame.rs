//! `cargo bench --bench frame`: CPU time of one frame of each screen with
//! ten years of daily entries (logic, layout and tessellation; no GPU).
//! Target: under 2 ms per frame on the 2-core CI machine; aim under 1 ms.
//!
//! Each case builds the app over an in-memory store, opens the screen,
//! runs a few frames so caches are warm (as after the first paint), then
//! times steady frames with the pointer resting over the window, which is
//! what a repaint on mouse movement costs.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark with bad input should stop loudly"
)]

use backlog::app::{App, Command, Config, Screen, TrendsRange, UiPrefs};
use backlog::journal::sample;
use backlog::store::MemoryStore;
use divan::Bencher;
use jiff::civil::date;

fn main() {
    divan::main();
}

const TODAY: jiff::civil::Date = date(2026, 11, 24);
const YEARS: u32 = 10;

struct Frame {
    ctx: egui::Context,
    app: App,
    _dir: tempfile::TempDir,
}

impl Frame {
    fn new(screen: Screen, range: TrendsRange, text_scale: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let prefs = UiPrefs {
            welcomed: true,
            last_screen: screen,
            trends_range: range,
            text_scale,
            ..UiPrefs::default()
        };
        prefs.save(dir.path()).unwrap();
        let journal = sample::journal(TODAY, 365 * YEARS, 7);
        assert!(journal.entries().len() > 3000);
        let mut app = App::with_storage(
            Config {
                locale: None,
                data_dir: dir.path().to_path_buf(),
                today: Some(TODAY),
            },
            Box::new(MemoryStore::new(journal)),
        );
        app.run(Command::Navigate(screen));
        let mut f = Self {
            ctx: egui::Context::default(),
            app,
            _dir: dir,
        };
        for _ in 0..4 {
            f.frame();
        }
        assert_eq!(
            f.app.screen(),
            screen,
            "the bench must draw the screen it names"
        );
        f
    }

    fn input(&self) -> egui::RawInput {
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1000.0, 720.0),
            )),
            events: vec![egui::Event::PointerMoved(egui::pos2(600.0, 400.0))],
            ..egui::RawInput::default()
        }
    }

    fn frame(&mut self) -> usize {
        let input = self.input();
        let mut out = self.ctx.run_ui(input, |ui| self.app.ui(ui));
        // No GPU here to upload the font atlas to; egui asserts (in builds
        // with debug assertions) that a dropped delta was handled.
        out.textures_delta.clear();
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        prims.len()
    }
}

fn bench(bencher: Bencher, screen: Screen, range: TrendsRange, scale: u16) {
    let mut f = Frame::new(screen, range, scale);
    bencher.bench_local(|| f.frame());
}

#[divan::bench]
fn check(b: Bencher) {
    bench(b, Screen::Check, TrendsRange::Days30, 100);
}

#[divan::bench]
fn today(b: Bencher) {
    bench(b, Screen::Today, TrendsRange::Days30, 100);
}

#[divan::bench]
fn journal(b: Bencher) {
    bench(b, Screen::Journal, TrendsRange::Days30, 100);
}

#[divan::bench]
fn trends_30_days(b: Bencher) {
    bench(b, Screen::Trends, TrendsRange::Days30, 100);
}

#[divan::bench]
fn trends_all_10_years(b: Bencher) {
    bench(b, Screen::Trends, TrendsRange::All, 100);
}

#[divan::bench]
fn summary(b: Bencher) {
    bench(b, Screen::Summary, TrendsRange::Days30, 100);
}

#[divan::bench]
fn settings(b: Bencher) {
    bench(b, Screen::Settings, TrendsRange::Days30, 100);
}

#[divan::bench]
fn journal_text_200(b: Bencher) {
    bench(b, Screen::Journal, TrendsRange::Days30, 200);
}

/// A short window for the text size: the banner fits its type to the
/// steady height each frame.
#[divan::bench]
fn check_text_200(b: Bencher) {
    bench(b, Screen::Check, TrendsRange::Days30, 200);
}

//! Writes a realistic sample journal into a data folder, for start-up
//! measurements and screenshots: `DAYS` daily entries ending today (the
//! benchmarks' generator, one entry every day), with the welcome pages
//! marked done so the window opens on `SCREEN` (default: today).
//!
//! `cargo run --release --example sample_data -- DIR [DAYS] [SCREEN]`
//!
//! The journal is saved through the store, like any change the app makes.
//! An existing journal in `DIR` is replaced (it is a sample folder).

use std::path::PathBuf;
use std::process::ExitCode;

use backlog::app::{Screen, UiPrefs};
use backlog::journal::sample;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sample_data: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: sample_data DIR [DAYS] [SCREEN]";
    let dir = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!("{usage}"))?);
    let days: u32 = match args.next() {
        Some(d) => d
            .parse()
            .map_err(|_| anyhow::anyhow!("DAYS must be a whole number, not {d:?}. {usage}"))?,
        None => 3650,
    };
    let screen = match args.next() {
        Some(s) => Screen::from_id(&s).ok_or_else(|| {
            anyhow::anyhow!("SCREEN must be one of {}, not {s:?}", Screen::id_list())
        })?,
        None => Screen::Today,
    };
    #[expect(clippy::disallowed_methods, reason = "a sample ends on the real today")]
    let today = jiff::Zoned::now().date();
    let journal = sample::every_day(today, days, 7);
    let store = backlog::store::Store::open(dir.clone())?;
    store.update(|j| -> Result<(), backlog::store::StoreError> {
        j.clone_from(&journal);
        Ok(())
    })?;
    UiPrefs {
        welcomed: true,
        last_screen: screen,
        ..UiPrefs::default()
    }
    .save(&dir)?;
    println!(
        "sample_data: {days} days ending {today} in {}",
        dir.display()
    );
    Ok(())
}

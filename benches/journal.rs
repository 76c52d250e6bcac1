//! `cargo bench --bench journal`: load and save the journal file for 1, 10
//! and 100 years of daily entries with realistic notes (an entry every day:
//! 365, 3,650 and 36,500).
//!
//! Targets (issue 3): load 10 years under 20 ms; save under 50 ms including
//! fsync; cost growing linearly with the number of entries.
//!
//! - `load`: `Store::load` on a fresh `Store` (read, parse, validate), as
//!   when the app starts or a command runs.
//! - `parse_one_thread`: the same bytes through ron alone, without the
//!   checks, to see what the checks cost. (A reader on several threads,
//!   `store::parallel`, was removed: it saved at most 6 ms of 25 on an idle
//!   machine and nothing on a busy one, for 300 lines and a layout
//!   contract.)
//! - `save`: `Store::update` with one changed entry on the app's long-lived
//!   `Store`, the whole safe path: lock, re-read the file (parsing skipped
//!   when the bytes are the ones it last saved), apply, validate,
//!   serialise, write, fsync, rename, fsync the folder, write the backup
//!   (fsync again), prune the backups.
//! - `save_cold`: the same on a fresh `Store` each time, so the re-read is
//!   parsed too (the command line's case: one process per change).
//! - `parse`, `serialize`, `validate`, `write_durable`: the parts, to see
//!   where the time goes.
//! - `stats_year` / `rolling_year`: a year's statistics and 7-day series
//!   from a 10-year journal (what the Trends screen recomputes on a change).
//! - `attention_review`: `journal::attention::review` on the 10-year
//!   journal: the derived findings, the fresh assessment and the
//!   fingerprint (issue 15: under 1 ms). `attention_review_worst`: 10 years
//!   in which every derived finding has held every day, so each one's
//!   start is searched for the whole look-back. Measured (release, median,
//!   2-core machine shared with other builds): 128 µs and 220 µs.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark with bad input should stop loudly"
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use backlog::journal::stats::{Period, daily_series, period_stats};
use backlog::journal::{EntryDraft, Journal, JournalError, attention, sample};
use backlog::store::{self, Store, StoreError};
use backlog::triage::knowledge;
use divan::{Bencher, black_box};
use jiff::civil::Date;

const LAST_DAY: Date = Date::constant(2026, 11, 24);

fn main() {
    let _ = knowledge();
    divan::main();
}

struct Fixture {
    journal: Journal,
    bytes: Vec<u8>,
    dir: tempfile::TempDir,
}

/// One journal and one data folder per size, made once.
fn fixture(years: u32) -> &'static Fixture {
    static CELLS: [OnceLock<Fixture>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let cell = match years {
        1 => &CELLS[0],
        10 => &CELLS[1],
        _ => &CELLS[2],
    };
    cell.get_or_init(|| {
        let journal = sample::every_day(LAST_DAY, years * 365, u64::from(years));
        let bytes = store::serialize(&journal).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        s.update(|j| {
            *j = journal.clone();
            Ok::<_, StoreError>(())
        })
        .unwrap();
        eprintln!(
            "{years} year(s): {} entries, {:.1} MB",
            journal.entries().len(),
            bytes.len() as f64 / 1e6
        );
        Fixture {
            journal,
            bytes,
            dir,
        }
    })
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn load(bencher: Bencher, years: u32) {
    let f = fixture(years);
    bencher.bench_local(|| black_box(Store::open(f.dir.path()).unwrap().load().unwrap()));
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn save(bencher: Bencher, years: u32) {
    let f = fixture(years);
    let s = Store::open(f.dir.path()).unwrap();
    let mut pain = 0u8;
    bencher.bench_local(|| {
        pain = (pain + 1) % 11;
        change_one_entry(&s, pain);
    });
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn save_cold(bencher: Bencher, years: u32) {
    let f = fixture(years);
    let mut pain = 0u8;
    bencher.bench_local(|| {
        pain = (pain + 1) % 11;
        change_one_entry(&Store::open(f.dir.path()).unwrap(), pain);
    });
}

fn change_one_entry(s: &Store, pain: u8) {
    {
        s.update(|j| {
            let e = EntryDraft {
                pain: Some(pain),
                ..EntryDraft::new(LAST_DAY)
            }
            .validate(knowledge(), LAST_DAY, jiff::Timestamp::UNIX_EPOCH, None)
            .map_err(|error| {
                StoreError::Invalid(JournalError::Entry {
                    date: LAST_DAY,
                    error,
                })
            })?;
            j.upsert(e);
            Ok::<_, StoreError>(())
        })
        .unwrap();
    }
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn parse(bencher: Bencher, years: u32) {
    let f = fixture(years);
    bencher.bench_local(|| black_box(store::deserialize(&f.bytes).unwrap()));
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn parse_one_thread(bencher: Bencher, years: u32) {
    let f = fixture(years);
    let text = std::str::from_utf8(&f.bytes).unwrap();
    bencher.bench_local(|| black_box(ron::from_str::<Journal>(text).unwrap()));
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn serialize(bencher: Bencher, years: u32) {
    let f = fixture(years);
    bencher.bench_local(|| black_box(store::serialize(&f.journal).unwrap()));
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn validate(bencher: Bencher, years: u32) {
    let f = fixture(years);
    bencher.bench_local(|| f.journal.validate(knowledge()).unwrap());
}

#[divan::bench(args = [1, 10, 100], sample_count = 10, sample_size = 1)]
fn write_durable(bencher: Bencher, years: u32) {
    let f = fixture(years);
    let path: PathBuf = f.dir.path().join("write-test.ron");
    bencher.bench_local(|| store::write_file_atomic(&path, &f.bytes).unwrap());
}

#[divan::bench(sample_count = 20)]
fn stats_year(bencher: Bencher) {
    let f = fixture(10);
    let period = Period::ending(LAST_DAY, 365);
    bencher.bench_local(|| black_box(period_stats(f.journal.entries(), period)));
}

#[divan::bench(sample_count = 20)]
fn rolling_year(bencher: Bencher) {
    let f = fixture(10);
    let period = Period::ending(LAST_DAY, 365);
    bencher.bench_local(|| black_box(daily_series(f.journal.entries(), period)));
}

#[divan::bench(sample_count = 50)]
fn attention_review(bencher: Bencher) {
    let f = fixture(10);
    bencher.bench_local(|| black_box(attention::review(&f.journal, LAST_DAY)));
}

#[divan::bench(sample_count = 50)]
fn attention_review_worst(bencher: Bencher) {
    static WORST: OnceLock<Journal> = OnceLock::new();
    let journal = WORST.get_or_init(|| {
        let mut j = fixture(10).journal.clone();
        let dates: Vec<Date> = j.entries().iter().map(|e| e.date).collect();
        for date in dates {
            if let Some(mut e) = j.entry(date).cloned() {
                e.pain = 6;
                e.worst = None;
                e.woke_at_night = true;
                e.symptoms = ["fever", "night_sweats", "weight_loss"]
                    .map(str::to_owned)
                    .into();
                j.upsert(e);
            }
        }
        j.validate(knowledge()).unwrap();
        j
    });
    let r = attention::review(journal, LAST_DAY);
    assert_eq!(r.findings.len(), 6, "every finding holds");
    bencher.bench_local(|| black_box(attention::review(journal, LAST_DAY)));
}

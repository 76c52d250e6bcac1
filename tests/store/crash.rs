//! Crash safety: the real `backlog` binary is killed with SIGKILL at random
//! moments while it saves, hundreds of times. After every kill the journal
//! must load, and it must hold every entry a process reported saved.
//!
//! The journal is seeded with a year of entries so a save takes long enough
//! (parse, serialise, write ~300 kB, fsync, rename, fsync, backup) for
//! kills to land inside it, as well as before and after. Set
//! BACKLOG_CRASH_SEED to replay a run.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use backlog::journal::sample;
use backlog::store::{Store, StoreError};
use jiff::ToSpan;
use jiff::civil::Date;

const ROUNDS: u32 = 300;
/// Stop early rather than run past this (the whole test stays under ~30 s).
const BUDGET: Duration = Duration::from_secs(22);

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn spawn_add(dir: &Path, date: Date, pain: u8) -> Child {
    super::journal_add(dir, date, pain)
        .args([
            "--note",
            "Written by the crash test; a realistic note of a sentence or two.",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_a_reported_save() {
    let seed = std::env::var("BACKLOG_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            u64::try_from(jiff::Timestamp::now().as_nanosecond() % 1_000_000_007).unwrap() | 1
        });
    println!("seed {seed} (BACKLOG_CRASH_SEED={seed} replays this run)");
    let mut rng = Rng(seed);

    let dir = tempfile::tempdir().unwrap();
    let today = jiff::Zoned::now().date();
    let first_new = today.saturating_sub(i64::from(ROUNDS).days());
    let store = Store::open(dir.path()).unwrap();
    let seeded = sample::journal(first_new.yesterday().unwrap(), 365, 9);
    store
        .update(|j| {
            *j = seeded.clone();
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let size = std::fs::metadata(store.journal_path()).unwrap().len();

    // How long one whole run takes, to aim the kills.
    let started = Instant::now();
    let out = spawn_add(dir.path(), first_new, 0)
        .wait_with_output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let full = started.elapsed();
    let mut saved: BTreeMap<Date, u8> = BTreeMap::from([(first_new, 0)]);
    let mut killed: BTreeMap<Date, u8> = BTreeMap::new();

    let test_start = Instant::now();
    let mut rounds = 0;
    for i in 1..ROUNDS {
        if test_start.elapsed() > BUDGET {
            break;
        }
        rounds += 1;
        let date = first_new.saturating_add(i64::from(i).days());
        let pain = u8::try_from(i % 11).unwrap();
        let mut child = spawn_add(dir.path(), date, pain);
        // Anywhere from the first instant to a little after a normal run.
        let micros = u64::try_from(full.as_micros()).unwrap() * 13 / 10;
        thread::sleep(Duration::from_micros(rng.next() % micros.max(1)));
        match child.try_wait().unwrap() {
            Some(status) => {
                let out = child.wait_with_output().unwrap();
                assert!(status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                assert!(String::from_utf8_lossy(&out.stdout).starts_with("Saved"));
                saved.insert(date, pain);
            }
            None => {
                child.kill().unwrap(); // SIGKILL
                let out = child.wait_with_output().unwrap();
                // It may have finished just before the signal.
                if out.status.success() {
                    saved.insert(date, pain);
                } else {
                    killed.insert(date, pain);
                }
            }
        }
        // After every kill, the journal loads (old or new, never a mix).
        let j = store
            .load()
            .unwrap_or_else(|e| panic!("round {i}: the journal no longer loads: {e}"));
        assert!(j.entries().len() >= seeded.entries().len());
    }

    // A final normal save proves the lock of a killed writer was released.
    let last = today;
    let out = spawn_add(dir.path(), last, 5).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    saved.insert(last, 5);

    let j = store.load().unwrap();
    for (date, pain) in &saved {
        let e = j
            .entry(*date)
            .unwrap_or_else(|| panic!("{date} was reported saved but is missing"));
        assert_eq!(e.pain, *pain, "{date}");
    }
    let mut killed_but_kept = 0;
    for (date, pain) in &killed {
        if let Some(e) = j.entry(*date) {
            assert_eq!(e.pain, *pain, "{date}: a killed save is all or nothing");
            killed_but_kept += 1;
        }
    }
    for e in seeded.entries() {
        assert_eq!(j.entry(e.date), Some(e), "a seeded entry changed");
    }
    // No half-written files: the last save removed any temporary leftovers,
    // and every backup that exists loads.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".backlog-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    for b in store.backups().unwrap() {
        let bytes = std::fs::read(&b.path).unwrap();
        backlog::store::deserialize(&bytes)
            .unwrap_or_else(|e| panic!("backup {} does not load: {e}", b.id));
    }
    println!(
        "{rounds} rounds on a {size}-byte journal (one save run {full:?}): {} saved, {} killed ({killed_but_kept} of those had already saved)",
        saved.len(),
        killed.len()
    );
    assert!(
        killed.len() >= usize::try_from(rounds / 4).unwrap(),
        "most rounds should be killed mid-way"
    );
}

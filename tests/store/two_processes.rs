//! Two writers at once (two app windows, or the app and the command line)
//! never lose each other's changes: every change is lock → reload → apply →
//! save, and a waiting writer gets its turn.

use std::path::Path;
use std::process::Output;
use std::thread;

use backlog::journal::{EntryDraft, JournalError};
use backlog::store::{Store, StoreError};
use backlog::triage::knowledge;
use jiff::ToSpan;
use jiff::civil::Date;

fn add(dir: &Path, date: Date, pain: u8) -> Output {
    super::journal_add(dir, date, pain).output().unwrap()
}

#[test]
fn four_processes_adding_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let start = jiff::Zoned::now().date().saturating_sub(200.days());
    const WRITERS: i64 = 4;
    const EACH: i64 = 15;
    thread::scope(|s| {
        for w in 0..WRITERS {
            let dir = dir.path();
            s.spawn(move || {
                for n in 0..EACH {
                    let date = start.saturating_add((w * EACH + n).days());
                    let out = add(dir, date, u8::try_from((w + n) % 11).unwrap());
                    assert!(
                        out.status.success(),
                        "writer {w}, {date}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            });
        }
    });
    let j = Store::open(dir.path()).unwrap().load().unwrap();
    assert_eq!(j.entries().len(), usize::try_from(WRITERS * EACH).unwrap());
    for w in 0..WRITERS {
        for n in 0..EACH {
            let date = start.saturating_add((w * EACH + n).days());
            assert_eq!(
                j.entry(date).unwrap().pain,
                u8::try_from((w + n) % 11).unwrap()
            );
        }
    }
}

#[test]
fn two_store_handles_in_threads_lose_no_update() {
    let dir = tempfile::tempdir().unwrap();
    let start = Date::constant(2026, 1, 1);
    thread::scope(|s| {
        for w in 0..2i64 {
            let dir = dir.path();
            s.spawn(move || {
                // A separate handle per thread, as two processes would have.
                let store = Store::open(dir).unwrap();
                for n in 0..60i64 {
                    let date = start.saturating_add((w * 100 + n).days());
                    store
                        .update(|j| {
                            let e = EntryDraft {
                                pain: Some(3),
                                ..EntryDraft::new(date)
                            }
                            .validate(knowledge(), date, jiff::Timestamp::UNIX_EPOCH, None)
                            .map_err(|error| {
                                StoreError::Invalid(JournalError::Entry { date, error })
                            })?;
                            j.upsert(e);
                            Ok::<_, StoreError>(())
                        })
                        .unwrap();
                }
            });
        }
    });
    let j = Store::open(dir.path()).unwrap().load().unwrap();
    assert_eq!(j.entries().len(), 120);
}

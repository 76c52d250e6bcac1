//! The store at the edges (issue 16): links, odd files, clocks that are
//! wrong, leftovers of killed saves, and refused changes that must leave
//! the disk exactly as it was. Each test pins one way data was lost or a
//! person was misled.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use backlog::journal::{EntryDraft, Journal, JournalError};
use backlog::store::{BACKUP_DIR, KEEP_LATEST, READ_LIMIT, Store, StoreError, StoreOptions};
use backlog::triage::knowledge;

use crate::disk::tree;
use jiff::Timestamp;
use jiff::civil::{Date, date};

const TODAY: Date = Date::constant(2026, 11, 24);

fn options(clock: fn() -> Timestamp) -> StoreOptions {
    StoreOptions {
        lock_wait: Duration::from_millis(300),
        clock,
    }
}

fn real_clock() -> Timestamp {
    Timestamp::from_second(1_795_000_000).unwrap()
}

fn store(dir: &Path) -> Store {
    Store::open_with(dir, options(real_clock)).unwrap()
}

fn add(store: &Store, day: Date, pain: u8) -> Result<(), StoreError> {
    store
        .update(|j: &mut Journal| {
            let e = EntryDraft {
                pain: Some(pain),
                ..EntryDraft::new(day)
            }
            .validate(knowledge(), TODAY, Timestamp::UNIX_EPOCH, j.entry(day))
            .map_err(|error| StoreError::Invalid(JournalError::Entry { date: day, error }))?;
            j.upsert(e);
            Ok::<_, StoreError>(())
        })
        .map(|_| ())
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_journal_linked_to_a_missing_file_is_refused_never_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let gone = dir.path().join("unmounted-drive").join("journal.ron");
        symlink(&gone, s.journal_path()).unwrap();

        let err = s.load().unwrap_err();
        assert!(
            matches!(err, StoreError::LinkTargetMissing { .. }),
            "{err:?}"
        );
        let msg = err.to_string();
        assert!(msg.contains("is not there"), "{msg}");
        assert!(msg.contains(&gone.display().to_string()), "{msg}");
        assert!(
            msg.ends_with(&s.journal_path().display().to_string()),
            "{msg}"
        );

        assert!(matches!(
            add(&s, date(2026, 11, 1), 3),
            Err(StoreError::LinkTargetMissing { .. })
        ));
        assert!(matches!(
            s.restore("2026"),
            Err(StoreError::NoSuchBackup { .. })
        ));
        assert!(
            fs::symlink_metadata(s.journal_path())
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link is kept"
        );
        assert!(!gone.exists(), "nothing written at the target");
        assert!(s.backups().unwrap().is_empty());
    }

    #[test]
    fn a_data_folder_linked_to_a_missing_folder_is_refused_too() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let gone = dir.path().join("unmounted").join("backlog");
        symlink(&gone, &data).unwrap();
        let s = Store::at(&data);
        for err in [
            s.load().unwrap_err(),
            add(&s, date(2026, 11, 1), 3).unwrap_err(),
        ] {
            assert!(
                matches!(err, StoreError::LinkTargetMissing { .. }),
                "{err:?}"
            );
        }
        assert!(!gone.exists());
    }

    /// The app shows the problem and saves nothing over the link.
    #[cfg(feature = "gui")]
    #[test]
    fn the_app_with_a_journal_linked_to_a_missing_file_says_so_and_saves_nothing() {
        use backlog::app::{App, Command, Config};
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("unmounted").join("journal.ron");
        fs::create_dir(dir.path().join("data")).unwrap();
        let data = dir.path().join("data");
        symlink(&gone, data.join("journal.ron")).unwrap();
        let mut app = App::new(Config {
            data_dir: data.clone(),
            today: Some(TODAY),
            locale: None,
        });
        let shown = app.notice_texts();
        assert!(
            shown.iter().any(|n| n.contains("is not there")),
            "{shown:?}"
        );
        app.run(Command::SaveEntry(EntryDraft {
            pain: Some(4),
            ..EntryDraft::new(TODAY)
        }));
        assert!(app.journal_data().entries().is_empty());
        assert!(
            fs::symlink_metadata(data.join("journal.ron"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(!gone.exists());
        assert!(!data.join(BACKUP_DIR).exists(), "no backup of anything");
    }

    #[test]
    fn a_journal_linked_to_a_synced_file_is_saved_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let synced = tempfile::tempdir().unwrap();
        let target = synced.path().join("my-journal.ron");
        let s = store(dir.path());
        add(&s, date(2026, 11, 1), 3).unwrap();
        fs::rename(s.journal_path(), &target).unwrap();
        // A relative link (both folders are in the same temporary folder).
        symlink(
            Path::new("..")
                .join(synced.path().file_name().unwrap())
                .join("my-journal.ron"),
            s.journal_path(),
        )
        .unwrap();
        assert_eq!(
            s.load().unwrap().entries().len(),
            1,
            "read through the link"
        );

        add(&s, date(2026, 11, 2), 4).unwrap();
        let link = fs::symlink_metadata(s.journal_path()).unwrap();
        assert!(link.file_type().is_symlink(), "the link is not replaced");
        let saved = backlog::store::deserialize(&fs::read(&target).unwrap()).unwrap();
        assert_eq!(saved.entries().len(), 2, "the linked file has the change");
        assert_eq!(
            fs::read(&s.backups().unwrap()[0].path).unwrap(),
            fs::read(&target).unwrap(),
            "the backup is of what was saved"
        );
        let names: Vec<String> = fs::read_dir(synced.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["my-journal.ron"], "no temporary file left there");

        // A restore goes through the link too.
        let first = s.backups().unwrap().last().unwrap().id.clone();
        s.restore(&first).unwrap();
        assert!(
            fs::symlink_metadata(s.journal_path())
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let restored = backlog::store::deserialize(&fs::read(&target).unwrap()).unwrap();
        assert_eq!(restored.entries().len(), 1);
    }

    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_nothing_is_created_at_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        add(&s, date(2026, 11, 1), 3).unwrap();
        let bytes = fs::read(s.journal_path()).unwrap();
        let elsewhere = dir.path().join("elsewhere.txt");
        let lock = dir.path().join(backlog::store::LOCK_FILE);
        fs::remove_file(&lock).unwrap();
        symlink(&elsewhere, &lock).unwrap();
        let err = add(&s, date(2026, 11, 2), 4).unwrap_err();
        assert!(matches!(err, StoreError::Lock { .. }), "{err:?}");
        assert!(err.to_string().contains("is a link"), "{err}");
        assert!(!elsewhere.exists());
        assert_eq!(fs::read(s.journal_path()).unwrap(), bytes);
    }

    #[test]
    fn a_fifo_or_a_device_as_the_journal_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let made = std::process::Command::new("mkfifo")
            .arg(s.journal_path())
            .status()
            .unwrap();
        assert!(made.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = s.clone();
        std::thread::spawn(move || {
            let _ = tx.send(reader.load().map(|_| ()));
            let _ = tx.send(add(&reader, date(2026, 11, 1), 3));
        });
        for what in ["load", "save"] {
            let result = rx
                .recv_timeout(Duration::from_secs(5))
                .unwrap_or_else(|_| panic!("{what} blocked on the pipe"));
            let err = result.unwrap_err();
            assert!(
                matches!(
                    err,
                    StoreError::NotAFile {
                        what: "a pipe (FIFO)",
                        ..
                    }
                ),
                "{what}: {err:?}"
            );
            assert!(err.to_string().contains("not a plain file"), "{err}");
        }

        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        symlink("/dev/zero", s.journal_path()).unwrap();
        let err = s.load().unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NotAFile {
                    what: "a device",
                    ..
                }
            ),
            "{err:?}"
        );
    }
}

#[test]
fn a_journal_past_the_size_limit_is_refused_naming_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    // A sparse file: no disk space used, and never read into memory.
    let f = fs::File::create(s.journal_path()).unwrap();
    f.set_len(READ_LIMIT + 1_000_000).unwrap();
    let err = s.load().unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("Your journal is 257 MB"), "{msg}");
    assert!(msg.contains("up to 256 MB"), "{msg}");
    assert!(add(&s, date(2026, 11, 1), 3).is_err());
    assert_eq!(
        fs::metadata(s.journal_path()).unwrap().len(),
        READ_LIMIT + 1_000_000
    );
}

#[test]
fn a_journal_that_is_a_folder_is_named_as_a_folder_not_as_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    fs::create_dir(s.journal_path()).unwrap();
    let msg = s.load().unwrap_err().to_string();
    assert!(msg.contains("it is a folder, not a file"), "{msg}");
    assert!(!msg.contains("permission"), "{msg}");
}

#[test]
fn a_data_folder_that_is_a_file_is_refused_not_read_as_an_empty_journal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    fs::write(&file, b"a document").unwrap();
    let s = Store::at(&file);
    for err in [
        s.load().unwrap_err(),
        add(&s, date(2026, 11, 1), 3).unwrap_err(),
    ] {
        assert!(matches!(err, StoreError::NotAFolder { .. }), "{err:?}");
    }
    assert_eq!(fs::read(&file).unwrap(), b"a document");
}

#[test]
fn a_journal_of_zero_bytes_says_what_happened_and_a_byte_order_mark_is_read_past() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3).unwrap();
    let good = fs::read(s.journal_path()).unwrap();

    fs::write(s.journal_path(), vec![0u8; good.len()]).unwrap();
    let msg = s.load().unwrap_err().to_string();
    assert!(msg.contains("only zero bytes"), "{msg}");
    assert!(msg.contains("backlog backup restore"), "{msg}");

    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(&good);
    fs::write(s.journal_path(), &with_bom).unwrap();
    assert_eq!(s.load().unwrap().entries().len(), 1);
}

/// A clock tests can set: seconds since the epoch.
static CLOCK: AtomicI64 = AtomicI64::new(1_795_000_000);

fn set_clock(t: &str) {
    let t: Timestamp = t.parse().unwrap();
    CLOCK.store(t.as_second(), Ordering::SeqCst);
}

/// Each reading moves a minute on, like saves made a minute apart.
fn test_clock() -> Timestamp {
    Timestamp::from_second(CLOCK.fetch_add(60, Ordering::SeqCst)).unwrap()
}

/// The backup tests share one clock, so they run one after another.
static CLOCK_USERS: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn one_save_with_the_clock_far_ahead_is_not_the_newest_for_ever_and_is_pruned() {
    let _one_at_a_time = CLOCK_USERS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_with(dir.path(), options(test_clock)).unwrap();
    set_clock("2099-01-01T00:00:00Z");
    add(&s, date(2026, 11, 1), 1).unwrap();
    set_clock("2026-11-24T08:00:00Z");
    for day in 2..=5 {
        add(&s, date(2026, 11, day), 2).unwrap();
    }
    let list = s.backups().unwrap();
    assert_eq!(list.len(), 5);
    let future = list.iter().find(|b| b.dated_in_the_future).unwrap();
    assert_eq!(
        list.last().unwrap().id,
        future.id,
        "listed as the oldest save"
    );
    assert!(future.time_text().contains("a future date"));
    // The newest good backup is the last save (5 entries), not the 2099 one.
    let newest = s.newest_good_backup().unwrap();
    assert!(!newest.dated_in_the_future);
    let (_, j) = s.read_backup(&newest.id).unwrap();
    assert_eq!(j.entries().len(), 5);
    // Pruned like any other once it is beyond the last ten.
    for day in 6..=16 {
        add(&s, date(2026, 11, day), 3).unwrap();
    }
    assert!(
        s.backups().unwrap().iter().all(|b| !b.dated_in_the_future),
        "the 2099 backup was pruned"
    );
}

#[test]
fn saves_with_the_clock_behind_are_the_newest_and_are_kept() {
    let _one_at_a_time = CLOCK_USERS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_with(dir.path(), options(test_clock)).unwrap();
    set_clock("2026-11-24T08:00:00Z");
    for day in 1..=10 {
        add(&s, date(2026, 11, day), 2).unwrap();
    }
    set_clock("1990-01-01T00:00:00Z");
    add(&s, date(2026, 11, 20), 7).unwrap();
    let list = s.backups().unwrap();
    // The oldest real save made way for it, as any new save would.
    assert_eq!(list.len(), KEEP_LATEST);
    assert!(
        list[0].time < list[1].time,
        "newest first, whatever its date"
    );
    let (_, j) = s.read_backup(&s.newest_good_backup().unwrap().id).unwrap();
    assert_eq!(j.entry(date(2026, 11, 20)).unwrap().pain, 7);
    set_clock("2026-11-24T09:00:00Z");
    add(&s, date(2026, 11, 21), 7).unwrap();
    let list = s.backups().unwrap();
    assert!(
        list.iter()
            .take(2)
            .any(|b| b.time.to_string().starts_with("1990")),
        "the 1990 save is one of the newest and stays"
    );
}

#[test]
fn backups_named_before_save_numbers_still_list_load_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3).unwrap();
    let one_entry = fs::read(s.journal_path()).unwrap();
    add(&s, date(2026, 11, 2), 4).unwrap();
    let backups = dir.path().join(BACKUP_DIR);
    for b in s.backups().unwrap() {
        fs::remove_file(b.path).unwrap();
    }
    fs::write(backups.join("2026-11-01T08-00-00.000Z.ron"), &one_entry).unwrap();
    fs::write(
        backups.join("2026-11-02T08-00-00.000Z-before-restore-2.ron"),
        &one_entry,
    )
    .unwrap();
    let list = s.backups().unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|b| b.save_number.is_none()));
    let r = s.restore("2026-11-01T08-00-00.000Z").unwrap();
    assert_eq!(r.journal.entries().len(), 1);
    // New backups get numbers and count as newer than the old names.
    let list = s.backups().unwrap();
    assert_eq!(list[0].save_number, Some(1), "{:?}", list[0].id);
}

#[test]
fn a_refused_change_creates_no_folder_and_no_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-yet");
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    for data in [&missing, &empty] {
        let s = Store::at_with(data, options(real_clock));
        let before = tree(dir.path());
        let err = s
            .update(|j: &mut Journal| {
                j.summary_notes.questions = vec!["Why?".into(); 60];
                Ok::<_, StoreError>(())
            })
            .unwrap_err();
        assert!(err.is_bad_input(), "{err:?}");
        let err = s.restore("2026-11-01").unwrap_err();
        assert!(err.is_bad_input(), "{err:?}");
        assert_eq!(tree(dir.path()), before, "{}", data.display());
    }
    // A change that does nothing to a new journal writes nothing either.
    let s = Store::at_with(&missing, options(real_clock));
    let u = s.update(|_: &mut Journal| Ok::<_, StoreError>(())).unwrap();
    assert!(!u.changed);
    assert!(!s.journal_path().exists());
}

#[test]
fn a_good_change_to_a_new_folder_still_saves_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("new");
    let s = Store::at_with(&data, options(real_clock));
    let mut runs = 0;
    s.update(|j: &mut Journal| {
        runs += 1;
        j.summary_notes.doctor_note = "hello".into();
        Ok::<_, StoreError>(())
    })
    .unwrap();
    assert_eq!(runs, 2, "tried first, then applied under the lock");
    assert_eq!(s.load().unwrap().summary_notes.doctor_note, "hello");
    assert_eq!(s.backups().unwrap().len(), 1);
}

#[test]
fn an_export_cleans_up_what_a_killed_export_left_in_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let left = dir.path().join(".backlog-tmp-Ab12Cd.tmp");
    let other = dir.path().join(".backlog-tmp-mine.txt");
    fs::write(&left, b"half an export").unwrap();
    fs::write(&other, b"not ours").unwrap();
    backlog::store::write_file_atomic(&dir.path().join("pain.csv"), b"date,pain\n").unwrap();
    assert!(!left.exists());
    assert!(other.exists());
}

#[cfg(unix)]
#[test]
fn the_summaries_folder_is_owner_only_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("data").join("summaries");
    backlog::store::create_private_dir(&made).unwrap();
    for d in [made.parent().unwrap(), &made] {
        let mode = fs::metadata(d).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", d.display());
    }
}

//! The store on a real temporary folder: saves, loads, permissions,
//! backups, restore, and files that must never be overwritten.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use backlog::journal::{EntryDraft, Journal, sample};
use backlog::store::{
    BackupKind, JOURNAL_FILE, KEEP_LATEST, LOCK_FILE, Store, StoreError, StoreOptions,
    resolve_data_dir,
};
use backlog::triage::knowledge;
use jiff::Timestamp;
use jiff::civil::{Date, date};

const TODAY: Date = Date::constant(2026, 11, 24);

/// A clock tests can move: seconds since the epoch.
static CLOCK: AtomicI64 = AtomicI64::new(1_795_000_000);

fn test_clock() -> Timestamp {
    Timestamp::from_second(CLOCK.fetch_add(61, Ordering::SeqCst)).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn store(dir: &Path) -> Store {
    Store::open_with(
        dir,
        StoreOptions {
            lock_wait: Duration::from_millis(300),
            clock: test_clock,
        },
    )
    .unwrap()
}

fn add(store: &Store, day: Date, pain: u8) {
    store
        .update(|j: &mut Journal| {
            let d = EntryDraft {
                pain: Some(pain),
                ..EntryDraft::new(day)
            };
            let e = d
                .validate(knowledge(), TODAY, Timestamp::UNIX_EPOCH, j.entry(day))
                .map_err(|e| {
                    StoreError::Invalid(backlog::journal::JournalError::Entry {
                        date: day,
                        error: e,
                    })
                })?;
            j.upsert(e);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

fn backups_of(store: &Store, kind: BackupKind) -> usize {
    store
        .backups()
        .unwrap()
        .iter()
        .filter(|b| b.kind == kind)
        .count()
}

#[test]
fn a_missing_file_loads_as_a_new_empty_journal() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir.path().join("new").join("folder"));
    assert_eq!(s.load().unwrap(), Journal::new());
    assert!(!s.journal_path().exists(), "loading writes nothing");
}

#[test]
fn a_saved_change_loads_back_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 20), 4);
    add(&s, date(2026, 11, 21), 6);
    let j = s.load().unwrap();
    assert_eq!(j.entries().len(), 2);
    assert_eq!(j.entry(date(2026, 11, 21)).unwrap().pain, 6);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["backups", LOCK_FILE, JOURNAL_FILE]);
}

#[cfg(unix)]
#[test]
fn the_folder_is_owner_only_and_so_are_the_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let s = store(&data);
    add(&s, date(2026, 11, 20), 4);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("backups")), 0o700);
    assert_eq!(mode(&data.join(JOURNAL_FILE)), 0o600);
    assert_eq!(mode(&data.join(LOCK_FILE)), 0o600);
    for b in s.backups().unwrap() {
        assert_eq!(mode(&b.path), 0o600, "{}", b.id);
    }
}

#[test]
fn a_change_that_changes_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 20), 4);
    let before = s.backups().unwrap().len();
    let u = s.update(|_j| Ok::<_, StoreError>(())).unwrap();
    assert!(!u.changed);
    assert_eq!(s.backups().unwrap().len(), before);
}

#[test]
fn an_invalid_change_or_a_failed_closure_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 20), 4);
    let bytes = fs::read(s.journal_path()).unwrap();

    let err = s
        .update(|j| {
            j.summary_notes.questions = vec!["Why?".into(); 6];
            Ok::<_, StoreError>(())
        })
        .unwrap_err();
    assert!(err.is_bad_input());
    assert!(
        err.to_string().starts_with("This change was not saved: "),
        "{err}"
    );
    assert_eq!(fs::read(s.journal_path()).unwrap(), bytes);

    let err = s
        .update(|j| {
            j.summary_notes.doctor_note = "half done".into();
            Err::<(), _>(StoreError::NoHome)
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::NoHome));
    assert_eq!(fs::read(s.journal_path()).unwrap(), bytes);
}

/// Files that must never be overwritten: each fails to load with a clear
/// message, refuses every change, and keeps its exact bytes.
#[test]
fn corrupt_truncated_empty_and_foreign_files_are_never_overwritten() {
    let good = backlog::store::serialize(&sample::journal(TODAY, 30, 1)).unwrap();
    let truncated = good[..good.len() / 2].to_vec();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", truncated, "line "),
        ("empty", Vec::new(), "the file is empty"),
        ("blank", b"  \n\n".to_vec(), "the file is empty"),
        (
            "binary",
            vec![0xff, 0xfe, 0x00, 0x9c, 0x80],
            "not a text file",
        ),
        (
            "foreign ron",
            b"(age: 58, findings: [\"pain_at_night\"])".to_vec(),
            "line 1",
        ),
        (
            "json",
            b"{\"version\": 1, \"entries\": []}".to_vec(),
            "line 1",
        ),
        ("garbage", b"version: one\n".to_vec(), "line 1"),
        (
            "impossible value",
            String::from_utf8(good.clone())
                .unwrap()
                .replacen("pain: ", "pain: 4", 1)
                .into_bytes(),
            "Average pain must be a whole number from 0 to 10",
        ),
    ];
    for (name, bytes, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        // Give it a history, so a good backup exists to point at.
        add(&s, date(2026, 11, 1), 3);
        let newest = s.backups().unwrap()[0].id.clone();
        fs::write(s.journal_path(), &bytes).unwrap();

        let err = s.load().unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{name}: {err:?}");
        assert!(msg.contains(expected), "{name}: {msg}");
        assert!(
            msg.contains("The file has not been changed"),
            "{name}: {msg}"
        );
        assert!(
            msg.contains(&format!("backlog backup restore {newest}")),
            "{name}: {msg}"
        );
        assert!(
            msg.ends_with(&s.journal_path().display().to_string()),
            "path last: {msg}"
        );

        let err = s
            .update(|j| {
                j.summary_notes.doctor_note = "new".into();
                Ok::<_, StoreError>(())
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{name}");
        assert_eq!(
            fs::read(s.journal_path()).unwrap(),
            bytes,
            "{name}: bytes kept"
        );
    }
}

#[test]
fn a_corrupt_file_without_backups_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    fs::write(s.journal_path(), "(version: 1, entries: [").unwrap();
    let msg = s.load().unwrap_err().to_string();
    assert!(msg.contains("There is no good backup"), "{msg}");
}

#[test]
fn a_file_from_a_newer_backlog_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let text = "(version: 7, profile: (), entries: [], future_field: true)";
    fs::write(s.journal_path(), text).unwrap();
    let err = s.load().unwrap_err();
    assert!(
        matches!(err, StoreError::NewerVersion { found: 7, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("Please update Backlog"));
    assert!(s.update(|_| Ok::<_, StoreError>(())).is_err());
    assert_eq!(fs::read_to_string(s.journal_path()).unwrap(), text);
}

#[test]
fn the_version_1_fixture_still_loads() {
    // Once the schema changes, keep this fixture and add one per version.
    let bytes = fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/journal-v1.ron"
    ))
    .unwrap();
    let j = backlog::store::deserialize(&bytes).unwrap();
    assert_eq!(j.version, 1);
    assert_eq!(j.entries().len(), 14);
    assert_eq!(j.checks.len(), 2);
    assert_eq!(j.profile.emergency_number, "911");
    assert_eq!(j.medicines.len(), 2);
    assert_eq!(j.summary_notes.questions.len(), 2);
    assert_eq!(j.entries()[0].date, date(2026, 11, 11));
}

#[test]
fn every_save_makes_a_backup_and_only_the_rolling_set_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    for i in 0..15u8 {
        add(&s, date(2026, 11, 1), i % 11);
    }
    let backups = s.backups().unwrap();
    // The test clock moves a minute per backup, so all fall on one or two
    // days: the last ten are kept, plus at most the newest of an earlier day.
    assert!(
        (KEEP_LATEST..=KEEP_LATEST + 1).contains(&backups.len()),
        "{}",
        backups.len()
    );
    // Newest first, and the newest equals the journal file.
    assert!(backups.windows(2).all(|w| w[0].time >= w[1].time));
    assert_eq!(
        fs::read(&backups[0].path).unwrap(),
        fs::read(s.journal_path()).unwrap()
    );
}

#[test]
fn restore_brings_back_a_backup_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3);
    let first = s.backups().unwrap()[0].id.clone();
    add(&s, date(2026, 11, 2), 9);
    let latest_bytes = fs::read(s.journal_path()).unwrap();

    let r = s.restore(&first).unwrap();
    assert_eq!(r.backup.id, first);
    assert_eq!(r.journal.entries().len(), 1);
    assert_eq!(s.load().unwrap().entries().len(), 1);
    let replaced = r.replaced.unwrap();
    assert_eq!(replaced.kind, BackupKind::BeforeRestore);
    assert_eq!(fs::read(&replaced.path).unwrap(), latest_bytes);

    // And the restore itself can be undone.
    s.restore(&replaced.id).unwrap();
    assert_eq!(s.load().unwrap().entries().len(), 2);
    assert_eq!(backups_of(&s, BackupKind::BeforeRestore), 2);
}

#[test]
fn restore_replaces_a_corrupt_file_but_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3);
    fs::write(s.journal_path(), b"(version: 1, entr").unwrap();
    let good = s.newest_good_backup().unwrap();
    let r = s.restore(&good.id).unwrap();
    assert_eq!(
        fs::read(r.replaced.unwrap().path).unwrap(),
        b"(version: 1, entr"
    );
    assert_eq!(s.load().unwrap().entries().len(), 1);
}

#[test]
fn restore_refuses_unknown_ambiguous_and_broken_backups() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3);
    add(&s, date(2026, 11, 2), 3);
    let bytes = fs::read(s.journal_path()).unwrap();

    let err = s.restore("1999-01-01").unwrap_err();
    assert!(matches!(err, StoreError::NoSuchBackup { .. }), "{err:?}");
    assert!(err.to_string().contains("backlog backup list"));

    let err = s.restore("20").unwrap_err();
    assert!(matches!(err, StoreError::AmbiguousBackup { .. }), "{err:?}");

    let newest = s.backups().unwrap()[0].clone();
    fs::write(&newest.path, b"not a journal").unwrap();
    let err = s.restore(&newest.id).unwrap_err();
    assert!(matches!(err, StoreError::BadBackup { .. }), "{err:?}");
    assert_eq!(
        fs::read(s.journal_path()).unwrap(),
        bytes,
        "nothing changed"
    );
    // The newest *good* backup skips the broken one.
    assert_ne!(s.newest_good_backup().unwrap().id, newest.id);
}

#[test]
fn a_second_writer_waits_then_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join(LOCK_FILE))
        .unwrap();
    lock.lock().unwrap();
    let started = std::time::Instant::now();
    let err = s.update(|_| Ok::<_, StoreError>(())).unwrap_err();
    assert!(started.elapsed() >= Duration::from_millis(300), "it waited");
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("Another Backlog window or command is saving")
    );
    // Reading is always allowed.
    s.load().unwrap();
    lock.unlock().unwrap();
    s.update(|_| Ok::<_, StoreError>(())).unwrap();
}

#[test]
fn leftover_temporary_files_from_a_killed_save_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3);
    let leftovers = [
        dir.path().join(".backlog-tmp-a1B2c3.tmp"),
        s.backup_dir().join(".backlog-tmp-Zz9Yy8.tmp"),
    ];
    // Only names exactly like Backlog's own temporary files go.
    let not_ours = [
        dir.path().join(".backlog-tmp-abc.tmp"),
        dir.path().join(".backlog-tmp-a1B2c3.tmp.keep"),
        s.backup_dir().join("notes.tmp"),
    ];
    for p in leftovers.iter().chain(&not_ours) {
        fs::write(p, b"half a journ").unwrap();
    }
    add(&s, date(2026, 11, 2), 3);
    for p in &leftovers {
        assert!(!p.exists(), "{}", p.display());
    }
    for p in &not_ours {
        assert!(p.exists(), "{}", p.display());
    }
}

#[test]
fn the_data_dir_flag_wins() {
    let p = resolve_data_dir(Some("/tmp/flag-dir".into())).unwrap();
    assert_eq!(p, Path::new("/tmp/flag-dir"));
}

/// What is wrong deep inside a large file is found and placed exactly
/// (this pinned the threaded reader once; it still pins the one pass).
#[test]
fn a_large_file_with_a_fault_deep_inside_names_it_and_is_kept() {
    let good =
        String::from_utf8(backlog::store::serialize(&sample::journal(TODAY, 3 * 365, 4)).unwrap())
            .unwrap();
    assert!(good.len() > 400 * 1024, "a large file");
    let lines: Vec<&str> = good.lines().collect();
    let deep = lines.len() * 2 / 3;
    assert!(lines[deep].starts_with("    (date: "), "{}", lines[deep]);
    let with_line = |line: String| {
        let mut edited = lines.clone();
        edited[deep] = &line;
        edited.join("\n") + "\n"
    };
    let next_date = &lines[deep + 1][..lines[deep + 1].find(", pain").unwrap()];
    let cases = [
        (
            "syntax",
            with_line(lines[deep].replacen("pain: ", "pain: x", 1)),
            format!("line {}", deep + 1),
        ),
        (
            "value",
            with_line(lines[deep].replacen("pain: ", "pain: 4", 1)),
            "Average pain must be a whole number from 0 to 10".to_owned(),
        ),
        (
            "same day twice",
            with_line(format!(
                "{}{}",
                next_date,
                &lines[deep][lines[deep].find(", pain").unwrap()..]
            )),
            format!("two entries for {}", &next_date[12..22]),
        ),
    ];
    assert!(backlog::store::deserialize(good.as_bytes()).is_ok());
    for (name, text, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        fs::write(s.journal_path(), &text).unwrap();
        let err = s.load().unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains(&expected), "{name}: {err}");
        assert_eq!(fs::read_to_string(s.journal_path()).unwrap(), text);
    }
}

#[test]
fn backlogs_own_files_are_recognised_however_they_are_named() {
    use backlog::store::is_own_file;
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    add(&s, date(2026, 11, 1), 3);
    let data = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::create_dir(data.join("sub")).unwrap();
    #[cfg_attr(not(unix), expect(unused_mut, reason = "only Unix adds the link"))]
    let mut own = vec![
        data.join("journal.ron"),
        data.join("journal.lock"),
        data.join("ui.ron"),
        data.join("sub").join("..").join("journal.ron"),
        data.join("backups").join("anything.pdf"),
    ];
    // A link elsewhere that points at the journal (Unix: links need no
    // special rights there, so this part is not built for Windows).
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.journal_path(), elsewhere.path().join("link.csv")).unwrap();
        own.push(elsewhere.path().join("link.csv"));
    }
    for path in own {
        assert!(is_own_file(&path, data), "{}", path.display());
    }
    let not_own = [
        data.join("export.csv"),
        data.join("sub/journal.ron"),
        elsewhere.path().join("journal.ron"),
        data.join("missing/journal.ron"),
    ];
    for path in not_own {
        assert!(!is_own_file(&path, data), "{}", path.display());
    }
    assert!(!is_own_file(
        &data.join("journal.ron"),
        &data.join("no-such-folder")
    ));
}

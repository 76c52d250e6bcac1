//! The real binary at the edges (issue 16): links, pipes, odd imports,
//! leftovers, refused commands, hostile input, and the smaller faults of
//! point 9. Each test pins one fix; bad input exits 2 and failures of the
//! machine or the data exit 1, each with one line on stderr.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bad_input, err_text, fails, ok, ok_output};
use crate::disk::tree;

/// Runs `backlog ARGS`, killing it if it takes longer than `limit` (a
/// command that blocks fails the test instead of hanging it).
fn run_within(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(args)
        .env("BACKLOG_DATA_DIR", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("{args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_journal_linked_to_a_missing_file_exits_1_and_keeps_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &[
            "profile",
            "set",
            "--age",
            "58",
            "--history",
            "history_cancer_breast",
        ],
    );
    let drive = tempfile::tempdir().unwrap();
    let target = drive.path().join("journal.ron");
    fs::rename(d.join("journal.ron"), &target).unwrap();
    symlink(&target, d.join("journal.ron")).unwrap();
    // The drive is unplugged.
    fs::rename(&target, drive.path().join("away.ron")).unwrap();

    for args in [
        &["journal", "list"][..],
        &["profile", "show"][..],
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"][..],
        &["profile", "set", "--age", "59"][..],
    ] {
        let err = fails(d, args, 1);
        assert!(err.contains("through a link to"), "{args:?}: {err}");
        assert!(err.contains("is not there"), "{args:?}: {err}");
        assert!(!err.contains("empty"), "{args:?}: {err}");
    }
    assert!(
        fs::symlink_metadata(d.join("journal.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        !target.exists(),
        "no fresh journal was written at the target"
    );

    // Plugged back in: the profile (and its cancer history) is all there.
    fs::rename(drive.path().join("away.ron"), &target).unwrap();
    let shown = ok(d, &["profile", "show"]);
    assert!(shown.contains("history_cancer_breast"), "{shown}");
}

#[cfg(unix)]
#[test]
fn a_pipe_as_the_journal_is_refused_at_once_and_holds_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = Command::new("mkfifo")
        .arg(d.join("journal.ron"))
        .status()
        .unwrap();
    assert!(made.success());
    for args in [
        &["journal", "list"][..],
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"][..],
    ] {
        let o = run_within(d, args, Duration::from_secs(10));
        let err = err_text(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("a pipe (FIFO)"), "{err}");
    }
    assert!(!d.join("journal.lock").exists());
}

#[test]
fn a_csv_with_an_unterminated_quote_is_refused_naming_its_line_lf_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let other = tempfile::tempdir().unwrap();
    let rows = [
        "date,pain,note",
        "2026-11-01,3,fine",
        "2026-11-02,4,\"a note that never ends",
        "2026-11-03,5,gone",
        "2026-11-04,6,gone too",
    ];
    for newline in ["\n", "\r\n"] {
        let file = other.path().join("quote.csv");
        fs::write(&file, rows.join(newline) + newline).unwrap();
        let err = bad_input(d, &["journal", "import", file.to_str().unwrap()]);
        assert!(err.contains("line 3:"), "{newline:?}: {err}");
        assert!(err.contains("never closed"), "{err}");
        assert!(err.contains("Nothing was imported"), "{err}");
    }
    assert!(tree(d).is_empty(), "nothing was written");
    // A quoted note over two lines is fine, and "" inside is a quote.
    let file = other.path().join("ok.csv");
    fs::write(
        &file,
        "date,pain,note\r\n2026-11-01,3,\"two\r\nlines, \"\"quoted\"\"\"\r\n2026-11-02,4,x\r\n",
    )
    .unwrap();
    ok(d, &["journal", "import", file.to_str().unwrap()]);
    let shown = ok(d, &["journal", "show", "2026-11-01", "--json"]);
    assert!(shown.contains(r#"two\nlines, \"quoted\""#), "{shown}");
    assert!(ok(d, &["journal", "list"]).contains("2026-11-02"));
}

#[test]
fn a_medicine_with_a_fifth_part_is_refused_not_cut() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("meds.csv");
    fs::write(
        &file,
        "date,pain,medicines\r\n2026-11-01,3,Paracetamol 500 mg\r\n2026-11-02,3,Ibuprofen | 400 mg | 2 | 6 | with food\r\n",
    )
    .unwrap();
    let err = bad_input(d, &["journal", "import", file.to_str().unwrap()]);
    assert!(err.contains("line 3:"), "{err}");
    assert!(err.contains("5 parts"), "{err}");
    assert!(
        err.contains("Ibuprofen | 400 mg | 2 | 6 | with food"),
        "{err}"
    );
    // Empty parts at the end lose nothing and are fine.
    fs::write(
        &file,
        "date,pain,medicines\n2026-11-02,3,Ibuprofen | 400 mg | 2 | 6 |\n",
    )
    .unwrap();
    ok(d, &["journal", "import", file.to_str().unwrap()]);
}

#[test]
fn csv_line_numbers_are_the_same_for_crlf_and_lf_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let other = tempfile::tempdir().unwrap();
    let rows = ["date,pain", "2026-11-01,3", "2026-11-02,3", "2026-11-03,x"];
    for newline in ["\n", "\r\n"] {
        let file = other.path().join("rows.csv");
        fs::write(&file, rows.join(newline) + newline).unwrap();
        let err = bad_input(d, &["journal", "import", file.to_str().unwrap()]);
        assert!(err.contains("line 4 (2026-11-03)"), "{newline:?}: {err}");
    }
    // Backlog's own export is CRLF: a bad value put in by hand is found
    // on the line a text editor shows.
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    ok(
        d,
        &["journal", "add", "--date", "2026-11-02", "--pain", "4"],
    );
    let file = other.path().join("export.csv");
    ok(d, &["journal", "export", "--csv", file.to_str().unwrap()]);
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("\r\n"));
    fs::write(&file, text.replace("2026-11-02,4,", "2026-11-02,44,")).unwrap();
    let err = bad_input(d, &["journal", "import", file.to_str().unwrap()]);
    assert!(err.contains("line 3 (2026-11-02)"), "{err}");
}

#[test]
fn leftovers_of_a_killed_export_or_summary_are_removed_from_that_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    let out = tempfile::tempdir().unwrap();
    let left = out.path().join(".backlog-tmp-x1Y2z3.tmp");
    let kept = out.path().join(".backlog-tmp-x1Y2z3.tmp.bak");
    for (args, file) in [
        (vec!["journal", "export", "--csv"], "pain.csv"),
        (vec!["summary", "--out"], "s.pdf"),
    ] {
        fs::write(&left, b"half").unwrap();
        fs::write(&kept, b"someone's").unwrap();
        let target = out.path().join(file);
        let mut all = args.clone();
        all.push(target.to_str().unwrap());
        ok(d, &all);
        assert!(!left.exists(), "{args:?}");
        assert!(kept.exists(), "{args:?}: only exact names go");
    }
}

#[test]
fn a_refused_command_leaves_the_disk_exactly_as_it_was() {
    let parent = tempfile::tempdir().unwrap();
    let missing = parent.path().join("not-yet");
    let empty = parent.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let bogus_note = "x".repeat(20_001);
    for data in [&missing, &empty] {
        let before = tree(parent.path());
        for args in [
            vec!["journal", "add", "--pain", "5", "--worst", "3"],
            vec!["journal", "add", "--pain", "5", "--symptom", "chest_pian"],
            vec![
                "journal",
                "add",
                "--pain",
                "5",
                "--note",
                bogus_note.as_str(),
            ],
            vec!["profile", "set", "--emergency-number", "call mum"],
            vec!["journal", "delete", "2026-11-01"],
            vec!["backup", "restore", "2026"],
        ] {
            bad_input(data, &args);
            assert_eq!(
                tree(parent.path()),
                before,
                "{args:?} in {}",
                data.display()
            );
        }
    }
}

#[test]
fn echoed_input_is_cut_short_and_never_breaks_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Near the largest single argument Linux passes (128 KiB).
    let huge = "9".repeat(120 * 1024);
    let err = bad_input(d, &["journal", "add", "--pain", &huge]);
    assert!(err.len() < 400, "{} bytes", err.len());
    assert!(err.contains('…'), "{err}");
    for hostile in ["1\n2", "4\u{1b}[2J\u{1b}[31m", "a\rb"] {
        for args in [
            vec!["journal", "add", "--pain", hostile],
            vec!["journal", "add", "--pain", "3", "--where", hostile],
            vec!["journal", "show", hostile],
            vec!["backup", "restore", hostile],
            vec!["summary", "--out", "x.pdf", "--paper", hostile],
        ] {
            let err = bad_input(d, &args);
            assert!(!err.trim_end().contains(['\n', '\r', '\u{1b}']), "{err:?}");
        }
    }
    // A path with a line break in it is shown on one line too.
    let odd = d.join("two\nlines.csv");
    let err = bad_input(d, &["journal", "import", odd.to_str().unwrap()]);
    assert!(err.contains("two\\nlines.csv"), "{err}");
    // So is a clap error about an unknown argument.
    let err = bad_input(d, &["journal", "list", &format!("--{huge}")]);
    assert!(err.len() < 1_000, "{} bytes", err.len());
}

#[test]
fn a_second_data_dir_is_refused_not_silently_used() {
    let parent = tempfile::tempdir().unwrap();
    let a = parent.path().join("a");
    let b = parent.path().join("b");
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["--data-dir", a.to_str().unwrap(), "journal", "add"])
        .args(["--data-dir", b.to_str().unwrap(), "--pain", "3"])
        .output()
        .unwrap();
    let err = err_text(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("--data-dir is given more than once"), "{err}");
    assert!(!a.exists() && !b.exists());
}

#[test]
fn small_things_said_right() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // --sleep: hours such as 6.5, not "a whole number".
    let err = bad_input(d, &["journal", "add", "--pain", "3", "--sleep", "abc"]);
    assert!(err.contains("such as 7 or 6.5"), "{err}");
    assert!(!err.contains("whole number"), "{err}");
    // "-0" hours of sleep is 0.
    ok(
        d,
        &[
            "journal",
            "add",
            "--date",
            "2026-11-01",
            "--pain",
            "3",
            "--sleep",
            "-0",
        ],
    );
    let shown = ok(d, &["journal", "show", "2026-11-01"]);
    assert!(shown.contains("Sleep: 0 hours"), "{shown}");
    // A note (or tag) may start with "-".
    ok(
        d,
        &[
            "journal",
            "add",
            "--date",
            "2026-11-02",
            "--pain",
            "3",
            "--note",
            "-2 today",
            "--tag",
            "-walk",
        ],
    );
    let shown = ok(d, &["journal", "show", "2026-11-02", "--json"]);
    assert!(shown.contains("\"note\": \"-2 today\""), "{shown}");
    assert!(shown.contains("\"-walk\""), "{shown}");
}

#[test]
fn backup_list_blames_the_backups_folder_when_it_is_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    fs::remove_dir_all(d.join("backups")).unwrap();
    fs::write(d.join("backups"), b"in the way").unwrap();
    let err = fails(d, &["backup", "list"], 1);
    assert!(err.contains("could not read its backups folder"), "{err}");
    assert!(err.contains("A file named backups is in the way"), "{err}");
    assert!(!err.contains("your journal ("), "{err}");
    assert!(err.trim_end().ends_with("backups"), "{err}");
}

#[test]
fn an_all_zero_journal_is_explained_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    fs::write(d.join("journal.ron"), vec![0u8; 4096]).unwrap();
    let err = fails(d, &["journal", "list"], 1);
    assert!(err.contains("only zero bytes"), "{err}");
    assert!(err.contains("backlog backup restore"), "{err}");
    assert_eq!(fs::read(d.join("journal.ron")).unwrap(), vec![0u8; 4096]);
}

#[test]
fn a_future_dated_backup_is_flagged_and_is_not_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    // A backup made once with the clock in 2099, in the new naming.
    let one = fs::read(d.join("journal.ron")).unwrap();
    fs::write(
        d.join("backups").join("2099-01-01T00-00-00.000Z-n0.ron"),
        &one,
    )
    .unwrap();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-02", "--pain", "3"],
    );
    let list = ok(d, &["backup", "list"]);
    let first_row = list.lines().nth(1).unwrap();
    assert!(!first_row.starts_with("2099"), "{list}");
    assert!(list.contains("dated in the future"), "{list}");
    let json = ok(d, &["backup", "list", "--json"]);
    assert!(json.contains("\"dated_in_the_future\": true"), "{json}");
    fs::write(d.join("journal.ron"), b"garbage").unwrap();
    let err = fails(d, &["journal", "list"], 1);
    assert!(!err.contains("restore 2099"), "{err}");
}

/// An entry written "today" in a time zone ahead (UTC+14) is tomorrow for
/// someone at UTC-12: it can be imported and edited there, while a new
/// entry typed for tomorrow is still refused. (Unix: the time zone is set
/// for the child with a POSIX `TZ`.)
#[cfg(unix)]
#[test]
fn a_day_already_begun_in_a_time_zone_ahead_imports_and_edits() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let now = jiff::Timestamp::now();
    let ahead = now
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(14)))
        .date();
    let here = now
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(-12)))
        .date();
    assert!(ahead > here);
    let day = ahead.to_string();
    let behind = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_backlog"))
            .args(args)
            .env("BACKLOG_DATA_DIR", d)
            // POSIX: twelve hours behind UTC.
            .env("TZ", "BEHIND+12")
            .output()
            .unwrap()
    };
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("from-auckland.csv");
    fs::write(&file, format!("date,pain\n{day},4\n")).unwrap();
    let o = behind(&["journal", "import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err_text(&o));
    let o = behind(&["journal", "add", "--date", &day, "--pain", "5"]);
    assert_eq!(o.status.code(), Some(0), "editing it: {}", err_text(&o));
    let later = ahead.tomorrow().unwrap().to_string();
    let o = behind(&["journal", "add", "--date", &later, "--pain", "5"]);
    assert_eq!(o.status.code(), Some(2), "a day not begun anywhere");
    assert!(err_text(&o).contains("in the future"));
}

#[cfg(all(unix, feature = "gui"))]
#[test]
fn the_app_does_not_follow_a_bus_address_on_another_computer() {
    use std::net::TcpListener;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["--data-dir", dir.path().to_str().unwrap()])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("tcp:host=127.0.0.1,port={port}"),
        )
        // No display: the window cannot open, which ends the run.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let err = err_text(&o);
    assert!(err.contains("points to another computer"), "{err}");
    assert!(err.contains("DBUS_SESSION_BUS_ADDRESS"), "{err}");
    assert!(
        listener.accept().is_err(),
        "nothing connected to the address"
    );
}

/// `ulimit -f`: the save fails with a message instead of the process
/// being killed, and the journal is as it was.
#[cfg(target_os = "linux")]
#[test]
fn a_file_size_limit_gives_a_message_and_keeps_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for day in 1..=20 {
        ok(
            d,
            &[
                "journal",
                "add",
                "--date",
                &format!("2026-10-{day:02}"),
                "--pain",
                "3",
                "--note",
                "A note long enough to make the journal a few kilobytes in all.",
            ],
        );
    }
    let before = fs::read(d.join("journal.ron")).unwrap();
    assert!(before.len() > 2048);
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; exec '{}' journal add --date 2026-11-01 --pain 4",
            env!("CARGO_BIN_EXE_backlog")
        ))
        .env("BACKLOG_DATA_DIR", d)
        .output()
        .unwrap();
    let err = err_text(&o);
    assert_eq!(o.status.code(), Some(1), "killed? {:?} {err}", o.status);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("larger than this computer allows"), "{err}");
    assert!(err.contains("unchanged"), "{err}");
    assert_eq!(fs::read(d.join("journal.ron")).unwrap(), before);
    let names: Vec<String> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".backlog-tmp-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

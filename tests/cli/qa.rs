//! Fault tests found by attacking the real binary: each pins one fix.
//! Every bad input exits 2 (or 1 for the machine or data) with exactly one
//! line on stderr, never a panic, and changes nothing on disk.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{bad_input, err_text, fails, ok, ok_output, run_with_stdin};

/// Every file under `dir` with its bytes, except the lock file (which only
/// ever holds nothing).
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != "journal.lock") {
                out.push((p.display().to_string(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_negative_score_is_named_as_typed_not_as_a_wrapped_number() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let before = snapshot(d);
    for (flag, what) in [
        ("--pain", "Average pain"),
        ("--worst", "Worst pain"),
        ("--activity", "usual activities"),
        ("--enjoyment", "enjoying life"),
    ] {
        let mut args = vec!["journal", "add", "--date", "2026-11-20"];
        if flag != "--pain" {
            args.extend(["--pain", "3"]);
        }
        args.extend([flag, "-1"]);
        let err = fails(d, &args, 2);
        assert!(err.contains(what), "{err}");
        assert!(err.contains("not -1"), "{flag}: {err}");
        assert!(!err.contains("4294967295"), "{flag}: {err}");
    }
    let err = fails(d, &["journal", "add", "--pain", "-99999999999"], 2);
    assert!(err.contains("not -99999999999"), "{err}");
    assert_eq!(snapshot(d), before, "bad input changes nothing");
}

#[test]
fn a_data_folder_that_is_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    fs::write(&file, b"not a folder").unwrap();
    for args in [
        &["journal", "add", "--pain", "3"][..],
        &["journal", "list"][..],
    ] {
        let err = fails(&file, args, 1);
        assert!(err.contains("a file is in the way"), "{err}");
        assert!(!err.contains("os error"), "{err}");
        assert!(
            err.trim_end().ends_with(&file.display().to_string()),
            "path last: {err}"
        );
    }
    assert_eq!(fs::read(&file).unwrap(), b"not a folder");
}

#[test]
fn a_backup_that_cannot_be_written_says_the_journal_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("backups"), b"in the way").unwrap();
    let o = ok_output(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let err = err_text(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("Your journal was saved"), "{err}");
    assert!(!err.contains("could not save your journal"), "{err}");
    assert!(!err.contains("unchanged"), "{err}");
    assert!(err.trim_end().ends_with("backups"), "path last: {err}");
    let shown = ok_output(d, &["journal", "show", "2026-11-20", "--json"]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("\"pain\": 3"));
}

#[test]
fn a_journal_that_is_a_folder_says_to_move_it_not_to_check_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("journal.ron")).unwrap();
    let err = fails(d, &["journal", "list"], 1);
    assert!(err.contains("it is a folder, not a file"), "{err}");
    assert!(err.contains("Move or rename that folder"), "{err}");
    assert!(!err.contains("permissions"), "{err}");
    assert!(err.trim_end().ends_with("journal.ron"), "{err}");
    assert!(d.join("journal.ron").is_dir());
}

#[test]
fn an_export_never_overwrites_the_journal_or_a_file_of_another_kind() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let other = tempfile::tempdir().unwrap();
    let doc = other.path().join("letter.txt");
    fs::write(&doc, b"important").unwrap();
    let folder = other.path().join("folder.csv");
    fs::create_dir(&folder).unwrap();
    let journal = d.join("journal.ron");
    let in_backups = d.join("backups").join("x.ron");
    let missing = other.path().join("missing").join("x.csv");
    let before = snapshot(d);
    for (args, says) in [
        (
            vec!["--csv", journal.to_str().unwrap()],
            "Backlog's own files",
        ),
        (
            vec!["--ron", journal.to_str().unwrap()],
            "Backlog's own files",
        ),
        (
            vec!["--ron", in_backups.to_str().unwrap()],
            "Backlog's own files",
        ),
        (vec!["--csv", doc.to_str().unwrap()], "must end in .csv"),
        (vec!["--csv", folder.to_str().unwrap()], "names a folder"),
        (vec!["--csv", missing.to_str().unwrap()], "does not exist"),
    ] {
        let mut all = vec!["journal", "export"];
        all.extend(&args);
        let err = fails(d, &all, 2);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(snapshot(d), before, "the data folder is untouched");
    assert_eq!(fs::read(&doc).unwrap(), b"important");
    assert!(!missing.exists());
    ok_output(d, &["journal", "list"]);

    // A plain export next to it still works, upper-case extension too.
    let good = other.path().join("journal.CSV");
    ok_output(d, &["journal", "export", "--csv", good.to_str().unwrap()]);
    assert!(fs::read_to_string(&good).unwrap().contains("2026-11-20"));
}

#[test]
fn a_negative_or_huge_profile_age_is_named_as_out_of_range_not_as_not_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(d, &["profile", "set", "--age", "40"]);
    let before = snapshot(d);
    for (age, says) in [
        ("-3", "from 0 to 120, not -3"),
        ("300", "from 0 to 120, not 300"),
        ("121", "from 0 to 120, not 121"),
        ("4.5", "is not a whole number"),
        ("forty", "is not a whole number"),
    ] {
        let err = fails(d, &["profile", "set", "--age", age], 2);
        assert!(err.contains(says), "{age}: {err}");
    }
    assert_eq!(snapshot(d), before);
}

#[test]
fn an_import_message_ends_each_sentence_once_and_empty_stdin_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let before = snapshot(d);
    let other = tempfile::tempdir().unwrap();
    for (csv, says) in [
        (
            "date,pain\n2026-11-19,11\n",
            "not 11. Nothing was imported.",
        ),
        (
            "date,pain\n2099-11-19,4\n",
            "an earlier day. Nothing was imported.",
        ),
    ] {
        let file = other.path().join("in.csv");
        fs::write(&file, csv).unwrap();
        let err = fails(d, &["journal", "import", file.to_str().unwrap()], 2);
        assert!(err.contains(says), "{err}");
        assert!(!err.contains(".."), "{err}");
    }
    for input in [&b""[..], &b"  \n"[..]] {
        let o = run_with_stdin(d, &["journal", "import", "-"], input);
        let err = err_text(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("standard input is empty"), "{err}");
    }
    assert_eq!(snapshot(d), before);
}

/// /proc takes no new files, even for root: a write that fails for the
/// machine's reasons, not the person's.
#[cfg(target_os = "linux")]
#[test]
fn a_pdf_that_cannot_be_written_gives_a_plain_reason_without_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let before = snapshot(d);
    let err = fails(d, &["summary", "--out", "/proc/summary.pdf"], 1);
    assert!(err.contains("could not save the PDF"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert!(!err.contains(".tmp"), "{err}");
    assert!(err.trim_end().ends_with("/proc/summary.pdf"), "{err}");
    assert_eq!(snapshot(d), before);
}

#[test]
fn junk_in_the_backups_folder_neither_lists_nor_pushes_out_real_backups() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    let b = d.join("backups");
    for day in 10..25 {
        fs::write(b.join(format!("2099-01-{day}T00-00-00.000Z.ron")), b"junk").unwrap();
    }
    fs::create_dir(b.join("2098-01-01T00-00-00.000Z.ron")).unwrap();
    fs::write(b.join("notes.txt"), b"hi").unwrap();
    for day in ["02", "03", "04"] {
        ok_output(
            d,
            &[
                "journal",
                "add",
                "--date",
                &format!("2026-11-{day}"),
                "--pain",
                "3",
            ],
        );
    }
    let real = fs::read_dir(&b)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("2026-"))
        .count();
    assert_eq!(real, 4, "every real backup is kept");
    let list = ok(d, &["backup", "list"]);
    assert!(
        !list.contains("2098-01-01"),
        "a folder is not a backup:\n{list}"
    );
    assert!(b.join("notes.txt").exists());
    // The corrupt-journal message offers a real backup, not the junk.
    fs::write(d.join("journal.ron"), b"garbage").unwrap();
    let err = fails(d, &["journal", "list"], 1);
    assert!(err.contains("backlog backup restore 2026-"), "{err}");
}

#[test]
fn a_journal_with_a_bad_value_is_named_with_one_full_stop_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = r#"(version: 1, entries: [(date: "2026-11-20", pain: 11, created: "2026-11-24T09:06:11Z", edited: "2026-11-24T09:06:11Z")])"#;
    fs::write(d.join("journal.ron"), text).unwrap();
    for args in [
        &["journal", "list"][..],
        &["journal", "add", "--date", "2026-11-21", "--pain", "2"][..],
    ] {
        let err = fails(d, args, 1);
        assert!(
            err.contains("not 11. The file has not been changed"),
            "{err}"
        );
        assert!(!err.contains(".."), "{err}");
        assert!(err.trim_end().ends_with("journal.ron"), "{err}");
    }
    assert_eq!(fs::read_to_string(d.join("journal.ron")).unwrap(), text);
}

#[test]
fn a_summary_period_before_1900_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_output(
        d,
        &["journal", "add", "--date", "2026-11-20", "--pain", "3"],
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("s.pdf");
    for args in [
        vec!["--from", "0001-01-01"],
        vec!["--from", "1899-12-31", "--to", "2026-11-20"],
        vec!["--from", "1800-01-01", "--to", "1850-01-01"],
    ] {
        let mut all = vec!["summary", "--out", pdf.to_str().unwrap()];
        all.extend(&args);
        let err = fails(d, &all, 2);
        assert!(err.contains("is too long ago"), "{args:?}: {err}");
        assert!(err.contains("1900-01-01"), "{err}");
        assert!(!pdf.exists());
    }
    ok_output(
        d,
        &[
            "summary",
            "--out",
            pdf.to_str().unwrap(),
            "--from",
            "1900-01-01",
        ],
    );
    assert!(pdf.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_is_one_plain_line_and_the_save_stands() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["journal", "add", "--date", "2026-11-20", "--pain", "3"])
        .env("BACKLOG_DATA_DIR", d)
        .env("RUST_BACKTRACE", "1")
        .stdout(full)
        .output()
        .unwrap();
    let err = err_text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("the disk is full"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert!(err.contains("already saved"), "{err}");
    let shown = ok_output(d, &["journal", "show", "2026-11-20", "--json"]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("\"pain\": 3"));
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_answers_file_ends_with_a_message_not_a_full_memory() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(dir.path(), &["assess", "--answers", "/dev/zero"], 2);
    assert!(err.contains("too big for an answers file"), "{err}");
    assert!(err.contains("1 MB"), "{err}");
}

#[test]
fn a_parser_message_never_quotes_a_whole_long_line_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let long = "a".repeat(500_000);
    let answers = d.join("answers.ron");
    fs::write(&answers, &long).unwrap();
    let err = fails(d, &["assess", "--answers", answers.to_str().unwrap()], 2);
    assert!(err.len() < 1_000, "{} bytes", err.len());
    assert!(err.contains('…'), "{err}");
    assert!(err.contains("expected for example"), "{err}");

    fs::write(d.join("journal.ron"), &long).unwrap();
    let err = fails(d, &["journal", "list"], 1);
    assert!(err.len() < 1_000, "{} bytes", err.len());
    assert!(err.trim_end().ends_with("journal.ron"), "path last");
    assert_eq!(fs::read_to_string(d.join("journal.ron")).unwrap(), long);
}

#[test]
fn a_bad_export_does_not_create_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("not-yet");
    let out = dir.path().join("out.txt");
    for args in [
        vec!["journal", "export"],
        vec!["journal", "export", "--csv", out.to_str().unwrap()],
        vec!["journal", "export", "--ron", "/no/such/folder/x.ron"],
    ] {
        fails(&data, &args, 2);
        assert!(!data.exists(), "{args:?} created the data folder");
    }
}

#[test]
fn deleting_or_restoring_what_is_not_there_does_not_create_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("not-yet");
    let err = fails(&data, &["journal", "delete", "2026-11-01"], 2);
    assert!(err.contains("there is no entry for 2026-11-01"), "{err}");
    let err = bad_input(&data, &["backup", "restore", "nope"]);
    assert!(err.contains("There is no backup \"nope\""), "{err}");
    assert!(!data.exists());
}

#[test]
fn reading_a_data_folder_that_does_not_exist_creates_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("typo");
    let out = parent.path().join("out");
    fs::create_dir(&out).unwrap();
    let csv = out.join("j.csv");
    let pdf = out.join("s.pdf");
    for args in [
        vec!["journal", "list"],
        vec!["journal", "list", "--json"],
        vec!["journal", "export", "--csv", csv.to_str().unwrap()],
        vec!["profile", "show"],
        vec!["backup", "list"],
        vec!["summary", "--out", pdf.to_str().unwrap()],
    ] {
        ok_output(&dir, &args);
        assert!(!dir.exists(), "{args:?} created the data folder");
    }
    fails(&dir, &["journal", "show", "2026-11-01"], 2);
    assert!(!dir.exists());

    // The first save makes it, owner-only.
    ok_output(
        &dir,
        &["journal", "add", "--date", "2026-11-01", "--pain", "3"],
    );
    assert!(dir.join("journal.ron").is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}

//! `backlog summary`, run as a real process against a temporary data folder.

use std::path::Path;
use std::process::{Command, Output};

use backlog::journal::sample;
use backlog::store::{Store, StoreError};
use jiff::Zoned;

use crate::common::{err_text as stderr, run_in as backlog};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A data folder holding a month of sample entries ending today.
fn month_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let today = Zoned::now().date();
    Store::open(dir.path())
        .unwrap()
        .update(|j| {
            *j = sample::journal(today, 30, 7);
            Ok::<_, StoreError>(())
        })
        .unwrap();
    dir
}

fn pages(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn writes_the_summary_pdf_from_the_data_folder() {
    let data = month_folder();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("summary.pdf");
    let o = backlog(data.path(), &["summary", "--out", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    // The sample profile asks for Letter; the sample's sources take more
    // than the three lines page 1 gives them, so page 2 lists them.
    assert!(
        stdout(&o).starts_with("Saved the summary (2 pages, US Letter) to "),
        "{}",
        stdout(&o)
    );
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 2);
    assert!(squash(&pages[1]).contains("Sourcesbehindthewarningsigns"));
    let text = squash(&pages[0]);
    for phrase in [
        "Alex Sample",
        "(30 days)",
        "WHAT CHANGED",
        "PAIN PICTURE",
        "Ibuprofen",
        "Should I have an X-ray?",
    ] {
        assert!(text.contains(&squash(phrase)), "missing {phrase}");
    }
    assert!(stderr(&o).is_empty());
}

#[test]
fn paper_period_and_entries_are_honoured() {
    let data = month_folder();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("two weeks.PDF");
    let to = Zoned::now().date();
    let from = to.checked_sub(jiff::Span::new().days(13)).unwrap();
    let o = backlog(
        data.path(),
        &[
            "summary",
            "--from",
            &from.to_string(),
            "--to",
            &to.to_string(),
            "--paper",
            "A4",
            "--with-entries",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    // Page 1, the full sources, then the days.
    assert!(stdout(&o).contains("(3 pages, A4)"), "{}", stdout(&o));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("/MediaBox[0 0 595.28 841.89]"));
    let pages = pages(&pdf);
    assert!(squash(&pages[0]).contains(&squash(&format!("{from} to {to} (14 days)"))));
    assert!(squash(&pages[2]).contains("Everydayintheperiod"));
}

#[test]
fn an_empty_data_folder_still_gives_a_page() {
    let data = tempfile::tempdir().unwrap();
    let pdf = data.path().join("summary.pdf");
    let o = backlog(data.path(), &["summary", "--out", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(squash(&pages(&pdf)[0]).contains("Noentriesinthisperiod"));
}

#[test]
fn bad_input_exits_2_with_one_line_and_writes_nothing() {
    let data = month_folder();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("s.pdf");
    let pdf = pdf.to_str().unwrap();
    let tomorrow = Zoned::now().date().tomorrow().unwrap().to_string();
    let cases: &[(&[&str], &str)] = &[
        (&["--from", "2026-13-01", "--out", pdf], "is not a date"),
        (
            &["--from", "2026-11-20", "--to", "2026-11-01", "--out", pdf],
            "after the end date",
        ),
        (&["--to", &tomorrow, "--out", pdf], "in the future"),
        (
            &["--paper", "legal", "--out", pdf],
            "--paper a4 or --paper letter",
        ),
        (&["--out", "journal.ron"], "must end in .pdf"),
        (&["--out", "/no/such/folder/s.pdf"], "does not exist"),
        (&[], "--out"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["summary"];
        all.extend_from_slice(args);
        let o = backlog(data.path(), &all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!Path::new(pdf).exists(), "{args:?} wrote a file");
    }
}

#[test]
fn a_journal_that_does_not_load_exits_1_and_is_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let journal = data.path().join("journal.ron");
    std::fs::write(&journal, "(version: 1, entries: [ oops").unwrap();
    let pdf = data.path().join("s.pdf");
    let o = backlog(data.path(), &["summary", "--out", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("journal.ron"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap(),
        "(version: 1, entries: [ oops"
    );
    assert!(!pdf.exists());
}

#[test]
fn an_existing_pdf_is_replaced_whole() {
    let data = month_folder();
    let pdf = data.path().join("s.pdf");
    std::fs::write(&pdf, b"old").unwrap();
    let o = backlog(data.path(), &["summary", "--out", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // No temp files left beside it.
    let names: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

/// `--open` with a stand-in `xdg-open` on the PATH: one that fails as the
/// real one does when no program opens PDF files, and one that works.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn open_says_so_when_no_viewer_opened_the_pdf() {
    use std::os::unix::fs::PermissionsExt;
    let data = month_folder();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("s.pdf");
    let bin = tempfile::tempdir().unwrap();
    let fake = bin.path().join("xdg-open");
    let run = |script: &str| {
        std::fs::write(&fake, script).unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        Command::new(env!("CARGO_BIN_EXE_backlog"))
            .args(["summary", "--out", pdf.to_str().unwrap(), "--open"])
            .env("BACKLOG_DATA_DIR", data.path())
            .env("PATH", bin.path())
            .output()
            .unwrap()
    };
    // xdg-open's exit 3: "a required tool could not be found".
    let o = run("#!/bin/sh\nexit 3\n");
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no program to open PDF files"), "{err}");
    assert!(err.contains("The summary is saved"), "{err}");
    assert!(err.trim_end().ends_with("s.pdf"), "{err}");
    assert!(stdout(&o).starts_with("Saved the summary"));
    assert!(pdf.exists());

    let o = run("#!/bin/sh\nexit 0\n");
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));

    // No xdg-open at all.
    std::fs::remove_file(&fake).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(["summary", "--out", pdf.to_str().unwrap(), "--open"])
        .env("BACKLOG_DATA_DIR", data.path())
        .env("PATH", bin.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no program to open PDF files"));
}

#[test]
fn a_summary_is_never_written_over_backlogs_own_files() {
    let data = month_folder();
    let inside = data.path().join("backups").join("s.pdf");
    let o = backlog(data.path(), &["summary", "--out", inside.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    assert!(
        stderr(&o).contains("one of Backlog's own files"),
        "{}",
        stderr(&o)
    );
    assert!(!inside.exists());
}

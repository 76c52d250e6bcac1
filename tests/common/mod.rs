//! Running the real `backlog` binary against a temporary data folder, for
//! the command-line tests. A test binary takes it with
//! `#[path = "../common/mod.rs"] mod common;` (see tests/cli/main.rs).
//!
//! Every helper is reached from `ok` or `bad_input`, so a file that uses
//! both leaves nothing unused.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `backlog ARGS` with `dir` as the data folder.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    run_with_stdin(dir, args, b"")
}

/// Runs `backlog ARGS` with `dir` as the data folder and `input` on its
/// standard input, which is then closed.
pub fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backlog"))
        .args(args)
        .env("BACKLOG_DATA_DIR", dir)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn err_text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exits 0; gives back the whole output.
pub fn ok_output(dir: &Path, args: &[&str]) -> Output {
    let o = run_in(dir, args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}\nstderr: {}",
        err_text(&o)
    );
    o
}

/// Exits 0; gives back what it printed.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(ok_output(dir, args).stdout).unwrap()
}

/// Exits with `code`, exactly one line on stderr, nothing on stdout, no
/// panic; gives back that line.
pub fn fails(dir: &Path, args: &[&str], code: i32) -> String {
    let o = run_in(dir, args);
    let err = err_text(&o);
    assert_eq!(
        o.status.code(),
        Some(code),
        "{args:?}\nstdout: {}\nstderr: {err}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty(), "{args:?}");
    err
}

/// Bad input: exit 2, as `fails` describes.
pub fn bad_input(dir: &Path, args: &[&str]) -> String {
    fails(dir, args, 2)
}

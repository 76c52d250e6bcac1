//! The journal file's format: bytes to a checked [`Journal`] and back.
//!
//! RON, one entry per line, empty fields left out, a `version` first. Older
//! versions would be migrated in [`parse`]; a file from a newer Backlog is
//! refused with a message to update, never read half-way.

use std::io;

use serde::Deserialize;

use crate::journal::{Journal, SCHEMA_VERSION};
use crate::triage::knowledge;

/// Why some bytes are not a journal.
#[derive(Debug)]
pub(super) enum Problem {
    Empty,
    /// Only zero bytes: what a crash or power cut during a write can leave
    /// on some file systems.
    Zeros,
    NotText,
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    Newer(u32),
    Older(u32),
    Invalid(String),
}

impl Problem {
    /// What is wrong, as the middle of a sentence: the message around it
    /// adds the full stop, so a reason that ends in one loses it (no "..").
    pub(super) fn detail(&self) -> String {
        let text = match self {
            Self::Empty => "the file is empty".to_owned(),
            Self::Zeros => "the file holds only zero bytes, which a crash or power cut while it was being written can leave; restore a backup".to_owned(),
            Self::NotText => {
                "it is not a text file (another program may have written over it)".to_owned()
            }
            Self::Syntax { line, col, message } => {
                format!("line {line}, column {col}: {message}")
            }
            Self::Newer(v) => format!(
                "it was saved by a newer Backlog (format {v}; this version reads up to {SCHEMA_VERSION})"
            ),
            Self::Older(v) => format!("it uses format {v}, which Backlog never wrote"),
            Self::Invalid(why) => format!("it holds something Backlog cannot accept: {why}"),
        };
        text.trim_end().trim_end_matches('.').to_owned()
    }
}

/// The longest parser message shown (it may quote the file back).
const MESSAGE_CHARS: usize = 160;

/// Only the version, to decide how to read the rest.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Bytes → a valid journal. Older schema versions would be migrated here
/// (with a committed fixture of each, see `tests/fixtures/`).
pub(super) fn parse(bytes: &[u8]) -> Result<Journal, Problem> {
    if !bytes.is_empty() && bytes.iter().all(|b| *b == 0) {
        return Err(Problem::Zeros);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::NotText)?;
    // A text editor may add a byte-order mark when the file is saved by
    // hand; it says nothing, so it is read past (and the next save drops it).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let syntax = |e: ron::error::SpannedError| Problem::Syntax {
        line: e.span.start.line,
        col: e.span.start.col,
        message: crate::journal::shorten(&e.code.to_string(), MESSAGE_CHARS),
    };
    let version_problem = |version: u32| {
        if version > SCHEMA_VERSION {
            Some(Problem::Newer(version))
        } else if version < 1 {
            Some(Problem::Older(version))
        } else {
            None
        }
    };
    // Parse once; only when that fails, look at the version alone, so a
    // file from a newer Backlog (with fields this one does not know) is
    // reported as such and not as a syntax error.
    let read = ron::Options::default().from_str::<Journal>(text);
    let journal = match read {
        Ok(journal) => journal,
        Err(e) => {
            let probe = ron::Options::default().from_str::<VersionProbe>(text);
            return Err(probe
                .ok()
                .and_then(|p| version_problem(p.version))
                .unwrap_or_else(|| syntax(e)));
        }
    };
    if let Some(problem) = version_problem(journal.version) {
        return Err(problem);
    }
    journal
        .validate(knowledge())
        .map_err(|e| Problem::Invalid(e.to_string()))?;
    Ok(journal)
}

/// The exact bytes written for a journal: RON a person can read, laid out
/// one entry per line (like a diary), with empty fields left out.
pub(super) fn to_bytes(journal: &Journal) -> io::Result<Vec<u8>> {
    let config = ron::ser::PrettyConfig::new()
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .depth_limit(2)
        .indentor("  ".to_owned())
        .new_line("\n".to_owned());
    let mut text = ron::ser::to_string_pretty(journal, config).map_err(io::Error::other)?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// Public for the benchmark and tests: the exact bytes a save writes.
pub fn serialize(journal: &Journal) -> Result<Vec<u8>, super::StoreError> {
    to_bytes(journal)
        .map_err(|e| super::StoreError::write(std::path::PathBuf::from(super::JOURNAL_FILE), e))
}

/// Public for the benchmark and tests: bytes to a validated journal, with
/// the same checks and messages as [`Store::load`](super::Store::load).
pub fn deserialize(bytes: &[u8]) -> Result<Journal, String> {
    parse(bytes).map_err(|p| p.detail())
}

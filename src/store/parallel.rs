//! Reading a large journal on several threads, with exactly the result of
//! reading it in one pass.
//!
//! ron reads about 80 MB/s, so ten years of daily entries (1.7 MB) take
//! about 20 ms on one core. The entries are nearly all of the file, and
//! Backlog writes them one per line between `  entries: [` and `  ],`, so
//! they can be cut at line ends into a few chunks and read side by side.
//!
//! The answer must be the one-pass answer or nothing: on `None` the caller
//! reads the file in one pass, which also finds the right error and its
//! line and column. Two checks make sure of it:
//!
//! 1. Everything around the entries (header, profile, checks, medicines,
//!    notes), with the entries left out, is read as a journal, and writing
//!    that journal back must give the very same bytes. So that part is in
//!    exactly Backlog's own layout, and the `entries: [` we cut at is the
//!    real field, not text inside a string or a comment left open by a hand
//!    edit.
//! 2. Each chunk is read as a list on its own, `[` + chunk + `]`, and must
//!    end in a comma. A chunk that reads cleanly that way ends on the comma
//!    after its last entry (a comment or string left open would swallow the
//!    closing `]`), so the next chunk starts where the one-pass reader would
//!    be: at the start of an entry.
//!
//! A differential test (`tests` below) compares both readers on files with
//! random edits.

use std::num::NonZero;

use ron::extensions::Extensions;

use super::format::to_bytes;
use crate::journal::{Entry, Journal};

/// Files smaller than this (about 550 days) are read in one pass: starting
/// threads would cost more than it saves.
pub(super) const MIN_BYTES: usize = 256 * 1024;

/// More threads than this gain little on a desktop and cost memory.
const MAX_THREADS: usize = 4;

/// How many threads to read a file of `len` bytes with; 1 means one pass.
pub(super) fn threads_for(len: usize) -> usize {
    if len < MIN_BYTES {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| NonZero::get(n).min(MAX_THREADS))
}

/// The journal in `text`, read on `threads` threads, or `None` when the
/// file is not laid out the way Backlog writes it (or does not read at
/// all): then read it in one pass.
pub(super) fn parse(text: &str, threads: usize) -> Option<Journal> {
    const OPEN: &str = "\n  entries: [\n";
    const CLOSE: &str = "\n  ],\n";
    const EMPTY: &str = "\n  entries: [],\n";

    let open = text.find(OPEN)?;
    let body_start = open + OPEN.len();
    // The `\n` that ends the last entry line; searching from the `\n` that
    // ends the `entries: [` line finds the first `  ],` line after it.
    let close = body_start - 1 + text.get(body_start - 1..)?.find(CLOSE)?;
    let body = text.get(body_start..close)?;
    let after = text.get(close + CLOSE.len()..)?;
    let before = text.get(..open)?;

    // Check 1: the rest of the file, with no entries, is Backlog's layout.
    let mut outer = String::with_capacity(before.len() + EMPTY.len() + after.len());
    outer.push_str(before);
    outer.push_str(EMPTY);
    outer.push_str(after);
    let mut journal: Journal = ron::Options::default().from_str(&outer).ok()?;
    if !journal.entries().is_empty() || to_bytes(&journal).ok()? != outer.as_bytes() {
        return None;
    }

    // Check 2, per chunk, on up to `threads` threads.
    let chunks = split_at_lines(body, threads.max(1));
    let read = |chunk: &str| -> Option<Vec<Entry>> {
        if !chunk.ends_with(',') {
            return None;
        }
        let mut list = String::with_capacity(chunk.len() + 2);
        list.push('[');
        list.push_str(chunk);
        list.push(']');
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .from_str(&list)
            .ok()
    };
    let read = &read;
    let parts: Vec<Option<Vec<Entry>>> = std::thread::scope(|scope| {
        let (first, rest) = chunks.split_first()?;
        let handles: Vec<_> = rest
            .iter()
            .map(|&chunk| {
                std::thread::Builder::new()
                    .name("journal-read".to_owned())
                    .spawn_scoped(scope, move || read(chunk))
                    // No thread to be had: read this chunk here instead.
                    .map_err(|_| chunk)
            })
            .collect();
        let mut parts = vec![read(first)];
        for handle in handles {
            parts.push(match handle {
                Ok(handle) => handle.join().ok().flatten(),
                Err(chunk) => read(chunk),
            });
        }
        Some(parts)
    })?;

    let mut entries = Vec::with_capacity(parts.iter().flatten().map(Vec::len).sum());
    for part in parts {
        entries.extend(part?);
    }
    journal.set_entries_as_read(entries);
    Some(journal)
}

/// `text` cut into about `n` pieces of similar size, each ending at the end
/// of a line (the `\n` between two pieces belongs to neither).
fn split_at_lines(text: &str, n: usize) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(n);
    let mut rest = text;
    for left in (1..=n).rev() {
        if left == 1 || rest.is_empty() {
            pieces.push(rest);
            break;
        }
        let target = rest.len() / left;
        match rest.get(target..).and_then(|tail| tail.find('\n')) {
            Some(at) => {
                let cut = target + at;
                pieces.push(&rest[..cut]);
                rest = &rest[cut + 1..];
            }
            None => {
                pieces.push(rest);
                break;
            }
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::sample;
    use jiff::civil::Date;
    use proptest::prelude::*;

    const LAST_DAY: Date = Date::constant(2026, 11, 24);

    fn one_pass(text: &str) -> Result<Journal, String> {
        ron::Options::default()
            .from_str::<Journal>(text)
            .map_err(|e| e.to_string())
    }

    fn sample_text(days: u32) -> String {
        let bytes = to_bytes(&sample::journal(LAST_DAY, days, 3)).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn split_keeps_every_line_once() {
        let text = "a,\nbb,\nccc,\ndddd,\ne,";
        for n in 1..8 {
            let pieces = split_at_lines(text, n);
            assert!(pieces.len() <= n, "{n}: {pieces:?}");
            assert_eq!(pieces.join("\n"), text, "{n}");
        }
        assert_eq!(split_at_lines("", 3), vec![""]);
    }

    #[test]
    fn backlogs_own_file_is_read_in_parallel_with_the_one_pass_result() {
        let text = sample_text(200);
        for threads in [1, 2, 3, 4, 7] {
            let fast = parse(&text, threads).expect("Backlog's own layout takes the fast path");
            assert_eq!(fast, one_pass(&text).unwrap(), "{threads} threads");
            assert!(fast.entries().len() > 150, "{}", fast.entries().len());
        }
    }

    #[test]
    fn a_journal_without_entries_is_left_to_the_one_pass_reader() {
        let text = sample_text(0);
        assert!(parse(&text, 2).is_none());
    }

    #[test]
    fn a_hand_edited_layout_is_left_to_the_one_pass_reader() {
        let text = sample_text(40);
        // Extra spaces in the profile: still a fine journal, not our layout.
        let edited = text.replacen("version: 1", "version:  1", 1);
        assert!(parse(&edited, 2).is_none());
        assert_eq!(one_pass(&edited).unwrap(), one_pass(&text).unwrap());
    }

    #[test]
    fn a_comment_that_swallows_the_comma_between_chunks_is_caught() {
        // `(…) // x,` hides the comma, so for one pass the next entry is an
        // error. Put it exactly where the fast reader cuts the file.
        let text = sample_text(60);
        let body_start = text.find("\n  entries: [\n").unwrap() + "\n  entries: [\n".len();
        let body_end = body_start + text[body_start..].find("\n  ],\n").unwrap();
        for threads in 2..6 {
            let pieces = split_at_lines(&text[body_start..body_end], threads);
            let cut = body_start + pieces[0].len() - 1;
            assert_eq!(&text[cut..=cut], ",");
            let edited = format!("{} // x{}", &text[..cut], &text[cut..]);
            assert!(one_pass(&edited).is_err());
            assert_eq!(parse(&edited, threads), None, "{threads} threads");
        }
    }

    #[test]
    fn an_entries_block_inside_a_string_is_not_taken_for_the_field() {
        // A hand-written raw string holding what looks like the entries, in
        // a journal whose real entries are empty. One pass: no entries.
        let text = sample_text(0);
        let fake = "r#\"Alex\n  entries: [\n    (date: \"2026-11-01\", pain: 3, \
                    created: \"2026-11-01T20:00:00Z\", edited: \"2026-11-01T20:00:00Z\"),\n  ],\n\"#";
        let edited = text.replacen("\"Alex Sample\"", fake, 1);
        assert_ne!(edited, text);
        let journal = one_pass(&edited).unwrap();
        assert!(journal.entries().is_empty());
        assert!(
            journal
                .profile
                .name
                .as_deref()
                .unwrap()
                .contains("entries: [")
        );
        assert_eq!(parse(&edited, 2), None);
    }

    /// Small edits a person (or a damaged disk) might make.
    fn edit() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ",
            "\n",
            ",",
            "(",
            ")",
            "[",
            "]",
            "\"",
            "//",
            "/*",
            "*/",
            "// x\n",
            "/* ) */",
            "r#\"",
            "\"#",
            "\n  ],\n",
            "\n  entries: [\n",
            "\n  entries: [],\n",
            "\\",
            "),\n    (",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Whatever the edit, the fast reader gives the one-pass journal or
        /// nothing.
        #[test]
        fn fast_reader_agrees_with_one_pass(
            at in 0.0..1.0f64,
            insert in edit(),
            delete in 0usize..3,
            threads in 2usize..5,
        ) {
            let text = sample_text(60);
            let mut at = ((text.len() as f64) * at) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + delete).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let edited = format!("{}{insert}{}", &text[..at], &text[end..]);
            if let Some(fast) = parse(&edited, threads) {
                prop_assert_eq!(Ok(fast), one_pass(&edited));
            }
        }
    }
}

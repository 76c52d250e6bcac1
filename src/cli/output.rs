//! Writing command output: plain text wrapped for a terminal, or JSON.
//!
//! A closed pipe (`backlog rules | head`) is not an error worth a message.

use std::io::{self, Read, Write};

use super::CliError;

/// Text width for wrapped paragraphs.
pub const WIDTH: usize = 78;

pub struct Out {
    inner: Box<dyn Write>,
}

impl Out {
    pub fn stdout() -> Self {
        Self {
            inner: Box::new(io::stdout().lock()),
        }
    }

    pub fn line(&mut self, text: impl AsRef<str>) -> Result<(), CliError> {
        let r = writeln!(self.inner, "{}", text.as_ref());
        check(r)
    }

    pub fn blank(&mut self) -> Result<(), CliError> {
        self.line("")
    }

    /// A paragraph wrapped to `WIDTH`, every line after the first indented
    /// like the first.
    pub fn wrapped(&mut self, indent: &str, text: &str) -> Result<(), CliError> {
        self.hanging(indent, indent, text)
    }

    /// First line starts with `first`; following lines with `rest`.
    pub fn hanging(&mut self, first: &str, rest: &str, text: &str) -> Result<(), CliError> {
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(first)
            .subsequent_indent(rest)
            // Keep source keys such as BUPA-UBP and ids in one piece.
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        for line in textwrap::wrap(text, options) {
            self.line(line)?;
        }
        Ok(())
    }

    pub fn json(&mut self, value: &impl serde::Serialize) -> Result<(), CliError> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| CliError::Failure(anyhow::anyhow!("could not write JSON: {e}")))?;
        self.line(text)
    }
}

fn check(r: io::Result<()>) -> Result<(), CliError> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Failure(anyhow::anyhow!(
            "could not print the result ({}); any change you asked for is already saved. Check where the output goes (a full disk, a closed file)",
            crate::store::io_reason(&e)
        ))),
        Ok(()) => Ok(()),
    }
}

/// One wording of I/O reasons for the whole program: the store's.
pub use crate::store::io_reason;

/// The longest word (a path, a pasted argument) an error line shows whole.
const WORD_CHARS: usize = 200;

/// Makes `text` one line that a terminal shows as it is: control
/// characters (line breaks, escape codes) written out as `\n`, `\u{1b}`…,
/// and any word longer than [`WORD_CHARS`] cut in the middle, keeping its
/// start and end (a path's file name stays readable). The last guard for
/// "an error is one line": inputs are also cut where they are quoted.
pub fn one_line(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    escaped
        .split(' ')
        .map(|word| {
            let count = word.chars().count();
            if count <= WORD_CHARS {
                return word.to_owned();
            }
            let head: String = word.chars().take(WORD_CHARS * 2 / 3).collect();
            let tail: String = word.chars().skip(count - WORD_CHARS / 4).collect();
            format!("{head}…{tail}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Prints an error or a warning as its one line on stderr.
pub fn report(text: &str) {
    eprintln!("backlog: {}", one_line(text));
}

/// Reads `reader` to the end, or gives `None` once it holds more than
/// `limit` bytes: `--answers /dev/zero` must end with a message, not fill
/// the memory.
pub fn read_capped(reader: impl io::Read, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(u64::try_from(bytes.len())
        .is_ok_and(|n| n <= limit)
        .then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_line_stays_one_short_line() {
        assert_eq!(one_line("plain words: /tmp/a b"), "plain words: /tmp/a b");
        let line = one_line("bad \"x\ny\u{1b}[2J\": /tmp/a");
        assert_eq!(line, "bad \"x\\ny\\u{1b}[2J\": /tmp/a");
        let long = format!(
            "unknown \"{}\" in /data/journal.ron",
            "z".repeat(128 * 1024)
        );
        let line = one_line(&long);
        assert!(line.chars().count() < 300, "{}", line.len());
        assert!(line.starts_with("unknown \"zzz") && line.ends_with("zz\" in /data/journal.ron"));
        assert!(line.contains('…'));
    }
}

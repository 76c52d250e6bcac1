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

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
        _ => e.to_string(),
    }
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

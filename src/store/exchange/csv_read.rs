//! Reading a CSV file: the header line, every row checked into an entry,
//! and line numbers a person can find in a text editor. Its own file
//! because these checks are most of the import code and need none of
//! the merging or the RON side.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;

use super::{BOM, CSV_COLUMNS, ImportError};
use crate::journal::{Entry, EntryDraft, EntryError, echo, parse};
use crate::triage::Knowledge;

fn unguard(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// Reads a CSV export (or a hand-made sheet with at least `date` and
/// `pain` columns). Every row is checked; the first problem is returned
/// with its line.
pub fn from_csv(
    bytes: &[u8],
    knowledge: &Knowledge,
    today: Date,
    now: Timestamp,
) -> Result<Vec<Entry>, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ImportError::File(
            "the file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"".to_owned(),
        )
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if let Some(line) = unclosed_quote(text) {
        return Err(ImportError::Format {
            line,
            message: "a quote (\") opens a cell here and is never closed, so every row after it would be read into that one cell: add the closing quote, or remove this one".to_owned(),
        });
    }
    let mut lines_seen = LineCounter::new(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let index = column_index(&mut r)?;

    let mut out: Vec<Entry> = Vec::new();
    let mut lines: BTreeMap<Date, u64> = BTreeMap::new();
    for record in r.records() {
        let record = record.map_err(|e| ImportError::Format {
            line: e
                .position()
                .map_or(0, |p| LineCounter::new(text).line_at(p.byte())),
            message: csv_message(&e),
        })?;
        let line = record
            .position()
            .map_or(0, |p| lines_seen.line_at(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(&i) = index.get("medicines")
            && let Some(message) = record.get(i).and_then(medicine_beyond_four_parts)
        {
            return Err(ImportError::Format { line, message });
        }
        let cell = |name: &str| {
            index
                .get(name)
                .and_then(|&i| record.get(i))
                .map(unguard)
                .unwrap_or("")
        };
        let fail = |date: Option<Date>| move |error| ImportError::Row { line, date, error };
        let date = parse::date(cell("date")).map_err(fail(None))?;
        let entry = csv_entry(&cell, date, knowledge, today, now).map_err(fail(Some(date)))?;
        if let Some(first) = lines.insert(date, line) {
            return Err(ImportError::Format {
                line,
                message: format!(
                    "{date} also has a row on line {first}: each day can have only one row"
                ),
            });
        }
        out.push(entry);
    }
    out.sort_by_key(|e| e.date);
    Ok(out)
}

/// Which cell holds which column, from the header line: every name must
/// be a known column, none twice, and `date` and `pain` must be there.
fn column_index(r: &mut csv::Reader<&[u8]>) -> Result<BTreeMap<&'static str, usize>, ImportError> {
    let headers: Vec<String> = r
        .headers()
        .map_err(|e| ImportError::Format {
            line: 1,
            message: csv_message(&e),
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut index: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, h) in headers.iter().enumerate() {
        let Some(name) = CSV_COLUMNS.iter().find(|c| **c == h.as_str()) else {
            return Err(ImportError::Format {
                line: 1,
                message: format!(
                    "unknown column \"{}\": the columns are {}",
                    echo(h),
                    CSV_COLUMNS.join(", ")
                ),
            });
        };
        if index.insert(name, i).is_some() {
            return Err(ImportError::Format {
                line: 1,
                message: format!("the column \"{}\" appears twice: keep one", echo(h)),
            });
        }
    }
    for required in ["date", "pain"] {
        if !index.contains_key(required) {
            return Err(ImportError::Format {
                line: 1,
                message: format!(
                    "there is no \"{required}\" column: the first line must name the columns, for example date,pain,note"
                ),
            });
        }
    }
    Ok(index)
}

/// Where a line starts, counted the way a person counts lines in a text
/// editor: by line feeds, so the number is right for LF and CRLF files
/// alike. Records come in order, so counting goes on from the last one.
struct LineCounter<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            line: 1,
        }
    }

    /// The line of a record starting at byte `at` (at or after the last
    /// one asked about). The reader may place a record's start on the
    /// `\n` of the `\r\n` before it (why its own line numbers were one
    /// too low for CRLF files), so line ends there are stepped over
    /// first: no record starts with one.
    fn line_at(&mut self, at: u64) -> u64 {
        let mut at = usize::try_from(at)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.as_bytes().get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        if at > self.byte {
            let between = self.text.as_bytes().get(self.byte..at).unwrap_or_default();
            let feeds = between.iter().filter(|b| **b == b'\n').count();
            self.line += u64::try_from(feeds).unwrap_or(u64::MAX);
            self.byte = at;
        }
        self.line
    }
}

/// The line of a quote that opens a cell and is never closed, if any. The
/// CSV reader would quietly read the rest of the file into that one cell,
/// so every row after it would vanish into a note. A quote opens a cell
/// only at its start; `""` inside a quoted cell is a quote character.
fn unclosed_quote(text: &str) -> Option<u64> {
    let mut line = 1;
    let mut opened_on = None;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if opened_on.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => opened_on = None,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                opened_on = Some(line);
                at_cell_start = false;
            }
            ',' | '\r' => at_cell_start = true,
            '\n' => {
                line += 1;
                at_cell_start = true;
            }
            _ => at_cell_start = false,
        }
    }
    opened_on
}

/// A medicines cell with a medicine of more than four `|` parts: the fifth
/// would be lost, so the row is refused with what to fix.
fn medicine_beyond_four_parts(cell: &str) -> Option<String> {
    let cell = unguard(cell);
    cell.split(';').find_map(|item| {
        // Empty parts at the end lose nothing ("Ibuprofen | 400 mg | | |").
        let parts: Vec<&str> = item.split('|').map(str::trim).collect();
        let parts = parts.len() - parts.iter().rev().take_while(|p| p.is_empty()).count();
        (parts > 4).then(|| {
            format!(
                "the medicine \"{}\" has {parts} parts separated by |, but a medicine has at most four (name | dose | times | relief): remove the extra | or put the medicines in separate items with ;",
                echo(item.trim())
            )
        })
    })
}

fn csv_entry<'a>(
    cell: &dyn Fn(&str) -> &'a str,
    date: Date,
    knowledge: &Knowledge,
    today: Date,
    now: Timestamp,
) -> Result<Entry, EntryError> {
    let opt_score = |what, name| {
        let t: &str = cell(name);
        if t.trim().is_empty() {
            Ok(None)
        } else {
            parse::score(what, t).map(Some)
        }
    };
    let list = |name| -> Vec<String> {
        cell(name)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // `name | dose | times | relief`, or a hand-made sheet's
    // "Ibuprofen 400 mg", read as on the command line.
    let medicines = list("medicines")
        .iter()
        .map(|item| parse::medicine(item))
        .collect::<Result<Vec<_>, _>>()?;
    let draft = EntryDraft {
        date,
        pain: Some(parse::score("Average pain", cell("pain"))?),
        worst: opt_score("Worst pain", "worst")?,
        regions: parse::regions(&[cell("where")])?,
        qualities: parse::qualities(&[cell("feels")])?,
        woke_at_night: parse::yes_no("Woke at night", cell("woke_at_night"))?,
        activity: opt_score(
            "How much pain got in the way of usual activities",
            "activity",
        )?,
        enjoyment: opt_score("How much pain got in the way of enjoying life", "enjoyment")?,
        sleep_hours: match cell("sleep_hours").trim() {
            "" => None,
            t => Some(parse::sleep(t)?),
        },
        medicines,
        treatments: list("treatments"),
        tags: list("tags"),
        symptoms: list("symptoms").into_iter().collect(),
        note: cell("note").replace("\r\n", "\n"),
    };
    let mut entry = draft.validate(knowledge, today, now, None)?;
    let stamp = |name| -> Result<Option<Timestamp>, EntryError> {
        match cell(name).trim() {
            "" => Ok(None),
            t => t
                .parse::<Timestamp>()
                .map(Some)
                .map_err(|_| EntryError::NotATime { text: t.to_owned() }),
        }
    };
    if let Some(created) = stamp("created")? {
        entry.created = created;
        entry.edited = created;
    }
    if let Some(edited) = stamp("edited")? {
        entry.edited = edited.max(entry.created);
    }
    Ok(entry)
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} cells but the first line has {expected_len}: check for a missing or extra comma"
        ),
        csv::ErrorKind::Utf8 { .. } => {
            "not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"".to_owned()
        }
        _ => e.to_string(),
    }
}

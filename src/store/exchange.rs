//! Export and import: a CSV file (one row per day, every field, for a
//! spreadsheet) and a RON file (a full copy of the journal).
//!
//! Import checks every row before anything is written, and merging is a
//! pure function that says what it added or changed, so `--dry-run` and
//! the real import report exactly the same thing.
//!
//! CSV details: UTF-8 with a byte-order mark so spreadsheets pick the right
//! encoding; lists are separated by `;`, a medicine's parts by `|`
//! (`name | dose | times | relief`; a medicine without `|` is read like
//! the command line's `"NAME DOSE"`). A text cell that a spreadsheet would
//! take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a return)
//! or that starts with `'` gets a leading `'`, which import removes again.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};

use crate::journal::{
    Entry, EntryDraft, EntryError, Journal, MedicineTaken, Profile, SummaryNotes, echo, parse,
    plural,
};
use crate::triage::Knowledge;

/// The CSV columns, in order. Import needs `date` and `pain`; the rest are
/// optional, in any order.
pub const CSV_COLUMNS: [&str; 16] = [
    "date",
    "pain",
    "worst",
    "where",
    "feels",
    "woke_at_night",
    "activity",
    "enjoyment",
    "sleep_hours",
    "medicines",
    "treatments",
    "tags",
    "symptoms",
    "note",
    "created",
    "edited",
];

const BOM: &str = "\u{feff}";

/// Why an import file cannot be used. Nothing has been written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}{}: {error}", on_date(*.date))]
    Row {
        line: u64,
        date: Option<Date>,
        error: EntryError,
    },
    #[error("line {line}: {message}")]
    Format { line: u64, message: String },
    #[error("{0}")]
    File(String),
}

fn on_date(date: Option<Date>) -> String {
    date.map(|d| format!(" ({d})")).unwrap_or_default()
}

/// What an import file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub entries: Vec<Entry>,
    /// From a RON copy: the rest of the journal (profile, checks,
    /// medicines, notes). A CSV file has only entries.
    pub rest: Option<Journal>,
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub added: Vec<Date>,
    pub changed: Vec<Date>,
    pub unchanged: usize,
    pub profile: bool,
    pub summary_notes: bool,
    pub checks_added: usize,
    pub medicines_added: usize,
}

impl ImportReport {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && !self.profile
            && !self.summary_notes
            && self.checks_added == 0
            && self.medicines_added == 0
    }
}

/// Whether an import report says what would happen or what did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    /// Before the person says yes, or `--dry-run`.
    Preview,
    /// After the import was saved.
    Done,
}

/// Most changed days named one by one; the rest are counted.
const DAYS_NAMED: usize = 8;

impl ImportReport {
    /// What the import would do (or did), in plain sentences: the app
    /// shows them as they are, the command line prints one per line.
    /// `name` is the file's name as the person knows it.
    pub fn describe(&self, name: &str, mood: Mood) -> Vec<String> {
        let preview = mood == Mood::Preview;
        if self.is_empty() {
            return vec![format!(
                "{} everything in {name} is already in your journal ({} the same).",
                if preview {
                    "Nothing to import:"
                } else {
                    "Nothing was imported:"
                },
                days(self.unchanged)
            )];
        }
        let mut lines = vec![if preview {
            format!(
                "{name} would add {} and update {}. {} already the same. Nothing is deleted.",
                days(self.added.len()),
                days(self.changed.len()),
                days(self.unchanged)
            )
        } else {
            format!(
                "Imported {name}: {} added, {} updated, {} already the same. Nothing was deleted.",
                days(self.added.len()),
                days(self.changed.len()),
                days(self.unchanged)
            )
        }];
        if !self.changed.is_empty() {
            let shown: Vec<String> = self
                .changed
                .iter()
                .take(DAYS_NAMED)
                .map(ToString::to_string)
                .collect();
            let more = self.changed.len().saturating_sub(shown.len());
            lines.push(format!(
                "Days whose entries {} replaced by the file's: {}{}.",
                if preview { "would be" } else { "were" },
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        let mut also = Vec::new();
        if self.profile {
            also.push("your details".to_owned());
        }
        if self.summary_notes {
            also.push("your notes for the doctor".to_owned());
        }
        if self.checks_added > 0 {
            also.push(plural(self.checks_added, "saved check", "saved checks"));
        }
        if self.medicines_added > 0 {
            also.push(plural(self.medicines_added, "medicine", "medicines"));
        }
        if !also.is_empty() {
            lines.push(format!(
                "It {} {}.",
                if preview {
                    "would also add"
                } else {
                    "also added"
                },
                also.join(", ")
            ));
        }
        lines
    }
}

fn days(n: usize) -> String {
    plural(n, "day", "days")
}

/// The last day that is already "today" somewhere on Earth (UTC+14). An
/// entry written today in a time zone ahead (Auckland, while it is still
/// yesterday here) is not "in the future" when it is imported or edited
/// here. Never earlier than `today`.
pub fn last_possible_day(today: Date, now: Timestamp) -> Date {
    let ahead = TimeZone::fixed(Offset::constant(14));
    today.max(now.to_zoned(ahead).date())
}

/// Every entry as CSV.
pub fn to_csv(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from(BOM.as_bytes()));
    w.write_record(CSV_COLUMNS).map_err(|e| e.to_string())?;
    for e in entries {
        let row = row(e);
        w.write_record(row.iter().map(|c| guard(c)))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn row(e: &Entry) -> [String; 16] {
    let opt = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    let join = |items: Vec<String>| items.join("; ");
    [
        e.date.to_string(),
        e.pain.to_string(),
        opt(e.worst),
        join(e.regions.iter().map(|r| r.id().to_owned()).collect()),
        join(e.qualities.iter().map(|q| q.id().to_owned()).collect()),
        if e.woke_at_night { "yes" } else { "no" }.to_owned(),
        opt(e.activity),
        opt(e.enjoyment),
        e.sleep_hours.map(|h| h.to_string()).unwrap_or_default(),
        join(
            e.medicines
                .iter()
                .map(|m| {
                    let mut parts =
                        vec![m.name.clone(), m.dose.clone(), opt(m.times), opt(m.relief)];
                    // A cell without `|` is read as "NAME DOSE", so a name
                    // like "Vitamin B 12" keeps its `|` to stay whole.
                    let keep = if MedicineTaken::from_name_and_dose(&m.name).name == m.name {
                        1
                    } else {
                        2
                    };
                    while parts.len() > keep && parts.last().is_some_and(String::is_empty) {
                        parts.pop();
                    }
                    parts.join(" | ")
                })
                .collect(),
        ),
        join(e.treatments.clone()),
        join(e.tags.clone()),
        join(e.symptoms.iter().cloned().collect()),
        e.note.clone(),
        e.created.to_string(),
        e.edited.to_string(),
    ]
}

/// Keeps spreadsheets from running a cell as a formula (see module docs).
fn guard(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

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

/// Equal apart from the created and edited times.
fn same_content(a: &Entry, b: &Entry) -> bool {
    Entry {
        created: b.created,
        edited: b.edited,
        ..a.clone()
    } == *b
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

/// Reads a RON copy made by `backlog journal export --ron` (or a journal
/// file or backup). Entries in the future are refused like typed ones.
pub fn from_ron(bytes: &[u8], today: Date) -> Result<Imported, ImportError> {
    let journal = super::deserialize(bytes).map_err(ImportError::File)?;
    if let Some(e) = journal.entries().iter().find(|e| e.date > today) {
        return Err(ImportError::File(
            EntryError::FutureDate {
                date: e.date,
                today,
            }
            .to_string(),
        ));
    }
    Ok(Imported {
        entries: journal.entries().to_vec(),
        rest: Some(journal),
    })
}

/// Reads either format: CSV when the name ends in `.csv`, RON when it
/// ends in `.ron`, otherwise by the first character. `today` is the
/// person's today; an entry dated up to [`last_possible_day`] is accepted.
pub fn read_import(
    file_name: &str,
    bytes: &[u8],
    knowledge: &Knowledge,
    today: Date,
    now: Timestamp,
) -> Result<Imported, ImportError> {
    let lower = file_name.to_ascii_lowercase();
    let looks_ron = || {
        std::str::from_utf8(bytes)
            .ok()
            .map(|t| t.trim_start_matches(BOM).trim_start())
            .is_some_and(|t| t.starts_with('(') || t.starts_with("//") || t.starts_with("#!"))
    };
    // Days already begun somewhere on Earth are not "in the future": a
    // copy made today in a time zone ahead imports here.
    let today = last_possible_day(today, now);
    if lower.ends_with(".ron") || (!lower.ends_with(".csv") && looks_ron()) {
        from_ron(bytes, today)
    } else {
        Ok(Imported {
            entries: from_csv(bytes, knowledge, today, now)?,
            rest: None,
        })
    }
}

/// Merges an import into the journal: new days are added, days whose entry
/// differs are replaced by the file's, equal ones are left (the created and
/// edited times are not compared: a hand-made sheet has none, and a
/// replaced entry keeps the earlier creation time). From a RON
/// copy, saved checks and medicines not already there are added, and the
/// profile and doctor notes are taken only if this journal has none yet
/// (a fresh install), so an import never overwrites what is set here.
pub fn merge(journal: &mut Journal, imported: &Imported) -> ImportReport {
    let mut report = ImportReport::default();
    for e in &imported.entries {
        match journal.entry(e.date) {
            Some(old) if same_content(old, e) => report.unchanged += 1,
            Some(old) => {
                report.changed.push(e.date);
                let created = old.created.min(e.created);
                journal.upsert(Entry {
                    created,
                    edited: e.edited.max(created),
                    ..e.clone()
                });
            }
            None => {
                report.added.push(e.date);
                journal.upsert(e.clone());
            }
        }
    }
    if let Some(rest) = &imported.rest {
        if journal.profile == Profile::default() && rest.profile != Profile::default() {
            journal.profile = rest.profile.clone();
            report.profile = true;
        }
        if journal.summary_notes == SummaryNotes::default()
            && rest.summary_notes != SummaryNotes::default()
        {
            journal.summary_notes = rest.summary_notes.clone();
            report.summary_notes = true;
        }
        for c in &rest.checks {
            if !journal.checks.contains(c) {
                journal.checks.push(c.clone());
                report.checks_added += 1;
            }
        }
        journal.checks.sort_by_key(|c| c.time);
        for m in &rest.medicines {
            if !journal.medicines.contains(m) {
                journal.medicines.push(m.clone());
                report.medicines_added += 1;
            }
        }
    }
    report
}

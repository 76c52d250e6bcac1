//! What can be wrong with what someone typed, in sentences they can act on.
//!
//! The app shows these texts next to the form as they are, and the command
//! line prints them as its one line of bad input, so each one says what is
//! wrong and how to fix it, in plain words.

use jiff::Timestamp;
use jiff::civil::Date;

use super::text::{echo, thousands};

/// One problem with an entry, a profile, a medicine or a note.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EntryError {
    #[error(
        "Average pain is missing: choose a number from 0 (no pain) to 10 (the worst pain you can imagine)."
    )]
    PainMissing,
    #[error("{what} must be a whole number from 0 to 10, not {value}.")]
    Score { what: &'static str, value: i64 },
    #[error(
        "Worst pain ({worst}) is lower than average pain ({pain}): the worst pain of the day should be at least the average."
    )]
    WorstBelowAverage { worst: u8, pain: u8 },
    #[error("Hours of sleep must be from 0 to 24, not {hours}.")]
    Sleep { hours: f32 },
    #[error("{what} must be from 1 to {max}, not {value}.")]
    Count {
        what: &'static str,
        value: u32,
        max: u32,
    },
    #[error("{date} is in the future: choose today ({today}) or an earlier day.")]
    FutureDate { date: Date, today: Date },
    #[error("{date} is too long ago: choose a day from 1900 onwards.")]
    TooEarly { date: Date },
    #[error("\"{}\" is not a symptom Backlog knows{}: pick one from the symptom list.", echo(.id), did_you_mean(.suggestion))]
    UnknownSymptom {
        id: String,
        suggestion: Option<String>,
    },
    #[error(
        "\"{}\" is part of your health history, not a symptom of the day: set it in your profile instead.", echo(.id)
    )]
    HistoryAsSymptom { id: String },
    #[error("\"{}\" is not a health history item Backlog knows{}: pick one from the health history list.", echo(.id), did_you_mean(.suggestion))]
    UnknownHistory {
        id: String,
        suggestion: Option<String>,
    },
    #[error(
        "\"{}\" is a symptom, not part of your health history: note it in a journal entry instead.", echo(.id)
    )]
    NotHistory { id: String },
    #[error(
        "\"{}\" is not a place Backlog knows: use one of {}.",
        echo(.id),
        super::Region::id_list()
    )]
    UnknownRegion { id: String },
    #[error(
        "\"{}\" is not a kind of pain Backlog knows: use one of {}.",
        echo(.id),
        super::Quality::id_list()
    )]
    UnknownQuality { id: String },
    #[error("{what} is {} characters long; the limit is {}. Please shorten it.", thousands(*.count), thousands(*.max))]
    TooLong {
        what: &'static str,
        count: usize,
        max: usize,
    },
    #[error("{what} is empty: type something or remove it.")]
    Blank { what: &'static str },
    #[error(
        "{what} \"{}\" contains \"{character}\", which Backlog uses to separate items: please use a comma or a space instead.", echo(.text)
    )]
    Separator {
        what: &'static str,
        text: String,
        character: char,
    },
    #[error("{what} must fit on one line: please remove the line breaks.")]
    LineBreak { what: &'static str },
    #[error("{what} contains a hidden control character: please retype it.")]
    ControlCharacter { what: &'static str },
    #[error("There are {count} {what}; the most is {max}. Please remove some.")]
    TooMany {
        what: &'static str,
        count: usize,
        max: usize,
    },
    #[error("Age must be a whole number of years from 0 to {max}, not {years}.")]
    Age { years: u32, max: u8 },
    #[error("Birth year {year} is not possible: give a year from {earliest} to {latest}.")]
    BirthYear {
        year: i16,
        earliest: i16,
        latest: i16,
    },
    #[error(
        "The emergency number \"{}\" is not a phone number: use digits only (for example 911, 999 or 112).", echo(.text)
    )]
    EmergencyNumber { text: String },
    #[error(
        "{what} \"{text}\" is not a phone number: use digits, with spaces, dashes or brackets if you like (for example 0161 496 0000 or +44 161 496 0000)."
    )]
    PhoneNumber { what: &'static str, text: String },
    #[error("The stop date {stop} is before the start date {start}: check both dates.")]
    StopBeforeStart { start: Date, stop: Date },
    #[error("{what} \"{}\" is not a whole number: give a number such as 4.", echo(.text))]
    NotANumber { what: &'static str, text: String },
    #[error("Hours of sleep \"{}\" is not a number: give hours such as 7 or 6.5.", echo(.text))]
    NotHours { text: String },
    #[error("\"{}\" is not a date: write dates as YYYY-MM-DD, for example 2026-11-20.", echo(.text))]
    NotADate { text: String },
    #[error("{what} \"{}\" is not yes or no: write yes or no.", echo(.text))]
    NotYesNo { what: &'static str, text: String },
    #[error("\"{}\" is not a time: write times like 2026-11-20T21:30:00Z.", echo(.text))]
    NotATime { text: String },
    #[error("The rules version of a saved check is empty.")]
    RulesVersion,
    #[error(
        "The medicine \"{text}\" has too many parts: write NAME | DOSE | TIMES | RELIEF, for example \"Ibuprofen | 400 mg | 2 | 6\"."
    )]
    MedicineParts { text: String },
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

/// A journal that breaks an invariant. Shown when a save is refused, or when
/// a file loads but holds something impossible (edited by hand, say).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JournalError {
    #[error(
        "This journal uses format version {found}, but this copy of Backlog reads version {supported} or older. Please update Backlog."
    )]
    Version { found: u32, supported: u32 },
    #[error(
        "The journal has two entries for {first} or is out of order ({first} before {second}); each day can have only one entry."
    )]
    EntryOrder { first: Date, second: Date },
    #[error("The entry for {date}: {error}")]
    Entry { date: Date, error: EntryError },
    #[error("Your profile: {0}")]
    Profile(EntryError),
    #[error("The symptom check saved at {time}: {error}")]
    Check { time: Timestamp, error: EntryError },
    #[error("Medicine number {} in your list: {error}", .index + 1)]
    Medicine { index: usize, error: EntryError },
    #[error("The notes for your doctor: {0}")]
    SummaryNotes(EntryError),
}

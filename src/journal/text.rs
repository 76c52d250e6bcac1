//! Limits on free text, and the checks that enforce them.
//!
//! Short items (tags, treatments, medicine names and doses) are written to
//! the CSV export as lists separated by `;`, with a medicine's parts
//! separated by `|`, so those two characters are not allowed inside them.

use super::error::EntryError;

/// Longest note, in characters (about eight printed pages).
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest tag, treatment, medicine name or dose, in characters.
pub const MAX_SHORT_CHARS: usize = 100;
/// Longest question for the doctor, in characters.
pub const MAX_QUESTION_CHARS: usize = 300;
/// Most items in one list of an entry (tags, treatments, medicines).
pub const MAX_LIST_ITEMS: usize = 30;
/// Longest name, emergency number or cancer details in the profile.
pub const MAX_PROFILE_CHARS: usize = 2_000;

/// Characters that separate list items in the CSV export.
pub const LIST_SEPARATOR: char = ';';
pub const PART_SEPARATOR: char = '|';

/// A short, one-line item: not blank, no separators, within the limit.
pub fn check_short(what: &'static str, text: &str) -> Result<(), EntryError> {
    if text.trim().is_empty() {
        return Err(EntryError::Blank { what });
    }
    check_line(what, text, MAX_SHORT_CHARS)?;
    if let Some(c) = text
        .chars()
        .find(|&c| c == LIST_SEPARATOR || c == PART_SEPARATOR)
    {
        return Err(EntryError::Separator {
            what,
            text: text.to_owned(),
            character: c,
        });
    }
    Ok(())
}

/// One line of text (no line breaks or control characters), within `max`.
pub fn check_line(what: &'static str, text: &str, max: usize) -> Result<(), EntryError> {
    let count = text.chars().count();
    if count > max {
        return Err(EntryError::TooLong { what, count, max });
    }
    if text.chars().any(|c| matches!(c, '\n' | '\r')) {
        return Err(EntryError::LineBreak { what });
    }
    // A tab or an escape is not a line break: saying so would send the
    // person looking for something that is not there.
    if text.chars().any(char::is_control) {
        return Err(EntryError::ControlCharacter { what });
    }
    Ok(())
}

/// A multi-line note: line breaks and tabs allowed, other control
/// characters not, at most [`MAX_NOTE_CHARS`].
pub fn check_note(what: &'static str, text: &str) -> Result<(), EntryError> {
    let count = text.chars().count();
    if count > MAX_NOTE_CHARS {
        return Err(EntryError::TooLong {
            what,
            count,
            max: MAX_NOTE_CHARS,
        });
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(EntryError::ControlCharacter { what });
    }
    Ok(())
}

/// Trims each item, drops blank ones and exact duplicates, keeps the order.
pub fn tidy_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let item = item.trim();
        if !item.is_empty() && !out.iter().any(|o| o == item) {
            out.push(item.to_owned());
        }
    }
    out
}

/// A count with its noun: "1 entry", "3 entries", "0 days". The one place
/// the app and the command line choose between singular and plural.
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

/// Longest piece of someone's input quoted back in a message.
pub const ECHO_CHARS: usize = 60;

/// Someone's input as a message quotes it back: control characters
/// (line breaks, terminal escapes) shown as `\n`, `\u{1b}`… so a message
/// stays one line and cannot drive the terminal, and cut to
/// `ECHO_CHARS` characters so a 128 KB argument is not printed whole.
pub fn echo(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == ECHO_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` cut to at most `max` characters, with "…" when cut: at the last
/// whole word that fits (spaces between words become single spaces), or
/// mid-word when the first word is already too long. Quick on huge input:
/// a parser's message can quote a whole 50 MB line back.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().nth(max).is_none() {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if chars + len + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += len;
    }
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '(', '-']);
    format!("{out}…")
}

/// Formats a count with thousands separators, for messages ("20,000").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_input_is_one_short_line() {
        assert_eq!(echo("high"), "high");
        assert_eq!(echo("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        let long = "x".repeat(128 * 1024);
        assert_eq!(echo(&long).chars().count(), ECHO_CHARS + 1);
        assert!(echo(&long).ends_with('…'));
        assert_eq!(echo("ünïcödé"), "ünïcödé");
    }

    #[test]
    fn plural_picks_the_noun_by_the_count() {
        assert_eq!(plural(1usize, "entry", "entries"), "1 entry");
        assert_eq!(plural(0u32, "entry", "entries"), "0 entries");
        assert_eq!(plural(2u8, "day", "days"), "2 days");
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(20_000), "20,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn short_items_reject_separators_and_blanks() {
        assert!(check_short("A tag", "gardening").is_ok());
        assert!(matches!(
            check_short("A tag", "a;b"),
            Err(EntryError::Separator { character: ';', .. })
        ));
        assert!(matches!(
            check_short("A tag", "a|b"),
            Err(EntryError::Separator { character: '|', .. })
        ));
        assert!(matches!(
            check_short("A tag", "  "),
            Err(EntryError::Blank { .. })
        ));
        assert!(matches!(
            check_short("A tag", &"x".repeat(MAX_SHORT_CHARS + 1)),
            Err(EntryError::TooLong { .. })
        ));
        assert!(matches!(
            check_short("A tag", "two\nlines"),
            Err(EntryError::LineBreak { .. })
        ));
    }

    #[test]
    fn shorten_cuts_long_text_on_a_character_boundary() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("ééééé", 3), "ééé…");
        assert_eq!(shorten(&"a".repeat(1_000_000), 5), "aaaaa…");
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("Back pain", 60), "Back pain");
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("one, two three", 6), "one…");
        let huge = "word ".repeat(2_000_000);
        assert_eq!(shorten(&huge, 12), "word word…");
    }

    #[test]
    fn a_tab_or_escape_in_a_line_is_a_control_character_not_a_line_break() {
        for text in ["a\tb", "Ann\u{1b}[2J", "nul\0"] {
            assert!(
                matches!(
                    check_line("A tag", text, 100),
                    Err(EntryError::ControlCharacter { .. })
                ),
                "{text:?}"
            );
        }
        for text in ["a\nb", "a\r\nb"] {
            assert!(
                matches!(
                    check_line("A tag", text, 100),
                    Err(EntryError::LineBreak { .. })
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn notes_allow_line_breaks_but_not_other_control_characters() {
        assert!(check_note("The note", "line one\nline two\ttab").is_ok());
        assert!(matches!(
            check_note("The note", "nul\0"),
            Err(EntryError::ControlCharacter { .. })
        ));
        let long = "é".repeat(MAX_NOTE_CHARS);
        assert!(
            check_note("The note", &long).is_ok(),
            "limit is in characters, not bytes"
        );
        assert!(check_note("The note", &format!("{long}x")).is_err());
    }

    #[test]
    fn tidy_list_trims_and_drops_blanks_and_duplicates() {
        let items = ["  walk ", "", "walk", "heat"].map(String::from);
        assert_eq!(tidy_list(&items), ["walk", "heat"]);
    }
}

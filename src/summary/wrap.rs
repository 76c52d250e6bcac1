//! Line breaking for a fixed width, given any way to measure text.
//!
//! Pure and font-agnostic: the PDF renderer passes its shaped widths, tests
//! pass a fake. The promise is that no returned line is wider than the width
//! and that text cut short ends with an ellipsis, so nothing runs off the
//! page. Words are never cut in the middle: text is shortened at a space,
//! and a word too long for a whole line breaks after a hyphen or slash if
//! it has one. Only a single word wider than the line with neither is
//! split between letters.

/// The character that marks text cut short.
pub const ELLIPSIS: char = '…';

/// Breaks `text` into at most `max_lines` lines no wider than `width`.
///
/// Breaks at spaces; a word too long for a line is split between
/// characters. Line breaks in the text are kept. When the text needs more
/// lines, the last one ends with an ellipsis.
pub fn wrap(
    text: &str,
    width: f32,
    max_lines: usize,
    measure: &mut dyn FnMut(&str) -> f32,
) -> Vec<String> {
    if max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut cut = false;
    'paragraphs: for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if measure(&candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                if lines.len() == max_lines {
                    cut = true;
                    break 'paragraphs;
                }
            }
            // The word alone: split it if it is wider than a line.
            let mut rest = word;
            while measure(rest) > width {
                let head = longest_prefix(rest, width, measure);
                if head.is_empty() {
                    break;
                }
                lines.push(head.to_owned());
                rest = &rest[head.len()..];
                if lines.len() == max_lines {
                    cut = !rest.is_empty();
                    break 'paragraphs;
                }
            }
            line = rest.to_owned();
        }
        if !line.is_empty() || (paragraph.trim().is_empty() && !lines.is_empty()) {
            if lines.len() == max_lines {
                cut = true;
                break;
            }
            lines.push(line);
        }
    }
    // Drop blank lines at the end (from trailing newlines).
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if cut && let Some(last) = lines.last_mut() {
        *last = with_ellipsis(last, width, measure);
    }
    lines
}

/// One line: the text as is if it fits, else cut and ended with "…".
pub fn fit(text: &str, width: f32, measure: &mut dyn FnMut(&str) -> f32) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if measure(&text) <= width {
        return text;
    }
    with_ellipsis(&text, width, measure)
}

/// `text` shortened until `text…` fits in `width`, at a space so no word is
/// cut; between letters only when not even the first word fits.
fn with_ellipsis(text: &str, width: f32, measure: &mut dyn FnMut(&str) -> f32) -> String {
    let candidate = |end: usize| format!("{}{ELLIPSIS}", text[..end].trim_end());
    // Word ends: every position just before a space, and the text's end.
    let word_ends: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| c.is_whitespace() && *i > 0)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    if let Some(end) = largest_fitting(&word_ends, width, measure, &candidate)
        && !text[..end].trim().is_empty()
    {
        return candidate(end);
    }
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([text.len()])
        .collect();
    match largest_fitting(&ends, width, measure, &candidate) {
        Some(end) => candidate(end),
        None => ELLIPSIS.to_string(),
    }
}

/// The largest of `ends` (ascending) whose candidate fits `width`. Widths
/// grow with length, so a binary search finds it in a handful of
/// measurements even for a long note.
fn largest_fitting(
    ends: &[usize],
    width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
    candidate: &dyn Fn(usize) -> String,
) -> Option<usize> {
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if measure(&candidate(ends[mid - 1])) <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo > 0).then(|| ends[lo - 1])
}

/// The longest prefix of `word` (on a char boundary) that fits `width`,
/// ending after a hyphen or slash when there is one; at least one
/// character so progress is always made.
fn longest_prefix<'a>(word: &'a str, width: f32, measure: &mut dyn FnMut(&str) -> f32) -> &'a str {
    let ends: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([word.len()])
        .collect();
    let (mut lo, mut hi) = (1usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if measure(&word[..ends[mid - 1]]) <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let end = ends.get(lo.max(1) - 1).copied().unwrap_or(word.len());
    let head = &word[..end];
    match head.rfind(['-', '/', '\u{2010}']) {
        Some(i) if i > 0 && i + 1 < head.len() => &word[..=i],
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is one unit wide.
    fn mono(s: &str) -> f32 {
        s.chars().count() as f32
    }

    fn run(text: &str, width: f32, max: usize) -> Vec<String> {
        wrap(text, width, max, &mut mono)
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(run("Pain at night", 20.0, 3), ["Pain at night"]);
    }

    #[test]
    fn breaks_at_spaces_and_never_exceeds_the_width() {
        let lines = run("the quick brown fox jumps over the lazy dog", 10.0, 10);
        assert_eq!(
            lines,
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert!(lines.iter().all(|l| mono(l) <= 10.0));
    }

    #[test]
    fn too_many_lines_end_with_an_ellipsis_that_fits() {
        let lines = run("the quick brown fox jumps over the lazy dog", 10.0, 2);
        assert_eq!(lines, ["the quick", "brown fox…"]);
        let lines = run("aaaa bbbb cccc dddd", 9.0, 1);
        assert_eq!(lines, ["aaaa…"], "never half a word");
        assert!(lines.iter().all(|l| mono(l) <= 9.0));
    }

    #[test]
    fn a_word_longer_than_the_line_is_split() {
        let lines = run("Sternocleidomastoid", 8.0, 5);
        assert_eq!(lines, ["Sternocl", "eidomast", "oid"]);
        let lines = run("Sternocleidomastoid", 8.0, 2);
        assert_eq!(lines, ["Sternocl", "eidomas…"]);
        // A hyphen or slash is the place to break a long word.
        let lines = run("Paracetamol-codeine 500/30", 14.0, 5);
        assert_eq!(lines, ["Paracetamol-", "codeine 500/30"]);
    }

    #[test]
    fn accented_text_is_cut_on_character_boundaries() {
        let lines = run("ééééééééééé", 4.0, 2);
        assert_eq!(lines, ["éééé", "ééé…"]);
    }

    #[test]
    fn line_breaks_in_the_text_are_kept() {
        assert_eq!(run("one\ntwo three\n", 20.0, 5), ["one", "two three"]);
        assert_eq!(run("one\n\ntwo", 20.0, 5), ["one", "", "two"]);
        assert_eq!(run("a\nb\nc\nd", 20.0, 2), ["a", "b…"]);
    }

    #[test]
    fn empty_text_gives_no_lines() {
        assert!(run("", 10.0, 3).is_empty());
        assert!(run("   ", 10.0, 3).is_empty());
        assert!(run("anything", 10.0, 0).is_empty());
    }

    #[test]
    fn fit_cuts_one_line() {
        assert_eq!(fit("Ibuprofen 400 mg", 20.0, &mut mono), "Ibuprofen 400 mg");
        assert_eq!(fit("Ibuprofen 400 mg", 10.0, &mut mono), "Ibuprofen…");
        assert_eq!(
            fit("400 mg up to 3 times a day", 22.0, &mut mono),
            "400 mg up to 3 times…",
            "cut at a space, not in a word"
        );
        assert_eq!(fit("Ibuprofen", 0.5, &mut mono), "…");
    }
}

//! Reading values people type (on the command line, in a CSV file) into
//! the model's types, with the same plain messages everywhere.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::error::EntryError;
use super::labels::{Quality, Region};
use super::medicine::MedicineTaken;

/// A 0–10 score: a whole number. `what` names it in the message.
pub fn score(what: &'static str, text: &str) -> Result<u8, EntryError> {
    let t = text.trim();
    match t.parse::<i64>() {
        Ok(n) if (0..=10).contains(&n) => u8::try_from(n).map_err(|_| EntryError::NotANumber {
            what,
            text: t.to_owned(),
        }),
        Ok(n) => Err(EntryError::Score { what, value: n }),
        Err(_) => Err(EntryError::NotANumber {
            what,
            text: t.to_owned(),
        }),
    }
}

/// How many times a medicine was taken: a whole number from 1.
pub fn times(text: &str) -> Result<u8, EntryError> {
    let t = text.trim();
    let what = "How many times a medicine was taken";
    t.parse::<u8>().map_err(|_| EntryError::NotANumber {
        what,
        text: t.to_owned(),
    })
}

/// Hours of sleep: a number such as 7 or 6.5.
pub fn sleep(text: &str) -> Result<f32, EntryError> {
    let t = text.trim();
    match t.replace(',', ".").parse::<f32>() {
        // "-0" is zero hours, not "-0" on every screen after.
        Ok(0.0) => Ok(0.0),
        Ok(h) if (0.0..=24.0).contains(&h) => Ok(h),
        Ok(h) => Err(EntryError::Sleep { hours: h }),
        Err(_) => Err(EntryError::NotHours { text: t.to_owned() }),
    }
}

/// An ISO date, `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<Date, EntryError> {
    let t = text.trim();
    // jiff also accepts forms like 20261120; insist on the documented one.
    let shaped =
        t.len() == 10 && t.as_bytes().get(4) == Some(&b'-') && t.as_bytes().get(7) == Some(&b'-');
    match t.parse::<Date>() {
        Ok(d) if shaped => Ok(d),
        _ => Err(EntryError::NotADate { text: t.to_owned() }),
    }
}

/// Region ids separated by commas (or given one by one).
pub fn regions<S: AsRef<str>>(items: &[S]) -> Result<BTreeSet<Region>, EntryError> {
    split(items)
        .map(|id| Region::from_id(&id).ok_or(EntryError::UnknownRegion { id }))
        .collect()
}

/// Pain quality ids separated by commas (or given one by one).
pub fn qualities<S: AsRef<str>>(items: &[S]) -> Result<BTreeSet<Quality>, EntryError> {
    split(items)
        .map(|id| Quality::from_id(&id).ok_or(EntryError::UnknownQuality { id }))
        .collect()
}

/// Yes or no: yes/no, y/n, true/false, 1/0; empty is no.
pub fn yes_no(what: &'static str, text: &str) -> Result<bool, EntryError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Ok(true),
        "no" | "n" | "false" | "0" | "" => Ok(false),
        other => Err(EntryError::NotYesNo {
            what,
            text: other.to_owned(),
        }),
    }
}

/// A medicine taken on a day, as the command line's `--med` and the CSV
/// cell write it: `NAME | DOSE | TIMES | RELIEF` (later parts may be left
/// out or empty: `Ibuprofen | 400 mg || 6`), or the short `NAME DOSE`
/// ("Ibuprofen 400 mg": the dose starts at the first word that begins with
/// a digit). Times is a whole number from 1, relief a 0–10 score.
pub fn medicine(text: &str) -> Result<MedicineTaken, EntryError> {
    if !text.contains(super::text::PART_SEPARATOR) {
        return Ok(MedicineTaken::from_name_and_dose(text));
    }
    let mut parts: Vec<&str> = text
        .split(super::text::PART_SEPARATOR)
        .map(str::trim)
        .collect();
    // Empty parts at the end lose nothing ("Ibuprofen | 400 mg | 2 | 6 |").
    while parts.len() > 1 && parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    if parts.len() > 4 {
        return Err(EntryError::MedicineParts {
            text: text.trim().to_owned(),
        });
    }
    let part = |i: usize| parts.get(i).copied().unwrap_or("");
    Ok(MedicineTaken {
        name: part(0).to_owned(),
        dose: part(1).to_owned(),
        times: match part(2) {
            "" => None,
            t => Some(times(t)?),
        },
        relief: match part(3) {
            "" => None,
            t => Some(score("Relief from a medicine", t)?),
        },
    })
}

fn split<S: AsRef<str>>(items: &[S]) -> impl Iterator<Item = String> + '_ {
    items
        .iter()
        .flat_map(|s| s.as_ref().split([',', ';']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn scores_are_whole_numbers_from_0_to_10() {
        assert_eq!(score("Pain", " 7 "), Ok(7));
        assert_eq!(score("Pain", "0"), Ok(0));
        assert!(matches!(
            score("Pain", "11"),
            Err(EntryError::Score { value: 11, .. })
        ));
        assert!(matches!(score("Pain", "-1"), Err(EntryError::Score { .. })));
        let e = score("Average pain", "high").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Average pain \"high\" is not a whole number: give a number such as 4."
        );
        assert!(score("Pain", "4.5").is_err());
    }

    #[test]
    fn dates_must_be_iso() {
        assert_eq!(date("2026-11-20"), Ok(d(2026, 11, 20)));
        for bad in ["20/11/2026", "2026-11-31", "20261120", "yesterday", ""] {
            let e = date(bad).unwrap_err();
            assert!(e.to_string().contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    #[test]
    fn lists_split_on_commas_and_name_the_bad_id() {
        let r = regions(&["neck, mid_back", "lower-back"]).unwrap();
        assert_eq!(r.len(), 3);
        let e = regions(&["neck,knee"]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("\"knee\" is not a place Backlog knows: use one of neck,")
        );
        assert!(
            qualities(&["burning;stiff"])
                .unwrap()
                .contains(&Quality::Stiff)
        );
    }

    #[test]
    fn medicines_read_the_csv_cell_and_the_short_form() {
        let m = medicine("Ibuprofen | 400 mg | 2 | 6 | |").unwrap();
        assert_eq!(
            (m.name.as_str(), m.dose.as_str(), m.times, m.relief),
            ("Ibuprofen", "400 mg", Some(2), Some(6))
        );
        let m = medicine("Ibuprofen 400 mg").unwrap();
        assert_eq!(
            (m.name.as_str(), m.dose.as_str(), m.relief),
            ("Ibuprofen", "400 mg", None)
        );
        let m = medicine("Heat cream | | | 4").unwrap();
        assert_eq!((m.dose.as_str(), m.times, m.relief), ("", None, Some(4)));
        let e = medicine("Ibuprofen | 400 mg | 2 | 11").unwrap_err();
        assert!(e.to_string().contains("Relief from a medicine"), "{e}");
        let e = medicine("Ibuprofen | 400 mg | twice").unwrap_err();
        assert!(e.to_string().contains("twice"), "{e}");
        let e = medicine("a | b | 1 | 2 | 3").unwrap_err();
        assert!(
            e.to_string().contains("NAME | DOSE | TIMES | RELIEF"),
            "{e}"
        );
    }

    #[test]
    fn sleep_and_yes_no() {
        assert_eq!(sleep("6,5"), Ok(6.5));
        assert!(sleep("-0").unwrap().is_sign_positive(), "-0 is plain 0");
        let e = sleep("abc").unwrap_err();
        assert!(e.to_string().contains("such as 7 or 6.5"), "{e}");
        assert!(!e.to_string().contains("whole"), "{e}");
        assert!(matches!(sleep("25"), Err(EntryError::Sleep { .. })));
        assert!(yes_no("Woke at night", "Yes").unwrap());
        assert!(!yes_no("Woke at night", "").unwrap());
        assert!(yes_no("Woke at night", "maybe").is_err());
    }
}

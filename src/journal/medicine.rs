//! The person's medicine list: what they take, not what they took today.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::EntryError;
use super::text::check_short;
use crate::id_enum::id_enum;

id_enum! {
    /// Taken on a schedule, or only when needed.
    #[derive(Default)]
    MedicineKind {
        #[default]
        Regular = "regular", "Regular";
        AsNeeded = "as_needed", "As needed";
    }
}

/// One medicine on the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Medicine {
    pub name: String,
    /// Free text: "400 mg three times a day".
    #[serde(default)]
    pub dose: String,
    #[serde(default)]
    pub kind: MedicineKind,
    #[serde(default)]
    pub start: Option<Date>,
    /// `None` while still taking it.
    #[serde(default)]
    pub stop: Option<Date>,
}

impl Medicine {
    pub fn validate(&self) -> Result<(), EntryError> {
        check_short("A medicine name", &self.name)?;
        if !self.dose.is_empty() {
            check_short("A medicine dose", &self.dose)?;
        }
        if let (Some(start), Some(stop)) = (self.start, self.stop)
            && stop < start
        {
            return Err(EntryError::StopBeforeStart { start, stop });
        }
        Ok(())
    }

    /// True when the person was taking it on `day` (no start = always had).
    pub fn taken_on(&self, day: Date) -> bool {
        self.start.is_none_or(|s| s <= day) && self.stop.is_none_or(|s| day <= s)
    }

    /// True when its dates overlap the period `from..=to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.start.is_none_or(|s| s <= to) && self.stop.is_none_or(|s| from <= s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn stop_before_start_is_refused() {
        let m = Medicine {
            name: "Naproxen".into(),
            start: Some(date(2026, 3, 1)),
            stop: Some(date(2026, 2, 1)),
            ..Medicine::default()
        };
        assert!(matches!(
            m.validate(),
            Err(EntryError::StopBeforeStart { .. })
        ));
    }

    #[test]
    fn taken_on_and_overlaps_respect_open_ends() {
        let m = Medicine {
            name: "Naproxen".into(),
            start: Some(date(2026, 3, 1)),
            stop: None,
            ..Medicine::default()
        };
        assert!(!m.taken_on(date(2026, 2, 28)));
        assert!(m.taken_on(date(2030, 1, 1)));
        assert!(m.overlaps(date(2026, 2, 1), date(2026, 3, 1)));
        assert!(!m.overlaps(date(2026, 1, 1), date(2026, 2, 28)));
    }

    #[test]
    fn kind_ids_round_trip() {
        for k in MedicineKind::ALL {
            assert_eq!(MedicineKind::from_id(k.id()), Some(k));
        }
        assert_eq!(
            MedicineKind::from_id("as-needed"),
            Some(MedicineKind::AsNeeded)
        );
    }
}

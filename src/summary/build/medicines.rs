//! Every medicine taken in the period, on page 1: the regular list first,
//! then by days taken, each with its dose, how often, days taken, average
//! relief and how relief changed from the first to the last week. The
//! renderer may draw only the first rows in full when the page is short of
//! room; the rest then go on one "Also taken" line, never "see the journal".

use super::*;
use crate::journal::stats::MedicineRelief;
use crate::journal::{Medicine, MedicineKind, same_name};
use crate::summary::model::Overflow;

/// Rows always drawn in full before any go on the "Also taken" line.
const MIN_FULL_ROWS: usize = 0;
/// The most characters of a name on the names-only line, the last resort.
const NAME_CHARS: usize = 40;
/// A dose longer than this is left off the compact "Also taken" line.
const SHORT_DOSE: usize = 16;

/// One medicine on the page.
struct Row<'a> {
    name: String,
    listed: Option<&'a Medicine>,
    used: Option<&'a MedicineRelief>,
    /// The dose as last written in the period.
    written_dose: Option<String>,
    /// Mean times a day over the days a count was written.
    times_a_day: Option<f64>,
    first_week: Option<f64>,
    last_week: Option<f64>,
}

impl Row<'_> {
    fn days(&self) -> u32 {
        self.used.map_or(0, |u| u.days)
    }

    fn regular(&self) -> bool {
        self.listed.is_some_and(|m| m.kind == MedicineKind::Regular)
    }

    fn dose(&self) -> String {
        self.listed
            .map(|m| m.dose.trim().to_owned())
            .filter(|d| !d.is_empty())
            .or_else(|| self.written_dose.clone())
            .unwrap_or_else(|| "–".to_owned())
    }
}

fn relief(r: Option<f64>) -> String {
    r.map_or_else(|| "–".to_owned(), one_decimal)
}

/// "2", "1.5".
fn times(t: f64) -> String {
    let s = format!("{t:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

impl Ctx<'_> {
    /// One row per medicine: the regular list's (those that overlap the
    /// period) and those taken in it, merged by name, with the dose written,
    /// times a day and relief in the first and last weeks; the regular list
    /// first, then by days taken.
    fn medicine_rows(&self) -> Vec<Row<'_>> {
        let st = self.stats;
        let p = self.period;
        let all = self.journal.entries();
        let (first, last) = match ends(p) {
            Some((a, b)) => (
                Some(stats::period_stats(all, a)),
                Some(stats::period_stats(all, b)),
            ),
            None => (None, None),
        };
        let week_relief = |week: &Option<stats::PeriodStats>, name: &str| {
            week.as_ref().and_then(|w| {
                w.medicines
                    .iter()
                    .find(|m| same_name(&m.name, name))
                    .and_then(|m| m.mean_relief)
            })
        };
        let mut rows: Vec<Row<'_>> = Vec::new();
        for m in self
            .journal
            .medicines
            .iter()
            .filter(|m| m.overlaps(p.from, p.to))
        {
            if rows.iter().any(|r| same_name(&r.name, &m.name)) {
                continue;
            }
            rows.push(Row {
                name: m.name.trim().to_owned(),
                listed: Some(m),
                used: None,
                written_dose: None,
                times_a_day: None,
                first_week: None,
                last_week: None,
            });
        }
        for used in &st.medicines {
            match rows.iter_mut().find(|r| same_name(&r.name, &used.name)) {
                Some(row) => row.used = Some(used),
                None => rows.push(Row {
                    name: used.name.trim().to_owned(),
                    listed: None,
                    used: Some(used),
                    written_dose: None,
                    times_a_day: None,
                    first_week: None,
                    last_week: None,
                }),
            }
        }
        for row in &mut rows {
            let taken = || {
                self.entries
                    .iter()
                    .flat_map(|e| &e.medicines)
                    .filter(|m| same_name(&m.name, &row.name))
            };
            row.written_dose = taken()
                .rfind(|m| !m.dose.trim().is_empty())
                .map(|m| m.dose.trim().to_owned());
            let counts: Vec<u8> = taken().filter_map(|m| m.times).collect();
            row.times_a_day = (!counts.is_empty()).then(|| {
                f64::from(counts.iter().map(|t| u32::from(*t)).sum::<u32>()) / counts.len() as f64
            });
            row.first_week = week_relief(&first, &row.name);
            row.last_week = week_relief(&last, &row.name);
        }
        // The regular list first, then by days taken; ties by name.
        rows.sort_by(|a, b| {
            b.regular()
                .cmp(&a.regular())
                .then(b.days().cmp(&a.days()))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        rows
    }

    pub(super) fn treatments(&self) -> Section {
        let st = self.stats;
        let p = self.period;
        let rows = self.medicine_rows();
        let mut blocks = Vec::new();
        if rows.is_empty() {
            blocks.push(Block::Muted(
                "No medicines recorded for this period.".into(),
            ));
        } else {
            blocks.push(Block::Table(self.medicine_table(&rows)));
            let notes: Vec<String> = rows
                .iter()
                .filter_map(|r| stopped_or_side_effects(r, p))
                .collect();
            if !notes.is_empty() {
                blocks.push(Block::Field(Fact::full(
                    "Stopped, side effects",
                    notes.join("; "),
                )));
            }
        }
        let other = counted(&st.treatments, 6, Clone::clone)
            .unwrap_or_else(|| "None noted in this period.".into());
        blocks.push(Block::Field(Fact::new("Other treatments", other)));
        Section::new(SectionKind::Treatments, "Medicines and treatments", blocks)
    }

    fn medicine_table(&self, rows: &[Row<'_>]) -> Table {
        let logged = self.stats.days_logged;
        let span = ends(self.period).map_or(COMPARE_DAYS, |(a, _)| a.days());
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut how = match r.listed {
                    Some(m) => m.kind.label().to_lowercase(),
                    None => "not on the list".to_owned(),
                };
                if let Some(t) = r.times_a_day {
                    how.push_str(&format!(", {}× a day", times(t)));
                }
                if let Some(start) = r.listed.and_then(|m| m.start) {
                    how.push_str(&format!(", since {start}"));
                }
                vec![
                    r.name.clone(),
                    r.dose(),
                    how,
                    format!("{} of {logged}", r.days()),
                    relief(r.used.and_then(|u| u.mean_relief)),
                    match (r.first_week, r.last_week) {
                        (None, None) => "–".to_owned(),
                        (a, b) => format!("{} to {}", relief(a), relief(b)),
                    },
                ]
            })
            .collect();
        let mut table = Table::new(
            vec![
                Column::new("Medicine", 2.6),
                Column::new("Dose", 1.9),
                Column::new("How often", 2.6),
                Column::new("Days taken", 1.1).right(),
                Column::new("Relief", 0.9).right(),
                Column::new(format!("Relief, first to last {span} days"), 1.6).right(),
            ],
            cells,
        );
        table.notes.push(format!(
            "Days taken: of the {} logged. Relief: the person's 0–10 rating (0 none, 10 complete), averaged over the days rated; – not rated.",
            days(logged)
        ));
        table.overflow = Some(Overflow {
            label: "Also taken".into(),
            label_all: "Taken".into(),
            items: rows
                .iter()
                .map(|r| {
                    // A long dose (a sentence of instructions) is in the
                    // list the person keeps; the line keeps to the name.
                    let dose = r.dose();
                    let dose = if dose == "–" || dose.chars().count() > SHORT_DOSE {
                        String::new()
                    } else {
                        format!(" {dose}")
                    };
                    let relief = r
                        .used
                        .and_then(|u| u.mean_relief)
                        .map(|x| format!(", relief {}", one_decimal(x)))
                        .unwrap_or_default();
                    format!("{}{dose} ({}{relief})", r.name, days(r.days()))
                })
                .collect(),
            names: rows
                .iter()
                .map(|r| middle_cut(&r.name, NAME_CHARS))
                .collect(),
            min_rows: MIN_FULL_ROWS,
        });
        table
    }
}

/// "Naproxen: stopped 2026-11-02 (upset stomach), side effects heartburn",
/// for a listed medicine stopped in the period or with side effects.
fn stopped_or_side_effects(row: &Row<'_>, p: Period) -> Option<String> {
    let m = row.listed?;
    let mut parts = Vec::new();
    if let Some(stop) = m.stop.filter(|s| p.contains(*s)) {
        let why = m.reason_stopped.trim();
        parts.push(if why.is_empty() {
            format!("stopped {stop}")
        } else {
            format!("stopped {stop} ({why})")
        });
    } else if !m.reason_stopped.trim().is_empty() && m.stop.is_some() {
        parts.push(format!("stopped ({})", m.reason_stopped.trim()));
    }
    if !m.side_effects.trim().is_empty() {
        parts.push(format!("side effects: {}", m.side_effects.trim()));
    }
    (!parts.is_empty()).then(|| format!("{}: {}", row.name, parts.join(", ")))
}

/// `text` in at most `max` characters: its start and its end with "…"
/// between, so names that differ only at the end ("… 10", "… 12") stay
/// told apart.
fn middle_cut(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_owned();
    }
    let tail = max / 3;
    let head = max.saturating_sub(tail + 1);
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{}…{}", start.trim_end(), end.trim_start())
}

#[cfg(test)]
mod tests {
    use super::middle_cut;

    #[test]
    fn a_long_name_keeps_its_start_and_its_end() {
        let name = "Médicament très long numéro 12 (Paracétamol-codéine retard) 12";
        let cut = middle_cut(name, 40);
        assert_eq!(cut.chars().count(), 40, "{cut}");
        assert!(cut.starts_with("Médicament très long"), "{cut}");
        assert!(cut.ends_with("ne retard) 12"), "{cut}");
        assert!(cut.contains('…'));
        assert_eq!(middle_cut("Ibuprofen", 40), "Ibuprofen");
    }
}

//! Treatments, relevant history, questions, and the table of every day.

use super::*;

impl Ctx<'_> {
    pub(super) fn treatments(&self) -> Section {
        let st = self.stats;
        let p = self.period;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let relief_of = |name: &str| {
            st.medicines
                .iter()
                .find(|m| m.name.trim().eq_ignore_ascii_case(name.trim()))
        };
        let mut listed: Vec<String> = Vec::new();
        for m in self
            .journal
            .medicines
            .iter()
            .filter(|m| m.overlaps(p.from, p.to))
        {
            listed.push(m.name.trim().to_lowercase());
            let since = match (m.start, m.stop) {
                (Some(s), Some(e)) => format!("{s} to {e}"),
                (Some(s), None) => s.to_string(),
                (None, Some(e)) => format!("until {e}"),
                (None, None) => "–".into(),
            };
            let how = match m.kind {
                MedicineKind::Regular => "regular",
                MedicineKind::AsNeeded => "as needed",
            };
            let used = relief_of(&m.name);
            rows.push(vec![
                m.name.clone(),
                if m.dose.trim().is_empty() {
                    "–".into()
                } else {
                    m.dose.clone()
                },
                how.into(),
                since,
                used.map_or("–".into(), |u| days(u.days)),
                used.and_then(|u| u.mean_relief)
                    .map_or("–".into(), |r| format!("{}/10", one_decimal(r))),
            ]);
        }
        // Taken in the period but not on the medicine list.
        for used in &st.medicines {
            if listed.contains(&used.name.trim().to_lowercase()) {
                continue;
            }
            // The dose as last written in the period.
            let dose = self
                .entries
                .iter()
                .rev()
                .flat_map(|e| &e.medicines)
                .find(|m| {
                    m.name.trim().eq_ignore_ascii_case(used.name.trim())
                        && !m.dose.trim().is_empty()
                })
                .map_or_else(|| "–".to_owned(), |m| m.dose.trim().to_owned());
            rows.push(vec![
                used.name.clone(),
                dose,
                "not on list".into(),
                "–".into(),
                days(used.days),
                used.mean_relief
                    .map_or("–".into(), |r| format!("{}/10", one_decimal(r))),
            ]);
        }
        let mut blocks = Vec::new();
        if rows.is_empty() {
            blocks.push(Block::Muted(
                "No medicines recorded for this period.".into(),
            ));
        } else {
            let note = (rows.len() > MAX_MEDICINES).then(|| {
                format!(
                    "and {} more medicines (see the journal)",
                    rows.len() - MAX_MEDICINES
                )
            });
            rows.truncate(MAX_MEDICINES);
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Medicine", 3.0),
                    Column::new("Dose", 2.2),
                    Column::new("How", 1.4),
                    Column::new("Since", 2.0),
                    Column::new("Taken on", 1.2).right(),
                    Column::new("Average relief", 1.5).right(),
                ],
                rows,
                note,
            }));
        }
        let other = counted(&st.treatments, Clone::clone)
            .unwrap_or_else(|| "None noted in this period.".into());
        blocks.push(Block::Field(Fact::new("Other treatments", other)));
        Section {
            kind: SectionKind::Treatments,
            title: "Treatments".into(),
            blocks,
        }
    }

    pub(super) fn history(&self) -> Section {
        let k = self.knowledge;
        let profile = &self.journal.profile;
        let has = |id: &str| profile.history.contains(id);
        let yes_no = |id: &str| if has(id) { "Yes" } else { "Not reported" };
        let cancers: Vec<String> = k
            .findings_in("cancer_history")
            .filter(|f| has(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        let details = profile.cancer_details.trim();
        let cancer = match (cancers.is_empty(), details.is_empty()) {
            (true, true) => "Not reported".to_owned(),
            (true, false) => details.to_owned(),
            (false, true) => capitalise(&cancers.join(", ")),
            (false, false) => format!("{}. {details}", capitalise(&cancers.join(", "))),
        };
        let mut blocks = vec![
            Block::Field(Fact::new("Cancer", cancer)),
            Block::Field(Fact::new("Osteoporosis", yes_no("history_osteoporosis"))),
            Block::Field(Fact::new("Steroid tablets", yes_no("steroids_long_term"))),
            Block::Field(Fact::new("Weak immunity", yes_no("immunosuppressed"))),
        ];
        let shown = [
            "history_osteoporosis",
            "steroids_long_term",
            "immunosuppressed",
        ];
        let others: Vec<String> = k
            .findings_in("history")
            .filter(|f| !shown.contains(&f.id.as_str()) && has(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        blocks.push(Block::Field(Fact::new(
            "Also",
            if others.is_empty() {
                "No other history ticked.".to_owned()
            } else {
                capitalise(&others.join(", "))
            },
        )));
        Section {
            kind: SectionKind::History,
            title: "Relevant history".into(),
            blocks,
        }
    }

    pub(super) fn questions(&self) -> Section {
        let questions: Vec<String> = self
            .journal
            .summary_notes
            .questions
            .iter()
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty())
            .take(crate::journal::MAX_QUESTIONS)
            .collect();
        let blocks = if questions.is_empty() {
            vec![Block::Muted("No questions written.".into())]
        } else {
            vec![Block::List(questions)]
        };
        Section {
            kind: SectionKind::Questions,
            title: "My questions".into(),
            blocks,
        }
    }

    pub(super) fn entry_table(&self) -> Table {
        let tz = self.now.time_zone();
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let mark = if e.is_back_filled(tz) { "*" } else { "" };
                vec![
                    format!("{}{mark}", e.date),
                    e.pain.to_string(),
                    e.worst.map_or(String::new(), |w| w.to_string()),
                    e.regions
                        .iter()
                        .map(|r| r.label())
                        .collect::<Vec<_>>()
                        .join(", "),
                    e.qualities
                        .iter()
                        .map(|q| q.label().to_lowercase())
                        .collect::<Vec<_>>()
                        .join(", "),
                    if e.woke_at_night {
                        "yes".into()
                    } else {
                        String::new()
                    },
                    e.medicines
                        .iter()
                        .map(|m| m.name.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                    e.symptoms
                        .iter()
                        .map(|s| short_label(self.knowledge, s))
                        .chain(std::iter::once(e.note.clone()).filter(|n| !n.trim().is_empty()))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect();
        Table {
            columns: vec![
                Column::new("Date", 1.5),
                Column::new("Pain", 0.6).right(),
                Column::new("Worst", 0.9).right(),
                Column::new("Where", 2.4),
                Column::new("Feels", 1.8),
                Column::new("Woke", 0.9),
                Column::new("Medicines", 1.8),
                Column::new("Symptoms and notes", 4.0),
            ],
            rows,
            note: Some(
                "* written more than a day after the day it describes. Long text is cut (…); the full journal is in Backlog.".into(),
            ),
        }
    }
}

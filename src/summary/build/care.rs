//! Relevant history, questions, and the table of every day.

use super::*;

impl Ctx<'_> {
    pub(super) fn history(&self) -> Section {
        let k = self.knowledge;
        let profile = &self.journal.profile;
        let has = |id: &str| profile.history.contains(id);
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
        // Every history box ticked, and which of the ones that matter most
        // for the spine (bone strength, immunity) were not.
        let key = [
            "history_osteoporosis",
            "steroids_long_term",
            "immunosuppressed",
        ];
        let ticked: Vec<String> = k
            .findings_in("history")
            .filter(|f| has(&f.id))
            .map(|f| short_label(k, &f.id))
            .collect();
        let not_ticked: Vec<String> = key
            .iter()
            .filter(|id| !has(id))
            .map(|id| short_label(k, id))
            .collect();
        let mut blocks = vec![
            Block::Field(Fact::full("Cancer", cancer)),
            Block::Field(Fact::full(
                "Ticked",
                if ticked.is_empty() {
                    "no other history".to_owned()
                } else {
                    capitalise(&ticked.join(", "))
                },
            )),
        ];
        if !not_ticked.is_empty() {
            blocks.push(Block::Field(Fact::full(
                "Not ticked",
                capitalise(&not_ticked.join(", ")),
            )));
        }
        Section {
            keep_whole: true,
            ..Section::new(SectionKind::History, "Relevant history", blocks)
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
        Section::new(SectionKind::Questions, "My questions", blocks)
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
        let mut table = Table::new(
            vec![
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
        );
        table.notes.push(
            "* written more than a day after the day it describes. Long text is cut (…); the full journal is in Backlog.".into(),
        );
        table
    }
}

//! Warning signs: the latest saved check, warning symptoms noted in the
//! journal, and the main warning signs the person did not report.

use super::*;

impl Ctx<'_> {
    pub(super) fn warning_signs(
        &self,
        latest: Option<&SavedCheck>,
        sources: &mut Vec<String>,
    ) -> Section {
        let k = self.knowledge;
        let mut blocks = Vec::new();
        match latest {
            Some(check) => {
                let day = check.time.to_zoned(self.now.time_zone().clone()).date();
                let before = if day < self.period.from {
                    " (before this period)"
                } else {
                    ""
                };
                let tone = match check.level {
                    Level::CallAmbulance | Level::EmergencyDepartment => Tone::Urgent,
                    Level::Within24h => Tone::Urgent,
                    Level::SeeDoctor => Tone::Caution,
                    Level::SelfCare => Tone::Calm,
                };
                blocks.push(Block::Headline {
                    tone,
                    // "advised" makes clear whose advice it was.
                    text: format!(
                        "Latest symptom check, {day}{before}, advised: {}",
                        lowercase_first(&k.advice(check.level).headline)
                    ),
                });
                // What the person ticked (today's symptoms, not history).
                let ticked: Vec<String> = k
                    .findings()
                    .iter()
                    .filter(|f| check.findings.contains(&f.id) && !k.is_history(&f.id))
                    .map(|f| short_label(k, &f.id))
                    .collect();
                blocks.push(Block::Field(Fact::new(
                    "Reported",
                    if ticked.is_empty() {
                        "no symptoms".to_owned()
                    } else {
                        ticked.join(", ")
                    },
                )));
                let mut reasons = Vec::new();
                let shown = if check.rules.len() > MAX_REASONS {
                    MAX_REASONS - 1
                } else {
                    check.rules.len()
                };
                for (i, id) in check.rules.iter().enumerate() {
                    match k.rule(id) {
                        Some(rule) => {
                            // The footer lists the sources cited on the page.
                            if i < shown {
                                add_keys(sources, &rule.sources);
                            }
                            // Keys first, so a cut reason never loses them.
                            reasons.push(format!(
                                "[{}] {}",
                                rule.sources.join(", "),
                                shorten(
                                    first_sentence(&rule.reason).trim().trim_end_matches('.'),
                                    110
                                )
                            ));
                        }
                        None => {
                            reasons.push(format!("Rule {id} (from an older edition of the rules)"))
                        }
                    }
                }
                if reasons.len() > MAX_REASONS {
                    let more = reasons.len() - (MAX_REASONS - 1);
                    reasons.truncate(MAX_REASONS - 1);
                    reasons.push(format!("and {more} more reasons"));
                }
                if !reasons.is_empty() {
                    blocks.push(Block::List(reasons));
                }
            }
            None => blocks.push(Block::Muted(
                "No symptom check saved, so the full list of warning signs was not asked.".into(),
            )),
        }

        // Warning symptoms noted in the journal, with their dates.
        let mut noted: Vec<(String, Vec<Date>)> = Vec::new();
        for entry in self.entries {
            for id in &entry.symptoms {
                let watch = k
                    .finding(id)
                    .and_then(|f| k.group(&f.group))
                    .is_some_and(|g| g.watch);
                if !watch {
                    continue;
                }
                match noted.iter_mut().find(|(n, _)| n == id) {
                    Some((_, dates)) => dates.push(entry.date),
                    None => noted.push((id.clone(), vec![entry.date])),
                }
            }
        }
        // Most serious first: in the vocabulary's order.
        noted.sort_by_key(|(id, _)| k.findings().iter().position(|f| &f.id == id));
        if noted.is_empty() {
            blocks.push(Block::Field(Fact::new(
                "In the journal",
                "No warning symptoms noted in this period.",
            )));
        } else {
            let mut items: Vec<String> = noted
                .iter()
                .take(MAX_NOTED)
                .map(|(id, dates)| {
                    let label = short_label(k, id);
                    let mut label = label
                        .chars()
                        .take(1)
                        .flat_map(char::to_uppercase)
                        .collect::<String>()
                        + &label.chars().skip(1).collect::<String>();
                    label.push_str(": ");
                    label + &dates_list(dates)
                })
                .collect();
            if noted.len() > MAX_NOTED {
                items.push(format!("and {} more symptoms", noted.len() - MAX_NOTED));
            }
            blocks.push(Block::Subheading(
                "Warning symptoms noted in the journal".into(),
            ));
            blocks.push(Block::List(items));
        }

        // Pertinent negatives: asked in the latest check and not ticked, and
        // not noted in the journal either.
        if let Some(check) = latest {
            let absent: Vec<String> = MAIN_WARNING_SIGNS
                .iter()
                .filter(|id| !check.findings.contains(**id))
                .filter(|id| !noted.iter().any(|(n, _)| n == *id))
                .map(|id| short_label(k, id))
                .collect();
            if !absent.is_empty() {
                blocks.push(Block::Field(Fact::full("Not reported", absent.join(", "))));
            }
        }
        Section {
            kind: SectionKind::WarningSigns,
            title: "Warning signs".into(),
            blocks,
        }
    }
}

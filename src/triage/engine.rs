//! Evaluating the rules: answers in, an [`Assessment`] out. Pure and
//! deterministic: no clock, no I/O, same answers give the same result.

use serde::{Deserialize, Serialize};

use super::MAX_AGE;
use super::knowledge::Knowledge;
use super::level::Level;
use super::model::{Advice, Finding, Rule};
use super::set::FindingSet;

/// What the person told us, checked against the vocabulary.
/// Build with [`Knowledge::answers`]; an `Answers` is always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Answers {
    age: u8,
    findings: FindingSet,
}

/// The unchecked shape of an answers file: `(age: 58, findings: ["pain_at_night"])`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswers {
    pub age: i64,
    #[serde(default)]
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("age {0} is not possible: give age in whole years, from 0 to {MAX_AGE}")]
    AgeOutOfRange(i64),
    #[error("unknown finding id \"{id}\"{hint}; `backlog findings` lists every id", hint = suggestion_hint(.suggestions))]
    UnknownFinding {
        id: String,
        suggestions: Vec<String>,
    },
}

fn suggestion_hint(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean {one}?)"),
        many => format!(" (did you mean one of {}?)", many.join(", ")),
    }
}

impl Answers {
    pub fn age(&self) -> u8 {
        self.age
    }

    pub fn has(&self, knowledge: &Knowledge, id: &str) -> bool {
        knowledge
            .finding_index(id)
            .is_some_and(|i| self.findings.contains(i))
    }

    /// The ticked findings, in display order.
    pub fn findings<'k>(&self, knowledge: &'k Knowledge) -> Vec<&'k Finding> {
        self.findings
            .iter()
            .map(|i| &knowledge.findings[i])
            .collect()
    }

    pub fn count(&self) -> u32 {
        self.findings.len()
    }

    /// The same ticks at another age (ages are checked by the caller).
    pub(super) fn at_age(self, age: u8) -> Self {
        Self { age, ..self }
    }
}

/// One rule that fired, as shown to the person.
pub type FiredRule<'k> = &'k Rule;

/// Findings not ticked that, ticked on their own, would lead to `level`.
#[derive(Debug, Clone)]
pub struct WatchFor<'k> {
    pub level: Level,
    pub findings: Vec<&'k Finding>,
}

/// The result of one symptom check.
#[derive(Debug, Clone)]
pub struct Assessment<'k> {
    pub level: Level,
    /// Every rule that fired, most urgent first, then in table order.
    pub rules: Vec<FiredRule<'k>>,
    pub advice: &'k Advice,
    /// Most urgent level first; only levels above `level`.
    pub watch_for: Vec<WatchFor<'k>>,
    pub rules_version: &'k str,
}

impl<'k> Assessment<'k> {
    /// True when `rule` fired at the result's own level: it is one of the
    /// reasons the result is what it is.
    pub fn sets_level(&self, rule: &Rule) -> bool {
        rule.level == self.level
    }

    /// The reasons at the result's own level, in table order. Shown first.
    pub fn level_reasons(&self) -> impl Iterator<Item = &'k Rule> + '_ {
        self.rules.iter().copied().filter(|r| self.sets_level(r))
    }

    /// Reasons from lower levels, most urgent first: shown after the
    /// result's own, under [`super::ALSO_WORTH_MENTIONING`], so "within the
    /// next few days" never sits beside "today" as an equal.
    pub fn also_worth_mentioning(&self) -> impl Iterator<Item = &'k Rule> + '_ {
        self.rules.iter().copied().filter(|r| !self.sets_level(r))
    }

    /// The first action line of a rule that sets the level, if any: the
    /// banner shows it under the headline ("Do not move. Call an ambulance.").
    pub fn first_action(&self) -> Option<&'k str> {
        self.level_reasons().find_map(|r| r.action.as_deref())
    }

    pub fn fired(&self, rule_id: &str) -> bool {
        self.rules.iter().any(|r| r.id == rule_id)
    }

    pub fn rule_ids(&self) -> Vec<String> {
        self.rules.iter().map(|r| r.id.clone()).collect()
    }

    /// Source keys of the fired rules, first mention first, no repeats.
    pub fn source_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = Vec::new();
        for key in self.rules.iter().flat_map(|r| &r.sources) {
            if !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
        keys
    }
}

impl Knowledge {
    /// Checks age and ids; an unknown id names the closest valid ones.
    pub fn answers<S: AsRef<str>>(
        &self,
        age: i64,
        findings: impl IntoIterator<Item = S>,
    ) -> Result<Answers, AnswerError> {
        let age = u8::try_from(age)
            .ok()
            .filter(|a| *a <= MAX_AGE)
            .ok_or(AnswerError::AgeOutOfRange(age))?;
        let mut set = FindingSet::default();
        for id in findings {
            let id = id.as_ref().trim();
            match self.finding_index(id) {
                Some(i) => set.insert(i),
                None => {
                    return Err(AnswerError::UnknownFinding {
                        id: id.to_owned(),
                        suggestions: self.closest_ids(id),
                    });
                }
            }
        }
        Ok(Answers { age, findings: set })
    }

    pub fn answers_from(&self, raw: &RawAnswers) -> Result<Answers, AnswerError> {
        self.answers(raw.age, &raw.findings)
    }

    /// Up to three finding ids that look like `typo`, closest first.
    pub fn closest_ids(&self, typo: &str) -> Vec<String> {
        let typo = typo.to_lowercase();
        let mut scored: Vec<(f64, &str)> = self
            .findings
            .iter()
            .map(|f| (strsim::jaro_winkler(&typo, &f.id), f.id.as_str()))
            .filter(|(score, _)| *score >= 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_owned())
            .collect()
    }

    /// The level reached by also ticking finding `extra`, if it is above
    /// `current` (the level of `set` alone). A rule that does not look at
    /// `extra` gives the same answer as before, and those answers are all
    /// at or below `current`; so only the rules that mention `extra` need
    /// evaluating. This keeps "watch for" to a few dozen rule checks.
    fn level_with(&self, set: &FindingSet, age: u8, extra: usize, current: Level) -> Option<Level> {
        let with = set.with(extra);
        self.rules_mentioning[extra]
            .iter()
            .map(|&i| &self.rules[i])
            .take_while(|r| r.level > current)
            .find(|r| r.compiled.holds(&with, age))
            .map(|r| r.level)
    }

    /// Runs every rule (knowledge file §6.1).
    pub fn assess(&self, answers: &Answers) -> Assessment<'_> {
        let Answers { age, findings } = *answers;
        let mut fired: Vec<&Rule> = self
            .by_urgency
            .iter()
            .map(|&i| &self.rules[i])
            .filter(|r| r.compiled.holds(&findings, age))
            .collect();
        if fired.is_empty() {
            fired.extend(
                self.rules
                    .iter()
                    .filter(|r| matches!(r.compiled, super::condition::Compiled::NoOtherRule)),
            );
        }
        let level = fired.first().map_or(Level::SelfCare, |r| r.level);

        let mut watch_for: Vec<WatchFor<'_>> = Vec::new();
        for i in self.watchable.iter().filter(|&i| !findings.contains(i)) {
            if let Some(next) = self.level_with(&findings, age, i, level) {
                match watch_for.iter_mut().find(|w| w.level == next) {
                    Some(w) => w.findings.push(&self.findings[i]),
                    None => watch_for.push(WatchFor {
                        level: next,
                        findings: vec![&self.findings[i]],
                    }),
                }
            }
        }
        watch_for.sort_by_key(|w| std::cmp::Reverse(w.level));

        Assessment {
            level,
            rules: fired,
            advice: self.advice(level),
            watch_for,
            rules_version: &self.rules_version,
        }
    }
}

//! A symptom check the person chose to keep, with what it said and why.

use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::error::{EntryError, JournalError};
use crate::triage::{Answers, Assessment, Knowledge, Level};

/// One saved symptom check. The rules version is kept so a later reader
/// knows which edition of the rules gave this result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedCheck {
    pub time: Timestamp,
    pub age: u8,
    /// Every finding ticked, history items included.
    pub findings: BTreeSet<String>,
    pub level: Level,
    /// Ids of the rules that fired, most urgent first.
    pub rules: Vec<String>,
    pub rules_version: String,
}

impl SavedCheck {
    /// Records a check that was just made.
    pub fn new(
        time: Timestamp,
        knowledge: &Knowledge,
        answers: &Answers,
        assessment: &Assessment<'_>,
    ) -> Self {
        Self {
            time,
            age: answers.age(),
            findings: answers
                .findings(knowledge)
                .into_iter()
                .map(|f| f.id.clone())
                .collect(),
            level: assessment.level,
            rules: assessment.rule_ids(),
            rules_version: assessment.rules_version.to_owned(),
        }
    }

    /// Ages and finding ids must be valid; rule ids are kept as history even
    /// if a later edition of the rules renames them.
    pub fn validate(&self, knowledge: &Knowledge) -> Result<(), JournalError> {
        let fail = |error| JournalError::Check {
            time: self.time,
            error,
        };
        if self.age > crate::triage::MAX_AGE {
            return Err(fail(EntryError::Age {
                years: u32::from(self.age),
                max: crate::triage::MAX_AGE,
            }));
        }
        for id in &self.findings {
            if knowledge.finding(id).is_none() {
                return Err(fail(EntryError::UnknownSymptom {
                    id: id.clone(),
                    suggestion: None,
                }));
            }
        }
        if self.rules_version.trim().is_empty() {
            return Err(fail(EntryError::RulesVersion));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::knowledge;

    #[test]
    fn a_saved_check_keeps_level_rules_and_version() {
        let k = knowledge();
        let answers = k.answers(62, ["chest_pain", "sweating_clammy"]).unwrap();
        let a = k.assess(&answers);
        let saved = SavedCheck::new(Timestamp::UNIX_EPOCH, k, &answers, &a);
        assert_eq!(saved.level, a.level);
        assert_eq!(saved.rules, a.rule_ids());
        assert_eq!(saved.age, 62);
        assert!(saved.findings.contains("chest_pain"));
        assert_eq!(saved.rules_version, k.rules_version());
        saved.validate(k).unwrap();
        let text = ron::to_string(&saved).unwrap();
        assert_eq!(ron::from_str::<SavedCheck>(&text).unwrap(), saved);
    }
}

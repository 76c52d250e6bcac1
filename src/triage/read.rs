//! Reading the four embedded data files into their raw shapes, with the
//! file, line and column of any syntax error. Nothing is checked here
//! beyond the syntax; `validate.rs` does the rest.

use serde::Deserialize;

use super::condition::Condition;
use super::model::{DerivedGroup, DoctorLabel, Finding, Group, Source};

/// The four embedded data files, by the names used in error messages.
pub struct DataFiles<'a> {
    pub findings: &'a str,
    pub rules: &'a str,
    pub sources: &'a str,
    pub advice: &'a str,
}

impl DataFiles<'static> {
    pub const EMBEDDED: Self = Self {
        findings: include_str!("../../data/findings.ron"),
        rules: include_str!("../../data/rules.ron"),
        sources: include_str!("../../data/sources.ron"),
        advice: include_str!("../../data/advice.ron"),
    };
}

pub const FINDINGS_FILE: &str = "data/findings.ron";
pub const RULES_FILE: &str = "data/rules.ron";
pub const SOURCES_FILE: &str = "data/sources.ron";
pub const ADVICE_FILE: &str = "data/advice.ron";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("{file}:{line}:{col}: {message}")]
    Parse {
        file: &'static str,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{file}: {item}: {problem}")]
    Invalid {
        file: &'static str,
        item: String,
        problem: String,
    },
}

pub(super) fn invalid(
    file: &'static str,
    item: impl Into<String>,
    problem: impl Into<String>,
) -> DataError {
    DataError::Invalid {
        file,
        item: item.into(),
        problem: problem.into(),
    }
}

// Raw file shapes. Levels are strings here so an unknown one can be reported
// with the rule that uses it, instead of as a bare serde error.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingsFile {
    #[expect(
        dead_code,
        reason = "kept in the file for readers; the reader accepts every version"
    )]
    pub version: u32,
    pub groups: Vec<Group>,
    pub findings: Vec<Finding>,
    pub derived: Vec<DerivedGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub id: String,
    pub level: String,
    pub when: Condition,
    pub reason: String,
    #[serde(default)]
    pub action: Option<String>,
    pub sources: Vec<String>,
    pub doctor: DoctorLabel,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RulesFile {
    pub version: String,
    pub rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourcesFile {
    pub sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAdvice {
    pub level: String,
    pub if_it_appears: String,
    pub headline: String,
    pub summary: String,
    pub advice: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AdviceFile {
    pub levels: Vec<RawAdvice>,
}

/// The four files, parsed but not yet checked.
pub(super) struct RawData {
    pub findings: FindingsFile,
    pub rules: RulesFile,
    pub sources: SourcesFile,
    pub advice: AdviceFile,
}

impl RawData {
    pub(super) fn parse(files: &DataFiles<'_>) -> Result<Self, DataError> {
        Ok(Self {
            findings: parse(FINDINGS_FILE, files.findings)?,
            rules: parse(RULES_FILE, files.rules)?,
            sources: parse(SOURCES_FILE, files.sources)?,
            advice: parse(ADVICE_FILE, files.advice)?,
        })
    }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, text: &str) -> Result<T, DataError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| DataError::Parse {
            file,
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

//! The items of the clinical content as the rest of the app sees them:
//! checkbox sections, findings, derived groups, rules, sources and advice.
//! Built only by validation (`validate.rs`), so every id in them resolves.

use serde::{Deserialize, Serialize};

use super::condition::{Compiled, Condition};
use super::level::Level;

/// A checkbox section, in display order.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// Describes the person (kept in the profile), not today's symptoms.
    pub history: bool,
    /// Its findings can appear later, so they may be listed under "watch for".
    pub watch: bool,
    /// Its findings are warning signs: each can raise the level on its own.
    /// How the pain started and how it is going are not.
    #[serde(default)]
    pub warning: bool,
    /// Shown open when the sections are folded (the Today screen).
    #[serde(default)]
    pub open: bool,
}

/// One checkbox of the symptom check.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub group: String,
    pub label: String,
    /// Why it matters, for the person: the help text.
    pub why: String,
    pub sources: Vec<String>,
    /// Recorded for the journal and the doctor's summary; changes no level,
    /// so no rule or derived group may use it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub info_only: bool,
    /// A time-limited history box: the profile asks whether it still applies
    /// this many weeks after it was ticked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_after_weeks: Option<u16>,
}

/// A named set of findings the rules refer to, such as `NEURO`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedGroup {
    pub id: String,
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: String,
    pub title: String,
    /// Organisation or authors.
    pub by: String,
    pub year: String,
    pub url: String,
    /// What was read and where, when the source could not be read directly.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// What the person is told for one level.
#[derive(Debug, Clone, Serialize)]
pub struct Advice {
    pub level: Level,
    /// Heading of a "watch for" list that leads to this level.
    pub if_it_appears: String,
    pub headline: String,
    pub summary: String,
    pub advice: String,
    pub sources: Vec<String>,
}

/// How the printed summary names a rule for a doctor: clinical words, not
/// the person's. Doctor-facing, so exempt from the grade-8 reading test
/// (`data/rules.ron` says so where it defines the field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoctorLabel {
    /// What the rule is about, without naming a symptom the person may not
    /// have reported ("cancer history", "possible aortic dissection").
    pub label: String,
    /// The guideline behind it ("NICE NG234").
    pub guideline: String,
    /// The time frame it asks for ("assess within 24 h").
    pub within: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: String,
    pub level: Level,
    pub when: Condition,
    pub reason: String,
    /// A short first action, shown under the banner's headline when this
    /// rule sets the level ("Do not move. Call an ambulance.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    pub sources: Vec<String>,
    /// The rule in a doctor's words, for the printed summary.
    pub doctor: DoctorLabel,
    #[serde(skip)]
    pub(crate) compiled: Compiled,
}

impl Rule {
    /// "U1 cancer history — NICE NG234: assess within 24 h".
    pub fn for_doctor(&self) -> String {
        format!(
            "{} {} — {}: {}",
            self.id, self.doctor.label, self.doctor.guideline, self.doctor.within
        )
    }
}

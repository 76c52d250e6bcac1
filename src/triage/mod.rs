//! The symptom check: findings, derived groups, rules and their evaluation.
//!
//! Pure by design: std, serde and the embedded data only. No files, no
//! clock, no UI. The clinical content lives in `data/*.ron` (reviewable
//! without reading Rust); this module parses it once, validates every
//! cross-reference, and evaluates it. The spec is the knowledge file; every
//! rule carries its sources.

mod cautious;
mod compile;
mod condition;
mod engine;
mod knowledge;
mod level;
mod model;
mod read;
mod set;
mod validate;

use std::sync::OnceLock;

pub use cautious::CautiousAssessment;
pub use condition::Condition;
pub use engine::{AnswerError, Answers, Assessment, FiredRule, RawAnswers, WatchFor};
pub use knowledge::Knowledge;
pub use level::Level;
pub use model::{Advice, DerivedGroup, DoctorLabel, Finding, Group, Rule, Source};
pub use read::{DataError, DataFiles};

/// Oldest age the checker accepts, in whole years.
pub const MAX_AGE: u8 = 120;

/// The embedded clinical content, parsed and validated on first use.
pub fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        #[expect(
            clippy::expect_used,
            reason = "the shipped data is validated by tests/triage_data.rs; a build that fails it never ships"
        )]
        Knowledge::load(&DataFiles::EMBEDDED).expect("embedded clinical data is valid")
    })
}

/// Shown next to every result, in the app and the CLI (revision-2.md R5).
pub const NOT_A_DIAGNOSIS: &str = "This is not a diagnosis. These rules come from published guidance and have not yet been checked by a clinician.";

/// Shown at the end of a result, after the reasons and advice.
pub const IF_WORRIED: &str =
    "If you are worried, contact a doctor. In an emergency, call your emergency number.";

/// The heading over reasons from levels below the result's own.
pub const ALSO_WORTH_MENTIONING: &str = "Also worth mentioning to the doctor";

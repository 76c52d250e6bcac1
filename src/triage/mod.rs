//! The symptom check: findings, derived groups, rules and their evaluation.
//!
//! Pure by design: std, serde and the embedded data only. No files, no
//! clock, no UI. The clinical content lives in `data/*.ron` (reviewable
//! without reading Rust); this module parses it once, validates every
//! cross-reference, and evaluates it. The spec is the knowledge file; every
//! rule carries its sources.

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

pub use condition::Condition;
pub use knowledge::Knowledge;
pub use model::{Advice, DerivedGroup, Finding, Group, Rule, Source};
pub use read::{DataError, DataFiles};
pub use engine::{AnswerError, Answers, Assessment, FiredRule, RawAnswers, WatchFor};
pub use level::Level;

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

/// Shown with every result, in the app, the CLI and the printed summary.
pub const NOT_A_DIAGNOSIS: &str = "This is not a diagnosis. Backlog suggests how soon to get care, based on what you ticked. If you are worried, contact a doctor; in an emergency, call your emergency number.";

//! The symptom check: the embedded data and the clinical answers.
//!
//! - `data`: the data loads, matches the knowledge file, and every kind of
//!   mistake in it is caught with the file and item named.
//! - `cases`: clinical cases from the knowledge file; every rule fires and
//!   every level is reached.
//! - `clinical`: boundary and combination cases run through the real
//!   binary (`assess --json`), as an outside check would.
//! - `properties`: the safety properties on random answers (proptest).
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic in a test helper is a failing test"
)]

mod cases;
mod clinical;
mod data;
mod properties;

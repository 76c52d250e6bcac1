//! The journal model and its statistics, without a disk or a clock.
//!
//! - `model`: drafts become entries only when valid; one entry per day;
//!   the RON round trip.
//! - `stats`: every figure against a hand-computed journal; the rolling
//!   average; the 2-point / 30% verdict at its edges.
//! - `properties`: the same on random input (proptest), with text that is
//!   hard to escape.
//! - `attention`: the findings the record supports at each threshold, the
//!   notice, its dismissal, and that more symptoms never lower the level.
#![expect(
    clippy::unwrap_used,
    reason = "a panic in a test helper is a failing test"
)]

mod attention;
mod model;
mod properties;
mod stats;

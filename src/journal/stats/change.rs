//! Did the pain change? The 2-point / 30% rule on the mean pain of two
//! periods, and the sentence that says so.

use serde::Serialize;

use super::{
    MEANINGFUL_POINTS, MEANINGFUL_SHARE, MIN_DAYS_TO_COMPARE, PeriodStats, SMALLEST_CHANGE,
};
use crate::id_enum::id_enum;

id_enum! {
    /// Better, worse, or no clear change, by the 2-point / 30% rule.
    Verdict {
        Better = "better", "Better";
        Worse = "worse", "Worse";
        NoClearChange = "no_clear_change", "No clear change";
        /// Fewer than [`MIN_DAYS_TO_COMPARE`] logged days in a period.
        NotEnoughData = "not_enough_data", "Not enough entries to compare";
    }
}

/// The change in mean pain from one period to the next.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PainChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before`: negative is less pain.
    pub difference: Option<f64>,
    /// The difference as a share of `before` (-0.4 = 40% less); `None`
    /// when `before` is 0.
    pub share: Option<f64>,
    pub verdict: Verdict,
}

impl PainChange {
    /// One plain sentence for the app and the summary.
    pub fn sentence(&self) -> String {
        match (self.before, self.after, self.verdict) {
            (Some(b), Some(a), v) if v != Verdict::NotEnoughData => {
                let moved = if a < b { "down" } else { "up" };
                let diff = (a - b).abs();
                let percent = self
                    .share
                    .map(|s| format!(", {:.0}%", (s * 100.0).abs()))
                    .unwrap_or_default();
                let judged = match v {
                    Verdict::Better => "a real improvement",
                    Verdict::Worse => "a real worsening",
                    _ => "no clear change",
                };
                if diff < 0.05 {
                    format!("Average pain stayed at {b:.1} out of 10: {judged}.")
                } else {
                    format!(
                        "Average pain went from {b:.1} to {a:.1} out of 10 ({moved} {diff:.1} points{percent}): {judged}."
                    )
                }
            }
            _ => format!(
                "Not enough entries to compare: each period needs at least {MIN_DAYS_TO_COMPARE} logged days."
            ),
        }
    }
}

/// Compares mean pain between two periods.
pub fn compare(before: &PeriodStats, after: &PeriodStats) -> PainChange {
    let enough =
        before.days_logged >= MIN_DAYS_TO_COMPARE && after.days_logged >= MIN_DAYS_TO_COMPARE;
    let (b, a) = (before.mean_pain, after.mean_pain);
    let difference = a.zip(b).map(|(a, b)| a - b);
    let share = difference
        .zip(b)
        .and_then(|(d, b)| (b > 0.0).then(|| d / b));
    let verdict = match (enough, b, a) {
        (true, Some(b), Some(a)) => judge(b, a),
        _ => Verdict::NotEnoughData,
    };
    PainChange {
        before: b,
        after: a,
        difference,
        share,
        verdict,
    }
}

/// The 2-point / 30% rule on two mean pain scores (0–10). A change counts
/// when it is at least [`MEANINGFUL_POINTS`], or at least
/// [`MEANINGFUL_SHARE`] of the starting level and at least
/// [`SMALLEST_CHANGE`] points.
pub fn judge(before: f64, after: f64) -> Verdict {
    // Means of whole numbers: round away float noise (6.1 - 4.1 = 1.9999…).
    let diff = ((after - before) * 1e9).round() / 1e9;
    let size = diff.abs();
    let share = if before > 0.0 { size / before } else { 0.0 };
    let meaningful =
        size >= MEANINGFUL_POINTS || (share >= MEANINGFUL_SHARE - 1e-9 && size >= SMALLEST_CHANGE);
    match (meaningful, diff < 0.0) {
        (false, _) => Verdict::NoClearChange,
        (true, true) => Verdict::Better,
        (true, false) => Verdict::Worse,
    }
}

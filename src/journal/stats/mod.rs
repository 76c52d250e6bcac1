//! Statistics for a period of the journal, shared by the app's Trends
//! screen and the printed summary so both always say the same thing.
//!
//! Pure functions of the entries and the period: no clock, no I/O. A day
//! without an entry is "not logged", never "no pain": means are over logged
//! days only, and every figure says how many days it rests on.
//!
//! Whether pain changed is judged by the rule for a clinically meaningful
//! change in pain scores on a 0–10 scale: about 2 points or about 30% of the
//! starting level (Farrar et al., Pain 2001; Ostelo et al., Spine 2008).
//!
//! This file holds the period, the figures' types, the daily series and the
//! day count; `period` works out one period's figures and `change` judges
//! the change between two.

mod change;
mod period;

use jiff::civil::Date;
use jiff::{ToSpan, civil};
use serde::Serialize;

use super::entry::Entry;
use super::labels::{Quality, Region};

pub use change::{PainChange, Verdict, compare, judge};
pub use period::period_stats;

/// Days in the rolling average window.
pub const ROLLING_WINDOW: u32 = 7;
/// Fewest logged days in each period before a change is judged.
pub const MIN_DAYS_TO_COMPARE: u32 = 3;
/// A change of this many points (0–10 scale) or more is meaningful.
pub const MEANINGFUL_POINTS: f64 = 2.0;
/// A change of this share of the starting level or more is meaningful…
pub const MEANINGFUL_SHARE: f64 = 0.30;
/// …as long as it is at least this many points: daily scores are whole
/// numbers, so at very low pain 30% is less than one step on the scale
/// (1.0 → 1.3 is not "worse").
pub const SMALLEST_CHANGE: f64 = 1.0;

/// A run of calendar days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// `None` when `to` is before `from`.
    pub fn new(from: Date, to: Date) -> Option<Self> {
        (from <= to).then_some(Self { from, to })
    }

    /// The `days` days ending with `last` (at least one day).
    pub fn ending(last: Date, days: u32) -> Self {
        let back = i64::from(days.max(1)) - 1;
        Self {
            from: last.saturating_sub(back.days()),
            to: last,
        }
    }

    /// How many calendar days, counting both ends.
    pub fn days(&self) -> u32 {
        u32::try_from(day_number(self.to) - day_number(self.from) + 1).unwrap_or(0)
    }

    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The period of the same length just before this one.
    pub fn previous(&self) -> Self {
        let to = self.from.saturating_sub(1.day());
        Self::ending(to, self.days())
    }

    /// Every day, in order.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.from
            .series(1.day())
            .take(usize::try_from(self.days()).unwrap_or(0))
    }
}

/// How many days something was noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count<T> {
    pub item: T,
    pub days: u32,
}

/// How one medicine did over the period. Names are grouped ignoring case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedicineRelief {
    /// As first written in the period.
    pub name: String,
    /// Days it was taken.
    pub days: u32,
    /// Doses taken (a day without a count counts once).
    pub doses: u32,
    /// Mean relief, 0–10, over the days a relief score was given.
    pub mean_relief: Option<f64>,
    /// Days with a relief score.
    pub relief_days: u32,
}

/// Everything the Trends screen and the summary show for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodStats {
    pub period: Period,
    pub days_in_period: u32,
    pub days_logged: u32,
    /// Mean of the daily average pain over logged days.
    pub mean_pain: Option<f64>,
    /// Highest pain of any day (its worst score, or its average if none).
    pub worst_pain: Option<u8>,
    /// Lowest daily average pain.
    pub best_pain: Option<u8>,
    /// Days whose average pain was 7 or more (severe).
    pub days_pain_7_plus: u32,
    pub nights_woken: u32,
    pub mean_activity: Option<f64>,
    pub mean_enjoyment: Option<f64>,
    pub mean_sleep_hours: Option<f64>,
    /// Most frequent first; ties in display order.
    pub regions: Vec<Count<Region>>,
    pub qualities: Vec<Count<Quality>>,
    /// Activity and trigger tags, grouped ignoring case, most frequent first.
    pub triggers: Vec<Count<String>>,
    pub treatments: Vec<Count<String>>,
    /// Finding ids noted as symptoms of the day, most frequent first.
    pub symptoms: Vec<Count<String>>,
    /// Most days first.
    pub medicines: Vec<MedicineRelief>,
}

/// One day on the pain chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayPoint {
    pub date: Date,
    /// That day's average pain, if logged.
    pub pain: Option<u8>,
    /// Mean of the logged days among the last [`ROLLING_WINDOW`] days
    /// (this one included); `None` when none of them was logged.
    pub rolling: Option<f64>,
}

/// One point per day of `period`: the day's pain and the 7-day rolling
/// average. Entries before the period count towards its first windows, so
/// the line does not start from nothing. `entries` must be sorted by date.
pub fn daily_series(entries: &[Entry], period: Period) -> Vec<DayPoint> {
    let window = i64::from(ROLLING_WINDOW);
    let first = day_number(period.from) - (window - 1);
    let start = entries.partition_point(|e| day_number(e.date) < first);
    let relevant = entries.get(start..).unwrap_or(&[]);

    let mut out = Vec::with_capacity(usize::try_from(period.days()).unwrap_or(0));
    let mut head = 0; // next entry to enter the window
    let mut tail = 0; // oldest entry still in the window
    let mut sum = 0u32;
    let mut count = 0u32;
    for date in period.dates() {
        let today = day_number(date);
        while let Some(e) = relevant.get(head) {
            if e.date > date {
                break;
            }
            sum += u32::from(e.pain);
            count += 1;
            head += 1;
        }
        while let Some(e) = relevant.get(tail) {
            if tail >= head || day_number(e.date) > today - window {
                break;
            }
            sum -= u32::from(e.pain);
            count -= 1;
            tail += 1;
        }
        let pain = relevant
            .get(head.wrapping_sub(1))
            .filter(|e| head > 0 && e.date == date)
            .map(|e| e.pain);
        out.push(DayPoint {
            date,
            pain,
            rolling: (count > 0).then(|| f64::from(sum) / f64::from(count)),
        });
    }
    out
}

/// Day 0 of [`day_number`].
const DAY_ZERO: Date = civil::date(1970, 1, 1);

/// Days since 1970-01-01 (civil days are always 24 hours long): the one
/// day count for periods, the rolling average and the charts' x axis.
pub fn day_number(d: Date) -> i64 {
    d.duration_since(DAY_ZERO).as_secs().div_euclid(86_400)
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    day_number(to) - day_number(from)
}

/// The day with this [`day_number`], if it is a date jiff can hold.
pub fn date_of_day_number(n: i64) -> Option<Date> {
    DAY_ZERO
        .checked_add(jiff::Span::new().try_days(n).ok()?)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_count_goes_both_ways_and_agrees_with_jiff() {
        let d = civil::date(2026, 11, 24);
        assert_eq!(day_number(DAY_ZERO), 0);
        assert_eq!(date_of_day_number(day_number(d)), Some(d));
        assert_eq!(
            days_between(civil::date(2024, 2, 28), civil::date(2024, 3, 1)),
            2
        );
        assert_eq!(days_between(d, civil::date(2026, 1, 1)), -327);
        let jiff_days = (d - civil::date(1900, 1, 1)).get_days();
        assert_eq!(
            days_between(civil::date(1900, 1, 1), d),
            i64::from(jiff_days)
        );
        assert_eq!(date_of_day_number(i64::MAX), None);
    }
}

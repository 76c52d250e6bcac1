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

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::{ToSpan, civil};
use serde::Serialize;

use super::entry::Entry;
use super::labels::{Quality, Region};
use crate::id_enum::id_enum;

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

/// Statistics for `period` from the entries that fall in it. `entries`
/// must be sorted by date (as [`super::Journal::entries`] is).
pub fn period_stats(entries: &[Entry], period: Period) -> PeriodStats {
    let start = entries.partition_point(|e| e.date < period.from);
    let end = entries.partition_point(|e| e.date <= period.to);
    let days = entries.get(start..end.max(start)).unwrap_or(&[]);

    let mut regions: BTreeMap<Region, u32> = BTreeMap::new();
    let mut qualities: BTreeMap<Quality, u32> = BTreeMap::new();
    let mut triggers = Tally::default();
    let mut treatments = Tally::default();
    let mut symptoms: BTreeMap<&str, u32> = BTreeMap::new();
    let mut medicines: Vec<(String, MedicineRelief, f64)> = Vec::new();
    let mut pain = Mean::default();
    let mut activity = Mean::default();
    let mut enjoyment = Mean::default();
    let mut sleep = Mean::default();
    let mut worst: Option<u8> = None;
    let mut best: Option<u8> = None;
    let mut severe = 0;
    let mut woken = 0;

    for e in days {
        pain.add(f64::from(e.pain));
        worst = worst.max(Some(e.worst_or_pain()));
        best = Some(best.map_or(e.pain, |b| b.min(e.pain)));
        if e.pain >= 7 {
            severe += 1;
        }
        if e.woke_at_night {
            woken += 1;
        }
        if let Some(v) = e.activity {
            activity.add(f64::from(v));
        }
        if let Some(v) = e.enjoyment {
            enjoyment.add(f64::from(v));
        }
        if let Some(v) = e.sleep_hours {
            sleep.add(f64::from(v));
        }
        for r in &e.regions {
            *regions.entry(*r).or_default() += 1;
        }
        for q in &e.qualities {
            *qualities.entry(*q).or_default() += 1;
        }
        triggers.day(&e.tags);
        treatments.day(&e.treatments);
        for s in &e.symptoms {
            *symptoms.entry(s).or_default() += 1;
        }
        let mut seen_today: Vec<String> = Vec::new();
        for m in &e.medicines {
            let key = m.name.to_lowercase();
            let i = match medicines.iter().position(|(k, _, _)| *k == key) {
                Some(i) => i,
                None => {
                    medicines.push((
                        key.clone(),
                        MedicineRelief {
                            name: m.name.clone(),
                            days: 0,
                            doses: 0,
                            mean_relief: None,
                            relief_days: 0,
                        },
                        0.0,
                    ));
                    medicines.len() - 1
                }
            };
            if let Some((_, stat, relief_sum)) = medicines.get_mut(i) {
                if !seen_today.contains(&key) {
                    stat.days += 1;
                    seen_today.push(key);
                }
                stat.doses += u32::from(m.times.unwrap_or(1));
                if let Some(r) = m.relief {
                    stat.relief_days += 1;
                    *relief_sum += f64::from(r);
                }
            }
        }
    }

    let mut medicines: Vec<MedicineRelief> = medicines
        .into_iter()
        .map(|(_, mut stat, sum)| {
            stat.mean_relief = (stat.relief_days > 0).then(|| sum / f64::from(stat.relief_days));
            stat
        })
        .collect();
    medicines.sort_by(|a, b| {
        b.days
            .cmp(&a.days)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });

    PeriodStats {
        period,
        days_in_period: period.days(),
        days_logged: u32::try_from(days.len()).unwrap_or(u32::MAX),
        mean_pain: pain.get(),
        worst_pain: worst,
        best_pain: best,
        days_pain_7_plus: severe,
        nights_woken: woken,
        mean_activity: activity.get(),
        mean_enjoyment: enjoyment.get(),
        mean_sleep_hours: sleep.get(),
        regions: ranked(regions),
        qualities: ranked(qualities),
        triggers: triggers.ranked(),
        treatments: treatments.ranked(),
        symptoms: ranked(symptoms)
            .into_iter()
            .map(|c| Count {
                item: c.item.to_owned(),
                days: c.days,
            })
            .collect(),
        medicines,
    }
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

#[derive(Default)]
struct Mean {
    sum: f64,
    n: u32,
}

impl Mean {
    fn add(&mut self, v: f64) {
        self.sum += v;
        self.n += 1;
    }

    fn get(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / f64::from(self.n))
    }
}

/// Counts free-text items per day, ignoring case, keeping the first spelling.
#[derive(Default)]
struct Tally {
    items: BTreeMap<String, (String, u32)>,
}

impl Tally {
    fn day(&mut self, items: &[String]) {
        let mut today: Vec<String> = items.iter().map(|t| t.trim().to_lowercase()).collect();
        today.sort();
        today.dedup();
        for key in today {
            if key.is_empty() {
                continue;
            }
            let shown = items
                .iter()
                .find(|t| t.trim().to_lowercase() == key)
                .map_or_else(|| key.clone(), |t| t.trim().to_owned());
            self.items.entry(key).or_insert((shown, 0)).1 += 1;
        }
    }

    fn ranked(self) -> Vec<Count<String>> {
        let mut v: Vec<Count<String>> = self
            .items
            .into_values()
            .map(|(item, days)| Count { item, days })
            .collect();
        // Stable sort keeps the BTreeMap's (lowercase) order within ties.
        v.sort_by_key(|c| std::cmp::Reverse(c.days));
        v
    }
}

fn ranked<T: Ord>(counts: BTreeMap<T, u32>) -> Vec<Count<T>> {
    let mut v: Vec<Count<T>> = counts
        .into_iter()
        .map(|(item, days)| Count { item, days })
        .collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.days));
    v
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

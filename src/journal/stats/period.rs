//! One period's figures: [`period_stats`] and the small counters it uses.

use std::collections::BTreeMap;

use super::{Count, MedicineRelief, Period, PeriodStats};
use crate::journal::{Entry, MedicineTaken, Quality, Region};

/// Statistics for `period` from the entries that fall in it. `entries`
/// must be sorted by date (as [`crate::journal::Journal::entries`] is).
pub fn period_stats(entries: &[Entry], period: Period) -> PeriodStats {
    let start = entries.partition_point(|e| e.date < period.from);
    let end = entries.partition_point(|e| e.date <= period.to);
    let days = entries.get(start..end.max(start)).unwrap_or(&[]);

    let mut regions: BTreeMap<Region, u32> = BTreeMap::new();
    let mut qualities: BTreeMap<Quality, u32> = BTreeMap::new();
    let mut triggers = Tally::default();
    let mut treatments = Tally::default();
    let mut symptoms: BTreeMap<&str, u32> = BTreeMap::new();
    let mut medicines = Medicines::default();
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
        medicines.day(&e.medicines);
    }

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
        medicines: medicines.ranked(),
    }
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

/// Medicines over the period, grouped ignoring case: days taken, doses and
/// the sum of relief scores (for the mean), in the order first seen.
#[derive(Default)]
struct Medicines {
    list: Vec<(String, MedicineRelief, f64)>,
}

impl Medicines {
    fn day(&mut self, taken: &[MedicineTaken]) {
        let mut seen_today: Vec<String> = Vec::new();
        for m in taken {
            let key = m.name.to_lowercase();
            let i = match self.list.iter().position(|(k, _, _)| *k == key) {
                Some(i) => i,
                None => {
                    self.list.push((
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
                    self.list.len() - 1
                }
            };
            if let Some((_, stat, relief_sum)) = self.list.get_mut(i) {
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

    /// Most days first; ties by name.
    fn ranked(self) -> Vec<MedicineRelief> {
        let mut medicines: Vec<MedicineRelief> = self
            .list
            .into_iter()
            .map(|(_, mut stat, sum)| {
                stat.mean_relief =
                    (stat.relief_days > 0).then(|| sum / f64::from(stat.relief_days));
                stat
            })
            .collect();
        medicines.sort_by(|a, b| {
            b.days
                .cmp(&a.days)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        medicines
    }
}

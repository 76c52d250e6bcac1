//! [`Knowledge`]: all clinical content, validated, with the lookups the
//! engine needs. Built by `validate.rs`; read-only afterwards.

use std::collections::HashMap;

use super::condition::Condition;
use super::level::Level;
use super::model::{Advice, DerivedGroup, Finding, Group, Rule, Source};
use super::set::FindingSet;

/// All clinical content, validated. Findings are stored in display order
/// (by group, then as listed) and a finding's position is its bit index.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub(crate) groups: Vec<Group>,
    pub(crate) findings: Vec<Finding>,
    pub(crate) derived: Vec<DerivedGroup>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) sources: Vec<Source>,
    /// Indexed by `Level::rank()`.
    pub(crate) advice: Vec<Advice>,
    pub(crate) rules_version: String,
    pub(crate) index: HashMap<String, usize>,
    /// Rule indices, most urgent level first (for early exit).
    pub(crate) by_urgency: Vec<usize>,
    /// Per finding: the rules whose condition looks at it, most urgent
    /// first. Only these can change when that one box is ticked.
    pub(crate) rules_mentioning: Vec<Vec<usize>>,
    /// Findings that may be listed under "watch for".
    pub(crate) watchable: FindingSet,
}

/// FNV-1a: a stable checksum for `rules_version` (no crate needed for 10 lines,
/// and std's hasher is not guaranteed stable across releases).
pub(super) fn fnv1a32(parts: &[&str]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    hash
}

impl Knowledge {
    /// The engine's lookups, worked out once from the validated content.
    pub(super) fn build_lookups(&mut self) {
        let rules = &self.rules;
        let mut by_urgency: Vec<usize> = (0..rules.len()).collect();
        by_urgency.sort_by_key(|&i| (std::cmp::Reverse(rules[i].level), i));
        self.rules_mentioning = (0..self.findings.len())
            .map(|f| {
                by_urgency
                    .iter()
                    .copied()
                    .filter(|&r| rules[r].compiled.mentions().contains(f))
                    .collect()
            })
            .collect();
        self.by_urgency = by_urgency;
        let mut watchable = FindingSet::default();
        for (i, finding) in self.findings.iter().enumerate() {
            if self.group(&finding.group).is_some_and(|g| g.watch) {
                watchable.insert(i);
            }
        }
        self.watchable = watchable;
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Every finding, in display order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn findings_in<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.group == group)
    }

    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.index.get(id).map(|&i| &self.findings[i])
    }

    pub(crate) fn finding_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn derived(&self) -> &[DerivedGroup] {
        &self.derived
    }

    pub fn derived_group(&self, id: &str) -> Option<&DerivedGroup> {
        self.derived.iter().find(|g| g.id == id)
    }

    /// Rules in file (table) order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }

    pub fn advice(&self, level: Level) -> &Advice {
        &self.advice[level.rank()]
    }

    /// The reviewed version plus a checksum of all clinical text, so it
    /// changes whenever a rule, finding or advice text changes.
    pub fn rules_version(&self) -> &str {
        &self.rules_version
    }

    /// True for findings that describe the person (profile toggles).
    pub fn is_history(&self, id: &str) -> bool {
        self.finding(id)
            .and_then(|f| self.group(&f.group))
            .is_some_and(|g| g.history)
    }

    /// True for warning signs: symptoms that can raise the level on their
    /// own. How the pain started, how it is going and history are not
    /// (a journal day with only those is not a day with warning symptoms).
    pub fn is_warning_sign(&self, id: &str) -> bool {
        self.finding(id)
            .and_then(|f| self.group(&f.group))
            .is_some_and(|g| g.warning)
    }

    /// Every warning sign, in display order.
    pub fn warning_signs(&self) -> impl Iterator<Item = &Finding> + '_ {
        self.findings
            .iter()
            .filter(|f| self.group(&f.group).is_some_and(|g| g.warning))
    }

    /// Findings recorded for the journal and the doctor only; no rule or
    /// derived group uses them.
    pub fn info_only(&self) -> impl Iterator<Item = &Finding> + '_ {
        self.findings.iter().filter(|f| f.info_only)
    }

    /// The time-limited history boxes and how many weeks each lasts.
    pub fn time_limited_history(&self) -> impl Iterator<Item = (&Finding, u16)> + '_ {
        self.findings
            .iter()
            .filter_map(|f| f.confirm_after_weeks.map(|w| (f, w)))
    }

    /// One age from each band the rules tell apart, youngest first: every
    /// age limit in a rule starts a band. Within a band every rule gives the
    /// same answer, so these ages cover every possible result.
    pub fn age_bands(&self) -> Vec<u8> {
        let mut ages = vec![0u8];
        for rule in &self.rules {
            rule.when.walk(&mut |c| {
                if let Condition::AgeAtLeast(n) | Condition::AgeUnder(n) = c {
                    ages.push(*n);
                }
            });
        }
        ages.sort_unstable();
        ages.dedup();
        ages
    }
}

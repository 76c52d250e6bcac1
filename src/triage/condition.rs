//! The small condition language of `data/rules.ron`.
//!
//! Rules are data so that a clinician can review them without reading Rust.
//! [`Condition`] is what the file says; [`Compiled`] is the same tree with
//! ids resolved to bit masks, so evaluating a rule never looks up a string.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::set::FindingSet;

/// A rule's condition as written in `rules.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// The box with this finding id is ticked.
    Finding(String),
    /// At least one member of this derived group is ticked.
    Group(String),
    /// At least `n` members of this derived group are ticked.
    AtLeast(u32, String),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// Age in whole years is this or more.
    AgeAtLeast(u8),
    /// Age in whole years is less than this.
    AgeUnder(u8),
    /// No other rule fired (the self-care rule S0).
    NoOtherRule,
}

impl Condition {
    /// Visits every node, depth first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Condition)) {
        visit(self);
        match self {
            Self::All(xs) | Self::Any(xs) => xs.iter().for_each(|x| x.walk(visit)),
            Self::Not(x) => x.walk(visit),
            _ => {}
        }
    }

    fn is_compound(&self) -> bool {
        matches!(self, Self::All(_) | Self::Any(_))
    }

    fn fmt_joined(f: &mut fmt::Formatter<'_>, xs: &[Condition], word: &str) -> fmt::Result {
        for (i, x) in xs.iter().enumerate() {
            if i > 0 {
                write!(f, " {word} ")?;
            }
            if x.is_compound() {
                write!(f, "({x})")?;
            } else {
                write!(f, "{x}")?;
            }
        }
        Ok(())
    }
}

/// Readable form for `backlog rules`: `short_of_breath and (clot_risk or …)`.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Finding(id) => f.write_str(id),
            Self::Group(g) => write!(f, "any of {g}"),
            Self::AtLeast(n, g) => write!(f, "at least {n} of {g}"),
            Self::All(xs) => Self::fmt_joined(f, xs, "and"),
            Self::Any(xs) => Self::fmt_joined(f, xs, "or"),
            Self::Not(x) if x.is_compound() => write!(f, "not ({x})"),
            Self::Not(x) => write!(f, "not {x}"),
            Self::AgeAtLeast(n) => write!(f, "age {n} or over"),
            Self::AgeUnder(n) => write!(f, "age under {n}"),
            Self::NoOtherRule => f.write_str("no other rule fired"),
        }
    }
}

/// A condition with every id resolved; built only by validation.
#[derive(Debug, Clone)]
pub(crate) enum Compiled {
    Has(usize),
    AtLeast(u32, FindingSet),
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
    AgeAtLeast(u8),
    AgeUnder(u8),
    NoOtherRule,
}

impl Compiled {
    /// Every finding this condition looks at, directly or through a group.
    pub(crate) fn mentions(&self) -> FindingSet {
        let mut set = FindingSet::default();
        self.collect_mentions(&mut set);
        set
    }

    fn collect_mentions(&self, set: &mut FindingSet) {
        match self {
            Self::Has(i) => set.insert(*i),
            Self::AtLeast(_, mask) => *set = set.union(mask),
            Self::All(xs) | Self::Any(xs) => xs.iter().for_each(|x| x.collect_mentions(set)),
            Self::Not(x) => x.collect_mentions(set),
            Self::AgeAtLeast(_) | Self::AgeUnder(_) | Self::NoOtherRule => {}
        }
    }

    /// `NoOtherRule` is false here; the engine applies it after the others.
    pub(crate) fn holds(&self, set: &FindingSet, age: u8) -> bool {
        match self {
            Self::Has(i) => set.contains(*i),
            Self::AtLeast(1, mask) => set.intersects(mask),
            Self::AtLeast(n, mask) => set.count_common(mask) >= *n,
            Self::All(xs) => xs.iter().all(|x| x.holds(set, age)),
            Self::Any(xs) => xs.iter().any(|x| x.holds(set, age)),
            Self::Not(x) => !x.holds(set, age),
            Self::AgeAtLeast(n) => age >= *n,
            Self::AgeUnder(n) => age < *n,
            Self::NoOtherRule => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_form_brackets_nested_groups() {
        let c = Condition::All(vec![
            Condition::Finding("short_of_breath".into()),
            Condition::Any(vec![
                Condition::Finding("clot_risk".into()),
                Condition::AtLeast(2, "CARDIAC_SIGNS".into()),
            ]),
            Condition::Not(Box::new(Condition::Group("CANCER".into()))),
            Condition::AgeAtLeast(50),
        ]);
        assert_eq!(
            c.to_string(),
            "short_of_breath and (clot_risk or at least 2 of CARDIAC_SIGNS) and not any of CANCER and age 50 or over"
        );
    }

    #[test]
    fn compiled_conditions_follow_boolean_logic() {
        let set = FindingSet::default().with(1).with(2);
        let mask = FindingSet::default().with(1).with(2).with(3);
        assert!(Compiled::AtLeast(2, mask).holds(&set, 30));
        assert!(!Compiled::AtLeast(3, mask).holds(&set, 30));
        assert!(Compiled::Not(Box::new(Compiled::Has(0))).holds(&set, 30));
        assert!(Compiled::AgeAtLeast(50).holds(&set, 50));
        assert!(!Compiled::AgeAtLeast(50).holds(&set, 49));
        assert!(Compiled::AgeUnder(18).holds(&set, 17));
        assert!(!Compiled::AgeUnder(18).holds(&set, 18));
        assert!(!Compiled::NoOtherRule.holds(&set, 30));
        assert!(Compiled::Any(vec![Compiled::Has(9), Compiled::Has(2)]).holds(&set, 30));
        assert!(!Compiled::All(vec![Compiled::Has(9), Compiled::Has(2)]).holds(&set, 30));
    }
}

//! Compiling a rule's condition: every finding id and derived group name
//! resolved to bit positions, so evaluating a rule never looks up a string.
//! An unknown id or a condition that can never be decided is an error that
//! names the rule.

use std::collections::HashMap;

use super::MAX_AGE;
use super::condition::{Compiled, Condition};
use super::read::{DataError, RULES_FILE, invalid};
use super::set::FindingSet;

/// What a condition may refer to.
pub(super) struct Names<'a> {
    /// Finding id to bit index.
    pub index: &'a HashMap<String, usize>,
    /// Derived group name to its members and their count.
    pub groups: &'a HashMap<&'a str, (FindingSet, u32)>,
}

/// Resolves `c` for the rule named `item`, adding every finding it names
/// directly to `used` (so unused findings can be reported).
pub(super) fn compile(
    c: &Condition,
    names: &Names<'_>,
    item: &str,
    used: &mut FindingSet,
) -> Result<Compiled, DataError> {
    let group = |g: &str| {
        names
            .groups
            .get(g)
            .copied()
            .ok_or_else(|| invalid(RULES_FILE, item, format!("unknown derived group \"{g}\"")))
    };
    let all = |xs: &[Condition], used: &mut FindingSet| {
        xs.iter()
            .map(|x| compile(x, names, item, used))
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(match c {
        Condition::Finding(id) => {
            let Some(&i) = names.index.get(id) else {
                return Err(invalid(
                    RULES_FILE,
                    item,
                    format!("unknown finding \"{id}\""),
                ));
            };
            used.insert(i);
            Compiled::Has(i)
        }
        Condition::Group(g) => Compiled::AtLeast(1, group(g)?.0),
        Condition::AtLeast(n, g) => {
            let (mask, size) = group(g)?;
            if *n == 0 || *n > size {
                return Err(invalid(
                    RULES_FILE,
                    item,
                    format!("AtLeast({n}, \"{g}\") can never be decided: {g} has {size} members"),
                ));
            }
            Compiled::AtLeast(*n, mask)
        }
        Condition::All(xs) | Condition::Any(xs) if xs.is_empty() => {
            return Err(invalid(
                RULES_FILE,
                item,
                "All([]) or Any([]) has nothing in it",
            ));
        }
        Condition::All(xs) => Compiled::All(all(xs, used)?),
        Condition::Any(xs) => Compiled::Any(all(xs, used)?),
        Condition::Not(x) => Compiled::Not(Box::new(compile(x, names, item, used)?)),
        Condition::AgeAtLeast(n) | Condition::AgeUnder(n) if *n > MAX_AGE => {
            return Err(invalid(
                RULES_FILE,
                item,
                format!("age {n} is above {MAX_AGE}"),
            ));
        }
        Condition::AgeAtLeast(n) => Compiled::AgeAtLeast(*n),
        Condition::AgeUnder(n) => Compiled::AgeUnder(*n),
        Condition::NoOtherRule => Compiled::NoOtherRule,
    })
}

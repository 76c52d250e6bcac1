//! The clinical content: parsed from the embedded RON files and validated
//! once, with every cross-reference checked.
//!
//! A broken data file must fail here, with the file and the item named, and
//! never at the moment someone is checking their symptoms. A test proves the
//! shipped data passes, so `knowledge()` cannot fail in a tested build.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

use super::condition::{Compiled, Condition};
use super::level::Level;
use super::set::{FindingSet, MAX_FINDINGS};

/// The four embedded data files, by the names used in error messages.
pub struct DataFiles<'a> {
    pub findings: &'a str,
    pub rules: &'a str,
    pub sources: &'a str,
    pub advice: &'a str,
}

impl DataFiles<'static> {
    pub const EMBEDDED: Self = Self {
        findings: include_str!("../../data/findings.ron"),
        rules: include_str!("../../data/rules.ron"),
        sources: include_str!("../../data/sources.ron"),
        advice: include_str!("../../data/advice.ron"),
    };
}

pub const FINDINGS_FILE: &str = "data/findings.ron";
pub const RULES_FILE: &str = "data/rules.ron";
pub const SOURCES_FILE: &str = "data/sources.ron";
pub const ADVICE_FILE: &str = "data/advice.ron";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("{file}:{line}:{col}: {message}")]
    Parse {
        file: &'static str,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{file}: {item}: {problem}")]
    Invalid {
        file: &'static str,
        item: String,
        problem: String,
    },
}

fn invalid(file: &'static str, item: impl Into<String>, problem: impl Into<String>) -> DataError {
    DataError::Invalid {
        file,
        item: item.into(),
        problem: problem.into(),
    }
}

/// A checkbox section, in display order.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// Describes the person (kept in the profile), not today's symptoms.
    pub history: bool,
    /// Its findings can appear later, so they may be listed under "watch for".
    pub watch: bool,
}

/// One checkbox of the symptom check.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub group: String,
    pub label: String,
    /// Why it matters: for help text and developers.
    pub why: String,
    pub sources: Vec<String>,
}

/// A named set of findings the rules refer to, such as `NEURO`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedGroup {
    pub id: String,
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: String,
    pub title: String,
    /// Organisation or authors.
    pub by: String,
    pub year: String,
    pub url: String,
}

/// What the person is told for one level.
#[derive(Debug, Clone, Serialize)]
pub struct Advice {
    pub level: Level,
    /// Heading of a "watch for" list that leads to this level.
    pub if_it_appears: String,
    pub headline: String,
    pub summary: String,
    pub advice: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: String,
    pub level: Level,
    pub when: Condition,
    pub reason: String,
    pub sources: Vec<String>,
    #[serde(skip)]
    pub(crate) compiled: Compiled,
}

// Raw file shapes. Levels are strings here so an unknown one can be reported
// with the rule that uses it, instead of as a bare serde error.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingsFile {
    #[expect(
        dead_code,
        reason = "kept in the file for readers; no schema change yet"
    )]
    version: u32,
    groups: Vec<Group>,
    findings: Vec<Finding>,
    derived: Vec<DerivedGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    level: String,
    when: Condition,
    reason: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    version: String,
    rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdvice {
    level: String,
    if_it_appears: String,
    headline: String,
    summary: String,
    advice: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceFile {
    levels: Vec<RawAdvice>,
}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, text: &str) -> Result<T, DataError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| DataError::Parse {
            file,
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

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

fn check_unique<'a>(
    file: &'static str,
    kind: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), DataError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            return Err(invalid(file, kind, "an id is empty"));
        }
        if !seen.insert(id) {
            return Err(invalid(
                file,
                format!("{kind} \"{id}\""),
                "the id is used twice",
            ));
        }
    }
    Ok(())
}

fn check_sources(
    file: &'static str,
    item: &str,
    keys: &[String],
    known: &BTreeSet<&str>,
) -> Result<(), DataError> {
    if keys.is_empty() {
        return Err(invalid(
            file,
            item,
            "has no source; every item needs at least one",
        ));
    }
    for key in keys {
        if !known.contains(key.as_str()) {
            return Err(invalid(
                file,
                item,
                format!("source \"{key}\" is not in {SOURCES_FILE}"),
            ));
        }
    }
    Ok(())
}

fn parse_level(file: &'static str, item: &str, text: &str) -> Result<Level, DataError> {
    Level::from_id(text).ok_or_else(|| {
        let ids: Vec<_> = Level::MOST_URGENT_FIRST.iter().map(|l| l.id()).collect();
        invalid(
            file,
            item,
            format!(
                "unknown level \"{text}\" (expected one of {})",
                ids.join(", ")
            ),
        )
    })
}

/// FNV-1a: a stable checksum for `rules_version` (no crate needed for 10 lines,
/// and std's hasher is not guaranteed stable across releases).
fn fnv1a32(parts: &[&str]) -> u32 {
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
    /// Parses and validates the four data files.
    pub fn load(files: &DataFiles<'_>) -> Result<Self, DataError> {
        let f: FindingsFile = parse(FINDINGS_FILE, files.findings)?;
        let r: RulesFile = parse(RULES_FILE, files.rules)?;
        let s: SourcesFile = parse(SOURCES_FILE, files.sources)?;
        let a: AdviceFile = parse(ADVICE_FILE, files.advice)?;

        check_unique(
            SOURCES_FILE,
            "source",
            s.sources.iter().map(|x| x.key.as_str()),
        )?;
        let source_keys: BTreeSet<&str> = s.sources.iter().map(|x| x.key.as_str()).collect();

        // Groups and findings.
        check_unique(
            FINDINGS_FILE,
            "group",
            f.groups.iter().map(|g| g.id.as_str()),
        )?;
        check_unique(
            FINDINGS_FILE,
            "finding",
            f.findings.iter().map(|x| x.id.as_str()),
        )?;
        if f.findings.len() > MAX_FINDINGS {
            return Err(invalid(
                FINDINGS_FILE,
                "findings",
                format!(
                    "{} findings; the engine holds at most {MAX_FINDINGS}",
                    f.findings.len()
                ),
            ));
        }
        let group_pos: HashMap<&str, usize> = f
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        let mut ordered: Vec<(usize, usize, Finding)> = Vec::with_capacity(f.findings.len());
        for (i, finding) in f.findings.into_iter().enumerate() {
            let item = format!("finding \"{}\"", finding.id);
            let Some(&g) = group_pos.get(finding.group.as_str()) else {
                return Err(invalid(
                    FINDINGS_FILE,
                    item,
                    format!("unknown group \"{}\"", finding.group),
                ));
            };
            if finding.label.trim().is_empty() {
                return Err(invalid(FINDINGS_FILE, item, "has no label"));
            }
            check_sources(FINDINGS_FILE, &item, &finding.sources, &source_keys)?;
            ordered.push((g, i, finding));
        }
        ordered.sort_by_key(|(g, i, _)| (*g, *i));
        let findings: Vec<Finding> = ordered.into_iter().map(|(_, _, x)| x).collect();
        for group in &f.groups {
            if !findings.iter().any(|x| x.group == group.id) {
                return Err(invalid(
                    FINDINGS_FILE,
                    format!("group \"{}\"", group.id),
                    "has no findings",
                ));
            }
        }
        let index: HashMap<String, usize> = findings
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect();

        // Derived groups.
        check_unique(
            FINDINGS_FILE,
            "derived group",
            f.derived.iter().map(|d| d.id.as_str()),
        )?;
        let mut masks: HashMap<&str, (FindingSet, u32)> = HashMap::new();
        for d in &f.derived {
            let item = format!("derived group \"{}\"", d.id);
            if d.members.is_empty() {
                return Err(invalid(FINDINGS_FILE, item, "has no members"));
            }
            let mut mask = FindingSet::default();
            for m in &d.members {
                let Some(&i) = index.get(m) else {
                    return Err(invalid(
                        FINDINGS_FILE,
                        item,
                        format!("unknown finding \"{m}\""),
                    ));
                };
                mask.insert(i);
            }
            masks.insert(d.id.as_str(), (mask, mask.len()));
        }

        // Rules.
        check_unique(RULES_FILE, "rule", r.rules.iter().map(|x| x.id.as_str()))?;
        let mut used = FindingSet::default();
        for d in &f.derived {
            if let Some((mask, _)) = masks.get(d.id.as_str()) {
                for i in mask.iter() {
                    used.insert(i);
                }
            }
        }
        let mut rules = Vec::with_capacity(r.rules.len());
        let mut fallback_rules = 0;
        for raw in r.rules {
            let item = format!("rule {}", raw.id);
            let level = parse_level(RULES_FILE, &item, &raw.level)?;
            if raw.reason.trim().is_empty() {
                return Err(invalid(RULES_FILE, item, "has no reason text"));
            }
            check_sources(RULES_FILE, &item, &raw.sources, &source_keys)?;
            let compiled = compile(&raw.when, &index, &masks, &item, &mut used)?;
            if matches!(raw.when, Condition::NoOtherRule) {
                if level != Level::SelfCare {
                    return Err(invalid(
                        RULES_FILE,
                        item,
                        "NoOtherRule is only allowed for a self_care rule",
                    ));
                }
                fallback_rules += 1;
            } else {
                let mut nested = false;
                raw.when
                    .walk(&mut |c| nested |= matches!(c, Condition::NoOtherRule));
                if nested {
                    return Err(invalid(
                        RULES_FILE,
                        item,
                        "NoOtherRule must be the whole condition",
                    ));
                }
            }
            rules.push(Rule {
                id: raw.id,
                level,
                when: raw.when,
                reason: raw.reason,
                sources: raw.sources,
                compiled,
            });
        }
        if fallback_rules != 1 {
            return Err(invalid(
                RULES_FILE,
                "rules",
                format!("needs exactly one NoOtherRule (self-care) rule, found {fallback_rules}"),
            ));
        }
        for (i, finding) in findings.iter().enumerate() {
            if !used.contains(i) {
                return Err(invalid(
                    FINDINGS_FILE,
                    format!("finding \"{}\"", finding.id),
                    "no rule and no derived group uses it",
                ));
            }
        }

        // Advice: exactly one per level.
        let mut advice: Vec<Option<Advice>> = vec![None; Level::MOST_URGENT_FIRST.len()];
        for raw in a.levels {
            let item = format!("advice for \"{}\"", raw.level);
            let level = parse_level(ADVICE_FILE, &item, &raw.level)?;
            if advice[level.rank()].is_some() {
                return Err(invalid(ADVICE_FILE, item, "the level appears twice"));
            }
            for key in &raw.sources {
                if !source_keys.contains(key.as_str()) {
                    return Err(invalid(
                        ADVICE_FILE,
                        item,
                        format!("source \"{key}\" is not in {SOURCES_FILE}"),
                    ));
                }
            }
            if raw.headline.trim().is_empty() || raw.advice.trim().is_empty() {
                return Err(invalid(
                    ADVICE_FILE,
                    item,
                    "headline and advice must not be empty",
                ));
            }
            advice[level.rank()] = Some(Advice {
                level,
                if_it_appears: raw.if_it_appears,
                headline: raw.headline,
                summary: raw.summary,
                advice: raw.advice,
                sources: raw.sources,
            });
        }
        let mut complete = Vec::with_capacity(advice.len());
        for (rank, a) in advice.into_iter().enumerate() {
            match a {
                Some(a) => complete.push(a),
                None => {
                    let level = Level::MOST_URGENT_FIRST[Level::MOST_URGENT_FIRST.len() - 1 - rank];
                    return Err(invalid(
                        ADVICE_FILE,
                        format!("advice for \"{level}\""),
                        "is missing",
                    ));
                }
            }
        }

        let mut by_urgency: Vec<usize> = (0..rules.len()).collect();
        by_urgency.sort_by_key(|&i| (std::cmp::Reverse(rules[i].level), i));
        let rules_mentioning: Vec<Vec<usize>> = (0..findings.len())
            .map(|f| {
                by_urgency
                    .iter()
                    .copied()
                    .filter(|&r| rules[r].compiled.mentions().contains(f))
                    .collect()
            })
            .collect();
        let mut watchable = FindingSet::default();
        for (i, finding) in findings.iter().enumerate() {
            if f.groups[group_pos[finding.group.as_str()]].watch {
                watchable.insert(i);
            }
        }
        let checksum = fnv1a32(&[files.findings, files.rules, files.advice]);
        Ok(Self {
            groups: f.groups,
            findings,
            derived: f.derived,
            rules,
            sources: s.sources,
            advice: complete,
            rules_version: format!("{}+{checksum:08x}", r.version),
            index,
            by_urgency,
            rules_mentioning,
            watchable,
        })
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
}

fn compile(
    c: &Condition,
    index: &HashMap<String, usize>,
    masks: &HashMap<&str, (FindingSet, u32)>,
    item: &str,
    used: &mut FindingSet,
) -> Result<Compiled, DataError> {
    let group = |g: &str| {
        masks
            .get(g)
            .copied()
            .ok_or_else(|| invalid(RULES_FILE, item, format!("unknown derived group \"{g}\"")))
    };
    Ok(match c {
        Condition::Finding(id) => {
            let Some(&i) = index.get(id) else {
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
        Condition::All(xs) => Compiled::All(
            xs.iter()
                .map(|x| compile(x, index, masks, item, used))
                .collect::<Result<_, _>>()?,
        ),
        Condition::Any(xs) => Compiled::Any(
            xs.iter()
                .map(|x| compile(x, index, masks, item, used))
                .collect::<Result<_, _>>()?,
        ),
        Condition::Not(x) => Compiled::Not(Box::new(compile(x, index, masks, item, used)?)),
        Condition::AgeAtLeast(n) | Condition::AgeUnder(n) if *n > super::MAX_AGE => {
            return Err(invalid(
                RULES_FILE,
                item,
                format!("age {n} is above {}", super::MAX_AGE),
            ));
        }
        Condition::AgeAtLeast(n) => Compiled::AgeAtLeast(*n),
        Condition::AgeUnder(n) => Compiled::AgeUnder(*n),
        Condition::NoOtherRule => Compiled::NoOtherRule,
    })
}

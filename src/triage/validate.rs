//! Validating the parsed data files and building [`Knowledge`]: every id
//! unique, every cross-reference resolved, every finding used, one piece of
//! advice per level.
//!
//! A broken data file must fail here, with the file and the item named, and
//! never at the moment someone is checking their symptoms. A test proves the
//! shipped data passes, so `knowledge()` cannot fail in a tested build.

use std::collections::{BTreeSet, HashMap};

use super::compile::{Names, compile};
use super::condition::Condition;
use super::knowledge::{Knowledge, fnv1a32};
use super::level::Level;
use super::model::{Advice, DerivedGroup, Finding, Group, Rule};
use super::read::{
    ADVICE_FILE, AdviceFile, DataError, DataFiles, FINDINGS_FILE, RULES_FILE, RawData, RawRule,
    SOURCES_FILE, invalid,
};
use super::set::{FindingSet, MAX_FINDINGS};

type Keys<'a> = BTreeSet<&'a str>;

impl Knowledge {
    /// Parses and validates the four data files.
    pub fn load(files: &DataFiles<'_>) -> Result<Self, DataError> {
        let raw = RawData::parse(files)?;
        check_unique(
            SOURCES_FILE,
            "source",
            raw.sources.sources.iter().map(|x| x.key.as_str()),
        )?;
        let keys: Keys<'_> = raw.sources.sources.iter().map(|x| x.key.as_str()).collect();
        let f = &raw.findings;
        let findings = ordered_findings(&f.groups, &f.findings, &keys)?;
        let index: HashMap<String, usize> = findings
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect();
        let groups = derived_masks(&f.derived, &index)?;
        let mut used = FindingSet::default();
        for (mask, _) in groups.values() {
            used = used.union(mask);
        }
        let names = Names {
            index: &index,
            groups: &groups,
        };
        let rules = compile_rules(&raw.rules.rules, &names, &keys, &mut used)?;
        check_all_used(&findings, &used)?;
        let advice = advice_per_level(&raw.advice, &keys)?;
        let checksum = fnv1a32(&[files.findings, files.rules, files.advice]);
        let rules_version = format!("{}+{checksum:08x}", raw.rules.version);
        let mut knowledge = Self {
            groups: raw.findings.groups,
            findings,
            derived: raw.findings.derived,
            rules,
            sources: raw.sources.sources,
            advice,
            rules_version,
            index,
            by_urgency: Vec::new(),
            rules_mentioning: Vec::new(),
            watchable: FindingSet::default(),
        };
        knowledge.build_lookups();
        Ok(knowledge)
    }
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
    known: &Keys<'_>,
    required: bool,
) -> Result<(), DataError> {
    if required && keys.is_empty() {
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

/// The findings checked and put in display order: by group, then as listed.
fn ordered_findings(
    groups: &[Group],
    findings: &[Finding],
    keys: &Keys<'_>,
) -> Result<Vec<Finding>, DataError> {
    check_unique(FINDINGS_FILE, "group", groups.iter().map(|g| g.id.as_str()))?;
    check_unique(
        FINDINGS_FILE,
        "finding",
        findings.iter().map(|x| x.id.as_str()),
    )?;
    if findings.len() > MAX_FINDINGS {
        return Err(invalid(
            FINDINGS_FILE,
            "findings",
            format!(
                "{} findings; the engine holds at most {MAX_FINDINGS}",
                findings.len()
            ),
        ));
    }
    let group_pos: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let mut ordered: Vec<(usize, usize, &Finding)> = Vec::with_capacity(findings.len());
    for (i, finding) in findings.iter().enumerate() {
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
        if finding.why.trim().is_empty() {
            return Err(invalid(FINDINGS_FILE, item, "has no help text (why)"));
        }
        if let Some(weeks) = finding.confirm_after_weeks {
            if weeks == 0 {
                return Err(invalid(
                    FINDINGS_FILE,
                    item,
                    "confirm_after_weeks must be at least 1",
                ));
            }
            if !groups[g].history {
                return Err(invalid(
                    FINDINGS_FILE,
                    item,
                    "confirm_after_weeks is only for history boxes (the profile keeps them)",
                ));
            }
        }
        check_sources(FINDINGS_FILE, &item, &finding.sources, keys, true)?;
        ordered.push((g, i, finding));
    }
    ordered.sort_by_key(|(g, i, _)| (*g, *i));
    let ordered: Vec<Finding> = ordered.into_iter().map(|(_, _, x)| x.clone()).collect();
    for group in groups {
        if !ordered.iter().any(|x| x.group == group.id) {
            return Err(invalid(
                FINDINGS_FILE,
                format!("group \"{}\"", group.id),
                "has no findings",
            ));
        }
    }
    Ok(ordered)
}

/// Each derived group as a bit mask, with its member count.
fn derived_masks<'a>(
    derived: &'a [DerivedGroup],
    index: &HashMap<String, usize>,
) -> Result<HashMap<&'a str, (FindingSet, u32)>, DataError> {
    check_unique(
        FINDINGS_FILE,
        "derived group",
        derived.iter().map(|d| d.id.as_str()),
    )?;
    let mut masks = HashMap::new();
    for d in derived {
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
    Ok(masks)
}

fn compile_rules(
    raw_rules: &[RawRule],
    names: &Names<'_>,
    keys: &Keys<'_>,
    used: &mut FindingSet,
) -> Result<Vec<Rule>, DataError> {
    check_unique(RULES_FILE, "rule", raw_rules.iter().map(|x| x.id.as_str()))?;
    let mut rules = Vec::with_capacity(raw_rules.len());
    let mut fallback_rules = 0;
    for raw in raw_rules {
        let item = format!("rule {}", raw.id);
        let level = parse_level(RULES_FILE, &item, &raw.level)?;
        if raw.reason.trim().is_empty() {
            return Err(invalid(RULES_FILE, item, "has no reason text"));
        }
        if raw.action.as_deref().is_some_and(|a| a.trim().is_empty()) {
            return Err(invalid(
                RULES_FILE,
                item,
                "has an empty action line; remove it or write one",
            ));
        }
        check_sources(RULES_FILE, &item, &raw.sources, keys, true)?;
        let d = &raw.doctor;
        if [&d.label, &d.guideline, &d.within]
            .iter()
            .any(|t| t.trim().is_empty())
        {
            return Err(invalid(
                RULES_FILE,
                item,
                "needs a doctor label, guideline and time frame (doctor: (label, guideline, within))",
            ));
        }
        let compiled = compile(&raw.when, names, &item, used)?;
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
            id: raw.id.clone(),
            level,
            when: raw.when.clone(),
            reason: raw.reason.clone(),
            action: raw.action.clone(),
            sources: raw.sources.clone(),
            doctor: raw.doctor.clone(),
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
    Ok(rules)
}

/// Every finding is used by a rule or a derived group, except the ones
/// marked `info_only`, which none may use.
fn check_all_used(findings: &[Finding], used: &FindingSet) -> Result<(), DataError> {
    for (i, finding) in findings.iter().enumerate() {
        let item = || format!("finding \"{}\"", finding.id);
        match (finding.info_only, used.contains(i)) {
            (false, false) => {
                return Err(invalid(
                    FINDINGS_FILE,
                    item(),
                    "no rule and no derived group uses it (mark it info_only if it is only recorded)",
                ));
            }
            (true, true) => {
                return Err(invalid(
                    FINDINGS_FILE,
                    item(),
                    "is marked info_only, but a rule or derived group uses it",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Exactly one piece of advice per level, indexed by `Level::rank()`.
fn advice_per_level(file: &AdviceFile, keys: &Keys<'_>) -> Result<Vec<Advice>, DataError> {
    let mut advice: Vec<Option<Advice>> = vec![None; Level::MOST_URGENT_FIRST.len()];
    for raw in &file.levels {
        let item = format!("advice for \"{}\"", raw.level);
        let level = parse_level(ADVICE_FILE, &item, &raw.level)?;
        if advice[level.rank()].is_some() {
            return Err(invalid(ADVICE_FILE, item, "the level appears twice"));
        }
        check_sources(ADVICE_FILE, &item, &raw.sources, keys, false)?;
        if raw.headline.trim().is_empty() || raw.advice.trim().is_empty() {
            return Err(invalid(
                ADVICE_FILE,
                item,
                "headline and advice must not be empty",
            ));
        }
        advice[level.rank()] = Some(Advice {
            level,
            if_it_appears: raw.if_it_appears.clone(),
            headline: raw.headline.clone(),
            summary: raw.summary.clone(),
            advice: raw.advice.clone(),
            sources: raw.sources.clone(),
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
    Ok(complete)
}

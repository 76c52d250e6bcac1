//! `backlog findings` and `backlog rules`: the vocabulary and the rules,
//! with their sources, for people who want to check what the app does.

use clap::Args;
use serde::Serialize;

use super::{CliError, Out};
use crate::triage::{self, Finding, Group, Knowledge, Source};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct GroupReport<'k> {
    #[serde(flatten)]
    group: &'k Group,
    findings: Vec<&'k Finding>,
}

#[derive(Serialize)]
struct FindingsReport<'k> {
    groups: Vec<GroupReport<'k>>,
    derived: &'k [triage::DerivedGroup],
    rules_version: &'k str,
}

pub fn findings(args: &ListArgs, out: &mut Out) -> Result<(), CliError> {
    let k = triage::knowledge();
    if args.json {
        return out.json(&FindingsReport {
            groups: k
                .groups()
                .iter()
                .map(|g| GroupReport {
                    group: g,
                    findings: k.findings_in(&g.id).collect(),
                })
                .collect(),
            derived: k.derived(),
            rules_version: k.rules_version(),
        });
    }
    for (i, g) in k.groups().iter().enumerate() {
        if i > 0 {
            out.blank()?;
        }
        out.line(format!("{} ({})", g.title, g.id))?;
        for f in k.findings_in(&g.id) {
            out.line(format!("  {}", f.id))?;
            out.wrapped("      ", &f.label)?;
        }
    }
    out.blank()?;
    let info: Vec<&str> = k.info_only().map(|f| f.id.as_str()).collect();
    out.hanging(
        "Recorded only (they change no level): ",
        "  ",
        &info.join(", "),
    )?;
    out.line("Groups used by the rules:")?;
    for d in k.derived() {
        out.hanging(
            &format!("  {:<16}", d.id),
            &" ".repeat(18),
            &d.members.join(", "),
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct RuleReport<'k> {
    id: &'k str,
    level: triage::Level,
    condition: String,
    when: &'k triage::Condition,
    reason: &'k str,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<&'k str>,
    sources: &'k [String],
}

#[derive(Serialize)]
struct RulesReport<'k> {
    rules_version: &'k str,
    rules: Vec<RuleReport<'k>>,
    sources: &'k [Source],
}

pub fn rules(args: &ListArgs, out: &mut Out) -> Result<(), CliError> {
    let k = triage::knowledge();
    if args.json {
        return out.json(&RulesReport {
            rules_version: k.rules_version(),
            rules: k
                .rules()
                .iter()
                .map(|r| RuleReport {
                    id: &r.id,
                    level: r.level,
                    condition: r.when.to_string(),
                    when: &r.when,
                    reason: &r.reason,
                    action: r.action.as_deref(),
                    sources: &r.sources,
                })
                .collect(),
            sources: k.sources(),
        });
    }
    out.line(format!("Rules version {}", k.rules_version()))?;
    for r in k.rules() {
        out.blank()?;
        out.line(format!("{}  {}", r.id, r.level))?;
        out.hanging("    when: ", "          ", &r.when.to_string())?;
        out.wrapped("    ", &r.reason)?;
        if let Some(action) = &r.action {
            out.hanging("    first action: ", "                  ", action)?;
        }
        out.hanging("    sources: ", "             ", &r.sources.join(", "))?;
    }
    out.blank()?;
    print_sources(k, out)
}

fn print_sources(k: &Knowledge, out: &mut Out) -> Result<(), CliError> {
    out.line("Sources:")?;
    for s in k.sources() {
        out.hanging(
            &format!("  {:<16}", s.key),
            &" ".repeat(18),
            &format!("{}. {}, {}. {}", s.title, s.by, s.year, s.url),
        )?;
        if !s.note.is_empty() {
            out.hanging(&" ".repeat(18), &" ".repeat(18), &s.note)?;
        }
    }
    Ok(())
}

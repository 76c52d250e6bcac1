//! The page model, without a PDF: what each section says for a given
//! journal. Fast, and precise about wording and caps.

use backlog::journal::{Journal, Medicine, MedicineKind, MedicineTaken, SavedCheck};
use backlog::summary::{self, Block, RequestError, SectionKind, Summary, SummaryRequest, Tone};
use backlog::triage::knowledge;

use super::entry;
use jiff::civil::{Date, date};
use jiff::{Timestamp, ToSpan, Zoned};

const TODAY: Date = date(2026, 11, 24);

#[expect(clippy::unwrap_used, reason = "test helper: a fixed, valid time")]
fn now() -> Zoned {
    TODAY.at(9, 30, 0, 0).in_tz("UTC").unwrap()
}

#[expect(clippy::unwrap_used, reason = "test helper: fixed, valid times")]
fn at(day: Date, hour: i8) -> Timestamp {
    day.at(hour, 0, 0, 0).in_tz("UTC").unwrap().timestamp()
}

#[expect(clippy::unwrap_used, reason = "test helper: fixed, valid answers")]
fn check(time: Timestamp, findings: &[&str]) -> SavedCheck {
    let k = knowledge();
    let answers = k.answers(58, findings).unwrap();
    SavedCheck::new(time, k, &answers, &k.assess(&answers))
}

#[expect(clippy::unwrap_used, reason = "test helper: the request is valid")]
fn build(j: &Journal) -> Summary {
    summary::build(j, knowledge(), &SummaryRequest::default(), &now()).unwrap()
}

/// All text of one section, one string per block.
fn section_text(s: &Summary, kind: SectionKind) -> String {
    let section = s.section(kind);
    assert!(section.is_some(), "{kind:?} is missing");
    let mut out = String::new();
    for block in section.map(|s| s.blocks.as_slice()).unwrap_or_default() {
        match block {
            Block::Headline { text, .. }
            | Block::Subheading(text)
            | Block::Text { text, .. }
            | Block::Muted(text) => out.push_str(text),
            Block::Field(f) => out.push_str(&f.joined()),
            Block::List(items) => out.push_str(&items.join(" | ")),
            Block::Facts(facts) => {
                out.push_str(
                    &facts
                        .iter()
                        .map(|f| f.joined())
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
            }
            Block::Table(t) => {
                for row in &t.rows {
                    out.push_str(&row.join(" | "));
                    out.push('\n');
                }
                out.push_str(&t.notes.join("\n"));
            }
            Block::Chart(c) => out.push_str(&c.caption),
            Block::BodyMap(m) => out.push_str(&m.caption),
        }
        out.push('\n');
    }
    out
}

fn headline_tone(s: &Summary, kind: SectionKind) -> Option<Tone> {
    s.section(kind)?.blocks.iter().find_map(|b| match b {
        Block::Headline { tone, .. } => Some(*tone),
        _ => None,
    })
}

fn month(first: u8, last: u8) -> Journal {
    let mut j = Journal::new();
    for (i, day) in date(2026, 10, 26).series(1.day()).take(30).enumerate() {
        let pain = if i < 7 {
            first
        } else if i >= 23 {
            last
        } else {
            5
        };
        j.upsert(entry(day, pain));
    }
    j
}

#[test]
fn the_period_defaults_to_the_30_days_ending_today() {
    let p = SummaryRequest::default().period(TODAY);
    assert_eq!(p.map(|p| (p.from, p.to)), Ok((date(2026, 10, 26), TODAY)));
    let r = SummaryRequest {
        to: Some(date(2026, 10, 31)),
        ..SummaryRequest::default()
    };
    assert_eq!(r.period(TODAY).map(|p| p.from), Ok(date(2026, 10, 2)));
}

#[test]
fn backwards_and_future_periods_are_refused_with_how_to_fix() {
    let r = SummaryRequest {
        from: Some(date(2026, 11, 20)),
        to: Some(date(2026, 11, 1)),
        ..SummaryRequest::default()
    };
    let err = r.period(TODAY).err();
    assert!(matches!(err, Some(RequestError::Backwards { .. })));
    assert!(err.is_some_and(|e| {
        e.to_string()
            .contains("choose a start on or before the end")
    }));
    let r = SummaryRequest {
        to: Some(date(2026, 11, 25)),
        ..SummaryRequest::default()
    };
    assert!(matches!(r.period(TODAY), Err(RequestError::Future { .. })));
}

#[test]
fn better_worse_and_no_clear_change_have_their_own_tone() {
    let better = build(&month(8, 4));
    assert_eq!(
        headline_tone(&better, SectionKind::WhatChanged),
        Some(Tone::Calm)
    );
    assert!(section_text(&better, SectionKind::WhatChanged).starts_with("Better:"));
    let worse = build(&month(3, 6));
    assert_eq!(
        headline_tone(&worse, SectionKind::WhatChanged),
        Some(Tone::Caution)
    );
    assert!(section_text(&worse, SectionKind::WhatChanged).contains(
        "Worse: average pain 3.0 in the first 7 days (7 of 7 days logged), 6.0 in the last 7 days (7 of 7 days logged): up 3.0 points, 100%."
    ));
    let same = build(&month(5, 6));
    assert!(section_text(&same, SectionKind::WhatChanged).starts_with("No clear change:"));
}

#[test]
fn too_few_days_at_either_end_is_not_judged() {
    let mut j = Journal::new();
    j.upsert(entry(date(2026, 10, 27), 8));
    for day in date(2026, 11, 18).series(1.day()).take(7) {
        j.upsert(entry(day, 2));
    }
    let text = section_text(&build(&j), SectionKind::WhatChanged);
    assert!(text.starts_with("Not enough entries to compare"), "{text}");
}

#[test]
fn the_doctor_note_is_quoted_only_when_written() {
    let mut j = month(5, 5);
    assert!(
        !section_text(&build(&j), SectionKind::WhatChanged)
            .contains("What I want the doctor to know")
    );
    j.summary_notes.doctor_note = "  It started after my chemotherapy ended.  ".into();
    assert!(
        section_text(&build(&j), SectionKind::WhatChanged)
            .contains("What I want the doctor to know: It started after my chemotherapy ended.")
    );
}

#[test]
fn the_latest_check_leads_with_level_date_reported_symptoms_and_reasons() {
    let mut j = month(5, 5);
    j.checks = vec![
        check(at(date(2026, 11, 1), 10), &["chest_pain"]),
        check(
            at(date(2026, 11, 20), 10),
            &["pain_at_night", "history_cancer_breast"],
        ),
        // Made after "now": a wrong clock; ignored.
        check(at(date(2026, 11, 25), 10), &["legs_weak"]),
    ];
    let s = build(&j);
    let text = section_text(&s, SectionKind::WarningSigns);
    let latest = &j.checks[1];
    let headline = knowledge().advice(latest.level).headline.to_lowercase();
    assert!(
        text.starts_with(&format!(
            "Latest symptom check, 2026-11-20 (in this period), advised: {headline}"
        )),
        "{text}"
    );
    assert!(text.contains("Ticked: night pain"), "{text}");
    assert!(
        !text.contains("Ticked: night pain, breast cancer"),
        "history is not a ticked symptom"
    );
    // Reasons in a doctor's words: id, label, guideline, time frame.
    assert!(
        text.contains("U1 cancer history — NICE NG234: assess within 24 h"),
        "{text}"
    );
    assert_eq!(
        headline_tone(&s, SectionKind::WarningSigns),
        Some(Tone::Caution)
    );
    // The earlier check in the period is there too, with what was ticked.
    assert!(
        text.contains(
            "Earlier checks in this period: 2026-11-01: call an ambulance now (chest pain)"
        ),
        "{text}"
    );
    // Pertinent negatives: asked in the period and not ticked in any check
    // of the period (chest pain was ticked on 2026-11-01).
    let negatives = text
        .lines()
        .find(|l| l.starts_with("Not reported"))
        .unwrap_or_default();
    assert!(
        negatives.starts_with("Not reported (asked in the check of 2026-11-20): breathlessness"),
        "{text}"
    );
    assert!(!negatives.contains("chest pain") && !negatives.contains("night pain"));
}

#[test]
fn a_check_before_the_period_says_so_and_old_rule_ids_are_kept() {
    let mut j = month(5, 5);
    let mut old = check(at(date(2026, 9, 1), 10), &["posture_related"]);
    old.rules = vec!["Z99".into()];
    j.checks = vec![old];
    let text = section_text(&build(&j), SectionKind::WarningSigns);
    assert!(text.contains("2026-09-01 (before this period)"), "{text}");
    assert!(
        text.contains("Z99 (a rule of rules 2.0, since retired)"),
        "{text}"
    );
    assert!(
        text.contains("No symptom check was saved in this period"),
        "{text}"
    );
    // A check older than the period asked nothing about the period.
    assert!(!text.contains("Not reported"), "{text}");
}

#[test]
fn warning_symptoms_in_the_journal_are_listed_with_dates_and_not_as_negatives() {
    let mut j = month(5, 5);
    j.checks = vec![check(at(date(2026, 11, 20), 10), &[])];
    for (i, day) in date(2026, 11, 1).series(1.day()).take(6).enumerate() {
        let mut e = entry(day, 6);
        e.symptoms.insert("night_sweats".into());
        if i == 0 {
            e.symptoms.insert("fever".into());
            // Onset findings are not warning symptoms.
            e.symptoms.insert("after_strain".into());
        }
        j.upsert(e);
    }
    let text = section_text(&build(&j), SectionKind::WarningSigns);
    assert!(text.contains("Fever: 1 day (2026-11-01)"), "{text}");
    assert!(
        text.contains("Night sweats: 6 days (2026-11-01 to 2026-11-06)"),
        "{text}"
    );
    // An onset item is shown, neutrally, not as a warning symptom.
    assert!(
        text.contains("Also noted: Began after a strain or effort: 1 day (2026-11-01)"),
        "{text}"
    );
    let negatives = text
        .lines()
        .find(|l| l.starts_with("Not reported"))
        .unwrap_or_default();
    assert!(
        !negatives.contains("fever") && !negatives.contains("night sweats"),
        "{negatives}"
    );
    assert!(negatives.contains("chest pain"));
}

#[test]
fn without_a_saved_check_no_negatives_are_claimed() {
    let text = section_text(&build(&month(5, 5)), SectionKind::WarningSigns);
    assert!(text.contains("No symptom check saved"));
    assert!(
        text.contains("No symptom check was saved in this period"),
        "{text}"
    );
    assert!(!text.contains("Not reported"));
}

#[test]
fn medicines_show_dose_kind_since_and_relief_and_caps_the_list() {
    let mut j = month(5, 5);
    j.medicines = vec![
        Medicine {
            name: "Naproxen".into(),
            dose: "250 mg".into(),
            kind: MedicineKind::Regular,
            start: Some(date(2026, 9, 1)),
            stop: None,
            ..backlog::journal::Medicine::default()
        },
        // Stopped before the period: not current.
        Medicine {
            name: "Codeine".into(),
            dose: "30 mg".into(),
            kind: MedicineKind::AsNeeded,
            start: Some(date(2026, 1, 1)),
            stop: Some(date(2026, 3, 1)),
            ..backlog::journal::Medicine::default()
        },
    ];
    for day in date(2026, 11, 10).series(1.day()).take(4) {
        let mut e = entry(day, 5);
        e.medicines = vec![
            MedicineTaken {
                name: "naproxen".into(),
                dose: String::new(),
                times: Some(2),
                relief: Some(6),
            },
            MedicineTaken {
                name: "Heat rub".into(),
                dose: "2 cm".into(),
                times: None,
                relief: None,
            },
        ];
        j.upsert(e);
    }
    let text = section_text(&build(&j), SectionKind::Treatments);
    assert!(
        text.contains(
            "Naproxen | 250 mg | regular, 2× a day, since 2026-09-01 | 4 of 30 | 6.0 | –"
        ),
        "{text}"
    );
    assert!(
        text.contains("Heat rub | 2 cm | not on the list | 4 of 30 | – | –"),
        "{text}"
    );
    assert!(!text.contains("Codeine"));

    j.medicines = (0..9)
        .map(|i| Medicine {
            name: format!("Medicine {i}"),
            dose: String::new(),
            kind: MedicineKind::Regular,
            start: None,
            stop: None,
            ..backlog::journal::Medicine::default()
        })
        .collect();
    let s = build(&j);
    let table = s
        .section(SectionKind::Treatments)
        .and_then(|sec| {
            sec.blocks.iter().find_map(|b| match b {
                Block::Table(t) => Some(t.clone()),
                _ => None,
            })
        })
        .unwrap_or_else(|| panic!("no medicine table"));
    // Nine on the list and two taken but not listed: every one has a row,
    // and a compact form for the "Also taken" line.
    assert_eq!(table.rows.len(), 11);
    let overflow = table.overflow.unwrap_or_else(|| panic!("no overflow line"));
    assert_eq!(overflow.items.len(), 11);
    assert_eq!(overflow.label, "Also taken");
}

#[test]
fn history_names_cancer_types_details_and_toggles() {
    let mut j = month(5, 5);
    j.profile.history = [
        "history_cancer_breast",
        "steroids_long_term",
        "heart_history",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    j.profile.cancer_details = "Diagnosed 2019, surgery, no treatment now".into();
    let text = section_text(&build(&j), SectionKind::History);
    assert!(
        text.contains("Cancer: Breast cancer. Diagnosed 2019, surgery, no treatment now"),
        "{text}"
    );
    assert!(
        text.contains("Ticked: Long-term steroid tablets, heart disease"),
        "{text}"
    );
    assert!(
        text.contains("Not ticked: Osteoporosis or fragility fracture, weakened immune system"),
        "{text}"
    );
    // The header names the cancer and the year from the details.
    let header: Vec<String> = build(&j).header.facts.iter().map(|f| f.joined()).collect();
    assert!(
        header.contains(&"Cancer: breast cancer (2019)".to_owned()),
        "{header:?}"
    );
}

#[test]
fn questions_skip_blanks_and_keep_at_most_five() {
    let mut j = month(5, 5);
    j.summary_notes.questions = vec!["  ".into(), "Do I need a scan?".into()];
    let text = section_text(&build(&j), SectionKind::Questions);
    assert_eq!(text.trim(), "Do I need a scan?");
    j.summary_notes.questions = Vec::new();
    assert_eq!(
        section_text(&build(&j), SectionKind::Questions).trim(),
        "No questions written."
    );
}

#[test]
fn the_footer_counts_days_logged_and_back_filled_entries() {
    let mut j = month(5, 5);
    for day in [date(2026, 11, 1), date(2026, 11, 2)] {
        let mut e = entry(day, 5);
        e.created = at(day.checked_add(3.days()).unwrap_or(day), 9);
        j.upsert(e);
    }
    // Written the next morning: not back-filled.
    let mut e = entry(date(2026, 11, 3), 5);
    e.created = at(date(2026, 11, 4), 8);
    j.upsert(e);
    let s = build(&j);
    assert_eq!(s.footer.lines[0], "Days logged: 30 of 30 in the period.");
    assert_eq!(
        s.footer.lines[1],
        "2 entries were written more than a day after the day they describe."
    );
}

#[test]
fn the_pain_picture_has_the_figures_and_the_chart_series() {
    let s = build(&month(8, 4));
    let chart = s.section(SectionKind::PainPicture).and_then(|sec| {
        sec.blocks.iter().find_map(|b| match b {
            Block::Chart(c) => Some(c.clone()),
            _ => None,
        })
    });
    assert!(
        chart
            .as_ref()
            .is_some_and(|c| c.daily.len() == 30 && c.rolling.len() == 30)
    );
    let text = section_text(&s, SectionKind::PainPicture);
    // Lowest and highest on the same basis as the bars (the day's average).
    assert!(
        text.contains("Lowest to highest daily average: 4 to 8"),
        "{text}"
    );
    assert!(text.contains("Worst moment (peak score): 8"), "{text}");
    assert!(text.contains("Days with pain 7+: 7"), "{text}");
    // Week by week: days logged, pain, nights woken, relief.
    assert!(
        text.contains("10-26 to 10-27 | 2 of 2 | 8.0 | 0 | –"),
        "{text}"
    );
}

fn body_map(s: &Summary) -> Option<summary::BodyMap> {
    s.section(SectionKind::PainPicture)?
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::BodyMap(m) => Some(m.clone()),
            _ => None,
        })
}

#[test]
fn the_body_figure_counts_the_days_each_region_was_marked() {
    use backlog::journal::Region;
    assert_eq!(
        body_map(&build(&month(5, 5))),
        None,
        "nothing marked, no figure"
    );
    let mut j = Journal::new();
    for (i, day) in date(2026, 11, 1).series(1.day()).take(10).enumerate() {
        let mut e = entry(day, 5);
        e.regions.insert(Region::MidBack);
        if i < 3 {
            e.regions.insert(Region::ChestWallLeft);
        }
        j.upsert(e);
    }
    let Some(map) = body_map(&build(&j)) else {
        panic!("marked regions draw the figure");
    };
    assert_eq!(
        map.counts,
        vec![(Region::MidBack, 10), (Region::ChestWallLeft, 3)]
    );
    assert_eq!(map.days_logged, 10);
    assert!(
        map.caption.contains("Middle of the back (10 days)"),
        "{}",
        map.caption
    );
}

#[test]
fn plain_text_holds_every_section_for_the_preview() {
    let s = build(&month(8, 4));
    let text = s.plain_text();
    for kind in SectionKind::READING_ORDER {
        let title = s.section(kind).map(|s| s.title.clone()).unwrap_or_default();
        assert!(text.contains(&title), "{title}");
    }
    assert!(text.contains("Kept by the patient — not a diagnosis."));
}

#[test]
fn nights_woken_count_as_night_pain() {
    let mut j = month(5, 5);
    // Woken on three nights; "night pain" never ticked, not even in the
    // check of the period.
    for day in [date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 9)] {
        let mut e = entry(day, 5);
        e.woke_at_night = true;
        j.upsert(e);
    }
    j.checks = vec![check(at(date(2026, 11, 20), 10), &[])];
    let text = section_text(&build(&j), SectionKind::WarningSigns);
    assert!(
        text.contains("Night pain: 3 of 30 logged days (woken at night 3 nights)"),
        "{text}"
    );
    let negatives = text
        .lines()
        .find(|l| l.starts_with("Not reported"))
        .unwrap_or_default();
    assert!(!negatives.contains("night pain"), "{text}");
}

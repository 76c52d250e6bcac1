//! The printed summary, read back from the PDF bytes with a Rust text
//! extractor (pdf-extract): every section is there, for a realistic month,
//! an empty journal, ten years of data, a messy journal, on A4 and Letter.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers build fixtures; a panic there is a failing test"
)]
use std::collections::BTreeSet;

use backlog::journal::{Entry, Journal, MedicineKind, MedicineTaken, SavedCheck, sample};
use backlog::summary::{self, Paper, SectionKind, SummaryRequest, pdf};
use backlog::triage::knowledge;

use super::entry;
use jiff::civil::{Date, date};
use jiff::{ToSpan, Zoned};

const TODAY: Date = date(2026, 11, 24);

fn now() -> Zoned {
    TODAY.at(9, 30, 0, 0).in_tz("UTC").unwrap()
}

/// The PDF's text with all whitespace removed: line breaks fall anywhere,
/// so phrases are compared without spaces.
fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

struct Printed {
    pages: Vec<String>,
    bytes: Vec<u8>,
    report: pdf::Report,
    summary: summary::Summary,
}

impl Printed {
    fn first(&self) -> String {
        squash(&self.pages[0])
    }

    fn has(&self, phrase: &str) -> bool {
        self.first().contains(&squash(phrase))
    }

    fn assert_has(&self, phrases: &[&str]) {
        let text = self.first();
        for p in phrases {
            assert!(
                text.contains(&squash(p)),
                "page 1 lacks {p:?}; it reads:\n{}",
                self.pages[0]
            );
        }
    }
}

fn print(journal: &Journal, request: &SummaryRequest) -> Printed {
    print_named(journal, request, None)
}

/// With `SUMMARY_PDF_DIR` set, also writes the PDF there to be looked at
/// (`pdftoppm -r 80 -png`).
/// Page 1 plus the pages that only exist when page 1 is full: the full
/// references, and the sections that had to move.
fn summary_pages(report: &pdf::Report) -> usize {
    1 + usize::from(report.sources_page) + usize::from(!report.moved.is_empty())
}

fn print_named(journal: &Journal, request: &SummaryRequest, name: Option<&str>) -> Printed {
    let summary = summary::build(journal, knowledge(), request, &now()).unwrap();
    let (bytes, report) = pdf::render_with_report(&summary).unwrap();
    if let (Some(dir), Some(name)) = (std::env::var_os("SUMMARY_PDF_DIR"), name) {
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.pdf")),
            &bytes,
        )
        .unwrap();
    }
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert_eq!(
        pages.len(),
        report.pages,
        "the report counts the real pages"
    );
    Printed {
        pages,
        bytes,
        report,
        summary,
    }
}

/// A saved symptom check made `days_ago` days before today.
fn check(days_ago: i64, age: i64, findings: &[&str]) -> SavedCheck {
    let k = knowledge();
    let answers = k.answers(age, findings).unwrap();
    let assessment = k.assess(&answers);
    let time = now()
        .timestamp()
        .checked_sub((days_ago * 24).hours())
        .unwrap();
    SavedCheck::new(time, k, &answers, &assessment)
}

fn month() -> Journal {
    let mut j = sample::journal(TODAY, 30, 7);
    j.checks = vec![
        check(20, 58, &["chest_pain"]),
        check(
            4,
            58,
            &["pain_at_night", "not_better_2wk", "history_osteoporosis"],
        ),
    ];
    j
}

fn media_box(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let start = text.find("/MediaBox").unwrap();
    let end = start + text[start..].find(']').unwrap();
    text[start..=end].to_string()
}

#[test]
fn a_realistic_month_fills_every_section_on_one_page() {
    let j = month();
    let p = print_named(&j, &SummaryRequest::default(), Some("month"));
    assert_eq!(p.report.pages, summary_pages(&p.report));
    assert!(
        p.report.moved.is_empty(),
        "{:?} left page 1",
        p.report.moved
    );
    assert!(!p.report.overflow);
    assert_inside_the_margins(&p.report);
    // 1. Header.
    p.assert_has(&[
        "Upper back pain: appointment summary",
        "Alex Sample",
        "2026-10-26 to 2026-11-24 (30 days)",
        "Printed 2026-11-24",
        "Kept by the patient — not a diagnosis.",
        &format!("rules {}", knowledge().rules_version()),
    ]);
    // 2. What changed.
    p.assert_has(&[
        "WHAT CHANGED",
        "first 7 days",
        "last 7 days",
        "2 points or 30%",
    ]);
    assert!(
        ["Better:", "Worse:", "No clear change:"]
            .iter()
            .any(|v| p.has(v)),
        "a verdict is given"
    );
    p.assert_has(&[
        "What I want the doctor to know",
        "The pain wakes me most nights",
    ]);
    // 3. Warning signs.
    p.assert_has(&[
        "WARNING SIGNS",
        &format!(
            "Latest symptom check, 2026-11-20 (in this period), advised: {}",
            knowledge()
                .advice(j.checks[1].level)
                .headline
                .to_lowercase()
        ),
        "Ticked night pain, not better after 2 weeks",
        "Not reported (asked in the check of 2026-11-20)",
        "saddle numbness",
        "Recorded in the journal, 2026-10-26 to 2026-11-24",
    ]);
    // The fired rules in a doctor's words, and their sources listed.
    let latest = &j.checks[1];
    assert!(!latest.rules.is_empty());
    for id in &latest.rules {
        let rule = knowledge().rule(id).unwrap();
        p.assert_has(&[&format!("{} {}", rule.id, rule.doctor.label)]);
        for key in &rule.sources {
            p.assert_has(&[key]);
        }
    }
    // The earlier check in the period (chest pain) is there, and so chest
    // pain is not "not reported".
    p.assert_has(&[
        "Earlier checks in this period",
        "call an ambulance now (chest pain)",
    ]);
    let negatives = p.first();
    let negatives = &negatives[negatives.find("Notreported(").unwrap()..];
    assert!(!negatives.starts_with(&squash(
        "Not reported (asked in the check of 2026-11-20): chest pain"
    )));
    // 4. Pain picture.
    p.assert_has(&[
        "PAIN PICTURE",
        "7-day average",
        "Pain 0",
        "Not logged",
        "Average pain",
        "Lowest to highest daily average",
        "Worst moment (peak score)",
        "Days with pain 7+",
        "Nights woken",
        "Where it hurts",
    ]);
    // 5. Medicines.
    p.assert_has(&[
        "MEDICINES AND TREATMENTS",
        "Ibuprofen",
        "400 mg",
        "Paracetamol",
        "regular",
    ]);
    // Both medicines with their days and relief, in a row or on the
    // compact line (the new look's headings leave room for one row).
    p.assert_has(&["13 of 30", "3.4"]);
    assert!(p.has("Ibuprofen 400 mg (30 days, relief 4.9)") || p.has("as needed"));
    // 6. History.
    p.assert_has(&[
        "RELEVANT HISTORY",
        "Ticked Osteoporosis or fragility fracture",
        "Not ticked Long-term steroid tablets, weakened immune system",
    ]);
    // 7. Questions.
    p.assert_has(&[
        "MY QUESTIONS",
        "Should I have an X-ray?",
        "Is it safe to keep swimming?",
    ]);
    // 8. Footer.
    let st = backlog::journal::stats::period_stats(
        j.entries(),
        backlog::journal::stats::Period::ending(TODAY, 30),
    );
    p.assert_has(&[
        &format!("Days logged: {} of 30", st.days_logged),
        "more than a day after",
    ]);
}

#[test]
fn the_verdict_follows_the_two_point_rule() {
    // Pain 7 for the first week, 3 for the last: better by 4 points.
    let mut j = Journal::new();
    for (i, day) in Date::constant(2026, 10, 26)
        .series(1.day())
        .take(30)
        .enumerate()
    {
        let pain = if i < 7 {
            7
        } else if i >= 23 {
            3
        } else {
            5
        };
        j.upsert(entry(day, pain));
    }
    let p = print(&j, &SummaryRequest::default());
    p.assert_has(&["Better: average pain 7.0 in the first 7 days (7 of 7 days logged), 3.0 in the last 7 days (7 of 7 days logged): down 4.0 points, 57%."]);
    // 5 → 6 is neither 2 points nor 30%.
    let mut j = Journal::new();
    for (i, day) in Date::constant(2026, 10, 26)
        .series(1.day())
        .take(30)
        .enumerate()
    {
        j.upsert(entry(day, if i < 7 { 5 } else { 6 }));
    }
    print(&j, &SummaryRequest::default()).assert_has(&["No clear change:"]);
}

#[test]
fn an_empty_journal_still_gives_a_useful_page() {
    let p = print_named(&Journal::new(), &SummaryRequest::default(), Some("empty"));
    assert_eq!(p.report.pages, 1);
    p.assert_has(&[
        "Upper back pain: appointment summary",
        "Kept by the patient — not a diagnosis.",
        "No entries in this period, so there is no change to report.",
        "No symptom check saved",
        "No entries in this period",
        "No medicines recorded for this period",
        "Cancer Not reported",
        "no warning symptoms recorded",
        "No questions written",
        "Days logged: 0 of 30",
    ]);
    assert!(!p.has("Name"), "no name line when none is set");
}

#[test]
fn ten_years_of_data_keeps_the_essentials_on_page_one() {
    let j = sample::journal(TODAY, 3650, 11);
    let request = SummaryRequest {
        from: Some(TODAY.checked_sub(3649.days()).unwrap()),
        ..SummaryRequest::default()
    };
    let p = print_named(&j, &request, Some("ten-years"));
    assert_eq!(p.report.pages, summary_pages(&p.report));
    assert!(!p.report.overflow);
    assert_inside_the_margins(&p.report);
    p.assert_has(&[
        "(3650 days)",
        "WHAT CHANGED",
        "WARNING SIGNS",
        "MEDICINES AND TREATMENTS",
        "Days logged:",
    ]);
    assert_moved_sections_are_on_page_two(&p);
    // The full references come after the moved sections, and page 1 says
    // on which page.
    if p.report.sources_page {
        let page = 2 + usize::from(!p.report.moved.is_empty());
        p.assert_has(&[&format!("the full references are on page {page}")]);
        assert!(squash(&p.pages[page - 1]).contains("Sourcesbehindthewarningsigns"));
    }
}

/// Sections page 1 could not hold are on page 2, and page 1 says so;
/// the others are on page 1.
fn assert_moved_sections_are_on_page_two(p: &Printed) {
    for (kind, title) in [
        (SectionKind::PainPicture, "PAIN PICTURE"),
        (SectionKind::History, "RELEVANT HISTORY"),
        (SectionKind::Questions, "MY QUESTIONS"),
        (SectionKind::Treatments, "MEDICINES AND TREATMENTS"),
    ] {
        if p.report.moved.contains(&kind) {
            p.assert_has(&["Continued on page 2", &title.to_lowercase()]);
            assert!(squash(&p.pages[1]).contains(&squash(title)), "{title}");
        } else {
            p.assert_has(&[title]);
        }
    }
}

#[test]
fn paper_sizes_are_a4_and_letter() {
    let j = month();
    let a4 = print(
        &j,
        &SummaryRequest {
            paper: Some(Paper::A4),
            ..SummaryRequest::default()
        },
    );
    assert_eq!(media_box(&a4.bytes), "/MediaBox[0 0 595.28 841.89]");
    let letter = print(
        &j,
        &SummaryRequest {
            paper: Some(Paper::Letter),
            ..SummaryRequest::default()
        },
    );
    assert_eq!(media_box(&letter.bytes), "/MediaBox[0 0 612 792]");
    // The same sections on both.
    for p in [&a4, &letter] {
        assert_eq!(p.report.pages, summary_pages(&p.report));
        p.assert_has(&[
            "WHAT CHANGED",
            "WARNING SIGNS",
            "PAIN PICTURE",
            "MEDICINES AND TREATMENTS",
            "RELEVANT HISTORY",
            "MY QUESTIONS",
            "Sources",
        ]);
    }
    // Without a choice, the profile's paper (Letter in the sample).
    let default = print(&j, &SummaryRequest::default());
    assert_eq!(default.summary.paper, Paper::Letter);
}

/// Long notes, many medicines, accented names, every warning symptom.
fn messy() -> Journal {
    let mut j = sample::journal(TODAY, 30, 3);
    j.profile.name = Some("Zoë Ñúñez-Müller Ødegård-Straße, geb. Łukasiewicz-Dvořáková".into());
    j.profile.history = knowledge()
        .findings()
        .iter()
        .filter(|f| knowledge().is_history(&f.id))
        .map(|f| f.id.clone())
        .collect();
    j.profile.cancer_details = "Breast cancer 2014, lumpectomy and radiotherapy; prostate? no. Thyroid cancer 2019 treated with radio-iodine; still on letrozole and followed by the oncology team at Hôpital Saint-Éloi every six months. ".repeat(4);
    j.summary_notes.doctor_note = "Ich möchte, dass Sie wissen: the pain between my shoulder blades has changed in character over the last fortnight and now wakes me almost every night, and I have had drenching sweats. ".repeat(12);
    j.summary_notes.questions = (1..=5)
        .map(|i| format!("Question {i}: could the burning pain under my left shoulder blade that spreads around my ribs like a belt be related to my earlier cancer, and what should I watch for at night?"))
        .collect();
    j.medicines = (1..=14)
        .map(|i| backlog::journal::Medicine {
            name: format!("Médicament très long numéro {i} (Paracétamol-codéine retard)"),
            dose: "500 mg / 30 mg, two tablets up to four times a day".into(),
            kind: if i % 2 == 0 {
                MedicineKind::Regular
            } else {
                MedicineKind::AsNeeded
            },
            start: Some(date(2025, 1, 1)),
            stop: None,
            ..backlog::journal::Medicine::default()
        })
        .collect();
    let symptoms: BTreeSet<String> = backlog::summary::wording::MAIN_WARNING_SIGNS
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let entries: Vec<Entry> = j.entries().to_vec();
    for mut e in entries {
        e.note = "Très mauvaise nuit. ".repeat(300);
        e.symptoms = symptoms.clone();
        e.tags = (0..10)
            .map(|i| format!("activité épuisante numéro {i}"))
            .collect();
        e.treatments = (0..10).map(|i| format!("traitement spécial {i}")).collect();
        e.medicines = (1..=14)
            .map(|i| MedicineTaken {
                name: format!("Médicament très long numéro {i} (Paracétamol-codéine retard)"),
                dose: String::new(),
                times: Some(2),
                relief: Some(3),
            })
            .collect();
        j.upsert(e);
    }
    j.checks = vec![check(
        1,
        58,
        &[
            "pain_at_night",
            "pain_constant_progressive",
            "weight_loss",
            "night_sweats",
            "legs_weak",
            "fever",
            "history_cancer_breast",
            "steroids_long_term",
        ],
    )];
    j
}

/// Every run of text starts and ends inside the margins (half a point of
/// rounding allowed).
fn assert_inside_the_margins(report: &pdf::Report) {
    let (left, top, right, bottom) = report.content_box;
    assert!(!report.first_page_text.is_empty());
    for t in &report.first_page_text {
        assert!(
            t.x >= left - 0.5,
            "{:?} starts left of the margin ({})",
            t.text,
            t.x
        );
        assert!(
            t.x + t.width <= right + 0.5,
            "{:?} runs past the right margin ({})",
            t.text,
            t.x + t.width
        );
        assert!(
            t.y - t.size >= top - 0.5,
            "{:?} is above the top margin",
            t.text
        );
        assert!(
            t.y <= bottom + 0.5,
            "{:?} is below the bottom margin ({})",
            t.text,
            t.y
        );
    }
}

#[test]
fn a_messy_journal_fits_one_page_and_keeps_its_accents() {
    let j = messy();
    for paper in Paper::ALL {
        let request = SummaryRequest {
            paper: Some(paper),
            ..SummaryRequest::default()
        };
        let p = print_named(&j, &request, Some(&format!("messy-{}", paper.id())));
        assert_eq!(p.report.pages, summary_pages(&p.report), "{paper:?}");
        assert!(!p.report.overflow, "{paper:?}: the page had to be cut");
        assert_inside_the_margins(&p.report);
        p.assert_has(&[
            "Zoë Ñúñez-Müller",
            "Ich möchte",
            "Médicament très long numéro 1",
        ]);
        assert_moved_sections_are_on_page_two(&p);
        let questions = usize::from(p.report.moved.contains(&SectionKind::Questions));
        assert!(squash(&p.pages[questions]).contains("Question5"));
        // Every warning symptom recorded is on page 1.
        let first = p.first().to_lowercase();
        for id in backlog::summary::wording::MAIN_WARNING_SIGNS {
            let label = backlog::summary::wording::short_label(knowledge(), id);
            assert!(
                first.contains(&squash(&label).to_lowercase()),
                "{paper:?}: {label} is not on page 1"
            );
        }
        // All 14 medicines are on page 1, in rows or on the "Also taken" line.
        for i in 1..=14 {
            p.assert_has(&[&format!("numéro {i} (Paracétamol-codéine retard)")]);
        }
        p.assert_has(&[
            "Latest symptom check, 2026-11-23",
            "Sources behind the warning signs",
        ]);
        // Cut text ends with an ellipsis.
        assert!(p.pages[0].contains('…'));
    }
}

/// Every symptom ticked, in the check and on every day: page 1 cannot
/// hold the warning signs even with every other section moved, so they
/// continue on page 2. Nothing is cut, and the advice stays on page 1.
#[test]
fn every_warning_sign_ticked_continues_on_page_two_and_nothing_is_cut() {
    let k = knowledge();
    let symptoms: BTreeSet<String> = k
        .findings()
        .iter()
        .filter(|f| !k.is_history(&f.id))
        .map(|f| f.id.clone())
        .collect();
    let ids: Vec<&str> = k.findings().iter().map(|f| f.id.as_str()).collect();
    let mut j = sample::journal(TODAY, 30, 3);
    for mut e in j.entries().to_vec() {
        e.symptoms = symptoms.clone();
        j.upsert(e);
    }
    let saved = check(1, 60, &ids);
    j.checks = vec![saved.clone()];
    for paper in Paper::ALL {
        let request = SummaryRequest {
            paper: Some(paper),
            ..SummaryRequest::default()
        };
        let p = print_named(&j, &request, Some(&format!("every-sign-{}", paper.id())));
        assert!(!p.report.overflow, "{paper:?}: the page had to be cut");
        assert_inside_the_margins(&p.report);
        assert!(
            p.report.moved.contains(&SectionKind::WarningSigns),
            "{paper:?}: {:?}",
            p.report.moved
        );
        p.assert_has(&[
            "Latest symptom check, 2026-11-23",
            "call an ambulance now",
            "Continued on page 2: warning signs",
        ]);
        assert!(squash(&p.pages[1]).contains("WARNINGSIGNS(CONTINUED)"));
        // Every rule the check fired is printed, on page 1 or after it.
        let all: String = p.pages.iter().map(|t| squash(t)).collect();
        for id in &saved.rules {
            let rule = k.rule(id).unwrap();
            let words = squash(&format!("{} {}", rule.id, rule.doctor.label));
            assert!(all.contains(&words), "{paper:?}: {id} is missing");
        }
    }
}

#[test]
fn every_page_model_lists_sections_in_reading_order() {
    let s = summary::build(&month(), knowledge(), &SummaryRequest::default(), &now()).unwrap();
    let kinds: Vec<SectionKind> = s.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, SectionKind::READING_ORDER);
}

#[test]
fn with_entries_adds_a_table_of_every_day() {
    let j = month();
    let request = SummaryRequest {
        with_entries: true,
        ..SummaryRequest::default()
    };
    let p = print_named(&j, &request, Some("with-entries"));
    assert!(p.report.pages >= 2);
    let rest: String = p.pages[1..].iter().map(|t| squash(t)).collect();
    assert!(rest.contains(&squash("Every day in the period")));
    for e in j.entries_between(date(2026, 10, 26), TODAY) {
        assert!(rest.contains(&e.date.to_string()), "{} is missing", e.date);
    }
    assert!(
        p.first()
            .contains(&squash(&format!("Page 1 of {}", p.report.pages)))
    );
    // Without the flag, no table of days.
    let plain = print(&j, &SummaryRequest::default());
    assert_eq!(plain.report.pages, summary_pages(&plain.report));
}

#[test]
fn a_year_of_entries_paginates_with_the_header_on_each_page() {
    let j = sample::journal(TODAY, 365, 5);
    let request = SummaryRequest {
        from: Some(TODAY.checked_sub(364.days()).unwrap()),
        with_entries: true,
        ..SummaryRequest::default()
    };
    let p = print(&j, &request);
    assert!(p.report.pages >= 5, "{} pages", p.report.pages);
    let skip = summary_pages(&p.report);
    for (i, page) in p.pages.iter().enumerate().skip(1) {
        let page = squash(page);
        // Every later page names whose summary it is and its number.
        assert!(page.contains("AlexSample"), "page {} has the name", i + 1);
        assert!(
            page.contains(&format!("Page{}of{}", i + 1, p.report.pages)),
            "page {} is numbered",
            i + 1
        );
        if i >= skip {
            assert!(page.contains("Symptomsandnotes"), "column titles repeat");
        }
    }
}

#[test]
fn the_same_journal_gives_the_same_bytes() {
    let j = month();
    let a = print(&j, &SummaryRequest::default()).bytes;
    let b = print(&j, &SummaryRequest::default()).bytes;
    assert_eq!(a, b);
}

#[test]
fn the_pdf_is_tagged_for_screen_readers() {
    let p = print(&month(), &SummaryRequest::default());
    let raw = String::from_utf8_lossy(&p.bytes);
    assert!(raw.contains("/StructTreeRoot"), "a tag tree");
    assert!(raw.contains("/MarkInfo<</Marked true"), "marked content");
    assert_eq!(raw.matches("/S/H1").count(), 1, "one title");
    let pages_headings = usize::from(p.report.sources_page);
    assert_eq!(
        raw.matches("/S/H2").count(),
        6 + pages_headings,
        "a heading per section (and the page of sources)"
    );
    assert!(raw.contains("/S/Figure"), "the chart is a figure");
    assert!(raw.contains("/Alt"), "with a description");
    assert!(raw.contains("/Lang(en)"), "in English");
}

/// The fill drawn behind the first text on page 1 that starts with
/// `text`: the smallest filled rectangle around it.
fn fill_behind(p: &Printed, text: &str) -> f32 {
    let t = p
        .report
        .first_page_text
        .iter()
        .find(|t| t.text.starts_with(text))
        .unwrap_or_else(|| panic!("no text {text:?} on page 1"));
    let (x, y) = (t.x + 1.0, t.y - t.size * 0.3);
    p.report
        .first_page_fills
        .iter()
        .filter(|f| f.contains(x, y))
        .min_by(|a, b| (a.w * a.h).total_cmp(&(b.w * b.h)))
        .map_or(1.0, |f| f.gray)
}

#[test]
fn the_emergency_box_differs_from_a_neutral_box_in_grey() {
    // The latest check in the period advised an ambulance.
    let mut j = month();
    j.checks = vec![check(2, 58, &["chest_pain"])];
    let p = print(&j, &SummaryRequest::default());
    let urgent = fill_behind(&p, "Latest symptom check");
    let neutral = fill_behind(&p, "No clear change");
    // In a grey print the urgent box is dark (white text on it), the
    // neutral one light: far apart, not two shades of pale.
    assert!(urgent < 0.35, "urgent box grey {urgent}");
    assert!(neutral > 0.8, "neutral box grey {neutral}");
    let on_urgent = p
        .report
        .first_page_text
        .iter()
        .find(|t| t.text.starts_with("Latest symptom check"))
        .map(|t| t.gray);
    assert!(on_urgent.is_some_and(|g| g > 0.9), "{on_urgent:?}");
}

//! The one-page promise under random input: whatever the journal holds
//! (long names, long words, many medicines, every symptom), the summary is
//! one page and every run of text stays inside the margins.

use std::collections::BTreeSet;

use backlog::journal::{Medicine, MedicineKind, MedicineTaken, SavedCheck, sample};
use backlog::summary::{self, Block, Paper, Section, SummaryRequest, pdf};
use backlog::triage::knowledge;
use jiff::Zoned;
use jiff::civil::{Date, date};
use proptest::prelude::*;

const TODAY: Date = date(2026, 11, 24);

#[expect(clippy::unwrap_used, reason = "test helper: a fixed, valid time")]
fn now() -> Zoned {
    TODAY.at(9, 30, 0, 0).in_tz("UTC").unwrap()
}

fn assert_inside(report: &pdf::Report) -> Result<(), TestCaseError> {
    let (left, top, right, bottom) = report.content_box;
    for t in &report.first_page_text {
        prop_assert!(t.x >= left - 0.5, "{:?} starts at {}", t.text, t.x);
        prop_assert!(
            t.x + t.width <= right + 0.5,
            "{:?} ends at {}",
            t.text,
            t.x + t.width
        );
        prop_assert!(t.y - t.size >= top - 0.5, "{:?} above the top", t.text);
        prop_assert!(t.y <= bottom + 0.5, "{:?} below the bottom", t.text);
    }
    Ok(())
}

/// Latin text with accents, spaces, and sometimes very long words.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[a-zA-ZéüñøßÅÆ .,;:()/-]{{0,{max}}}"))
            .unwrap_or_else(|_| unreachable!()),
        proptest::string::string_regex(&format!("[a-zé]{{0,{max}}}"))
            .unwrap_or_else(|_| unreachable!()),
    ]
}

fn finding_ids() -> Vec<String> {
    knowledge()
        .findings()
        .iter()
        .map(|f| f.id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_journal_prints_on_one_page_inside_the_margins(
        name in text(120),
        note in text(1500),
        questions in proptest::collection::vec(text(300), 0..=5),
        medicines in 0usize..20,
        med_name in text(90),
        entry_note in text(400),
        symptoms in proptest::collection::btree_set(0usize..58, 0..=58),
        days in 1u32..60,
        letter in any::<bool>(),
        with_check in any::<bool>(),
    ) {
        let ids = finding_ids();
        let mut j = sample::journal(TODAY, days, 9);
        j.profile.name = Some(name);
        j.profile.cancer_details = note.clone();
        j.summary_notes.doctor_note = note;
        j.summary_notes.questions = questions;
        j.medicines = (0..medicines)
            .map(|i| Medicine {
                name: format!("{med_name} {i}"),
                dose: med_name.clone(),
                kind: if i % 2 == 0 { MedicineKind::Regular } else { MedicineKind::AsNeeded },
                start: None,
                stop: None,
                ..backlog::journal::Medicine::default()
            })
            .collect();
        let chosen: BTreeSet<String> = symptoms.iter().filter_map(|i| ids.get(*i).cloned()).collect();
        for mut e in j.entries().to_vec() {
            e.note = entry_note.clone();
            e.symptoms = chosen.clone();
            e.tags = vec![entry_note.chars().take(60).collect()];
            e.medicines.push(MedicineTaken {
                name: med_name.clone(),
                dose: med_name.clone(),
                times: Some(1),
                relief: Some(5),
            });
            j.upsert(e);
        }
        if with_check {
            let k = knowledge();
            let answers = k.answers(60, chosen.iter()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            j.checks = vec![SavedCheck::new(now().timestamp(), k, &answers, &k.assess(&answers))];
        }
        let request = SummaryRequest {
            paper: Some(if letter { Paper::Letter } else { Paper::A4 }),
            ..SummaryRequest::default()
        };
        let s = summary::build(&j, knowledge(), &request, &now()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (bytes, report) = pdf::render_with_report(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(bytes.starts_with(b"%PDF-"));
        // Page 1, plus the full references and the pages of the sections
        // that may wait when page 1 is full; nothing is ever cut.
        prop_assert!(
            report.pages >= 1 + usize::from(report.sources_page) + usize::from(!report.moved.is_empty())
        );
        prop_assert!(!report.overflow, "the built page had to be cut");
        assert_inside(&report)?;
    }
}

/// A month's summary whose questions section is built by hand, past the
/// caps the model keeps to.
fn month_with_questions(title: &str, blocks: Vec<Block>) -> summary::Summary {
    let mut s = summary::build(
        &sample::journal(TODAY, 30, 1),
        knowledge(),
        &SummaryRequest::default(),
        &now(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    s.sections
        .retain(|sec| sec.kind != summary::SectionKind::Questions);
    s.sections.push(Section {
        keep_whole: false,
        kind: summary::SectionKind::Questions,
        title: title.into(),
        blocks,
    });
    s
}

/// A model built by hand without the caps: the renderer still keeps to the
/// page, leaves out what cannot fit, and says so.
#[test]
fn an_uncapped_model_is_cut_at_the_footer_not_drawn_off_the_page() {
    let items: Vec<String> = (0..200).map(|i| format!("Question number {i}")).collect();
    let s = month_with_questions("Too much", vec![Block::List(items)]);
    let (bytes, report) = pdf::render_with_report(&s).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(report.overflow);
    // The questions moved to page 2, and were cut there.
    assert_eq!(report.moved, vec![summary::SectionKind::Questions]);
    assert_eq!(report.pages, 2 + usize::from(report.sources_page));
    let (left, top, right, bottom) = report.content_box;
    for t in &report.first_page_text {
        assert!(
            t.x >= left - 0.5 && t.x + t.width <= right + 0.5,
            "{:?}",
            t.text
        );
        assert!(
            t.y - t.size >= top - 0.5 && t.y <= bottom + 0.5,
            "{:?}",
            t.text
        );
    }
    // The footer is still there, at the bottom.
    assert!(
        report
            .first_page_text
            .iter()
            .any(|t| t.text.starts_with("Days logged"))
    );
}

/// A moved section taller than a whole page continues on the next page,
/// split between its blocks, rather than being cut.
#[test]
fn a_moved_section_taller_than_a_page_continues_on_the_next() {
    let blocks: Vec<Block> = (0..200)
        .map(|i| Block::List(vec![format!("Question number {i}")]))
        .collect();
    let s = month_with_questions("Many questions", blocks);
    let (bytes, report) = pdf::render_with_report(&s).unwrap_or_else(|e| panic!("{e}"));
    assert!(!report.overflow, "a section of many blocks was cut");
    assert_eq!(report.moved, vec![summary::SectionKind::Questions]);
    // Two pages or more of questions after page 1.
    assert!(report.pages >= 3 + usize::from(report.sources_page));
    let pages =
        pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pages.len(), report.pages);
    let later: String = pages[1..].concat();
    assert!(later.contains("MANY QUESTIONS (CONTINUED)"));
    assert!(!later.contains("(CONTINUED) (CONTINUED)"));
    for i in [0, 99, 199] {
        assert!(later.contains(&format!("Question number {i}")), "{i}");
    }
}

//! `cargo bench --bench summary`: the 30-day appointment summary, from the
//! journal to PDF bytes (build the page, lay it out, write the PDF).
//! Target: under 100 ms on the 2-core CI machine.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark with bad input should stop loudly"
)]

use backlog::journal::{Journal, sample};
use backlog::summary::{self, SummaryRequest, pdf};
use backlog::triage::knowledge;
use divan::{Bencher, black_box};
use jiff::Zoned;
use jiff::civil::date;

fn main() {
    // Parse the rules and the fonts outside the timed loops.
    let _ = knowledge();
    let _ = pdf::render(&page(&journal(30), 30)).unwrap();
    divan::main();
}

fn now() -> Zoned {
    date(2026, 11, 24).at(9, 30, 0, 0).in_tz("UTC").unwrap()
}

fn journal(days: u32) -> Journal {
    sample::journal(date(2026, 11, 24), days, 7)
}

fn request(days: i64) -> SummaryRequest {
    SummaryRequest {
        from: Some(
            date(2026, 11, 24)
                .checked_sub(jiff::Span::new().days(days - 1))
                .unwrap(),
        ),
        ..SummaryRequest::default()
    }
}

fn page(j: &Journal, days: i64) -> summary::Summary {
    summary::build(j, knowledge(), &request(days), &now()).unwrap()
}

/// The whole job for the default 30-day period: journal to PDF bytes.
#[divan::bench]
fn pdf_30_days(bencher: Bencher<'_, '_>) {
    let j = journal(30);
    bencher.bench(|| pdf::render(&page(black_box(&j), 30)).unwrap());
}

/// Only the pure part: journal to page model.
#[divan::bench]
fn model_30_days(bencher: Bencher<'_, '_>) {
    let j = journal(30);
    bencher.bench(|| page(black_box(&j), 30));
}

/// Ten years of entries summarised on one page.
#[divan::bench(sample_count = 20)]
fn pdf_10_years(bencher: Bencher<'_, '_>) {
    let j = journal(3650);
    bencher.bench(|| pdf::render(&page(black_box(&j), 3650)).unwrap());
}

/// 30 days with the table of every day (two pages).
#[divan::bench]
fn pdf_30_days_with_entries(bencher: Bencher<'_, '_>) {
    let j = journal(30);
    let request = SummaryRequest {
        with_entries: true,
        ..request(30)
    };
    bencher.bench(|| {
        let s = summary::build(black_box(&j), knowledge(), &request, &now()).unwrap();
        pdf::render(&s).unwrap()
    });
}

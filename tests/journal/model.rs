//! The journal model: drafts become entries only when valid, one entry per
//! day in date order, and the whole journal survives a RON round trip.

use std::collections::BTreeSet;

use backlog::journal::{
    Entry, EntryDraft, EntryError, Journal, JournalError, MAX_NOTE_CHARS, MedicineTaken, Quality,
    Region, SummaryNotes, Upsert, sample,
};
use backlog::triage::knowledge;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

const TODAY: Date = Date::constant(2026, 11, 24);

fn now() -> Timestamp {
    "2026-11-24T20:00:00Z".parse().unwrap()
}

fn draft(day: Date, pain: u8) -> EntryDraft {
    EntryDraft {
        pain: Some(pain),
        ..EntryDraft::new(day)
    }
}

fn full_draft() -> EntryDraft {
    EntryDraft {
        date: date(2026, 11, 20),
        pain: Some(5),
        worst: Some(8),
        regions: BTreeSet::from([Region::BetweenShoulderBlades, Region::Neck]),
        qualities: BTreeSet::from([Quality::Burning, Quality::Stiff]),
        woke_at_night: true,
        activity: Some(6),
        enjoyment: Some(4),
        sleep_hours: Some(5.5),
        medicines: vec![MedicineTaken {
            name: " Ibuprofen ".into(),
            dose: "400 mg".into(),
            times: Some(2),
            relief: Some(6),
        }],
        treatments: vec!["heat pad".into(), " ".into(), "heat pad".into()],
        tags: vec!["desk work".into(), "driving".into()],
        symptoms: BTreeSet::from(["pain_at_night".into()]),
        note: "Woke at 3 am. Café au lait: ünïcödé is fine.\nSecond line.  \n".into(),
    }
}

fn err(d: &EntryDraft) -> EntryError {
    d.validate(knowledge(), TODAY, now(), None).unwrap_err()
}

#[test]
fn a_full_draft_becomes_a_tidy_entry() {
    let e = full_draft()
        .validate(knowledge(), TODAY, now(), None)
        .unwrap();
    assert_eq!(e.medicines[0].name, "Ibuprofen", "names are trimmed");
    assert_eq!(
        e.treatments,
        ["heat pad"],
        "blank and repeated items dropped"
    );
    assert!(e.note.ends_with("Second line."), "trailing space trimmed");
    assert_eq!(e.created, now());
    assert_eq!(e.edited, now());
    assert!(!e.is_edited());
    assert_eq!(
        EntryDraft::from_entry(&e)
            .validate(knowledge(), TODAY, now(), None)
            .unwrap(),
        e
    );
}

#[test]
fn editing_keeps_the_created_time_and_moves_the_edited_time() {
    let first = full_draft()
        .validate(knowledge(), TODAY, now(), None)
        .unwrap();
    let later = now() + 2.hours();
    let mut d = EntryDraft::from_entry(&first);
    d.pain = Some(3);
    let second = d.validate(knowledge(), TODAY, later, Some(&first)).unwrap();
    assert_eq!(second.created, first.created);
    assert_eq!(second.edited, later);
    assert!(second.is_edited());
}

#[test]
fn back_filled_means_written_two_or_more_days_later() {
    let tz = TimeZone::UTC;
    let written = |day: Date, at: &str| Entry {
        created: at.parse().unwrap(),
        ..draft(day, 3)
            .validate(knowledge(), TODAY, now(), None)
            .unwrap()
    };
    // Same evening, or the next morning: not back-filled.
    assert!(!written(date(2026, 11, 20), "2026-11-20T22:00:00Z").is_back_filled(&tz));
    assert!(!written(date(2026, 11, 20), "2026-11-21T23:59:00Z").is_back_filled(&tz));
    // Two days later or more: back-filled.
    assert!(written(date(2026, 11, 20), "2026-11-22T00:01:00Z").is_back_filled(&tz));
    assert!(written(date(2026, 10, 1), "2026-11-22T09:00:00Z").is_back_filled(&tz));
    // The same instant is a different day in another time zone.
    let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
    assert!(written(date(2026, 11, 20), "2026-11-21T20:00:00Z").is_back_filled(&tokyo));
}

#[test]
fn pain_is_required_and_every_score_is_0_to_10() {
    let mut d = draft(TODAY, 0);
    d.pain = None;
    assert_eq!(err(&d), EntryError::PainMissing);
    assert!(err(&d).to_string().contains("from 0 (no pain) to 10"));

    type Case = (fn(&mut EntryDraft), &'static str);
    let cases: [Case; 5] = [
        (|d| d.pain = Some(11), "Average pain"),
        (|d| d.worst = Some(12), "Worst pain"),
        (|d| d.activity = Some(11), "usual activities"),
        (|d| d.enjoyment = Some(200), "enjoying life"),
        (
            |d| {
                d.medicines = vec![MedicineTaken {
                    name: "Ibuprofen".into(),
                    relief: Some(11),
                    ..MedicineTaken::default()
                }]
            },
            "Relief",
        ),
    ];
    for (change, what) in cases {
        let mut d = draft(TODAY, 4);
        change(&mut d);
        let e = err(&d);
        assert!(matches!(e, EntryError::Score { .. }), "{e:?}");
        let text = e.to_string();
        assert!(
            text.contains(what) && text.contains("from 0 to 10"),
            "{text}"
        );
    }
}

#[test]
fn worst_pain_cannot_be_below_the_average() {
    let mut d = draft(TODAY, 6);
    d.worst = Some(4);
    assert_eq!(err(&d), EntryError::WorstBelowAverage { worst: 4, pain: 6 });
    d.worst = Some(6);
    assert!(d.validate(knowledge(), TODAY, now(), None).is_ok());
}

#[test]
fn sleep_must_be_0_to_24_hours() {
    for bad in [-1.0, 24.5, f32::NAN, f32::INFINITY] {
        let mut d = draft(TODAY, 3);
        d.sleep_hours = Some(bad);
        assert!(matches!(err(&d), EntryError::Sleep { .. }), "{bad}");
    }
    let mut d = draft(TODAY, 3);
    d.sleep_hours = Some(0.0);
    assert!(d.validate(knowledge(), TODAY, now(), None).is_ok());
}

#[test]
fn a_future_date_is_refused_and_today_is_fine() {
    let d = draft(TODAY.tomorrow().unwrap(), 3);
    let e = err(&d);
    assert!(matches!(e, EntryError::FutureDate { .. }));
    assert!(
        e.to_string()
            .contains("choose today (2026-11-24) or an earlier day"),
        "{e}"
    );
    assert!(
        draft(TODAY, 3)
            .validate(knowledge(), TODAY, now(), None)
            .is_ok()
    );
    assert!(matches!(
        err(&draft(date(1899, 12, 31), 3)),
        EntryError::TooEarly { .. }
    ));
}

#[test]
fn symptoms_must_be_known_findings_that_are_not_history() {
    let mut d = draft(TODAY, 3);
    d.symptoms = BTreeSet::from(["pain_at_nite".into()]);
    let e = err(&d);
    assert_eq!(
        e,
        EntryError::UnknownSymptom {
            id: "pain_at_nite".into(),
            suggestion: Some("pain_at_night".into())
        }
    );
    assert!(
        e.to_string().contains("did you mean \"pain_at_night\""),
        "{e}"
    );

    d.symptoms = BTreeSet::from(["history_osteoporosis".into()]);
    assert!(err(&d).to_string().contains("set it in your profile"));
}

#[test]
fn long_notes_are_refused_at_the_limit_plus_one() {
    let mut d = draft(TODAY, 3);
    d.note = "a".repeat(MAX_NOTE_CHARS);
    assert!(d.validate(knowledge(), TODAY, now(), None).is_ok());
    d.note.push('b');
    let e = err(&d);
    assert!(
        e.to_string()
            .contains("20,001 characters long; the limit is 20,000"),
        "{e}"
    );
}

#[test]
fn list_items_are_checked() {
    let mut d = draft(TODAY, 3);
    d.tags = (0..31).map(|i| format!("tag {i}")).collect();
    assert!(matches!(err(&d), EntryError::TooMany { count: 31, .. }));

    d.tags = vec!["a; b".into()];
    assert!(
        err(&d)
            .to_string()
            .contains("use a comma or a space instead")
    );

    d.tags = vec![];
    d.medicines = vec![MedicineTaken {
        name: "Ibuprofen".into(),
        times: Some(0),
        ..MedicineTaken::default()
    }];
    assert!(matches!(err(&d), EntryError::Count { value: 0, .. }));

    d.medicines = vec![MedicineTaken {
        name: "".into(),
        dose: "400 mg".into(),
        ..MedicineTaken::default()
    }];
    assert!(
        matches!(err(&d), EntryError::Blank { .. }),
        "a dose without a name"
    );
}

#[test]
fn problems_lists_every_field_at_once() {
    let mut d = draft(TODAY.tomorrow().unwrap(), 0);
    d.pain = None;
    d.activity = Some(11);
    d.sleep_hours = Some(30.0);
    let problems = d.problems(knowledge(), TODAY);
    assert!(matches!(problems[0], EntryError::FutureDate { .. }));
    assert!(problems.contains(&EntryError::PainMissing));
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, EntryError::Score { value: 11, .. }))
    );
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, EntryError::Sleep { .. }))
    );
    assert!(full_draft().problems(knowledge(), TODAY).is_empty());
}

#[test]
fn medicine_text_splits_name_from_dose_at_the_first_number() {
    let m = MedicineTaken::from_name_and_dose("Ibuprofen 400 mg");
    assert_eq!((m.name.as_str(), m.dose.as_str()), ("Ibuprofen", "400 mg"));
    let m = MedicineTaken::from_name_and_dose("Co-codamol 30/500 2 tablets");
    assert_eq!(
        (m.name.as_str(), m.dose.as_str()),
        ("Co-codamol", "30/500 2 tablets")
    );
    let m = MedicineTaken::from_name_and_dose("Vitamin B12");
    assert_eq!(
        (m.name.as_str(), m.dose.as_str()),
        ("Vitamin B12", ""),
        "digits inside a word stay in the name"
    );
    let m = MedicineTaken::from_name_and_dose("Heat rub");
    assert_eq!((m.name.as_str(), m.dose.as_str()), ("Heat rub", ""));
}

#[test]
fn upsert_keeps_one_entry_per_day_in_date_order() {
    let mut j = Journal::new();
    for day in [date(2026, 11, 3), date(2026, 11, 1), date(2026, 11, 2)] {
        let e = draft(day, 2)
            .validate(knowledge(), TODAY, now(), None)
            .unwrap();
        assert_eq!(j.upsert(e), Upsert::Added);
    }
    let dates: Vec<_> = j.entries().iter().map(|e| e.date).collect();
    assert_eq!(
        dates,
        [date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3)]
    );

    let e = draft(date(2026, 11, 2), 7)
        .validate(knowledge(), TODAY, now(), None)
        .unwrap();
    match j.upsert(e) {
        Upsert::Replaced(old) => assert_eq!(old.pain, 2),
        Upsert::Added => panic!("the day already had an entry"),
    }
    assert_eq!(j.entries().len(), 3);
    assert_eq!(j.entry(date(2026, 11, 2)).unwrap().pain, 7);

    assert_eq!(
        j.entries_between(date(2026, 11, 2), date(2026, 11, 30))
            .len(),
        2
    );
    assert!(
        j.entries_between(date(2026, 11, 4), date(2026, 11, 30))
            .is_empty()
    );
    assert!(
        j.entries_between(date(2026, 11, 3), date(2026, 11, 1))
            .is_empty()
    );

    assert_eq!(j.remove(date(2026, 11, 1)).unwrap().date, date(2026, 11, 1));
    assert!(j.remove(date(2026, 11, 1)).is_none());
    assert_eq!(j.date_range(), Some((date(2026, 11, 2), date(2026, 11, 3))));
    j.validate(knowledge()).unwrap();
}

#[test]
fn a_journal_round_trips_through_ron_exactly() {
    let j = sample::journal(TODAY, 120, 42);
    let text = ron::ser::to_string_pretty(&j, ron::ser::PrettyConfig::default()).unwrap();
    let back: Journal = ron::from_str(&text).unwrap();
    assert_eq!(back, j);
    assert!(text.contains("version: 1"));
}

#[test]
fn a_hand_edited_file_with_two_entries_for_one_day_is_refused() {
    let mut j = Journal::new();
    j.upsert(
        draft(date(2026, 11, 1), 2)
            .validate(knowledge(), TODAY, now(), None)
            .unwrap(),
    );
    let text = ron::to_string(&j).unwrap();
    // Duplicate the entries list's single item.
    let start = text.find("entries:[").unwrap() + "entries:[".len();
    let end = text[start..].find("],checks").unwrap() + start;
    let item = &text[start..end];
    let doubled = format!("{}{item},{item}{}", &text[..start], &text[end..]);
    let back: Journal = ron::from_str(&doubled).unwrap();
    let e = back.validate(knowledge()).unwrap_err();
    assert!(matches!(e, JournalError::EntryOrder { .. }), "{e:?}");
    assert!(e.to_string().contains("each day can have only one entry"));
}

#[test]
fn an_invalid_stored_entry_is_named_by_its_date() {
    let mut j = Journal::new();
    let mut e = draft(date(2026, 11, 1), 2)
        .validate(knowledge(), TODAY, now(), None)
        .unwrap();
    e.pain = 42;
    j.upsert(e);
    let msg = j.validate(knowledge()).unwrap_err().to_string();
    assert!(
        msg.starts_with("The entry for 2026-11-01: Average pain"),
        "{msg}"
    );
}

#[test]
fn at_most_five_questions_for_the_doctor() {
    let mut j = Journal::new();
    j.summary_notes = SummaryNotes {
        doctor_note: "Worse at night.".into(),
        questions: (1..=5).map(|i| format!("Question {i}?")).collect(),
    };
    j.validate(knowledge()).unwrap();
    j.summary_notes.questions.push("One more?".into());
    let msg = j.validate(knowledge()).unwrap_err().to_string();
    assert!(
        msg.contains("6 questions for the doctor; the most is 5"),
        "{msg}"
    );
}

#[test]
fn a_newer_file_version_is_refused_with_a_plain_reason() {
    let mut j = Journal::new();
    j.version = 99;
    let msg = j.validate(knowledge()).unwrap_err().to_string();
    assert!(msg.contains("Please update Backlog"), "{msg}");
}

//! `backlog journal export` and `import`: the CSV and RON round trips, and
//! imports that are refused whole, before anything is written.

use std::fs;
use std::path::Path;

use backlog::journal::{EntryDraft, Journal, MedicineTaken, sample};
use backlog::store::{Store, StoreError};
use backlog::triage::knowledge;
use jiff::civil::Date;

use crate::common::{bad_input, ok};

fn yesterday() -> Date {
    jiff::Zoned::now().date().yesterday().unwrap()
}

/// A year of realistic entries plus a few with text that spreadsheets and
/// CSV parsers find hard.
fn tricky_journal() -> Journal {
    let mut j = sample::journal(yesterday(), 365, 5);
    let notes = [
        "=SUM(A1:A9) is not a formula here",
        "-3 degrees outside, back very stiff",
        "+ stretching helped",
        "@home all day",
        "'quoted' start",
        "Commas, \"double quotes\", and\nline breaks\r\nof both kinds",
        "Ünïcödé: café, naïve, Søren, 東京, emoji 🙂",
        "",
    ];
    let days: Vec<Date> = j
        .entries()
        .iter()
        .take(notes.len())
        .map(|e| e.date)
        .collect();
    for (day, note) in days.into_iter().zip(notes) {
        let mut d = EntryDraft::from_entry(j.entry(day).unwrap());
        d.note = note.to_owned();
        d.tags = vec!["=cmd".into(), "-dash".into(), "plain".into()];
        d.medicines = vec![
            MedicineTaken {
                name: "Co-codamol".into(),
                dose: "30/500".into(),
                times: Some(2),
                relief: Some(7),
            },
            MedicineTaken {
                name: "Heat rub".into(),
                dose: String::new(),
                times: None,
                relief: Some(3),
            },
            MedicineTaken {
                name: "Naproxen".into(),
                dose: "250 mg".into(),
                times: None,
                relief: None,
            },
            // No dose, but a name that "NAME DOSE" would split.
            MedicineTaken {
                name: "Vitamin B 12".into(),
                dose: String::new(),
                times: None,
                relief: None,
            },
        ];
        d.sleep_hours = Some(6.7);
        let old = j.entry(day).cloned();
        let mut e = d
            .validate(
                knowledge(),
                yesterday(),
                old.as_ref().unwrap().created,
                old.as_ref(),
            )
            .unwrap();
        e.edited = old.unwrap().edited;
        j.upsert(e);
    }
    j.validate(knowledge()).unwrap();
    j
}

fn write_journal(dir: &Path, j: &Journal) {
    let s = Store::open(dir).unwrap();
    s.update(|cur| {
        *cur = j.clone();
        Ok::<_, StoreError>(())
    })
    .unwrap();
}

#[test]
fn csv_export_then_import_round_trips_every_field_of_every_entry() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let file = a.path().join("export.csv");
    let j = tricky_journal();
    write_journal(a.path(), &j);

    let out = ok(
        a.path(),
        &["journal", "export", "--csv", file.to_str().unwrap()],
    );
    assert!(
        out.contains(&format!("Exported {} entries as CSV", j.entries().len())),
        "{out}"
    );
    let out = flat(&ok(
        b.path(),
        &["journal", "import", file.to_str().unwrap()],
    ));
    assert!(
        out.contains(&format!(
            "export.csv: {} days added, 0 days updated, 0 days already the same.",
            j.entries().len()
        )),
        "{out}"
    );

    let back = Store::open(b.path()).unwrap().load().unwrap();
    assert_eq!(back.entries().len(), j.entries().len());
    for (b, a) in back.entries().iter().zip(j.entries()) {
        assert_eq!(b, a, "every field, timestamps included");
    }

    // Importing the same file again changes nothing.
    let out = flat(&ok(
        b.path(),
        &["journal", "import", file.to_str().unwrap()],
    ));
    assert!(
        out.starts_with(&format!(
            "Nothing was imported: everything in {} is already in your journal ({} days the same).",
            file.display(),
            j.entries().len()
        )),
        "{out}"
    );
}

#[test]
fn the_csv_opens_cleanly_in_a_spreadsheet() {
    let a = tempfile::tempdir().unwrap();
    let file = a.path().join("export.csv");
    write_journal(a.path(), &tricky_journal());
    ok(
        a.path(),
        &["journal", "export", "--csv", file.to_str().unwrap()],
    );
    let bytes = fs::read(&file).unwrap();
    assert!(
        bytes.starts_with("\u{feff}date,pain,worst,where,feels,".as_bytes()),
        "BOM then the header"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\n"), "CRLF rows");
    assert!(text.contains("'=SUM(A1:A9)"), "formula guarded");
    assert!(text.contains("'-3 degrees"), "minus guarded");
    assert!(
        text.contains("''quoted' start"),
        "a leading quote is doubled so import can undo it"
    );
    assert!(
        text.contains("Co-codamol | 30/500 | 2 | 7; Heat rub |  |  | 3; Naproxen | 250 mg"),
        "{}",
        &text[..600]
    );
    // Every row has the same number of cells.
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let width = r.headers().unwrap().len();
    assert_eq!(width, 16);
    for rec in r.records() {
        assert_eq!(rec.unwrap().len(), width);
    }
}

#[test]
fn ron_export_then_import_into_a_new_folder_copies_the_whole_journal() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let file = a.path().join("copy.ron");
    let j = tricky_journal();
    write_journal(a.path(), &j);
    ok(
        a.path(),
        &["journal", "export", "--ron", file.to_str().unwrap()],
    );
    let out = flat(&ok(
        b.path(),
        &["journal", "import", file.to_str().unwrap()],
    ));
    assert!(
        out.contains(
            "It also added your details, your notes for the doctor, 2 saved checks, 2 medicines."
        ),
        "{out}"
    );
    assert_eq!(Store::open(b.path()).unwrap().load().unwrap(), j);
}

#[test]
fn export_to_standard_output() {
    let a = tempfile::tempdir().unwrap();
    write_journal(a.path(), &sample::journal(yesterday(), 3, 1));
    let csv = ok(a.path(), &["journal", "export", "--csv", "-"]);
    assert!(csv.starts_with("\u{feff}date,pain"));
    let err = bad_input(a.path(), &["journal", "export"]);
    assert!(err.contains("--csv"), "{err}");
}

#[test]
fn a_file_with_one_bad_row_is_refused_whole() {
    let a = tempfile::tempdir().unwrap();
    let d = a.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "2"],
    );
    let before = fs::read(d.join("journal.ron")).unwrap();
    let cases = [
        (
            "date,pain\n2026-11-02,3\n2026-11-03,12\n",
            "line 3 (2026-11-03): Average pain must be a whole number from 0 to 10, not 12.",
        ),
        (
            "date,pain\n2026-11-02,3\n03/11/2026,4\n",
            "line 3: \"03/11/2026\" is not a date",
        ),
        (
            "date,pain,where\n2026-11-02,3,elbow\n",
            "\"elbow\" is not a place Backlog knows",
        ),
        (
            "date,pain,symptoms\n2026-11-02,3,chest_pian\n",
            "did you mean \"chest_pain\"",
        ),
        ("date,pain\n2999-11-02,3\n", "is in the future"),
        (
            "date,pain\n2026-11-02,3\n2026-11-02,4\n",
            "2026-11-02 also has a row on line 2",
        ),
        ("date,pian\n2026-11-02,3\n", "unknown column \"pian\""),
        ("date,note\n2026-11-02,hi\n", "there is no \"pain\" column"),
        (
            "date,pain\n2026-11-02,3,extra\n",
            "this row has 3 cells but the first line has 2",
        ),
        (
            "date,pain,medicines\n2026-11-02,3,Ibuprofen | 400 mg | lots\n",
            "\"lots\" is not a whole number",
        ),
    ];
    for (content, expected) in cases {
        let file = d.join("in.csv");
        fs::write(&file, content).unwrap();
        let err = bad_input(d, &["journal", "import", file.to_str().unwrap()]);
        assert!(err.contains(expected), "{content:?}: {err}");
        assert!(err.contains("Nothing was imported"), "{err}");
        assert_eq!(
            fs::read(d.join("journal.ron")).unwrap(),
            before,
            "{content:?}"
        );
    }
    let err = bad_input(
        d,
        &["journal", "import", d.join("missing.csv").to_str().unwrap()],
    );
    assert!(err.contains("there is no such file"), "{err}");
}

#[test]
fn a_hand_made_sheet_imports_and_dry_run_writes_nothing() {
    let a = tempfile::tempdir().unwrap();
    let d = a.path();
    ok(
        d,
        &["journal", "add", "--date", "2026-11-01", "--pain", "2"],
    );
    ok(
        d,
        &["journal", "add", "--date", "2026-11-02", "--pain", "5"],
    );
    let before = fs::read(d.join("journal.ron")).unwrap();
    let file = d.join("sheet.csv");
    fs::write(&file, "Date, Pain ,Note,Woke_at_night\n2026-11-01,2,,no\n2026-11-02,6,worse,yes\n2026-11-03,4,\"a, b\",\n\n").unwrap();

    let out = flat(&ok(
        d,
        &["journal", "import", "--dry-run", file.to_str().unwrap()],
    ));
    assert!(
        out.contains("sheet.csv would add 1 day and update 1 day. 1 day already the same."),
        "{out}"
    );
    assert!(
        out.contains("Days whose entries would be replaced by the file's: 2026-11-02."),
        "{out}"
    );
    assert!(out.contains("nothing was written"), "{out}");
    assert_eq!(fs::read(d.join("journal.ron")).unwrap(), before);

    let out = flat(&ok(d, &["journal", "import", file.to_str().unwrap()]));
    assert!(
        out.contains("sheet.csv: 1 day added, 1 day updated, 1 day already the same."),
        "{out}"
    );
    let j = Store::open(d).unwrap().load().unwrap();
    assert_eq!(j.entries().len(), 3);
    let changed = j.entry(Date::constant(2026, 11, 2)).unwrap();
    assert_eq!(
        (changed.pain, changed.woke_at_night, changed.note.as_str()),
        (6, true, "worse")
    );
    assert_eq!(j.entry(Date::constant(2026, 11, 3)).unwrap().note, "a, b");
}

#[test]
fn a_hand_made_sheets_medicines_are_read_like_the_command_line() {
    let a = tempfile::tempdir().unwrap();
    let d = a.path();
    let file = d.join("sheet.csv");
    fs::write(
        &file,
        "date,pain,medicines\n2026-11-02,3,Ibuprofen 400 mg; Heat rub; Co-codamol 30/500 | | 2\n",
    )
    .unwrap();
    ok(d, &["journal", "import", file.to_str().unwrap()]);
    let j = Store::open(d).unwrap().load().unwrap();
    let meds: Vec<(&str, &str, Option<u8>)> = j
        .entry(Date::constant(2026, 11, 2))
        .unwrap()
        .medicines
        .iter()
        .map(|m| (m.name.as_str(), m.dose.as_str(), m.times))
        .collect();
    assert_eq!(
        meds,
        [
            ("Ibuprofen", "400 mg", None),
            ("Heat rub", "", None),
            ("Co-codamol 30/500", "", Some(2)),
        ]
    );
}

/// Output as one line: the report is wrapped for the terminal.
fn flat(out: &str) -> String {
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

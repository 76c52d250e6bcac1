//! The smaller things of issue 12 item 11, one test each: Start over can
//! be undone; the welcome pages do not come back once left; sleep not given
//! is not "0.0"; backups are told apart; a failed import's error goes once
//! an import works; the charts and each calendar day are described.

use backlog::app::{App, Command, Screen};
use backlog::journal::EntryDraft;
use egui::accesskit::{Role, Toggled};
use egui_kittest::kittest::{NodeT, Queryable};

use super::{TODAY, config, harness, harness_sized, ready};

#[test]
fn start_over_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(ready(App::new(config(dir.path()))));
    h.run();
    let night = "Pain at night that keeps you awake or wakes you up";
    super::tick(&mut h, night);
    h.get_by_label("Start over").scroll_to_me();
    h.run();
    let start = h.get_by_label("Start over").rect();
    h.get_by_label("Start over").click();
    h.run();
    let ticked = |h: &egui_kittest::Harness<'static, App>| {
        h.get_by_role_and_label(Role::CheckBox, night)
            .accesskit_node()
            .toggled()
    };
    assert_eq!(ticked(&h), Some(Toggled::False));
    // The same button, in the same place, now undoes it.
    assert_eq!(h.get_by_label("Undo start over").rect(), start);
    h.get_by_label("Undo start over").click();
    h.run();
    assert_eq!(ticked(&h), Some(Toggled::True));
    h.get_by_label("Start over");
}

#[test]
fn the_welcome_pages_left_by_the_navigation_bar_do_not_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(App::new(config(dir.path())));
    h.run();
    assert_eq!(h.state().screen(), Screen::Welcome);
    h.get_by_role_and_label(Role::Button, "Journal").click();
    h.run();
    h.state_mut().save_now();
    drop(h);
    let app = App::new(config(dir.path()));
    assert_eq!(app.screen(), Screen::Journal);
}

#[test]
fn the_welcome_page_offers_text_size_and_theme() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(App::new(config(dir.path())), 1000.0, 1400.0);
    h.run();
    h.get_by_label("Text size 150%").click();
    h.run();
    assert_eq!(h.state().prefs().text_scale, 150);
    h.get_by_role_and_label(Role::RadioButton, "Dark").click();
    h.run();
    assert_eq!(h.state().prefs().theme, backlog::app::ThemeChoice::Dark);
    assert_eq!(h.state().screen(), Screen::Welcome);
}

#[test]
fn sleep_not_given_reads_not_given_and_stays_unset() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness_sized(app, 1000.0, 2400.0);
    h.run();
    let sleep = h.get_by_label("Hours of sleep last night");
    let said = sleep.value().unwrap_or_default();
    assert!(said.contains("not given"), "{said:?}");
    h.get_by_label("Pain now 3").click();
    h.run();
    let e = h.state().journal_data().entry(TODAY).cloned();
    assert_eq!(e.map(|e| e.sleep_hours), Some(None));
}

#[test]
fn backups_are_told_apart_by_their_days_and_latest_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    for n in [20, 21] {
        let mut d = EntryDraft::new(jiff::civil::date(2026, 11, n));
        d.pain = Some(3);
        app.run(Command::SaveEntry(d));
    }
    app.run(Command::Navigate(Screen::Settings));
    let mut h = harness_sized(app, 1000.0, 2400.0);
    h.run();
    assert!(super::shows_text(&h, "2 days, latest 2026-11-21 (saved)"));
    assert!(super::shows_text(&h, "1 day, latest 2026-11-20 (saved)"));
}

#[test]
fn an_import_that_works_takes_away_the_error_of_one_that_did_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::ImportFrom(dir.path().join("missing.csv")));
    assert!(
        app.notice_texts()
            .iter()
            .any(|n| n.starts_with("Could not read the file to import"))
    );
    let csv = dir.path().join("good.csv");
    let other = tempfile::tempdir().unwrap();
    let mut source = ready(App::new(config(other.path())));
    let mut d = EntryDraft::new(TODAY);
    d.pain = Some(2);
    source.run(Command::SaveEntry(d));
    source.run(Command::ExportCsvTo(csv.clone()));
    app.run(Command::ImportFrom(csv));
    app.run(Command::ConfirmImport);
    let notices = app.notice_texts();
    assert!(
        !notices.iter().any(|n| n.starts_with("Could not read")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.starts_with("Imported")),
        "{notices:?}"
    );
}

#[test]
fn the_chart_and_every_calendar_day_are_described() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    for (n, pain) in [(22, 5), (23, 6), (24, 4)] {
        let mut d = EntryDraft::new(jiff::civil::date(2026, 11, n));
        d.pain = Some(pain);
        app.run(Command::SaveEntry(d));
    }
    app.run(Command::Navigate(Screen::Trends));
    let mut h = harness_sized(app, 1280.0, 2400.0);
    h.run();
    h.get_by_label(
        "Chart of daily pain from 26 Oct 2026 to 24 Nov 2026: 3 days logged, average 5.0 out of 10, from 4 on the best day to 6 at the worst; the 7-day average went from 5.0 to 5.0.",
    );
    h.get_by_label("Mon 23 Nov 2026: pain 6");
    h.get_by_label("Sat 21 Nov 2026: no entry");
    assert!(
        h.query_by_label_contains("Calendar of pain by day")
            .is_some()
    );
}

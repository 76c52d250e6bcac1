//! The backup names, order and pruning, without a real store.

use super::*;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// A numbered backup, as a save at `time` would make it.
fn numbered(number: u64, time: Timestamp, kind: BackupKind, now: Timestamp) -> Backup {
    let mut id = format!("{}{SAVE_NUMBER}{number}", id_time(time));
    if kind == BackupKind::BeforeRestore {
        id.push_str(BEFORE_RESTORE);
    }
    Backup::from_file(PathBuf::from(format!("{id}.ron")), 0, now).unwrap()
}

/// A backup named the old way, without a save number.
fn unnumbered(time: Timestamp, kind: BackupKind, now: Timestamp) -> Backup {
    let mut id = id_time(time);
    if kind == BackupKind::BeforeRestore {
        id.push_str(BEFORE_RESTORE);
    }
    Backup::from_file(PathBuf::from(format!("{id}.ron")), 0, now).unwrap()
}

fn ids<'a>(list: impl IntoIterator<Item = &'a Backup>) -> Vec<&'a str> {
    list.into_iter().map(|b| b.id.as_str()).collect()
}

#[test]
fn one_save_with_the_clock_far_ahead_is_flagged_and_pruned_like_any_other() {
    let now = at("2026-11-24T08:00:00Z");
    let mut all = vec![numbered(
        1,
        at("2099-01-01T00:00:00Z"),
        BackupKind::Saved,
        now,
    )];
    assert!(all[0].dated_in_the_future);
    assert!(all[0].time_text().contains("a future date"));
    for n in 2..=12 {
        let t = now - SignedDuration::from_mins(i64::try_from(20 - n).unwrap());
        all.push(numbered(n, t, BackupKind::Saved, now));
    }
    let mut sorted = all.clone();
    sorted.sort_by(newest_first);
    assert_eq!(sorted[0].save_number, Some(12), "the last save is newest");
    assert_eq!(sorted.last().unwrap().save_number, Some(1));
    // Twelve saves: the newest ten are kept; number 2 (the eleventh of
    // today) goes, and so does the 2099 one, which is in no day's window.
    let gone = to_prune(&all, now);
    assert!(ids(gone.iter().copied()).contains(&all[0].id.as_str()));
    assert_eq!(gone.len(), 2, "{:?}", ids(gone.iter().copied()));
}

#[test]
fn saves_with_the_clock_behind_are_newest_by_number_and_kept() {
    let now = at("2026-11-24T08:00:00Z");
    let mut all: Vec<Backup> = (1..=10)
        .map(|n| {
            let t = now - SignedDuration::from_hours(i64::try_from(20 - n).unwrap());
            numbered(n, t, BackupKind::Saved, now)
        })
        .collect();
    // The clock then jumped back to 1990 for two saves.
    all.push(numbered(
        11,
        at("1990-01-01T00:00:00Z"),
        BackupKind::Saved,
        now,
    ));
    all.push(numbered(
        12,
        at("1990-01-01T00:01:00Z"),
        BackupKind::Saved,
        now,
    ));
    let mut sorted = all.clone();
    sorted.sort_by(newest_first);
    assert_eq!(sorted[0].save_number, Some(12));
    let gone = to_prune(&all, now);
    assert!(
        gone.iter().all(|b| b.save_number < Some(11)),
        "the 1990 ones are the latest saves and stay: {:?}",
        ids(gone.iter().copied())
    );
}

#[test]
fn old_names_still_load_and_count_as_older_than_numbered_ones() {
    let now = at("2026-11-24T08:00:00Z");
    let old = unnumbered(at("2026-11-24T07:00:00Z"), BackupKind::Saved, now);
    let old_future = unnumbered(at("2099-01-01T00:00:00Z"), BackupKind::Saved, now);
    let older = unnumbered(at("2026-11-20T07:00:00Z"), BackupKind::Saved, now);
    let new = numbered(1, at("2026-11-23T07:00:00Z"), BackupKind::Saved, now);
    let mut all = vec![old_future.clone(), older.clone(), new.clone(), old.clone()];
    all.sort_by(newest_first);
    assert_eq!(
        ids(&all),
        [
            new.id.as_str(),
            old.id.as_str(),
            older.id.as_str(),
            old_future.id.as_str()
        ]
    );
}

#[test]
fn ids_round_trip_to_their_time_number_and_kind() {
    let now = at("2026-11-25T00:00:00Z");
    let t = at("2026-11-24T08:19:22.123Z");
    assert_eq!(id_time(t), "2026-11-24T08-19-22.123Z");
    let b = numbered(42, t, BackupKind::BeforeRestore, now);
    assert_eq!(b.id, "2026-11-24T08-19-22.123Z-n42-before-restore");
    assert_eq!(
        (b.time, b.save_number, b.kind),
        (t, Some(42), BackupKind::BeforeRestore)
    );
    let old = Backup::from_file(
        PathBuf::from("2026-11-24T08-19-22.123Z-before-restore-2.ron"),
        5,
        now,
    )
    .unwrap();
    assert_eq!(old.time, t);
    assert_eq!(old.save_number, None);
    assert_eq!(old.kind, BackupKind::BeforeRestore);
    assert_eq!(old.id, "2026-11-24T08-19-22.123Z-before-restore-2");
    assert!(!old.dated_in_the_future);
    for not_ours in [
        "notes.txt",
        "holiday.ron",
        "2026-11-24T08-19-22.123Z-nx.ron",
    ] {
        assert!(
            Backup::from_file(PathBuf::from(not_ours), 1, now).is_none(),
            "{not_ours}"
        );
    }
}

#[test]
fn keeps_the_last_ten_and_one_a_day_for_thirty_days() {
    let now = at("2026-11-24T12:00:00Z");
    let mut times = Vec::new();
    // 60 days, 3 saves a day, oldest first.
    for day in (0..60).rev() {
        for hour in [8, 12, 18] {
            let t = now - SignedDuration::from_hours(24 * day) - SignedDuration::from_hours(12)
                + SignedDuration::from_hours(hour);
            if t <= now {
                times.push(t);
            }
        }
    }
    let mut all: Vec<Backup> = times
        .iter()
        .zip(1..)
        .map(|(t, n)| numbered(n, *t, BackupKind::Saved, now))
        .collect();
    let next = u64::try_from(all.len()).unwrap() + 1;
    let old_copy = numbered(
        next,
        now - SignedDuration::from_hours(24 * 40),
        BackupKind::BeforeRestore,
        now,
    );
    let new_copy = numbered(
        next + 1,
        now - SignedDuration::from_hours(24 * 20),
        BackupKind::BeforeRestore,
        now,
    );
    // Eleven more saves push both copies out of the newest ten.
    for n in 0..11 {
        all.push(numbered(
            next + 2 + n,
            now - SignedDuration::from_mins(i64::try_from(20 - n).unwrap()),
            BackupKind::Saved,
            now,
        ));
    }
    all.push(old_copy.clone());
    all.push(new_copy.clone());

    let gone: Vec<&Backup> = to_prune(&all, now);
    let kept: Vec<&Backup> = all.iter().filter(|b| !gone.contains(b)).collect();
    let mut saved: Vec<&Backup> = all.iter().filter(|b| b.kind == BackupKind::Saved).collect();
    saved.sort_by(|a, b| newest_first(a, b));
    for b in &saved[..KEEP_LATEST] {
        assert!(kept.contains(b), "{} is one of the last ten", b.id);
    }
    // One per day for 30 days: every UTC day in the window has its newest.
    for day in 0..30 {
        let date = (now - SignedDuration::from_hours(24 * day))
            .to_zoned(TimeZone::UTC)
            .date();
        if let Some(b) = saved
            .iter()
            .find(|b| b.time.to_zoned(TimeZone::UTC).date() == date)
        {
            assert!(kept.contains(b), "newest of {date} is kept");
        }
    }
    let kept_saved: Vec<&&Backup> = kept
        .iter()
        .filter(|b| b.kind == BackupKind::Saved)
        .collect();
    assert!(
        kept_saved
            .iter()
            .all(|b| b.time >= now - SignedDuration::from_hours(24 * 31))
    );
    assert!(kept_saved.len() <= KEEP_LATEST + 31, "{}", kept_saved.len());
    assert!(gone.contains(&&old_copy));
    assert!(!gone.contains(&&new_copy));
}

#[test]
fn with_few_backups_nothing_is_pruned() {
    let now = at("2026-11-24T12:00:00Z");
    let all: Vec<Backup> = (0..10)
        .map(|i| {
            numbered(
                10 - i,
                now - SignedDuration::from_hours(24 * 365 * i64::try_from(i).unwrap()),
                BackupKind::Saved,
                now,
            )
        })
        .collect();
    assert!(to_prune(&all, now).is_empty());
}

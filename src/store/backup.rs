//! Rolling backups in `backups/`: the last 10 saved versions, plus the
//! newest of each day for 30 days. Copies made just before a restore are
//! kept for 30 days whatever happens, so a restore can itself be undone.
//!
//! A backup's id is its file name without `.ron`: the UTC time it was made
//! (`2026-11-24T08-19-22.123Z`), then `-n` and its save number (`-n42`),
//! then `-before-restore` for the copy of what a restore replaced.
//!
//! **Order comes from the save number, never from the clock.** Each backup
//! gets one more than the highest number in the folder (backups are only
//! written under the journal's lock), so the newest is the last one made
//! even when the computer's clock was wrong: a backup made once with the
//! clock in 2099 is not "the newest" for ever, and one made with the clock
//! behind is not pruned first. A backup dated after now is flagged as such.
//!
//! Backups named before save numbers existed (`2026-11-24T08-19-22.123Z`,
//! `…-before-restore`, `…-2`) still load and restore. They count as older
//! than every numbered one; among themselves they go by date, except that
//! one dated in the future counts as the oldest, since its date cannot be
//! trusted.

use std::cmp::Ordering;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::fsx;

/// The subfolder of the data folder that holds backups.
pub const BACKUP_DIR: &str = "backups";
/// Saved versions always kept, newest first.
pub const KEEP_LATEST: usize = 10;
/// For this many days, the newest saved version of each day is kept.
pub const KEEP_DAYS: i64 = 30;

const BEFORE_RESTORE: &str = "-before-restore";
const SAVE_NUMBER: &str = "-n";
const ID_TIME_LEN: usize = "2026-11-24T08-19-22.123Z".len();

/// What made a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// A copy of a version as it was saved.
    Saved,
    /// The file a restore replaced, kept in case the restore was a mistake.
    BeforeRestore,
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    /// Type this to restore it.
    pub id: String,
    /// When it was made, by the computer's clock then (which may have been
    /// wrong: see `dated_in_the_future`).
    pub time: Timestamp,
    /// Its place in the order of saves (higher is newer); `None` for a
    /// backup named before save numbers existed.
    pub save_number: Option<u64>,
    /// Its date is after now: the clock was wrong when it was made. It is
    /// ordered and pruned by its save number like any other.
    pub dated_in_the_future: bool,
    pub kind: BackupKind,
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
}

impl Backup {
    /// When it was made, in the computer's time zone: "2026-11-24 09:19",
    /// with a warning when that date is in the future.
    pub fn time_text(&self) -> String {
        let time = self
            .time
            .to_zoned(TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string();
        if self.dated_in_the_future {
            format!("{time} (a future date: the clock was wrong)")
        } else {
            time
        }
    }

    /// Reads an id back into a backup description, if it is one of ours.
    fn from_file(path: PathBuf, size: u64, now: Timestamp) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        let id = name.strip_suffix(".ron")?;
        let time = parse_id_time(id)?;
        let mut rest = id.get(ID_TIME_LEN..)?;
        let save_number = match rest.strip_prefix(SAVE_NUMBER) {
            Some(after) => {
                let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                let n = after.get(..digits)?.parse().ok()?;
                rest = after.get(digits..)?;
                Some(n)
            }
            None => None,
        };
        let kind = if rest.starts_with(BEFORE_RESTORE) {
            BackupKind::BeforeRestore
        } else {
            BackupKind::Saved
        };
        Some(Self {
            id: id.to_owned(),
            time,
            save_number,
            dated_in_the_future: time > now,
            kind,
            path,
            size,
        })
    }
}

/// Newest first: numbered backups by number; then the older, unnumbered
/// ones by date, those dated in the future last.
fn newest_first(a: &Backup, b: &Backup) -> Ordering {
    let key = |x: &Backup| (x.save_number, !x.dated_in_the_future, x.time);
    key(b).cmp(&key(a)).then_with(|| b.id.cmp(&a.id))
}

/// `2026-11-24T08-19-22.123Z…` -> the timestamp.
fn parse_id_time(id: &str) -> Option<Timestamp> {
    let t = id.get(..ID_TIME_LEN)?;
    let iso = format!(
        "{}T{}:{}:{}",
        t.get(..10)?,
        t.get(11..13)?,
        t.get(14..16)?,
        t.get(17..)?
    );
    iso.parse().ok()
}

fn id_time(now: Timestamp) -> String {
    now.strftime("%Y-%m-%dT%H-%M-%S%.3fZ").to_string()
}

/// Every backup in `dir`, newest first (see [`newest_first`]). Files that
/// are not ours are ignored. `now` only flags backups dated after it.
pub fn list(dir: &Path, now: Timestamp) -> io::Result<Vec<Backup>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in read {
        let entry = entry?;
        // Only plain files: a folder or a link named like a backup is not
        // one, cannot be restored and is never pruned.
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let size = entry.metadata().map_or(0, |m| m.len());
        if let Some(b) = Backup::from_file(entry.path(), size, now) {
            out.push(b);
        }
    }
    out.sort_by(newest_first);
    Ok(out)
}

/// Writes `bytes` as a new backup made at `now`, numbered one above the
/// highest save number in `dir`. Call only under the journal's lock.
pub fn write(dir: &Path, now: Timestamp, kind: BackupKind, bytes: &[u8]) -> io::Result<Backup> {
    fsx::create_dir(dir)?;
    let number = list(dir, now)?
        .iter()
        .filter_map(|b| b.save_number)
        .max()
        .map_or(1, |n| n.saturating_add(1));
    let mut id = format!("{}{SAVE_NUMBER}{number}", id_time(now));
    if kind == BackupKind::BeforeRestore {
        id.push_str(BEFORE_RESTORE);
    }
    let name = format!("{id}.ron");
    // A link or folder of that name (not one of ours) is not replaced.
    if fs::symlink_metadata(dir.join(&name)).is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("something named {name} is already in the backups folder"),
        ));
    }
    fsx::write_atomic(dir, &name, bytes)?;
    Ok(Backup {
        id,
        time: now,
        save_number: Some(number),
        dated_in_the_future: false,
        kind,
        path: dir.join(name),
        size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
    })
}

/// Which backups the rolling policy lets go (pure, so it is tested alone).
/// Going from newest to oldest (by save number, see `newest_first`):
/// the first [`KEEP_LATEST`] saved versions are kept, and so is the newest
/// saved version of each (UTC) day within [`KEEP_DAYS`] before `now`; a
/// copy made before a restore is kept while it is within [`KEEP_DAYS`] or
/// among the newest [`KEEP_LATEST`] backups. A backup dated after `now` is
/// in no day's window, so it stays only while it is among the latest.
pub fn to_prune(backups: &[Backup], now: Timestamp) -> Vec<&Backup> {
    let horizon = now
        .checked_sub(SignedDuration::from_hours(24 * KEEP_DAYS))
        .unwrap_or(Timestamp::MIN);
    let mut sorted: Vec<&Backup> = backups.iter().collect();
    sorted.sort_by(|a, b| newest_first(a, b));
    let mut kept_saved = 0;
    let mut days_kept: Vec<jiff::civil::Date> = Vec::new();
    let mut out = Vec::new();
    for (rank, b) in sorted.into_iter().enumerate() {
        let recent = b.time >= horizon && b.time <= now;
        let keep = match b.kind {
            BackupKind::BeforeRestore => recent || rank < KEEP_LATEST,
            BackupKind::Saved => {
                let day = b.time.to_zoned(TimeZone::UTC).date();
                let newest_of_day = recent && !days_kept.contains(&day);
                if newest_of_day {
                    days_kept.push(day);
                }
                let latest = kept_saved < KEEP_LATEST;
                kept_saved += 1;
                latest || newest_of_day
            }
        };
        if !keep {
            out.push(b);
        }
    }
    out
}

/// Applies the rolling policy to the backups in `dir`. Best effort: a
/// backup that cannot be removed is simply kept.
pub fn prune(dir: &Path, now: Timestamp) -> io::Result<()> {
    let all = list(dir, now)?;
    for b in to_prune(&all, now) {
        let _ = fs::remove_file(&b.path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
}

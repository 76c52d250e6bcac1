//! Rolling backups in `backups/`: the last 10 saved versions, plus the
//! newest of each day for 30 days. Copies made just before a restore are
//! kept for 30 days whatever happens, so a restore can itself be undone.
//!
//! A backup's id is its file name without `.ron`: the UTC time it was made
//! (`2026-11-24T08-19-22.123Z`), then `-before-restore` for the copy of
//! what a restore replaced, then `-2`, `-3`… in the rare case two are made
//! in the same millisecond. Ids sort by time.

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
    pub time: Timestamp,
    pub kind: BackupKind,
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
}

impl Backup {
    /// When it was made, in the computer's time zone: "2026-11-24 09:19".
    pub fn time_text(&self) -> String {
        self.time
            .to_zoned(TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Reads an id back into a backup description, if it is one of ours.
    fn from_file(path: PathBuf, size: u64) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        let id = name.strip_suffix(".ron")?;
        let time = parse_id_time(id)?;
        let rest = id.get(ID_TIME_LEN..)?;
        let kind = if rest.starts_with(BEFORE_RESTORE) {
            BackupKind::BeforeRestore
        } else {
            BackupKind::Saved
        };
        Some(Self {
            id: id.to_owned(),
            time,
            kind,
            path,
            size,
        })
    }
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

/// Every backup in `dir`, newest first. Files that are not ours are ignored.
pub fn list(dir: &Path) -> io::Result<Vec<Backup>> {
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
        if let Some(b) = Backup::from_file(entry.path(), size) {
            out.push(b);
        }
    }
    out.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.id.cmp(&a.id)));
    Ok(out)
}

/// Writes `bytes` as a new backup made at `now`.
pub fn write(dir: &Path, now: Timestamp, kind: BackupKind, bytes: &[u8]) -> io::Result<Backup> {
    fsx::create_dir(dir)?;
    let mut id = id_time(now);
    if kind == BackupKind::BeforeRestore {
        id.push_str(BEFORE_RESTORE);
    }
    let mut unique = id.clone();
    let mut n = 2;
    while dir.join(format!("{unique}.ron")).exists() {
        unique = format!("{id}-{n}");
        n += 1;
    }
    let name = format!("{unique}.ron");
    fsx::write_atomic(dir, &name, bytes)?;
    Ok(Backup {
        id: unique,
        time: now,
        kind,
        path: dir.join(name),
        size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
    })
}

/// Which backups the rolling policy lets go (pure, so it is tested alone):
/// saved versions beyond the newest [`KEEP_LATEST`] that are not the newest
/// of their (UTC) day within [`KEEP_DAYS`] of `now`; copies made before a
/// restore once they are older than [`KEEP_DAYS`].
pub fn to_prune(backups: &[Backup], now: Timestamp) -> Vec<&Backup> {
    let horizon = now
        .checked_sub(SignedDuration::from_hours(24 * KEEP_DAYS))
        .unwrap_or(Timestamp::MIN);
    let mut sorted: Vec<&Backup> = backups.iter().collect();
    sorted.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.id.cmp(&a.id)));
    let mut kept_saved = 0;
    let mut days_kept: Vec<jiff::civil::Date> = Vec::new();
    let mut out = Vec::new();
    for b in sorted {
        // A backup dated after now (the clock was wrong once, or someone
        // put a file there) is kept and does not count among the latest:
        // otherwise ten of them would push out every real backup.
        if b.time > now {
            continue;
        }
        let recent = b.time >= horizon;
        let keep = match b.kind {
            BackupKind::BeforeRestore => recent,
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
    let all = list(dir)?;
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

    fn backup(time: Timestamp, kind: BackupKind) -> Backup {
        let mut id = id_time(time);
        if kind == BackupKind::BeforeRestore {
            id.push_str(BEFORE_RESTORE);
        }
        Backup {
            path: PathBuf::from(format!("{id}.ron")),
            id,
            time,
            kind,
            size: 0,
        }
    }

    #[test]
    fn backups_dated_in_the_future_never_push_out_the_real_ones() {
        let now = at("2026-11-24T08:00:00Z");
        let mut all: Vec<Backup> = (10..30)
            .map(|d| backup(at(&format!("2099-01-{d}T00:00:00Z")), BackupKind::Saved))
            .collect();
        let real: Vec<Backup> = (0..KEEP_LATEST)
            .map(|m| {
                let t = now
                    .checked_sub(SignedDuration::from_mins(i64::try_from(m).unwrap()))
                    .unwrap();
                backup(t, BackupKind::Saved)
            })
            .collect();
        all.extend(real.iter().cloned());
        let gone = to_prune(&all, now);
        assert!(
            gone.is_empty(),
            "{:?}",
            gone.iter().map(|b| &b.id).collect::<Vec<_>>()
        );
        // One more real one: the oldest real one goes, the future ones stay.
        let older = backup(
            now.checked_sub(SignedDuration::from_hours(24 * (KEEP_DAYS + 1)))
                .unwrap(),
            BackupKind::Saved,
        );
        all.push(older.clone());
        let gone: Vec<&str> = to_prune(&all, now).iter().map(|b| b.id.as_str()).collect();
        assert_eq!(gone, vec![older.id.as_str()]);
    }

    #[test]
    fn ids_round_trip_to_their_time_and_kind() {
        let t = at("2026-11-24T08:19:22.123Z");
        assert_eq!(id_time(t), "2026-11-24T08-19-22.123Z");
        let b = Backup::from_file(
            PathBuf::from("2026-11-24T08-19-22.123Z-before-restore-2.ron"),
            5,
        )
        .unwrap();
        assert_eq!(b.time, t);
        assert_eq!(b.kind, BackupKind::BeforeRestore);
        assert_eq!(b.id, "2026-11-24T08-19-22.123Z-before-restore-2");
        assert!(Backup::from_file(PathBuf::from("notes.txt"), 1).is_none());
        assert!(Backup::from_file(PathBuf::from("holiday.ron"), 1).is_none());
    }

    #[test]
    fn keeps_the_last_ten_and_one_a_day_for_thirty_days() {
        let now = at("2026-11-24T12:00:00Z");
        let mut all = Vec::new();
        // 60 days, 3 saves a day.
        for day in 0..60 {
            for hour in [8, 12, 18] {
                let t = now - SignedDuration::from_hours(24 * day) - SignedDuration::from_hours(12)
                    + SignedDuration::from_hours(hour);
                if t <= now {
                    all.push(backup(t, BackupKind::Saved));
                }
            }
        }
        let old_copy = backup(
            now - SignedDuration::from_hours(24 * 40),
            BackupKind::BeforeRestore,
        );
        let new_copy = backup(
            now - SignedDuration::from_hours(24 * 20),
            BackupKind::BeforeRestore,
        );
        all.push(old_copy.clone());
        all.push(new_copy.clone());

        let gone: Vec<&Backup> = to_prune(&all, now);
        let kept: Vec<&Backup> = all.iter().filter(|b| !gone.contains(b)).collect();
        let mut saved: Vec<&&Backup> = kept
            .iter()
            .filter(|b| b.kind == BackupKind::Saved)
            .collect();
        saved.sort_by_key(|b| std::cmp::Reverse(b.time));
        // The newest ten are all kept.
        let mut newest: Vec<&Backup> = all.iter().filter(|b| b.kind == BackupKind::Saved).collect();
        newest.sort_by_key(|b| std::cmp::Reverse(b.time));
        for b in &newest[..KEEP_LATEST] {
            assert!(kept.contains(b), "{} is one of the last ten", b.id);
        }
        // One per day for 30 days: every UTC day in the window has its newest.
        for day in 0..30 {
            let date = (now - SignedDuration::from_hours(24 * day))
                .to_zoned(TimeZone::UTC)
                .date();
            let newest_of_day = newest
                .iter()
                .find(|b| b.time.to_zoned(TimeZone::UTC).date() == date);
            if let Some(b) = newest_of_day {
                assert!(kept.contains(b), "newest of {date} is kept");
            }
        }
        // Nothing older than 30 days beyond the last ten.
        assert!(
            saved
                .iter()
                .all(|b| b.time >= now - SignedDuration::from_hours(24 * 31))
        );
        assert!(saved.len() <= KEEP_LATEST + 31, "{}", saved.len());
        assert!(gone.contains(&&old_copy));
        assert!(!gone.contains(&&new_copy));
    }

    #[test]
    fn with_few_backups_nothing_is_pruned() {
        let now = at("2026-11-24T12:00:00Z");
        let all: Vec<Backup> = (0..10)
            .map(|i| {
                backup(
                    now - SignedDuration::from_hours(24 * 365 * i),
                    BackupKind::Saved,
                )
            })
            .collect();
        assert!(to_prune(&all, now).is_empty());
    }
}

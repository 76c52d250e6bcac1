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
mod tests;

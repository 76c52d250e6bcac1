//! The window's own small state, kept between runs in `ui.ron` in the data
//! folder: theme, text size, last screen, whether the welcome was done, and
//! the unsaved Today draft (so nothing typed is lost by closing the window).
//!
//! It is not health data of record (that is the journal), but it is saved
//! the same careful way: temp file, fsync, rename. A file that does not
//! parse is left alone and the defaults are used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::screen::Screen;
use super::theme::{ThemeChoice, clamp_text_scale};
use super::trends::Range;
use crate::journal::EntryDraft;
use crate::journal::attention::Fingerprint;

pub const FILE_NAME: &str = crate::store::UI_FILE;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    pub theme: ThemeChoice,
    /// Percent, 100–200.
    pub text_scale: u16,
    pub last_screen: Screen,
    /// The welcome pages were finished or skipped.
    pub welcomed: bool,
    /// The Today form as typed but not yet saved.
    pub today_draft: Option<EntryDraft>,
    /// The Trends screen's range.
    pub trends_range: Range,
    /// Unsaved forms of other days, set aside when the person switched days.
    pub set_aside: BTreeMap<Date, EntryDraft>,
    /// The journal's note (issue 15) that was put away, until the evidence
    /// grows. Left out of the file until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attention_dismissed: Option<Fingerprint>,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            text_scale: 100,
            last_screen: Screen::Check,
            welcomed: false,
            today_draft: None,
            trends_range: Range::default(),
            set_aside: BTreeMap::new(),
            attention_dismissed: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PrefsError {
    #[error(
        "Could not read the window settings ({source}); using the defaults. Fix or delete the file: {path}"
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "The window settings file is damaged ({source}); using the defaults. It is left as it is; delete it to start fresh: {path}"
    )]
    Parse {
        path: PathBuf,
        source: Box<ron::error::SpannedError>,
    },
    #[error(
        "Could not save the window settings ({source}). Check that the disk is not full: {path}"
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl UiPrefs {
    /// Loads `ui.ron` from `dir`. A missing file gives the defaults.
    #[expect(clippy::disallowed_methods, reason = "ui.ron is the app's own file")]
    pub fn load(dir: &Path) -> Result<Self, PrefsError> {
        let path = dir.join(FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(PrefsError::Read { path, source }),
        };
        let mut prefs: Self = ron::from_str(&text).map_err(|source| PrefsError::Parse {
            path,
            source: Box::new(source),
        })?;
        prefs.text_scale = clamp_text_scale(prefs.text_scale);
        if prefs.last_screen == Screen::Welcome {
            prefs.last_screen = Screen::Check;
        }
        Ok(prefs)
    }

    /// Saves atomically and durably into `dir`.
    #[expect(clippy::disallowed_methods, reason = "ui.ron is the app's own file")]
    pub fn save(&self, dir: &Path) -> Result<(), PrefsError> {
        let path = dir.join(FILE_NAME);
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(|e| {
                PrefsError::Write {
                    path: path.clone(),
                    source: std::io::Error::other(e),
                }
            })?;
        std::fs::create_dir_all(dir)
            .and_then(|()| crate::store::write_file_atomic(&path, text.as_bytes()))
            .map_err(|source| PrefsError::Write { path, source })
    }
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "tests write damaged files on purpose"
)]
mod tests {
    use super::*;

    #[test]
    fn prefs_round_trip_and_missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(UiPrefs::load(dir.path()).unwrap(), UiPrefs::default());
        let prefs = UiPrefs {
            theme: ThemeChoice::Dark,
            text_scale: 175,
            last_screen: Screen::Trends,
            welcomed: true,
            today_draft: Some(EntryDraft {
                pain: Some(4),
                note: "stiff after gardening".into(),
                ..EntryDraft::new(Date::constant(2026, 11, 24))
            }),
            trends_range: Range::All,
            set_aside: BTreeMap::new(),
            attention_dismissed: None,
        };
        prefs.save(dir.path()).unwrap();
        assert_eq!(UiPrefs::load(dir.path()).unwrap(), prefs);
    }

    #[test]
    fn a_damaged_file_is_reported_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "(theme: purple").unwrap();
        let err = UiPrefs::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(theme: purple");
    }

    #[test]
    fn unknown_and_out_of_range_values_fall_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "(text_scale: 900)").unwrap();
        let prefs = UiPrefs::load(dir.path()).unwrap();
        assert_eq!(prefs.text_scale, 200);
        assert_eq!(prefs.theme, ThemeChoice::System);
    }
}

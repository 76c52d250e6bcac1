//! The screens of the window: one enum, with each screen's label and
//! keyboard shortcut next to its variant (never a set of booleans).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::id_enum::id_enum;

id_enum! {
    /// A screen of the window (`ui.ron` keeps the last one by its id).
    #[derive(Default)]
    Screen {
        /// The welcome and profile pages shown on first start.
        Welcome = "welcome", "Welcome";
        #[default]
        Check = "check", "Check";
        Today = "today", "Today";
        Journal = "journal", "Journal";
        Trends = "trends", "Trends";
        Summary = "summary", "Summary";
        Settings = "settings", "Settings";
    }
}

impl Screen {
    /// The screens in the navigation bar, in order (Ctrl+1 … Ctrl+6).
    pub const NAV: [Self; 6] = [
        Self::Check,
        Self::Today,
        Self::Journal,
        Self::Trends,
        Self::Summary,
        Self::Settings,
    ];

    /// What the screen is for, shown as the navigation button's tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Welcome => "What Backlog does, and your details",
            Self::Check => "Check your symptoms: how soon to get care, and why",
            Self::Today => "Log today's pain",
            Self::Journal => "All your entries, newest first",
            Self::Trends => "Pain over time",
            Self::Summary => "A one-page summary for your doctor",
            Self::Settings => "Your details, look, data and backups",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = match self {
            Self::Welcome => return None,
            Self::Check => Key::Num1,
            Self::Today => Key::Num2,
            Self::Journal => Key::Num3,
            Self::Trends => Key::Num4,
            Self::Summary => Key::Num5,
            Self::Settings => Key::Num6,
        };
        Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nav_screen_has_its_own_shortcut() {
        let mut seen = Vec::new();
        for s in Screen::NAV {
            let shortcut = s.shortcut();
            assert!(shortcut.is_some(), "{s:?}");
            assert!(!seen.contains(&shortcut), "{s:?} repeats a shortcut");
            seen.push(shortcut);
        }
        assert!(!Screen::NAV.contains(&Screen::Welcome));
    }
}

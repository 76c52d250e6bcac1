//! Icons from the Phosphor icon font (MIT, `assets/fonts/Phosphor-LICENSE.txt`),
//! always shown beside words, never instead of them.
//!
//! The font is a subset: only the glyphs listed here are in
//! `assets/fonts/Phosphor-Bold-subset.ttf` (11 KB instead of 495 KB).
//! `assets/fonts/subset-phosphor.sh` rebuilds it from this list; a test
//! checks that every icon has its glyph.
//!
//! Screen readers never hear an icon: the helpers in `ui_kit` paint icons
//! with the painter (no widget), or give a control the name of its words.

use crate::triage::Level;

use super::Screen;

/// One icon; the value is its code point in the Phosphor font (private use
/// area, so it never clashes with text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Icon {
    Ambulance,
    Hospital,
    ClockCountdown,
    CalendarCheck,
    HouseLine,
    ListChecks,
    NotePencil,
    BookOpenText,
    ChartLineUp,
    FileText,
    GearSix,
    WarningCircle,
    Info,
    CheckCircle,
    Check,
    Phone,
    FloppyDisk,
    Printer,
    X,
    Undo,
    CalendarBlank,
    Moon,
    Pill,
    MagnifyingGlass,
    FolderOpen,
    Export,
    Download,
    Trash,
    Plus,
    Person,
    Stethoscope,
    PencilSimple,
    TextSize,
    Sun,
    User,
    Question,
    Clock,
    Lightbulb,
    CaretDown,
    CaretRight,
}

impl Icon {
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "the glyph test walks every icon")
    )]
    pub const ALL: [Self; 40] = [
        Self::Ambulance,
        Self::Hospital,
        Self::ClockCountdown,
        Self::CalendarCheck,
        Self::HouseLine,
        Self::ListChecks,
        Self::NotePencil,
        Self::BookOpenText,
        Self::ChartLineUp,
        Self::FileText,
        Self::GearSix,
        Self::WarningCircle,
        Self::Info,
        Self::CheckCircle,
        Self::Check,
        Self::Phone,
        Self::FloppyDisk,
        Self::Printer,
        Self::X,
        Self::Undo,
        Self::CalendarBlank,
        Self::Moon,
        Self::Pill,
        Self::MagnifyingGlass,
        Self::FolderOpen,
        Self::Export,
        Self::Download,
        Self::Trash,
        Self::Plus,
        Self::Person,
        Self::Stethoscope,
        Self::PencilSimple,
        Self::TextSize,
        Self::Sun,
        Self::User,
        Self::Question,
        Self::Clock,
        Self::Lightbulb,
        Self::CaretDown,
        Self::CaretRight,
    ];

    /// The glyph, to put in a text run drawn with the icon font.
    pub fn glyph(self) -> char {
        // Phosphor 2.1 (bold) code points; the subset script reads these.
        match self {
            Self::Ambulance => '\u{e572}',
            Self::Hospital => '\u{e844}',
            Self::ClockCountdown => '\u{ed2c}',
            Self::CalendarCheck => '\u{e712}',
            Self::HouseLine => '\u{e2c4}',
            Self::ListChecks => '\u{eadc}',
            Self::NotePencil => '\u{e34c}',
            Self::BookOpenText => '\u{e8f2}',
            Self::ChartLineUp => '\u{e156}',
            Self::FileText => '\u{e23a}',
            Self::GearSix => '\u{e272}',
            Self::WarningCircle => '\u{e4e2}',
            Self::Info => '\u{e2ce}',
            Self::CheckCircle => '\u{e184}',
            Self::Check => '\u{e182}',
            Self::Phone => '\u{e3b8}',
            Self::FloppyDisk => '\u{e248}',
            Self::Printer => '\u{e3dc}',
            Self::X => '\u{e4f6}',
            Self::Undo => '\u{e038}',
            Self::CalendarBlank => '\u{e10a}',
            Self::Moon => '\u{e330}',
            Self::Pill => '\u{e700}',
            Self::MagnifyingGlass => '\u{e30c}',
            Self::FolderOpen => '\u{e256}',
            Self::Export => '\u{eaf0}',
            Self::Download => '\u{e20c}',
            Self::Trash => '\u{e4a6}',
            Self::Plus => '\u{e3d4}',
            Self::Person => '\u{e3a8}',
            Self::Stethoscope => '\u{e7ea}',
            Self::PencilSimple => '\u{e3b4}',
            Self::TextSize => '\u{e6ee}',
            Self::Sun => '\u{e472}',
            Self::User => '\u{e4c2}',
            Self::Question => '\u{e3e8}',
            Self::Clock => '\u{e19a}',
            Self::Lightbulb => '\u{e2dc}',
            Self::CaretDown => '\u{e136}',
            Self::CaretRight => '\u{e13a}',
        }
    }

    /// Each level has its own icon, so the level never rests on colour.
    pub fn for_level(level: Level) -> Self {
        match level {
            Level::CallAmbulance => Self::Ambulance,
            Level::EmergencyDepartment => Self::Hospital,
            Level::Within24h => Self::ClockCountdown,
            Level::SeeDoctor => Self::CalendarCheck,
            Level::SelfCare => Self::HouseLine,
        }
    }

    /// The navigation bar's icon for a screen.
    pub fn for_screen(screen: Screen) -> Self {
        match screen {
            Screen::Welcome => Self::Lightbulb,
            Screen::Check => Self::ListChecks,
            Screen::Today => Self::NotePencil,
            Screen::Journal => Self::BookOpenText,
            Screen::Trends => Self::ChartLineUp,
            Screen::Summary => Self::FileText,
            Screen::Settings => Self::GearSix,
        }
    }
}

/// The name of the icon font in egui's font list.
pub const FONT_NAME: &str = "phosphor-bold";

/// The subset font's bytes.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/Phosphor-Bold-subset.ttf");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_listed_once_with_its_own_glyph() {
        let mut seen = std::collections::HashSet::new();
        for icon in Icon::ALL {
            assert!(seen.insert(icon.glyph()), "{icon:?} repeats a glyph");
            assert!(
                ('\u{e000}'..='\u{f8ff}').contains(&icon.glyph()),
                "{icon:?} is outside the private use area"
            );
        }
    }

    #[test]
    fn each_level_has_its_own_icon() {
        let icons: std::collections::HashSet<Icon> =
            Level::MOST_URGENT_FIRST.map(Icon::for_level).into();
        assert_eq!(icons.len(), Level::MOST_URGENT_FIRST.len());
    }
}

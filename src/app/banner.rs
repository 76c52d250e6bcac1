//! The triage banner: the level's headline in its colour, the numbers to
//! call, the first action and the one-line instruction.
//!
//! Safety-critical, and the same at every text size: the instruction line
//! ("Do not drive yourself", "be seen within 24 hours. Call your GP…") is
//! never dropped (at 175–200 % text it once was), and on the two emergency
//! levels the emergency number is the largest text. In a short window the
//! type is smaller and the margins tighter, nothing more.
//!
//! The banner is one focusable node (Tab reaches it) whose name is all it
//! says, and a live region: a change of level is spoken, at once for the
//! two emergency levels.
//!
//! What each level says and at what size, and the height that takes, are
//! worked out in `banner/layout.rs`; this file draws it.

use egui::{Frame, RichText, Ui};

mod layout;

use layout::{BannerLayout, banner_height};

use super::{a11y, theme, ui_kit};
use crate::journal::Profile;
use crate::triage::{Advice, Knowledge, Level};

/// What a banner says: the level's advice and, when a rule that sets the
/// level has one, its first action line ("Do not move. Call an ambulance."),
/// shown under the headline (revision-2.md R5).
#[derive(Clone, Copy)]
pub struct BannerText<'a> {
    pub advice: &'a Advice,
    pub action: Option<&'a str>,
}

/// The numbers a banner may show. Empty strings are numbers not given.
#[derive(Debug, Clone, Copy)]
pub struct Numbers<'a> {
    /// The emergency number, or "your local emergency number".
    pub emergency: &'a str,
    pub doctor: &'a str,
    pub urgent_care: &'a str,
    pub cancer_team: &'a str,
}

impl<'a> Numbers<'a> {
    /// The profile's numbers; without an emergency number, `proposed` (from
    /// the system's locale), and without that, words.
    pub fn new(profile: &'a Profile, proposed: Option<&'a str>) -> Self {
        Self {
            emergency: profile.emergency_number_or(proposed),
            doctor: profile.doctor_number.trim(),
            urgent_care: profile.urgent_care_number.trim(),
            cancer_team: profile.cancer_team_number.trim(),
        }
    }

    /// The line of numbers for a level below the emergencies: whom to call
    /// today (24 hours: doctor, urgent care, cancer team), or to book with.
    fn contacts(&self, level: Level) -> Option<String> {
        let wanted: &[(&str, &str)] = match level {
            Level::Within24h => &[
                ("Your doctor", self.doctor),
                ("Urgent care", self.urgent_care),
                ("Your cancer team", self.cancer_team),
            ],
            Level::SeeDoctor => &[("Your doctor", self.doctor)],
            _ => &[],
        };
        let parts: Vec<String> = wanted
            .iter()
            .filter(|(_, n)| !n.is_empty())
            .map(|(who, n)| format!("{who}: {n}"))
            .collect();
        (!parts.is_empty()).then(|| parts.join("   ·   "))
    }
}

/// The level banner, as tall as its text.
/// `id` names it among banners on the same screen (Today can show the
/// day's and the journal's).
pub fn level_banner(ui: &mut Ui, id: &str, text: BannerText<'_>, numbers: Numbers<'_>) {
    let layout = BannerLayout::for_ui(ui);
    draw_banner(ui, id, text, numbers, layout, None);
}

/// True when the window is short for the text size: banners use smaller
/// type so the list below keeps room to tick.
pub fn is_tight(ui: &Ui) -> bool {
    BannerLayout::for_ui(ui).tight
}

/// The height of the tallest banner any result can show at this width and
/// text size: every level, with and without each of its action lines.
pub fn steady_banner_height(ui: &Ui, numbers: Numbers<'_>, knowledge: &Knowledge) -> f32 {
    let layout = BannerLayout::for_ui(ui);
    let mut tallest: f32 = 0.0;
    for level in Level::MOST_URGENT_FIRST {
        let advice = knowledge.advice(level);
        let actions = knowledge
            .rules()
            .iter()
            .filter(|r| r.level == level)
            .filter_map(|r| r.action.as_deref());
        for action in std::iter::once(None).chain(actions.map(Some)) {
            let text = BannerText { advice, action };
            tallest = tallest.max(banner_height(ui, text, numbers, layout));
        }
    }
    tallest
}

/// The level banner at one steady height (see [`steady_banner_height`]).
/// Ticking a box that changes the level then never moves the list under
/// the pointer.
pub fn steady_level_banner(
    ui: &mut Ui,
    text: BannerText<'_>,
    numbers: Numbers<'_>,
    knowledge: &Knowledge,
) {
    let tallest = steady_banner_height(ui, numbers, knowledge);
    let layout = BannerLayout::for_ui(ui).fitted(ui, text, numbers, tallest);
    draw_banner(ui, "triage_banner", text, numbers, layout, Some(tallest));
}

/// Holds the banner's place before there is a result, at the same height,
/// so nothing below moves when the first box is ticked.
pub fn waiting_banner(ui: &mut Ui, numbers: Numbers<'_>, k: &Knowledge) {
    let height = steady_banner_height(ui, numbers, k);
    let frame = Frame::group(ui.style()).fill(ui.visuals().faint_bg_color);
    let margin = frame.total_margin().sum().y;
    let shown = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_min_height((height - margin).max(0.0));
        ui.add(egui::Label::new(RichText::new("Your result will show here").strong()).wrap());
    });
    name_and_announce(
        ui,
        "triage_banner",
        shown.response.rect,
        "No result yet: tick what is true for you now, or type your age",
        false,
    );
}

fn draw_banner(
    ui: &mut Ui,
    id: &str,
    text: BannerText<'_>,
    numbers: Numbers<'_>,
    layout: BannerLayout,
    height: Option<f32>,
) {
    let level = text.advice.level;
    let (fill, _) = theme::level_colors(level);
    let frame = layout.frame(ui, level);
    // Centre the text in the steady height rather than leave a gap below.
    let own = banner_height(ui, text, numbers, layout);
    let extra = height.map_or(0.0, |h| (h - own).max(0.0));
    let margin = frame.total_margin().sum();
    let (lines, spoken) = layout.lines(ui, text, numbers);
    let shown = frame.fill(fill).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(h) = height {
            ui.set_min_height(h - margin.y);
        }
        if extra > 0.0 {
            ui.add_space(extra / 2.0);
        }
        for line in lines {
            let spoken = ui_kit::without_icons(line.text());
            ui.add(egui::Label::new(line).wrap())
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
        }
    });
    name_and_announce(ui, id, shown.response.rect, &spoken, level.is_emergency());
}

/// One focusable node over the banner, named by all it says: Tab reaches
/// it, and as a live region a change of advice is spoken (at once when
/// `urgent`). Its id is fixed, so the region lives on while the level
/// changes, which is what makes screen readers speak the change.
fn name_and_announce(ui: &mut Ui, id: &str, rect: egui::Rect, spoken: &str, urgent: bool) {
    let id = ui.make_persistent_id(id);
    let r = ui.interact(rect, id, egui::Sense::focusable_noninteractive());
    let role = if urgent {
        egui::Role::Alert
    } else {
        egui::Role::Status
    };
    r.widget_info(|| egui::WidgetInfo::labeled(role, true, spoken));
    a11y::live(ui.ctx(), r.id, urgent);
}

#[cfg(test)]
mod tests {
    use super::layout::{Sizes, base_size, number_size};
    use super::*;

    #[test]
    fn on_the_emergency_levels_the_number_is_the_largest_text_at_every_size() {
        for level in [Level::CallAmbulance, Level::EmergencyDepartment] {
            for tight in [false, true] {
                let s = Sizes::of(level, tight);
                for other in [s.headline, s.lead_in, s.action, s.line] {
                    assert!(s.number > other, "{level} tight={tight}: {s:?}");
                }
            }
        }
    }

    /// At 200 % in a short window the number was 1.15 body sizes, below a
    /// section heading (1.2) and a screen title (1.5).
    #[test]
    fn the_emergency_number_outgrows_every_title_at_every_text_size() {
        let ctx = egui::Context::default();
        for scale in (100..=200).step_by(25) {
            theme::apply(&ctx, theme::ThemeChoice::Light, scale);
            let style = ctx.style_of(egui::Theme::Light);
            let body = style.text_styles[&egui::TextStyle::Body].size;
            let title = style.text_styles[&egui::TextStyle::Heading].size;
            let section = 1.2 * body;
            for level in [Level::CallAmbulance, Level::EmergencyDepartment] {
                for tight in [false, true] {
                    let s = Sizes::of(level, tight);
                    let base = base_size(body, tight);
                    let number = number_size(s, base, body);
                    for other in [title, section, base * s.headline, base * s.lead_in] {
                        assert!(
                            number > other,
                            "{level} tight={tight} at {scale}%: {number} <= {other}"
                        );
                    }
                }
            }
        }
    }

    /// In a short window at 200 % the banners' type stops at 125 %, and
    /// the 24-hour banner's words were three fifths of the body size in a
    /// box sized for the ambulance banner. A banner with room to spare in
    /// the steady height now uses it, up to the body size.
    #[test]
    fn in_a_short_window_a_banner_with_room_grows_to_the_body_size() {
        let ctx = egui::Context::default();
        theme::apply(&ctx, theme::ThemeChoice::Light, 200);
        let k = crate::triage::knowledge();
        let profile = Profile::default();
        let numbers = Numbers::new(&profile, Some("999"));
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1024.0, 600.0),
            )),
            ..egui::RawInput::default()
        };
        let mut checked = 0;
        let mut out = ctx.run_ui(input, |ui| {
            let body = theme::body_size(ui);
            let layout = BannerLayout::for_ui(ui);
            assert!(layout.tight, "1024×600 at 200 % is a short window");
            let tallest = steady_banner_height(ui, numbers, k);
            for level in Level::MOST_URGENT_FIRST {
                let text = BannerText {
                    advice: k.advice(level),
                    action: None,
                };
                let fitted = layout.fitted(ui, text, numbers, tallest);
                assert!(banner_height(ui, text, numbers, fitted) <= tallest + 0.5);
                assert!(fitted.base(body) >= layout.base(body), "{level}");
                assert!(fitted.base(body) <= body, "{level}");
                checked += 1;
            }
            let day = BannerText {
                advice: k.advice(Level::Within24h),
                action: None,
            };
            assert!(layout.base(body) < body);
            assert_eq!(layout.fitted(ui, day, numbers, tallest).base(body), body);
        });
        out.textures_delta.clear();
        assert_eq!(checked, 5);
    }

    #[test]
    fn the_24_hour_banner_names_the_numbers_that_are_set() {
        let profile = Profile {
            doctor_number: "0161 496 0000".into(),
            urgent_care_number: "111".into(),
            ..Profile::default()
        };
        let n = Numbers::new(&profile, Some("999"));
        assert_eq!(n.emergency, "999");
        assert_eq!(
            n.contacts(Level::Within24h).as_deref(),
            Some("Your doctor: 0161 496 0000   ·   Urgent care: 111")
        );
        assert_eq!(
            n.contacts(Level::SeeDoctor).as_deref(),
            Some("Your doctor: 0161 496 0000")
        );
        assert_eq!(n.contacts(Level::SelfCare), None);
        let empty = Profile::default();
        let none = Numbers::new(&empty, None);
        assert_eq!(none.emergency, "your local emergency number");
        assert_eq!(none.contacts(Level::Within24h), None);
    }
}

//! Keyboard and screen reader, on the AccessKit tree egui builds (what
//! AT-SPI reads): every control named, and distinctly; headings; the
//! window's name; a screen switch announced; expandable sections that say
//! whether they are open; the banner and notices as live regions; focus
//! that survives a notice and is always in view.

use backlog::app::{App, Command, Screen};
use backlog::journal::{Age, Profile};
use egui::accesskit::{Live, Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, NodeT, Queryable};

use super::{TODAY, config, harness_sized, ready};

/// A data folder with 60 days of the sample journal and a profile.
fn sample_app(dir: &std::path::Path) -> App {
    let sample = backlog::journal::sample::journal(TODAY, 60, 3);
    backlog::store::Store::open(dir)
        .unwrap()
        .update(|j| {
            *j = sample.clone();
            Ok::<_, backlog::store::StoreError>(())
        })
        .unwrap();
    ready(App::new(config(dir)))
}

/// Roles a person can act on.
fn interactive(n: &AccessKitNode<'_>) -> bool {
    matches!(
        n.role(),
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
            | Role::Link
            | Role::Tab
    ) || n.data().supports_action(egui::accesskit::Action::Focus)
}

fn name(n: &AccessKitNode<'_>) -> Option<String> {
    n.label()
        .or_else(|| n.value())
        .filter(|l| !l.trim().is_empty())
}

/// Every screen, in a tall window so that everything is laid out.
fn each_screen(mut check: impl FnMut(Screen, &Harness<'static, App>)) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(sample_app(dir.path()), 1280.0, 2600.0);
    h.run();
    for screen in Screen::NAV {
        h.state_mut().run(Command::Navigate(screen));
        h.run();
        check(screen, &h);
    }
    h.state_mut().run(Command::Navigate(Screen::Welcome));
    h.run();
    check(Screen::Welcome, &h);
}

#[test]
fn no_screen_has_an_unnamed_or_repeated_control() {
    each_screen(|screen, h| {
        let mut seen = std::collections::BTreeMap::new();
        for n in h.query_all_by(interactive) {
            let node = n.accesskit_node();
            let Some(label) = name(&node) else {
                panic!("{screen:?}: an unnamed {:?} at {:?}", node.role(), n.rect());
            };
            if let Some(before) = seen.insert(label.clone(), node.role()) {
                panic!(
                    "{screen:?}: two controls named {label:?} ({before:?}, {:?})",
                    node.role()
                );
            }
        }
        assert!(!seen.is_empty(), "{screen:?} has controls");
    });
}

#[test]
fn every_screen_has_a_title_heading_and_the_window_a_name() {
    each_screen(|screen, h| {
        let titles = h
            .query_all_by(|n| n.role() == Role::Heading && n.level() == Some(1))
            .count();
        assert!(titles >= 1, "{screen:?} has no level-1 heading");
        let root = h.root();
        assert_eq!(
            root.accesskit_node().label().as_deref(),
            Some("Backlog: back pain check and journal")
        );
        // The switch is announced: a polite status that names the screen.
        let status = h.get_by(|n| {
            n.role() == Role::Status && n.label().is_some_and(|l| l.ends_with(" screen"))
        });
        assert_eq!(status.accesskit_node().live(), Live::Polite);
        let said = status.accesskit_node().label().unwrap_or_default();
        assert!(said.starts_with(screen.label()), "{screen:?}: {said}");
    });
}

#[test]
fn expandable_sections_say_whether_they_are_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness_sized(app, 1280.0, 2600.0);
    h.run();
    let details = h.get_by_label("More details (optional)");
    assert_eq!(details.accesskit_node().data().is_expanded(), Some(true));
    let closed = h.get_by_label("Whole-body symptoms");
    assert_eq!(closed.accesskit_node().data().is_expanded(), Some(false));
    closed.click();
    h.run();
    let opened = h.get_by_label("Whole-body symptoms");
    assert_eq!(opened.accesskit_node().data().is_expanded(), Some(true));
}

fn profile(age: u8) -> Profile {
    Profile {
        age: Some(Age::Years {
            years: age,
            on: TODAY,
        }),
        emergency_number: "999".into(),
        ..Profile::default()
    }
}

/// The banner is one live region whose name is all it says: polite for a
/// calm result, assertive (an alert) for the two emergency levels.
#[test]
fn the_banner_is_a_live_region_assertive_for_an_emergency() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::SaveProfile(profile(40)));
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    let strain = "It started during or soon after you did something physical. For example: lifting, carrying, twisting, a new workout, yard work, or sleeping in an odd way.";
    super::tick(&mut h, strain);
    let calm = super::banner(&h);
    assert_eq!(calm.accesskit_node().role(), Role::Status);
    assert_eq!(calm.accesskit_node().live(), Live::Polite);
    let calm_id = calm.accesskit_node().id();
    let chest = "Pain, pressure, tightness, heaviness or squeezing in your chest";
    super::tick(&mut h, chest);
    let urgent = super::banner(&h);
    let node = urgent.accesskit_node();
    assert_eq!(node.role(), Role::Alert);
    assert_eq!(node.live(), Live::Assertive);
    // The same node: a region that changes is what screen readers speak.
    assert_eq!(node.id(), calm_id);
    let said = node.label().unwrap_or_default();
    assert!(
        said.starts_with("Call an ambulance now. Call 999."),
        "{said}"
    );
    assert!(said.contains("Do not drive yourself"), "{said}");
}

/// Keyboard focus is kept when a confirmation appears and when it fades,
/// and the notices are a live region.
#[test]
fn focus_survives_a_notice_coming_and_going() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready(App::new(config(dir.path())));
    app.run(Command::Navigate(Screen::Today));
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    h.get_by_label("Pain now 4").focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    assert!(super::shows_text(&h, "Saved your entry for today."));
    let notice = super::text_containing(&h, "Saved your entry for today.");
    assert_eq!(notice.accesskit_node().live(), Live::Polite);
    assert!(h.get_by_label("Pain now 4").is_focused(), "after it came");
    h.run_steps(600);
    assert!(!super::shows_text(&h, "Saved your entry for today."));
    assert!(h.get_by_label("Pain now 4").is_focused(), "after it went");
    // Tab goes on from there (focus lost would start again at the top).
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(h.get_by_label("Pain now 5").is_focused());
}

/// Nothing moves under the pointer: a control stays exactly where it was
/// when a notice appears, and when it goes.
#[test]
fn a_notice_never_moves_what_is_on_the_screen() {
    for screen in [Screen::Today, Screen::Check] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = ready(App::new(config(dir.path())));
        app.run(Command::Navigate(screen));
        let mut h = harness_sized(app, 1024.0, 600.0);
        h.run();
        let probe = match screen {
            Screen::Today => "Pain now 7",
            _ => "Pain, pressure, tightness, heaviness or squeezing in your chest",
        };
        let role = match screen {
            Screen::Today => Role::Button,
            _ => Role::CheckBox,
        };
        let at = |h: &Harness<'static, App>| h.get_by_role_and_label(role, probe).rect();
        let before = at(&h);
        h.state_mut().run(Command::SaveProfile(profile(50)));
        h.run();
        assert!(super::shows_text(&h, "Your details are saved."));
        assert_eq!(at(&h), before, "{screen:?}: it came");
        h.run_steps(600);
        assert!(!super::shows_text(&h, "Your details are saved."));
        assert_eq!(at(&h), before, "{screen:?}: it went");
    }
}

/// The whole check by keyboard: Tab from the first control to the last,
/// and every control focused is on screen (scrolled into view, not under
/// the banner or the footer), in a roomy and in a small window at 200 %.
#[test]
fn tabbing_through_the_whole_check_keeps_the_focused_control_in_view() {
    for (size, scale) in [((1280.0, 800.0), 100), ((1024.0, 600.0), 200)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = ready(App::new(config(dir.path())));
        app.run(Command::SaveProfile(profile(60)));
        app.run(Command::SetTextScale(scale));
        let mut h = harness_sized(app, size.0, size.1);
        h.run_steps(600); // the "saved" notice goes
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
        let boxes = h.query_all_by_role(Role::CheckBox).count();
        let mut ticked_seen = 0;
        let mut names = std::collections::BTreeSet::new();
        for _ in 0..(boxes + 40) {
            h.key_press(egui::Key::Tab);
            h.run();
            let Some(focused) = h.query_by(|n| n.is_focused()) else {
                continue;
            };
            let node = focused.accesskit_node();
            let name = name(&node).unwrap_or_default();
            let rect = focused.rect();
            let footer = h.get_by_label_contains("Backlog is not a diagnosis").rect();
            let visible =
                egui::Rect::from_min_max(window.min, egui::pos2(window.max.x, footer.top()));
            assert!(
                visible.expand(1.0).contains_rect(rect),
                "at {size:?}/{scale}%: {name:?} at {rect:?} is out of view"
            );
            if node.role() == Role::CheckBox {
                ticked_seen += 1;
                let banner = super::banner(&h).rect();
                assert!(
                    !banner.intersects(rect.shrink(1.0)),
                    "at {size:?}/{scale}%: {name:?} is under the banner"
                );
            }
            names.insert(name);
        }
        assert!(
            ticked_seen >= boxes - 1,
            "at {size:?}/{scale}%: reached {ticked_seen} of {boxes} boxes"
        );
        // Space ticks the focused box, which is in view: nothing out of sight.
        let _ = names;
        let chest = "Pain, pressure, tightness, heaviness or squeezing in your chest";
        h.get_by_role_and_label(Role::CheckBox, chest).focus();
        h.run();
        h.key_press(egui::Key::Space);
        h.run();
        assert_eq!(
            h.get_by_role_and_label(Role::CheckBox, chest)
                .accesskit_node()
                .toggled(),
            Some(Toggled::True)
        );
        assert!(
            window.contains_rect(h.get_by_role_and_label(Role::CheckBox, chest).rect()),
            "at {size:?}/{scale}%"
        );
    }
}

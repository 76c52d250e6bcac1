//! Scroll anchoring for the Today form: when the pinned part above it (the
//! triage banner) comes, goes or changes height, the form scrolls to make up
//! for it, so the box the person just ticked stays under the pointer.

use egui::Ui;

/// What the person is working on: the spot under the pointer, or else the
/// widget with keyboard focus (where it was last frame).
pub(super) fn pointer_or_focus(ui: &Ui) -> Option<egui::Rect> {
    ui.input(|i| i.pointer.latest_pos())
        .map(|p| egui::Rect::from_min_max(p, p))
        .or_else(|| {
            ui.memory(|m| m.focused())
                .and_then(|id| ui.ctx().read_response(id))
                .map(|r| r.rect)
        })
}

/// The form's scroll offset after the pinned part above it changed height
/// (the form's top moved from `old_top` to `new_top`, on the screen).
///
/// `anchor` (what the person just clicked or is on) stays exactly where it
/// was, so a second click lands on the same box, not on its neighbour. If
/// the taller banner now covers that spot, the anchor goes just below the
/// banner instead, so it stays in view. Without an anchor in the form (the
/// pointer may be on the tabs), the form's content stays still. egui clamps
/// the result to the scrollable range.
pub(super) fn keep_in_place(
    anchor: Option<egui::Rect>,
    old_top: f32,
    new_top: f32,
    offset: f32,
) -> f32 {
    /// Room left above the anchor when it has to move below the banner.
    const GAP: f32 = 8.0;
    match anchor {
        Some(a) if a.top() >= old_top && a.top() < new_top + GAP => {
            // Where the anchor is in the form's content, placed just below
            // the form's new top.
            let in_content = a.top() - old_top + offset;
            (in_content - GAP).max(0.0)
        }
        _ => (offset + new_top - old_top).max(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::keep_in_place;
    use egui::{Rect, pos2};

    fn at(y: f32) -> Option<Rect> {
        Some(Rect::from_min_max(pos2(40.0, y), pos2(400.0, y + 24.0)))
    }

    #[test]
    fn a_box_the_banner_does_not_cover_stays_where_it_was() {
        // The form's top moves from 100 to 300; the box at 440 stays, so
        // the form scrolls 200 further.
        assert_eq!(keep_in_place(at(440.0), 100.0, 300.0, 50.0), 250.0);
        // The banner goes again: back by 200.
        assert_eq!(keep_in_place(at(440.0), 300.0, 100.0, 250.0), 50.0);
    }

    #[test]
    fn a_box_the_banner_would_cover_goes_just_below_it() {
        // The box at 150 is 50 + 50 = 100 into the content; it goes to
        // 8 below the new top.
        assert_eq!(keep_in_place(at(150.0), 100.0, 300.0, 50.0), 92.0);
        // Near the start of the content the offset cannot go below 0.
        assert_eq!(keep_in_place(at(102.0), 100.0, 300.0, 0.0), 0.0);
    }

    #[test]
    fn without_an_anchor_in_the_form_the_content_stays_still() {
        assert_eq!(keep_in_place(None, 100.0, 300.0, 50.0), 250.0);
        // The pointer on the tabs, above the form.
        assert_eq!(keep_in_place(at(20.0), 100.0, 300.0, 50.0), 250.0);
        assert_eq!(keep_in_place(None, 300.0, 100.0, 50.0), 0.0);
    }
}

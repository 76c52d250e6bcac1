//! Medicine widgets for the Today form (issue 12): medicines and treatments
//! used on earlier days, offered again with one click, and a 0–10 relief
//! rating for each medicine taken. Each edits the draft; nothing here
//! saves or reads files. The Today screen only calls these.

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::journal::{
    Entry, Journal, MedicineTaken, medicines_used_before, same_name, treatments_used_before,
};

/// How far back "used before" looks: a year of entries at most, so the
/// search costs the same each frame after ten years of logging as after one
/// (it runs on every frame of Today).
const LOOK_BACK_DAYS: i32 = 365;

/// The entries in the year before `day`: what "used before" draws on.
fn before(entries: &[Entry], day: Date) -> &[Entry] {
    let end = entries.partition_point(|e| e.date < day);
    let since = day
        .checked_sub(jiff::Span::new().days(LOOK_BACK_DAYS))
        .unwrap_or(Date::MIN);
    let start = entries[..end].partition_point(|e| e.date < since);
    &entries[start..end]
}

/// Medicines taken on earlier days and not already on the form (nor on
/// the person's list, which the form shows as tick boxes), as buttons.
pub fn medicines_used_before_ui(
    ui: &mut Ui,
    journal: &Journal,
    day: Date,
    medicines: &mut Vec<MedicineTaken>,
) {
    let offered: Vec<MedicineTaken> = medicines_used_before(before(journal.entries(), day))
        .into_iter()
        .filter(|m| {
            !medicines.iter().any(|d| same_name(&d.name, &m.name))
                && !journal
                    .medicines
                    .iter()
                    .any(|l| l.stop.is_none_or(|s| s >= day) && same_name(&l.name, &m.name))
        })
        .collect();
    let shown: Vec<String> = offered.iter().map(MedicineTaken::describe).collect();
    if let Some(i) = offer(ui, &shown) {
        medicines.push(offered[i].clone());
    }
}

/// Treatments written on earlier days and not already on the form.
pub fn treatments_used_before_ui(
    ui: &mut Ui,
    journal: &Journal,
    day: Date,
    treatments: &mut Vec<String>,
) {
    let offered: Vec<String> = treatments_used_before(before(journal.entries(), day))
        .into_iter()
        .filter(|t| !treatments.iter().any(|d| same_name(d, t)))
        .collect();
    if let Some(i) = offer(ui, &offered) {
        treatments.push(offered[i].clone());
    }
}

/// "Used before: + A + B": which button was clicked, if any.
fn offer(ui: &mut Ui, offered: &[String]) -> Option<usize> {
    if offered.is_empty() {
        return None;
    }
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Used before:").weak());
        for (i, item) in offered.iter().enumerate() {
            if ui
                .small_button(format!("+ {item}"))
                .on_hover_text(format!("Add {item}"))
                .clicked()
            {
                clicked = Some(i);
            }
        }
    });
    clicked
}

/// "How much did it help?" for each medicine on the form: a row of 0–10
/// buttons (0 not at all, 10 completely); clicking the chosen one again
/// clears it. Each button's accessible name is "NAME helped N of 10". The
/// summary averages these.
pub fn relief_ui(ui: &mut Ui, medicines: &mut [MedicineTaken]) {
    if medicines.is_empty() {
        return;
    }
    ui.label(
        RichText::new("How much did each one help? 0 is not at all, 10 is completely.").weak(),
    );
    for m in medicines.iter_mut() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", m.name));
            for n in 0..=10_u8 {
                let selected = m.relief == Some(n);
                let r = ui.add(
                    egui::Button::new(n.to_string())
                        .selected(selected)
                        .frame_when_inactive(true),
                );
                let name = format!("{} helped {n} of 10", m.name);
                r.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
                });
                if r.clicked() {
                    m.relief = if selected { None } else { Some(n) };
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn used_before_looks_back_one_year_and_never_at_the_day_itself() {
        let journal = crate::journal::sample::every_day(date(2026, 11, 30), 3650, 7);
        let day = date(2026, 11, 30);
        let seen = before(journal.entries(), day);
        assert!(!seen.is_empty());
        assert!(seen.iter().all(|e| e.date < day), "never the day shown");
        let oldest = seen.first().map(|e| e.date);
        assert_eq!(oldest, Some(date(2025, 11, 30)), "a year back, not ten");
        assert_eq!(seen.last().map(|e| e.date), Some(date(2026, 11, 29)));
    }
}

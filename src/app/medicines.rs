//! Medicine widgets for the Today form (issue 12): medicines and treatments
//! used on earlier days, offered again with one click, and a 0–10 relief
//! rating for each medicine taken. Each edits the draft; nothing here
//! saves or reads files. The Today screen only calls these.

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::journal::{
    Entry, Journal, MedicineTaken, medicines_used_before, same_name, treatments_used_before,
};

/// The entries before `day`: what "used before" draws on.
fn before(entries: &[Entry], day: Date) -> &[Entry] {
    &entries[..entries.partition_point(|e| e.date < day)]
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

//! Writing the CSV export: one row per day, every column, each text cell
//! guarded against being run as a spreadsheet formula (see the
//! [`exchange`](super) module docs). Its own file because reading a CSV
//! file, with its checks, is much longer and has nothing to share with
//! writing one but the column list.

use super::{BOM, CSV_COLUMNS};
use crate::journal::{Entry, MedicineTaken};

/// Every entry as CSV.
pub fn to_csv(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from(BOM.as_bytes()));
    w.write_record(CSV_COLUMNS).map_err(|e| e.to_string())?;
    for e in entries {
        let row = row(e);
        w.write_record(row.iter().map(|c| guard(c)))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn row(e: &Entry) -> [String; 16] {
    let opt = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    let join = |items: Vec<String>| items.join("; ");
    [
        e.date.to_string(),
        e.pain.to_string(),
        opt(e.worst),
        join(e.regions.iter().map(|r| r.id().to_owned()).collect()),
        join(e.qualities.iter().map(|q| q.id().to_owned()).collect()),
        if e.woke_at_night { "yes" } else { "no" }.to_owned(),
        opt(e.activity),
        opt(e.enjoyment),
        e.sleep_hours.map(|h| h.to_string()).unwrap_or_default(),
        join(
            e.medicines
                .iter()
                .map(|m| {
                    let mut parts =
                        vec![m.name.clone(), m.dose.clone(), opt(m.times), opt(m.relief)];
                    // A cell without `|` is read as "NAME DOSE", so a name
                    // like "Vitamin B 12" keeps its `|` to stay whole.
                    let keep = if MedicineTaken::from_name_and_dose(&m.name).name == m.name {
                        1
                    } else {
                        2
                    };
                    while parts.len() > keep && parts.last().is_some_and(String::is_empty) {
                        parts.pop();
                    }
                    parts.join(" | ")
                })
                .collect(),
        ),
        join(e.treatments.clone()),
        join(e.tags.clone()),
        join(e.symptoms.iter().cloned().collect()),
        e.note.clone(),
        e.created.to_string(),
        e.edited.to_string(),
    ]
}

/// Keeps spreadsheets from running a cell as a formula (see the `exchange` module docs).
fn guard(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

//! The printed page as plain data: sections of titled blocks, already worded.
//!
//! Built by the pure `summary::build` and drawn twice: by the PDF renderer
//! and by the app's Summary screen as its preview. Nothing here knows about
//! fonts, points or pixels; a renderer decides sizes and wrapping. Every list
//! is already capped, so a page drawn from this model stays one page.

use jiff::civil::Date;

use crate::journal::Region;

pub use crate::journal::Paper;

/// The page size is the renderer's business, kept here with the page model.
impl Paper {
    /// Width and height in PDF points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// The whole summary: one page, plus an optional table of every day.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub paper: Paper,
    pub header: Header,
    /// In reading order; see [`SectionKind`].
    pub sections: Vec<Section>,
    pub footer: Footer,
    /// Only with "with entries": a table of every day, on the pages after.
    pub entries: Option<Table>,
    /// Document title for the PDF metadata and the window.
    pub title: String,
}

impl Summary {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Every piece of text on the first page, in reading order (for tests,
    /// search and accessibility).
    pub fn plain_text(&self) -> String {
        let mut out = Vec::new();
        out.push(self.header.title.clone());
        out.extend(self.header.facts.iter().map(Fact::joined));
        out.push(self.header.disclaimer.clone());
        out.push(self.header.made_by.clone());
        for section in &self.sections {
            out.push(section.title.clone());
            for block in &section.blocks {
                block.collect_text(&mut out);
            }
        }
        out.extend(self.footer.lines.iter().cloned());
        out.push(self.footer.sources_title.clone());
        out.extend(
            self.footer
                .sources
                .iter()
                .map(|s| format!("{} {}", s.key, s.text)),
        );
        out.join("\n")
    }
}

/// The top of the page: who, when, and what this page is.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// "Upper back pain: appointment summary".
    pub title: String,
    /// The person's name, repeated at the top of every later page.
    pub name: Option<String>,
    /// Name, age, sex, when the pain started, cancer, period, printed on.
    pub facts: Vec<Fact>,
    /// "Kept by the patient — not a diagnosis."
    pub disclaimer: String,
    /// Backlog and rules version.
    pub made_by: String,
}

/// Which part of the page a section is. The PDF places sections by kind
/// (two of them side by side); the preview can simply stack them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    WhatChanged,
    WarningSigns,
    PainPicture,
    Treatments,
    History,
    Questions,
}

impl SectionKind {
    /// The order sections appear in, top to bottom, left to right.
    pub const READING_ORDER: [Self; 6] = [
        Self::WhatChanged,
        Self::WarningSigns,
        Self::PainPicture,
        Self::Treatments,
        Self::History,
        Self::Questions,
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Nothing in this section may be shortened to fit the page (the
    /// warning signs: nothing ticked or recorded is ever cut). A renderer
    /// shortens every other section first.
    pub keep_whole: bool,
}

impl Section {
    pub fn new(kind: SectionKind, title: impl Into<String>, blocks: Vec<Block>) -> Self {
        Self {
            kind,
            title: title.into(),
            blocks,
            keep_whole: false,
        }
    }
}

/// How much attention a line asks for. Renderers map tones to colours, and
/// always pair colour with words (the page is often printed in grey).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Tone {
    #[default]
    Neutral,
    /// Better, or nothing worrying.
    Calm,
    /// See a doctor; pain worse.
    Caution,
    /// Go today or now.
    Urgent,
}

/// A label and its value, such as "Worst" / "8 / 10".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    pub value: String,
    /// In a `Block::Field`: never shortened to make room. For short lists
    /// that matter clinically (the warning signs not reported).
    pub full: bool,
}

impl Fact {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            full: false,
        }
    }

    /// A fact shown in full (see [`Fact::full`]).
    pub fn full(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            full: true,
            ..Self::new(label, value)
        }
    }

    pub fn joined(&self) -> String {
        format!("{}: {}", self.label, self.value)
    }
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The headline of a section, drawn prominent with its tone.
    Headline {
        tone: Tone,
        text: String,
    },
    /// A small bold heading inside a section, such as "Noted in the journal".
    Subheading(String),
    /// A paragraph. `quote` marks the person's own words.
    Text {
        text: String,
        quote: bool,
    },
    /// "No entries in this period" and other quiet remarks.
    Muted(String),
    /// A bold label with a value that wraps beside it (see [`Fact::full`]).
    Field(Fact),
    /// A bulleted list.
    List(Vec<String>),
    /// Key figures shown as a compact grid.
    Facts(Vec<Fact>),
    Table(Table),
    Chart(PainChart),
    /// Where it hurts, as the body figure.
    BodyMap(BodyMap),
}

impl Block {
    fn collect_text(&self, out: &mut Vec<String>) {
        match self {
            Self::Headline { text, .. }
            | Self::Subheading(text)
            | Self::Text { text, .. }
            | Self::Muted(text) => {
                out.push(text.clone());
            }
            Self::Field(fact) => out.push(fact.joined()),
            Self::List(items) => out.extend(items.iter().cloned()),
            Self::Facts(facts) => out.extend(facts.iter().map(Fact::joined)),
            Self::Table(table) => {
                out.push(
                    table
                        .columns
                        .iter()
                        .map(|c| c.title.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
                out.extend(table.rows.iter().map(|r| r.join(" | ")));
                out.extend(table.notes.iter().cloned());
            }
            Self::Chart(chart) => out.push(chart.caption.clone()),
            Self::BodyMap(map) => out.push(map.caption.clone()),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Align {
    #[default]
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, weight: f32) -> Self {
        Self {
            title: title.into(),
            weight,
            align: Align::Left,
        }
    }

    pub fn right(mut self) -> Self {
        self.align = Align::Right;
        self
    }
}

/// A simple table. Cells wrap at spaces; the table of every day ends a cell
/// that is still too long with an ellipsis.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Lines under the table (what a scale means, a key to a mark).
    pub notes: Vec<String>,
    /// When the page is short of room, the renderer may draw only the
    /// first rows and list the rest compactly on one line, never dropping
    /// one (see [`Overflow`]).
    pub overflow: Option<Overflow>,
}

impl Table {
    pub fn new(columns: Vec<Column>, rows: Vec<Vec<String>>) -> Self {
        Self {
            columns,
            rows,
            notes: Vec::new(),
            overflow: None,
        }
    }
}

/// The compact form of a table's rows: "Also taken: Tramadol 50 mg (3
/// days); …". `items` has one entry per row, in the same order.
#[derive(Debug, Clone, PartialEq)]
pub struct Overflow {
    /// "Also taken".
    pub label: String,
    /// The line's label when no row is drawn in full ("Taken").
    pub label_all: String,
    pub items: Vec<String>,
    /// The same, names only, for a page with no room for more.
    pub names: Vec<String>,
    /// The fewest rows drawn in full before the rest go on the line.
    pub min_rows: usize,
}

/// Daily pain over the period, with the 7-day average. A day missing from
/// `daily` was not logged, which is not the same as pain 0: the renderer
/// marks the two differently.
#[derive(Debug, Clone, PartialEq)]
pub struct PainChart {
    pub from: Date,
    pub to: Date,
    /// Average pain (0–10) per logged day, by date, oldest first.
    pub daily: Vec<(Date, f32)>,
    /// The 7-day rolling average, oldest first (days with too little data
    /// are left out, which breaks the line).
    pub rolling: Vec<(Date, f32)>,
    /// For readers that cannot see the chart.
    pub caption: String,
}

/// Where it hurts over the period: each region marked, with on how many
/// days, drawn on the body figure (`crate::look::figure`).
#[derive(Debug, Clone, PartialEq)]
pub struct BodyMap {
    /// Regions marked at least once, most days first.
    pub counts: Vec<(Region, u32)>,
    pub days_logged: u32,
    /// For readers that cannot see the figure.
    pub caption: String,
}

/// The bottom of the page: how complete the record is, and the sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    /// Days logged, back-filled entries.
    pub lines: Vec<String>,
    pub sources_title: String,
    /// Sources behind the warning-sign rules, first mention first.
    pub sources: Vec<SourceRef>,
}

/// A source as cited on the page: its short key and one line about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub key: String,
    /// "NICE (2023). Spinal metastases and … (NG234)."
    pub text: String,
    /// The whole reference with its address, for a page of sources.
    pub full: String,
}

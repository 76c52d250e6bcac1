//! The one-page appointment summary a person prints for their doctor.
//!
//! Two layers, so the page can be previewed in the app and the PDF crate
//! can be swapped:
//!
//! - [`model`]: the page as plain data (sections of titled blocks, already
//!   worded, every list capped), built by the pure [`build`]`(journal,
//!   knowledge, request, now)`: no files, no clock (`now` is a parameter and
//!   carries the time zone that decides which day a check was made on).
//!   [`wording`] holds the short names a doctor reads; [`wrap`] breaks lines
//!   for any measure.
//! - [`pdf`]: the renderer, the only module that uses the PDF crate.
//!
//! It must never: depend on `app` or `cli`, read or write files, or let a
//! long note push the page past one sheet.

mod build;
pub mod model;
pub mod pdf;
pub mod wording;
pub mod wrap;

pub use build::{COMPARE_DAYS, DEFAULT_DAYS, RequestError, SummaryRequest, build};
pub use model::{
    Align, Block, BodyMap, Column, Fact, Footer, Header, Overflow, PainChart, Paper, Section,
    SectionKind, SourceRef, Summary, Table, Tone,
};

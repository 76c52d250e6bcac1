//! The printed appointment summary.
//!
//! - `model`: the page model, section by section, without a PDF.
//! - `pdf`: the PDF read back as text: every section, ten years, a messy
//!   journal, A4 and Letter.
//! - `layout`: the one-page promise on random input (proptest).

mod layout;
mod model;
mod pdf;

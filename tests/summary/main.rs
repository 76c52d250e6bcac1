//! The printed appointment summary.
//!
//! - `model`: the page model, section by section, without a PDF.
//! - `pdf`: the PDF read back as text: every section, ten years, a messy
//!   journal, A4 and Letter.
//! - `layout`: the one-page promise on random input (proptest).
#![expect(clippy::disallowed_methods, reason = "a test keeps a PDF to look at")]

mod layout;
mod model;
mod pdf;

//! `id_enum!`: a fixed list with a stable id and a plain label per value
//! (where it hurts, paper size, screens, themes…), written once.
//!
//! The id is what files, CSV, JSON and the command line hold, so it never
//! changes once released; serde writes exactly the id (`#[serde(rename)]`
//! from the same literal), so `id()` and the file format cannot drift. The
//! label is what people read and may be reworded.

/// Declares `pub enum $name` with `ALL` (display order), `id()`, `label()`,
/// a forgiving `from_id()`, `id_list()` and `Display` (the label).
///
/// ```text
/// id_enum! {
///     /// Paper for the printed summary.
///     Paper {
///         A4 = "a4", "A4";
///         Letter = "letter", "US Letter";
///     }
/// }
/// ```
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $id:literal, $label:literal; )+ }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            ::serde::Serialize, ::serde::Deserialize,
        )]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $id)] $variant, )+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: [Self; [$($id),+].len()] = [ $( Self::$variant, )+ ];

            /// The stable id used in files, CSV and on the command line.
            pub fn id(self) -> &'static str {
                match self { $( Self::$variant => $id, )+ }
            }

            /// The plain label people read.
            pub fn label(self) -> &'static str {
                match self { $( Self::$variant => $label, )+ }
            }

            /// Parses an id (case and surrounding spaces ignored; `-` may stand for `_`).
            pub fn from_id(id: &str) -> Option<Self> {
                let id = id.trim().to_ascii_lowercase().replace('-', "_");
                Self::ALL.into_iter().find(|v| v.id() == id)
            }

            /// All ids, comma separated, for help and error messages.
            pub fn id_list() -> String {
                Self::ALL.map(Self::id).join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

pub(crate) use id_enum;

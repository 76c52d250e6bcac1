//! The look comes from the design tokens: no screen chooses its own colours,
//! type sizes, spacing or corners (issue 13). `src/app/theme.rs` and its
//! children in `src/app/theme/` turn the tokens (`src/look/tokens.rs`) into
//! egui's style; every other file in `src/app` must use them.

use std::path::{Path, PathBuf};

/// Where a literal would mean a screen chose a size itself: the call, then
/// a digit as its first argument.
const SIZE_CALLS: [&str; 14] = [
    "add_space(",
    "Margin::same(",
    "Margin::symmetric(",
    "CornerRadius::same(",
    ".corner_radius(",
    "FontId::proportional(",
    "FontId::new(",
    ".size(",
    "Stroke::new(",
    ".spacing([",
    "Frame::new().inner_margin(",
    ".radius(",
    ".width(",
    "rect_filled(rect, ",
];

/// Colours are chosen in the tokens only.
const COLOUR_WORDS: [&str; 14] = [
    "Color32::from_",
    "Color32::WHITE",
    "Color32::BLACK",
    "Color32::RED",
    "Color32::GREEN",
    "Color32::BLUE",
    "Color32::YELLOW",
    "Color32::GOLD",
    "Color32::GRAY",
    "Color32::LIGHT",
    "Color32::DARK",
    "Color32::ORANGE",
    "Rgb(",
    "gamma_multiply(0.",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of `src/app` (outside the theme) that write a colour or a size.
fn literals() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        if file.ends_with("theme.rs") || file.starts_with(root.join("theme")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests at the bottom of a file may use any numbers.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or_default();
            let size = SIZE_CALLS.iter().any(|call| {
                line.match_indices(call).any(|(i, _)| {
                    line[i + call.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
                })
            });
            let colour = COLOUR_WORDS.iter().any(|w| line.contains(w));
            if size || colour {
                let name = file.strip_prefix(&root).unwrap().display();
                found.push(format!("src/app/{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn screens_take_colours_and_sizes_from_the_design_tokens() {
    let found = literals();
    assert!(
        found.is_empty(),
        "use the tokens (theme, look::tokens, ui_kit) instead of:\n{}",
        found.join("\n")
    );
}

//! The fonts: Noto Sans (regular and bold) for text, the icon font, and
//! egui's own fonts as the fallback. Apart from `theme.rs` because loading
//! fonts is its own job, done once per context.

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

use crate::app::icons;

/// The font family for headings and other bold text (Noto Sans Bold).
pub fn bold_family() -> FontFamily {
    FontFamily::Name(BOLD.into())
}

const REGULAR: &str = "noto-sans";
const BOLD: &str = "noto-sans-bold";

/// Noto Sans: the printed summary's typeface, so the window and the page
/// read alike. Larger x-height and firmer strokes than egui's default
/// (Ubuntu Light), which matters at a glance for older eyes.
static NOTO_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static NOTO_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// Our fonts are drawn without hinting. Noto Sans carries a large hinting
/// program that egui runs for every glyph at every size: 12 of the 15 ms
/// spent drawing the first screen's glyphs at start-up (perf, software GL).
/// Unhinted outlines at today's sizes and pixel densities look the same to
/// the eye (compared side by side at 100 % and 200 %); egui drew all text
/// unhinted until 0.33.
fn unhinted() -> FontTweak {
    FontTweak {
        hinting: Some(false),
        ..FontTweak::default()
    }
}

/// Noto Sans for text, Phosphor for icons, egui's fonts as the fallback
/// (emoji, arrows). Installed once per context.
pub(super) fn install_fonts(ctx: &egui::Context) {
    let id = egui::Id::unique("backlog_fonts_installed");
    if ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(id, true));
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        (REGULAR, NOTO_REGULAR),
        (BOLD, NOTO_BOLD),
        (icons::FONT_NAME, icons::FONT),
    ] {
        let data = FontData::from_static(bytes).tweak(unhinted());
        fonts.font_data.insert(name.to_owned(), data.into());
    }
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let chain = |first: &str| -> Vec<String> {
        [first.to_owned(), icons::FONT_NAME.to_owned()]
            .into_iter()
            .chain(fallbacks.iter().cloned())
            .collect()
    };
    fonts
        .families
        .insert(FontFamily::Proportional, chain(REGULAR));
    fonts.families.insert(bold_family(), chain(BOLD));
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.push(icons::FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

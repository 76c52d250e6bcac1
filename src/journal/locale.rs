//! The emergency number to propose, from the system's locale.
//!
//! Before this, everyone who skipped set-up was told to call 911. The
//! locale ("en-GB", "de_AT.UTF-8") names a region more often than not; this
//! maps the region to the number that reaches an ambulance there. The
//! person confirms it on the welcome page and can change it in Settings: a
//! locale says which language and formats someone chose, not for certain
//! where they are.
//!
//! Pure: reading the locale is I/O and happens at the edges (the app's
//! start, the command line), which pass the tag in.

/// What banners and sentences say when no number is known.
pub const UNKNOWN_EMERGENCY_NUMBER: &str = "your local emergency number";

/// The region (ISO 3166 alpha-2, upper case) of a locale tag, in BCP 47
/// ("en-GB", "zh-Hant-TW") or POSIX form ("en_GB.UTF-8", "de_DE@euro").
/// `None` for a tag without one ("en", "C", "POSIX", "es-419").
pub fn region(locale: &str) -> Option<String> {
    let tag = locale.split(['.', '@']).next().unwrap_or_default().trim();
    tag.split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
}

/// The number for an ambulance in `region` (ISO 3166 alpha-2), where we
/// know it for certain; `None` elsewhere (say [`UNKNOWN_EMERGENCY_NUMBER`]).
pub fn emergency_number_for_region(region: &str) -> Option<&'static str> {
    let region = region.trim().to_ascii_uppercase();
    NUMBERS
        .iter()
        .find(|(_, regions)| regions.contains(&region.as_str()))
        .map(|(number, _)| *number)
}

/// The first of the system's locales (most preferred first) that names a
/// region: `LANGUAGE=en_GB:en` or a bare "en" first must not hide the
/// region in `LANG`.
pub fn first_with_region<S: AsRef<str>>(locales: impl IntoIterator<Item = S>) -> Option<String> {
    locales
        .into_iter()
        .map(|l| l.as_ref().to_owned())
        .find(|l| region(l).is_some())
}

/// The number to propose for a locale tag; `None` when its region is
/// missing or not in the table.
pub fn emergency_number_for_locale(locale: &str) -> Option<&'static str> {
    region(locale).and_then(|r| emergency_number_for_region(&r))
}

/// Ambulance numbers by region. Only numbers that reach an ambulance from
/// any phone; where a country has a separate ambulance line and 112 also
/// works (most of Europe), the one number people are told to remember.
const NUMBERS: &[(&str, &[&str])] = &[
    // North America and the NANP territories; the Philippines, Mexico and
    // several Central American countries adopted 911.
    (
        "911",
        &[
            "US", "CA", "PR", "GU", "VI", "AS", "MP", "MX", "PH", "PA", "CR", "SV", "DO", "UY",
            "PY",
        ],
    ),
    // The UK and places that kept its number.
    ("999", &["GB", "HK", "MY", "BD", "MO"]),
    // The European Union, the EEA and neighbours whose single number is 112,
    // and India's national emergency number.
    (
        "112",
        &[
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
            "NO", "LI", "CH", "TR", "RU", "IN",
        ],
    ),
    ("000", &["AU"]),
    ("111", &["NZ"]),
    ("119", &["JP", "KR", "TW"]),
    ("120", &["CN"]),
    ("192", &["BR"]),
    ("995", &["SG"]),
    ("101", &["IL"]),
    ("10177", &["ZA"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_come_from_bcp47_and_posix_tags() {
        assert_eq!(region("en-GB").as_deref(), Some("GB"));
        assert_eq!(region("en_US.UTF-8").as_deref(), Some("US"));
        assert_eq!(region("de_DE@euro").as_deref(), Some("DE"));
        assert_eq!(region("zh-Hant-TW").as_deref(), Some("TW"));
        assert_eq!(region("pt-br").as_deref(), Some("BR"));
        for none in ["en", "C", "POSIX", "es-419", "", "C.UTF-8"] {
            assert_eq!(region(none), None, "{none}");
        }
    }

    #[test]
    fn the_first_locale_with_a_region_is_used() {
        assert_eq!(
            first_with_region(["en", "en-GB", "en-US"]).as_deref(),
            Some("en-GB")
        );
        assert_eq!(first_with_region(["C", "en"]), None);
    }

    #[test]
    fn the_common_numbers_are_proposed() {
        for (locale, number) in [
            ("en-US", "911"),
            ("fr_CA.UTF-8", "911"),
            ("en-GB", "999"),
            ("de-DE", "112"),
            ("fr_FR", "112"),
            ("es-ES", "112"),
            ("it_IT.UTF-8", "112"),
            ("nl-NL", "112"),
            ("en-AU", "000"),
            ("en-NZ", "111"),
            ("ja-JP", "119"),
        ] {
            assert_eq!(
                emergency_number_for_locale(locale),
                Some(number),
                "{locale}"
            );
        }
    }

    #[test]
    fn an_unknown_region_or_no_region_proposes_nothing() {
        for locale in ["en", "C", "xx-QQ", "es-419"] {
            assert_eq!(emergency_number_for_locale(locale), None, "{locale}");
        }
    }

    #[test]
    fn every_proposed_number_is_a_valid_emergency_number_and_no_region_repeats() {
        let mut seen = std::collections::BTreeSet::new();
        for (number, regions) in NUMBERS {
            assert!(
                crate::journal::check_emergency_number(number).is_ok(),
                "{number}"
            );
            for r in *regions {
                assert!(seen.insert(*r), "{r} is listed twice");
                assert_eq!(r.len(), 2);
            }
        }
    }
}

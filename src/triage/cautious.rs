//! The check when the age may be missing: the one rule the app and any
//! other caller must share, "age unknown: assume the age that needs the most
//! care" (never under-call), without telling anyone they are a child.
//!
//! Pure, like the rest of `triage`; tested without the GUI feature.

use super::engine::{AnswerError, Assessment};
use super::knowledge::Knowledge;

/// Adults start here; the under-18 rule speaks to children only.
const ADULT: u8 = 18;

/// A result, and the age it assumed when none was given.
#[derive(Debug, Clone)]
pub struct CautiousAssessment<'k> {
    pub assessment: Assessment<'k>,
    /// `Some(age)` when no age was given and the result is the one for this
    /// age: the most urgent over every age band the rules tell apart.
    pub age_assumed: Option<u8>,
}

impl Knowledge {
    /// The check for these ticks at `age`, or, with no age, at the age that
    /// needs the most care. With no age and nothing ticked there is nothing
    /// to say yet: `Ok(None)`, so no level is shown before the person has
    /// ticked a box or typed an age.
    ///
    /// With no age, every age band is tried (see [`Knowledge::age_bands`]);
    /// the most urgent level wins. Among bands that reach it, adult bands
    /// come first, oldest first (the most cautious "watch for"), so the
    /// under-18 reason is shown only if being a child were the one thing
    /// that raised the level, which the shipped rules never do.
    pub fn assess_cautious<S: AsRef<str>>(
        &self,
        age: Option<u8>,
        findings: impl IntoIterator<Item = S>,
    ) -> Result<Option<CautiousAssessment<'_>>, AnswerError> {
        let answers = self.answers(i64::from(age.unwrap_or(ADULT)), findings)?;
        if let Some(age) = age {
            return Ok(Some(CautiousAssessment {
                assessment: self.assess(&answers.at_age(age)),
                age_assumed: None,
            }));
        }
        if answers.count() == 0 {
            return Ok(None);
        }
        let mut bands = self.age_bands();
        // Adults oldest first, then the children's bands.
        bands.sort_by_key(|&a| (a < ADULT, std::cmp::Reverse(a)));
        let mut best: Option<(u8, Assessment<'_>)> = None;
        for band in bands {
            let next = self.assess(&answers.at_age(band));
            if best.as_ref().is_none_or(|(_, b)| next.level > b.level) {
                best = Some((band, next));
            }
        }
        Ok(best.map(|(band, assessment)| CautiousAssessment {
            assessment,
            age_assumed: Some(band),
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::triage::{Level, knowledge};

    fn level(age: Option<u8>, ids: &[&str]) -> Option<Level> {
        knowledge()
            .assess_cautious(age, ids)
            .ok()
            .flatten()
            .map(|c| c.assessment.level)
    }

    #[test]
    fn a_missing_age_never_gives_a_lower_level_than_any_real_age() {
        let k = knowledge();
        let singles: Vec<[&str; 1]> = k.findings().iter().map(|f| [f.id.as_str()]).collect();
        for ids in &singles {
            let unknown = level(None, ids);
            for age in [0u8, 10, 17, 18, 30, 44, 45, 49, 50, 69, 70, 90, 120] {
                let known = level(Some(age), ids);
                assert!(
                    unknown >= known,
                    "{ids:?} at {age}: {unknown:?} < {known:?}"
                );
            }
        }
    }

    #[test]
    fn no_age_and_nothing_ticked_shows_no_level() {
        assert_eq!(level(None, &[]), None);
        // With an age, an empty check has an answer.
        assert_eq!(level(Some(30), &[]), Some(Level::SelfCare));
    }

    #[test]
    fn no_age_never_tells_an_adult_they_are_a_child() {
        let k = knowledge();
        for f in k.findings() {
            let c = k.assess_cautious(None, [f.id.as_str()]).ok().flatten();
            let c = c.expect("something is ticked");
            assert!(
                !c.assessment.fired("D6"),
                "{} shows the under-18 reason",
                f.id
            );
            assert!(c.age_assumed.is_some_and(|a| a >= 18), "{}", f.id);
        }
    }

    #[test]
    fn a_given_age_is_used_as_it_is() {
        let k = knowledge();
        let c = k.assess_cautious(Some(16), ["after_strain"]).ok().flatten();
        let c = c.expect("an age is given");
        assert_eq!(c.age_assumed, None);
        assert!(c.assessment.fired("D6"));
        // Night pain: one weak sign at 67 is within 24 hours, at 6 it is not.
        let at = |age| level(Some(age), &["pain_at_night"]);
        assert_eq!(at(67), Some(Level::Within24h));
        assert_eq!(at(6), Some(Level::SeeDoctor));
        assert_eq!(level(None, &["pain_at_night"]), Some(Level::Within24h));
    }

    #[test]
    fn unknown_ids_are_errors_even_without_an_age() {
        assert!(knowledge().assess_cautious(None, ["chest_pian"]).is_err());
    }
}

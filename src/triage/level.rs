//! The five triage levels, ordered from least to most urgent.
//!
//! The order is the whole point: the result of a check is the most urgent
//! level of the rules that fired, so `Ord` must follow urgency.

use serde::{Deserialize, Serialize};

/// How urgently to get care. `Ord` follows urgency: `SelfCare` is lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "self_care")]
    SelfCare,
    #[serde(rename = "see_doctor")]
    SeeDoctor,
    #[serde(rename = "within_24h")]
    Within24h,
    #[serde(rename = "emergency_department")]
    EmergencyDepartment,
    #[serde(rename = "call_ambulance")]
    CallAmbulance,
}

impl Level {
    /// All levels, most urgent first (the order people read them in).
    pub const MOST_URGENT_FIRST: [Self; 5] = [
        Self::CallAmbulance,
        Self::EmergencyDepartment,
        Self::Within24h,
        Self::SeeDoctor,
        Self::SelfCare,
    ];

    /// The stable id used in data files, JSON and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Self::SelfCare => "self_care",
            Self::SeeDoctor => "see_doctor",
            Self::Within24h => "within_24h",
            Self::EmergencyDepartment => "emergency_department",
            Self::CallAmbulance => "call_ambulance",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::MOST_URGENT_FIRST.into_iter().find(|l| l.id() == id)
    }

    /// 0 (self care) to 4 (call an ambulance).
    pub fn rank(self) -> usize {
        self as usize
    }

    /// True for the two levels that mean "go now".
    pub fn is_emergency(self) -> bool {
        self >= Self::EmergencyDepartment
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_order_follows_urgency() {
        for level in Level::MOST_URGENT_FIRST {
            assert_eq!(Level::from_id(level.id()), Some(level));
        }
        assert!(Level::CallAmbulance > Level::EmergencyDepartment);
        assert!(Level::EmergencyDepartment > Level::Within24h);
        assert!(Level::Within24h > Level::SeeDoctor);
        assert!(Level::SeeDoctor > Level::SelfCare);
        assert_eq!(Level::from_id("urgent"), None);
    }

    #[test]
    fn serde_uses_the_documented_ids() {
        let json = serde_json::to_string(&Level::Within24h).unwrap_or_default();
        assert_eq!(json, "\"within_24h\"");
    }
}

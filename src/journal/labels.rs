//! Where it hurts and what it feels like: fixed lists with stable ids.
//!
//! The ids are written to files and typed on the command line, so they never
//! change once released; the labels are what people read and may be reworded.

use crate::id_enum::id_enum;

id_enum! {
    /// A part of the upper body where the pain is felt.
    Region {
        Neck = "neck", "Neck";
        BetweenShoulderBlades = "between_shoulder_blades", "Between the shoulder blades";
        UpperBackLeft = "upper_back_left", "Upper back, left";
        UpperBackRight = "upper_back_right", "Upper back, right";
        MidBack = "mid_back", "Middle of the back";
        LowerBack = "lower_back", "Lower back";
        ChestWallLeft = "chest_wall_left", "Chest wall or ribs, left";
        ChestWallRight = "chest_wall_right", "Chest wall or ribs, right";
        ShoulderArmLeft = "shoulder_arm_left", "Shoulder or arm, left";
        ShoulderArmRight = "shoulder_arm_right", "Shoulder or arm, right";
    }
}

id_enum! {
    /// What the pain feels like.
    Quality {
        Aching = "aching", "Aching";
        Sharp = "sharp", "Sharp";
        Stabbing = "stabbing", "Stabbing";
        Burning = "burning", "Burning";
        Throbbing = "throbbing", "Throbbing";
        Tingling = "tingling", "Tingling or pins and needles";
        Stiff = "stiff", "Stiff";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_region_and_quality_round_trips_through_its_id() {
        for r in Region::ALL {
            assert_eq!(Region::from_id(r.id()), Some(r));
            let ron = ron::to_string(&r).unwrap();
            assert_eq!(ron, r.id(), "the file format uses the stable id");
        }
        for q in Quality::ALL {
            assert_eq!(Quality::from_id(q.id()), Some(q));
            assert_eq!(ron::to_string(&q).unwrap(), q.id());
        }
    }

    #[test]
    fn ids_and_labels_are_unique() {
        let ids: BTreeSet<_> = Region::ALL.iter().map(|r| r.id()).collect();
        let labels: BTreeSet<_> = Region::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(ids.len(), 10);
        assert_eq!(labels.len(), 10);
        let ids: BTreeSet<_> = Quality::ALL.iter().map(|q| q.id()).collect();
        assert_eq!(ids.len(), 7);
    }

    #[test]
    fn from_id_forgives_case_spaces_and_dashes() {
        assert_eq!(Region::from_id(" Mid-Back "), Some(Region::MidBack));
        assert_eq!(Quality::from_id("BURNING"), Some(Quality::Burning));
        assert_eq!(Region::from_id("knee"), None);
    }
}

//! A fixed-size bit set of finding indices.
//!
//! Checks run on every click in the app and 58 extra times for "watch for",
//! so membership and group tests are single AND/popcount operations.

/// Most findings the engine can hold; validation rejects data with more.
pub const MAX_FINDINGS: usize = 128;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FindingSet([u64; 2]);

impl FindingSet {
    pub fn insert(&mut self, index: usize) {
        debug_assert!(index < MAX_FINDINGS);
        self.0[index / 64] |= 1 << (index % 64);
    }

    pub fn with(mut self, index: usize) -> Self {
        self.insert(index);
        self
    }

    pub fn contains(&self, index: usize) -> bool {
        index < MAX_FINDINGS && self.0[index / 64] & (1 << (index % 64)) != 0
    }

    pub fn intersects(&self, other: &Self) -> bool {
        (self.0[0] & other.0[0]) | (self.0[1] & other.0[1]) != 0
    }

    pub fn union(&self, other: &Self) -> Self {
        Self([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }

    pub fn count_common(&self, other: &Self) -> u32 {
        (self.0[0] & other.0[0]).count_ones() + (self.0[1] & other.0[1]).count_ones()
    }

    pub fn len(&self) -> u32 {
        self.0[0].count_ones() + self.0[1].count_ones()
    }

    /// Indices in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..MAX_FINDINGS).filter(|&i| self.contains(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_remove_and_count_across_both_words() {
        let mut s = FindingSet::default();
        s.insert(3);
        s.insert(64);
        s.insert(127);
        assert!(s.contains(3) && s.contains(64) && s.contains(127));
        assert!(!s.contains(4) && !s.contains(200));
        assert_eq!(s.len(), 3);
        let other = FindingSet::default().with(64).with(5);
        assert!(s.intersects(&other));
        assert_eq!(s.count_common(&other), 1);
        assert!(!s.intersects(&FindingSet::default().with(5)));
        assert_eq!(s.union(&other).len(), 4);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![3, 64, 127]);
    }
}

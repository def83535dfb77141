//! The hints of one verdict as a set of bits: no allocation per order, and it still reads,
//! compares and serializes as the list of hints (in `Hint`'s declaration order).

use std::fmt;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::analysis::Hint;

/// A set of hints; iterates, prints and serializes as a list in declaration order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HintSet(u8);

const ALL_HINTS: [Hint; 6] = [
    Hint::RefuseWithTracking,
    Hint::PastInternalTarget,
    Hint::DoubleCheckShipButton,
    Hint::CancelPossible,
    Hint::OpenDispute,
    Hint::SettingsDisagree,
];

impl HintSet {
    fn bit(hint: Hint) -> u8 {
        // The declaration order is the bit order (ALL_HINTS lists them so, see the tests).
        1 << hint as u8
    }

    /// Adds a hint.
    pub fn insert(&mut self, hint: Hint) {
        self.0 |= Self::bit(hint);
    }

    /// Whether the hint is in the set.
    pub fn contains(&self, hint: &Hint) -> bool {
        self.0 & Self::bit(*hint) != 0
    }

    /// Whether there is no hint.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// How many hints there are.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Removes every hint.
    pub fn clear(&mut self) {
        self.0 = 0;
    }

    /// The hints, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Hint> {
        let set = *self;
        ALL_HINTS.iter().filter(move |h| set.contains(h))
    }

    /// The hints as a list, in declaration order.
    pub fn to_vec(&self) -> Vec<Hint> {
        self.iter().copied().collect()
    }
}

impl FromIterator<Hint> for HintSet {
    fn from_iter<I: IntoIterator<Item = Hint>>(hints: I) -> Self {
        let mut set = HintSet::default();
        for hint in hints {
            set.insert(hint);
        }
        set
    }
}

impl From<Vec<Hint>> for HintSet {
    fn from(hints: Vec<Hint>) -> Self {
        hints.into_iter().collect()
    }
}

/// Equal to a list holding exactly these hints in declaration order (what `to_vec` gives).
impl PartialEq<Vec<Hint>> for HintSet {
    fn eq(&self, other: &Vec<Hint>) -> bool {
        self.iter().eq(other.iter())
    }
}

impl fmt::Debug for HintSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for HintSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.len()))?;
        for hint in self.iter() {
            list.serialize_element(hint)?;
        }
        list.end()
    }
}

impl<'de> Deserialize<'de> for HintSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = HintSet;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of hints")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<HintSet, A::Error> {
                let mut set = HintSet::default();
                while let Some(hint) = seq.next_element::<Hint>()? {
                    set.insert(hint);
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(List)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bits_follow_the_declaration_order() {
        for (i, hint) in ALL_HINTS.iter().enumerate() {
            assert_eq!(HintSet::bit(*hint), 1 << i, "{hint:?}");
        }
    }

    #[test]
    fn it_reads_and_serializes_as_the_list_of_its_hints() {
        let set: HintSet = vec![Hint::OpenDispute, Hint::RefuseWithTracking].into();
        let list = vec![Hint::RefuseWithTracking, Hint::OpenDispute];
        assert_eq!(set, list);
        assert_eq!(set.to_vec(), list);
        assert_eq!(set.len(), 2);
        assert!(set.contains(&Hint::OpenDispute) && !set.contains(&Hint::CancelPossible));
        assert_eq!(format!("{set:?}"), format!("{list:?}"));
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, serde_json::to_string(&list).unwrap());
        assert_eq!(json, r#"["refuse_with_tracking","open_dispute"]"#);
        let back: HintSet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, set);
        let empty = HintSet::default();
        assert!(empty.is_empty());
        assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
        assert_ne!(set, vec![Hint::OpenDispute, Hint::RefuseWithTracking]);
    }
}

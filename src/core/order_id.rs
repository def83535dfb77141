//! An order id in a verdict: held inline when short (AliExpress ids are 16 digits), so analysing
//! 100,000 orders does not allocate 100,000 strings. Reads, compares, hashes and serializes as a `str`.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest id kept inline; longer ids go to the heap.
const INLINE: usize = 22;

/// An order id: a string, stored without allocating when it has at most 22 bytes.
#[derive(Clone)]
pub struct OrderId(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl OrderId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only whole `str`s are ever copied in, so the bytes are always UTF-8.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or("")
            }
            Repr::Heap(text) => text,
        }
    }
}

impl OrderId {
    /// The id whose first `len` bytes are `bytes` (zero-padded), with no copy of variable length.
    /// `bytes[..len]` must be a whole `str`, as the first 16 bytes of an id of at most 16 bytes are.
    pub(super) fn from_padded(bytes: [u8; 16], len: u8) -> Option<OrderId> {
        if usize::from(len) > bytes.len() {
            return None;
        }
        debug_assert!(std::str::from_utf8(&bytes[..usize::from(len)]).is_ok());
        let mut inline = [0u8; INLINE];
        inline[..16].copy_from_slice(&bytes);
        Some(OrderId(Repr::Inline { len, bytes: inline }))
    }
}

impl From<&str> for OrderId {
    fn from(text: &str) -> Self {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            OrderId(Repr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            OrderId(Repr::Heap(text.into()))
        }
    }
}

impl From<String> for OrderId {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            OrderId::from(text.as_str())
        } else {
            OrderId(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl From<OrderId> for String {
    fn from(id: OrderId) -> Self {
        match id.0 {
            Repr::Heap(text) => text.into_string(),
            Repr::Inline { .. } => id.as_str().to_string(),
        }
    }
}

impl Default for OrderId {
    fn default() -> Self {
        OrderId::from("")
    }
}

impl Deref for OrderId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for OrderId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for OrderId {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for OrderId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for OrderId {}

impl PartialOrd for OrderId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// Hashes as the `str` does, so maps keyed by `OrderId` can be searched with a `&str`.
impl Hash for OrderId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialEq<str> for OrderId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for OrderId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for OrderId {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<OrderId> for &str {
    fn eq(&self, other: &OrderId) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<OrderId> for String {
    fn eq(&self, other: &OrderId) -> bool {
        self == other.as_str()
    }
}

impl fmt::Display for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for OrderId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(OrderId::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const IDS: [&str; 6] = [
        "",
        "8",
        "8123456789012345",
        "1234567890123456789012",
        "12345678901234567890123",
        "pedido-ñ-ñ-ñ-ñ-ñ-ñ-ñ-ñ-ñ",
    ];

    #[test]
    fn every_length_reads_back_as_it_went_in() {
        for id in IDS {
            assert_eq!(OrderId::from(id).as_str(), id);
            assert_eq!(OrderId::from(id.to_string()), id);
            assert_eq!(String::from(OrderId::from(id)), id);
            assert_eq!(OrderId::from(id).to_string(), id);
            assert_eq!(format!("{:?}", OrderId::from(id)), format!("{id:?}"));
        }
    }

    #[test]
    fn short_ids_stay_inline_and_long_ones_go_to_the_heap() {
        assert!(matches!(
            OrderId::from("1234567890123456789012").0,
            Repr::Inline { .. }
        ));
        assert!(matches!(
            OrderId::from("12345678901234567890123").0,
            Repr::Heap(_)
        ));
    }

    #[test]
    fn it_orders_and_hashes_like_its_text() {
        let mut ids: Vec<OrderId> = IDS.iter().rev().map(|id| OrderId::from(*id)).collect();
        ids.sort();
        let mut texts = IDS.to_vec();
        texts.sort();
        assert_eq!(
            ids,
            texts.iter().map(|t| OrderId::from(*t)).collect::<Vec<_>>()
        );
        let map: HashMap<OrderId, usize> = IDS.iter().map(|id| ((*id).into(), id.len())).collect();
        for id in IDS {
            assert_eq!(map.get(id), Some(&id.len()));
        }
    }

    #[test]
    fn padded_bytes_make_the_same_id() {
        for id in ["", "8", "8123456789012345", "pedido-ñ-1"] {
            let mut bytes = [0u8; 16];
            bytes[..id.len()].copy_from_slice(id.as_bytes());
            let len = u8::try_from(id.len()).unwrap();
            assert_eq!(OrderId::from_padded(bytes, len).unwrap(), id);
        }
        assert!(OrderId::from_padded([b'1'; 16], 17).is_none());
    }

    #[test]
    fn it_serializes_as_a_plain_string() {
        for id in IDS {
            let json = serde_json::to_string(&OrderId::from(id)).unwrap();
            assert_eq!(json, serde_json::to_string(id).unwrap());
            let back: OrderId = serde_json::from_str(&json).unwrap();
            assert_eq!(back, id);
        }
    }
}

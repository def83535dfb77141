//! One stable sort for every element type, so the wasm carries its code once (the engine's
//! urgency order, on the 100,000-order path, keeps its own).
//!
//! `slice::sort_by` is instantiated per element type and comparator, several KB of wasm each
//! (BENCHMARKS.md, "Size, after slimming"): here the merging is done once, on indices, behind
//! a `dyn` comparator, and only the small reordering is generic.

use std::cmp::Ordering;

/// The stable sorted order of `len` items compared by index: a permutation of `0..len`.
pub fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                // Equal items keep their order: the left run's goes first.
                if compare(order[right], order[left]) == Ordering::Less {
                    merged[out] = order[right];
                    right += 1;
                } else {
                    merged[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            merged[out..out + middle - left].copy_from_slice(&order[left..middle]);
            out += middle - left;
            merged[out..end].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` by `compare`, keeping equal items in their order, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| slots[at].take()));
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in prop::collection::vec((0_u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut standard = items;
            standard.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, standard);
        }
    }
}

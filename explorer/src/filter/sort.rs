//! One stable sort for every order the explorer needs (offers by date, by distance; strings by
//! key). Each `slice::sort_by` closure instantiates its own copy of the standard library's
//! driftsort (about 4 KB of wasm each); this bottom-up merge sort of positions, with the order
//! given as a `&dyn Fn`, is compiled once.

use std::cmp::Ordering;

/// Sorts `items` by `order`, stably (equal items keep their relative order).
pub fn sort_by(items: &mut [u32], order: &dyn Fn(u32, u32) -> Ordering) {
    let n = items.len();
    let mut from = items.to_vec();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // The left run wins ties: stability.
                if order(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + (mid - i)].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..k + (end - j)].copy_from_slice(&from[j..end]);
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    items.copy_from_slice(&from);
}

#[cfg(test)]
mod tests {
    use super::*;

    // Same result as the standard library's stable sort, ties included, on awkward lengths.
    #[test]
    fn sorts_stably() {
        for n in [0_u32, 1, 2, 3, 7, 16, 17, 100, 1000] {
            let keys: Vec<u32> = (0..n).map(|i| (i * 7919 + 13) % 10).collect();
            let mut ours: Vec<u32> = (0..n).collect();
            sort_by(&mut ours, &|a, b| keys[a as usize].cmp(&keys[b as usize]));
            let mut std: Vec<u32> = (0..n).collect();
            std.sort_by_key(|&i| keys[i as usize]);
            assert_eq!(ours, std, "n = {n}");
        }
    }
}

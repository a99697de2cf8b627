//! The synthetic data's draws, over the workspace's one seeded generator
//! ([`SplitMix64`](passerelle_index::rng::SplitMix64)): the same seed gives the same data on
//! every machine and every version.

use passerelle_index::rng::SplitMix64;

/// Uniform draws (integers, floats, picks, subsets) from a [`SplitMix64`].
#[derive(Clone, Debug)]
pub struct Rng(SplitMix64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed ^ 0x5EED_CAFE_F00D_D00D))
    }

    /// A generator for one purpose (a table), independent of how much the others drew, so that
    /// adding a column to one table does not reshuffle the others.
    pub fn fork(&self, stream: u64) -> Rng {
        let mut rng = Rng(SplitMix64::new(self.0.state() ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }

    /// A uniform integer in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n`, in ascending order (`k` capped at `n`).
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        while chosen.len() < k.min(n) {
            let i = self.below(n);
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen
    }

    /// `k` distinct elements of `items`, in their order.
    pub fn some<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        self.distinct(items.len(), k).into_iter().map(|i| &items[i]).collect()
    }
}

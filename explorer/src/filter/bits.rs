//! A fixed-size bitset over offer positions: one per facet value, intersected per query.

/// A set of offer positions, one bit each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// The empty set over `len` offers.
    pub fn none(len: usize) -> Bits {
        Bits { words: vec![0; len.div_ceil(64)], len }
    }

    /// How many offers the set is over.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the set is over no offer.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The full set over `len` offers.
    pub fn all(len: usize) -> Bits {
        let mut bits = Bits { words: vec![u64::MAX; len.div_ceil(64)], len };
        bits.trim();
        bits
    }

    /// The set of positions where `keep` holds.
    pub fn from_fn(len: usize, keep: impl Fn(usize) -> bool) -> Bits {
        let mut bits = Bits::none(len);
        for i in (0..len).filter(|&i| keep(i)) {
            bits.insert(i);
        }
        bits
    }

    fn trim(&mut self) {
        if self.len % 64 != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << (self.len % 64)) - 1;
            }
        }
    }

    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Keeps only the positions also in `other`.
    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the positions of `other`.
    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// How many positions are set.
    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// How many positions are in both sets, without building the intersection.
    pub fn count_and(&self, other: &Bits) -> u32 {
        self.words.iter().zip(&other.words).map(|(a, b)| (a & b).count_ones()).sum()
    }

    /// The set positions, ascending.
    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Sets intersect, unite and count across word boundaries; `all` has no stray high bits.
    #[test]
    fn set_operations() {
        let all = Bits::all(130);
        assert_eq!(all.count(), 130);
        let evens = Bits::from_fn(130, |i| i % 2 == 0);
        let tens = Bits::from_fn(130, |i| i % 10 == 0);
        assert_eq!(evens.count(), 65);
        assert_eq!(evens.count_and(&tens), 13);
        let mut both = evens.clone();
        both.and_with(&tens);
        assert_eq!(both.ones().collect::<Vec<_>>(), (0..130).step_by(10).collect::<Vec<_>>());
        let mut either = Bits::none(130);
        either.or_with(&tens);
        assert!(either.contains(120) && !either.contains(121));
    }
}

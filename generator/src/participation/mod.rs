//! Participation: the verifiable draw of volunteer operators (after RFC 3797) and its tools.
//!
//! Plain Rust, no I/O, so the same code serves `check`, the pages and `passerelle draw` (the
//! command, which reads `data/` and writes `draws.csv`, is [`crate::draw`]):
//!
//! - [`seed`]: a draw's published random values → the canonical seed text;
//! - [`pool`]: a draw's volunteers → the canonical pool text and its SHA-256, and what changed
//!   when a pool no longer matches the announced hash;
//! - [`draw`]: ranking, groups under the balance, waiting list, replacements;
//! - [`outcome`]: one draw of the records: its pool, hash and (once seeded) result;
//! - [`report`]: the text `passerelle draw ID` prints (the shipped `verify.py` prints the same).
//!
//! data/README.md "The draw, step by step" documents the method precisely enough to reimplement it.

pub mod draw;
pub mod outcome;
pub mod pool;
pub mod report;
pub mod seed;

use sha2::{Digest, Sha256};

/// The lowercase hexadecimal SHA-256 of `text`'s UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
    }
    hex
}

/// The verification script shipped with the site (`draws/verify.py`).
pub const VERIFY_PY: &str = include_str!("verify.py");

#[cfg(test)]
mod tests {
    // The SHA-256 of a known text (FIPS 180-2 example "abc").
    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            super::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

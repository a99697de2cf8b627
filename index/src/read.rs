//! Reads the index's bytes (the postcard wire format, see the crate doc) by hand, field by
//! field in declaration order. serde's derived `Deserialize` reads the same bytes, but its
//! visitors for every type weigh ~20 KB in the explorer's wasm (about 7 KB gzip of the 150 KB
//! budget); this reader is a few hundred bytes. Tests check that both agree on the committed
//! fixture and on a synthetic index, so the format stays the one `postcard::to_allocvec` writes.

use crate::time::{DayRule, Holidays, Pauses, Recurrence, Session};
use crate::{BaseFeature, District, Index, Map, Offers, Outside, Venue, Vocab};

/// Why the bytes are not an index.
pub type Error = &'static str;
type R<T> = Result<T, Error>;

const END: Error = "the index ends too early";

/// A cursor over the bytes.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> R<u8> {
        let (&b, rest) = self.bytes.split_first().ok_or(END)?;
        self.bytes = rest;
        Ok(b)
    }

    /// An unsigned LEB128 varint (at most 10 bytes).
    fn varint(&mut self) -> R<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(value);
            }
        }
        Err("a number is too long")
    }

    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.varint()?).map_err(|_| "a number is out of range")
    }

    fn u16(&mut self) -> R<u16> {
        u16::try_from(self.varint()?).map_err(|_| "a number is out of range")
    }

    fn i32(&mut self) -> R<i32> {
        let z = self.u32()?;
        Ok((z >> 1) as i32 ^ -((z & 1) as i32))
    }

    fn bool(&mut self) -> R<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err("a flag is neither 0 nor 1"),
        }
    }

    fn f64(&mut self) -> R<f64> {
        let (head, rest) = self.bytes.split_at_checked(8).ok_or(END)?;
        self.bytes = rest;
        let mut b = [0; 8];
        b.copy_from_slice(head);
        Ok(f64::from_le_bytes(b))
    }

    fn pair(&mut self) -> R<[f64; 2]> {
        Ok([self.f64()?, self.f64()?])
    }

    fn len(&mut self) -> R<usize> {
        let n = self.varint()? as usize;
        // Every item takes at least a byte: a longer count is a lie (and an allocation bomb).
        if n > self.bytes.len() {
            return Err(END);
        }
        Ok(n)
    }

    fn string(&mut self) -> R<String> {
        let n = self.len()?;
        let (text, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        String::from_utf8(text.to_vec()).map_err(|_| "a text is not UTF-8")
    }

    // Not inlined: one loop per item type instead of one per call site (~4 KB of wasm).
    #[inline(never)]
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }

    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> R<T>) -> R<Option<T>> {
        Ok(if self.bool()? { Some(item(self)?) } else { None })
    }

    fn u32s(&mut self) -> R<Vec<u32>> {
        self.list(Self::u32)
    }

    fn spans(&mut self) -> R<Vec<(i32, i32)>> {
        self.list(|r| Ok((r.i32()?, r.i32()?)))
    }

    fn labels(&mut self) -> R<Vec<(String, String)>> {
        self.list(|r| Ok((r.string()?, r.string()?)))
    }

    fn recurrence(&mut self) -> R<Recurrence> {
        let minute = |r: &mut Self| r.option(Self::u16);
        Ok(Recurrence {
            days: self.list(|r| Ok(DayRule { weekday: r.byte()?, rank: r.byte()? as i8 }))?,
            start: minute(self)?,
            end: minute(self)?,
            from: self.option(Self::i32)?,
            until: self.option(Self::i32)?,
            dates: self.list(|r| Ok(Session { day: r.i32()?, start: minute(r)?, end: minute(r)? }))?,
            except: self.spans()?,
            pauses: Pauses { school: self.bool()?, public: self.bool()? },
        })
    }

    fn offers(&mut self) -> R<Offers> {
        Ok(Offers {
            id: self.list(Self::string)?,
            title: self.list(Self::string)?,
            summary: self.list(Self::string)?,
            operator: self.u32s()?,
            venue: self.list(|r| r.option(Self::u32))?,
            districts: self.list(Self::u32s)?,
            audiences: self.list(Self::u32s)?,
            disciplines: self.list(Self::u32s)?,
            accessibility: self.list(Self::u32s)?,
            age_min: self.list(|r| r.option(Self::byte))?,
            age_max: self.list(|r| r.option(Self::byte))?,
            price: self.list(Self::byte)?,
            start: self.list(|r| r.option(Self::i32))?,
            end: self.list(|r| r.option(Self::i32))?,
            status: self.list(Self::byte)?,
            when: self.list(Self::recurrence)?,
        })
    }

    fn index(&mut self) -> R<Index> {
        Ok(Index {
            version: self.u32()?,
            lang: self.string()?,
            today: self.i32()?,
            strings: self.labels()?,
            vocab: Vocab {
                audience: self.labels()?,
                discipline: self.labels()?,
                accessibility: self.labels()?,
            },
            map: Map {
                width: self.f64()?,
                height: self.f64()?,
                origin: self.pair()?,
                scale: self.f64()?,
                tiles: self.option(Self::string)?,
                attribution: self.option(Self::string)?,
            },
            districts: self.list(|r| {
                Ok(District { id: r.string()?, name: r.string()?, path: r.string()?, label: r.pair()? })
            })?,
            venues: self.list(|r| {
                Ok(Venue {
                    id: r.string()?,
                    name: r.string()?,
                    district: r.option(Self::u32)?,
                    xy: r.pair()?,
                    lonlat: r.pair()?,
                })
            })?,
            operators: self.list(Self::string)?,
            offers: self.offers()?,
            holidays: Holidays { school: self.spans()?, public: self.spans()? },
            basemap: self.list(|r| {
                Ok(BaseFeature {
                    kind: r.byte()?,
                    name: r.string()?,
                    path: r.string()?,
                    length: r.f64()?,
                    at: r.pair()?,
                })
            })?,
            outside: self.list(|r| Ok(Outside { path: r.string()?, label: r.pair()?, venues: r.u32s()? }))?,
        })
    }
}

/// The index in `bytes`. Only the version is read first: another version is refused as such,
/// not as garbage.
pub fn read(bytes: &[u8]) -> Result<Index, Error> {
    let version = Reader { bytes }.u32()?;
    if version != crate::FORMAT_VERSION {
        return Err("another version of the index format");
    }
    let mut reader = Reader { bytes };
    let index = reader.index()?;
    if !reader.bytes.is_empty() {
        return Err("bytes left after the index");
    }
    Ok(index)
}

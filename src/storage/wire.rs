//! The byte-level primitives of the payload: LEB128 varints, zigzag for signed numbers, and
//! one string table per payload so a family or author written thousands of times costs a
//! small index each time. The reader never panics: every read checks what is left and
//! answers `Corrupt` when the bytes run out or make no sense.

use super::error::{corrupt, StoreError};
use std::collections::HashMap;
use std::sync::Arc;

pub type Result<T> = std::result::Result<T, StoreError>;

pub fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

/// Writes the payload body; strings that repeat go to a table written in front of it.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
    table: Vec<String>,
    index: HashMap<String, u32>,
}

impl Writer {
    pub fn u8(&mut self, b: u8) {
        self.bytes.push(b);
    }

    pub fn var(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.bytes.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    pub fn usize(&mut self, v: usize) {
        self.var(v as u64);
    }

    pub fn int(&mut self, v: i64) {
        self.var(zigzag(v));
    }

    pub fn f64(&mut self, v: f64) {
        self.bytes.extend_from_slice(&v.to_bits().to_le_bytes());
    }

    /// A string written where it is used (SKU codes, names, note texts: rarely repeated).
    pub fn text(&mut self, s: &str) {
        self.usize(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// A string that repeats (families, authors, dates): an index into the table.
    pub fn shared(&mut self, s: &str) {
        let i = match self.index.get(s) {
            Some(&i) => i,
            None => {
                let i = self.table.len() as u32;
                self.index.insert(s.to_string(), i);
                self.table.push(s.to_string());
                i
            }
        };
        self.var(u64::from(i));
    }

    pub fn shared_opt(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.shared(s);
            }
        }
    }

    /// The finished payload: the string table, then the body.
    pub fn finish(self) -> Vec<u8> {
        let mut head = Writer::default();
        head.usize(self.table.len());
        for s in &self.table {
            head.text(s);
        }
        head.bytes.extend_from_slice(&self.bytes);
        head.bytes
    }
}

/// Reads a payload; the string table is read first, by [`Reader::new`].
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    table: Vec<Arc<str>>,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Result<Reader<'a>> {
        let mut r = Reader {
            bytes,
            pos: 0,
            table: Vec::new(),
        };
        let n = r.count("string table")?;
        let mut table = Vec::with_capacity(n);
        for _ in 0..n {
            table.push(Arc::from(r.text("string table")?));
        }
        r.table = table;
        Ok(r)
    }

    /// Where reading stopped and the string table, to resume later ([`Reader::resume`]).
    pub fn detach(self) -> (usize, Vec<Arc<str>>) {
        (self.pos, self.table)
    }

    /// Goes on reading `bytes` from `pos` with the table read before.
    pub fn resume(bytes: &'a [u8], pos: usize, table: Vec<Arc<str>>) -> Reader<'a> {
        Reader {
            bytes,
            pos: pos.min(bytes.len()),
            table,
        }
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    pub fn u8(&mut self, what: &str) -> Result<u8> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| corrupt(format!("{what} ends early")))?;
        self.pos += 1;
        Ok(b)
    }

    pub fn var(&mut self, what: &str) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(corrupt(format!("{what}: a number is too long")))
    }

    pub fn usize(&mut self, what: &str) -> Result<usize> {
        usize::try_from(self.var(what)?).map_err(|_| corrupt(format!("{what}: too large")))
    }

    pub fn u32(&mut self, what: &str) -> Result<u32> {
        u32::try_from(self.var(what)?).map_err(|_| corrupt(format!("{what}: too large")))
    }

    /// A count of items still to read: each takes at least one byte, so a count larger than
    /// the bytes left is damage (and must not reserve memory).
    pub fn count(&mut self, what: &str) -> Result<usize> {
        let n = self.usize(what)?;
        if n > self.bytes.len() - self.pos {
            return Err(corrupt(format!(
                "{what}: count {n} is larger than the data"
            )));
        }
        Ok(n)
    }

    pub fn int(&mut self, what: &str) -> Result<i64> {
        Ok(unzigzag(self.var(what)?))
    }

    pub fn f64(&mut self, what: &str) -> Result<f64> {
        let end = self.pos + 8;
        let b = self
            .bytes
            .get(self.pos..end)
            .ok_or_else(|| corrupt(format!("{what} ends early")))?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        self.pos = end;
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }

    pub fn text(&mut self, what: &str) -> Result<&'a str> {
        let n = self.usize(what)?;
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| corrupt(format!("{what} ends early")))?;
        let s = std::str::from_utf8(&self.bytes[self.pos..end])
            .map_err(|_| corrupt(format!("{what} is not UTF-8 text")))?;
        self.pos = end;
        Ok(s)
    }

    pub fn shared(&mut self, what: &str) -> Result<Arc<str>> {
        let i = self.usize(what)?;
        self.table
            .get(i)
            .cloned()
            .ok_or_else(|| corrupt(format!("{what}: no string {i} in the table")))
    }

    pub fn shared_string(&mut self, what: &str) -> Result<String> {
        Ok(self.shared(what)?.to_string())
    }

    pub fn shared_opt(&mut self, what: &str) -> Result<Option<String>> {
        match self.u8(what)? {
            0 => Ok(None),
            1 => Ok(Some(self.shared_string(what)?)),
            t => Err(corrupt(format!("{what}: unknown tag {t}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_strings_round_trip() {
        let mut w = Writer::default();
        for v in [0, 1, -1, 63, -64, 64, i64::MAX, i64::MIN] {
            w.int(v);
        }
        w.var(u64::MAX);
        w.shared("Candles");
        w.text("Fig & Cedar");
        w.shared("Candles");
        w.f64(2.5);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes).unwrap();
        for v in [0, 1, -1, 63, -64, 64, i64::MAX, i64::MIN] {
            assert_eq!(r.int("n").unwrap(), v);
        }
        assert_eq!(r.var("n").unwrap(), u64::MAX);
        assert_eq!(&*r.shared("s").unwrap(), "Candles");
        assert_eq!(r.text("s").unwrap(), "Fig & Cedar");
        assert_eq!(&*r.shared("s").unwrap(), "Candles");
        assert_eq!(r.f64("f").unwrap(), 2.5);
        assert!(r.at_end());
        assert!(r.u8("x").is_err());
    }

    #[test]
    fn a_repeated_string_is_written_once() {
        let mut w = Writer::default();
        for _ in 0..100 {
            w.shared("Gift sets");
        }
        // table: count 1, len 9, 9 bytes; body: 100 one-byte indices
        assert_eq!(w.finish().len(), 1 + 1 + 9 + 100);
    }

    #[test]
    fn overlong_numbers_and_counts_are_damage() {
        let mut r = Reader::new(&[
            0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1,
        ])
        .unwrap();
        assert!(r.var("n").is_err());
        let mut r = Reader::new(&[0, 200, 1]).unwrap();
        assert!(r.count("n").is_err());
        assert!(Reader::new(&[5]).is_err());
    }
}

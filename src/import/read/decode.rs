//! Bytes to text. Excel writes "CSV UTF-8" with a BOM, plain "CSV" in the Windows code page
//! (Windows-1252 in much of Europe and the US) and "Unicode text" as UTF-16, so all of these
//! are read; anything that is not text at all is refused before it is parsed.

use crate::import::error::Problem;
use std::borrow::Cow;

/// The character encoding the file was read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Excel's Western-European code page.
    Windows1252,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 (little-endian) with BOM",
            Encoding::Utf16Be => "UTF-16 (big-endian) with BOM",
            Encoding::Windows1252 => "Windows-1252 (not UTF-8)",
        }
    }
}

/// How much of the start of the text is checked for control characters.
const SAMPLE_CHARS: usize = 8192;

/// Decodes the file; refuses binary files (NUL bytes, mostly control characters, workbooks).
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Problem> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Problem::file(
            "this is an Excel workbook or another zip file, not a CSV file: in Excel choose \
             File > Save As > CSV UTF-8",
        ));
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8_or_1252(rest).0, Encoding::Utf8Bom)
    } else if bytes.starts_with(b"\xFF\xFE") {
        let (t, _) = encoding_rs::UTF_16LE.decode_with_bom_removal(bytes);
        (t, Encoding::Utf16Le)
    } else if bytes.starts_with(b"\xFE\xFF") {
        let (t, _) = encoding_rs::UTF_16BE.decode_with_bom_removal(bytes);
        (t, Encoding::Utf16Be)
    } else {
        if let Some(at) = bytes.iter().position(|b| *b == 0) {
            return Err(nul_byte(bytes, at));
        }
        utf8_or_1252(bytes)
    };
    if looks_binary(&text) {
        return Err(not_text());
    }
    Ok((text, encoding))
}

/// A few NUL bytes in a text file are damage at one place, named by its line; many are a
/// binary file (or UTF-16 without its BOM).
fn nul_byte(bytes: &[u8], at: usize) -> Problem {
    let zeros = bytes.iter().filter(|b| **b == 0).count();
    let rest: Vec<u8> = bytes.iter().copied().filter(|b| *b != 0).collect();
    if zeros * 20 > bytes.len() || looks_binary(&utf8_or_1252(&rest).0) {
        return not_text();
    }
    let before = bytes.get(..at).unwrap_or_default();
    let line = super::table::line_breaks(before) as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n' || *b == b'\r')
        .map_or(0, |i| i + 1);
    let column = utf8_or_1252(before.get(line_start..).unwrap_or_default())
        .0
        .chars()
        .count()
        + 1;
    Problem::line(
        line,
        format!(
            "holds a NUL byte (character code 0) at character {column}: the file is damaged \
             there; remove it and save the file again"
        ),
    )
}

fn not_text() -> Problem {
    Problem::file("this is not a text/CSV file (it holds binary data)")
}

fn utf8_or_1252(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
        Err(_) => (
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
            Encoding::Windows1252,
        ),
    }
}

/// More than 5% control characters (other than tab and line ends) or replacement characters
/// near the start: a text file never looks like that.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(SAMPLE_CHARS) {
        total += 1;
        let control = (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) || c == '\u{FFFD}';
        odd += control as usize;
    }
    text.contains('\0') || odd * 20 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, e) = decode("SKU,Qty\n".as_bytes()).unwrap();
        assert_eq!((t.as_ref(), e), ("SKU,Qty\n", Encoding::Utf8));
        let (t, e) = decode(b"\xEF\xBB\xBFSKU\n").unwrap();
        assert_eq!((t.as_ref(), e), ("SKU\n", Encoding::Utf8Bom));
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        // "Crème brûlée" in cp1252: è = E8, û = FB, é = E9
        let (t, e) = decode(b"Cr\xE8me br\xFBl\xE9e\n").unwrap();
        assert_eq!((t.as_ref(), e), ("Crème brûlée\n", Encoding::Windows1252));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "SKU\tQty\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (t, e) = decode(&bytes).unwrap();
        assert_eq!((t.as_ref(), e), ("SKU\tQty\n", Encoding::Utf16Le));
    }

    #[test]
    fn one_nul_byte_names_its_line() {
        // Fails on main: the whole file was "binary data".
        let e = decode(b"SKU,Qty\r\nCND-101,1\r\nCND\0-102,2\r\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.reason.contains("at character 4"), "{}", e.reason);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"SKU\0Qty").is_err());
        assert!(decode(b"\0\0\0\0SKU,Qty\n").unwrap_err().line.is_none());
        assert!(decode(b"\x01\x02\x03\x04\x05 abc").is_err());
        let zip = decode(b"PK\x03\x04rest").unwrap_err();
        assert!(zip.reason.contains("Excel workbook"));
    }
}

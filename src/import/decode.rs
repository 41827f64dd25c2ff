//! Bytes to text. Excel writes "CSV UTF-8" with a BOM, plain "CSV" in the Windows code page
//! (Windows-1252 in much of Europe and the US) and "Unicode text" as UTF-16, so all of these
//! are read; anything that is not text at all is refused before it is parsed.

use super::error::Problem;
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
        if bytes.contains(&0) {
            return Err(not_text());
        }
        utf8_or_1252(bytes)
    };
    if looks_binary(&text) {
        return Err(not_text());
    }
    Ok((text, encoding))
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
    fn binary_is_refused() {
        assert!(decode(b"SKU\0Qty").is_err());
        assert!(decode(b"\x01\x02\x03\x04\x05 abc").is_err());
        let zip = decode(b"PK\x03\x04rest").unwrap_err();
        assert!(zip.reason.contains("Excel workbook"));
    }
}

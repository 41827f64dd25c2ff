//! Property tests that the reader never panics, whatever it is given: random text, random
//! payload bytes, and a valid save cut short or with one byte changed (the envelope's
//! checksum re-done, so the damage reaches the payload reader itself).

use super::{decode, envelope, payload, sample};
use proptest::prelude::*;
use std::sync::OnceLock;

fn valid_payload() -> &'static Vec<u8> {
    static PAYLOAD: OnceLock<Vec<u8>> = OnceLock::new();
    PAYLOAD.get_or_init(|| payload::write(&sample(6, 2, 3)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_is_refused_without_panic(text in ".{0,300}") {
        prop_assert!(decode(&text).is_err());
    }

    #[test]
    fn random_payload_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = payload::Reading::start(bytes.to_vec()).and_then(payload::Reading::finish);
        let _ = decode(&envelope::seal(&bytes));
    }

    #[test]
    fn a_cut_short_payload_never_panics(cut in 0usize..100_000) {
        let p = valid_payload();
        let cut = cut % p.len();
        prop_assert!(payload::Reading::start(p[..cut].to_vec()).and_then(payload::Reading::finish).is_err());
    }

    #[test]
    fn a_changed_byte_never_panics(at in 0usize..100_000, byte in any::<u8>()) {
        let mut p = valid_payload().clone();
        let at = at % p.len();
        p[at] = byte;
        let _ = decode(&envelope::seal(&p));
    }

    #[test]
    fn a_cut_short_or_changed_save_is_refused(at in 0usize..100_000, byte in any::<u8>()) {
        let text = envelope::seal(valid_payload());
        let at = at % text.len();
        prop_assert!(decode(&text[..at]).is_err());
        let mut bytes = text.clone().into_bytes();
        if bytes[at] != byte && byte.is_ascii() {
            bytes[at] = byte;
            let changed = String::from_utf8(bytes).unwrap_or_default();
            prop_assert!(decode(&changed).is_err());
        }
    }
}

//! The JSON envelope around the payload: small, readable by a person, and enough to tell
//! apart the ways a saved text can fail before the payload is read at all.
//!
//! `{"app":"sop-grid","schema":1,"len":N,"check":"<crc32 hex>","payload":"<base64>"}`
//!
//! - `app` (first, always): not there → not ours;
//! - `schema` (second, always, so [`schema_of`] can peek without parsing): above
//!   [`super::SCHEMA`] → newer;
//! - JSON that ends early, or a payload shorter than `len` (its characters) → truncated;
//! - broken JSON, a `check` (CRC-32 of the payload text) that does not match, bad base64 →
//!   corrupt.
//!
//! The envelope is written by hand (fixed key order, nothing to escape in base64) and read
//! with serde_json. It holds nothing that is not checked (no time: encoding is pure, and the
//! app knows when it saved), so any one changed character is caught.

use super::error::{corrupt, StoreError};
use super::SCHEMA;
use base64::Engine;
use serde::Deserialize;
use std::borrow::Cow;

const APP: &str = "sop-grid";
/// How every envelope this app writes starts.
const MARK: &str = "{\"app\":\"sop-grid\",";
const SCHEMA_KEY: &str = "{\"app\":\"sop-grid\",\"schema\":";

#[derive(Deserialize)]
struct Envelope<'a> {
    app: Option<Cow<'a, str>>,
    schema: Option<u32>,
    len: Option<usize>,
    check: Option<Cow<'a, str>>,
    #[serde(borrow)]
    payload: Option<Cow<'a, str>>,
}

fn checksum(payload: &str) -> String {
    format!("{:08x}", crc32fast::hash(payload.as_bytes()))
}

/// The saved text of a payload in format [`SCHEMA`].
pub fn seal(payload: &[u8]) -> String {
    let text = base64::engine::general_purpose::STANDARD.encode(payload);
    format!(
        "{SCHEMA_KEY}{SCHEMA},\"len\":{},\"check\":\"{}\",\"payload\":\"{text}\"}}",
        text.len(),
        checksum(&text)
    )
}

/// The format a saved text says it is in, if it is ours; reads only its first characters.
/// Spaces and line breaks between the tokens are allowed (a newer app, or a person, may
/// write the envelope pretty-printed): a newer save must be told from a damaged one even
/// then, or it would be treated as damage.
pub fn schema_of(text: &str) -> Option<u32> {
    let mut rest = text;
    for token in ["{", "\"app\"", ":", "\"sop-grid\"", ",", "\"schema\"", ":"] {
        rest = rest.trim_start().strip_prefix(token)?;
    }
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest.get(..digits)?.parse().ok()
}

/// The format and payload bytes of a saved text, or why it cannot be read.
pub fn open(text: &str) -> Result<(u32, Vec<u8>), StoreError> {
    if let Some(version) = schema_of(text).filter(|&v| v > SCHEMA) {
        return Err(StoreError::Newer { version });
    }
    let ours = text.starts_with(MARK)
        || (!text.is_empty() && MARK.starts_with(text))
        || schema_of(text).is_some();
    let env: Envelope = match serde_json::from_str(text) {
        Ok(env) => env,
        Err(e) if ours && e.is_eof() => return Err(StoreError::Truncated),
        Err(e) if ours => return Err(corrupt(format!("it is not valid JSON: {e}"))),
        Err(_) => return Err(StoreError::NotOurs),
    };
    if env.app.as_deref() != Some(APP) {
        return Err(StoreError::NotOurs);
    }
    let version = env
        .schema
        .filter(|&v| v > 0)
        .ok_or_else(|| corrupt("it has no format number"))?;
    if version > SCHEMA {
        return Err(StoreError::Newer { version });
    }
    let (Some(len), Some(check), Some(payload)) = (env.len, env.check, env.payload) else {
        return Err(corrupt("its length, checksum or contents are missing"));
    };
    if payload.len() < len {
        return Err(StoreError::Truncated);
    }
    if payload.len() > len {
        return Err(corrupt("it is longer than it was when saved"));
    }
    if checksum(&payload) != check {
        return Err(corrupt("the checksum does not match"));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload.as_bytes())
        .map_err(|e| corrupt(format!("the contents are not base64: {e}")))?;
    Ok((version, bytes))
}

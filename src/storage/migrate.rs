//! Reading saves written by older versions of the app: a table of upgrades, each turning a
//! payload of one format into the next, applied in turn up to [`SCHEMA`].
//!
//! Format 2 added decisions, behind a plan flag format 1 never set, so a format 1 payload is
//! a format 2 payload without decisions: its upgrade is the identity. Format 3 added demand
//! events the same way (a flag format 2 never set), format 4 channel and location splits (a flag
//! format 3 never set). To change the format:
//!
//! 1. Raise [`SCHEMA`] to N and change the writer and reader to format N.
//! 2. Keep the old reader: move format N−1's payload code to `src/storage/vN-1/` (or write
//!    just what is needed) and add `(N − 1, upgrade_to_N)` to [`MIGRATIONS`], a function that
//!    reads a format N−1 payload and returns the same plan as a format N payload.
//! 3. Keep every fixture: `tests/fixtures/storage/v1.json` … stay as they were written, and
//!    their tests (tests/native/storage.rs) must still decode them to the same hand-checked plan.
//!    Add `vN.json` from the new encoder (`cargo test --test native storage:: -- --ignored
//!    write_fixture` writes it) with a test of its own.
//! 4. The envelope keeps `app` first and `schema` second in every format: older apps peek
//!    at them ([`super::schema_of`]) to say "newer" instead of "damaged".

use super::error::StoreError;
use super::SCHEMA;

/// Turns a payload of format `from` into one of format `from + 1`.
pub type Upgrade = fn(Vec<u8>) -> Result<Vec<u8>, StoreError>;

/// `(from, upgrade)`: one entry for every format from 1 to `SCHEMA − 1`.
pub const MIGRATIONS: &[(u32, Upgrade)] = &[(1, v1_to_v2), (2, v2_to_v3), (3, v3_to_v4)];

/// Format 1 → 2: the same bytes (decisions are a new flag, unset in format 1).
fn v1_to_v2(payload: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    Ok(payload)
}

/// Format 2 → 3: the same bytes (demand events are a new flag, unset in format 2).
fn v2_to_v3(payload: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    Ok(payload)
}

/// Format 3 → 4: the same bytes (splits are a new flag, unset in format 3).
fn v3_to_v4(payload: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    Ok(payload)
}

/// Upgrades a payload of format `version` to the current format.
pub fn upgrade(version: u32, mut payload: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    for v in version..SCHEMA {
        let Some((_, step)) = MIGRATIONS.iter().find(|(from, _)| *from == v) else {
            return Err(StoreError::Corrupt {
                what: format!("format {v} has no upgrade"),
            });
        };
        payload = step(payload)?;
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_older_format_has_exactly_one_upgrade() {
        let older: Vec<u32> = (1..SCHEMA).collect();
        for v in older {
            assert_eq!(
                MIGRATIONS.iter().filter(|(f, _)| *f == v).count(),
                1,
                "format {v}"
            );
        }
        assert!(MIGRATIONS.iter().all(|(f, _)| (1..SCHEMA).contains(f)));
    }

    #[test]
    fn the_current_format_needs_no_upgrade() {
        assert_eq!(upgrade(SCHEMA, vec![1, 2, 3]), Ok(vec![1, 2, 3]));
    }
}

//! How much one import may bring, each cap with a message naming the cap and the count, so
//! a file past a cap is refused whole and the plan stays as it was.
//!
//! - [`MAX_ROWS`] data rows a file (checked as the table is read);
//! - [`MAX_FILES`] files in the import dialog at once (several 200 MB files read together
//!   would exhaust the tab's memory);
//! - new SKUs: as many as keep the plan within [`MAX_SKUS`].

use super::error::thousands;
pub use crate::engine::model::qty::MAX_SKUS;

/// The most data rows one file may hold: a year of Shopify order lines for a brand this
/// tool is for is well under it, and 200 MB of short rows is about 4 million.
pub const MAX_ROWS: usize = 2_000_000;

/// The most files the import dialog reads at once.
pub const MAX_FILES: usize = 10;

/// The refusal of a file with more than [`MAX_ROWS`] data rows, on the row past the cap.
pub fn too_many_rows() -> String {
    format!(
        "the file has more than {} data rows, the most one import reads; split it into \
         smaller files",
        thousands(MAX_ROWS)
    )
}

/// `Some(message)` when adding `chosen` files to the `open` ones already in the dialog
/// would pass [`MAX_FILES`]; then none of the chosen files is read.
pub fn too_many_files(chosen: usize, open: usize) -> Option<String> {
    let total = chosen.saturating_add(open);
    (total > MAX_FILES).then(|| {
        let already = match open {
            0 => String::new(),
            1 => " (1 is already open)".to_string(),
            n => format!(" ({n} are already open)"),
        };
        format!(
            "{} files chosen{already}: the importer reads at most {MAX_FILES} files at once. \
             Nothing was imported.",
            thousands(chosen)
        )
    })
}

/// Whether an import bringing `added` new SKUs to a plan of `plan_skus` keeps it within
/// [`MAX_SKUS`]; the message names both counts and the cap.
pub fn check_new_skus(plan_skus: usize, added: usize) -> Result<(), String> {
    if plan_skus.saturating_add(added) <= MAX_SKUS {
        return Ok(());
    }
    Err(format!(
        "The file brings {} new SKUs to a plan of {}: a plan holds at most {} SKUs. Nothing \
         was imported; import with \"Add SKUs the plan does not have\" off, or remove SKUs first.",
        thousands(added),
        thousands(plan_skus),
        thousands(MAX_SKUS)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_past_the_cap_are_refused_naming_the_count() {
        assert_eq!(too_many_files(10, 0), None);
        assert_eq!(too_many_files(4, 6), None);
        assert_eq!(
            too_many_files(11, 0).as_deref(),
            Some("11 files chosen: the importer reads at most 10 files at once. Nothing was imported.")
        );
        assert_eq!(
            too_many_files(2, 9).as_deref(),
            Some(
                "2 files chosen (9 are already open): the importer reads at most 10 files at \
                 once. Nothing was imported."
            )
        );
    }

    #[test]
    fn new_skus_fit_the_plan_up_to_the_cap_and_not_one_more() {
        assert_eq!(check_new_skus(19_990, 10), Ok(()));
        assert_eq!(
            check_new_skus(19_990, 11),
            Err("The file brings 11 new SKUs to a plan of 19,990: a plan holds at most \
                 20,000 SKUs. Nothing was imported; import with \"Add SKUs the plan does not have\" \
                 off, or remove SKUs first."
                .to_string())
        );
    }
}

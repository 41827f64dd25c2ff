//! Spreadsheet behaviour that needs no browser: keyboard intents, selection, typed numbers,
//! clipboard text. Tested natively; the grid component calls it.

pub mod attributes;
pub mod edits;
pub mod export;
pub mod keymap;
pub mod locale;
pub mod marks;
pub mod meeting;
pub mod number;
pub mod periods;
pub mod rows;
pub mod selection;
pub mod split;
pub mod tsv;
pub mod window;

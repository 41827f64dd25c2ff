//! Dialogs and pop-overs: the import dialog with one card per file and the merge view,
//! "who are you", and what differs before "keep mine".

pub mod import_dialog;
pub mod import_file;
pub mod keep_mine;
pub mod me;
pub mod merge_view;

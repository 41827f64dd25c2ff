//! README documents the keyboard: the table there is exactly the binding table in code.

#[test]
fn readme_keyboard_table_matches_the_bindings() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = sop_grid::sheet::keymap::readme_table();
    assert!(
        readme.contains(&table),
        "README's keyboard table is out of date; it should read:\n{table}"
    );
}

#[test]
fn readme_lists_the_keys_of_the_cell_editor() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = sop_grid::sheet::keymap::readme_editor_table();
    assert!(
        readme.contains(&table),
        "README's table of the editor's keys is out of date; it should read:\n{table}"
    );
}

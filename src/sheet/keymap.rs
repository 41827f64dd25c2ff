//! Keyboard bindings as data: every key the grid understands, mapped to a named intent.
//! This table is the one place bindings live (the in-cell editor's keys too, in their own
//! table); README's keyboard section lists both.
//! `Ctrl` also means `Cmd` on a Mac.

/// What the user means by a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Intent {
    MoveUp,
    MoveDown,
    MoveLeft,
    MoveRight,
    ExtendUp,
    ExtendDown,
    ExtendLeft,
    ExtendRight,
    /// Tab: next cell to the right.
    NextCell,
    /// Shift+Tab: previous cell.
    PrevCell,
    /// Enter: commit an edit, or move down.
    EnterDown,
    /// Shift+Enter: commit and move up.
    EnterUp,
    RowStart,
    RowEnd,
    GridStart,
    GridEnd,
    PageUp,
    PageDown,
    ExtendPageUp,
    ExtendPageDown,
    /// F2: edit the active cell keeping its value.
    Edit,
    /// Esc: cancel the edit in progress.
    Cancel,
    /// Delete / Backspace: clear the selected editable cells.
    Clear,
    Undo,
    Redo,
    /// Ctrl+D: copy the top row of the selection down over the rest.
    FillDown,
    /// Ctrl+C: copy the selection as tab-separated text.
    Copy,
    SelectAll,
    /// In meeting mode: the next / previous exception, selected in the grid as if clicked.
    /// Plain letters are free: only digits and signs start typing into a cell.
    NextException,
    PrevException,
    /// In meeting mode: the next / previous agenda step.
    NextStep,
    PrevStep,
    /// In meeting mode: record a decision on the current exception.
    Decide,
}

impl Intent {
    /// Keys that only mean something in meeting mode (handled by the meeting bar, anywhere
    /// on the page but in a text field).
    pub fn is_meeting(self) -> bool {
        matches!(
            self,
            Intent::NextException
                | Intent::PrevException
                | Intent::NextStep
                | Intent::PrevStep
                | Intent::Decide
        )
    }
}

/// A key with its modifiers, as the browser reports `KeyboardEvent.key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chord {
    pub key: &'static str,
    pub ctrl: bool,
    pub shift: bool,
}

const fn k(key: &'static str, ctrl: bool, shift: bool) -> Chord {
    Chord { key, ctrl, shift }
}

/// The bindings, with the words README shows for each.
pub const BINDINGS: &[(Chord, Intent, &str)] = &[
    (k("ArrowUp", false, false), Intent::MoveUp, "Move up"),
    (k("ArrowDown", false, false), Intent::MoveDown, "Move down"),
    (k("ArrowLeft", false, false), Intent::MoveLeft, "Move left"),
    (
        k("ArrowRight", false, false),
        Intent::MoveRight,
        "Move right",
    ),
    (
        k("ArrowUp", false, true),
        Intent::ExtendUp,
        "Extend the selection up",
    ),
    (
        k("ArrowDown", false, true),
        Intent::ExtendDown,
        "Extend the selection down",
    ),
    (
        k("ArrowLeft", false, true),
        Intent::ExtendLeft,
        "Extend the selection left",
    ),
    (
        k("ArrowRight", false, true),
        Intent::ExtendRight,
        "Extend the selection right",
    ),
    (
        k("Tab", false, false),
        Intent::NextCell,
        "Commit and move right",
    ),
    (
        k("Tab", false, true),
        Intent::PrevCell,
        "Commit and move left",
    ),
    (
        k("Enter", false, false),
        Intent::EnterDown,
        "Commit and move down (or move down)",
    ),
    (
        k("Enter", false, true),
        Intent::EnterUp,
        "Commit and move up",
    ),
    (
        k("Home", false, false),
        Intent::RowStart,
        "First period of the row",
    ),
    (
        k("End", false, false),
        Intent::RowEnd,
        "Last period of the row",
    ),
    (
        k("Home", true, false),
        Intent::GridStart,
        "First cell of the grid",
    ),
    (
        k("End", true, false),
        Intent::GridEnd,
        "Last cell of the grid",
    ),
    (k("PageUp", false, false), Intent::PageUp, "One screen up"),
    (
        k("PageDown", false, false),
        Intent::PageDown,
        "One screen down",
    ),
    (
        k("PageUp", false, true),
        Intent::ExtendPageUp,
        "Extend one screen up",
    ),
    (
        k("PageDown", false, true),
        Intent::ExtendPageDown,
        "Extend one screen down",
    ),
    (k("F2", false, false), Intent::Edit, "Edit the active cell"),
    (k("Escape", false, false), Intent::Cancel, "Cancel the edit"),
    (
        k("Delete", false, false),
        Intent::Clear,
        "Clear the selected cells",
    ),
    (
        k("Backspace", false, false),
        Intent::Clear,
        "Clear the selected cells",
    ),
    (k("z", true, false), Intent::Undo, "Undo"),
    (k("y", true, false), Intent::Redo, "Redo"),
    (k("z", true, true), Intent::Redo, "Redo"),
    (k("d", true, false), Intent::FillDown, "Fill down"),
    (
        k("c", true, false),
        Intent::Copy,
        "Copy as tab-separated values",
    ),
    (k("a", true, false), Intent::SelectAll, "Select all"),
    (
        k("j", false, false),
        Intent::NextException,
        "Meeting: next exception",
    ),
    (
        k("k", false, false),
        Intent::PrevException,
        "Meeting: previous exception",
    ),
    (
        k("n", false, false),
        Intent::NextStep,
        "Meeting: next agenda step",
    ),
    (
        k("p", false, false),
        Intent::PrevStep,
        "Meeting: previous agenda step",
    ),
    (
        k("d", false, false),
        Intent::Decide,
        "Meeting: record a decision on the current exception",
    ),
];

/// How README writes a chord: `Ctrl+Shift+Z`, `Shift+ArrowDown`, `F2`.
pub fn chord_label(c: &Chord) -> String {
    let key = if c.key.chars().count() == 1 {
        c.key.to_ascii_uppercase()
    } else {
        c.key.to_string()
    };
    format!(
        "{}{}{key}",
        if c.ctrl { "Ctrl+" } else { "" },
        if c.shift { "Shift+" } else { "" }
    )
}

/// README's keyboard table, one row per binding (a test keeps README in step with this).
pub fn readme_table() -> String {
    let mut out = String::from("| Keys | Action |\n| --- | --- |\n");
    for (chord, _, words) in BINDINGS {
        out.push_str(&format!("| `{}` | {words} |\n", chord_label(chord)));
    }
    out
}

/// What a key means while the in-cell editor is open (the grid's bindings are off then).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditorIntent {
    /// Commit the text, then move the active cell as the intent says (Enter, Tab).
    Commit(Intent),
    /// When the edit began by typing: commit, then move. After F2 or a double-click the key
    /// is the input's own (the arrows move the caret), as in Excel.
    CommitIfTyped(Intent),
    /// Close the editor and keep the cell as it was.
    CancelEdit,
}

/// A key in the editor: `shift` is `None` when Shift does not change its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditorKey {
    pub key: &'static str,
    pub shift: Option<bool>,
}

const fn e(key: &'static str, shift: Option<bool>) -> EditorKey {
    EditorKey { key, shift }
}

/// The editor's bindings, with the words README shows for each. Ctrl does not change them.
pub const EDITOR_BINDINGS: &[(EditorKey, EditorIntent, &str)] = &[
    (
        e("Enter", Some(false)),
        EditorIntent::Commit(Intent::EnterDown),
        "Commit and move down",
    ),
    (
        e("Enter", Some(true)),
        EditorIntent::Commit(Intent::EnterUp),
        "Commit and move up",
    ),
    (
        e("Tab", Some(false)),
        EditorIntent::Commit(Intent::NextCell),
        "Commit and move right",
    ),
    (
        e("Tab", Some(true)),
        EditorIntent::Commit(Intent::PrevCell),
        "Commit and move left",
    ),
    (
        e("ArrowUp", None),
        EditorIntent::CommitIfTyped(Intent::MoveUp),
        "Commit and move up when the edit began by typing (after F2 or double-click: the caret moves)",
    ),
    (
        e("ArrowDown", None),
        EditorIntent::CommitIfTyped(Intent::MoveDown),
        "Commit and move down when the edit began by typing (after F2 or double-click: the caret moves)",
    ),
    (
        e("ArrowLeft", None),
        EditorIntent::CommitIfTyped(Intent::MoveLeft),
        "Commit and move left when the edit began by typing (after F2 or double-click: the caret moves)",
    ),
    (
        e("ArrowRight", None),
        EditorIntent::CommitIfTyped(Intent::MoveRight),
        "Commit and move right when the edit began by typing (after F2 or double-click: the caret moves)",
    ),
    (
        e("Escape", None),
        EditorIntent::CancelEdit,
        "Cancel the edit, keeping the cell as it was",
    ),
];

/// README's table of the keys while editing a cell (a test keeps README in step with this).
pub fn readme_editor_table() -> String {
    let mut out = String::from("| Keys while editing | Action |\n| --- | --- |\n");
    for (k, _, words) in EDITOR_BINDINGS {
        let label = chord_label(&Chord {
            key: k.key,
            ctrl: false,
            shift: k.shift == Some(true),
        });
        out.push_str(&format!("| `{label}` | {words} |\n"));
    }
    out
}

/// The intent of a key pressed in the editor, if it has one. `typed` says whether the edit
/// began by typing (then the arrows commit); without an intent the key goes to the input.
pub fn editor_intent_for(key: &str, shift: bool, typed: bool) -> Option<EditorIntent> {
    EDITOR_BINDINGS
        .iter()
        .find(|(k, _, _)| k.key == key && k.shift.is_none_or(|s| s == shift))
        .map(|(_, i, _)| *i)
        .filter(|i| typed || !matches!(i, EditorIntent::CommitIfTyped(_)))
}

/// The intent of a key press, if the grid binds it. Letters match either case
/// (Shift+Ctrl+Z reports `Z`).
pub fn intent_for(key: &str, ctrl: bool, shift: bool) -> Option<Intent> {
    let key = if key.chars().count() == 1 {
        key.to_ascii_lowercase()
    } else {
        key.to_string()
    };
    BINDINGS
        .iter()
        .find(|(c, _, _)| c.key == key && c.ctrl == ctrl && c.shift == shift)
        .map(|(_, i, _)| *i)
}

/// A key that starts typing a new value into the active cell (replacing it), as in Excel.
pub fn starts_typing(key: &str, ctrl: bool) -> bool {
    !ctrl
        && key.chars().count() == 1
        && key
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_resolve_and_are_unambiguous() {
        assert_eq!(
            intent_for("ArrowDown", false, true),
            Some(Intent::ExtendDown)
        );
        assert_eq!(intent_for("Z", true, true), Some(Intent::Redo));
        assert_eq!(intent_for("z", true, false), Some(Intent::Undo));
        assert_eq!(intent_for("q", true, false), None);
        for (i, (a, _, _)) in BINDINGS.iter().enumerate() {
            for (b, _, _) in &BINDINGS[i + 1..] {
                assert_ne!(a, b, "{a:?} is bound twice");
            }
        }
        assert!(starts_typing("7", false) && starts_typing("-", false));
        assert!(
            !starts_typing("a", false)
                && !starts_typing("7", true)
                && !starts_typing("Enter", false)
        );
    }

    #[test]
    fn editor_keys_resolve_as_the_grid_handled_them() {
        use EditorIntent::*;
        let typed = true;
        assert_eq!(
            editor_intent_for("Enter", false, !typed),
            Some(Commit(Intent::EnterDown))
        );
        assert_eq!(
            editor_intent_for("Enter", true, typed),
            Some(Commit(Intent::EnterUp))
        );
        assert_eq!(
            editor_intent_for("Tab", false, typed),
            Some(Commit(Intent::NextCell))
        );
        assert_eq!(
            editor_intent_for("Tab", true, !typed),
            Some(Commit(Intent::PrevCell))
        );
        // Arrows commit and move only when the edit began by typing; Shift does not matter.
        for (key, then) in [
            ("ArrowUp", Intent::MoveUp),
            ("ArrowDown", Intent::MoveDown),
            ("ArrowLeft", Intent::MoveLeft),
            ("ArrowRight", Intent::MoveRight),
        ] {
            assert_eq!(
                editor_intent_for(key, false, typed),
                Some(CommitIfTyped(then))
            );
            assert_eq!(
                editor_intent_for(key, true, typed),
                Some(CommitIfTyped(then))
            );
            assert_eq!(editor_intent_for(key, false, !typed), None);
        }
        assert_eq!(editor_intent_for("Escape", false, typed), Some(CancelEdit));
        assert_eq!(editor_intent_for("Escape", true, !typed), Some(CancelEdit));
        // Everything else is the input's: letters, digits, F2, Home, Backspace.
        for key in ["a", "7", "F2", "Home", "Backspace", "Delete"] {
            assert_eq!(editor_intent_for(key, false, typed), None, "{key}");
        }
        for (i, (a, _, _)) in EDITOR_BINDINGS.iter().enumerate() {
            for (b, _, _) in &EDITOR_BINDINGS[i + 1..] {
                let overlap = a.key == b.key
                    && (a.shift.is_none() || b.shift.is_none() || a.shift == b.shift);
                assert!(!overlap, "{a:?} and {b:?} overlap");
            }
        }
        assert!(readme_editor_table().contains("| `Shift+Tab` | Commit and move left |"));
    }
}

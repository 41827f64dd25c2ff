//! The operations a planner can do to a plan, as data, and the strategy that generates them.
//! Every choice is a small number resolved against the plan as it is when the step runs
//! (row 7 of whatever the grid shows then), so any sequence is meaningful and shrinks well.

use proptest::collection::vec;
use proptest::prelude::*;

/// Which grid the planner types into: the weekly check-in's, or the deep dive's months with
/// families collapsed (family totals split over SKUs) or open (SKU months split over weeks).
#[derive(Clone, Copy, Debug)]
pub enum View {
    Weekly,
    MonthFamilies,
    MonthSkus,
}

/// A number as typed or pasted: thousandths of a unit, or a typo.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    Milli(i64),
    Typo,
    Blank,
}

/// Which file an import reads (generated CSV text, through the real importer).
#[derive(Clone, Copy, Debug)]
pub enum FileKind {
    SalesHistory,
    ShopifyOrders,
    PurchaseOrders,
    ForecastLong,
    ForecastWide,
    ShopifyProducts,
    ShopifyInventory,
    /// Sales history with a `Channel` column (Wholesale, Amazon, or not said).
    SalesByChannel,
    /// Inventory of one location only ("Amazon FBA").
    OneLocation,
}

/// One generated import: its rows as (SKU choice, week offset from the current week,
/// quantity); a SKU choice past the plan's SKUs is a new SKU `NEW-<n>`.
#[derive(Clone, Debug)]
pub struct Import {
    pub kind: FileKind,
    pub replace: bool,
    pub add_unknown: bool,
    /// A row the importer refuses (a quantity that is not a number), and whether the
    /// planner chooses to skip it.
    pub bad_row: bool,
    pub skip_bad: bool,
    /// Saved by a decimal-comma Excel (de-DE, fr-FR): `;` between cells, `12,25`.
    pub excel_comma: bool,
    pub rows: Vec<(u8, i8, u32)>,
}

/// An edit either copy of the plan can make (ours, or the colleague's).
#[derive(Clone, Debug)]
pub enum Edit {
    Type {
        view: View,
        row: u8,
        col: u8,
        value: Num,
    },
    Paste {
        view: View,
        row: u8,
        col: u8,
        block: Vec<Vec<Num>>,
    },
    Fill {
        view: View,
        row: u8,
        col: u8,
        down: u8,
        across: u8,
    },
    Clear {
        view: View,
        row: u8,
        col: u8,
        down: u8,
        across: u8,
    },
    /// A field of the SKU panel (on hand, safety stock, lead time, MOQ, cost, price…).
    Attribute {
        sku: u8,
        attr: u8,
        value: Num,
    },
    Import(Import),
    AddEvent {
        target: u8,
        first: i8,
        weeks: u8,
        units: bool,
        value: i16,
    },
    SwitchEvent(u8),
    RemoveEvent(u8),
    Note {
        target: u8,
        on_cell: bool,
    },
    RemoveNote(u8),
    Decide {
        target: u8,
    },
    CloseDecision(u8),
}

/// A step of the lifecycle.
#[derive(Clone, Debug)]
pub enum Op {
    /// An edit of our plan.
    Edit(Edit),
    Undo,
    Redo,
    /// Re-forecast: the statistical baseline written into the forecast.
    Reforecast,
    /// "Who are you?" answered (or changed); 0 = nobody yet.
    SayWho(u8),
    /// A scenario copied from the plan, optionally with a quick change.
    NewScenario {
        quick: u8,
        target: u8,
        value: i16,
    },
    /// An edit made in a scenario's grid.
    ScenarioEdit {
        which: u8,
        edit: Edit,
    },
    Promote(u8),
    DeleteScenario(u8),
    /// "Start check-in".
    CheckIn,
    /// The app opened again `weeks` weeks later: saved, read back, rolled to the new week.
    Reopen {
        weeks: u8,
    },
    /// Our plan file sent to a colleague, who opens it in their browser.
    Share,
    /// An edit in the colleague's copy.
    Colleague(Edit),
    /// The colleague's plan file merged back into ours, picking "theirs" where `picks` says.
    Merge {
        picks: Vec<bool>,
    },
    /// The colleague merges our plan file into their copy.
    ColleagueMerge {
        picks: Vec<bool>,
    },
    /// The colleague starts a check-in in their copy.
    ColleagueCheckIn,
    /// A plan file of another plan opened here (it replaces ours).
    OpenOther(u8),
}

fn view() -> impl Strategy<Value = View> {
    prop_oneof![
        3 => Just(View::Weekly),
        1 => Just(View::MonthFamilies),
        1 => Just(View::MonthSkus),
    ]
}

fn num() -> impl Strategy<Value = Num> {
    prop_oneof![
        8 => (0i64..400).prop_map(|u| Num::Milli(u * 1000)),
        3 => (0i64..400_000).prop_map(Num::Milli),
        1 => Just(Num::Milli(-2000)),
        1 => Just(Num::Milli(150_000_000_000)),
        1 => Just(Num::Typo),
        1 => Just(Num::Blank),
    ]
}

fn file_kind() -> impl Strategy<Value = FileKind> {
    prop_oneof![
        Just(FileKind::SalesHistory),
        Just(FileKind::ShopifyOrders),
        Just(FileKind::PurchaseOrders),
        Just(FileKind::ForecastLong),
        Just(FileKind::ForecastWide),
        Just(FileKind::ShopifyProducts),
        Just(FileKind::ShopifyInventory),
        Just(FileKind::SalesByChannel),
        Just(FileKind::OneLocation),
    ]
}

fn import() -> impl Strategy<Value = Import> {
    (
        file_kind(),
        any::<bool>(),
        prop::bool::weighted(0.7),
        prop::bool::weighted(0.3),
        any::<bool>(),
        prop::bool::weighted(0.3),
        vec((0u8..7, -8i8..24, 0u32..900), 1..6),
    )
        .prop_map(
            |(kind, replace, add_unknown, bad_row, skip_bad, excel_comma, rows)| Import {
                kind,
                replace,
                add_unknown,
                bad_row,
                skip_bad,
                excel_comma,
                rows,
            },
        )
}

/// Any edit of a plan.
pub fn edit() -> impl Strategy<Value = Edit> {
    let small = 0u8..40;
    prop_oneof![
        6 => (view(), small.clone(), 0u8..16, num())
            .prop_map(|(view, row, col, value)| Edit::Type { view, row, col, value }),
        3 => (view(), small.clone(), 0u8..16, vec(vec(num(), 1..4), 1..4))
            .prop_map(|(view, row, col, block)| Edit::Paste { view, row, col, block }),
        2 => (view(), small.clone(), 0u8..16, 0u8..6, 0u8..3)
            .prop_map(|(view, row, col, down, across)| Edit::Fill { view, row, col, down, across }),
        1 => (view(), small.clone(), 0u8..16, 0u8..4, 0u8..3)
            .prop_map(|(view, row, col, down, across)| Edit::Clear { view, row, col, down, across }),
        3 => (0u8..8, 0u8..8, num())
            .prop_map(|(sku, attr, value)| Edit::Attribute { sku, attr, value }),
        5 => import().prop_map(Edit::Import),
        2 => (0u8..8, -3i8..12, 0u8..4, any::<bool>(), -120i16..1100)
            .prop_map(|(target, first, weeks, units, value)| Edit::AddEvent { target, first, weeks, units, value }),
        1 => (0u8..4).prop_map(Edit::SwitchEvent),
        1 => (0u8..4).prop_map(Edit::RemoveEvent),
        1 => (0u8..8, any::<bool>()).prop_map(|(target, on_cell)| Edit::Note { target, on_cell }),
        1 => (0u8..4).prop_map(Edit::RemoveNote),
        1 => (0u8..8).prop_map(|target| Edit::Decide { target }),
        1 => (0u8..4).prop_map(Edit::CloseDecision),
    ]
}

/// Any step of the lifecycle.
pub fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        20 => edit().prop_map(Op::Edit),
        5 => Just(Op::Undo),
        3 => Just(Op::Redo),
        1 => Just(Op::Reforecast),
        1 => (0u8..3).prop_map(Op::SayWho),
        2 => (0u8..3, 0u8..8, -60i16..120)
            .prop_map(|(quick, target, value)| Op::NewScenario { quick, target, value }),
        2 => (0u8..3, edit()).prop_map(|(which, edit)| Op::ScenarioEdit { which, edit }),
        1 => (0u8..3).prop_map(Op::Promote),
        1 => (0u8..3).prop_map(Op::DeleteScenario),
        2 => Just(Op::CheckIn),
        1 => prop_oneof![4 => 1u8..4, 1 => Just(27u8)].prop_map(|weeks| Op::Reopen { weeks }),
        2 => Just(Op::Share),
        4 => edit().prop_map(Op::Colleague),
        2 => vec(any::<bool>(), 0..6).prop_map(|picks| Op::Merge { picks }),
        1 => vec(any::<bool>(), 0..6).prop_map(|picks| Op::ColleagueMerge { picks }),
        1 => Just(Op::ColleagueCheckIn),
        1 => (0u8..6).prop_map(Op::OpenOther),
    ]
}

/// A sequence of up to `max` steps.
pub fn sequence(max: usize) -> impl Strategy<Value = Vec<Op>> {
    vec(op(), 1..=max)
}

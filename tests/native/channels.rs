//! Actual sales by channel and stock on hand by location, worked by hand on a one-SKU plan:
//! imports merge channels and locations (never replace another's), typed totals move the
//! split by the documented rule, undo restores, and storage, the plan file, the three-way
//! merge and the week roll keep the split.

use chrono::NaiveDate;
use sop_grid::engine::collab::conflict::Place;
use sop_grid::engine::collab::merge::three_way;
use sop_grid::engine::collab::roll::roll_to;
use sop_grid::engine::edit::validate::check_plan;
use sop_grid::engine::model::breakdown::Channels;
use sop_grid::engine::model::checkin::Snapshot;
use sop_grid::engine::{Calendar, Edit, Plan, Product, Qty, SeriesField, Workbook};
use sop_grid::import::apply::{to_edit, Mode};
use sop_grid::import::{Records, SkuQty, WeekQty};
use sop_grid::planfile::{read, read_shared, write, write_shared};
use sop_grid::storage::{decode, encode, Stored};

/// Wednesday of 2026-W10: the current week is W10, W08 and W09 are past.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

fn monday(week: u32) -> NaiveDate {
    NaiveDate::from_isoywd_opt(2026, week, chrono::Weekday::Mon).unwrap()
}

/// SKU A sold 4 in W08 (typed, no channel) and holds 10 on hand; SKU B holds 2.
fn start() -> Workbook {
    let mut plan = Plan::new(Calendar::around(today(), 8, 8).unwrap());
    let mut a = Product::new("A", "Candle", "Home");
    a.on_hand = Qty::units(10);
    plan.add_product(a);
    let mut b = Product::new("B", "Vase", "Home");
    b.on_hand = Qty::units(2);
    plan.add_product(b);
    let mut wb = Workbook::new(plan);
    wb.set("A", SeriesField::Actual, "2026-W08", Some(4.0))
        .unwrap();
    wb
}

fn sales(channel: &str, rows: &[(&str, u32, i64)]) -> Records {
    Records::Actuals(
        rows.iter()
            .map(|&(sku, week, units)| WeekQty {
                sku: sku.to_string(),
                week: monday(week),
                qty: Qty::units(units),
                channel: channel.to_string(),
            })
            .collect(),
    )
}

fn stock(location: &str, rows: &[(&str, i64)]) -> Records {
    Records::OnHand(
        rows.iter()
            .map(|&(sku, units)| SkuQty {
                sku: sku.to_string(),
                qty: Qty::units(units),
                location: location.to_string(),
            })
            .collect(),
    )
}

fn import(wb: &mut Workbook, r: &Records, mode: Mode) {
    let applied = to_edit(wb, r, mode, false);
    wb.apply("Import", applied.edit).unwrap();
    check_plan(wb.plan()).unwrap();
}

fn actual(wb: &Workbook, week: u32) -> i64 {
    let w = wb.plan().calendar.index_of_date(monday(week)).unwrap();
    wb.plan().series[0].actual[w].0 / 1000
}

/// Channel → units of weeks W08 and W09.
fn split(plan: &Plan) -> Vec<(String, [i64; 2])> {
    let at = |w| plan.calendar.index_of_date(monday(w)).unwrap();
    plan.series[0]
        .channels
        .iter()
        .map(|(k, v)| (k.clone(), [v[at(8)].0 / 1000, v[at(9)].0 / 1000]))
        .collect()
}

fn named(v: &[(&str, [i64; 2])]) -> Vec<(String, [i64; 2])> {
    v.iter().map(|(k, u)| (k.to_string(), *u)).collect()
}

fn locations(p: &Product) -> Vec<(String, i64)> {
    p.locations
        .iter()
        .map(|(k, q)| (k.clone(), q.0 / 1000))
        .collect()
}

#[test]
fn a_second_channel_merges_with_the_first_and_replace_touches_its_own_channel_only() {
    let mut wb = start();
    let before = wb.plan().clone();
    import(
        &mut wb,
        &sales("Amazon", &[("A", 8, 5), ("A", 9, 2)]),
        Mode::Merge,
    );
    // The typed 4 had no channel: a file that names the week's channel supersedes it (most
    // often the same sales, typed or imported before channels were kept); W08 is Amazon's 5.
    assert_eq!((actual(&wb, 8), actual(&wb, 9)), (5, 2));
    assert_eq!(split(wb.plan()), named(&[("Amazon", [5, 2])]));
    import(&mut wb, &sales("Shopify web", &[("A", 8, 3)]), Mode::Merge);
    assert_eq!(actual(&wb, 8), 8);
    // Replace with an Amazon file: Amazon's past weeks and the sales no file named are
    // cleared, then the file written; Shopify web stays.
    import(&mut wb, &sales("Amazon", &[("A", 9, 7)]), Mode::Replace);
    assert_eq!((actual(&wb, 8), actual(&wb, 9)), (3, 7));
    assert_eq!(
        split(wb.plan()),
        named(&[("Amazon", [0, 7]), ("Shopify web", [3, 0])])
    );
    // A file without channels replaces the "not said" units only.
    import(&mut wb, &sales("", &[("A", 9, 1)]), Mode::Replace);
    assert_eq!((actual(&wb, 8), actual(&wb, 9)), (3, 8));
    import(&mut wb, &sales("Shopify web", &[("A", 8, 2)]), Mode::Merge);
    assert_eq!((actual(&wb, 8), actual(&wb, 9)), (2, 8));
    for _ in 0..5 {
        wb.undo().unwrap();
    }
    assert_eq!(wb.plan(), &before);
}

#[test]
fn a_typed_total_puts_the_difference_on_not_said_or_clears_the_weeks_split() {
    let mut wb = start();
    import(
        &mut wb,
        &sales("Amazon", &[("A", 8, 5), ("A", 9, 2)]),
        Mode::Merge,
    );
    let before = wb.plan().clone();
    wb.set("A", SeriesField::Actual, "2026-W08", Some(12.0))
        .unwrap();
    check_plan(wb.plan()).unwrap();
    assert_eq!(split(wb.plan()), named(&[("", [7, 0]), ("Amazon", [5, 2])]));
    // 3 is below Amazon's 5: W08's split is cleared, all 3 "not said"; W09 keeps Amazon.
    wb.set("A", SeriesField::Actual, "2026-W08", Some(3.0))
        .unwrap();
    check_plan(wb.plan()).unwrap();
    assert_eq!(split(wb.plan()), named(&[("", [3, 0]), ("Amazon", [0, 2])]));
    wb.undo().unwrap();
    wb.undo().unwrap();
    assert_eq!(wb.plan(), &before);
}

#[test]
fn one_locations_stock_replaces_that_location_only_and_a_typed_on_hand_follows_the_rule() {
    let mut wb = start();
    let before = wb.plan().clone();
    import(&mut wb, &stock("Amazon FBA", &[("A", 4)]), Mode::Merge);
    // A's 10 had no location: a file that locates A's stock supersedes it.
    assert_eq!(wb.plan().products[0].on_hand, Qty::units(4));
    assert_eq!(
        locations(&wb.plan().products[0]),
        [("Amazon FBA".to_string(), 4)]
    );
    // A file that does not say the location adds "not said" stock beside the named.
    import(&mut wb, &stock("", &[("A", 10)]), Mode::Merge);
    assert_eq!(wb.plan().products[0].on_hand, Qty::units(14));
    // Replace with a Warehouse file listing A only: the Warehouse stock and the stock no
    // file located are cleared (A's 10, B's 2); Amazon FBA's 4 stay.
    import(&mut wb, &stock("Warehouse", &[("A", 6)]), Mode::Replace);
    assert_eq!(wb.plan().products[0].on_hand, Qty::units(10));
    assert_eq!(wb.plan().products[1].on_hand, Qty::ZERO);
    assert!(wb.plan().products[1].locations.is_empty());
    import(&mut wb, &stock("Amazon FBA", &[("A", 1)]), Mode::Merge);
    assert_eq!(wb.plan().products[0].on_hand, Qty::units(7));
    // Typed on hand 25: the named 7 (Amazon FBA 1, Warehouse 6) stay, "not said" gets 18.
    let mut p = wb.plan().products[0].clone();
    p.on_hand = Qty::units(25);
    wb.apply("Set on hand", Edit::Product { sku: 0, product: p })
        .unwrap();
    check_plan(wb.plan()).unwrap();
    assert_eq!(
        locations(&wb.plan().products[0]),
        [
            ("".to_string(), 18),
            ("Amazon FBA".to_string(), 1),
            ("Warehouse".to_string(), 6)
        ]
    );
    // Typed 5, below the named 7: the split is cleared.
    let mut p = wb.plan().products[0].clone();
    p.on_hand = Qty::units(5);
    wb.apply("Set on hand", Edit::Product { sku: 0, product: p })
        .unwrap();
    assert!(wb.plan().products[0].locations.is_empty());
    assert_eq!(wb.plan().products[0].on_hand, Qty::units(5));
    for _ in 0..6 {
        wb.undo().unwrap();
    }
    assert_eq!(wb.plan(), &before);
}

/// A plan with both splits, for the round trips.
fn split_plan() -> Plan {
    let mut wb = start();
    import(
        &mut wb,
        &sales("Amazon", &[("A", 8, 5), ("A", 9, 2)]),
        Mode::Merge,
    );
    // Files that do not say the channel (location) add "not said" units beside the named.
    import(&mut wb, &sales("", &[("A", 8, 4)]), Mode::Merge);
    import(&mut wb, &sales("Shopify POS", &[("B", 9, 1)]), Mode::Merge);
    import(
        &mut wb,
        &stock("Amazon FBA", &[("A", 4), ("B", 3)]),
        Mode::Merge,
    );
    import(&mut wb, &stock("", &[("A", 10), ("B", 2)]), Mode::Merge);
    wb.plan().clone()
}

#[test]
fn storage_and_the_plan_file_keep_the_split() {
    let plan = split_plan();
    let stored = Stored {
        plan: plan.clone(),
        snapshots: vec![],
    };
    assert_eq!(decode(&encode(&stored)).unwrap().plan, plan);
    let text = write(&plan);
    assert!(text.starts_with("\u{feff}#sop-plan,3\r\n"));
    assert!(text.contains("\r\nchannel,A,Amazon,2026-W08,5\r\n"));
    assert!(text.contains("\r\nchannel,A,,2026-W08,4\r\n"));
    assert!(text.contains("\r\nlocation,B,Amazon FBA,3\r\n"));
    assert_eq!(read(&text).unwrap(), plan);
    // Without a split the file stays version 2, readable by older apps.
    assert!(write(&start().plan().clone()).starts_with("\u{feff}#sop-plan,2\r\n"));
}

#[test]
fn a_plan_file_whose_channels_do_not_add_up_is_refused_at_the_line() {
    let text =
        write(&split_plan()).replace("channel,A,Amazon,2026-W08,5", "channel,A,Amazon,2026-W08,6");
    let line = text
        .lines()
        .position(|l| l.starts_with("channel,A,"))
        .unwrap()
        + 1;
    let e = read(&text).unwrap_err().to_string();
    assert!(e.starts_with(&format!("line {line}, column units")), "{e}");
    assert!(e.contains("is not the sum of its channels (10)"), "{e}");
}

#[test]
fn the_base_check_in_keeps_its_own_split_in_the_plan_file() {
    let base = split_plan();
    let mut wb = Workbook::new(base.clone());
    import(&mut wb, &sales("Amazon", &[("A", 9, 6)]), Mode::Merge);
    import(&mut wb, &stock("Warehouse", &[("B", 2)]), Mode::Merge);
    let snapshot = Snapshot {
        id: "c1".into(),
        taken: "2026-03-04".into(),
        author: "Ana".into(),
        plan: base.clone(),
    };
    let mut plan = wb.plan().clone();
    plan.meta.base = Some("c1".into());
    let file = read_shared(&write_shared(&plan, Some(&snapshot))).unwrap();
    assert_eq!(file.plan, plan);
    let got = file.base.unwrap().plan;
    assert_eq!(got.products, base.products);
    assert_eq!(got.series[0].channels, base.series[0].channels);
    assert_eq!(got.series[1].channels, base.series[1].channels);
    check_plan(&got).unwrap();
}

#[test]
fn two_copies_importing_different_channels_merge_without_a_conflict() {
    let base = split_plan();
    let edited = |channel: &str, units: i64, at: &str| {
        let mut wb = Workbook::new(base.clone());
        import(&mut wb, &sales(channel, &[("A", 9, units)]), Mode::Merge);
        import(&mut wb, &stock(at, &[("A", units)]), Mode::Merge);
        wb.plan().clone()
    };
    let ours = edited("Wholesale", 10, "Warehouse");
    let theirs = edited("Shopify web", 20, "Store");
    let m = three_way(&base, &ours, &theirs, "us", "them");
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let p = &m.plan_ours_default;
    check_plan(p).unwrap();
    // W09: Amazon 2 + Wholesale 10 + Shopify web 20.
    assert_eq!(
        split(p),
        named(&[
            ("", [4, 0]),
            ("Amazon", [5, 2]),
            ("Shopify web", [0, 20]),
            ("Wholesale", [0, 10])
        ])
    );
    assert_eq!(
        p.series[0].actual[p.calendar.index_of_date(monday(9)).unwrap()],
        Qty::units(32)
    );
    // On hand: both copies located A's stock, so both superseded its 10 "not said":
    // 4 FBA + 10 Warehouse + 20 Store.
    assert_eq!(p.products[0].on_hand, Qty::units(34));
    // The same channel changed differently in both copies: one conflict, on that channel.
    let theirs = edited("Wholesale", 11, "Warehouse");
    let m = three_way(&base, &ours, &theirs, "us", "them");
    let places: Vec<&Place> = m.conflicts.iter().map(|c| &c.at).collect();
    let w9 = base.calendar.index_of_date(monday(9)).unwrap();
    assert_eq!(
        places,
        [
            &Place::Location {
                sku: 0,
                location: "Warehouse".into()
            },
            &Place::Channel {
                sku: 0,
                channel: "Wholesale".into(),
                week: w9
            },
        ]
    );
    check_plan(&m.resolve(&[sop_grid::engine::collab::conflict::Side::Theirs; 2])).unwrap();
}

#[test]
fn the_week_roll_moves_the_split_with_the_dates() {
    let plan = split_plan();
    let rolled = roll_to(&plan, today() + chrono::Duration::days(7));
    check_plan(&rolled).unwrap();
    let at = |p: &Plan, w: u32| p.calendar.index_of_date(monday(w)).unwrap();
    let ch = |p: &Plan, name: &str, w: u32| -> Qty { p.series[0].channels[name][at(p, w)] };
    assert_eq!(ch(&rolled, "Amazon", 8), Qty::units(5));
    assert_eq!(ch(&rolled, "Amazon", 9), Qty::units(2));
    // A week later the plan is a week longer (history grows): W10 is past now, with no sales.
    assert_eq!(rolled.calendar.len(), plan.calendar.len() + 1);
    assert_eq!(
        rolled.calendar.monday(rolled.calendar.current() as isize),
        monday(11)
    );
    let channels: &Channels = &rolled.series[0].channels;
    assert!(channels
        .values()
        .all(|v| v.len() == rolled.calendar.len() && v[at(&rolled, 10)] == Qty::ZERO));
}

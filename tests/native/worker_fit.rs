//! Fitting in a worker (`src/worker`): the page hands sales histories out in batches as JSON
//! text, the worker answers with baselines, and the run writes what it would have written
//! fitting on the page, to the unit. Bad messages get an answer that says what is wrong.

use chrono::NaiveDate;
use sop_grid::engine::forecast::baseline::baseline;
use sop_grid::engine::forecast::methods::Method;
use sop_grid::engine::forecast::run::{Run, Stale};
use sop_grid::engine::{Calendar, Plan, Product, Qty, Workbook};
use sop_grid::worker::protocol::{decode, encode, Request, Response, PROTOCOL};
use sop_grid::worker::serve::answer_text;

/// A sells 100 a week, B 200, C 10, for 20 weeks; D is new in
/// A's family, E new and alone in its family. 4 weeks ahead.
fn plan() -> Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut p = Plan::new(Calendar::around(today, 20, 4).unwrap());
    p.meta.id = "plan-1".into();
    let c = p.calendar.current();
    for (code, family, sold) in [
        ("A", "Candles", 100),
        ("B", "Candles", 200),
        ("C", "Soaps", 10),
        ("D", "Candles", 0),
        ("E", "Gifts", 0),
    ] {
        let i = p.add_product(Product::new(code, code, family));
        for w in 0..c {
            p.series_mut(i).actual[w] = Qty::units(sold);
        }
    }
    p
}

/// What a worker answers to this batch, through the text both sides post.
fn through_worker(id: u64, weeks: usize, histories: Vec<Vec<f64>>) -> Response {
    let text = encode(&Request::Fit {
        id,
        weeks,
        histories,
    });
    decode(&answer_text(&text)).unwrap()
}

#[test]
fn a_run_fitted_in_batches_by_a_worker_writes_what_fitting_here_writes() {
    let wb = Workbook::new(plan());
    let mut run = Run::start(&wb);
    let mut id = 0;
    // Batches of two: A B, C D, E.
    while let Some(batch) = run.next_batch(2) {
        id += 1;
        let count = batch.histories.len();
        let answer = through_worker(id, batch.weeks, batch.histories);
        assert_eq!(answer.id(), Some(id));
        assert!(run.put(batch.first, answer.into_baselines(count).unwrap()));
    }
    assert_eq!(run.done(), 5);
    let (baselines, edits) = run.write(&wb).unwrap();
    let here = Run::start(&wb).finish(&wb).unwrap();
    assert_eq!((&baselines, &edits), (&here.0, &here.1));
    let fours = |u: i64| vec![Qty::units(u); 4];
    let got: Vec<(Method, Vec<Qty>)> = baselines
        .into_iter()
        .map(|b| (b.method, b.forecast))
        .collect();
    assert_eq!(
        got,
        vec![
            (Method::MovingAverage, fours(100)),
            (Method::MovingAverage, fours(200)),
            (Method::MovingAverage, fours(10)),
            // D, new: the average Candles SKU with sales, (100 + 200) / 2.
            (Method::FamilyProfile, fours(150)),
            (Method::Zero, fours(0)),
        ]
    );
    // 4 weeks × 4 SKUs whose forecast moves from 0 (E's stays 0).
    assert_eq!(edits.len(), 16);
}

#[test]
fn a_new_product_with_one_sibling_gets_the_family_profile_not_the_siblings_own() {
    let mut p = plan();
    // Only A has sales in Candles now.
    let c = p.calendar.current();
    for w in 0..c {
        p.series_mut(1).actual[w] = Qty::ZERO;
    }
    let b = baseline(&p, 3);
    assert_eq!(b.method, Method::FamilyProfile);
    assert_eq!(b.forecast, vec![Qty::units(100); 4]);
}

#[test]
fn a_run_missing_a_batch_writes_nothing() {
    let wb = Workbook::new(plan());
    let mut run = Run::start(&wb);
    let first = run.next_batch(3).unwrap();
    let _lost = run.next_batch(3).unwrap(); // its worker failed: never put
    let count = first.histories.len();
    let answer = through_worker(1, first.weeks, first.histories);
    assert!(run.put(first.first, answer.into_baselines(count).unwrap()));
    assert_eq!(run.done(), 3);
    assert_eq!(run.write(&wb).err(), Some(Stale::Unfinished));
    assert_eq!(Stale::Unfinished.to_string(), "not every SKU was fitted");
}

#[test]
fn answers_that_do_not_fit_the_run_are_refused_and_keep_nothing() {
    let wb = Workbook::new(plan());
    let mut run = Run::start(&wb);
    let batch = run.next_batch(5).unwrap();
    let answer = through_worker(7, batch.weeks, batch.histories.clone());
    let fitted = answer.into_baselines(5).unwrap();
    // Past the last SKU.
    assert!(!run.put(1, fitted.clone()));
    assert_eq!(run.done(), 0);
    assert!(run.put(0, fitted.clone()));
    // The same SKUs twice.
    assert!(!run.put(0, fitted[..2].to_vec()));
    assert_eq!(run.done(), 5);
    // A worker that answers for fewer SKUs than asked.
    let short = through_worker(8, batch.weeks, batch.histories[..2].to_vec());
    assert_eq!(
        short.into_baselines(5).err().unwrap(),
        "the worker fitted 2 SKUs instead of 5"
    );
}

#[test]
fn bad_requests_get_an_answer_that_says_what_is_wrong() {
    let garbled: Response = decode(&answer_text("{\"Fit\":{\"id\":3")).unwrap();
    match garbled {
        Response::Failed { id: 0, message } => {
            assert!(message.starts_with("an unreadable message ("), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let far = through_worker(4, 105, vec![vec![1.0; 10]]);
    assert_eq!(
        far,
        Response::Failed {
            id: 4,
            message: "105 weeks ahead is more than a plan holds (104)".into()
        }
    );
    assert_eq!(
        far.into_baselines(1).err().unwrap(),
        "105 weeks ahead is more than a plan holds (104)"
    );
    // An empty history is a new product: no baseline of its own.
    assert_eq!(
        through_worker(5, 4, vec![vec![]]),
        Response::Fitted {
            id: 5,
            baselines: vec![None]
        }
    );
}

#[test]
fn the_worker_says_which_protocol_it_speaks() {
    let ready = encode(&Response::Ready { protocol: PROTOCOL });
    assert_eq!(ready, format!("{{\"Ready\":{{\"protocol\":{PROTOCOL}}}}}"));
    assert_eq!(decode::<Response>(&ready).unwrap().id(), None);
}

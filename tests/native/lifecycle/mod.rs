//! A model-based test of the whole plan lifecycle: random sequences of every user operation
//! that changes a plan, made the way the app makes them, with everything that must hold
//! checked after every step (issue 11, "What to build" 3).
//!
//! Operations ([`ops::Op`]): typed edit, paste block, fill down and clear in the weekly grid
//! and in the deep dive's months (a family's or a month's total split over SKUs and weeks);
//! a SKU panel field; imports of every kind (sales history, Shopify orders, products and
//! inventory, purchase orders, forecast long and wide), merged or replacing, with and without
//! new SKUs, with a bad row applied skipping it or not applied, some saved by a decimal-comma
//! Excel (`;`, `12,25`) — generated CSV text (each clean file must be accepted) through
//! the real importer (`import::preview`, `import::apply::to_edit`); demand event add, switch
//! and remove; notes; decisions recorded and closed; scenario create (with or without a
//! quick change), edit, promote and delete; check-in; re-forecast; reopening the app weeks
//! later (save, read back, roll); our plan file opened by a colleague who edits their copy
//! (any of the edits above) and whose plan file is merged back with the real three-way merge
//! (`ui::dialogs::merge_view::opening`, `Merge::resolve`) and random conflict picks, the colleague's
//! own check-ins and merges of our file, another plan's file opened over ours; undo and redo.
//! Numbers are typed in a dot or a comma locale.
//!
//! After every step ([`checks::check_all`]): every plan (ours, each scenario's, the
//! colleague's) passes `check_plan` and its incrementally updated figures equal a full
//! recompute; storage encode → decode of the plan and its check-ins gives them back
//! exactly; the plan file (with the check-in it shares) reads back exactly; the scenarios'
//! save reads back exactly; a refused change leaves the plan and its revision untouched;
//! undo and redo are refused exactly when nothing is left to undo or redo.
//!
//! At the end ([`checks::undo_all`]): undoing everything restores the plan at the last
//! checkpoint exactly, and redoing everything gets back to the end. Two steps are not in
//! the undo history by design and set the checkpoint after them: a check-in (it names the
//! new check-in as the plan's base, which undo does not take back) and reopening the app
//! (a new session starts with an empty history, after the weekly roll). An undo that goes
//! back past the checkpoint (undoing a change made before a check-in) moves the checkpoint
//! back with it.
//!
//! Not run through the UI code itself (it needs a browser): the check-in snapshot and the
//! re-forecast are made with the engine functions the components call, in the same order.
//!
//! `cargo test --test native lifecycle::` runs 2,000 sequences of up to 40 steps in two halves run in parallel
//! (`LIFECYCLE_CASES=n` for more or fewer); `LIFECYCLE_SECONDS=n` runs batches for n seconds
//! and prints sequences, steps and failures (`scripts/lifecycle-soak MINUTES`).

mod checks;
mod desk;
mod files;
mod ops;
mod world;

use ops::Op;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use sop_grid::sheet::number::DecimalSep;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The longest sequence.
const MAX_STEPS: usize = 40;

/// Runs one sequence from the start: every step, then undo all and redo all.
fn run(comma: bool, ops: &[Op]) -> Result<usize, String> {
    let dec = if comma {
        DecimalSep::Comma
    } else {
        DecimalSep::Dot
    };
    let mut w = world::start(dec);
    for (i, op) in ops.iter().enumerate() {
        w.step(op)
            .map_err(|e| format!("step {} ({op:?}): {e}", i + 1))?;
    }
    checks::undo_all(&mut w)?;
    Ok(w.steps)
}

fn env(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.trim().parse().ok()
}

/// Sequences and steps run, failures found.
#[derive(Default)]
struct Figures {
    sequences: AtomicUsize,
    steps: AtomicUsize,
    failures: AtomicUsize,
}

/// One batch of `cases` sequences; a failure is shrunk to a minimal sequence and printed.
fn batch(cases: u32, figures: &Figures) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (any::<bool>(), ops::sequence(MAX_STEPS));
    let result = runner.run(&strategy, |(comma, ops)| {
        figures.sequences.fetch_add(1, Ordering::Relaxed);
        let steps = run(comma, &ops).map_err(TestCaseError::fail)?;
        figures.steps.fetch_add(steps, Ordering::Relaxed);
        Ok(())
    });
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, (comma, ops))) => {
            figures.failures.fetch_add(1, Ordering::Relaxed);
            eprintln!("FAILED (comma locale: {comma}): {why}\nminimal sequence:\n{ops:#?}");
        }
        Err(e) => {
            figures.failures.fetch_add(1, Ordering::Relaxed);
            eprintln!("FAILED: {e}");
        }
    }
}

/// Half of the sequences (or of the soak): the two halves run in parallel.
fn half(part: usize) {
    let figures = Figures::default();
    let started = Instant::now();
    match env("LIFECYCLE_SECONDS") {
        Some(seconds) => {
            while started.elapsed().as_secs() < seconds {
                batch(100, &figures);
            }
        }
        None => batch(
            (env("LIFECYCLE_CASES").unwrap_or(2000) / 2) as u32,
            &figures,
        ),
    }
    let (sequences, steps, failures) = (
        figures.sequences.load(Ordering::Relaxed),
        figures.steps.load(Ordering::Relaxed),
        figures.failures.load(Ordering::Relaxed),
    );
    eprintln!(
        "lifecycle part {part}: {sequences} sequences, {steps} steps, {failures} failures in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(failures, 0, "see the minimal sequence above");
}

#[test]
fn random_sequences_of_user_operations_keep_the_plan_whole_1() {
    half(1);
}

#[test]
fn random_sequences_of_user_operations_keep_the_plan_whole_2() {
    half(2);
}

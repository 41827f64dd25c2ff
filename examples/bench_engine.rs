//! Native engine benchmark: `cargo run --release --example bench_engine`.
//! The same harness runs in Chromium as wasm: see tests/web_bench.rs and scripts/bench.

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    println!("engine benchmark (native, release)");
    for skus in [2_000, 10_000] {
        println!("{}", sop_grid::bench::run(skus, 15, 31, 200, &clock));
    }
}

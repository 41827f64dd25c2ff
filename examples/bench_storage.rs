//! Native storage benchmark: `cargo run --release --example bench_storage`.
//! The same code (`sop_grid::storage::bench::run`) can be timed in the browser as wasm.

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    println!("storage benchmark (native, release, median of 21 runs)");
    println!("{}", sop_grid::storage::bench::run(2_000, 21, &clock));
}

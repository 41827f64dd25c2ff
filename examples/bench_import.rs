//! Native importer benchmark: `cargo run --release --example bench_import`.
//! Generates a Shopify orders export of 100,000 line items (about 25 MB, deterministic) in
//! memory, then times `import::preview` (decode, sniff, parse, detect, aggregate to weeks)
//! and prints the median throughput of several runs. `-- --write PATH` saves the file instead
//! (for the browser benchmark, tests/bench/import.mjs).

use sop_grid::import::{preview, Choices, PreviewJob, Records, Step};
use std::fmt::Write;
use std::sync::Arc;
use std::time::Instant;

const LINE_ITEMS: usize = 100_000;
const RUNS: usize = 7;
const SLICE_BYTES: usize = 512 << 10;

const HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,\
Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,\
Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,\
Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,\
Lineitem fulfillment status,Billing Name,Billing Street,Billing City,Billing Zip,\
Billing Country,Shipping Name,Shipping Street,Shipping City,Shipping Zip,Shipping Country,\
Notes,Cancelled at,Payment Method,Refunded Amount,Vendor,Id,Tags,Risk Level,Source,Phone";

/// A small deterministic generator (no dependency, same file every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn generate() -> String {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(26 << 20);
    out.push_str(HEADER);
    out.push('\n');
    let (mut items, mut order) = (0usize, 10_000usize);
    while items < LINE_ITEMS {
        order += 1;
        let lines = 1 + rng.next(4) as usize;
        let day = rng.next(365);
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default()
            + chrono::Duration::days(day as i64);
        let cancelled = rng.next(50) == 0;
        for j in 0..lines.min(LINE_ITEMS - items) {
            let sku = rng.next(400);
            let qty = 1 + rng.next(3);
            let price = 12 + rng.next(50);
            if j == 0 {
                let created = format!(
                    "{date} {:02}:{:02}:{:02} +0200",
                    rng.next(24),
                    rng.next(60),
                    rng.next(60)
                );
                let _ = writeln!(
                    out,
                    "#{order},customer{order}@example.com,paid,{created},fulfilled,{created},no,EUR,\
                     {price}.00,4.90,{tax}.20,{total}.10,,0.00,Standard,{created},{qty},\
                     Scented candle {sku} - Large,{price}.00,,SKU-{sku:05},true,true,fulfilled,\
                     Jane Doe {order},\"12, Rue des Lilas\",Lyon,69003,FR,Jane Doe {order},\
                     \"12, Rue des Lilas\",Lyon,69003,FR,,{cancel},Shopify Payments,0.00,Fernhill,\
                     {id},\"candles, gifts, repeat customer\",Low,web,+33 6 12 34 56 78",
                    tax = price / 5,
                    total = price + 5,
                    cancel = if cancelled { created.as_str() } else { "" },
                    id = 5_600_000_000u64 + order as u64,
                );
            } else {
                let _ = writeln!(
                    out,
                    "#{order},,,,,,,,,,,,,,,,{qty},Scented candle {sku} - Large (amber jar),{price}.00,,\
                     SKU-{sku:05},true,true,fulfilled,,,,,,,,,,,,,,,Fernhill,,,,,"
                );
            }
            items += 1;
        }
    }
    out
}

fn main() {
    let file = generate();
    // `-- --write PATH`: save the generated file (the browser benchmark imports it).
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
    {
        if let Err(e) = std::fs::write(path, &file) {
            eprintln!("could not write {path}: {e}");
            std::process::exit(1);
        }
        println!("wrote {path}");
        return;
    }
    let mb = file.len() as f64 / (1024.0 * 1024.0);
    println!("importer benchmark (native, release): Shopify orders export, {LINE_ITEMS} line items, {mb:.1} MB");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let p = preview(file.as_bytes(), "orders_export.csv", &Choices::default());
        times.push(start.elapsed().as_secs_f64());
        let weeks = match p.records() {
            Some(Records::Actuals(a)) => a.len(),
            _ => panic!("the generated file did not import: {:?}", p.errors.first()),
        };
        std::hint::black_box(weeks);
    }
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];
    let p = preview(file.as_bytes(), "orders_export.csv", &Choices::default());
    println!("{}", p.seen);
    println!(
        "preview (decode, parse, aggregate to weeks): median {:.1} ms of {RUNS} runs = {:.0} MB/s",
        median * 1000.0,
        mb / median
    );
    // The same in slices, as the browser runs it: the longest slice is what blocks a frame.
    let bytes = Arc::new(file.into_bytes());
    let mut job = PreviewJob::new(bytes, "orders_export.csv", &Choices::default());
    let (mut slices, mut longest) = (0usize, 0f64);
    loop {
        let start = Instant::now();
        let step = job.step(SLICE_BYTES);
        let t = start.elapsed().as_secs_f64() * 1000.0;
        slices += 1;
        longest = longest.max(t);
        if let Step::Done(_) = step {
            break;
        }
    }
    println!(
        "in steps of {} KB of text: {slices} steps, the longest {longest:.1} ms",
        SLICE_BYTES >> 10
    );
}

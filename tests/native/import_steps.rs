//! The preview in slices ([`PreviewJob`], as the browser runs it) gives exactly the preview of
//! [`preview`] all at once: on every fixture, with the tiniest and a middling budget, and on
//! bad input. Progress only goes forward and ends at the whole text.

use sop_grid::import::{preview, Choices, DateOrder, Preview, PreviewJob, Step};
use std::sync::Arc;

/// Steps a job to the end, checking the progress on the way.
fn stepped(bytes: &[u8], name: &str, choices: &Choices, budget: usize) -> (Preview, usize) {
    let mut job = PreviewJob::new(Arc::new(bytes.to_vec()), name, choices);
    let (mut steps, mut read) = (0usize, 0usize);
    loop {
        steps += 1;
        assert!(steps < 1_000_000, "{name}: the job does not end");
        match job.step(budget) {
            Step::Progress(p) => {
                assert!(p.bytes_read >= read, "{name}: progress went back");
                assert!(p.bytes_read <= p.bytes_total, "{name}: {p:?}");
                read = p.bytes_read;
            }
            Step::Done(p) => return (*p, steps),
        }
    }
}

/// The whole preview, private parts (the records, whether an error is file-wide) included.
fn same(bytes: &[u8], name: &str, choices: &Choices) {
    let whole = format!("{:?}", preview(bytes, name, choices));
    for budget in [1, 97, 4096] {
        let (p, _) = stepped(bytes, name, choices, budget);
        assert_eq!(format!("{p:?}"), whole, "{name}, budget {budget}");
    }
}

#[test]
fn every_fixture_in_slices_is_the_same_as_all_at_once() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    // Files only: tests/fixtures/storage/ and plans/ hold saved plans, not import files.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 16, "{names:?}");
    for name in names {
        let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
        same(&bytes, &name, &Choices::default());
        let (_, steps) = stepped(&bytes, &name, &Choices::default(), 1);
        assert!(steps > 5, "{name}: {steps} steps");
    }
}

#[test]
fn bad_input_in_slices_is_the_same_as_all_at_once() {
    let texts: &[(&str, &str)] = &[
        ("", "sales.csv"),
        ("\r\n\r\n", "sales.csv"),
        ("SKU,Date,Qty\r\n", "sales.csv"),
        ("SKU,Date,Qty\nCND-101,2025-10-06,5\nCND-101,2025-10-07\nDIF-104,2025-10-07,2,x\n", "sales.csv"),
        ("SKU,Product,Date,Qty\nCND-101,Candle,2025-10-06,5\nCND-102,\"Crème, large,2025-10-06,1\n", "sales.csv"),
        ("SKU:Date:Qty\nCND-101:2025-10-06:5\n", "sales.csv"),
        ("Colour,Size,Weight\nred,L,2\n", "stuff.csv"),
        ("SKU,Qty,Channel\nCND-101,5,web\n", "sales.csv"),
        ("SKU,Date,Qty\nA,2025-10-06,five\nB,last tuesday,NaN\nC,2025-02-30,-2\n", "sales.csv"),
        ("SKU,Date,Qty\nA,03/04/2025,1\nB,05/06/2025,2\n", "sales.csv"),
        ("SKU,Week,Forecast\nCND-101,2026-W48,120\nCND-101,2026-w48,125\n", "forecast.csv"),
        ("SKU,2026-W48,2026-W49\nCND-101,120,130\nCND-101,1,2\n", "forecast.csv"),
        ("SKU,Date,Qty\rCND-101,2025-10-06,5\rCND-101,2025-10-07,x\r", "sales.csv"),
        ("# SOP-Plan v1\nproducts\n", "plan.csv"),
        ("SKU\0Qty\n", "photo.csv"),
        ("PK\x03\x04\x14\x00\x06\x00", "book.csv"),
    ];
    for (text, name) in texts {
        same(text.as_bytes(), name, &Choices::default());
    }
    let ambiguous = "SKU,Date,Qty\nA,03/04/2025,1\nB,05/06/2025,2\n".as_bytes();
    let chosen = Choices {
        date_order: Some(DateOrder::Dmy),
        ..Choices::default()
    };
    same(ambiguous, "sales.csv", &chosen);
}

#[test]
fn a_finished_job_stays_finished() {
    let mut job = PreviewJob::new(
        Arc::new(b"SKU,Qty\n".to_vec()),
        "x.csv",
        &Choices::default(),
    );
    while let Step::Progress(_) = job.step(1) {}
    assert!(matches!(job.step(1), Step::Done(_)));
}

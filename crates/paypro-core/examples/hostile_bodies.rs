//! What hostile bodies cost the reader (for RELIABILITY.md): a 64 KiB callback with 8,600
//! keys and a 1 MiB answer with 60,000 keys, each read 5 times; prints the median.
//!
//! ```sh
//! cargo run --release -p paypro-core --example hostile_bodies
//! ```

use std::time::{Duration, Instant};

use paypro_core::notify::Verifier;
use paypro_core::{Envelope, Secret};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn keys(n: usize) -> String {
    let fields: Vec<String> = (0..n).map(|i| format!("\"k{i}\":\"v\"")).collect();
    fields.join(",")
}

fn main() {
    let verifier = Verifier::new(Secret::new("secret").expect("not blank"));
    let callback = format!(
        "{{{},\"sign\":\"0123456789abcdef0123456789abcdef\"}}",
        keys(8_600)
    );
    let runs = (0..5)
        .map(|_| {
            let started = Instant::now();
            let outcome = verifier.verify(callback.as_bytes());
            let took = started.elapsed();
            assert!(outcome.is_err());
            took
        })
        .collect();
    println!(
        "callback, {} bytes, 8,600 keys: refused ({:?}) in {:?} (median of 5)",
        callback.len(),
        verifier.verify(callback.as_bytes()).unwrap_err(),
        median(runs)
    );

    let answer = format!("{{\"code\":\"0000\",{}}}", keys(60_000));
    let runs = (0..5)
        .map(|_| {
            let started = Instant::now();
            let outcome = Envelope::<bool>::parse(&answer);
            let took = started.elapsed();
            assert!(outcome.is_err());
            took
        })
        .collect();
    println!(
        "answer, {} bytes, 60,000 keys: refused ({}) in {:?} (median of 5)",
        answer.len(),
        Envelope::<bool>::parse(&answer).unwrap_err(),
        median(runs)
    );
}

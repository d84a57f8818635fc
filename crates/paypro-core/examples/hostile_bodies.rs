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

/// `n` distinct keys, as short as they can be (every 1-character key, then every 2-character
/// one, ...), each with the value `0`: the issue's 64 KiB body holds 8,600 of them.
fn keys(n: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut fields = Vec::with_capacity(n);
    let (mut len, mut first_of_len, mut count_of_len) = (1u32, 0usize, ALPHABET.len());
    for i in 0..n {
        if i == first_of_len + count_of_len {
            first_of_len += count_of_len;
            len += 1;
            count_of_len = ALPHABET.len().pow(len);
        }
        let mut k = i - first_of_len;
        let mut key = Vec::new();
        for _ in 0..len {
            key.push(ALPHABET[k % ALPHABET.len()]);
            k /= ALPHABET.len();
        }
        fields.push(format!("\"{}\":0", String::from_utf8(key).expect("ASCII")));
    }
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

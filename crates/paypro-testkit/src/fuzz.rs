//! Property tests bounded by a count, and fuzzing bounded by time, with proptest's shrinking.

use std::time::Duration;

/// Runs `check` on `cases` values drawn from `strategy` (shrinking a failure to a minimal
/// input, which fails the calling test): the count-bounded sibling of [`fuzz`].
pub fn check_cases<S>(
    name: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), String>,
) where
    S: proptest::strategy::Strategy,
{
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, |value| check(value).map_err(TestCaseError::fail)) {
        panic!("{name}: {e}");
    }
}

/// Time-bounded fuzzing with proptest's generators and shrinking: runs `check` on values drawn
/// from `strategy` for [`fuzz_budget`] (the `PAYPRO_FUZZ_SECS` environment variable, 2 s by
/// default), then prints `fuzz NAME: N executions in S s, 0 findings`. A finding (an `Err` or a
/// panic inside `check`) is shrunk to a minimal input and fails the calling test with it.
///
/// Long runs: `PAYPRO_FUZZ_SECS=600 cargo test --release -p CRATE --test it fuzz:: -- --nocapture`.
pub fn fuzz<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), String>) -> u64
where
    S: proptest::strategy::Strategy,
{
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    let budget = fuzz_budget();
    let started = std::time::Instant::now();
    let batch = 32;
    let config = Config {
        cases: batch,
        failure_persistence: None,
        ..Config::default()
    };
    // A runner stops after `cases` successes, so each batch gets a fresh one whose random
    // stream is forked from the previous one's (new inputs every batch).
    let mut runner = TestRunner::new(config.clone());
    let mut executions = 0u64;
    let check = &check;
    while started.elapsed() < budget {
        let outcome = runner.run(&strategy, |value| check(value).map_err(TestCaseError::fail));
        executions += u64::from(batch);
        runner = TestRunner::new_with_rng(config.clone(), runner.new_rng());
        if let Err(e) = outcome {
            panic!("fuzz {name}: 1 finding after about {executions} executions: {e}");
        }
    }
    println!(
        "fuzz {name}: {executions} executions in {:.1} s, 0 findings",
        started.elapsed().as_secs_f64()
    );
    executions
}

/// How long each [`fuzz`] target runs: `PAYPRO_FUZZ_SECS` (seconds), 2 s by default.
pub fn fuzz_budget() -> Duration {
    std::env::var("PAYPRO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(Duration::from_secs(2), Duration::from_secs_f64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fuzz_counts_runs_and_fails_on_a_shrunk_finding() {
        let runs = super::fuzz("always fine", 0u32..1000, |_| Ok(()));
        assert!(runs >= 32, "{runs}");
        let found = std::panic::catch_unwind(|| {
            super::fuzz("breaks above 500", 0u32..1000, |n| {
                if n > 500 {
                    Err(format!("{n} is too big"))
                } else {
                    Ok(())
                }
            })
        });
        let message = *found.unwrap_err().downcast::<String>().unwrap();
        assert!(message.contains("1 finding"), "{message}");
        assert!(
            message.contains("501 is too big"),
            "shrunk to the smallest input: {message}"
        );
    }
}

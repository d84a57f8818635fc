//! Where timestamps come from: requests are stamped with it, notifications may be checked
//! against it.

use std::time::{SystemTime, UNIX_EPOCH};

/// Where timestamps come from. Inject one in tests for deterministic signatures.
pub trait Clock: Send + Sync + 'static {
    /// Milliseconds since the Unix epoch.
    fn now_millis(&self) -> u64;
}

/// Any `Fn() -> u64` is a clock.
impl<F: Fn() -> u64 + Send + Sync + 'static> Clock for F {
    fn now_millis(&self) -> u64 {
        self()
    }
}

/// The system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_millis(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0)
    }
}

/// A clock that always says the same time.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub u64);

impl Clock for FixedClock {
    fn now_millis(&self) -> u64 {
        self.0
    }
}

//! What a load run measured: latencies, errors by class, callbacks, memory; the arithmetic on
//! them (percentiles, rates) and the printed report.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use paypro_core::client::Error;

use super::options::{Options, Sandbox};

/// How many error messages a run keeps as examples.
const KEPT_ERRORS: usize = 5;

/// A failed pay-in's class: the client's error variant, which says whether money may have
/// moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorClass {
    /// The request broke the spec's rules; not sent.
    Invalid,
    /// The request never left.
    NotSent,
    /// The gateway refused it.
    Rejected,
    /// An outer code that proves no refusal.
    Uncertain,
    /// Sent, no answer (a time-out, a dropped connection).
    Unknown,
    /// An answer that cannot be read.
    Unreadable,
    /// A variant this driver does not know yet (counted as possibly having moved money).
    Other,
}

impl ErrorClass {
    /// The class of `error`.
    pub fn of(error: &Error) -> ErrorClass {
        match error {
            Error::Invalid(_) => ErrorClass::Invalid,
            Error::NotSent { .. } => ErrorClass::NotSent,
            Error::Rejected { .. } => ErrorClass::Rejected,
            Error::Uncertain { .. } => ErrorClass::Uncertain,
            Error::Unknown { .. } => ErrorClass::Unknown,
            Error::Unreadable { .. } => ErrorClass::Unreadable,
            _ => ErrorClass::Other,
        }
    }

    /// Whether money may have moved although the pay-in failed.
    pub fn may_have_moved_money(self) -> bool {
        !matches!(
            self,
            ErrorClass::Invalid | ErrorClass::NotSent | ErrorClass::Rejected
        )
    }
}

/// One client's (or, merged, every client's) outcomes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Each answered pay-in's latency, in microseconds, in the order they came.
    pub latencies_us: Vec<u64>,
    /// Failed pay-ins by class.
    pub errors: BTreeMap<ErrorClass, u64>,
    /// The first few errors' messages.
    pub first_errors: Vec<String>,
}

impl Tally {
    /// An answered pay-in that took `latency`.
    pub fn answered(&mut self, latency: Duration) {
        self.latencies_us
            .push(u64::try_from(latency.as_micros()).unwrap_or(u64::MAX));
    }

    /// A failed pay-in of `class`, described by `message`.
    pub fn failed(&mut self, class: ErrorClass, message: impl FnOnce() -> String) {
        *self.errors.entry(class).or_default() += 1;
        if self.first_errors.len() < KEPT_ERRORS {
            self.first_errors.push(message());
        }
    }

    /// `other`'s outcomes added to these.
    pub fn merge(&mut self, other: Tally) {
        self.latencies_us.extend(other.latencies_us);
        for (class, n) in other.errors {
            *self.errors.entry(class).or_default() += n;
        }
        let room = KEPT_ERRORS.saturating_sub(self.first_errors.len());
        self.first_errors
            .extend(other.first_errors.into_iter().take(room));
    }
}

/// Latencies, sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Latencies {
    sorted_us: Vec<u64>,
}

impl Latencies {
    /// `micros`, sorted.
    pub fn from_micros(mut micros: Vec<u64>) -> Latencies {
        micros.sort_unstable();
        Latencies { sorted_us: micros }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.sorted_us.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.sorted_us.is_empty()
    }

    /// The latency at quantile `q` (0 = the fastest, 0.5 = the median, 1 = the slowest): the
    /// value at index `round((n - 1) * q)` of the sorted latencies, `q` clamped to 0..=1.
    /// `None` when there are none.
    pub fn quantile(&self, q: f64) -> Option<Duration> {
        let last = self.sorted_us.len().checked_sub(1)?;
        let q = if q.is_nan() { 0.0 } else { q.clamp(0.0, 1.0) };
        let index = ((last as f64) * q).round() as usize;
        self.sorted_us
            .get(index.min(last))
            .map(|&us| Duration::from_micros(us))
    }
}

/// The resident memory of the sandbox program, from /proc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rss {
    /// Its process id.
    pub pid: u32,
    /// KiB before the run.
    pub before_kib: Option<u64>,
    /// KiB when the last client stopped.
    pub after_kib: Option<u64>,
    /// KiB after the wait for the callbacks.
    pub settled_kib: Option<u64>,
}

/// `VmRSS` in KiB from the text of `/proc/PID/status`.
pub fn vm_rss_kib(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What a run measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The run's options.
    pub options: Options,
    /// The base URL the clients used.
    pub target: String,
    /// From the first pay-in sent to the last client's stop.
    pub elapsed: Duration,
    /// The answered pay-ins' latencies.
    pub latencies: Latencies,
    /// Failed pay-ins by class.
    pub errors: BTreeMap<ErrorClass, u64>,
    /// The first few errors' messages.
    pub first_errors: Vec<String>,
    /// Callbacks the receiver got by the end of the wait after the run.
    pub callbacks: u64,
    /// How long the run waited for callbacks after the last client stopped (until one per
    /// answered pay-in had come, or 2 s).
    pub callback_wait: Duration,
    /// The sandbox program's memory, when its pid was given.
    pub rss: Option<Rss>,
}

impl Report {
    /// Pay-ins answered.
    pub fn answered(&self) -> u64 {
        self.latencies.len() as u64
    }

    /// Pay-ins that failed.
    pub fn failed(&self) -> u64 {
        self.errors.values().sum()
    }

    /// Failed pay-ins after which money may have moved.
    pub fn may_have_moved_money(&self) -> u64 {
        self.errors
            .iter()
            .filter(|(class, _)| class.may_have_moved_money())
            .map(|(_, n)| n)
            .sum()
    }

    /// Pay-ins answered per second (0 for a run that took no time).
    pub fn per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.answered() as f64 / secs
        } else {
            0.0
        }
    }
}

/// Milliseconds with two decimals; `-` for none.
fn ms(latency: Option<Duration>) -> String {
    latency.map_or("-".to_string(), |l| {
        format!("{:.2} ms", l.as_secs_f64() * 1000.0)
    })
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("?".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.options;
        let sandbox = match &o.sandbox {
            Sandbox::Program { .. } => String::new(),
            Sandbox::InProcess {
                threads,
                settle_ms,
                max_orders,
            } => format!(
                " (sandbox in-process, {threads} thread(s) per side, orders settle after {settle_ms} ms{})",
                max_orders.map_or(String::new(), |n| format!(", at most {n} orders kept"))
            ),
        };
        writeln!(
            f,
            "load {}{sandbox}: {} clients, {:.1} s, {} pay-ins answered ({:.0}/s), p50 {}, p99 {}, max {}, {} errors, {} callbacks received ({:.1} s after the run)",
            self.target,
            o.clients,
            self.elapsed.as_secs_f64(),
            self.answered(),
            self.per_second(),
            ms(self.latencies.quantile(0.50)),
            ms(self.latencies.quantile(0.99)),
            ms(self.latencies.quantile(1.0)),
            self.failed(),
            self.callbacks,
            self.callback_wait.as_secs_f64(),
        )?;
        if !self.errors.is_empty() {
            let classes: Vec<String> = self
                .errors
                .iter()
                .map(|(class, n)| format!("{class:?} {n}"))
                .collect();
            writeln!(
                f,
                "  errors by class: {} ({} may have moved money)",
                classes.join(", "),
                self.may_have_moved_money()
            )?;
        }
        for e in &self.first_errors {
            writeln!(f, "  error: {e}")?;
        }
        if let Some(rss) = &self.rss {
            let whose = match o.sandbox {
                Sandbox::Program { .. } => "sandbox",
                Sandbox::InProcess { .. } => "this process (sandbox and clients),",
            };
            writeln!(
                f,
                "{whose} pid {} RSS: before {}, after {}, after the callbacks {}",
                rss.pid,
                mib(rss.before_kib),
                mib(rss.after_kib),
                mib(rss.settled_kib)
            )?;
        }
        Ok(())
    }
}

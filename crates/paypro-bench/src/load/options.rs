//! The load driver's flags: one parser for both entry points, each flag bounded.

use std::fmt;

/// The most concurrent clients a run may have.
pub const MAX_CLIENTS: u64 = 500;
/// The longest a run may last, in seconds.
pub const MAX_SECS: u64 = 300;
/// The most pay-ins a run may send.
pub const MAX_REQUESTS: u64 = 1_000_000;

/// The largest `--amount`.
const MAX_AMOUNT: u64 = 1_000_000_000;
/// The most runtime threads per side (`--threads`).
const MAX_THREADS: u64 = 64;
/// The longest an in-process order may stay processing (`--settle-ms`): one hour.
const MAX_SETTLE_MS: u64 = 3_600_000;

/// What a load run does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Concurrent clients (`--clients`), 1 to [`MAX_CLIENTS`].
    pub clients: usize,
    /// How long the run lasts at most (`--secs`), 1 to [`MAX_SECS`].
    pub secs: u64,
    /// How many pay-ins the run sends at most (`--max-requests`), 1 to [`MAX_REQUESTS`].
    pub max_requests: u64,
    /// Each pay-in's amount (`--amount`).
    pub amount: u64,
    /// Which sandbox the run drives.
    pub sandbox: Sandbox,
}

/// The sandbox a run drives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sandbox {
    /// The sandbox program (`paypro-mock`), already listening on 127.0.0.1.
    Program {
        /// Its port (`--port`).
        port: u16,
        /// Its process id (`--pid`), to read its resident memory from /proc.
        pid: Option<u32>,
    },
    /// `paypro_mock::MockGateway`, started in this process on a runtime of its own.
    InProcess {
        /// Runtime worker threads for each side, the sandbox's and the clients' (`--threads`).
        threads: usize,
        /// How long an order stays processing before it settles and is called back
        /// (`--settle-ms`; a long one leaves settling and callbacks out of the run).
        settle_ms: u64,
        /// The orders the sandbox keeps (`--max-orders`, 1 to [`MAX_REQUESTS`]); `None`: every
        /// order of the run (`--max-requests` and 1000 more), none forgotten.
        max_orders: Option<u64>,
    },
}

impl Options {
    /// The example's defaults: the sandbox program on port 18081, 50 clients, 60 s, at most
    /// 1,000,000 pay-ins of 1000.
    pub fn program() -> Options {
        Options {
            clients: 50,
            secs: 60,
            max_requests: MAX_REQUESTS,
            amount: 1000,
            sandbox: Sandbox::Program {
                port: 18081,
                pid: None,
            },
        }
    }

    /// The bench's defaults: the sandbox in-process, one thread per side, orders settling after
    /// 200 ms, 50 clients, 10 s, at most 200,000 pay-ins of 1000.
    pub fn in_process() -> Options {
        Options {
            clients: 50,
            secs: 10,
            max_requests: 200_000,
            amount: 1000,
            sandbox: Sandbox::InProcess {
                threads: 1,
                settle_ms: 200,
                max_orders: None,
            },
        }
    }

    /// These options with `args` (the command line after the program's name) applied, each
    /// `--flag value`. The flags of the other sandbox kind are unknown here; `--bench`, which
    /// `cargo bench` adds, is ignored.
    pub fn with_args<I>(mut self, args: I) -> Result<Options, FlagError>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let mut args = args.into_iter().map(Into::into);
        while let Some(flag) = args.next() {
            if flag == "--bench" {
                continue;
            }
            let Some(value) = args.next() else {
                return Err(FlagError::MissingValue { flag });
            };
            let number = |max: u64| number(&flag, &value, max);
            match (flag.as_str(), &mut self.sandbox) {
                ("--clients", _) => self.clients = number(MAX_CLIENTS)? as usize,
                ("--secs", _) => self.secs = number(MAX_SECS)?,
                ("--max-requests", _) => self.max_requests = number(MAX_REQUESTS)?,
                ("--amount", _) => self.amount = number(MAX_AMOUNT)?,
                ("--port", Sandbox::Program { port, .. }) => {
                    *port = number(u64::from(u16::MAX))? as u16
                }
                ("--pid", Sandbox::Program { pid, .. }) => {
                    *pid = Some(number(u64::from(u32::MAX))? as u32)
                }
                ("--threads", Sandbox::InProcess { threads, .. }) => {
                    *threads = number(MAX_THREADS)? as usize
                }
                ("--settle-ms", Sandbox::InProcess { settle_ms, .. }) => {
                    *settle_ms = number(MAX_SETTLE_MS)?
                }
                ("--max-orders", Sandbox::InProcess { max_orders, .. }) => {
                    *max_orders = Some(number(MAX_REQUESTS)?)
                }
                _ => return Err(FlagError::Unknown { flag }),
            }
        }
        Ok(self)
    }

    /// The flags these options take, with their bounds and defaults, for a usage line.
    pub fn usage(&self) -> String {
        let common = format!(
            "[--clients N<={MAX_CLIENTS} ({})] [--secs S<={MAX_SECS} ({})] [--max-requests N<={MAX_REQUESTS} ({})] [--amount A ({})]",
            self.clients, self.secs, self.max_requests, self.amount
        );
        match &self.sandbox {
            Sandbox::Program { port, .. } => {
                format!("[--port P ({port})] {common} [--pid SANDBOX_PID]")
            }
            Sandbox::InProcess {
                threads,
                settle_ms,
                max_orders,
            } => format!(
                "{common} [--threads T<={MAX_THREADS} (each side, {threads})] [--settle-ms MS ({settle_ms})] [--max-orders N<={MAX_REQUESTS} ({})]",
                max_orders.map_or("every order of the run".to_string(), |n| n.to_string())
            ),
        }
    }
}

/// `value` as a whole number from 1 to `max`.
fn number(flag: &str, value: &str, max: u64) -> Result<u64, FlagError> {
    let n: u64 = value.parse().map_err(|_| FlagError::NotANumber {
        flag: flag.to_string(),
        value: value.to_string(),
    })?;
    if n == 0 || n > max {
        return Err(FlagError::OutOfRange {
            flag: flag.to_string(),
            max,
            got: n,
        });
    }
    Ok(n)
}

/// A command line the load driver refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlagError {
    /// A flag with no value after it.
    MissingValue {
        /// The flag.
        flag: String,
    },
    /// A value that is not a whole number.
    NotANumber {
        /// The flag.
        flag: String,
        /// What was given.
        value: String,
    },
    /// A number outside 1..=`max`.
    OutOfRange {
        /// The flag.
        flag: String,
        /// The largest allowed.
        max: u64,
        /// What was given.
        got: u64,
    },
    /// A flag this entry point does not take.
    Unknown {
        /// The flag.
        flag: String,
    },
}

impl fmt::Display for FlagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlagError::MissingValue { flag } => write!(f, "{flag} needs a value"),
            FlagError::NotANumber { flag, value } => {
                write!(f, "{flag} needs a whole number, got `{value}`")
            }
            FlagError::OutOfRange { flag, max, got } => {
                write!(f, "{flag} must be between 1 and {max}, got {got}")
            }
            FlagError::Unknown { flag } => write!(f, "unknown flag `{flag}`"),
        }
    }
}

impl std::error::Error for FlagError {}

//! The sandbox's command line (feature `clap`): one definition of its flags, their defaults,
//! ranges and help, and of what it prints when it starts, for the `paypro-mock` program
//! (`crates/paypro-sandbox`) and for `paypro mock` (the same program inside the `paypro`
//! command). Both flatten [`SandboxArgs`] and start with [`start`].
//!
//! The merchant is `--merchant-no` (or `PAYPRO_MERCHANT_NO`), default `0000000001`; the
//! secret is the caller's (the program reads `PAYPRO_SECRET`; `paypro mock` also takes the
//! `paypro` command's `--secret-file` and `--secret`), never printed; without one, the
//! sandbox's own test secret, which is not a real credential and is printed.
//!
//! ```
//! use clap::Parser;
//! use paypro_mock::cli::SandboxArgs;
//!
//! #[derive(Parser)]
//! struct Program {
//!     #[command(flatten)]
//!     sandbox: SandboxArgs,
//! }
//!
//! let program = Program::try_parse_from(["paypro-mock", "--port", "0", "--max-orders", "10"]).unwrap();
//! let config = program.sandbox.config(None);
//! assert_eq!(config.max_orders, 10);
//! assert_eq!(config.bind.port(), 0);
//! ```

use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

use crate::{SANDBOX_MERCHANT_NO as TEST_MERCHANT_NO, SANDBOX_SECRET as TEST_SECRET};
use clap::builder::RangedU64ValueParser;
use paypro_core::descriptor::CountryDescriptor;
use paypro_core::{Secret, SecretPlacement};

use crate::{DEFAULT_PORT, Merchant, MockConfig, MockGateway};

/// One line on what the sandbox is, for `--help` (the program's `about` and `paypro mock`'s).
pub const ABOUT: &str = "Run the embedded Paypro sandbox on 127.0.0.1 until Ctrl-C.";

/// What `--help` says after the flags, for the program and `paypro mock` alike.
pub const AFTER_HELP: &str = "\
The sandbox is the Paypro gateway of the paypro-mock library, embedded: strict checks, orders,
balances, signed callbacks with Paypro's retries, the hosted cashier page, faults on demand
(by amount: 4901-4913) and a dashboard at its root URL. The program paypro-mock runs it;
`paypro mock` is the same program inside the paypro command, with the same flags.

It prints each country's base URL (`CC URL`), then `merchant M`, `secret S`,
`secret-placement P` when it is not the spec's, and `dashboard URL`. The merchant is
--merchant-no or PAYPRO_MERCHANT_NO. The secret is PAYPRO_SECRET (`paypro mock` also takes
--secret-file or --secret), never printed; without one it is the sandbox's own test secret
TESTSECRET, not a real credential, and printed. A port in use is one line naming it (exit 1);
a bad flag is a usage error (exit 2).

Only requests whose Host is a loopback name (localhost, 127.x.y.z, [::1], any port) are
served; any other Host is refused 421, so no web page on a name rebound to 127.0.0.1 (DNS
rebinding) can reach it. A change through the admin API (/_admin/...) or the cashier page
(/_pay/...) from another web origin is refused 403; from a program, a POST must send
content-type: application/json or the header x-paypro-sandbox-admin: 1, e.g.
  curl -X POST -H 'x-paypro-sandbox-admin: 1' localhost:8080/_admin/settle-balances";

fn defaults() -> MockConfig {
    MockConfig::default()
}

fn ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// The sandbox's flags: what the `paypro-mock` program and `paypro mock` accept, with the same
/// defaults (those of [`MockConfig::default`], but the port), ranges and help.
#[derive(clap::Args, Clone, Debug)]
#[non_exhaustive]
pub struct SandboxArgs {
    /// The port on 127.0.0.1 (0: a free one).
    #[arg(long, value_name = "P", default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// The merchant number the sandbox knows (the merchantNo header of requests).
    #[arg(long, value_name = "M", env = "PAYPRO_MERCHANT_NO", default_value = TEST_MERCHANT_NO)]
    pub merchant_no: String,
    /// Where the signing rule puts the secret: append (the spec's rule) or prepend (the
    /// documented alternative), to try `paypro doctor`.
    #[arg(
        long,
        value_name = "P",
        env = "PAYPRO_SECRET_PLACEMENT",
        default_value_t = SecretPlacement::SPEC,
        value_parser = clap::value_parser!(SecretPlacement),
    )]
    pub secret_placement: SecretPlacement,
    /// Orders (and callback attempts) kept; older final ones whose callbacks are delivered are
    /// forgotten, else new ones are refused 503.
    #[arg(
        long,
        value_name = "N",
        default_value_t = defaults().max_orders,
        value_parser = RangedU64ValueParser::<usize>::new().range(1..),
    )]
    pub max_orders: usize,
    /// Connections served at once; more get a 503 envelope.
    #[arg(
        long,
        value_name = "N",
        default_value_t = defaults().max_connections,
        value_parser = RangedU64ValueParser::<usize>::new().range(1..),
    )]
    pub max_connections: usize,
    /// The largest amount accepted.
    #[arg(
        long,
        value_name = "N",
        default_value_t = defaults().max_amount,
        value_parser = clap::value_parser!(u64).range(1..),
    )]
    pub max_amount: u64,
    /// Time to send a request's head, in milliseconds; also the keep-alive idle time.
    #[arg(
        long,
        value_name = "MS",
        default_value_t = ms(defaults().header_read_timeout),
        value_parser = clap::value_parser!(u64).range(1..),
    )]
    pub header_read_timeout_ms: u64,
    /// Time one request may take, in milliseconds; then a 408 envelope.
    #[arg(
        long,
        value_name = "MS",
        default_value_t = ms(defaults().request_timeout),
        value_parser = clap::value_parser!(u64).range(1..),
    )]
    pub request_timeout_ms: u64,
    /// How long the `delay` fault (amount 4901) waits before answering, in milliseconds.
    #[arg(
        long,
        value_name = "MS",
        default_value_t = ms(defaults().fault_delay),
    )]
    pub fault_delay_ms: u64,
}

impl SandboxArgs {
    /// The sandbox these flags ask for, on 127.0.0.1, with one merchant: `--merchant-no` and
    /// `secret` (the user's; `None`: the sandbox's own test secret), placed as
    /// `--secret-placement` says.
    pub fn config(&self, secret: Option<Secret>) -> MockConfig {
        let secret = secret.unwrap_or_else(test_secret);
        defaults()
            .bind(SocketAddr::from(([127, 0, 0, 1], self.port)))
            .merchants(vec![Merchant::new(
                self.merchant_no.clone(),
                secret.with_placement(self.secret_placement),
            )])
            .max_orders(self.max_orders)
            .max_connections(self.max_connections)
            .max_amount(self.max_amount)
            .header_read_timeout(Duration::from_millis(self.header_read_timeout_ms))
            .request_timeout(Duration::from_millis(self.request_timeout_ms))
            .fault_delay(Duration::from_millis(self.fault_delay_ms))
    }
}

fn test_secret() -> Secret {
    Secret::new(TEST_SECRET).expect("the test secret is not blank")
}

/// A sandbox started from [`SandboxArgs`], and what to print about it.
pub struct Started {
    /// The running sandbox (dropping it stops it).
    pub gateway: MockGateway,
    merchant_no: String,
    yours: bool,
    placement: SecretPlacement,
}

/// Starts the sandbox `args` ask for, serving `countries`, with `secret` (the user's; `None`:
/// the sandbox's own test secret).
pub async fn start(
    args: &SandboxArgs,
    secret: Option<Secret>,
    countries: &'static [&'static CountryDescriptor],
) -> Result<Started, ListenError> {
    let yours = secret.is_some();
    let config = args.config(secret);
    let bind = config.bind;
    let gateway = MockGateway::start(config, countries)
        .await
        .map_err(|source| ListenError { bind, source })?;
    Ok(Started {
        gateway,
        merchant_no: args.merchant_no.clone(),
        yours,
        placement: args.secret_placement,
    })
}

impl Started {
    /// The start-up lines: `CC BASE_URL` per country, `merchant M`, `secret S` (only the
    /// sandbox's own test secret) or `secret (yours, not printed)`, `secret-placement P` when it
    /// is not the spec's, and `dashboard URL`.
    pub fn print(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for (code, url) in self.gateway.base_urls() {
            writeln!(out, "{code} {url}")?;
        }
        writeln!(out, "merchant {}", self.merchant_no)?;
        if self.yours {
            writeln!(out, "secret (yours, not printed)")?;
        } else {
            writeln!(out, "secret {TEST_SECRET}")?;
        }
        if self.placement != SecretPlacement::SPEC {
            writeln!(out, "secret-placement {}", self.placement)?;
        }
        writeln!(out, "dashboard {}/", self.gateway.url())?;
        out.flush()
    }

    /// A note for stderr when the secret printed is the sandbox's own test secret.
    pub fn note(&self) -> Option<&'static str> {
        (!self.yours).then_some(
            "the secret above is the sandbox's own test secret, not a real credential. Ctrl-C stops the sandbox.",
        )
    }
}

/// The sandbox could not listen where it was told to.
#[derive(Debug)]
pub struct ListenError {
    /// The address it was to listen on.
    pub bind: SocketAddr,
    /// Why not.
    pub source: std::io::Error,
}

impl std::fmt::Display for ListenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (ip, port) = (self.bind.ip(), self.bind.port());
        if self.source.kind() == std::io::ErrorKind::AddrInUse {
            write!(
                f,
                "port {port} on {ip} is already in use (another sandbox?): stop what uses it, \
                 choose another port with --port P, or let the system choose a free one with \
                 --port 0"
            )
        } else {
            write!(f, "cannot listen on {}: {}", self.bind, self.source)
        }
    }
}

impl std::error::Error for ListenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Parser)]
    struct Program {
        #[command(flatten)]
        sandbox: SandboxArgs,
    }

    fn parse(args: &[&str]) -> Result<SandboxArgs, clap::Error> {
        Program::try_parse_from(std::iter::once("paypro-mock").chain(args.iter().copied()))
            .map(|p| p.sandbox)
    }

    #[test]
    fn the_defaults_are_the_librarys_but_the_port() {
        Program::command().debug_assert();
        // Not from the environment of whoever runs the test.
        let args = parse(&[
            "--merchant-no",
            TEST_MERCHANT_NO,
            "--secret-placement",
            "append",
        ])
        .unwrap();
        let (config, library) = (args.config(None), MockConfig::default());
        assert_eq!(
            config.bind,
            SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT))
        );
        assert_eq!(config.max_orders, library.max_orders);
        assert_eq!(config.max_connections, library.max_connections);
        assert_eq!(config.max_amount, library.max_amount);
        assert_eq!(config.header_read_timeout, library.header_read_timeout);
        assert_eq!(config.request_timeout, library.request_timeout);
        assert_eq!(config.fault_delay, library.fault_delay);
        assert_eq!(config.merchants.len(), 1);
        assert_eq!(config.merchants[0].merchant_no, TEST_MERCHANT_NO);
        assert_eq!(
            config.merchants[0].secret.placement(),
            SecretPlacement::SPEC
        );
    }

    #[test]
    fn every_flag_reaches_the_config() {
        let args = parse(&[
            "--port",
            "0",
            "--merchant-no",
            "8729248847",
            "--secret-placement",
            "prepend",
            "--max-orders",
            "7",
            "--max-connections",
            "3",
            "--max-amount",
            "1000",
            "--header-read-timeout-ms",
            "250",
            "--request-timeout-ms",
            "300",
            "--fault-delay-ms",
            "0",
        ])
        .unwrap();
        let config = args.config(Some(Secret::new("mine").unwrap()));
        assert_eq!(config.bind.port(), 0);
        assert_eq!(config.merchants[0].merchant_no, "8729248847");
        assert_eq!(
            config.merchants[0].secret.placement(),
            SecretPlacement::Prepend
        );
        assert_eq!(config.max_orders, 7);
        assert_eq!(config.max_connections, 3);
        assert_eq!(config.max_amount, 1000);
        assert_eq!(config.header_read_timeout, Duration::from_millis(250));
        assert_eq!(config.request_timeout, Duration::from_millis(300));
        assert_eq!(config.fault_delay, Duration::ZERO);
    }

    #[test]
    fn values_out_of_range_are_usage_errors_never_panics() {
        for (flag, value) in [
            ("--port", "65536"),
            ("--max-orders", "0"),
            ("--max-connections", "0"),
            ("--max-amount", "0"),
            ("--max-amount", "18446744073709551616"),
            ("--header-read-timeout-ms", "0"),
            ("--request-timeout-ms", "0"),
            ("--fault-delay-ms", "x"),
            ("--secret-placement", "before"),
            ("--max-orders", ""),
        ] {
            let e = parse(&[flag, value])
                .err()
                .unwrap_or_else(|| panic!("{flag} {value}"));
            assert_eq!(e.exit_code(), 2, "{flag} {value}: {e}");
            assert!(e.to_string().contains(flag), "{flag} {value}: {e}");
        }
        for args in [&["--port=-1"][..], &["--port", "8080", "--unknown"]] {
            let e = parse(args).err().unwrap_or_else(|| panic!("{args:?}"));
            assert_eq!(e.exit_code(), 2, "{args:?}: {e}");
        }
        // Extremes that are in range start nothing absurd: they are taken as given.
        let huge = parse(&[
            "--max-connections",
            "18446744073709551615",
            "--fault-delay-ms",
            "18446744073709551615",
        ])
        .unwrap();
        assert_eq!(huge.config(None).max_connections, usize::MAX);
    }

    #[test]
    fn a_port_in_use_is_one_line_naming_it() {
        let bind = SocketAddr::from(([127, 0, 0, 1], 8080));
        let taken = ListenError {
            bind,
            source: std::io::Error::from(std::io::ErrorKind::AddrInUse),
        };
        let said = taken.to_string();
        assert!(
            said.starts_with("port 8080 on 127.0.0.1 is already in use"),
            "{said}"
        );
        assert!(said.contains("--port 0") && !said.contains('\n'), "{said}");
        let other = ListenError {
            bind,
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert!(
            other
                .to_string()
                .starts_with("cannot listen on 127.0.0.1:8080: "),
            "{other}"
        );
    }

    #[tokio::test]
    async fn the_start_up_lines_name_the_secret_only_when_it_is_the_test_secret() {
        static COUNTRIES: [&CountryDescriptor; 0] = [];
        let args = parse(&[
            "--port",
            "0",
            "--merchant-no",
            "M1",
            "--secret-placement",
            "prepend",
        ])
        .unwrap();
        for (secret, line, note) in [
            (None, format!("secret {TEST_SECRET}"), true),
            (
                Some(Secret::new("mine-42").unwrap()),
                "secret (yours, not printed)".to_string(),
                false,
            ),
        ] {
            let started = start(&args, secret, &COUNTRIES).await.unwrap();
            let mut out = Vec::new();
            started.print(&mut out).unwrap();
            let out = String::from_utf8(out).unwrap();
            let origin = started.gateway.url();
            assert_eq!(
                out,
                format!("merchant M1\n{line}\nsecret-placement prepend\ndashboard {origin}/\n")
            );
            assert!(!out.contains("mine-42"));
            assert_eq!(started.note().is_some(), note);
        }
    }
}

//! `paypro`: sign, verify, call and sandbox the Paypro gateway.

mod call_outcome;
mod country_call;
mod fail;
mod notify_verify;
mod output;
mod sandbox;
mod schema;
mod secret;
mod sign;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::fail::Fail;

const AFTER_HELP: &str = "\
Country calls:
  paypro CC ENDPOINT [--data JSON] [--dry-run] [--timestamp MS] [--timeout SECONDS]
      CC is bd, mx, id, ke or eg; ENDPOINT a spec name such as pay-in, payout, query-pay-in,
      balance. The request fields (wire names) come as JSON on stdin or --data; timestamp and
      sign are filled in. --dry-run prints the exchange without sending it. --timeout bounds
      the whole call (reads are then not retried).
  paypro CC --list
      Lists the country's endpoints and their fields.

Notifications:
  paypro notify verify [--country CC] < body
      Prints exactly what was signed, every value's JSON text as received: with --country,
      {\"typed\": fields the country's notification reads, \"unknown\": the others}; without,
      the received object. Unsigned (Kenya) or not genuine: exit 1.

Credentials: PAYPRO_SECRET or --secret-file (a --secret on the command line is visible to
other users; give only one of --secret and --secret-file). An empty or whitespace-only secret
is refused, and so is a secret file starting with a byte-order mark; one trailing line ending
of the file is ignored. PAYPRO_MERCHANT_NO or --merchant-no, PAYPRO_BASE_URL or --base-url
(default: the country's documented sandbox, where there is one).

Exit codes:
  0  success
  1  the gateway refused, or a notification must not be acted on (invalid signature,
     unsigned, fields that cannot be acted on)
  2  usage or validation error (bad input, unknown country or endpoint, missing credentials)
  3  not sent (connection refused, DNS, TLS): nothing reached Paypro
  4  sent, outcome unknown (time-out, dropped connection, a system-error code): after a
     pay-in or payout the money may have moved, so query the order by tradeNo, never resend
  5  unreadable answer (HTML error page, non-2xx status, truncated or non-JSON body)";

#[derive(Parser)]
#[command(name = "paypro", version, about = "Sign, verify, call and sandbox the Paypro payment gateway.", after_help = AFTER_HELP)]
struct Cli {
    #[command(flatten)]
    creds: Creds,
    #[command(subcommand)]
    command: Command,
}

/// Credentials and connection settings, accepted before or after the country.
#[derive(Args, Clone, Default)]
pub struct Creds {
    /// The gateway's base URL.
    #[arg(long, env = "PAYPRO_BASE_URL", global = true)]
    base_url: Option<String>,
    /// The merchant number (header merchantNo).
    #[arg(long, env = "PAYPRO_MERCHANT_NO", global = true)]
    merchant_no: Option<String>,
    /// A file holding the app secret (else PAYPRO_SECRET); warned about when others can read it.
    #[arg(long, global = true)]
    secret_file: Option<std::path::PathBuf>,
    /// The app secret itself (visible to other users: prefer PAYPRO_SECRET or --secret-file).
    #[arg(long, global = true, hide_env_values = true)]
    secret: Option<String>,
    /// Time-out in seconds for the whole call (reads are then not retried).
    #[arg(long, global = true)]
    timeout: Option<u64>,
}

impl Creds {
    /// `inner`'s settings, else `outer`'s.
    fn or(inner: &Creds, outer: &Creds) -> Creds {
        Creds {
            base_url: inner.base_url.clone().or_else(|| outer.base_url.clone()),
            merchant_no: inner
                .merchant_no
                .clone()
                .or_else(|| outer.merchant_no.clone()),
            secret_file: inner
                .secret_file
                .clone()
                .or_else(|| outer.secret_file.clone()),
            secret: inner.secret.clone().or_else(|| outer.secret.clone()),
            timeout: inner.timeout.or(outer.timeout),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read one JSON object on stdin; print its canonical string and sign.
    Sign {
        /// Print {"canonical": ..., "sign": ...} instead.
        #[arg(long)]
        json: bool,
    },
    /// Payment notifications.
    Notify {
        #[command(subcommand)]
        command: NotifyCommand,
    },
    /// Run the sandbox gateway in the foreground until interrupted.
    Mock {
        /// The port (0: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
    /// Print JSON Schemas of a country's requests, responses and notification.
    Schema {
        /// Country code.
        country: String,
        /// One endpoint only.
        endpoint: Option<String>,
    },
    #[command(external_subcommand)]
    Country(Vec<String>),
}

#[derive(Subcommand)]
enum NotifyCommand {
    /// Read a raw callback body on stdin; when its signature is valid, exit 0 and print exactly
    /// what was signed (values as received; with --country, typed and unknown fields apart).
    Verify {
        /// Read it as this country's notification.
        #[arg(long)]
        country: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            eprintln!("paypro: {}", fail.message);
            ExitCode::from(fail.exit as u8)
        }
    }
}

fn run(cli: Cli) -> Result<(), Fail> {
    match cli.command {
        Command::Sign { json } => sign::run(&cli.creds, json),
        Command::Notify {
            command: NotifyCommand::Verify { country },
        } => notify_verify::run(&cli.creds, country.as_deref()),
        Command::Mock { port } => sandbox::run(&cli.creds, port),
        Command::Schema { country, endpoint } => schema::run(&country, endpoint.as_deref()),
        Command::Country(args) => {
            let (country, rest) = args
                .split_first()
                .ok_or_else(|| Fail::usage("no command"))?;
            country_call::run(country, rest, &cli.creds)
        }
    }
}

/// Reads all of stdin.
fn stdin() -> Result<Vec<u8>, Fail> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| Fail::usage(format!("cannot read stdin: {e}")))?;
    Ok(buf)
}

/// A country by code, or the usage error naming the known ones.
fn country(code: &str) -> Result<&'static paypro_core::descriptor::CountryDescriptor, Fail> {
    paypro_all::country(code).ok_or_else(|| {
        Fail::from(paypro_all::ops::OpsError::UnknownCountry {
            country: code.to_string(),
        })
    })
}

//! `paypro`: sign, verify and call the Paypro gateway, and run its embedded sandbox.

mod call_outcome;
mod country_call;
mod describe;
mod doctor;
mod fail;
mod notify_send;
mod notify_verify;
mod orders;
mod output;
mod sandbox;
mod schema;
mod secret;
mod sign;
mod verbose;

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::fail::Fail;

const AFTER_HELP: &str = "\
Countries (bd, eg, id, ke, mx) are subcommands: `paypro mx --help` (or `paypro help mx`) lists
Mexico's endpoints, `paypro mx pay-in --help` an endpoint's fields, and `paypro mx --list` every
endpoint with each field's type, whether it is required, its rules and its allowed values.

Country calls:
  paypro CC ENDPOINT [--data JSON] [--dry-run] [--timestamp MS] [--timeout SECONDS]
      The request fields (wire names) come as JSON on stdin or --data; empty stdin, or a
      terminal, means {} (so `paypro mx balance` needs nothing). timestamp and sign are filled
      in. --dry-run prints the exchange without sending it. --timeout bounds the whole call
      (reads are then not retried). -v shows each attempt and retry on stderr.

Notifications:
  paypro notify verify [--country CC] < body
      Prints exactly what was signed, every value's JSON text as received: with --country,
      {\"typed\": fields the country's notification reads, \"unknown\": the others}; without,
      the received object. Unsigned (Kenya) or not genuine: exit 1; a sign that does not match
      shows the canonical string, to check the secret and the signing rule.
  paypro notify send CC --url URL [--data JSON] [--status CODE]
      Posts the country's spec example callback (fields overridden by --data; status 0000,
      or --status, with a message that follows it), signed as Paypro signs it (Kenya's
      unsigned), to an http(s) URL without following redirects; prints the receiver's status
      and answer; exit 0 only for `OK`.

The sandbox:
  paypro mock [--port P] [--merchant-no M] [--max-orders N] ...
      The embedded sandbox, as the paypro-mock program runs it (the same flags, defaults and
      output: `paypro mock --help`): every country on 127.0.0.1:8080 until Ctrl-C, with a
      dashboard. Prints each country's base URL, the merchant, the secret (only the sandbox's
      own test secret; yours is never printed) and the dashboard's URL.

Checking a gateway:
  paypro doctor CC
      Read-only calls only: reachability, TLS, clock skew, whether the merchant number is
      known, and which signing rule (secret appended or prepended) the gateway accepts.
      Exit 0 when everything passed; an answer that is not HTTP 2xx JSON means a wrong base
      URL or path (exit 5), and nothing is concluded about the credentials.

What a gateway or receiver sends (codes, messages, answers) is printed with control characters
escaped (\\u{1b}) and cut after 256 characters; URLs are printed without a user name or
password.

Orders (the durable order store of paypro-store; DATABASE_URL or --database-url: sqlite://FILE
or postgres://...; --json prints one JSON document instead of text):
  paypro orders list [--open | --needs-person] [--limit N]
      The orders, newest first: key, state, expected amount, submission, checks, and why a
      person must look at one.
  paypro orders show TRADE_NO | pay-in:TRADE_NO | payout:TRADE_NO
      Every stored field, the exact request body sent, and the order's actions; exit 1 when
      the store has no such order.
  paypro orders actions [--limit N]
      The outbox's actions not yet performed, failed attempts with their last error.
  paypro orders reconcile --country CC
      Queries the due orders (outcome unknown, callback late) with the credentials below and
      applies the answers, as callbacks are applied; never sends a pay-in or payout.

Credentials: PAYPRO_SECRET or --secret-file (a --secret on the command line is visible to
other users; give only one of --secret and --secret-file). An empty or whitespace-only secret
is refused, and so is a secret file starting with a byte-order mark; one trailing line ending
of the file is ignored. PAYPRO_MERCHANT_NO or --merchant-no, PAYPRO_BASE_URL or --base-url
(default: the country's documented sandbox, where there is one). --secret-placement prepend
(or PAYPRO_SECRET_PLACEMENT) signs with the secret before the canonical string instead of
after it, when `paypro doctor` says the gateway wants that.

Exit codes:
  0  success (also when the reader of stdout closed it early: the output ends quietly)
  1  the gateway refused, a notification must not be acted on (invalid signature, unsigned,
     fields that cannot be acted on), a receiver did not answer OK to `notify send`,
     `orders show` found no such order, or the order store failed
  2  usage or validation error (bad input, unknown country or endpoint, missing credentials)
  3  not sent (connection refused, DNS, TLS): nothing reached Paypro (or the receiver)
  4  sent, outcome unknown (time-out, dropped connection, a system-error code): after a
     pay-in or payout the money may have moved, so query the order by tradeNo, never resend;
     a read can simply be run again
  5  unreadable answer (HTML error page, non-2xx status, truncated or non-JSON body)";

#[derive(Parser)]
#[command(name = "paypro", bin_name = "paypro", version, about = "Sign, verify and call the Paypro payment gateway, and run its embedded sandbox.", after_help = AFTER_HELP)]
struct Cli {
    #[command(flatten)]
    creds: Creds,
    /// Show each call's attempts and retries on stderr (-vv: also the HTTP client's debug events).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

/// Credentials and connection settings, accepted before or after the subcommand.
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
    /// Where the signing rule puts the secret: append (the spec's rule) or prepend (the
    /// documented alternative; `paypro doctor CC` tells which one a gateway accepts).
    #[arg(long, env = "PAYPRO_SECRET_PLACEMENT", global = true, value_parser = clap::value_parser!(paypro_core::SecretPlacement))]
    secret_placement: Option<paypro_core::SecretPlacement>,
}

#[derive(Subcommand)]
enum Command {
    /// Read one JSON object on stdin; print its canonical string and sign.
    Sign {
        /// Print {"canonical": ..., "sign": ...} instead.
        #[arg(long)]
        json: bool,
    },
    /// Payment notifications (callbacks): verify one, or send a test one to your receiver.
    Notify {
        #[command(subcommand)]
        command: NotifyCommand,
    },
    /// The `paypro-mock` program inside the command: its flags, help and start-up lines.
    #[command(about = paypro_mock::cli::ABOUT, after_help = paypro_mock::cli::AFTER_HELP)]
    Mock(paypro_mock::cli::SandboxArgs),
    /// Check a gateway with these credentials, by read-only calls: reachability, TLS, clock
    /// skew, whether the merchant number is known, and which signing rule it accepts.
    Doctor {
        /// Country code.
        country: String,
    },
    /// The durable order store (paypro-store): list orders, show one, the pending actions,
    /// and reconcile the due orders with a country's gateway.
    Orders(orders::Args),
    /// Print JSON Schemas of a country's requests, responses and notification.
    Schema {
        /// Country code.
        country: String,
        /// One endpoint only.
        endpoint: Option<String>,
    },
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
    /// Post a test callback to your receiver, signed as Paypro signs it: the country's spec
    /// example, with --data fields and --status over it. Prints the receiver's status and
    /// answer; exit 0 only when it answered `OK`.
    Send(notify_send::Args),
}

fn main() -> ExitCode {
    let matches = match command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return clap_failure(e),
    };
    verbose::init(matches.get_count("verbose"));
    match run(&matches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            if !fail.message.is_empty() {
                // Received text is shown by `paypro_core::untrusted::text` where it is put in a
                // message; this guards whatever a library's error quoted on its own.
                // Nothing more can be done when stderr is closed too.
                let message = output::terminal(&fail.message);
                let _ = writeln!(std::io::stderr(), "paypro: {message}");
            }
            ExitCode::from(fail.exit as u8)
        }
    }
}

/// The whole command line: the derived commands, and one subcommand per country with one
/// subcommand per endpoint (so `paypro mx --help` and `paypro help mx` list Mexico's).
fn command() -> clap::Command {
    let mut cmd = Cli::command().allow_external_subcommands(true);
    for c in paypro_all::COUNTRIES {
        cmd = cmd.subcommand(describe::country_command(c));
    }
    cmd
}

/// A parse failure: help and version go to stdout with exit 0 (quietly when stdout is closed);
/// anything else is one line on stderr with exit 2.
fn clap_failure(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(fail::Exit::Usage as u8)
        }
        _ => {
            let _ = writeln!(std::io::stderr(), "paypro: {}", one_line(&e));
            ExitCode::from(fail::Exit::Usage as u8)
        }
    }
}

/// clap's message without its usage block, on one line.
fn one_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut parts = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if !line.is_empty() {
            parts.push(line.strip_prefix("error: ").unwrap_or(line));
        }
    }
    format!("{}; `--help` shows the usage", parts.join("; "))
}

fn run(matches: &clap::ArgMatches) -> Result<(), Fail> {
    match matches.subcommand() {
        Some((name, sub)) if paypro_all::country(name).is_some() => {
            let c = country(name)?;
            country_call::run(c, sub)
        }
        Some((name, _)) if Command::has_subcommand(name) => {
            let cli = Cli::from_arg_matches(matches).map_err(|e| Fail::usage(one_line(&e)))?;
            match cli.command {
                Command::Sign { json } => sign::run(&cli.creds, json),
                Command::Notify {
                    command: NotifyCommand::Verify { country },
                } => notify_verify::run(&cli.creds, country.as_deref()),
                Command::Notify {
                    command: NotifyCommand::Send(args),
                } => notify_send::run(&cli.creds, &args),
                Command::Mock(args) => sandbox::run(&cli.creds, &args),
                Command::Schema { country, endpoint } => schema::run(&country, endpoint.as_deref()),
                Command::Doctor { country: code } => doctor::run(country(&code)?, &cli.creds),
                Command::Orders(args) => orders::run(&cli.creds, &args),
            }
        }
        // Neither a command nor a country.
        Some((name, _)) => Err(Fail::usage(format!(
            "{}, or a command: sign, notify, mock, schema, doctor, orders (`paypro --help` lists them)",
            paypro_all::ops::OpsError::UnknownCountry {
                country: name.to_string()
            }
        ))),
        None => Err(Fail::usage(
            "name a command or a country; `paypro --help` lists them",
        )),
    }
}

/// Reads all of stdin, or `None` when stdin is a terminal (nothing is piped in: waiting for
/// typing would look like a hang).
fn stdin() -> Result<Option<Vec<u8>>, Fail> {
    use std::io::{IsTerminal, Read};
    let mut input = std::io::stdin();
    if input.is_terminal() {
        return Ok(None);
    }
    let mut buf = Vec::new();
    input
        .read_to_end(&mut buf)
        .map_err(|e| Fail::usage(format!("cannot read stdin: {e}")))?;
    Ok(Some(buf))
}

/// Stdin for a command that needs something piped in (`what`): a terminal is a usage error.
fn piped_stdin(what: &str) -> Result<Vec<u8>, Fail> {
    stdin()?.ok_or_else(|| {
        Fail::usage(format!(
            "stdin is a terminal: pipe {what} in (`... < file` or `... | paypro ...`)"
        ))
    })
}

/// A warning on stderr (dropped if stderr is closed).
fn warn(message: std::fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr(), "paypro: warning: {message}");
}

/// A note on stderr (dropped if stderr is closed).
fn note(message: std::fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr(), "paypro: note: {message}");
}

/// A country by code, or the usage error naming the known ones.
fn country(code: &str) -> Result<&'static paypro_core::descriptor::CountryDescriptor, Fail> {
    paypro_all::country(code).ok_or_else(|| {
        Fail::from(paypro_all::ops::OpsError::UnknownCountry {
            country: code.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_help_gives_the_length_received_text_is_cut_at() {
        let said = format!("cut after {} characters", paypro_core::untrusted::MAX_CHARS);
        assert!(super::AFTER_HELP.contains(&said), "{said}");
    }
}

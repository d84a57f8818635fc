//! `paypro-mock`: the sandbox gateway in the foreground.
//!
//! ```text
//! paypro-mock [--port P] [--merchant-no M] [--max-orders N] [--max-connections N]
//!             [--max-amount N] [--header-read-timeout-ms MS] [--request-timeout-ms MS]
//!             [--fault-delay-ms MS] [--secret-placement append|prepend]
//!                                                   (secret: PAYPRO_SECRET, else TESTSECRET)
//! ```
//! Listens on 127.0.0.1:8080 unless told otherwise (`--port 0`: a free port). Prints one line
//! per country, `CC BASE_URL`, then `merchant M`, `secret S` and `dashboard URL`. A port in
//! use is a one-line message naming it (exit 1); a bad flag is a usage error (exit 2).
//!
//! Only requests naming a loopback host (`localhost`, `127.x.y.z`, `[::1]`) are served (`421`
//! otherwise: no DNS rebinding). A change through the admin API or the cashier page must come
//! from no web page or the sandbox's own (`403` otherwise); from a program, a POST sends
//! `content-type: application/json` or `x-paypro-sandbox-admin: 1`.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use paypro_core::{Secret, SecretPlacement};
use paypro_mock::{DEFAULT_PORT, Merchant, MockConfig, MockGateway};

const USAGE: &str =
    "paypro-mock [--port P] [--merchant-no M] [--max-orders N] [--max-connections N]
            [--max-amount N] [--header-read-timeout-ms MS] [--request-timeout-ms MS]
            [--fault-delay-ms MS] [--secret-placement append|prepend]

Serves the Paypro sandbox on 127.0.0.1, port 8080 unless --port says otherwise (--port 0: a
free one), with a dashboard at its root URL. Prints each country's base URL, the merchant
number, the secret and the dashboard's URL. The secret is PAYPRO_SECRET (then not printed),
else the sandbox's own test secret TESTSECRET (not a real credential; printed).

Only requests whose Host is a loopback name (localhost, 127.x.y.z, [::1], any port) are
served; any other Host is refused 421, so no web page on a name rebound to 127.0.0.1 (DNS
rebinding) can reach it. A change through the admin API (/_admin/...) or the cashier page
(/_pay/...) from another web origin is refused 403; from a program, a POST must send
content-type: application/json or the header x-paypro-sandbox-admin: 1, e.g.
  curl -X POST -H 'x-paypro-sandbox-admin: 1' localhost:8080/_admin/settle-balances

  --port P                    the port on 127.0.0.1 (8080; 0: a free one)
  --merchant-no M             the merchant number (0000000001)
  --max-orders N              orders (and callback attempts) kept; older final ones whose
                              callbacks are delivered are forgotten, else new ones are
                              refused 503 (100000)
  --max-connections N         connections served at once; more get a 503 envelope (128)
  --max-amount N              the largest amount accepted (1000000000000)
  --header-read-timeout-ms MS time to send a request head; also the keep-alive idle time (5000)
  --request-timeout-ms MS     time one request may take; then a 408 envelope (60000)
  --fault-delay-ms MS         how long the `delay` fault (amount 4901) waits (35000)
  --secret-placement P        where the signing rule puts the secret: append (the spec's rule)
                              or prepend (the documented alternative), to try `paypro doctor`";

/// A number for `flag`, at least `min`.
fn number(flag: &str, value: Option<String>, min: u64) -> Result<u64, String> {
    let value = value.ok_or(format!("{flag} needs a number"))?;
    match value.parse::<u64>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(format!(
            "{flag} needs a whole number of at least {min}, got `{value}`"
        )),
    }
}

/// What the command line asks for.
struct Parsed {
    config: MockConfig,
    merchant_no: String,
    placement: SecretPlacement,
}

fn parse(args: impl Iterator<Item = String>) -> Result<Option<Parsed>, String> {
    let mut args = args.into_iter();
    let mut config = MockConfig::default().bind(SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT)));
    let mut merchant_no = paypro_core::protocol::TEST_MERCHANT_NO.to_string();
    let mut placement = SecretPlacement::SPEC;
    let ms = |n: u64| Duration::from_millis(n);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let port = number(&arg, args.next(), 0)?;
                let port =
                    u16::try_from(port).map_err(|_| format!("--port {port} is over 65535"))?;
                config.bind = SocketAddr::from(([127, 0, 0, 1], port));
            }
            "--merchant-no" => {
                merchant_no = args.next().ok_or("--merchant-no needs a value")?;
            }
            "--max-orders" => config.max_orders = number(&arg, args.next(), 1)? as usize,
            "--max-connections" => config.max_connections = number(&arg, args.next(), 1)? as usize,
            "--max-amount" => config.max_amount = number(&arg, args.next(), 1)?,
            "--header-read-timeout-ms" => {
                config.header_read_timeout = ms(number(&arg, args.next(), 1)?);
            }
            "--request-timeout-ms" => config.request_timeout = ms(number(&arg, args.next(), 1)?),
            "--fault-delay-ms" => config.fault_delay = ms(number(&arg, args.next(), 0)?),
            "--secret-placement" => {
                let value = args
                    .next()
                    .ok_or("--secret-placement needs append or prepend")?;
                placement = value.parse()?;
            }
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Some(Parsed {
        config,
        merchant_no,
        placement,
    }))
}

/// One message on stderr; a closed stderr is ignored (never a panic).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Where the secret came from, and so whether it may be printed.
enum SecretSource {
    /// The sandbox's own test secret, known to everyone: printed.
    Test,
    /// `PAYPRO_SECRET`: the user's, never printed.
    Env,
}

#[tokio::main]
async fn main() -> ExitCode {
    let Parsed {
        mut config,
        merchant_no,
        placement,
    } = match parse(std::env::args().skip(1)) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            // A closed stdout (`--help | head -1`) is not an error.
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            say!("paypro-mock: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (secret, source) = match std::env::var("PAYPRO_SECRET") {
        Ok(s) => (s, SecretSource::Env),
        Err(_) => (
            paypro_core::protocol::TEST_SECRET.to_string(),
            SecretSource::Test,
        ),
    };
    let secret = match Secret::new(secret) {
        Ok(secret) => secret.with_placement(placement),
        Err(e) => {
            say!("paypro-mock: PAYPRO_SECRET: {e}");
            return ExitCode::from(2);
        }
    };
    config.merchants = vec![Merchant::new(merchant_no.clone(), secret)];
    let bind = config.bind;
    let gateway = match MockGateway::start(config, paypro_all::COUNTRIES).await {
        Ok(gateway) => gateway,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            say!(
                "paypro-mock: port {port} on {ip} is already in use (another paypro-mock?). \
                 Stop what uses it, choose another port with --port P, or let the system \
                 choose a free one with --port 0.",
                port = bind.port(),
                ip = bind.ip()
            );
            return ExitCode::from(1);
        }
        Err(e) => {
            say!("paypro-mock: cannot listen on {bind}: {e}");
            return ExitCode::from(1);
        }
    };
    let printed = (|| -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        for (code, url) in gateway.base_urls() {
            writeln!(out, "{code} {url}")?;
        }
        writeln!(out, "merchant {merchant_no}")?;
        match source {
            SecretSource::Test => writeln!(out, "secret {}", paypro_core::protocol::TEST_SECRET)?,
            SecretSource::Env => writeln!(out, "secret (from PAYPRO_SECRET, not printed)")?,
        }
        if placement != SecretPlacement::SPEC {
            writeln!(out, "secret-placement {placement}")?;
        }
        writeln!(out, "dashboard {}/", gateway.url())?;
        out.flush()
    })();
    if let Err(e) = printed {
        say!("paypro-mock: cannot write to stdout: {e}");
        return ExitCode::from(1);
    }
    if let SecretSource::Test = source {
        say!(
            "paypro-mock: the secret above is the sandbox's own test secret, not a real \
             credential. Ctrl-C stops the sandbox."
        );
    }
    match tokio::signal::ctrl_c().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say!("paypro-mock: cannot wait for Ctrl-C: {e}");
            ExitCode::from(1)
        }
    }
}

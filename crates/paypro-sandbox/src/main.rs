//! `paypro-mock`: the sandbox gateway in the foreground.
//!
//! ```text
//! paypro-mock [--port P] [--merchant-no M] [--max-orders N] [--max-connections N]
//!             [--max-amount N] [--header-read-timeout-ms MS] [--request-timeout-ms MS]
//!             [--fault-delay-ms MS]                 (secret: PAYPRO_SECRET, else TESTSECRET)
//! ```
//! Prints one line per country, `CC BASE_URL`, then the merchant number.

use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

use paypro_core::Secret;
use paypro_mock::{Merchant, MockConfig, MockGateway};

const USAGE: &str =
    "paypro-mock [--port P] [--merchant-no M] [--max-orders N] [--max-connections N]
            [--max-amount N] [--header-read-timeout-ms MS] [--request-timeout-ms MS]
            [--fault-delay-ms MS]

Serves the Paypro sandbox on 127.0.0.1 (port 0: a free one). The secret is PAYPRO_SECRET,
else the documented test secret TESTSECRET.

  --max-orders N              orders (and callback attempts) kept; older ones are forgotten (100000)
  --max-connections N         connections served at once; more get a 503 envelope (128)
  --max-amount N              the largest amount accepted (1000000000000)
  --header-read-timeout-ms MS time to send a request head; also the keep-alive idle time (5000)
  --request-timeout-ms MS     time one request may take; then a 408 envelope (60000)
  --fault-delay-ms MS         how long the `delay` fault (amount 4901) waits (35000)";

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

fn parse(args: impl Iterator<Item = String>) -> Result<Option<(MockConfig, String)>, String> {
    let mut args = args.into_iter();
    let mut config = MockConfig::default();
    let mut merchant_no = paypro_core::protocol::TEST_MERCHANT_NO.to_string();
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
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Some((config, merchant_no)))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (mut config, merchant_no) = match parse(std::env::args().skip(1)) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            println!("{USAGE}");
            return Ok(());
        }
        Err(e) => {
            eprintln!("paypro-mock: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let secret = std::env::var("PAYPRO_SECRET")
        .unwrap_or_else(|_| paypro_core::protocol::TEST_SECRET.to_string());
    config.merchants = vec![Merchant {
        merchant_no: merchant_no.clone(),
        secret: Secret::new(secret).map_err(|e| format!("PAYPRO_SECRET: {e}"))?,
        initial_balance: 1_000_000,
    }];
    let gateway = MockGateway::start(config, paypro_all::COUNTRIES).await?;
    let mut out = std::io::stdout().lock();
    for (code, url) in gateway.base_urls() {
        writeln!(out, "{code} {url}")?;
    }
    writeln!(out, "merchant {merchant_no}")?;
    out.flush()?;
    drop(out);
    tokio::signal::ctrl_c().await?;
    Ok(())
}

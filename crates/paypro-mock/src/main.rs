//! `paypro-mock`: the sandbox gateway in the foreground.
//!
//! ```text
//! paypro-mock [--port P] [--merchant-no M]      (secret: PAYPRO_SECRET, else TESTSECRET)
//! ```
//! Prints one line per country, `CC BASE_URL`, then the merchant number.

use std::io::Write;
use std::net::SocketAddr;

use paypro_core::Secret;
use paypro_mock::{Merchant, MockConfig, MockGateway};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut config = MockConfig::default();
    let mut merchant_no = paypro_core::protocol::TEST_MERCHANT_NO.to_string();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let port: u16 = args
                    .next()
                    .ok_or("--port needs a number")?
                    .parse()
                    .map_err(|_| "--port needs a number")?;
                config.bind = SocketAddr::from(([127, 0, 0, 1], port));
            }
            "--merchant-no" => merchant_no = args.next().ok_or("--merchant-no needs a value")?,
            "-h" | "--help" => {
                println!(
                    "paypro-mock [--port P] [--merchant-no M]\n\nThe secret is PAYPRO_SECRET, else the documented test secret TESTSECRET."
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    let secret = std::env::var("PAYPRO_SECRET")
        .unwrap_or_else(|_| paypro_core::protocol::TEST_SECRET.to_string());
    config.merchants = vec![Merchant {
        merchant_no: merchant_no.clone(),
        secret: Secret::new(secret).map_err(|e| format!("PAYPRO_SECRET: {e}"))?,
        initial_balance: 1_000_000,
    }];
    let gateway = MockGateway::start(config).await?;
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

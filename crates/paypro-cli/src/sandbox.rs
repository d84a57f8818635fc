//! `paypro mock`: the sandbox gateway in the foreground until interrupted.

use std::io::Write;

use paypro_core::Secret;

use crate::fail::{Exit, Fail};
use crate::{Creds, secret};

/// Prints, like the `paypro-mock` program: `CC BASE_URL` per country, then `merchant M`,
/// `secret S` (only the sandbox's own test secret; never one given to the tool),
/// `secret-placement P` when it is not the spec's, and `dashboard URL`.
pub fn run(creds: &Creds, port: u16) -> Result<(), Fail> {
    let (secret, given) = match secret::secret(creds)? {
        Some(secret) => (secret, true),
        None => {
            let test = Secret::new(paypro_core::protocol::TEST_SECRET)
                .map_err(|e| Fail::new(Exit::Refused, format!("the test secret: {e}")))?;
            let test = match creds.secret_placement {
                Some(placement) => test.with_placement(placement),
                None => test,
            };
            (test, false)
        }
    };
    let placement = secret.placement();
    let merchant_no = creds
        .merchant_no
        .clone()
        .unwrap_or_else(|| paypro_core::protocol::TEST_MERCHANT_NO.to_string());
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Fail::new(Exit::Refused, format!("cannot start: {e}")))?;
    runtime.block_on(async {
        let config = paypro_mock::MockConfig::default()
            .bind(std::net::SocketAddr::from(([127, 0, 0, 1], port)))
            .merchants(vec![paypro_mock::Merchant::new(merchant_no.clone(), secret)]);
        let gateway = match paypro_mock::MockGateway::start(config, paypro_all::COUNTRIES).await {
            Ok(gateway) => gateway,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                return Err(Fail::new(
                    Exit::Refused,
                    format!(
                        "port {port} on 127.0.0.1 is already in use (another sandbox?): choose another with --port P, or a free one with --port 0"
                    ),
                ));
            }
            Err(e) => {
                return Err(Fail::new(
                    Exit::Refused,
                    format!("cannot listen on port {port}: {e}"),
                ));
            }
        };
        {
            let mut out = std::io::stdout().lock();
            for (code, url) in gateway.base_urls() {
                let _ = writeln!(out, "{code} {url}");
            }
            let _ = writeln!(out, "merchant {merchant_no}");
            if given {
                let _ = writeln!(out, "secret (yours, not printed)");
            } else {
                let _ = writeln!(out, "secret {}", paypro_core::protocol::TEST_SECRET);
            }
            if placement != paypro_core::SecretPlacement::SPEC {
                let _ = writeln!(out, "secret-placement {placement}");
            }
            let _ = writeln!(out, "dashboard {}/", gateway.url());
            let _ = out.flush();
        }
        let _ = tokio::signal::ctrl_c().await;
        Ok(())
    })
}

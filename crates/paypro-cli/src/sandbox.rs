//! `paypro mock`: the sandbox gateway in the foreground until interrupted.

use std::io::Write;

use paypro_core::Secret;

use crate::fail::{Exit, Fail};
use crate::{Creds, secret};

pub fn run(creds: &Creds, port: u16) -> Result<(), Fail> {
    let secret = match secret::secret(creds)? {
        Some(secret) => secret,
        None => Secret::new(paypro_core::protocol::TEST_SECRET)
            .map_err(|e| Fail::new(Exit::Refused, format!("the test secret: {e}")))?,
    };
    let merchant_no = creds
        .merchant_no
        .clone()
        .unwrap_or_else(|| paypro_core::protocol::TEST_MERCHANT_NO.to_string());
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Fail::new(Exit::Refused, format!("cannot start: {e}")))?;
    runtime.block_on(async {
        let config = paypro_mock::MockConfig {
            bind: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            merchants: vec![paypro_mock::Merchant {
                merchant_no: merchant_no.clone(),
                secret,
                initial_balance: 1_000_000,
            }],
            ..paypro_mock::MockConfig::default()
        };
        let gateway = paypro_mock::MockGateway::start(config, paypro_all::COUNTRIES)
            .await
            .map_err(|e| Fail::new(Exit::Refused, format!("cannot listen on port {port}: {e}")))?;
        {
            let mut out = std::io::stdout().lock();
            for (code, url) in gateway.base_urls() {
                let _ = writeln!(out, "{code} {url}");
            }
            let _ = writeln!(out, "{merchant_no}");
            let _ = out.flush();
        }
        let _ = tokio::signal::ctrl_c().await;
        Ok(())
    })
}

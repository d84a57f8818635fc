//! Callbacks: built from the country's notification fields, signed (unless the country's are
//! unsigned), POSTed to `notifyUrl`, retried on Paypro's schedule until the answer is `OK`.

use std::sync::Arc;
use std::time::Duration;

use paypro_core::notify::sign_body;
use paypro_core::protocol::{NOTIFY_ACK, NOTIFY_RETRY_SCHEDULE};

use crate::Shared;
use crate::respond::{self, Facts};
use crate::state::{Delivery, Order};

/// The callback body for `order`.
pub(crate) fn body(shared: &Shared, order: &Order) -> Option<String> {
    let country = shared.countries.iter().find(|c| c.code == order.country)?;
    let n = country.notification;
    let facts = Facts {
        order: Some(order),
        ..Facts::default()
    };
    let fields: Vec<_> = n
        .fields
        .iter()
        .filter(|f| f.wire != "sign" && f.wire != "timestamp")
        .copied()
        .collect();
    let mut json = respond::object(&fields, &facts, false);
    if n.timestamped {
        json.insert_str(
            json.len() - 1,
            &format!(
                r#"{}"timestamp":"{}""#,
                if json.len() > 2 { "," } else { "" },
                crate::time::now_ms()
            ),
        );
    }
    if n.signed {
        let secret = shared.secret(&order.merchant_no)?;
        sign_body(&json, &secret).ok()
    } else {
        Some(json)
    }
}

/// Delivers `order`'s callback in the background.
pub(crate) fn spawn(shared: Arc<Shared>, order: Order) {
    let (Some(url), Some(body)) = (order.notify_url.clone(), body(&shared, &order)) else {
        return;
    };
    tokio::spawn(async move {
        let attempts = 1 + NOTIFY_RETRY_SCHEDULE.len();
        for attempt in 1..=attempts {
            let sent = shared
                .http
                .post(&url)
                .header("content-type", "application/json")
                .body(body.clone())
                .send()
                .await;
            let (acknowledged, outcome) = match sent {
                Ok(response) => {
                    let status = response.status();
                    let text = response.text().await.unwrap_or_default();
                    if status.is_success() && text.trim() == NOTIFY_ACK {
                        (true, NOTIFY_ACK.to_string())
                    } else {
                        (
                            false,
                            format!(
                                "HTTP {}: {}",
                                status.as_u16(),
                                text.chars().take(200).collect::<String>()
                            ),
                        )
                    }
                }
                Err(e) => (false, e.to_string()),
            };
            if let Ok(mut ledger) = shared.ledger.lock() {
                ledger.deliveries.push(Delivery {
                    country: order.country,
                    trade_no: order.trade_no.clone(),
                    attempt: attempt as u32,
                    url: url.clone(),
                    body: body.clone(),
                    outcome,
                    acknowledged,
                });
            }
            if acknowledged {
                return;
            }
            if let Some(delay) = NOTIFY_RETRY_SCHEDULE.get(attempt - 1) {
                tokio::time::sleep(Duration::from_secs_f64(
                    delay.as_secs_f64() * shared.config.time_factor,
                ))
                .await;
            }
        }
    });
}

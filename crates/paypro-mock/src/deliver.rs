//! Callbacks: built from the country's notification fields, signed (unless the country's are
//! unsigned), POSTed to `notifyUrl`, retried on Paypro's schedule until the answer is `OK`.
//! Never to the sandbox itself, and never following a redirect.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use paypro_core::notify::sign_body;
use paypro_core::protocol::{NOTIFY_ACK, NOTIFY_RETRY_SCHEDULE};

use crate::Shared;
use crate::respond::{self, Facts};
use crate::state::{Delivery, Ledger, Order};

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

/// Whether `ip:port` reaches the sandbox listening on `own`: the same port on a loopback or
/// unspecified address, on the address it is bound to, or on any address when it is bound to
/// all of them.
fn is_sandbox(ip: std::net::IpAddr, port: u16, own: SocketAddr) -> bool {
    let ip = ip.to_canonical();
    port == own.port()
        && (ip.is_loopback()
            || ip.is_unspecified()
            || ip == own.ip().to_canonical()
            || own.ip().is_unspecified())
}

/// Whether `url` names the sandbox itself, as written (IP literals in any spelling the URL
/// standard accepts, `localhost`); host names are also checked when a callback is sent.
pub(crate) fn targets_sandbox(url: &str, own: SocketAddr) -> bool {
    reqwest::Url::parse(url).is_ok_and(|url| names_sandbox(&url, own))
}

/// [`targets_sandbox`] for a parsed URL.
fn names_sandbox(url: &reqwest::Url, own: SocketAddr) -> bool {
    let Some(port) = url.port_or_known_default() else {
        return false;
    };
    match url.host() {
        Some(url::Host::Ipv4(ip)) => is_sandbox(ip.into(), port, own),
        Some(url::Host::Ipv6(ip)) => is_sandbox(ip.into(), port, own),
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            (name == "localhost" || name.ends_with(".localhost"))
                && is_sandbox(std::net::Ipv4Addr::LOCALHOST.into(), port, own)
        }
        None => false,
    }
}

/// Whether `parsed`'s host name resolves to the sandbox itself.
async fn resolves_to_sandbox(parsed: &reqwest::Url, own: SocketAddr) -> bool {
    let (Some(host), Some(port)) = (parsed.host_str(), parsed.port_or_known_default()) else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match tokio::net::lookup_host((host, port)).await {
        Ok(mut addrs) => addrs.any(|a| is_sandbox(a.ip(), a.port(), own)),
        Err(_) => false,
    }
}

/// A delivery of one order's callbacks under way: the order is not forgotten until it ends
/// (see [`crate::state::Ledger::make_room`]). Made under the ledger's lock, in the same change
/// that makes the callback due; ended under the lock that records its last attempt (or, should
/// the delivery stop otherwise, when dropped).
pub(crate) struct Pending {
    shared: Arc<Shared>,
    id: String,
    url: String,
    ended: bool,
}

impl Pending {
    /// Starts a delivery of `order`'s callbacks; `None` when it has no `notifyUrl`.
    pub(crate) fn start(shared: &Arc<Shared>, ledger: &mut Ledger, order: &Order) -> Option<Self> {
        let url = order.notify_url.clone()?;
        ledger.delivery_started(&order.id);
        Some(Pending {
            shared: shared.clone(),
            id: order.id.clone(),
            url,
            ended: false,
        })
    }

    /// Ends it, in the change that records its last attempt.
    fn end(&mut self, ledger: &mut Ledger) {
        if !self.ended {
            self.ended = true;
            ledger.delivery_ended(&self.id);
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.ended {
            if let Ok(mut ledger) = self.shared.ledger.lock() {
                ledger.delivery_ended(&self.id);
            }
        }
    }
}

/// Delivers `callbacks` (one order's, in order: each is delivered, with its retries, before the
/// next) in the background, to the `notifyUrl` of `pending`.
pub(crate) fn spawn(shared: Arc<Shared>, mut pending: Pending, callbacks: Vec<Order>) {
    let url = pending.url.clone();
    tokio::spawn(async move {
        // Parsed once: checked here, then given to the HTTP client as it is for each attempt.
        let parsed = reqwest::Url::parse(&url).ok();
        let own = shared.addr;
        let to_sandbox = match &parsed {
            Some(p) => names_sandbox(p, own) || resolves_to_sandbox(p, own).await,
            None => false,
        };
        if to_sandbox {
            if let (Some(order), Ok(mut ledger)) = (callbacks.first(), shared.ledger()) {
                pending.end(&mut ledger);
                ledger.record(Delivery {
                    country: order.country,
                    kind: order.kind,
                    trade_no: order.trade_no.clone(),
                    attempt: 1,
                    at_ms: crate::time::now_ms(),
                    url: url.clone(),
                    body: String::new(),
                    outcome: "refused: notifyUrl reaches the sandbox itself".into(),
                    acknowledged: false,
                    next_retry_ms: None,
                });
            }
            return;
        }
        // A repeated callback (same status, same amount paid) is the same signed body.
        let mut previous: Option<(&Order, String)> = None;
        let last = callbacks.len().saturating_sub(1);
        for (i, order) in callbacks.iter().enumerate() {
            let repeated = previous
                .as_ref()
                .filter(|(p, _)| p.status == order.status && p.paid == order.paid)
                .map(|(_, body)| body.clone());
            let Some(body) = repeated.or_else(|| body(&shared, order)) else {
                continue;
            };
            let ending = (i == last).then_some(&mut pending);
            deliver(&shared, order, (&url, parsed.as_ref()), &body, ending).await;
            previous = Some((order, body));
        }
    });
}

/// One callback, retried on Paypro's schedule until acknowledged; the last attempt ends
/// `ending` in the same change that records it.
async fn deliver(
    shared: &Shared,
    order: &Order,
    (url, parsed): (&str, Option<&reqwest::Url>),
    body: &str,
    mut ending: Option<&mut Pending>,
) {
    let attempts = 1 + NOTIFY_RETRY_SCHEDULE.len();
    for attempt in 1..=attempts {
        // A URL that does not parse is given as written: the client reports why.
        let request = match parsed {
            Some(parsed) => shared.http.post(parsed.clone()),
            None => shared.http.post(url),
        };
        let sent = request
            .header("content-type", "application/json")
            .body(body.to_string())
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
        let retry_in = NOTIFY_RETRY_SCHEDULE
            .get(attempt - 1)
            .filter(|_| !acknowledged)
            .map(|delay| Duration::from_secs_f64(delay.as_secs_f64() * shared.config.time_factor));
        let at_ms = crate::time::now_ms();
        match shared.ledger() {
            Ok(mut ledger) => {
                if retry_in.is_none() {
                    if let Some(pending) = ending.as_deref_mut() {
                        pending.end(&mut ledger);
                    }
                }
                ledger.record(Delivery {
                    country: order.country,
                    kind: order.kind,
                    trade_no: order.trade_no.clone(),
                    attempt: attempt as u32,
                    at_ms,
                    url: url.to_string(),
                    body: body.to_string(),
                    outcome,
                    acknowledged,
                    next_retry_ms: retry_in.map(|d| at_ms.saturating_add(d.as_millis() as u64)),
                });
            }
            Err(_) => return,
        }
        match retry_in {
            Some(delay) => tokio::time::sleep(delay).await,
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_is_recognised_in_any_spelling() {
        let own: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        for url in [
            "http://127.0.0.1:8080/_admin/settle-balances",
            "http://localhost:8080/x",
            "http://LOCALHOST.:8080/x",
            "http://app.localhost:8080/x",
            "http://127.1:8080/x",
            "http://0x7f000001:8080/x",
            "http://2130706433:8080/x",
            "http://[::1]:8080/x",
            "http://[::ffff:127.0.0.1]:8080/x",
            "http://0.0.0.0:8080/x",
            "http://127.0.0.2:8080/x",
        ] {
            assert!(targets_sandbox(url, own), "{url}");
        }
        for url in [
            "http://127.0.0.1:8081/x",
            "http://localhost/x",
            "https://example.com:8080/x",
            "not a url",
        ] {
            assert!(!targets_sandbox(url, own), "{url}");
        }
        let everywhere: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        assert!(targets_sandbox("http://10.1.2.3:8080/x", everywhere));
    }
}

//! The dashboard at `/`: orders, balances and callback deliveries, with buttons that POST to
//! the admin endpoints (settle an order paid or failed, re-send its callback, settle the
//! balances). Server-rendered HTML and a few lines of JavaScript; every value put into the
//! page is escaped (merchants choose `tradeNo`, receivers choose their answers).

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use paypro_core::Status;

use crate::admin::kind_name;
use crate::html::{escape, path_segment};
use crate::state::{Balance, Delivery, Kind, Order};
use crate::{Shared, base_path, time};

/// The most orders and delivery attempts the page lists (the newest).
const SHOWN: usize = 200;

const SCRIPT: &str = r#"
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.classList.contains('act')) return;
  event.preventDefault();
  const result = document.getElementById('result');
  result.textContent = 'Sending…';
  try {
    // The header says a program, not a form on another site, sends it (the admin API
    // refuses a POST with neither it, JSON nor the sandbox's own Origin).
    const answer = await fetch(form.action, {
      method: 'POST',
      headers: { 'x-paypro-sandbox-admin': '1' },
    });
    const type = answer.headers.get('content-type') || '';
    if (!type.startsWith('application/json')) {
      result.textContent = 'Refused (HTTP ' + answer.status + '): ' + (await answer.text());
      return;
    }
    const body = await answer.json();
    if (body.success) {
      result.textContent = 'Done.';
      setTimeout(() => location.reload(), 300);
    } else {
      result.textContent = 'Refused (' + body.code + '): ' + body.msg;
    }
  } catch (error) {
    result.textContent = 'Failed: ' + error;
  }
});
"#;

const STYLE: &str = "
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
form.act { display: inline; }
.ok { color: #176b1d; } .bad { color: #a11; } .wait { color: #8a5a00; }
#result { min-height: 1.2em; font-weight: bold; }
code { font-size: 0.85rem; }
";

/// `GET /`.
pub(crate) async fn page(State(shared): State<Arc<Shared>>) -> Response {
    let now = time::now_ms();
    let (orders, order_count, balances, deliveries, delivery_count) = match shared.ledger() {
        Ok(ledger) => {
            let mut orders: Vec<&Order> = ledger.orders.values().collect();
            orders.sort_by(|a, b| b.id.cmp(&a.id));
            let order_count = orders.len();
            let orders: Vec<Order> = orders.into_iter().take(SHOWN).cloned().collect();
            let mut balances = Vec::new();
            for merchant in &shared.config.merchants {
                for country in shared.countries {
                    let key = (country.code.to_string(), merchant.merchant_no.clone());
                    let balance = ledger.balances.get(&key).copied().unwrap_or(Balance {
                        available: merchant.initial_balance,
                        ..Balance::default()
                    });
                    balances.push((country.code, merchant.merchant_no.clone(), balance));
                }
            }
            let delivery_count = ledger.deliveries.len();
            let deliveries: Vec<Delivery> = ledger
                .deliveries
                .iter()
                .rev()
                .take(SHOWN)
                .cloned()
                .collect();
            (orders, order_count, balances, deliveries, delivery_count)
        }
        Err(r) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(format!("<!doctype html><p>{}</p>", escape(&r.msg))),
            )
                .into_response();
        }
    };

    let mut html = String::with_capacity(16 * 1024);
    html.push_str(r#"<!doctype html><html lang="en"><head><meta charset="utf-8">"#);
    html.push_str(
        r#"<title>Paypro sandbox</title><link rel="stylesheet" href="/_dashboard/style.css"></head><body>"#,
    );
    html.push_str("<h1>Paypro sandbox</h1><p>Base URLs:");
    for country in shared.countries {
        let _ = write!(
            html,
            " {} <code>{}</code>",
            escape(country.code),
            escape(&format!("{}{}", shared.origin, base_path(country)))
        );
    }
    html.push_str(r#". <a href="/">Refresh</a></p><p id="result" role="status"></p>"#);

    // Orders.
    let _ = write!(
        html,
        "<h2>Orders</h2><p>{}</p>",
        shown(orders.len(), order_count, "order")
    );
    html.push_str(
        "<table id=\"orders\"><thead><tr><th>Created (UTC)</th><th>Country</th><th>Kind</th>\
         <th>tradeNo</th><th>Paypro number</th><th>Amount</th><th>Paid</th><th>Status</th>\
         <th>Actions</th></tr></thead><tbody>",
    );
    for o in &orders {
        let path = format!(
            "{}/{}/{}",
            path_segment(o.country),
            kind_name(o.kind),
            path_segment(&o.trade_no)
        );
        let actions = if !o.status.is_final() {
            format!(
                "{}{}",
                button(
                    &format!("/_admin/settle/{path}?status=0000"),
                    match o.kind {
                        Kind::PayIn => "Pay",
                        Kind::Payout => "Pay out",
                    },
                    "pay"
                ),
                button(
                    &format!("/_admin/settle/{path}?status=00029"),
                    "Fail",
                    "fail"
                ),
            )
        } else if o.notify_url.is_some() {
            button(
                &format!("/_admin/resend/{path}"),
                "Re-send callback",
                "resend",
            )
        } else {
            String::new()
        };
        let _ = write!(
            html,
            r#"<tr data-trade-no="{trade_no}" data-status="{code}"><td>{created}</td><td>{country}</td><td>{kind}</td><td class="trade-no"><code>{trade_no}</code></td><td><code>{id}</code></td><td class="num">{amount}</td><td class="num">{paid}</td><td class="status {class}">{status}</td><td>{actions}</td></tr>"#,
            trade_no = escape(&o.trade_no),
            code = escape(o.status.code()),
            created = time::local(o.created_ms),
            country = escape(o.country),
            kind = kind_name(o.kind),
            id = escape(&o.id),
            amount = o.amount,
            paid = o.paid.map(|p| p.to_string()).unwrap_or_default(),
            class = status_class(&o.status),
            status = escape(&status_label(&o.status)),
        );
    }
    html.push_str("</tbody></table>");

    // Balances.
    html.push_str(
        "<h2>Balances</h2><table id=\"balances\"><thead><tr><th>Country</th><th>Merchant</th>\
         <th>Available</th><th>Frozen</th><th>Unsettled</th></tr></thead><tbody>",
    );
    for (country, merchant, b) in &balances {
        let _ = write!(
            html,
            r#"<tr data-country="{country}"><td>{country}</td><td><code>{merchant}</code></td><td class="num available">{}</td><td class="num frozen">{}</td><td class="num unsettled">{}</td></tr>"#,
            b.available,
            b.frozen,
            b.unsettled,
            country = escape(country),
            merchant = escape(merchant),
        );
    }
    let _ = write!(
        html,
        "</tbody></table><p>Paid pay-ins are unsettled until the next day (T+1): {}</p>",
        button(
            "/_admin/settle-balances",
            "Settle balances now",
            "settle-balances"
        )
    );

    // Callback deliveries.
    let _ = write!(
        html,
        "<h2>Callback deliveries</h2><p>{}</p>",
        shown(deliveries.len(), delivery_count, "attempt")
    );
    html.push_str(
        "<table id=\"deliveries\"><thead><tr><th>Sent (UTC)</th><th>Country</th><th>Kind</th>\
         <th>tradeNo</th><th>Attempt</th><th>URL</th><th>Receiver's answer</th>\
         <th>Next retry (UTC)</th></tr></thead><tbody>",
    );
    for d in &deliveries {
        let next = match d.next_retry_ms {
            _ if d.acknowledged => "none: acknowledged".to_string(),
            Some(ms) if ms > now => format!("{} (in {})", time::local(ms), duration(ms - now)),
            Some(ms) => format!("{} (due)", time::local(ms)),
            None => "none: no more retries".to_string(),
        };
        let _ = write!(
            html,
            r#"<tr data-trade-no="{trade_no}" data-acknowledged="{ack}"><td>{at}</td><td>{country}</td><td>{kind}</td><td><code>{trade_no}</code></td><td class="num attempt">{attempt}</td><td><code>{url}</code></td><td class="answer {class}">{answer}</td><td class="next-retry">{next}</td></tr>"#,
            trade_no = escape(&d.trade_no),
            ack = d.acknowledged,
            at = time::local(d.at_ms),
            country = escape(d.country),
            kind = kind_name(d.kind),
            attempt = d.attempt,
            url = escape(&d.url),
            class = if d.acknowledged { "ok" } else { "bad" },
            answer = escape(&d.outcome),
            next = escape(&next),
        );
    }
    html.push_str(r#"</tbody></table><script src="/_dashboard/script.js"></script></body></html>"#);
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            // The page's own script and style files, nothing inline: even a value that escaped
            // escaping could not run.
            (header::CONTENT_SECURITY_POLICY, POLICY),
        ],
        Html(html),
    )
        .into_response()
}

const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// `GET /_dashboard/script.js`.
pub(crate) async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// `GET /_dashboard/style.css`.
pub(crate) async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

/// A form that POSTs to `action` (the script sends it with `fetch` and reloads).
fn button(action: &str, label: &str, name: &str) -> String {
    format!(
        r#"<form class="act" method="post" action="{}"><button type="submit" name="{}">{}</button></form>"#,
        escape(action),
        escape(name),
        escape(label)
    )
}

fn shown(shown: usize, total: usize, what: &str) -> String {
    match total {
        0 => format!("No {what}s yet."),
        _ if shown == total => format!("{total} {what}(s), newest first."),
        _ => format!("The newest {shown} of {total} {what}s."),
    }
}

fn status_label(status: &Status) -> String {
    match status {
        Status::Success => "0000 success".into(),
        Status::PartialPayment => "0001 partial payment".into(),
        Status::Processing => "0015 processing".into(),
        failed => match failed.failure_message() {
            Some(m) => format!("{} failed: {m}", failed.code()),
            None => format!("{} failed", failed.code()),
        },
    }
}

fn status_class(status: &Status) -> &'static str {
    match status {
        Status::Success => "ok",
        Status::Processing | Status::PartialPayment => "wait",
        _ => "bad",
    }
}

fn duration(ms: u64) -> String {
    let s = ms / 1000;
    match s {
        0 => format!("{ms} ms"),
        1..120 => format!("{s} s"),
        120..7200 => format!("{} min", s / 60),
        _ => format!("{} h {} min", s / 3600, (s % 3600) / 60),
    }
}

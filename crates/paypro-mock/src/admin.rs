//! The admin endpoints (`/_admin/...`): orders, deliveries, forced outcomes, T+1 settlement and
//! faults. Every answer is JSON; every refusal is the documented envelope, with HTTP 404 (no
//! such order), 409 (already final, a balance would overflow), 400 (a bad request) or 500 (the
//! sandbox's state is broken).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;

use crate::checks::{Refusal, codes};
use crate::faults::Fault;
use crate::limits::{self, envelope, json};
use crate::state::{Kind, Order};
use crate::{Shared, respond, server, time};

fn status_of(r: &Refusal) -> StatusCode {
    match r.code {
        codes::BROKEN => StatusCode::INTERNAL_SERVER_ERROR,
        codes::NOT_FOUND => StatusCode::NOT_FOUND,
        codes::FINAL | codes::NOT_FINAL | codes::OVERFLOW => StatusCode::CONFLICT,
        _ => StatusCode::BAD_REQUEST,
    }
}

fn answer(result: Result<serde_json::Value, Refusal>) -> Response {
    match result {
        Ok(value) => json(StatusCode::OK, value.to_string()),
        Err(r) => envelope(status_of(&r), &r),
    }
}

fn accepted(result: Result<String, Refusal>) -> Response {
    match result {
        Ok(data) => json(StatusCode::OK, respond::accepted(&data, time::now_ms())),
        Err(r) => envelope(status_of(&r), &r),
    }
}

/// `GET /_admin/orders`: the orders kept, oldest first, each with `createRequests`: how many
/// create requests for its `tradeNo` reached the sandbox (more than 1: a client sent it twice).
pub(crate) async fn orders(State(shared): State<Arc<Shared>>) -> Response {
    answer(shared.ledger().map(|l| {
        let mut all: Vec<&Order> = l.orders.values().collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all.iter()
            .map(|o| {
                serde_json::json!({
                    "country": o.country, "merchantNo": o.merchant_no,
                    "kind": kind_name(o.kind),
                    "tradeNo": o.trade_no, "platFormTradeNo": o.id, "amount": o.amount,
                    "paid": o.paid, "status": o.status.code(),
                    "createRequests": l.create_count(&crate::state::key(
                        o.country, &o.merchant_no, o.kind, &o.trade_no,
                    )),
                })
            })
            .collect()
    }))
}

/// `GET /_admin/deliveries`: the callback attempts kept, oldest first.
pub(crate) async fn deliveries(State(shared): State<Arc<Shared>>) -> Response {
    answer(shared.ledger().map(|l| {
        l.deliveries
            .iter()
            .map(|d| {
                serde_json::json!({
                    "country": d.country, "kind": kind_name(d.kind), "tradeNo": d.trade_no,
                    "attempt": d.attempt, "atMs": d.at_ms, "url": d.url, "body": d.body,
                    "outcome": d.outcome, "acknowledged": d.acknowledged,
                    "nextRetryMs": d.next_retry_ms,
                })
            })
            .collect()
    }))
}

/// `POST /_admin/settle/{country}/{pay-in|payout}/{tradeNo}?status=CODE`.
pub(crate) async fn settle(
    State(shared): State<Arc<Shared>>,
    Path((country, kind, trade_no)): Path<(String, String, String)>,
    uri: Uri,
) -> Response {
    let status = uri
        .query()
        .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("status=")))
        .unwrap_or("0000")
        .to_string();
    accepted((|| {
        let id = order_id(&shared, &country, &kind, &trade_no)?;
        server::settle(&shared, &id, Some(&status)).map(|()| "true".to_string())
    })())
}

/// `POST /_admin/resend/{country}/{pay-in|payout}/{tradeNo}`: delivers a final order's
/// callback again (with Paypro's retries), as a merchant portal's "re-send notification" does.
pub(crate) async fn resend(
    State(shared): State<Arc<Shared>>,
    Path((country, kind, trade_no)): Path<(String, String, String)>,
) -> Response {
    accepted((|| {
        let id = order_id(&shared, &country, &kind, &trade_no)?;
        server::resend(&shared, &id).map(|()| "true".to_string())
    })())
}

pub(crate) fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::PayIn => "pay-in",
        Kind::Payout => "payout",
    }
}

/// The Paypro number of the order named in an admin path.
fn order_id(shared: &Shared, country: &str, kind: &str, trade_no: &str) -> Result<String, Refusal> {
    let kind = match kind {
        "pay-in" => Kind::PayIn,
        "payout" => Kind::Payout,
        other => {
            return Err(Refusal::new(
                codes::FIELD,
                format!("kind must be pay-in or payout, not `{other}`"),
            ));
        }
    };
    shared
        .ledger()?
        .orders
        .values()
        .find(|o| o.country == country && o.kind == kind && o.trade_no == trade_no)
        .map(|o| o.id.clone())
        .ok_or_else(|| Refusal::new(codes::NOT_FOUND, format!("order not exist: {trade_no}")))
}

/// `POST /_admin/settle-balances`: every unsettled balance becomes available (all or none).
pub(crate) async fn settle_balances(State(shared): State<Arc<Shared>>) -> Response {
    accepted((|| {
        let mut ledger = shared.ledger()?;
        let mut next = Vec::with_capacity(ledger.balances.len());
        for (k, b) in &ledger.balances {
            let settled = b
                .settle_day()
                .map_err(|e| Refusal::new(codes::OVERFLOW, e.0))?;
            next.push((k.clone(), settled));
        }
        ledger.balances.extend(next);
        Ok("true".to_string())
    })())
}

/// `GET /_admin/faults`: the armed faults and how many redirects were followed.
pub(crate) async fn faults(State(shared): State<Arc<Shared>>) -> Response {
    answer(shared.faults().map(|f| f.to_json()))
}

/// `DELETE /_admin/faults`: disarms every fault.
pub(crate) async fn clear_faults(State(shared): State<Arc<Shared>>) -> Response {
    answer(shared.faults().map(|mut f| {
        f.clear();
        f.to_json()
    }))
}

/// The most calls one `POST /_admin/faults` arms a fault for.
const MAX_FAULT_COUNT: u64 = 1_000_000;
/// The longest delay it accepts.
const MAX_DELAY_MS: u64 = 3_600_000;

/// `POST /_admin/faults` with `{"fault": NAME, "count": N, "delayMs": MS}`.
pub(crate) async fn arm_fault(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let content_type = parts
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !crate::checks::is_json(content_type) {
        let r = Refusal::new(
            codes::CONTENT_TYPE,
            format!("content-type must be application/json, got `{content_type}`"),
        );
        return envelope(StatusCode::UNSUPPORTED_MEDIA_TYPE, &r);
    }
    let body = match limits::read_body(body, shared.config.max_body_bytes).await {
        Ok(body) => body,
        Err(r) => return envelope(StatusCode::PAYLOAD_TOO_LARGE, &r),
    };
    answer(parse_fault(&body).and_then(|(fault, count, delay)| {
        let mut armed = shared.faults()?;
        armed.arm(fault, count, delay);
        Ok(armed.to_json())
    }))
}

fn parse_fault(body: &[u8]) -> Result<(Fault, u32, Option<Duration>), Refusal> {
    let field = |msg: String| Refusal::new(codes::FIELD, msg);
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Refusal::new(codes::MALFORMED, format!("invalid JSON: {e}")))?;
    let object = value
        .as_object()
        .ok_or_else(|| Refusal::new(codes::MALFORMED, "the body must be a JSON object"))?;
    if let Some(unknown) = object
        .keys()
        .find(|k| !["fault", "count", "delayMs"].contains(&k.as_str()))
    {
        return Err(field(format!(
            "unknown field `{unknown}` (known: fault, count, delayMs)"
        )));
    }
    let names: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
    let fault = object
        .get("fault")
        .and_then(|f| f.as_str())
        .and_then(Fault::by_name)
        .ok_or_else(|| field(format!("`fault` must be one of {}", names.join(", "))))?;
    let count = match object.get("count") {
        None => 1,
        Some(n) => n
            .as_u64()
            .filter(|n| (1..=MAX_FAULT_COUNT).contains(n))
            .ok_or_else(|| {
                field(format!(
                    "`count` must be a whole number from 1 to {MAX_FAULT_COUNT}"
                ))
            })? as u32,
    };
    let delay = match object.get("delayMs") {
        None => None,
        Some(_) if fault != Fault::Delay => {
            return Err(field("`delayMs` is only for the `delay` fault".into()));
        }
        Some(ms) => Some(Duration::from_millis(
            ms.as_u64()
                .filter(|ms| *ms <= MAX_DELAY_MS)
                .ok_or_else(|| {
                    field(format!(
                        "`delayMs` must be a whole number from 0 to {MAX_DELAY_MS}"
                    ))
                })?,
        )),
    };
    Ok((fault, count, delay))
}

/// Where the `redirect` fault points: counts the clients that follow it, and refuses.
pub(crate) async fn redirected(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    match shared.faults() {
        Ok(mut f) => f.redirects_followed += 1,
        Err(r) => return envelope(status_of(&r), &r),
    }
    let r = Refusal::new(
        codes::UNKNOWN_PATH,
        format!(
            "{}: the target of the sandbox's redirect fault; a client that follows a redirect re-sends its signed request",
            uri.path()
        ),
    );
    envelope(StatusCode::NOT_FOUND, &r)
}

//! The HTTP side: the gateway's endpoints (found from the descriptors), the hosted cashier page
//! and the admin endpoints.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use paypro_core::descriptor::{CountryDescriptor, DataShape, EndpointDescriptor, Role};
use paypro_core::{RawObject, Status};

use crate::checks::{self, Refusal, codes, text_of};
use crate::respond::{self, Facts};
use crate::state::{Kind, Order, key};
use crate::{Shared, base_path, deliver, time};

/// The amounts that choose an outcome (documented in the README).
pub const FAIL_AMOUNT: u64 = 4029;
/// Pays half.
pub const PARTIAL_AMOUNT: u64 = 4001;
/// Never settles by itself.
pub const PROCESSING_AMOUNT: u64 = 4015;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/_pay/{id}", get(page))
        .route("/_pay/{id}/pay", post(pay))
        .route("/_pay/{id}/fail", post(fail))
        .route("/_admin/orders", get(admin_orders))
        .route("/_admin/deliveries", get(admin_deliveries))
        .route(
            "/_admin/settle/{country}/{kind}/{trade_no}",
            post(admin_settle),
        )
        .route("/_admin/settle-balances", post(admin_settle_balances))
        .fallback(gateway)
        .with_state(shared)
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn refusal(status: StatusCode, r: &Refusal) -> Response {
    json(status, respond::refused(r.code, &r.msg, time::now_ms()))
}

fn find(
    shared: &Shared,
    path: &str,
) -> Option<(&'static CountryDescriptor, &'static EndpointDescriptor)> {
    shared.countries.iter().copied().find_map(|c| {
        let rest = path.strip_prefix(&base_path(c))?;
        c.endpoints
            .iter()
            .copied()
            .find(|e| e.path == rest)
            .map(|e| (c, e))
    })
}

async fn gateway(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some((country, endpoint)) = find(&shared, uri.path()) else {
        let r = Refusal::new(
            codes::UNKNOWN_PATH,
            format!("no Paypro endpoint at {}", uri.path()),
        );
        return refusal(StatusCode::NOT_FOUND, &r);
    };
    if method != Method::POST {
        let r = Refusal::new(
            codes::METHOD,
            format!("{} takes POST, not {method}", endpoint.path),
        );
        return refusal(StatusCode::METHOD_NOT_ALLOWED, &r);
    }
    let checked = checks::check(
        endpoint,
        &headers,
        &body,
        shared.config.max_body_bytes,
        |m| shared.secret(m),
    );
    let (merchant, object) = match checked {
        Ok(ok) => ok,
        Err(r) => return refusal(StatusCode::OK, &r),
    };
    match handle(&shared, country, endpoint, &merchant, &object) {
        Ok(data) => json(StatusCode::OK, respond::accepted(&data, time::now_ms())),
        Err(r) => refusal(StatusCode::OK, &r),
    }
}

fn text(object: &RawObject, field: &str) -> Option<String> {
    object.get(field).map(|raw| text_of(raw.get()))
}

fn data_of(shared: &Shared, endpoint: &EndpointDescriptor, facts: &Facts) -> String {
    match endpoint.response {
        DataShape::Object(fields) => respond::object(fields, facts, shared.config.odd_field_names),
        _ => "true".into(),
    }
}

fn handle(
    shared: &Arc<Shared>,
    country: &'static CountryDescriptor,
    endpoint: &'static EndpointDescriptor,
    merchant: &str,
    object: &RawObject,
) -> Result<String, Refusal> {
    let not_found = |what: &str| Refusal::new(codes::NOT_FOUND, format!("order not exist: {what}"));
    let ledger = || {
        shared
            .ledger
            .lock()
            .map_err(|_| Refusal::new("9500", "sandbox state unavailable"))
    };
    match endpoint.role {
        Role::PayIn | Role::Cashier | Role::Payout => {
            create(shared, country, endpoint, merchant, object)
        }
        Role::PayInSubmit => {
            let id = text(object, "platFormTradeNo").unwrap_or_default();
            let l = ledger()?;
            let k = l.by_id.get(&id).ok_or_else(|| not_found(&id))?;
            if k.1 != merchant {
                return Err(not_found(&id));
            }
            Ok(data_of(shared, endpoint, &Facts::default()))
        }
        Role::QueryPayIn | Role::QueryPayout => {
            let kind = if endpoint.role == Role::QueryPayIn {
                Kind::PayIn
            } else {
                Kind::Payout
            };
            let trade_no = text(object, "tradeNo").unwrap_or_default();
            let l = ledger()?;
            let order = l
                .order(country.code, merchant, kind, &trade_no)
                .ok_or_else(|| not_found(&trade_no))?;
            let facts = Facts {
                order: Some(order),
                page_url: Some(page_url(shared, order)),
                ..Facts::default()
            };
            Ok(data_of(shared, endpoint, &facts))
        }
        Role::QueryReceipt => {
            let code = text(object, "code").unwrap_or_default();
            let l = ledger()?;
            let order = l
                .orders
                .values()
                .find(|o| {
                    o.country == country.code
                        && o.merchant_no == merchant
                        && o.receipt.as_deref() == Some(code.as_str())
                })
                .ok_or_else(|| not_found(&code))?;
            Ok(data_of(
                shared,
                endpoint,
                &Facts {
                    order: Some(order),
                    ..Facts::default()
                },
            ))
        }
        Role::Balance => {
            let initial = shared.initial_balance(merchant);
            let mut l = ledger()?;
            let balance = *l.balance_mut(country.code, merchant, initial);
            Ok(data_of(
                shared,
                endpoint,
                &Facts {
                    balance: Some(balance),
                    ..Facts::default()
                },
            ))
        }
        Role::AccountVerify => {
            let facts = Facts {
                bank_account_no: text(object, "bankAccountNo"),
                ..Facts::default()
            };
            Ok(data_of(shared, endpoint, &facts))
        }
        Role::Voucher => {
            let trade_no = text(object, "tradeNo").unwrap_or_default();
            let l = ledger()?;
            let order = l
                .orders
                .values()
                .find(|o| {
                    o.country == country.code
                        && o.merchant_no == merchant
                        && (o.trade_no == trade_no || o.id == trade_no)
                })
                .filter(|o| o.status.is_paid())
                .ok_or_else(|| {
                    not_found(&format!("{trade_no} (a voucher needs a successful order)"))
                })?;
            let facts = Facts {
                order: Some(order),
                voucher_url: Some(format!("{}/_voucher/{}.pdf", shared.origin, order.id)),
                ..Facts::default()
            };
            Ok(data_of(shared, endpoint, &facts))
        }
        _ => Err(Refusal::new(
            "9501",
            format!("the sandbox does not implement `{}`", endpoint.name),
        )),
    }
}

fn page_url(shared: &Shared, order: &Order) -> String {
    format!("{}/_pay/{}", shared.origin, order.id)
}

fn create(
    shared: &Arc<Shared>,
    country: &'static CountryDescriptor,
    endpoint: &'static EndpointDescriptor,
    merchant: &str,
    object: &RawObject,
) -> Result<String, Refusal> {
    let kind = if endpoint.role == Role::Payout {
        Kind::Payout
    } else {
        Kind::PayIn
    };
    let trade_no = text(object, "tradeNo").unwrap_or_default();
    let amount: u64 = text(object, "amount")
        .and_then(|a| a.trim().parse().ok())
        .unwrap_or(0);
    let initial = shared.initial_balance(merchant);
    let mut ledger = shared
        .ledger
        .lock()
        .map_err(|_| Refusal::new("9500", "sandbox state unavailable"))?;
    if ledger
        .orders
        .contains_key(&key(country.code, merchant, kind, &trade_no))
    {
        return Err(Refusal::new(
            codes::DUPLICATE,
            format!("duplicate tradeNo `{trade_no}`"),
        ));
    }
    if kind == Kind::Payout {
        let balance = ledger.balance_mut(country.code, merchant, initial);
        if balance.available < amount {
            return Err(Refusal::new(
                codes::BALANCE,
                format!(
                    "insufficient balance: {amount} asked, {} available",
                    balance.available
                ),
            ));
        }
        balance.available -= amount;
        balance.frozen += amount;
    }
    ledger.next_id += 1;
    let order = Order {
        id: format!("mock{:012}", ledger.next_id),
        country: country.code,
        merchant_no: merchant.to_string(),
        kind,
        trade_no,
        amount,
        paid: None,
        status: Status::Processing,
        notify_url: text(object, "notifyUrl").filter(|u| !u.is_empty()),
        return_url: text(object, "returnUrl").filter(|u| !u.is_empty()),
        remark: text(object, "remark"),
        channel_code: text(object, "channelCode"),
        way_code: text(object, "wayCode"),
        hosted: endpoint.role == Role::Cashier,
        receipt: None,
        created_ms: time::now_ms(),
        final_ms: None,
    };
    ledger.insert(order.clone());
    drop(ledger);
    if !order.hosted && amount != PROCESSING_AMOUNT {
        let (shared, id, after) = (shared.clone(), order.id.clone(), shared.config.settle_after);
        tokio::spawn(async move {
            tokio::time::sleep(after).await;
            let _ = settle(&shared, &id, None);
        });
    }
    let facts = Facts {
        order: Some(&order),
        page_url: Some(page_url(shared, &order)),
        ..Facts::default()
    };
    Ok(data_of(shared, endpoint, &facts))
}

/// Makes a processing order final (`forced` status code, or by amount) and sends its callback.
pub(crate) fn settle(shared: &Arc<Shared>, id: &str, forced: Option<&str>) -> Result<(), Refusal> {
    let mut ledger = shared
        .ledger
        .lock()
        .map_err(|_| Refusal::new("9500", "sandbox state unavailable"))?;
    let next = ledger.next_id + 1;
    ledger.next_id = next;
    let order = ledger
        .order_mut_by_id(id)
        .ok_or_else(|| Refusal::new(codes::NOT_FOUND, format!("order not exist: {id}")))?;
    if order.status.is_final() {
        return Err(Refusal::new(
            "9412",
            format!(
                "order {} is already final ({})",
                order.trade_no,
                order.status.code()
            ),
        ));
    }
    let code = forced.map(str::to_string).unwrap_or_else(|| {
        match order.amount {
            FAIL_AMOUNT => "00029",
            PARTIAL_AMOUNT if order.kind == Kind::PayIn => "0001",
            _ => "0000",
        }
        .to_string()
    });
    let mut status = Status::from_code(&code);
    if order.kind == Kind::Payout && status == Status::PartialPayment {
        status = Status::Success;
    }
    if status == Status::Processing {
        return Ok(());
    }
    let failure = if code == "00029" {
        "REJECTED_TRANSACTION"
    } else {
        "FAILED"
    };
    let paid = match status {
        Status::Success => order.amount,
        Status::PartialPayment => order.amount / 2,
        _ => 0,
    };
    order.status = status.with_message(Some(failure.to_string()));
    order.paid = Some(paid);
    order.final_ms = Some(time::now_ms());
    if paid > 0 {
        order.receipt = Some(format!("MP{next:08}"));
    }
    let order = order.clone();
    let initial = shared.initial_balance(&order.merchant_no);
    let balance = ledger.balance_mut(order.country, &order.merchant_no, initial);
    match order.kind {
        Kind::PayIn => balance.unsettled += paid,
        Kind::Payout => {
            balance.frozen -= order.amount;
            if paid == 0 {
                balance.available += order.amount;
            }
        }
    }
    drop(ledger);
    deliver::spawn(shared.clone(), order);
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let order = shared
        .ledger
        .lock()
        .ok()
        .and_then(|mut l| l.order_mut_by_id(&id).cloned());
    let Some(order) = order else {
        return (
            StatusCode::NOT_FOUND,
            Html("<h1>No such payment</h1>".to_string()),
        )
            .into_response();
    };
    let actions = if order.status.is_final() {
        format!(
            "<p>This payment is final: <strong>{}</strong>.</p>",
            escape(&order.status.to_string())
        )
    } else {
        format!(
            r#"<form method="post" action="/_pay/{id}/pay"><button type="submit">Pay</button></form>
<form method="post" action="/_pay/{id}/fail"><button type="submit">Fail</button></form>"#,
            id = escape(&order.id)
        )
    };
    Html(format!(
        r#"<!doctype html>
<html><head><meta charset="utf-8"><title>Paypro sandbox payment</title></head>
<body>
<h1>Paypro sandbox</h1>
<p>Order <code>{trade_no}</code> ({country}), amount <strong>{amount}</strong>.</p>
{actions}
</body></html>"#,
        trade_no = escape(&order.trade_no),
        country = escape(order.country),
        amount = order.amount,
    ))
    .into_response()
}

async fn decide(shared: Arc<Shared>, id: String, status: &str) -> Response {
    let return_url = shared
        .ledger
        .lock()
        .ok()
        .and_then(|mut l| l.order_mut_by_id(&id).and_then(|o| o.return_url.clone()));
    match settle(&shared, &id, Some(status)) {
        Ok(()) => match return_url {
            Some(url) => Redirect::to(&url).into_response(),
            None => Html(format!(
                "<!doctype html><p>Payment {}. You may close this page.</p>",
                if status == "0000" { "made" } else { "failed" }
            ))
            .into_response(),
        },
        Err(r) => (
            StatusCode::CONFLICT,
            Html(format!("<p>{}</p>", escape(&r.msg))),
        )
            .into_response(),
    }
}

async fn pay(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    decide(shared, id, "0000").await
}

async fn fail(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    decide(shared, id, "00029").await
}

async fn admin_orders(State(shared): State<Arc<Shared>>) -> Response {
    let orders: Vec<serde_json::Value> = shared
        .ledger
        .lock()
        .map(|l| {
            let mut all: Vec<&Order> = l.orders.values().collect();
            all.sort_by(|a, b| a.id.cmp(&b.id));
            all.iter()
                .map(|o| {
                    serde_json::json!({
                        "country": o.country, "merchantNo": o.merchant_no,
                        "kind": if o.kind == Kind::PayIn { "pay-in" } else { "payout" },
                        "tradeNo": o.trade_no, "platFormTradeNo": o.id, "amount": o.amount,
                        "paid": o.paid, "status": o.status.code(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    json(StatusCode::OK, serde_json::Value::from(orders).to_string())
}

async fn admin_deliveries(State(shared): State<Arc<Shared>>) -> Response {
    let list: Vec<serde_json::Value> = shared
        .ledger
        .lock()
        .map(|l| {
            l.deliveries
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "country": d.country, "tradeNo": d.trade_no, "attempt": d.attempt,
                        "url": d.url, "body": d.body, "outcome": d.outcome, "acknowledged": d.acknowledged,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    json(StatusCode::OK, serde_json::Value::from(list).to_string())
}

async fn admin_settle(
    State(shared): State<Arc<Shared>>,
    Path((country, kind, trade_no)): Path<(String, String, String)>,
    uri: Uri,
) -> Response {
    let status = uri
        .query()
        .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("status=")))
        .unwrap_or("0000")
        .to_string();
    let kind = match kind.as_str() {
        "pay-in" => Kind::PayIn,
        "payout" => Kind::Payout,
        other => {
            let r = Refusal::new(
                codes::UNKNOWN_PATH,
                format!("kind must be pay-in or payout, not `{other}`"),
            );
            return refusal(StatusCode::BAD_REQUEST, &r);
        }
    };
    let id = shared.ledger.lock().ok().and_then(|l| {
        l.orders
            .values()
            .find(|o| o.country == country && o.kind == kind && o.trade_no == trade_no)
            .map(|o| o.id.clone())
    });
    let Some(id) = id else {
        return refusal(
            StatusCode::NOT_FOUND,
            &Refusal::new(codes::NOT_FOUND, format!("order not exist: {trade_no}")),
        );
    };
    match settle(&shared, &id, Some(&status)) {
        Ok(()) => json(StatusCode::OK, respond::accepted("true", time::now_ms())),
        Err(r) => refusal(StatusCode::CONFLICT, &r),
    }
}

async fn admin_settle_balances(State(shared): State<Arc<Shared>>) -> Response {
    if let Ok(mut l) = shared.ledger.lock() {
        for b in l.balances.values_mut() {
            b.available += b.unsettled;
            b.unsettled = 0;
        }
    }
    json(StatusCode::OK, respond::accepted("true", time::now_ms()))
}

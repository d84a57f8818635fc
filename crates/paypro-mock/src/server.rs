//! The HTTP side: the gateway's endpoints (found from the descriptors); the hosted page and
//! the admin endpoints are in `page` and `admin`.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use paypro_core::descriptor::{CountryDescriptor, DataShape, EndpointDescriptor, Role};
use paypro_core::{Amount, RawObject, Status};

use crate::checks::{self, Refusal, codes, text_of};
use crate::faults::{self, Fault, Plan};
use crate::limits::{self, DropConnection, envelope, json};
use crate::respond::{self, Facts};
use crate::state::{Kind, Order, key};
use crate::{Shared, admin, dashboard, deliver, guard, page, time};

/// The amounts that choose an outcome (documented in the README).
pub const FAIL_AMOUNT: u64 = 4029;
/// Pays half.
pub const PARTIAL_AMOUNT: u64 = 4001;
/// Never settles by itself.
pub const PROCESSING_AMOUNT: u64 = 4015;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/_dashboard/script.js", get(dashboard::script))
        .route("/_dashboard/style.css", get(dashboard::style))
        .route("/_pay/{id}", get(page::page))
        .route("/_pay/{id}/pay", post(page::pay))
        .route("/_pay/{id}/fail", post(page::fail))
        .route("/_admin/orders", get(admin::orders))
        .route("/_admin/deliveries", get(admin::deliveries))
        .route(
            "/_admin/settle/{country}/{kind}/{trade_no}",
            post(admin::settle),
        )
        .route(
            "/_admin/resend/{country}/{kind}/{trade_no}",
            post(admin::resend),
        )
        .route("/_admin/settle-balances", post(admin::settle_balances))
        .route(
            "/_admin/faults",
            get(admin::faults)
                .post(admin::arm_fault)
                .delete(admin::clear_faults),
        )
        .route(
            &format!("{}/{{*rest}}", faults::REDIRECT_PREFIX),
            axum::routing::any(admin::redirected),
        )
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(gateway)
        // Bodies are read with the sandbox's own limit, refused in the envelope.
        .layer(DefaultBodyLimit::disable())
        // Only loopback hosts; no change from another origin (`guard`).
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            guard::check,
        ))
        .with_state(shared)
}

/// The HTTP status of a refusal from a gateway endpoint: `500` for a broken state, `503` when
/// it keeps as many orders as it may, otherwise `200` as the docs show refusals.
fn gateway_status(r: &Refusal) -> StatusCode {
    match r.code {
        codes::BROKEN => StatusCode::INTERNAL_SERVER_ERROR,
        codes::FULL => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::OK,
    }
}

async fn method_not_allowed(method: Method, uri: axum::http::Uri) -> Response {
    let r = Refusal::new(
        codes::METHOD,
        format!("{} does not take {method}", uri.path()),
    );
    envelope(StatusCode::METHOD_NOT_ALLOWED, &r)
}

async fn gateway(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_string();
    let Some((country, endpoint)) = checks::route(shared.countries, &path) else {
        let r = Refusal::new(codes::UNKNOWN_PATH, format!("no Paypro endpoint at {path}"));
        return envelope(StatusCode::NOT_FOUND, &r);
    };
    if parts.method.as_str() != paypro_core::protocol::METHOD {
        let r = Refusal::new(
            codes::METHOD,
            format!(
                "{} takes {}, not {}",
                endpoint.path,
                paypro_core::protocol::METHOD,
                parts.method
            ),
        );
        return envelope(StatusCode::METHOD_NOT_ALLOWED, &r);
    }
    let max = shared.config.max_body_bytes;
    let body = match limits::read_body(body, max).await {
        Ok(body) => body,
        Err(r) => return envelope(StatusCode::OK, &r),
    };
    let checked = checks::check(
        endpoint,
        &parts.headers,
        &body,
        max,
        shared.config.max_amount,
        |m| shared.secret(m),
    );
    let (merchant, object) = match checked {
        Ok(ok) => ok,
        Err(r) => return envelope(StatusCode::OK, &r),
    };
    let answered = match endpoint.role {
        Role::PayIn | Role::Cashier | Role::Payout => {
            create(&shared, country, endpoint, &merchant, &object)
        }
        _ => handle(&shared, country, endpoint, &merchant, &object).map(|d| (d, Plan::default())),
    };
    let (data, plan) = match answered {
        Ok(ok) => ok,
        Err(r) => return envelope(gateway_status(&r), &r),
    };
    let accepted = respond::accepted(&data, time::now_ms());
    match plan.answer {
        Some(Fault::Delay) => tokio::time::sleep(plan.delay).await,
        Some(Fault::Drop) => {
            if let Some(drop) = parts.extensions.get::<DropConnection>() {
                drop.now();
                std::future::pending::<()>().await;
            }
        }
        Some(fault) => {
            if let Some(answer) = faults::answer(fault, &accepted, &shared.origin, &path) {
                return answer;
            }
        }
        None => {}
    }
    json(StatusCode::OK, accepted)
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

fn not_found(what: &str) -> Refusal {
    Refusal::new(codes::NOT_FOUND, format!("order not exist: {what}"))
}

fn handle(
    shared: &Arc<Shared>,
    country: &'static CountryDescriptor,
    endpoint: &'static EndpointDescriptor,
    merchant: &str,
    object: &RawObject,
) -> Result<String, Refusal> {
    match endpoint.role {
        Role::PayInSubmit => {
            let id = text(object, "platFormTradeNo").unwrap_or_default();
            let l = shared.ledger()?;
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
            let l = shared.ledger()?;
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
            let l = shared.ledger()?;
            let order = l
                .orders
                .values()
                .find(|o| {
                    o.country == country.code
                        && o.merchant_no == merchant
                        && o.receipt.as_deref() == Some(code.as_str())
                })
                .ok_or_else(|| not_found(&code))?;
            let facts = Facts {
                order: Some(order),
                ..Facts::default()
            };
            Ok(data_of(shared, endpoint, &facts))
        }
        Role::Balance => {
            let initial = shared.initial_balance(merchant);
            let balance = *shared
                .ledger()?
                .balance_mut(country.code, merchant, initial);
            let facts = Facts {
                balance: Some(balance),
                ..Facts::default()
            };
            Ok(data_of(shared, endpoint, &facts))
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
            let l = shared.ledger()?;
            let order = l
                .orders
                .values()
                .find(|o| {
                    o.country == country.code
                        && o.merchant_no == merchant
                        && (o.trade_no == trade_no || o.id == trade_no)
                })
                .filter(|o| o.status.moved_money())
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
            codes::UNSUPPORTED,
            format!("the sandbox does not implement `{}`", endpoint.name),
        )),
    }
}

pub(crate) fn page_url(shared: &Shared, order: &Order) -> String {
    format!("{}/_pay/{}", shared.origin, order.id)
}

/// Creates an order; returns its answer's `data` and what faults strike it.
fn create(
    shared: &Arc<Shared>,
    country: &'static CountryDescriptor,
    endpoint: &'static EndpointDescriptor,
    merchant: &str,
    object: &RawObject,
) -> Result<(String, Plan), Refusal> {
    let kind = if endpoint.role == Role::Payout {
        Kind::Payout
    } else {
        Kind::PayIn
    };
    let trade_no = text(object, "tradeNo").unwrap_or_default();
    // The checks refused any amount that is not whole, more than 0 and under the cap.
    let amount = text(object, "amount")
        .and_then(|a| Amount::parse(&a).ok())
        .map_or(0, Amount::get);
    let notify_url = text(object, "notifyUrl").filter(|u| !u.is_empty());
    if let Some(url) = &notify_url {
        if deliver::targets_sandbox(url, shared.addr) {
            return Err(Refusal::new(
                codes::FIELD,
                format!(
                    "`notifyUrl` points at the sandbox itself ({url}); callbacks to the sandbox are refused"
                ),
            ));
        }
    }
    let initial = shared.initial_balance(merchant);
    let mut ledger = shared.ledger()?;
    let order_key = key(country.code, merchant, kind, &trade_no);
    ledger.count_create(&order_key);
    if ledger.orders.contains_key(&order_key) {
        return Err(Refusal::new(
            codes::DUPLICATE,
            format!("duplicate tradeNo `{trade_no}`"),
        ));
    }
    // Every refusal comes before anything changes.
    if !ledger.has_room() {
        return Err(Refusal::new(
            codes::FULL,
            format!(
                "the sandbox keeps at most {} orders (--max-orders) and every one is processing \
                 or has a callback under way (being sent or due again), so none can be forgotten: \
                 no order was made. Settle processing orders or let their callbacks be delivered",
                shared.config.max_orders
            ),
        ));
    }
    let frozen = match kind {
        Kind::PayIn => {
            ledger
                .room_for_pay_in(country.code, merchant, initial, amount)
                .map_err(|e| Refusal::new(codes::FIELD, format!("`amount`: {}", e.0)))?;
            None
        }
        Kind::Payout => {
            let balance = ledger.balance_mut(country.code, merchant, initial);
            Some(balance.freeze(amount).ok_or_else(|| {
                Refusal::new(
                    codes::BALANCE,
                    format!(
                        "insufficient balance: {amount} asked, {} available",
                        balance.available
                    ),
                )
            })?)
        }
    };
    // Faults strike orders that are made: a refused request uses none up.
    let plan = Plan::for_order(amount, &mut *shared.faults()?, shared.config.fault_delay);
    if let Some(frozen) = frozen {
        *ledger.balance_mut(country.code, merchant, initial) = frozen;
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
        notify_url,
        return_url: text(object, "returnUrl").filter(|u| !u.is_empty()),
        remark: text(object, "remark"),
        channel_code: text(object, "channelCode"),
        way_code: text(object, "wayCode"),
        hosted: endpoint.role == Role::Cashier,
        receipt: None,
        created_ms: time::now_ms(),
        final_ms: None,
        callback_fault: plan.callbacks,
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
    Ok((data_of(shared, endpoint, &facts), plan))
}

/// Makes a processing order final (`forced` status code, or by amount) and sends its
/// callbacks. Nothing changes when a balance would overflow (`9507`).
pub(crate) fn settle(shared: &Arc<Shared>, id: &str, forced: Option<&str>) -> Result<(), Refusal> {
    let mut ledger = shared.ledger()?;
    let receipt_no = ledger.next_id + 1;
    let order = ledger.order_mut_by_id(id).ok_or_else(|| not_found(id))?;
    if order.status.is_final() {
        return Err(Refusal::new(
            codes::FINAL,
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
    let mut settled = order.clone();
    settled.status = status.with_message(Some(failure.to_string()));
    settled.paid = Some(paid);
    settled.final_ms = Some(time::now_ms());
    if paid > 0 {
        settled.receipt = Some(format!("MP{receipt_no:08}"));
    }
    let initial = shared.initial_balance(&settled.merchant_no);
    let balance = ledger.balance_mut(settled.country, &settled.merchant_no, initial);
    let new_balance = balance
        .settled(settled.kind, settled.amount, paid)
        .map_err(|e| Refusal::new(codes::OVERFLOW, e.0))?;
    *balance = new_balance;
    if settled.kind == Kind::PayIn {
        ledger.pay_in_settled(settled.country, &settled.merchant_no, settled.amount);
    }
    ledger.next_id = receipt_no;
    if let Some(order) = ledger.order_mut_by_id(id) {
        *order = settled.clone();
    }
    // Due in the same change that makes the order final: it is kept until delivered.
    let pending = deliver::Pending::start(shared, &mut ledger, &settled);
    drop(ledger);
    if let Some(pending) = pending {
        deliver::spawn(
            shared.clone(),
            pending,
            faults::callbacks(&settled, settled.callback_fault),
        );
    }
    Ok(())
}

/// Delivers a final order's callback again, with Paypro's retries: its final status only (no
/// fault chosen for the order applies again).
pub(crate) fn resend(shared: &Arc<Shared>, id: &str) -> Result<(), Refusal> {
    let mut ledger = shared.ledger()?;
    let order = ledger
        .order_mut_by_id(id)
        .cloned()
        .ok_or_else(|| not_found(id))?;
    if !order.status.is_final() {
        return Err(Refusal::new(
            codes::NOT_FINAL,
            format!(
                "order {} is still processing: it has no callback to re-send yet",
                order.trade_no
            ),
        ));
    }
    let Some(pending) = deliver::Pending::start(shared, &mut ledger, &order) else {
        return Err(Refusal::new(
            codes::FIELD,
            format!(
                "order {} has no notifyUrl: there is nowhere to send its callback",
                order.trade_no
            ),
        ));
    };
    drop(ledger);
    deliver::spawn(shared.clone(), pending, vec![order]);
    Ok(())
}

//! The hosted cashier page of an order (its `paymentUrl`): Pay and Fail buttons, plain HTML.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::Shared;
use crate::html::escape;
use crate::server::settle;

fn problem(status: StatusCode, text: &str) -> Response {
    (
        status,
        Html(format!("<!doctype html><p>{}</p>", escape(text))),
    )
        .into_response()
}

pub(crate) async fn page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let order = match shared.ledger() {
        Ok(mut l) => l.order_mut_by_id(&id).cloned(),
        Err(r) => return problem(StatusCode::INTERNAL_SERVER_ERROR, &r.msg),
    };
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
            id = escape(&crate::html::path_segment(&order.id))
        )
    };
    let page = Html(format!(
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
    ));
    // No other site may frame the page (and have its buttons clicked unseen).
    (
        [
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_FRAME_OPTIONS, "DENY"),
        ],
        page,
    )
        .into_response()
}

const POLICY: &str = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

async fn decide(shared: Arc<Shared>, id: String, status: &str) -> Response {
    let return_url = match shared.ledger() {
        Ok(mut l) => l.order_mut_by_id(&id).and_then(|o| o.return_url.clone()),
        Err(r) => return problem(StatusCode::INTERNAL_SERVER_ERROR, &r.msg),
    };
    // Where the payer goes, as the `url` crate writes it (ASCII, percent-encoded): the order's
    // returnUrl was checked when it was made (no control characters, spaces or backslashes).
    let location = return_url
        .and_then(|url| url::Url::parse(&url).ok())
        .and_then(|url| HeaderValue::from_str(url.as_str()).ok());
    match settle(&shared, &id, Some(status)) {
        Ok(()) => match location {
            Some(location) => {
                (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
            }
            None => Html(format!(
                "<!doctype html><p>Payment {}. You may close this page.</p>",
                if status == "0000" { "made" } else { "failed" }
            ))
            .into_response(),
        },
        Err(r) if r.code == crate::codes::BROKEN => {
            problem(StatusCode::INTERNAL_SERVER_ERROR, &r.msg)
        }
        Err(r) => problem(StatusCode::CONFLICT, &r.msg),
    }
}

pub(crate) async fn pay(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    decide(shared, id, "0000").await
}

pub(crate) async fn fail(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    decide(shared, id, "00029").await
}

//! Faults on demand: what a real gateway (or the network in front of it) does on a bad day,
//! chosen by amount or armed through `POST /_admin/faults`. Every fault strikes after the order
//! was created, so the truth is always there for reconciliation to find.

use std::time::Duration;

use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::Response;

use crate::respond;
use crate::state::{Kind, Order};

/// A fault the sandbox can inject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// Answer only after [`MockConfig::fault_delay`](field@crate::MockConfig::fault_delay) (past the client's time-out).
    Delay,
    /// Close the connection without answering.
    Drop,
    /// `502` with an HTML page, as a proxy in front of the gateway answers.
    Html502,
    /// `502` with a JSON body shaped like a refusal (`{"code":"502",...}`).
    Json502,
    /// `200` whose JSON body is cut in half.
    TruncatedJson,
    /// `307` to another path of the sandbox (a client that follows it is counted).
    Redirect,
    /// `200` with Paypro's `8000` (SYSTEM ERROR) outer code: the order was created all the same.
    SystemError,
    /// `200` with Paypro's `5000` (system operation exception) outer code: the order was
    /// created all the same.
    SystemException,
    /// The callback is delivered twice, the same signed body each time.
    DuplicateCallback,
    /// The final `0000` callback, then a stale earlier one: `0001` (half paid) for a pay-in,
    /// `0015` (processing) for a payout.
    OutOfOrderCallbacks,
    /// The `0000` callback, then a genuinely signed `00029` (failed) for the same order.
    DowngradeAfterSuccess,
}

impl Fault {
    /// Every fault, in the README's order.
    pub const ALL: [Fault; 11] = [
        Fault::Delay,
        Fault::Drop,
        Fault::Html502,
        Fault::Json502,
        Fault::TruncatedJson,
        Fault::Redirect,
        Fault::SystemError,
        Fault::SystemException,
        Fault::DuplicateCallback,
        Fault::OutOfOrderCallbacks,
        Fault::DowngradeAfterSuccess,
    ];

    /// The name used by `POST /_admin/faults` (`"502-html"`).
    pub fn name(self) -> &'static str {
        match self {
            Fault::Delay => "delay",
            Fault::Drop => "drop",
            Fault::Html502 => "502-html",
            Fault::Json502 => "502-json",
            Fault::TruncatedJson => "truncated-json",
            Fault::Redirect => "redirect",
            Fault::SystemError => "system-error",
            Fault::SystemException => "system-exception",
            Fault::DuplicateCallback => "duplicate-callback",
            Fault::OutOfOrderCallbacks => "out-of-order-callbacks",
            Fault::DowngradeAfterSuccess => "downgrade-after-success",
        }
    }

    /// The amount that chooses it (a pay-in or payout of this amount gets the fault).
    pub fn amount(self) -> u64 {
        match self {
            Fault::Delay => 4901,
            Fault::Drop => 4902,
            Fault::Html502 => 4903,
            Fault::Json502 => 4904,
            Fault::TruncatedJson => 4905,
            Fault::Redirect => 4906,
            Fault::SystemError => 4907,
            Fault::SystemException => 4908,
            Fault::DuplicateCallback => 4911,
            Fault::OutOfOrderCallbacks => 4912,
            Fault::DowngradeAfterSuccess => 4913,
        }
    }

    /// The fault an amount chooses, if any.
    pub fn by_amount(amount: u64) -> Option<Fault> {
        Fault::ALL.into_iter().find(|f| f.amount() == amount)
    }

    /// The fault of a name, if any.
    pub fn by_name(name: &str) -> Option<Fault> {
        Fault::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether it changes the callbacks (rather than the answer to the request).
    pub fn is_callback(self) -> bool {
        matches!(
            self,
            Fault::DuplicateCallback | Fault::OutOfOrderCallbacks | Fault::DowngradeAfterSuccess
        )
    }
}

/// Faults armed through the admin API, and what the sandbox saw of them.
#[derive(Debug, Default)]
pub(crate) struct Armed {
    /// (fault, calls left, delay for `Delay`), applied in order.
    queue: Vec<(Fault, u32, Option<Duration>)>,
    /// Requests that reached the redirect fault's target: a client followed a redirect.
    pub(crate) redirects_followed: u64,
}

impl Armed {
    /// Arms `fault` for the next `count` order-creating calls (or orders, for callback faults).
    pub(crate) fn arm(&mut self, fault: Fault, count: u32, delay: Option<Duration>) {
        if count > 0 {
            self.queue.push((fault, count, delay));
        }
    }

    /// Disarms everything.
    pub(crate) fn clear(&mut self) {
        self.queue.clear();
    }

    /// Takes one use of the first armed fault of the wanted family (callback or not).
    pub(crate) fn take(&mut self, callback: bool) -> Option<(Fault, Option<Duration>)> {
        let i = self
            .queue
            .iter()
            .position(|(f, _, _)| f.is_callback() == callback)?;
        let (fault, left, delay) = &mut self.queue[i];
        let taken = (*fault, *delay);
        *left -= 1;
        if *left == 0 {
            self.queue.remove(i);
        }
        Some(taken)
    }

    /// The armed faults as JSON.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        let armed: Vec<serde_json::Value> = self
            .queue
            .iter()
            .map(|(f, left, delay)| {
                serde_json::json!({
                    "fault": f.name(), "remaining": left,
                    "delayMs": delay.map(|d| d.as_millis() as u64),
                })
            })
            .collect();
        serde_json::json!({"armed": armed, "redirectsFollowed": self.redirects_followed})
    }
}

/// What the sandbox does to one order-creating call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Plan {
    /// A fault on the answer.
    pub(crate) answer: Option<Fault>,
    /// How long `Delay` waits.
    pub(crate) delay: Duration,
    /// A fault on the callbacks.
    pub(crate) callbacks: Option<Fault>,
}

impl Plan {
    /// The amount's fault first, then the armed ones.
    pub(crate) fn for_order(amount: u64, armed: &mut Armed, default_delay: Duration) -> Plan {
        let mut plan = Plan {
            delay: default_delay,
            ..Plan::default()
        };
        if let Some(fault) = Fault::by_amount(amount) {
            if fault.is_callback() {
                plan.callbacks = Some(fault);
            } else {
                plan.answer = Some(fault);
            }
        }
        if plan.answer.is_none() {
            if let Some((fault, delay)) = armed.take(false) {
                plan.answer = Some(fault);
                plan.delay = delay.unwrap_or(default_delay);
            }
        }
        if plan.callbacks.is_none() {
            plan.callbacks = armed.take(true).map(|(f, _)| f);
        }
        plan
    }
}

/// The path a redirect fault sends the client to.
pub(crate) const REDIRECT_PREFIX: &str = "/_faults/redirected";

/// The answer a fault replaces the real one (`accepted`, the full envelope) with; `None` for
/// faults that are not an answer (`Delay`, `Drop`, callback faults).
pub(crate) fn answer(fault: Fault, accepted: &str, origin: &str, path: &str) -> Option<Response> {
    let (status, content_type, body, location) = match fault {
        Fault::Html502 => (
            StatusCode::BAD_GATEWAY,
            "text/html",
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n".to_string(),
            None,
        ),
        Fault::Json502 => (
            StatusCode::BAD_GATEWAY,
            "application/json",
            respond::refused("502", "Bad Gateway", crate::time::now_ms()),
            None,
        ),
        Fault::TruncatedJson => (
            StatusCode::OK,
            "application/json",
            accepted[..accepted.len() / 2].to_string(),
            None,
        ),
        Fault::SystemError => (
            StatusCode::OK,
            "application/json",
            respond::refused("8000", "SYSTEM ERROR", crate::time::now_ms()),
            None,
        ),
        Fault::SystemException => (
            StatusCode::OK,
            "application/json",
            respond::refused("5000", "System operation exception", crate::time::now_ms()),
            None,
        ),
        Fault::Redirect => (
            StatusCode::TEMPORARY_REDIRECT,
            "application/json",
            String::new(),
            Some(format!("{origin}{REDIRECT_PREFIX}{path}")),
        ),
        _ => return None,
    };
    let mut response = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type);
    if let Some(location) = location {
        response = response.header(header::LOCATION, location);
    }
    Some(response.body(Body::from(body)).unwrap_or_default())
}

/// The callbacks to send for a settled `order`, in order, under a callback fault.
pub(crate) fn callbacks(order: &Order, fault: Option<Fault>) -> Vec<Order> {
    let mut stale = order.clone();
    match fault {
        Some(Fault::DuplicateCallback) => vec![order.clone(), order.clone()],
        Some(Fault::OutOfOrderCallbacks) => {
            if order.kind == Kind::PayIn {
                stale.status = paypro_core::Status::PartialPayment;
                stale.paid = Some(order.amount / 2);
            } else {
                stale.status = paypro_core::Status::Processing;
                stale.paid = None;
                stale.final_ms = None;
            }
            vec![order.clone(), stale]
        }
        Some(Fault::DowngradeAfterSuccess) => {
            stale.status = paypro_core::Status::from_code("00029")
                .with_message(Some("REJECTED_TRANSACTION".to_string()));
            stale.paid = Some(0);
            vec![order.clone(), stale]
        }
        _ => vec![order.clone()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_amounts_are_unique_and_clear_of_the_outcome_amounts() {
        for (i, a) in Fault::ALL.iter().enumerate() {
            assert_eq!(Fault::by_name(a.name()), Some(*a));
            assert_eq!(Fault::by_amount(a.amount()), Some(*a));
            for b in &Fault::ALL[i + 1..] {
                assert_ne!(a.amount(), b.amount());
            }
            assert!(
                ![4001, 4015, 4029].contains(&a.amount()),
                "{a:?} collides with an outcome amount"
            );
        }
    }

    #[test]
    fn armed_faults_are_used_up_in_order_by_family() {
        let mut armed = Armed::default();
        armed.arm(Fault::Html502, 2, None);
        armed.arm(Fault::DuplicateCallback, 1, None);
        armed.arm(Fault::Delay, 1, Some(Duration::from_millis(7)));
        let d = Duration::from_secs(35);
        let first = Plan::for_order(1000, &mut armed, d);
        assert_eq!(first.answer, Some(Fault::Html502));
        assert_eq!(first.callbacks, Some(Fault::DuplicateCallback));
        let second = Plan::for_order(1000, &mut armed, d);
        assert_eq!(
            (second.answer, second.callbacks),
            (Some(Fault::Html502), None)
        );
        // The amount's fault wins and the armed one waits for the next call.
        let third = Plan::for_order(4902, &mut armed, d);
        assert_eq!(third.answer, Some(Fault::Drop));
        let fourth = Plan::for_order(1000, &mut armed, d);
        assert_eq!(fourth.answer, Some(Fault::Delay));
        assert_eq!(fourth.delay, Duration::from_millis(7));
        assert_eq!(
            Plan::for_order(1000, &mut armed, d),
            Plan {
                delay: d,
                ..Plan::default()
            }
        );
    }
}

//! What a failed call means for the money, and what to do next, fitted to the endpoint: after
//! a read whose outcome is unknown, run it again; after a money-moving call, the money may have
//! moved, so query the order by its tradeNo and never send it again on a guess.

use paypro_core::client::Error;
use paypro_core::descriptor::{CountryDescriptor, Effect, EndpointDescriptor, Role};
use paypro_core::untrusted;

use crate::fail::{Exit, Fail};

/// The call that failed.
pub struct Call<'a> {
    /// Its country.
    pub country: &'static CountryDescriptor,
    /// Its endpoint.
    pub endpoint: &'static EndpointDescriptor,
    /// The request's `tradeNo`, when it has one.
    pub trade_no: Option<&'a str>,
    /// The canonical string that was signed (shown when the sign may have been refused).
    pub canonical: &'a str,
}

/// The exit code for a call error, by its variant.
pub fn exit_for(e: &Error) -> Exit {
    match e {
        Error::Invalid(_) => Exit::Usage,
        Error::NotSent { .. } => Exit::NotSent,
        Error::Rejected { .. } => Exit::Refused,
        Error::Unknown { .. } | Error::Uncertain { .. } => Exit::OutcomeUnknown,
        Error::Unreadable { .. } => Exit::Unreadable,
        _ if e.may_have_moved_money() => Exit::OutcomeUnknown,
        _ => Exit::Refused,
    }
}

/// The failure for `e` from `call`, with advice that fits the endpoint.
pub fn fail(e: &Error, call: &Call<'_>) -> Fail {
    let exit = exit_for(e);
    let mut message = match e {
        Error::NotSent { .. } => {
            format!("{e}: nothing reached Paypro, so running it again is safe")
        }
        _ if e.may_have_moved_money() => format!("{}: {}", facts(e), advice(call)),
        _ => text(e),
    };
    match sign_refusal(e) {
        Some(SignRefusal::Sure) => {
            message.push_str(&format!(
                " (the sandbox's code for a sign that does not match); {}",
                crate::sign::check_hint(call.canonical)
            ));
        }
        Some(SignRefusal::Possible) => {
            message.push_str(&format!(
                "; if this code refuses the sign, {}",
                crate::sign::check_hint(call.canonical)
            ));
        }
        None => {}
    }
    Fail::new(exit, message)
}

/// Whether Paypro's answer may be a refusal of the sign.
enum SignRefusal {
    /// The sandbox's sign refusal code.
    Sure,
    /// A code the spec does not know: Paypro documents no code for a bad sign, so it may be.
    Possible,
}

fn sign_refusal(e: &Error) -> Option<SignRefusal> {
    match e {
        // A refusal is always the sandbox's (its marked answers): Paypro documents none.
        Error::Rejected { code, .. } if code == paypro_mock::codes::SIGN => Some(SignRefusal::Sure),
        Error::Rejected { .. } => None,
        Error::Uncertain { code, .. } if paypro_core::descriptor::outer_code(code).is_none() => {
            Some(SignRefusal::Possible)
        }
        _ => None,
    }
}

/// A call error in words, what the gateway said ([`Error::Rejected`]'s code and msg) shown by
/// the rule for received text.
pub fn text(e: &Error) -> String {
    match e {
        Error::Rejected { code, msg, .. } => format!(
            "rejected by Paypro: code {}: {}",
            untrusted::text(code),
            untrusted::text(msg)
        ),
        _ if e.may_have_moved_money() => facts(e),
        _ => e.to_string(),
    }
}

/// What happened, without the client's generic advice; what the gateway said (code, msg, the
/// problem with its answer) shown by the rule for received text.
fn facts(e: &Error) -> String {
    match e {
        Error::Unknown { reason, .. } => format!("sent, but no answer ({reason})"),
        Error::Unreadable {
            status, problem, ..
        } => format!(
            "unreadable answer (HTTP {status}): {}",
            untrusted::text(problem)
        ),
        Error::Uncertain {
            code, msg, meaning, ..
        } => {
            let meaning = meaning.map(|m| format!(", {m}")).unwrap_or_default();
            format!(
                "Paypro answered code {} ({}{meaning}), which does not prove the request was refused",
                untrusted::text(code),
                untrusted::text(msg)
            )
        }
        _ => e.to_string(),
    }
}

/// What to do when the outcome is unknown.
fn advice(call: &Call<'_>) -> String {
    if call.endpoint.effect == Effect::ReadOnly {
        return "this call only reads, so run it again".to_string();
    }
    let query = query_for(call.country, call.endpoint.role);
    let how = match (query, call.trade_no) {
        (Some(query), Some(trade_no)) if !trade_no.contains('\'') => {
            let data = serde_json::json!({ "tradeNo": trade_no });
            format!(
                "query the order with `paypro {} {} --data '{data}'`",
                call.country.code, query.name
            )
        }
        (Some(query), _) => format!(
            "query the order by its tradeNo with `paypro {} {}`",
            call.country.code, query.name
        ),
        (None, _) => "query the order by its tradeNo".to_string(),
    };
    format!("the money may have moved; {how} and do not send it again")
}

/// The endpoint that reads what a money-moving endpoint of `role` created.
fn query_for(country: &CountryDescriptor, role: Role) -> Option<&'static EndpointDescriptor> {
    let wanted = match role {
        Role::PayIn | Role::Cashier | Role::PayInSubmit => Role::QueryPayIn,
        Role::Payout => Role::QueryPayout,
        _ => return None,
    };
    country.endpoints.iter().copied().find(|e| e.role == wanted)
}

/// Paypro answered but the answer is lost (`what`): treated as an unknown outcome.
pub fn answer_lost(what: &str, call: &Call<'_>) -> Fail {
    Fail::new(
        Exit::OutcomeUnknown,
        format!("Paypro answered but {what}: {}", advice(call)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_gateway_said_is_escaped_and_cut_in_every_variant() {
        let hostile = format!("\u{1b}[2J\u{202e}{}", "x".repeat(10_000));
        for e in [
            Error::Rejected {
                code: hostile.clone(),
                msg: hostile.clone(),
                http_status: 200,
            },
            Error::Uncertain {
                code: hostile.clone(),
                msg: hostile.clone(),
                http_status: 200,
                meaning: None,
            },
            Error::Unreadable {
                status: 200,
                body: hostile.clone(),
                problem: hostile.clone(),
            },
        ] {
            let shown = text(&e);
            assert!(!shown.contains(['\u{1b}', '\u{202e}']), "{shown:?}");
            assert!(shown.contains(r"\u{1b}[2J\u{202e}xxx"), "{shown}");
            assert!(shown.contains("more bytes not shown"), "{shown}");
            assert!(shown.len() < 2_000, "{shown}");
        }
    }
}

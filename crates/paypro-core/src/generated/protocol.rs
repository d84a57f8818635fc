// @generated from spec/common.toml by `cargo xtask gen`; do not edit.
//! Protocol constants shared by every country.
//!
//! The signature rule:
//!
//! Take every top-level body field except `sign` (header fields such as `merchantNo` are not part
//! of it); drop fields whose text is empty; sort by field name in byte order (Java's
//! String.compareTo for these ASCII names); concatenate `key=value` with no separator; append the
//! app secret; MD5 the UTF-8 bytes; write the digest as 32 lowercase hex characters.
//!
//! Open questions, from the docs:
//!
//! - Secret appended at the end with no separator: the Paypro pages only say 'app secret as salt' and their Java sample is truncated; the clone documentation with identical code says 'append to the end' (signing.md §2, §5: confidence medium-high). Only a sandbox call can settle it.
//! - No Paypro page publishes a secret together with a signature; every example sign in the docs is a placeholder or made with an unpublished key. The worked vectors used in tests are self-made (signing.md §4).
//! - The reference Java renders values with String.valueOf, so a JSON null would be signed as `null`; requests never send nulls (optional fields are omitted).
use std::time::Duration;
use crate::descriptor::{CodeSource, OuterCode, OuterOutcome};
use crate::SecretPlacement;
/// The HTTP method of every call.
pub const METHOD: &str = "POST";
/// The header carrying the merchant number.
pub const MERCHANT_HEADER: &str = "merchantNo";
/// The signature's field (or header) name; never part of the canonical string.
pub const SIGN_FIELD: &str = "sign";
/// Where the signing rule puts the app secret (`[signing] secret_placement`): the
/// default of every [`Secret`](crate::Secret).
pub const SECRET_PLACEMENT: SecretPlacement = SecretPlacement::Append;
/// The documented alternative placement, tried by `paypro doctor` after a sign refusal.
pub const ALTERNATIVE_SECRET_PLACEMENT: SecretPlacement = SecretPlacement::Prepend;
/// The timestamp field (milliseconds since the Unix epoch).
pub const TIMESTAMP_FIELD: &str = "timestamp";
/// The outer `code` meaning the request was accepted. It does NOT mean the
/// transaction succeeded: read `data.status` for that.
pub const ACCEPTED_CODE: &str = "0000";
/// The plain-text answer that acknowledges a notification; anything else makes Paypro
/// retry.
pub const NOTIFY_ACK: &str = "OK";
/// The `data` / notification fields whose text explains a status, first present wins
/// (query pages call it `message`, create pages `desc`).
pub const STATUS_MESSAGE_FIELDS: &[&str] = &["message", "desc"];
/// Paypro's delays between notification attempts (it gives up after the last).
pub const NOTIFY_RETRY_SCHEDULE: [Duration; 8] = [
    Duration::from_secs(2),
    Duration::from_secs(5),
    Duration::from_secs(10),
    Duration::from_secs(30),
    Duration::from_secs(3600),
    Duration::from_secs(10800),
    Duration::from_secs(10800),
    Duration::from_secs(10800),
];
/// What each known outer `code` of an HTTP 2xx answer proves about the request.
/// A code not listed here is uncertain: the money may have moved.
pub const OUTER_CODES: &[OuterCode] = &[
    OuterCode {
        code: "0000",
        outcome: OuterOutcome::Accepted,
        source: CodeSource::Documented,
        meaning: "The request was accepted; the transaction's state is data.status.",
        note: "",
    },
    OuterCode {
        code: "5000",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Documented,
        meaning: "System operation exception: contact Paypro support.",
        note: "Listed on the newest error-code page (other-countries.md, South Korea), which also says to treat code != 0000 on order placement as a failed placement. A system exception does not prove that no order was created, so it is uncertain here.",
    },
    OuterCode {
        code: "8000",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Inferred,
        meaning: "SYSTEM ERROR.",
        note: "Named as a status on Indonesia's error-code page; the docs do not say it never appears as an outer code. A system error proves nothing about the order.",
    },
    OuterCode {
        code: "00032",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Inferred,
        meaning: "UNKNOWN_ERROR.",
        note: "Named as a status on Mexico's error-code page; as an outer code it proves nothing about the order.",
    },
];
/// The header the embedded sandbox (paypro-mock) puts on every answer. Only on an
/// answer that carries it is a [`SANDBOX_CODES`] code read as that table says.
pub const SANDBOX_HEADER: &str = "x-paypro-sandbox";
/// The embedded sandbox's own outer codes. They are not Paypro's: on an answer
/// without [`SANDBOX_HEADER`] they are unknown codes, and so uncertain.
pub const SANDBOX_CODES: &[OuterCode] = &[
    OuterCode {
        code: "9400",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The body is not a JSON object a common parser reads: not UTF-8, malformed, an array, a key given twice, a number out of range such as 1e400 (also the admin API's JSON bodies).",
        note: "",
    },
    OuterCode {
        code: "9401",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "Missing, repeated or unknown merchantNo header.",
        note: "",
    },
    OuterCode {
        code: "9402",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "Missing or repeated sign, or a sign that does not match the body.",
        note: "",
    },
    OuterCode {
        code: "9404",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "No endpoint at that path (HTTP 404), the target of the redirect fault included.",
        note: "",
    },
    OuterCode {
        code: "9405",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The path does not take that method (HTTP 405): a gateway endpoint takes only POST, an admin path its own.",
        note: "",
    },
    OuterCode {
        code: "9421",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The request does not name the sandbox: its Host is not a loopback name (nor the address the sandbox is bound to) (HTTP 421), or it has not exactly one valid Host (HTTP 400). Nothing was read; against DNS rebinding.",
        note: "",
    },
    OuterCode {
        code: "9409",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "Duplicate tradeNo: an order with it exists already (this request created nothing).",
        note: "",
    },
    OuterCode {
        code: "9410",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "No such order (for a voucher: no such order that moved money).",
        note: "",
    },
    OuterCode {
        code: "9411",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "Insufficient balance for a payout.",
        note: "",
    },
    OuterCode {
        code: "9412",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The order is already final.",
        note: "",
    },
    OuterCode {
        code: "9413",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The body is over the size limit (or was cut off before it was whole); it was not read past the limit.",
        note: "",
    },
    OuterCode {
        code: "9414",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The order is not final yet, so it has no callback to re-send.",
        note: "",
    },
    OuterCode {
        code: "9415",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The content type is not application/json, or is given twice.",
        note: "",
    },
    OuterCode {
        code: "9422",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "A missing timestamp or field, a wrong JSON type, a broken rule, an amount of 0 or over the sandbox's cap, a pay-in that could overflow its balance, or a notifyUrl that names the sandbox; on the admin API, a bad parameter, or a callback to re-send for an order without notifyUrl.",
        note: "",
    },
    OuterCode {
        code: "9429",
        outcome: OuterOutcome::Refused,
        source: CodeSource::Sandbox,
        meaning: "The sandbox keeps as many orders as it may (max_orders) and none can be forgotten, each being processing or having a callback under way (HTTP 503): no order was made.",
        note: "",
    },
    OuterCode {
        code: "9500",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Sandbox,
        meaning: "The sandbox's state is broken (a panic while it was being changed): every endpoint answers this with HTTP 500 until the sandbox is restarted.",
        note: "",
    },
    OuterCode {
        code: "9501",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Sandbox,
        meaning: "The sandbox does not implement that endpoint.",
        note: "",
    },
    OuterCode {
        code: "9503",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Sandbox,
        meaning: "Over the connection cap (HTTP 503): nothing was read, and the connection is closed.",
        note: "",
    },
    OuterCode {
        code: "9504",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Sandbox,
        meaning: "The request took longer than the request time-out (HTTP 408); an order it asked for may have been created.",
        note: "",
    },
    OuterCode {
        code: "9507",
        outcome: OuterOutcome::Uncertain,
        source: CodeSource::Sandbox,
        meaning: "Settling would overflow a balance (HTTP 409, admin settle and settle-balances): nothing changed, and an order being settled stays processing.",
        note: "",
    },
];
/// The embedded sandbox's codes by name (`[[sandbox_code]]`).
pub mod sandbox_code {
    ///The body is not a JSON object a common parser reads: not UTF-8, malformed, an array, a key given twice, a number out of range such as 1e400 (also the admin API's JSON bodies).
    pub const MALFORMED: &str = "9400";
    ///Missing, repeated or unknown merchantNo header.
    pub const MERCHANT: &str = "9401";
    ///Missing or repeated sign, or a sign that does not match the body.
    pub const SIGN: &str = "9402";
    ///No endpoint at that path (HTTP 404), the target of the redirect fault included.
    pub const UNKNOWN_PATH: &str = "9404";
    ///The path does not take that method (HTTP 405): a gateway endpoint takes only POST, an admin path its own.
    pub const METHOD: &str = "9405";
    ///The request does not name the sandbox: its Host is not a loopback name (nor the address the sandbox is bound to) (HTTP 421), or it has not exactly one valid Host (HTTP 400). Nothing was read; against DNS rebinding.
    pub const HOST: &str = "9421";
    ///Duplicate tradeNo: an order with it exists already (this request created nothing).
    pub const DUPLICATE: &str = "9409";
    ///No such order (for a voucher: no such order that moved money).
    pub const NOT_FOUND: &str = "9410";
    ///Insufficient balance for a payout.
    pub const BALANCE: &str = "9411";
    ///The order is already final.
    pub const FINAL: &str = "9412";
    ///The body is over the size limit (or was cut off before it was whole); it was not read past the limit.
    pub const TOO_LARGE: &str = "9413";
    ///The order is not final yet, so it has no callback to re-send.
    pub const NOT_FINAL: &str = "9414";
    ///The content type is not application/json, or is given twice.
    pub const CONTENT_TYPE: &str = "9415";
    ///A missing timestamp or field, a wrong JSON type, a broken rule, an amount of 0 or over the sandbox's cap, a pay-in that could overflow its balance, or a notifyUrl that names the sandbox; on the admin API, a bad parameter, or a callback to re-send for an order without notifyUrl.
    pub const FIELD: &str = "9422";
    ///The sandbox keeps as many orders as it may (max_orders) and none can be forgotten, each being processing or having a callback under way (HTTP 503): no order was made.
    pub const FULL: &str = "9429";
    ///The sandbox's state is broken (a panic while it was being changed): every endpoint answers this with HTTP 500 until the sandbox is restarted.
    pub const BROKEN: &str = "9500";
    ///The sandbox does not implement that endpoint.
    pub const UNSUPPORTED: &str = "9501";
    ///Over the connection cap (HTTP 503): nothing was read, and the connection is closed.
    pub const BUSY: &str = "9503";
    ///The request took longer than the request time-out (HTTP 408); an order it asked for may have been created.
    pub const TIMEOUT: &str = "9504";
    ///Settling would overflow a balance (HTTP 409, admin settle and settle-balances): nothing changed, and an order being settled stays processing.
    pub const OVERFLOW: &str = "9507";
}
/// Wire names of the response envelope.
pub mod envelope {
    /// Request-level message.
    pub const MSG: &str = "msg";
    /// Request-level code.
    pub const CODE: &str = "code";
    /// Gateway time.
    pub const TIMESTAMP: &str = "timestamp";
    /// Request-level flag.
    pub const SUCCESS: &str = "success";
    /// The payload.
    pub const DATA: &str = "data";
}

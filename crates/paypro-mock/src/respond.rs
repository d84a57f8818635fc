//! Answers in the documented shapes: every field an endpoint's (or a notification's) spec lists
//! is filled from the order or balance when the sandbox knows what it means.

use paypro_core::descriptor::ResponseField;
use paypro_core::protocol::STATUS_MESSAGE_FIELDS;
use paypro_core::{Status, WireValue};

use crate::state::{Balance, Order};

/// Facts an answer can draw on.
#[derive(Default)]
pub struct Facts<'a> {
    pub order: Option<&'a Order>,
    pub balance: Option<Balance>,
    pub page_url: Option<String>,
    pub bank_account_no: Option<String>,
    pub voucher_url: Option<String>,
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it, by the SDK's own writer
/// (the one request bodies are written with), without a `serde_json::Value` per field.
fn push_quoted(out: &mut String, s: &str) {
    s.write_json(out);
}

/// How a status is described next to it (`desc` / `message`).
pub fn describe(status: &Status) -> String {
    match status {
        Status::Success => "SUCCESS".into(),
        Status::PartialPayment => "PARTIAL PAYMENT".into(),
        Status::Processing => "PAYING".into(),
        Status::Failed {
            message: Some(m), ..
        } => m.clone(),
        other => other
            .meaning()
            .map(str::to_string)
            .unwrap_or_else(|| "FAILED".into()),
    }
}

/// Appends the raw JSON of one field when the sandbox knows its meaning (`None`: it does not,
/// and what was appended is to be cut off).
fn push_value(out: &mut String, wire: &str, facts: &Facts) -> Option<()> {
    use std::fmt::Write as _;
    let o = facts.order;
    match wire {
        "tradeNo" => push_quoted(out, &o?.trade_no),
        "platFormTradeNo" | "payproTradeNo" | "kiliTradeNo" | "serialNumber" => {
            push_quoted(out, &o?.id)
        }
        "status" => push_quoted(out, o?.status.code()),
        w if STATUS_MESSAGE_FIELDS.contains(&w) => push_quoted(out, &describe(&o?.status)),
        "remark" => push_quoted(out, o?.remark.as_deref()?),
        "amount" => write!(out, "\"{}\"", o?.paid.unwrap_or(o?.amount)).ok()?,
        "orderAmount" => write!(out, "\"{}\"", o?.amount).ok()?,
        "payAmount" | "receivedAmount" => write!(out, "\"{}\"", o?.paid.unwrap_or(0)).ok()?,
        "paymentUrl" | "paymentLink" | "paymentInfo" => {
            push_quoted(out, facts.page_url.as_deref()?)
        }
        "qrString" => push_quoted(out, &format!("MOCKQR{}", o?.id)),
        "vaNumber" => push_quoted(out, &format!("8808{}", &o?.id[..8.min(o?.id.len())])),
        "channelCode" => push_quoted(out, o?.channel_code.as_deref()?),
        "wayCode" => push_quoted(out, o?.way_code.as_deref()?),
        "createTime" => push_quoted(out, &crate::time::local(o?.created_ms)),
        "successTime" => push_quoted(out, &crate::time::local(o?.final_ms?)),
        "mpesaReceiptNumber" => push_quoted(out, o?.receipt.as_deref()?),
        "availableAmount" | "availablAmount" => {
            write!(out, "{}.0000", facts.balance?.available).ok()?
        }
        "freezeAmount" => write!(out, "{}.0000", facts.balance?.frozen).ok()?,
        "unsettledAmount" => write!(out, "{}.0000", facts.balance?.unsettled).ok()?,
        "bankAccountNo" => push_quoted(out, facts.bank_account_no.as_deref()?),
        "bankAccountName" => push_quoted(out, "MOCK ACCOUNT HOLDER"),
        "url" => push_quoted(out, facts.voucher_url.as_deref()?),
        _ => return None,
    }
    Some(())
}

/// A JSON object of `fields`, named as documented (or by the first alias with `odd_names`),
/// written into one buffer.
pub fn object(fields: &[ResponseField], facts: &Facts, odd_names: bool) -> String {
    let mut out = String::with_capacity(64 * fields.len().max(1));
    out.push('{');
    for f in fields {
        let name = if odd_names {
            f.aliases.first().copied().unwrap_or(f.wire)
        } else {
            f.wire
        };
        let mark = out.len();
        if mark > 1 {
            out.push(',');
        }
        push_quoted(&mut out, name);
        out.push(':');
        if push_value(&mut out, f.wire, facts).is_none() {
            out.truncate(mark);
        }
    }
    out.push('}');
    out
}

/// The envelope around `data` (raw JSON).
pub fn accepted(data: &str, now_ms: u64) -> String {
    format!(
        r#"{{"msg":"success","code":"0000","timestamp":{now_ms},"success":true,"data":{data}}}"#
    )
}

/// A refusal envelope.
pub fn refused(code: &str, msg: &str, now_ms: u64) -> String {
    format!(
        r#"{{"msg":{},"code":{},"timestamp":{now_ms},"success":false,"data":null}}"#,
        quoted(msg),
        quoted(code)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sandbox's answers and callbacks escape text exactly as serde_json does (what they
    /// wrote before `push_quoted`).
    #[test]
    fn text_is_escaped_as_serde_json_escapes_it() {
        let mut every: String = (0u8..=0x7f).map(char::from).collect();
        every.push_str("é€𝄞\u{2028}\u{fffd}");
        for s in [
            every.as_str(),
            "",
            "plain",
            "a\"b\\c",
            "\u{1}\u{1f}\u{7f}",
            "tail\n",
        ] {
            assert_eq!(quoted(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        for c in (0u32..0x80).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(quoted(&s), serde_json::to_string(&s).unwrap(), "{c:?}");
        }
    }
}

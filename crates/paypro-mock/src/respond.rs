//! Answers in the documented shapes: every field an endpoint's (or a notification's) spec lists
//! is filled from the order or balance when the sandbox knows what it means.

use paypro_core::Status;
use paypro_core::descriptor::ResponseField;
use paypro_core::protocol::STATUS_MESSAGE_FIELDS;

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
    serde_json::Value::from(s).to_string()
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

/// The raw JSON of one field, when the sandbox knows its meaning.
pub fn value(wire: &str, facts: &Facts) -> Option<String> {
    let o = facts.order;
    let money = |n: u64| quoted(&n.to_string());
    let balance = |n: u64| format!("{n}.0000");
    Some(match wire {
        "tradeNo" => quoted(&o?.trade_no),
        "platFormTradeNo" | "payproTradeNo" | "kiliTradeNo" | "serialNumber" => quoted(&o?.id),
        "status" => quoted(o?.status.code()),
        w if STATUS_MESSAGE_FIELDS.contains(&w) => quoted(&describe(&o?.status)),
        "remark" => quoted(o?.remark.as_deref()?),
        "amount" => money(o?.paid.unwrap_or(o?.amount)),
        "orderAmount" => money(o?.amount),
        "payAmount" | "receivedAmount" => money(o?.paid.unwrap_or(0)),
        "paymentUrl" | "paymentLink" | "paymentInfo" => quoted(facts.page_url.as_deref()?),
        "qrString" => quoted(&format!("MOCKQR{}", o?.id)),
        "vaNumber" => quoted(&format!("8808{}", &o?.id[..8.min(o?.id.len())])),
        "channelCode" => quoted(o?.channel_code.as_deref()?),
        "wayCode" => quoted(o?.way_code.as_deref()?),
        "createTime" => quoted(&crate::time::local(o?.created_ms)),
        "successTime" => quoted(&crate::time::local(o?.final_ms?)),
        "mpesaReceiptNumber" => quoted(o?.receipt.as_deref()?),
        "availableAmount" | "availablAmount" => balance(facts.balance?.available),
        "freezeAmount" => balance(facts.balance?.frozen),
        "unsettledAmount" => balance(facts.balance?.unsettled),
        "bankAccountNo" => quoted(facts.bank_account_no.as_deref()?),
        "bankAccountName" => quoted("MOCK ACCOUNT HOLDER"),
        "url" => quoted(facts.voucher_url.as_deref()?),
        _ => return None,
    })
}

/// A JSON object of `fields`, named as documented (or by the first alias with `odd_names`).
pub fn object(fields: &[ResponseField], facts: &Facts, odd_names: bool) -> String {
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|f| {
            let name = if odd_names {
                f.aliases.first().copied().unwrap_or(f.wire)
            } else {
                f.wire
            };
            value(f.wire, facts).map(|v| format!("{}:{v}", quoted(name)))
        })
        .collect();
    format!("{{{}}}", parts.join(","))
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

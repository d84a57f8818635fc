//! Orders, balances and callback deliveries, in memory.

use std::collections::HashMap;

use paypro_core::Status;

/// What kind of money movement an order is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Money in.
    PayIn,
    /// Money out.
    Payout,
}

/// One order and where it stands.
#[derive(Clone, Debug)]
pub struct Order {
    /// Paypro's number (`platFormTradeNo`, `serialNumber`).
    pub id: String,
    /// The country code.
    pub country: &'static str,
    /// The merchant.
    pub merchant_no: String,
    /// Pay-in or payout.
    pub kind: Kind,
    /// The merchant's number.
    pub trade_no: String,
    /// The amount asked for, whole units.
    pub amount: u64,
    /// The amount paid (partial payments pay less); set when final.
    pub paid: Option<u64>,
    /// The status now.
    pub status: Status,
    /// Where callbacks go.
    pub notify_url: Option<String>,
    /// Where the hosted page sends the payer afterwards.
    pub return_url: Option<String>,
    /// The request's remark, echoed.
    pub remark: Option<String>,
    /// channelCode / wayCode as requested, echoed in queries and callbacks.
    pub channel_code: Option<String>,
    /// The request's wayCode.
    pub way_code: Option<String>,
    /// Whether it was created on the hosted page (settled by the payer, not by time).
    pub hosted: bool,
    /// A wallet receipt code, set on success (Kenya's M-Pesa code).
    pub receipt: Option<String>,
    /// Milliseconds since the epoch.
    pub created_ms: u64,
    /// When it became final.
    pub final_ms: Option<u64>,
}

/// A merchant's balances, in whole units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// Can be paid out.
    pub available: u64,
    /// Held for payouts in progress.
    pub frozen: u64,
    /// Today's pay-ins, available after settlement (T+1; `POST /_admin/settle-balances`).
    pub unsettled: u64,
}

/// One attempt to deliver a callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    /// The order's country.
    pub country: &'static str,
    /// The order's merchant number.
    pub trade_no: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// Where it went.
    pub url: String,
    /// The body sent.
    pub body: String,
    /// `OK` when acknowledged, otherwise what went wrong.
    pub outcome: String,
    /// Whether the merchant acknowledged it.
    pub acknowledged: bool,
}

/// Everything the gateway remembers.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Orders by (country, merchant, kind, tradeNo).
    pub orders: HashMap<(String, String, u8, String), Order>,
    /// Order keys by Paypro number.
    pub by_id: HashMap<String, (String, String, u8, String)>,
    /// Balances by (country, merchant).
    pub balances: HashMap<(String, String), Balance>,
    /// Every delivery attempt, in order.
    pub deliveries: Vec<Delivery>,
    /// The next order number.
    pub next_id: u64,
}

pub(crate) fn key(
    country: &str,
    merchant: &str,
    kind: Kind,
    trade_no: &str,
) -> (String, String, u8, String) {
    (
        country.to_string(),
        merchant.to_string(),
        kind as u8,
        trade_no.to_string(),
    )
}

impl Ledger {
    pub(crate) fn order(
        &self,
        country: &str,
        merchant: &str,
        kind: Kind,
        trade_no: &str,
    ) -> Option<&Order> {
        self.orders.get(&key(country, merchant, kind, trade_no))
    }

    pub(crate) fn order_mut_by_id(&mut self, id: &str) -> Option<&mut Order> {
        let k = self.by_id.get(id)?.clone();
        self.orders.get_mut(&k)
    }

    pub(crate) fn insert(&mut self, order: Order) {
        let k = key(
            order.country,
            &order.merchant_no,
            order.kind,
            &order.trade_no,
        );
        self.by_id.insert(order.id.clone(), k.clone());
        self.orders.insert(k, order);
    }

    pub(crate) fn balance_mut(
        &mut self,
        country: &str,
        merchant: &str,
        initial: u64,
    ) -> &mut Balance {
        self.balances
            .entry((country.to_string(), merchant.to_string()))
            .or_insert(Balance {
                available: initial,
                ..Balance::default()
            })
    }
}

//! Orders, balances and callback deliveries, in memory.

use std::collections::{HashMap, VecDeque};

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
#[non_exhaustive]
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
    /// A fault on its callbacks (duplicated, out of order, downgraded), if one was chosen.
    pub callback_fault: Option<crate::Fault>,
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
#[non_exhaustive]
pub struct Delivery {
    /// The order's country.
    pub country: &'static str,
    /// Whether the order is a pay-in or a payout.
    pub kind: Kind,
    /// The order's merchant number.
    pub trade_no: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// When it was made, milliseconds since the epoch.
    pub at_ms: u64,
    /// Where it went.
    pub url: String,
    /// The body sent.
    pub body: String,
    /// `OK` when acknowledged, otherwise what went wrong.
    pub outcome: String,
    /// Whether the merchant acknowledged it.
    pub acknowledged: bool,
    /// When the next attempt is due (milliseconds since the epoch), after an attempt that was
    /// not acknowledged; `None` when acknowledged, refused, or after the last retry.
    pub next_retry_ms: Option<u64>,
}

/// Everything the gateway remembers: the last `max_orders` orders and as many delivery
/// attempts (older ones are forgotten, so memory stays bounded). An order is forgotten only
/// when it is final and no callback of it is under way (being sent, or due again): when none
/// can be, a new order is refused instead.
///
/// Every balance, with what the processing pay-ins may still add to it, fits in a `u64`: a
/// pay-in that could take it past is refused when asked for, so settling never overflows.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Orders by (country, merchant, kind, tradeNo).
    pub orders: HashMap<(String, String, u8, String), Order>,
    /// Order keys by Paypro number.
    pub by_id: HashMap<String, (String, String, u8, String)>,
    /// Balances by (country, merchant).
    pub balances: HashMap<(String, String), Balance>,
    /// The last delivery attempts, oldest first.
    pub deliveries: VecDeque<Delivery>,
    /// The next order number.
    pub next_id: u64,
    /// How many create requests (pay-in, cashier page or payout) reached the sandbox per
    /// (country, merchant, kind, tradeNo), duplicates refused `9409` included: a client that
    /// sends one order twice shows as 2. Forgotten with the order (and bounded like it).
    pub create_requests: HashMap<(String, String, u8, String), u32>,
    /// Paypro numbers, oldest first (what to forget first).
    created: VecDeque<String>,
    /// What processing pay-ins may still add, per (country, merchant): their amounts.
    incoming: HashMap<(String, String), u64>,
    /// Callback deliveries under way, per Paypro number: being sent or due again.
    delivering: HashMap<String, u32>,
    /// How many orders (and delivery attempts) are kept; 0 means the default.
    max_orders: usize,
}

/// A balance change that would not fit in a `u64` (or go below zero): refused, nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overflow(pub String);

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
    /// An empty ledger keeping the last `max_orders` orders (at least 1).
    pub(crate) fn new(max_orders: usize) -> Ledger {
        Ledger {
            max_orders: max_orders.max(1),
            ..Ledger::default()
        }
    }

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

    /// Keeps `order`, forgetting the oldest order that may be when there is no room (the
    /// sandbox asks [`Ledger::has_room`] first). A processing pay-in's amount is
    /// counted as what it may still add to its balance.
    pub(crate) fn insert(&mut self, order: Order) {
        let k = key(
            order.country,
            &order.merchant_no,
            order.kind,
            &order.trade_no,
        );
        self.make_room();
        if order.kind == Kind::PayIn && !order.status.is_final() {
            let incoming = self
                .incoming
                .entry((order.country.to_string(), order.merchant_no.clone()))
                .or_insert(0);
            *incoming = incoming.saturating_add(order.amount);
        }
        self.created.push_back(order.id.clone());
        self.by_id.insert(order.id.clone(), k.clone());
        self.orders.insert(k, order);
    }

    /// Whether one more order can be kept: there is room, or an order may be forgotten
    /// (final, with no callback under way). Nothing changes.
    pub(crate) fn has_room(&self) -> bool {
        self.orders.len() < self.max_orders.max(1)
            || self.created.iter().any(|id| self.forgettable(id))
    }

    /// Makes room for one more order by forgetting the oldest that may be forgotten (final,
    /// with no callback under way); `false` when the ledger is full of orders that may not.
    pub(crate) fn make_room(&mut self) -> bool {
        while self.orders.len() >= self.max_orders.max(1) {
            let Some(oldest) = self.created.iter().position(|id| self.forgettable(id)) else {
                return false;
            };
            let Some(id) = self.created.remove(oldest) else {
                return false;
            };
            if let Some(k) = self.by_id.remove(&id) {
                self.create_requests.remove(&k);
                self.orders.remove(&k);
            }
        }
        true
    }

    /// Whether order `id` may be forgotten: final, and no delivery of its callbacks under way.
    fn forgettable(&self, id: &str) -> bool {
        !self.delivering.contains_key(id)
            && self
                .by_id
                .get(id)
                .and_then(|k| self.orders.get(k))
                .is_none_or(|o| o.status.is_final())
    }

    /// Whether a pay-in of `amount` fits: paid in full, with everything the processing pay-ins
    /// may still add, the balance must stay within a `u64`. Nothing changes.
    pub(crate) fn room_for_pay_in(
        &mut self,
        country: &str,
        merchant: &str,
        initial: u64,
        amount: u64,
    ) -> Result<(), Overflow> {
        let b = *self.balance_mut(country, merchant, initial);
        let incoming = self
            .incoming
            .get(&(country.to_string(), merchant.to_string()))
            .copied()
            .unwrap_or(0);
        let held = u128::from(b.available)
            + u128::from(b.frozen)
            + u128::from(b.unsettled)
            + u128::from(incoming);
        if held + u128::from(amount) <= u128::from(u64::MAX) {
            return Ok(());
        }
        Err(Overflow(format!(
            "a pay-in of {amount}, paid, would overflow the balance (available {} + frozen {} + \
             unsettled {} + processing pay-ins {incoming}; room for {})",
            b.available,
            b.frozen,
            b.unsettled,
            u128::from(u64::MAX).saturating_sub(held)
        )))
    }

    /// A processing pay-in of `amount` settled: it may add nothing more.
    pub(crate) fn pay_in_settled(&mut self, country: &str, merchant: &str, amount: u64) {
        let k = (country.to_string(), merchant.to_string());
        if let Some(incoming) = self.incoming.get_mut(&k) {
            *incoming = incoming.saturating_sub(amount);
            if *incoming == 0 {
                self.incoming.remove(&k);
            }
        }
    }

    /// A delivery of order `id`'s callbacks starts: the order is kept until it ends.
    pub(crate) fn delivery_started(&mut self, id: &str) {
        let n = self.delivering.entry(id.to_string()).or_insert(0);
        *n = n.saturating_add(1);
    }

    /// A delivery of order `id`'s callbacks ended (acknowledged, refused, or out of retries).
    pub(crate) fn delivery_ended(&mut self, id: &str) {
        if let Some(n) = self.delivering.get_mut(id) {
            *n -= 1;
            if *n == 0 {
                self.delivering.remove(id);
            }
        }
    }

    /// Counts one create request for `k` (before it is accepted or refused); returns how many
    /// reached the sandbox so far. Counts of requests that never made an order (refused) are
    /// dropped first when there are more than twice as many counts as kept orders.
    pub(crate) fn count_create(&mut self, k: &(String, String, u8, String)) -> u32 {
        if self.create_requests.len() >= 2 * self.max_orders.max(1)
            && !self.create_requests.contains_key(k)
        {
            let orders = &self.orders;
            self.create_requests.retain(|k, _| orders.contains_key(k));
        }
        let n = self.create_requests.entry(k.clone()).or_insert(0);
        *n = n.saturating_add(1);
        *n
    }

    /// How many create requests for `k` reached the sandbox (see [`Ledger::create_requests`]).
    pub(crate) fn create_count(&self, k: &(String, String, u8, String)) -> u32 {
        self.create_requests.get(k).copied().unwrap_or(0)
    }

    /// Records a delivery attempt, forgetting the oldest beyond the limit.
    pub(crate) fn record(&mut self, delivery: Delivery) {
        while self.deliveries.len() >= self.max_orders.max(1) {
            self.deliveries.pop_front();
        }
        self.deliveries.push_back(delivery);
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

impl Balance {
    /// Moves `amount` from available to frozen (a payout starts); `None` when not available.
    pub(crate) fn freeze(self, amount: u64) -> Option<Balance> {
        Some(Balance {
            available: self.available.checked_sub(amount)?,
            frozen: self.frozen.checked_add(amount)?,
            ..self
        })
    }

    /// The balance after an order of `kind` and `amount` settled with `paid` paid.
    pub(crate) fn settled(self, kind: Kind, amount: u64, paid: u64) -> Result<Balance, Overflow> {
        let overflow = |what: &str| {
            Overflow(format!(
                "settling {amount} (paid {paid}) would overflow the {what} balance"
            ))
        };
        Ok(match kind {
            Kind::PayIn => Balance {
                unsettled: self
                    .unsettled
                    .checked_add(paid)
                    .ok_or_else(|| overflow("unsettled"))?,
                ..self
            },
            Kind::Payout => Balance {
                frozen: self
                    .frozen
                    .checked_sub(amount)
                    .ok_or_else(|| overflow("frozen"))?,
                available: if paid == 0 {
                    self.available
                        .checked_add(amount)
                        .ok_or_else(|| overflow("available"))?
                } else {
                    self.available
                },
                ..self
            },
        })
    }

    /// Unsettled moves to available (T+1).
    pub(crate) fn settle_day(self) -> Result<Balance, Overflow> {
        Ok(Balance {
            available: self.available.checked_add(self.unsettled).ok_or_else(|| {
                Overflow("settling the day would overflow the available balance".into())
            })?,
            unsettled: 0,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paid pay-in of 1.
    fn order(id: &str, trade_no: &str) -> Order {
        Order {
            status: Status::Success,
            paid: Some(1),
            ..processing(id, trade_no)
        }
    }

    fn processing(id: &str, trade_no: &str) -> Order {
        Order {
            id: id.into(),
            country: "id",
            merchant_no: "m".into(),
            kind: Kind::PayIn,
            trade_no: trade_no.into(),
            amount: 1,
            paid: None,
            status: Status::Processing,
            notify_url: None,
            return_url: None,
            remark: None,
            channel_code: None,
            way_code: None,
            hosted: false,
            receipt: None,
            created_ms: 0,
            final_ms: None,
            callback_fault: None,
        }
    }

    #[test]
    fn keeps_only_the_last_orders_and_deliveries() {
        let mut ledger = Ledger::new(2);
        for i in 0..5 {
            ledger.insert(order(&format!("p{i}"), &format!("t{i}")));
            ledger.record(Delivery {
                country: "id",
                kind: Kind::PayIn,
                trade_no: format!("t{i}"),
                attempt: 1,
                at_ms: 0,
                url: String::new(),
                body: String::new(),
                outcome: String::new(),
                acknowledged: true,
                next_retry_ms: None,
            });
        }
        assert_eq!(ledger.orders.len(), 2);
        assert_eq!(ledger.by_id.len(), 2);
        assert!(ledger.order("id", "m", Kind::PayIn, "t4").is_some());
        assert!(ledger.order("id", "m", Kind::PayIn, "t2").is_none());
        assert!(ledger.order_mut_by_id("p1").is_none());
        let kept: Vec<&str> = ledger
            .deliveries
            .iter()
            .map(|d| d.trade_no.as_str())
            .collect();
        assert_eq!(kept, ["t3", "t4"]);
    }

    /// `--max-orders` bounds everything the ledger keeps, whatever the run's length: orders
    /// and their indexes, delivery attempts, create counts (refused requests included) and
    /// deliveries under way, with orders settling and being called back behind new ones as
    /// they do under load (BENCHMARKS.md shows the process's memory flat on such a run).
    #[test]
    fn a_long_run_never_keeps_more_than_the_cap() {
        let cap = 40;
        let lag = 10; // orders processing or being called back at any time
        let mut ledger = Ledger::new(cap);
        for i in 0..25 * cap {
            let (id, trade_no) = (format!("p{i}"), format!("t{i}"));
            ledger.count_create(&key("id", "m", Kind::PayIn, &trade_no));
            // A refused request (a duplicate, a bad amount) is counted too.
            ledger.count_create(&key("id", "m", Kind::Payout, &format!("refused{i}")));
            assert!(ledger.has_room(), "order {i}");
            ledger.insert(processing(&id, &trade_no));
            if let Some(old) = i.checked_sub(lag) {
                let old_id = format!("p{old}");
                let order = ledger
                    .order_mut_by_id(&old_id)
                    .expect("kept while processing");
                order.status = Status::Success;
                ledger.pay_in_settled("id", "m", 1);
                ledger.delivery_started(&old_id);
                ledger.record(Delivery {
                    country: "id",
                    kind: Kind::PayIn,
                    trade_no: format!("t{old}"),
                    attempt: 1,
                    at_ms: 0,
                    url: "http://127.0.0.1:9/notify".into(),
                    body: "{}".into(),
                    outcome: "OK".into(),
                    acknowledged: true,
                    next_retry_ms: None,
                });
                ledger.delivery_ended(&old_id);
            }
            assert!(ledger.orders.len() <= cap, "orders after {i}");
            assert!(ledger.by_id.len() <= cap, "by_id after {i}");
            assert!(ledger.created.len() <= cap, "created after {i}");
            assert!(ledger.deliveries.len() <= cap, "deliveries after {i}");
            assert!(ledger.delivering.len() <= lag, "delivering after {i}");
            assert!(ledger.incoming.len() <= 1, "incoming after {i}");
            assert!(
                ledger.create_requests.len() <= 2 * cap + 1,
                "create counts after {i}: {}",
                ledger.create_requests.len()
            );
        }
        assert_eq!(ledger.orders.len(), cap);
        assert_eq!(ledger.deliveries.len(), cap);
    }

    #[test]
    fn an_order_processing_or_with_a_callback_under_way_is_never_forgotten() {
        let mut ledger = Ledger::new(3);
        ledger.insert(processing("p0", "t0"));
        ledger.insert(order("p1", "t1"));
        ledger.delivery_started("p1");
        ledger.delivery_started("p1");
        ledger.insert(order("p2", "t2"));
        // p0 is processing, p1 has two deliveries under way: p2 goes first.
        assert!(ledger.has_room());
        assert!(ledger.make_room());
        assert!(ledger.order_mut_by_id("p2").is_none());
        ledger.insert(processing("p3", "t3"));
        assert!(!ledger.has_room(), "nothing may be forgotten");
        assert!(!ledger.make_room());
        assert_eq!(ledger.orders.len(), 3);
        ledger.delivery_ended("p1");
        assert!(!ledger.has_room(), "one delivery is still under way");
        ledger.delivery_ended("p1");
        assert!(ledger.has_room());
        assert!(ledger.make_room());
        assert!(ledger.order_mut_by_id("p1").is_none());
        assert!(ledger.order_mut_by_id("p0").is_some());
        assert!(ledger.order_mut_by_id("p3").is_some());
    }

    #[test]
    fn a_pay_in_that_could_overflow_its_balance_is_refused() {
        let mut ledger = Ledger::new(10);
        let half = u64::MAX / 2;
        ledger.room_for_pay_in("id", "m", 1, half).unwrap();
        ledger.insert(Order {
            amount: half,
            ..processing("p0", "t0")
        });
        // 1 available + half processing + half = u64::MAX: it fits; one more does not.
        ledger.room_for_pay_in("id", "m", 1, half).unwrap();
        let refused = ledger.room_for_pay_in("id", "m", 1, half + 1).unwrap_err();
        assert!(refused.0.contains("room for"), "{refused:?}");
        assert!(ledger.room_for_pay_in("id", "other", 1, half + 1).is_ok());
        ledger.pay_in_settled("id", "m", half);
        ledger.room_for_pay_in("id", "m", 1, u64::MAX - 1).unwrap();
        assert!(ledger.room_for_pay_in("id", "m", 1, u64::MAX).is_err());
    }

    #[test]
    fn create_requests_are_counted_and_forgotten_with_their_order() {
        let mut ledger = Ledger::new(2);
        let k0 = key("id", "m", Kind::PayIn, "t0");
        assert_eq!(ledger.count_create(&k0), 1);
        ledger.insert(order("p0", "t0"));
        // A second request for the same tradeNo (refused 9409) is counted too.
        assert_eq!(ledger.count_create(&k0), 2);
        assert_eq!(ledger.create_count(&k0), 2);
        let payout = key("id", "m", Kind::Payout, "t0");
        assert_eq!(ledger.create_count(&payout), 0, "per kind");
        for i in 1..3 {
            let k = key("id", "m", Kind::PayIn, &format!("t{i}"));
            ledger.count_create(&k);
            ledger.insert(order(&format!("p{i}"), &format!("t{i}")));
        }
        assert_eq!(ledger.create_count(&k0), 0, "forgotten with its order");
        // Counts of refused requests stay bounded.
        for i in 0..10 {
            ledger.count_create(&key("id", "m", Kind::Payout, &format!("r{i}")));
        }
        assert!(ledger.create_requests.len() <= 4 + 1);
    }

    #[test]
    fn balance_changes_are_checked() {
        let full = Balance {
            available: 5,
            frozen: 0,
            unsettled: u64::MAX,
        };
        assert!(full.settled(Kind::PayIn, 1, 1).is_err());
        assert!(full.settle_day().is_err());
        assert_eq!(full.freeze(6), None);
        let frozen = full.freeze(5).unwrap();
        assert_eq!((frozen.available, frozen.frozen), (0, 5));
        let refunded = frozen.settled(Kind::Payout, 5, 0).unwrap();
        assert_eq!((refunded.available, refunded.frozen), (5, 0));
        assert!(
            refunded.settled(Kind::Payout, 5, 5).is_err(),
            "nothing frozen"
        );
    }
}

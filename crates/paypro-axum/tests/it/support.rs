//! What the in-process tests of the example receiver share: its state over an in-memory store
//! and a client pointed at a closed local port (these tests never query), and the order book
//! read by `tradeNo`.

use crate::example::AppState;

use paypro_core::client::Config;
use paypro_core::notify::Flow;
use paypro_core::order::{Action, Order, OrderStore};
use paypro_id::Secret;
use paypro_store::PendingAction;

pub const SECRET: &str = "TESTSECRET";

pub type State = AppState<paypro_id::Client>;

/// The example's state for Indonesia, over `memory:`.
pub async fn state() -> State {
    state_on("memory:").await
}

/// The example's state for Indonesia, over the store `url` names.
pub async fn state_on(url: &str) -> State {
    let secret = Secret::new(SECRET).unwrap();
    // Port 9 (discard) on loopback: nothing listens, and nothing here queries.
    let client = paypro_id::Client::new(
        Config::new("0000000001", secret.clone()).base_url("http://127.0.0.1:9"),
    )
    .unwrap();
    let store = paypro_store::open(url).await.unwrap();
    AppState::new(secret, store, client, "http://127.0.0.1:3000")
}

/// Registers the pay-in `trade_no`, expecting `amount`; `false` when it exists.
pub async fn create_order(state: &State, trade_no: &str, amount: i64) -> Result<bool, String> {
    state
        .lifecycle
        .register(Flow::PayIn, trade_no, amount)
        .await
        .map_err(|e| e.to_string())
}

/// The pay-in `trade_no` as stored.
pub async fn order(state: &State, trade_no: &str) -> Option<Order> {
    state
        .lifecycle
        .store()
        .order(&Flow::PayIn.order_key(trade_no))
        .await
        .unwrap()
}

/// Runs the outbox worker until nothing is due; every action performed so far.
pub async fn performed(state: &State) -> Vec<PendingAction> {
    state.perform_pending().await.unwrap();
    state.taken()
}

/// The actions performed for `trade_no`, in order.
pub async fn actions(state: &State, trade_no: &str) -> Vec<Action> {
    performed(state)
        .await
        .into_iter()
        .filter(|t| t.trade_no == trade_no)
        .map(|t| t.action)
        .collect()
}

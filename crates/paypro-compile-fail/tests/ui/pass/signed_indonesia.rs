// The same handler over a signed country's notification compiles, from the country crate alone.
use paypro_id::Notified;

async fn notify(Notified(n, _): Notified<paypro_id::Notification>) -> &'static str {
    let _ = n.trade_no;
    paypro_id::ACK
}

fn main() {
    let _ = axum::routing::post::<_, _, paypro_id::Verifier>(notify);
    let read = |verified: &paypro_id::Verified| verified.parse::<paypro_id::Notification>();
    let _ = read;
}

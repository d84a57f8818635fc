// Kenya's callbacks carry no signature, so "verified, then parsed" cannot hold for them: a
// handler asking for one would answer 400 to every callback. It does not compile.
use paypro_core::extract::Notified;

async fn notify(Notified(n, _): Notified<paypro_ke::UnconfirmedNotification>) -> &'static str {
    let _ = n;
    paypro_ke::ACK
}

fn main() {
    let _ = axum::routing::post::<_, _, paypro_ke::Verifier>(notify);
}

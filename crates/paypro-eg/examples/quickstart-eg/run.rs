// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! Every endpoint of the country, then a refused request.
use std::time::{SystemTime, UNIX_EPOCH};
use paypro_eg::{protocol, Credentials, Endpoint, PreparedRequest};
fn show<E: Endpoint>(title: &str, request: &E, credentials: &Credentials, now: u64) {
    let prepared = PreparedRequest::new(request, credentials, now);
    println!("\n== {title}\n{prepared}");
    println!(
        "-- canonical string (before the secret): {}", request.canonical_string(prepared
        .timestamp)
    );
    println!("-- sign: {}", prepared.sign);
}
pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let merchant_no = std::env::var("PAYPRO_MERCHANT_NO")
        .unwrap_or_else(|_| protocol::TEST_MERCHANT_NO.to_string());
    let secret = std::env::var("PAYPRO_SECRET")
        .unwrap_or_else(|_| protocol::TEST_SECRET.to_string());
    let credentials = Credentials::new(merchant_no, secret);
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as u64;
    println!(
        "Paypro Egypt: every endpoint's request, built from the docs' example values, validated, signed and printed exactly as it would be sent."
    );
    println!("credentials: {credentials:?}");
    let request = paypro_eg::PayInRequest::builder()
        .payer("kevin zhang")
        .amount(300)
        .remark("test")
        .trade_no("test_00000008")
        .mobile("6789123456")
        .email("sdkjfksdjfk@gmail.com")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()?;
    show(
        "pay-in (Create a pay-in: the payer is sent to Paypro's cashier and returns to returnUrl.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_eg::PayoutRequest::builder()
        .customer_name("kevin")
        .amount(300)
        .remark("test")
        .trade_no("test_00000001")
        .notify_url("https://google.com")
        .wallet_id("01123456789")
        .build()?;
    show("payout (Create a payout to an e-wallet.)", &request, &credentials, now);
    let request = paypro_eg::QueryPayInRequest::builder()
        .trade_no("test_00000008")
        .build()?;
    show(
        "query-pay-in (Query a pay-in's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_eg::QueryPayoutRequest::builder()
        .trade_no("test_00000002")
        .build()?;
    show(
        "query-payout (Query a payout's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_eg::BalanceRequest::builder().build()?;
    show("balance (Query the merchant's balances.)", &request, &credentials, now);
    println!("\n== a request the SDK refuses to send: pay-in with `amount` = \"12.50\"");
    match paypro_eg::PayInRequest::builder()
        .payer("kevin zhang")
        .amount(300)
        .remark("test")
        .trade_no("test_00000008")
        .mobile("6789123456")
        .email("sdkjfksdjfk@gmail.com")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .amount("12.50")
        .build()
    {
        Ok(_) => println!("(unexpectedly accepted)"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}

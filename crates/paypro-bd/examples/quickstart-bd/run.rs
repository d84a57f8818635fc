// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! Every endpoint of the country, then a refused request.
use std::time::{SystemTime, UNIX_EPOCH};
use paypro_bd::{protocol, Credentials, Endpoint, PreparedRequest};
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
        "Paypro Bangladesh: every endpoint's request, built from the docs' example values, validated, signed and printed exactly as it would be sent."
    );
    println!("credentials: {credentials:?}");
    let request = paypro_bd::PayInRequest::builder()
        .amount(300)
        .way_code(paypro_bd::pay_in::WayCode::EwalletBkash)
        .trade_no("test_00000008")
        .remark("test")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()?;
    show(
        "pay-in (Create a pay-in (H2H, bKash/Nagad e-wallet): the payer pays through the returned payment link.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_bd::PayInSubmitRequest::builder()
        .platform_trade_no("test_00000008")
        .trx_id("11111111")
        .build()?;
    show(
        "pay-in-submit (Submit the wallet transaction ID (trxId) the payer entered after paying a pay-in (H2H).)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_bd::PayoutRequest::builder()
        .trade_no("test_00000001")
        .amount(300)
        .wallet_id("01123456789")
        .way_code(paypro_bd::payout::WayCode::EwalletBkash)
        .notify_url("https://google.com")
        .remark("test")
        .build()?;
    show(
        "payout (Create a payout to a bKash, Nagad or Rocket e-wallet.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_bd::QueryPayInRequest::builder().trade_no("133323384").build()?;
    show(
        "query-pay-in (Query a pay-in's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_bd::QueryPayoutRequest::builder()
        .trade_no("test_00000001")
        .build()?;
    show(
        "query-payout (Query a payout's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_bd::BalanceRequest::builder().build()?;
    show("balance (Query the merchant's balances.)", &request, &credentials, now);
    println!("\n== a request the SDK refuses to send: pay-in with `amount` = \"12.50\"");
    match paypro_bd::PayInRequest::builder()
        .amount(300)
        .way_code(paypro_bd::pay_in::WayCode::EwalletBkash)
        .trade_no("test_00000008")
        .remark("test")
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

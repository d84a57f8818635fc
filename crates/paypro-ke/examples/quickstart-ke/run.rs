// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! Every endpoint of the country, then a refused request.
use std::time::{SystemTime, UNIX_EPOCH};
use paypro_ke::{protocol, Credentials, Endpoint, PreparedRequest};
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
        "Paypro Kenya: every endpoint's request, built from the docs' example values, validated, signed and printed exactly as it would be sent."
    );
    println!("credentials: {credentials:?}");
    let request = paypro_ke::PayInRequest::builder()
        .amount(3)
        .remark("000000")
        .trade_no("00000001")
        .mobile("mobile")
        .notify_url("https://google.com")
        .build()?;
    show(
        "pay-in (Create an M-Pesa pay-in: a payment prompt is pushed to the payer's phone.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_ke::CashierRequest::builder()
        .amount(3)
        .remark("000000")
        .trade_no("00000001")
        .notify_url("https://google.com")
        .build()?;
    show(
        "cashier (Create a hosted cashier (Payment Casher) page where the payer enters the mobile number and pays.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_ke::PayoutRequest::builder()
        .amount(50)
        .remark("000000")
        .trade_no("1000023")
        .mobile("254115555088")
        .build()?;
    show(
        "payout (Create a B2C payout to an M-Pesa mobile number.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_ke::QueryPayInRequest::builder().trade_no("1000002").build()?;
    show(
        "query-pay-in (Query a pay-in's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_ke::QueryPayoutRequest::builder().trade_no("1000002").build()?;
    show(
        "query-payout (Query a payout's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_ke::QueryMpesaCodeRequest::builder()
        .code("SHL2A6WAQU")
        .build()?;
    show(
        "query-mpesa-code (Check a transaction's result by its M-Pesa transaction code (receipt).)",
        &request,
        &credentials,
        now,
    );
    println!("\n== a request the SDK refuses to send: pay-in with `amount` = \"12.50\"");
    match paypro_ke::PayInRequest::builder()
        .amount(3)
        .remark("000000")
        .trade_no("00000001")
        .mobile("mobile")
        .notify_url("https://google.com")
        .amount("12.50")
        .build()
    {
        Ok(_) => println!("(unexpectedly accepted)"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}

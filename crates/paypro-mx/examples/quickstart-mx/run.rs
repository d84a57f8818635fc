// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! Every endpoint of the country, then a refused request.
use std::time::{SystemTime, UNIX_EPOCH};
use paypro_mx::{protocol, Credentials, Endpoint, PreparedRequest};
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
        "Paypro Mexico: every endpoint's request, built from the docs' example values, validated, signed and printed exactly as it would be sent."
    );
    println!("credentials: {credentials:?}");
    let request = paypro_mx::PayInRequest::builder()
        .trade_no("test_00000008")
        .amount(300)
        .mobile("15745896325")
        .email("kevin@example.com")
        .payer("kevin zhang")
        .way_code(paypro_mx::pay_in::WayCode::Va)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .build()?;
    show(
        "pay-in (Create a pay-in (H2H, no hosted page): the payer pays at a convenience store or by CLABE transfer using the returned payment information.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_mx::CashierRequest::builder()
        .trade_no("test_00000008")
        .amount(300)
        .mobile("15745896325")
        .email("kevin@example.com")
        .payer("kevin zhang")
        .way_code(paypro_mx::cashier::WayCode::Store)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()?;
    show(
        "cashier (Create a payment link: a hosted cashier page where the payer chooses how to pay.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_mx::PayoutRequest::builder()
        .trade_no("test_00000001")
        .way_code("40012")
        .amount(300)
        .customer_name("kevin zhang")
        .customer_mobile("15745896325")
        .customer_email("kevin@example.com")
        .customer_account_type(paypro_mx::payout::CustomerAccountType::Clabe)
        .customer_account("012180000000000015")
        .notify_url("https://google.com")
        .remark("test")
        .build()?;
    show(
        "payout (Create a payout to a debit card or a CLABE account.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_mx::QueryPayInRequest::builder()
        .trade_no("test_00000008")
        .build()?;
    show(
        "query-pay-in (Query a pay-in's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_mx::QueryPayoutRequest::builder()
        .trade_no("test_00000002")
        .build()?;
    show(
        "query-payout (Query a payout's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_mx::BalanceRequest::builder().build()?;
    show("balance (Query the merchant's balances.)", &request, &credentials, now);
    println!("\n== a request the SDK refuses to send: pay-in with `amount` = \"12.50\"");
    match paypro_mx::PayInRequest::builder()
        .trade_no("test_00000008")
        .amount(300)
        .mobile("15745896325")
        .email("kevin@example.com")
        .payer("kevin zhang")
        .way_code(paypro_mx::pay_in::WayCode::Va)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .amount("12.50")
        .build()
    {
        Ok(_) => println!("(unexpectedly accepted)"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}

// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! Every endpoint of the country, then a refused request.
use std::time::{SystemTime, UNIX_EPOCH};
use paypro_id::{protocol, Credentials, Endpoint, PreparedRequest};
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
        "Paypro Indonesia: every endpoint's request, built from the docs' example values, validated, signed and printed exactly as it would be sent."
    );
    println!("credentials: {credentials:?}");
    let request = paypro_id::PayInRequest::builder()
        .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
        .way_code("DANA")
        .amount(1000000)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .build()?;
    show(
        "pay-in (Create a pay-in (H2H): the payer pays through the returned payment URL, QR string or virtual account.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_id::CashierRequest::builder()
        .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
        .amount(1000000)
        .mobile("6281245907765")
        .email("kevin@example.com")
        .username("kevin")
        .channel_code(paypro_id::cashier::ChannelCode::Ewallet)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()?;
    show(
        "cashier (Create a payment link: a hosted cashier page where the payer chooses how to pay.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_id::PayoutRequest::builder()
        .trade_no("39fa354542824ee789faf526f27c024f")
        .amount(100000)
        .customer_name("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .bank_account_no("5464438554636")
        .bank_code("0002")
        .notify_url("https://google.com")
        .remark("remark")
        .build()?;
    show("payout (Create a payout to a bank account.)", &request, &credentials, now);
    let request = paypro_id::QueryPayInRequest::builder()
        .trade_no("test_00000008")
        .build()?;
    show(
        "query-pay-in (Query a pay-in's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_id::QueryPayoutRequest::builder()
        .trade_no("test_00000002")
        .build()?;
    show(
        "query-payout (Query a payout's result by the merchant's tradeNo.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_id::BalanceRequest::builder().build()?;
    show("balance (Query the merchant's balances.)", &request, &credentials, now);
    let request = paypro_id::AccountVerifyRequest::builder()
        .bank_account_no("5464438554636")
        .bank_code("0002")
        .build()?;
    show(
        "account-verify (Check a bank account and get its holder's name before paying out.)",
        &request,
        &credentials,
        now,
    );
    let request = paypro_id::VoucherRequest::builder()
        .trade_no("test_00000002")
        .build()?;
    show(
        "voucher (Get the payment voucher (proof) PDF of a transaction.)",
        &request,
        &credentials,
        now,
    );
    println!("\n== a request the SDK refuses to send: pay-in with `amount` = \"12.50\"");
    match paypro_id::PayInRequest::builder()
        .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
        .way_code("DANA")
        .amount(1000000)
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

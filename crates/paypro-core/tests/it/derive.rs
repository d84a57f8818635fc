//! `#[derive(Signable)]` on hand-written types: wire names, ordering, forms, skipping. (That
//! the body carries the signature computed from it, for any values: `tests/it/sent_is_signed.rs`.)

use paypro_core::{Amount, Secret, Signable};

#[derive(Signable)]
#[signable(timestamp)]
struct PayIn {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(string)]
    amount: Amount,
    remark: Option<String>,
    #[signable(rename = "notifyUrl")]
    notify: String,
    #[signable(rename = "Zeta")]
    zeta: u32,
    #[signable(skip)]
    #[allow(dead_code)]
    header: String,
}

fn sample() -> PayIn {
    PayIn {
        trade_no: "test_00000008".into(),
        amount: Amount::new(300),
        remark: Some("test".into()),
        notify: "https://google.com/cb?a=1&b=2".into(),
        zeta: 7,
        header: "y".into(),
    }
}

#[test]
fn sorted_at_compile_time_in_byte_order() {
    assert_eq!(
        PayIn::SIGNED_FIELDS,
        [
            "Zeta",
            "amount",
            "notifyUrl",
            "remark",
            "timestamp",
            "tradeNo"
        ]
    );
    assert_eq!(
        sample().canonical_string(Some(1728609257212)),
        "Zeta=7amount=300notifyUrl=https://google.com/cb?a=1&b=2remark=testtimestamp=1728609257212tradeNo=test_00000008"
    );
}

#[test]
fn none_empty_and_missing_timestamp_are_skipped() {
    let mut p = sample();
    p.remark = None;
    p.trade_no = String::new();
    assert_eq!(
        p.canonical_string(None),
        "Zeta=7amount=300notifyUrl=https://google.com/cb?a=1&b=2"
    );
}

/// The first worked vector of shared/paypro-api/signing.md, through the derive.
#[test]
fn signing_md_vector_through_the_derive() {
    #[derive(Signable)]
    #[signable(timestamp)]
    struct Payment {
        amount: String,
        #[signable(rename = "notifyUrl")]
        notify_url: String,
        remark: String,
        #[signable(rename = "returnUrl")]
        return_url: String,
        #[signable(rename = "tradeNo")]
        trade_no: String,
        #[signable(rename = "wayCode")]
        way_code: String,
    }
    let p = Payment {
        amount: "300".into(),
        notify_url: "https://google.com".into(),
        remark: "test".into(),
        return_url: "http://abc.com/callback_page".into(),
        trade_no: "test_00000008".into(),
        way_code: "EWALLET_BKASH".into(),
    };
    assert_eq!(
        p.sign(Some(1728609257212), &Secret::new("TESTSECRET").unwrap())
            .as_str(),
        "14c96c6e3ff59f7416d4b1a0c9d26883"
    );
}

/// The fields as sent, in signing order: forms as declared, `None` absent, empty text sent
/// (and not signed), the skipped field nowhere.
#[test]
fn fields_are_written_in_signing_order_in_their_forms() {
    let mut p = sample();
    assert_eq!(
        p.fields_json(),
        r#"{"Zeta":7,"amount":"300","notifyUrl":"https://google.com/cb?a=1&b=2","remark":"test","tradeNo":"test_00000008"}"#
    );
    p.remark = None;
    p.trade_no = String::new();
    assert_eq!(
        p.fields_json(),
        r#"{"Zeta":7,"amount":"300","notifyUrl":"https://google.com/cb?a=1&b=2","tradeNo":""}"#
    );
    #[derive(Signable)]
    struct Numbers {
        #[signable(number)]
        a: Option<Amount>,
        #[signable(string)]
        b: Option<u64>,
        c: Amount,
        d: Option<Amount>,
    }
    let n = Numbers {
        a: Some(Amount::new(5)),
        b: Some(6),
        c: Amount::new(7),
        d: None,
    };
    assert_eq!(n.fields_json(), r#"{"a":5,"b":"6","c":7}"#);
    assert_eq!(n.canonical_string(None), "a=5b=6c=7");
}

#[test]
fn escapes_are_sent_and_the_text_is_signed() {
    let mut p = sample();
    p.remark = Some("say \"hi\"\n\\ Zoë".into());
    assert!(
        p.fields_json().contains(r#""remark":"say \"hi\"\n\\ Zoë""#),
        "{}",
        p.fields_json()
    );
    assert!(
        p.canonical_string(None)
            .contains("remark=say \"hi\"\n\\ ZoëtradeNo="),
        "{}",
        p.canonical_string(None)
    );
}

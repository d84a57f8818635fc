//! `#[derive(Signable)]` on hand-written types: wire names, ordering, skipping, and agreement
//! with the dynamic signer for any values (a property test).

use paypro_core::{Amount, CanonicalSink, Secret, Signable, canonical_string_of_map, sign_map};
use proptest::prelude::*;
use serde::Serialize;

#[derive(Serialize, Signable)]
#[serde(rename_all = "camelCase")]
#[signable(timestamp)]
struct PayIn {
    trade_no: String,
    amount: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    remark: Option<String>,
    #[serde(rename = "notifyUrl")]
    notify: String,
    #[serde(rename = "Zeta")]
    zeta: u32,
    #[serde(rename = "sign", skip_serializing_if = "Option::is_none")]
    sign: Option<String>,
    #[serde(skip)]
    #[allow(dead_code)]
    local_only: String,
    #[signable(skip)]
    #[serde(skip)]
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
        sign: Some("must not be signed".into()),
        local_only: "x".into(),
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
    #[derive(Serialize, Signable)]
    #[signable(timestamp)]
    struct Payment {
        #[serde(rename = "amount")]
        amount: String,
        #[serde(rename = "notifyUrl")]
        notify_url: String,
        #[serde(rename = "remark")]
        remark: String,
        #[serde(rename = "returnUrl")]
        return_url: String,
        #[serde(rename = "tradeNo")]
        trade_no: String,
        #[serde(rename = "wayCode")]
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

/// A sink that records pairs, to prove the derive never hands it an empty value.
struct Pairs(Vec<(String, String)>);
impl CanonicalSink for Pairs {
    fn pair(&mut self, key: &str, value: &str) {
        self.0.push((key.to_string(), value.to_string()));
    }
}

fn body(p: &PayIn, timestamp: u64) -> serde_json::Map<String, serde_json::Value> {
    let mut v = serde_json::to_value(p).unwrap();
    let map = v.as_object_mut().unwrap();
    map.insert("timestamp".into(), timestamp.to_string().into());
    map.clone()
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9_=&?/:. -]{0,40}",
        "\\PC{0,20}",
        "https?://[a-z]{1,10}\\.com/[a-z]{0,5}\\?[a-z]=[0-9]{1,3}&[a-z]=[=&]{0,3}",
        ".{200,400}",
    ]
}

proptest! {
    #[test]
    fn derive_agrees_with_the_map_signer(
        trade_no in text(),
        amount in any::<u64>(),
        remark in proptest::option::of(text()),
        notify in text(),
        zeta in any::<u32>(),
        timestamp in any::<u64>(),
        secret in "[a-zA-Z0-9]\\PC{0,39}",
    ) {
        let p = PayIn { trade_no, amount: Amount::new(amount), remark, notify, zeta, sign: Some("x".into()), local_only: String::new(), header: String::new() };
        let map = body(&p, timestamp);
        prop_assert_eq!(p.canonical_string(Some(timestamp)), canonical_string_of_map(&map));
        let secret = Secret::new(secret).unwrap();
        prop_assert_eq!(p.sign(Some(timestamp), &secret), sign_map(&map, &secret));
        let mut pairs = Pairs(Vec::new());
        p.feed_canonical(Some(timestamp), &mut pairs);
        prop_assert!(pairs.0.iter().all(|(_, v)| !v.is_empty()));
        prop_assert!(pairs.0.iter().all(|(k, _)| k != "sign"));
    }
}

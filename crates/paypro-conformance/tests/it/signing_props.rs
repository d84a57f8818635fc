//! For random field values, a generated request sends its values in their spec forms, and the
//! body it sends verifies as the sandbox verifies it (`RawObject`, `sign_raw`).

use paypro_core::{
    Credentials, PreparedRequest, RawObject, Secret, Signable, canonical_string_of_raw, sign_raw,
};
use paypro_mx::PayInRequest;
use paypro_mx::pay_in::WayCode;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9_=&?/:. -]{1,40}",
        "\\PC{1,20}",
        "https?://[a-z]{1,10}\\.com/[a-z]{0,5}\\?[a-z]=[0-9]{1,3}&[a-z]=[=&]{1,3}",
        ".{200,300}",
    ]
}

fn optional() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![Just(String::new()), text()])
}

/// URLs that pass the `http_url` rule, with what makes signing interesting: `=`, `&`, `?`,
/// non-ASCII and long paths (never a control character, white space or a backslash, which the
/// rule refuses).
fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        "https?://[a-z]{1,10}\\.com/[a-z]{0,5}\\?[a-z]=[0-9]{1,3}&[a-z]=[=&]{1,3}",
        "https?://[a-z][a-z0-9]{0,19}/[^\\s\\\\\\p{C}]{0,20}",
        "https://[a-z]{1,10}\\.example/[^\\s\\\\\\p{C}]{200,300}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn a_generated_request_sends_its_values_and_the_sandbox_verifies_them(
        trade_no in text(),
        amount in 1..=i64::MAX as u64,
        mobile in optional(),
        email in optional(),
        payer in optional(),
        store in any::<bool>(),
        notify_url in url(),
        return_url in proptest::option::of(prop_oneof![Just(String::new()), url()]),
        remark in optional(),
        timestamp in any::<u64>(),
        secret in "[a-zA-Z0-9]\\PC{0,39}",
    ) {
        let mut b = PayInRequest::builder()
            .trade_no(&trade_no)
            .amount(amount)
            .way_code(if store { WayCode::Store } else { WayCode::Va })
            .notify_url(&notify_url);
        let mut expected = serde_json::Map::new();
        expected.insert("tradeNo".into(), trade_no.clone().into());
        // Mexico sends amounts as strings of digits (spec/mx.toml).
        expected.insert("amount".into(), amount.to_string().into());
        expected.insert("wayCode".into(), (if store { "store" } else { "va" }).into());
        expected.insert("notifyUrl".into(), notify_url.clone().into());
        expected.insert("timestamp".into(), timestamp.to_string().into());
        for (name, value) in [("mobile", &mobile), ("email", &email), ("payer", &payer), ("returnUrl", &return_url), ("remark", &remark)] {
            // The builder reads an empty optional text as absent: not sent.
            if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
                expected.insert(name.into(), v.clone().into());
            }
        }
        if let Some(v) = mobile { b = b.mobile(v); }
        if let Some(v) = email { b = b.email(v); }
        if let Some(v) = payer { b = b.payer(v); }
        if let Some(v) = return_url { b = b.return_url(v); }
        if let Some(v) = remark { b = b.remark(v); }
        let request = b.build().expect("no rule constrains these fields");
        let credentials = Credentials::new("0000000001", Secret::new(secret).unwrap());
        let prepared = PreparedRequest::new(&request, &credentials, timestamp);
        let received = RawObject::parse(&prepared.body, "body").unwrap();
        prop_assert!(sign_raw(&received, credentials.secret()).matches(prepared.sign.as_str()));
        prop_assert_eq!(canonical_string_of_raw(&received), request.canonical_string(Some(timestamp)));
        let sent: serde_json::Value = serde_json::from_str(&prepared.body).unwrap();
        expected.insert("sign".into(), prepared.sign.as_str().into());
        prop_assert_eq!(sent.as_object().unwrap(), &expected);
    }
}

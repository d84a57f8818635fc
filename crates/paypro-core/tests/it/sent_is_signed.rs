//! What is signed is what is sent. A prepared request's body, read back as Paypro and the
//! sandbox read it (`RawObject`, then the one canonicaliser behind `sign_raw`), carries exactly
//! the signature the client computed, and its fields are the signed fields.
//!
//! The request types here have a `Serialize` of their own that disagrees with the signed
//! names and forms. When the body was written by serde and the signature by the derive, these
//! requests were sent under one name and signed under another: the gateway refused them.

use paypro_core::descriptor::*;
use paypro_core::{
    Credentials, Endpoint, PreparedRequest, RawObject, Secret, Signable, canonical_string_of_raw,
    sign_raw,
};

const fn descriptor(path: &'static str, timestamp: TimestampWire) -> EndpointDescriptor {
    EndpointDescriptor {
        country: "zz",
        name: "pay-in",
        role: Role::PayIn,
        summary: "test",
        path,
        sign: SignPlacement::Body,
        timestamp,
        unaccepted: Unaccepted::ByCode,
        effect: Effect::MovesMoney,
        provenance: Provenance::Documented,
        request: &[],
        response: DataShape::Boolean,
    }
}

const PAY: EndpointDescriptor = descriptor("/v1/pay", TimestampWire::String);

/// Signed as `trade_no`; its own `Serialize` sends `tradeNo` and a field nobody signed.
#[derive(Signable)]
#[signable(timestamp)]
struct Renamed {
    trade_no: String,
    remark: Option<String>,
}

impl serde::Serialize for Renamed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("tradeNo", &self.trade_no)?;
        m.serialize_entry("remark", &self.remark.as_deref().map(str::to_uppercase))?;
        m.serialize_entry("kind", "unsigned")?;
        m.end()
    }
}

impl Endpoint for Renamed {
    const DESCRIPTOR: &'static EndpointDescriptor = &PAY;
    type Response = bool;
}

fn credentials() -> Credentials {
    Credentials::new("0000000001", Secret::new("TESTSECRET").unwrap())
}

/// What the gateway checks: the signature of the received body, and that every sent field
/// was signed.
fn assert_sent_is_signed<E: Endpoint>(request: &E, timestamp: u64) -> PreparedRequest {
    let c = credentials();
    let prepared = PreparedRequest::new(request, &c, timestamp);
    let received = RawObject::parse(&prepared.body, "body").expect("the body is a JSON object");
    assert_eq!(
        canonical_string_of_raw(&received),
        request.canonical_string(prepared.timestamp),
        "{}",
        prepared.body
    );
    assert!(
        sign_raw(&received, c.secret()).matches(prepared.sign.as_str()),
        "{}",
        prepared.body
    );
    let mut sent: Vec<&str> = received
        .iter()
        .map(|(k, _)| k)
        .filter(|k| *k != "sign")
        .collect();
    sent.sort_unstable();
    assert_eq!(sent, E::SIGNED_FIELDS, "{}", prepared.body);
    prepared
}

#[test]
fn a_request_is_sent_under_the_names_and_values_it_is_signed_with() {
    let request = Renamed {
        trade_no: "T-1".into(),
        remark: Some("lower case".into()),
    };
    let prepared = assert_sent_is_signed(&request, 1_700_000_000_000);
    assert!(
        prepared.body.contains(r#""trade_no":"T-1""#),
        "{}",
        prepared.body
    );
    assert!(
        prepared.body.contains(r#""remark":"lower case""#),
        "{}",
        prepared.body
    );
}

/// Every form a request field takes: renamed text, optional text, amounts as a number and as
/// a string, an unsigned integer, a name sorting before lowercase ones.
#[derive(Signable)]
#[signable(timestamp)]
struct Every {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    remark: Option<String>,
    #[signable(number)]
    amount: paypro_core::Amount,
    #[signable(rename = "fee", string)]
    fee: Option<paypro_core::Amount>,
    #[signable(rename = "Zeta")]
    zeta: u32,
    #[signable(skip)]
    #[allow(dead_code)]
    local: String,
}

const NUMBER_STAMP: EndpointDescriptor = descriptor("/v1/every", TimestampWire::Number);

impl Endpoint for Every {
    const DESCRIPTOR: &'static EndpointDescriptor = &NUMBER_STAMP;
    type Response = bool;
}

/// The same request, signed in a header and sending no timestamp.
#[derive(Signable)]
struct Untimed {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    remark: Option<String>,
}

const HEADER_SIGN: EndpointDescriptor = EndpointDescriptor {
    sign: SignPlacement::Header,
    ..descriptor("/v1/untimed", TimestampWire::Absent)
};

impl Endpoint for Untimed {
    const DESCRIPTOR: &'static EndpointDescriptor = &HEADER_SIGN;
    type Response = bool;
}

fn text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9_=&?/:. -]{0,40}",
        "\\PC{0,20}",
        "[\"\\\\\\x00-\\x1f\\u{7f}\\u{2028}é🦤]{0,10}",
        "https?://[a-z]{1,10}\\.com/[a-z]{0,5}\\?[a-z]=[0-9]{1,3}&[a-z]=[=&]{0,3}",
        ".{200,700}",
    ]
}

proptest::proptest! {
    /// The invariant "one canonicaliser": for any values, the body `PreparedRequest::new`
    /// writes, read back as the sandbox and Paypro read it (`RawObject`, `sign_raw`), carries
    /// the signature computed while writing it; `sign()` alone computes the same; every value
    /// reads back as itself.
    #[test]
    fn the_sandbox_verifies_what_is_sent_for_any_values(
        trade_no in text(),
        remark in proptest::option::of(text()),
        amount in 1..=u64::MAX,
        fee in proptest::option::of(0..=u64::MAX),
        zeta in proptest::prelude::any::<u32>(),
        timestamp in proptest::prelude::any::<u64>(),
        secret in "[a-zA-Z0-9]\\PC{0,39}",
    ) {
        let c = Credentials::new("0000000001", Secret::new(secret).unwrap());
        let every = Every {
            trade_no: trade_no.clone(),
            remark: remark.clone(),
            amount: paypro_core::Amount::new(amount),
            fee: fee.map(paypro_core::Amount::new),
            zeta,
            local: "never sent".into(),
        };
        let prepared = PreparedRequest::new(&every, &c, timestamp);
        let received = RawObject::parse(&prepared.body, "body").unwrap();
        proptest::prop_assert!(sign_raw(&received, c.secret()).matches(prepared.sign.as_str()));
        proptest::prop_assert_eq!(every.sign(Some(timestamp), c.secret()), prepared.sign);
        proptest::prop_assert_eq!(
            canonical_string_of_raw(&received),
            every.canonical_string(Some(timestamp))
        );
        let json: serde_json::Value = serde_json::from_str(&prepared.body).unwrap();
        proptest::prop_assert_eq!(&json["tradeNo"], &serde_json::Value::from(trade_no.clone()));
        proptest::prop_assert_eq!(&json["amount"], &serde_json::Value::from(amount));
        proptest::prop_assert_eq!(&json["timestamp"], &serde_json::Value::from(timestamp));
        proptest::prop_assert_eq!(&json["Zeta"], &serde_json::Value::from(zeta));
        proptest::prop_assert_eq!(
            json.get("fee").cloned(),
            fee.map(|f| serde_json::Value::from(f.to_string()))
        );
        proptest::prop_assert_eq!(json.get("remark").cloned(), remark.clone().map(serde_json::Value::from));
        proptest::prop_assert!(json.get("local").is_none());
        let tail = format!(r#","sign":"{}"}}"#, prepared.sign);
        proptest::prop_assert!(prepared.body.ends_with(&tail));

        let untimed = Untimed { trade_no, remark };
        let prepared = PreparedRequest::new(&untimed, &c, timestamp);
        let received = RawObject::parse(&prepared.body, "body").unwrap();
        proptest::prop_assert_eq!(prepared.header("sign"), Some(prepared.sign.as_str()));
        proptest::prop_assert!(received.get("sign").is_none() && received.get("timestamp").is_none());
        proptest::prop_assert!(sign_raw(&received, c.secret()).matches(prepared.sign.as_str()));
        proptest::prop_assert_eq!(untimed.sign(None, c.secret()), prepared.sign);
    }
}

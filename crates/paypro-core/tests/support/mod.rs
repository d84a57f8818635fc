//! A hand-written endpoint pair (a pay-in and its query) for the client tests.
#![allow(dead_code, unused_imports)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use paypro_core::client::{
    Client, Config, ConfigError, Error, FixedClock, ReconcileOptions, Reconciled, RetryPolicy,
};
use paypro_core::descriptor::*;
use paypro_core::{
    Amount, Decimal, DecodeError, Endpoint, Extra, FailureCode, FromRaw, RawObject, Secret,
    Signable, Status, lenient,
};
use paypro_testkit::{Answer, Received, TestServer};
use serde_json::value::RawValue;

pub const SECRET: &str = "s3cr3t-app-key";
pub const MERCHANT: &str = "0000000001";

#[derive(Signable)]
#[signable(timestamp)]
pub struct Pay {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(string)]
    amount: Amount,
}

#[derive(Signable)]
#[signable(timestamp)]
pub struct Query {
    #[signable(rename = "tradeNo")]
    trade_no: String,
}

const fn descriptor(name: &'static str, path: &'static str, effect: Effect) -> EndpointDescriptor {
    EndpointDescriptor {
        country: "zz",
        name,
        role: match effect {
            Effect::MovesMoney => Role::PayIn,
            _ => Role::QueryPayIn,
        },
        summary: "test",
        path,
        sign: SignPlacement::Body,
        timestamp: TimestampWire::String,
        unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
        effect,
        provenance: Provenance::Documented,
        request: &[],
        response: DataShape::Object(&[]),
    }
}

const PAY: EndpointDescriptor = descriptor("pay-in", "/v1/pay", Effect::MovesMoney);
const QUERY: EndpointDescriptor = descriptor("query-pay-in", "/v1/query", Effect::ReadOnly);
const OTHER_COUNTRY: EndpointDescriptor = EndpointDescriptor {
    country: "yy",
    ..QUERY
};
pub const COUNTRY: CountryDescriptor = CountryDescriptor {
    code: "zz",
    name: "Zedland",
    currency: "ZZD",
    sandbox_base_url: None,
    endpoints: &[&PAY, &QUERY],
    notification: &NotificationDescriptor {
        signed: true,
        timestamped: true,
        provenance: Provenance::Documented,
        fields: &[],
    },
};

#[derive(Debug, PartialEq)]
pub struct Data {
    pub trade_no: Option<String>,
    pub status: Option<Status>,
    pub amount: Option<Decimal>,
    pub extra: Extra,
}

impl FromRaw for Data {
    fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError> {
        let mut data = Data {
            trade_no: None,
            status: None,
            amount: None,
            extra: Extra::default(),
        };
        let mut message = None;
        for (key, value) in RawObject::parse(raw.get(), path)?.into_entries() {
            match key.as_str() {
                "tradeNo" => data.trade_no = lenient::text(&value, &key)?,
                "status" => data.status = lenient::status(&value, &key)?,
                "amount" | "payAmount" => data.amount = lenient::decimal(&value, &key)?,
                "message" => message = lenient::text(&value, &key)?,
                _ => data.extra.insert(key, value),
            }
        }
        data.status = data.status.map(|s| s.with_message(message));
        Ok(data)
    }
}

impl Endpoint for Pay {
    const DESCRIPTOR: &'static EndpointDescriptor = &PAY;
    type Response = Data;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}

impl Endpoint for Query {
    const DESCRIPTOR: &'static EndpointDescriptor = &QUERY;
    type Response = Data;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}

pub struct Foreign;
impl Signable for Foreign {
    const SIGNED_FIELDS: &'static [&'static str] = &["timestamp"];
    const TIMESTAMPED: bool = true;
    fn visit_wire<V: paypro_core::WireVisitor + ?Sized>(
        &self,
        timestamp: Option<paypro_core::WireTimestamp>,
        visitor: &mut V,
    ) {
        visitor.field("timestamp", &timestamp);
    }
}
impl Endpoint for Foreign {
    const DESCRIPTOR: &'static EndpointDescriptor = &OTHER_COUNTRY;
    type Response = Data;
}

pub fn pay() -> Pay {
    Pay {
        trade_no: "T-1".into(),
        amount: Amount::new(300),
    }
}

pub fn query() -> Query {
    Query {
        trade_no: "T-1".into(),
    }
}

pub fn config(url: &str) -> Config {
    Config::new(MERCHANT, Secret::new(SECRET).unwrap())
        .base_url(url)
        .clock(FixedClock(1_728_609_257_212))
        .request_timeout(Duration::from_millis(400))
        .retry(RetryPolicy::new(
            3,
            Duration::from_millis(10),
            Duration::from_millis(20),
        ))
}

pub fn client(server: &TestServer) -> Client {
    Client::new(&COUNTRY, config(server.url())).expect("valid config")
}

/// A server that answers every request with `answer` and counts requests.
pub async fn answering(answer: Answer) -> TestServer {
    TestServer::start(move |_| answer.clone()).await
}

pub fn accepted(data: &str) -> String {
    format!(
        r#"{{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{data}}}"#
    )
}

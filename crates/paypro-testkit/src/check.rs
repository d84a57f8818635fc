//! The one request check, the embedded sandbox's ([`paypro_mock::checks::check`]: header,
//! content type, JSON, sign, timestamp form, required fields, wire types and the spec's rules),
//! plus what only a test knows: the method and path it expects, and the exact timestamp its
//! clock gave the client.

use paypro_core::Secret;
use paypro_core::descriptor::EndpointDescriptor;
use paypro_core::protocol::{METHOD, TIMESTAMP_FIELD};
use paypro_mock::checks::{Refusal, check, codes, text_of};

use crate::server::{Answer, Received};

/// Why the sandbox would refuse `request` for `endpoint` from the merchant `merchant_no` whose
/// secret is `secret`, if it would; also when the method is not the protocol's, the path (relative
/// to the server's root) is not the endpoint's, or (`Some(ms)`) the timestamp is not that one.
/// `None`: it would accept.
pub fn refusal(
    request: &Received,
    endpoint: &EndpointDescriptor,
    merchant_no: &str,
    secret: &Secret,
    timestamp_ms: Option<u64>,
) -> Option<Refusal> {
    let refused = |msg: String| Some(Refusal::new(codes::FIELD, msg));
    if request.method != METHOD {
        return refused(format!("method {} instead of {METHOD}", request.method));
    }
    if request.path != endpoint.path {
        return refused(format!(
            "path {} instead of {}",
            request.path, endpoint.path
        ));
    }
    let mut headers = axum::http::HeaderMap::new();
    for (name, value) in &request.headers {
        let (Ok(name), Ok(value)) = (
            axum::http::HeaderName::try_from(name.as_str()),
            axum::http::HeaderValue::try_from(value.as_str()),
        ) else {
            return refused(format!("header `{name}` is not a valid header"));
        };
        headers.append(name, value);
    }
    let merchant = |m: &str| (m == merchant_no).then(|| secret.clone());
    let object = match check(
        endpoint,
        &headers,
        request.body.as_bytes(),
        usize::MAX,
        u64::MAX,
        merchant,
    ) {
        Ok((_, object)) => object,
        Err(refusal) => return Some(refusal),
    };
    match (timestamp_ms, object.get(TIMESTAMP_FIELD)) {
        (Some(expected), Some(raw)) if text_of(raw.get()) != expected.to_string() => refused(
            format!("`timestamp` is {} instead of {expected}", raw.get()),
        ),
        _ => None,
    }
}

/// Answers `json` when [`refusal`] finds nothing wrong with `request`, otherwise the refusal
/// as the embedded sandbox answers it (its envelope, marked with
/// [`paypro_core::protocol::SANDBOX_HEADER`]), so the client under test sees
/// `Error::Rejected` with the reason.
pub fn checked_answer(
    request: &Received,
    endpoint: &EndpointDescriptor,
    merchant_no: &str,
    secret: &Secret,
    timestamp_ms: Option<u64>,
    json: &str,
) -> Answer {
    match refusal(request, endpoint, merchant_no, secret, timestamp_ms) {
        None => Answer::json(json),
        Some(refusal) => Answer::json(refusal.envelope()).from_sandbox(),
    }
}

#[cfg(test)]
mod tests {
    use paypro_core::descriptor::*;
    use paypro_core::{RawObject, Secret, sign_raw};

    use super::*;

    const QUERY: EndpointDescriptor = EndpointDescriptor {
        country: "zz",
        name: "query-pay-in",
        role: Role::QueryPayIn,
        summary: "",
        path: "/q",
        sign: SignPlacement::Body,
        timestamp: TimestampWire::String,
        effect: Effect::ReadOnly,
        unaccepted: Unaccepted::ByCode,
        provenance: Provenance::Documented,
        request: &[],
        response: DataShape::Boolean,
    };

    fn request(body: &str, path: &str, merchant: &str) -> Received {
        Received {
            method: "POST".into(),
            path: path.into(),
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("merchantno".into(), merchant.into()),
            ],
            body: body.into(),
        }
    }

    #[test]
    fn refusal_names_each_problem() {
        let secret = Secret::new("k").unwrap();
        let fields = RawObject::parse(r#"{"timestamp":"5","tradeNo":"T"}"#, "b").unwrap();
        let sign = sign_raw(&fields, &secret);
        let good = format!(r#"{{"timestamp":"5","tradeNo":"T","sign":"{sign}"}}"#);
        let refused = |r: Received, ts| {
            refusal(&r, &QUERY, "m", &secret, ts)
                .map(|r| r.msg)
                .unwrap_or_default()
        };
        assert_eq!(refused(request(&good, "/q", "m"), Some(5)), "");
        assert_eq!(refused(request(&good, "/q", "m"), None), "");
        assert!(refused(request(&good, "/other", "m"), Some(5)).starts_with("path /other"));
        assert!(refused(request(&good, "/q", "x"), Some(5)).contains("unknown merchant `x`"));
        assert!(
            refused(request(&good.replace("\"T\"", "\"U\""), "/q", "m"), Some(5))
                .starts_with("sign error")
        );
        assert!(refused(request(&good, "/q", "m"), Some(6)).contains("instead of 6"));
        assert!(
            !refused(request("[1]", "/q", "m"), Some(5)).is_empty(),
            "not a JSON object"
        );
        let mut get = request(&good, "/q", "m");
        get.method = "GET".into();
        assert_eq!(refused(get, Some(5)), "method GET instead of POST");
        let mut form = request(&good, "/q", "m");
        form.headers[0].1 = "application/x-www-form-urlencoded".into();
        assert!(refused(form, Some(5)).starts_with("content-type"));

        let ok = checked_answer(
            &request(&good, "/q", "m"),
            &QUERY,
            "m",
            &secret,
            Some(5),
            "{}",
        );
        assert_eq!(ok, Answer::json("{}"));
        match checked_answer(
            &request(&good, "/q", "m"),
            &QUERY,
            "m",
            &secret,
            Some(6),
            "{}",
        ) {
            Answer::Marked(inner) => match *inner {
                Answer::Full { body, .. } => {
                    let envelope: serde_json::Value = serde_json::from_str(&body).unwrap();
                    assert_eq!(envelope["code"], codes::FIELD);
                    assert!(envelope["msg"].as_str().unwrap().contains("instead of 6"));
                }
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }
}

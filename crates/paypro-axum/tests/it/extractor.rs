//! The extractor's refusals are typed: a body over the limit without a `content-length`
//! (chunked) is `TooLarge`, not "not an object".

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use paypro_axum::{Notified, Rejection, VerifiedNotification};
use paypro_core::Secret;
use paypro_core::notify::{NotifyError, Verifier, sign_body};

fn verifier() -> Verifier {
    Verifier::new(Secret::new("TESTSECRET").unwrap())
}

fn request(body: Vec<u8>) -> Request {
    // No content-length header: the length is only known by reading.
    Request::builder()
        .method("POST")
        .uri("/paypro/notify")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_body_over_the_limit_without_a_length_is_too_large() {
    let big = format!(r#"{{"pad":"{}"}}"#, "x".repeat(70 * 1024)).into_bytes();
    match VerifiedNotification::from_request(request(big), &verifier()).await {
        Err(Rejection(NotifyError::TooLarge { limit, got })) => {
            assert_eq!(limit, Verifier::DEFAULT_MAX_BODY_BYTES);
            assert!(got > limit);
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
}

/// A body, and the refusal it must get.
type Case = (Vec<u8>, fn(&NotifyError) -> bool);

#[tokio::test]
async fn each_refusal_keeps_its_variant() {
    let secret = Secret::new("TESTSECRET").unwrap();
    let genuine = sign_body(
        r#"{"status":"0000","tradeNo":"T-1","amount":"10"}"#,
        &secret,
    )
    .unwrap();
    let spliced = sign_body(r#"{"status":"0000successTime=1","tradeNo":"T-1"}"#, &secret).unwrap();
    let cases: Vec<Case> = vec![
        (b"not json".to_vec(), |e| {
            matches!(e, NotifyError::NotJson(_))
        }),
        (b"[1]".to_vec(), |e| {
            matches!(e, NotifyError::NotAnObject(_))
        }),
        (br#"{"a":1,"a":2}"#.to_vec(), |e| {
            matches!(e, NotifyError::DuplicateKey(_))
        }),
        (genuine.replace("T-1", "T-2").into_bytes(), |e| {
            matches!(e, NotifyError::BadSign)
        }),
        (spliced.into_bytes(), |e| {
            matches!(e, NotifyError::Unusable(_))
        }),
    ];
    for (body, expected) in cases {
        let shown = String::from_utf8_lossy(&body).into_owned();
        match Notified::<paypro_id::Notification>::from_request(request(body), &verifier()).await {
            Err(Rejection(e)) => assert!(expected(&e), "{shown}: {e:?}"),
            Ok(_) => panic!("{shown} was accepted"),
        }
    }
    let ok = Notified::<paypro_id::Notification>::from_request(
        request(genuine.into_bytes()),
        &verifier(),
    )
    .await;
    assert!(ok.is_ok());
}

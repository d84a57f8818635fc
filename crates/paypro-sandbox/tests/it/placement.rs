//! The secret's placement is a setting end to end: a sandbox started with the documented
//! alternative (secret first) refuses a request signed by the spec's rule, accepts the same
//! request once the client's `Config::secret_placement` says so, and signs its callbacks so that
//! only a verifier with that placement accepts them.

use crate::common;

use paypro_all::id;
use paypro_core::client::{Config, Error};
use paypro_core::notify::{Verifier, sign_body};
use paypro_core::{Secret, SecretPlacement};
use paypro_mock::{Merchant, MockGateway};
use paypro_testkit::TEST_MERCHANT_NO;

async fn sandbox(placement: SecretPlacement) -> MockGateway {
    let config = common::config().merchants(vec![Merchant::new(
        TEST_MERCHANT_NO,
        common::secret().with_placement(placement),
    )]);
    MockGateway::start(config, paypro_all::COUNTRIES)
        .await
        .expect("the sandbox starts")
}

fn client(gateway: &MockGateway, config: Config) -> id::Client {
    let base = gateway.base_url("id").expect("Indonesia is served");
    id::Client::new(config.base_url(base)).expect("a client")
}

#[tokio::test]
async fn a_gateway_on_the_other_placement_refuses_the_spec_rule_and_accepts_the_setting() {
    assert_eq!(SecretPlacement::SPEC, SecretPlacement::Append);
    assert_eq!(SecretPlacement::ALTERNATIVE, SecretPlacement::Prepend);
    let gateway = sandbox(SecretPlacement::Prepend).await;
    let balance = id::BalanceRequest::builder().build().unwrap();

    let spec_rule = client(&gateway, Config::new(TEST_MERCHANT_NO, common::secret()));
    match spec_rule.balance(&balance).await {
        Err(Error::Rejected { code, .. }) => assert_eq!(code, "9402", "the sign refusal"),
        other => panic!("expected a sign refusal, got {other:?}"),
    }

    let alternative = client(
        &gateway,
        Config::new(TEST_MERCHANT_NO, common::secret()).secret_placement(SecretPlacement::Prepend),
    );
    let reply = alternative.balance(&balance).await.expect("accepted");
    assert!(reply.data.available_amount.is_some(), "{reply:?}");

    // And a sandbox on the spec's rule refuses the alternative.
    let gateway = sandbox(SecretPlacement::Append).await;
    let alternative = client(
        &gateway,
        Config::new(TEST_MERCHANT_NO, common::secret()).secret_placement(SecretPlacement::Prepend),
    );
    assert!(matches!(
        alternative.balance(&balance).await,
        Err(Error::Rejected { .. })
    ));
}

#[test]
fn a_callback_signed_with_one_placement_verifies_only_with_it() {
    let body = r#"{"platFormTradeNo":"p1","tradeNo":"t1","amount":"300","status":"0000"}"#;
    let prepended: Secret = common::secret().with_placement(SecretPlacement::Prepend);
    let signed = sign_body(body, &prepended).unwrap();
    assert!(Verifier::new(prepended).verify(signed.as_bytes()).is_ok());
    assert!(
        Verifier::new(common::secret())
            .verify(signed.as_bytes())
            .is_err()
    );
}

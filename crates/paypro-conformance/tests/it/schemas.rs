//! The additive `schemars` feature: request schemas describe the wire input (wire names,
//! documented enum values, amounts as number or digit string), responses keep `extra`.

use schemars::schema_for;
use serde_json::Value;

fn properties(schema: &Value) -> Vec<String> {
    let mut keys: Vec<String> = schema["properties"]
        .as_object()
        .expect("an object schema")
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn request_schemas_use_wire_names_and_documented_values() {
    let schema = serde_json::to_value(schema_for!(paypro_id::PayInRequest)).unwrap();
    assert_eq!(
        properties(&schema),
        [
            "amount",
            "channelCode",
            "email",
            "mobile",
            "notifyUrl",
            "remark",
            "returnUrl",
            "tradeNo",
            "username",
            "wayCode"
        ]
    );
    let text = schema.to_string();
    for value in ["\"QRIS\"", "\"EWALLET\"", "\"VA\"", "^[0-9]+$"] {
        assert!(text.contains(value), "{value} missing from {text}");
    }
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
}

#[test]
fn every_country_has_schemas_for_requests_responses_and_notifications() {
    let schemas = [
        serde_json::to_value(schema_for!(paypro_bd::PayoutRequest)).unwrap(),
        serde_json::to_value(schema_for!(paypro_mx::QueryPayInResponse)).unwrap(),
        serde_json::to_value(schema_for!(paypro_ke::UnconfirmedNotification)).unwrap(),
        serde_json::to_value(schema_for!(paypro_eg::BalanceResponse)).unwrap(),
        serde_json::to_value(schema_for!(paypro_id::Notification)).unwrap(),
    ];
    assert!(properties(&schemas[0]).contains(&"walletId".to_string()));
    assert!(properties(&schemas[1]).contains(&"platFormTradeNo".to_string()));
    assert!(properties(&schemas[2]).contains(&"successTime".to_string()));
    assert!(properties(&schemas[3]).contains(&"availableAmount".to_string()));
    assert!(properties(&schemas[4]).contains(&"sign".to_string()));
}

use paypro_core::Signable;

// serde would name the field `tradeNo`, the derive `trade_no`.
#[derive(serde::Serialize, Signable)]
#[serde(rename_all = "camelCase")]
struct Request {
    trade_no: String,
}

fn main() {}

use paypro_core::Signable;

#[derive(serde::Serialize, Signable)]
struct Request {
    #[serde(rename = "tradeNo")]
    trade_no: String,
    #[serde(rename = "tradeNo")]
    other: String,
}

fn main() {}

use paypro_core::Signable;

// serde's name is not the derive's: serialized, the request would not be what is signed.
#[derive(serde::Serialize, Signable)]
struct Request {
    #[serde(rename = "tradeNo")]
    trade_no: String,
}

fn main() {}

use paypro_core::Signable;

#[derive(serde::Serialize, Signable)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Request {
    trade_no: String,
}

fn main() {}

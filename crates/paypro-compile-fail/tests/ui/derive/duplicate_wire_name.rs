use paypro_core::Signable;

#[derive(Signable)]
struct Request {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "tradeNo")]
    other: String,
}

fn main() {}

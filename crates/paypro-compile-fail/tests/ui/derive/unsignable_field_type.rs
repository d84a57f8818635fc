use paypro_core::Signable;

#[derive(serde::Serialize, Signable)]
struct Request {
    #[serde(rename = "amount")]
    amount: f64,
}

fn main() {}

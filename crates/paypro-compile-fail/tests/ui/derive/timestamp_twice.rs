use paypro_core::Signable;

#[derive(serde::Serialize, Signable)]
#[signable(timestamp)]
struct Request {
    timestamp: String,
}

fn main() {}

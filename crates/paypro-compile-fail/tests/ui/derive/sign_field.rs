use paypro_core::Signable;

#[derive(Signable)]
struct Request {
    #[signable(rename = "sign")]
    precomputed: String,
}

fn main() {}

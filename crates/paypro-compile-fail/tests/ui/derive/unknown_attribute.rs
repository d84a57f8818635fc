use paypro_core::Signable;

#[derive(serde::Serialize, Signable)]
#[signable(timestmap)]
struct Request {
    a: String,
}

fn main() {}

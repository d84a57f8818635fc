use paypro_core::Signable;

#[derive(serde::Serialize)]
struct Inner {
    a: String,
}

#[derive(serde::Serialize, Signable)]
struct Request {
    #[serde(flatten)]
    inner: Inner,
}

fn main() {}

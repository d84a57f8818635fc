use paypro_core::Signable;

#[derive(Signable)]
#[signable(timestamp)]
struct Request {
    timestamp: String,
}

fn main() {}

use paypro_core::Signable;

#[derive(Signable)]
#[signable(timestmap)]
struct Request {
    a: String,
}

fn main() {}

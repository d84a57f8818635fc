use paypro_core::Signable;

#[derive(Signable)]
struct Request {
    amount: f64,
}

fn main() {}

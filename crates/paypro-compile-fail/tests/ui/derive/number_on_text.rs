use paypro_core::Signable;

#[derive(Signable)]
struct Request {
    #[signable(number)]
    amount: String,
}

fn main() {}

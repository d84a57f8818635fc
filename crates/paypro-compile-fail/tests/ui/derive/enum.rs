use paypro_core::Signable;

#[derive(Signable)]
enum Request {
    A,
}

fn main() {}

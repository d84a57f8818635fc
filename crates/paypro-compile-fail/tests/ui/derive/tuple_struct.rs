use paypro_core::Signable;

#[derive(Signable)]
struct Request(String);

fn main() {}

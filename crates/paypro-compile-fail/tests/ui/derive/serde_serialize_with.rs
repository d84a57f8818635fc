use paypro_core::{Amount, Signable};

#[derive(serde::Serialize, Signable)]
struct Request {
    #[serde(serialize_with = "as_text")]
    amount: Amount,
}

fn as_text<S: serde::Serializer>(amount: &Amount, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(amount)
}

fn main() {}

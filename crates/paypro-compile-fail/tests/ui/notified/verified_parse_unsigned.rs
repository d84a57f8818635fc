// A verified body cannot be read as an unsigned country's notification either.
fn read(verified: &paypro_ke::Verified) {
    let _ = verified.parse::<paypro_ke::UnconfirmedNotification>();
}

fn main() {
    let _ = read;
}

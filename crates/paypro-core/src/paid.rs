//! "Paid" means fully paid: the one rule behind every generated `is_fully_paid`.

use rust_decimal::Decimal;

use crate::Status;

/// Whether `status` and the amount Paypro says was paid prove that an order for `expected`
/// was paid in full: `0000` (success) with a paid amount of at least `expected`.
///
/// Never true for a partial payment (`0001`), for a success without an amount (nothing proves
/// the amount), or for a success for less than `expected`: deliver only when this is true.
///
/// ```
/// use paypro_core::{is_fully_paid, Decimal, Status};
/// assert!(is_fully_paid(Some(&Status::Success), Some(Decimal::from(30_000)), Decimal::from(30_000)));
/// assert!(!is_fully_paid(Some(&Status::PartialPayment), Some(Decimal::from(30_000)), Decimal::from(30_000)));
/// assert!(!is_fully_paid(Some(&Status::Success), Some(Decimal::from(15_000)), Decimal::from(30_000)));
/// assert!(!is_fully_paid(Some(&Status::Success), None, Decimal::from(30_000)));
/// ```
pub fn is_fully_paid(status: Option<&Status>, paid: Option<Decimal>, expected: Decimal) -> bool {
    matches!(status, Some(Status::Success)) && paid.is_some_and(|paid| paid >= expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_success_for_the_whole_amount_is_paid() {
        let d = |n: i64| Decimal::from(n);
        let scaled = "30000.00".parse::<Decimal>().unwrap();
        assert!(is_fully_paid(
            Some(&Status::Success),
            Some(scaled),
            d(30_000)
        ));
        assert!(is_fully_paid(
            Some(&Status::Success),
            Some(d(30_001)),
            d(30_000)
        ));
        for (status, paid) in [
            (Some(Status::PartialPayment), Some(d(30_000))),
            (Some(Status::Processing), Some(d(30_000))),
            (Some(Status::from_code("00029")), Some(d(30_000))),
            (Some(Status::Success), Some(d(29_999))),
            (Some(Status::Success), None),
            (None, Some(d(30_000))),
        ] {
            assert!(
                !is_fully_paid(status.as_ref(), paid, d(30_000)),
                "{status:?} {paid:?}"
            );
        }
    }
}

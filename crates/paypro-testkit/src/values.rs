//! Valid values for fields with a structured format, for property tests.

use paypro_core::descriptor::TextFormat;

/// A valid CLABE from any 17 digits: the digits and their check digit.
pub fn clabe(first17: &str) -> String {
    let mut digits: String = first17
        .chars()
        .filter(char::is_ascii_digit)
        .take(17)
        .collect();
    while digits.len() < 17 {
        digits.push('0');
    }
    // The check digit is the one the spec's CLABE rule accepts (no second copy of the rule).
    (b'0'..=b'9')
        .map(|check| format!("{digits}{}", char::from(check)))
        .find(|candidate| paypro_core::check_format(TextFormat::Clabe, candidate).is_ok())
        .expect("exactly one check digit makes 17 digits a valid CLABE")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_made_clabe_passes_the_rule() {
        use paypro_core::descriptor::TextFormat;
        for seed in ["01218000000000001", "", "99999999999999999", "12345"] {
            let clabe = super::clabe(seed);
            assert_eq!(
                paypro_core::check_format(TextFormat::Clabe, &clabe),
                Ok(()),
                "{clabe}"
            );
        }
        assert_eq!(super::clabe("01218000000000001"), "012180000000000015");
    }
}

//! Misuse that must not compile, each with the message a merchant sees (`tests/ui/**/*.stderr`),
//! and the correct use next to it (`tests/ui/pass/`), so a failure is the misuse's and not a
//! broken build.

#[test]
fn misuse_is_a_compile_error() {
    let t = trybuild::TestCases::new();
    // #[derive(Signable)] on shapes it cannot sign in a fixed order.
    t.compile_fail("tests/ui/derive/*.rs");
    // A verified-notification extractor over Kenya's unsigned callbacks.
    t.compile_fail("tests/ui/notified/*.rs");
    t.pass("tests/ui/pass/*.rs");
}

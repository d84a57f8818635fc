//! Compile-fail tests: misuse of `#[derive(Signable)]` is a compile error with a clear message.

#[test]
fn derive_misuse_is_a_compile_error() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

//! Misuse that must not compile, each with the message a merchant sees (`tests/ui/**/*.stderr`),
//! and the correct use next to it (`tests/ui/pass/`), so a failure is the misuse's and not a
//! broken build.

#[test]
fn misuse_is_a_compile_error() {
    // trybuild's own build takes no [profile] from the workspace: without this its
    // dependencies carry full debug info (hundreds of MB nobody reads). The only test here, so
    // no other thread reads the environment.
    unsafe { std::env::set_var("CARGO_PROFILE_DEV_DEBUG", "false") };
    let t = trybuild::TestCases::new();
    // #[derive(Signable)] on shapes it cannot sign in a fixed order.
    t.compile_fail("tests/ui/derive/*.rs");
    // A verified-notification extractor over Kenya's unsigned callbacks.
    t.compile_fail("tests/ui/notified/*.rs");
    t.pass("tests/ui/pass/*.rs");
}

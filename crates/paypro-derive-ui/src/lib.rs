//! Nothing but the compile-fail tests in `tests/`: misuse of `#[derive(Signable)]` is a compile
//! error with a clear message.

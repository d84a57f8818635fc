//! Nothing but the compile-fail tests in `tests/`: misuse of `#[derive(Signable)]`, and asking
//! a verifying extractor for an unsigned notification, are compile errors with a clear message.

//! Every integration test of paypro-conformance in one binary (one link instead of three).
//! Each module is one former test file.

mod fuzz;
mod schemas;
mod signing_props;

//! paypro-store's integration tests, one binary (each a module; a binary per file linked the
//! whole stack once per file).

mod lifecycle;
mod sqlite;

//! The tables this crate owns, and the start-up check that it never touches another
//! application's.

use crate::StoreError;

/// The schema-version table: it exists exactly when this crate created the others.
pub(crate) const VERSION_TABLE: &str = "paypro_schema_version";

/// Every table this crate creates, the version table last.
pub(crate) const TABLES: [&str; 3] = ["paypro_orders", "paypro_actions", VERSION_TABLE];

/// The migrations of one backend, in order: `(version, SQL)`.
pub(crate) type Migrations = &'static [(i64, &'static str)];

/// Decides, from what the database already holds, whether this crate may migrate it.
///
/// `present`: which of [`TABLES`] exist. `version_columns`: the columns of the version table,
/// when it exists. `current`: the highest version recorded there. A table of ours that exists
/// without our version table, or a version table of another shape, belongs to something else:
/// starting would read or write it, so it is a start-up error that names it. A version newer
/// than this build knows was written by a newer paypro-store.
pub(crate) fn check(
    present: &[String],
    version_columns: &[String],
    current: Option<i64>,
    known: i64,
) -> Result<(), StoreError> {
    let has_version = present.iter().any(|t| t == VERSION_TABLE);
    if !has_version {
        if let Some(table) = present.first() {
            return Err(StoreError::Conflict {
                table: table.clone(),
                reason: format!(
                    "it exists but `{VERSION_TABLE}` does not, so another application created it; \
                     paypro-store never reads or writes a table it did not create: rename that \
                     table or use another database (or schema)"
                ),
            });
        }
        return Ok(());
    }
    if version_columns != ["version"] {
        return Err(StoreError::Conflict {
            table: VERSION_TABLE.to_string(),
            reason: format!(
                "its columns are {version_columns:?}, not paypro-store's (`version`): it belongs \
                 to another application"
            ),
        });
    }
    if let Some(table) = TABLES.iter().find(|t| !present.iter().any(|p| p == *t)) {
        return Err(StoreError::Conflict {
            table: table.to_string(),
            reason: format!(
                "`{VERSION_TABLE}` exists but this table does not: the schema was changed by hand"
            ),
        });
    }
    match current {
        Some(v) if v > known => Err(StoreError::Conflict {
            table: VERSION_TABLE.to_string(),
            reason: format!(
                "the database is at schema version {v}, newer than this build's {known}: upgrade \
                 paypro-store"
            ),
        }),
        _ => Ok(()),
    }
}
